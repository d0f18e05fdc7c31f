// CONDITION_VARIABLE: one 32-bit word in guest memory. Bits 1..31 count wakes; bit 0 says threads
// sleep (or may). A sleeper notes the word (setting bit 0), releases its lock, and waits for the word
// to change (WaitOnAddress on the variable). Wake and WakeAll bump the count, so a sleeper that had
// not reached the kernel yet sees the change and returns; they call the kernel only when bit 0 is
// set. WakeAll clears the bit (everyone is woken); Wake leaves it, since others may still sleep.
//
// A misaligned variable (unaligned.ts) keeps the same bits in the aligned halfword inside it: the
// count wraps after 32768 wakes instead of 2^31, so a sleeper would miss a wake only if exactly a
// multiple of 32768 came between its release of the lock and its entry into the kernel wait.
import { CONDITION_VARIABLE_LOCKMODE_SHARED, ERROR_TIMEOUT, NTW_LOCK_CONDITION_VARIABLE, SetLastError } from "./kernel";
import { wakeAll, wakeOne, waitCell } from "./address";
import { EnterCriticalSection, LeaveCriticalSection } from "./critsec";
import { AcquireSRWLockExclusive, AcquireSRWLockShared, ReleaseSRWLockExclusive, ReleaseSRWLockShared } from "./srwlock";
import { aligned4, halfIn } from "./unaligned";

const SLEEPERS = 1;
const WAKE = 2;

export function InitializeConditionVariable(cv: usize): void {
  if (aligned4(cv)) atomic.store<u32>(cv, 0);
  else store<u32>(cv, 0); // no thread may use it meanwhile; zero in both encodings
}

/** The word a sleeper waits to change, with the sleepers bit set (taken while the caller holds its lock). */
function noteSleeper<T>(cell: usize): T {
  while (true) {
    const s: T = <T>atomic.load<T>(cell);
    if (s & <T>SLEEPERS) return s;
    if (atomic.cmpxchg<T>(cell, s, s | <T>SLEEPERS) == s) return s | <T>SLEEPERS;
  }
}

function result(woken: bool): i32 {
  if (woken) return 1;
  SetLastError(ERROR_TIMEOUT);
  return 0;
}

export function SleepConditionVariableCS(cv: usize, cs: usize, timeoutMs: u32): i32 {
  let woken: bool;
  if (aligned4(cv)) {
    const s = noteSleeper<u32>(cv);
    LeaveCriticalSection(cs);
    woken = waitCell<u32>(cv, s, timeoutMs, NTW_LOCK_CONDITION_VARIABLE, cv);
  } else {
    const cell = halfIn(cv);
    const s = noteSleeper<u16>(cell);
    LeaveCriticalSection(cs);
    woken = waitCell<u16>(cell, s, timeoutMs, NTW_LOCK_CONDITION_VARIABLE, cv);
  }
  EnterCriticalSection(cs);
  return result(woken);
}

export function SleepConditionVariableSRW(cv: usize, lock: usize, timeoutMs: u32, flags: u32): i32 {
  const shared = (flags & CONDITION_VARIABLE_LOCKMODE_SHARED) != 0;
  let woken: bool;
  if (aligned4(cv)) {
    const s = noteSleeper<u32>(cv);
    if (shared) ReleaseSRWLockShared(lock); else ReleaseSRWLockExclusive(lock);
    woken = waitCell<u32>(cv, s, timeoutMs, NTW_LOCK_CONDITION_VARIABLE, cv);
  } else {
    const cell = halfIn(cv);
    const s = noteSleeper<u16>(cell);
    if (shared) ReleaseSRWLockShared(lock); else ReleaseSRWLockExclusive(lock);
    woken = waitCell<u16>(cell, s, timeoutMs, NTW_LOCK_CONDITION_VARIABLE, cv);
  }
  if (shared) AcquireSRWLockShared(lock); else AcquireSRWLockExclusive(lock);
  return result(woken);
}

function wake<T>(cell: usize): void {
  if (atomic.add<T>(cell, <T>WAKE) & <T>SLEEPERS) wakeOne(cell);
}

function wakeEvery<T>(cell: usize): void {
  while (true) {
    const s: T = <T>atomic.load<T>(cell);
    if (atomic.cmpxchg<T>(cell, s, (s + <T>WAKE) & ~<T>SLEEPERS) == s) {
      if (s & <T>SLEEPERS) wakeAll(cell);
      return;
    }
  }
}

export function WakeConditionVariable(cv: usize): void {
  if (aligned4(cv)) wake<u32>(cv); else wake<u16>(halfIn(cv));
}

export function WakeAllConditionVariable(cv: usize): void {
  if (aligned4(cv)) wakeEvery<u32>(cv); else wakeEvery<u16>(halfIn(cv));
}
