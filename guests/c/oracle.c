/*
 * A single-threaded WASI program built with plain clang (no ntwasm runtime, its own exported memory):
 * test/c-guests.test.ts runs it under @wasmer/wasi and under ntwasm and compares what it prints.
 * Output is deterministic: arguments, environment, formatting, long and UTF-8 text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

int main(int argc, char **argv) {
  for (int i = 0; i < argc; i++) printf("arg %d: [%s]\n", i, argv[i]);
  int n = 0;
  for (char **e = environ; *e; e++) n++;
  printf("%d environment variables; GREETING=%s\n", n, getenv("GREETING") ? getenv("GREETING") : "(unset)");
  printf("%5d|%-5d|%05.1f|%x|%s\n", 42, -7, 3.14159, 0xbeefu, "text");
  for (int i = 0; i < 300; i++) printf("line %03d: héllo wörld — ünïcode ✓ %s\n", i, i % 7 ? "" : "every seventh");
  fputs("no newline at the end", stdout);
  return 0;
}
