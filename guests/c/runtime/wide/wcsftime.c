/*
 * wcsftime: strftime for wide strings (the format and the result are UTF-16; strftime does the work
 * in UTF-8). Results longer than 1024 characters are not supported (0, as for one that does not fit).
 */
#include <wchar.h>
#include <stdlib.h>
#include <time.h>

#define MAX_CHARS 1024

size_t wcsftime(wchar_t *restrict s, size_t n, const wchar_t *restrict format, const struct tm *restrict tm) {
  if (!s || !format || !tm || !n) return 0;
  size_t flen = wcstombs(0, format, 0);
  if (flen == (size_t)-1 || flen >= MAX_CHARS * 3) return 0;
  char fmt[MAX_CHARS * 3 + 1];
  wcstombs(fmt, format, sizeof fmt);
  size_t cap = (n < MAX_CHARS ? n : MAX_CHARS) * 3 + 1;
  char out[MAX_CHARS * 3 + 1];
  size_t len = strftime(out, cap, fmt, tm);
  if (!len && fmt[0]) { s[0] = 0; return 0; }
  out[len] = 0;
  size_t wlen = mbstowcs(0, out, 0);
  if (wlen == (size_t)-1 || wlen + 1 > n) { s[0] = 0; return 0; }
  mbstowcs(s, out, n);
  return wlen;
}
