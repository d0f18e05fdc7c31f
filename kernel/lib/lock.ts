// The kernel lock: one futex-style word in the root block. Everything that reads or changes shared
// kernel state runs between enter() and leave(). leave() releases the lock first and only then wakes
// the threads the critical section satisfied, so they never wake up to find the lock still held.
import { root, rootAddr } from "./root";
import { flushWakes } from "../ob/wake";

const SPIN: i32 = 128;

export function enter(): void {
  acquire();
  root().lockEntries++;
}

function acquire(): void {
  const LOCK = rootAddr(); // Root.lock is the first field
  if (atomic.cmpxchg<i32>(LOCK, 0, 1) == 0) return;
  for (let i = 0; i < SPIN; i++) {
    if (atomic.load<i32>(LOCK) == 0 && atomic.cmpxchg<i32>(LOCK, 0, 1) == 0) return;
  }
  while (atomic.xchg<i32>(LOCK, 2) != 0) atomic.wait<i32>(LOCK, 2, -1);
}

/** Releases the lock without waking anyone (for callers that flush wakes themselves). */
export function release(): void {
  const LOCK = rootAddr();
  if (atomic.sub<i32>(LOCK, 1) != 1) {
    atomic.store<i32>(LOCK, 0);
    atomic.notify(LOCK, 1);
  }
}

export function leave(): void {
  release();
  flushWakes();
}
