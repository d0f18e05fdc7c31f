/*
 * Interfaces between the parts of the SDK's stdio (guests/c/runtime/stdio/). Not for guests.
 *
 * One printf engine (format.c) serves the narrow and the wide families with msvcrt/UCRT's rules. It
 * writes through an `out`: units are bytes for a narrow format and UTF-16 code units for a wide one.
 * The outs are a bounded buffer (snprintf-style functions, out_buf.c) and a FILE (out_file.c), which
 * turns wide output into UTF-8. Streams are locked by the callers (guests/c/runtime/internal.h rules);
 * the engine itself takes no lock.
 */
#ifndef NTWASM_STDIO_INTERNAL_H
#define NTWASM_STDIO_INTERNAL_H
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <wchar.h>

typedef struct ntw_out ntw_out;
struct ntw_out {
  int wide;                                              /* units are wchar_t, else char */
  int (*put)(ntw_out *o, const void *s, size_t n);      /* n units; 0, or -1 on a write error */
  size_t count;                                          /* units produced so far */
  int failed;
};

/* Formats into o. Returns the units produced, or -1 (errno set: EINVAL for a bad format, EILSEQ,
 * EOVERFLOW past INT_MAX, or the write's error). */
int __ntwasm_vformat(ntw_out *o, const void *format, va_list ap);

/* Set while the engine renders one conversion with wasi-libc's snprintf: __wrap_vfprintf then goes
 * straight to wasi-libc's vfprintf. */
extern _Thread_local int __ntwasm_printf_raw;

/* A bounded buffer: keeps the first `cap` units, counts them all (no terminator written). */
typedef struct { ntw_out base; void *buf; size_t cap; } ntw_buf_out;
void __ntwasm_buf_out_init(ntw_buf_out *o, int wide, void *buf, size_t cap);
/* Formats into buf (cap units): the full length, or -1 for a bad format. Writes no terminator. */
int __ntwasm_vformat_buf(int wide, void *buf, size_t cap, const void *format, va_list ap);

/* A FILE (the caller holds its lock when it is a stream). Wide units become UTF-8; a high surrogate
 * at the end of one call waits for the stream's next wide write (out_file.c keeps it per FILE). */
typedef struct { ntw_out base; FILE *f; unsigned high; size_t used; char buf[256]; } ntw_file_out;
void __ntwasm_file_out_init(ntw_file_out *o, FILE *f, int wide);
/* Writes what is buffered; returns 0, or -1 (and sets o->base.failed) on a write error. */
int __ntwasm_file_out_flush(ntw_file_out *o);
/* Formats to a FILE under its lock when it is a stream: printf's result. */
int __ntwasm_vformat_file(FILE *f, int wide, const void *format, va_list ap);

/* UTF-8 of one code point (surrogates become U+FFFD); returns its length (1..4). */
static inline size_t __ntwasm_utf8(char *out, unsigned cp) {
  if (cp - 0xd800u < 0x800u || cp > 0x10ffff) cp = 0xfffd;
  if (cp < 0x80) { out[0] = (char)cp; return 1; }
  if (cp < 0x800) { out[0] = (char)(0xc0 | cp >> 6); out[1] = (char)(0x80 | (cp & 0x3f)); return 2; }
  if (cp < 0x10000) {
    out[0] = (char)(0xe0 | cp >> 12); out[1] = (char)(0x80 | (cp >> 6 & 0x3f)); out[2] = (char)(0x80 | (cp & 0x3f));
    return 3;
  }
  out[0] = (char)(0xf0 | cp >> 18); out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
  out[2] = (char)(0x80 | (cp >> 6 & 0x3f)); out[3] = (char)(0x80 | (cp & 0x3f));
  return 4;
}

/*
 * One character of UTF-8 from s[0..n) (n > 0): stores the code point in *cp and returns the bytes it
 * took. Invalid or incomplete input is U+FFFD for one byte (or for the bytes of a valid but cut-off
 * start), as MultiByteToWideChar replaces it.
 */
size_t __ntwasm_utf8_decode(const unsigned char *s, size_t n, unsigned *cp);

/* The wide stream functions' pending-surrogate table (wstream.c). */
unsigned __ntwasm_wpending_take(FILE *f);
void __ntwasm_wpending_keep(FILE *f, unsigned high);

/* Wide input on a FILE whose lock the caller holds (wstream.c): one UTF-16 unit or WEOF; pushing
 * one unit back (0, or -1). Before reading stdin, __ntwasm_before_input shows stdout and stderr. */
wint_t __ntwasm_wgetc_locked(FILE *f);
int __ntwasm_wungetc_locked(FILE *f, unsigned c);
void __ntwasm_before_input(FILE *f);

/* wasi-libc's own stdio calls under the runtime's wraps (ntwasm_crt.c); the caller holds the lock.
 * wasm-ld binds __real_NAME to NAME only when NAME is linked anyway: a file that calls __real_NAME
 * names NAME itself with NTWASM_FETCH(NAME), so wasi-libc's member is always fetched. */
#define NTWASM_FETCH(name) __attribute__((used)) static void *const __ntwasm_fetch_##name = (void *)&name
size_t __real_fwrite(const void *p, size_t size, size_t n, FILE *f);
int __real_fgetc(FILE *f);
int __real_ungetc(int c, FILE *f);
int __real_vfprintf(FILE *f, const char *fmt, va_list ap);

/* The body of a `...` function that passes its arguments on as a va_list: VARIADIC(call, last). */
#define VARIADIC(call, last) \
  va_list ap;                \
  va_start(ap, last);        \
  int r = call;              \
  va_end(ap);                \
  return r;

#endif
