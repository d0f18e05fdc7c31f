/*
 * Modules: GetModuleHandle, LoadLibrary, GetModuleFileName (abi/crt/modules.ts; GetProcAddress is in
 * procaddress.c, so that only programs calling it link its table of every function).
 * A process has one image, the guest module. The DLLs whose functions ntwasm has (kernel32 — with
 * kernelbase as another name for it —, ntdll, user32) exist as module handles, so programs probe for
 * optional functions the Windows way: GetProcAddress(GetModuleHandleW(L"kernel32.dll"), "Name").
 * Module handles are addresses of this file's `images` (never dereferenced by callers).
 */
#include <windows.h>
#include <string.h>
#include "procs.h"

static const char images[5] = { 0 }; /* [0] the program, then one per NTWASM_DLL_* */

static const struct { const wchar_t *name; int dll; } dlls[] = {
  { L"kernel32", NTWASM_DLL_KERNEL32 }, { L"kernelbase", NTWASM_DLL_KERNEL32 },
  { L"ntdll", NTWASM_DLL_NTDLL }, { L"user32", NTWASM_DLL_USER32 },
};
static const wchar_t *const dll_files[] = { NULL, L"kernel32.dll", L"ntdll.dll", L"user32.dll", L"ntwasm.dll" };

static HMODULE handle_of(int dll) { return (HMODULE)&images[dll]; }

/* The DLL a module handle stands for: 0 the program, -1 not a module handle. */
int __ntwasm_module_dll(HMODULE h) {
  if (!h) return 0;
  const char *p = (const char *)h;
  return p >= images && p < images + sizeof images ? (int)(p - images) : -1;
}

static wchar_t lower(wchar_t c) { return c >= L'A' && c <= L'Z' ? (wchar_t)(c + 32) : c; }

/* "C:\Windows\System32\KERNEL32.DLL" → NTWASM_DLL_KERNEL32; 0 when ntwasm has no such DLL. */
static int find_dll(LPCWSTR path) {
  LPCWSTR base = path;
  for (LPCWSTR p = path; *p; p++) if (*p == L'\\' || *p == L'/') base = p + 1;
  size_t n = 0;
  while (base[n] && base[n] != L'.') n++;
  if (base[n] && (lower(base[n + 1]) != L'd' || lower(base[n + 2]) != L'l' || lower(base[n + 3]) != L'l' || base[n + 4])) return 0;
  for (size_t i = 0; i < sizeof dlls / sizeof dlls[0]; i++) {
    size_t j = 0;
    while (j < n && dlls[i].name[j] && lower(base[j]) == dlls[i].name[j]) j++;
    if (j == n && !dlls[i].name[j]) return dlls[i].dll;
  }
  return 0;
}

HMODULE WINAPI GetModuleHandleW(LPCWSTR lpModuleName) {
  if (!lpModuleName) return handle_of(0);
  int dll = find_dll(lpModuleName);
  if (dll) return handle_of(dll);
  SetLastError(ERROR_MOD_NOT_FOUND);
  return NULL;
}

/* A module name in UTF-8 → UTF-16 on the stack (names longer than MAX_PATH are not modules). */
static int narrow_name(LPCSTR s, WCHAR *out) {
  int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, out, MAX_PATH);
  if (n <= 0) { SetLastError(ERROR_MOD_NOT_FOUND); return 0; }
  return 1;
}

HMODULE WINAPI GetModuleHandleA(LPCSTR lpModuleName) {
  WCHAR w[MAX_PATH];
  if (!lpModuleName) return handle_of(0);
  return narrow_name(lpModuleName, w) ? GetModuleHandleW(w) : NULL;
}

BOOL WINAPI GetModuleHandleExW(DWORD dwFlags, LPCWSTR lpModuleName, HMODULE *phModule) {
  if (!phModule) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
  *phModule = (dwFlags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS) ? handle_of(0) : GetModuleHandleW(lpModuleName);
  return *phModule != NULL;
}

BOOL WINAPI GetModuleHandleExA(DWORD dwFlags, LPCSTR lpModuleName, HMODULE *phModule) {
  WCHAR w[MAX_PATH];
  if (!phModule) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
  if ((dwFlags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS) || !lpModuleName) return GetModuleHandleExW(dwFlags, NULL, phModule);
  if (!narrow_name(lpModuleName, w)) { *phModule = NULL; return FALSE; }
  return GetModuleHandleExW(dwFlags, w, phModule);
}

HMODULE WINAPI LoadLibraryExW(LPCWSTR lpLibFileName, HANDLE hFile, DWORD dwFlags) {
  (void)dwFlags;
  if (!lpLibFileName || hFile) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
  int dll = find_dll(lpLibFileName);
  if (dll) return handle_of(dll);
  SetLastError(ERROR_MOD_NOT_FOUND);
  return NULL;
}

HMODULE WINAPI LoadLibraryW(LPCWSTR lpLibFileName) { return LoadLibraryExW(lpLibFileName, NULL, 0); }

HMODULE WINAPI LoadLibraryExA(LPCSTR lpLibFileName, HANDLE hFile, DWORD dwFlags) {
  WCHAR w[MAX_PATH];
  if (!lpLibFileName) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
  return narrow_name(lpLibFileName, w) ? LoadLibraryExW(w, hFile, dwFlags) : NULL;
}

HMODULE WINAPI LoadLibraryA(LPCSTR lpLibFileName) { return LoadLibraryExA(lpLibFileName, NULL, 0); }

BOOL WINAPI FreeLibrary(HMODULE hLibModule) {
  if (__ntwasm_module_dll(hLibModule) <= 0) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
  return TRUE;
}

/* Copies `len` characters of `s` as GetModuleFileNameW does: truncated to nSize with ERROR_INSUFFICIENT_BUFFER. */
static DWORD copy_name(const wchar_t *s, DWORD len, LPWSTR out, DWORD nSize) {
  if (!nSize) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
  if (len < nSize) {
    memcpy(out, s, (len + 1) * sizeof(WCHAR));
    SetLastError(ERROR_SUCCESS);
    return len;
  }
  memcpy(out, s, (nSize - 1) * sizeof(WCHAR));
  out[nSize - 1] = 0;
  SetLastError(ERROR_INSUFFICIENT_BUFFER);
  return nSize;
}

DWORD WINAPI GetModuleFileNameW(HMODULE hModule, LPWSTR lpFilename, DWORD nSize) {
  int dll = __ntwasm_module_dll(hModule);
  if (dll < 0) { SetLastError(ERROR_MOD_NOT_FOUND); return 0; }
  WCHAR path[MAX_PATH * 4];
  DWORD len;
  if (dll == 0) {
    len = GetProcessImagePathW(path, sizeof path / sizeof path[0]);
    if (!len || len >= sizeof path / sizeof path[0]) return 0;
  } else {
    static const wchar_t dir[] = L"C:\\Windows\\System32\\";
    len = (DWORD)wcslen(dir);
    memcpy(path, dir, len * sizeof(WCHAR));
    size_t n = wcslen(dll_files[dll]);
    memcpy(path + len, dll_files[dll], (n + 1) * sizeof(WCHAR));
    len += (DWORD)n;
  }
  return copy_name(path, len, lpFilename, nSize);
}

DWORD WINAPI GetModuleFileNameA(HMODULE hModule, LPSTR lpFilename, DWORD nSize) {
  WCHAR path[MAX_PATH * 4];
  DWORD len = GetModuleFileNameW(hModule, path, sizeof path / sizeof path[0]);
  if (!len) return 0;
  int n = WideCharToMultiByte(CP_UTF8, 0, path, (int)len + 1, NULL, 0, NULL, NULL);
  char *buf = __builtin_alloca((size_t)n);
  WideCharToMultiByte(CP_UTF8, 0, path, (int)len + 1, buf, n, NULL, NULL);
  n--; /* without the NUL */
  if (!nSize) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
  if ((DWORD)n < nSize) { memcpy(lpFilename, buf, (size_t)n + 1); SetLastError(ERROR_SUCCESS); return (DWORD)n; }
  memcpy(lpFilename, buf, nSize - 1);
  lpFilename[nSize - 1] = 0;
  SetLastError(ERROR_INSUFFICIENT_BUFFER);
  return nSize;
}
