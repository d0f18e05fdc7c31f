/*
 * Code pages (abi/crt/strings.ts): MultiByteToWideChar, WideCharToMultiByte, GetACP, GetOEMCP,
 * IsValidCodePage, GetCPInfo, IsDBCSLeadByte.
 *
 * The ANSI and OEM code pages are UTF-8 (GetACP() and GetOEMCP() return 65001, as on Windows with
 * "Use Unicode UTF-8 for worldwide language support"): CP_ACP, CP_OEMCP, CP_THREAD_ACP and CP_MACCP
 * convert as CP_UTF8. 1252 (Windows Latin 1), 28591 (ISO 8859-1) and 20127 (US-ASCII) also exist, without
 * best-fit mappings (a character the code page lacks becomes the default character, '?').
 *
 * UTF-8 decoding follows Windows 10 (checked with Wine 8): an invalid sequence becomes U+FFFD — a lead
 * byte with the continuation bytes that were still possible (overlong forms, surrogates and values past
 * U+10FFFF stop at the byte that makes them impossible), a stray continuation byte or an invalid lead byte
 * on its own, a sequence cut short by the end of the input with the continuation bytes there (Wine also
 * swallows the other bytes up to the end there; ntwasm decodes them); with MB_ERR_INVALID_CHARS the call fails with ERROR_NO_UNICODE_TRANSLATION instead.
 * Encoding turns a lone surrogate into U+FFFD (EF BF BD), or fails with WC_ERR_INVALID_CHARS.
 */
#include <windows.h>

static int is_utf8(UINT cp) {
  return cp == CP_UTF8 || cp == CP_ACP || cp == CP_OEMCP || cp == CP_THREAD_ACP || cp == CP_MACCP;
}

/* Windows-1252's 0x80..0x9F (the five undefined bytes map to the C1 control of the same value). */
static const WCHAR cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static int is_single_byte(UINT cp) { return cp == 1252 || cp == 28591 || cp == 20127; }

static WCHAR sb_to_wide(UINT cp, unsigned char b) {
  if (cp == 1252 && b >= 0x80 && b < 0xA0) return cp1252_high[b - 0x80];
  if (cp == 20127 && b >= 0x80) return b & 0x7F; /* as Windows: the high bit is dropped */
  return b;
}

/* The byte for a character, or -1 when the code page lacks it. */
static int wide_to_sb(UINT cp, WCHAR c) {
  if (cp == 20127) return c < 0x80 ? (int)c : -1;
  if (cp == 1252) {
    if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) return c;
    for (int i = 0; i < 32; i++) if (cp1252_high[i] == c) return 0x80 + i;
    return -1;
  }
  return c <= 0xFF ? (int)c : -1;
}

BOOL WINAPI IsValidCodePage(UINT CodePage) {
  return CodePage == CP_UTF8 || is_single_byte(CodePage);
}

UINT WINAPI GetACP(void) { return CP_UTF8; }
UINT WINAPI GetOEMCP(void) { return CP_UTF8; }

BOOL WINAPI GetCPInfo(UINT CodePage, LPCPINFO lpCPInfo) {
  if (!lpCPInfo || !(is_utf8(CodePage) || is_single_byte(CodePage))) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
  memset(lpCPInfo, 0, sizeof *lpCPInfo);
  lpCPInfo->MaxCharSize = is_single_byte(CodePage) ? 1 : 4;
  lpCPInfo->DefaultChar[0] = '?';
  return TRUE;
}

BOOL WINAPI IsDBCSLeadByte(BYTE TestChar) { (void)TestChar; return FALSE; }

BOOL WINAPI IsDBCSLeadByteEx(UINT CodePage, BYTE TestChar) { (void)CodePage; (void)TestChar; return FALSE; }

/*
 * One UTF-8 character from s[*i] (s[*i] >= 0x80), n the bytes available: the code point, or -1 for an
 * invalid sequence, with *i past what it covers.
 */
static long decode_utf8(const unsigned char *s, int n, int *i) {
  unsigned char b = s[(*i)++];
  int len = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : 0;
  if (!len) return -1;
  if (*i + len > n) { /* cut short by the end of the input: the continuation bytes there go with it */
    while (*i < n && (s[*i] & 0xC0) == 0x80) (*i)++;
    return -1;
  }
  unsigned long res = b & (len == 1 ? 0x1F : len == 2 ? 0x0F : 0x07);
  for (int k = 0; k < len; k++) {
    unsigned c = s[*i] ^ 0x80u;
    if (c >= 0x40) return -1; /* not a continuation byte: it starts the next character */
    unsigned long next = (res << 6) | c;
    int left = len - 1 - k; /* continuation bytes after this one */
    if (left == 1 && len == 3 && next >= (0x110000 >> 6)) return -1; /* past U+10FFFF: not consumed */
    (*i)++;
    if (left == 2 && next < 0x10) return -1;          /* overlong 4-byte form */
    if (left == 1 && len == 2 && next < 0x20) return -1; /* overlong 3-byte form */
    if (left == 1 && len == 2 && next >= (0xD800 >> 6) && next <= (0xDFFF >> 6)) return -1; /* surrogate */
    res = next;
  }
  return (long)res;
}

int WINAPI MultiByteToWideChar(UINT CodePage, DWORD dwFlags, LPCSTR lpMultiByteStr, int cbMultiByte,
                               LPWSTR lpWideCharStr, int cchWideChar) {
  if (!lpMultiByteStr || !cbMultiByte || cchWideChar < 0 || (!lpWideCharStr && cchWideChar) ||
      (lpWideCharStr && cchWideChar && (const void *)lpWideCharStr == (const void *)lpMultiByteStr)) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return 0;
  }
  int utf8 = is_utf8(CodePage);
  if (!utf8 && !is_single_byte(CodePage)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
  if (dwFlags & ~(DWORD)(MB_PRECOMPOSED | MB_COMPOSITE | MB_USEGLYPHCHARS | MB_ERR_INVALID_CHARS)) {
    SetLastError(ERROR_INVALID_FLAGS);
    return 0;
  }
  int n = cbMultiByte < 0 ? (int)strlen(lpMultiByteStr) + 1 : cbMultiByte;
  const unsigned char *s = (const unsigned char *)lpMultiByteStr;
  int out = 0;
  for (int i = 0; i < n;) {
    WCHAR u[2];
    int k = 1;
    if (!utf8) {
      u[0] = sb_to_wide(CodePage, s[i++]);
    } else if (s[i] < 0x80) {
      u[0] = s[i++];
    } else {
      long cp = decode_utf8(s, n, &i);
      if (cp < 0) {
        if (dwFlags & MB_ERR_INVALID_CHARS) { SetLastError(ERROR_NO_UNICODE_TRANSLATION); return 0; }
        u[0] = 0xFFFD;
      } else if (cp >= 0x10000) {
        u[0] = (WCHAR)(0xD800 + ((cp - 0x10000) >> 10));
        u[1] = (WCHAR)(0xDC00 + ((cp - 0x10000) & 0x3FF));
        k = 2;
      } else {
        u[0] = (WCHAR)cp;
      }
    }
    if (cchWideChar) {
      if (out + k > cchWideChar) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
      for (int j = 0; j < k; j++) lpWideCharStr[out + j] = u[j];
    }
    out += k;
  }
  return out;
}

int WINAPI WideCharToMultiByte(UINT CodePage, DWORD dwFlags, LPCWSTR lpWideCharStr, int cchWideChar,
                               LPSTR lpMultiByteStr, int cbMultiByte, LPCSTR lpDefaultChar, LPBOOL lpUsedDefaultChar) {
  if (!lpWideCharStr || !cchWideChar || cbMultiByte < 0 || (!lpMultiByteStr && cbMultiByte) ||
      (lpMultiByteStr && cbMultiByte && (const void *)lpWideCharStr == (const void *)lpMultiByteStr)) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return 0;
  }
  int utf8 = is_utf8(CodePage);
  if (!utf8 && !is_single_byte(CodePage)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
  /* Windows: the default character is meaningless for UTF-8, and asking for it is an error. CP_ACP is
   * UTF-8 here, but programs written for a legacy ANSI code page pass them: they are accepted there. */
  if (CodePage == CP_UTF8 && (lpDefaultChar || lpUsedDefaultChar)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
  if (dwFlags & ~(DWORD)(WC_COMPOSITECHECK | WC_DISCARDNS | WC_SEPCHARS | WC_DEFAULTCHAR | WC_ERR_INVALID_CHARS | WC_NO_BEST_FIT_CHARS)) {
    SetLastError(ERROR_INVALID_FLAGS);
    return 0;
  }
  int n = cchWideChar < 0 ? (int)wcslen(lpWideCharStr) + 1 : cchWideChar;
  unsigned char defchar = lpDefaultChar ? (unsigned char)lpDefaultChar[0] : '?';
  BOOL used = FALSE;
  int out = 0;
  for (int i = 0; i < n;) {
    unsigned char b[4];
    int k;
    unsigned long c = lpWideCharStr[i++];
    if (!utf8) {
      int v = wide_to_sb(CodePage, (WCHAR)c);
      if (v < 0) { v = defchar; used = TRUE; }
      b[0] = (unsigned char)v;
      k = 1;
    } else {
      if (c >= 0xD800 && c <= 0xDBFF && i < n && lpWideCharStr[i] >= 0xDC00 && lpWideCharStr[i] <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (lpWideCharStr[i++] - 0xDC00);
      } else if (c >= 0xD800 && c <= 0xDFFF) {
        if (dwFlags & WC_ERR_INVALID_CHARS) { SetLastError(ERROR_NO_UNICODE_TRANSLATION); return 0; }
        c = 0xFFFD;
        used = TRUE;
      }
      if (c < 0x80) { b[0] = (unsigned char)c; k = 1; }
      else if (c < 0x800) { b[0] = (unsigned char)(0xC0 | (c >> 6)); b[1] = (unsigned char)(0x80 | (c & 0x3F)); k = 2; }
      else if (c < 0x10000) {
        b[0] = (unsigned char)(0xE0 | (c >> 12)); b[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        b[2] = (unsigned char)(0x80 | (c & 0x3F)); k = 3;
      } else {
        b[0] = (unsigned char)(0xF0 | (c >> 18)); b[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
        b[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F)); b[3] = (unsigned char)(0x80 | (c & 0x3F)); k = 4;
      }
    }
    if (cbMultiByte) {
      if (out + k > cbMultiByte) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
      memcpy(lpMultiByteStr + out, b, (size_t)k);
    }
    out += k;
  }
  if (lpUsedDefaultChar) *lpUsedDefaultChar = used;
  return out;
}
