// ntdll's named-pipe and file-information calls (abi/syscalls/ntfile.ts): NtCreateNamedPipeFile, and the
// kernel halves of the host's NtFsControlFile / NtQueryInformationFile / NtSetInformationFile
// (host/syscalls/ntfile.ts; the ntw_ exports are not in the syscall table, so guests cannot import
// them). NTSTATUS results, no last-error.
import { result, result2 } from "../lib/tls";
import { ntSuccess } from "../nt/status";
import { ntCreateNamedPipeFile, ntFileTarget, ntQueryFileInfo, ntSetFileInfo, ntTransceiveCheck } from "../nt/ntfile";
import { ntDisconnectNamedPipe, ntPeekPipe, ntPipeProcessId, ntWaitNamedPipe } from "../nt/pipe";
import { STATUS_ACCESS_VIOLATION, STATUS_BUFFER_OVERFLOW, STATUS_INFO_LENGTH_MISMATCH, STATUS_SUCCESS } from "../generated/abi";

/** FILE_PIPE_PEEK_BUFFER's header: NamedPipeState, ReadDataAvailable, NumberOfMessages, MessageLength. */
const PEEK_HEADER: u32 = 16;
const FILE_CREATED: u32 = 2;
const FILE_OPENED: u32 = 1;

export function NtCreateNamedPipeFile(FileHandle: usize, DesiredAccess: u32, root: u32, name: usize, nameLen: i32, attr: u32,
  IoStatusBlock: usize, ShareAccess: u32, CreateDisposition: u32, CreateOptions: u32, NamedPipeType: u32, ReadMode: u32,
  CompletionMode: u32, MaximumInstances: u32, InboundQuota: u32, OutboundQuota: u32, DefaultTimeout: usize): u32 {
  if (!FileHandle || !IoStatusBlock) return STATUS_ACCESS_VIOLATION;
  const st = ntCreateNamedPipeFile(DesiredAccess, root, name, <u32>nameLen, attr, ShareAccess, CreateDisposition, CreateOptions,
    NamedPipeType, ReadMode, CompletionMode, MaximumInstances, InboundQuota, OutboundQuota, DefaultTimeout);
  if (!ntSuccess(st)) return st;
  store<u32>(FileHandle, <u32>result);
  store<u32>(IoStatusBlock, st);
  store<u32>(IoStatusBlock, result2 ? FILE_CREATED : FILE_OPENED, 4);
  return st;
}

/** What `h` is for FsControlCode `code` (nt/ntfile.ts TARGET_*), or the error NTSTATUS. */
export function ntw_ntfile_target(h: u32, code: u32): u32 { return ntFileTarget(h, code); }

/** FSCTL_PIPE_TRANSCEIVE's state check before its write. */
export function ntw_ntfile_transceive_check(h: u32): u32 { return ntTransceiveCheck(h); }

export function ntw_ntfile_disconnect(h: u32): u32 { return ntDisconnectNamedPipe(h); }

/**
 * FSCTL_PIPE_PEEK into kernel `out` (`len` bytes: the FILE_PIPE_PEEK_BUFFER and its Data), `tmp` six
 * words of kernel scratch; the bytes written go to tmp + 20. STATUS_BUFFER_OVERFLOW when the first
 * message of a message pipe does not fit.
 */
export function ntw_ntfile_peek(h: u32, out: usize, len: u32, tmp: usize): u32 {
  if (len < PEEK_HEADER) return STATUS_INFO_LENGTH_MISMATCH;
  const st = ntPeekPipe(h, out + PEEK_HEADER, len - PEEK_HEADER, tmp, tmp + 4, tmp + 8, tmp + 12);
  if (st != STATUS_SUCCESS) return st;
  const got = load<u32>(tmp), msgLen = got + load<u32>(tmp, 8); // byte pipes: 0 (their "left" is minus the count)
  store<u32>(out, load<u32>(tmp, 12)); // NamedPipeState
  store<u32>(out, load<u32>(tmp, 4), 4); // ReadDataAvailable
  store<u32>(out, load<u32>(tmp, 16), 8); // NumberOfMessages
  store<u32>(out, msgLen, 12); // MessageLength
  store<u32>(tmp, PEEK_HEADER + got, 20);
  return msgLen > got ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
}

/** FSCTL_PIPE_WAIT's wait for `name[0..len)` (kernel copy, the pipe's own name; folded here), `ms` as WaitNamedPipe's. */
export function ntw_ntfile_wait(name: usize, len: u32, ms: u32): u32 {
  for (let i: u32 = 0; i < len; i++) {
    const a = name + (<usize>i << 1);
    const c = load<u16>(a);
    if (c >= 0x41 && c <= 0x5a) store<u16>(a, c | 0x20);
  }
  return ntWaitNamedPipe(name, len, ms);
}

/** FSCTL_PIPE_GET_CONNECTION_ATTRIBUTE's "ClientProcessId" (`client`) or "ServerProcessId" at kernel `out`. */
export function ntw_ntfile_pid(h: u32, client: i32, out: usize): u32 { return ntPipeProcessId(h, client != 0, false, out); }

/**
 * NtQueryInformationFile into kernel `out` (`len` bytes); at `sizeOut` the size written and whether
 * the host must add a disk file's size (two u32s).
 */
export function ntw_ntfile_query(h: u32, cls: u32, out: usize, len: u32, sizeOut: usize): u32 {
  const st = ntQueryFileInfo(h, cls, out, len);
  store<u32>(sizeOut, st == STATUS_SUCCESS ? <u32>result : 0);
  store<u32>(sizeOut, st == STATUS_SUCCESS ? <u32>result2 : 0, 4);
  return st;
}

/** NtSetInformationFile from kernel `inp` (`len` bytes). */
export function ntw_ntfile_set(h: u32, cls: u32, inp: usize, len: u32): u32 { return ntSetFileInfo(h, cls, inp, len); }
