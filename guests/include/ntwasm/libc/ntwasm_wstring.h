/*
 * ntwasm: the SDK's wide-character C library (16-bit wchar_t, UTF-16) and MSVC's string and number
 * extras. Declarations shared by the SDK's <wchar.h>, <wctype.h>, <string.h>, <stdlib.h> and <ctype.h>,
 * which make them visible where MSVC's headers do (MSVC's <string.h> declares wcslen, its <stdlib.h>
 * _wtoi, wcstol and mbstowcs, its <ctype.h> iswalpha...). Implemented in guests/c/runtime/wide/.
 *
 * As on Windows:
 * - wchar_t and wint_t are 16 bits, WEOF is 0xFFFF; strings are UTF-16. The multibyte encoding is
 *   UTF-8 (ntwasm's "ANSI" code page): mbstowcs, wcstombs, mbrtowc, wcrtomb... convert UTF-8 to and
 *   from UTF-16, surrogate pairs included. MB_CUR_MAX is 4.
 * - the "C" locale's rules: towlower/towupper, _wcsicmp, _wcslwr... change ASCII letters only;
 *   iswalpha and the other isw* classify every UTF-16 code unit with msvcrt's table and return its
 *   bits (iswalpha(L'A') is _ALPHA|_UPPER masked: 0x101), as msvcrt does.
 * - the _s functions check their arguments the way MSVC's do. MSVC then calls the invalid-parameter
 *   handler, which by default ends the program; ntwasm behaves as with a handler that returns: the
 *   call sets errno, returns EINVAL or ERANGE, and empties the destination string where MSVC does.
 *
 * The conversion and classification functions (mbtowc, mbrtowc, iswalpha, towlower...) are linked
 * under __ntwasm_ names: wasi-libc's own code (getopt, fnmatch, regex, iconv) keeps calling its
 * 32-bit versions of them. Not for direct inclusion: include <wchar.h>, <string.h> or <stdlib.h>.
 */
#ifndef NTWASM_WSTRING_H
#define NTWASM_WSTRING_H

#define __need_size_t
#define __need_wchar_t
#define __need_NULL
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* mbstate_t is musl's (defined once, wherever <bits/alltypes.h> is first asked for it). */
#define __NEED_mbstate_t
#include <bits/alltypes.h>

/* wint_t and wctype_t as MSVC has them (musl's <bits/alltypes.h> then leaves them alone). */
#ifndef __DEFINED_wint_t
#define __DEFINED_wint_t
typedef unsigned short wint_t;
#endif
#ifndef __DEFINED_wctype_t
#define __DEFINED_wctype_t
typedef unsigned short wctype_t;
#endif
#ifndef _WCTYPE_T_DEFINED
#define _WCTYPE_T_DEFINED
#endif

#undef WEOF
#define WEOF ((wint_t)0xFFFF)

#ifndef _ERRCODE_DEFINED
#define _ERRCODE_DEFINED
typedef int errno_t;
#endif
#ifndef _RSIZE_T_DEFINED
#define _RSIZE_T_DEFINED
typedef size_t rsize_t;
#endif
#ifndef _TRUNCATE
#define _TRUNCATE ((size_t)-1)
#endif
#ifndef STRUNCATE
#define STRUNCATE 80 /* MSVC's errno for a _TRUNCATE copy that truncated (no wasi-libc errno has 80) */
#endif
#ifndef _NLSCMPERROR
#define _NLSCMPERROR 2147483647
#endif

/* Character classes (the bits iswctype tests and the isw* functions return). */
#ifndef _UPPER
#define _UPPER 0x1
#define _LOWER 0x2
#define _DIGIT 0x4
#define _SPACE 0x8
#define _PUNCT 0x10
#define _CONTROL 0x20
#define _BLANK 0x40
#define _HEX 0x80
#define _LEADBYTE 0x8000
#define _ALPHA (0x0100 | _UPPER | _LOWER)
#endif

#define __NTWASM_LINK(name) __asm__("__ntwasm_" #name)

/* ---- Wide strings (MSVC: <string.h> and <wchar.h>) ---- */
#ifndef NTWASM_WSTRING_DECLARED
#define NTWASM_WSTRING_DECLARED
size_t wcslen(const wchar_t *s);
size_t wcsnlen(const wchar_t *s, size_t max);
wchar_t *wcscpy(wchar_t *__restrict dst, const wchar_t *__restrict src);
wchar_t *wcsncpy(wchar_t *__restrict dst, const wchar_t *__restrict src, size_t n);
wchar_t *wcscat(wchar_t *__restrict dst, const wchar_t *__restrict src);
wchar_t *wcsncat(wchar_t *__restrict dst, const wchar_t *__restrict src, size_t n);
int wcscmp(const wchar_t *a, const wchar_t *b);
int wcsncmp(const wchar_t *a, const wchar_t *b, size_t n);
wchar_t *wcschr(const wchar_t *s, wchar_t c);
wchar_t *wcsrchr(const wchar_t *s, wchar_t c);
wchar_t *wcsstr(const wchar_t *s, const wchar_t *find);
wchar_t *wcspbrk(const wchar_t *s, const wchar_t *set);
size_t wcsspn(const wchar_t *s, const wchar_t *set);
size_t wcscspn(const wchar_t *s, const wchar_t *set);
/* ISO wcstok. With a NULL context it keeps its place per thread, as UCRT's does. */
wchar_t *wcstok(wchar_t *__restrict s, const wchar_t *__restrict delim, wchar_t **__restrict context);
wchar_t *_wcstok(wchar_t *__restrict s, const wchar_t *__restrict delim); /* msvcrt's 2-argument form */
wchar_t *wcstok_s(wchar_t *s, const wchar_t *delim, wchar_t **context);
wchar_t *wcsdup(const wchar_t *s);
wchar_t *_wcsdup(const wchar_t *s);
int wcscoll(const wchar_t *a, const wchar_t *b);
size_t wcsxfrm(wchar_t *__restrict dst, const wchar_t *__restrict src, size_t n);
int _wcsicmp(const wchar_t *a, const wchar_t *b);
int _wcsnicmp(const wchar_t *a, const wchar_t *b, size_t n);
int wcsicmp(const wchar_t *a, const wchar_t *b);
int wcsnicmp(const wchar_t *a, const wchar_t *b, size_t n);
int _wcsicoll(const wchar_t *a, const wchar_t *b);
int _wcsncoll(const wchar_t *a, const wchar_t *b, size_t n);
int _wcsnicoll(const wchar_t *a, const wchar_t *b, size_t n);
int wcsicoll(const wchar_t *a, const wchar_t *b);
wchar_t *_wcslwr(wchar_t *s);
wchar_t *_wcsupr(wchar_t *s);
wchar_t *wcslwr(wchar_t *s);
wchar_t *wcsupr(wchar_t *s);
errno_t _wcslwr_s(wchar_t *s, size_t size);
errno_t _wcsupr_s(wchar_t *s, size_t size);
wchar_t *_wcsrev(wchar_t *s);
wchar_t *wcsrev(wchar_t *s);
wchar_t *_wcsset(wchar_t *s, wchar_t c);
wchar_t *wcsset(wchar_t *s, wchar_t c);
wchar_t *_wcsnset(wchar_t *s, wchar_t c, size_t n);
wchar_t *wcsnset(wchar_t *s, wchar_t c, size_t n);
errno_t _wcsset_s(wchar_t *s, size_t size, wchar_t c);
errno_t _wcsnset_s(wchar_t *s, size_t size, wchar_t c, size_t n);
errno_t wcscpy_s(wchar_t *dst, rsize_t size, const wchar_t *src);
errno_t wcsncpy_s(wchar_t *dst, rsize_t size, const wchar_t *src, rsize_t n);
errno_t wcscat_s(wchar_t *dst, rsize_t size, const wchar_t *src);
errno_t wcsncat_s(wchar_t *dst, rsize_t size, const wchar_t *src, rsize_t n);
size_t wcsnlen_s(const wchar_t *s, size_t max);

wchar_t *wmemcpy(wchar_t *__restrict dst, const wchar_t *__restrict src, size_t n);
wchar_t *wmemmove(wchar_t *dst, const wchar_t *src, size_t n);
wchar_t *wmemset(wchar_t *dst, wchar_t c, size_t n);
int wmemcmp(const wchar_t *a, const wchar_t *b, size_t n);
wchar_t *wmemchr(const wchar_t *s, wchar_t c, size_t n);
errno_t wmemcpy_s(wchar_t *dst, rsize_t size, const wchar_t *src, rsize_t n);
errno_t wmemmove_s(wchar_t *dst, rsize_t size, const wchar_t *src, rsize_t n);
#endif

/* ---- Wide numbers (MSVC: <stdlib.h> and <wchar.h>) ---- */
#ifndef NTWASM_WSTDLIB_DECLARED
#define NTWASM_WSTDLIB_DECLARED
long wcstol(const wchar_t *__restrict s, wchar_t **__restrict end, int base);
unsigned long wcstoul(const wchar_t *__restrict s, wchar_t **__restrict end, int base);
long long wcstoll(const wchar_t *__restrict s, wchar_t **__restrict end, int base);
unsigned long long wcstoull(const wchar_t *__restrict s, wchar_t **__restrict end, int base);
long long _wcstoi64(const wchar_t *s, wchar_t **end, int base);
unsigned long long _wcstoui64(const wchar_t *s, wchar_t **end, int base);
double wcstod(const wchar_t *__restrict s, wchar_t **__restrict end);
float wcstof(const wchar_t *__restrict s, wchar_t **__restrict end);
long double wcstold(const wchar_t *__restrict s, wchar_t **__restrict end);
int _wtoi(const wchar_t *s);
long _wtol(const wchar_t *s);
long long _wtoll(const wchar_t *s);
long long _wtoi64(const wchar_t *s);
double _wtof(const wchar_t *s);
wchar_t *_itow(int value, wchar_t *buf, int radix);
wchar_t *_ltow(long value, wchar_t *buf, int radix);
wchar_t *_ultow(unsigned long value, wchar_t *buf, int radix);
wchar_t *_i64tow(long long value, wchar_t *buf, int radix);
wchar_t *_ui64tow(unsigned long long value, wchar_t *buf, int radix);
errno_t _itow_s(int value, wchar_t *buf, size_t size, int radix);
errno_t _ltow_s(long value, wchar_t *buf, size_t size, int radix);
errno_t _ultow_s(unsigned long value, wchar_t *buf, size_t size, int radix);
errno_t _i64tow_s(long long value, wchar_t *buf, size_t size, int radix);
errno_t _ui64tow_s(unsigned long long value, wchar_t *buf, size_t size, int radix);

/* Multibyte (UTF-8) <-> wide (UTF-16). */
int mblen(const char *s, size_t n) __NTWASM_LINK(mblen);
int mbtowc(wchar_t *__restrict pwc, const char *__restrict s, size_t n) __NTWASM_LINK(mbtowc);
int wctomb(char *s, wchar_t wc) __NTWASM_LINK(wctomb);
errno_t wctomb_s(int *result, char *s, rsize_t size, wchar_t wc) __NTWASM_LINK(wctomb_s);
size_t mbstowcs(wchar_t *__restrict dst, const char *__restrict src, size_t n) __NTWASM_LINK(mbstowcs);
size_t wcstombs(char *__restrict dst, const wchar_t *__restrict src, size_t n) __NTWASM_LINK(wcstombs);
errno_t mbstowcs_s(size_t *converted, wchar_t *dst, size_t size, const char *src, size_t n) __NTWASM_LINK(mbstowcs_s);
errno_t wcstombs_s(size_t *converted, char *dst, size_t size, const wchar_t *src, size_t n) __NTWASM_LINK(wcstombs_s);
#endif

/* ---- Wide character classes (MSVC: <ctype.h>, <wctype.h> and <wchar.h>) ---- */
#ifndef NTWASM_WCTYPE_DECLARED
#define NTWASM_WCTYPE_DECLARED
int iswalpha(wint_t c) __NTWASM_LINK(iswalpha);
int iswupper(wint_t c) __NTWASM_LINK(iswupper);
int iswlower(wint_t c) __NTWASM_LINK(iswlower);
int iswdigit(wint_t c) __NTWASM_LINK(iswdigit);
int iswxdigit(wint_t c) __NTWASM_LINK(iswxdigit);
int iswspace(wint_t c) __NTWASM_LINK(iswspace);
int iswpunct(wint_t c) __NTWASM_LINK(iswpunct);
int iswalnum(wint_t c) __NTWASM_LINK(iswalnum);
int iswprint(wint_t c) __NTWASM_LINK(iswprint);
int iswgraph(wint_t c) __NTWASM_LINK(iswgraph);
int iswcntrl(wint_t c) __NTWASM_LINK(iswcntrl);
int iswblank(wint_t c) __NTWASM_LINK(iswblank);
int iswascii(wint_t c) __NTWASM_LINK(iswascii);
int iswctype(wint_t c, wctype_t type) __NTWASM_LINK(iswctype);
int __iswcsym(wint_t c) __NTWASM_LINK(__iswcsym);
int __iswcsymf(wint_t c) __NTWASM_LINK(__iswcsymf);
wint_t towlower(wint_t c) __NTWASM_LINK(towlower);
wint_t towupper(wint_t c) __NTWASM_LINK(towupper);
wctype_t wctype(const char *name) __NTWASM_LINK(wctype);
int isleadbyte(int c) __NTWASM_LINK(isleadbyte);
#endif

#ifdef __cplusplus
}
#endif

#ifdef __cplusplus
/* MSVC's C++ overloads of the _s functions for arrays: wcscpy_s(buf, src) takes the size from buf. */
extern "C++" {
template <size_t N> inline errno_t wcscpy_s(wchar_t (&dst)[N], const wchar_t *src) { return ::wcscpy_s(dst, N, src); }
template <size_t N> inline errno_t wcsncpy_s(wchar_t (&dst)[N], const wchar_t *src, size_t n) { return ::wcsncpy_s(dst, N, src, n); }
template <size_t N> inline errno_t wcscat_s(wchar_t (&dst)[N], const wchar_t *src) { return ::wcscat_s(dst, N, src); }
template <size_t N> inline errno_t wcsncat_s(wchar_t (&dst)[N], const wchar_t *src, size_t n) { return ::wcsncat_s(dst, N, src, n); }
template <size_t N> inline errno_t _wcslwr_s(wchar_t (&s)[N]) { return ::_wcslwr_s(s, N); }
template <size_t N> inline errno_t _wcsupr_s(wchar_t (&s)[N]) { return ::_wcsupr_s(s, N); }
template <size_t N> inline errno_t _wcsset_s(wchar_t (&s)[N], wchar_t c) { return ::_wcsset_s(s, N, c); }
template <size_t N> inline errno_t _wcsnset_s(wchar_t (&s)[N], wchar_t c, size_t n) { return ::_wcsnset_s(s, N, c, n); }
template <size_t N> inline errno_t _itow_s(int v, wchar_t (&buf)[N], int radix) { return ::_itow_s(v, buf, N, radix); }
template <size_t N> inline errno_t _ltow_s(long v, wchar_t (&buf)[N], int radix) { return ::_ltow_s(v, buf, N, radix); }
template <size_t N> inline errno_t _ultow_s(unsigned long v, wchar_t (&buf)[N], int radix) { return ::_ultow_s(v, buf, N, radix); }
template <size_t N> inline errno_t mbstowcs_s(size_t *converted, wchar_t (&dst)[N], const char *src, size_t n) { return ::mbstowcs_s(converted, dst, N, src, n); }
template <size_t N> inline errno_t wcstombs_s(size_t *converted, char (&dst)[N], const wchar_t *src, size_t n) { return ::wcstombs_s(converted, dst, N, src, n); }
}
#endif

#endif
