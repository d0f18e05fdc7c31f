/*
 * kernel32's lstr* string functions (abi/crt/strings.ts): lstrlenA/W, lstrcpyA/W, lstrcpynA/W,
 * lstrcatA/W (lstrcmp and lstrcmpi are in compare.c). As on Windows, a NULL string is handled instead
 * of faulting: lstrlen(NULL) is 0, lstrcpy and lstrcat with a NULL return NULL. (Windows also catches
 * faults on bad pointers; Wasm cannot.) lstrcpyn copies at most n - 1 characters and always ends the
 * copy with a NUL when n > 0.
 */
#include <windows.h>

int WINAPI lstrlenW(LPCWSTR lpString) { return lpString ? (int)wcslen(lpString) : 0; }
int WINAPI lstrlenA(LPCSTR lpString) { return lpString ? (int)strlen(lpString) : 0; }

LPWSTR WINAPI lstrcpyW(LPWSTR lpString1, LPCWSTR lpString2) {
  if (!lpString1 || !lpString2) return NULL;
  return wcscpy(lpString1, lpString2);
}

LPSTR WINAPI lstrcpyA(LPSTR lpString1, LPCSTR lpString2) {
  if (!lpString1 || !lpString2) return NULL;
  return strcpy(lpString1, lpString2);
}

LPWSTR WINAPI lstrcpynW(LPWSTR lpString1, LPCWSTR lpString2, int iMaxLength) {
  if (!lpString1 || !lpString2) return NULL;
  LPWSTR d = lpString1;
  int n = iMaxLength;
  while (n > 1 && *lpString2) { *d++ = *lpString2++; n--; }
  if (n > 0) *d = 0;
  return lpString1;
}

LPSTR WINAPI lstrcpynA(LPSTR lpString1, LPCSTR lpString2, int iMaxLength) {
  if (!lpString1 || !lpString2) return NULL;
  LPSTR d = lpString1;
  int n = iMaxLength;
  while (n > 1 && *lpString2) { *d++ = *lpString2++; n--; }
  if (n > 0) *d = 0;
  return lpString1;
}

LPWSTR WINAPI lstrcatW(LPWSTR lpString1, LPCWSTR lpString2) {
  if (!lpString1 || !lpString2) return NULL;
  return wcscat(lpString1, lpString2);
}

LPSTR WINAPI lstrcatA(LPSTR lpString1, LPCSTR lpString2) {
  if (!lpString1 || !lpString2) return NULL;
  return strcat(lpString1, lpString2);
}
