/*
 * ntwasm: <wchar.h> for guests built with `ntwasm cc` (replaces wasi-libc's, whose functions assume
 * a 32-bit wchar_t). wchar_t and wint_t are 16 bits and strings UTF-16, as on Windows; the functions
 * follow msvcrt/UCRT (see ntwasm_wstring.h for the rules, guests/c/runtime/wide/ for the code).
 * The wide stdio functions (wprintf, fputws, swprintf...) are declared in <ntwasm_wstdio.h>.
 */
#ifndef _WCHAR_H
#define _WCHAR_H
#define _INC_WCHAR

#define __NEED_FILE
#define __NEED___isoc_va_list
#define __NEED_size_t
#include <bits/alltypes.h>
#include <__struct_tm.h>

#include <ntwasm_wstring.h>

/* wasi-libc's <stdint.h> computes these for a 32-bit wchar_t: MSVC's values. */
#include <stdint.h>
#undef WCHAR_MIN
#undef WCHAR_MAX
#undef WINT_MIN
#undef WINT_MAX
#define WCHAR_MIN 0x0000
#define WCHAR_MAX 0xffff
#define WINT_MIN 0x0000
#define WINT_MAX 0xffff

#ifdef __cplusplus
extern "C" {
#endif

/* Restartable conversions: UTF-8 <-> UTF-16. A character outside the BMP is two wchar_t: mbrtowc
 * stores the high surrogate and returns the bytes read, the next call the low one and (size_t)-3 (as
 * mbrtoc16 does); wcrtomb keeps a high surrogate in the state and writes all 4 bytes with the low. */
wint_t btowc(int c) __NTWASM_LINK(btowc);
int wctob(wint_t c) __NTWASM_LINK(wctob);
int mbsinit(const mbstate_t *ps) __NTWASM_LINK(mbsinit);
size_t mbrlen(const char *__restrict s, size_t n, mbstate_t *__restrict ps) __NTWASM_LINK(mbrlen);
size_t mbrtowc(wchar_t *__restrict pwc, const char *__restrict s, size_t n, mbstate_t *__restrict ps) __NTWASM_LINK(mbrtowc);
size_t wcrtomb(char *__restrict s, wchar_t wc, mbstate_t *__restrict ps) __NTWASM_LINK(wcrtomb);
size_t mbsrtowcs(wchar_t *__restrict dst, const char **__restrict src, size_t n, mbstate_t *__restrict ps) __NTWASM_LINK(mbsrtowcs);
size_t wcsrtombs(char *__restrict dst, const wchar_t **__restrict src, size_t n, mbstate_t *__restrict ps) __NTWASM_LINK(wcsrtombs);
/* POSIX's forms with a limit on the input (libc++ uses them). */
size_t mbsnrtowcs(wchar_t *__restrict dst, const char **__restrict src, size_t nsrc, size_t n, mbstate_t *__restrict ps) __NTWASM_LINK(mbsnrtowcs);
size_t wcsnrtombs(char *__restrict dst, const wchar_t **__restrict src, size_t nsrc, size_t n, mbstate_t *__restrict ps) __NTWASM_LINK(wcsnrtombs);
errno_t wcrtomb_s(size_t *result, char *s, size_t size, wchar_t wc, mbstate_t *ps) __NTWASM_LINK(wcrtomb_s);
errno_t mbsrtowcs_s(size_t *result, wchar_t *dst, size_t size, const char **src, size_t n, mbstate_t *ps) __NTWASM_LINK(mbsrtowcs_s);
errno_t wcsrtombs_s(size_t *result, char *dst, size_t size, const wchar_t **src, size_t n, mbstate_t *ps) __NTWASM_LINK(wcsrtombs_s);

size_t wcsftime(wchar_t *__restrict s, size_t n, const wchar_t *__restrict format, const struct tm *__restrict tm);

#ifdef __cplusplus
}
#endif

/* MSVC's legacy 2-argument wcstok (C: the macro; C++: an overload), on request as with UCRT. */
#ifdef _CRT_NON_CONFORMING_WCSTOK
#ifdef __cplusplus
extern "C++" inline wchar_t *wcstok(wchar_t *s, const wchar_t *delim) { return ::_wcstok(s, delim); }
#else
#define wcstok _wcstok
#endif
#endif

#include <ntwasm_wstdio.h>

#endif
