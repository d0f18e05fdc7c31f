// User-mode synchronization on guest memory: critical sections, SRW locks, condition variables, one-time init, WaitOnAddress (issue 3), synchronization barriers.
// impl "user": usermode.wasm (usermode/) implements these on the guest's own memory; the uncontended
// path makes no kernel call, contention waits in the kernel through keyed waits (WaitOnAddress).
// Every object may be at any address, misaligned too (usermode/unaligned.ts).
import { call, i32, ptr, u32, type Entry } from "./params.ts";
import type { Param, Result } from "../types.ts";

const user = (nr: number, name: string, result: Result, params: Param[], doc: string): Entry =>
  call(nr, name, result, params, doc, { impl: "user" });
const cs = ptr("lpCriticalSection", "LPCRITICAL_SECTION");
const srw = ptr("SRWLock", "PSRWLOCK");
const cv = ptr("ConditionVariable", "PCONDITION_VARIABLE");

export const USERMODE: Entry[] = [
  // --- critical sections (200..) ---
  user(200, "InitializeCriticalSection", "void", [cs], "Initializes a 24-byte CRITICAL_SECTION in guest memory (spin count 0)."),
  user(201, "InitializeCriticalSectionAndSpinCount", "BOOL", [cs, u32("dwSpinCount")],
    "Initializes a critical section that spins dwSpinCount times before waiting in the kernel; always TRUE."),
  user(202, "InitializeCriticalSectionEx", "BOOL", [cs, u32("dwSpinCount"), u32("Flags")],
    "InitializeCriticalSectionAndSpinCount with flags (CRITICAL_SECTION_NO_DEBUG_INFO and the like are accepted)."),
  user(203, "EnterCriticalSection", "void", [cs],
    "Takes the critical section; recursive for its owner. Waits in the kernel only when another thread owns it."),
  user(204, "TryEnterCriticalSection", "BOOL", [cs], "Takes the critical section if it is free or already owned by the caller; never waits."),
  user(205, "LeaveCriticalSection", "void", [cs], "Releases one level of ownership; the last level wakes one waiter."),
  user(206, "DeleteCriticalSection", "void", [cs], "Resets a critical section that no thread owns or waits for."),
  user(207, "SetCriticalSectionSpinCount", "DWORD", [cs, u32("dwSpinCount")], "Sets the spin count; returns the previous one."),

  // --- slim reader/writer locks (210..) ---
  user(210, "InitializeSRWLock", "void", [srw], "Initializes a 4-byte SRWLOCK (the same as SRWLOCK_INIT, zero)."),
  user(211, "AcquireSRWLockExclusive", "void", [srw], "Takes the lock exclusively (not recursive)."),
  user(212, "ReleaseSRWLockExclusive", "void", [srw], "Releases an exclusive hold; wakes the waiters if there are any."),
  user(213, "AcquireSRWLockShared", "void", [srw],
    "Takes the lock shared: shared holders coexist; waits while a thread holds it exclusively or waits to."),
  user(214, "ReleaseSRWLockShared", "void", [srw], "Releases a shared hold; the last one out wakes the waiters."),
  user(215, "TryAcquireSRWLockExclusive", "BOOLEAN", [srw], "Takes the lock exclusively if it is free; never waits."),
  user(216, "TryAcquireSRWLockShared", "BOOLEAN", [srw], "Takes the lock shared if no thread holds it exclusively or waits to; never waits."),

  // --- condition variables (220..) ---
  user(220, "InitializeConditionVariable", "void", [cv], "Initializes a 4-byte CONDITION_VARIABLE (CONDITION_VARIABLE_INIT, zero)."),
  user(221, "SleepConditionVariableCS", "BOOL", [cv, cs, u32("dwMilliseconds")],
    "Leaves the critical section, waits for a wake or the timeout, enters it again; FALSE + ERROR_TIMEOUT on timeout."),
  user(222, "SleepConditionVariableSRW", "BOOL", [cv, srw, u32("dwMilliseconds"), u32("Flags", "ULONG")],
    "As SleepConditionVariableCS for an SRW lock held exclusively, or shared with CONDITION_VARIABLE_LOCKMODE_SHARED."),
  user(223, "WakeConditionVariable", "void", [cv], "Wakes one thread sleeping on the condition variable (no kernel call when none sleeps)."),
  user(224, "WakeAllConditionVariable", "void", [cv], "Wakes every thread sleeping on the condition variable."),

  // --- one-time initialization (228..) ---
  user(228, "InitOnceInitialize", "void", [ptr("InitOnce", "PINIT_ONCE")], "Initializes a 4-byte INIT_ONCE (INIT_ONCE_STATIC_INIT, zero)."),
  user(229, "InitOnceExecuteOnce", "BOOL", [ptr("InitOnce", "PINIT_ONCE"), ptr("InitFn", "PINIT_ONCE_FN"),
    ptr("Parameter", "PVOID"), ptr("Context", "LPVOID *")],
    "Calls InitFn(InitOnce, Parameter, Context) (a table index) once; concurrent callers wait for it. " +
    "Its context (low 2 bits clear) is returned in *Context. If InitFn fails, FALSE, and a later call tries again."),
  user(230, "InitOnceBeginInitialize", "BOOL", [ptr("lpInitOnce", "LPINIT_ONCE"), u32("dwFlags"), ptr("fPending", "PBOOL"),
    ptr("lpContext", "LPVOID *")],
    "Begins a one-time initialization: *fPending TRUE when the caller is to initialize (and call InitOnceComplete), " +
    "FALSE when it is done (its context in *lpContext). Synchronous callers wait while another one initializes; " +
    "INIT_ONCE_ASYNC callers all get TRUE while it is not done. INIT_ONCE_CHECK_ONLY never starts it: " +
    "ERROR_GEN_FAILURE until it is done. A flag that does not match the run in progress: ERROR_INVALID_PARAMETER."),
  user(231, "InitOnceComplete", "BOOL", [ptr("lpInitOnce", "LPINIT_ONCE"), u32("dwFlags"), ptr("lpContext", "LPVOID")],
    "Ends a run InitOnceBeginInitialize began: done with lpContext (low 2 bits clear), or, with INIT_ONCE_INIT_FAILED " +
    "(synchronous runs, lpContext NULL), not started again, so that a waiting or later caller runs it. " +
    "ERROR_GEN_FAILURE when nothing runs, also for the INIT_ONCE_ASYNC caller another one completed before."),

  // --- waiting on an address (234..) ---
  user(234, "WaitOnAddress", "BOOL", [ptr("Address", "volatile VOID *"), ptr("CompareAddress", "PVOID"),
    u32("AddressSize", "SIZE_T"), u32("dwMilliseconds")],
    "Waits while the 1, 2, 4 or 8 bytes at Address equal those at CompareAddress (TRUE at once if they differ); " +
    "FALSE + ERROR_TIMEOUT on timeout. Wakes may be spurious."),
  user(235, "WakeByAddressSingle", "void", [ptr("Address", "PVOID")], "Wakes one thread waiting on Address; lost if none waits."),
  user(236, "WakeByAddressAll", "void", [ptr("Address", "PVOID")], "Wakes every thread waiting on Address."),

  // --- synchronization barriers (240..) ---
  user(240, "InitializeSynchronizationBarrier", "BOOL", [ptr("lpBarrier", "LPSYNCHRONIZATION_BARRIER"),
    i32("lTotalThreads", "LONG"), i32("lSpinCount", "LONG")],
    "Initializes a 24-byte barrier for lTotalThreads threads per phase (ERROR_INVALID_PARAMETER below 1); " +
    "lSpinCount -1 is the default, 2000 spins before sleeping."),
  user(241, "EnterSynchronizationBarrier", "BOOL", [ptr("lpBarrier", "LPSYNCHRONIZATION_BARRIER"), u32("dwFlags")],
    "Waits until lTotalThreads threads have entered; TRUE for the last one of each phase, FALSE for the others. " +
    "Spins, then sleeps in the kernel; SYNCHRONIZATION_BARRIER_FLAGS_SPIN_ONLY only spins, _BLOCK_ONLY sleeps at once, " +
    "_NO_DELETE lets DeleteSynchronizationBarrier skip this thread."),
  user(242, "DeleteSynchronizationBarrier", "BOOL", [ptr("lpBarrier", "LPSYNCHRONIZATION_BARRIER")],
    "Waits until every thread has left EnterSynchronizationBarrier (except those that entered with _NO_DELETE); TRUE."),
];
