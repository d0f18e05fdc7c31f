// ntdll's named-pipe and file-information services (abi/syscalls/ntfile.ts): NtCreateNamedPipeFile's
// checks and name, the kernel halves of NtFsControlFile's FSCTL_PIPE_* requests and the information
// classes of NtQuery/SetInformationFile, over the pipe services (nt/pipe.ts) and the disk file objects
// (objects/file.ts). The parameter checks follow NT's IoCreateFile and the named-pipe file system as
// Wine's server implements it (dlls/ntdll/tests/pipe.c records Windows for both).
import { enter, leave } from "../lib/lock";
import { result, result2, setResults } from "../lib/tls";
import { OBJ_SYNC_IO } from "../lib/layout";
import { handleAccess, handleObject } from "../ob/handle";
import { nameResolve } from "../ob/namespace";
import { Directory } from "../objects/directory";
import { DiskFile, FILE_DIRECTORY, FILE_FIND } from "../objects/file";
import {
  FILE_KIND_PIPE, NamedPipe, PIPE_CLOSING, PIPE_CONNECTED, PIPE_DEVICE, PIPE_DISCONNECTED, PIPE_LISTENING, PipeEnd,
} from "../objects/pipe";
import { OA_NULL, OBJ_CASE_INSENSITIVE, accessStatus, grantedAccess } from "./object";
import { timeoutMs } from "./ntobject";
import {
  FILE_PIPE_CLOSING_STATE, FILE_PIPE_CONNECTED_STATE, FILE_PIPE_DISCONNECTED_STATE, FILE_PIPE_LISTENING_STATE, PIPE_CREATE,
  PIPE_OPEN, PIPE_OPEN_IF, ntSetPipeState, pipeInstanceCreate,
} from "./pipe";
import {
  FILE_READ_ATTRIBUTES, FILE_READ_DATA, FILE_WRITE_ATTRIBUTES, FILE_WRITE_DATA, HANDLE_FLAG_INHERIT, PIPE_ACCESS_INBOUND,
  PIPE_ACCESS_OUTBOUND, PIPE_NOWAIT, PIPE_READMODE_MESSAGE, PIPE_UNLIMITED_INSTANCES, STATUS_ACCESS_DENIED,
  STATUS_ACCESS_VIOLATION, STATUS_INFO_LENGTH_MISMATCH, STATUS_INVALID_INFO_CLASS, STATUS_INVALID_PARAMETER,
  STATUS_INVALID_PIPE_STATE, STATUS_OBJECT_NAME_EXISTS, STATUS_OBJECT_NAME_INVALID, STATUS_OBJECT_PATH_SYNTAX_BAD, STATUS_OBJECT_TYPE_MISMATCH,
  STATUS_PIPE_DISCONNECTED, STATUS_SUCCESS, SYNCHRONIZE, TYPE_DIRECTORY, TYPE_FILE,
} from "../generated/abi";

// The DDK's values (ntifs.h, wdm.h).
const FILE_OPEN: u32 = 1;
const FILE_CREATE: u32 = 2;
const FILE_OPEN_IF: u32 = 3;
const FILE_MAXIMUM_DISPOSITION: u32 = 5;
const FILE_SYNCHRONOUS_IO_ALERT: u32 = 0x10;
const FILE_SYNCHRONOUS_IO_NONALERT: u32 = 0x20;
const FILE_VALID_OPTION_FLAGS: u32 = 0x00ffffff;
const FILE_VALID_PIPE_OPTION_FLAGS: u32 = 0x32;
const OBJ_INHERIT: u32 = 0x02;
const BACKSLASH: u16 = 0x5c;

/** FILE_INFORMATION_CLASS values this file serves. */
const FileStandardInformation: u32 = 5;
const FileAccessInformation: u32 = 8;
const FilePositionInformation: u32 = 14;
const FileModeInformation: u32 = 16;
const FilePipeInformation: u32 = 23;
const FilePipeLocalInformation: u32 = 24;

/** ntFileTarget kinds: what an NtFsControlFile handle is (anything else is an error NTSTATUS). */
export const TARGET_SERVER: u32 = 1;
export const TARGET_CLIENT: u32 = 2;
export const TARGET_DEVICE: u32 = 3;
export const TARGET_DISK: u32 = 4;

function done(st: u32): u32 { leave(); return st; }

// ---------- NtCreateNamedPipeFile ----------

/**
 * The chars of `pre` (lower case) and its "\" when `p[0..len)` starts with them in any case; -1 when
 * the name is `pre` itself; 0 otherwise.
 */
function prefixLength(p: usize, len: u32, pre: string): i32 {
  const n = <u32>pre.length;
  if (len < n) return 0;
  for (let i: u32 = 0; i < n; i++) {
    let c = <u32>load<u16>(p + (<usize>i << 1));
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    if (c != <u32>load<u16>(changetype<usize>(pre) + (<usize>i << 1))) return 0;
  }
  if (len == n) return -1;
  return load<u16>(p + (<usize>n << 1)) == BACKSLASH ? <i32>n + 1 : 0;
}

/**
 * Resolves NtCreateNamedPipeFile's name (lock held): \??\pipe\x, \GLOBAL??\pipe\x and \Device\NamedPipe\x
 * in any case, or x relative to a handle to the named-pipe file system. On success `result` is the
 * address of the pipe's name in the caller's copy, folded to lower case there (pipe names ignore case),
 * and `result2` its length. Names elsewhere in the namespace: the lookup's error, else
 * STATUS_OBJECT_NAME_INVALID (pipes live only in \Device\NamedPipe).
 */
function pipeName(rootH: u32, name: usize, len: u32, attr: u32): u32 {
  let start: u32 = 0;
  const noCase = (attr & OBJ_CASE_INSENSITIVE) != 0;
  if (rootH) {
    const o = handleObject(rootH, 0, 0, true);
    if (!o) return <u32>result;
    if (o.type == TYPE_FILE && changetype<PipeEnd>(o).kind == FILE_KIND_PIPE && changetype<PipeEnd>(o).state == PIPE_DEVICE) {
      if (len && load<u16>(name) == BACKSLASH) return STATUS_OBJECT_PATH_SYNTAX_BAD;
    } else if (o.type == TYPE_DIRECTORY) {
      if (!len) return STATUS_OBJECT_NAME_INVALID;
      const st = nameResolve(changetype<Directory>(o), name, len, noCase, 0, true);
      return st == STATUS_SUCCESS || st == STATUS_OBJECT_NAME_EXISTS ? STATUS_OBJECT_NAME_INVALID : st;
    } else {
      return o.type == TYPE_FILE ? STATUS_OBJECT_NAME_INVALID : STATUS_OBJECT_TYPE_MISMATCH;
    }
  } else {
    if (!len || load<u16>(name) != BACKSLASH) return STATUS_OBJECT_PATH_SYNTAX_BAD;
    let off = prefixLength(name, len, "\\??\\pipe");
    if (!off) off = prefixLength(name, len, "\\global??\\pipe");
    if (!off) off = prefixLength(name, len, "\\device\\namedpipe");
    if (off < 0) return STATUS_OBJECT_NAME_INVALID; // the file system itself
    if (!off) {
      const st = nameResolve(null, name, len, noCase, 0, true);
      return st == STATUS_SUCCESS || st == STATUS_OBJECT_NAME_EXISTS ? STATUS_OBJECT_NAME_INVALID : st;
    }
    start = <u32>off;
  }
  if (start >= len) return STATUS_OBJECT_NAME_INVALID; // no unnamed pipes
  for (let i = start; i < len; i++) {
    const a = name + (<usize>i << 1);
    const c = load<u16>(a);
    if (c >= 0x41 && c <= 0x5a) store<u16>(a, c | 0x20);
  }
  setResults(name + (<usize>start << 1), len - start, 0);
  return STATUS_SUCCESS;
}

/**
 * NtCreateNamedPipeFile: a server instance of the named pipe. On success `result` is the handle and
 * `result2` 1 when the name was made (FILE_CREATED). `timeout` is the kernel copy of DefaultTimeout (0:
 * NULL, the default wait).
 */
export function ntCreateNamedPipeFile(access: u32, rootH: u32, name: usize, nameLen: u32, attr: u32, share: u32, disposition: u32,
  options: u32, type: u32, readMode: u32, completion: u32, maxInstances: u32, inQuota: u32, outQuota: u32, timeout: usize): u32 {
  // IoCreateFile's checks, in its order
  if (disposition > FILE_MAXIMUM_DISPOSITION || (options & ~FILE_VALID_OPTION_FLAGS)) return STATUS_INVALID_PARAMETER;
  const sync = options & (FILE_SYNCHRONOUS_IO_ALERT | FILE_SYNCHRONOUS_IO_NONALERT);
  if (sync && !(access & SYNCHRONIZE)) return STATUS_INVALID_PARAMETER;
  if (sync == (FILE_SYNCHRONOUS_IO_ALERT | FILE_SYNCHRONOUS_IO_NONALERT)) return STATUS_INVALID_PARAMETER;
  if (type > 1 || readMode > 1 || completion > 1 || disposition < FILE_OPEN || disposition > FILE_OPEN_IF
    || (options & ~FILE_VALID_PIPE_OPTION_FLAGS)) return STATUS_INVALID_PARAMETER;
  if (attr == OA_NULL) return STATUS_INVALID_PARAMETER;
  // the named-pipe file system's
  if (!share || (share & ~<u32>3) || (!type && readMode)) return STATUS_INVALID_PARAMETER;
  if (!access) return STATUS_ACCESS_DENIED;
  const granted = grantedAccess(TYPE_FILE, access);
  const denied = accessStatus(granted);
  if (denied != STATUS_SUCCESS) return denied;
  enter();
  const st = pipeName(rootH, name, nameLen, attr);
  leave();
  if (st != STATUS_SUCCESS) return st;
  const pname = <usize>result, plen = <u32>result2;
  // FILE_SHARE_READ: clients read, the server writes (outbound); FILE_SHARE_WRITE: inbound
  const dir = (share & 1 ? PIPE_ACCESS_OUTBOUND : 0) | (share & 2 ? PIPE_ACCESS_INBOUND : 0);
  const disp = disposition == FILE_CREATE ? PIPE_CREATE : disposition == FILE_OPEN ? PIPE_OPEN : PIPE_OPEN_IF;
  const max = maxInstances >= PIPE_UNLIMITED_INSTANCES ? PIPE_UNLIMITED_INSTANCES : maxInstances; // ~0: unlimited
  return pipeInstanceCreate(pname, plen, dir, type != 0, readMode != 0, completion != 0, max, outQuota, inQuota,
    timeout ? timeoutMs(timeout) : 0, disp, true, granted, attr & OBJ_INHERIT ? HANDLE_FLAG_INHERIT : 0, sync != 0);
}

// ---------- NtFsControlFile ----------

/**
 * What `h` is for NtFsControlFile with FsControlCode `code`: TARGET_* or the error (STATUS_INVALID_HANDLE,
 * STATUS_OBJECT_TYPE_MISMATCH for a handle that is no file, STATUS_ACCESS_DENIED without the access the
 * code names in its bits 14-15, FILE_READ_DATA / FILE_WRITE_DATA).
 */
export function ntFileTarget(h: u32, code: u32): u32 {
  const need = ((code >> 14) & 1 ? FILE_READ_DATA : 0) | ((code >> 14) & 2 ? FILE_WRITE_DATA : 0);
  enter();
  const o = handleObject(h, 0, TYPE_FILE, true);
  if (!o) return done(<u32>result);
  if ((handleAccess(h) & need) != need) return done(STATUS_ACCESS_DENIED);
  const e = changetype<PipeEnd>(o);
  const kind = e.kind != FILE_KIND_PIPE ? TARGET_DISK : e.state == PIPE_DEVICE ? TARGET_DEVICE : e.server ? TARGET_SERVER : TARGET_CLIENT;
  return done(kind);
}

/** The pipe end behind `h`, or null with the status in `result` (lock held; no access checked). */
function pipeEnd(h: u32): PipeEnd | null {
  const o = handleObject(h, 0, TYPE_FILE, true);
  if (!o) return null;
  if (changetype<PipeEnd>(o).kind != FILE_KIND_PIPE) { setResults(STATUS_INVALID_PARAMETER, 0, 0); return null; }
  return changetype<PipeEnd>(o);
}

/**
 * FSCTL_PIPE_TRANSCEIVE's state check, before its write: the end must be connected
 * (STATUS_INVALID_PIPE_STATE, STATUS_PIPE_DISCONNECTED for a disconnected client, as Wine's server).
 */
export function ntTransceiveCheck(h: u32): u32 {
  enter();
  const e = pipeEnd(h);
  if (!e) return done(<u32>result);
  if (e.state == PIPE_CONNECTED) return done(STATUS_SUCCESS);
  return done(!e.server && e.state == PIPE_DISCONNECTED ? STATUS_PIPE_DISCONNECTED : STATUS_INVALID_PIPE_STATE);
}

// ---------- NtQuery/SetInformationFile ----------

/** The size of class `cls`'s structure, 0 when this file does not serve it (for a query, or a `set`). */
function infoSize(cls: u32, set: bool): u32 {
  if (cls == FilePositionInformation || cls == FilePipeInformation) return 8;
  if (set) return 0;
  if (cls == FileStandardInformation) return 24;
  if (cls == FileAccessInformation || cls == FileModeInformation) return 4;
  if (cls == FilePipeLocalInformation) return 40;
  return 0;
}

function pipeState(e: PipeEnd): u32 {
  if (e.state == PIPE_LISTENING) return FILE_PIPE_LISTENING_STATE;
  if (e.state == PIPE_DISCONNECTED) return FILE_PIPE_DISCONNECTED_STATE;
  if (e.state == PIPE_CLOSING) return FILE_PIPE_CLOSING_STATE;
  return FILE_PIPE_CONNECTED_STATE;
}

/** The pipe classes' common errors for end `e` (lock held). */
function pipeInfoError(e: PipeEnd): u32 {
  if (e.state == PIPE_DEVICE) return STATUS_INVALID_PARAMETER; // the file system itself
  if (!e.server && e.state == PIPE_DISCONNECTED) return STATUS_PIPE_DISCONNECTED; // it has no pipe any more
  return STATUS_SUCCESS;
}

/** FILE_PIPE_LOCAL_INFORMATION of end `e` at `out` (lock held). */
function pipeLocal(e: PipeEnd, out: usize): void {
  const np = e.pipe ? changetype<NamedPipe>(e.pipe) : null;
  const dir = np ? np.access : PIPE_ACCESS_INBOUND; // an anonymous pipe: the server (read) end reads
  store<u32>(out, e.message);
  store<u32>(out, dir - 1, 4); // FILE_PIPE_INBOUND 0, OUTBOUND 1, FULL_DUPLEX 2
  store<u32>(out, e.maxInstances >= PIPE_UNLIMITED_INSTANCES ? 0xffffffff : e.maxInstances, 8);
  store<u32>(out, np ? np.instances : 1, 12);
  store<u32>(out, e.inSize, 16);
  store<u32>(out, e.qBytes, 20);
  store<u32>(out, e.outSize, 24);
  // room left in what this end writes into: the peer's queue (the server's outbound, the client's inbound buffer)
  const quota = e.server ? e.outSize : e.inSize;
  const p = e.peer ? changetype<PipeEnd>(e.peer) : null;
  store<u32>(out, p ? (p.qBytes < p.quota ? p.quota - p.qBytes : 0) : quota, 28);
  store<u32>(out, pipeState(e), 32);
  store<u32>(out, e.server, 36);
}

/**
 * NtQueryInformationFile for `cls` into kernel `out` (`len` bytes): the class, then the length, then
 * the handle, as NT checks them. On success `result` is the size written and `result2` 1 when the host
 * must add a disk file's size (FileStandardInformation's AllocationSize and EndOfFile).
 */
export function ntQueryFileInfo(h: u32, cls: u32, out: usize, len: u32): u32 {
  const size = infoSize(cls, false);
  if (!size) return STATUS_INVALID_INFO_CLASS;
  if (len < size) return STATUS_INFO_LENGTH_MISMATCH;
  if (!out) return STATUS_ACCESS_VIOLATION;
  enter();
  const o = handleObject(h, 0, TYPE_FILE, true);
  if (!o) return done(<u32>result);
  const access = handleAccess(h);
  const e = changetype<PipeEnd>(o);
  const pipe = e.kind == FILE_KIND_PIPE;
  let host: u32 = 0;
  memory.fill(out, 0, size);
  if (cls == FileAccessInformation) store<u32>(out, access);
  else if (cls == FileModeInformation) store<u32>(out, o.flags & OBJ_SYNC_IO ? FILE_SYNCHRONOUS_IO_NONALERT : 0);
  else if (cls == FilePositionInformation) { if (!pipe) store<u64>(out, changetype<DiskFile>(o).pos); } // pipes: 0
  else if (cls == FileStandardInformation) {
    if (pipe) {
      const st = pipeInfoError(e);
      if (st != STATUS_SUCCESS) return done(st);
      store<u64>(out, <u64>e.inSize + <u64>e.outSize); // AllocationSize: the quotas
      store<u64>(out, <u64>e.qBytes, 8); // EndOfFile: the bytes to read
      store<u32>(out, 1, 16);
      store<u8>(out, 1, 20); // DeletePending: a pipe goes with its last handle (Windows' NPFS; Wine reports FALSE)
    } else {
      const f = changetype<DiskFile>(o);
      store<u32>(out, 1, 16);
      store<u8>(out, f.fflags & (FILE_DIRECTORY | FILE_FIND) ? 1 : 0, 21);
      host = 1;
    }
  } else { // FilePipeInformation, FilePipeLocalInformation
    if (!pipe) return done(STATUS_INVALID_PARAMETER);
    if (!(access & FILE_READ_ATTRIBUTES)) return done(STATUS_ACCESS_DENIED);
    const st = pipeInfoError(e);
    if (st != STATUS_SUCCESS) return done(st);
    if (cls == FilePipeInformation) {
      store<u32>(out, e.readMessage); // FILE_PIPE_MESSAGE_MODE 1
      store<u32>(out, e.nowait, 4); // FILE_PIPE_COMPLETE_OPERATION 1
    } else pipeLocal(e, out);
  }
  leave();
  setResults(size, host, 0);
  return STATUS_SUCCESS;
}

/**
 * NtSetInformationFile for `cls` from kernel `inp` (`len` bytes; FilePipeInformation's copy is reused
 * for the mode word ntSetPipeState reads). On success `result` is the size used.
 */
export function ntSetFileInfo(h: u32, cls: u32, inp: usize, len: u32): u32 {
  const size = infoSize(cls, true);
  if (!size) return STATUS_INVALID_INFO_CLASS;
  if (len < size) return STATUS_INFO_LENGTH_MISMATCH;
  if (!inp) return STATUS_ACCESS_VIOLATION;
  enter();
  const o = handleObject(h, 0, TYPE_FILE, true);
  if (!o) return done(<u32>result);
  const e = changetype<PipeEnd>(o);
  const pipe = e.kind == FILE_KIND_PIPE;
  if (cls == FilePositionInformation) {
    const pos = load<i64>(inp);
    if (pos < 0) return done(STATUS_INVALID_PARAMETER);
    if (!pipe) changetype<DiskFile>(o).pos = <u64>pos; // pipes have no position: nothing to set
    leave();
    setResults(size, 0, 0);
    return STATUS_SUCCESS;
  }
  if (!pipe) return done(STATUS_INVALID_PARAMETER);
  if (!(handleAccess(h) & FILE_WRITE_ATTRIBUTES)) return done(STATUS_ACCESS_DENIED);
  const st = pipeInfoError(e);
  leave();
  if (st != STATUS_SUCCESS) return st;
  const readMode = load<u32>(inp), completion = load<u32>(inp, 4);
  if (readMode > 1 || completion > 1) return STATUS_INVALID_PARAMETER;
  store<u32>(inp, (readMode ? PIPE_READMODE_MESSAGE : 0) | (completion ? PIPE_NOWAIT : 0));
  const set = ntSetPipeState(h, inp); // STATUS_INVALID_PARAMETER for message read mode on a byte pipe
  if (set == STATUS_SUCCESS) setResults(size, 0, 0);
  return set;
}
