// Stress: mutual exclusion and wakeups under contention, after the Linux ntsync selftest stress_wait
// (4 threads × 10,000 locked increments end at exactly 40,000). The increment is deliberately not
// atomic (load, add, store), so only the lock keeps it exact. Threads never allocate.
import {
  CloseHandle, CreateEventW, CreateMutexW, CreateSemaphoreW, CreateThread, INFINITE, ReleaseMutex, ReleaseSemaphore,
  SetEvent, WaitForMultipleObjects, WaitForSingleObject, WAIT_OBJECT_0,
} from "../ntwasm";
import { done, eq, ok, shared } from "../lib/test";

const THREADS = 4;
const ITERS = 10000;

// Block: +0 counter  +4 lock handle  +8 start event (manual)  +12 lock kind  +16 failures (atomic)
const B_COUNTER = 0, B_LOCK = 4, B_START = 8, B_KIND = 12, B_FAILS = 16, B_SIZE = 20;
const KIND_MUTEX = 0, KIND_SEMAPHORE = 1, KIND_EVENT = 2;

function locker(p: u32): u32 {
  const lock = load<u32>(p + B_LOCK);
  const kind = load<u32>(p + B_KIND);
  if (WaitForSingleObject(load<u32>(p + B_START), INFINITE) != WAIT_OBJECT_0) atomic.add<i32>(p + B_FAILS, 1);
  for (let i = 0; i < ITERS; i++) {
    if (WaitForSingleObject(lock, INFINITE) != WAIT_OBJECT_0) { atomic.add<i32>(p + B_FAILS, 1); continue; }
    const v = load<i32>(p + B_COUNTER);
    store<i32>(p + B_COUNTER, v + 1);
    let released: i32;
    if (kind == KIND_MUTEX) released = ReleaseMutex(lock);
    else if (kind == KIND_SEMAPHORE) released = ReleaseSemaphore(lock, 1, 0);
    else released = SetEvent(lock);
    if (!released) atomic.add<i32>(p + B_FAILS, 1);
  }
  return 0;
}

function runLocked(lock: u32, kind: u32): void {
  const b = shared(B_SIZE);
  const start = CreateEventW(0, 1, 0, 0);
  store<u32>(b + B_LOCK, lock);
  store<u32>(b + B_START, start);
  store<u32>(b + B_KIND, kind);
  const threads = shared(4 * THREADS);
  for (let i = 0; i < THREADS; i++) {
    const t = CreateThread(0, 0, locker.index, b, 0, 0);
    ok(t != 0, "CreateThread");
    store<u32>(threads + 4 * i, t);
  }
  ok(SetEvent(start) != 0, "start");
  eq(WaitForMultipleObjects(THREADS, threads, 1, INFINITE), WAIT_OBJECT_0, "wait for all threads");
  eq(load<i32>(b + B_COUNTER), THREADS * ITERS, "counter");
  eq(atomic.load<i32>(b + B_FAILS), 0, "failed waits or releases in the threads");
  for (let i = 0; i < THREADS; i++) CloseHandle(load<u32>(threads + 4 * i));
  CloseHandle(start);
}

export function test_stress_wait(): i32 {
  const m = CreateMutexW(0, 0, 0);
  runLocked(m, KIND_MUTEX);
  eq(WaitForSingleObject(m, 0), WAIT_OBJECT_0, "mutex free at the end");
  ok(ReleaseMutex(m) != 0, "release");
  CloseHandle(m);
  return done();
}

export function test_stress_semaphore_lock(): i32 {
  const s = CreateSemaphoreW(0, 1, 1, 0);
  runLocked(s, KIND_SEMAPHORE);
  eq(WaitForSingleObject(s, 0), WAIT_OBJECT_0, "semaphore back at 1");
  eq(ReleaseSemaphore(s, 1, 0), 1, "release to max");
  eq(ReleaseSemaphore(s, 1, 0), 0, "no count over max");
  CloseHandle(s);
  return done();
}

export function test_stress_auto_event_lock(): i32 {
  const e = CreateEventW(0, 0, 1, 0);
  runLocked(e, KIND_EVENT);
  eq(WaitForSingleObject(e, 0), WAIT_OBJECT_0, "event left set by the last unlock");
  eq(WaitForSingleObject(e, 0), 0x102, "auto event consumed");
  CloseHandle(e);
  return done();
}

// Ping-pong: two threads hand a turn back and forth through two auto events, ITERS round trips.
// Block: +0 evA  +4 evB  +8 countA  +12 countB  +16 order errors  +20 wait failures
function pinger(p: u32): u32 {
  const a = load<u32>(p), b = load<u32>(p + 4);
  for (let i = 0; i < ITERS; i++) {
    if (WaitForSingleObject(a, INFINITE) != WAIT_OBJECT_0) atomic.add<i32>(p + 20, 1);
    if (atomic.load<i32>(p + 12) != i) atomic.add<i32>(p + 16, 1);
    atomic.store<i32>(p + 8, i + 1);
    SetEvent(b);
  }
  return 0;
}

function ponger(p: u32): u32 {
  const a = load<u32>(p), b = load<u32>(p + 4);
  for (let i = 0; i < ITERS; i++) {
    if (WaitForSingleObject(b, INFINITE) != WAIT_OBJECT_0) atomic.add<i32>(p + 20, 1);
    if (atomic.load<i32>(p + 8) != i + 1) atomic.add<i32>(p + 16, 1);
    atomic.store<i32>(p + 12, i + 1);
    SetEvent(a);
  }
  return 0;
}

export function test_event_ping_pong(): i32 {
  const p = shared(24);
  const a = CreateEventW(0, 0, 0, 0);
  const b = CreateEventW(0, 0, 0, 0);
  store<u32>(p, a); store<u32>(p + 4, b);
  const threads = shared(8);
  store<u32>(threads, CreateThread(0, 0, pinger.index, p, 0, 0));
  store<u32>(threads + 4, CreateThread(0, 0, ponger.index, p, 0, 0));
  ok(load<u32>(threads) != 0 && load<u32>(threads + 4) != 0, "CreateThread");
  ok(SetEvent(a) != 0, "serve");
  eq(WaitForMultipleObjects(2, threads, 1, INFINITE), WAIT_OBJECT_0, "both threads done");
  eq(atomic.load<i32>(p + 8), ITERS, "pings");
  eq(atomic.load<i32>(p + 12), ITERS, "pongs");
  eq(atomic.load<i32>(p + 16), 0, "turn-order violations");
  eq(atomic.load<i32>(p + 20), 0, "failed waits");
  eq(WaitForSingleObject(a, 0), WAIT_OBJECT_0, "the last pong set event A");
  eq(WaitForSingleObject(b, 0), 0x102, "event B consumed");
  CloseHandle(load<u32>(threads)); CloseHandle(load<u32>(threads + 4));
  CloseHandle(a); CloseHandle(b);
  return done();
}
