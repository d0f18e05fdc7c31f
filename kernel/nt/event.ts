// Event services (NtCreateEvent, NtSetEvent, NtResetEvent, NtPulseEvent).
import { enter, leave } from "../lib/lock";
import { result, setResult } from "../lib/tls";
import { handleObject } from "../ob/handle";
import { Event, eventPulse, eventReset, eventSet } from "../objects/event";
import { createBegin, createEnd } from "./object";
import { ntSuccess } from "./status";
import { EVENT_MODIFY_STATE, STATUS_SUCCESS, TYPE_EVENT } from "../generated/abi";

/** On success `result` is the handle; STATUS_OBJECT_NAME_EXISTS when the name existed. */
export function ntCreateEvent(access: u32, inherit: bool, name: usize, nameLen: u32, manual: bool, initial: bool, rootH: u32 = 0, attr: u32 = 0xffffffff): u32 {
  const st = createBegin(TYPE_EVENT, access, name, nameLen, rootH, attr);
  if (!ntSuccess(st)) return st;
  const e = changetype<Event>(result);
  if (st == STATUS_SUCCESS) { e.manual = manual ? 1 : 0; e.signaled = initial ? 1 : 0; }
  return createEnd(e, st, access, inherit);
}

export const EVENT_SET: i32 = 0;
export const EVENT_RESET: i32 = 1;
export const EVENT_PULSE: i32 = 2;

/** Set, reset or pulse; on success `result` is the previous state. */
export function ntEventOp(h: u32, op: i32): u32 {
  enter();
  const o = handleObject(h, EVENT_MODIFY_STATE, TYPE_EVENT);
  if (!o) { const st = <u32>result; leave(); return st; }
  const e = changetype<Event>(o);
  const prev = op == EVENT_SET ? eventSet(e) : op == EVENT_RESET ? eventReset(e) : eventPulse(e);
  leave();
  setResult(prev);
  return STATUS_SUCCESS;
}
