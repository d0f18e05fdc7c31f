// I/O completion ports: kernel32's CreateIoCompletionPort, PostQueuedCompletionStatus,
// SetFileCompletionNotificationModes, the kernel half of GetQueuedCompletionStatus (usermode/iocompletion.ts
// writes its out parameters: ntw_iocp_get, ntw_iocp_last), ntdll's Nt*IoCompletion calls, and the exports
// the host's I/O path calls (ntw_iocp_io_check, ntw_iocp_associate, ntw_iocp_set_modes).
// GetQueuedCompletionStatusEx is the C runtime's, over NtRemoveIoCompletionEx (abi/crt/iocompletion.ts).
import { currentThread, result } from "../lib/tls";
import { ntClose } from "../nt/handle";
import {
  iocpIoCheck, ntCreateIoCompletion, ntIocpAssociate, ntIocpModes, ntIocpSetModes, ntQueryIoCompletionDepth, ntRemoveIoCompletion,
  ntSetIoCompletion, REMOVE_MAX,
} from "../nt/iocompletion";
import { ntOpen, OBJ_INHERIT } from "../nt/object";
import { statusToDosError, timeoutMs } from "../nt/ntobject";
import { ntSuccess } from "../nt/status";
import { Thread } from "../objects/thread";
import { SetLastError } from "./lasterror";
import { boolResult, failStatus } from "./result";
import {
  ERROR_ABANDONED_WAIT_0, ERROR_INVALID_PARAMETER, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS, FILE_SKIP_SET_EVENT_ON_HANDLE, IO_COMPLETION_ALL_ACCESS, STATUS_ABANDONED_WAIT_0, STATUS_ACCESS_VIOLATION,
  STATUS_INFO_LENGTH_MISMATCH, STATUS_INVALID_INFO_CLASS, STATUS_INVALID_PARAMETER, STATUS_SUCCESS, STATUS_THREAD_IS_TERMINATING,
  STATUS_TIMEOUT, TYPE_IOCOMPLETION, WAIT_TIMEOUT,
} from "../generated/abi";

const INVALID_HANDLE_VALUE: u32 = 0xffffffff;

function me(): Thread { return changetype<Thread>(currentThread); }

/** A thread being terminated traps here, after the kernel lock is released (as kernel32's waits do). */
// @ts-ignore: decorator
@inline function live(st: u32): u32 {
  if (st == STATUS_THREAD_IS_TERMINATING) unreachable();
  return st;
}

// ---------- kernel32 ----------

/**
 * A new port (FileHandle INVALID_HANDLE_VALUE, ExistingCompletionPort NULL), or FileHandle associated
 * with ExistingCompletionPort (returned) or with a new port (returned; closed again if the association
 * fails) and CompletionKey, as kernelbase does it over NtCreateIoCompletion and FileCompletionInformation.
 */
export function CreateIoCompletionPort(FileHandle: u32, ExistingCompletionPort: u32, CompletionKey: u32,
  NumberOfConcurrentThreads: u32): u32 {
  let port = ExistingCompletionPort;
  if (!port) {
    const st = ntCreateIoCompletion(IO_COMPLETION_ALL_ACCESS, false, 0, 0, NumberOfConcurrentThreads);
    if (!ntSuccess(st)) { failStatus(st); return 0; }
    port = <u32>result;
  } else if (FileHandle == INVALID_HANDLE_VALUE) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return 0;
  }
  if (FileHandle != INVALID_HANDLE_VALUE) {
    const st = ntIocpAssociate(FileHandle, port, CompletionKey);
    if (!ntSuccess(st)) {
      if (!ExistingCompletionPort) ntClose(port);
      failStatus(st);
      return 0;
    }
  }
  return port;
}

/** NtSetIoCompletion(port, key, lpOverlapped, STATUS_SUCCESS, bytes). */
export function PostQueuedCompletionStatus(CompletionPort: u32, dwNumberOfBytesTransferred: u32, dwCompletionKey: u32,
  lpOverlapped: u32): i32 {
  return boolResult(ntSetIoCompletion(CompletionPort, dwCompletionKey, lpOverlapped, STATUS_SUCCESS, dwNumberOfBytesTransferred));
}

/** kernel32 takes the two documented modes only (FILE_SKIP_SET_USER_EVENT_ON_FAST_IO is NtSetInformationFile's). */
export function SetFileCompletionNotificationModes(FileHandle: u32, Flags: u32): i32 {
  const modes = Flags & 0xff; // UCHAR
  if (modes & ~(FILE_SKIP_COMPLETION_PORT_ON_SUCCESS | FILE_SKIP_SET_EVENT_ON_HANDLE)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
  return boolResult(ntIocpSetModes(FileHandle, modes));
}

/** The last-error of a remove that took nothing, as kernelbase sets it. */
function removeError(st: u32): void {
  if (st == STATUS_TIMEOUT) SetLastError(WAIT_TIMEOUT);
  else if (st == STATUS_ABANDONED_WAIT_0) SetLastError(ERROR_ABANDONED_WAIT_0);
  else failStatus(st);
}

/**
 * GetQueuedCompletionStatus without its out parameters (usermode/iocompletion.ts writes them): the low 32
 * bits 1 when a packet with a success status was taken (TRUE), 2 when one with an error status was (FALSE,
 * last-error set; the packet is still returned), 0 when none was (FALSE, last-error set: WAIT_TIMEOUT,
 * ERROR_ABANDONED_WAIT_0...); the high 32 bits the packet's lpOverlapped. ntw_iocp_last gives the rest.
 */
export function ntw_iocp_get(CompletionPort: u32, dwMilliseconds: u32): i64 {
  const st = live(ntRemoveIoCompletion(CompletionPort, 1, dwMilliseconds, false, 0));
  if (st != STATUS_SUCCESS) { removeError(st); return 0; }
  const t = me();
  let code: u32 = 1;
  if (<i32>t.iocpStatus < 0) { SetLastError(statusToDosError(t.iocpStatus)); code = 2; }
  return (<i64>t.iocpValue << 32) | <i64>code;
}

/** The packet ntw_iocp_get took: the key in the low 32 bits, the bytes transferred in the high 32. */
export function ntw_iocp_last(): i64 {
  const t = me();
  return (<i64>t.iocpInfo << 32) | <i64>t.iocpKey;
}

// ---------- for the host ----------

/**
 * Before an I/O call on `h` starts (host/syscalls/overlapped.ts): STATUS_INVALID_PARAMETER for a call
 * with a completion routine (`apc`) on a file associated with a port, STATUS_INSUFFICIENT_RESOURCES when
 * that port is full, else 0. No last-error.
 */
export function ntw_iocp_io_check(h: u32, apc: u32): u32 { return iocpIoCheck(h, apc); }

/**
 * NtSetInformationFile's FileCompletionInformation { CompletionPort, CompletionKey }: associates file
 * handle `file` with port handle `port` and `key`. The NTSTATUS, no last-error.
 */
export function ntw_iocp_associate(file: u32, port: u32, key: u32): u32 { return ntIocpAssociate(file, port, key); }

/** NtSetInformationFile's FileIoCompletionNotificationInformation { Flags }: the NTSTATUS, no last-error. */
export function ntw_iocp_set_modes(file: u32, flags: u32): u32 { return ntIocpSetModes(file, flags); }

/** NtQueryInformationFile's FileIoCompletionNotificationInformation: the modes (>= 0), or a failing NTSTATUS (< 0). */
export function ntw_iocp_modes(file: u32): i32 {
  const st = ntIocpModes(file);
  return st == STATUS_SUCCESS ? <i32>result : <i32>st;
}

// ---------- ntdll ----------

export function NtCreateIoCompletion(IoCompletionHandle: usize, DesiredAccess: u32, root: u32, name: usize, nameLen: i32, attr: u32,
  NumberOfConcurrentThreads: u32): u32 {
  if (!IoCompletionHandle) return STATUS_ACCESS_VIOLATION;
  const st = ntCreateIoCompletion(DesiredAccess, (attr & OBJ_INHERIT) != 0, name, nameLen, NumberOfConcurrentThreads, root, attr);
  if (ntSuccess(st)) store<u32>(IoCompletionHandle, <u32>result);
  return st;
}

export function NtOpenIoCompletion(IoCompletionHandle: usize, DesiredAccess: u32, root: u32, name: usize, nameLen: i32, attr: u32): u32 {
  if (!IoCompletionHandle) return STATUS_ACCESS_VIOLATION;
  const st = ntOpen(TYPE_IOCOMPLETION, DesiredAccess, (attr & OBJ_INHERIT) != 0, name, nameLen, root, attr);
  if (ntSuccess(st)) store<u32>(IoCompletionHandle, <u32>result);
  return st;
}

export function NtSetIoCompletion(IoCompletionHandle: u32, KeyContext: u32, ApcContext: u32, IoStatus: u32, IoStatusInformation: u32): u32 {
  return ntSetIoCompletion(IoCompletionHandle, KeyContext, ApcContext, IoStatus, IoStatusInformation);
}

export function NtRemoveIoCompletion(IoCompletionHandle: u32, KeyContext: usize, ApcContext: usize, IoStatusBlock: usize,
  Timeout: usize): u32 {
  if (!KeyContext || !ApcContext || !IoStatusBlock) return STATUS_ACCESS_VIOLATION;
  const st = live(ntRemoveIoCompletion(IoCompletionHandle, 1, timeoutMs(Timeout), false, 0));
  if (st == STATUS_SUCCESS) {
    const t = me();
    store<u32>(KeyContext, t.iocpKey);
    store<u32>(ApcContext, t.iocpValue);
    store<u32>(IoStatusBlock, t.iocpStatus);
    store<u32>(IoStatusBlock, t.iocpInfo, 4);
  }
  return st;
}

/**
 * Up to Count (1..REMOVE_MAX per call) FILE_IO_COMPLETION_INFORMATION entries { CompletionKey,
 * CompletionValue, IoStatusBlock }; *NumEntriesRemoved is their number (0 when it fails).
 */
export function NtRemoveIoCompletionEx(IoCompletionHandle: u32, IoCompletionInformation: usize, Count: u32, NumEntriesRemoved: usize,
  Timeout: usize, Alertable: i32): u32 {
  if (!Count) return STATUS_INVALID_PARAMETER;
  if (!IoCompletionInformation || !NumEntriesRemoved) return STATUS_ACCESS_VIOLATION;
  const n = Count < REMOVE_MAX ? Count : REMOVE_MAX;
  const st = live(ntRemoveIoCompletion(IoCompletionHandle, n, timeoutMs(Timeout), Alertable != 0, IoCompletionInformation));
  if (st != STATUS_SUCCESS) { store<u32>(NumEntriesRemoved, 0); return st; }
  const t = me();
  store<u32>(IoCompletionInformation, t.iocpKey);
  store<u32>(IoCompletionInformation, t.iocpValue, 4);
  store<u32>(IoCompletionInformation, t.iocpStatus, 8);
  store<u32>(IoCompletionInformation, t.iocpInfo, 12);
  store<u32>(NumEntriesRemoved, <u32>result);
  return st;
}

/** IoCompletionBasicInformation (0): IO_COMPLETION_BASIC_INFORMATION { LONG Depth }, the packets queued. */
export function NtQueryIoCompletion(IoCompletionHandle: u32, cls: u32, info: usize, len: u32, retLen: usize): u32 {
  if (cls != 0) return STATUS_INVALID_INFO_CLASS;
  if (len != 4) return STATUS_INFO_LENGTH_MISMATCH;
  if (!info) return STATUS_ACCESS_VIOLATION;
  const st = ntQueryIoCompletionDepth(IoCompletionHandle);
  if (st != STATUS_SUCCESS) return st;
  store<u32>(info, <u32>result);
  if (retLen) store<u32>(retLen, 4);
  return st;
}

