/*
 * ntwasm's <windows.h> for C guests: the Win32 types and constants C code expects, then every entry
 * point ntwasm provides (the generated ntwasm/abi.h, which also holds the constants from abi/).
 * Build guests with `ntwasm cc prog.c -o prog.wasm` (docs/guests.md, "C guests").
 *
 * Wide strings: WCHAR is 16 bits, as on Windows. Write wide literals as u"..." (C11 UTF-16 literals),
 * or TEXT("...") with UNICODE defined. L"..." does not work: wchar_t is 32 bits on wasm32 and clang 14
 * ignores -fshort-wchar for this target, so `ntwasm cc` makes passing L"..." where a WCHAR string is
 * expected a compile error (-Werror=incompatible-pointer-types). wasi-libc's wide-character functions
 * (wcslen, wprintf, ...) work on 32-bit wchar_t, not WCHAR: use the lstr*W helpers below instead.
 */
#ifndef NTWASM_WINDOWS_H
#define NTWASM_WINDOWS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WINAPI
#define APIENTRY WINAPI
#define CALLBACK
#define WINBASEAPI
#define CONST const

#ifndef VOID
#define VOID void
#endif
typedef char CHAR;
typedef short SHORT;
typedef long LONG;
typedef int INT;
typedef int BOOL;
typedef unsigned char BYTE;
typedef unsigned char BOOLEAN;
typedef unsigned char UCHAR;
typedef unsigned short WORD;
typedef unsigned short USHORT;
typedef unsigned int UINT;
typedef unsigned long ULONG;
typedef unsigned long DWORD;
typedef long long LONGLONG;
typedef unsigned long long ULONGLONG;
typedef unsigned long long DWORD64;
typedef float FLOAT;
typedef long LONG_PTR;
typedef unsigned long ULONG_PTR;
typedef unsigned long DWORD_PTR;
typedef unsigned long UINT_PTR;
typedef long INT_PTR;
typedef ULONG_PTR SIZE_T;
typedef LONG_PTR SSIZE_T;
typedef LONG NTSTATUS;
typedef unsigned short WCHAR; /* char16_t: the type of u"..." */

typedef void *PVOID, *LPVOID, *HANDLE;
typedef const void *LPCVOID;
typedef HANDLE *PHANDLE, *LPHANDLE;
typedef BOOL *PBOOL, *LPBOOL;
typedef BYTE *PBYTE, *LPBYTE;
typedef WORD *PWORD, *LPWORD;
typedef DWORD *PDWORD, *LPDWORD;
typedef LONG *PLONG, *LPLONG;
typedef ULONG *PULONG;
typedef CHAR *PCHAR, *LPSTR, *PSTR;
typedef const CHAR *LPCSTR, *PCSTR;
typedef WCHAR *PWCHAR, *LPWSTR, *PWSTR;
typedef const WCHAR *LPCWSTR, *PCWSTR;
typedef HANDLE HINSTANCE, HMODULE;

#ifdef UNICODE
typedef WCHAR TCHAR;
#define TEXT(s) u##s
#else
typedef CHAR TCHAR;
#define TEXT(s) s
#endif
typedef TCHAR *LPTSTR;
typedef const TCHAR *LPCTSTR;
#define __TEXT(s) TEXT(s)

#define TRUE 1
#define FALSE 0
#ifndef NULL
#define NULL ((void *)0)
#endif
#define MAX_PATH ((DWORD)0x00000104) /* also in ntwasm/abi.h (abi/constants.ts), needed here first for WIN32_FIND_DATAW */
#define INVALID_HANDLE_VALUE ((HANDLE)(LONG_PTR)-1)
#define NT_SUCCESS(status) (((NTSTATUS)(status)) >= 0)
#define MAKEWORD(lo, hi) ((WORD)(((BYTE)(lo)) | ((WORD)((BYTE)(hi))) << 8))
#define MAKELONG(lo, hi) ((LONG)(((WORD)(lo)) | ((DWORD)((WORD)(hi))) << 16))
#define LOWORD(l) ((WORD)((DWORD_PTR)(l) & 0xffff))
#define HIWORD(l) ((WORD)((DWORD_PTR)(l) >> 16))
#define UNREFERENCED_PARAMETER(p) ((void)(p))

typedef union _LARGE_INTEGER {
  struct { DWORD LowPart; LONG HighPart; };
  struct { DWORD LowPart; LONG HighPart; } u;
  LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

typedef union _ULARGE_INTEGER {
  struct { DWORD LowPart; DWORD HighPart; };
  struct { DWORD LowPart; DWORD HighPart; } u;
  ULONGLONG QuadPart;
} ULARGE_INTEGER, *PULARGE_INTEGER;

typedef struct _FILETIME { DWORD dwLowDateTime; DWORD dwHighDateTime; } FILETIME, *PFILETIME, *LPFILETIME;

typedef struct _SECURITY_ATTRIBUTES {
  DWORD nLength;
  LPVOID lpSecurityDescriptor;
  BOOL bInheritHandle;
} SECURITY_ATTRIBUTES, *PSECURITY_ATTRIBUTES, *LPSECURITY_ATTRIBUTES;

/* Function types: a function pointer is an index into the guest's function table. */
typedef DWORD (WINAPI *PTHREAD_START_ROUTINE)(LPVOID lpThreadParameter);
typedef PTHREAD_START_ROUTINE LPTHREAD_START_ROUTINE;
typedef VOID (WINAPI *PAPCFUNC)(ULONG_PTR Parameter);
typedef VOID (WINAPI *PTIMERAPCROUTINE)(LPVOID lpArgToCompletionRoutine, DWORD dwTimerLowValue, DWORD dwTimerHighValue);

/* User-mode synchronization objects: they live in guest memory (docs/guests.md). */
typedef struct _RTL_CRITICAL_SECTION {
  PVOID DebugInfo;
  LONG LockCount;
  LONG RecursionCount;
  HANDLE OwningThread;
  HANDLE LockSemaphore;
  ULONG_PTR SpinCount;
} RTL_CRITICAL_SECTION, CRITICAL_SECTION, *PCRITICAL_SECTION, *LPCRITICAL_SECTION;

typedef struct _RTL_SRWLOCK { PVOID Ptr; } RTL_SRWLOCK, SRWLOCK, *PSRWLOCK;
#define SRWLOCK_INIT {0}
typedef struct _RTL_CONDITION_VARIABLE { PVOID Ptr; } RTL_CONDITION_VARIABLE, CONDITION_VARIABLE, *PCONDITION_VARIABLE;
#define CONDITION_VARIABLE_INIT {0}
typedef union _RTL_RUN_ONCE { PVOID Ptr; } RTL_RUN_ONCE, INIT_ONCE, *PINIT_ONCE, *LPINIT_ONCE;
#define INIT_ONCE_STATIC_INIT {0}
typedef BOOL (WINAPI *PINIT_ONCE_FN)(PINIT_ONCE InitOnce, PVOID Parameter, PVOID *Context);

/* Processes. */
typedef struct _STARTUPINFOW {
  DWORD cb;
  LPWSTR lpReserved;
  LPWSTR lpDesktop;
  LPWSTR lpTitle;
  DWORD dwX, dwY, dwXSize, dwYSize, dwXCountChars, dwYCountChars, dwFillAttribute;
  DWORD dwFlags;
  WORD wShowWindow;
  WORD cbReserved2;
  LPBYTE lpReserved2;
  HANDLE hStdInput;
  HANDLE hStdOutput;
  HANDLE hStdError;
} STARTUPINFOW, *LPSTARTUPINFOW;

typedef struct _PROCESS_INFORMATION {
  HANDLE hProcess;
  HANDLE hThread;
  DWORD dwProcessId;
  DWORD dwThreadId;
} PROCESS_INFORMATION, *PPROCESS_INFORMATION, *LPPROCESS_INFORMATION;

/* Asynchronous I/O (ReadFile, WriteFile, ConnectNamedPipe...): 20 bytes on 32-bit Windows. */
typedef struct _OVERLAPPED {
  ULONG_PTR Internal;
  ULONG_PTR InternalHigh;
  union {
    struct { DWORD Offset; DWORD OffsetHigh; };
    PVOID Pointer;
  };
  HANDLE hEvent;
} OVERLAPPED, *LPOVERLAPPED;
_Static_assert(sizeof(OVERLAPPED) == 20, "OVERLAPPED layout");
/* Internal holds STATUS_PENDING (0x103) until the operation completes. */
#define HasOverlappedIoCompleted(lpOverlapped) (((DWORD)(lpOverlapped)->Internal) != 0x00000103)

/* FindFirstFileW / FindNextFileW: 592 bytes on 32-bit Windows. */
typedef struct _WIN32_FIND_DATAW {
  DWORD dwFileAttributes;
  FILETIME ftCreationTime;
  FILETIME ftLastAccessTime;
  FILETIME ftLastWriteTime;
  DWORD nFileSizeHigh;
  DWORD nFileSizeLow;
  DWORD dwReserved0;
  DWORD dwReserved1;
  WCHAR cFileName[MAX_PATH];
  WCHAR cAlternateFileName[14];
} WIN32_FIND_DATAW, *PWIN32_FIND_DATAW, *LPWIN32_FIND_DATAW;
_Static_assert(sizeof(WIN32_FIND_DATAW) == 592, "WIN32_FIND_DATAW layout");

_Static_assert(sizeof(CRITICAL_SECTION) == 24, "CRITICAL_SECTION is 24 bytes on 32-bit Windows");
_Static_assert(sizeof(STARTUPINFOW) == 68, "STARTUPINFOW is 68 bytes on 32-bit Windows");
_Static_assert(sizeof(WCHAR) == 2, "WCHAR is 16 bits");

#ifdef __cplusplus
}
#endif

#include "ntwasm/abi.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Wide-string helpers (kernel32's lstr*W), inline: wasi-libc's wcs* functions expect a 32-bit wchar_t. */
static inline int lstrlenW(LPCWSTR s) { int n = 0; if (s) while (s[n]) n++; return n; }
static inline LPWSTR lstrcpyW(LPWSTR d, LPCWSTR s) { LPWSTR r = d; while ((*d++ = *s++)) {} return r; }
static inline LPWSTR lstrcatW(LPWSTR d, LPCWSTR s) { lstrcpyW(d + lstrlenW(d), s); return d; }
static inline int lstrcmpW(LPCWSTR a, LPCWSTR b) {
  while (*a && *a == *b) { a++; b++; }
  return (*a > *b) - (*a < *b);
}

#ifdef __cplusplus
}
#endif

#endif /* NTWASM_WINDOWS_H */
