// What usermode.wasm imports. It has no state of its own: every lock lives in guest memory, and the
// only per-thread value, the calling thread's id, is an imported mutable global: one runtime instance
// serves the threads of one process on one worker, which sets it at each thread start. See
// docs/architecture.md, "The user-mode runtime".

/** GetCurrentThreadId() of the thread this instance serves (CRITICAL_SECTION.OwningThread). */
// @ts-ignore: decorator
@external("env", "threadId") export declare let threadId: u32;

// The kernel's keyed waits (kernel/win32/usermode.ts), bound straight to the thread's kernel instance.
/**
 * Queues the thread on `address`: STATUS_SUCCESS, or STATUS_NO_MEMORY. `kind` (NTW_LOCK_*), `lock` (its
 * address as the program knows it) and `owner` (the thread id seen owning it, 0: unknown) are for
 * wait chains and deadlock reports only.
 */
// @ts-ignore: decorator
@external("kernel", "ntw_keyed_prepare") export declare function keyedPrepare(address: usize, kind: u32, lock: usize, owner: u32): u32;
/** Sleeps in the prepared wait: STATUS_WAIT_0 or STATUS_TIMEOUT. */
// @ts-ignore: decorator
@external("kernel", "ntw_keyed_commit") export declare function keyedCommit(timeoutMs: u32): u32;
/** Withdraws the prepared wait. */
// @ts-ignore: decorator
@external("kernel", "ntw_keyed_cancel") export declare function keyedCancel(address: usize): void;
/** Wakes one waiter (all = 0) or every waiter on `address`. */
// @ts-ignore: decorator
@external("kernel", "ntw_keyed_wake") export declare function keyedWake(address: usize, all: i32): void;
/** ReleaseSemaphore without its out parameter: BOOL in the low 32 bits, the previous count in the high. */
// @ts-ignore: decorator
@external("kernel", "ntw_release_semaphore") export declare function releaseSemaphore(h: u32, n: i32): i64;
/**
 * GetQueuedCompletionStatus without its out parameters (kernel/win32/iocompletion.ts): the low 32 bits 0
 * (nothing taken), 1 (TRUE) or 2 (FALSE, a packet with an error status), the high 32 its lpOverlapped.
 */
// @ts-ignore: decorator
@external("kernel", "ntw_iocp_get") export declare function iocpGet(port: u32, ms: u32): i64;
/** The packet ntw_iocp_get took: its key in the low 32 bits, its byte count in the high 32. */
// @ts-ignore: decorator
@external("kernel", "ntw_iocp_last") export declare function iocpLast(): i64;
// @ts-ignore: decorator
@external("kernel", "SetLastError") export declare function SetLastError(error: u32): void;

/** Calls guest function-table entry `fn` as fn(once, param, context) → BOOL (host/usermode.ts). */
// @ts-ignore: decorator
@external("host", "callInitFn") export declare function callInitFn(fn: u32, once: usize, param: usize, context: usize): i32;

// The few ABI values the runtime needs (abi/constants.ts; test/usermode-invariants.test.ts checks
// them against the generated table, since importing kernel/generated would pull in the kernel).
export const STATUS_SUCCESS: u32 = 0;
export const STATUS_TIMEOUT: u32 = 0x102;
export const ERROR_INVALID_PARAMETER: u32 = 87;
export const ERROR_NOT_ENOUGH_MEMORY: u32 = 8;
export const ERROR_GEN_FAILURE: u32 = 31;
export const ERROR_NOACCESS: u32 = 998;
export const ERROR_TIMEOUT: u32 = 1460;
export const INFINITE: u32 = 0xffffffff;
export const CONDITION_VARIABLE_LOCKMODE_SHARED: u32 = 1;
export const NTW_LOCK_ADDRESS: u32 = 0;
export const NTW_LOCK_CRITICAL_SECTION: u32 = 1;
export const NTW_LOCK_SRWLOCK: u32 = 2;
export const NTW_LOCK_CONDITION_VARIABLE: u32 = 3;
export const NTW_LOCK_INIT_ONCE: u32 = 4;
export const NTW_LOCK_BARRIER: u32 = 5;
