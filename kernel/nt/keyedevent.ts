// Keyed event services (NtCreateKeyedEvent, NtWaitForKeyedEvent, NtReleaseKeyedEvent; objects/keyedevent.ts).
import { enter, leave } from "../lib/lock";
import { root } from "../lib/root";
import { currentThread, result } from "../lib/tls";
import { handleObject } from "../ob/handle";
import { ObjectHeader } from "../ob/object";
import { alertTaken, sleepLocked, waitAbort, waitEntry, waitQueue } from "../ob/wait";
import { KEYED_RELEASE, KeyedEvent, keyedEventPartner } from "../objects/keyedevent";
import { Thread } from "../objects/thread";
import { createBegin, createEnd } from "./object";
import { ntSuccess } from "./status";
import {
  KEYEDEVENT_WAIT, KEYEDEVENT_WAKE, STATUS_INVALID_PARAMETER_1, STATUS_SUCCESS, STATUS_TIMEOUT, TYPE_KEYEDEVENT,
} from "../generated/abi";

/** On success `result` is the handle; STATUS_OBJECT_NAME_EXISTS when the name existed. */
export function ntCreateKeyedEvent(access: u32, inherit: bool, name: usize, nameLen: u32, rootH: u32, attr: u32): u32 {
  const st = createBegin(TYPE_KEYEDEVENT, access, name, nameLen, rootH, attr);
  if (!ntSuccess(st)) return st;
  return createEnd(changetype<ObjectHeader>(result), st, access, inherit);
}

/**
 * NtWaitForKeyedEvent (`release` false) and NtReleaseKeyedEvent: meets a thread of the same process
 * doing the other half for `key` on keyed event `h` (0: \KernelObjects\CritSecOutOfMemoryEvent, with
 * no access check, as on Windows), or queues and waits for one. A partner already queued is taken
 * before pending APCs are looked at, as Windows does. STATUS_SUCCESS, STATUS_TIMEOUT, STATUS_USER_APC /
 * STATUS_ALERTED (alertable), STATUS_THREAD_IS_TERMINATING, or the handle's error.
 */
export function ntKeyedEvent(h: u32, key: u32, release: bool, alertable: bool, timeoutMs: u32): u32 {
  if (key & 1) return STATUS_INVALID_PARAMETER_1;
  const t = changetype<Thread>(currentThread);
  enter();
  const o = h ? handleObject(h, release ? KEYEDEVENT_WAKE : KEYEDEVENT_WAIT, TYPE_KEYEDEVENT) : changetype<ObjectHeader>(root().critSecEvent);
  if (!o) { const st = <u32>result; leave(); return st; }
  const k = changetype<KeyedEvent>(o);
  const partner = keyedEventPartner(k, t.process, release ? key : key | KEYED_RELEASE);
  if (partner) {
    waitAbort(partner, STATUS_SUCCESS); // its wait ends: the wait took the release, or the release found its waiter
    leave();
    return STATUS_SUCCESS;
  }
  if (alertable && (t.alerted || t.apcHead)) { const st = alertTaken(t); leave(); return st; }
  if (timeoutMs == 0) { leave(); return STATUS_TIMEOUT; }
  const e = waitEntry(t, 0);
  e.object = changetype<usize>(k);
  e.thread = changetype<usize>(t);
  e.index = release ? key | KEYED_RELEASE : key;
  t.waitCount = 1;
  t.waitAll = 0;
  waitQueue(t);
  t.alertable = alertable ? 1 : 0;
  return sleepLocked(t, timeoutMs);
}
