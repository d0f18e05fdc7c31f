// The Win32 face of NTSTATUS: the result conventions kernel32 uses and the last-error they set.
import { result } from "../lib/tls";
import { ntSuccess } from "../nt/status";
import { SetLastError } from "./lasterror";
import {
  ERROR_ALREADY_EXISTS, ERROR_SUCCESS, STATUS_OBJECT_NAME_EXISTS, STATUS_THREAD_IS_TERMINATING, WAIT_FAILED, statusToError,
} from "../generated/abi";

export function failStatus(status: u32): void { SetLastError(statusToError(status)); }

/** BOOL result: TRUE on success, FALSE with the mapped last-error otherwise. */
// @ts-ignore: decorator
@inline export function boolResult(status: u32): i32 {
  if (ntSuccess(status)) return 1;
  failStatus(status);
  return 0;
}

/** Create* result: the handle in `result`, last-error 0 or ERROR_ALREADY_EXISTS; NULL on failure. */
export function createResult(status: u32): u32 {
  if (!ntSuccess(status)) { failStatus(status); return 0; }
  SetLastError(status == STATUS_OBJECT_NAME_EXISTS ? ERROR_ALREADY_EXISTS : ERROR_SUCCESS);
  return <u32>result;
}

/** Open* result: the handle in `result`, last-error untouched; NULL on failure. */
export function openResult(status: u32): u32 {
  if (!ntSuccess(status)) { failStatus(status); return 0; }
  return <u32>result;
}

/**
 * Wait result: the NT wait status is already the Win32 code (WAIT_OBJECT_0 + i, WAIT_ABANDONED_0 + i,
 * WAIT_TIMEOUT). Errors become WAIT_FAILED. A thread being terminated traps here, after the kernel
 * lock is released, which unwinds its guest stack back to the worker.
 */
// @ts-ignore: decorator
@inline export function waitResult(status: u32): u32 {
  if (status == STATUS_THREAD_IS_TERMINATING) unreachable();
  if (ntSuccess(status)) return status;
  failStatus(status);
  return WAIT_FAILED;
}
