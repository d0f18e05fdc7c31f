/*
 * Floating-point parsing, narrow and wide: strtod, strtof, strtold (wrapping wasi-libc's: `ntwasm cc`
 * links with --wrap for every __wrap_ function here, so atof and every other caller come here too),
 * wcstod, wcstof, wcstold and _wtof. They take no lock and set the calling thread's errno.
 *
 * msvcrt's syntax: white space (iswspace for the wide forms), a sign, decimal digits with an optional
 * '.', an optional exponent introduced by e, E, d or D (msvcrt's Fortran-style "1.5d3" is 1500), or,
 * as UCRT accepts, hex floats ("0x1p3"), "inf", "infinity" and "nan". Only ASCII digits count.
 * ERANGE when the result overflows to infinity, or underflows to zero from nonzero digits (a
 * subnormal result is no error, as with msvcrt).
 *
 * The value comes from musl's correctly rounded parser (__real_strtod, __real_strtof; strtold and
 * wcstold give a double's precision, MSVC's long double), given a decimal number
 * rewritten as "[-]0.DDDe[+-]N" with at most MAX_DIGITS significant digits plus one sticky digit
 * (enough to round any double correctly). musl also writes libc's global errno (ERANGE, or EINVAL
 * for no number); the caller's errno is set here instead.
 */
#include <stdlib.h>
#include <wchar.h>
#include <errno.h>
#include <math.h>

double __real_strtod(const char *restrict s, char **restrict end);
float __real_strtof(const char *restrict s, char **restrict end);

/*
 * wasm-ld extracts an archive member for a __real_ reference only when the plain name is referenced
 * too (else __real_strtof resolves to nothing and the module is invalid). These references make it
 * take wasi-libc's strtod.o; --wrap turns them into references to the __wrap_ functions below.
 */
__attribute__((used)) static void *const extract_libc_strtod[] = { (void *)strtod, (void *)strtof, (void *)strtold };

/* long double is double in MSVC, and wasi-libc's strtold needs a long-double library that is not
 * linked (it aborts): strtold and wcstold parse a double. */
static long double strtod_as_long_double(const char *restrict s, char **restrict end) { return __real_strtod(s, end); }

#define MAX_DIGITS 800
#define BUF_SIZE (MAX_DIGITS + 32)

static inline unsigned at(const void *s, int wide, size_t i) {
  return wide ? ((const wchar_t *)s)[i] : ((const unsigned char *)s)[i];
}

static int is_space(unsigned c, int wide) {
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  return wide && c >= 0x80 && iswspace((wint_t)c);
}

static inline int is_digit(unsigned c) { return c - '0' < 10; }

enum kind { NONE, DECIMAL, SPECIAL };

/* A parsed number: buf holds what musl parses, start..end the text it came from. */
struct number {
  enum kind kind;
  size_t start, end; /* for SPECIAL: start of the text handed to musl */
  int nonzero;       /* DECIMAL: some significant digit was not 0 */
  char buf[BUF_SIZE];
};

static void scan(const void *s, int wide, struct number *n) {
  size_t i = 0;
  n->kind = NONE;
  n->end = 0;
  n->nonzero = 0;
  while (is_space(at(s, wide, i), wide)) i++;
  n->start = i;
  char *b = n->buf;
  size_t sign = i;
  if (at(s, wide, i) == '-' || at(s, wide, i) == '+') i++;
  unsigned c = at(s, wide, i) | 0x20;
  if (c == 'i' || c == 'n' || (at(s, wide, i) == '0' && (at(s, wide, i + 1) | 0x20) == 'x')) {
    /* Hex floats, infinity and NaN: musl's syntax, all ASCII; copy it for the wide forms. */
    size_t k = 0;
    for (size_t j = sign; k < BUF_SIZE - 1; j++) {
      unsigned u = at(s, wide, j);
      if (!u || u >= 0x80) break;
      b[k++] = (char)u;
    }
    b[k] = 0;
    n->kind = SPECIAL;
    return;
  }
  size_t p = 0;
  if (at(s, wide, sign) == '-') b[p++] = '-';
  b[p++] = '0';
  b[p++] = '.';
  size_t digits = 0; /* significant digits stored */
  int sticky = 0, any = 0;
  long long point = 0; /* the decimal point's place after the first significant digit */
  for (; is_digit(at(s, wide, i)); i++) {
    any = 1;
    unsigned d = at(s, wide, i);
    if (!digits && d == '0') continue;
    if (digits < MAX_DIGITS) b[p + digits++] = (char)d;
    else if (d != '0') sticky = 1;
    point++;
  }
  if (at(s, wide, i) == '.') {
    i++;
    for (; is_digit(at(s, wide, i)); i++) {
      any = 1;
      unsigned d = at(s, wide, i);
      if (!digits && d == '0') { point--; continue; }
      if (digits < MAX_DIGITS) b[p + digits++] = (char)d;
      else if (d != '0') sticky = 1;
    }
  }
  if (!any) return;
  n->kind = DECIMAL;
  n->nonzero = digits > 0;
  p += digits;
  if (sticky) b[p++] = '1';
  if (!digits) b[p++] = '0';
  long long exp = 0;
  unsigned e = at(s, wide, i) | 0x20;
  if (e == 'e' || e == 'd') {
    size_t j = i + 1;
    int neg = 0;
    if (at(s, wide, j) == '-' || at(s, wide, j) == '+') neg = at(s, wide, j++) == '-';
    if (is_digit(at(s, wide, j))) {
      for (; is_digit(at(s, wide, j)); j++)
        if (exp < 100000000) exp = exp * 10 + (at(s, wide, j) - '0');
      if (neg) exp = -exp;
      i = j;
    }
  }
  n->end = i;
  if (digits) exp += point;
  b[p++] = 'e';
  if (exp < 0) { b[p++] = '-'; exp = -exp; }
  char tmp[24];
  int t = 0;
  do { tmp[t++] = (char)('0' + exp % 10); exp /= 10; } while (exp);
  while (t) b[p++] = tmp[--t];
  b[p] = 0;
}

/* The text to hand musl for s (NULL when there is no number). */
static const char *prepare(const void *s, int wide, struct number *n) {
  if (!s) { errno = EINVAL; return 0; }
  scan(s, wide, n);
  if (n->kind == NONE) return 0;
  return n->kind == SPECIAL && !wide ? (const char *)s + n->start : n->buf;
}

/* Sets *endp and the caller's errno once musl has parsed text (up to musl_end) into a value. */
static void finish(const void *s, int wide, void *endp, const struct number *n, const char *text,
                   const char *musl_end, int inf, int zero) {
  size_t end = 0;
  if (text) {
    if (n->kind == SPECIAL) {
      end = musl_end == text ? 0 : n->start + (size_t)(musl_end - text);
      if (inf && (at(s, wide, n->start + (n->buf[0] == '-' || n->buf[0] == '+')) | 0x20) != 'i') errno = ERANGE;
    } else {
      end = n->end;
      if (inf || (zero && n->nonzero)) errno = ERANGE;
    }
  }
  if (endp) {
    if (wide) *(wchar_t **)endp = (wchar_t *)s + end;
    else *(char **)endp = (char *)s + end;
  }
}

#define PARSE(T, real, s, wide, endp)                                 \
  do {                                                                \
    struct number n;                                                  \
    const char *text = prepare(s, wide, &n);                          \
    char *musl_end = 0;                                               \
    T v = text ? real(text, &musl_end) : 0;                           \
    finish(s, wide, endp, &n, text, musl_end, isinf(v), v == 0);      \
    return v;                                                         \
  } while (0)

double __wrap_strtod(const char *restrict s, char **restrict end) { PARSE(double, __real_strtod, s, 0, end); }
float __wrap_strtof(const char *restrict s, char **restrict end) { PARSE(float, __real_strtof, s, 0, end); }
long double __wrap_strtold(const char *restrict s, char **restrict end) { PARSE(long double, strtod_as_long_double, s, 0, end); }
double wcstod(const wchar_t *restrict s, wchar_t **restrict end) { PARSE(double, __real_strtod, s, 1, end); }
float wcstof(const wchar_t *restrict s, wchar_t **restrict end) { PARSE(float, __real_strtof, s, 1, end); }
long double wcstold(const wchar_t *restrict s, wchar_t **restrict end) { PARSE(long double, strtod_as_long_double, s, 1, end); }
double _wtof(const wchar_t *s) { return wcstod(s, 0); }
