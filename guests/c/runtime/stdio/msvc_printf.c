/*
 * MSVC's narrow printf extras: _snprintf/_vsnprintf (legacy truncation), _scprintf, the _s forms.
 * The C99 functions themselves (printf, snprintf...) are wasi-libc's, whose vfprintf reaches the
 * same engine (vfprintf.c). Rules: bounded.c.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include "stdio_internal.h"
#include "bounded.h"

int _vsnprintf(char *buf, size_t count, const char *fmt, va_list ap) { return __ntwasm_vsnprintf_legacy(0, buf, count, fmt, ap); }
int _snprintf(char *buf, size_t count, const char *fmt, ...) { VARIADIC(__ntwasm_vsnprintf_legacy(0, buf, count, fmt, ap), fmt) }
int _vscprintf(const char *fmt, va_list ap) { return __ntwasm_vsnprintf_legacy(0, NULL, 0, fmt, ap); }
int _scprintf(const char *fmt, ...) { VARIADIC(__ntwasm_vsnprintf_legacy(0, NULL, 0, fmt, ap), fmt) }
int vsprintf_s(char *buf, size_t size, const char *fmt, va_list ap) { return __ntwasm_vsprintf_s(0, buf, size, fmt, ap); }
int sprintf_s(char *buf, size_t size, const char *fmt, ...) { VARIADIC(__ntwasm_vsprintf_s(0, buf, size, fmt, ap), fmt) }
int _vsnprintf_s(char *buf, size_t size, size_t count, const char *fmt, va_list ap) {
  return __ntwasm_vsnprintf_s(0, buf, size, count, fmt, ap);
}
int _snprintf_s(char *buf, size_t size, size_t count, const char *fmt, ...) {
  VARIADIC(__ntwasm_vsnprintf_s(0, buf, size, count, fmt, ap), fmt)
}

int vfprintf_s(FILE *f, const char *fmt, va_list ap) {
  if (!f || !fmt) { errno = EINVAL; return -1; }
  return __ntwasm_vformat_file(f, 0, fmt, ap);
}
int vprintf_s(const char *fmt, va_list ap) { return vfprintf_s(stdout, fmt, ap); }
int fprintf_s(FILE *f, const char *fmt, ...) { VARIADIC(vfprintf_s(f, fmt, ap), fmt) }
int printf_s(const char *fmt, ...) { VARIADIC(vfprintf_s(stdout, fmt, ap), fmt) }
