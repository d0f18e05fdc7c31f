// User-mode synchronization on guest memory (usermode.wasm): critical sections, SRW locks,
// condition variables, InitOnceExecuteOnce, WaitOnAddress. Expected values follow Windows as Wine's
// kernel32/tests/sync.c and ntdll/tests/sync.c record it (test_condvars, test_srwlock,
// test_initonce, test_WaitOnAddress), plus the ntsync stress rule: 4 threads × 10,000 locked
// increments end at exactly 40,000.
// Thread functions never allocate: they report through shared memory, the main thread checks.
import {
  CloseHandle, CreateThread, CONDITION_VARIABLE_LOCKMODE_SHARED, ERROR_INVALID_PARAMETER, ERROR_TIMEOUT, GetCurrentThreadId,
  GetLastError, SetLastError, Sleep, WaitForSingleObject, WAIT_OBJECT_0,
  InitializeCriticalSection, InitializeCriticalSectionAndSpinCount, EnterCriticalSection, TryEnterCriticalSection,
  LeaveCriticalSection, DeleteCriticalSection, SetCriticalSectionSpinCount,
  InitializeSRWLock, AcquireSRWLockExclusive, ReleaseSRWLockExclusive, AcquireSRWLockShared, ReleaseSRWLockShared,
  TryAcquireSRWLockExclusive, TryAcquireSRWLockShared,
  InitializeConditionVariable, SleepConditionVariableCS, SleepConditionVariableSRW, WakeConditionVariable,
  WakeAllConditionVariable, InitOnceInitialize, InitOnceExecuteOnce, WaitOnAddress, WakeByAddressSingle, WakeByAddressAll,
} from "../ntwasm";
import { done, eq, ok, shared } from "../lib/test";

/** Generous finite timeout for joins, so a bug fails a check instead of hanging the suite. */
const JOIN: u32 = 20000;
const CS_SIZE: usize = 24;

function start(fn: u32, p: usize): u32 {
  const th = CreateThread(0, 0, fn, p, 0, 0);
  ok(th != 0, "CreateThread");
  return th;
}

function join(th: u32, what: string): void {
  eq(WaitForSingleObject(th, JOIN), WAIT_OBJECT_0, what + ": thread finished");
  CloseHandle(th);
}

/** Polls `p` until it holds `v` (bounded: a bug fails the check that follows instead of hanging). */
function until(p: usize, v: i32): void {
  for (let i = 0; i < 20000 && atomic.load<i32>(p) != v; i++) Sleep(1);
}

// ---------------------------------------------------------------------------------------------
// Critical sections

export function test_critical_section_recursion(): i32 {
  const cs = shared(CS_SIZE);
  InitializeCriticalSection(cs);
  eq(load<i32>(cs, 4), -1, "LockCount after init");
  eq(load<i32>(cs, 8), 0, "RecursionCount after init");
  eq(load<u32>(cs, 12), 0, "OwningThread after init");
  EnterCriticalSection(cs);
  EnterCriticalSection(cs);
  EnterCriticalSection(cs);
  eq(load<i32>(cs, 8), 3, "RecursionCount after 3 enters");
  eq(load<i32>(cs, 4), 2, "LockCount after 3 enters");
  eq(load<u32>(cs, 12), GetCurrentThreadId(), "OwningThread is the caller's id");
  eq(TryEnterCriticalSection(cs), 1, "TryEnter by the owner");
  eq(load<i32>(cs, 8), 4, "RecursionCount after TryEnter");
  for (let i = 0; i < 3; i++) LeaveCriticalSection(cs);
  eq(load<i32>(cs, 8), 1, "RecursionCount after 3 leaves");
  eq(load<u32>(cs, 12), GetCurrentThreadId(), "still owned");
  LeaveCriticalSection(cs);
  eq(load<i32>(cs, 4), -1, "LockCount after the last leave");
  eq(load<i32>(cs, 8), 0, "RecursionCount after the last leave");
  eq(load<u32>(cs, 12), 0, "OwningThread after the last leave");
  LeaveCriticalSection(cs); // not entered: ignored
  eq(load<i32>(cs, 4), -1, "an extra leave changes nothing");
  DeleteCriticalSection(cs);

  eq(InitializeCriticalSectionAndSpinCount(cs, 4000), 1, "InitializeCriticalSectionAndSpinCount");
  eq(load<u32>(cs, 20), 4000, "SpinCount");
  eq(SetCriticalSectionSpinCount(cs, 100), 4000, "SetCriticalSectionSpinCount returns the old count");
  EnterCriticalSection(cs);
  EnterCriticalSection(cs);
  eq(load<i32>(cs, 8), 2, "recursion with a spin count");
  LeaveCriticalSection(cs);
  LeaveCriticalSection(cs);
  eq(load<i32>(cs, 4), -1, "free again");
  DeleteCriticalSection(cs);
  return done();
}

/** [0..24) cs, [24] TryEnter result, [28] done. */
function tryEnterOther(p: u32): u32 {
  store<i32>(p + 24, TryEnterCriticalSection(p));
  if (load<i32>(p + 24)) LeaveCriticalSection(p);
  return 0;
}

export function test_try_enter_from_another_thread(): i32 {
  const p = shared(32);
  InitializeCriticalSection(p);
  EnterCriticalSection(p);
  store<i32>(p + 24, -1);
  join(start(tryEnterOther.index, p), "TryEnter while owned");
  eq(load<i32>(p + 24), 0, "TryEnter from another thread fails while the section is owned");
  eq(load<u32>(p + 12), GetCurrentThreadId(), "the owner is unchanged");
  LeaveCriticalSection(p);
  join(start(tryEnterOther.index, p), "TryEnter while free");
  eq(load<i32>(p + 24), 1, "TryEnter from another thread succeeds once the section is free");
  eq(load<i32>(p + 4), -1, "free after the other thread left");
  DeleteCriticalSection(p);
  return done();
}

const ITERS: i32 = 10000;
const THREADS: i32 = 4;

/** [0..24) cs, [24] counter. */
function csIncrement(p: u32): u32 {
  for (let i = 0; i < ITERS; i++) {
    EnterCriticalSection(p);
    store<i32>(p + 24, load<i32>(p + 24) + 1); // not atomic: the section protects it
    LeaveCriticalSection(p);
  }
  return 0;
}

/** [0] SRW lock, [4] counter. */
function srwIncrement(p: u32): u32 {
  for (let i = 0; i < ITERS; i++) {
    AcquireSRWLockExclusive(p);
    store<i32>(p + 4, load<i32>(p + 4) + 1);
    ReleaseSRWLockExclusive(p);
  }
  return 0;
}

function stress(fn: u32, p: usize): void {
  const ths = shared(4 * THREADS);
  for (let i = 0; i < THREADS; i++) store<u32>(ths + 4 * i, start(fn, p));
  for (let i = 0; i < THREADS; i++) join(load<u32>(ths + 4 * i), "incrementer");
}

export function test_critical_section_stress(): i32 {
  const p = shared(32);
  InitializeCriticalSection(p);
  stress(csIncrement.index, p);
  eq(load<i32>(p + 24), THREADS * ITERS, "4 threads × 10,000 increments under a critical section");
  eq(load<i32>(p + 4), -1, "free at the end");
  eq(load<u32>(p + 12), 0, "no owner at the end");
  DeleteCriticalSection(p);
  return done();
}

export function test_critical_section_stress_spin(): i32 {
  const p = shared(32);
  InitializeCriticalSectionAndSpinCount(p, 1000);
  stress(csIncrement.index, p);
  eq(load<i32>(p + 24), THREADS * ITERS, "the same with a spin count");
  eq(load<i32>(p + 4), -1, "free at the end");
  return done();
}

// ---------------------------------------------------------------------------------------------
// SRW locks

export function test_srw_exclusive_stress(): i32 {
  const p = shared(8);
  InitializeSRWLock(p);
  stress(srwIncrement.index, p);
  eq(load<i32>(p + 4), THREADS * ITERS, "4 threads × 10,000 increments under an SRW lock");
  eq(load<i32>(p), 0, "the lock word is free at the end");
  return done();
}

export function test_srw_try_acquire(): i32 {
  const l = shared(4);
  InitializeSRWLock(l);
  ok(TryAcquireSRWLockExclusive(l), "TryAcquireExclusive on a free lock");
  ok(!TryAcquireSRWLockExclusive(l), "TryAcquireExclusive while held exclusively");
  ok(!TryAcquireSRWLockShared(l), "TryAcquireShared while held exclusively");
  ReleaseSRWLockExclusive(l);
  ok(TryAcquireSRWLockShared(l), "TryAcquireShared on a free lock");
  ok(TryAcquireSRWLockShared(l), "TryAcquireShared again: shared holders coexist");
  ok(!TryAcquireSRWLockExclusive(l), "TryAcquireExclusive while held shared");
  ReleaseSRWLockShared(l);
  ok(!TryAcquireSRWLockExclusive(l), "TryAcquireExclusive while one shared holder remains");
  ReleaseSRWLockShared(l);
  ok(TryAcquireSRWLockExclusive(l), "TryAcquireExclusive once every holder left");
  ReleaseSRWLockExclusive(l);
  eq(load<i32>(l), 0, "free at the end");
  return done();
}

/**
 * [0] lock, [4] readers inside, [8] readers that saw two inside, [12] writer inside, [16] TryExclusive
 * by a reader, [20] readers that ever got in (never decremented: each waits, holding the lock, until both did).
 */
function reader(p: u32): u32 {
  AcquireSRWLockShared(p);
  atomic.add<i32>(p + 4, 1);
  atomic.add<i32>(p + 20, 1);
  for (let i = 0; i < 20000 && atomic.load<i32>(p + 20) < 2; i++) Sleep(1);
  if (atomic.load<i32>(p + 20) >= 2) atomic.add<i32>(p + 8, 1);
  if (atomic.load<i32>(p + 12)) atomic.store<i32>(p + 12, 99); // a writer inside with readers: wrong
  store<i32>(p + 16, TryAcquireSRWLockExclusive(p) ? 1 : 0);
  atomic.sub<i32>(p + 4, 1);
  ReleaseSRWLockShared(p);
  return 0;
}

function writer(p: u32): u32 {
  AcquireSRWLockExclusive(p);
  atomic.store<i32>(p + 12, atomic.load<i32>(p + 4) == 0 ? 1 : 98); // 98: readers were still inside
  ReleaseSRWLockExclusive(p);
  return 0;
}

export function test_srw_shared(): i32 {
  const p = shared(24);
  InitializeSRWLock(p);
  const r1 = start(reader.index, p);
  const r2 = start(reader.index, p);
  join(r1, "reader 1");
  join(r2, "reader 2");
  eq(load<i32>(p + 8), 2, "two shared holders were inside at once");
  eq(load<i32>(p + 16), 0, "TryAcquireExclusive fails for a shared holder");
  eq(load<i32>(p), 0, "free after the readers");

  // A writer waits while a shared holder is inside, and gets in when it leaves.
  AcquireSRWLockShared(p);
  atomic.store<i32>(p + 4, 1);
  const w = start(writer.index, p);
  Sleep(50); // give the writer the chance to get in wrongly
  eq(atomic.load<i32>(p + 12), 0, "the writer is excluded while a reader holds the lock");
  atomic.store<i32>(p + 4, 0);
  ReleaseSRWLockShared(p);
  join(w, "writer");
  eq(atomic.load<i32>(p + 12), 1, "the writer got in after the reader left");
  eq(load<i32>(p), 0, "free at the end");
  return done();
}

// ---------------------------------------------------------------------------------------------
// Condition variables: a bounded buffer, 2 producers and 2 consumers.
// Block: [0..24) cs, [24] srw, [28] notEmpty, [32] notFull, [36] count, [40] consumed, [44] sum, [48] mode (0 CS, 1 SRW)
const ITEMS: i32 = 2000; // per producer and per consumer
const CAPACITY: i32 = 3;

function lockB(p: u32): void { if (load<i32>(p + 48)) AcquireSRWLockExclusive(p + 24); else EnterCriticalSection(p); }
function unlockB(p: u32): void { if (load<i32>(p + 48)) ReleaseSRWLockExclusive(p + 24); else LeaveCriticalSection(p); }
function sleepB(p: u32, cv: u32): void {
  if (load<i32>(p + 48)) SleepConditionVariableSRW(cv, p + 24, JOIN, 0);
  else SleepConditionVariableCS(cv, p, JOIN);
}

function producer(p: u32): u32 {
  for (let i = 1; i <= ITEMS; i++) {
    lockB(p);
    while (load<i32>(p + 36) == CAPACITY) sleepB(p, p + 32);
    store<i32>(p + 36, load<i32>(p + 36) + 1);
    WakeConditionVariable(p + 28);
    unlockB(p);
  }
  return 0;
}

function consumer(p: u32): u32 {
  for (let i = 0; i < ITEMS; i++) {
    lockB(p);
    while (load<i32>(p + 36) == 0) sleepB(p, p + 28);
    store<i32>(p + 36, load<i32>(p + 36) - 1);
    store<i32>(p + 40, load<i32>(p + 40) + 1);
    WakeConditionVariable(p + 32);
    unlockB(p);
  }
  return 0;
}

function producerConsumer(mode: i32): void {
  const p = shared(52);
  InitializeCriticalSection(p);
  InitializeSRWLock(p + 24);
  InitializeConditionVariable(p + 28);
  InitializeConditionVariable(p + 32);
  store<i32>(p + 48, mode);
  const ths = shared(16);
  store<u32>(ths, start(consumer.index, p));
  store<u32>(ths + 4, start(consumer.index, p));
  store<u32>(ths + 8, start(producer.index, p));
  store<u32>(ths + 12, start(producer.index, p));
  for (let i = 0; i < 4; i++) join(load<u32>(ths + 4 * i), "producer/consumer");
  eq(load<i32>(p + 40), 2 * ITEMS, "every item was consumed");
  eq(load<i32>(p + 36), 0, "the buffer is empty");
}

export function test_condvar_cs_producer_consumer(): i32 {
  producerConsumer(0);
  return done();
}

export function test_condvar_srw_producer_consumer(): i32 {
  producerConsumer(1);
  return done();
}

/** [0] srw, [4] cv, [8] flag, [12] readers that saw the flag. Waits for the flag holding the lock shared. */
function sharedSleeper(p: u32): u32 {
  AcquireSRWLockShared(p);
  while (!load<i32>(p + 8)) SleepConditionVariableSRW(p + 4, p, JOIN, CONDITION_VARIABLE_LOCKMODE_SHARED);
  atomic.add<i32>(p + 12, 1);
  ReleaseSRWLockShared(p);
  return 0;
}

export function test_condvar_srw_shared_mode(): i32 {
  const p = shared(16);
  const a = start(sharedSleeper.index, p);
  const b = start(sharedSleeper.index, p);
  Sleep(20);
  AcquireSRWLockExclusive(p);
  store<i32>(p + 8, 1);
  WakeAllConditionVariable(p + 4);
  ReleaseSRWLockExclusive(p);
  join(a, "shared sleeper a");
  join(b, "shared sleeper b");
  eq(load<i32>(p + 12), 2, "both shared sleepers woke with the lock held shared");
  eq(load<i32>(p), 0, "the lock is free at the end");
  return done();
}

export function test_condvar_timeout(): i32 {
  const cs = shared(CS_SIZE);
  const srw = shared(4);
  const cv = shared(4);
  InitializeCriticalSection(cs);
  InitializeConditionVariable(cv);
  EnterCriticalSection(cs);
  SetLastError(0xdeadbeef);
  eq(SleepConditionVariableCS(cv, cs, 10), 0, "SleepConditionVariableCS times out");
  eq(GetLastError(), ERROR_TIMEOUT, "... with ERROR_TIMEOUT");
  eq(load<u32>(cs, 12), GetCurrentThreadId(), "... and the section is entered again");
  eq(load<i32>(cs, 8), 1, "... once");
  SetLastError(0xdeadbeef);
  eq(SleepConditionVariableCS(cv, cs, 0), 0, "timeout 0");
  eq(GetLastError(), ERROR_TIMEOUT, "timeout 0: ERROR_TIMEOUT");
  LeaveCriticalSection(cs);
  eq(load<i32>(cs, 4), -1, "the section is free after leaving");

  InitializeSRWLock(srw);
  AcquireSRWLockExclusive(srw);
  SetLastError(0xdeadbeef);
  eq(SleepConditionVariableSRW(cv, srw, 10, 0), 0, "SleepConditionVariableSRW times out");
  eq(GetLastError(), ERROR_TIMEOUT, "... with ERROR_TIMEOUT");
  ok(!TryAcquireSRWLockShared(srw), "... and the lock is held exclusively again");
  ReleaseSRWLockExclusive(srw);
  AcquireSRWLockShared(srw);
  SetLastError(0xdeadbeef);
  eq(SleepConditionVariableSRW(cv, srw, 10, CONDITION_VARIABLE_LOCKMODE_SHARED), 0, "shared mode times out");
  eq(GetLastError(), ERROR_TIMEOUT, "... with ERROR_TIMEOUT");
  ok(TryAcquireSRWLockShared(srw), "... and the lock is held shared again");
  ReleaseSRWLockShared(srw);
  ReleaseSRWLockShared(srw);
  eq(load<i32>(srw), 0, "the lock is free at the end");
  WakeConditionVariable(cv); // nobody sleeps: lost
  WakeAllConditionVariable(cv);
  return done();
}

// ---------------------------------------------------------------------------------------------
// InitOnceExecuteOnce
// Block: [0] INIT_ONCE, [4] calls, [8] fail the call (1), [12..28) per thread result, [28..44) per thread context, [44] go

function initFn(once: u32, param: u32, context: u32): i32 {
  atomic.add<i32>(param + 4, 1);
  if (load<i32>(param + 8)) return 0;
  Sleep(20); // let the other callers pile up behind the first
  if (context) store<u32>(context, 0x12340);
  return 1;
}

function initOnceRacer(p: u32): u32 {
  const i = atomic.add<i32>(p + 48, 1); // which slot
  until(p + 44, 1);
  store<i32>(p + 12 + 4 * i, InitOnceExecuteOnce(p, initFn.index, p, p + 28 + 4 * i));
  return 0;
}

export function test_init_once(): i32 {
  const p = shared(52);
  InitOnceInitialize(p);
  const ths = shared(16);
  for (let i = 0; i < 4; i++) store<u32>(ths + 4 * i, start(initOnceRacer.index, p));
  until(p + 48, 4);
  atomic.store<i32>(p + 44, 1);
  for (let i = 0; i < 4; i++) join(load<u32>(ths + 4 * i), "InitOnce racer");
  eq(load<i32>(p + 4), 1, "the init function ran exactly once");
  for (let i = 0; i < 4; i++) {
    eq(load<i32>(p + 12 + 4 * i), 1, "InitOnceExecuteOnce returned TRUE");
    eq(load<u32>(p + 28 + 4 * i), 0x12340, "each caller got the context");
  }
  const ctx = shared(4);
  eq(InitOnceExecuteOnce(p, initFn.index, p, ctx), 1, "a later call succeeds");
  eq(load<u32>(ctx), 0x12340, "... with the context");
  eq(load<i32>(p + 4), 1, "... without running the function again");

  // A failed init lets a later caller try again.
  const q = shared(52);
  InitOnceInitialize(q);
  store<i32>(q + 8, 1);
  eq(InitOnceExecuteOnce(q, initFn.index, q, 0), 0, "a failing init function makes it FALSE");
  store<i32>(q + 8, 0);
  eq(InitOnceExecuteOnce(q, initFn.index, q, ctx), 1, "the next call runs the function again");
  eq(load<i32>(q + 4), 2, "the function ran twice in all");
  eq(load<u32>(ctx), 0x12340, "... and its context is returned");
  return done();
}

// ---------------------------------------------------------------------------------------------
// WaitOnAddress
// Block: [0] address, [4] compare value, [8..20) per waiter result, [20..32) per waiter last error, [32] waiters done, [36] slot

function addressWaiter(p: u32): u32 {
  const i = atomic.add<i32>(p + 36, 1);
  const r = WaitOnAddress(p, p + 4, 4, JOIN);
  store<i32>(p + 8 + 4 * i, r);
  store<u32>(p + 20 + 4 * i, r ? 0 : GetLastError());
  atomic.add<i32>(p + 32, 1);
  return 0;
}

/** Starts `n` waiters on an unchanged value and wakes them with `wake` until every one returned. */
function wakeWaiters(n: i32, all: bool): void {
  const p = shared(40);
  const ths = shared(12);
  for (let i = 0; i < n; i++) store<u32>(ths + 4 * i, start(addressWaiter.index, p));
  until(p + 36, n);
  for (let i = 0; i < 20000 && atomic.load<i32>(p + 32) < n; i++) {
    if (all) WakeByAddressAll(p); else WakeByAddressSingle(p);
    Sleep(1);
  }
  for (let i = 0; i < n; i++) join(load<u32>(ths + 4 * i), "address waiter");
  for (let i = 0; i < n; i++) {
    eq(load<i32>(p + 8 + 4 * i), 1, (all ? "WakeByAddressAll" : "WakeByAddressSingle") + " woke the waiter (value unchanged)");
  }
}

export function test_wait_on_address(): i32 {
  const p = shared(16);
  store<u32>(p, 1);
  store<u32>(p + 4, 2);
  eq(WaitOnAddress(p, p + 4, 4, JOIN), 1, "values differ: TRUE at once");
  store<u32>(p + 4, 1);
  SetLastError(0xdeadbeef);
  eq(WaitOnAddress(p, p + 4, 4, 20), 0, "equal values: times out");
  eq(GetLastError(), ERROR_TIMEOUT, "... with ERROR_TIMEOUT");
  SetLastError(0xdeadbeef);
  eq(WaitOnAddress(p, p + 4, 4, 0), 0, "timeout 0");
  eq(GetLastError(), ERROR_TIMEOUT, "timeout 0: ERROR_TIMEOUT");
  SetLastError(0xdeadbeef);
  eq(WaitOnAddress(p, p + 4, 3, 0), 0, "size 3 is invalid");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "... ERROR_INVALID_PARAMETER");
  store<u8>(p + 8, 7);
  store<u8>(p + 12, 8);
  eq(WaitOnAddress(p + 8, p + 12, 1, JOIN), 1, "1-byte values differ");
  store<u64>(p, 0x100000001);
  store<u64>(p + 8, 0x100000002);
  eq(WaitOnAddress(p, p + 8, 8, JOIN), 1, "8-byte values differ in the low word");
  store<u64>(p + 8, 0x100000001);
  eq(WaitOnAddress(p, p + 8, 8, 10), 0, "8-byte values equal: times out");
  WakeByAddressSingle(p); // nobody waits: lost
  WakeByAddressAll(p);
  eq(WaitOnAddress(p, p + 8, 8, 10), 0, "a wake with no waiter is lost");

  wakeWaiters(1, false);
  wakeWaiters(3, true);

  // A waiter returns when the value changes and WakeByAddressSingle follows.
  const q = shared(40);
  const th = start(addressWaiter.index, q);
  until(q + 36, 1);
  Sleep(10);
  atomic.store<u32>(q, 5);
  WakeByAddressSingle(q);
  join(th, "value-change waiter");
  eq(load<i32>(q + 8), 1, "woken by a change and WakeByAddressSingle");
  return done();
}

// ---------------------------------------------------------------------------------------------
// Uncontended paths (test/usermode.test.ts counts kernel-lock entries around these; not test_*)

function uncontended(n: i32): i32 {
  const cs = shared(CS_SIZE);
  const srw = shared(4);
  const cv = shared(4);
  InitializeCriticalSection(cs);
  InitializeSRWLock(srw);
  InitializeConditionVariable(cv);
  for (let i = 0; i < n; i++) {
    EnterCriticalSection(cs);
    TryEnterCriticalSection(cs);
    LeaveCriticalSection(cs);
    LeaveCriticalSection(cs);
    AcquireSRWLockExclusive(srw);
    ReleaseSRWLockExclusive(srw);
    AcquireSRWLockShared(srw);
    TryAcquireSRWLockShared(srw);
    ReleaseSRWLockShared(srw);
    ReleaseSRWLockShared(srw);
    WakeConditionVariable(cv);
    WakeAllConditionVariable(cv);
  }
  DeleteCriticalSection(cs);
  return load<i32>(cs, 4) == -1 && load<i32>(srw) == 0 ? 0 : 1;
}

export function uncontended_0(): i32 { return uncontended(0); }
export function uncontended_1m(): i32 { return uncontended(1000000); }
