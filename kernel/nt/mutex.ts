// Mutex services (NtCreateMutant, NtReleaseMutant).
import { enter, leave } from "../lib/lock";
import { currentThread, result, setResult } from "../lib/tls";
import { handleObject } from "../ob/handle";
import { Mutex, mutexRelease, mutexSatisfy } from "../objects/mutex";
import { Thread } from "../objects/thread";
import { createBegin, createEnd } from "./object";
import { ntSuccess } from "./status";
import { STATUS_MUTANT_NOT_OWNED, STATUS_SUCCESS, TYPE_MUTANT } from "../generated/abi";

/** On success `result` is the handle. An existing mutex is opened and its owner left alone. */
export function ntCreateMutant(access: u32, inherit: bool, name: usize, nameLen: u32, initialOwner: bool, rootH: u32 = 0, attr: u32 = 0xffffffff): u32 {
  const st = createBegin(TYPE_MUTANT, access, name, nameLen, rootH, attr);
  if (!ntSuccess(st)) return st;
  const m = changetype<Mutex>(result);
  // A fresh mutex that gets no handle is destroyed, which unlinks it from its owner again.
  if (st == STATUS_SUCCESS && initialOwner) mutexSatisfy(m, changetype<Thread>(currentThread));
  return createEnd(m, st, access, inherit);
}

/** Releases one level of ownership. Needs no access right: only the owner can release. */
export function ntReleaseMutant(h: u32): u32 {
  enter();
  const o = handleObject(h, 0, TYPE_MUTANT);
  if (!o) { const st = <u32>result; leave(); return st; }
  const m = changetype<Mutex>(o);
  const count = m.count;
  const ok = mutexRelease(m, changetype<Thread>(currentThread));
  leave();
  if (!ok) return STATUS_MUTANT_NOT_OWNED;
  setResult(1 - count); // NT reports the previous count: 1 - recursion depth
  return STATUS_SUCCESS;
}
