/*
 * strtok keeps its place per thread, as msvcrt's does (wasi-libc's keeps one place for the whole
 * process, so two threads tokenizing at once would take each other's tokens). Every call to strtok,
 * libc's own included, reaches this one (-Wl,--wrap=strtok). No lock.
 */
#include <string.h>

static _Thread_local char *thread_place;

char *__wrap_strtok(char *s, const char *delim) { return strtok_r(s, delim, &thread_place); }
