// kernel32 time calls: SleepEx, tick counts, the performance counter, the system time, waitable
// timers and QueueUserAPC.
import { ntDelay } from "../nt/wait";
import { ntOpen } from "../nt/object";
import { bootMs, ntCancelTimer, ntCreateTimer, ntSetTimer, uptimeMs } from "../nt/timer";
import { ntQueueApcThread } from "../nt/apc";
import { msToFileTime } from "../objects/timer";
import { now } from "../lib/clock";
import { boolResult, createResult, openResult } from "./result";
import { SetLastError } from "./lasterror";
import {
  CREATE_WAITABLE_TIMER_HIGH_RESOLUTION, CREATE_WAITABLE_TIMER_MANUAL_RESET, ERROR_NOT_SUPPORTED, STATUS_ACCESS_VIOLATION,
  STATUS_INVALID_PARAMETER, STATUS_SUCCESS, STATUS_THREAD_IS_TERMINATING, STATUS_USER_APC, TIMER_ALL_ACCESS, TYPE_TIMER,
  WAIT_IO_COMPLETION,
} from "../generated/abi";

export { ntw_apc_next, ntw_test_alert } from "../nt/apc";

/** QueryPerformanceCounter ticks per second: 100-ns units, like FILETIME. */
const QPC_FREQUENCY: i64 = 10000000;

export function SleepEx(dwMilliseconds: u32, bAlertable: i32): u32 {
  const st = ntDelay(dwMilliseconds, bAlertable != 0);
  if (st == STATUS_THREAD_IS_TERMINATING) unreachable();
  return st == STATUS_USER_APC ? WAIT_IO_COMPLETION : 0;
}

export function GetTickCount(): u32 { const base = bootMs(); return <u32>(<i64>now() - base); } // base first: see uptimeMs
export function GetTickCount64(): u64 { const base = bootMs(); return <u64>(<i64>now() - base); }

export function QueryPerformanceCounter(lpPerformanceCount: usize): i32 {
  if (!lpPerformanceCount) return boolResult(STATUS_ACCESS_VIOLATION);
  store<i64>(lpPerformanceCount, <i64>(uptimeMs() * 10000));
  return 1;
}

export function QueryPerformanceFrequency(lpFrequency: usize): i32 {
  if (!lpFrequency) return boolResult(STATUS_ACCESS_VIOLATION);
  store<i64>(lpFrequency, QPC_FREQUENCY);
  return 1;
}

export function GetSystemTimeAsFileTime(lpSystemTimeAsFileTime: usize): void {
  if (lpSystemTimeAsFileTime) store<i64>(lpSystemTimeAsFileTime, msToFileTime(now()));
}

export function CreateWaitableTimerW(inherit: i32, bManualReset: i32, lpName: usize, lpNameLen: i32): u32 {
  return createResult(ntCreateTimer(TIMER_ALL_ACCESS, inherit != 0, lpName, lpNameLen, bManualReset != 0));
}

export function CreateWaitableTimerExW(inherit: i32, lpName: usize, lpNameLen: i32, dwFlags: u32, dwDesiredAccess: u32): u32 {
  if (dwFlags & ~(CREATE_WAITABLE_TIMER_MANUAL_RESET | CREATE_WAITABLE_TIMER_HIGH_RESOLUTION)) {
    return createResult(STATUS_INVALID_PARAMETER);
  }
  return createResult(ntCreateTimer(dwDesiredAccess, inherit != 0, lpName, lpNameLen, (dwFlags & CREATE_WAITABLE_TIMER_MANUAL_RESET) != 0));
}

export function OpenWaitableTimerW(dwDesiredAccess: u32, bInheritHandle: i32, lpName: usize, lpNameLen: i32): u32 {
  return openResult(ntOpen(TYPE_TIMER, dwDesiredAccess, bInheritHandle != 0, lpName, lpNameLen));
}

export function SetWaitableTimer(hTimer: u32, lpDueTime: usize, lPeriod: i32, pfnCompletionRoutine: u32,
  lpArgToCompletionRoutine: u32, fResume: i32): i32 {
  const st = ntSetTimer(hTimer, lpDueTime, lPeriod, pfnCompletionRoutine, lpArgToCompletionRoutine);
  if (st != STATUS_SUCCESS) return boolResult(st);
  // No power management here: resume is ignored, which Windows reports as success + ERROR_NOT_SUPPORTED.
  if (fResume) SetLastError(ERROR_NOT_SUPPORTED);
  return 1;
}

export function CancelWaitableTimer(hTimer: u32): i32 { return boolResult(ntCancelTimer(hTimer)); }

export function QueueUserAPC(pfnAPC: u32, hThread: u32, dwData: u32): u32 {
  return <u32>boolResult(ntQueueApcThread(hThread, pfnAPC, dwData, 0, 0));
}
