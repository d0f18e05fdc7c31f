/*
 * Every narrow printf of wasi-libc (printf, fprintf, sprintf, snprintf, vsnprintf, asprintf...) ends
 * in vfprintf; the link redirects it here, so all of them follow msvcrt's format rules (format.c).
 * A stream is formatted under its FILE lock; snprintf's FILE on its caller's stack takes no lock.
 * While format.c renders one number with wasi-libc's snprintf, the call goes straight through.
 */
#include "../internal.h"
#include "stdio_internal.h"

NTWASM_FETCH(vfprintf);

int __wrap_vfprintf(FILE *f, const char *fmt, va_list ap) {
  if (__ntwasm_printf_raw) return __real_vfprintf(f, fmt, ap);
  return __ntwasm_vformat_file(f, 0, fmt, ap);
}
