// User APCs (NtQueueApcThread). An APC is a record queued FIFO on its thread; it runs only when the
// thread is in an alertable wait. Queuing one to a thread blocked in an alertable wait ends that
// wait with STATUS_USER_APC. The kernel cannot call guest code: the alertable entry points return
// WAIT_IO_COMPLETION to their host shim, which pops the APCs one at a time (ntw_apc_next) and calls
// each routine through the guest's function table (host/syscalls/apc.ts).
import { kalloc, kfree } from "../lib/alloc";
import { enter, leave } from "../lib/lock";
import { currentThread, result } from "../lib/tls";
import { THREAD_EXITED, WAIT_PENDING } from "../lib/layout";
import { handleObject } from "../ob/handle";
import { waitAbort, waitAlert } from "../ob/wait";
import { Thread } from "../objects/thread";
import {
  STATUS_ALERTED, STATUS_INSUFFICIENT_RESOURCES, STATUS_NO_MEMORY, STATUS_SUCCESS, STATUS_UNSUCCESSFUL, THREAD_ALERT, THREAD_SET_CONTEXT,
  TYPE_THREAD,
} from "../generated/abi";
import { apcQuota } from "../lib/quota";

@unmanaged
class Apc {
  next: usize;
  routine: u32; // guest function-table index
  arg1: u32;
  arg2: u32;
  arg3: u32;
}

/** Queues routine(arg1, arg2, arg3) to `t` (lock held); false when out of memory. */
export function apcQueue(t: Thread, routine: u32, arg1: u32, arg2: u32, arg3: u32): bool {
  const p = kalloc(offsetof<Apc>());
  if (!p) return false;
  const a = changetype<Apc>(p);
  a.routine = routine;
  a.arg1 = arg1;
  a.arg2 = arg2;
  a.arg3 = arg3;
  if (t.apcTail) changetype<Apc>(t.apcTail).next = p;
  else t.apcHead = p;
  t.apcTail = p;
  t.apcCount++;
  if (t.alertable && t.waitStatus == WAIT_PENDING) waitAlert(t);
  return true;
}

/** Frees APCs that never ran (the thread record is being recycled). Lock held. */
export function apcFreeAll(t: Thread): void {
  let p = t.apcHead;
  while (p) {
    const next = changetype<Apc>(p).next;
    kfree(p, offsetof<Apc>());
    p = next;
  }
  t.apcHead = t.apcTail = 0;
  t.apcCount = 0;
}

/**
 * QueueUserAPC / NtQueueApcThread: routine(arg1, arg2, arg3) on the thread. Needs THREAD_SET_CONTEXT;
 * a thread that has ended (or is ending) takes no APCs.
 */
export function ntQueueApcThread(h: u32, routine: u32, arg1: u32, arg2: u32, arg3: u32): u32 {
  enter();
  const o = handleObject(h, THREAD_SET_CONTEXT, TYPE_THREAD);
  if (!o) { const st = <u32>result; leave(); return st; }
  const t = changetype<Thread>(o);
  let st = STATUS_SUCCESS;
  if (t.state == THREAD_EXITED || t.killed) st = STATUS_UNSUCCESSFUL;
  else if (t.apcCount >= apcQuota()) st = STATUS_INSUFFICIENT_RESOURCES; // a thread that never waits alertably: bounded
  else if (!apcQueue(t, routine, arg1, arg2, arg3)) st = STATUS_NO_MEMORY;
  leave();
  return st;
}

/**
 * NtAlertThread: a thread in an alertable wait leaves it with STATUS_ALERTED; otherwise the alert
 * stays pending until its next alertable wait or NtTestAlert (KeAlertThread). Needs THREAD_ALERT.
 */
export function ntAlertThread(h: u32): u32 {
  enter();
  const o = handleObject(h, THREAD_ALERT, TYPE_THREAD);
  if (!o) { const st = <u32>result; leave(); return st; }
  const t = changetype<Thread>(o);
  if (t.alertable && t.waitStatus == WAIT_PENDING) waitAbort(t, STATUS_ALERTED);
  else if (t.state != THREAD_EXITED) t.alerted = 1;
  leave();
  return STATUS_SUCCESS;
}

/**
 * NtTestAlert's kernel half: STATUS_ALERTED when an alert was pending (cleared), else STATUS_SUCCESS,
 * after which the host runs the queued APCs (host/syscalls/apc.ts).
 */
export function ntw_test_alert(): u32 {
  const t = changetype<Thread>(currentThread);
  enter();
  const st = t.alerted ? STATUS_ALERTED : STATUS_SUCCESS;
  t.alerted = 0;
  leave();
  return st;
}

/**
 * For the host's APC delivery after an alertable wait returned WAIT_IO_COMPLETION: takes the calling
 * thread's oldest APC, writes [routine, arg1, arg2, arg3] at `out` (kernel memory) and returns 1;
 * returns 0 when none is left.
 */
export function ntw_apc_next(out: usize): i32 {
  const t = changetype<Thread>(currentThread);
  enter();
  const p = t.apcHead;
  if (!p) { leave(); return 0; }
  const a = changetype<Apc>(p);
  t.apcHead = a.next;
  if (!a.next) t.apcTail = 0;
  t.apcCount--;
  store<u32>(out, a.routine);
  store<u32>(out, a.arg1, 4);
  store<u32>(out, a.arg2, 8);
  store<u32>(out, a.arg3, 12);
  kfree(p, offsetof<Apc>());
  leave();
  return 1;
}
