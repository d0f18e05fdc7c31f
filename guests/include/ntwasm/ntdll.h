/* The rest of the NT native API: the DDK's types (ntdef.h / wdm.h: EVENT_TYPE, WAIT_TYPE, the
   information classes) on top of <winternl.h>, and every ntdll call in ntwasm/abi.h that uses them.
   The Windows SDK has no such header: programs define these themselves, so <winternl.h> does not
   include this one. The NTSTATUS values (STATUS_*) come from ntwasm/abi.h (abi/constants.ts). */
#ifndef NTWASM_NTDLL_H
#define NTWASM_NTDLL_H
#include <winternl.h>

typedef enum _EVENT_TYPE { NotificationEvent, SynchronizationEvent } EVENT_TYPE;
typedef enum _WAIT_TYPE { WaitAll, WaitAny } WAIT_TYPE;
typedef enum _EVENT_INFORMATION_CLASS { EventBasicInformation } EVENT_INFORMATION_CLASS;
typedef enum _MUTANT_INFORMATION_CLASS { MutantBasicInformation } MUTANT_INFORMATION_CLASS;
typedef enum _SEMAPHORE_INFORMATION_CLASS { SemaphoreBasicInformation } SEMAPHORE_INFORMATION_CLASS;
typedef enum _TIMER_TYPE { NotificationTimer, SynchronizationTimer } TIMER_TYPE;
typedef enum _TIMER_INFORMATION_CLASS { TimerBasicInformation } TIMER_INFORMATION_CLASS;
typedef VOID (NTAPI *PTIMER_APC_ROUTINE)(PVOID TimerContext, ULONG TimerLowValue, LONG TimerHighValue);
/* NtQueueApcThread's routine (Wine's and the DDK's name) */
typedef VOID (NTAPI *PNTAPCFUNC)(ULONG_PTR ApcArgument1, ULONG_PTR ApcArgument2, ULONG_PTR ApcArgument3);

typedef struct _EVENT_BASIC_INFORMATION { EVENT_TYPE EventType; LONG EventState; } EVENT_BASIC_INFORMATION, *PEVENT_BASIC_INFORMATION;
typedef struct _MUTANT_BASIC_INFORMATION {
  LONG CurrentCount; /* 1 free, 0 held once, -n held n + 1 times */
  BOOLEAN OwnedByCaller;
  BOOLEAN AbandonedState;
} MUTANT_BASIC_INFORMATION, *PMUTANT_BASIC_INFORMATION;
typedef struct _TIMER_BASIC_INFORMATION {
  LARGE_INTEGER RemainingTime; /* 100 ns until it fires */
  BOOLEAN TimerState; /* signaled */
} TIMER_BASIC_INFORMATION, *PTIMER_BASIC_INFORMATION;
typedef struct _SEMAPHORE_BASIC_INFORMATION { ULONG CurrentCount; ULONG MaximumCount; } SEMAPHORE_BASIC_INFORMATION, *PSEMAPHORE_BASIC_INFORMATION;

#define DUPLICATE_SAME_ATTRIBUTES 0x00000004


#define NTWASM_NT_TYPES 1
#include "ntwasm/abi.h"
#endif /* NTWASM_NTDLL_H */
