// The kernel lock: one futex-style word in the root block. Everything that reads or changes shared
// kernel state runs between enter() and leave(). leave() releases the lock first and only then wakes
// the threads the critical section satisfied, so they never wake up to find the lock still held.
//
// The word names its holder (thread id | HELD, plus CONTENDED when someone sleeps on it), so the host
// can tell when a worker it stopped died holding it (see lockRepair). enter() and leave() are also
// where a guest thread notices it was suspended or terminated: only between critical sections, never
// in the middle of one.
import { root, rootAddr } from "./root";
import { currentThread } from "./tls";
import { flushWakes } from "../ob/wake";
import { Thread } from "../objects/thread";
import { BLOCKED_SUSPENDED, KILL_REQUESTED, KILL_UNWINDING } from "./layout";

const SPIN: i32 = 128;
const CONTENDED: i32 = 1;
const HELD: i32 = 2;
/**
 * The lock word of a failed kernel: a thread trapped inside the kernel while it held the lock, so the
 * state may be half changed (host/kernel-fault.ts). Whoever asks for the lock from then on traps too,
 * instead of waiting for ever; the host ends every worker.
 */
export const LOCK_FAILED: i32 = -1;

// @ts-ignore: decorator
@inline function me(): i32 {
  return currentThread ? <i32>changetype<Thread>(currentThread).tid | HELD : HELD;
}

// @ts-ignore: decorator
@inline function acquire(): void {
  const LOCK = rootAddr(); // Root.lock is the first field
  const mine = me();
  if (atomic.cmpxchg<i32>(LOCK, 0, mine) == 0) return;
  acquireSlow(LOCK, mine);
}

/** The contended path, kept out of line so the free-lock path inlines into every syscall. */
function acquireSlow(LOCK: usize, mine: i32): void {
  for (let i = 0; i < SPIN; i++) {
    const v = atomic.load<i32>(LOCK);
    if (v == 0 && atomic.cmpxchg<i32>(LOCK, 0, mine) == 0) return;
    if (v == LOCK_FAILED) unreachable();
  }
  // The host's control instance may run on a thread that must not block (a page's main thread):
  // it only spins, as critical sections are short.
  const mayWait = currentThread != root().systemThread;
  for (;;) {
    const v = atomic.load<i32>(LOCK);
    if (v == LOCK_FAILED) unreachable();
    if (v == 0) {
      // Taken after sleeping: others may sleep too, so keep CONTENDED (a spare notify is harmless).
      if (atomic.cmpxchg<i32>(LOCK, 0, mine | CONTENDED) == 0) return;
    } else if (!mayWait) {
      continue;
    } else if ((v & CONTENDED) || atomic.cmpxchg<i32>(LOCK, v, v | CONTENDED) == v) {
      atomic.wait<i32>(LOCK, v | CONTENDED, -1);
    }
  }
}

/** Releases the lock without waking anyone (for callers that flush wakes themselves). */
// @ts-ignore: decorator
@inline export function release(): void {
  const LOCK = rootAddr();
  if (atomic.xchg<i32>(LOCK, 0) & CONTENDED) atomic.notify(LOCK, 1);
}

/** The lock word, read without taking it: who holds it (thread id | HELD), or LOCK_FAILED. */
export function lockWord(): i32 { return atomic.load<i32>(rootAddr()); }

/** Marks the kernel failed (host/kernel-fault.ts): the lock is never free again, and every thread waiting for it wakes to trap. */
export function lockFail(): void {
  atomic.store<i32>(rootAddr(), LOCK_FAILED);
  atomic.notify(rootAddr(), -1);
}

/** Takes the lock for a guest thread's syscall; a terminated thread unwinds here, a suspended one waits. */
// @ts-ignore: decorator
@inline export function enter(): void {
  acquire();
  root().lockEntries++;
  if (currentThread) {
    const t = changetype<Thread>(currentThread);
    if (t.killed | t.suspendCount) attention(t);
  }
}

/** Releases the lock, wakes whoever the critical section satisfied, and unwinds a terminated thread. */
// @ts-ignore: decorator
@inline export function leave(): void {
  release();
  flushWakes();
  if (currentThread && changetype<Thread>(currentThread).killed == KILL_REQUESTED) unwind();
}

/** The lock for the host's own calls (kernel/host.ts): no suspension, no unwinding. */
export function enterHost(): void {
  acquire();
  root().lockEntries++;
}

export function leaveHost(): void {
  release();
  flushWakes();
}

/** Suspension and termination, with the lock held on entry and on return (unless it unwinds). */
function attention(t: Thread): void {
  const blocked = t.blocked; // a wait that resumes after this (ob/wait.ts sleepLocked)
  while (t.killed != KILL_REQUESTED && t.suspendCount > 0) {
    const count = t.suspendCount;
    t.blocked = BLOCKED_SUSPENDED;
    release();
    atomic.wait<i32>(changetype<usize>(t) + offsetof<Thread>("suspendCount"), count, -1);
    acquire();
  }
  t.blocked = blocked;
  if (t.killed == KILL_REQUESTED) {
    release();
    unwind();
  }
}

/**
 * Ends a terminated thread's guest code: a trap unwinds the guest's stack back to its worker, which
 * then calls ntw_thread_exit. Never called with the lock held.
 */
function unwind(): void {
  changetype<Thread>(currentThread).killed = KILL_UNWINDING;
  unreachable();
}

/**
 * After the host stopped `t`'s worker: if it died holding the lock (between taking it and seeing its
 * kill flag, where it has changed nothing), releases the lock on its behalf.
 */
export function lockRepair(t: Thread): void {
  const LOCK = rootAddr();
  const v = atomic.load<i32>(LOCK);
  if ((v & ~CONTENDED) == (<i32>t.tid | HELD) && atomic.cmpxchg<i32>(LOCK, v, 0) == v && (v & CONTENDED)) {
    atomic.notify(LOCK, 1);
  }
}
