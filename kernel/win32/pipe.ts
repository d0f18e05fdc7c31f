// kernel32 pipe calls, the pipe half of CreateFileW, and the kernel half of
// ReadFile/WriteFile (host/syscalls/file-io.ts calls the ntw_ exports chunk by chunk; they are not in
// the syscall table, so guests cannot import them).
import { result, result2 } from "../lib/tls";
import { enterHost, leaveHost } from "../lib/lock";
import { handleObject } from "../ob/handle";
import { OBJ_SYNC_IO } from "../lib/layout";
import { Console } from "../objects/console";
import { FILE_KIND_PIPE, PipeEnd } from "../objects/pipe";
import { ntSuccess } from "../nt/status";
import {
  ntConnectNamedPipe, ntCreateNamedPipe, ntFileSignal, ntFlushPipe, ntCreatePipe, ntDisconnectNamedPipe, ntOpenPipe, ntOpenPipeDevice, ntPeekPipe, ntPipeHandleState, ntPipeInfo, ntPipeProcessId, ntReadPipe,
  ntSetPipeState, ntWaitNamedPipe, ntWritePipe, pipePrefix,
} from "../nt/pipe";
import { ntPeekConsole } from "../nt/console";
import { boolResult, failStatus } from "./result";
import { SetLastError } from "./lasterror";
import {
  CREATE_NEW, ERROR_SUCCESS, FILE_FLAG_OVERLAPPED, STATUS_ACCESS_VIOLATION, STATUS_INVALID_PARAMETER,
  STATUS_OBJECT_PATH_NOT_FOUND, STATUS_OBJECT_TYPE_MISMATCH, TRUNCATE_EXISTING, TYPE_CONSOLE, TYPE_FILE,
} from "../generated/abi";

const INVALID_HANDLE_VALUE: u32 = 0xffffffff;

function handleResult(st: u32): u32 {
  if (!ntSuccess(st)) { failStatus(st); return INVALID_HANDLE_VALUE; }
  SetLastError(ERROR_SUCCESS);
  return <u32>result;
}

export function CreatePipe(hReadPipe: usize, hWritePipe: usize, inherit: i32, nSize: u32): i32 {
  if (!hReadPipe || !hWritePipe) return boolResult(STATUS_ACCESS_VIOLATION);
  const st = ntCreatePipe(inherit != 0, nSize);
  if (ntSuccess(st)) { store<u32>(hReadPipe, <u32>result); store<u32>(hWritePipe, <u32>result2); }
  return boolResult(st);
}

export function CreateNamedPipeW(lpName: usize, lpNameLen: i32, dwOpenMode: u32, dwPipeMode: u32, nMaxInstances: u32,
  nOutBufferSize: u32, nInBufferSize: u32, nDefaultTimeOut: u32, inherit: i32): u32 {
  const off = lpName ? pipePrefix(lpName, <u32>lpNameLen) : -1;
  if (off < 0) { failStatus(STATUS_OBJECT_PATH_NOT_FOUND); return INVALID_HANDLE_VALUE; }
  const st = ntCreateNamedPipe(lpName + (<usize>off << 1), <u32>lpNameLen - <u32>off, dwOpenMode, dwPipeMode, nMaxInstances,
    nOutBufferSize, nInBufferSize, nDefaultTimeOut, inherit != 0);
  if (!ntSuccess(st)) { failStatus(st); return INVALID_HANDLE_VALUE; }
  return <u32>result;
}

/**
 * CreateFileW/A on a \\.\pipe\ path (host/syscalls/file-io.ts routes by path; the rest goes to the file
 * layer): the client end of a named pipe. `lpFileName` is the whole path in kernel memory; without
 * FILE_FLAG_OVERLAPPED in `dwFlagsAndAttributes` the end is for synchronous I/O.
 */
export function ntw_pipe_open(lpFileName: usize, lpFileNameLen: i32, dwDesiredAccess: u32, inherit: i32,
  dwCreationDisposition: u32, dwFlagsAndAttributes: u32): u32 {
  if (dwCreationDisposition < CREATE_NEW || dwCreationDisposition > TRUNCATE_EXISTING) return handleResult(STATUS_INVALID_PARAMETER);
  const len = <u32>lpFileNameLen;
  const off = pipePrefix(lpFileName, len);
  if (off < 0) return handleResult(STATUS_OBJECT_PATH_NOT_FOUND);
  if (<u32>off == len) { // \\.\pipe\ itself: the named-pipe file system (FSCTL_PIPE_WAIT, NtCreateNamedPipeFile's RootDirectory)
    return handleResult(ntOpenPipeDevice(dwDesiredAccess, inherit != 0, !(dwFlagsAndAttributes & FILE_FLAG_OVERLAPPED)));
  }
  return handleResult(ntOpenPipe(lpFileName + (<usize>off << 1), len - <u32>off, dwDesiredAccess, inherit != 0,
    !(dwFlagsAndAttributes & FILE_FLAG_OVERLAPPED)));
}

/** ConnectNamedPipe for its host shim (host/syscalls/file-io.ts): the status, with the last-error set on failure. */
export function ntw_pipe_connect(h: u32, noWait: i32): u32 {
  const st = ntConnectNamedPipe(h, noWait != 0);
  if (!ntSuccess(st)) failStatus(st);
  return st;
}
export function DisconnectNamedPipe(hNamedPipe: u32): i32 { return boolResult(ntDisconnectNamedPipe(hNamedPipe)); }

export function WaitNamedPipeW(lpName: usize, lpNameLen: i32, nTimeOut: u32): i32 {
  const off = lpName ? pipePrefix(lpName, <u32>lpNameLen) : -1;
  if (off < 0) return boolResult(STATUS_OBJECT_PATH_NOT_FOUND);
  return boolResult(ntWaitNamedPipe(lpName + (<usize>off << 1), <u32>lpNameLen - <u32>off, nTimeOut));
}

export function SetNamedPipeHandleState(hNamedPipe: u32, lpMode: usize, lpMaxCollectionCount: u32, lpCollectDataTimeout: u32): i32 {
  return boolResult(ntSetPipeState(hNamedPipe, lpMode));
}

export function PeekNamedPipe(hNamedPipe: u32, lpBuffer: usize, nBufferSize: u32, lpBytesRead: usize, lpTotalBytesAvail: usize,
  lpBytesLeftThisMessage: usize): i32 {
  // Standard input that is no terminal is a pipe to its reader (a console's ring: kernel/nt/console.ts).
  const st = ntPeekConsole(hNamedPipe, lpBuffer, nBufferSize, lpBytesRead, lpTotalBytesAvail, lpBytesLeftThisMessage);
  if (st != STATUS_OBJECT_TYPE_MISMATCH) return boolResult(st);
  return boolResult(ntPeekPipe(hNamedPipe, lpBuffer, nBufferSize, lpBytesRead, lpTotalBytesAvail, lpBytesLeftThisMessage, 0));
}

export function GetNamedPipeHandleStateW(hNamedPipe: u32, lpState: usize, lpCurInstances: usize, lpMaxCollectionCount: usize,
  lpCollectDataTimeout: usize, lpUserName: usize, nMaxUserNameSize: u32): i32 {
  const remote = lpMaxCollectionCount != 0 || lpCollectDataTimeout != 0 || lpUserName != 0;
  return boolResult(ntPipeHandleState(hNamedPipe, lpState, lpCurInstances, remote));
}

export function GetNamedPipeClientProcessId(Pipe: u32, ClientProcessId: usize): i32 {
  return boolResult(ntPipeProcessId(Pipe, true, false, ClientProcessId));
}
export function GetNamedPipeServerProcessId(Pipe: u32, ServerProcessId: usize): i32 {
  return boolResult(ntPipeProcessId(Pipe, false, false, ServerProcessId));
}
export function GetNamedPipeClientSessionId(Pipe: u32, ClientSessionId: usize): i32 {
  return boolResult(ntPipeProcessId(Pipe, true, true, ClientSessionId));
}
export function GetNamedPipeServerSessionId(Pipe: u32, ServerSessionId: usize): i32 {
  return boolResult(ntPipeProcessId(Pipe, false, true, ServerSessionId));
}

export function GetNamedPipeInfo(hNamedPipe: u32, lpFlags: usize, lpOutBufferSize: usize, lpInBufferSize: usize, lpMaxInstances: usize): i32 {
  return boolResult(ntPipeInfo(hNamedPipe, lpFlags, lpOutBufferSize, lpInBufferSize, lpMaxInstances));
}

/**
 * What ReadFile/WriteFile on `h` reach: 0..2 a console stream, IO_PIPE a pipe end, IO_DISK a disk file or
 * directory, -1 anything else. No last-error.
 */
export const IO_PIPE: i32 = 16;
export const IO_DISK: i32 = 17;
export function ntw_io_target(h: u32): i32 {
  enterHost();
  const o = handleObject(h, 0, 0, false);
  let r: i32 = -1;
  if (o && o.type == TYPE_CONSOLE) r = <i32>changetype<Console>(o).stream;
  else if (o && o.type == TYPE_FILE) r = changetype<PipeEnd>(o).kind == FILE_KIND_PIPE ? IO_PIPE : IO_DISK;
  leaveHost();
  return r;
}

/**
 * How I/O on `h` completes (NtReadFile/NtWriteFile, ReadFileEx, overlapped ReadFile): 1 a file object
 * opened for synchronous I/O or a console (calls wait), 0 one opened for overlapped I/O, -1 not a handle
 * (STATUS_INVALID_HANDLE), -2 a handle to something else (STATUS_OBJECT_TYPE_MISMATCH). No last-error.
 */
export function ntw_io_sync(h: u32): i32 {
  enterHost();
  const o = handleObject(h, 0, 0, false);
  let r: i32 = -1;
  if (o && o.type == TYPE_CONSOLE) r = 1;
  else if (o && o.type == TYPE_FILE) r = (o.flags & OBJ_SYNC_IO) ? 1 : 0;
  else if (o) r = -2;
  leaveHost();
  return r;
}

/** One chunk of ReadFile on a pipe (kernel addresses); the status, with the last-error set when it is not success. */
export function ntw_pipe_read(h: u32, buf: usize, n: u32, flags: u32, countOut: usize): u32 {
  const st = ntReadPipe(h, buf, n, flags, countOut);
  if (!ntSuccess(st)) failStatus(st);
  return st;
}

/** FlushFileBuffers on a pipe end (host/syscalls/files.ts routes it here): the BOOL, with the last-error. */
export function ntw_pipe_flush(h: u32): i32 { return boolResult(ntFlushPipe(h)); }

/** Sets (1) or resets (0) a pipe end's file object for guest waits (overlapped calls); the status. */
export function ntw_file_signal(h: u32, on: i32): u32 { return ntFileSignal(h, on != 0); }

/** One chunk of WriteFile on a pipe (flags: 1 first chunk, 2 last chunk, 4 TransactNamedPipe). */
export function ntw_pipe_write(h: u32, buf: usize, n: u32, flags: u32, countOut: usize): u32 {
  const st = ntWritePipe(h, buf, n, flags, countOut);
  if (!ntSuccess(st)) failStatus(st);
  return st;
}
