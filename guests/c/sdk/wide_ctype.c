/*
 * Wide character classes and case mapping in the "C" locale: the isw* functions return msvcrt's
 * class bits (iswalpha(L'A') is 257), letters outside ASCII are letters but keep their case under
 * towlower/towupper and _wcsicmp, and wctype/iswctype/wctrans/towctrans work with the same bits.
 * Expected output confirmed with mingw-w64 (x86_64-w64-mingw32-gcc -D__USE_MINGW_ANSI_STDIO=0) + Wine 8.0.
 * (Left out: wctype("blank"), which is _BLANK in ntwasm as in Microsoft's documentation, 0 in Wine.)
 */
#include <windows.h>
#include <stdio.h>
#include <ctype.h>
#include <wchar.h>
#include <wctype.h>

int main(void) {
  static const wchar_t chars[] = {
    L'A', L'z', L'5', L'f', L' ', L'\t', L'\n', L'!', L'_', 0x7f, 0xa0, 0xe9, 0xc9, 0xb2, 0xd7, 0xdf,
    0x100, 0x101, 0x130, 0x391, 0x3b1, 0x416, 0x436, 0x5d0, 0x660, 0x2028, 0x2160, 0x3000, 0x3042,
    0x4e00, 0xd800, 0xdc00, 0xe000, 0xff10, 0xff21, 0xff41, 0xfffd, WEOF,
  };
  for (size_t i = 0; i < sizeof chars / sizeof chars[0]; i++) {
    wint_t c = chars[i];
    printf("U+%04X alpha %d upper %d lower %d digit %d xdigit %d space %d punct %d alnum %d print %d graph %d"
           " cntrl %d blank %d ascii %d csym %d/%d | lower U+%04X upper U+%04X\n",
           (unsigned)c, iswalpha(c), iswupper(c), iswlower(c), iswdigit(c), iswxdigit(c), iswspace(c), iswpunct(c),
           iswalnum(c), iswprint(c), iswgraph(c), iswcntrl(c), iswblank(c), iswascii(c), __iswcsym(c) != 0,
           __iswcsymf(c) != 0, (unsigned)towlower(c), (unsigned)towupper(c));
  }
  printf("wctype alnum %d alpha %d cntrl %d digit %d graph %d lower %d print %d punct %d space %d upper %d"
         " xdigit %d bogus %d\n",
         wctype("alnum"), wctype("alpha"), wctype("cntrl"), wctype("digit"), wctype("graph"), wctype("lower"),
         wctype("print"), wctype("punct"), wctype("space"), wctype("upper"), wctype("xdigit"), wctype("bogus"));
  printf("iswctype(A, alpha) %d, (5, alpha) %d, (A, 0x1ff) %d, (U+4E00, 0xffff) %d, (U+0410, _UPPER|_ALPHA) %d\n",
         iswctype(L'A', wctype("alpha")), iswctype(L'5', wctype("alpha")), iswctype(L'A', 0x1ff),
         iswctype(0x4e00, 0xffff), iswctype(0x410, _UPPER | _ALPHA));
  printf("wctrans tolower %d toupper %d bogus %d; towctrans U+%04X U+%04X U+%04X\n", wctrans("tolower"),
         wctrans("toupper"), wctrans("bogus"), (unsigned)towctrans(L'a', wctrans("toupper")),
         (unsigned)towctrans(L'Q', wctrans("tolower")), (unsigned)towctrans(0xe9, wctrans("toupper")));
  printf("narrow: isalpha %d %d, isdigit %d, isspace %d, isupper %d, toupper %c, tolower(0xC9) %d\n",
         isalpha('a') != 0, isalpha(0xe9) != 0, isdigit('7') != 0, isspace('\v') != 0, isupper('a') != 0,
         toupper('q'), tolower(0xc9));
  printf("_tolower %c _toupper %c __isascii %d %d __toascii %d\n", _tolower('G'), _toupper('g'),
         __isascii('~') != 0, __isascii(0x80) != 0, __toascii(0xc1));
  return 0;
}
