/*
 * ntwasm: the wide stdio functions (MSVC declares them in both <stdio.h> and <wchar.h>; so do the
 * SDK's headers, through this one) and MSVC's wide file-name calls. Implemented in
 * guests/c/runtime/stdio/ for a 16-bit wchar_t; the names wasi-libc also has (with a 32-bit wchar_t)
 * are linked under __ntwasm_ names, so wasi-libc's are never reached from guest code.
 *
 * As msvcrt/UCRT: in a wide format %s and %c are wide and %S and %C narrow (h: narrow, l/w: wide,
 * always); MSVC's sizes I, I32, I64; swprintf and vswprintf are the ISO forms with a count (what
 * MSVC gives C code unless _CRT_NON_CONFORMING_SWPRINTFS is defined; then they are the legacy
 * 2-argument _swprintf/_vswprintf). Wide text reaches streams as UTF-8 and wide input is decoded
 * from UTF-8 (whatever _setmode says); fwide returns its argument (streams have no orientation).
 * Not for direct inclusion: include <stdio.h> or <wchar.h>.
 */
#ifndef NTWASM_WSTDIO_H
#define NTWASM_WSTDIO_H

#define __NEED_FILE
#define __NEED___isoc_va_list
#define __NEED_size_t
#include <bits/alltypes.h>
#include <ntwasm_wstring.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The standard streams (MSVC's <wchar.h> makes them visible too); wasi-libc's declarations. */
extern FILE *const stdin;
extern FILE *const stdout;
extern FILE *const stderr;
#ifndef stdin
#define stdin (stdin)
#define stdout (stdout)
#define stderr (stderr)
#endif

/* ---- formatted output ---- */
int wprintf(const wchar_t *__restrict fmt, ...) __NTWASM_LINK(wprintf);
int fwprintf(FILE *__restrict f, const wchar_t *__restrict fmt, ...) __NTWASM_LINK(fwprintf);
int vwprintf(const wchar_t *__restrict fmt, __isoc_va_list ap) __NTWASM_LINK(vwprintf);
int vfwprintf(FILE *__restrict f, const wchar_t *__restrict fmt, __isoc_va_list ap) __NTWASM_LINK(vfwprintf);
int swprintf(wchar_t *__restrict buf, size_t count, const wchar_t *__restrict fmt, ...) __NTWASM_LINK(swprintf);
int vswprintf(wchar_t *__restrict buf, size_t count, const wchar_t *__restrict fmt, __isoc_va_list ap) __NTWASM_LINK(vswprintf);
int _swprintf(wchar_t *buf, const wchar_t *fmt, ...);
int _vswprintf(wchar_t *buf, const wchar_t *fmt, __isoc_va_list ap);
int _snwprintf(wchar_t *buf, size_t count, const wchar_t *fmt, ...);
int _vsnwprintf(wchar_t *buf, size_t count, const wchar_t *fmt, __isoc_va_list ap);
int _scwprintf(const wchar_t *fmt, ...);
int _vscwprintf(const wchar_t *fmt, __isoc_va_list ap);
int swprintf_s(wchar_t *buf, size_t size, const wchar_t *fmt, ...);
int vswprintf_s(wchar_t *buf, size_t size, const wchar_t *fmt, __isoc_va_list ap);
int _snwprintf_s(wchar_t *buf, size_t size, size_t count, const wchar_t *fmt, ...);
int _vsnwprintf_s(wchar_t *buf, size_t size, size_t count, const wchar_t *fmt, __isoc_va_list ap);
int wprintf_s(const wchar_t *fmt, ...);
int vwprintf_s(const wchar_t *fmt, __isoc_va_list ap);
int fwprintf_s(FILE *f, const wchar_t *fmt, ...);
int vfwprintf_s(FILE *f, const wchar_t *fmt, __isoc_va_list ap);

/* ---- formatted input (a wide %s, %c or %[ stores wide characters; h stores narrow ones) ---- */
int swscanf(const wchar_t *__restrict s, const wchar_t *__restrict fmt, ...) __NTWASM_LINK(swscanf);
int vswscanf(const wchar_t *__restrict s, const wchar_t *__restrict fmt, __isoc_va_list ap) __NTWASM_LINK(vswscanf);
int wscanf(const wchar_t *__restrict fmt, ...) __NTWASM_LINK(wscanf);
int vwscanf(const wchar_t *__restrict fmt, __isoc_va_list ap) __NTWASM_LINK(vwscanf);
int fwscanf(FILE *__restrict f, const wchar_t *__restrict fmt, ...) __NTWASM_LINK(fwscanf);
int vfwscanf(FILE *__restrict f, const wchar_t *__restrict fmt, __isoc_va_list ap) __NTWASM_LINK(vfwscanf);
int _snwscanf(const wchar_t *s, size_t n, const wchar_t *fmt, ...);
/* The _s forms: %s, %c and %[ take a buffer size (unsigned) after the pointer. */
int swscanf_s(const wchar_t *s, const wchar_t *fmt, ...);
int vswscanf_s(const wchar_t *s, const wchar_t *fmt, __isoc_va_list ap);
int wscanf_s(const wchar_t *fmt, ...);
int fwscanf_s(FILE *f, const wchar_t *fmt, ...);

/* ---- characters and strings on streams ---- */
wint_t fputwc(wchar_t c, FILE *f) __NTWASM_LINK(fputwc);
wint_t putwc(wchar_t c, FILE *f) __NTWASM_LINK(putwc);
wint_t putwchar(wchar_t c) __NTWASM_LINK(putwchar);
int fputws(const wchar_t *__restrict s, FILE *__restrict f) __NTWASM_LINK(fputws);
int _putws(const wchar_t *s);
wint_t _fputwchar(wchar_t c);
wint_t fgetwc(FILE *f) __NTWASM_LINK(fgetwc);
wint_t getwc(FILE *f) __NTWASM_LINK(getwc);
wint_t getwchar(void) __NTWASM_LINK(getwchar);
wint_t _fgetwchar(void);
wchar_t *fgetws(wchar_t *__restrict s, int n, FILE *__restrict f) __NTWASM_LINK(fgetws);
wint_t ungetwc(wint_t c, FILE *f) __NTWASM_LINK(ungetwc);
int fwide(FILE *f, int mode) __NTWASM_LINK(fwide);

/* ---- wide file names (converted to UTF-8) ---- */
FILE *_wfopen(const wchar_t *name, const wchar_t *mode);
errno_t _wfopen_s(FILE **pf, const wchar_t *name, const wchar_t *mode);
FILE *_wfreopen(const wchar_t *name, const wchar_t *mode, FILE *f);
FILE *_wfdopen(int fd, const wchar_t *mode);
FILE *_wfsopen(const wchar_t *name, const wchar_t *mode, int shflag);
int _wremove(const wchar_t *name);
int _wrename(const wchar_t *from, const wchar_t *to);
int _wunlink(const wchar_t *name);
void _wperror(const wchar_t *s);

#ifdef __cplusplus
}
#endif

/* MSVC's legacy swprintf without a count, on request (C only, as in MSVC). */
#if defined(_CRT_NON_CONFORMING_SWPRINTFS) && !defined(__cplusplus)
#define swprintf _swprintf
#define vswprintf _vswprintf
#endif

#ifdef __cplusplus
/* MSVC's C++ overloads that take the size from an array. */
extern "C++" {
template <size_t N> inline int swprintf_s(wchar_t (&buf)[N], const wchar_t *fmt, ...) {
  __isoc_va_list ap;
  __builtin_va_start(ap, fmt);
  int r = ::vswprintf_s(buf, N, fmt, ap);
  __builtin_va_end(ap);
  return r;
}
template <size_t N> inline int vswprintf_s(wchar_t (&buf)[N], const wchar_t *fmt, __isoc_va_list ap) {
  return ::vswprintf_s(buf, N, fmt, ap);
}
template <size_t N> inline int _snwprintf_s(wchar_t (&buf)[N], size_t count, const wchar_t *fmt, ...) {
  __isoc_va_list ap;
  __builtin_va_start(ap, fmt);
  int r = ::_vsnwprintf_s(buf, N, count, fmt, ap);
  __builtin_va_end(ap);
  return r;
}
template <size_t N> inline int _vsnwprintf_s(wchar_t (&buf)[N], size_t count, const wchar_t *fmt, __isoc_va_list ap) {
  return ::_vsnwprintf_s(buf, N, count, fmt, ap);
}
}
#endif

#endif
