/*
 * The bounds-checked wide copies: wcscpy_s, wcsncpy_s, wcscat_s, wcsncat_s, wmemcpy_s, wmemmove_s,
 * wcsnlen_s. Their checks are MSVC's; where MSVC calls the invalid-parameter handler (which ends the
 * program by default), these behave as with a handler that returns: errno is set and EINVAL or
 * ERANGE returned, and the destination is emptied where MSVC empties it. wcsncpy_s and wcsncat_s
 * with n == _TRUNCATE copy what fits and return STRUNCATE when they cut the string.
 */
#include <wchar.h>
#include <errno.h>

static errno_t fail(errno_t e) { errno = e; return e; }

errno_t wcscpy_s(wchar_t *dst, rsize_t size, const wchar_t *src) {
  if (!dst || !size) return fail(EINVAL);
  if (!src) { dst[0] = 0; return fail(EINVAL); }
  size_t n = wcsnlen(src, size);
  if (n == size) { dst[0] = 0; return fail(ERANGE); }
  wmemcpy(dst, src, n + 1);
  return 0;
}

/* Copies up to n characters of src (all of them with _TRUNCATE, as many as fit) and a terminator. */
static errno_t copy_n(wchar_t *dst, size_t size, const wchar_t *src, size_t n) {
  size_t len = wcsnlen(src, n);
  if (len >= size) {
    if (n != _TRUNCATE) { dst[0] = 0; return fail(ERANGE); }
    wmemcpy(dst, src, size - 1);
    dst[size - 1] = 0;
    return STRUNCATE;
  }
  wmemcpy(dst, src, len);
  dst[len] = 0;
  return 0;
}

errno_t wcsncpy_s(wchar_t *dst, rsize_t size, const wchar_t *src, rsize_t n) {
  if (!n && !dst && !size) return 0;
  if (!dst || !size) return fail(EINVAL);
  if (!n) { dst[0] = 0; return 0; }
  if (!src) { dst[0] = 0; return fail(EINVAL); }
  return copy_n(dst, size, src, n);
}

errno_t wcscat_s(wchar_t *dst, rsize_t size, const wchar_t *src) {
  if (!dst || !size) return fail(EINVAL);
  if (!src) { dst[0] = 0; return fail(EINVAL); }
  size_t used = wcsnlen(dst, size);
  if (used == size) { dst[0] = 0; return fail(EINVAL); }
  size_t n = wcsnlen(src, size - used);
  if (n == size - used) { dst[0] = 0; return fail(ERANGE); }
  wmemcpy(dst + used, src, n + 1);
  return 0;
}

errno_t wcsncat_s(wchar_t *dst, rsize_t size, const wchar_t *src, rsize_t n) {
  if (!n && !dst && !size) return 0;
  if (!dst || !size) return fail(EINVAL);
  if (!src && n) { dst[0] = 0; return fail(EINVAL); }
  size_t used = wcsnlen(dst, size);
  if (used == size) { dst[0] = 0; return fail(EINVAL); }
  if (!n) return 0;
  errno_t r = copy_n(dst + used, size - used, src, n);
  if (r == ERANGE) dst[0] = 0;
  return r;
}

size_t wcsnlen_s(const wchar_t *s, size_t max) { return s ? wcsnlen(s, max) : 0; }

/* size and n count wchar_t. A failed wmemcpy_s zeroes the destination, as memcpy_s does. */
errno_t wmemcpy_s(wchar_t *dst, rsize_t size, const wchar_t *src, rsize_t n) {
  if (!n) return 0;
  if (!dst) return fail(EINVAL);
  if (!src || size < n) {
    wmemset(dst, 0, size);
    return fail(src ? ERANGE : EINVAL);
  }
  wmemcpy(dst, src, n);
  return 0;
}

errno_t wmemmove_s(wchar_t *dst, rsize_t size, const wchar_t *src, rsize_t n) {
  if (!n) return 0;
  if (!dst || !src) return fail(EINVAL);
  if (size < n) return fail(ERANGE);
  wmemmove(dst, src, n);
  return 0;
}
