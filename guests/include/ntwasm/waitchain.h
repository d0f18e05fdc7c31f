/*
 * ntwasm wait chains (docs/debugging.md): NtwGetThreadWaitChain gives what a thread is blocked on and
 * who owns that, in the spirit of Windows' GetThreadWaitChain (Wait Chain Traversal). <windows.h>
 * includes this file before ntwasm/abi.h, which declares the function and defines the NTW_WCT_*
 * values (abi/constants.ts: Windows' WCT_OBJECT_TYPE and WCT_OBJECT_STATUS values where it has one).
 * Layouts are those of a 32-bit (wasm32) program.
 */
#ifndef NTWASM_WAITCHAIN_H
#define NTWASM_WAITCHAIN_H

#ifdef __cplusplus
extern "C" {
#endif

/* One node of a chain: a thread (ObjectType NTW_WCT_THREAD) or something a thread waits for. */
typedef struct _NTW_WAIT_NODE {
  DWORD ObjectType;      /* NTW_WCT_THREAD, NTW_WCT_MUTEX, NTW_WCT_CRITICAL_SECTION, NTW_WCT_EVENT... */
  DWORD ObjectStatus;    /* thread: NTW_WCT_STATUS_RUNNING / _BLOCKED; mutex, critical section: _OWNED / _NOT_OWNED / _ABANDONED; else _UNKNOWN */
  DWORD ProcessId;       /* thread: its process; object: its owner's process (0: no owner) */
  DWORD ThreadId;        /* thread: its id; object: its owner (a mutex's, a critical section's), 0 when none */
  DWORD Timeout;         /* thread: milliseconds its wait has left, INFINITE when it has no end */
  DWORD Flags;           /* NTW_WCT_FLAG_* */
  HANDLE Handle;         /* object: a handle to it in the waiting thread's process, NULL when it has none */
  ULONG_PTR Address;     /* object: the address of a user-mode lock (CRITICAL_SECTION, SRWLOCK, ...), else 0 */
  WCHAR ObjectName[64];  /* object: its name, truncated, NUL-terminated; L"" when unnamed */
} NTW_WAIT_NODE, *PNTW_WAIT_NODE;

_Static_assert(sizeof(NTW_WAIT_NODE) == 160, "NTW_WAIT_NODE is 160 bytes (NTW_WCT_NODE_SIZE)");

#ifdef __cplusplus
}
#endif

#endif /* NTWASM_WAITCHAIN_H */
