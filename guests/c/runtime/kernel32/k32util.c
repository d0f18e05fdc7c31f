/* Helpers shared by the C runtime's kernel32 functions (k32util.h). */
#include <stdlib.h>
#include "k32util.h"

LPWSTR __ntwasm_getenv_w(LPCWSTR name) {
  DWORD size = 256;
  for (;;) {
    LPWSTR buf = malloc(size * sizeof(WCHAR));
    if (!buf) return NULL;
    SetLastError(0);
    DWORD n = GetEnvironmentVariableW(name, buf, size);
    if (n == 0 && GetLastError() == ERROR_ENVVAR_NOT_FOUND) { free(buf); return NULL; }
    if (n < size) { buf[n] = 0; return buf; }
    free(buf);
    size = n + 1;
  }
}

DWORD __ntwasm_result_a(LPCWSTR w, LPSTR buf, DWORD size) {
  int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
  if (n <= 0) return 0;
  if (!buf || size < (DWORD)n) return (DWORD)n;
  WideCharToMultiByte(CP_UTF8, 0, w, -1, buf, n, NULL, NULL);
  return (DWORD)n - 1;
}

LPSTR __ntwasm_narrow(LPCWSTR w) {
  if (!w) return NULL;
  int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
  if (n <= 0) n = 1;
  LPSTR s = malloc((size_t)n);
  if (!s) return NULL;
  if (WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL) <= 0) s[0] = 0;
  return s;
}
