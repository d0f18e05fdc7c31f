// kernel32 identity and exit-code queries for threads and processes.
import { enter, leave } from "../lib/lock";
import { PROCESS_EXITED, THREAD_EXITED } from "../lib/layout";
import { currentThread, result, setResult } from "../lib/tls";
import { CURRENT_PROCESS, CURRENT_THREAD, handleAccess, handleObject } from "../ob/handle";
import { Process } from "../objects/process";
import { Thread } from "../objects/thread";
import { failStatus, openResult } from "./result";
import { ObjectHeader } from "../ob/object";
import { accessStatus, grantedAccess, obInsert } from "../nt/object";
import { threadKill, threadLookup, threadResume, threadSuspend } from "../nt/thread";
import { ntCancelSynchronousIo } from "../nt/io";
import {
  STATUS_INVALID_HANDLE, STATUS_INVALID_PARAMETER, THREAD_SUSPEND_RESUME, THREAD_TERMINATE,
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

/** OpenThread: a handle to the thread with id `dwThreadId`, alive or ended while its object exists. */
export function OpenThread(dwDesiredAccess: u32, bInheritHandle: i32, dwThreadId: u32): u32 {
  const granted = grantedAccess(TYPE_THREAD, dwDesiredAccess);
  enter();
  const t = threadLookup(dwThreadId);
  let st = t && t.process ? accessStatus(granted) : STATUS_INVALID_PARAMETER; // Windows: unknown id → ERROR_INVALID_PARAMETER
  if (st == STATUS_SUCCESS) st = obInsert(changetype<Thread>(t), granted, bInheritHandle != 0, false);
  leave();
  return openResult(st);
}

/** SuspendThread / ResumeThread: the previous suspend count, or (DWORD)-1 with the last error. */
function suspendOp(h: u32, resume: bool): u32 {
  enter();
  const o = handleObject(h, THREAD_SUSPEND_RESUME, TYPE_THREAD);
  const st = !o ? <u32>result : resume ? threadResume(changetype<Thread>(o)) : threadSuspend(changetype<Thread>(o));
  const prev = <u32>result;
  leave(); // suspending oneself takes effect here, before returning to the guest
  if (st != STATUS_SUCCESS) { failStatus(st); return 0xffffffff; }
  if (!resume && o == changetype<ObjectHeader>(currentThread)) {
    enter(); // blocks until resumed
    leave();
  }
  return prev;
}

export function SuspendThread(hThread: u32): u32 { return suspendOp(hThread, false); }
export function ResumeThread(hThread: u32): u32 { return suspendOp(hThread, true); }

/** Threads are real workers scheduled by the host OS: there is nothing to switch to here. */
export function SwitchToThread(): i32 { return 0; }

/**
 * TerminateThread's kernel half (the host shim then stops a worker busy in guest code): the thread
 * record on success, 0 with the last error set. Terminating oneself unwinds at once.
 */
export function ntw_terminate_thread(hThread: u32, dwExitCode: u32): usize {
  enter();
  const o = handleObject(hThread, THREAD_TERMINATE, TYPE_THREAD);
  if (!o) { const st = <u32>result; leave(); failStatus(st); return 0; }
  threadKill(changetype<Thread>(o), dwExitCode);
  leave();
  return changetype<usize>(o);
}

// --- priorities: recorded and returned as Windows does; the host OS schedules the workers ---

const THREAD_PRIORITY_ERROR_RETURN: i32 = 0x7fffffff;
const THREAD_MODE_BACKGROUND_BEGIN: i32 = 0x10000;
const THREAD_MODE_BACKGROUND_END: i32 = 0x20000;
const THREAD_SET_INFORMATION: u32 = 0x20, THREAD_SET_LIMITED_INFORMATION: u32 = 0x400;
const PROCESS_SET_INFORMATION: u32 = 0x200;
const NORMAL_PRIORITY_CLASS: u32 = 0x20;
const PROCESS_MODE_BACKGROUND_BEGIN: u32 = 0x100000, PROCESS_MODE_BACKGROUND_END: u32 = 0x200000;

/** The object behind `h` of `type` if the handle grants any of `rights`; null with `result` set. */
function withRights(h: u32, type: u32, rights: u32): ObjectHeader | null {
  const o = handleObject(h, 0, type);
  if (o && !(handleAccess(h) & rights)) { setResult(STATUS_ACCESS_DENIED); return null; }
  return o;
}

export function GetThreadPriority(hThread: u32): i32 {
  enter();
  const o = withRights(hThread, TYPE_THREAD, THREAD_QUERY_INFORMATION | THREAD_QUERY_LIMITED_INFORMATION);
  const value = o ? changetype<Thread>(o).priority : 0;
  const st = <u32>result;
  leave();
  if (!o) { failStatus(st); return THREAD_PRIORITY_ERROR_RETURN; }
  return value;
}

export function SetThreadPriority(hThread: u32, nPriority: i32): i32 {
  const background = nPriority == THREAD_MODE_BACKGROUND_BEGIN || nPriority == THREAD_MODE_BACKGROUND_END;
  // THREAD_PRIORITY_IDLE (-15), LOWEST..HIGHEST (-2..2), TIME_CRITICAL (15)
  if (!background && nPriority != -15 && nPriority != 15 && (nPriority < -2 || nPriority > 2)) {
    failStatus(STATUS_INVALID_PARAMETER);
    return 0;
  }
  enter();
  const o = withRights(hThread, TYPE_THREAD, THREAD_SET_INFORMATION | THREAD_SET_LIMITED_INFORMATION);
  let st = o ? STATUS_SUCCESS : <u32>result;
  // the background modes apply to the calling thread only
  if (o && background && changetype<usize>(o) != currentThread) st = STATUS_INVALID_HANDLE;
  if (st == STATUS_SUCCESS && !background) changetype<Thread>(o).priority = nPriority;
  leave();
  if (st != STATUS_SUCCESS) { failStatus(st); return 0; }
  return 1;
}

export function GetPriorityClass(hProcess: u32): u32 {
  enter();
  const o = withRights(hProcess, TYPE_PROCESS, PROCESS_QUERY_INFORMATION | PROCESS_QUERY_LIMITED_INFORMATION);
  const value = o ? changetype<Process>(o).priorityClass : 0;
  const st = <u32>result;
  leave();
  if (!o) { failStatus(st); return 0; }
  return value ? value : NORMAL_PRIORITY_CLASS;
}

export function SetPriorityClass(hProcess: u32, dwPriorityClass: u32): i32 {
  const background = dwPriorityClass == PROCESS_MODE_BACKGROUND_BEGIN || dwPriorityClass == PROCESS_MODE_BACKGROUND_END;
  // IDLE, NORMAL, HIGH, REALTIME, BELOW_NORMAL, ABOVE_NORMAL
  const valid = dwPriorityClass == 0x40 || dwPriorityClass == 0x20 || dwPriorityClass == 0x80 || dwPriorityClass == 0x100 ||
    dwPriorityClass == 0x4000 || dwPriorityClass == 0x8000;
  if (!valid && !background) { failStatus(STATUS_INVALID_PARAMETER); return 0; }
  enter();
  const o = withRights(hProcess, TYPE_PROCESS, PROCESS_SET_INFORMATION);
  const st = o ? STATUS_SUCCESS : <u32>result;
  if (o && !background) changetype<Process>(o).priorityClass = dwPriorityClass;
  leave();
  if (st != STATUS_SUCCESS) { failStatus(st); return 0; }
  return 1;
}

export function CancelSynchronousIo(hThread: u32): i32 {
  const st = ntCancelSynchronousIo(hThread);
  if (st != STATUS_SUCCESS) { failStatus(st); return 0; }
  return 1;
}
