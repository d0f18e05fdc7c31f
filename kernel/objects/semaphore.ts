// Semaphore: a count between 0 and a maximum; each satisfied wait takes one.
import { ObjectHeader } from "../ob/object";
import { wakeWaiters } from "../ob/wait";

@unmanaged
export class Semaphore extends ObjectHeader {
  count: u32;
  max: u32;
}

export function semaphoreSignaled(s: Semaphore): bool { return s.count > 0; }
export function semaphoreSatisfy(s: Semaphore): void { s.count--; }

/** Adds `n`; false (nothing changed) when that would pass the maximum. */
export function semaphoreRelease(s: Semaphore, n: u32): bool {
  if (<u64>s.count + <u64>n > <u64>s.max) return false;
  s.count += n;
  wakeWaiters(s);
  return true;
}
