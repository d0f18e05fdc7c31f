/*
 * MSVC's integer-to-string conversions, narrow and wide: _itoa, _ltoa, _ultoa, _i64toa, _ui64toa,
 * _itow, _ltow, _ultow, _i64tow, _ui64tow and their _s forms (itoa, ltoa, ultoa: the old names).
 * As msvcrt: lower-case digits; a negative value gets a '-' in radix 10 only, in any other radix it
 * is the two's complement of its type (_itoa(-1, buf, 16) is "ffffffff").
 * The _s forms: a NULL buffer, size 0 or a radix outside 2..36 is EINVAL, a buffer too small for the
 * digits and the terminator ERANGE; both empty the buffer (when there is one). The forms without _s
 * write an empty string for a bad radix (EINVAL) and assume the buffer is large enough.
 */
#include <stdlib.h>
#include <wchar.h>
#include <errno.h>

/* Writes the digits into buf (narrow or wide) if they fit in size units with the terminator. */
static errno_t convert(unsigned long long v, int neg, void *buf, size_t size, int radix, int wide) {
  if (!buf || !size) { errno = EINVAL; return EINVAL; }
  if (wide) *(wchar_t *)buf = 0;
  else *(char *)buf = 0;
  if (radix < 2 || radix > 36) { errno = EINVAL; return EINVAL; }
  char digits[65];
  size_t n = 0;
  do {
    unsigned d = (unsigned)(v % (unsigned)radix);
    digits[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
    v /= (unsigned)radix;
  } while (v);
  size_t len = n + (neg ? 1 : 0);
  if (len + 1 > size) { errno = ERANGE; return ERANGE; }
  size_t i = 0;
  if (wide) {
    wchar_t *w = buf;
    if (neg) w[i++] = L'-';
    while (n) w[i++] = (wchar_t)digits[--n];
    w[i] = 0;
  } else {
    char *c = buf;
    if (neg) c[i++] = '-';
    while (n) c[i++] = digits[--n];
    c[i] = 0;
  }
  return 0;
}

/* A signed value of `bits` bits: '-' in radix 10, else its two's complement in that width. */
static errno_t signed_value(long long v, int bits, void *buf, size_t size, int radix, int wide) {
  if (radix == 10 && v < 0) return convert(0 - (unsigned long long)v, 1, buf, size, radix, wide);
  unsigned long long u = (unsigned long long)v;
  if (bits == 32) u &= 0xffffffffu;
  return convert(u, 0, buf, size, radix, wide);
}

#define UNBOUNDED ((size_t)-1 / 4)

errno_t _itoa_s(int v, char *buf, size_t size, int radix) { return signed_value(v, 32, buf, size, radix, 0); }
errno_t _ltoa_s(long v, char *buf, size_t size, int radix) { return signed_value(v, 32, buf, size, radix, 0); }
errno_t _ultoa_s(unsigned long v, char *buf, size_t size, int radix) { return convert(v, 0, buf, size, radix, 0); }
errno_t _i64toa_s(long long v, char *buf, size_t size, int radix) { return signed_value(v, 64, buf, size, radix, 0); }
errno_t _ui64toa_s(unsigned long long v, char *buf, size_t size, int radix) { return convert(v, 0, buf, size, radix, 0); }
errno_t _itow_s(int v, wchar_t *buf, size_t size, int radix) { return signed_value(v, 32, buf, size, radix, 1); }
errno_t _ltow_s(long v, wchar_t *buf, size_t size, int radix) { return signed_value(v, 32, buf, size, radix, 1); }
errno_t _ultow_s(unsigned long v, wchar_t *buf, size_t size, int radix) { return convert(v, 0, buf, size, radix, 1); }
errno_t _i64tow_s(long long v, wchar_t *buf, size_t size, int radix) { return signed_value(v, 64, buf, size, radix, 1); }
errno_t _ui64tow_s(unsigned long long v, wchar_t *buf, size_t size, int radix) { return convert(v, 0, buf, size, radix, 1); }

char *_itoa(int v, char *buf, int radix) { _itoa_s(v, buf, UNBOUNDED, radix); return buf; }
char *_ltoa(long v, char *buf, int radix) { _ltoa_s(v, buf, UNBOUNDED, radix); return buf; }
char *_ultoa(unsigned long v, char *buf, int radix) { _ultoa_s(v, buf, UNBOUNDED, radix); return buf; }
char *_i64toa(long long v, char *buf, int radix) { _i64toa_s(v, buf, UNBOUNDED, radix); return buf; }
char *_ui64toa(unsigned long long v, char *buf, int radix) { _ui64toa_s(v, buf, UNBOUNDED, radix); return buf; }
char *itoa(int v, char *buf, int radix) { return _itoa(v, buf, radix); }
char *ltoa(long v, char *buf, int radix) { return _ltoa(v, buf, radix); }
char *ultoa(unsigned long v, char *buf, int radix) { return _ultoa(v, buf, radix); }
wchar_t *_itow(int v, wchar_t *buf, int radix) { _itow_s(v, buf, UNBOUNDED, radix); return buf; }
wchar_t *_ltow(long v, wchar_t *buf, int radix) { _ltow_s(v, buf, UNBOUNDED, radix); return buf; }
wchar_t *_ultow(unsigned long v, wchar_t *buf, int radix) { _ultow_s(v, buf, UNBOUNDED, radix); return buf; }
wchar_t *_i64tow(long long v, wchar_t *buf, int radix) { _i64tow_s(v, buf, UNBOUNDED, radix); return buf; }
wchar_t *_ui64tow(unsigned long long v, wchar_t *buf, int radix) { _ui64tow_s(v, buf, UNBOUNDED, radix); return buf; }
