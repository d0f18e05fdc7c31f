/*
 * printf to a FILE. Output is gathered in a small buffer and handed to wasi-libc's fwrite, so one
 * printf is one write on an unbuffered stream (stderr) as with wasi-libc's own printf. Wide output
 * reaches the FILE as UTF-8: surrogate pairs are joined, a lone surrogate becomes U+FFFD; a high
 * surrogate at the end of one call is kept for the stream's next wide write (wstream.c).
 */
#include <string.h>
#include "../internal.h"
#include "stdio_internal.h"

NTWASM_FETCH(fwrite);

static int write_buf(ntw_file_out *o) {
  size_t n = o->used;
  o->used = 0;
  return n && __real_fwrite(o->buf, 1, n, o->f) != n ? -1 : 0;
}

static int put_file(ntw_out *base, const void *s, size_t n) {
  ntw_file_out *o = (ntw_file_out *)base;
  if (!base->wide) {
    if (o->used + n > sizeof o->buf && write_buf(o)) return -1;
    if (n >= sizeof o->buf) return __real_fwrite(s, 1, n, o->f) == n ? 0 : -1;
    memcpy(o->buf + o->used, s, n);
    o->used += n;
    return 0;
  }
  const wchar_t *w = s;
  for (size_t i = 0; i < n; i++) {
    unsigned c = w[i];
    if (o->high) {
      unsigned h = o->high;
      o->high = 0;
      if (c - 0xdc00u < 0x400u) c = 0x10000 + ((h - 0xd800) << 10) + (c - 0xdc00);
      else {
        if (o->used + 4 > sizeof o->buf && write_buf(o)) return -1;
        o->used += __ntwasm_utf8(o->buf + o->used, 0xfffd);
      }
    }
    if (c - 0xd800u < 0x400u) { o->high = c; continue; }
    if (o->used + 4 > sizeof o->buf && write_buf(o)) return -1;
    o->used += __ntwasm_utf8(o->buf + o->used, c);
  }
  return 0;
}

void __ntwasm_file_out_init(ntw_file_out *o, FILE *f, int wide) {
  o->base.wide = wide;
  o->base.put = put_file;
  o->base.count = 0;
  o->base.failed = 0;
  o->f = f;
  o->used = 0;
  o->high = wide ? __ntwasm_wpending_take(f) : 0;
}

int __ntwasm_file_out_flush(ntw_file_out *o) {
  int r = write_buf(o);
  if (o->base.wide && o->high) __ntwasm_wpending_keep(o->f, o->high);
  o->high = 0;
  if (r && !o->base.failed) o->base.failed = -1;
  return r;
}

int __ntwasm_vformat_file(FILE *f, int wide, const void *format, va_list ap) {
  int stream = __ntwasm_is_stream(f);
  if (stream) __ntwasm_file_lock(f);
  ntw_file_out o;
  __ntwasm_file_out_init(&o, f, wide);
  int r = __ntwasm_vformat(&o.base, format, ap);
  if (__ntwasm_file_out_flush(&o)) r = -1;
  if (stream) __ntwasm_file_unlock(f);
  return r;
}
