/*
 * printf into memory: a buffer of `cap` units that keeps what fits and counts everything, so each
 * snprintf-style function applies its own truncation rule to the full length. No lock.
 */
#include <string.h>
#include "stdio_internal.h"

static int put_buf(ntw_out *base, const void *s, size_t n) {
  ntw_buf_out *o = (ntw_buf_out *)base;
  size_t unit = base->wide ? sizeof(wchar_t) : 1;
  size_t at = base->count - n; /* emit() counted these units already */
  if (at < o->cap) {
    size_t k = o->cap - at < n ? o->cap - at : n;
    memcpy((char *)o->buf + at * unit, s, k * unit);
  }
  return 0;
}

void __ntwasm_buf_out_init(ntw_buf_out *o, int wide, void *buf, size_t cap) {
  memset(o, 0, sizeof *o);
  o->base.wide = wide;
  o->base.put = put_buf;
  o->buf = buf;
  o->cap = buf ? cap : 0;
}

int __ntwasm_vformat_buf(int wide, void *buf, size_t cap, const void *format, va_list ap) {
  ntw_buf_out o;
  __ntwasm_buf_out_init(&o, wide, buf, cap);
  return __ntwasm_vformat(&o.base, format, ap);
}
