/*
 * Temporary files (abi/crt/system.ts): GetTempPathW/A, GetTempPath2W/A, GetTempFileNameW/A.
 *
 * GetTempPath takes the first of the TMP, TEMP and USERPROFILE variables that is set, as Windows does,
 * made a full path ending with a backslash. With none of them set Windows uses its Windows directory;
 * ntwasm uses C:\Windows\ when that directory exists under the guest's C:\ and C:\ itself otherwise
 * (the host sets no Windows directory up, and a temporary directory that does not exist helps no one).
 *
 * GetTempFileName makes <path>\<up to 3 characters of the prefix><hex number>.tmp. With uUnique 0 it
 * tries numbers from a time-based start until CreateFileW(CREATE_NEW) succeeds (the file is left there,
 * empty); otherwise it uses uUnique's low 16 bits and creates nothing. The directory must exist
 * (ERROR_DIRECTORY), as Wine 8 checks. The hex digits are upper case, as on Windows.
 */
#include <windows.h>
#include <stdlib.h>
#include <stdio.h>
#include "k32util.h"
#include "widen.h"

static int is_dir(LPCWSTR p) {
  DWORD a = GetFileAttributesW(p);
  return a != INVALID_FILE_ATTRIBUTES && (a & FILE_ATTRIBUTE_DIRECTORY);
}

/* The temporary directory as a malloc'd full path ending with a backslash. */
static LPWSTR temp_dir(void) {
  static const LPCWSTR vars[] = { L"TMP", L"TEMP", L"USERPROFILE" };
  LPWSTR v = NULL;
  for (int i = 0; i < 3 && !v; i++) {
    v = __ntwasm_getenv_w(vars[i]);
    if (v && !*v) { free(v); v = NULL; }
  }
  if (!v) {
    const WCHAR *d = is_dir(L"C:\\Windows") ? L"C:\\Windows\\" : L"C:\\";
    size_t n = (wcslen(d) + 1) * sizeof(WCHAR);
    v = malloc(n);
    if (v) memcpy(v, d, n);
    return v;
  }
  DWORD n = GetFullPathNameW(v, 0, NULL, NULL);
  LPWSTR full = n ? malloc((n + 2) * sizeof(WCHAR)) : NULL;
  if (full && GetFullPathNameW(v, n, full, NULL) == n - 1) {
    free(v);
    v = full;
  } else {
    free(full);
  }
  size_t len = wcslen(v);
  if (len && v[len - 1] != L'\\') {
    LPWSTR w = realloc(v, (len + 2) * sizeof(WCHAR));
    if (!w) { free(v); return NULL; }
    v = w;
    v[len] = L'\\';
    v[len + 1] = 0;
  }
  return v;
}

DWORD WINAPI GetTempPathW(DWORD nBufferLength, LPWSTR lpBuffer) {
  LPWSTR d = temp_dir();
  if (!d) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return 0; }
  DWORD len = (DWORD)wcslen(d);
  if (!lpBuffer || nBufferLength < len + 1) {
    if (lpBuffer && nBufferLength) lpBuffer[0] = 0;
    free(d);
    return len + 1;
  }
  memcpy(lpBuffer, d, (len + 1) * sizeof(WCHAR));
  free(d);
  return len;
}

DWORD WINAPI GetTempPathA(DWORD nBufferLength, LPSTR lpBuffer) {
  LPWSTR d = temp_dir();
  if (!d) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return 0; }
  DWORD n = __ntwasm_result_a(d, lpBuffer, nBufferLength); /* too small: the buffer is left as it was (Wine 8) */
  free(d);
  return n;
}

DWORD WINAPI GetTempPath2W(DWORD BufferLength, LPWSTR Buffer) { return GetTempPathW(BufferLength, Buffer); }
DWORD WINAPI GetTempPath2A(DWORD BufferLength, LPSTR Buffer) { return GetTempPathA(BufferLength, Buffer); }

UINT WINAPI GetTempFileNameW(LPCWSTR lpPathName, LPCWSTR lpPrefixString, UINT uUnique, LPWSTR lpTempFileName) {
  if (!lpPathName || !lpTempFileName) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
  size_t plen = wcslen(lpPathName);
  if (plen + 3 + 4 + 4 + 2 > MAX_PATH) { SetLastError(ERROR_BUFFER_OVERFLOW); return 0; }
  if (!is_dir(lpPathName)) { SetLastError(ERROR_DIRECTORY); return 0; }
  WCHAR name[MAX_PATH];
  memcpy(name, lpPathName, plen * sizeof(WCHAR));
  if (plen && name[plen - 1] != L'\\' && name[plen - 1] != L'/') name[plen++] = L'\\';
  for (int i = 0; i < 3 && lpPrefixString && lpPrefixString[i]; i++) name[plen++] = lpPrefixString[i];
  unsigned unique = uUnique & 0xFFFF;
  int create = unique == 0;
  if (create) {
    unique = GetTickCount() & 0xFFFF; /* read once: 0 is the failure value */
    if (!unique) unique = 1;
  }
  for (unsigned tries = 0; tries < 0x10000; tries++) {
    char hex[8];
    int k = snprintf(hex, sizeof hex, "%X", unique);
    size_t n = plen;
    for (int i = 0; i < k; i++) name[n++] = (WCHAR)hex[i];
    memcpy(name + n, L".tmp", 5 * sizeof(WCHAR));
    if (!create) break;
    HANDLE h = CreateFileW(name, GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h != INVALID_HANDLE_VALUE) { CloseHandle(h); break; }
    DWORD e = GetLastError();
    if (e != ERROR_FILE_EXISTS && e != ERROR_ALREADY_EXISTS && e != ERROR_ACCESS_DENIED) return 0;
    unique = (unique + 1) & 0xFFFF;
    if (!unique) unique = 1;
  }
  memcpy(lpTempFileName, name, (wcslen(name) + 1) * sizeof(WCHAR));
  return unique;
}

UINT WINAPI GetTempFileNameA(LPCSTR lpPathName, LPCSTR lpPrefixString, UINT uUnique, LPSTR lpTempFileName) {
  if (!lpPathName || !lpTempFileName) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
  LPWSTR path = __ntwasm_widen(lpPathName), prefix = __ntwasm_widen(lpPrefixString);
  WCHAR name[MAX_PATH];
  UINT r = path ? GetTempFileNameW(path, prefix, uUnique, name) : 0;
  if (r) WideCharToMultiByte(CP_UTF8, 0, name, -1, lpTempFileName, MAX_PATH, NULL, NULL);
  free(path);
  free(prefix);
  return r;
}
