/*
 * MSVC's case-insensitive wide compares and case changes, in the "C" locale as msvcrt has it:
 * only ASCII letters change case (towlower(L'\u00C9') is L'\u00C9'). _wcsicmp and _wcsnicmp return
 * the difference of the first lowered code units that differ; NULL strings are EINVAL and
 * _NLSCMPERROR.
 */
#include <wchar.h>
#include <errno.h>

static inline wchar_t lower(wchar_t c) { return c >= L'A' && c <= L'Z' ? c + (L'a' - L'A') : c; }
static inline wchar_t upper(wchar_t c) { return c >= L'a' && c <= L'z' ? c - (L'a' - L'A') : c; }

int _wcsicmp(const wchar_t *a, const wchar_t *b) {
  if (!a || !b) { errno = EINVAL; return _NLSCMPERROR; }
  wchar_t ca, cb;
  do { ca = lower(*a++); cb = lower(*b++); } while (ca && ca == cb);
  return (int)ca - (int)cb;
}

int _wcsnicmp(const wchar_t *a, const wchar_t *b, size_t n) {
  if (!n) return 0;
  if (!a || !b) { errno = EINVAL; return _NLSCMPERROR; }
  wchar_t ca, cb;
  do { ca = lower(*a++); cb = lower(*b++); } while (--n && ca && ca == cb);
  return (int)ca - (int)cb;
}

int wcsicmp(const wchar_t *a, const wchar_t *b) { return _wcsicmp(a, b); }
int wcsnicmp(const wchar_t *a, const wchar_t *b, size_t n) { return _wcsnicmp(a, b, n); }
int _wcsicoll(const wchar_t *a, const wchar_t *b) { return _wcsicmp(a, b); }
int wcsicoll(const wchar_t *a, const wchar_t *b) { return _wcsicmp(a, b); }
int _wcsnicoll(const wchar_t *a, const wchar_t *b, size_t n) { return _wcsnicmp(a, b, n); }

/* The _s forms: s NULL or size 0 is EINVAL; no terminator within size empties s, EINVAL. */
static errno_t change_s(wchar_t *s, size_t size, int up) {
  if (!s || !size) { errno = EINVAL; return EINVAL; }
  size_t n = wcsnlen(s, size);
  if (n == size) { s[0] = 0; errno = EINVAL; return EINVAL; }
  for (size_t i = 0; i < n; i++) s[i] = up ? upper(s[i]) : lower(s[i]);
  return 0;
}

errno_t _wcslwr_s(wchar_t *s, size_t size) { return change_s(s, size, 0); }
errno_t _wcsupr_s(wchar_t *s, size_t size) { return change_s(s, size, 1); }

wchar_t *_wcslwr(wchar_t *s) {
  if (!s) { errno = EINVAL; return 0; }
  for (wchar_t *p = s; *p; p++) *p = lower(*p);
  return s;
}

wchar_t *_wcsupr(wchar_t *s) {
  if (!s) { errno = EINVAL; return 0; }
  for (wchar_t *p = s; *p; p++) *p = upper(*p);
  return s;
}

wchar_t *wcslwr(wchar_t *s) { return _wcslwr(s); }
wchar_t *wcsupr(wchar_t *s) { return _wcsupr(s); }
