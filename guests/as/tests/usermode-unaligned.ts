// User-mode locks at misaligned addresses (usermode/unaligned.ts): what guests/c/sdk/um_unaligned.c
// cannot check against Wine or from C: barriers (Wine 8.0 has none), the narrower encodings' limits
// (16383 shared holders of a misaligned SRW lock, a condition variable's wake count wrapping), the
// fields of a misaligned critical section, a never-touched byte next to each lock while another
// thread writes it, and that a misaligned lock takes no kernel call when uncontended.
// Thread functions never allocate: they report through shared memory, the main thread checks.
import {
  CloseHandle, CreateThread, ERROR_TIMEOUT, GetCurrentThreadId, GetLastError, SetLastError, WaitForSingleObject,
  WAIT_OBJECT_0, InitializeCriticalSection, EnterCriticalSection, TryEnterCriticalSection, LeaveCriticalSection,
  DeleteCriticalSection, InitializeSRWLock, AcquireSRWLockExclusive, ReleaseSRWLockExclusive, AcquireSRWLockShared,
  ReleaseSRWLockShared, TryAcquireSRWLockExclusive, TryAcquireSRWLockShared, InitializeConditionVariable,
  SleepConditionVariableSRW, WakeConditionVariable, WakeAllConditionVariable, InitOnceInitialize, InitOnceBeginInitialize,
  InitOnceComplete, InitializeSynchronizationBarrier, EnterSynchronizationBarrier, DeleteSynchronizationBarrier,
} from "../ntwasm";
import { done, eq, ok, shared } from "../lib/test";

const JOIN: u32 = 20000;
const THREADS: i32 = 4;

function start(fn: u32, p: usize): u32 {
  const th = CreateThread(0, 0, fn, p, 0, 0);
  ok(th != 0, "CreateThread");
  return th;
}

function join(th: u32, what: string): void {
  eq(WaitForSingleObject(th, JOIN), WAIT_OBJECT_0, what + ": thread finished");
  CloseHandle(th);
}

/** An 8-aligned block of `bytes` (shared() gives 16-aligned memory). */
function block(bytes: usize): usize {
  const p = shared(bytes + 8);
  return (p + 7) & ~(<usize>7);
}

// ---------------------------------------------------------------------------------------------
// Barriers at every offset: [0] barrier (24 bytes at +off), [32] phase count, [36] TRUE count,
// [40] a thread saw a phase end before every thread had arrived

const PHASES: i32 = 8;

function barrierThread(p: u32): u32 {
  const b = p + load<u32>(p + 44);
  for (let i = 0; i < PHASES; i++) {
    atomic.add<i32>(p + 32, 1);
    const last = EnterSynchronizationBarrier(b, i & 1 ? 2 : 0); // BLOCK_ONLY on odd phases
    if (atomic.load<i32>(p + 32) < (i + 1) * THREADS) atomic.store<i32>(p + 40, 1);
    if (last) atomic.add<i32>(p + 36, 1);
  }
  return 0;
}

export function test_barrier_at_every_offset(): i32 {
  for (let off: u32 = 1; off < 8; off++) {
    const p = block(64);
    store<u32>(p + 44, off);
    store<u8>(p + off - 1, 0xa5);
    store<u8>(p + off + 24, 0x5a);
    ok(InitializeSynchronizationBarrier(p + off, THREADS, -1) != 0, "InitializeSynchronizationBarrier +" + off.toString());
    const ths = shared(4 * THREADS);
    for (let i = 0; i < THREADS; i++) store<u32>(ths + 4 * i, start(barrierThread.index, p));
    for (let i = 0; i < THREADS; i++) join(load<u32>(ths + 4 * i), "barrier thread");
    eq(load<i32>(p + 36), PHASES, "one TRUE per phase at +" + off.toString());
    eq(load<i32>(p + 40), 0, "nobody left a phase early at +" + off.toString());
    eq(DeleteSynchronizationBarrier(p + off), 1, "DeleteSynchronizationBarrier");
    eq(load<u8>(p + off - 1), <u8>0xa5, "byte before the barrier");
    eq(load<u8>(p + off + 24), <u8>0x5a, "byte after the barrier");
  }
  return done();
}

// ---------------------------------------------------------------------------------------------
// The narrower encodings' limits

export function test_srw_shared_limit(): i32 {
  const p = block(16);
  const lock = p + 1;
  InitializeSRWLock(lock);
  let n = 0;
  while (n < 20000 && TryAcquireSRWLockShared(lock)) n++;
  eq(n, 16383, "shared holds of a misaligned SRW lock");
  ok(!TryAcquireSRWLockExclusive(lock), "no exclusive hold while shared");
  ReleaseSRWLockShared(lock);
  ok(TryAcquireSRWLockShared(lock), "one more after a release");
  for (let i = 0; i < n; i++) ReleaseSRWLockShared(lock);
  ok(TryAcquireSRWLockExclusive(lock), "free again after every release");
  ReleaseSRWLockExclusive(lock);
  return done();
}

/** [0] cv at +3, [8] SRW at +1, [16] flag, [20] woken count. */
function cvSleeper(p: u32): u32 {
  AcquireSRWLockExclusive(p + 9);
  while (!load<i32>(p + 16)) SleepConditionVariableSRW(p + 3, p + 9, JOIN, 0);
  store<i32>(p + 20, load<i32>(p + 20) + 1);
  ReleaseSRWLockExclusive(p + 9);
  return 0;
}

export function test_condvar_count_wraps(): i32 {
  const p = block(32);
  InitializeConditionVariable(p + 3);
  InitializeSRWLock(p + 9);
  for (let i = 0; i < 100000; i++) WakeConditionVariable(p + 3); // nobody sleeps: the count wraps
  AcquireSRWLockExclusive(p + 9);
  SetLastError(0);
  eq(SleepConditionVariableSRW(p + 3, p + 9, 10, 0), 0, "a sleep with no wake times out");
  eq(GetLastError(), ERROR_TIMEOUT, "ERROR_TIMEOUT");
  ReleaseSRWLockExclusive(p + 9);
  const a = start(cvSleeper.index, p);
  const b = start(cvSleeper.index, p);
  for (let i = 0; i < 100000; i++) WakeAllConditionVariable(p + 3); // wakes while they go to sleep
  AcquireSRWLockExclusive(p + 9);
  store<i32>(p + 16, 1);
  WakeAllConditionVariable(p + 3);
  ReleaseSRWLockExclusive(p + 9);
  join(a, "sleeper");
  join(b, "sleeper");
  eq(load<i32>(p + 20), 2, "both sleepers woken");
  return done();
}

// ---------------------------------------------------------------------------------------------
// A misaligned critical section keeps its fields in the aligned words inside it

export function test_critical_section_fields(): i32 {
  for (let off: u32 = 1; off < 4; off++) {
    const p = block(40);
    const cs = p + off;
    InitializeCriticalSection(cs);
    EnterCriticalSection(cs);
    EnterCriticalSection(cs);
    // LockCount, RecursionCount, OwningThread at +4, +8, +12 from cs rounded down to 4
    eq(atomic.load<i32>(p + 4), 1, "LockCount at the aligned word, +" + off.toString());
    eq(load<i32>(p + 8), 2, "RecursionCount at the aligned word");
    eq(load<u32>(p + 12), GetCurrentThreadId(), "OwningThread at the aligned word");
    ok(TryEnterCriticalSection(cs) != 0, "TryEnter by the owner");
    LeaveCriticalSection(cs);
    LeaveCriticalSection(cs);
    LeaveCriticalSection(cs);
    eq(atomic.load<i32>(p + 4), -1, "LockCount free again");
    DeleteCriticalSection(cs);
  }
  return done();
}

// ---------------------------------------------------------------------------------------------
// The bytes next to a lock belong to the program: a thread writes them all along

/** [0..16) locks at +1 (SRW) and +9 (cv); [0] and [5] the program's bytes; [16] stop; [20] counter; [24] writes. */
function neighbourWriter(p: u32): u32 {
  let v: u8 = 0;
  while (!atomic.load<i32>(p + 16)) {
    v++;
    store<u8>(p, v);
    store<u8>(p + 5, v);
    store<u8>(p + 8, v);
    store<u8>(p + 13, v);
  }
  store<i32>(p + 24, v);
  return 0;
}

function neighbourLocker(p: u32): u32 {
  for (let i = 0; i < 20000; i++) {
    if (i & 1) AcquireSRWLockShared(p + 1); else AcquireSRWLockExclusive(p + 1);
    if (!(i & 1)) store<i32>(p + 20, load<i32>(p + 20) + 1);
    if (i & 1) ReleaseSRWLockShared(p + 1); else ReleaseSRWLockExclusive(p + 1);
    WakeConditionVariable(p + 9);
  }
  return 0;
}

export function test_neighbour_bytes(): i32 {
  const p = block(32);
  InitializeSRWLock(p + 1);
  InitializeConditionVariable(p + 9);
  const w = start(neighbourWriter.index, p);
  const ths = shared(4 * THREADS);
  for (let i = 0; i < THREADS; i++) store<u32>(ths + 4 * i, start(neighbourLocker.index, p));
  for (let i = 0; i < THREADS; i++) join(load<u32>(ths + 4 * i), "locker");
  atomic.store<i32>(p + 16, 1);
  join(w, "writer");
  const v = <u8>load<i32>(p + 24);
  eq(load<u8>(p), v, "byte before the SRW lock: the writer's last value");
  eq(load<u8>(p + 5), v, "byte after the SRW lock");
  eq(load<u8>(p + 8), v, "byte before the condition variable");
  eq(load<u8>(p + 13), v, "byte after the condition variable");
  eq(load<i32>(p + 20), THREADS * 10000, "exclusive increments");
  ok(TryAcquireSRWLockExclusive(p + 1), "the lock is free at the end");
  return done();
}

// ---------------------------------------------------------------------------------------------
// One-time initialization: asynchronous completers race on a misaligned INIT_ONCE

/** [0..8) once at +off ([36] off), [12] winners, [16] other errors, [20] and [24] *fPending. */
function asyncRacer(p: u32): u32 {
  const once = p + load<u32>(p + 36);
  const pending = p + 20 + 4 * (GetCurrentThreadId() & 1);
  const ctx = shared(4);
  if (!InitOnceBeginInitialize(once, 2, pending, ctx)) { atomic.add<i32>(p + 16, 1); return 0; }
  const mine: u32 = 0xbeef0000 | (GetCurrentThreadId() << 2 & 0xfffc);
  if (InitOnceComplete(once, 2, mine)) atomic.add<i32>(p + 12, 1);
  else if (GetLastError() != 31) atomic.add<i32>(p + 16, 1); // ERROR_GEN_FAILURE
  return 0;
}

export function test_init_once_async_race(): i32 {
  for (let round = 0; round < 20; round++) {
    const off: u32 = 1 + (round % 3) * 2;
    const p = block(40);
    store<u32>(p + 36, off);
    InitOnceInitialize(p + off);
    const ths = shared(4 * THREADS);
    for (let i = 0; i < THREADS; i++) store<u32>(ths + 4 * i, start(asyncRacer.index, p));
    for (let i = 0; i < THREADS; i++) join(load<u32>(ths + 4 * i), "racer");
    eq(load<i32>(p + 12), 1, "one winner");
    eq(load<i32>(p + 16), 0, "no other error");
    const pending = shared(4);
    const ctx = shared(4);
    eq(InitOnceBeginInitialize(p + off, 1, pending, ctx), 1, "CHECK_ONLY after the race");
    eq(load<u32>(pending), 0, "done");
    eq(load<u32>(ctx) >> 16, 0xbeef, "the winner's context, high half");
  }
  return done();
}

// ---------------------------------------------------------------------------------------------
// No kernel call when uncontended (test/usermode-unaligned.test.ts counts kernel lock entries)

function uncontended(n: i32): i32 {
  const p = block(64);
  const cs = p + 1, srw = p + 29, cv = p + 35;
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
    ReleaseSRWLockShared(srw);
    WakeConditionVariable(cv);
    WakeAllConditionVariable(cv);
  }
  DeleteCriticalSection(cs);
  return 0;
}

export function uncontended_0(): i32 { return uncontended(0); }
export function uncontended_1m(): i32 { return uncontended(1000000); }
