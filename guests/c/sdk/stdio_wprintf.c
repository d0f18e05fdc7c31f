/*
 * Wide output: wprintf with msvcrt's wide-format rules (%s/%c wide, %S/%C narrow, %ls/%hs explicit),
 * widths and precision, swprintf (ISO, with a count) and its truncation result, _swprintf,
 * _snwprintf, _scwprintf, swprintf_s, fputws, putwchar, _putws, fwide, _setmode(_O_U16TEXT).
 * Expected output confirmed with mingw-w64 + Wine 8.0 (x86_64-w64-mingw32-gcc -D__USE_MINGW_ANSI_STDIO=0)
 * for the ASCII lines. Differences, by design: non-ASCII text reaches the console as UTF-8 (Windows
 * converts it to the console's code page, and msvcrt's "C" locale fails on characters above U+00FF);
 * swprintf's truncated buffer is terminated as UCRT does (mingw's swprintf over msvcrt's _vsnwprintf
 * leaves it unterminated); after _setmode(_O_U16TEXT) output stays UTF-8.
 */
#include <stdio.h>
#include <wchar.h>
#include <string.h>
#include <errno.h>
#include <io.h>
#include <fcntl.h>

static void show(const char *what, int r, const wchar_t *b, int n) {
  printf("%-16s %3d [", what, r);
  for (int i = 0; i < n; i++) {
    unsigned c = b[i];
    if (c >= 32 && c < 127) putchar((int)c); else printf("\\u%04x", c);
  }
  printf("]\n");
}

int main(void) {
  wchar_t w[32];
  int r;

  r = wprintf(L"[%s] [%S] [%c] [%C] [%ls] [%hs] [%lc] [%hc]\n", L"wide", "narrow", L'w', 'n', L"ls", "hs", L'L', 'H');
  printf("wprintf returned %d\n", r);
  wprintf(L"[%8s] [%-8s] [%.3s] [%8.2S] [%-3c] [%3C]\n", L"right", L"left", L"precision", "narrow", L'a', 'b');
  wprintf(L"[%d] [%5d] [%-5d] [%05d] [%x] [%#X] [%I64d] [%Iu] [%lld] [%u]\n", -42, 42, 42, 42, 255, 255, -9000000000LL, (size_t)7, 123456789012LL, 3000000000u);
  wprintf(L"[%.2f] [%8.3f] [%g] [%%] [%s]\n", 3.14159, 2.5, 0.5, (wchar_t *)NULL);

  /* Non-ASCII: UTF-8 on the console, a surrogate pair as one character. */
  r = wprintf(L"%s\n", L"Grüße, 世界");
  printf("returned %d\n", r);
  r = wprintf(L"[%s] [%c%c]\n", L"smile \U0001F600", 0xD83D, 0xDE00);
  printf("returned %d\n", r);
  wprintf(L"[%S]\n", "UTF-8 narrow: caf\xc3\xa9");

  /* swprintf (ISO): the count includes the terminator; a result that does not fit is -1. */
  wmemset(w, L'#', 32); r = swprintf(w, 8, L"%d-%s", 12, L"ab"); show("swprintf fits", r, w, 8);
  wmemset(w, L'#', 32); r = swprintf(w, 5, L"%s", L"abcd"); show("swprintf exact", r, w, 6);
  wmemset(w, L'#', 32); r = swprintf(w, 5, L"%s", L"abcdefg"); show("swprintf cut", r, w, 6);
  wmemset(w, L'#', 32); r = _swprintf(w, L"%S|%s|%C", "na", L"wi", 'c'); show("_swprintf", r, w, 10);
  wmemset(w, L'#', 32); r = _snwprintf(w, 5, L"%s", L"abc"); show("_snwprintf 3/5", r, w, 6);
  wmemset(w, L'#', 32); r = _snwprintf(w, 5, L"%s", L"abcde"); show("_snwprintf 5/5", r, w, 6);
  wmemset(w, L'#', 32); r = _snwprintf(w, 5, L"%s", L"abcdefg"); show("_snwprintf 7/5", r, w, 6);
  printf("_scwprintf %d\n", _scwprintf(L"%d-%s", 123, L"xyz"));
  wmemset(w, L'#', 32); errno = 0; r = swprintf_s(w, 8, L"%s", L"abc"); show("swprintf_s", r, w, 5);
  wmemset(w, L'#', 32); errno = 0; r = swprintf_s(w, 5, L"%s", L"abcdefg"); show("swprintf_s small", r, w, 6);
  printf("ERANGE %d\n", errno == ERANGE);
  wmemset(w, L'#', 32); r = _snwprintf_s(w, 5, _TRUNCATE, L"%s", L"abcdefg"); show("_snwprintf_s T", r, w, 6);

  r = fputws(L"fputws line\n", stdout);
  printf("fputws returned %d\n", r);
  r = putwchar(L'Z');
  printf(" putwchar returned %d\n", r);
  r = _putws(L"_putws line");
  printf("_putws returned %d\n", r);
  printf("fwide %d %d %d\n", fwide(stdout, 0), fwide(stdout, 1), fwide(stdout, -1));
  fputws(L"non-ASCII fputws: \u00e9\u00e8 \u4e16\n", stdout);

  fflush(stdout);
  r = _setmode(_fileno(stdout), _O_U16TEXT);
  wprintf(L"after _setmode(_O_U16TEXT): previous mode 0x%x\n", r);
  r = _setmode(_fileno(stdout), _O_TEXT);
  wprintf(L"back to _O_TEXT: previous mode 0x%x\n", r);
  return 0;
}
