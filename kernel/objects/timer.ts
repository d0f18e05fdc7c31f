// Waitable timer: manual-reset (notification: stays signaled, releases every waiter) or
// synchronization (releases one waiter and unsignals itself). An armed timer sits in the kernel's
// timer queue (root().timerHead, earliest due first). Nothing polls that queue: timersExpire() runs
// at the start of every wait and timer call, and a sleeping thread whose wait could be ended by a
// timer sleeps no longer than that timer's due time (ob/wait.ts wakeDeadline), then expires it.
import { ObjectHeader, obDeref, obRef } from "../ob/object";
import { WaitEntry, wakeWaiters } from "../ob/wait";
import { queueWake } from "../ob/wake";
import { root } from "../lib/root";
import { now } from "../lib/clock";
import { THREAD_EXITED } from "../lib/layout";
import { apcQueue } from "../nt/apc";
import { Thread } from "./thread";

@unmanaged
export class Timer extends ObjectHeader {
  manual: u32;
  signaled: u32;
  armed: u32; // in the timer queue
  period: u32; // ms between firings, 0 for a one-shot timer
  due: f64; // when it fires next, on the now() clock (ms since 1970)
  qNext: usize; // timer queue links
  qPrev: usize;
  apcThread: usize; // the thread that set a completion routine (referenced), 0 when none
  apcRoutine: u32; // guest function-table index
  apcArg: u32;
}

/** Milliseconds between 1601-01-01 (FILETIME's epoch) and 1970-01-01 (the clock's). */
export const FILETIME_EPOCH_MS: f64 = 11644473600000;

/** A now() time as a FILETIME (100-ns units since 1601), without f64 rounding of the large product. */
export function msToFileTime(ms: f64): i64 {
  const whole = floor<f64>(ms);
  return (<i64>whole + <i64>FILETIME_EPOCH_MS) * 10000 + <i64>((ms - whole) * 10000);
}

export function timerSignaled(t: Timer): bool { return t.signaled != 0; }
export function timerSatisfy(t: Timer): void { if (!t.manual) t.signaled = 0; }

function unlink(t: Timer): void {
  if (!t.armed) return;
  const r = root();
  if (t.qPrev) changetype<Timer>(t.qPrev).qNext = t.qNext;
  else r.timerHead = t.qNext;
  if (t.qNext) changetype<Timer>(t.qNext).qPrev = t.qPrev;
  t.qNext = t.qPrev = 0;
  t.armed = 0;
}

/** Inserts after every timer due no later (FIFO among equal due times). */
function link(t: Timer): void {
  const r = root();
  let prev: usize = 0;
  let p = r.timerHead;
  while (p && changetype<Timer>(p).due <= t.due) { prev = p; p = changetype<Timer>(p).qNext; }
  t.qPrev = prev;
  t.qNext = p;
  if (prev) changetype<Timer>(prev).qNext = changetype<usize>(t);
  else r.timerHead = changetype<usize>(t);
  if (p) changetype<Timer>(p).qPrev = changetype<usize>(t);
  t.armed = 1;
}

function releaseApc(t: Timer): void {
  const th = t.apcThread;
  t.apcThread = 0;
  t.apcRoutine = 0;
  t.apcArg = 0;
  if (th) obDeref(changetype<ObjectHeader>(th));
}

/** Threads waiting for `t` sleep until a deadline computed from its old due time: make them recompute. */
function rewakeWaiters(t: Timer): void {
  for (let p = t.waitHead; p; p = changetype<WaitEntry>(p).next) queueWake(changetype<Thread>(changetype<WaitEntry>(p).thread));
  if (t.apcThread) queueWake(changetype<Thread>(t.apcThread));
}

/** SetWaitableTimer: unsignals `t` and arms it for `due` (and every `period` ms after), lock held. */
export function timerSet(t: Timer, due: f64, period: u32, routine: u32, arg: u32, caller: Thread): void {
  unlink(t);
  releaseApc(t);
  t.signaled = 0;
  t.due = due;
  t.period = period;
  if (routine) {
    obRef(caller);
    t.apcThread = changetype<usize>(caller);
    t.apcRoutine = routine;
    t.apcArg = arg;
  }
  link(t);
  rewakeWaiters(t);
}

/** CancelWaitableTimer: disarms `t`, leaving its signaled state alone. */
export function timerCancel(t: Timer): void {
  unlink(t);
  releaseApc(t);
}

export function timerDestroy(t: Timer): void {
  unlink(t);
  releaseApc(t);
}

/** The timer fires: signal it, queue its completion routine, re-arm a periodic one. */
function fire(t: Timer, at: f64): void {
  obRef(t); // its waiters may hold its last references: keep it alive until this is done
  unlink(t);
  const th = changetype<Thread>(t.apcThread);
  if (th && (th.state == THREAD_EXITED || th.killed)) {
    releaseApc(t); // the thread that set the routine has ended: the timer is cancelled with it
    obDeref(t);
    return;
  }
  const ft = msToFileTime(t.due);
  t.signaled = 1;
  wakeWaiters(t); // first, as NT does: a thread waiting for this timer is satisfied, not alerted
  if (th) apcQueue(th, t.apcRoutine, t.apcArg, <u32>ft, <u32>(ft >>> 32));
  if (t.period) {
    t.due += <f64>t.period;
    if (t.due <= at) t.due = at + <f64>t.period; // fell behind (nobody looked for a while): no burst
    link(t);
  } else {
    releaseApc(t);
  }
  obDeref(t);
}

/** Fires every timer that is due. Lock held. Free when no timer is armed: it does not read the clock. */
// @ts-ignore: decorator
@inline export function timersExpire(): void {
  if (root().timerHead) timersExpireDue(); // inlined test: most calls run with no timer armed
}

function timersExpireDue(): void {
  const r = root();
  const at = now();
  while (r.timerHead && changetype<Timer>(r.timerHead).due <= at) fire(changetype<Timer>(r.timerHead), at);
}

/** The earliest due time of an armed timer whose completion routine targets `t`, or `before`. */
export function timerApcDeadline(t: Thread, before: f64): f64 {
  for (let p = root().timerHead; p; p = changetype<Timer>(p).qNext) {
    const tm = changetype<Timer>(p);
    if (tm.due >= before) break;
    if (tm.apcThread == changetype<usize>(t)) return tm.due;
  }
  return before;
}
