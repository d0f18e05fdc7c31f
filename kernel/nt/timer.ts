// Waitable timer services (NtCreateTimer, NtSetTimer, NtCancelTimer) and the clock readings the
// time calls share.
import { enter, leave } from "../lib/lock";
import { now } from "../lib/clock";
import { root, Root } from "../lib/root";
import { currentThread, result } from "../lib/tls";
import { handleObject } from "../ob/handle";
import { Thread } from "../objects/thread";
import { FILETIME_EPOCH_MS, Timer, timerCancel, timersExpire, timerSet } from "../objects/timer";
import { createBegin, createEnd } from "./object";
import { ntSuccess } from "./status";
import {
  STATUS_ACCESS_VIOLATION, STATUS_INVALID_PARAMETER, STATUS_SUCCESS, TIMER_MODIFY_STATE, TYPE_TIMER,
} from "../generated/abi";

/** GetTickCount's zero: the clock in whole ms when time was first asked for (set once, lock-free). */
export function bootMs(): i64 {
  const p = changetype<usize>(root()) + offsetof<Root>("tickBase");
  const b = atomic.load<i64>(p);
  if (b) return b;
  const v = <i64>now();
  const old = atomic.cmpxchg<i64>(p, 0, v);
  return old ? old : v;
}

/**
 * Milliseconds since bootMs(), fractional. bootMs() is read first: the first call of all sets it from a
 * reading of its own, which must not come after the one subtracted from (the difference would be
 * negative, and the first tick count or counter value huge).
 */
export function uptimeMs(): f64 { const base = <f64>bootMs(); return now() - base; }

/** On success `result` is the handle; STATUS_OBJECT_NAME_EXISTS when the name existed. */
export function ntCreateTimer(access: u32, inherit: bool, name: usize, nameLen: u32, manual: bool, rootH: u32 = 0, attr: u32 = 0xffffffff): u32 {
  const st = createBegin(TYPE_TIMER, access, name, nameLen, rootH, attr);
  if (!ntSuccess(st)) return st;
  const t = changetype<Timer>(result);
  if (st == STATUS_SUCCESS) t.manual = manual ? 1 : 0;
  return createEnd(t, st, access, inherit);
}

/**
 * Arms the timer: `dueAddr` (kernel memory) holds a LARGE_INTEGER, negative for a delay in 100-ns
 * units, else an absolute FILETIME. The completion routine, if any, is queued to the calling thread.
 */
export function ntSetTimer(h: u32, dueAddr: usize, period: i32, routine: u32, arg: u32): u32 {
  if (!dueAddr) return STATUS_ACCESS_VIOLATION;
  if (period < 0) return STATUS_INVALID_PARAMETER;
  const due = load<i64>(dueAddr);
  enter();
  const o = handleObject(h, TIMER_MODIFY_STATE, TYPE_TIMER);
  if (!o) { const st = <u32>result; leave(); return st; }
  timersExpire(); // a timer that came due before this call fired then, and this resets it
  const at: f64 = due < 0 ? now() - <f64>due / 10000 : <f64>due / 10000 - FILETIME_EPOCH_MS;
  timerSet(changetype<Timer>(o), at, <u32>period, routine, arg, changetype<Thread>(currentThread));
  timersExpire(); // already due: it fires now
  leave();
  return STATUS_SUCCESS;
}

export function ntCancelTimer(h: u32): u32 {
  enter();
  const o = handleObject(h, TIMER_MODIFY_STATE, TYPE_TIMER);
  if (!o) { const st = <u32>result; leave(); return st; }
  timersExpire();
  timerCancel(changetype<Timer>(o));
  leave();
  return STATUS_SUCCESS;
}
