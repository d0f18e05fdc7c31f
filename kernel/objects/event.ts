// Event: manual-reset (stays signaled, releases every waiter) or auto-reset (releases one waiter
// and unsignals itself).
import { ObjectHeader } from "../ob/object";
import { wakeWaiters } from "../ob/wait";

@unmanaged
export class Event extends ObjectHeader {
  manual: u32;
  signaled: u32;
}

export function eventSignaled(e: Event): bool { return e.signaled != 0; }
export function eventSatisfy(e: Event): void { if (!e.manual) e.signaled = 0; }

/** Sets the event and releases waiters; returns the previous state. */
export function eventSet(e: Event): u32 {
  const prev = e.signaled;
  e.signaled = 1;
  wakeWaiters(e);
  return prev;
}

export function eventReset(e: Event): u32 {
  const prev = e.signaled;
  e.signaled = 0;
  return prev;
}

/** Releases the waiters a set would release (one if auto-reset), then leaves the event unsignaled. */
export function eventPulse(e: Event): u32 {
  const prev = e.signaled;
  e.signaled = 1;
  wakeWaiters(e);
  e.signaled = 0;
  return prev;
}
