/*
 * System information (abi/crt/system.ts): GetSystemInfo, GetNativeSystemInfo, GetVersion,
 * GetVersionExA/W, IsProcessorFeaturePresent, GetComputerNameA/W, GetUserNameA/W, IsDebuggerPresent,
 * IsWow64Process, Beep, SetErrorMode, GetErrorMode.
 *
 * The machine a guest sees: a 32-bit x86-like processor (PROCESSOR_ARCHITECTURE_INTEL, a Pentium-class
 * type 586, level 6: a wasm32 program is a 32-bit program, and this is what 32-bit Windows code expects),
 * 4 KiB pages, 64 KiB allocation granularity, the 32-bit Windows address range, and as many processors as
 * the NUMBER_OF_PROCESSORS environment variable says (1 when unset). GetNativeSystemInfo answers the same.
 *
 * The version is a fixed Windows 10: 10.0 build 19045 (22H2), VER_PLATFORM_WIN32_NT, a workstation, no
 * service pack. Real Windows tells a program without a compatibility manifest 6.2 (Windows 8); ntwasm
 * answers as Windows does for a program manifested for Windows 10, so version checks see Windows 10.
 */
#include <windows.h>
#include <stdlib.h>
#include "k32util.h"

#define VERSION_MAJOR 10
#define VERSION_MINOR 0
#define VERSION_BUILD 19045

static DWORD processors(void) {
  LPWSTR v = __ntwasm_getenv_w(L"NUMBER_OF_PROCESSORS");
  DWORD n = 0;
  if (v) {
    for (LPWSTR p = v; *p >= L'0' && *p <= L'9' && n < 1000; p++) n = n * 10 + (DWORD)(*p - L'0');
    free(v);
  }
  if (n < 1) n = 1;
  if (n > 32) n = 32; /* the active processor mask has 32 bits */
  return n;
}

void WINAPI GetSystemInfo(LPSYSTEM_INFO lpSystemInfo) {
  memset(lpSystemInfo, 0, sizeof *lpSystemInfo);
  DWORD n = processors();
  lpSystemInfo->wProcessorArchitecture = PROCESSOR_ARCHITECTURE_INTEL;
  lpSystemInfo->dwPageSize = 4096;
  lpSystemInfo->lpMinimumApplicationAddress = (LPVOID)0x00010000;
  lpSystemInfo->lpMaximumApplicationAddress = (LPVOID)0x7FFEFFFF;
  lpSystemInfo->dwActiveProcessorMask = n >= 32 ? 0xFFFFFFFFu : (1u << n) - 1;
  lpSystemInfo->dwNumberOfProcessors = n;
  lpSystemInfo->dwProcessorType = PROCESSOR_INTEL_PENTIUM;
  lpSystemInfo->dwAllocationGranularity = 65536;
  lpSystemInfo->wProcessorLevel = 6;
  lpSystemInfo->wProcessorRevision = 0;
}

void WINAPI GetNativeSystemInfo(LPSYSTEM_INFO lpSystemInfo) { GetSystemInfo(lpSystemInfo); }

/* Every process is a native 32-bit one (no WOW64 layer): programs probe this to pick 32- or 64-bit paths. */
BOOL WINAPI IsWow64Process(HANDLE hProcess, PBOOL Wow64Process) {
  if (GetProcessId(hProcess) == 0) return FALSE; /* its last error: ERROR_INVALID_HANDLE */
  *Wow64Process = FALSE;
  return TRUE;
}

DWORD WINAPI GetVersion(void) {
  return ((DWORD)VERSION_BUILD << 16) | (VERSION_MINOR << 8) | VERSION_MAJOR;
}

/* The fields common to both forms; FALSE (ERROR_INSUFFICIENT_BUFFER) for a size that is neither. */
static BOOL version(DWORD size, DWORD base, DWORD ex, LPDWORD fields, WORD *extra) {
  if (size != base && size != ex) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return FALSE; }
  fields[0] = VERSION_MAJOR;
  fields[1] = VERSION_MINOR;
  fields[2] = VERSION_BUILD;
  fields[3] = VER_PLATFORM_WIN32_NT;
  if (size == ex) {
    extra[0] = 0; /* wServicePackMajor */
    extra[1] = 0; /* wServicePackMinor */
    extra[2] = VER_SUITE_SINGLEUSERTS; /* wSuiteMask, as a Windows 10 desktop reports */
    ((BYTE *)&extra[3])[0] = VER_NT_WORKSTATION;
    ((BYTE *)&extra[3])[1] = 0;
  }
  return TRUE;
}

BOOL WINAPI GetVersionExW(LPOSVERSIONINFOW lpVersionInformation) {
  LPOSVERSIONINFOEXW v = (LPOSVERSIONINFOEXW)lpVersionInformation;
  if (!version(v->dwOSVersionInfoSize, sizeof(OSVERSIONINFOW), sizeof(OSVERSIONINFOEXW), &v->dwMajorVersion, &v->wServicePackMajor)) return FALSE;
  memset(v->szCSDVersion, 0, sizeof v->szCSDVersion);
  return TRUE;
}

BOOL WINAPI GetVersionExA(LPOSVERSIONINFOA lpVersionInformation) {
  LPOSVERSIONINFOEXA v = (LPOSVERSIONINFOEXA)lpVersionInformation;
  if (!version(v->dwOSVersionInfoSize, sizeof(OSVERSIONINFOA), sizeof(OSVERSIONINFOEXA), &v->dwMajorVersion, &v->wServicePackMajor)) return FALSE;
  memset(v->szCSDVersion, 0, sizeof v->szCSDVersion);
  return TRUE;
}

BOOL WINAPI IsProcessorFeaturePresent(DWORD ProcessorFeature) {
  switch (ProcessorFeature) {
  case PF_COMPARE_EXCHANGE_DOUBLE: /* 64-bit atomics */
  case PF_NX_ENABLED:              /* data is never executed */
    return TRUE;
  default: /* x86 instruction sets (MMX, SSE, RDTSC...) and the rest: not there */
    return FALSE;
  }
}

/* GetComputerName's and GetUserName's shared shape: copy w into buf, *size in characters. */
static BOOL copy_name_w(LPCWSTR w, LPWSTR buf, LPDWORD size, DWORD error, int count_nul) {
  DWORD n = (DWORD)wcslen(w);
  if (!size) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
  if (!buf || *size < n + 1) { *size = n + 1; SetLastError(error); return FALSE; }
  memcpy(buf, w, (n + 1) * sizeof(WCHAR));
  *size = count_nul ? n + 1 : n;
  return TRUE;
}

static BOOL copy_name_a(LPCWSTR w, LPSTR buf, LPDWORD size, DWORD error, int count_nul) {
  if (!size) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
  DWORD need = (DWORD)WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL); /* with the NUL */
  if (!buf || *size < need) { *size = need; SetLastError(error); return FALSE; }
  WideCharToMultiByte(CP_UTF8, 0, w, -1, buf, (int)need, NULL, NULL);
  *size = count_nul ? need : need - 1;
  return TRUE;
}

/* The variable `var` when it is set and not empty, else `fallback` (a malloc'd copy either way). */
static LPWSTR env_or(LPCWSTR var, LPCWSTR fallback) {
  LPWSTR v = __ntwasm_getenv_w(var);
  if (v && *v) return v;
  free(v);
  size_t size = (wcslen(fallback) + 1) * sizeof(WCHAR);
  v = malloc(size);
  if (v) memcpy(v, fallback, size);
  return v;
}
static LPWSTR computer_name(void) { return env_or(L"COMPUTERNAME", L"NTWASM"); }
static LPWSTR user_name(void) { return env_or(L"USERNAME", L"User"); }

/* Copies name `n` (NULL: out of memory) in the W or A form, with the too-small error and size rule given. */
static BOOL give_name(LPWSTR n, void *buffer, LPDWORD size, int wide, DWORD too_small, int count_nul) {
  if (!n) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
  BOOL ok = wide ? copy_name_w(n, buffer, size, too_small, count_nul) : copy_name_a(n, buffer, size, too_small, count_nul);
  free(n);
  return ok;
}

BOOL WINAPI GetComputerNameW(LPWSTR lpBuffer, LPDWORD nSize) {
  return give_name(computer_name(), lpBuffer, nSize, 1, ERROR_BUFFER_OVERFLOW, 0);
}
BOOL WINAPI GetComputerNameA(LPSTR lpBuffer, LPDWORD nSize) {
  return give_name(computer_name(), lpBuffer, nSize, 0, ERROR_BUFFER_OVERFLOW, 0);
}
BOOL WINAPI GetUserNameW(LPWSTR lpBuffer, LPDWORD pcbBuffer) {
  return give_name(user_name(), lpBuffer, pcbBuffer, 1, ERROR_INSUFFICIENT_BUFFER, 1);
}
BOOL WINAPI GetUserNameA(LPSTR lpBuffer, LPDWORD pcbBuffer) {
  return give_name(user_name(), lpBuffer, pcbBuffer, 0, ERROR_INSUFFICIENT_BUFFER, 1);
}

BOOL WINAPI IsDebuggerPresent(void) { return FALSE; }

BOOL WINAPI Beep(DWORD dwFreq, DWORD dwDuration) {
  (void)dwFreq;
  (void)dwDuration;
  return TRUE;
}

static UINT error_mode;

UINT WINAPI SetErrorMode(UINT uMode) { return __atomic_exchange_n(&error_mode, uMode, __ATOMIC_SEQ_CST); }
UINT WINAPI GetErrorMode(void) { return __atomic_load_n(&error_mode, __ATOMIC_SEQ_CST); }
