/*
 * ntwasm: <string.h> for guests built with `ntwasm cc`: wasi-libc's, plus what MSVC's <string.h>
 * declares besides: the wide-string functions (wcslen, wcscpy, _wcsicmp... of the SDK's 16-bit wide
 * library, ntwasm_wstring.h) and MSVC's narrow extras (_stricmp, _strdup, _strlwr, strcpy_s...).
 * Case-insensitive compares and case changes follow the "C" locale: ASCII letters only.
 */
#include_next <string.h>

#ifndef NTWASM_LIBC_STRING_H
#define NTWASM_LIBC_STRING_H
#define _INC_STRING

#include <ntwasm_wstring.h>

#ifdef __cplusplus
extern "C" {
#endif

int _stricmp(const char *a, const char *b);
int _strnicmp(const char *a, const char *b, size_t n);
int stricmp(const char *a, const char *b);
int strnicmp(const char *a, const char *b, size_t n);
int _stricoll(const char *a, const char *b);
int _strncoll(const char *a, const char *b, size_t n);
int _strnicoll(const char *a, const char *b, size_t n);
int strcmpi(const char *a, const char *b);
int _strcmpi(const char *a, const char *b);
int _memicmp(const void *a, const void *b, size_t n);
int memicmp(const void *a, const void *b, size_t n);
void *_memccpy(void *dst, const void *src, int c, size_t n);
char *_strdup(const char *s);
char *_strlwr(char *s);
char *_strupr(char *s);
char *strlwr(char *s);
char *strupr(char *s);
errno_t _strlwr_s(char *s, size_t size);
errno_t _strupr_s(char *s, size_t size);
char *_strrev(char *s);
char *strrev(char *s);
char *_strset(char *s, int c);
char *strset(char *s, int c);
char *_strnset(char *s, int c, size_t n);
char *strnset(char *s, int c, size_t n);
errno_t _strset_s(char *s, size_t size, int c);
errno_t _strnset_s(char *s, size_t size, int c, size_t n);
errno_t strcpy_s(char *dst, rsize_t size, const char *src);
errno_t strncpy_s(char *dst, rsize_t size, const char *src, rsize_t n);
errno_t strcat_s(char *dst, rsize_t size, const char *src);
errno_t strncat_s(char *dst, rsize_t size, const char *src, rsize_t n);
char *strtok_s(char *s, const char *delim, char **context);
size_t strnlen_s(const char *s, size_t max);
errno_t memcpy_s(void *dst, rsize_t size, const void *src, rsize_t n);
errno_t memmove_s(void *dst, rsize_t size, const void *src, rsize_t n);
errno_t strerror_s(char *buf, size_t size, int errnum);

#ifdef __cplusplus
}

/* MSVC's C++ overloads of the _s functions for arrays: strcpy_s(buf, src) takes the size from buf. */
extern "C++" {
template <size_t N> inline errno_t strcpy_s(char (&dst)[N], const char *src) { return ::strcpy_s(dst, N, src); }
template <size_t N> inline errno_t strncpy_s(char (&dst)[N], const char *src, size_t n) { return ::strncpy_s(dst, N, src, n); }
template <size_t N> inline errno_t strcat_s(char (&dst)[N], const char *src) { return ::strcat_s(dst, N, src); }
template <size_t N> inline errno_t strncat_s(char (&dst)[N], const char *src, size_t n) { return ::strncat_s(dst, N, src, n); }
template <size_t N> inline errno_t _strlwr_s(char (&s)[N]) { return ::_strlwr_s(s, N); }
template <size_t N> inline errno_t _strupr_s(char (&s)[N]) { return ::_strupr_s(s, N); }
template <size_t N> inline errno_t _strset_s(char (&s)[N], int c) { return ::_strset_s(s, N, c); }
template <size_t N> inline errno_t _strnset_s(char (&s)[N], int c, size_t n) { return ::_strnset_s(s, N, c, n); }
template <size_t N> inline errno_t strerror_s(char (&buf)[N], int errnum) { return ::strerror_s(buf, N, errnum); }
}
#endif

#endif
