// Deferred wake-ups. Code under the kernel lock that satisfies a sleeping thread's wait only records
// it here (in the *calling* thread's own record); leave() wakes them after the lock is released.
// Each thread sleeps on its own wake word (lib/layout.ts: WAKE_*).
import { currentThread } from "../lib/tls";
import { Thread, threadPending } from "../objects/thread";
import { MAX_PENDING, WAKE_ASLEEP, WAKE_WOKEN } from "../lib/layout";


/** Wakes `t` now: notify only when it really went to sleep (the notify is the expensive part). */
export function wakeNow(t: Thread): void {
  const w = changetype<usize>(t) + offsetof<Thread>("wake");
  if (atomic.xchg<i32>(w, WAKE_WOKEN) == WAKE_ASLEEP) atomic.notify(w, 1);
}

export function queueWake(t: Thread): void {
  const me = changetype<Thread>(currentThread);
  const n = me.pendingCount;
  if (n < MAX_PENDING) {
    store<usize>(changetype<usize>(me) + threadPending() + (<usize>n << 2), changetype<usize>(t));
    me.pendingCount = n + 1;
  } else {
    wakeNow(t); // list full: correct, merely wakes it while the lock is still held
  }
}

// @ts-ignore: decorator
@inline export function flushWakes(): void {
  const me = changetype<Thread>(currentThread);
  if (me.pendingCount) flushWakesOf(me); // inlined test: most calls have nothing to wake
}

/**
 * Delivers the wakes `me` recorded. The list is cleared only after every wake went out, so if the
 * host stops `me`'s worker half-way, it can deliver them again (a repeated wake is only spurious).
 */
export function flushWakesOf(me: Thread): void {
  const n = me.pendingCount;
  if (!n) return;
  const base = changetype<usize>(me) + threadPending();
  for (let i: u32 = 0; i < n; i++) wakeNow(changetype<Thread>(load<usize>(base + (<usize>i << 2))));
  me.pendingCount = 0;
}
