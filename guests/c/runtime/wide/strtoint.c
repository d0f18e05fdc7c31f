/*
 * Integer parsing, narrow and wide: strtol, strtoul, strtoll, strtoull, strtoimax, strtoumax,
 * _strtoi64, _strtoui64, atoi, atol, atoll, _atoi64 and their wcs/_w twins. They replace wasi-libc's:
 * pure functions that take no lock and set the calling thread's errno (never libc's global one).
 *
 * msvcrt's rules (checked against Wine 8 with mingw-w64):
 * - leading white space (isspace in the "C" locale; iswspace for the wide forms, so U+3000 too),
 *   a sign, then digits in base 2..36 or base 0 (0x.. hex, 0.. octal, else decimal);
 * - "0x" with base 0 or 16 is a prefix: "0x" alone, or "0xg", is no number (0, *end = the start);
 * - the wide forms also take the decimal digits of other scripts (Arabic-Indic, Devanagari...,
 *   fullwidth U+FF10..U+FF19), as msvcrt's wcstol does; letters are ASCII only;
 * - out of range: the type's limit and ERANGE (an unsigned parse of "-1" is ULONG_MAX, no error;
 *   of "-4294967296" ERANGE and 1, the maximum negated, as on Windows);
 *   a bad base or a NULL string: 0 and EINVAL, *end = the start;
 * - atoi, _wtoi, atol, _atoi64... saturate with ERANGE, as UCRT's do.
 */
#include <stdlib.h>
#include <wchar.h>
#include <inttypes.h>
#include <limits.h>
#include <errno.h>

/* The code unit at s[i], narrow or wide. */
static inline unsigned at(const void *s, int wide, size_t i) {
  return wide ? ((const wchar_t *)s)[i] : ((const unsigned char *)s)[i];
}

static int is_space(unsigned c, int wide) {
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  return wide && c >= 0x80 && iswspace((wint_t)c);
}

/* The first code units of the Unicode decimal digit runs msvcrt's wcstol accepts besides ASCII. */
static const unsigned short zeros[] = {
  0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0c66, 0x0ce6,
  0x0d66, 0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x17e0, 0x1810, 0xff10,
};

/* The digit's value, or 36 when c is none. */
static unsigned digit(unsigned c, int wide) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  if (wide && c >= zeros[0])
    for (size_t i = 0; i < sizeof zeros / sizeof zeros[0] && c >= zeros[i]; i++)
      if (c <= zeros[i] + 9u) return c - zeros[i];
  return 36;
}

/*
 * Parses s: returns the magnitude (saturated at ULLONG_MAX, *over set beyond it), *neg for a minus
 * sign and *end the index after the number (0 when there is none). Returns 0 with *bad set for a bad
 * base or NULL string.
 */
static unsigned long long scan(const void *s, int wide, int base, int *neg, int *over, size_t *end, int *bad) {
  *neg = *over = *bad = 0;
  *end = 0;
  if (!s || base < 0 || base == 1 || base > 36) { *bad = 1; return 0; }
  size_t i = 0;
  while (is_space(at(s, wide, i), wide)) i++;
  if (at(s, wide, i) == '-') *neg = 1, i++;
  else if (at(s, wide, i) == '+') i++;
  if ((base == 0 || base == 16) && at(s, wide, i) == '0' && (at(s, wide, i + 1) | 0x20) == 'x') {
    base = 16;
    i += 2;
  } else if (base == 0) {
    base = at(s, wide, i) == '0' ? 8 : 10;
  }
  unsigned long long v = 0;
  size_t first = i;
  for (unsigned d; (d = digit(at(s, wide, i), wide)) < (unsigned)base; i++) {
    if (v > (ULLONG_MAX - d) / (unsigned)base) *over = 1;
    else v = v * base + d;
  }
  if (i == first) return 0;
  *end = i;
  return *over ? ULLONG_MAX : v;
}

/* Signed: limit is the type's maximum (the minimum is -limit - 1). */
static long long to_signed(const void *s, int wide, void *endp, int base, unsigned long long limit) {
  int neg, over, bad;
  size_t end;
  unsigned long long v = scan(s, wide, base, &neg, &over, &end, &bad);
  if (endp) {
    if (wide) *(wchar_t **)endp = (wchar_t *)s + end;
    else *(char **)endp = (char *)s + end;
  }
  if (bad) { errno = EINVAL; return 0; }
  if (over || v > limit + neg) {
    errno = ERANGE;
    return neg ? -(long long)limit - 1 : (long long)limit;
  }
  return neg ? (long long)(0 - v) : (long long)v;
}

/* Unsigned: "-N" is the negation in the type (-1 is the maximum). Out of range is the maximum and
 * ERANGE, negated too when there was a minus: strtoul("-4294967296") is 1 (Wine's tests, from Windows). */
static unsigned long long to_unsigned(const void *s, int wide, void *endp, int base, unsigned long long limit) {
  int neg, over, bad;
  size_t end;
  unsigned long long v = scan(s, wide, base, &neg, &over, &end, &bad);
  if (endp) {
    if (wide) *(wchar_t **)endp = (wchar_t *)s + end;
    else *(char **)endp = (char *)s + end;
  }
  if (bad) { errno = EINVAL; return 0; }
  if (over || v > limit) {
    errno = ERANGE;
    v = limit;
  }
  return neg ? (0 - v) & limit : v;
}

long strtol(const char *restrict s, char **restrict end, int base) { return (long)to_signed(s, 0, end, base, LONG_MAX); }
unsigned long strtoul(const char *restrict s, char **restrict end, int base) { return (unsigned long)to_unsigned(s, 0, end, base, ULONG_MAX); }
long long strtoll(const char *restrict s, char **restrict end, int base) { return to_signed(s, 0, end, base, LLONG_MAX); }
unsigned long long strtoull(const char *restrict s, char **restrict end, int base) { return to_unsigned(s, 0, end, base, ULLONG_MAX); }
intmax_t strtoimax(const char *restrict s, char **restrict end, int base) { return to_signed(s, 0, end, base, INTMAX_MAX); }
uintmax_t strtoumax(const char *restrict s, char **restrict end, int base) { return to_unsigned(s, 0, end, base, UINTMAX_MAX); }
long long _strtoi64(const char *s, char **end, int base) { return to_signed(s, 0, end, base, LLONG_MAX); }
unsigned long long _strtoui64(const char *s, char **end, int base) { return to_unsigned(s, 0, end, base, ULLONG_MAX); }
int atoi(const char *s) { return (int)to_signed(s, 0, 0, 10, INT_MAX); }
long atol(const char *s) { return (long)to_signed(s, 0, 0, 10, LONG_MAX); }
long long atoll(const char *s) { return to_signed(s, 0, 0, 10, LLONG_MAX); }
long long _atoi64(const char *s) { return to_signed(s, 0, 0, 10, LLONG_MAX); }

long wcstol(const wchar_t *restrict s, wchar_t **restrict end, int base) { return (long)to_signed(s, 1, end, base, LONG_MAX); }
unsigned long wcstoul(const wchar_t *restrict s, wchar_t **restrict end, int base) { return (unsigned long)to_unsigned(s, 1, end, base, ULONG_MAX); }
long long wcstoll(const wchar_t *restrict s, wchar_t **restrict end, int base) { return to_signed(s, 1, end, base, LLONG_MAX); }
unsigned long long wcstoull(const wchar_t *restrict s, wchar_t **restrict end, int base) { return to_unsigned(s, 1, end, base, ULLONG_MAX); }
intmax_t wcstoimax(const wchar_t *restrict s, wchar_t **restrict end, int base) { return to_signed(s, 1, end, base, INTMAX_MAX); }
uintmax_t wcstoumax(const wchar_t *restrict s, wchar_t **restrict end, int base) { return to_unsigned(s, 1, end, base, UINTMAX_MAX); }
long long _wcstoi64(const wchar_t *s, wchar_t **end, int base) { return to_signed(s, 1, end, base, LLONG_MAX); }
unsigned long long _wcstoui64(const wchar_t *s, wchar_t **end, int base) { return to_unsigned(s, 1, end, base, ULLONG_MAX); }
int _wtoi(const wchar_t *s) { return (int)to_signed(s, 1, 0, 10, INT_MAX); }
long _wtol(const wchar_t *s) { return (long)to_signed(s, 1, 0, 10, LONG_MAX); }
long long _wtoll(const wchar_t *s) { return to_signed(s, 1, 0, 10, LLONG_MAX); }
long long _wtoi64(const wchar_t *s) { return to_signed(s, 1, 0, 10, LLONG_MAX); }

/* musl's strtol.c also defines these (its scanf does not use them); defined here so it is never linked. */
long __strtol_internal(const char *s, char **end, int base) { return strtol(s, end, base); }
unsigned long __strtoul_internal(const char *s, char **end, int base) { return strtoul(s, end, base); }
long long __strtoll_internal(const char *s, char **end, int base) { return strtoll(s, end, base); }
unsigned long long __strtoull_internal(const char *s, char **end, int base) { return strtoull(s, end, base); }
intmax_t __strtoimax_internal(const char *s, char **end, int base) { return strtoimax(s, end, base); }
uintmax_t __strtoumax_internal(const char *s, char **end, int base) { return strtoumax(s, end, base); }
