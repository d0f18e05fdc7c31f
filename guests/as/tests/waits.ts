// Waits: WaitForSingleObject(Ex), WaitForMultipleObjects(Ex) any/all, wakeups, limits, bad arguments,
// SignalObjectAndWait, thread handles. Expected values follow Windows as Wine's kernel32/tests/sync.c
// records it, the NT kernel's wait code, and the Linux ntsync selftests (wait_any, wait_all, wake_any,
// wake_all). Threads never allocate: they report through shared memory, the main thread checks.
import {
  CloseHandle, CreateEventW, CreateMutexW, CreateSemaphoreW, CreateThread, DuplicateHandle, ERROR_ACCESS_DENIED,
  ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_NOACCESS, ERROR_NOT_OWNER, ERROR_TOO_MANY_POSTS,
  EVENT_MODIFY_STATE, GetCurrentProcess, GetCurrentThread, GetExitCodeThread, GetLastError, INFINITE,
  PulseEvent, ReleaseMutex, ReleaseSemaphore, ResetEvent, SetEvent, SetLastError, SignalObjectAndWait, Sleep,
  DUPLICATE_SAME_ACCESS, WaitForMultipleObjects, WaitForMultipleObjectsEx, WaitForSingleObject, WaitForSingleObjectEx,
  WAIT_FAILED, WAIT_OBJECT_0, WAIT_TIMEOUT,
} from "../ntwasm";
import { done, eq, ok, shared } from "../lib/test";

/** Generous bound for joins from the main thread, so a kernel bug fails a check instead of hanging. */
const LONG: u32 = 10000;
const BAD: u32 = 0xdeadbee0;

// ---------------------------------------------------------------------------------------------------
// A generic waiter thread. Its parameter points at a block:
//   +0 count  +4 handles ptr  +8 waitAll  +12 timeout  +16 result  +20 ready flag  +24 last error
//   +28 mutex to release after a successful wait (0 = none)  +32 release only if result == this (0xffffffff = any)
//   +36 ReleaseMutex result  +40 woken counter pointer (0 = none)
const W_COUNT = 0, W_HANDLES = 4, W_ALL = 8, W_TIMEOUT = 12, W_RESULT = 16, W_READY = 20, W_ERROR = 24;
const W_MUTEX = 28, W_MUTEX_IDX = 32, W_RELEASED = 36, W_WOKEN = 40, W_SIZE = 44;

function waiter(p: u32): u32 {
  atomic.store<i32>(p + W_READY, 1);
  SetLastError(0xdeadbeef);
  const r = WaitForMultipleObjects(load<u32>(p + W_COUNT), load<u32>(p + W_HANDLES), load<i32>(p + W_ALL), load<u32>(p + W_TIMEOUT));
  store<u32>(p + W_ERROR, GetLastError());
  atomic.store<u32>(p + W_RESULT, r);
  const counter = load<u32>(p + W_WOKEN);
  if (counter != 0) atomic.add<i32>(counter, 1);
  const m = load<u32>(p + W_MUTEX);
  const idx = load<u32>(p + W_MUTEX_IDX);
  if (m != 0 && r < 64 && (idx == 0xffffffff || idx == r)) store<i32>(p + W_RELEASED, ReleaseMutex(m));
  return 0;
}

/** Makes a waiter block for `count` handles at `hs`; returns the block (thread not started). */
function waitBlock(count: u32, hs: usize, all: i32, timeout: u32): usize {
  const p = shared(W_SIZE);
  store<u32>(p + W_COUNT, count);
  store<u32>(p + W_HANDLES, <u32>hs);
  store<i32>(p + W_ALL, all);
  store<u32>(p + W_TIMEOUT, timeout);
  store<u32>(p + W_RESULT, 0xaaaaaaaa);
  return p;
}

function startWaiter(p: usize): u32 {
  const t = CreateThread(0, 0, waiter.index, p, 0, 0);
  ok(t != 0, "CreateThread");
  // Give it a chance to block; nothing below depends on whether it did.
  while (atomic.load<i32>(p + W_READY) == 0) Sleep(1);
  Sleep(20);
  return t;
}

function handles2(a: u32, b: u32): usize {
  const hs = shared(8);
  store<u32>(hs, a); store<u32>(hs + 4, b);
  return hs;
}

function handles4(a: u32, b: u32, c: u32, d: u32): usize {
  const hs = shared(16);
  store<u32>(hs, a); store<u32>(hs + 4, b); store<u32>(hs + 8, c); store<u32>(hs + 12, d);
  return hs;
}

/** Semaphore count, read by releasing 1 (previous count) and taking it back. Needs count < max. */
function semCount(s: u32): i32 {
  const prev = shared(4);
  store<i32>(prev, -12345);
  if (!ReleaseSemaphore(s, 1, prev)) return -1;
  WaitForSingleObject(s, 0);
  return load<i32>(prev);
}

// ---------------------------------------------------------------------------------------------------
// ntsync test_wait_any: objs = [sem(2,3), unowned mutex].

export function test_wait_any(): i32 {
  const sem = CreateSemaphoreW(0, 2, 3, 0);
  const mtx = CreateMutexW(0, 0, 0);
  const hs = handles2(sem, mtx);
  eq(WaitForMultipleObjects(2, hs, 0, 0), WAIT_OBJECT_0, "any: sem first");
  eq(semCount(sem), 1, "only one count taken");
  eq(ReleaseMutex(mtx), 0, "mutex untouched: not owned");
  eq(GetLastError(), ERROR_NOT_OWNER, "mutex untouched: error");
  eq(WaitForMultipleObjects(2, hs, 0, 0), WAIT_OBJECT_0, "any: sem again");
  eq(semCount(sem), 0, "sem now 0");
  eq(WaitForMultipleObjects(2, hs, 0, 0), WAIT_OBJECT_0 + 1, "any: mutex when sem is 0");
  const prev = shared(4);
  ok(ReleaseSemaphore(sem, 1, prev) != 0, "release sem");
  eq(load<i32>(prev), 0, "release sem: previous count");
  eq(WaitForMultipleObjects(2, hs, 0, 0), WAIT_OBJECT_0, "lowest index wins although the owned mutex is acquirable");
  eq(WaitForMultipleObjects(2, hs, 0, 0), WAIT_OBJECT_0 + 1, "owned mutex is signaled for its owner (recursion 2)");
  eq(WaitForMultipleObjects(2, hs, 0, 0), WAIT_OBJECT_0 + 1, "owned mutex again (recursion 3)");
  // Another thread: sem 0 and a mutex owned by us → times out.
  const b = waitBlock(2, hs, 0, 0);
  const t = CreateThread(0, 0, waiter.index, b, 0, 0);
  eq(WaitForSingleObject(t, LONG), WAIT_OBJECT_0, "join");
  eq(load<u32>(b + W_RESULT), WAIT_TIMEOUT, "other thread: sem 0 and mutex owned elsewhere → timeout");
  eq(load<u32>(b + W_ERROR), 0xdeadbeef, "timeout leaves last error alone");
  CloseHandle(t);
  ok(ReleaseMutex(mtx) != 0 && ReleaseMutex(mtx) != 0 && ReleaseMutex(mtx) != 0, "three releases");
  eq(ReleaseMutex(mtx), 0, "fourth release fails");
  eq(GetLastError(), ERROR_NOT_OWNER, "fourth release error");
  // Duplicates are allowed in wait-any; the object is satisfied once.
  ok(ReleaseSemaphore(sem, 2, prev) != 0, "release 2");
  const dup = handles2(sem, sem);
  eq(WaitForMultipleObjects(2, dup, 0, 0), WAIT_OBJECT_0, "duplicate handles in wait-any");
  eq(semCount(sem), 1, "decremented once");
  // Two handles to one object, too.
  const h2 = shared(4);
  ok(DuplicateHandle(GetCurrentProcess(), sem, GetCurrentProcess(), h2, 0, 0, DUPLICATE_SAME_ACCESS) != 0, "DuplicateHandle");
  const dup2 = handles2(sem, load<u32>(h2));
  eq(WaitForMultipleObjects(2, dup2, 0, 0), WAIT_OBJECT_0, "same object through two handles in wait-any");
  eq(semCount(sem), 0, "decremented once (two handles)");
  eq(WaitForMultipleObjects(2, dup2, 0, 0), WAIT_TIMEOUT, "nothing signaled");
  // Timeout 0 with nothing signaled.
  const ev = CreateEventW(0, 0, 0, 0);
  eq(WaitForSingleObject(ev, 0), WAIT_TIMEOUT, "single: timeout 0");
  eq(WaitForMultipleObjects(1, handles2(ev, 0), 0, 0), WAIT_TIMEOUT, "any: timeout 0");
  eq(WaitForMultipleObjects(1, handles2(ev, 0), 1, 0), WAIT_TIMEOUT, "all: timeout 0");
  CloseHandle(load<u32>(h2)); CloseHandle(ev); CloseHandle(sem); CloseHandle(mtx);
  return done();
}

// ---------------------------------------------------------------------------------------------------
// ntsync test_wait_all: objs = [sem(2,3), unowned mutex].

export function test_wait_all(): i32 {
  const sem = CreateSemaphoreW(0, 2, 3, 0);
  const mtx = CreateMutexW(0, 0, 0);
  const hs = handles2(sem, mtx);
  eq(WaitForMultipleObjects(2, hs, 1, 0), WAIT_OBJECT_0, "all: both available");
  eq(semCount(sem), 1, "sem 1");
  // Another thread: the mutex is ours → times out and takes nothing.
  const b = waitBlock(2, hs, 1, 0);
  const t = CreateThread(0, 0, waiter.index, b, 0, 0);
  eq(WaitForSingleObject(t, LONG), WAIT_OBJECT_0, "join");
  eq(load<u32>(b + W_RESULT), WAIT_TIMEOUT, "other thread: wait-all times out");
  CloseHandle(t);
  eq(semCount(sem), 1, "nothing consumed by the failed wait-all");
  eq(WaitForMultipleObjects(2, hs, 1, 0), WAIT_OBJECT_0, "all again (mutex recursion 2)");
  eq(semCount(sem), 0, "sem 0");
  eq(WaitForMultipleObjects(2, hs, 1, 0), WAIT_TIMEOUT, "sem 0 → timeout");
  ok(ReleaseMutex(mtx) != 0 && ReleaseMutex(mtx) != 0, "two releases (mutex not partially taken)");
  eq(ReleaseMutex(mtx), 0, "third release fails");
  eq(GetLastError(), ERROR_NOT_OWNER, "third release error");
  const prev = shared(4);
  ok(ReleaseSemaphore(sem, 3, prev) != 0, "release 3");
  eq(load<i32>(prev), 0, "previous 0");
  eq(WaitForMultipleObjects(2, hs, 1, 0), WAIT_OBJECT_0, "all: sem 3 → 2");
  eq(semCount(sem), 2, "sem 2");
  ok(ReleaseMutex(mtx) != 0, "release mutex");
  // With one object unsignaled the others are not consumed.
  const auto_ = CreateEventW(0, 0, 0, 0);
  const hx = handles2(sem, auto_);
  eq(WaitForMultipleObjects(2, hx, 1, 0), WAIT_TIMEOUT, "auto event unset → timeout");
  eq(semCount(sem), 2, "sem not consumed");
  SetEvent(auto_);
  eq(WaitForMultipleObjects(2, hx, 1, 0), WAIT_OBJECT_0, "both signaled");
  eq(semCount(sem), 1, "sem consumed");
  eq(WaitForSingleObject(auto_, 0), WAIT_TIMEOUT, "auto event consumed");
  // [sem, manual event set] → manual event stays set.
  const man = CreateEventW(0, 1, 1, 0);
  const hm = handles2(sem, man);
  eq(WaitForMultipleObjects(2, hm, 1, 0), WAIT_OBJECT_0, "sem + manual event");
  eq(semCount(sem), 0, "sem 0 again");
  eq(WaitForSingleObject(man, 0), WAIT_OBJECT_0, "manual event stays set");
  // Duplicates in wait-all → WAIT_FAILED, ERROR_INVALID_PARAMETER, nothing consumed.
  ok(ReleaseSemaphore(sem, 2, prev) != 0, "release 2");
  SetLastError(0);
  eq(WaitForMultipleObjects(2, handles2(sem, sem), 1, 0), WAIT_FAILED, "duplicate handle in wait-all");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "duplicate handle in wait-all: error");
  eq(semCount(sem), 2, "duplicate in wait-all consumed nothing");
  const h2 = shared(4);
  ok(DuplicateHandle(GetCurrentProcess(), sem, GetCurrentProcess(), h2, 0, 0, DUPLICATE_SAME_ACCESS) != 0, "DuplicateHandle");
  SetLastError(0);
  eq(WaitForMultipleObjects(3, handles4(man, sem, load<u32>(h2), 0), 1, 0), WAIT_FAILED, "same object via two handles in wait-all");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "same object via two handles: error");
  eq(semCount(sem), 2, "consumed nothing");
  CloseHandle(load<u32>(h2)); CloseHandle(man); CloseHandle(auto_); CloseHandle(sem); CloseHandle(mtx);
  return done();
}

// ---------------------------------------------------------------------------------------------------
// ntsync wake_any: a thread blocked INFINITE in a wait-any is woken by another thread's signal.

export function test_wake_any(): i32 {
  const sem = CreateSemaphoreW(0, 0, 3, 0);
  const mtx = CreateMutexW(0, 1, 0);
  const hs = handles2(sem, mtx);
  const prev = shared(4);

  // Semaphore release.
  let b = waitBlock(2, hs, 0, INFINITE);
  let t = startWaiter(b);
  eq(WaitForSingleObject(t, 0), WAIT_TIMEOUT, "waiter still blocked");
  ok(ReleaseSemaphore(sem, 1, prev) != 0, "release sem");
  eq(load<i32>(prev), 0, "release sem: previous");
  eq(WaitForSingleObject(t, LONG), WAIT_OBJECT_0, "waiter woken by the semaphore");
  eq(load<u32>(b + W_RESULT), WAIT_OBJECT_0, "index 0");
  eq(load<u32>(b + W_ERROR), 0xdeadbeef, "last error untouched");
  eq(WaitForSingleObject(sem, 0), WAIT_TIMEOUT, "the count went to the waiter");
  CloseHandle(t);

  // Mutex release: we own it twice; the first release does not wake the waiter.
  eq(WaitForSingleObject(mtx, 0), WAIT_OBJECT_0, "relock (recursion 2)");
  b = waitBlock(2, hs, 0, INFINITE);
  store<u32>(b + W_MUTEX, mtx); store<u32>(b + W_MUTEX_IDX, 1);
  t = startWaiter(b);
  ok(ReleaseMutex(mtx) != 0, "first release");
  Sleep(20);
  eq(WaitForSingleObject(t, 0), WAIT_TIMEOUT, "still owned once: waiter still blocked");
  ok(ReleaseMutex(mtx) != 0, "second release");
  eq(WaitForSingleObject(t, LONG), WAIT_OBJECT_0, "waiter woken by the mutex");
  eq(load<u32>(b + W_RESULT), WAIT_OBJECT_0 + 1, "index 1");
  eq(load<i32>(b + W_RELEASED), 1, "waiter owned the mutex");
  CloseHandle(t);

  // Auto event set: consumed by the waiter.
  const auto_ = CreateEventW(0, 0, 0, 0);
  const ha = handles2(sem, auto_);
  b = waitBlock(2, ha, 0, INFINITE);
  t = startWaiter(b);
  ok(SetEvent(auto_) != 0, "set auto event");
  eq(WaitForSingleObject(t, LONG), WAIT_OBJECT_0, "waiter woken by the auto event");
  eq(load<u32>(b + W_RESULT), WAIT_OBJECT_0 + 1, "auto event: index 1");
  eq(WaitForSingleObject(auto_, 0), WAIT_TIMEOUT, "auto event consumed by the waiter");
  CloseHandle(t);

  // Manual event set: stays set.
  const man = CreateEventW(0, 1, 0, 0);
  const hm = handles2(sem, man);
  b = waitBlock(2, hm, 0, INFINITE);
  t = startWaiter(b);
  ok(SetEvent(man) != 0, "set manual event");
  eq(WaitForSingleObject(t, LONG), WAIT_OBJECT_0, "waiter woken by the manual event");
  eq(load<u32>(b + W_RESULT), WAIT_OBJECT_0 + 1, "manual event: index 1");
  eq(WaitForSingleObject(man, 0), WAIT_OBJECT_0, "manual event stays set");
  CloseHandle(t);

  CloseHandle(man); CloseHandle(auto_); CloseHandle(sem); CloseHandle(mtx);
  return done();
}

// ---------------------------------------------------------------------------------------------------
// ntsync wake_all: [sem(0,3), mutex owned by main, manual event set, auto event set].

export function test_wake_all(): i32 {
  const sem = CreateSemaphoreW(0, 0, 3, 0);
  const mtx = CreateMutexW(0, 1, 0);
  const man = CreateEventW(0, 1, 1, 0);
  const auto_ = CreateEventW(0, 0, 1, 0);
  const hs = handles4(sem, mtx, man, auto_);
  const prev = shared(4);
  const b = waitBlock(4, hs, 1, INFINITE);
  store<u32>(b + W_MUTEX, mtx); store<u32>(b + W_MUTEX_IDX, 0xffffffff);
  const t = startWaiter(b);

  // 1. sem released: still blocked, and the count is not taken.
  ok(ReleaseSemaphore(sem, 1, prev) != 0, "release sem");
  eq(load<i32>(prev), 0, "release sem: previous");
  Sleep(20);
  eq(WaitForSingleObject(t, 0), WAIT_TIMEOUT, "1: still blocked");
  eq(WaitForSingleObject(sem, 0), WAIT_OBJECT_0, "1: sem count not consumed (main takes it)");
  // 2. mutex released: still blocked, mutex free.
  ok(ReleaseMutex(mtx) != 0, "release mutex");
  Sleep(20);
  eq(WaitForSingleObject(t, 0), WAIT_TIMEOUT, "2: still blocked");
  eq(WaitForSingleObject(mtx, 0), WAIT_OBJECT_0, "2: mutex free (main takes it)");
  ok(ReleaseMutex(mtx) != 0, "2: main gives it back");
  // 3. manual reset, sem 2: still blocked.
  ok(ResetEvent(man) != 0, "reset manual");
  ok(ReleaseSemaphore(sem, 2, prev) != 0, "release sem 2");
  eq(load<i32>(prev), 0, "release sem 2: previous");
  Sleep(20);
  eq(WaitForSingleObject(t, 0), WAIT_TIMEOUT, "3: still blocked");
  // 4. auto reset, manual set: still blocked.
  ok(ResetEvent(auto_) != 0, "reset auto");
  ok(SetEvent(man) != 0, "set manual");
  Sleep(20);
  eq(WaitForSingleObject(t, 0), WAIT_TIMEOUT, "4: still blocked");
  eq(semCount(sem), 2, "4: sem still 2");
  eq(WaitForSingleObject(man, 0), WAIT_OBJECT_0, "4: manual still set");
  // 5. auto set: satisfied atomically.
  ok(SetEvent(auto_) != 0, "set auto");
  eq(WaitForSingleObject(t, LONG), WAIT_OBJECT_0, "5: waiter woken");
  eq(load<u32>(b + W_RESULT), WAIT_OBJECT_0, "5: wait-all result");
  eq(load<i32>(b + W_RELEASED), 1, "5: the waiter owned the mutex");
  eq(semCount(sem), 1, "5: sem 2 → 1");
  eq(WaitForSingleObject(man, 0), WAIT_OBJECT_0, "5: manual event stays set");
  eq(WaitForSingleObject(auto_, 0), WAIT_TIMEOUT, "5: auto event consumed");
  CloseHandle(t);
  CloseHandle(sem); CloseHandle(mtx); CloseHandle(man); CloseHandle(auto_);
  return done();
}

// ---------------------------------------------------------------------------------------------------
// Events and several waiters.

const NW = 3;

function startWaiters(ev: u32, woken: usize, blocks: usize, threads: usize): void {
  for (let i = 0; i < NW; i++) {
    const b = waitBlock(1, handles2(ev, 0), 0, INFINITE);
    store<u32>(b + W_WOKEN, <u32>woken);
    store<u32>(blocks + 4 * i, <u32>b);
    const t = CreateThread(0, 0, waiter.index, b, 0, 0);
    ok(t != 0, "CreateThread");
    store<u32>(threads + 4 * i, t);
  }
  for (let i = 0; i < NW; i++) while (atomic.load<i32>(load<u32>(blocks + 4 * i) + W_READY) == 0) Sleep(1);
  Sleep(20);
}

function checkWaiters(blocks: usize, threads: usize, what: string): void {
  let good = 0;
  for (let i = 0; i < NW; i++) if (load<u32>(load<u32>(blocks + 4 * i) + W_RESULT) == WAIT_OBJECT_0) good++;
  eq(good, NW, what + ": every waiter got WAIT_OBJECT_0");
  for (let i = 0; i < NW; i++) CloseHandle(load<u32>(threads + 4 * i));
}

export function test_manual_event_wakes_all(): i32 {
  const ev = CreateEventW(0, 1, 0, 0);
  const woken = shared(4), blocks = shared(4 * NW), threads = shared(4 * NW);
  startWaiters(ev, woken, blocks, threads);
  eq(atomic.load<i32>(woken), 0, "nobody woken before the signal");
  ok(SetEvent(ev) != 0, "SetEvent");
  eq(WaitForMultipleObjects(NW, threads, 1, LONG), WAIT_OBJECT_0, "all waiters woken by one SetEvent");
  eq(atomic.load<i32>(woken), NW, "woken count");
  eq(WaitForSingleObject(ev, 0), WAIT_OBJECT_0, "manual event stays set");
  checkWaiters(blocks, threads, "manual");
  CloseHandle(ev);
  return done();
}

export function test_auto_event_wakes_one(): i32 {
  const ev = CreateEventW(0, 0, 0, 0);
  const woken = shared(4), blocks = shared(4 * NW), threads = shared(4 * NW);
  startWaiters(ev, woken, blocks, threads);
  for (let k = 1; k <= NW; k++) {
    ok(SetEvent(ev) != 0, "SetEvent");
    for (let s = 0; s < 5000 && atomic.load<i32>(woken) < k; s++) Sleep(1);
    Sleep(30);
    eq(atomic.load<i32>(woken), k, "each SetEvent wakes exactly one waiter");
    eq(WaitForSingleObject(ev, 0), WAIT_TIMEOUT, "the signal went to the waiter");
  }
  eq(WaitForMultipleObjects(NW, threads, 1, LONG), WAIT_OBJECT_0, "all waiters done");
  checkWaiters(blocks, threads, "auto");
  CloseHandle(ev);
  return done();
}

/** Pulses until every waiter has returned. Returns the number of pulses; counts invariant breaks. */
function pulseUntilDone(ev: u32, woken: usize, threads: usize, auto_: bool, bad: usize): i32 {
  let pulses = 0;
  while (pulses < 2000) {
    PulseEvent(ev);
    pulses++;
    if (WaitForSingleObject(ev, 0) != WAIT_TIMEOUT) store<i32>(bad, load<i32>(bad) + 1);
    const r = WaitForMultipleObjects(NW, threads, 1, 5);
    if (auto_ && atomic.load<i32>(woken) > pulses) store<i32>(bad, load<i32>(bad) + 1);
    if (r == WAIT_OBJECT_0) break;
  }
  return pulses;
}

export function test_pulse_event(): i32 {
  // No waiters: a pulse is a reset.
  const m0 = CreateEventW(0, 1, 1, 0);
  ok(PulseEvent(m0) != 0, "PulseEvent set manual, no waiters");
  eq(WaitForSingleObject(m0, 0), WAIT_TIMEOUT, "pulse leaves it unsignaled");
  CloseHandle(m0);

  // Manual event: pulses wake blocked waiters, the event stays unsignaled; nobody wakes without a pulse.
  const ev = CreateEventW(0, 1, 0, 0);
  const woken = shared(4), blocks = shared(4 * NW), threads = shared(4 * NW), bad = shared(4);
  startWaiters(ev, woken, blocks, threads);
  Sleep(30);
  eq(atomic.load<i32>(woken), 0, "manual: nobody woken without a pulse");
  const p = pulseUntilDone(ev, woken, threads, false, bad);
  ok(p < 2000, "manual: pulses woke every waiter");
  eq(load<i32>(bad), 0, "manual: event unsignaled after every pulse");
  eq(WaitForMultipleObjects(NW, threads, 1, 0), WAIT_OBJECT_0, "manual: all done");
  checkWaiters(blocks, threads, "manual pulse");
  CloseHandle(ev);

  // Auto event: each pulse wakes at most one, and the event stays unsignaled.
  const ev2 = CreateEventW(0, 0, 0, 0);
  const woken2 = shared(4), blocks2 = shared(4 * NW), threads2 = shared(4 * NW), bad2 = shared(4);
  startWaiters(ev2, woken2, blocks2, threads2);
  const p2 = pulseUntilDone(ev2, woken2, threads2, true, bad2);
  ok(p2 < 2000, "auto: pulses woke every waiter");
  ok(p2 >= NW, "auto: at least one pulse per waiter");
  eq(load<i32>(bad2), 0, "auto: unsignaled after every pulse, at most one waiter per pulse");
  eq(WaitForMultipleObjects(NW, threads2, 1, 0), WAIT_OBJECT_0, "auto: all done");
  checkWaiters(blocks2, threads2, "auto pulse");
  CloseHandle(ev2);
  return done();
}

// ---------------------------------------------------------------------------------------------------
// Limits and bad arguments.

export function test_count_limits(): i32 {
  const hs = shared(4 * 65);
  for (let i = 0; i < 65; i++) store<u32>(hs + 4 * i, CreateEventW(0, i == 0 ? 1 : 0, 1, 0));
  SetLastError(0);
  eq(WaitForMultipleObjects(0, hs, 0, 0), WAIT_FAILED, "count 0, any");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "count 0, any: error");
  SetLastError(0);
  eq(WaitForMultipleObjects(0, hs, 1, 0), WAIT_FAILED, "count 0, all");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "count 0, all: error");
  SetLastError(0);
  eq(WaitForMultipleObjects(65, hs, 0, 0), WAIT_FAILED, "count 65, any");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "count 65, any: error");
  SetLastError(0);
  eq(WaitForMultipleObjects(65, hs, 1, 0), WAIT_FAILED, "count 65, all");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "count 65, all: error");
  SetLastError(0);
  eq(WaitForMultipleObjects(0xffffffff, hs, 0, 0), WAIT_FAILED, "count -1");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "count -1: error");
  // Wine's test: 64 signaled events, index 0 manual, the rest auto.
  eq(WaitForMultipleObjects(64, hs, 0, 0), WAIT_OBJECT_0, "64: manual index 0");
  eq(WaitForMultipleObjects(64, hs, 0, 0), WAIT_OBJECT_0, "64: manual index 0 stays signaled");
  ResetEvent(load<u32>(hs));
  let inOrder = 0;
  for (let i: u32 = 1; i < 64; i++) if (WaitForMultipleObjects(64, hs, 0, 0) == WAIT_OBJECT_0 + i) inOrder++;
  eq(inOrder, 63, "successive wait-any calls return 1..63");
  eq(WaitForMultipleObjects(64, hs, 0, 0), WAIT_TIMEOUT, "64: all consumed");
  // Only the last of 64 signaled.
  SetEvent(load<u32>(hs + 4 * 63));
  eq(WaitForMultipleObjects(64, hs, 0, 0), WAIT_OBJECT_0 + 63, "64: last signaled → 63");
  // Wait-all over 64.
  for (let i = 0; i < 64; i++) SetEvent(load<u32>(hs + 4 * i));
  eq(WaitForMultipleObjects(64, hs, 1, 0), WAIT_OBJECT_0, "64: wait-all");
  eq(WaitForSingleObject(load<u32>(hs + 4 * 63), 0), WAIT_TIMEOUT, "wait-all consumed the auto events");
  eq(WaitForSingleObject(load<u32>(hs + 4 * 64), 0), WAIT_OBJECT_0, "65th event untouched by the failed calls");
  for (let i = 0; i < 65; i++) CloseHandle(load<u32>(hs + 4 * i));
  return done();
}

export function test_pseudo_handles(): i32 {
  SetLastError(0xdeadbeef);
  eq(WaitForSingleObject(GetCurrentProcess(), 0), WAIT_TIMEOUT, "single: current process");
  eq(WaitForSingleObject(GetCurrentThread(), 0), WAIT_TIMEOUT, "single: current thread");
  eq(WaitForSingleObject(GetCurrentThread(), 20), WAIT_TIMEOUT, "single: current thread, 20 ms");
  eq(WaitForSingleObjectEx(GetCurrentProcess(), 0, 0), WAIT_TIMEOUT, "single Ex: current process");
  eq(GetLastError(), 0xdeadbeef, "timeouts leave the last error alone");
  const hs = shared(4);
  store<u32>(hs, GetCurrentProcess());
  SetLastError(0);
  eq(WaitForMultipleObjects(1, hs, 0, 0), WAIT_FAILED, "multiple: current process");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "multiple: current process: error");
  store<u32>(hs, GetCurrentThread());
  SetLastError(0);
  eq(WaitForMultipleObjects(1, hs, 0, 0), WAIT_FAILED, "multiple: current thread");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "multiple: current thread: error");
  SetLastError(0);
  eq(WaitForMultipleObjects(1, hs, 1, 0), WAIT_FAILED, "multiple all: current thread");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "multiple all: current thread: error");
  return done();
}

export function test_bad_handles(): i32 {
  for (let i: u32 = 0; i < 4; i++) {
    SetLastError(0);
    eq(WaitForSingleObject(BAD | i, 0), WAIT_FAILED, "single: bad handle |" + i.toString());
    eq(GetLastError(), ERROR_INVALID_HANDLE, "single: bad handle error |" + i.toString());
  }
  SetLastError(0);
  eq(WaitForSingleObject(0, 0), WAIT_FAILED, "single: NULL handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "single: NULL handle error");
  // A valid handle with tag bits works like the handle and leaves the last error alone.
  const ev = CreateEventW(0, 0, 1, 0);
  SetLastError(0xdeadbeef);
  eq(WaitForSingleObject(ev | 1, 0), WAIT_OBJECT_0, "tagged handle |1");
  eq(WaitForSingleObject(ev | 2, 0), WAIT_TIMEOUT, "tagged handle |2");
  eq(GetLastError(), 0xdeadbeef, "tagged waits leave the last error alone");
  // A bad handle anywhere in the array fails the whole call and consumes nothing.
  SetEvent(ev);
  SetLastError(0);
  eq(WaitForMultipleObjects(2, handles2(ev, BAD), 0, 0), WAIT_FAILED, "any: bad second handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "any: bad second handle: error");
  SetLastError(0);
  eq(WaitForMultipleObjects(2, handles2(ev, BAD), 1, 0), WAIT_FAILED, "all: bad second handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "all: bad second handle: error");
  SetLastError(0);
  eq(WaitForMultipleObjects(2, handles2(BAD, ev), 0, 0), WAIT_FAILED, "any: bad first handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "any: bad first handle: error");
  eq(WaitForSingleObject(ev, 0), WAIT_OBJECT_0, "auto event not consumed by the failed calls");
  // Bad array pointer.
  SetLastError(0);
  eq(WaitForMultipleObjects(2, 0xfffffff0, 0, 0), WAIT_FAILED, "bad array pointer, any");
  eq(GetLastError(), ERROR_NOACCESS, "bad array pointer: error");
  SetLastError(0);
  eq(WaitForMultipleObjects(2, 0xfffffff0, 1, 0), WAIT_FAILED, "bad array pointer, all");
  eq(GetLastError(), ERROR_NOACCESS, "bad array pointer, all: error");
  // A handle without SYNCHRONIZE.
  const h2 = shared(4);
  ok(DuplicateHandle(GetCurrentProcess(), ev, GetCurrentProcess(), h2, EVENT_MODIFY_STATE, 0, 0) != 0, "duplicate without SYNCHRONIZE");
  SetEvent(ev);
  SetLastError(0);
  eq(WaitForSingleObject(load<u32>(h2), 0), WAIT_FAILED, "single: no SYNCHRONIZE");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "single: no SYNCHRONIZE: error");
  SetLastError(0);
  eq(WaitForMultipleObjects(1, h2, 0, 0), WAIT_FAILED, "multiple: no SYNCHRONIZE");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "multiple: no SYNCHRONIZE: error");
  eq(WaitForSingleObject(ev, 0), WAIT_OBJECT_0, "event still set");
  CloseHandle(load<u32>(h2));
  CloseHandle(ev);
  // A closed handle.
  SetLastError(0);
  eq(WaitForSingleObject(ev, 0), WAIT_FAILED, "closed handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "closed handle: error");
  return done();
}

export function test_finite_timeout(): i32 {
  const ev = CreateEventW(0, 0, 0, 0);
  const sem = CreateSemaphoreW(0, 1, 1, 0);
  SetLastError(0xdeadbeef);
  eq(WaitForSingleObject(ev, 20), WAIT_TIMEOUT, "single, 20 ms");
  eq(WaitForMultipleObjects(1, handles2(ev, 0), 0, 20), WAIT_TIMEOUT, "any, 20 ms");
  eq(WaitForMultipleObjects(2, handles2(sem, ev), 1, 20), WAIT_TIMEOUT, "all with one unsignaled, 20 ms");
  eq(WaitForSingleObjectEx(ev, 20, 0), WAIT_TIMEOUT, "single Ex, 20 ms");
  eq(WaitForMultipleObjectsEx(1, handles2(ev, 0), 0, 20, 0), WAIT_TIMEOUT, "any Ex, 20 ms");
  eq(GetLastError(), 0xdeadbeef, "timeouts leave the last error alone");
  eq(WaitForSingleObject(sem, 0), WAIT_OBJECT_0, "sem not consumed by the timed-out wait-all");
  CloseHandle(ev); CloseHandle(sem);
  return done();
}

export function test_last_error_untouched(): i32 {
  const ev = CreateEventW(0, 1, 1, 0);
  const sem = CreateSemaphoreW(0, 5, 10, 0);
  const mtx = CreateMutexW(0, 0, 0);
  const auto_ = CreateEventW(0, 0, 0, 0);
  const hs = handles4(ev, sem, mtx, 0);
  SetLastError(0xdeadbeef);
  eq(WaitForSingleObject(ev, 0), WAIT_OBJECT_0, "single");
  eq(WaitForSingleObject(sem, INFINITE), WAIT_OBJECT_0, "single INFINITE");
  eq(WaitForSingleObject(mtx, 100), WAIT_OBJECT_0, "single mutex");
  eq(WaitForMultipleObjects(3, hs, 0, 0), WAIT_OBJECT_0, "any");
  eq(WaitForMultipleObjects(3, hs, 1, 0), WAIT_OBJECT_0, "all");
  eq(WaitForSingleObjectEx(ev, 0, 0), WAIT_OBJECT_0, "single Ex");
  eq(WaitForMultipleObjectsEx(3, hs, 1, INFINITE, 0), WAIT_OBJECT_0, "all Ex");
  eq(SignalObjectAndWait(auto_, auto_, 0, 0), WAIT_OBJECT_0, "SignalObjectAndWait");
  eq(GetLastError(), 0xdeadbeef, "successful waits leave the last error alone");
  ok(ReleaseMutex(mtx) != 0 && ReleaseMutex(mtx) != 0 && ReleaseMutex(mtx) != 0, "mutex acquired three times");
  CloseHandle(ev); CloseHandle(sem); CloseHandle(mtx); CloseHandle(auto_);
  return done();
}

// ---------------------------------------------------------------------------------------------------
// SignalObjectAndWait (Wine's test_signalandwait plus the NT kernel's rules).

function sawPeer(p: u32): u32 {
  // Waits for +0, then sets +4. Result in +8.
  store<u32>(p + 8, WaitForSingleObject(load<u32>(p), INFINITE));
  SetEvent(load<u32>(p + 4));
  return 0;
}

function returns42(p: u32): u32 {
  WaitForSingleObject(p, INFINITE);
  return 42;
}

export function test_signal_and_wait(): i32 {
  SetLastError(0);
  eq(SignalObjectAndWait(0, 0, 0, 0), WAIT_FAILED, "NULL, NULL");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "NULL, NULL: error");
  const ev0 = CreateEventW(0, 0, 0, 0);
  const ev1 = CreateEventW(0, 1, 1, 0);
  SetLastError(0);
  eq(SignalObjectAndWait(ev0, 0, 0, 0), WAIT_FAILED, "ev, NULL");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ev, NULL: error");
  eq(WaitForSingleObject(ev0, 0), WAIT_TIMEOUT, "bad wait handle: nothing signaled");
  SetLastError(0);
  eq(SignalObjectAndWait(0, ev1, 0, 0), WAIT_FAILED, "NULL, ev");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "NULL, ev: error");

  eq(SignalObjectAndWait(ev0, ev1, 0, 0), WAIT_OBJECT_0, "signal ev0, wait ev1");
  eq(WaitForSingleObject(ev0, 0), WAIT_OBJECT_0, "ev0 was signaled");
  let good = 0;
  for (let i = 0; i < 10000; i++) if (SignalObjectAndWait(ev0, ev0, 0, 0) == WAIT_OBJECT_0) good++;
  eq(good, 10000, "SignalObjectAndWait(ev0, ev0) 10000 times");
  eq(WaitForSingleObject(ev0, 0), WAIT_TIMEOUT, "ev0 consumed by its own wait");
  eq(SignalObjectAndWait(ev0, ev0, 0, 0), WAIT_OBJECT_0, "once more");
  ResetEvent(ev1);
  eq(SignalObjectAndWait(ev0, ev1, 0, 0), WAIT_TIMEOUT, "wait on a reset event times out");
  eq(WaitForSingleObject(ev0, 0), WAIT_OBJECT_0, "but the signal happened");
  eq(SignalObjectAndWait(ev0, ev1, 20, 0), WAIT_TIMEOUT, "finite timeout");
  eq(WaitForSingleObject(ev0, 0), WAIT_OBJECT_0, "signal happened (finite)");

  // Semaphores.
  const s0 = CreateSemaphoreW(0, 0, 1, 0);
  const s1 = CreateSemaphoreW(0, 1, 1, 0);
  eq(SignalObjectAndWait(s0, s1, 0, 0), WAIT_OBJECT_0, "signal s0, wait s1");
  SetLastError(0);
  eq(SignalObjectAndWait(s0, s1, 0, 0), WAIT_FAILED, "s0 at max");
  eq(GetLastError(), ERROR_TOO_MANY_POSTS, "s0 at max: error");
  eq(ReleaseSemaphore(s0, 1, 0), 0, "s0 still at max");
  ok(ReleaseSemaphore(s1, 1, 0) != 0, "s1 was not waited on");

  // Mutexes.
  const m = CreateMutexW(0, 0, 0);
  SetLastError(0);
  eq(SignalObjectAndWait(m, ev1, 0, 0), WAIT_FAILED, "mutex not owned");
  eq(GetLastError(), ERROR_NOT_OWNER, "mutex not owned: error");
  eq(WaitForSingleObject(m, 0), WAIT_OBJECT_0, "take the mutex");
  SetEvent(ev1);
  eq(SignalObjectAndWait(m, ev1, 0, 0), WAIT_OBJECT_0, "release owned mutex, wait ev1");
  eq(ReleaseMutex(m), 0, "mutex was released by SignalObjectAndWait");
  eq(GetLastError(), ERROR_NOT_OWNER, "mutex released: error");
  eq(SignalObjectAndWait(ev1, m, 0, 0), WAIT_OBJECT_0, "wait on a mutex");
  ok(ReleaseMutex(m) != 0, "SignalObjectAndWait acquired the mutex");

  // An object that cannot be signaled: a thread handle.
  const gate = CreateEventW(0, 1, 0, 0);
  const t = CreateThread(0, 0, returns42.index, gate, 0, 0);
  SetLastError(0);
  eq(SignalObjectAndWait(t, ev1, 0, 0), WAIT_FAILED, "thread handle as the signal object");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "thread handle as the signal object: error");
  SetLastError(0);
  eq(SignalObjectAndWait(GetCurrentThread(), ev1, 0, 0), WAIT_FAILED, "current-thread pseudo-handle as the signal object");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "pseudo-handle as the signal object: error");
  eq(SignalObjectAndWait(ev0, t, 0, 0), WAIT_TIMEOUT, "thread handle as the wait object (running)");
  eq(WaitForSingleObject(ev0, 0), WAIT_OBJECT_0, "ev0 signaled");
  eq(SignalObjectAndWait(gate, t, LONG, 0), WAIT_OBJECT_0, "signal the gate, wait for the thread");
  CloseHandle(t);

  // Wakes another thread: it waits on a, we signal a and wait on b, which it sets.
  const a = CreateEventW(0, 0, 0, 0);
  const bev = CreateEventW(0, 0, 0, 0);
  const blk = shared(12);
  store<u32>(blk, a); store<u32>(blk + 4, bev); store<u32>(blk + 8, 0xaaaa);
  const t2 = CreateThread(0, 0, sawPeer.index, blk, 0, 0);
  Sleep(20);
  eq(SignalObjectAndWait(a, bev, LONG, 0), WAIT_OBJECT_0, "signal the peer, wait for its answer");
  eq(WaitForSingleObject(t2, LONG), WAIT_OBJECT_0, "join peer");
  eq(load<u32>(blk + 8), WAIT_OBJECT_0, "peer woken");
  CloseHandle(t2);

  CloseHandle(a); CloseHandle(bev); CloseHandle(gate); CloseHandle(m);
  CloseHandle(s0); CloseHandle(s1); CloseHandle(ev0); CloseHandle(ev1);
  return done();
}

// ---------------------------------------------------------------------------------------------------
// Thread handles are waitable and signaled when the thread returns.

export function test_thread_handles(): i32 {
  const gate = CreateEventW(0, 1, 0, 0);
  const t1 = CreateThread(0, 0, returns42.index, gate, 0, 0);
  const t2 = CreateThread(0, 0, returns42.index, gate, 0, 0);
  const hs = handles2(t1, t2);
  eq(WaitForSingleObject(t1, 0), WAIT_TIMEOUT, "running thread not signaled");
  eq(WaitForSingleObject(t1, 20), WAIT_TIMEOUT, "running thread not signaled, 20 ms");
  eq(WaitForMultipleObjects(2, hs, 0, 0), WAIT_TIMEOUT, "any: both running");
  eq(WaitForMultipleObjects(2, hs, 1, 0), WAIT_TIMEOUT, "all: both running");
  const code = shared(4);
  ok(GetExitCodeThread(t1, code) != 0, "GetExitCodeThread");
  eq(load<u32>(code), 0x103, "STILL_ACTIVE");
  SetEvent(gate);
  eq(WaitForMultipleObjects(2, hs, 1, LONG), WAIT_OBJECT_0, "all: both returned");
  eq(WaitForSingleObject(t1, 0), WAIT_OBJECT_0, "stays signaled");
  eq(WaitForSingleObject(t2, INFINITE), WAIT_OBJECT_0, "stays signaled (INFINITE)");
  eq(WaitForMultipleObjects(2, hs, 0, 0), WAIT_OBJECT_0, "any: index 0");
  ok(GetExitCodeThread(t2, code) != 0, "GetExitCodeThread after exit");
  eq(load<u32>(code), 42, "exit code");
  CloseHandle(t1); CloseHandle(t2); CloseHandle(gate);
  return done();
}

// ---------------------------------------------------------------------------------------------------
// The Ex forms with bAlertable = FALSE behave like the plain forms.

export function test_ex_forms(): i32 {
  const sem = CreateSemaphoreW(0, 2, 3, 0);
  const mtx = CreateMutexW(0, 0, 0);
  const auto_ = CreateEventW(0, 0, 0, 0);
  const hs = handles2(sem, mtx);
  eq(WaitForSingleObjectEx(auto_, 0, 0), WAIT_TIMEOUT, "single Ex: timeout");
  SetEvent(auto_);
  eq(WaitForSingleObjectEx(auto_, INFINITE, 0), WAIT_OBJECT_0, "single Ex: signaled");
  eq(WaitForSingleObjectEx(auto_, 0, 0), WAIT_TIMEOUT, "single Ex: consumed");
  eq(WaitForMultipleObjectsEx(2, hs, 0, 0, 0), WAIT_OBJECT_0, "any Ex: sem");
  eq(WaitForMultipleObjectsEx(2, hs, 1, 0, 0), WAIT_OBJECT_0, "all Ex");
  eq(WaitForMultipleObjectsEx(2, hs, 0, 0, 0), WAIT_OBJECT_0 + 1, "any Ex: owned mutex");
  eq(WaitForMultipleObjectsEx(2, hs, 1, 0, 0), WAIT_TIMEOUT, "all Ex: sem 0");
  ok(ReleaseMutex(mtx) != 0 && ReleaseMutex(mtx) != 0, "two releases");
  eq(ReleaseMutex(mtx), 0, "no third release");
  SetLastError(0);
  eq(WaitForMultipleObjectsEx(2, handles2(mtx, mtx), 1, 0, 0), WAIT_FAILED, "all Ex: duplicate");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "all Ex: duplicate: error");
  SetLastError(0);
  eq(WaitForMultipleObjectsEx(0, hs, 0, 0, 0), WAIT_FAILED, "any Ex: count 0");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "any Ex: count 0: error");
  SetLastError(0);
  eq(WaitForSingleObjectEx(BAD, 0, 0), WAIT_FAILED, "single Ex: bad handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "single Ex: bad handle: error");
  SetLastError(0);
  eq(WaitForMultipleObjectsEx(1, handles2(GetCurrentThread(), 0), 0, 0, 0), WAIT_FAILED, "any Ex: pseudo-handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "any Ex: pseudo-handle: error");
  eq(WaitForSingleObjectEx(GetCurrentThread(), 0, 0), WAIT_TIMEOUT, "single Ex: pseudo-handle");
  // A thread woken through WaitForMultipleObjectsEx(…, FALSE).
  const b = waitBlock(2, handles2(auto_, sem), 0, INFINITE);
  const t = startWaiter(b);
  SetEvent(auto_);
  eq(WaitForSingleObjectEx(t, LONG, 0), WAIT_OBJECT_0, "join via Ex");
  eq(load<u32>(b + W_RESULT), WAIT_OBJECT_0, "woken waiter");
  CloseHandle(t);
  CloseHandle(sem); CloseHandle(mtx); CloseHandle(auto_);
  return done();
}
