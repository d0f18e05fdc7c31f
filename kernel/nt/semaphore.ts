// Semaphore services (NtCreateSemaphore, NtReleaseSemaphore).
import { enter, leave } from "../lib/lock";
import { result, setResult } from "../lib/tls";
import { handleObject } from "../ob/handle";
import { Semaphore, semaphoreRelease } from "../objects/semaphore";
import { createBegin, createEnd } from "./object";
import { ntSuccess } from "./status";
import {
  SEMAPHORE_MODIFY_STATE, STATUS_INVALID_PARAMETER, STATUS_SEMAPHORE_LIMIT_EXCEEDED, STATUS_SUCCESS,
  TYPE_SEMAPHORE,
} from "../generated/abi";

/** On success `result` is the handle. Counts are checked before the name is looked at. */
export function ntCreateSemaphore(access: u32, inherit: bool, name: usize, nameLen: u32, initial: i32, max: i32, rootH: u32 = 0, attr: u32 = 0xffffffff): u32 {
  if (max <= 0 || initial < 0 || initial > max) return STATUS_INVALID_PARAMETER;
  const st = createBegin(TYPE_SEMAPHORE, access, name, nameLen, rootH, attr);
  if (!ntSuccess(st)) return st;
  const s = changetype<Semaphore>(result);
  if (st == STATUS_SUCCESS) { s.count = initial; s.max = max; }
  return createEnd(s, st, access, inherit);
}

/** Adds `n` (> 0); on success `result` is the previous count. Past the maximum nothing changes. */
export function ntReleaseSemaphore(h: u32, n: i32): u32 {
  if (n <= 0) return STATUS_INVALID_PARAMETER;
  enter();
  const o = handleObject(h, SEMAPHORE_MODIFY_STATE, TYPE_SEMAPHORE);
  if (!o) { const st = <u32>result; leave(); return st; }
  const s = changetype<Semaphore>(o);
  const prev = s.count;
  const ok = semaphoreRelease(s, n);
  leave();
  if (!ok) return STATUS_SEMAPHORE_LIMIT_EXCEEDED;
  setResult(prev);
  return STATUS_SUCCESS;
}
