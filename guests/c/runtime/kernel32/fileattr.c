/*
 * GetFileAttributesExW/A (abi/crt/files.ts), built from GetFileAttributesW (the attributes, and the
 * error when there is no such file) and FindFirstFileW (times and size). A path with wildcards fails
 * with ERROR_INVALID_NAME, as on Windows. For a root directory, which FindFirstFileW cannot name, the
 * times and size are 0.
 */
#include <windows.h>
#include <stdlib.h>
#include "widen.h"

BOOL WINAPI GetFileAttributesExW(LPCWSTR lpFileName, GET_FILEEX_INFO_LEVELS fInfoLevelId, LPVOID lpFileInformation) {
  if (fInfoLevelId != GetFileExInfoStandard || !lpFileInformation || !lpFileName) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
  }
  if (wcspbrk(lpFileName, L"*?")) { SetLastError(ERROR_INVALID_NAME); return FALSE; }
  DWORD attrs = GetFileAttributesW(lpFileName);
  if (attrs == INVALID_FILE_ATTRIBUTES) return FALSE;
  LPWIN32_FILE_ATTRIBUTE_DATA info = lpFileInformation;
  memset(info, 0, sizeof *info);
  info->dwFileAttributes = attrs;
  /* FindFirstFileW names the entry itself: without trailing separators. */
  size_t len = wcslen(lpFileName);
  LPWSTR name = malloc((len + 1) * sizeof(WCHAR));
  if (!name) return TRUE;
  memcpy(name, lpFileName, (len + 1) * sizeof(WCHAR));
  while (len > 1 && (name[len - 1] == L'\\' || name[len - 1] == L'/') && name[len - 2] != L':') name[--len] = 0;
  WIN32_FIND_DATAW fd;
  DWORD error = GetLastError(); /* success leaves the last error as it was */
  HANDLE h = FindFirstFileW(name, &fd);
  free(name);
  if (h != INVALID_HANDLE_VALUE) {
    info->ftCreationTime = fd.ftCreationTime;
    info->ftLastAccessTime = fd.ftLastAccessTime;
    info->ftLastWriteTime = fd.ftLastWriteTime;
    info->nFileSizeHigh = fd.nFileSizeHigh;
    info->nFileSizeLow = fd.nFileSizeLow;
    FindClose(h);
  }
  SetLastError(error);
  return TRUE;
}

BOOL WINAPI GetFileAttributesExA(LPCSTR lpFileName, GET_FILEEX_INFO_LEVELS fInfoLevelId, LPVOID lpFileInformation) {
  if (!lpFileName) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
  LPWSTR name = __ntwasm_widen(lpFileName);
  if (!name) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
  BOOL ok = GetFileAttributesExW(name, fInfoLevelId, lpFileInformation);
  free(name);
  return ok;
}
