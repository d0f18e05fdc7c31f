// The wait engine. A waiting thread fills its wait block (one WaitEntry per object), tries to be
// satisfied at once, and otherwise queues the entries on the objects and sleeps on its own wake
// word. Whoever changes an object's state calls wakeWaiters(), which satisfies queued waits in FIFO
// order under the lock and defers the actual wake-up until the lock is released (ob/wake.ts).
import { enter, leave } from "../lib/lock";
import { now } from "../lib/clock";
import { ObjectHeader, obDeref, satisfy, signaled } from "./object";
import { queueWake } from "./wake";
import { BLOCKED_NONE, BLOCKED_WAIT, WAIT_ENTRY_SIZE, WAIT_PENDING, WAKE_ASLEEP, WAKE_IDLE } from "../lib/layout";
import { Thread, threadEntries } from "../objects/thread";
import { Timer, timerApcDeadline, timersExpire } from "../objects/timer";
import { portThreadBlocks, portThreadRuns } from "../objects/completionport";
import { Root, root } from "../lib/root";
import {
  INFINITE, STATUS_ABANDONED_WAIT_0, STATUS_ALERTED, STATUS_THREAD_IS_TERMINATING, STATUS_TIMEOUT, STATUS_USER_APC, STATUS_WAIT_0, TYPE_TIMER,
} from "../generated/abi";

@unmanaged
export class WaitEntry {
  next: usize;
  prev: usize;
  object: usize;
  thread: usize;
  index: u32;
}

// Spinning on the wake word before sleeping catches a partner on another CPU without a futex trip,
// which on a VM can cost 25-30 us when the CPU it lands on has halted. It only helps while a CPU
// is free to run the waker, so at most cpus - 1 threads spin at once (none with one CPU), and each
// thread adapts its spin to how often spinning paid off.
/** Most and fewest polls of one spin (about 1 ns each). */
const SPIN_MAX: i32 = 20000;
const SPIN_MIN: i32 = 250;
/** Every this many sleeps, a thread spins in full again to find out whether its waits got shorter. */
const SPIN_PROBE_EVERY: u32 = 16;

export function waitEntry(t: Thread, i: u32): WaitEntry {
  return changetype<WaitEntry>(changetype<usize>(t) + threadEntries() + <usize>i * WAIT_ENTRY_SIZE);
}

function enqueue(e: WaitEntry): void {
  const o = changetype<ObjectHeader>(e.object);
  o.refs++; // a queued wait keeps the object alive if its handle is closed meanwhile
  e.next = 0;
  e.prev = o.waitTail;
  if (o.waitTail) changetype<WaitEntry>(o.waitTail).next = changetype<usize>(e);
  else o.waitHead = changetype<usize>(e);
  o.waitTail = changetype<usize>(e);
}

function dequeue(e: WaitEntry): void {
  const o = changetype<ObjectHeader>(e.object);
  if (e.prev) changetype<WaitEntry>(e.prev).next = e.next;
  else o.waitHead = e.next;
  if (e.next) changetype<WaitEntry>(e.next).prev = e.prev;
  else o.waitTail = e.prev;
  obDeref(o);
}

/** Takes signaled object `o`, entry `i` of a wait-any: its wait status (abandoned mutexes say so once). */
// @ts-ignore: decorator
@inline export function satisfyAt(o: ObjectHeader, t: Thread, i: u32): u32 {
  return (satisfy(o, t) ? STATUS_ABANDONED_WAIT_0 : STATUS_WAIT_0) + i;
}

/** Satisfies `t`'s wait if its objects allow it now; returns the wait status or WAIT_PENDING. */
export function trySatisfy(t: Thread): u32 {
  const n = t.waitCount;
  if (!t.waitAll) {
    for (let i: u32 = 0; i < n; i++) {
      const o = changetype<ObjectHeader>(waitEntry(t, i).object);
      if (signaled(o, t)) return satisfyAt(o, t, i);
    }
    return WAIT_PENDING;
  }
  for (let i: u32 = 0; i < n; i++) {
    if (!signaled(changetype<ObjectHeader>(waitEntry(t, i).object), t)) return WAIT_PENDING;
  }
  // A wait-all that took an abandoned mutex says so without an index (WAIT_ABANDONED_0), as Windows does.
  let status = STATUS_WAIT_0;
  for (let i: u32 = 0; i < n; i++) {
    if (satisfy(changetype<ObjectHeader>(waitEntry(t, i).object), t)) status = STATUS_ABANDONED_WAIT_0;
  }
  return status;
}

function dequeueAll(t: Thread): void {
  for (let i: u32 = 0; i < t.waitCount; i++) dequeue(waitEntry(t, i));
  t.waitCount = 0;
}

function complete(t: Thread, status: u32): void {
  dequeueAll(t);
  t.waitStatus = status;
  if (t.iocp) portThreadRuns(t); // a thread of a completion port counts again as soon as its wait ends
  queueWake(t);
}

/** `o` may have become signaled: satisfy the queued waits it now allows, oldest first. */
export function wakeWaiters(o: ObjectHeader): void {
  let p = o.waitHead;
  while (p) {
    const e = changetype<WaitEntry>(p);
    const t = changetype<Thread>(e.thread);
    let status = WAIT_PENDING;
    if (!t.waitAll) {
      if (signaled(o, t)) status = satisfyAt(o, t, e.index);
    } else {
      status = trySatisfy(t);
    }
    if (status != WAIT_PENDING) {
      complete(t, status); // removes every entry of t, maybe the next one too: rescan
      p = o.waitHead;
    } else {
      p = e.next;
    }
  }
}

/**
 * Starts a wait whose block (t.waitCount entries, t.waitAll) is filled, with the lock held (and still
 * held on return). Returns the status when the wait is satisfied at once; otherwise queues the
 * entries, marks the wait pending and returns WAIT_PENDING: whoever signals an object may now
 * complete it, even before the thread goes to sleep in sleepLocked().
 */
// @ts-ignore: decorator
@inline export function waitBegin(t: Thread): u32 {
  timersExpire();
  const status = trySatisfy(t);
  if (status != WAIT_PENDING) {
    t.waitCount = 0;
    return status;
  }
  for (let i: u32 = 0; i < t.waitCount; i++) {
    const e = waitEntry(t, i);
    e.thread = changetype<usize>(t);
    e.index = i;
    enqueue(e);
  }
  t.waitStatus = WAIT_PENDING;
  return WAIT_PENDING;
}

/**
 * Queues a filled wait block (entries with their thread and index set) without trying to satisfy it, for
 * waits that a service matches itself rather than through signaled/satisfy (keyed events). Lock held;
 * the wait is pending, ended by waitAbort, a timeout, an APC or termination in sleepLocked().
 */
export function waitQueue(t: Thread): void {
  for (let i: u32 = 0; i < t.waitCount; i++) enqueue(waitEntry(t, i));
  t.waitStatus = WAIT_PENDING;
}

/** Withdraws a begun wait (lock held): its status if it completed meanwhile, else STATUS_TIMEOUT. */
export function waitCancel(t: Thread): u32 {
  if (t.waitStatus != WAIT_PENDING) return t.waitStatus;
  dequeueAll(t);
  t.waitStatus = STATUS_TIMEOUT;
  return STATUS_TIMEOUT;
}

/**
 * Finishes a wait whose block is filled, with the lock held. Releases the lock; returns the wait
 * status (STATUS_WAIT_0 + i, STATUS_ABANDONED_WAIT_0 + i, STATUS_TIMEOUT, STATUS_USER_APC for an
 * alertable wait that an APC ended or found pending, or STATUS_THREAD_IS_TERMINATING when the thread
 * is being terminated). A satisfiable wait wins over queued APCs, as in NT.
 */
export function waitLocked(t: Thread, timeoutMs: u32, alertable: bool = false): u32 {
  let status = waitBegin(t);
  if (status == WAIT_PENDING && alertable && (t.alerted || t.apcHead)) {
    waitCancel(t);
    status = alertTaken(t);
  }
  if (status == WAIT_PENDING && timeoutMs == 0) status = waitCancel(t);
  if (status != WAIT_PENDING) {
    leave();
    return status;
  }
  t.alertable = alertable ? 1 : 0;
  return sleepLocked(t, timeoutMs);
}

/** Ends `t`'s pending wait with `status` (lock held): overlapped I/O cancellation (nt/io.ts). */
export function waitAbort(t: Thread, status: u32): void {
  complete(t, status);
}

/** Ends `t`'s pending alertable wait because an APC was queued to it (lock held). */
export function waitAlert(t: Thread): void {
  complete(t, STATUS_USER_APC);
}

/**
 * What ends an alertable wait before it sleeps (lock held): a pending alert (NtAlertThread), which
 * it clears, wins over queued APCs, as in NT's KiCheckAlertability.
 */
export function alertTaken(t: Thread): u32 {
  if (!t.alerted) return STATUS_USER_APC;
  t.alerted = 0;
  return STATUS_ALERTED;
}

/**
 * When a sleeping thread must look again: its own deadline, or earlier the due time of an armed timer
 * it waits for, or (alertable) of a timer whose completion routine it would run. Lock held.
 */
export function wakeDeadline(t: Thread, own: f64): f64 {
  if (!root().timerHead) return own;
  let d = own;
  for (let i: u32 = 0; i < t.waitCount; i++) {
    const o = changetype<ObjectHeader>(waitEntry(t, i).object);
    if (o.type == TYPE_TIMER) {
      const tm = changetype<Timer>(o);
      if (tm.armed && tm.due < d) d = tm.due;
    }
  }
  return t.alertable ? timerApcDeadline(t, d) : d;
}

function finish(t: Thread): u32 {
  const status = t.waitStatus;
  t.alertable = 0;
  t.blocked = BLOCKED_NONE;
  if (t.iocp) portThreadRuns(t); // ended by a timeout or termination: counts again too
  leave();
  return status;
}

/**
 * Polls wake word `w` while a CPU is free to run the waker, and adapts `t.spin` to the outcome. When
 * cpus - 1 threads spin already, it keeps trying to join them for SPIN_MIN polls: in a ping-pong the
 * partner stops spinning just after this thread woke it.
 */
function spin(t: Thread, w: usize): void {
  const r = root();
  if (r.cpus <= 1) return;
  const spinners = changetype<usize>(r) + offsetof<Root>("spinners");
  const limit = r.cpus - 1;
  const budget = t.spin == 0 || (t.sleeps & (SPIN_PROBE_EVERY - 1)) == 0 ? SPIN_MAX : t.spin;
  let caught = false;
  for (let i = 0; i < budget; i++) {
    if (atomic.load<i32>(w) != WAKE_IDLE) { caught = true; break; }
    if (t.spinning) continue;
    const n = atomic.load<i32>(spinners);
    t.spinning = 1; // set before counting: a worker stopped in between leaves the count low, never stuck high
    if (n < limit && atomic.cmpxchg<i32>(spinners, n, n + 1) == n) continue;
    t.spinning = 0;
    if (i >= SPIN_MIN) return; // no CPU came free
  }
  if (!t.spinning) return; // woken before it counted: nothing learnt
  atomic.sub<i32>(spinners, 1);
  t.spinning = 0;
  if (caught) t.spin = min(budget << 1, SPIN_MAX);
  else { t.spin = max(budget >> 1, SPIN_MIN); t.sleeps++; }
}

/** A stopped worker's thread may have been counted as spinning: uncount it. */
export function spinForget(t: Thread): void {
  if (!t.spinning) return;
  t.spinning = 0;
  atomic.sub<i32>(changetype<usize>(root()) + offsetof<Root>("spinners"), 1);
}

/**
 * Sleeps until the begun wait (t.waitStatus WAIT_PENDING, set by waitBegin or by a caller with no
 * objects to queue) completes, the timeout passes or the thread is terminated. Called with the lock
 * held; releases it. Nothing polls: the thread sleeps in wait32 until woken or until wakeDeadline(),
 * when it expires the due timers itself (which may complete its wait) and looks again.
 */
export function sleepLocked(t: Thread, timeoutMs: u32): u32 {
  timersExpire();
  if (t.waitStatus != WAIT_PENDING) return finish(t); // completed between waitBegin and now
  if (t.killed || t.ioCancel) { // an I/O worker whose request was cancelled does not start another wait
    dequeueAll(t);
    t.waitStatus = t.killed ? STATUS_THREAD_IS_TERMINATING : t.ioCancel;
    return finish(t);
  }
  if (t.iocpCounted) portThreadBlocks(t); // KQUEUE rule: its completion port may let another thread go
  const own: f64 = timeoutMs == INFINITE ? Infinity : now() + <f64>timeoutMs;
  const w = changetype<usize>(t) + offsetof<Thread>("wake");
  t.waitDeadline = own;
  while (true) {
    t.blocked = BLOCKED_WAIT; // again after a suspension at enter() below
    const deadline = wakeDeadline(t, own);
    atomic.store<i32>(w, WAKE_IDLE);
    leave();
    spin(t, w);
    if (atomic.cmpxchg<i32>(w, WAKE_IDLE, WAKE_ASLEEP) == WAKE_IDLE) {
      let ns: i64 = -1;
      if (deadline != Infinity) {
        const left = deadline - now();
        ns = left > 0 ? <i64>(left * 1e6) + 1 : 0;
      }
      if (ns != 0) atomic.wait<i32>(w, WAKE_ASLEEP, ns);
    }
    enter();
    timersExpire();
    if (t.waitStatus != WAIT_PENDING) break;
    if (t.killed || (own != Infinity && now() >= own)) {
      dequeueAll(t);
      t.waitStatus = t.killed ? STATUS_THREAD_IS_TERMINATING : STATUS_TIMEOUT;
      break;
    }
  }
  return finish(t);
}
