/*
 * ntwasm: <stdio.h> for guests built with `ntwasm cc`: wasi-libc's, with msvcrt's printf rules
 * (guests/c/runtime/stdio/: %I64d, %Iu, %S and %C wide in a narrow format, %p as 0012FF7C...), the
 * wide stdio functions MSVC's <stdio.h> declares (ntwasm_wstdio.h), and MSVC's narrow extras:
 * _snprintf/_vsnprintf (legacy truncation: no terminator when full, -1 when cut), _scprintf, the _s
 * forms, _fileno, _fdopen, fopen_s, _wfopen, _flushall, gets_s...
 *
 * clang checks printf formats against C99 on this target and warns about MSVC's sizes (%I64d,
 * %Iu), which are correct here; its format warnings are turned off after this header, as MSVC's
 * compiler does not give them for these. Define NTWASM_FORMAT_WARNINGS to keep them.
 */
#include_next <stdio.h>

#ifndef NTWASM_LIBC_STDIO_H
#define NTWASM_LIBC_STDIO_H
#define _INC_STDIO

#ifndef NTWASM_FORMAT_WARNINGS
#pragma clang diagnostic ignored "-Wformat"
#endif

#include <ntwasm_wstdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- formatted output ---- */
int _snprintf(char *buf, size_t count, const char *fmt, ...);
int _vsnprintf(char *buf, size_t count, const char *fmt, __isoc_va_list ap);
int _scprintf(const char *fmt, ...);
int _vscprintf(const char *fmt, __isoc_va_list ap);
int sprintf_s(char *buf, size_t size, const char *fmt, ...);
int vsprintf_s(char *buf, size_t size, const char *fmt, __isoc_va_list ap);
int _snprintf_s(char *buf, size_t size, size_t count, const char *fmt, ...);
int _vsnprintf_s(char *buf, size_t size, size_t count, const char *fmt, __isoc_va_list ap);
int printf_s(const char *fmt, ...);
int vprintf_s(const char *fmt, __isoc_va_list ap);
int fprintf_s(FILE *f, const char *fmt, ...);
int vfprintf_s(FILE *f, const char *fmt, __isoc_va_list ap);

/* ---- formatted input, _s forms: %s, %c and %[ take a buffer size (unsigned) after the pointer ---- */
int sscanf_s(const char *s, const char *fmt, ...);
int vsscanf_s(const char *s, const char *fmt, __isoc_va_list ap);
int scanf_s(const char *fmt, ...);
int fscanf_s(FILE *f, const char *fmt, ...);

/* ---- streams ---- */
int _fileno(FILE *f);
FILE *_fdopen(int fd, const char *mode);
FILE *_fsopen(const char *name, const char *mode, int shflag);
errno_t fopen_s(FILE **pf, const char *name, const char *mode);
errno_t freopen_s(FILE **pf, const char *name, const char *mode, FILE *f);
int _flushall(void);
int _getw(FILE *f);
int _putw(int w, FILE *f);
int _fgetchar(void);
int _fputchar(int c);
char *gets_s(char *buf, rsize_t size);
long long _ftelli64(FILE *f);
int _fseeki64(FILE *f, long long off, int whence);
int _unlink(const char *name);

#define _SH_DENYRW 0x10
#define _SH_DENYWR 0x20
#define _SH_DENYRD 0x30
#define _SH_DENYNO 0x40
#define _SH_SECURE 0x80

#ifdef __cplusplus
}

/* MSVC's C++ overloads that take the size from an array. */
extern "C++" {
template <size_t N> inline int sprintf_s(char (&buf)[N], const char *fmt, ...) {
  __isoc_va_list ap;
  __builtin_va_start(ap, fmt);
  int r = ::vsprintf_s(buf, N, fmt, ap);
  __builtin_va_end(ap);
  return r;
}
template <size_t N> inline int vsprintf_s(char (&buf)[N], const char *fmt, __isoc_va_list ap) { return ::vsprintf_s(buf, N, fmt, ap); }
template <size_t N> inline int _snprintf_s(char (&buf)[N], size_t count, const char *fmt, ...) {
  __isoc_va_list ap;
  __builtin_va_start(ap, fmt);
  int r = ::_vsnprintf_s(buf, N, count, fmt, ap);
  __builtin_va_end(ap);
  return r;
}
template <size_t N> inline int _vsnprintf_s(char (&buf)[N], size_t count, const char *fmt, __isoc_va_list ap) {
  return ::_vsnprintf_s(buf, N, count, fmt, ap);
}
template <size_t N> inline char *gets_s(char (&buf)[N]) { return ::gets_s(buf, N); }
}
#endif

#endif
