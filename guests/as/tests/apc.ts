// User APCs and alertable waits: QueueUserAPC, SleepEx, WaitForSingleObjectEx, WaitForMultipleObjectsEx
// and SignalObjectAndWait with bAlertable. Only alertable waits run APCs; all queued APCs run, in
// FIFO order, in one wait, which returns WAIT_IO_COMPLETION (also a wait-all); an APC queued to a
// thread blocked in an alertable wait ends it. Expected values follow Windows as documented and as
// Wine's kernel32/tests/sync.c and thread.c record it. Threads never allocate.
import {
  CloseHandle, CreateEventW, CreateThread, DuplicateHandle, ERROR_ACCESS_DENIED, ERROR_GEN_FAILURE, ERROR_INVALID_HANDLE,
  GetCurrentProcess, GetCurrentThread, GetCurrentThreadId, GetLastError, INFINITE, QueueUserAPC, ResetEvent, SetEvent, SetLastError,
  SignalObjectAndWait, Sleep, SleepEx, SYNCHRONIZE, THREAD_SET_CONTEXT, WaitForMultipleObjects, WaitForMultipleObjectsEx,
  WaitForSingleObject, WaitForSingleObjectEx, WAIT_IO_COMPLETION, WAIT_OBJECT_0, WAIT_TIMEOUT,
} from "../ntwasm";
import { done, eq, ok, shared } from "../lib/test";

const LONG: u32 = 10000;
const BAD: u32 = 0xdeadbee0;

// APC routines get one value: the address of an item [log, value, follow-up item] in shared memory,
// so a routine running on another thread (another instance, with its own globals) finds the log.
// The log: +0 count, +4 thread id of the last call, +8.. one value per call.
let logBase: usize = 0;

function record(item: u32): void {
  const log = <usize>load<u32>(item);
  const n = atomic.load<i32>(log);
  store<u32>(log + 8 + <usize>n * 4, load<u32>(item + 4));
  store<u32>(log + 4, GetCurrentThreadId());
  atomic.store<i32>(log, n + 1);
}

/** An APC that queues another one (its follow-up item) to its own thread. */
function requeue(item: u32): void {
  record(item);
  QueueUserAPC(record.index, GetCurrentThread(), load<u32>(item + 8));
}

function newLog(): usize {
  logBase = shared(8 + 64 * 4);
  return logBase;
}
function item(value: u32, next: usize = 0): u32 {
  const p = shared(12);
  store<u32>(p, <u32>logBase);
  store<u32>(p + 4, value);
  store<u32>(p + 8, <u32>next);
  return <u32>p;
}
function count(): i32 { return atomic.load<i32>(logBase); }
function entry(i: i32): u32 { return load<u32>(logBase + 8 + <usize>i * 4); }

export function test_apc_self_fifo(): i32 {
  newLog();
  const ev = CreateEventW(0, 1, 0, 0);
  for (let i: u32 = 1; i <= 5; i++) ok(QueueUserAPC(record.index, GetCurrentThread(), item(i)) != 0, "QueueUserAPC to self");
  Sleep(10);
  eq(SleepEx(0, 0), 0, "SleepEx(0, FALSE)");
  eq(SleepEx(10, 0), 0, "SleepEx(10, FALSE)");
  eq(WaitForSingleObject(ev, 10), WAIT_TIMEOUT, "WaitForSingleObject");
  eq(WaitForSingleObjectEx(ev, 10, 0), WAIT_TIMEOUT, "WaitForSingleObjectEx(FALSE)");
  eq(count(), 0, "non-alertable waits run no APC");
  eq(SleepEx(INFINITE, 1), WAIT_IO_COMPLETION, "SleepEx(INFINITE, TRUE) returns at once with WAIT_IO_COMPLETION");
  eq(count(), 5, "all queued APCs ran in that one wait");
  for (let i = 0; i < 5; i++) eq(entry(i), <u32>(i + 1), "FIFO order");
  eq(load<u32>(logBase + 4), GetCurrentThreadId(), "on the calling thread");
  eq(SleepEx(0, 1), 0, "nothing left: SleepEx(0, TRUE) returns 0");
  // An APC queued by an APC runs in the same wait.
  newLog();
  ok(QueueUserAPC(requeue.index, GetCurrentThread(), item(1, item(101))) != 0, "queue");
  eq(SleepEx(0, 1), WAIT_IO_COMPLETION, "SleepEx(0, TRUE) with an APC queued");
  eq(count(), 2, "the APC it queued ran too");
  eq(entry(1), 101, "after it");
  CloseHandle(ev);
  return done();
}

export function test_apc_alertable_waits_self(): i32 {
  newLog();
  const ev1 = CreateEventW(0, 1, 0, 0), ev2 = CreateEventW(0, 1, 0, 0);
  const hs = shared(8);
  store<u32>(hs, ev1); store<u32>(hs + 4, ev2);
  QueueUserAPC(record.index, GetCurrentThread(), item(1));
  eq(WaitForSingleObjectEx(ev1, LONG, 1), WAIT_IO_COMPLETION, "WaitForSingleObjectEx(TRUE)");
  eq(count(), 1, "ran");
  QueueUserAPC(record.index, GetCurrentThread(), item(2));
  eq(WaitForMultipleObjects(2, hs, 0, 10), WAIT_TIMEOUT, "WaitForMultipleObjects is not alertable");
  eq(WaitForMultipleObjectsEx(2, hs, 0, LONG, 1), WAIT_IO_COMPLETION, "WaitForMultipleObjectsEx any, alertable");
  eq(count(), 2, "ran");
  QueueUserAPC(record.index, GetCurrentThread(), item(3));
  SetEvent(ev1);
  eq(WaitForMultipleObjectsEx(2, hs, 1, LONG, 1), WAIT_IO_COMPLETION, "a wait-all returns WAIT_IO_COMPLETION too");
  eq(count(), 3, "ran");
  eq(WaitForSingleObject(ev1, 0), WAIT_OBJECT_0, "the wait-all took nothing");
  QueueUserAPC(record.index, GetCurrentThread(), item(4));
  eq(SignalObjectAndWait(ev2, ev2, LONG, 0), WAIT_OBJECT_0, "SignalObjectAndWait(FALSE) leaves the APC queued");
  eq(count(), 3, "not run");
  ResetEventBoth(ev1, ev2);
  eq(SignalObjectAndWait(ev1, ev2, LONG, 1), WAIT_IO_COMPLETION, "SignalObjectAndWait(TRUE)");
  eq(count(), 4, "ran");
  eq(WaitForSingleObject(ev1, 0), WAIT_OBJECT_0, "and it signaled first");
  eq(SleepEx(0, 1), 0, "nothing left");
  CloseHandle(ev1); CloseHandle(ev2);
  return done();
}

function ResetEventBoth(a: u32, b: u32): void { ResetEvent(a); ResetEvent(b); }

// An alertable waiter thread. Block: +0 kind (0 SleepEx, 1 WaitForSingleObjectEx, 2 wait-all Ex,
// 3 SignalObjectAndWait), +4 handle / handle array, +8 result, +12 ready, +16 own thread id,
// +20 second result (a plain wait after the alertable one), +24 signal handle.
function alertableWaiter(p: u32): u32 {
  store<u32>(p + 16, GetCurrentThreadId());
  atomic.store<i32>(p + 12, 1);
  let r: u32 = 0;
  switch (load<u32>(p)) {
    case 0: r = SleepEx(LONG, 1); break;
    case 1: r = WaitForSingleObjectEx(load<u32>(p + 4), LONG, 1); break;
    case 2: r = WaitForMultipleObjectsEx(2, load<u32>(p + 4), 1, LONG, 1); break;
    case 3: r = SignalObjectAndWait(load<u32>(p + 24), load<u32>(p + 4), LONG, 1); break;
  }
  atomic.store<u32>(p + 8, r);
  return 0;
}

function wakeByApc(kind: u32, h: u32, sig: u32, what: string): void {
  newLog();
  const p = shared(28);
  store<u32>(p, kind);
  store<u32>(p + 4, h);
  store<u32>(p + 24, sig);
  const t = CreateThread(0, 0, alertableWaiter.index, p, 0, 0);
  ok(t != 0, "CreateThread");
  while (atomic.load<i32>(p + 12) == 0) Sleep(1);
  Sleep(30); // let it block (if it has not, the APC ends its wait at once: same result)
  ok(QueueUserAPC(record.index, t, item(42)) != 0, "QueueUserAPC to a waiting thread");
  eq(WaitForSingleObject(t, LONG), WAIT_OBJECT_0, what + ": the thread ends");
  eq(atomic.load<u32>(p + 8), WAIT_IO_COMPLETION, what + ": the APC ends the wait with WAIT_IO_COMPLETION");
  eq(count(), 1, what + ": the APC ran");
  eq(entry(0), 42, what + ": with its data");
  eq(load<u32>(logBase + 4), load<u32>(p + 16), what + ": on the target thread");
  CloseHandle(t);
}

export function test_apc_wakes_waiting_thread(): i32 {
  const ev1 = CreateEventW(0, 1, 0, 0), ev2 = CreateEventW(0, 1, 0, 0);
  const hs = shared(8);
  store<u32>(hs, ev1); store<u32>(hs + 4, ev2);
  wakeByApc(0, 0, 0, "SleepEx");
  wakeByApc(1, ev1, 0, "WaitForSingleObjectEx");
  SetEvent(ev1);
  wakeByApc(2, <u32>hs, 0, "WaitForMultipleObjectsEx wait-all");
  ResetEvent(ev1);
  wakeByApc(3, ev1, ev2, "SignalObjectAndWait");
  CloseHandle(ev1); CloseHandle(ev2);
  return done();
}

// A non-alertable waiter: +0 event, +4 result, +8 ready.
function plainWaiter(p: u32): u32 {
  atomic.store<i32>(p + 8, 1);
  atomic.store<u32>(p + 4, WaitForSingleObject(load<u32>(p), LONG));
  atomic.store<u32>(p + 12, SleepEx(0, 1)); // now the APC runs
  return 0;
}

export function test_apc_non_alertable_wait_not_interrupted(): i32 {
  newLog();
  const ev = CreateEventW(0, 1, 0, 0);
  const p = shared(16);
  store<u32>(p, ev);
  const t = CreateThread(0, 0, plainWaiter.index, p, 0, 0);
  while (atomic.load<i32>(p + 8) == 0) Sleep(1);
  Sleep(30);
  ok(QueueUserAPC(record.index, t, item(5)) != 0, "QueueUserAPC");
  Sleep(100);
  eq(count(), 0, "the APC does not run in a non-alertable wait");
  eq(WaitForSingleObject(t, 0), WAIT_TIMEOUT, "and does not end it");
  SetEvent(ev);
  eq(WaitForSingleObject(t, LONG), WAIT_OBJECT_0, "thread ends");
  eq(load<u32>(p + 4), WAIT_OBJECT_0, "its wait ended with the event");
  eq(load<u32>(p + 12), WAIT_IO_COMPLETION, "its next alertable wait ran the APC");
  eq(count(), 1, "ran once");
  CloseHandle(t); CloseHandle(ev);
  return done();
}

function quick(p: u32): u32 { return 7; }

export function test_apc_errors(): i32 {
  const t = CreateThread(0, 0, quick.index, 0, 0, 0);
  eq(WaitForSingleObject(t, LONG), WAIT_OBJECT_0, "thread exits");
  SetLastError(0xdeadbeef);
  eq(QueueUserAPC(record.index, t, 1), 0, "QueueUserAPC to an exited thread fails");
  eq(GetLastError(), ERROR_GEN_FAILURE, "ERROR_GEN_FAILURE (STATUS_UNSUCCESSFUL)");
  const h = shared(4);
  ok(DuplicateHandle(GetCurrentProcess(), GetCurrentThread(), GetCurrentProcess(), h, SYNCHRONIZE, 0, 0) != 0, "duplicate");
  SetLastError(0xdeadbeef);
  eq(QueueUserAPC(record.index, load<u32>(h), 1), 0, "a handle without THREAD_SET_CONTEXT");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED");
  CloseHandle(load<u32>(h));
  ok(DuplicateHandle(GetCurrentProcess(), GetCurrentThread(), GetCurrentProcess(), h, THREAD_SET_CONTEXT, 0, 0) != 0, "duplicate");
  newLog();
  ok(QueueUserAPC(record.index, load<u32>(h), item(9)) != 0, "THREAD_SET_CONTEXT is enough");
  eq(SleepEx(0, 1), WAIT_IO_COMPLETION, "runs");
  eq(count(), 1, "ran");
  CloseHandle(load<u32>(h));
  const ev = CreateEventW(0, 0, 0, 0);
  SetLastError(0xdeadbeef);
  eq(QueueUserAPC(record.index, ev, 1), 0, "an event handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  SetLastError(0xdeadbeef);
  eq(QueueUserAPC(record.index, BAD, 1), 0, "a bad handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  CloseHandle(ev); CloseHandle(t);
  return done();
}
