/*
 * user32's character functions (abi/crt/strings.ts): CharUpperW/A, CharLowerW/A, CharUpperBuffW/A,
 * CharLowerBuffW/A, CharNextW/A, CharPrevW/A, IsCharAlphaW/A, IsCharAlphaNumericW/A, IsCharUpperW/A,
 * IsCharLowerW/A.
 *
 * Case mapping is Windows' (nls_tables.c, every UTF-16 code unit as Wine 8 maps it). CharUpper and
 * CharLower take a string, changed in place, or a single character in the low word of the pointer
 * (its high word zero), returned the same way. The A forms work on UTF-8 (the ANSI code page): a
 * character whose other case has a UTF-8 form of another length is left as it is; a single byte of
 * 0x80 or more is not a character. The classes come from the C runtime's iswalpha/iswupper/iswlower,
 * which hold Windows' GetStringTypeW classes.
 */
#include <windows.h>
#include <wctype.h>
#include "nls.h"

#define IS_CHAR(p) (((ULONG_PTR)(p) >> 16) == 0)

static void change_w(LPWSTR s, DWORD n, int up) {
  for (DWORD i = 0; i < n; i++) s[i] = up ? __ntwasm_upper(s[i]) : __ntwasm_lower(s[i]);
}

LPWSTR WINAPI CharUpperW(LPWSTR lpsz) {
  if (IS_CHAR(lpsz)) return (LPWSTR)(ULONG_PTR)__ntwasm_upper((WCHAR)(ULONG_PTR)lpsz);
  change_w(lpsz, (DWORD)wcslen(lpsz), 1);
  return lpsz;
}

LPWSTR WINAPI CharLowerW(LPWSTR lpsz) {
  if (IS_CHAR(lpsz)) return (LPWSTR)(ULONG_PTR)__ntwasm_lower((WCHAR)(ULONG_PTR)lpsz);
  change_w(lpsz, (DWORD)wcslen(lpsz), 0);
  return lpsz;
}

DWORD WINAPI CharUpperBuffW(LPWSTR lpsz, DWORD cchLength) {
  if (!lpsz) return 0;
  change_w(lpsz, cchLength, 1);
  return cchLength;
}

DWORD WINAPI CharLowerBuffW(LPWSTR lpsz, DWORD cchLength) {
  if (!lpsz) return 0;
  change_w(lpsz, cchLength, 0);
  return cchLength;
}

/* The length of the UTF-8 sequence at s (1 for anything invalid), at most n. */
static DWORD u8len(const unsigned char *s, DWORD n) {
  DWORD len = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 && s[0] < 0xE0 ? 2 : 1;
  if (s[0] >= 0xF5) len = 1;
  if (len > n) return 1;
  for (DWORD i = 1; i < len; i++) if ((s[i] & 0xC0) != 0x80) return 1;
  return len;
}

static void change_a(LPSTR str, DWORD n, int up) {
  unsigned char *s = (unsigned char *)str;
  for (DWORD i = 0; i < n;) {
    if (s[i] < 0x80) {
      if (up && s[i] >= 'a' && s[i] <= 'z') s[i] -= 32;
      if (!up && s[i] >= 'A' && s[i] <= 'Z') s[i] += 32;
      i++;
      continue;
    }
    DWORD len = u8len(s + i, n - i);
    if (len == 2 || len == 3) {
      WCHAR w, m;
      char out[4];
      if (MultiByteToWideChar(CP_UTF8, 0, (LPCSTR)s + i, (int)len, &w, 1) == 1) {
        m = up ? __ntwasm_upper(w) : __ntwasm_lower(w);
        if (m != w && WideCharToMultiByte(CP_UTF8, 0, &m, 1, out, 4, NULL, NULL) == (int)len) memcpy(s + i, out, len);
      }
    }
    i += len;
  }
}

LPSTR WINAPI CharUpperA(LPSTR lpsz) {
  if (IS_CHAR(lpsz)) {
    unsigned c = (unsigned)(ULONG_PTR)lpsz & 0xFF;
    return (LPSTR)(ULONG_PTR)(c >= 'a' && c <= 'z' ? c - 32 : c);
  }
  change_a(lpsz, (DWORD)strlen(lpsz), 1);
  return lpsz;
}

LPSTR WINAPI CharLowerA(LPSTR lpsz) {
  if (IS_CHAR(lpsz)) {
    unsigned c = (unsigned)(ULONG_PTR)lpsz & 0xFF;
    return (LPSTR)(ULONG_PTR)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  change_a(lpsz, (DWORD)strlen(lpsz), 0);
  return lpsz;
}

DWORD WINAPI CharUpperBuffA(LPSTR lpsz, DWORD cchLength) {
  if (!lpsz) return 0;
  change_a(lpsz, cchLength, 1);
  return cchLength;
}

DWORD WINAPI CharLowerBuffA(LPSTR lpsz, DWORD cchLength) {
  if (!lpsz) return 0;
  change_a(lpsz, cchLength, 0);
  return cchLength;
}

LPWSTR WINAPI CharNextW(LPCWSTR lpsz) { return (LPWSTR)(*lpsz ? lpsz + 1 : lpsz); }

LPWSTR WINAPI CharPrevW(LPCWSTR lpszStart, LPCWSTR lpszCurrent) {
  return (LPWSTR)(lpszCurrent > lpszStart ? lpszCurrent - 1 : lpszStart);
}

LPSTR WINAPI CharNextA(LPCSTR lpsz) {
  if (!*lpsz) return (LPSTR)lpsz;
  return (LPSTR)lpsz + u8len((const unsigned char *)lpsz, (DWORD)strnlen(lpsz, 4));
}

LPSTR WINAPI CharPrevA(LPCSTR lpszStart, LPCSTR lpszCurrent) {
  LPCSTR p = lpszStart, prev = lpszStart;
  while (*p && p < lpszCurrent) { prev = p; p = CharNextA(p); }
  return (LPSTR)prev;
}

BOOL WINAPI IsCharAlphaW(WCHAR ch) { return iswalpha(ch) != 0; }
BOOL WINAPI IsCharAlphaNumericW(WCHAR ch) { return iswalpha(ch) || iswdigit(ch); }
BOOL WINAPI IsCharUpperW(WCHAR ch) { return iswupper(ch) != 0; }
BOOL WINAPI IsCharLowerW(WCHAR ch) { return iswlower(ch) != 0; }

/* One byte of the ANSI (UTF-8) code page: only ASCII bytes are characters on their own. */
static WCHAR byte_char(CHAR ch) { return (unsigned char)ch < 0x80 ? (WCHAR)ch : 0xFFFD; }
BOOL WINAPI IsCharAlphaA(CHAR ch) { return IsCharAlphaW(byte_char(ch)); }
BOOL WINAPI IsCharAlphaNumericA(CHAR ch) { return IsCharAlphaNumericW(byte_char(ch)); }
BOOL WINAPI IsCharUpperA(CHAR ch) { return IsCharUpperW(byte_char(ch)); }
BOOL WINAPI IsCharLowerA(CHAR ch) { return IsCharLowerW(byte_char(ch)); }
