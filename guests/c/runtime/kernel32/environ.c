/*
 * The environment (abi/crt/system.ts): GetEnvironmentVariableA, GetEnvironmentStringsW/A,
 * FreeEnvironmentStringsW/A, ExpandEnvironmentStringsW/A, over the GetEnvironmentVariableW syscall
 * (SetEnvironmentVariableA is a generated thunk of SetEnvironmentVariableW).
 *
 * GetEnvironmentStrings copies the kernel's block (GetEnvironmentBlockW, ntwasm's call): every variable
 * as it is now, in the order they were set.
 *
 * ExpandEnvironmentStrings replaces each %NAME% of a defined variable (names are case-insensitive); an
 * undefined one stays as it is, "%%" and a % with no closing one too. The result counts the NUL; when the
 * buffer is too small nothing is written and the size needed is returned.
 */
#include <windows.h>
#include <stdlib.h>
#include "k32util.h"
#include "widen.h"

DWORD WINAPI GetEnvironmentVariableA(LPCSTR lpName, LPSTR lpBuffer, DWORD nSize) {
  LPWSTR name = __ntwasm_widen(lpName);
  if (!name) { SetLastError(lpName ? ERROR_NOT_ENOUGH_MEMORY : ERROR_INVALID_PARAMETER); return 0; }
  LPWSTR value = __ntwasm_getenv_w(name);
  free(name);
  if (!value) { SetLastError(ERROR_ENVVAR_NOT_FOUND); return 0; }
  DWORD n = __ntwasm_result_a(value, lpBuffer, nSize);
  free(value);
  return n;
}

/* The kernel's block, as it is now (variables set since the start included). */
LPWSTR WINAPI GetEnvironmentStringsW(void) {
  DWORD cap = 1024;
  for (;;) {
    LPWSTR block = HeapAlloc(GetProcessHeap(), 0, cap * sizeof(WCHAR));
    if (!block) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    DWORD need = GetEnvironmentBlockW(block, cap);
    if (need <= cap) return block;
    HeapFree(GetProcessHeap(), 0, block);
    if (need > 32768) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    cap = need;
  }
}

LPSTR WINAPI GetEnvironmentStringsA(void) {
  LPWSTR w = GetEnvironmentStringsW();
  if (!w) return NULL;
  size_t len = 0;
  while (w[len]) len += wcslen(w + len) + 1;
  len++; /* the final NUL */
  int n = WideCharToMultiByte(CP_UTF8, 0, w, (int)len, NULL, 0, NULL, NULL);
  LPSTR a = n > 0 ? HeapAlloc(GetProcessHeap(), 0, (size_t)n + 1) : NULL;
  if (a) {
    WideCharToMultiByte(CP_UTF8, 0, w, (int)len, a, n, NULL, NULL);
    a[n] = 0;
  } else {
    SetLastError(ERROR_NOT_ENOUGH_MEMORY);
  }
  HeapFree(GetProcessHeap(), 0, w);
  return a;
}

BOOL WINAPI FreeEnvironmentStringsW(LPWSTR penv) {
  HeapFree(GetProcessHeap(), 0, penv);
  return TRUE; /* as Windows: TRUE whatever the pointer */
}

BOOL WINAPI FreeEnvironmentStringsA(LPSTR penv) {
  HeapFree(GetProcessHeap(), 0, penv);
  return TRUE;
}

/* Expands src into a malloc'd string; *count gets its length without the NUL. */
static LPWSTR expand(LPCWSTR src, size_t *count) {
  size_t cap = wcslen(src) + 64, len = 0;
  LPWSTR out = malloc(cap * sizeof(WCHAR));
  if (!out) return NULL;
  while (*src) {
    LPCWSTR piece;
    size_t plen;
    LPWSTR value = NULL;
    if (*src != L'%') {
      LPCWSTR p = wcschr(src, L'%');
      plen = p ? (size_t)(p - src) : wcslen(src);
      piece = src;
      src += plen;
    } else {
      LPCWSTR close = wcschr(src + 1, L'%');
      if (!close) {
        piece = src;
        plen = wcslen(src);
        src += plen;
      } else {
        size_t nlen = (size_t)(close - src - 1);
        if (nlen) {
          LPWSTR name = malloc((nlen + 1) * sizeof(WCHAR));
          if (name) {
            memcpy(name, src + 1, nlen * sizeof(WCHAR));
            name[nlen] = 0;
            value = __ntwasm_getenv_w(name);
            free(name);
          }
        }
        if (value) {
          piece = value;
          plen = wcslen(value);
        } else {
          piece = src; /* not a variable: kept with both percent signs */
          plen = nlen + 2;
        }
        src += nlen + 2;
      }
    }
    if (len + plen + 1 > cap) {
      while (len + plen + 1 > cap) cap *= 2;
      LPWSTR grown = realloc(out, cap * sizeof(WCHAR));
      if (!grown) { free(value); free(out); return NULL; }
      out = grown;
    }
    memcpy(out + len, piece, plen * sizeof(WCHAR));
    len += plen;
    free(value);
  }
  out[len] = 0;
  *count = len;
  return out;
}

DWORD WINAPI ExpandEnvironmentStringsW(LPCWSTR lpSrc, LPWSTR lpDst, DWORD nSize) {
  if (!lpSrc) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
  size_t n;
  LPWSTR r = expand(lpSrc, &n);
  if (!r) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return 0; }
  if (lpDst && nSize >= n + 1) memcpy(lpDst, r, (n + 1) * sizeof(WCHAR));
  free(r);
  return (DWORD)n + 1;
}

DWORD WINAPI ExpandEnvironmentStringsA(LPCSTR lpSrc, LPSTR lpDst, DWORD nSize) {
  if (!lpSrc) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
  LPWSTR w = __ntwasm_widen(lpSrc);
  size_t n;
  LPWSTR r = w ? expand(w, &n) : NULL;
  free(w);
  if (!r) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return 0; }
  int need = WideCharToMultiByte(CP_UTF8, 0, r, -1, NULL, 0, NULL, NULL); /* with the NUL */
  if (lpDst && nSize >= (DWORD)need) WideCharToMultiByte(CP_UTF8, 0, r, -1, lpDst, need, NULL, NULL);
  free(r);
  return (DWORD)need;
}
