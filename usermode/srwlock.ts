// SRWLOCK: one 32-bit word in guest memory. Bit 0: held exclusively; bit 1: threads wait (or may);
// bits 2..31: the number of shared holders. Acquiring and releasing are one compare-and-swap when
// nobody waits. A thread that must wait sets the waiters bit and waits for the word to change
// (WaitOnAddress on the lock itself); a release that finds the bit clears it and wakes every waiter,
// which then compete again. Shared acquirers defer to waiting threads, so writers do not starve.
//
// A misaligned lock (unaligned.ts) keeps the same bits in the aligned halfword inside it: bits
// 2..15 count at most 16383 shared holders, and a shared acquirer beyond that waits for a release.
import { INFINITE, NTW_LOCK_SRWLOCK } from "./kernel";
import { wakeAll, waitCell } from "./address";
import { aligned4, halfIn } from "./unaligned";

const EXCLUSIVE = 1;
const WAITERS = 2;
const SHARED = 4;
/** Polls before waiting in the kernel: a lock held for a few instructions is often free by then. */
const SPIN = 64;

/** The shared count is full (only a 16-bit cell can get there). */
// @ts-ignore: decorator
@inline function sharedFull<T>(s: T): bool {
  return sizeof<T>() == 2 && (<u32>s | (EXCLUSIVE | WAITERS)) == 0xffff;
}

export function InitializeSRWLock(lock: usize): void {
  if (aligned4(lock)) atomic.store<u32>(lock, 0);
  else store<u32>(lock, 0); // plain: the lock must not be in use, and zero is free in both encodings
}

/** Marks the lock as waited for and waits for its word to change from `s`. */
function waitChange<T>(cell: usize, s: T): void {
  if (!(s & <T>WAITERS)) {
    if (atomic.cmpxchg<T>(cell, s, s | <T>WAITERS) != s) return; // changed meanwhile: retry at once
    s |= <T>WAITERS;
  }
  waitCell<T>(cell, s, INFINITE, NTW_LOCK_SRWLOCK, cell);
}

function acquireExclusive<T>(cell: usize): void {
  let spins = 0;
  while (true) {
    const s: T = <T>atomic.load<T>(cell);
    if ((s & ~<T>WAITERS) == 0) {
      if (atomic.cmpxchg<T>(cell, s, s | <T>EXCLUSIVE) == s) return;
      continue;
    }
    if (spins++ < SPIN) continue;
    waitChange<T>(cell, s);
  }
}

function releaseExclusive<T>(cell: usize): void {
  if (atomic.xchg<T>(cell, 0) & <T>WAITERS) wakeAll(cell);
}

function acquireShared<T>(cell: usize): void {
  let spins = 0;
  while (true) {
    const s: T = <T>atomic.load<T>(cell);
    if (!(s & <T>(EXCLUSIVE | WAITERS)) && !sharedFull<T>(s)) {
      if (atomic.cmpxchg<T>(cell, s, s + <T>SHARED) == s) return;
      continue;
    }
    if (spins++ < SPIN) continue;
    waitChange<T>(cell, s);
  }
}

function releaseShared<T>(cell: usize): void {
  while (true) {
    const s: T = <T>atomic.load<T>(cell);
    let n: T = s - <T>SHARED;
    if ((n & ~<T>WAITERS) == 0) n = 0; // the last holder out clears the waiters bit and wakes them
    if (atomic.cmpxchg<T>(cell, s, n) == s) {
      if (n == 0 && (s & <T>WAITERS)) wakeAll(cell);
      return;
    }
  }
}

function tryShared<T>(cell: usize): bool {
  while (true) {
    const s: T = <T>atomic.load<T>(cell);
    if ((s & <T>(EXCLUSIVE | WAITERS)) || sharedFull<T>(s)) return false;
    if (atomic.cmpxchg<T>(cell, s, s + <T>SHARED) == s) return true;
  }
}

export function AcquireSRWLockExclusive(lock: usize): void {
  if (aligned4(lock)) acquireExclusive<u32>(lock); else acquireExclusive<u16>(halfIn(lock));
}

export function ReleaseSRWLockExclusive(lock: usize): void {
  if (aligned4(lock)) releaseExclusive<u32>(lock); else releaseExclusive<u16>(halfIn(lock));
}

export function AcquireSRWLockShared(lock: usize): void {
  if (aligned4(lock)) acquireShared<u32>(lock); else acquireShared<u16>(halfIn(lock));
}

export function ReleaseSRWLockShared(lock: usize): void {
  if (aligned4(lock)) releaseShared<u32>(lock); else releaseShared<u16>(halfIn(lock));
}

export function TryAcquireSRWLockExclusive(lock: usize): bool {
  if (aligned4(lock)) return atomic.cmpxchg<u32>(lock, 0, EXCLUSIVE) == 0;
  return atomic.cmpxchg<u16>(halfIn(lock), 0, <u16>EXCLUSIVE) == 0;
}

export function TryAcquireSRWLockShared(lock: usize): bool {
  return aligned4(lock) ? tryShared<u32>(lock) : tryShared<u16>(halfIn(lock));
}
