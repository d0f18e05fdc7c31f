// The kernel calls of the user-mode runtime (usermode.wasm, see usermode/ and docs/architecture.md):
// the keyed waits behind WaitOnAddress and every contended critical section, SRW lock, condition
// variable and InitOnce. The runtime imports these straight from the thread's kernel instance. They
// are not in the syscall table, so a guest cannot import them (ntw_ prefix: host side only); they
// take no pointers, only guest addresses used as keys.
import { ntAddressWake, ntAddressWaitCancel, ntAddressWaitCommit, ntAddressWaitPrepare } from "../nt/address";
import { STATUS_THREAD_IS_TERMINATING } from "../generated/abi";

/** Queues the calling thread on `address`: STATUS_SUCCESS, or STATUS_NO_MEMORY. */
/** Step 1 of a keyed wait; `kind` (NTW_LOCK_*), `lock` and `owner` only describe it for wait chains (nt/waitchain.ts). */
export function ntw_keyed_prepare(address: u32, kind: u32, lock: u32, owner: u32): u32 { return ntAddressWaitPrepare(address, kind, lock, owner); }

/** Sleeps in the prepared wait: STATUS_WAIT_0 (woken) or STATUS_TIMEOUT. A terminated thread traps here. */
export function ntw_keyed_commit(timeoutMs: u32): u32 {
  const st = ntAddressWaitCommit(timeoutMs);
  if (st == STATUS_THREAD_IS_TERMINATING) unreachable();
  return st;
}

/** Withdraws the prepared wait (the value at `address` no longer matched). */
export function ntw_keyed_cancel(address: u32): void { ntAddressWaitCancel(address); }

/** Wakes one (all = 0) or every thread waiting on `address` in the calling thread's process. */
export function ntw_keyed_wake(address: u32, all: i32): void { ntAddressWake(address, all != 0); }
