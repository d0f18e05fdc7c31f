/*
 * Multibyte <-> wide conversions. ntwasm's multibyte encoding is UTF-8 (the "ANSI" code page), wide
 * strings are UTF-16, so a character outside the BMP is 4 bytes and two wchar_t (a surrogate pair).
 * Linked under __ntwasm_ names (see ntwasm_wstring.h): wasi-libc's own code keeps its 32-bit ones.
 *
 * - Strings (mbstowcs, wcstombs, mbsrtowcs, wcsrtombs, the _s forms): surrogate pairs convert both
 *   ways; a pair is never split at the end of the output. Invalid UTF-8 (overlong forms, encoded
 *   surrogates, bytes that cannot start or continue a character) and unpaired surrogates are EILSEQ,
 *   (size_t)-1.
 * - One character with state (mbrtowc, wcrtomb): mbrtowc of a 4-byte character stores the high
 *   surrogate and returns 4; the next call stores the low surrogate and returns (size_t)-3 without
 *   reading input (C11's mbrtoc16 rule). wcrtomb of a high surrogate keeps it in the state and returns
 *   0; the low one then writes all 4 bytes. Split input across mbrtowc calls works ((size_t)-2).
 * - One character without state (mbtowc, wctomb): a character outside the BMP does not fit one
 *   wchar_t: mbtowc fails with EILSEQ for it, as does wctomb for a surrogate. mblen gives its length.
 * - btowc/wctob: the single-byte characters are ASCII.
 * mbstate_t: __opaque1 holds the count of bytes kept from an incomplete character (bits 0-1) and the
 * flags below, __opaque2 the kept bytes or the pending surrogate.
 */
#include <wchar.h>
#include <stdlib.h>
#include <errno.h>

#define PENDING_LOW 0x100  /* mbrtowc: the low surrogate of the last character is still to come */
#define PENDING_HIGH 0x200 /* wcrtomb: a high surrogate waits for its low half */
#define FAIL ((size_t)-1)
#define INCOMPLETE ((size_t)-2)
#define LOW_NEXT ((size_t)-3)

static size_t ilseq(void) { errno = EILSEQ; return FAIL; }

/* One UTF-8 character from s[0..n): its length (1..4) and *cp; FAIL; or INCOMPLETE when s[0..n) is
 * a valid but unfinished start. n > 0. */
static size_t decode(const unsigned char *s, size_t n, unsigned *cp) {
  unsigned b = s[0];
  if (b < 0x80) { *cp = b; return 1; }
  if (b < 0xc2 || b > 0xf4) return FAIL;
  size_t len = b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
  unsigned lo = b == 0xe0 ? 0xa0 : b == 0xf0 ? 0x90 : 0x80;
  unsigned hi = b == 0xed ? 0x9f : b == 0xf4 ? 0x8f : 0xbf;
  unsigned v = b & (0x7f >> len);
  for (size_t i = 1; i < len; i++) {
    if (i >= n) return INCOMPLETE;
    unsigned c = s[i];
    if (c < (i == 1 ? lo : 0x80) || c > (i == 1 ? hi : 0xbf)) return FAIL;
    v = v << 6 | (c & 0x3f);
  }
  *cp = v;
  return len;
}

/* UTF-8 of cp (not a surrogate) into out: its length. */
static size_t encode(unsigned cp, char *out) {
  if (cp < 0x80) { out[0] = (char)cp; return 1; }
  if (cp < 0x800) {
    out[0] = (char)(0xc0 | cp >> 6);
    out[1] = (char)(0x80 | (cp & 0x3f));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xe0 | cp >> 12);
    out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
    out[2] = (char)(0x80 | (cp & 0x3f));
    return 3;
  }
  out[0] = (char)(0xf0 | cp >> 18);
  out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
  out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
  out[3] = (char)(0x80 | (cp & 0x3f));
  return 4;
}

static inline int is_high(unsigned c) { return c - 0xd800u < 0x400; }
static inline int is_low(unsigned c) { return c - 0xdc00u < 0x400; }

static void reset(mbstate_t *ps) { ps->__opaque1 = ps->__opaque2 = 0; }

int mbsinit(const mbstate_t *ps) { return !ps || !ps->__opaque1; }

size_t mbrtowc(wchar_t *restrict pwc, const char *restrict s, size_t n, mbstate_t *restrict ps) {
  static _Thread_local mbstate_t internal;
  if (!ps) ps = &internal;
  if (!s) { pwc = 0; s = ""; n = 1; }
  if (ps->__opaque1 & PENDING_LOW) {
    if (pwc) *pwc = (wchar_t)ps->__opaque2;
    reset(ps);
    return LOW_NEXT;
  }
  if (!n) return INCOMPLETE;
  /* The bytes kept from an incomplete character, then the new ones that continue it (never reading
   * past a byte that cannot: the terminator ends the input). */
  unsigned kept = ps->__opaque1 & 3;
  const unsigned char *in = (const unsigned char *)s;
  size_t avail = n < 4 ? n : 4;
  unsigned char buf[4];
  if (kept) {
    for (unsigned i = 0; i < kept; i++) buf[i] = (unsigned char)(ps->__opaque2 >> (8 * i));
    avail = kept;
    for (size_t i = 0; avail < 4 && i < n; i++) {
      buf[avail++] = in[i];
      if ((in[i] & 0xc0) != 0x80) break;
    }
    in = buf;
  }
  unsigned cp;
  size_t len = decode(in, avail, &cp);
  if (len == FAIL) { reset(ps); return ilseq(); }
  if (len == INCOMPLETE) {
    ps->__opaque1 = (unsigned)avail;
    ps->__opaque2 = 0;
    for (size_t i = 0; i < avail; i++) ps->__opaque2 |= (unsigned)in[i] << (8 * i);
    return INCOMPLETE;
  }
  reset(ps);
  if (cp >= 0x10000) {
    cp -= 0x10000;
    if (pwc) *pwc = (wchar_t)(0xd800 | cp >> 10);
    ps->__opaque1 = PENDING_LOW;
    ps->__opaque2 = 0xdc00 | (cp & 0x3ff);
  } else if (pwc) {
    *pwc = (wchar_t)cp;
  }
  return cp ? len - kept : 0;
}

size_t mbrlen(const char *restrict s, size_t n, mbstate_t *restrict ps) {
  static _Thread_local mbstate_t internal;
  return mbrtowc(0, s, n, ps ? ps : &internal);
}

int mbtowc(wchar_t *restrict pwc, const char *restrict s, size_t n) {
  if (!s) return 0;
  if (!n) return -1;
  unsigned cp;
  size_t len = decode((const unsigned char *)s, n < 4 ? n : 4, &cp);
  if (len == FAIL || len == INCOMPLETE || cp >= 0x10000) { errno = EILSEQ; return -1; }
  if (pwc) *pwc = (wchar_t)cp;
  return cp ? (int)len : 0;
}

int mblen(const char *s, size_t n) {
  if (!s) return 0;
  if (!n) return -1;
  unsigned cp;
  size_t len = decode((const unsigned char *)s, n < 4 ? n : 4, &cp);
  if (len == FAIL || len == INCOMPLETE) { errno = EILSEQ; return -1; }
  return cp ? (int)len : 0;
}

size_t wcrtomb(char *restrict s, wchar_t wc, mbstate_t *restrict ps) {
  static _Thread_local mbstate_t internal;
  if (!ps) ps = &internal;
  char buf[4];
  if (!s) { s = buf; wc = 0; }
  unsigned c = wc;
  if (ps->__opaque1 & PENDING_HIGH) {
    unsigned high = ps->__opaque2;
    reset(ps);
    if (!is_low(c)) return ilseq();
    return encode(0x10000 + ((high - 0xd800) << 10) + (c - 0xdc00), s);
  }
  if (is_high(c)) {
    ps->__opaque1 = PENDING_HIGH;
    ps->__opaque2 = c;
    return 0;
  }
  if (is_low(c)) return ilseq();
  return encode(c, s);
}

int wctomb(char *s, wchar_t wc) {
  if (!s) return 0;
  if (is_high(wc) || is_low(wc)) { errno = EILSEQ; return -1; }
  return (int)encode(wc, s);
}

errno_t wctomb_s(int *result, char *s, rsize_t size, wchar_t wc) {
  if (!s && size) { errno = EINVAL; return EINVAL; }
  if (!s) { if (result) *result = 0; return 0; }
  char buf[4];
  int n = wctomb(buf, wc);
  if (n < 0) { if (result) *result = -1; return EILSEQ; }
  if ((size_t)n > size) { if (result) *result = -1; errno = ERANGE; return ERANGE; }
  for (int i = 0; i < n; i++) s[i] = buf[i];
  if (result) *result = n;
  return 0;
}

errno_t wcrtomb_s(size_t *result, char *s, size_t size, wchar_t wc, mbstate_t *ps) {
  if (!s && size) { errno = EINVAL; return EINVAL; }
  char buf[4];
  size_t n = wcrtomb(s ? buf : 0, wc, ps);
  if (n == FAIL) { if (result) *result = FAIL; return EILSEQ; }
  if (s) {
    if (n > size) { if (result) *result = FAIL; errno = ERANGE; return ERANGE; }
    for (size_t i = 0; i < n; i++) s[i] = buf[i];
  }
  if (result) *result = n;
  return 0;
}

/*
 * UTF-8 from *src (at most nsrc bytes) into dst (at most n wchar_t; dst NULL: count only). Stops at
 * the terminator (then *src = NULL, not counted), when dst is full (never splitting a pair), or at
 * the input limit (an incomplete character's bytes are kept in ps).
 */
static size_t to_wide(wchar_t *dst, const char **src, size_t nsrc, size_t n, mbstate_t *ps) {
  mbstate_t local;
  if (!dst) { local = *ps; ps = &local; }
  const char *s = *src;
  size_t count = 0;
  while (!dst || count < n) {
    mbstate_t next = *ps;
    wchar_t wc;
    size_t r = mbrtowc(&wc, s, nsrc, &next);
    if (r == FAIL) { if (dst) *src = s; return FAIL; }
    if (r == INCOMPLETE) { *ps = next; s += nsrc; break; }
    if (r == 0) {
      *ps = next;
      if (dst) { dst[count] = 0; *src = 0; }
      return count;
    }
    if (dst && is_high(wc) && r != LOW_NEXT && count + 2 > n) break;
    *ps = next;
    if (dst) dst[count] = wc;
    count++;
    if (r != LOW_NEXT) { s += r; nsrc -= r; }
  }
  if (dst) *src = s;
  return count;
}

/*
 * UTF-16 from *src (at most nsrc units) into dst (at most n bytes; dst NULL: count only). Stops at
 * the terminator (written when it fits, then *src = NULL), before a character that does not fit, or
 * at the input limit (a high surrogate there waits in ps).
 */
static size_t to_multibyte(char *dst, const wchar_t **src, size_t nsrc, size_t n, mbstate_t *ps) {
  mbstate_t local;
  if (!dst) { local = *ps; ps = &local; }
  const wchar_t *w = *src;
  size_t count = 0;
  for (;; w++, nsrc--) {
    if (!nsrc) break;
    char buf[4];
    mbstate_t next = *ps;
    size_t r = wcrtomb(buf, *w, &next);
    if (r == FAIL) { if (dst) *src = w; return FAIL; }
    if (dst && count + r > n) break;
    *ps = next;
    if (!*w) {
      if (dst) { dst[count] = 0; *src = 0; }
      return count;
    }
    if (dst) for (size_t i = 0; i < r; i++) dst[count + i] = buf[i];
    count += r;
  }
  if (dst) *src = w;
  return count;
}

size_t mbsrtowcs(wchar_t *restrict dst, const char **restrict src, size_t n, mbstate_t *restrict ps) {
  static _Thread_local mbstate_t internal;
  return to_wide(dst, src, (size_t)-1, n, ps ? ps : &internal);
}

size_t mbsnrtowcs(wchar_t *restrict dst, const char **restrict src, size_t nsrc, size_t n, mbstate_t *restrict ps) {
  static _Thread_local mbstate_t internal;
  return to_wide(dst, src, nsrc, n, ps ? ps : &internal);
}

size_t wcsrtombs(char *restrict dst, const wchar_t **restrict src, size_t n, mbstate_t *restrict ps) {
  static _Thread_local mbstate_t internal;
  return to_multibyte(dst, src, (size_t)-1, n, ps ? ps : &internal);
}

size_t wcsnrtombs(char *restrict dst, const wchar_t **restrict src, size_t nsrc, size_t n, mbstate_t *restrict ps) {
  static _Thread_local mbstate_t internal;
  return to_multibyte(dst, src, nsrc, n, ps ? ps : &internal);
}

size_t mbstowcs(wchar_t *restrict dst, const char *restrict src, size_t n) {
  mbstate_t st = { 0 };
  const char *s = src;
  return to_wide(dst, &s, (size_t)-1, n, &st);
}

size_t wcstombs(char *restrict dst, const wchar_t *restrict src, size_t n) {
  mbstate_t st = { 0 };
  const wchar_t *w = src;
  return to_multibyte(dst, &w, (size_t)-1, n, &st);
}

/* Stores a terminator at dst[i] in units of `unit` bytes. */
static void terminate(void *dst, size_t unit, size_t i) {
  if (unit == 1) ((char *)dst)[i] = 0;
  else ((wchar_t *)dst)[i] = 0;
}

/*
 * The _s forms (UCRT's rules): dst NULL with size 0 asks for the size; *converted counts the
 * terminator. n limits what is converted (wide characters or bytes, the terminator not counted);
 * _TRUNCATE converts what fits and returns STRUNCATE if that is not all. A result that does not fit
 * is ERANGE and an invalid sequence EILSEQ; both leave dst empty. A NULL source, or dst and size
 * that disagree, are EINVAL.
 */
static errno_t bad_args(void *dst, size_t size, const void *src, size_t unit) {
  if ((dst && size) && !src) terminate(dst, unit, 0);
  if ((!dst && size) || (dst && !size) || !src) { errno = EINVAL; return EINVAL; }
  return 0;
}

/* One direction of conversion: to_wide or to_multibyte, with the destination's unit. */
typedef size_t (*convert_fn)(void *dst, const void **src, size_t nsrc, size_t n, mbstate_t *ps);
static size_t wide_fn(void *dst, const void **src, size_t nsrc, size_t n, mbstate_t *ps) {
  return to_wide(dst, (const char **)src, nsrc, n, ps);
}
static size_t multibyte_fn(void *dst, const void **src, size_t nsrc, size_t n, mbstate_t *ps) {
  return to_multibyte(dst, (const wchar_t **)src, nsrc, n, ps);
}

/* The _s forms' rules (the count with its terminator, ERANGE or _TRUNCATE), for either direction. */
static errno_t convert_s(convert_fn conv, size_t unit, size_t *converted, void *dst, size_t size, const void **src, size_t n,
                         mbstate_t *ps) {
  const void *start = *src;
  mbstate_t first = *ps;
  size_t total = conv(0, src, (size_t)-1, 0, ps);
  if (total == FAIL) { if (dst) terminate(dst, unit, 0); return EILSEQ; }
  if (!dst) { if (converted) *converted = total + 1; return 0; }
  size_t want = n < total ? n : total;
  errno_t e = 0;
  if (want + 1 > size) {
    if (n != _TRUNCATE) { terminate(dst, unit, 0); errno = ERANGE; return ERANGE; }
    want = size - 1;
    e = STRUNCATE;
  }
  size_t r = conv(dst, src, (size_t)-1, want, ps);
  if (r == FAIL) { terminate(dst, unit, 0); *src = start; *ps = first; return EILSEQ; }
  terminate(dst, unit, r);
  if (converted) *converted = r + 1;
  return e;
}

static errno_t to_wide_s(size_t *converted, wchar_t *dst, size_t size, const char **src, size_t n, mbstate_t *ps) {
  return convert_s(wide_fn, sizeof(wchar_t), converted, dst, size, (const void **)src, n, ps);
}

static errno_t to_multibyte_s(size_t *converted, char *dst, size_t size, const wchar_t **src, size_t n, mbstate_t *ps) {
  return convert_s(multibyte_fn, 1, converted, dst, size, (const void **)src, n, ps);
}

errno_t mbstowcs_s(size_t *converted, wchar_t *dst, size_t size, const char *src, size_t n) {
  if (converted) *converted = 0;
  errno_t e = bad_args(dst, size, src, sizeof(wchar_t));
  if (e) return e;
  mbstate_t st = { 0 };
  return to_wide_s(converted, dst, size, &src, n, &st);
}

errno_t wcstombs_s(size_t *converted, char *dst, size_t size, const wchar_t *src, size_t n) {
  if (converted) *converted = 0;
  errno_t e = bad_args(dst, size, src, 1);
  if (e) return e;
  mbstate_t st = { 0 };
  return to_multibyte_s(converted, dst, size, &src, n, &st);
}

errno_t mbsrtowcs_s(size_t *result, wchar_t *dst, size_t size, const char **src, size_t n, mbstate_t *ps) {
  static _Thread_local mbstate_t internal;
  if (result) *result = 0;
  errno_t e = bad_args(dst, size, src && *src ? *src : 0, sizeof(wchar_t));
  if (e) return e;
  return to_wide_s(result, dst, size, src, n, ps ? ps : &internal);
}

errno_t wcsrtombs_s(size_t *result, char *dst, size_t size, const wchar_t **src, size_t n, mbstate_t *ps) {
  static _Thread_local mbstate_t internal;
  if (result) *result = 0;
  errno_t e = bad_args(dst, size, src && *src ? *src : 0, 1);
  if (e) return e;
  return to_multibyte_s(result, dst, size, src, n, ps ? ps : &internal);
}

wint_t btowc(int c) { return c >= 0 && c < 0x80 ? (wint_t)c : WEOF; }
int wctob(wint_t c) { return c < 0x80 ? (int)c : -1 /* EOF */; }
