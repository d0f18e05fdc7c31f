// WaitOnAddress and the wait every contended lock of the runtime is built on. A wait is three
// kernel calls (kernel/nt/address.ts): prepare queues the thread, then the value is compared here in
// guest memory, then commit sleeps or cancel withdraws. A wake between prepare and commit completes
// the wait, so none is lost; values that already differ cost no kernel call at all.
import {
  ERROR_INVALID_PARAMETER, ERROR_NOT_ENOUGH_MEMORY, ERROR_TIMEOUT, NTW_LOCK_ADDRESS, SetLastError, STATUS_SUCCESS, STATUS_TIMEOUT,
  keyedCancel, keyedCommit, keyedPrepare, keyedWake,
} from "./kernel";

/**
 * Sleeps while the i32 at `address` is `expected`: true when woken or the value differed (perhaps
 * spuriously: callers re-check), false when the timeout passed. `kind` (NTW_LOCK_*), `lock` and
 * `owner` tell wait chains what the thread waits for (keyedPrepare).
 */
export function waitWord(address: usize, expected: i32, timeoutMs: u32, kind: u32, lock: usize, owner: u32 = 0): bool {
  return waitCell<i32>(address, expected, timeoutMs, kind, lock, owner);
}

/** waitWord for a cell of type T (u16: the state of a misaligned lock, unaligned.ts), keyed by its address. */
export function waitCell<T>(address: usize, expected: T, timeoutMs: u32, kind: u32, lock: usize, owner: u32 = 0): bool {
  if (atomic.load<T>(address) != expected) return true;
  if (timeoutMs == 0) return false;
  if (keyedPrepare(address, kind, lock, owner) != STATUS_SUCCESS) return true; // out of kernel memory: callers spin
  if (atomic.load<T>(address) != expected) { keyedCancel(address); return true; }
  return keyedCommit(timeoutMs) != STATUS_TIMEOUT;
}

export function wakeOne(address: usize): void { keyedWake(address, 0); }
export function wakeAll(address: usize): void { keyedWake(address, 1); }

/** Plain loads: they take any address (WaitOnAddress has no alignment rule), and a torn read only wakes early. */
function same(a: usize, b: usize, size: u32): bool {
  switch (size) {
    case 1: return load<u8>(a) == load<u8>(b);
    case 2: return load<u16>(a) == load<u16>(b);
    case 4: return load<u32>(a) == load<u32>(b);
    default: return load<u64>(a) == load<u64>(b);
  }
}

export function WaitOnAddress(address: usize, compare: usize, size: u32, timeoutMs: u32): i32 {
  if (size != 1 && size != 2 && size != 4 && size != 8) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
  if (!same(address, compare, size)) return 1;
  if (timeoutMs == 0) { SetLastError(ERROR_TIMEOUT); return 0; }
  if (keyedPrepare(address, NTW_LOCK_ADDRESS, address, 0) != STATUS_SUCCESS) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return 0; }
  if (!same(address, compare, size)) { keyedCancel(address); return 1; }
  if (keyedCommit(timeoutMs) == STATUS_TIMEOUT) { SetLastError(ERROR_TIMEOUT); return 0; }
  return 1;
}

export function WakeByAddressSingle(address: usize): void { keyedWake(address, 0); }
export function WakeByAddressAll(address: usize): void { keyedWake(address, 1); }
