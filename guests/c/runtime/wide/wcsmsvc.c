/*
 * MSVC's wide-string extras: _wcsdup, _wcsrev, _wcsset, _wcsnset and their _s forms.
 */
#include <wchar.h>
#include <stdlib.h>
#include <errno.h>

wchar_t *_wcsdup(const wchar_t *s) {
  if (!s) return 0;
  size_t n = wcslen(s) + 1;
  wchar_t *d = malloc(n * sizeof(wchar_t));
  return d ? wmemcpy(d, s, n) : 0;
}

wchar_t *wcsdup(const wchar_t *s) { return _wcsdup(s); }

/* Reverses the code units (a surrogate pair comes out swapped, as with msvcrt). */
wchar_t *_wcsrev(wchar_t *s) {
  if (!s) { errno = EINVAL; return 0; }
  size_t n = wcslen(s);
  for (size_t i = 0; i < n / 2; i++) {
    wchar_t t = s[i];
    s[i] = s[n - 1 - i];
    s[n - 1 - i] = t;
  }
  return s;
}

wchar_t *wcsrev(wchar_t *s) { return _wcsrev(s); }

wchar_t *_wcsset(wchar_t *s, wchar_t c) {
  if (!s) { errno = EINVAL; return 0; }
  for (wchar_t *p = s; *p; p++) *p = c;
  return s;
}

wchar_t *wcsset(wchar_t *s, wchar_t c) { return _wcsset(s, c); }

/* Sets the first n characters (fewer when the string is shorter). */
wchar_t *_wcsnset(wchar_t *s, wchar_t c, size_t n) {
  if (!s) { errno = EINVAL; return 0; }
  for (wchar_t *p = s; n && *p; p++, n--) *p = c;
  return s;
}

wchar_t *wcsnset(wchar_t *s, wchar_t c, size_t n) { return _wcsnset(s, c, n); }

errno_t _wcsset_s(wchar_t *s, size_t size, wchar_t c) {
  if (!s || !size) { errno = EINVAL; return EINVAL; }
  size_t n = wcsnlen(s, size);
  if (n == size) { s[0] = 0; errno = EINVAL; return EINVAL; }
  wmemset(s, c, n);
  return 0;
}

errno_t _wcsnset_s(wchar_t *s, size_t size, wchar_t c, size_t count) {
  if (!count && !s && !size) return 0;
  if (!s || !size) { errno = EINVAL; return EINVAL; }
  size_t n = wcsnlen(s, count < size ? count : size);
  if (n == size) { s[0] = 0; errno = EINVAL; return EINVAL; }
  wmemset(s, c, n);
  return 0;
}
