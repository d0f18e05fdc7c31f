/*
 * ntwasm's <windows.h> for C and C++ guests: the Win32 types, structures and macros Windows code
 * expects, then every entry point ntwasm provides (the generated ntwasm/abi.h: the syscalls guests
 * import, the kernel32 functions the C runtime implements, the constants from abi/ and the generic
 * names — CreateEvent is CreateEventW with UNICODE defined, CreateEventA otherwise).
 * Build guests with `ntwasm cc prog.c -o prog.wasm` (docs/guests.md, "C and C++ guests").
 *
 * Wide strings: wchar_t is 16 bits (`ntwasm cc` compiles with -fshort-wchar), so WCHAR is wchar_t,
 * L"..." is UTF-16 as on Windows and the SDK's <wchar.h> works on it. u"..." (char16_t) works in C.
 */
#ifndef NTWASM_WINDOWS_H
#define NTWASM_WINDOWS_H

#include <stddef.h>
#include <stdarg.h>
#include <string.h>
#include <stdlib.h>
#include <wchar.h>

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
typedef BOOLEAN *PBOOLEAN; /* winnt.h */
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
typedef unsigned long ULONG_PTR, *PULONG_PTR;
typedef unsigned long DWORD_PTR;
typedef unsigned long UINT_PTR;
typedef long INT_PTR;
typedef ULONG_PTR SIZE_T;
typedef LONG_PTR SSIZE_T;
typedef LONG NTSTATUS;
typedef DWORD ACCESS_MASK, *PACCESS_MASK; /* winnt.h */
typedef struct _GENERIC_MAPPING { /* winnt.h: a type's GENERIC_* rights (OBJECT_TYPE_INFORMATION) */
  ACCESS_MASK GenericRead;
  ACCESS_MASK GenericWrite;
  ACCESS_MASK GenericExecute;
  ACCESS_MASK GenericAll;
} GENERIC_MAPPING, *PGENERIC_MAPPING;
typedef wchar_t WCHAR;

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
typedef HANDLE HINSTANCE, HMODULE, HWND, HLOCAL, HGLOBAL, HKEY, HRSRC, HICON, HMENU, HDC;
typedef int (WINAPI *FARPROC)(void);
typedef int (WINAPI *NEARPROC)(void);
typedef int (WINAPI *PROC)(void);

#include "ntwasm/unicode.h"
#ifdef UNICODE
typedef WCHAR TCHAR;
#define __TEXT(s) L##s
#else
typedef CHAR TCHAR;
#define __TEXT(s) s
#endif
#define TEXT(s) __TEXT(s)
typedef TCHAR *LPTSTR;
typedef const TCHAR *LPCTSTR;

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
#define LOBYTE(w) ((BYTE)((DWORD_PTR)(w) & 0xff))
#define HIBYTE(w) ((BYTE)(((DWORD_PTR)(w) >> 8) & 0xff))
#define FIELD_OFFSET(type, field) ((LONG)offsetof(type, field)) /* winnt.h */
#define NO_ERROR 0L

/* basetsd.h's pointer/integer conversions (pointers and longs are both 32 bits here, as on Win32). */
#define PtrToInt(p) ((INT)(INT_PTR)(p))
#define PtrToUint(p) ((UINT)(UINT_PTR)(p))
#define PtrToLong(p) ((LONG)(LONG_PTR)(p))
#define PtrToUlong(p) ((ULONG)(ULONG_PTR)(p))
#define PtrToShort(p) ((short)(LONG_PTR)(p))
#define PtrToUshort(p) ((unsigned short)(ULONG_PTR)(p))
#define IntToPtr(i) ((VOID *)(INT_PTR)((int)(i)))
#define UIntToPtr(u) ((VOID *)(UINT_PTR)((unsigned int)(u)))
#define LongToPtr(l) ((VOID *)(LONG_PTR)((long)(l)))
#define ULongToPtr(u) ((VOID *)(ULONG_PTR)((unsigned long)(u)))
#define HandleToLong(h) ((LONG)(LONG_PTR)(h))
#define HandleToULong(h) ((ULONG)(ULONG_PTR)(h))
#define LongToHandle(l) ((HANDLE)(LONG_PTR)(l))
#define ULongToHandle(u) ((HANDLE)(ULONG_PTR)(u))
#define PtrToPtr64(p) ((void *)(p))
#define Ptr64ToPtr(p) ((void *)(p))
#define MoveMemory(d, s, n) memmove((d), (s), (n))
#define CopyMemory(d, s, n) memcpy((d), (s), (n))
#define FillMemory(d, n, v) memset((d), (v), (n))
#define ZeroMemory(d, n) memset((d), 0, (n))
#define RtlMoveMemory MoveMemory
#define RtlCopyMemory CopyMemory
#define RtlFillMemory FillMemory
#define RtlZeroMemory ZeroMemory
/* Not optimised away: the stores go through a volatile pointer, as the SDK's inline does. */
static __inline void *SecureZeroMemory(void *p, SIZE_T n) {
  volatile char *v = (volatile char *)p;
  while (n--) *v++ = 0;
  return p;
}
#define RtlSecureZeroMemory SecureZeroMemory
#define UNREFERENCED_PARAMETER(p) ((void)(p))
#define DBG_UNREFERENCED_PARAMETER(p) ((void)(p))
#define DBG_UNREFERENCED_LOCAL_VARIABLE(v) ((void)(v))
#define UNREFERENCED_LOCAL_VARIABLE(v) ((void)(v))

/* Calling conventions and storage classes that mean nothing on wasm32. */
#include "ntwasm/callconv.h"
#define NTAPI
#define WINAPIV
#define APIPRIVATE
#define PASCAL
#define FAR
#define NEAR
#define far
#define near
#define DECLSPEC_NORETURN __declspec(noreturn)
#define DECLSPEC_ALIGN(n) __declspec(align(n))
#define DECLSPEC_NOINLINE __declspec(noinline)
#define DECLSPEC_IMPORT
#define DECLSPEC_EXPORT
#define FORCEINLINE __forceinline
#define C_ASSERT(e) typedef char __C_ASSERT__[(e) ? 1 : -1]

/*
 * Structured exception handling: Wasm has no way to catch a hardware exception, so __try blocks run as
 * plain blocks: a __finally block runs after its __try block (also after __leave), an __except block
 * never runs (its filter is not evaluated). A fault inside still ends the process, as an unhandled
 * exception does on Windows. Documented in docs/guests.md.
 */
#define __try do
#define __finally while (0);
#define __except(filter) while (0); if (0)
#define __leave break
#define _try __try
#define _finally __finally
#define _except __except
#define _leave __leave

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

/* windef.h's geometry types: console programs pass them to the few user32 calls they make. */
typedef struct tagRECT { LONG left, top, right, bottom; } RECT, *PRECT, *NPRECT, *LPRECT;
typedef const RECT *LPCRECT;
typedef struct tagPOINT { LONG x, y; } POINT, *PPOINT, *NPPOINT, *LPPOINT;
typedef struct tagSIZE { LONG cx, cy; } SIZE, *PSIZE, *LPSIZE;
typedef struct tagPOINTS { SHORT x, y; } POINTS, *PPOINTS, *LPPOINTS;

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

/* The console (wincon.h): cell coordinates and a screen buffer's description. */
typedef struct _COORD {
  SHORT X;
  SHORT Y;
} COORD, *PCOORD;
typedef struct _SMALL_RECT {
  SHORT Left;
  SHORT Top;
  SHORT Right;
  SHORT Bottom;
} SMALL_RECT, *PSMALL_RECT;
typedef struct _CONSOLE_SCREEN_BUFFER_INFO {
  COORD dwSize;
  COORD dwCursorPosition;
  WORD wAttributes;
  SMALL_RECT srWindow;
  COORD dwMaximumWindowSize;
} CONSOLE_SCREEN_BUFFER_INFO, *PCONSOLE_SCREEN_BUFFER_INFO;
typedef BOOL (WINAPI *PHANDLER_ROUTINE)(DWORD CtrlType);
#ifdef __cplusplus
static_assert(sizeof(CONSOLE_SCREEN_BUFFER_INFO) == 22, "CONSOLE_SCREEN_BUFFER_INFO is 22 bytes, as on Windows");
#else
_Static_assert(sizeof(CONSOLE_SCREEN_BUFFER_INFO) == 22, "CONSOLE_SCREEN_BUFFER_INFO is 22 bytes, as on Windows");
#endif

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
/* ReadFileEx/WriteFileEx's completion routine, queued as an APC to the issuing thread. */
typedef VOID (WINAPI *LPOVERLAPPED_COMPLETION_ROUTINE)(DWORD dwErrorCode, DWORD dwNumberOfBytesTransfered, LPOVERLAPPED lpOverlapped);
/* GetQueuedCompletionStatusEx's entries (ntdll's FILE_IO_COMPLETION_INFORMATION): 16 bytes on 32-bit Windows. */
typedef struct _OVERLAPPED_ENTRY {
  ULONG_PTR lpCompletionKey;
  LPOVERLAPPED lpOverlapped;
  ULONG_PTR Internal; /* the packet's NTSTATUS */
  DWORD dwNumberOfBytesTransferred;
} OVERLAPPED_ENTRY, *LPOVERLAPPED_ENTRY;

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

/* The rest of the Windows headers' contents, one file each (those being written may not exist yet). */
#if __has_include("sal.h")
#include "sal.h"
#endif
#if __has_include("ntwasm/hresult.h")
#include "ntwasm/hresult.h"
#endif
#if __has_include("ntwasm/interlocked.h")
#include "ntwasm/interlocked.h"
#endif
#if __has_include("ntwasm/kernel32.h")
#include "ntwasm/kernel32.h"
#endif
#if __has_include("ntwasm/services.h")
#include "ntwasm/services.h"
#endif
#if __has_include("ntwasm/waitchain.h")
#include "ntwasm/waitchain.h"
#endif
#if __has_include("threadpoolapiset.h")
#include "threadpoolapiset.h"
#endif
#include "ntwasm/abi.h"

#endif /* NTWASM_WINDOWS_H */
