// kernel32 process calls: OpenProcess, TerminateProcess's and CreateProcess's kernel halves, the
// command line and the environment.
import { enter, leave, leaveHost } from "../lib/lock";
import { result } from "../lib/tls";
import { currentProcess, handleClose, handleInsert, handleObject } from "../ob/handle";
import { ObjectHeader, obDeref } from "../ob/object";
import { accessStatus, grantedAccess, obInsert } from "../nt/object";
import { envGet, envSet } from "../nt/environment";
import { processLookup, processTerminate } from "../nt/process";
import { processAbandon, processCreate, threadCreate, threadExit } from "../nt/thread";
import { Process } from "../objects/process";
import { Thread } from "../objects/thread";
import { SetLastError } from "./lasterror";
import { failStatus, openResult } from "./result";
import {
  CREATE_SUSPENDED, ERROR_SUCCESS, PROCESS_ALL_ACCESS, PROCESS_TERMINATE, STATUS_BUFFER_TOO_SMALL,
  STATUS_INVALID_PARAMETER, STATUS_SUCCESS, THREAD_ALL_ACCESS, TYPE_PROCESS,
} from "../generated/abi";

export function OpenProcess(dwDesiredAccess: u32, bInheritHandle: i32, dwProcessId: u32): u32 {
  const granted = grantedAccess(TYPE_PROCESS, dwDesiredAccess);
  enter();
  const p = processLookup(dwProcessId);
  let st = p ? accessStatus(granted) : STATUS_INVALID_PARAMETER; // Windows: unknown id → ERROR_INVALID_PARAMETER
  if (st == STATUS_SUCCESS) st = obInsert(changetype<Process>(p), granted, bInheritHandle != 0, false);
  leave();
  return openResult(st);
}

/**
 * TerminateProcess's kernel half: the process record on success (the host then stops its workers),
 * 0 with the last error set. Terminating one's own process unwinds the caller at once.
 */
export function ntw_terminate_process(hProcess: u32, uExitCode: u32): usize {
  enter();
  const o = handleObject(hProcess, PROCESS_TERMINATE, TYPE_PROCESS);
  if (!o) { const st = <u32>result; leave(); failStatus(st); return 0; }
  processTerminate(changetype<Process>(o), uExitCode);
  // Ending one's own process: the host must hear of it first (to stop the other workers), so the
  // caller unwinds only when the shim calls back in (ntw_thread_begin).
  if (o == changetype<ObjectHeader>(currentProcess())) leaveHost();
  else leave();
  return changetype<usize>(o);
}

/**
 * CreateProcess's kernel half: a child of the calling process (with its inheritable handles when
 * `inherit`) and its first thread (suspended with CREATE_SUSPENDED), with handles to both in the
 * caller. Writes [hProcess, hThread, pid, tid, process, thread] at `out` (the host holds a reference
 * on process and thread) and returns 1, or 0 with the last error set.
 */
export function ntw_create_process(inherit: i32, flags: u32, stdIn: u32, stdOut: u32, stdErr: u32, out: usize): i32 {
  enter();
  const parent = currentProcess();
  const p = processCreate(parent, inherit != 0);
  const t = p ? threadCreate(p) : null; // past the workers quota: ERROR_NOT_ENOUGH_MEMORY, before anything starts
  let st = t ? STATUS_SUCCESS : <u32>result;
  let hp: u32 = 0, ht: u32 = 0;
  if (p && t) {
    if (flags & CREATE_SUSPENDED) t.suspendCount = 1;
    if (stdIn | stdOut | stdErr) { p.stdIn = stdIn; p.stdOut = stdOut; p.stdErr = stdErr; } // STARTF_USESTDHANDLES
    hp = handleInsert(parent, p, PROCESS_ALL_ACCESS, 0);
    ht = hp ? handleInsert(parent, t, THREAD_ALL_ACCESS, 0) : 0;
    if (!ht) st = <u32>result;
    if (hp && !ht) handleClose(parent, hp, true);
  }
  if (!ht) {
    if (t) threadExit(t, 0); // ends the child too, closing what it inherited
    else if (p) processAbandon(p);
    if (p) obDeref(p);
    leave();
    failStatus(st);
    return 0;
  }
  changetype<Thread>(t).refs++; // the host's references, released by ntw_object_release
  store<u32>(out, hp);
  store<u32>(out, ht, 4);
  store<u32>(out, changetype<Process>(p).pid, 8);
  store<u32>(out, changetype<Thread>(t).tid, 12);
  store<u32>(out, changetype<usize>(p), 16);
  store<u32>(out, changetype<usize>(t), 20);
  leave();
  return 1;
}

/** Records where the host wrote the calling process's command line in its guest memory. */
export function ntw_set_cmdline(w: u32, a: u32): void {
  currentProcess().cmdlineW = w;
  currentProcess().cmdlineA = a;
}

export function GetCommandLineW(): u32 { return currentProcess().cmdlineW; }
export function GetCommandLineA(): u32 { return currentProcess().cmdlineA; }

/** Value length without NUL when it fits in nSize chars; the size needed (with NUL) when not; 0 if unset. */
export function GetEnvironmentVariableW(lpName: usize, lpNameLen: i32, lpBuffer: usize, nSize: u32): u32 {
  if (!lpName) { failStatus(STATUS_INVALID_PARAMETER); return 0; }
  enter();
  const st = envGet(currentProcess(), lpName, <u32>lpNameLen, lpBuffer, nSize);
  const n = <u32>result;
  leave();
  if (st == STATUS_BUFFER_TOO_SMALL) return n + 1;
  if (st != STATUS_SUCCESS) { failStatus(st); return 0; }
  SetLastError(ERROR_SUCCESS);
  return n;
}

export function SetEnvironmentVariableW(lpName: usize, lpNameLen: i32, lpValue: usize, lpValueLen: i32): i32 {
  if (!lpName) { failStatus(STATUS_INVALID_PARAMETER); return 0; }
  enter();
  const st = envSet(currentProcess(), lpName, <u32>lpNameLen, lpValue, <u32>lpValueLen);
  leave();
  if (st != STATUS_SUCCESS) { failStatus(st); return 0; }
  return 1;
}

/** The environment block: its size in chars (the entries and one more NUL); copied when it fits. */
export function GetEnvironmentBlockW(lpBuffer: usize, nSize: u32): u32 {
  enter();
  const p = currentProcess();
  const need = p.envChars ? p.envChars + 1 : 2; // an empty block is two NULs
  // the host copies at most 32768 chars in and out (abi/), and a NULL buffer arrives as 0
  if (lpBuffer && need <= nSize && need <= 32768) {
    if (p.envChars) memory.copy(lpBuffer, p.env, <usize>p.envChars << 1);
    else store<u16>(lpBuffer, 0);
    store<u16>(lpBuffer + (<usize>(need - 1) << 1), 0);
  }
  leave();
  SetLastError(ERROR_SUCCESS);
  return need;
}

/** Empties process `p`'s environment (CreateProcess with lpEnvironment; the host then sets each variable). */
export function ntw_process_env_clear(p: usize): void {
  enter();
  changetype<Process>(p).envChars = 0;
  leave();
}

/** The host's way to fill a new process's environment: `name`/`value` in kernel memory. */
export function ntw_process_env_set(p: usize, name: usize, nameLen: u32, value: usize, valueLen: u32): i32 {
  enter();
  const st = envSet(changetype<Process>(p), name, nameLen, value, valueLen);
  leave();
  return st == STATUS_SUCCESS ? 1 : 0;
}
