/*
 * ntwasm's <threadpoollegacyapiset.h>: the types and flags of the older thread pool calls
 * (QueueUserWorkItem, RegisterWaitForSingleObject, timer queues; winnt.h's WT_* flags). The functions
 * are declared in the generated ntwasm/abi.h (abi/crt/threadpool.ts). Included by <threadpoolapiset.h>.
 */
#ifndef NTWASM_WINDOWS_H
#include <windows.h>
#elif !defined(NTWASM_THREADPOOLLEGACYAPISET_H)
#define NTWASM_THREADPOOLLEGACYAPISET_H

typedef VOID (NTAPI *WAITORTIMERCALLBACKFUNC)(PVOID, BOOLEAN);
typedef WAITORTIMERCALLBACKFUNC WAITORTIMERCALLBACK;

#define WT_EXECUTEDEFAULT 0x00000000
#define WT_EXECUTEINIOTHREAD 0x00000001
#define WT_EXECUTEINUITHREAD 0x00000002
#define WT_EXECUTEINWAITTHREAD 0x00000004
#define WT_EXECUTEONLYONCE 0x00000008
#define WT_EXECUTEINTIMERTHREAD 0x00000020
#define WT_EXECUTELONGFUNCTION 0x00000010
#define WT_EXECUTEINPERSISTENTIOTHREAD 0x00000040
#define WT_EXECUTEINPERSISTENTTHREAD 0x00000080
#define WT_TRANSFER_IMPERSONATION 0x00000100
#define WT_SET_MAX_THREADPOOL_THREADS(Flags, Limit) ((Flags) |= (Limit) << 16)
#define WT_EXECUTEDELETEWAIT 0x00000008
#define WT_EXECUTEINLONGTHREAD 0x00000010

#endif /* NTWASM_THREADPOOLLEGACYAPISET_H */
