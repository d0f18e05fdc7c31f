/*
 * Wide numbers: wcstol and friends (bases, prefixes, white space, other scripts' digits, ranges),
 * _wtoi/_wtol/_wtoi64/_wtof, wcstod, and _itow and friends with their _s forms.
 * Expected output confirmed with mingw-w64 (x86_64-w64-mingw32-gcc -D__USE_MINGW_ANSI_STDIO=0) + Wine 8.0.
 * (Left out: hex floats and "inf", which msvcrt lacks and UCRT has; the overflow of atoi and _wtoi64,
 * where msvcrt wraps and UCRT, like ntwasm, saturates with ERANGE.)
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <errno.h>
#include <limits.h>

static const char *err(void) {
  return errno == 0 ? "0" : errno == ERANGE ? "ERANGE" : errno == EINVAL ? "EINVAL" : errno == EILSEQ ? "EILSEQ" : "other";
}

static void show(const char *label, const wchar_t *s) {
  printf("%s \"", label);
  for (; *s; s++) {
    if (*s >= 0x20 && *s < 0x7f) putchar((char)*s);
    else printf("\\u%04X", (unsigned)*s);
  }
  printf("\"\n");
}

static void l(const wchar_t *s, int base) {
  wchar_t *end;
  errno = 0;
  long v = wcstol(s, &end, base);
  const char *e = err();
  printf("wcstol(%d) = %ld, used %d, errno %s\n", base, v, (int)(end - s), e);
}

static void ul(const wchar_t *s, int base) {
  wchar_t *end;
  errno = 0;
  unsigned long v = wcstoul(s, &end, base);
  const char *e = err();
  printf("wcstoul(%d) = %lu, used %d, errno %s\n", base, v, (int)(end - s), e);
}

static void ll(const wchar_t *s) {
  errno = 0;
  long long v = wcstoll(s, NULL, 10);
  printf("wcstoll = %lld, errno %s\n", v, err());
}

static void ull(const wchar_t *s) {
  errno = 0;
  unsigned long long v = wcstoull(s, NULL, 10);
  printf("wcstoull = %llu, errno %s\n", v, err());
}

static void d(const wchar_t *s) {
  wchar_t *end;
  errno = 0;
  double v = wcstod(s, &end);
  const char *e = err();
  if (v > 1e308 || v < -1e308) printf("wcstod = %sinfinity, used %d, errno %s\n", v < 0 ? "-" : "", (int)(end - s), e);
  else printf("wcstod = %.6g, used %d, errno %s\n", v, (int)(end - s), e);
}

int main(void) {
  l(L"  -123abc", 10);
  l(L"+42", 10);
  l(L"0x1F", 0);
  l(L"0X1a", 16);
  l(L"1a", 16);
  l(L"077", 0);
  l(L"0", 0);
  l(L"zz", 36);
  l(L"101", 2);
  l(L"0x", 16);
  l(L"0xg", 0);
  l(L"", 10);
  l(L"   ", 10);
  l(L"-", 10);
  l(L"2147483647", 10);
  l(L"2147483648", 10);
  l(L"-2147483648", 10);
  l(L"-2147483649", 10);
  l(L"99999999999999999999999", 10);
  l(L"\uff11\uff12\uff13", 10);  /* fullwidth digits */
  l(L"\u0661\u0662", 10);        /* Arabic-Indic digits */
  l(L"\u0967\u0966", 10);        /* Devanagari digits */
  l(L"\u3000\t 7", 10);          /* ideographic space */
  l(L"\uff41", 16);              /* a fullwidth letter is no digit */
  {
    wchar_t *end = NULL;
    const wchar_t *s = L"12";
    errno = 0;
    long v = wcstol(s, &end, 1);
    const char *e = err();
    printf("wcstol(1) = %ld, errno %s\n", v, e);
  }
  ul(L"-1", 10);
  ul(L"4294967295", 10);
  ul(L"4294967296", 10);
  ul(L"-4294967295", 10);
  ul(L"ffffffff", 16);
  ul(L"-4294967296", 10);
  ul(L"99999999999", 10);

  ll(L"-9223372036854775808");
  ll(L"9223372036854775808");
  ll(L"-9223372036854775809");
  ull(L"18446744073709551615");
  ull(L"18446744073709551616");
  ull(L"-1");
  errno = 0;
  long long i64 = _wcstoi64(L"0x7fffffffffffffff", NULL, 0);
  printf("_wcstoi64 %lld errno %s\n", i64, err());
  errno = 0;
  unsigned long long u64 = _wcstoui64(L"18446744073709551616", NULL, 10);
  printf("_wcstoui64 %llu errno %s\n", u64, err());
  errno = 0;
  int big = _wtoi(L"99999999999");
  printf("_wtoi(99999999999) %d errno %s\n", big, err());
  errno = 0;
  big = _wtoi(L"-3000000000");
  printf("_wtoi(-3000000000) %d errno %s\n", big, err());

  printf("_wtoi %d %d %d\n", _wtoi(L" 42"), _wtoi(L"-17xyz"), _wtoi(L"abc"));
  printf("_wtol %ld, _wtoi64 %lld\n", _wtol(L"-2147483648"), _wtoi64(L"1234567890123"));
  printf("_wtof %.4f %.4f\n", _wtof(L" 3.25x"), _wtof(L"-1e-2"));

  d(L"1.5e3xyz");
  d(L"  -0.25");
  d(L".5");
  d(L"1.");
  d(L"1e");
  d(L"1e+");
  d(L"12.1d2");  /* msvcrt takes d/D for an exponent */
  d(L"-1e999");
  d(L"1e-999");
  d(L"abc");
  d(L"\uff11.5");
  printf("wcstof %.3f\n", (double)wcstof(L"0.1", NULL));

  wchar_t buf[70];
  show("_itow(255, 16)", _itow(255, buf, 16));
  show("_itow(-255, 10)", _itow(-255, buf, 10));
  show("_itow(-255, 16)", _itow(-255, buf, 16));
  show("_itow(5, 2)", _itow(5, buf, 2));
  show("_ltow(-1, 8)", _ltow(-1, buf, 8));
  show("_ultow(4294967295, 36)", _ultow(4294967295UL, buf, 36));
  show("_i64tow(-1, 16)", _i64tow(-1, buf, 16));
  show("_i64tow(min, 10)", _i64tow(LLONG_MIN, buf, 10));
  show("_ui64tow(max, 10)", _ui64tow(ULLONG_MAX, buf, 10));
  show("_ui64tow(max, 2)", _ui64tow(ULLONG_MAX, buf, 2));

  wchar_t small[4];
  errno_t e = _itow_s(123, small, _countof(small), 10);
  show("_itow_s(123) ->", small);
  printf("  returned %d\n", e);
  errno = 0;
  e = _itow_s(1234, small, _countof(small), 10);
  const char *en = err();
  printf("_itow_s(1234) into 4: ERANGE %d, emptied %d, errno %s\n", e == ERANGE, small[0] == 0, en);
  errno = 0;
  e = _itow_s(-12, small, _countof(small), 10);
  show("_itow_s(-12) ->", small);
  e = _itow_s(-123, small, _countof(small), 10);
  printf("_itow_s(-123) into 4: ERANGE %d\n", e == ERANGE);
  errno = 0;
  e = _itow_s(1, small, _countof(small), 1);
  en = err();
  printf("_itow_s radix 1: EINVAL %d, errno %s\n", e == EINVAL, en);
  e = _i64tow_s(-1, buf, _countof(buf), 16);
  show("_i64tow_s(-1, 16) ->", buf);
  e = _ui64tow_s(0, buf, _countof(buf), 10);
  show("_ui64tow_s(0) ->", buf);
  return 0;
}
