// CONDITION_VARIABLE: one 32-bit word in guest memory. Bits 1..31 count wakes; bit 0 says threads
// sleep (or may). A sleeper notes the word (setting bit 0), releases its lock, and waits for the word
// to change (WaitOnAddress on the variable). Wake and WakeAll bump the count, so a sleeper that had
// not reached the kernel yet sees the change and returns; they call the kernel only when bit 0 is
// set. WakeAll clears the bit (everyone is woken); Wake leaves it, since others may still sleep.
import { CONDITION_VARIABLE_LOCKMODE_SHARED, ERROR_TIMEOUT, SetLastError } from "./kernel";
import { wakeAll, wakeOne, waitWord } from "./address";
import { EnterCriticalSection, LeaveCriticalSection } from "./critsec";
import { AcquireSRWLockExclusive, AcquireSRWLockShared, ReleaseSRWLockExclusive, ReleaseSRWLockShared } from "./srwlock";

const SLEEPERS: i32 = 1;
const WAKE: i32 = 2;

export function InitializeConditionVariable(cv: usize): void { atomic.store<i32>(cv, 0); }

/** The word a sleeper waits to change, with the sleepers bit set (taken while the caller holds its lock). */
function noteSleeper(cv: usize): i32 {
  while (true) {
    const s = atomic.load<i32>(cv);
    if (s & SLEEPERS) return s;
    if (atomic.cmpxchg<i32>(cv, s, s | SLEEPERS) == s) return s | SLEEPERS;
  }
}

function result(woken: bool): i32 {
  if (woken) return 1;
  SetLastError(ERROR_TIMEOUT);
  return 0;
}

export function SleepConditionVariableCS(cv: usize, cs: usize, timeoutMs: u32): i32 {
  const s = noteSleeper(cv);
  LeaveCriticalSection(cs);
  const woken = waitWord(cv, s, timeoutMs);
  EnterCriticalSection(cs);
  return result(woken);
}

export function SleepConditionVariableSRW(cv: usize, lock: usize, timeoutMs: u32, flags: u32): i32 {
  const shared = (flags & CONDITION_VARIABLE_LOCKMODE_SHARED) != 0;
  const s = noteSleeper(cv);
  if (shared) ReleaseSRWLockShared(lock); else ReleaseSRWLockExclusive(lock);
  const woken = waitWord(cv, s, timeoutMs);
  if (shared) AcquireSRWLockShared(lock); else AcquireSRWLockExclusive(lock);
  return result(woken);
}

export function WakeConditionVariable(cv: usize): void {
  if (atomic.add<i32>(cv, WAKE) & SLEEPERS) wakeOne(cv);
}

export function WakeAllConditionVariable(cv: usize): void {
  while (true) {
    const s = atomic.load<i32>(cv);
    if (atomic.cmpxchg<i32>(cv, s, (s + WAKE) & ~SLEEPERS) == s) {
      if (s & SLEEPERS) wakeAll(cv);
      return;
    }
  }
}
