// Threads: creation, exit codes, CREATE_SUSPENDED, Suspend/ResumeThread, OpenThread, TerminateThread
// (waiting, busy and self), abandonment on termination, thread-local storage. Expected values follow
// Windows as Wine's kernel32/tests/thread.c records it. Thread functions never allocate: they report
// through shared memory, the main thread checks.
import {
  CloseHandle, CREATE_SUSPENDED, CreateEventW, CreateMutexW, CreateSemaphoreW, CreateThread, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER,
  ERROR_NO_MORE_ITEMS, ERROR_SUCCESS, ExitThread, GetCurrentThread, GetCurrentThreadId, GetExitCodeThread, GetLastError,
  GetThreadId, INFINITE, OpenThread, ReleaseMutex, ReleaseSemaphore, ResumeThread, SetEvent, SetLastError, Sleep, STILL_ACTIVE,
  SuspendThread, SwitchToThread, SYNCHRONIZE, TerminateThread, THREAD_ALL_ACCESS, THREAD_QUERY_INFORMATION, TlsAlloc,
  TlsFree, TlsGetValue, TlsSetValue, TLS_OUT_OF_INDEXES, WaitForMultipleObjects, WaitForSingleObject, WAIT_ABANDONED,
  WAIT_OBJECT_0, WAIT_TIMEOUT,
} from "../ntwasm";
import { done, eq, ok, shared } from "../lib/test";

function exitCode(h: u32): u32 {
  const p = shared(4);
  GetExitCodeThread(h, p);
  return load<u32>(p);
}

// Block layouts passed to threads: [event or mutex handles..., flags...]

/** [0] event to wait for, [4] set to 1 after the wait, [8] own thread id; returns param block's [12]. */
function waiter(b: u32): u32 {
  store<u32>(b, GetCurrentThreadId(), 8);
  WaitForSingleObject(load<u32>(b), INFINITE);
  store<u32>(b, 1, 4);
  return load<u32>(b, 12);
}

export function test_create_and_exit_codes(): i32 {
  const b = shared(16);
  store<u32>(b, CreateEventW(0, 1, 0, 0));
  store<u32>(b, 1234, 12);
  const tid = shared(4);
  const h = CreateThread(0, 0, waiter.index, b, 0, tid);
  ok(h != 0, "CreateThread");
  ok(load<u32>(tid) != 0 && (load<u32>(tid) & 3) == 0, "thread id written, a multiple of 4");
  eq(GetThreadId(h), load<u32>(tid), "GetThreadId matches the id CreateThread wrote");
  ok(load<u32>(tid) != GetCurrentThreadId(), "a new thread has its own id");
  eq(exitCode(h), STILL_ACTIVE, "exit code while running: STILL_ACTIVE");
  eq(WaitForSingleObject(h, 0), WAIT_TIMEOUT, "a running thread is unsignaled");
  SetEvent(load<u32>(b));
  eq(WaitForSingleObject(h, INFINITE), WAIT_OBJECT_0, "the thread handle is signaled at exit");
  eq(exitCode(h), 1234, "the procedure's return value is the exit code");
  eq(load<u32>(b, 8), load<u32>(tid), "the thread saw its own id");
  CloseHandle(h);
  CloseHandle(load<u32>(b));
  return done();
}

function exiter(code: u32): u32 {
  ExitThread(code);
  return 1; // not reached
}

export function test_exit_thread(): i32 {
  const h = CreateThread(0, 0, exiter.index, 77, 0, 0);
  eq(WaitForSingleObject(h, INFINITE), WAIT_OBJECT_0, "wait for the thread");
  eq(exitCode(h), 77, "ExitThread's code");
  CloseHandle(h);
  return done();
}

/** Sets [0] to 1 and returns 5. */
function flagger(b: u32): u32 {
  store<u32>(b, 1);
  return 5;
}

export function test_create_suspended(): i32 {
  const b = shared(4);
  const h = CreateThread(0, 0, flagger.index, b, CREATE_SUSPENDED, 0);
  ok(h != 0, "CreateThread(CREATE_SUSPENDED)");
  eq(WaitForSingleObject(h, 50), WAIT_TIMEOUT, "a suspended thread does not finish");
  eq(load<u32>(b), 0, "a suspended thread has not run its procedure");
  eq(SuspendThread(h), 1, "SuspendThread on a created-suspended thread: previous count 1");
  eq(ResumeThread(h), 2, "ResumeThread: previous count 2");
  eq(load<u32>(b), 0, "still suspended at count 1");
  eq(ResumeThread(h), 1, "ResumeThread: previous count 1");
  eq(WaitForSingleObject(h, INFINITE), WAIT_OBJECT_0, "the resumed thread runs to its end");
  eq(load<u32>(b), 1, "and ran its procedure");
  eq(exitCode(h), 5, "exit code");
  eq(ResumeThread(h), 0, "ResumeThread on a thread that is not suspended: 0");
  CloseHandle(h);
  return done();
}

export function test_suspend_a_waiting_thread(): i32 {
  const b = shared(16);
  store<u32>(b, CreateEventW(0, 1, 0, 0));
  const h = CreateThread(0, 0, waiter.index, b, 0, 0);
  while (!load<u32>(b, 8)) Sleep(1); // started
  eq(SuspendThread(h), 0, "first SuspendThread: previous count 0");
  eq(SuspendThread(h), 1, "second SuspendThread: previous count 1");
  SetEvent(load<u32>(b));
  // Its wait is satisfied, but a suspended thread does not return to guest code.
  eq(WaitForSingleObject(h, 100), WAIT_TIMEOUT, "a suspended thread does not finish");
  eq(load<u32>(b, 4), 0, "nor run guest code after its wait");
  eq(ResumeThread(h), 2, "ResumeThread: previous count 2");
  eq(ResumeThread(h), 1, "ResumeThread: previous count 1");
  eq(WaitForSingleObject(h, INFINITE), WAIT_OBJECT_0, "resumed, it finishes");
  eq(load<u32>(b, 4), 1, "after returning from its wait");
  CloseHandle(h);
  CloseHandle(load<u32>(b));
  return done();
}

/** Suspends itself, then sets [0]. */
function selfSuspender(b: u32): u32 {
  SuspendThread(GetCurrentThread());
  store<u32>(b, 1);
  return 0;
}

export function test_suspend_self(): i32 {
  const b = shared(4);
  const h = CreateThread(0, 0, selfSuspender.index, b, 0, 0);
  let prev: u32 = 0;
  while ((prev = ResumeThread(h)) == 0) Sleep(1); // until it has suspended itself
  eq(prev, 1, "the thread was suspended once, by itself");
  eq(WaitForSingleObject(h, INFINITE), WAIT_OBJECT_0, "resumed, it finishes");
  eq(load<u32>(b), 1, "and went on after SuspendThread");
  CloseHandle(h);
  return done();
}

export function test_suspend_errors(): i32 {
  SetLastError(0);
  eq(SuspendThread(0x1234), 0xffffffff, "SuspendThread(bad handle)");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "bad handle: ERROR_INVALID_HANDLE");
  eq(ResumeThread(0x1234), 0xffffffff, "ResumeThread(bad handle)");
  const ev = CreateEventW(0, 1, 0, 0);
  eq(SuspendThread(ev), 0xffffffff, "SuspendThread(an event)");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "wrong type: ERROR_INVALID_HANDLE");
  CloseHandle(ev);
  const h = CreateThread(0, 0, flagger.index, shared(4), 0, 0);
  WaitForSingleObject(h, INFINITE);
  eq(SuspendThread(h), 0xffffffff, "SuspendThread on an ended thread fails");
  CloseHandle(h);
  eq(SwitchToThread(), 0, "SwitchToThread: nothing to switch to");
  return done();
}

export function test_open_thread(): i32 {
  const b = shared(16);
  store<u32>(b, CreateEventW(0, 1, 0, 0));
  const tid = shared(4);
  const h = CreateThread(0, 0, waiter.index, b, 0, tid);
  const o = OpenThread(SYNCHRONIZE | THREAD_QUERY_INFORMATION, 0, load<u32>(tid));
  ok(o != 0 && o != h, "OpenThread gives a new handle");
  eq(GetThreadId(o), load<u32>(tid), "to the same thread");
  eq(WaitForSingleObject(o, 0), WAIT_TIMEOUT, "the thread is running");
  SetEvent(load<u32>(b));
  eq(WaitForSingleObject(o, INFINITE), WAIT_OBJECT_0, "waitable through the opened handle");
  const again = OpenThread(THREAD_ALL_ACCESS, 0, load<u32>(tid));
  ok(again != 0, "an ended thread can be opened while its object exists");
  CloseHandle(again);
  SetLastError(0);
  eq(OpenThread(THREAD_ALL_ACCESS, 0, 0xfffffffc), 0, "OpenThread(unknown id)");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "unknown id: ERROR_INVALID_PARAMETER");
  const self = OpenThread(THREAD_ALL_ACCESS, 0, GetCurrentThreadId());
  eq(GetThreadId(self), GetCurrentThreadId(), "OpenThread on oneself");
  CloseHandle(self);
  CloseHandle(o);
  CloseHandle(h);
  CloseHandle(load<u32>(b));
  return done();
}

export function test_terminate_waiting_thread(): i32 {
  const b = shared(16);
  store<u32>(b, CreateEventW(0, 0, 0, 0)); // auto-reset: a terminated waiter must not consume it
  const h = CreateThread(0, 0, waiter.index, b, 0, 0);
  while (!load<u32>(b, 8)) Sleep(1);
  ok(TerminateThread(h, 77) != 0, "TerminateThread");
  eq(WaitForSingleObject(h, INFINITE), WAIT_OBJECT_0, "a terminated thread's handle is signaled");
  eq(exitCode(h), 77, "with TerminateThread's exit code");
  eq(load<u32>(b, 4), 0, "its wait never returned to guest code");
  SetEvent(load<u32>(b));
  eq(WaitForSingleObject(load<u32>(b), 0), WAIT_OBJECT_0, "the event was not consumed by the dead waiter");
  CloseHandle(h);
  CloseHandle(load<u32>(b));
  return done();
}

/** Spins in guest code, never calling the kernel, until [0] is set (which nobody does). */
function spinner(b: u32): u32 {
  store<u32>(b, 1, 4);
  while (atomic.load<u32>(b) == 0) {}
  return 0;
}

export function test_terminate_busy_thread(): i32 {
  const b = shared(8);
  const h = CreateThread(0, 0, spinner.index, b, 0, 0);
  while (!atomic.load<u32>(b, 4)) Sleep(1);
  ok(TerminateThread(h, 99) != 0, "TerminateThread on a thread busy in guest code");
  eq(WaitForSingleObject(h, INFINITE), WAIT_OBJECT_0, "it is stopped and its handle signaled");
  eq(exitCode(h), 99, "exit code");
  CloseHandle(h);
  return done();
}

/** [0] mutex to take, [4] event to wait for after; [8] set when it owns the mutex. */
function owner(b: u32): u32 {
  WaitForSingleObject(load<u32>(b), INFINITE);
  store<u32>(b, 1, 8);
  WaitForSingleObject(load<u32>(b, 4), INFINITE);
  return 0;
}

export function test_terminate_abandons_mutexes(): i32 {
  const b = shared(12);
  store<u32>(b, CreateMutexW(0, 0, 0));
  store<u32>(b, CreateEventW(0, 1, 0, 0), 4);
  const h = CreateThread(0, 0, owner.index, b, 0, 0);
  while (!load<u32>(b, 8)) Sleep(1);
  eq(WaitForSingleObject(load<u32>(b), 0), WAIT_TIMEOUT, "the thread owns the mutex");
  TerminateThread(h, 1);
  WaitForSingleObject(h, INFINITE);
  eq(WaitForSingleObject(load<u32>(b), INFINITE), WAIT_ABANDONED, "its mutex is abandoned to the next waiter");
  ok(ReleaseMutex(load<u32>(b)) != 0, "who owns it");
  CloseHandle(h);
  CloseHandle(load<u32>(b));
  CloseHandle(load<u32>(b, 4));
  return done();
}

/** Terminates itself with code 9; sets [0] only if TerminateThread returned. */
function selfTerminator(b: u32): u32 {
  TerminateThread(GetCurrentThread(), 9);
  store<u32>(b, 1);
  return 0;
}

export function test_terminate_self(): i32 {
  const b = shared(4);
  const h = CreateThread(0, 0, selfTerminator.index, b, 0, 0);
  eq(WaitForSingleObject(h, INFINITE), WAIT_OBJECT_0, "ends");
  eq(exitCode(h), 9, "with its own TerminateThread's code");
  eq(load<u32>(b), 0, "TerminateThread(self) does not return");
  CloseHandle(h);
  return done();
}

/** [0] thread handle to wait for; [4] result of the wait. */
function threadWaiter(b: u32): u32 {
  store<u32>(b, WaitForSingleObject(load<u32>(b), INFINITE), 4);
  return 0;
}

export function test_terminated_thread_wakes_its_waiters(): i32 {
  const v = shared(16);
  store<u32>(v, CreateEventW(0, 1, 0, 0));
  const victim = CreateThread(0, 0, waiter.index, v, 0, 0);
  const w = shared(16);
  store<u32>(w, victim);
  store<u32>(w, 0xffff, 4);
  store<u32>(w, victim, 8);
  store<u32>(w, 0xffff, 12);
  const hs = shared(8);
  store<u32>(hs, CreateThread(0, 0, threadWaiter.index, w, 0, 0));
  store<u32>(hs, CreateThread(0, 0, threadWaiter.index, w + 8, 0, 0), 4);
  Sleep(20); // let them block (the checks hold either way)
  TerminateThread(victim, 3);
  eq(WaitForMultipleObjects(2, hs, 1, INFINITE), WAIT_OBJECT_0, "both waiters end");
  eq(load<u32>(w, 4), WAIT_OBJECT_0, "first waiter saw the thread end");
  eq(load<u32>(w, 12), WAIT_OBJECT_0, "second waiter saw the thread end");
  CloseHandle(load<u32>(hs));
  CloseHandle(load<u32>(hs, 4));
  CloseHandle(victim);
  CloseHandle(load<u32>(v));
  return done();
}

export function test_terminate_errors(): i32 {
  SetLastError(0);
  eq(TerminateThread(0x1234, 0), 0, "TerminateThread(bad handle)");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  const ev = CreateEventW(0, 1, 0, 0);
  eq(TerminateThread(ev, 0), 0, "TerminateThread(an event)");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "wrong type: ERROR_INVALID_HANDLE");
  CloseHandle(ev);
  return done();
}

/** [0] TLS index; sets its own value, reports [4] value seen before, [8] value seen after. */
function tlsUser(b: u32): u32 {
  const index = load<u32>(b);
  store<u32>(b, TlsGetValue(index), 4);
  TlsSetValue(index, 0xbeef);
  store<u32>(b, TlsGetValue(index), 8);
  return 0;
}

export function test_tls(): i32 {
  const index = TlsAlloc();
  ok(index != TLS_OUT_OF_INDEXES, "TlsAlloc");
  SetLastError(0xdeadbeef);
  eq(TlsGetValue(index), 0, "a new slot reads 0");
  eq(GetLastError(), ERROR_SUCCESS, "TlsGetValue sets last error 0");
  ok(TlsSetValue(index, 0x1234) != 0, "TlsSetValue");
  eq(TlsGetValue(index), 0x1234, "read back");
  const b = shared(12);
  store<u32>(b, index);
  const h = CreateThread(0, 0, tlsUser.index, b, 0, 0);
  WaitForSingleObject(h, INFINITE);
  CloseHandle(h);
  eq(load<u32>(b, 4), 0, "another thread starts with 0 in the slot");
  eq(load<u32>(b, 8), 0xbeef, "and keeps its own value");
  eq(TlsGetValue(index), 0x1234, "this thread's value is untouched");
  ok(TlsFree(index) != 0, "TlsFree");
  eq(TlsGetValue(index), 0, "TlsFree clears the slot");
  SetLastError(0);
  eq(TlsFree(index), 0, "TlsFree twice fails");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER");
  eq(TlsGetValue(1088), 0, "TlsGetValue(out of range)");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "out of range: ERROR_INVALID_PARAMETER");
  eq(TlsSetValue(5000, 1), 0, "TlsSetValue(out of range)");
  // All 1,088 indexes, then none.
  const all = shared(4 * 1088);
  let n = 0;
  for (; n < 1100; n++) {
    const i = TlsAlloc();
    if (i == TLS_OUT_OF_INDEXES) break;
    store<u32>(all + 4 * n, i);
  }
  eq(n, 1088, "1,088 TLS indexes per process");
  eq(GetLastError(), ERROR_NO_MORE_ITEMS, "then TLS_OUT_OF_INDEXES with ERROR_NO_MORE_ITEMS");
  for (let i = 0; i < n; i++) TlsFree(load<u32>(all + 4 * i));
  return done();
}

const MANY = 256;

/** [0] alive counter, [4] go event, [8] done semaphore, [12] ack event; param = block + 16 + 4*i. */
function roundTripper(slot: u32): u32 {
  const b = load<u32>(slot);
  atomic.add<u32>(b, 1);
  if (WaitForSingleObject(load<u32>(b, 4), INFINITE) != WAIT_OBJECT_0) return 0xbad;
  ReleaseSemaphore(load<u32>(b, 8), 1, 0);
  if (WaitForSingleObject(load<u32>(b, 12), INFINITE) != WAIT_OBJECT_0) return 0xbad;
  return (slot - b - 16) >> 2; // its own index
}

export function test_256_threads_at_once(): i32 {
  const b = shared(16 + 4 * MANY);
  store<u32>(b, CreateEventW(0, 1, 0, 0), 4);
  store<u32>(b, CreateSemaphoreW(0, 0, MANY, 0), 8);
  store<u32>(b, CreateEventW(0, 1, 0, 0), 12);
  const hs = shared(4 * MANY);
  let created = 0;
  for (let i = 0; i < MANY; i++) {
    store<u32>(b + 16 + 4 * i, b);
    const h = CreateThread(0, 0, roundTripper.index, b + 16 + 4 * i, 0, 0);
    store<u32>(hs + 4 * i, h);
    if (h) created++;
  }
  eq(created, MANY, "256 threads created");
  while (atomic.load<u32>(b) < <u32>created) Sleep(10); // every one is alive and about to wait
  eq(atomic.load<u32>(b), <u32>MANY, "256 threads alive at once");
  SetEvent(load<u32>(b, 4));
  let rounds = 0;
  for (let i = 0; i < created; i++) if (WaitForSingleObject(load<u32>(b, 8), INFINITE) == WAIT_OBJECT_0) rounds++;
  eq(rounds, MANY, "each thread signaled after its wait");
  SetEvent(load<u32>(b, 12));
  for (let i = 0; i < MANY; i += 64) {
    eq(WaitForMultipleObjects(64, hs + 4 * i, 1, INFINITE), WAIT_OBJECT_0, "threads end (64 at a time)");
  }
  let right = 0;
  for (let i = 0; i < MANY; i++) {
    if (exitCode(load<u32>(hs + 4 * i)) == <u32>i) right++;
    CloseHandle(load<u32>(hs + 4 * i));
  }
  eq(right, MANY, "every thread ended with its own index");
  CloseHandle(load<u32>(b, 4));
  CloseHandle(load<u32>(b, 8));
  CloseHandle(load<u32>(b, 12));
  return done();
}
