/*
 * The scanf engine of the wide family (swscanf, wscanf, fwscanf...) and of MSVC's narrow _s forms
 * (sscanf_s...): C99's rules with msvcrt's sizes (I, I32, I64, w) and string types: in a wide format
 * %s, %c and %[ store wide characters and %S, %C narrow ones (in a narrow format the other way
 * round); h means narrow and l or w wide, always. Narrow storage is UTF-8. The _s forms take a
 * buffer size (unsigned, in characters) after each %s, %c and %[ pointer; a field that does not fit
 * stores an empty string and ends the scan. Numbers are parsed by wasi-libc's strtoll/strtoull/
 * strtod from the characters read (a field is at most 511 characters). A stream is read under its
 * FILE's lock; strings take no lock.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>
#include "../internal.h"
#include "stdio_internal.h"

NTWASM_FETCH(fgetc);
NTWASM_FETCH(ungetc);

typedef struct scan_in scan_in;
struct scan_in {
  int wide;                  /* the input is UTF-16 units, else bytes */
  int (*get)(scan_in *);     /* a unit, or -1 at the end */
  void (*unget)(scan_in *, int c);
  const void *s;             /* strings */
  size_t at, limit;
  FILE *f;                   /* streams */
  size_t consumed;           /* units read, for %n */
};

static int str_get(scan_in *in) {
  if (in->at >= in->limit) return -1;
  unsigned c = in->wide ? ((const wchar_t *)in->s)[in->at] : ((const unsigned char *)in->s)[in->at];
  if (!c) return -1;
  in->at++;
  return (int)c;
}
static void str_unget(scan_in *in, int c) { (void)c; in->at--; }
static int file_wget(scan_in *in) { wint_t c = __ntwasm_wgetc_locked(in->f); return c == WEOF ? -1 : (int)c; }
static void file_wunget(scan_in *in, int c) { __ntwasm_wungetc_locked(in->f, (unsigned)c); }
static int file_get(scan_in *in) { int c = __real_fgetc(in->f); return c == EOF ? -1 : c; }
static void file_unget(scan_in *in, int c) { __real_ungetc(c, in->f); }

static int get(scan_in *in) { int c = in->get(in); if (c >= 0) in->consumed++; return c; }
static void unget(scan_in *in, int c) { if (c >= 0) { in->unget(in, c); in->consumed--; } }
static int is_space(scan_in *in, int c) { return c >= 0 && (in->wide ? iswspace((wint_t)c) != 0 : isspace(c) != 0); }

enum { SZ_INT, SZ_HH, SZ_H, SZ_L, SZ_LL, SZ_LD, SZ_SIZE, SZ_WIDE_CHAR, SZ_NARROW_CHAR };

/* Where a string conversion stores: wide or narrow, with its capacity (the _s forms). */
typedef struct { void *p; int wide; size_t cap, n; unsigned high; unsigned char acc[4]; size_t nacc; int full; } sink;

static void sink_unit(sink *k, unsigned c) {
  if (!k->p) return;
  if (k->wide) {
    if (k->n >= k->cap) { k->full = 1; return; }
    ((wchar_t *)k->p)[k->n++] = (wchar_t)c;
    return;
  }
  char b[4];
  size_t len = __ntwasm_utf8(b, c);
  if (k->n + len > k->cap) { k->full = 1; return; }
  memcpy((char *)k->p + k->n, b, len);
  k->n += len;
}

/* One input unit into the sink, converting between UTF-16 and UTF-8 as needed. */
static void sink_put(sink *k, int in_wide, int c) {
  if (in_wide) {
    if (k->wide) { sink_unit(k, (unsigned)c); return; }
    if (k->high) {
      unsigned h = k->high;
      k->high = 0;
      if ((unsigned)c - 0xdc00u < 0x400u) { sink_unit(k, 0x10000 + ((h - 0xd800) << 10) + ((unsigned)c - 0xdc00)); return; }
      sink_unit(k, 0xfffd);
    }
    if ((unsigned)c - 0xd800u < 0x400u) { k->high = (unsigned)c; return; }
    sink_unit(k, (unsigned)c);
    return;
  }
  if (!k->wide) {
    if (!k->p) return;
    if (k->n >= k->cap) { k->full = 1; return; }
    ((char *)k->p)[k->n++] = (char)c;
    return;
  }
  /* UTF-8 into wide: a character's bytes are gathered first. */
  k->acc[k->nacc++] = (unsigned char)c;
  while (k->nacc) {
    unsigned b0 = k->acc[0];
    size_t need = b0 < 0xc2 || b0 > 0xf4 ? 1 : b0 < 0xe0 ? 2 : b0 < 0xf0 ? 3 : 4;
    if (k->nacc < need) {
      size_t j = 1;
      while (j < k->nacc && (k->acc[j] & 0xc0) == 0x80) j++;
      if (j == k->nacc) return; /* more of this character may come */
    }
    unsigned cp;
    size_t used = __ntwasm_utf8_decode(k->acc, k->nacc, &cp);
    if (cp >= 0x10000) { cp -= 0x10000; sink_unit(k, 0xd800 | cp >> 10); sink_unit(k, 0xdc00 | (cp & 0x3ff)); }
    else sink_unit(k, cp);
    memmove(k->acc, k->acc + used, k->nacc - used);
    k->nacc -= used;
  }
}

static void sink_end(sink *k, int terminate) {
  if (k->high) { k->high = 0; sink_unit(k, 0xfffd); }
  while (k->nacc) { /* a cut-off UTF-8 character */
    unsigned cp;
    size_t used = __ntwasm_utf8_decode(k->acc, k->nacc, &cp);
    sink_unit(k, cp);
    memmove(k->acc, k->acc + used, k->nacc - used);
    k->nacc -= used;
  }
  if (!terminate || !k->p) return;
  if (k->n >= k->cap) { k->full = 1; k->n = 0; }
  if (k->wide) ((wchar_t *)k->p)[k->n] = 0;
  else ((char *)k->p)[k->n] = 0;
}

/* A %[ set: fmt at the first unit after '['; returns the index after ']'. */
static size_t parse_set(const void *fmt, int fw, size_t i, unsigned char *neg, size_t *start, size_t *end) {
#define F(k) (fw ? (unsigned)((const wchar_t *)fmt)[k] : (unsigned)((const unsigned char *)fmt)[k])
  *neg = 0;
  if (F(i) == '^') { *neg = 1; i++; }
  *start = i;
  if (F(i) == ']') i++;
  while (F(i) && F(i) != ']') i++;
  *end = i;
  return F(i) ? i + 1 : i;
}

static int in_set(const void *fmt, int fw, size_t start, size_t end, int c) {
  for (size_t i = start; i < end; i++) {
    unsigned a = F(i);
    if (i + 2 < end && F(i + 1) == '-') { /* a range; a '-' first or last is itself */
      unsigned b = F(i + 2);
      if (a <= b ? (unsigned)c >= a && (unsigned)c <= b : (unsigned)c >= b && (unsigned)c <= a) return 1;
      i += 2;
      continue;
    }
    if ((unsigned)c == a) return 1;
  }
  return 0;
}

static int digit_ok(int c, int base) {
  if (c >= '0' && c <= '9') return c - '0' < base;
  if (base == 16) return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  return 0;
}

/* Reads an integer's characters (at most width) into buf; returns their count (0: no number). */
static size_t read_int(scan_in *in, char *buf, size_t width, int *base) {
  size_t n = 0;
  int c = get(in);
  if ((c == '+' || c == '-') && n < width) { buf[n++] = (char)c; c = get(in); }
  if (*base == 0 || *base == 16) {
    if (c == '0' && n < width) {
      buf[n++] = '0';
      c = get(in);
      if ((c == 'x' || c == 'X') && n < width) {
        int d = get(in);
        if (digit_ok(d, 16) && n + 1 < width) { buf[n++] = (char)c; c = d; *base = 16; }
        else { unget(in, d); buf[n] = 0; unget(in, c); return n; }
      } else if (*base == 0) *base = 8;
    } else if (*base == 0) *base = 10;
  }
  size_t digits = n && buf[n - 1] == '0' ? 1 : 0;
  while (n < width && n < 511 && digit_ok(c, *base)) { buf[n++] = (char)c; digits++; c = get(in); }
  unget(in, c);
  buf[n] = 0;
  return digits ? n : 0;
}

static size_t read_float(scan_in *in, char *buf, size_t width) {
  size_t n = 0, digits = 0;
  int c = get(in);
  if ((c == '+' || c == '-') && n < width) { buf[n++] = (char)c; c = get(in); }
  /* inf, infinity, nan */
  if (c == 'i' || c == 'I' || c == 'n' || c == 'N') {
    const char *word = (c == 'i' || c == 'I') ? "infinity" : "nan";
    size_t k = 0;
    while (word[k] && n < width && c >= 0 && tolower(c) == word[k]) { buf[n++] = (char)c; k++; c = get(in); }
    unget(in, c);
    buf[n] = 0;
    return k >= 3 ? n : 0;
  }
  int hex = 0;
  if (c == '0' && n < width) {
    buf[n++] = '0'; digits++;
    c = get(in);
    if ((c == 'x' || c == 'X') && n < width) { buf[n++] = (char)c; hex = 1; c = get(in); }
  }
  while (n < width && n < 511 && digit_ok(c, hex ? 16 : 10)) { buf[n++] = (char)c; digits++; c = get(in); }
  if (c == '.' && n < width) {
    buf[n++] = '.';
    c = get(in);
    while (n < width && n < 511 && digit_ok(c, hex ? 16 : 10)) { buf[n++] = (char)c; digits++; c = get(in); }
  }
  if (digits && n < width && (hex ? (c == 'p' || c == 'P') : (c == 'e' || c == 'E'))) {
    size_t mark = n;
    buf[n++] = (char)c;
    c = get(in);
    if ((c == '+' || c == '-') && n < width) { buf[n++] = (char)c; c = get(in); }
    size_t ed = 0;
    while (n < width && n < 511 && c >= '0' && c <= '9') { buf[n++] = (char)c; ed++; c = get(in); }
    if (!ed) n = mark; /* "1e" reads as 1: the e is lost, as in C */
  }
  unget(in, c);
  buf[n] = 0;
  return digits ? n : 0;
}

static int vscan(scan_in *in, const void *fmt, int fw, int secure, va_list ap_in) {
  va_list ap;
  va_copy(ap, ap_in);
  int assigned = 0, converted = 0, eof = 0;
  size_t i = 0;
  char buf[512];
  if (!fmt) { errno = EINVAL; va_end(ap); return -1; }
  for (;;) {
    unsigned fc = F(i);
    if (!fc) break;
    if (fw ? iswspace((wint_t)fc) : isspace((int)fc)) {
      while (F(i) && (fw ? iswspace((wint_t)F(i)) : isspace((int)F(i)))) i++;
      int c;
      while (is_space(in, c = get(in))) {}
      unget(in, c);
      if (c < 0) eof = 1;
      continue;
    }
    if (fc != '%' || F(i + 1) == '%') {
      if (fc == '%') { i++; int c; while (is_space(in, c = get(in))) {} unget(in, c); }
      int c = get(in);
      if (c != (int)fc) { unget(in, c); if (c < 0) eof = 1; break; }
      i++;
      continue;
    }
    i++;
    int suppress = 0, size = SZ_INT;
    size_t width = 0;
    if (F(i) == '*') { suppress = 1; i++; }
    while (F(i) >= '0' && F(i) <= '9') width = width * 10 + (F(i++) - '0');
    switch (F(i)) {
    case 'h': i++; if (F(i) == 'h') { i++; size = SZ_HH; } else size = SZ_H; break;
    case 'l': i++; if (F(i) == 'l') { i++; size = SZ_LL; } else size = SZ_L; break;
    case 'L': i++; size = SZ_LD; break;
    case 'w': i++; size = SZ_L; break;
    case 'j': i++; size = SZ_LL; break;
    case 'z': case 't': i++; size = SZ_SIZE; break;
    case 'I':
      if (F(i + 1) == '6' && F(i + 2) == '4') { i += 3; size = SZ_LL; }
      else if (F(i + 1) == '3' && F(i + 2) == '2') { i += 3; size = SZ_INT; }
      else { i++; size = SZ_SIZE; }
      break;
    }
    unsigned conv = F(i);
    if (!conv) break;
    i++;
    if (conv == 'n') {
      if (!suppress) *va_arg(ap, int *) = (int)in->consumed;
      continue;
    }
    if (conv != 'c' && conv != 'C' && conv != '[') {
      int c;
      while (is_space(in, c = get(in))) {}
      unget(in, c);
      if (c < 0) { eof = 1; break; }
    }
    if (!width) width = (conv == 'c' || conv == 'C') ? 1 : SIZE_MAX;
    int ok = 1;
    switch (conv) {
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': case 'p': {
      int base = conv == 'd' || conv == 'u' ? 10 : conv == 'o' ? 8 : conv == 'i' ? 0 : 16;
      if (!read_int(in, buf, width, &base)) { ok = 0; break; }
      if (suppress) break;
      unsigned long long v = buf[0] == '-' ? (unsigned long long)strtoll(buf, NULL, base) : strtoull(buf, NULL, base);
      if (conv == 'p') { *va_arg(ap, void **) = (void *)(uintptr_t)v; break; }
      switch (size) {
      case SZ_HH: *va_arg(ap, char *) = (char)v; break;
      case SZ_H: *va_arg(ap, short *) = (short)v; break;
      case SZ_LL: *va_arg(ap, long long *) = (long long)v; break;
      case SZ_L: *va_arg(ap, long *) = (long)v; break;
      case SZ_SIZE: *va_arg(ap, size_t *) = (size_t)v; break;
      default: *va_arg(ap, int *) = (int)v; break;
      }
      break;
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A': {
      if (!read_float(in, buf, width)) { ok = 0; break; }
      if (suppress) break;
      double v = strtod(buf, NULL);
      if (size == SZ_LD) *va_arg(ap, long double *) = v;
      else if (size == SZ_L || size == SZ_LL) *va_arg(ap, double *) = v;
      else *va_arg(ap, float *) = (float)v;
      break;
    }
    case 's': case 'S': case 'c': case 'C': case '[': {
      int lower = conv == 's' || conv == 'c' || conv == '[';
      int wide_store = size == SZ_L ? 1 : (size == SZ_H || size == SZ_HH) ? 0 : lower == fw;
      sink k;
      memset(&k, 0, sizeof k);
      k.wide = wide_store;
      k.cap = SIZE_MAX / 4;
      if (!suppress) {
        k.p = va_arg(ap, void *);
        if (secure) k.cap = va_arg(ap, unsigned);
        if (!k.p) { ok = 0; errno = EINVAL; break; }
        if (conv != 'c' && conv != 'C' && k.cap) k.cap--; /* room for the terminator */
      }
      unsigned char neg = 0;
      size_t set_start = 0, set_end = 0;
      if (conv == '[') i = parse_set(fmt, fw, i, &neg, &set_start, &set_end);
      size_t got = 0;
      int c = 0;
      while (got < width) {
        c = get(in);
        if (c < 0) break;
        int take = conv == '[' ? in_set(fmt, fw, set_start, set_end, c) != neg : (conv == 'c' || conv == 'C') ? 1 : !is_space(in, c);
        if (!take) { unget(in, c); break; }
        sink_put(&k, in->wide, c);
        got++;
      }
      if (!got || ((conv == 'c' || conv == 'C') && got < width)) { ok = 0; if (c < 0) eof = 1; break; }
      sink_end(&k, conv != 'c' && conv != 'C');
      if (k.full && !suppress) {
        if (k.p && secure) { if (k.wide) *(wchar_t *)k.p = 0; else *(char *)k.p = 0; }
        errno = ENOMEM;
        ok = 0;
        break;
      }
      break;
    }
    default:
      ok = 0;
      break;
    }
    if (!ok) break;
    converted++;
    if (!suppress) assigned++;
  }
  va_end(ap);
  if (!converted && eof) return -1;
  return assigned;
#undef F
}

/* ---- strings ---- */

static int scan_string(const void *s, size_t limit, int wide, const void *fmt, int fw, int secure, va_list ap) {
  if (!s) { errno = EINVAL; return -1; }
  scan_in in = { .wide = wide, .get = str_get, .unget = str_unget, .s = s, .limit = limit };
  return vscan(&in, fmt, fw, secure, ap);
}

static int scan_file(FILE *f, int wide, const void *fmt, int fw, int secure, va_list ap) {
  if (!f) { errno = EINVAL; return -1; }
  __ntwasm_before_input(f);
  int stream = __ntwasm_is_stream(f);
  if (stream) __ntwasm_file_lock(f);
  scan_in in = { .wide = wide, .get = wide ? file_wget : file_get, .unget = wide ? file_wunget : file_unget, .f = f };
  int r = vscan(&in, fmt, fw, secure, ap);
  if (stream) __ntwasm_file_unlock(f);
  return r;
}

int vswscanf(const wchar_t *restrict s, const wchar_t *restrict fmt, va_list ap) { return scan_string(s, SIZE_MAX, 1, fmt, 1, 0, ap); }
int swscanf(const wchar_t *restrict s, const wchar_t *restrict fmt, ...) { VARIADIC(scan_string(s, SIZE_MAX, 1, fmt, 1, 0, ap), fmt) }
int _snwscanf(const wchar_t *s, size_t n, const wchar_t *fmt, ...) { VARIADIC(scan_string(s, n, 1, fmt, 1, 0, ap), fmt) }
int vswscanf_s(const wchar_t *s, const wchar_t *fmt, va_list ap) { return scan_string(s, SIZE_MAX, 1, fmt, 1, 1, ap); }
int swscanf_s(const wchar_t *s, const wchar_t *fmt, ...) { VARIADIC(scan_string(s, SIZE_MAX, 1, fmt, 1, 1, ap), fmt) }
int vfwscanf(FILE *restrict f, const wchar_t *restrict fmt, va_list ap) { return scan_file(f, 1, fmt, 1, 0, ap); }
int fwscanf(FILE *restrict f, const wchar_t *restrict fmt, ...) { VARIADIC(scan_file(f, 1, fmt, 1, 0, ap), fmt) }
int fwscanf_s(FILE *f, const wchar_t *fmt, ...) { VARIADIC(scan_file(f, 1, fmt, 1, 1, ap), fmt) }
int vwscanf(const wchar_t *restrict fmt, va_list ap) { return scan_file(stdin, 1, fmt, 1, 0, ap); }
int wscanf(const wchar_t *restrict fmt, ...) { VARIADIC(scan_file(stdin, 1, fmt, 1, 0, ap), fmt) }
int wscanf_s(const wchar_t *fmt, ...) { VARIADIC(scan_file(stdin, 1, fmt, 1, 1, ap), fmt) }

/*
 * Every narrow scanf of wasi-libc (scanf, fscanf, sscanf, vsscanf...) ends in vfscanf, sscanf's with a
 * string FILE on its caller's stack: the link redirects it here, so they all follow msvcrt's rules
 * (%I64d, %S and %ls into 16-bit wide strings) and lock only real streams.
 */
int __wrap_vfscanf(FILE *restrict f, const char *restrict fmt, va_list ap) { return scan_file(f, 0, fmt, 0, 0, ap); }

int vsscanf_s(const char *s, const char *fmt, va_list ap) { return scan_string(s, SIZE_MAX, 0, fmt, 0, 1, ap); }
int sscanf_s(const char *s, const char *fmt, ...) { VARIADIC(scan_string(s, SIZE_MAX, 0, fmt, 0, 1, ap), fmt) }
int fscanf_s(FILE *f, const char *fmt, ...) { VARIADIC(scan_file(f, 0, fmt, 0, 1, ap), fmt) }
int scanf_s(const char *fmt, ...) { VARIADIC(scan_file(stdin, 0, fmt, 0, 1, ap), fmt) }
