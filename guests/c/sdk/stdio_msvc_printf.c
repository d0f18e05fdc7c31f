/*
 * MSVC's narrow printf rules: %I64d/%I64u/%I64x, %I32d, %Id/%Iu/%Ix (size_t), %S/%C and %ls/%lc
 * (wide arguments in a narrow format), %hs/%hc, %p, _snprintf's truncation, _scprintf, sprintf_s,
 * _snprintf_s, printf_s.
 * Expected output confirmed with mingw-w64 + Wine 8.0 (x86_64-w64-mingw32-gcc -D__USE_MINGW_ANSI_STDIO=0),
 * except: exponents have 2 digits as in UCRT (msvcrt.dll prints 3: 1E-010), %p is MSVC's 32-bit form (8 hex digits; Wine's 64-bit build prints 16), and sprintf_s with
 * a buffer too small empties it with ERANGE as Microsoft documents for UCRT (Wine's msvcrt leaves it
 * cut and unterminated).
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <wchar.h>

static void show(const char *what, int r, const char *b, int n) {
  printf("%-14s %3d [", what, r);
  for (int i = 0; i < n; i++) {
    unsigned char c = (unsigned char)b[i];
    if (c >= 32 && c < 127) putchar(c); else printf("\\%02x", c);
  }
  printf("]\n");
}

int main(void) {
  char b[16];
  int r;
  long long big = -1234567890123LL;
  unsigned long long ubig = 18446744073709551615ULL;
  size_t sz = 4000000000u;

  printf("[%I64d] [%I64u] [%I64x] [%I64X] [%I32d] [%I32u]\n", big, ubig, 0xABCDEF0123LL, 0xabcdef0123LL, -7, 7u);
  printf("[%Iu] [%Ix] [%Id] [%zu] [%lld] [%llu] [%ld]\n", sz, (size_t)0xbeef, (ptrdiff_t)-3, (size_t)12, big, ubig, -2147483647L - 1);
  printf("[%S] [%ls] [%hs] [%s] [%C] [%lc] [%hc] [%c]\n", L"wide", L"also wide", "narrow", "plain", L'W', L'x', 'n', 'c');
  printf("[%6S] [%-6S] [%.2S] [%6.3ls] [%-4C] [%4lc]\n", L"ab", L"ab", L"abcdef", L"abcdef", L'z', L'y');
  printf("[%s] [%S]\n", (char *)NULL, (wchar_t *)NULL);
  printf("[%p]\n", (void *)0x0012FF7C);
  printf("[%5d] [%-5d] [%05d] [%+d] [% d] [%x] [%#x] [%#o] [%.3d] [%*d] [%-*d] [%.*s]\n", 42, 42, 42, 42, 42, 255, 255, 8, 7, 4, 1, 4, 2, 3, "abcdef");
  printf("[%hd] [%hu] [%u] [%o] [%X] [%%]\n", 70000, 70000, 4294967295u, 511, 48879);
  printf("[%.2f] [%10.3f] [%-10.1f] [%g] [%G] [%.3g] [%E]\n", 3.14159, 2.5, -1.375, 0.0001, 1e-10, 1234567.0, 12345.678);

  /* _snprintf: terminated when shorter than the buffer; exactly full: not terminated; longer: -1. */
  memset(b, '#', sizeof b); r = _snprintf(b, 5, "%s", "abc"); show("_snprintf 3/5", r, b, 6);
  memset(b, '#', sizeof b); r = _snprintf(b, 5, "%s", "abcde"); show("_snprintf 5/5", r, b, 6);
  memset(b, '#', sizeof b); r = _snprintf(b, 5, "%d", 1234567); show("_snprintf 7/5", r, b, 6);
  printf("_snprintf(NULL, 0) %d\n", _snprintf(NULL, 0, "%s-%d", "abc", 12345));
  printf("_scprintf %d %d\n", _scprintf("%d-%s", 123, "xy"), _scprintf("%I64d", big));

  /* snprintf is C99's (it counts what did not fit). */
  memset(b, '#', sizeof b); r = snprintf(b, 5, "%s", "abcdefg"); show("snprintf 7/5", r, b, 6);

  /* sprintf_s and _snprintf_s */
  memset(b, '#', sizeof b); errno = 0; r = sprintf_s(b, 8, "%s", "abcd"); show("sprintf_s", r, b, 6); printf("errno %d\n", errno);
  memset(b, '#', sizeof b); errno = 0; r = sprintf_s(b, 5, "%s", "abcdefg"); printf("sprintf_s small %d [%s] ERANGE %d\n", r, b, errno == ERANGE);
  memset(b, '#', sizeof b); errno = 0; r = _snprintf_s(b, 5, _TRUNCATE, "%s", "abcdefg"); show("_snprintf_s T", r, b, 6); printf("errno %d\n", errno);
  memset(b, '#', sizeof b); r = _snprintf_s(b, 8, 3, "%s", "abcdefg"); show("_snprintf_s 3", r, b, 6);
  memset(b, '#', sizeof b); r = _snprintf_s(b, 5, 4, "%s", "abcd"); show("_snprintf_s 4", r, b, 6);
  memset(b, '#', sizeof b); errno = 0; r = _snprintf_s(b, 5, 7, "%s", "abcdefg"); show("_snprintf_s 7", r, b, 6); printf("ERANGE %d\n", errno == ERANGE);

  r = printf_s("printf_s %s\n", "ok");
  printf("returned %d\n", r);
  r = fprintf_s(stdout, "fprintf_s %I64u\n", 5ULL);
  printf("returned %d\n", r);
  return 0;
}
