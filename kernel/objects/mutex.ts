// Mutex (NT "mutant"): owned by one thread, recursively; signaled when unowned or for its owner.
// A mutex whose owner ends is abandoned: the next thread to acquire it owns it and is told so once.
import { ObjectHeader } from "../ob/object";
import { wakeWaiters } from "../ob/wait";
import { Thread } from "./thread";

@unmanaged
export class Mutex extends ObjectHeader {
  owner: usize; // Thread, 0 when unowned
  count: u32; // recursion depth
  abandoned: u32;
  ownerNext: usize; // the owner's list of owned mutexes
  ownerPrev: usize;
}

export function mutexSignaled(m: Mutex, t: Thread): bool {
  return m.count == 0 || m.owner == changetype<usize>(t);
}

function linkOwner(m: Mutex, t: Thread): void {
  m.owner = changetype<usize>(t);
  m.ownerPrev = 0;
  m.ownerNext = t.owned;
  if (t.owned) changetype<Mutex>(t.owned).ownerPrev = changetype<usize>(m);
  t.owned = changetype<usize>(m);
}

function unlinkOwner(m: Mutex): void {
  const t = changetype<Thread>(m.owner);
  if (m.ownerPrev) changetype<Mutex>(m.ownerPrev).ownerNext = m.ownerNext;
  else t.owned = m.ownerNext;
  if (m.ownerNext) changetype<Mutex>(m.ownerNext).ownerPrev = m.ownerPrev;
  m.owner = 0;
  m.ownerNext = 0;
  m.ownerPrev = 0;
}

/** Gives `t` one level of ownership; true when this acquisition reports abandonment. */
export function mutexSatisfy(m: Mutex, t: Thread): bool {
  if (m.count == 0) linkOwner(m, t);
  m.count++;
  const was = m.abandoned != 0;
  m.abandoned = 0;
  return was;
}

/** Releases one level; false when `t` is not the owner. */
// @ts-ignore: decorator
@inline export function mutexRelease(m: Mutex, t: Thread): bool {
  if (m.owner != changetype<usize>(t) || m.count == 0) return false;
  if (--m.count == 0) {
    unlinkOwner(m);
    wakeWaiters(m);
  }
  return true;
}

/** Abandons every mutex `t` owns (thread exit or termination). */
export function mutexAbandonAll(t: Thread): void {
  while (t.owned) {
    const m = changetype<Mutex>(t.owned);
    unlinkOwner(m);
    m.count = 0;
    m.abandoned = 1;
    wakeWaiters(m);
  }
}

/** Unlinks a dying mutex from its owner's list. */
export function mutexDestroy(m: Mutex): void {
  if (m.owner) unlinkOwner(m);
}
