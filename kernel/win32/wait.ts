// kernel32 wait calls. The Ex forms' host shims run queued APCs when an alertable wait returns
// WAIT_IO_COMPLETION (STATUS_USER_APC); the plain forms are bound straight to these exports.
import { ntDelay, ntSignalAndWait, ntWaitMultiple, ntWaitSingle } from "../nt/wait";
import { waitResult } from "./result";
import { STATUS_THREAD_IS_TERMINATING } from "../generated/abi";

export function WaitForSingleObject(hHandle: u32, dwMilliseconds: u32): u32 {
  return waitResult(ntWaitSingle(hHandle, dwMilliseconds));
}

export function WaitForSingleObjectEx(hHandle: u32, dwMilliseconds: u32, bAlertable: i32): u32 {
  return waitResult(ntWaitSingle(hHandle, dwMilliseconds, bAlertable != 0));
}

export function WaitForMultipleObjects(nCount: u32, lpHandles: usize, bWaitAll: i32, dwMilliseconds: u32): u32 {
  return waitResult(ntWaitMultiple(nCount, lpHandles, bWaitAll != 0, dwMilliseconds));
}

export function WaitForMultipleObjectsEx(nCount: u32, lpHandles: usize, bWaitAll: i32, dwMilliseconds: u32, bAlertable: i32): u32 {
  return waitResult(ntWaitMultiple(nCount, lpHandles, bWaitAll != 0, dwMilliseconds, bAlertable != 0));
}

export function SignalObjectAndWait(hObjectToSignal: u32, hObjectToWaitOn: u32, dwMilliseconds: u32, bAlertable: i32): u32 {
  return waitResult(ntSignalAndWait(hObjectToSignal, hObjectToWaitOn, dwMilliseconds, bAlertable != 0));
}

export function Sleep(dwMilliseconds: u32): void {
  if (ntDelay(dwMilliseconds) == STATUS_THREAD_IS_TERMINATING) unreachable();
}
