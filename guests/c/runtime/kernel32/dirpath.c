/*
 * The A forms of the path calls whose strings come out (abi/crt/files.ts): GetCurrentDirectoryA,
 * GetFullPathNameA, over the W syscalls. Sizes are in bytes of UTF-8 (the ANSI code page): the length
 * without the NUL when it fits, otherwise the size needed with the NUL.
 */
#include <windows.h>
#include <stdlib.h>
#include "k32util.h"
#include "widen.h"

DWORD WINAPI GetCurrentDirectoryA(DWORD nBufferLength, LPSTR lpBuffer) {
  DWORD n = GetCurrentDirectoryW(0, NULL);
  if (!n) return 0;
  LPWSTR w = malloc((n + 1) * sizeof(WCHAR));
  if (!w) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return 0; }
  DWORD got = GetCurrentDirectoryW(n + 1, w);
  DWORD r = got && got <= n ? __ntwasm_result_a(w, lpBuffer, nBufferLength) : 0;
  free(w);
  return r;
}

DWORD WINAPI GetFullPathNameA(LPCSTR lpFileName, DWORD nBufferLength, LPSTR lpBuffer, LPSTR *lpFilePart) {
  if (!lpFileName) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
  LPWSTR name = __ntwasm_widen(lpFileName);
  if (!name) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return 0; }
  DWORD n = GetFullPathNameW(name, 0, NULL, NULL);
  LPWSTR w = n ? malloc((n + 1) * sizeof(WCHAR)) : NULL;
  DWORD got = w ? GetFullPathNameW(name, n + 1, w, NULL) : 0;
  free(name);
  if (!got || got > n) { free(w); if (n && !w) SetLastError(ERROR_NOT_ENOUGH_MEMORY); return 0; }
  DWORD r = __ntwasm_result_a(w, lpBuffer, nBufferLength);
  free(w);
  if (lpFilePart) {
    *lpFilePart = NULL;
    if (r < nBufferLength && lpBuffer) {
      char *slash = strrchr(lpBuffer, '\\');
      char *part = slash ? slash + 1 : lpBuffer;
      if (*part) *lpFilePart = part; /* a path ending with a backslash has no file part */
    }
  }
  return r;
}
