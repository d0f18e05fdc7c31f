// C-runtime kernel32 functions: the Windows thread pool and timer queues (issue 15 item 4), in user mode
// like ntdll's Tp* functions: guests/c/runtime/kernel32/threadpool.c (pools, work, callbacks, cleanup
// groups), tptimer.c, tpwait.c, tpio.c, timerqueue.c, registerwait.c. Types: guests/include/threadpoolapiset.h.
// See abi/crt/types.ts and docs/guests.md "Thread pool".
import { crt, type CrtFunction } from "./types.ts";

const pool = "kernel32/threadpool.c";
const timer = "kernel32/tptimer.c";
const wait = "kernel32/tpwait.c";
const io = "kernel32/tpio.c";
const tq = "kernel32/timerqueue.c";
const rw = "kernel32/registerwait.c";
const env = "PTP_CALLBACK_ENVIRON pcbe";
const waitDoc = (what: string) =>
  `Waits until no callback of the ${what} is queued or running (DisassociateCurrentThreadFromCallback ends one early); ` +
  "fCancelPendingCallbacks first drops the queued ones, which then never run. Not from the object's own callback.";

export const THREADPOOL: CrtFunction[] = [
  // --- pools ---
  crt("CreateThreadpool", "PTP_POOL", "PVOID reserved", pool,
    "A private pool: worker threads start on demand (one at a time while callbacks wait and no worker is idle) up to " +
    "its maximum (500), and one idle for 5 s ends unless the pool is at its minimum (0). An idle worker spins about " +
    "150 us before it sleeps, so a callback submitted meanwhile starts without a kernel call."),
  crt("CloseThreadpool", "VOID", "PTP_POOL ptpp", pool,
    "Releases the pool: its threads end once no object or queued callback uses it (objects keep it alive)."),
  crt("SetThreadpoolThreadMaximum", "VOID", "PTP_POOL ptpp, DWORD cthrdMost", pool,
    "The most worker threads (at least 1); the minimum drops to it when higher."),
  crt("SetThreadpoolThreadMinimum", "BOOL", "PTP_POOL ptpp, DWORD cthrdMic", pool,
    "Starts workers until cthrdMic exist and keeps them (idle ones do not end); the maximum rises to it when lower. " +
    "FALSE with the CreateThread error when a thread cannot start."),
  // --- cleanup groups ---
  crt("CreateThreadpoolCleanupGroup", "PTP_CLEANUP_GROUP", "", pool,
    "A cleanup group: objects created with an environment naming it (SetThreadpoolCallbackCleanupGroup) are its members."),
  crt("CloseThreadpoolCleanupGroupMembers", "VOID", "PTP_CLEANUP_GROUP ptpcg, BOOL fCancelPendingCallbacks, PVOID pvCleanupContext", pool,
    "Closes every member (works, timers, waits, I/O objects, TrySubmitThreadpoolCallback callbacks not yet run): " +
    "stops its timer or wait, drops its queued callbacks when fCancelPendingCallbacks, waits for its callbacks, then " +
    "(fCancelPendingCallbacks) calls the environment's cancel callback (object context, pvCleanupContext). The members " +
    "must not be closed again."),
  crt("CloseThreadpoolCleanupGroup", "VOID", "PTP_CLEANUP_GROUP ptpcg", pool, "Frees the group (close its members first)."),
  // --- work and simple callbacks ---
  crt("TrySubmitThreadpoolCallback", "BOOL", `PTP_SIMPLE_CALLBACK pfns, PVOID pv, ${env}`, pool,
    "Queues pfns(instance, pv) once on the environment's pool (NULL: the process's default pool; the environment's " +
    "priority, cleanup group and long-function flag apply). FALSE with ERROR_INVALID_PARAMETER for a NULL callback."),
  crt("QueueUserWorkItem", "BOOL", "LPTHREAD_START_ROUTINE Function, PVOID Context, ULONG Flags", pool,
    "Queues Function(Context) on the default pool (WT_EXECUTELONGFUNCTION marks it long; the other WT_ flags change " +
    "nothing here). FALSE with ERROR_INVALID_PARAMETER for a NULL function."),
  crt("CreateThreadpoolWork", "PTP_WORK", `PTP_WORK_CALLBACK pfnwk, PVOID pv, ${env}`, pool,
    "A work object; NULL with ERROR_INVALID_PARAMETER for a NULL callback or an environment whose Version is not 1 or 3."),
  crt("SubmitThreadpoolWork", "VOID", "PTP_WORK pwk", pool,
    "Queues one more call of the work's callback: n submits, n calls (they may run at the same time)."),
  crt("WaitForThreadpoolWorkCallbacks", "VOID", "PTP_WORK pwk, BOOL fCancelPendingCallbacks", pool, waitDoc("work object")),
  crt("CloseThreadpoolWork", "VOID", "PTP_WORK pwk", pool,
    "Releases the work object; queued callbacks still run, and it is freed after the last one."),
  // --- callback instance ---
  crt("SetEventWhenCallbackReturns", "VOID", "PTP_CALLBACK_INSTANCE pci, HANDLE evt", pool,
    "SetEvent(evt) once the callback returns, before it counts as finished for WaitFor*Callbacks."),
  crt("ReleaseSemaphoreWhenCallbackReturns", "VOID", "PTP_CALLBACK_INSTANCE pci, HANDLE sem, DWORD crel", pool,
    "ReleaseSemaphore(sem, crel) once the callback returns."),
  crt("ReleaseMutexWhenCallbackReturns", "VOID", "PTP_CALLBACK_INSTANCE pci, HANDLE mut", pool,
    "ReleaseMutex(mut) once the callback returns (the mutex must be owned by the callback's thread)."),
  crt("LeaveCriticalSectionWhenCallbackReturns", "VOID", "PTP_CALLBACK_INSTANCE pci, PCRITICAL_SECTION pcs", pool,
    "LeaveCriticalSection(pcs) once the callback returns. The actions run in the order critical section, mutex, " +
    "semaphore, event, library."),
  crt("FreeLibraryWhenCallbackReturns", "VOID", "PTP_CALLBACK_INSTANCE pci, HMODULE mod", pool,
    "FreeLibrary(mod) once the callback returns."),
  crt("CallbackMayRunLong", "BOOL", "PTP_CALLBACK_INSTANCE pci", pool,
    "TRUE when another callback of the pool can still start: an idle worker exists or a new one was started; FALSE " +
    "when the pool is at its maximum and no worker is idle."),
  crt("DisassociateCurrentThreadFromCallback", "VOID", "PTP_CALLBACK_INSTANCE pci", pool,
    "From now on the running callback no longer counts for WaitFor*Callbacks and cleanup groups (its object may " +
    "even be closed); the ...WhenCallbackReturns actions still run when it returns."),
  // --- timers ---
  crt("CreateThreadpoolTimer", "PTP_TIMER", `PTP_TIMER_CALLBACK pfnti, PVOID pv, ${env}`, timer,
    "A timer object (not yet set). One timer thread per process waits for the earliest due time and queues the " +
    "callbacks to their pools. NULL with ERROR_INVALID_PARAMETER for a NULL callback."),
  crt("SetThreadpoolTimer", "VOID", "PTP_TIMER pti, PFILETIME pftDueTime, DWORD msPeriod, DWORD msWindowLength", timer,
    "Sets the timer: *pftDueTime negative is relative (100 ns units), positive an absolute UTC FILETIME, 0 now; then " +
    "every msPeriod ms (0: once). NULL stops it (callbacks already queued still run). msWindowLength is accepted and " +
    "ignored (no coalescing)."),
  crt("SetThreadpoolTimerEx", "BOOL", "PTP_TIMER pti, PFILETIME pftDueTime, DWORD msPeriod, DWORD msWindowLength", timer,
    "SetThreadpoolTimer; TRUE when the timer was set before (its next expiry was cancelled)."),
  crt("IsThreadpoolTimerSet", "BOOL", "PTP_TIMER pti", timer,
    "TRUE while the timer is set: a one-shot timer is no longer set once it has expired."),
  crt("WaitForThreadpoolTimerCallbacks", "VOID", "PTP_TIMER pti, BOOL fCancelPendingCallbacks", timer,
    waitDoc("timer") + " The timer stays set."),
  crt("CloseThreadpoolTimer", "VOID", "PTP_TIMER pti", timer,
    "Stops and releases the timer; queued callbacks still run, and it is freed after the last one."),
  // --- waits ---
  crt("CreateThreadpoolWait", "PTP_WAIT", `PTP_WAIT_CALLBACK pfnwa, PVOID pv, ${env}`, wait,
    "A wait object. Wait threads (each waits for up to 63 objects with WaitForMultipleObjects) queue the callbacks."),
  crt("SetThreadpoolWait", "VOID", "PTP_WAIT pwa, HANDLE h, PFILETIME pftTimeout", wait,
    "Waits once for h: the callback gets WAIT_OBJECT_0 when it is signaled (an abandoned mutex counts as signaled), " +
    "WAIT_TIMEOUT when *pftTimeout (relative when negative, absolute UTC when positive, 0: test now; NULL: never) " +
    "passes first. Call it again to wait again. h NULL stops the wait (queued callbacks still run). A handle that " +
    "cannot be waited for ends the wait without a callback."),
  crt("SetThreadpoolWaitEx", "BOOL", "PTP_WAIT pwa, HANDLE h, PFILETIME pftTimeout, PVOID Reserved", wait,
    "SetThreadpoolWait; TRUE when a wait was active and is now replaced or stopped."),
  crt("WaitForThreadpoolWaitCallbacks", "VOID", "PTP_WAIT pwa, BOOL fCancelPendingCallbacks", wait, waitDoc("wait object")),
  crt("CloseThreadpoolWait", "VOID", "PTP_WAIT pwa", wait,
    "Stops the wait and releases the object; queued callbacks still run, and it is freed after the last one."),
  // --- I/O ---
  crt("CreateThreadpoolIo", "PTP_IO", `HANDLE fl, PTP_WIN32_IO_CALLBACK pfnio, PVOID pv, ${env}`, io,
    "An I/O object for a handle opened for overlapped I/O: associates it with the process's thread-pool completion " +
    "port (CreateIoCompletionPort), so its completions become callbacks (instance, pv, lpOverlapped, error code, " +
    "bytes, io). NULL with CreateIoCompletionPort's error (ERROR_INVALID_PARAMETER for a handle already associated)."),
  crt("StartThreadpoolIo", "VOID", "PTP_IO pio", io,
    "Call before each overlapped operation on the handle: one completion is expected (others are dropped)."),
  crt("CancelThreadpoolIo", "VOID", "PTP_IO pio", io,
    "Takes back one StartThreadpoolIo, for an operation that failed at once (or succeeded with " +
    "FILE_SKIP_COMPLETION_PORT_ON_SUCCESS)."),
  crt("WaitForThreadpoolIoCallbacks", "VOID", "PTP_IO pio, BOOL fCancelPendingCallbacks", io,
    waitDoc("I/O object") + " Operations still in flight are not waited for."),
  crt("CloseThreadpoolIo", "VOID", "PTP_IO pio", io,
    "Releases the I/O object; completions already queued still call back, later ones are dropped."),
  // --- RegisterWaitForSingleObject ---
  crt("RegisterWaitForSingleObject", "BOOL", "PHANDLE phNewWaitObject, HANDLE hObject, WAITORTIMERCALLBACK Callback, " +
    "PVOID Context, ULONG dwMilliseconds, ULONG dwFlags", rw,
    "Calls Callback(Context, FALSE) each time hObject is signaled and Callback(Context, TRUE) each time dwMilliseconds " +
    "pass first (INFINITE: never), until UnregisterWait; WT_EXECUTEONLYONCE: one call only; WT_EXECUTEINWAITTHREAD: " +
    "in the wait thread itself (the others on the default pool); WT_EXECUTELONGFUNCTION marks them long. " +
    "*phNewWaitObject is not a kernel handle. FALSE with ERROR_INVALID_PARAMETER for a NULL pointer or callback."),
  crt("UnregisterWait", "BOOL", "HANDLE WaitHandle", rw,
    "UnregisterWaitEx(WaitHandle, NULL)."),
  crt("UnregisterWaitEx", "BOOL", "HANDLE WaitHandle, HANDLE CompletionEvent", rw,
    "Ends the registration (also needed after WT_EXECUTEONLYONCE): queued callbacks still run. CompletionEvent " +
    "INVALID_HANDLE_VALUE waits for them and returns TRUE; NULL or an event (set once they are done) returns FALSE " +
    "with ERROR_IO_PENDING while callbacks are outstanding, TRUE otherwise. ERROR_INVALID_HANDLE for NULL."),
  // --- timer queues ---
  crt("CreateTimerQueue", "HANDLE", "", tq,
    "A timer queue (not a kernel handle). Its timers share the thread pool's timer thread."),
  crt("CreateTimerQueueTimer", "BOOL", "PHANDLE phNewTimer, HANDLE TimerQueue, WAITORTIMERCALLBACK Callback, PVOID Parameter, " +
    "DWORD DueTime, DWORD Period, ULONG Flags", tq,
    "Calls Callback(Parameter, TRUE) after DueTime ms, then every Period ms (0: once) on the default pool; " +
    "WT_EXECUTEINTIMERTHREAD in the timer thread; WT_EXECUTEONLYONCE ignores Period. TimerQueue NULL: the default " +
    "queue. FALSE with ERROR_INVALID_PARAMETER for a NULL pointer or callback, ERROR_INVALID_HANDLE for a deleted queue."),
  crt("ChangeTimerQueueTimer", "BOOL", "HANDLE TimerQueue, HANDLE Timer, ULONG DueTime, ULONG Period", tq,
    "Sets the timer again: first call after DueTime ms, then every Period ms. A one-shot timer that has expired " +
    "stays expired (TRUE, no call), as Wine's tests record for Windows. ERROR_INVALID_PARAMETER for a NULL or deleted timer."),
  crt("DeleteTimerQueueTimer", "BOOL", "HANDLE TimerQueue, HANDLE Timer, HANDLE CompletionEvent", tq,
    "Stops and deletes the timer; queued callbacks still run. CompletionEvent INVALID_HANDLE_VALUE waits for its " +
    "callbacks (TRUE); NULL or an event (set when they are done) returns FALSE with ERROR_IO_PENDING while callbacks " +
    "are queued or running, TRUE otherwise. ERROR_INVALID_PARAMETER for a NULL timer."),
  crt("DeleteTimerQueueEx", "BOOL", "HANDLE TimerQueue, HANDLE CompletionEvent", tq,
    "Deletes every timer of the queue and the queue, with DeleteTimerQueueTimer's CompletionEvent rules for all their " +
    "callbacks together. ERROR_INVALID_HANDLE for NULL (the default queue cannot be deleted)."),
  crt("DeleteTimerQueue", "BOOL", "HANDLE TimerQueue", tq, "DeleteTimerQueueEx(TimerQueue, NULL)."),
];
