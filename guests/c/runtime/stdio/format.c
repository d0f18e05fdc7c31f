/*
 * The printf engine of the narrow and the wide families, with msvcrt/UCRT's rules:
 * - sizes: hh h l ll L j z t as C99, and MSVC's I (size_t, 32 bits here), I32, I64 and w (wide);
 *   long is 32 bits, as on Windows.
 * - strings and characters: in a narrow format %s/%c are narrow and %S/%C wide; in a wide format the
 *   other way round; h always means narrow, l and w wide. Wide text in narrow output is UTF-8, narrow
 *   text in wide output is decoded from UTF-8 (ntwasm's "ANSI" code page); a lone surrogate or an
 *   invalid byte becomes U+FFFD. Precision and width count the characters of the argument's own type,
 *   as msvcrt counts them. NULL prints "(null)".
 * - %p: 8 uppercase hex digits (MSVC's 32-bit form, 0012FF7C).
 * - %n is refused as UCRT refuses it by default (the call fails, EINVAL); %Z is not supported either.
 * - an unknown conversion character prints itself (msvcrt); a '%' at the end prints nothing.
 * - numbers are rendered by wasi-libc's snprintf from a rebuilt one-conversion format (UCRT's float
 *   forms: 2-digit exponents; %a has 13 hex digits unless a precision is given); infinities and NaNs
 *   print as UCRT prints them: inf, nan, -nan(ind) for the default NaN, nan(snan).
 * No lock: a stream's caller holds its lock; formatting into memory needs none.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "stdio_internal.h"

_Thread_local int __ntwasm_printf_raw;

enum size { SZ_INT, SZ_HH, SZ_H, SZ_LL, SZ_LD, SZ_WIDE, SZ_NARROW };

typedef struct {
  char flags[8];
  int nflags;
  int width, prec; /* -1: none */
  int size;        /* enum size */
  int left, zero;
} spec;

static int emit(ntw_out *o, const void *s, size_t n) {
  if (!n || o->failed) return o->failed ? -1 : 0;
  if (o->count + n > INT_MAX) { o->failed = EOVERFLOW; return -1; }
  o->count += n;
  if (o->put(o, s, n)) { if (!o->failed) o->failed = -1; /* the write set errno */ return -1; }
  return 0;
}

/* ASCII text into either kind of output. */
static int emit_ascii(ntw_out *o, const char *s, size_t n) {
  if (!o->wide) return emit(o, s, n);
  wchar_t w[64];
  while (n) {
    size_t k = n < 64 ? n : 64;
    for (size_t i = 0; i < k; i++) w[i] = (unsigned char)s[i];
    if (emit(o, w, k)) return -1;
    s += k;
    n -= k;
  }
  return 0;
}

static int emit_pad(ntw_out *o, char c, int n) {
  char buf[32];
  memset(buf, c, sizeof buf);
  while (n > 0) {
    int k = n < 32 ? n : 32;
    if (emit_ascii(o, buf, (size_t)k)) return -1;
    n -= k;
  }
  return 0;
}

/* One code point (or a lone surrogate unit) into the output. */
static int emit_cp(ntw_out *o, unsigned cp) {
  if (o->wide) {
    wchar_t w[2];
    if (cp >= 0x10000 && cp <= 0x10ffff) {
      cp -= 0x10000;
      w[0] = (wchar_t)(0xd800 | cp >> 10);
      w[1] = (wchar_t)(0xdc00 | (cp & 0x3ff));
      return emit(o, w, 2);
    }
    w[0] = (wchar_t)cp;
    return emit(o, w, 1);
  }
  char b[4];
  return emit(o, b, __ntwasm_utf8(b, cp));
}

/* n units of a UTF-16 string into the output. */
static int emit_wide(ntw_out *o, const wchar_t *s, size_t n) {
  if (o->wide) return emit(o, s, n);
  char buf[128];
  size_t used = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned c = s[i];
    if (c - 0xd800u < 0x400u && i + 1 < n && (unsigned)s[i + 1] - 0xdc00u < 0x400u) {
      c = 0x10000 + ((c - 0xd800) << 10) + (s[i + 1] - 0xdc00u);
      i++;
    }
    if (used > sizeof buf - 4) { if (emit(o, buf, used)) return -1; used = 0; }
    used += __ntwasm_utf8(buf + used, c);
  }
  return emit(o, buf, used);
}

/* n bytes of a UTF-8 string into the output. */
static int emit_narrow(ntw_out *o, const char *s, size_t n) {
  if (!o->wide) return emit(o, s, n);
  const unsigned char *p = (const unsigned char *)s;
  while (n) {
    size_t k = 0;
    while (k < n && k < 64 && p[k] < 0x80) k++;
    if (k) { if (emit_ascii(o, (const char *)p, k)) return -1; p += k; n -= k; continue; }
    unsigned cp;
    size_t len = __ntwasm_utf8_decode(p, n, &cp);
    if (emit_cp(o, cp)) return -1;
    p += len;
    n -= len;
  }
  return 0;
}

/* Width padding around a field of `len` characters. */
static int pad_before(ntw_out *o, const spec *sp, size_t len) {
  return !sp->left && sp->width > 0 && (size_t)sp->width > len ? emit_pad(o, sp->zero ? '0' : ' ', sp->width - (int)len) : 0;
}
static int pad_after(ntw_out *o, const spec *sp, size_t len) {
  return sp->left && sp->width > 0 && (size_t)sp->width > len ? emit_pad(o, ' ', sp->width - (int)len) : 0;
}

/* wasi-libc's snprintf for one conversion (the wrap of vfprintf lets it through untouched). */
static int raw_snprintf(char *buf, size_t size, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  __ntwasm_printf_raw = 1;
  int r = vsnprintf(buf, size, fmt, ap);
  __ntwasm_printf_raw = 0;
  va_end(ap);
  return r;
}

/* "%<flags><width>.<prec><size><conv>" for wasi-libc. */
static void rebuild(char *out, const spec *sp, const char *size, char conv, int prec) {
  char *p = out;
  *p++ = '%';
  for (int i = 0; i < sp->nflags; i++) *p++ = sp->flags[i];
  if (sp->width >= 0) p += raw_snprintf(p, 12, "%d", sp->width);
  if (prec >= 0) p += raw_snprintf(p, 13, ".%d", prec);
  while (*size) *p++ = *size++;
  *p++ = conv;
  *p = 0;
}

/* Renders with wasi-libc into a stack buffer (the heap only for very long fields) and emits it. */
#define RENDER(o, spec_text, value)                                            \
  do {                                                                         \
    char small_[512];                                                          \
    int n_ = raw_snprintf(small_, sizeof small_, spec_text, value);            \
    if (n_ < 0) { o->failed = EINVAL; return -1; }                             \
    if ((size_t)n_ < sizeof small_) { if (emit_ascii(o, small_, (size_t)n_)) return -1; break; } \
    char *big_ = malloc((size_t)n_ + 1);                                       \
    if (!big_) { o->failed = ENOMEM; return -1; }                              \
    raw_snprintf(big_, (size_t)n_ + 1, spec_text, value);                      \
    int r_ = emit_ascii(o, big_, (size_t)n_);                                  \
    free(big_);                                                                \
    if (r_) return -1;                                                         \
  } while (0)

static int do_int(ntw_out *o, const spec *sp, char conv, va_list *ap) {
  char f[48];
  int is_signed = conv == 'd' || conv == 'i';
  if (sp->size == SZ_LL) {
    long long v = va_arg(*ap, long long);
    rebuild(f, sp, "ll", conv, sp->prec);
    if (is_signed) RENDER(o, f, v); else RENDER(o, f, (unsigned long long)v);
    return 0;
  }
  int v = va_arg(*ap, int);
  if (sp->size == SZ_HH) v = is_signed ? (signed char)v : (unsigned char)v;
  else if (sp->size == SZ_H) v = is_signed ? (short)v : (unsigned short)v;
  rebuild(f, sp, "", conv, sp->prec);
  RENDER(o, f, v);
  return 0;
}

static int do_pointer(ntw_out *o, const spec *sp, va_list *ap) {
  char f[48];
  uintptr_t v = (uintptr_t)va_arg(*ap, void *);
  rebuild(f, sp, "", 'X', 2 * (int)sizeof(void *));
  RENDER(o, f, (unsigned)v);
  return 0;
}

/* UCRT's spellings of the values that are not numbers. */
static int do_nonfinite(ntw_out *o, const spec *sp, char conv, double v) {
  union { double d; uint64_t u; } bits = { v };
  int upper = conv >= 'A' && conv <= 'Z';
  const char *body;
  int neg = (int)(bits.u >> 63);
  if (v == v) body = upper ? "INF" : "inf";
  else if (bits.u == 0xfff8000000000000ull) body = upper ? "NAN(IND)" : "nan(ind)";
  else if (!(bits.u & 0x0008000000000000ull)) body = upper ? "NAN(SNAN)" : "nan(snan)";
  else body = upper ? "NAN" : "nan";
  char text[16];
  size_t n = 0;
  if (neg) text[n++] = '-';
  else if (memchr(sp->flags, '+', (size_t)sp->nflags)) text[n++] = '+';
  else if (memchr(sp->flags, ' ', (size_t)sp->nflags)) text[n++] = ' ';
  size_t bl = strlen(body);
  memcpy(text + n, body, bl);
  n += bl;
  spec plain = *sp;
  plain.zero = 0;
  if (pad_before(o, &plain, n) || emit_ascii(o, text, n) || pad_after(o, &plain, n)) return -1;
  return 0;
}

static int do_float(ntw_out *o, const spec *sp, char conv, va_list *ap) {
  /* MSVC's long double is double: a long double argument is printed at double's precision. */
  double v = sp->size == SZ_LD ? (double)va_arg(*ap, long double) : va_arg(*ap, double);
  if (v - v != 0) return do_nonfinite(o, sp, conv, v);
  int prec = sp->prec;
  if ((conv == 'a' || conv == 'A') && prec < 0) prec = 13;
  char f[48];
  rebuild(f, sp, "", conv, prec);
  RENDER(o, f, v);
  return 0;
}

static int do_char(ntw_out *o, const spec *sp, int wide_arg, va_list *ap) {
  int v = va_arg(*ap, int);
  if (pad_before(o, sp, 1)) return -1;
  int r;
  if (wide_arg) {
    wchar_t c = (wchar_t)v;
    r = emit_wide(o, &c, 1);
  } else {
    char c = (char)v;
    r = emit_narrow(o, &c, 1);
  }
  return r || pad_after(o, sp, 1) ? -1 : 0;
}

static int do_string(ntw_out *o, const spec *sp, int wide_arg, va_list *ap) {
  const void *p = va_arg(*ap, const void *);
  size_t len;
  if (wide_arg) {
    const wchar_t *s = p ? p : L"(null)";
    len = sp->prec >= 0 ? wcsnlen(s, (size_t)sp->prec) : wcslen(s);
    return pad_before(o, sp, len) || emit_wide(o, s, len) || pad_after(o, sp, len) ? -1 : 0;
  }
  const char *s = p ? p : "(null)";
  len = sp->prec >= 0 ? strnlen(s, (size_t)sp->prec) : strlen(s);
  return pad_before(o, sp, len) || emit_narrow(o, s, len) || pad_after(o, sp, len) ? -1 : 0;
}

static void add_flag(spec *sp, char c) {
  if (sp->nflags < (int)sizeof sp->flags - 1 && !memchr(sp->flags, c, (size_t)sp->nflags)) sp->flags[sp->nflags++] = c;
}

int __ntwasm_vformat(ntw_out *o, const void *format, va_list ap_in) {
  va_list ap;
  va_copy(ap, ap_in);
  const unsigned char *nf = format;
  const wchar_t *wf = format;
#define CH(k) (o->wide ? (unsigned)wf[k] : (unsigned)nf[k])
  size_t i = 0;
  if (!format) { o->failed = EINVAL; goto done; }
  for (;;) {
    size_t start = i;
    while (CH(i) && CH(i) != '%') i++;
    if (i > start && emit(o, o->wide ? (const void *)(wf + start) : (const void *)(nf + start), i - start)) break;
    if (!CH(i)) break;
    i++;
    spec sp;
    memset(&sp, 0, sizeof sp);
    sp.width = sp.prec = -1;
    for (;; i++) {
      unsigned c = CH(i);
      if (c == '-') { sp.left = 1; add_flag(&sp, '-'); }
      else if (c == '0') { sp.zero = 1; add_flag(&sp, '0'); }
      else if (c == '+' || c == ' ' || c == '#') add_flag(&sp, (char)c);
      else if (c == '\'') {} /* UCRT ignores the grouping flag */
      else break;
    }
    if (CH(i) == '*') {
      i++;
      sp.width = va_arg(ap, int);
      if (sp.width < 0) { sp.left = 1; add_flag(&sp, '-'); sp.width = sp.width == INT_MIN ? INT_MAX : -sp.width; }
    } else {
      while (CH(i) >= '0' && CH(i) <= '9') {
        int d = (int)CH(i++) - '0';
        sp.width = (sp.width < 0 ? 0 : sp.width) > (INT_MAX - d) / 10 ? INT_MAX : (sp.width < 0 ? 0 : sp.width) * 10 + d;
      }
    }
    if (sp.left) sp.zero = 0;
    if (CH(i) == '.') {
      i++;
      sp.prec = 0;
      if (CH(i) == '*') { i++; sp.prec = va_arg(ap, int); if (sp.prec < 0) sp.prec = -1; }
      else while (CH(i) >= '0' && CH(i) <= '9') { int d = (int)CH(i++) - '0'; sp.prec = sp.prec > (INT_MAX - d) / 10 ? INT_MAX : sp.prec * 10 + d; }
    }
    switch (CH(i)) {
    case 'h': i++; if (CH(i) == 'h') { i++; sp.size = SZ_HH; } else sp.size = SZ_H; break;
    case 'l': i++; if (CH(i) == 'l') { i++; sp.size = SZ_LL; } else sp.size = SZ_WIDE; break;
    case 'L': i++; sp.size = SZ_LD; break;
    case 'w': i++; sp.size = SZ_WIDE; break;
    case 'j': case 'q': i++; sp.size = SZ_LL; break;
    case 'z': case 't': i++; break; /* size_t and ptrdiff_t: 32 bits */
    case 'I':
      if (CH(i + 1) == '6' && CH(i + 2) == '4') { i += 3; sp.size = SZ_LL; }
      else if (CH(i + 1) == '3' && CH(i + 2) == '2') i += 3;
      else i++;
      break;
    }
    unsigned conv = CH(i);
    if (!conv) break;
    i++;
    /* 'l' (SZ_WIDE) on a number means long: 32 bits, the default. */
    int r = 0;
    int is_wide_default = o->wide;
    switch (conv) {
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': {
      spec s = sp;
      if (s.prec >= 0) { s.zero = 0; } /* the C rule: a precision turns the 0 flag off for integers */
      if (s.size == SZ_WIDE || s.size == SZ_LD) s.size = s.size == SZ_LD ? SZ_LL : SZ_INT;
      r = do_int(o, &s, (char)conv, &ap);
      break;
    }
    case 'p': r = do_pointer(o, &sp, &ap); break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
      r = do_float(o, &sp, (char)conv, &ap);
      break;
    case 'c': case 'C': {
      int wide_arg = sp.size == SZ_WIDE ? 1 : sp.size == SZ_H ? 0 : (conv == 'c') == is_wide_default;
      r = do_char(o, &sp, wide_arg, &ap);
      break;
    }
    case 's': case 'S': {
      int wide_arg = sp.size == SZ_WIDE ? 1 : sp.size == SZ_H ? 0 : (conv == 's') == is_wide_default;
      r = do_string(o, &sp, wide_arg, &ap);
      break;
    }
    case 'n':
      o->failed = EINVAL;
      r = -1;
      break;
    default: {
      /* msvcrt prints an unknown conversion character (and "%%" is '%'), padded like a character. */
      unsigned c = conv;
      if (o->wide) { wchar_t w = (wchar_t)c; r = pad_before(o, &sp, 1) || emit(o, &w, 1) || pad_after(o, &sp, 1); }
      else { char ch = (char)c; r = pad_before(o, &sp, 1) || emit(o, &ch, 1) || pad_after(o, &sp, 1); }
      break;
    }
    }
    if (r || o->failed) break;
  }
#undef CH
done:
  va_end(ap);
  if (o->failed) {
    if (o->failed > 0) errno = o->failed;
    return -1;
  }
  return (int)o->count;
}
