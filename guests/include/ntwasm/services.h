/*
 * ntwasm services (docs/services.md): door-like calls between processes. A server creates a named
 * service (SvcCreate) and accepts requests (SvcAccept, SvcRead, SvcWrite, SvcReply); a client opens it
 * (SvcOpen) and calls it (SvcCall, SvcCallEx, SvcCallAsync + SvcFinish). <windows.h> includes this file
 * before ntwasm/abi.h, which declares those functions and defines the SVC_* rights and limits
 * (abi/constants.ts). Layouts are those of a 32-bit (wasm32) program.
 */
#ifndef NTWASM_SERVICES_H
#define NTWASM_SERVICES_H

#ifdef __cplusplus
extern "C" {
#endif

/* What a call sends: Input is copied when the call starts; Output receives the bytes the server wrote. */
typedef struct _SVC_CALL {
  LPCVOID Input;
  DWORD InputSize;
  LPVOID Output;
  DWORD OutputSize;
  ULONG_PTR Argument;    /* a small inline value the server sees in SVC_REQUEST_INFO */
  DWORD HandleCount;     /* at most SVC_MAX_HANDLES (8) */
  HANDLE Handles[8];     /* duplicated into the server's process when it accepts the call */
} SVC_CALL, *PSVC_CALL;

/* What a call returns: SvcReply's dwStatus and Result, and the highest offset + length the server wrote. */
typedef struct _SVC_RESULT {
  DWORD Status;
  ULONG_PTR Result;
  DWORD BytesWritten;
} SVC_RESULT, *PSVC_RESULT;

/* What SvcAccept tells the server about a request. */
typedef struct _SVC_REQUEST_INFO {
  DWORD ProcessId;       /* the caller's */
  DWORD ThreadId;
  ULONG_PTR Argument;
  DWORD InputSize;
  DWORD OutputSize;
  DWORD HandleCount;
  HANDLE Handles[8];     /* the call's handles, already duplicated into this process (same access) */
} SVC_REQUEST_INFO, *PSVC_REQUEST_INFO;

_Static_assert(sizeof(SVC_CALL) == 56, "SVC_CALL is 56 bytes");
_Static_assert(sizeof(SVC_RESULT) == 12, "SVC_RESULT is 12 bytes");
_Static_assert(sizeof(SVC_REQUEST_INFO) == 56, "SVC_REQUEST_INFO is 56 bytes");

#ifdef __cplusplus
}
#endif

#endif /* NTWASM_SERVICES_H */
