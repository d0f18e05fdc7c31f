/*
 * The truncation rules of the functions that format into a caller's buffer, shared by the narrow
 * (char) and wide (wchar_t) forms. Checked against Wine's msvcrt/ucrtbase and Microsoft's docs:
 * - legacy _snprintf/_snwprintf: a result shorter than the buffer is terminated; exactly as long is
 *   not terminated and returns its length; longer fills the buffer, is not terminated, returns -1.
 *   A NULL buffer with count 0 returns the length.
 * - ISO vswprintf/swprintf (UCRT): always terminated; a result that does not fit is cut to count-1
 *   units and returns -1. A NULL buffer with count 0 returns the length.
 * - sprintf_s/swprintf_s: a result that does not fit empties the buffer, ERANGE, -1.
 * - _snprintf_s/_snwprintf_s: at most `count` units (or what fits with _TRUNCATE), always
 *   terminated, -1 when cut; a `count` larger than the buffer that does not fit is ERANGE (the
 *   buffer zeroed), as for sprintf_s.
 * Bad arguments (NULL format, NULL buffer with a size) are EINVAL and -1, as with MSVC's
 * invalid-parameter handler returning. No lock: memory only.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include "stdio_internal.h"
#include "bounded.h"

#ifndef _TRUNCATE
#define _TRUNCATE ((size_t)-1)
#endif

static void set_nul(int wide, void *buf, size_t at) {
  if (wide) ((wchar_t *)buf)[at] = 0;
  else ((char *)buf)[at] = 0;
}

static int invalid(int wide, void *buf, size_t size) {
  if (buf && size) set_nul(wide, buf, 0);
  errno = EINVAL;
  return -1;
}

int __ntwasm_vsnprintf_legacy(int wide, void *buf, size_t count, const void *fmt, va_list ap) {
  if (!fmt || (!buf && count)) return invalid(wide, buf, count);
  int n = __ntwasm_vformat_buf(wide, buf, count, fmt, ap);
  if (n < 0 || !buf) return n;
  if ((size_t)n < count) set_nul(wide, buf, (size_t)n);
  return (size_t)n > count ? -1 : n;
}

int __ntwasm_vsnprintf_iso(int wide, void *buf, size_t count, const void *fmt, va_list ap) {
  if (!fmt || (!buf && count)) return invalid(wide, buf, count);
  int n = __ntwasm_vformat_buf(wide, buf, count, fmt, ap);
  if (!buf) return n;
  if (n < 0) { if (count) set_nul(wide, buf, 0); return -1; }
  if ((size_t)n >= count) { if (count) set_nul(wide, buf, count - 1); return -1; }
  set_nul(wide, buf, (size_t)n);
  return n;
}

int __ntwasm_vsprintf_unbounded(int wide, void *buf, const void *fmt, va_list ap) {
  if (!fmt || !buf) return invalid(wide, NULL, 0);
  int n = __ntwasm_vformat_buf(wide, buf, SIZE_MAX / 4, fmt, ap);
  if (n >= 0) set_nul(wide, buf, (size_t)n);
  return n;
}

int __ntwasm_vsnprintf_s(int wide, void *buf, size_t size, size_t count, const void *fmt, va_list ap) {
  if (!fmt || !buf || !size) return invalid(wide, buf, size);
  size_t limit = count == _TRUNCATE || count >= size ? size : count + 1;
  int n = __ntwasm_vformat_buf(wide, buf, limit, fmt, ap);
  if (n < 0) { set_nul(wide, buf, 0); return -1; }
  if ((size_t)n < limit) { set_nul(wide, buf, (size_t)n); return n; }
  if (count != _TRUNCATE && count > size) {
    memset(buf, 0, size * (wide ? sizeof(wchar_t) : 1));
    errno = ERANGE;
    return -1;
  }
  set_nul(wide, buf, limit - 1);
  return -1;
}

int __ntwasm_vsprintf_s(int wide, void *buf, size_t size, const void *fmt, va_list ap) {
  if (!fmt || !buf || !size) return invalid(wide, buf, size);
  int n = __ntwasm_vformat_buf(wide, buf, size, fmt, ap);
  if (n < 0) { set_nul(wide, buf, 0); return -1; }
  if ((size_t)n >= size) {
    memset(buf, 0, size * (wide ? sizeof(wchar_t) : 1));
    errno = ERANGE;
    return -1;
  }
  set_nul(wide, buf, (size_t)n);
  return n;
}
