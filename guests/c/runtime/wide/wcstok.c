/*
 * Wide tokenizers. wcstok is ISO's (the third argument keeps the place); given a NULL context it
 * keeps its place per thread, as UCRT's does, which is also what msvcrt's 2-argument wcstok and
 * _wcstok do. wcstok_s checks its arguments (EINVAL and NULL for a NULL delimiter or context, or a
 * NULL string with nothing to continue).
 */
#include <wchar.h>
#include <errno.h>

static _Thread_local wchar_t *thread_context;

static wchar_t *next_token(wchar_t *s, const wchar_t *delim, wchar_t **context) {
  if (!s) s = *context;
  if (!s) return 0;
  s += wcsspn(s, delim);
  if (!*s) { *context = s; return 0; }
  wchar_t *end = s + wcscspn(s, delim);
  if (*end) *end++ = 0;
  *context = end;
  return s;
}

wchar_t *wcstok(wchar_t *restrict s, const wchar_t *restrict delim, wchar_t **restrict context) {
  return next_token(s, delim, context ? context : &thread_context);
}

wchar_t *_wcstok(wchar_t *restrict s, const wchar_t *restrict delim) {
  return next_token(s, delim, &thread_context);
}

wchar_t *wcstok_s(wchar_t *s, const wchar_t *delim, wchar_t **context) {
  if (!context || !delim || (!s && !*context)) { errno = EINVAL; return 0; }
  return next_token(s, delim, context);
}
