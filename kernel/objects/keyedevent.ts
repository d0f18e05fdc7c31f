// KeyedEvent: NtCreateKeyedEvent's object (not WaitOnAddress's KeyedWait, objects/keyedwait.ts). A thread
// waits for a key, a guest address with bit 0 clear, until a thread of the same process releases that
// key; a release waits until a waiter takes it. Each side first looks for its partner among the
// threads queued on the object and completes that one's wait; otherwise it queues itself (one wait
// entry whose index is the key, | KEYED_RELEASE for a release) and sleeps in the ordinary wait engine,
// which gives it timeouts, alertable ends and termination (nt/keyedevent.ts).
//
// Waited on as an object (WaitForSingleObject with SYNCHRONIZE) it is always signaled, as on Windows,
// so the only other entries in its queue belong to wait-alls (Thread.waitAll 1): a keyed wait is a
// wait-any, which keeps the two apart.
import { ObjectHeader } from "../ob/object";
import { WaitEntry } from "../ob/wait";
import { Thread } from "./thread";

@unmanaged
export class KeyedEvent extends ObjectHeader {}

/** Wait entry index bit of a queued release (a key never has bit 0 set). */
export const KEYED_RELEASE: u32 = 1;

/**
 * The oldest thread of `process` queued on `k` whose entry index is `want` (a key, | KEYED_RELEASE for
 * a release), or null. Lock held.
 */
export function keyedEventPartner(k: KeyedEvent, process: usize, want: u32): Thread | null {
  for (let p = k.waitHead; p; p = changetype<WaitEntry>(p).next) {
    const e = changetype<WaitEntry>(p);
    const t = changetype<Thread>(e.thread);
    if (!t.waitAll && e.index == want && t.process == process) return t;
  }
  return null;
}
