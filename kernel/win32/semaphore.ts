// kernel32 semaphore calls.
import { result } from "../lib/tls";
import { ntCreateSemaphore, ntReleaseSemaphore } from "../nt/semaphore";
import { ntOpen } from "../nt/object";
import { boolResult, createResult, openResult } from "./result";
import { SEMAPHORE_ALL_ACCESS, STATUS_INVALID_PARAMETER, TYPE_SEMAPHORE } from "../generated/abi";

export function CreateSemaphoreW(inherit: i32, lInitialCount: i32, lMaximumCount: i32, lpName: usize, lpNameLen: i32): u32 {
  return createResult(ntCreateSemaphore(SEMAPHORE_ALL_ACCESS, inherit != 0, lpName, lpNameLen, lInitialCount, lMaximumCount));
}

export function CreateSemaphoreExW(inherit: i32, lInitialCount: i32, lMaximumCount: i32, lpName: usize, lpNameLen: i32,
  dwFlags: u32, dwDesiredAccess: u32): u32 {
  if (dwFlags) return createResult(STATUS_INVALID_PARAMETER);
  return createResult(ntCreateSemaphore(dwDesiredAccess, inherit != 0, lpName, lpNameLen, lInitialCount, lMaximumCount));
}

export function OpenSemaphoreW(dwDesiredAccess: u32, bInheritHandle: i32, lpName: usize, lpNameLen: i32): u32 {
  return openResult(ntOpen(TYPE_SEMAPHORE, dwDesiredAccess, bInheritHandle != 0, lpName, lpNameLen));
}

/**
 * ReleaseSemaphore's kernel half, for usermode.wasm (usermode/semaphore.ts), which writes
 * lpPreviousCount into guest memory: the BOOL result in the low 32 bits, the previous count in the high.
 */
export function ntw_release_semaphore(hSemaphore: u32, lReleaseCount: i32): i64 {
  if (!boolResult(ntReleaseSemaphore(hSemaphore, lReleaseCount))) return 0;
  return (<i64><u32>result << 32) | 1;
}
