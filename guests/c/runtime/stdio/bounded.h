/* The buffer-formatting rules of bounded.c (wide: the units are wchar_t). Not for guests. */
#ifndef NTWASM_STDIO_BOUNDED_H
#define NTWASM_STDIO_BOUNDED_H
#include <stdarg.h>
#include <stddef.h>
int __ntwasm_vsnprintf_legacy(int wide, void *buf, size_t count, const void *fmt, va_list ap);
int __ntwasm_vsnprintf_iso(int wide, void *buf, size_t count, const void *fmt, va_list ap);
int __ntwasm_vsprintf_unbounded(int wide, void *buf, const void *fmt, va_list ap);
int __ntwasm_vsnprintf_s(int wide, void *buf, size_t size, size_t count, const void *fmt, va_list ap);
int __ntwasm_vsprintf_s(int wide, void *buf, size_t size, const void *fmt, va_list ap);
#endif
