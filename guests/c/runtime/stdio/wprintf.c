/*
 * The wide printf family (msvcrt's names and UCRT's ISO forms): the engine of format.c with a wide
 * format. To a stream: UTF-8 under the FILE's lock, the result counts wide characters. Into memory:
 * the rules of bounded.c, no lock. swprintf and vswprintf are the ISO forms with a count (what
 * modern MSVC gives C code); _swprintf and _vswprintf are the legacy forms without one.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <wchar.h>
#include "stdio_internal.h"
#include "bounded.h"

int vfwprintf(FILE *restrict f, const wchar_t *restrict fmt, va_list ap) {
  if (!f || !fmt) { errno = EINVAL; return -1; }
  return __ntwasm_vformat_file(f, 1, fmt, ap);
}
int vfwprintf_s(FILE *f, const wchar_t *fmt, va_list ap) { return vfwprintf(f, fmt, ap); }
int vwprintf(const wchar_t *restrict fmt, va_list ap) { return vfwprintf(stdout, fmt, ap); }
int vwprintf_s(const wchar_t *fmt, va_list ap) { return vfwprintf(stdout, fmt, ap); }

int fwprintf(FILE *restrict f, const wchar_t *restrict fmt, ...) { VARIADIC(vfwprintf(f, fmt, ap), fmt) }
int fwprintf_s(FILE *f, const wchar_t *fmt, ...) { VARIADIC(vfwprintf(f, fmt, ap), fmt) }
int wprintf(const wchar_t *restrict fmt, ...) { VARIADIC(vfwprintf(stdout, fmt, ap), fmt) }
int wprintf_s(const wchar_t *fmt, ...) { VARIADIC(vfwprintf(stdout, fmt, ap), fmt) }

int vswprintf(wchar_t *restrict buf, size_t count, const wchar_t *restrict fmt, va_list ap) {
  return __ntwasm_vsnprintf_iso(1, buf, count, fmt, ap);
}
int swprintf(wchar_t *restrict buf, size_t count, const wchar_t *restrict fmt, ...) {
  VARIADIC(__ntwasm_vsnprintf_iso(1, buf, count, fmt, ap), fmt)
}
int _vswprintf(wchar_t *buf, const wchar_t *fmt, va_list ap) { return __ntwasm_vsprintf_unbounded(1, buf, fmt, ap); }
int _swprintf(wchar_t *buf, const wchar_t *fmt, ...) { VARIADIC(__ntwasm_vsprintf_unbounded(1, buf, fmt, ap), fmt) }
int _vsnwprintf(wchar_t *buf, size_t count, const wchar_t *fmt, va_list ap) {
  return __ntwasm_vsnprintf_legacy(1, buf, count, fmt, ap);
}
int _snwprintf(wchar_t *buf, size_t count, const wchar_t *fmt, ...) {
  VARIADIC(__ntwasm_vsnprintf_legacy(1, buf, count, fmt, ap), fmt)
}
int _vscwprintf(const wchar_t *fmt, va_list ap) { return __ntwasm_vsnprintf_legacy(1, NULL, 0, fmt, ap); }
int _scwprintf(const wchar_t *fmt, ...) { VARIADIC(__ntwasm_vsnprintf_legacy(1, NULL, 0, fmt, ap), fmt) }
int vswprintf_s(wchar_t *buf, size_t size, const wchar_t *fmt, va_list ap) { return __ntwasm_vsprintf_s(1, buf, size, fmt, ap); }
int swprintf_s(wchar_t *buf, size_t size, const wchar_t *fmt, ...) { VARIADIC(__ntwasm_vsprintf_s(1, buf, size, fmt, ap), fmt) }
int _vsnwprintf_s(wchar_t *buf, size_t size, size_t count, const wchar_t *fmt, va_list ap) {
  return __ntwasm_vsnprintf_s(1, buf, size, count, fmt, ap);
}
int _snwprintf_s(wchar_t *buf, size_t size, size_t count, const wchar_t *fmt, ...) {
  VARIADIC(__ntwasm_vsnprintf_s(1, buf, size, count, fmt, ap), fmt)
}
