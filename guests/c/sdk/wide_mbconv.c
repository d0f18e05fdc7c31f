/*
 * Multibyte <-> wide conversions. ntwasm's multibyte ("ANSI") encoding is UTF-8 and wide strings are
 * UTF-16, as in a Windows program with the UTF-8 code page (setlocale(LC_ALL, ".UTF8") with UCRT):
 * U+1F600 is 4 bytes and the surrogate pair D83D DE00.
 * Expected output: the UTF-8/UTF-16 encodings of the Unicode standard and the C rules for
 * mbrtowc/wcrtomb (a split character, (size_t)-2 and -3) and the _s functions (UCRT's rules); the
 * counts, limits and _s results for ASCII were confirmed with mingw-w64 (-specs with -lucrt) + Wine 8.0.
 * Wine 8's own UTF-8 locale is incomplete (it turns surrogate pairs into U+FFFD), so the non-ASCII
 * lines were not compared with it. mbtowc cannot return a character outside the BMP in one wchar_t:
 * ntwasm fails it with EILSEQ (mbrtowc and mbstowcs convert it).
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <errno.h>
#include <locale.h>

static const char *err(void) {
  return errno == 0 ? "0" : errno == ERANGE ? "ERANGE" : errno == EINVAL ? "EINVAL" : errno == EILSEQ ? "EILSEQ" : "other";
}

static void hex(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) printf(" %02x", (unsigned char)s[i]);
  printf("\n");
}

static void units(const wchar_t *w, size_t n) {
  for (size_t i = 0; i < n; i++) printf(" %04x", (unsigned)w[i]);
  printf("\n");
}

int main(void) {
  const char *utf8 = "A\xc3\xa9\xe6\xb0\xb4\xf0\x9f\x98\x80Z"; /* A, e-acute, U+6C34, U+1F600, Z */
  wchar_t w[16];
  char b[32];
  size_t n;

  setlocale(LC_ALL, ".UTF8"); /* Windows' UTF-8 locale (UCRT); in ntwasm the encoding is always UTF-8 */
  printf("MB_CUR_MAX %d\n", (int)MB_CUR_MAX);
  n = mbstowcs(w, utf8, 16);
  printf("mbstowcs %d:", (int)n);
  units(w, n <= 16 ? n : 0);
  printf("mbstowcs(NULL) %d\n", (int)mbstowcs(NULL, utf8, 0));
  n = mbstowcs(w, utf8, 4);
  printf("mbstowcs into 4: %d (the pair does not fit)\n", (int)n);
  n = mbstowcs(w, utf8, 16);
  n = wcstombs(b, w, sizeof b);
  printf("wcstombs %d:", (int)n);
  hex(b, n <= sizeof b ? n : 0);
  printf("wcstombs(NULL) %d\n", (int)wcstombs(NULL, w, 0));
  printf("wcstombs limited to 5: %d, 6: %d, 7: %d\n", (int)wcstombs(b, w, 5), (int)wcstombs(b, w, 6), (int)wcstombs(b, w, 7));

  static const char *const bad[] = { "a\xff", "a\xc3", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\x80" };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    errno = 0;
    n = mbstowcs(w, bad[i], 16);
    const char *e = err();
    printf("mbstowcs invalid #%d: %d errno %s\n", (int)i, (int)n, e);
  }
  wchar_t lone[] = { 0xd800, L'a', 0 };
  errno = 0;
  n = wcstombs(b, lone, sizeof b);
  printf("wcstombs lone surrogate: %d errno %s\n", (int)n, err());

  wchar_t wc = 0;
  int r = mbtowc(&wc, "\xc3\xa9", 2);
  printf("mbtowc %d U+%04X\n", r, (unsigned)wc);
  errno = 0;
  r = mbtowc(&wc, "\xf0\x9f\x98\x80", 4);
  printf("mbtowc of U+1F600: %d errno %s\n", r, err());
  errno = 0;
  r = mbtowc(&wc, "\xc3", 1);
  printf("mbtowc of half a character: %d errno %s\n", r, err());
  printf("mbtowc(\"\") %d, mbtowc(NULL) %d\n", mbtowc(&wc, "", 1), mbtowc(NULL, NULL, 0));
  printf("mblen %d %d %d %d %d\n", mblen("\xe6\xb0\xb4", 3), mblen("\xf0\x9f\x98\x80", 4), mblen("", 1), mblen("a", 1), mblen("\xe6\xb0", 2));
  r = wctomb(b, 0x6c34);
  printf("wctomb %d:", r);
  hex(b, r > 0 ? (size_t)r : 0);
  errno = 0;
  r = wctomb(b, 0xd800);
  printf("wctomb surrogate %d errno %s\n", r, err());

  mbstate_t st;
  memset(&st, 0, sizeof st);
  n = mbrtowc(&wc, "\xe6", 1, &st);
  printf("mbrtowc first byte: %d, mbsinit %d", (int)n, mbsinit(&st) != 0);
  n = mbrtowc(&wc, "\xb0\xb4", 2, &st);
  printf("; the rest: %d U+%04X, mbsinit %d\n", (int)n, (unsigned)wc, mbsinit(&st) != 0);
  n = mbrtowc(&wc, "\xf0\x9f\x98\x80", 4, &st);
  printf("mbrtowc U+1F600: %d U+%04X", (int)n, (unsigned)wc);
  n = mbrtowc(&wc, "Z", 1, &st);
  printf(", then %d U+%04X", (int)n, (unsigned)wc);
  n = mbrtowc(&wc, "Z", 1, &st);
  printf(", then %d U+%04X\n", (int)n, (unsigned)wc);
  printf("mbrlen %d %d\n", (int)mbrlen("\xc3\xa9", 2, NULL), (int)mbrlen("\xc3", 1, &st));
  memset(&st, 0, sizeof st);
  n = wcrtomb(b, 0xd83d, &st);
  printf("wcrtomb high surrogate: %d", (int)n);
  n = wcrtomb(b, 0xde00, &st);
  printf(", low: %d", (int)n);
  hex(b, n <= 4 ? n : 0);
  errno = 0;
  n = wcrtomb(b, 0xde00, &st);
  printf("wcrtomb lone low surrogate: %d errno %s\n", (int)n, err());

  const char *src = utf8;
  memset(&st, 0, sizeof st);
  n = mbsrtowcs(w, &src, 3, &st);
  printf("mbsrtowcs 3: %d, next at %d\n", (int)n, (int)(src - utf8));
  n = mbsrtowcs(w, &src, 16, &st);
  printf("mbsrtowcs rest: %d, src %s\n", (int)n, src ? "set" : "NULL");
  const wchar_t *wsrc = L"x\u00e9y";
  n = wcsrtombs(b, &wsrc, 2, &st);
  printf("wcsrtombs 2: %d, next char U+%04X\n", (int)n, (unsigned)*wsrc);

  printf("btowc %d %d, wctob %d %d\n", btowc('a'), btowc(0xe9), wctob(L'a'), wctob(0xe9));

  size_t conv = 99;
  wchar_t ws[4];
  errno_t e = mbstowcs_s(&conv, ws, _countof(ws), "abcdef", _TRUNCATE);
  printf("mbstowcs_s _TRUNCATE: STRUNCATE %d, converted %d, %c%c%c\n", e == STRUNCATE, (int)conv, (char)ws[0], (char)ws[1], (char)ws[2]);
  e = mbstowcs_s(&conv, ws, _countof(ws), "abcdef", 10);
  printf("mbstowcs_s too long: ERANGE %d, emptied %d\n", e == ERANGE, ws[0] == 0);
  e = mbstowcs_s(&conv, NULL, 0, "abc", 0);
  printf("mbstowcs_s size query: %d, converted %d\n", e, (int)conv);
  e = mbstowcs_s(&conv, w, _countof(w), "abcdef", 2);
  printf("mbstowcs_s count 2: %d, converted %d, terminated %d\n", e, (int)conv, w[2] == 0);
  e = mbstowcs_s(&conv, w, _countof(w), utf8, _TRUNCATE);
  printf("mbstowcs_s UTF-8: %d, converted %d:", e, (int)conv);
  units(w, conv <= 16 ? conv : 0);
  char cs[4];
  e = wcstombs_s(&conv, cs, sizeof cs, L"abcdef", _TRUNCATE);
  printf("wcstombs_s _TRUNCATE: STRUNCATE %d, converted %d, %s\n", e == STRUNCATE, (int)conv, cs);
  e = wcstombs_s(&conv, cs, sizeof cs, L"abcdef", 10);
  printf("wcstombs_s too long: ERANGE %d, emptied %d\n", e == ERANGE, cs[0] == 0);
  e = wcstombs_s(&conv, NULL, 0, L"\u00e9t\u00e9", 0);
  printf("wcstombs_s size query: %d, converted %d\n", e, (int)conv);
  e = wcstombs_s(&conv, cs, sizeof cs, L"\u00e9t\u00e9", _TRUNCATE);
  printf("wcstombs_s UTF-8 _TRUNCATE: STRUNCATE %d, converted %d:", e == STRUNCATE, (int)conv);
  hex(cs, conv <= sizeof cs ? conv : 0);
  e = wcstombs_s(&conv, cs, sizeof cs, NULL, 1);
  printf("wcstombs_s(NULL source): EINVAL %d\n", e == EINVAL);
  return 0;
}
