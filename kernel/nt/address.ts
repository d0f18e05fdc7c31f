// Waits keyed by a guest address (the kernel half of WaitOnAddress / WakeByAddress*, which every
// contended user-mode lock in usermode/ uses). The kernel cannot read guest memory, so the
// user-mode runtime splits a wait into three calls:
//   1. prepare: queue the calling thread on the KeyedWait of (its process, address): the wait is
//      pending from here on, so a wake that comes in now is not lost;
//   2. (the runtime compares *Address with the expected value in guest memory)
//   3. commit (the value still matched: sleep until woken or timed out) or cancel (it did not).
// A wake between 1 and 3 completes the wait, so commit then returns at once.
import { enter, leave } from "../lib/lock";
import { currentThread } from "../lib/tls";
import { sleepLocked, waitBegin, waitCancel, waitEntry, wakeWaiters } from "../ob/wait";
import { obDeref, obRef } from "../ob/object";
import { Thread } from "../objects/thread";
import { KEYED_WAKE_ALL, keyedWaitFind } from "../objects/keyedwait";
import { WAIT_PENDING } from "../lib/layout";
import { NTW_LOCK_ADDRESS, STATUS_NO_MEMORY, STATUS_SUCCESS, STATUS_TIMEOUT } from "../generated/abi";

/**
 * Step 1: queues the calling thread on `address`. STATUS_SUCCESS (the wait is pending) or STATUS_NO_MEMORY.
 * `kind`, `lock` and `owner` say which user-mode lock it waits for, for wait chains (nt/waitchain.ts).
 */
export function ntAddressWaitPrepare(address: u32, kind: u32 = NTW_LOCK_ADDRESS, lock: u32 = address, owner: u32 = 0): u32 {
  const t = changetype<Thread>(currentThread);
  enter();
  t.keyedKind = kind;
  t.keyedLock = lock;
  t.keyedOwner = owner;
  const w = keyedWaitFind(t.process, address, true);
  if (!w) { leave(); return STATUS_NO_MEMORY; }
  waitEntry(t, 0).object = changetype<usize>(w);
  t.waitCount = 1;
  t.waitAll = 0;
  waitBegin(t); // never satisfied at once: tokens exist only inside a wake call
  leave();
  return STATUS_SUCCESS;
}

/** Step 3, the value matched: sleeps until woken (STATUS_WAIT_0), timed out (STATUS_TIMEOUT) or terminated. */
export function ntAddressWaitCommit(timeoutMs: u32): u32 {
  const t = changetype<Thread>(currentThread);
  enter();
  if (timeoutMs == 0 && t.waitStatus == WAIT_PENDING) {
    const st = waitCancel(t);
    leave();
    return st;
  }
  return sleepLocked(t, timeoutMs);
}

/**
 * Step 3, the value differed: withdraws the wait. If a wake chose this thread meanwhile, it is passed
 * on to the next waiter on the address: this thread returns anyway, and a lock whose waiters rely on
 * one wake per release must not lose it.
 */
export function ntAddressWaitCancel(address: u32): void {
  const t = changetype<Thread>(currentThread);
  enter();
  const st = waitCancel(t);
  if (st != STATUS_TIMEOUT) wakeAddressLocked(t.process, address, false);
  leave();
}

function wakeAddressLocked(process: usize, address: u32, all: bool): void {
  const w = keyedWaitFind(process, address, false);
  if (!w || !w.waitHead) return;
  obRef(w); // completing the last waiter drops its reference: keep the object until we are done
  w.tokens = all ? KEYED_WAKE_ALL : 1;
  wakeWaiters(w);
  w.tokens = 0; // a token nobody took is lost, as on Windows
  obDeref(w);
}

/** WakeByAddressSingle / WakeByAddressAll for the calling thread's process. */
export function ntAddressWake(address: u32, all: bool): u32 {
  const t = changetype<Thread>(currentThread);
  enter();
  wakeAddressLocked(t.process, address, all);
  leave();
  return STATUS_SUCCESS;
}
