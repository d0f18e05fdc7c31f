// kernel32 identity and exit-code queries for threads and processes.
import { enter, leave } from "../lib/lock";
import { PROCESS_EXITED, THREAD_EXITED } from "../lib/layout";
import { currentThread, result } from "../lib/tls";
import { CURRENT_PROCESS, CURRENT_THREAD, handleAccess, handleObject } from "../ob/handle";
import { Process } from "../objects/process";
import { Thread } from "../objects/thread";
import { failStatus } from "./result";
import {
  PROCESS_QUERY_INFORMATION, PROCESS_QUERY_LIMITED_INFORMATION, STATUS_ACCESS_DENIED, STATUS_ACCESS_VIOLATION, STATUS_SUCCESS,
  STILL_ACTIVE, THREAD_QUERY_INFORMATION, THREAD_QUERY_LIMITED_INFORMATION, TYPE_PROCESS, TYPE_THREAD,
} from "../generated/abi";

export function GetCurrentProcess(): u32 { return CURRENT_PROCESS; }
export function GetCurrentThread(): u32 { return CURRENT_THREAD; }
export function GetCurrentThreadId(): u32 { return changetype<Thread>(currentThread).tid; }
export function GetCurrentProcessId(): u32 {
  return changetype<Process>(changetype<Thread>(currentThread).process).pid;
}

/** The id (0 on failure) or exit code of the thread/process behind `h`. */
function query(h: u32, type: u32, exitCodeOut: usize, wantExitCode: bool): u32 {
  if (wantExitCode && !exitCodeOut) { failStatus(STATUS_ACCESS_VIOLATION); return 0; }
  enter();
  const o = handleObject(h, 0, type);
  let st = o ? STATUS_SUCCESS : <u32>result;
  const need = type == TYPE_THREAD ? THREAD_QUERY_INFORMATION | THREAD_QUERY_LIMITED_INFORMATION
    : PROCESS_QUERY_INFORMATION | PROCESS_QUERY_LIMITED_INFORMATION;
  if (o && !(handleAccess(h) & need)) st = STATUS_ACCESS_DENIED;
  let value: u32 = 0;
  if (st == STATUS_SUCCESS) {
    if (type == TYPE_THREAD) {
      const t = changetype<Thread>(o);
      value = wantExitCode ? (t.state == THREAD_EXITED ? t.exitCode : STILL_ACTIVE) : t.tid;
    } else {
      const p = changetype<Process>(o);
      value = wantExitCode ? (p.state == PROCESS_EXITED ? p.exitCode : STILL_ACTIVE) : p.pid;
    }
  }
  leave();
  if (st != STATUS_SUCCESS) { failStatus(st); return 0; }
  if (wantExitCode) { store<u32>(exitCodeOut, value); return 1; }
  return value;
}

export function GetExitCodeThread(hThread: u32, lpExitCode: usize): i32 { return query(hThread, TYPE_THREAD, lpExitCode, true); }
export function GetExitCodeProcess(hProcess: u32, lpExitCode: usize): i32 { return query(hProcess, TYPE_PROCESS, lpExitCode, true); }
export function GetThreadId(Thread: u32): u32 { return query(Thread, TYPE_THREAD, 0, false); }
export function GetProcessId(Process: u32): u32 { return query(Process, TYPE_PROCESS, 0, false); }
