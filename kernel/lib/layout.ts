// Plain numeric constants of the kernel's records, in a module that imports nothing: the object
// files import each other in cycles, and AssemblyScript needs such constants declared up front.

/** ObjectHeader.flags: part of the namespace skeleton, never freed. */
export const OBJ_PERMANENT: u32 = 1;
/**
 * ObjectHeader.flags of a File object opened for synchronous I/O (CreatePipe's ends, CreateFile and
 * CreateNamedPipe without FILE_FLAG_OVERLAPPED): I/O calls on it wait, also with an OVERLAPPED or an
 * Event (nt/io.ts, host/syscalls/overlapped.ts). NtCreateFile's FILE_SYNCHRONOUS_IO_* set it too.
 */
export const OBJ_SYNC_IO: u32 = 2;
/** ObjectHeader.flags: seen earlier in the handle array of the wait-all being set up (nt/wait.ts). */
export const OBJ_WAITMARK: u32 = 0x80000000;

export const THREAD_ALIVE: u32 = 0;
export const THREAD_EXITED: u32 = 1;
/** Thread.killed: 0 running, then termination requested, then unwinding back to the worker. */
export const KILL_REQUESTED: u32 = 1;
export const KILL_UNWINDING: u32 = 2;
export const PROCESS_ALIVE: u32 = 0;
export const PROCESS_EXITED: u32 = 1;

/** Bytes a guest pointer argument may bring into the kernel in one call (names up to 32,767 chars). */
export const SCRATCH_SIZE: usize = 0x14000;
export const WAIT_ENTRY_SIZE: usize = 20;
/** Deferred wakes one critical section can record before it wakes the rest directly. */
export const MAX_PENDING: u32 = 64;
export const HANDLE_ENTRY_SIZE: usize = 12;
/** Windows' per-process limit is 2^24 handles; a handle table never grows past it (lib/quota.ts may set a lower one). */
export const MAX_HANDLES: u32 = 1 << 24;

/** Thread-local storage: TLS_MINIMUM_AVAILABLE (64) + TLS_EXPANSION_SLOTS (1024), as on Windows. */
export const TLS_SLOTS: u32 = 1088;
export const TLS_BYTES: usize = <usize>TLS_SLOTS * 4;
/** A guest stack the host carved for a thread, kept for reuse when the thread ends. */
export const STACK_RECORD_SIZE: usize = 12; // [next, base, size]

/** Thread.waitStatus while the wait is queued. No NTSTATUS has this value. */
export const WAIT_PENDING: u32 = 0xffffffff;

/** Thread.blocked: not blocked, asleep in a wait (ob/wait.ts sleepLocked), held by SuspendThread at a kernel entry. */
export const BLOCKED_NONE: u32 = 0;
export const BLOCKED_WAIT: u32 = 1;
export const BLOCKED_SUSPENDED: u32 = 2;

/** Thread.wake: 0 waiting or spinning, 2 asleep in atomic.wait, 1 woken. */
export const WAKE_IDLE: i32 = 0;
export const WAKE_WOKEN: i32 = 1;
export const WAKE_ASLEEP: i32 = 2;
