/*
 * MSVC's narrow string extras (<string.h>): _stricmp, _strnicmp, _memicmp, _strdup, _strlwr,
 * _strupr, _strrev, _strset, _strnset and their _s forms, strcpy_s, strncpy_s, strcat_s, strncat_s,
 * strtok_s, strnlen_s, memcpy_s, memmove_s, strerror_s, plus the old names (stricmp, strlwr...).
 * Case follows the "C" locale (ASCII letters only); _stricmp and friends return the difference of
 * the first lowered bytes that differ (as unsigned char), NULL strings are EINVAL and _NLSCMPERROR.
 * The _s functions check as MSVC's do and, where MSVC calls the invalid-parameter handler (by
 * default ending the program), set errno and return EINVAL or ERANGE, emptying the destination
 * where MSVC does; _TRUNCATE copies what fits and returns STRUNCATE.
 */
#include <string.h>
#include <stdlib.h>
#include <errno.h>

static inline int lower(int c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }
static inline int upper(int c) { return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c; }
static errno_t fail(errno_t e) { errno = e; return e; }

int _strnicmp(const char *a, const char *b, size_t n) {
  if (!n) return 0;
  if (!a || !b) { errno = EINVAL; return _NLSCMPERROR; }
  int ca, cb;
  do {
    ca = lower((unsigned char)*a++);
    cb = lower((unsigned char)*b++);
  } while (--n && ca && ca == cb);
  return ca - cb;
}

int _stricmp(const char *a, const char *b) {
  if (!a || !b) { errno = EINVAL; return _NLSCMPERROR; }
  return _strnicmp(a, b, (size_t)-1);
}

int stricmp(const char *a, const char *b) { return _stricmp(a, b); }
int strnicmp(const char *a, const char *b, size_t n) { return _strnicmp(a, b, n); }
int strcmpi(const char *a, const char *b) { return _stricmp(a, b); }
int _strcmpi(const char *a, const char *b) { return _stricmp(a, b); }
int _stricoll(const char *a, const char *b) { return _stricmp(a, b); }
int _strnicoll(const char *a, const char *b, size_t n) { return _strnicmp(a, b, n); }
int _strncoll(const char *a, const char *b, size_t n) {
  if (!a || !b) { errno = EINVAL; return _NLSCMPERROR; }
  return strncmp(a, b, n);
}

int _memicmp(const void *a, const void *b, size_t n) {
  if (!n) return 0;
  if (!a || !b) { errno = EINVAL; return _NLSCMPERROR; }
  const unsigned char *p = a, *q = b;
  for (; n; n--, p++, q++) {
    int d = lower(*p) - lower(*q);
    if (d) return d;
  }
  return 0;
}

int memicmp(const void *a, const void *b, size_t n) { return _memicmp(a, b, n); }
void *_memccpy(void *dst, const void *src, int c, size_t n) { return memccpy(dst, src, c, n); }

char *_strdup(const char *s) {
  if (!s) return 0;
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  return d ? memcpy(d, s, n) : 0;
}

static errno_t change_s(char *s, size_t size, int up) {
  if (!s || !size) return fail(EINVAL);
  size_t n = strnlen(s, size);
  if (n == size) { s[0] = 0; return fail(EINVAL); }
  for (size_t i = 0; i < n; i++) s[i] = (char)(up ? upper((unsigned char)s[i]) : lower((unsigned char)s[i]));
  return 0;
}

errno_t _strlwr_s(char *s, size_t size) { return change_s(s, size, 0); }
errno_t _strupr_s(char *s, size_t size) { return change_s(s, size, 1); }

char *_strlwr(char *s) {
  if (!s) { errno = EINVAL; return 0; }
  for (char *p = s; *p; p++) *p = (char)lower((unsigned char)*p);
  return s;
}

char *_strupr(char *s) {
  if (!s) { errno = EINVAL; return 0; }
  for (char *p = s; *p; p++) *p = (char)upper((unsigned char)*p);
  return s;
}

char *strlwr(char *s) { return _strlwr(s); }
char *strupr(char *s) { return _strupr(s); }

/* Reverses the bytes (a UTF-8 character of several bytes comes out reversed, as with msvcrt's
 * single-byte locales). */
char *_strrev(char *s) {
  if (!s) { errno = EINVAL; return 0; }
  size_t n = strlen(s);
  for (size_t i = 0; i < n / 2; i++) {
    char t = s[i];
    s[i] = s[n - 1 - i];
    s[n - 1 - i] = t;
  }
  return s;
}

char *strrev(char *s) { return _strrev(s); }

char *_strset(char *s, int c) {
  if (!s) { errno = EINVAL; return 0; }
  for (char *p = s; *p; p++) *p = (char)c;
  return s;
}

char *_strnset(char *s, int c, size_t n) {
  if (!s) { errno = EINVAL; return 0; }
  for (char *p = s; n && *p; p++, n--) *p = (char)c;
  return s;
}

char *strset(char *s, int c) { return _strset(s, c); }
char *strnset(char *s, int c, size_t n) { return _strnset(s, c, n); }

errno_t _strset_s(char *s, size_t size, int c) {
  if (!s || !size) return fail(EINVAL);
  size_t n = strnlen(s, size);
  if (n == size) { s[0] = 0; return fail(EINVAL); }
  memset(s, c, n);
  return 0;
}

errno_t _strnset_s(char *s, size_t size, int c, size_t count) {
  if (!count && !s && !size) return 0;
  if (!s || !size) return fail(EINVAL);
  size_t n = strnlen(s, count < size ? count : size);
  if (n == size) { s[0] = 0; return fail(EINVAL); }
  memset(s, c, n);
  return 0;
}

errno_t strcpy_s(char *dst, rsize_t size, const char *src) {
  if (!dst || !size) return fail(EINVAL);
  if (!src) { dst[0] = 0; return fail(EINVAL); }
  size_t n = strnlen(src, size);
  if (n == size) { dst[0] = 0; return fail(ERANGE); }
  memcpy(dst, src, n + 1);
  return 0;
}

static errno_t copy_n(char *dst, size_t size, const char *src, size_t n) {
  size_t len = strnlen(src, n);
  if (len >= size) {
    if (n != _TRUNCATE) { dst[0] = 0; return fail(ERANGE); }
    memcpy(dst, src, size - 1);
    dst[size - 1] = 0;
    return STRUNCATE;
  }
  memcpy(dst, src, len);
  dst[len] = 0;
  return 0;
}

errno_t strncpy_s(char *dst, rsize_t size, const char *src, rsize_t n) {
  if (!n && !dst && !size) return 0;
  if (!dst || !size) return fail(EINVAL);
  if (!n) { dst[0] = 0; return 0; }
  if (!src) { dst[0] = 0; return fail(EINVAL); }
  return copy_n(dst, size, src, n);
}

errno_t strcat_s(char *dst, rsize_t size, const char *src) {
  if (!dst || !size) return fail(EINVAL);
  if (!src) { dst[0] = 0; return fail(EINVAL); }
  size_t used = strnlen(dst, size);
  if (used == size) { dst[0] = 0; return fail(EINVAL); }
  size_t n = strnlen(src, size - used);
  if (n == size - used) { dst[0] = 0; return fail(ERANGE); }
  memcpy(dst + used, src, n + 1);
  return 0;
}

errno_t strncat_s(char *dst, rsize_t size, const char *src, rsize_t n) {
  if (!n && !dst && !size) return 0;
  if (!dst || !size) return fail(EINVAL);
  if (!src && n) { dst[0] = 0; return fail(EINVAL); }
  size_t used = strnlen(dst, size);
  if (used == size) { dst[0] = 0; return fail(EINVAL); }
  if (!n) return 0;
  errno_t r = copy_n(dst + used, size - used, src, n);
  if (r == ERANGE) dst[0] = 0;
  return r;
}

size_t strnlen_s(const char *s, size_t max) { return s ? strnlen(s, max) : 0; }

char *strtok_s(char *s, const char *delim, char **context) {
  if (!context || !delim || (!s && !*context)) { errno = EINVAL; return 0; }
  if (!s) s = *context;
  s += strspn(s, delim);
  if (!*s) { *context = s; return 0; }
  char *end = s + strcspn(s, delim);
  if (*end) *end++ = 0;
  *context = end;
  return s;
}

/* A failed memcpy_s zeroes the destination (NULL source or one too big for it). */
errno_t memcpy_s(void *dst, rsize_t size, const void *src, rsize_t n) {
  if (!n) return 0;
  if (!dst) return fail(EINVAL);
  if (!src || size < n) {
    memset(dst, 0, size);
    return fail(src ? ERANGE : EINVAL);
  }
  memcpy(dst, src, n);
  return 0;
}

errno_t memmove_s(void *dst, rsize_t size, const void *src, rsize_t n) {
  if (!n) return 0;
  if (!dst || !src) return fail(EINVAL);
  if (size < n) return fail(ERANGE);
  memmove(dst, src, n);
  return 0;
}

/* The message, cut to fit (as UCRT does). */
errno_t strerror_s(char *buf, size_t size, int errnum) {
  if (!buf || !size) return fail(EINVAL);
  const char *msg = strerror(errnum);
  size_t n = strnlen(msg, size - 1);
  memcpy(buf, msg, n);
  buf[n] = 0;
  return 0;
}
