/*
 * The ISO wide-string functions on 16-bit wchar_t (ntwasm_wstring.h). These replace wasi-libc's
 * (built for a 32-bit wchar_t) under the same names, so libc++ and clang's own calls of
 * __builtin_wcslen & co. reach them too. Comparisons are of unsigned UTF-16 code units and give
 * -1, 0 or 1, as msvcrt's do.
 */
#include <wchar.h>

size_t wcslen(const wchar_t *s) {
  const wchar_t *p = s;
  while (*p) p++;
  return (size_t)(p - s);
}

size_t wcsnlen(const wchar_t *s, size_t max) {
  size_t n = 0;
  while (n < max && s[n]) n++;
  return n;
}

wchar_t *wcscpy(wchar_t *restrict dst, const wchar_t *restrict src) {
  wchar_t *d = dst;
  while ((*d++ = *src++)) {}
  return dst;
}

/* Copies at most n characters; pads with L'\0' up to n (no terminator when src has n or more). */
wchar_t *wcsncpy(wchar_t *restrict dst, const wchar_t *restrict src, size_t n) {
  size_t i = 0;
  for (; i < n && src[i]; i++) dst[i] = src[i];
  for (; i < n; i++) dst[i] = 0;
  return dst;
}

wchar_t *wcscat(wchar_t *restrict dst, const wchar_t *restrict src) {
  wcscpy(dst + wcslen(dst), src);
  return dst;
}

/* Appends at most n characters and always a terminator. */
wchar_t *wcsncat(wchar_t *restrict dst, const wchar_t *restrict src, size_t n) {
  wchar_t *d = dst + wcslen(dst);
  while (n-- && *src) *d++ = *src++;
  *d = 0;
  return dst;
}

int wcscmp(const wchar_t *a, const wchar_t *b) {
  while (*a && *a == *b) a++, b++;
  return *a == *b ? 0 : *a < *b ? -1 : 1;
}

int wcsncmp(const wchar_t *a, const wchar_t *b, size_t n) {
  for (; n; n--, a++, b++) {
    if (*a != *b) return *a < *b ? -1 : 1;
    if (!*a) break;
  }
  return 0;
}

/* Finds c, the terminator included (wcschr(s, 0) points at it). */
wchar_t *wcschr(const wchar_t *s, wchar_t c) {
  for (;; s++) {
    if (*s == c) return (wchar_t *)s;
    if (!*s) return 0;
  }
}

wchar_t *wcsrchr(const wchar_t *s, wchar_t c) {
  const wchar_t *found = 0;
  for (;; s++) {
    if (*s == c) found = s;
    if (!*s) return (wchar_t *)found;
  }
}

wchar_t *wcsstr(const wchar_t *s, const wchar_t *find) {
  if (!*find) return (wchar_t *)s;
  size_t n = wcslen(find);
  for (; *s; s++)
    if (*s == *find && !wmemcmp(s, find, n)) return (wchar_t *)s;
  return 0;
}

size_t wcsspn(const wchar_t *s, const wchar_t *set) {
  size_t n = 0;
  while (s[n] && wcschr(set, s[n])) n++;
  return n;
}

size_t wcscspn(const wchar_t *s, const wchar_t *set) {
  size_t n = 0;
  while (s[n] && !wcschr(set, s[n])) n++;
  return n;
}

wchar_t *wcspbrk(const wchar_t *s, const wchar_t *set) {
  s += wcscspn(s, set);
  return *s ? (wchar_t *)s : 0;
}

/* The "C" locale collates by code unit; wcsxfrm copies (n includes the terminator). */
int wcscoll(const wchar_t *a, const wchar_t *b) { return wcscmp(a, b); }

size_t wcsxfrm(wchar_t *restrict dst, const wchar_t *restrict src, size_t n) {
  size_t len = wcslen(src);
  if (len < n) wmemcpy(dst, src, len + 1);
  return len;
}

/*
 * The locale forms, defined here with the plain ones: libc++'s locale code asks for them, and were
 * wasi-libc's object linked for them, it would bring its own (32-bit) wcscoll and wcsxfrm too.
 */
struct __locale_struct;
int __wcscoll_l(const wchar_t *a, const wchar_t *b, struct __locale_struct *loc) { (void)loc; return wcscmp(a, b); }
size_t __wcsxfrm_l(wchar_t *restrict dst, const wchar_t *restrict src, size_t n, struct __locale_struct *loc) {
  (void)loc;
  return wcsxfrm(dst, src, n);
}
__attribute__((weak, alias("__wcscoll_l"))) int wcscoll_l(const wchar_t *, const wchar_t *, struct __locale_struct *);
__attribute__((weak, alias("__wcsxfrm_l"))) size_t wcsxfrm_l(wchar_t *restrict, const wchar_t *restrict, size_t,
                                                              struct __locale_struct *);

int _wcsncoll(const wchar_t *a, const wchar_t *b, size_t n) { return wcsncmp(a, b, n); }

wchar_t *wmemcpy(wchar_t *restrict dst, const wchar_t *restrict src, size_t n) {
  return __builtin_memcpy(dst, src, n * sizeof(wchar_t));
}

wchar_t *wmemmove(wchar_t *dst, const wchar_t *src, size_t n) {
  return __builtin_memmove(dst, src, n * sizeof(wchar_t));
}

wchar_t *wmemset(wchar_t *dst, wchar_t c, size_t n) {
  for (size_t i = 0; i < n; i++) dst[i] = c;
  return dst;
}

int wmemcmp(const wchar_t *a, const wchar_t *b, size_t n) {
  for (; n; n--, a++, b++)
    if (*a != *b) return *a < *b ? -1 : 1;
  return 0;
}

wchar_t *wmemchr(const wchar_t *s, wchar_t c, size_t n) {
  for (; n; n--, s++)
    if (*s == c) return (wchar_t *)s;
  return 0;
}
