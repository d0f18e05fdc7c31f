// SRWLOCK: one 32-bit word in guest memory. Bit 0: held exclusively; bit 1: threads wait (or may);
// bits 2..31: the number of shared holders. Acquiring and releasing are one compare-and-swap when
// nobody waits. A thread that must wait sets the waiters bit and waits for the word to change
// (WaitOnAddress on the lock itself); a release that finds the bit clears it and wakes every waiter,
// which then compete again. Shared acquirers defer to waiting threads, so writers do not starve.
import { INFINITE } from "./kernel";
import { wakeAll, waitWord } from "./address";

const EXCLUSIVE: i32 = 1;
const WAITERS: i32 = 2;
const SHARED: i32 = 4;
/** Polls before waiting in the kernel: a lock held for a few instructions is often free by then. */
const SPIN: i32 = 64;

export function InitializeSRWLock(lock: usize): void { atomic.store<i32>(lock, 0); }

/** Marks the lock as waited for and waits for its word to change from `s`. */
function waitChange(lock: usize, s: i32): void {
  if (!(s & WAITERS)) {
    if (atomic.cmpxchg<i32>(lock, s, s | WAITERS) != s) return; // changed meanwhile: retry at once
    s |= WAITERS;
  }
  waitWord(lock, s, INFINITE);
}

export function AcquireSRWLockExclusive(lock: usize): void {
  let spins = 0;
  while (true) {
    const s = atomic.load<i32>(lock);
    if ((s & ~WAITERS) == 0) {
      if (atomic.cmpxchg<i32>(lock, s, s | EXCLUSIVE) == s) return;
      continue;
    }
    if (spins++ < SPIN) continue;
    waitChange(lock, s);
  }
}

export function ReleaseSRWLockExclusive(lock: usize): void {
  if (atomic.xchg<i32>(lock, 0) & WAITERS) wakeAll(lock);
}

export function AcquireSRWLockShared(lock: usize): void {
  let spins = 0;
  while (true) {
    const s = atomic.load<i32>(lock);
    if (!(s & (EXCLUSIVE | WAITERS))) {
      if (atomic.cmpxchg<i32>(lock, s, s + SHARED) == s) return;
      continue;
    }
    if (spins++ < SPIN) continue;
    waitChange(lock, s);
  }
}

export function ReleaseSRWLockShared(lock: usize): void {
  while (true) {
    const s = atomic.load<i32>(lock);
    let n = s - SHARED;
    if ((n & ~WAITERS) == 0) n = 0; // the last holder out clears the waiters bit and wakes them
    if (atomic.cmpxchg<i32>(lock, s, n) == s) {
      if (n == 0 && (s & WAITERS)) wakeAll(lock);
      return;
    }
  }
}

export function TryAcquireSRWLockExclusive(lock: usize): bool {
  return atomic.cmpxchg<i32>(lock, 0, EXCLUSIVE) == 0;
}

export function TryAcquireSRWLockShared(lock: usize): bool {
  while (true) {
    const s = atomic.load<i32>(lock);
    if (s & (EXCLUSIVE | WAITERS)) return false;
    if (atomic.cmpxchg<i32>(lock, s, s + SHARED) == s) return true;
  }
}
