// Wait services (NtWaitForSingleObject, NtWaitForMultipleObjects, NtSignalAndWaitForSingleObject,
// NtDelayExecution). They fill the calling thread's wait block and hand it to ob/wait.ts.
import { enter, leave } from "../lib/lock";
import { currentThread, result } from "../lib/tls";
import { handleAccess, handleObject } from "../ob/handle";
import { isWaitable, ObjectHeader, satisfy, signaled } from "../ob/object";
import { alertTaken, satisfyAt, waitEntry, waitLocked, sleepLocked } from "../ob/wait";
import { eventSet, Event } from "../objects/event";
import { mutexRelease, Mutex } from "../objects/mutex";
import { semaphoreRelease, Semaphore } from "../objects/semaphore";
import { Thread } from "../objects/thread";
import { OBJ_WAITMARK, WAIT_PENDING } from "../lib/layout";
import { timersExpire } from "../objects/timer";
import {
  EVENT_MODIFY_STATE, MAXIMUM_WAIT_OBJECTS, STATUS_ACCESS_DENIED, STATUS_THREAD_IS_TERMINATING, SEMAPHORE_MODIFY_STATE, STATUS_ACCESS_VIOLATION, STATUS_INVALID_PARAMETER,
  STATUS_INVALID_PARAMETER_MIX, STATUS_MUTANT_NOT_OWNED, STATUS_OBJECT_TYPE_MISMATCH, STATUS_SEMAPHORE_LIMIT_EXCEEDED,
  STATUS_ABANDONED_WAIT_0, STATUS_ALERTED, STATUS_SUCCESS, STATUS_USER_APC, STATUS_WAIT_0, SYNCHRONIZE, TYPE_EVENT, TYPE_MUTANT, TYPE_SEMAPHORE,
} from "../generated/abi";

function failLocked(status: u32): u32 { leave(); return status; }

export function ntWaitSingle(h: u32, timeoutMs: u32, alertable: bool = false): u32 {
  const t = changetype<Thread>(currentThread);
  enter();
  const o = handleObject(h, SYNCHRONIZE, 0);
  if (!o) return failLocked(<u32>result);
  if (!isWaitable(o.type)) return failLocked(STATUS_OBJECT_TYPE_MISMATCH);
  // The common case, an object that is signaled now, without filling and scanning the wait block.
  timersExpire();
  if (signaled(o, t)) {
    const status = satisfyAt(o, t, 0);
    leave();
    return status;
  }
  waitEntry(t, 0).object = changetype<usize>(o);
  t.waitCount = 1;
  t.waitAll = 0;
  return waitLocked(t, timeoutMs, alertable);
}

/**
 * Waits for any or all of `count` handles read from kernel memory at `handles`. Pseudo-handles are
 * not accepted here (as in NT, which looks the array up in the handle table directly).
 */
export function ntWaitMultiple(count: u32, handles: usize, all: bool, timeoutMs: u32, alertable: bool = false): u32 {
  if (count == 0 || count > MAXIMUM_WAIT_OBJECTS) return STATUS_INVALID_PARAMETER;
  if (!handles) return STATUS_ACCESS_VIOLATION;
  const t = changetype<Thread>(currentThread);
  enter();
  timersExpire();
  let status = STATUS_SUCCESS;
  // While looking the handles up, note what the wait would take now: wait-any the first signaled
  // object, wait-all whether every one is signaled. Then a satisfiable wait (the common case) ends
  // here, without scanning the wait block again.
  let first = count;
  let allSignaled = true;
  let i: u32 = 0;
  for (; i < count; i++) {
    const o = handleObject(load<u32>(handles + (<usize>i << 2)), SYNCHRONIZE, 0, false);
    if (!o) { status = <u32>result; break; }
    if (!isWaitable(o.type)) { status = STATUS_OBJECT_TYPE_MISMATCH; break; }
    if (all) { // duplicates: a mark on each object seen, cleared below, instead of comparing every pair
      if (o.flags & OBJ_WAITMARK) { status = STATUS_INVALID_PARAMETER_MIX; break; }
      o.flags |= OBJ_WAITMARK;
      if (allSignaled && !signaled(o, t)) allSignaled = false;
    } else if (first == count && signaled(o, t)) {
      first = i;
    }
    waitEntry(t, i).object = changetype<usize>(o);
  }
  if (all) {
    const take = status == STATUS_SUCCESS && allSignaled;
    let taken = STATUS_WAIT_0;
    for (let j: u32 = 0; j < i; j++) {
      const o = changetype<ObjectHeader>(waitEntry(t, j).object);
      o.flags &= ~OBJ_WAITMARK;
      if (take && satisfy(o, t)) taken = STATUS_ABANDONED_WAIT_0; // no index for a wait-all (trySatisfy)
    }
    if (take) { leave(); return taken; }
  }
  if (status != STATUS_SUCCESS) return failLocked(status);
  if (first < count) {
    const status = satisfyAt(changetype<ObjectHeader>(waitEntry(t, first).object), t, first);
    leave();
    return status;
  }
  t.waitCount = count;
  t.waitAll = all ? 1 : 0;
  return waitLocked(t, timeoutMs, alertable);
}

/** Signals `sig` (event: set; mutex: release; semaphore: release 1) and waits for `wait`, atomically. */
export function ntSignalAndWait(sig: u32, wait: u32, timeoutMs: u32, alertable: bool = false): u32 {
  const t = changetype<Thread>(currentThread);
  enter();
  const so = handleObject(sig, 0, 0);
  if (!so) return failLocked(<u32>result);
  const wo = handleObject(wait, SYNCHRONIZE, 0);
  if (!wo) return failLocked(<u32>result);
  if (!isWaitable(wo.type)) return failLocked(STATUS_OBJECT_TYPE_MISMATCH);
  const access = handleAccess(sig);
  switch (so.type) {
    case TYPE_EVENT:
      if (!(access & EVENT_MODIFY_STATE)) return failLocked(STATUS_ACCESS_DENIED);
      eventSet(changetype<Event>(so));
      break;
    case TYPE_MUTANT:
      if (!mutexRelease(changetype<Mutex>(so), t)) return failLocked(STATUS_MUTANT_NOT_OWNED);
      break;
    case TYPE_SEMAPHORE:
      if (!(access & SEMAPHORE_MODIFY_STATE)) return failLocked(STATUS_ACCESS_DENIED);
      if (!semaphoreRelease(changetype<Semaphore>(so), 1)) return failLocked(STATUS_SEMAPHORE_LIMIT_EXCEEDED);
      break;
    default:
      return failLocked(STATUS_OBJECT_TYPE_MISMATCH);
  }
  waitEntry(t, 0).object = changetype<usize>(wo);
  t.waitCount = 1;
  t.waitAll = 0;
  return waitLocked(t, timeoutMs, alertable);
}

/**
 * Sleeps for `ms` (a wait on nothing that only times out or is interrupted by termination or, when
 * alertable, by an APC: STATUS_USER_APC, also at once when APCs are already queued).
 */
export function ntDelay(ms: u32, alertable: bool = false): u32 {
  if (ms == 0 && !alertable) return STATUS_SUCCESS;
  const t = changetype<Thread>(currentThread);
  enter();
  timersExpire(); // a due timer may queue its completion routine to this thread
  if (alertable && (t.alerted || t.apcHead)) { const st = alertTaken(t); leave(); return st; }
  if (ms == 0) { leave(); return STATUS_SUCCESS; }
  t.waitCount = 0;
  t.waitStatus = WAIT_PENDING;
  t.alertable = alertable ? 1 : 0;
  const st = sleepLocked(t, ms);
  return st == STATUS_THREAD_IS_TERMINATING || st == STATUS_USER_APC || st == STATUS_ALERTED ? st : STATUS_SUCCESS;
}
