/*
 * ntwasm's <threadpoolapiset.h>: the Windows thread pool's types (winnt.h's TP_* types, the callback
 * environment and its winbase.h inline setters). The functions themselves are declared in the
 * generated ntwasm/abi.h (abi/crt/threadpool.ts); the C runtime implements them in user mode
 * (guests/c/runtime/kernel32/threadpool.c and neighbours, docs/guests.md "Thread pool").
 * <windows.h> includes this file before ntwasm/abi.h; a program may also include it on its own.
 */
#ifndef NTWASM_WINDOWS_H
#include <windows.h> /* includes this file again, at the point where its types are needed */
#elif !defined(NTWASM_THREADPOOLAPISET_H)
#define NTWASM_THREADPOOLAPISET_H

#ifdef __cplusplus
extern "C" {
#endif

typedef DWORD TP_VERSION, *PTP_VERSION;
typedef struct _TP_CALLBACK_INSTANCE TP_CALLBACK_INSTANCE, *PTP_CALLBACK_INSTANCE;
typedef VOID (NTAPI *PTP_SIMPLE_CALLBACK)(PTP_CALLBACK_INSTANCE Instance, PVOID Context);
typedef struct _TP_POOL TP_POOL, *PTP_POOL;

typedef enum _TP_CALLBACK_PRIORITY {
  TP_CALLBACK_PRIORITY_HIGH,
  TP_CALLBACK_PRIORITY_NORMAL,
  TP_CALLBACK_PRIORITY_LOW,
  TP_CALLBACK_PRIORITY_INVALID,
  TP_CALLBACK_PRIORITY_COUNT = TP_CALLBACK_PRIORITY_INVALID
} TP_CALLBACK_PRIORITY;

typedef struct _TP_POOL_STACK_INFORMATION {
  SIZE_T StackReserve;
  SIZE_T StackCommit;
} TP_POOL_STACK_INFORMATION, *PTP_POOL_STACK_INFORMATION;

typedef struct _TP_CLEANUP_GROUP TP_CLEANUP_GROUP, *PTP_CLEANUP_GROUP;
typedef VOID (NTAPI *PTP_CLEANUP_GROUP_CANCEL_CALLBACK)(PVOID ObjectContext, PVOID CleanupContext);

/* Version 3 (Windows 7 and later): 40 bytes on 32-bit Windows. */
typedef struct _TP_CALLBACK_ENVIRON_V3 {
  TP_VERSION Version;
  PTP_POOL Pool;
  PTP_CLEANUP_GROUP CleanupGroup;
  PTP_CLEANUP_GROUP_CANCEL_CALLBACK CleanupGroupCancelCallback;
  PVOID RaceDll;
  struct _ACTIVATION_CONTEXT *ActivationContext;
  PTP_SIMPLE_CALLBACK FinalizationCallback;
  union {
    DWORD Flags;
    struct {
      DWORD LongFunction : 1;
      DWORD Persistent : 1;
      DWORD Private : 30;
    } s;
  } u;
  TP_CALLBACK_PRIORITY CallbackPriority;
  DWORD Size;
} TP_CALLBACK_ENVIRON_V3, TP_CALLBACK_ENVIRON, *PTP_CALLBACK_ENVIRON;
_Static_assert(sizeof(TP_CALLBACK_ENVIRON) == 40, "TP_CALLBACK_ENVIRON_V3 is 40 bytes on 32-bit Windows");

typedef struct _TP_WORK TP_WORK, *PTP_WORK;
typedef VOID (NTAPI *PTP_WORK_CALLBACK)(PTP_CALLBACK_INSTANCE Instance, PVOID Context, PTP_WORK Work);
typedef struct _TP_TIMER TP_TIMER, *PTP_TIMER;
typedef VOID (NTAPI *PTP_TIMER_CALLBACK)(PTP_CALLBACK_INSTANCE Instance, PVOID Context, PTP_TIMER Timer);
typedef DWORD TP_WAIT_RESULT;
typedef struct _TP_WAIT TP_WAIT, *PTP_WAIT;
typedef VOID (NTAPI *PTP_WAIT_CALLBACK)(PTP_CALLBACK_INSTANCE Instance, PVOID Context, PTP_WAIT Wait, TP_WAIT_RESULT WaitResult);
typedef struct _TP_IO TP_IO, *PTP_IO;
typedef VOID (WINAPI *PTP_WIN32_IO_CALLBACK)(PTP_CALLBACK_INSTANCE Instance, PVOID Context, PVOID Overlapped, ULONG IoResult,
                                             ULONG_PTR NumberOfBytesTransferred, PTP_IO Io);

/* winnt.h's inline callback-environment setters (the Tp forms) and winbase.h's names for them. */
static __inline VOID TpInitializeCallbackEnviron(PTP_CALLBACK_ENVIRON cbe) {
  cbe->Version = 3;
  cbe->Pool = NULL;
  cbe->CleanupGroup = NULL;
  cbe->CleanupGroupCancelCallback = NULL;
  cbe->RaceDll = NULL;
  cbe->ActivationContext = NULL;
  cbe->FinalizationCallback = NULL;
  cbe->u.Flags = 0;
  cbe->CallbackPriority = TP_CALLBACK_PRIORITY_NORMAL;
  cbe->Size = sizeof(TP_CALLBACK_ENVIRON);
}
static __inline VOID TpSetCallbackThreadpool(PTP_CALLBACK_ENVIRON cbe, PTP_POOL pool) { cbe->Pool = pool; }
static __inline VOID TpSetCallbackCleanupGroup(PTP_CALLBACK_ENVIRON cbe, PTP_CLEANUP_GROUP group,
                                               PTP_CLEANUP_GROUP_CANCEL_CALLBACK cancel) {
  cbe->CleanupGroup = group;
  cbe->CleanupGroupCancelCallback = cancel;
}
static __inline VOID TpSetCallbackActivationContext(PTP_CALLBACK_ENVIRON cbe, struct _ACTIVATION_CONTEXT *actx) {
  cbe->ActivationContext = actx;
}
static __inline VOID TpSetCallbackNoActivationContext(PTP_CALLBACK_ENVIRON cbe) {
  cbe->ActivationContext = (struct _ACTIVATION_CONTEXT *)(LONG_PTR)-1;
}
static __inline VOID TpSetCallbackLongFunction(PTP_CALLBACK_ENVIRON cbe) { cbe->u.s.LongFunction = 1; }
static __inline VOID TpSetCallbackRaceWithDll(PTP_CALLBACK_ENVIRON cbe, PVOID h) { cbe->RaceDll = h; }
static __inline VOID TpSetCallbackFinalizationCallback(PTP_CALLBACK_ENVIRON cbe, PTP_SIMPLE_CALLBACK fini) {
  cbe->FinalizationCallback = fini;
}
static __inline VOID TpSetCallbackPriority(PTP_CALLBACK_ENVIRON cbe, TP_CALLBACK_PRIORITY prio) { cbe->CallbackPriority = prio; }
static __inline VOID TpSetCallbackPersistent(PTP_CALLBACK_ENVIRON cbe) { cbe->u.s.Persistent = 1; }
static __inline VOID TpDestroyCallbackEnviron(PTP_CALLBACK_ENVIRON cbe) { (void)cbe; }

static __inline VOID InitializeThreadpoolEnvironment(PTP_CALLBACK_ENVIRON pcbe) { TpInitializeCallbackEnviron(pcbe); }
static __inline VOID SetThreadpoolCallbackPool(PTP_CALLBACK_ENVIRON pcbe, PTP_POOL ptpp) { TpSetCallbackThreadpool(pcbe, ptpp); }
static __inline VOID SetThreadpoolCallbackCleanupGroup(PTP_CALLBACK_ENVIRON pcbe, PTP_CLEANUP_GROUP ptpcg,
                                                       PTP_CLEANUP_GROUP_CANCEL_CALLBACK pfng) {
  TpSetCallbackCleanupGroup(pcbe, ptpcg, pfng);
}
static __inline VOID SetThreadpoolCallbackRunsLong(PTP_CALLBACK_ENVIRON pcbe) { TpSetCallbackLongFunction(pcbe); }
static __inline VOID SetThreadpoolCallbackLibrary(PTP_CALLBACK_ENVIRON pcbe, PVOID mod) { TpSetCallbackRaceWithDll(pcbe, mod); }
static __inline VOID SetThreadpoolCallbackPriority(PTP_CALLBACK_ENVIRON pcbe, TP_CALLBACK_PRIORITY Priority) {
  TpSetCallbackPriority(pcbe, Priority);
}
static __inline VOID SetThreadpoolCallbackPersistent(PTP_CALLBACK_ENVIRON pcbe) { TpSetCallbackPersistent(pcbe); }
static __inline VOID DestroyThreadpoolEnvironment(PTP_CALLBACK_ENVIRON pcbe) { TpDestroyCallbackEnviron(pcbe); }

#ifdef __cplusplus
}
#endif

#include "threadpoollegacyapiset.h"
#endif /* NTWASM_THREADPOOLAPISET_H */
