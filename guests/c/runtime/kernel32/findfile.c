/*
 * Directory searches (abi/crt/files.ts): FindFirstFileA, FindNextFileA, FindFirstFileExW/A, over the
 * FindFirstFileW/FindNextFileW syscalls. The A forms give the names in UTF-8 (the ANSI code page); a
 * name too long for cFileName's MAX_PATH bytes is cut at a character boundary.
 * FindFirstFileEx: FindExInfoStandard or FindExInfoBasic (no short name), FindExSearchNameMatch or
 * FindExSearchLimitToDirectories (advisory, as on Windows: files may be returned too); the
 * FIND_FIRST_EX_* flags change nothing; lpSearchFilter must be NULL.
 */
#include <windows.h>
#include <stdlib.h>
#include "widen.h"

/* UTF-16 to UTF-8 into a fixed field, cut at a character boundary, always NUL-terminated. */
static void narrow_field(const WCHAR *w, char *out, int size) {
  int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, out, size, NULL, NULL);
  if (n > 0) return;
  /* Too long: convert fewer characters until it fits. */
  int len = (int)wcslen(w);
  while (len > 0) {
    if (len > 0 && w[len - 1] >= 0xDC00 && w[len - 1] <= 0xDFFF) len--; /* keep surrogate pairs whole */
    len--;
    n = WideCharToMultiByte(CP_UTF8, 0, w, len, out, size - 1, NULL, NULL);
    if (n > 0 || len == 0) { out[n > 0 ? n : 0] = 0; return; }
  }
  out[0] = 0;
}

static void to_a(const WIN32_FIND_DATAW *w, LPWIN32_FIND_DATAA a) {
  a->dwFileAttributes = w->dwFileAttributes;
  a->ftCreationTime = w->ftCreationTime;
  a->ftLastAccessTime = w->ftLastAccessTime;
  a->ftLastWriteTime = w->ftLastWriteTime;
  a->nFileSizeHigh = w->nFileSizeHigh;
  a->nFileSizeLow = w->nFileSizeLow;
  a->dwReserved0 = w->dwReserved0;
  a->dwReserved1 = w->dwReserved1;
  narrow_field(w->cFileName, a->cFileName, MAX_PATH);
  narrow_field(w->cAlternateFileName, a->cAlternateFileName, 14);
}

HANDLE WINAPI FindFirstFileA(LPCSTR lpFileName, LPWIN32_FIND_DATAA lpFindFileData) {
  if (!lpFileName || !lpFindFileData) { SetLastError(ERROR_INVALID_PARAMETER); return INVALID_HANDLE_VALUE; }
  LPWSTR name = __ntwasm_widen(lpFileName);
  if (!name) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return INVALID_HANDLE_VALUE; }
  WIN32_FIND_DATAW w;
  HANDLE h = FindFirstFileW(name, &w);
  free(name);
  if (h != INVALID_HANDLE_VALUE) to_a(&w, lpFindFileData);
  return h;
}

BOOL WINAPI FindNextFileA(HANDLE hFindFile, LPWIN32_FIND_DATAA lpFindFileData) {
  if (!lpFindFileData) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
  WIN32_FIND_DATAW w;
  if (!FindNextFileW(hFindFile, &w)) return FALSE;
  to_a(&w, lpFindFileData);
  return TRUE;
}

static int check_ex(FINDEX_INFO_LEVELS level, FINDEX_SEARCH_OPS op, LPVOID filter, LPVOID data) {
  if ((level != FindExInfoStandard && level != FindExInfoBasic) ||
      (op != FindExSearchNameMatch && op != FindExSearchLimitToDirectories) || filter || !data) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return 0;
  }
  return 1;
}

HANDLE WINAPI FindFirstFileExW(LPCWSTR lpFileName, FINDEX_INFO_LEVELS fInfoLevelId, LPVOID lpFindFileData,
                               FINDEX_SEARCH_OPS fSearchOp, LPVOID lpSearchFilter, DWORD dwAdditionalFlags) {
  (void)dwAdditionalFlags;
  if (!check_ex(fInfoLevelId, fSearchOp, lpSearchFilter, lpFindFileData)) return INVALID_HANDLE_VALUE;
  LPWIN32_FIND_DATAW w = lpFindFileData;
  HANDLE h = FindFirstFileW(lpFileName, w);
  if (h != INVALID_HANDLE_VALUE && fInfoLevelId == FindExInfoBasic) w->cAlternateFileName[0] = 0;
  return h;
}

HANDLE WINAPI FindFirstFileExA(LPCSTR lpFileName, FINDEX_INFO_LEVELS fInfoLevelId, LPVOID lpFindFileData,
                               FINDEX_SEARCH_OPS fSearchOp, LPVOID lpSearchFilter, DWORD dwAdditionalFlags) {
  (void)dwAdditionalFlags;
  if (!check_ex(fInfoLevelId, fSearchOp, lpSearchFilter, lpFindFileData)) return INVALID_HANDLE_VALUE;
  LPWIN32_FIND_DATAA a = lpFindFileData;
  HANDLE h = FindFirstFileA(lpFileName, a);
  if (h != INVALID_HANDLE_VALUE && fInfoLevelId == FindExInfoBasic) a->cAlternateFileName[0] = 0;
  return h;
}
