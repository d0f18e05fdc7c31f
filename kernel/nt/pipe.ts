// Pipe services (NtCreateNamedPipeFile, the client open, FSCTL_PIPE_LISTEN / DISCONNECT / WAIT / PEEK,
// NtReadFile / NtWriteFile on pipe ends). Objects and queues are in objects/pipe.ts.
//
// A call that must block (read on an empty pipe, write into a full one, ConnectNamedPipe before a
// client, WaitNamedPipe) sleeps on the end or the name with the wait engine and, once woken, takes
// the lock and looks the handle up again: the call holds no reference of its own across the sleep,
// so a thread terminated there leaves nothing behind (its queued wait is withdrawn as any other).
import { pipeBufferQuota } from "../lib/quota";
import { enter, leave } from "../lib/lock";
import { now } from "../lib/clock";
import { root } from "../lib/root";
import { currentThread, result, setResults } from "../lib/tls";
import { OBJ_PERMANENT, OBJ_SYNC_IO, WAIT_PENDING } from "../lib/layout";
import { currentProcess, handleAccess, handleClose, handleInsert, handleObject } from "../ob/handle";
import { ObjectHeader, obAlloc, obAllocCharged, obDeref, obRef } from "../ob/object";
import { nameInsert, nameLookup } from "../ob/namespace";
import { WaitEntry, sleepLocked, waitBegin, waitCancel, waitEntry } from "../ob/wait";
import { Directory } from "../objects/directory";
import { Thread } from "../objects/thread";
import { IO_OP_READ, IoRequest } from "../objects/iorequest";
import {
  FILE_KIND_PIPE, MSG_COMPLETE, MSG_MORE, NamedPipe, PIPE_SLEEP_OTHER, PIPE_SLEEP_WRITER, PipeRecord, pipeFileSignal, PIPE_CLOSING, PIPE_CONNECTED, PIPE_DEVICE, PIPE_DISCONNECTED, PIPE_LISTENING, PipeEnd,
  instanceLink, pipeEndClosed, pipeHandOff, pipePulse, readWaitFree, readWaitUnlink, queueClear, queueMessages, queuePeek, queuePush, queueReadBytes, queueReadMessage,
} from "../objects/pipe";
import { accessStatus, discard, grantedAccess } from "./object";
import {
  FILE_APPEND_DATA, FILE_FLAG_FIRST_PIPE_INSTANCE, FILE_FLAG_OVERLAPPED, FILE_GENERIC_READ, FILE_GENERIC_WRITE, FILE_READ_ATTRIBUTES, FILE_READ_DATA,
  FILE_WRITE_ATTRIBUTES, FILE_WRITE_DATA, HANDLE_FLAG_INHERIT, INFINITE, NMPWAIT_USE_DEFAULT_WAIT, PIPE_ACCESS_INBOUND,
  PIPE_ACCESS_OUTBOUND, PIPE_NOWAIT, PIPE_READMODE_MESSAGE, PIPE_TYPE_MESSAGE, PIPE_UNLIMITED_INSTANCES, STATUS_ACCESS_DENIED,
  STATUS_ACCESS_VIOLATION, STATUS_BUFFER_OVERFLOW, STATUS_BUFFER_TOO_SMALL, STATUS_ILLEGAL_FUNCTION, STATUS_NOT_FOUND, STATUS_INSTANCE_NOT_AVAILABLE, STATUS_INVALID_DEVICE_REQUEST,
  STATUS_INSUFFICIENT_RESOURCES, STATUS_INVALID_PARAMETER, STATUS_INVALID_PIPE_STATE, STATUS_INVALID_READ_MODE, STATUS_IO_TIMEOUT, STATUS_NO_MEMORY,
  STATUS_PENDING, STATUS_OBJECT_NAME_INVALID, STATUS_OBJECT_NAME_NOT_FOUND, STATUS_OBJECT_PATH_NOT_FOUND,
  STATUS_PIPE_BROKEN, STATUS_PIPE_BUSY, STATUS_PIPE_CLOSING, STATUS_PIPE_CONNECTED, STATUS_PIPE_DISCONNECTED,
  STATUS_PIPE_EMPTY, STATUS_PIPE_LISTENING, STATUS_PIPE_NOT_AVAILABLE, STATUS_SUCCESS, STATUS_TIMEOUT, STATUS_WAIT_0, TYPE_DIRECTORY,
  TYPE_FILE, TYPE_NAMEDPIPE,
} from "../generated/abi";

/** FILE_PIPE_PEEK_BUFFER / FILE_PIPE_LOCAL_INFORMATION NamedPipeState values (the DDK's FILE_PIPE_*_STATE). */
export const FILE_PIPE_DISCONNECTED_STATE: u32 = 1;
export const FILE_PIPE_LISTENING_STATE: u32 = 2;
export const FILE_PIPE_CONNECTED_STATE: u32 = 3;
export const FILE_PIPE_CLOSING_STATE: u32 = 4;

/** Default buffer of an anonymous pipe (CreatePipe with nSize 0). */
const DEFAULT_PIPE_SIZE: u32 = 4096;
/** WaitNamedPipe(NMPWAIT_USE_DEFAULT_WAIT) on a pipe created with nDefaultTimeOut 0. */
const DEFAULT_WAIT_MS: u32 = 50;
/** PeekNamedPipe copies at most this much (the shim's buffer). */
export const PEEK_MAX: u32 = 0x10000;

/** ntw_pipe_read flags: a later chunk of the same ReadFile (byte mode: never block). */
export const READ_CONTINUE: u32 = 1;
/** ntw_pipe_read / ntw_pipe_write flags: an overlapped call's first try: STATUS_PENDING instead of waiting. */
export const READ_NOWAIT: u32 = 2;
export const WRITE_NOWAIT: u32 = 8;
/** ntw_pipe_write flags: first / last chunk of one WriteFile; TransactNamedPipe's write. */
export const WRITE_FIRST: u32 = 1;
export const WRITE_LAST: u32 = 2;
export const WRITE_TRANSACT: u32 = 4;

const SERVER_READ: u32 = FILE_GENERIC_READ | FILE_WRITE_ATTRIBUTES;
const SERVER_WRITE: u32 = FILE_GENERIC_WRITE | FILE_READ_ATTRIBUTES;

function me(): Thread { return changetype<Thread>(currentThread); }

// ---------- names: \\.\pipe\name → \Device\NamedPipe\name ----------

/**
 * Chars of the `\\.\pipe\` prefix when `p[0..len)` starts with it ("pipe" in any case), else -1. The
 * rest, the pipe's name, is folded to lower case in place (the caller's scratch copy): pipe names are
 * case-insensitive.
 */
export function pipePrefix(p: usize, len: u32): i32 {
  if (len < 9) return -1;
  const bs: u16 = 0x5c;
  if (load<u16>(p) != bs || load<u16>(p, 2) != bs || load<u16>(p, 4) != 0x2e || load<u16>(p, 6) != bs || load<u16>(p, 16) != bs) return -1;
  for (let i: usize = 0; i < 4; i++) {
    const c = load<u16>(p + 8 + (i << 1)) | 0x20;
    if (c != load<u16>(changetype<usize>("pipe") + (i << 1))) return -1;
  }
  for (let i: u32 = 9; i < len; i++) {
    const a = p + (<usize>i << 1);
    const c = load<u16>(a);
    if (c >= 0x41 && c <= 0x5a) store<u16>(a, c | 0x20);
  }
  return 9;
}

function subdir(parent: Directory, name: string, create: bool): Directory | null {
  const o = nameLookup(parent, changetype<usize>(name), <u32>name.length);
  if (o) return o.type == TYPE_DIRECTORY ? changetype<Directory>(o) : null;
  if (!create) return null;
  const d = obAlloc(TYPE_DIRECTORY);
  if (!d) return null;
  if (!nameInsert(parent, d, changetype<usize>(name), <u32>name.length)) { discard(d); return null; }
  d.flags = OBJ_PERMANENT;
  d.refs = 1;
  return changetype<Directory>(d);
}

/** \Device\NamedPipe, made on first use (lock held). */
function pipeDirectory(create: bool): Directory | null {
  const dev = subdir(changetype<Directory>(root().rootDir), "Device", create);
  return dev ? subdir(dev, "NamedPipe", create) : null;
}

function findPipe(name: usize, len: u32): NamedPipe | null {
  const dir = pipeDirectory(false);
  if (!dir) return null;
  const o = nameLookup(dir, name, len);
  if (!o || o.type != TYPE_NAMEDPIPE || !changetype<NamedPipe>(o).instances) return null;
  return changetype<NamedPipe>(o);
}

function listening(np: NamedPipe): PipeEnd | null {
  for (let p = np.first; p; p = changetype<PipeEnd>(p).instNext) {
    if (changetype<PipeEnd>(p).state == PIPE_LISTENING) return changetype<PipeEnd>(p);
  }
  return null;
}

// ---------- helpers ----------

/** The pipe end behind `h` with `access`, or null with the status in `result` (lock held). */
function endOf(h: u32, access: u32): PipeEnd | null {
  const o = handleObject(h, access, TYPE_FILE, false);
  if (!o) return null;
  if (changetype<PipeEnd>(o).kind != FILE_KIND_PIPE) { setResults(STATUS_INVALID_DEVICE_REQUEST, 0, 0); return null; }
  return changetype<PipeEnd>(o);
}

/**
 * Sleeps on `o` until it is pulsed or `timeoutMs` passes (lock held on entry and on return). Returns
 * STATUS_WAIT_0 or STATUS_TIMEOUT, or the status that cancelled the I/O (STATUS_CANCELLED from
 * CancelIo or CancelSynchronousIo, STATUS_PIPE_BROKEN when its handle closed); a terminated thread
 * unwinds inside.
 */
function sleepOn(o: ObjectHeader, timeoutMs: u32, role: u32): u32 { // no default: AssemblyScript would add a mutable global
  const t = me();
  waitEntry(t, 0).object = changetype<usize>(o);
  t.waitCount = 1;
  t.waitAll = 0;
  t.pipeWriter = role; // sees pulses, not the file object's state (objects/pipe.ts)
  t.syncIo = 1; // CancelSynchronousIo ends this sleep with STATUS_CANCELLED (nt/io.ts)
  let st = waitBegin(t);
  if (st == WAIT_PENDING) {
    if (timeoutMs == 0) st = waitCancel(t);
    else { st = sleepLocked(t, timeoutMs); enter(); }
  }
  t.pipeWriter = 0;
  t.syncIo = 0;
  return st;
}

function done(st: u32): u32 { leave(); return st; }

/**
 * Wakes the writers sleeping on end `e` (lock held): its peer's reader made room, or a message
 * another thread was writing in chunks ended. Only when one sleeps there: `e`'s own readers sleep on
 * it too, and would wake for nothing.
 */
function wakeWriters(e: usize): void {
  if (!e) return;
  const o = changetype<PipeEnd>(e);
  for (let w = o.waitHead; w; w = changetype<WaitEntry>(w).next) {
    if (changetype<Thread>(changetype<WaitEntry>(w).thread).pipeWriter == PIPE_SLEEP_WRITER) { pipePulse(o); return; }
  }
}

/** Why `e` cannot transfer data now, or STATUS_SUCCESS (lock held). */
function stateError(e: PipeEnd): u32 {
  if (e.state == PIPE_DISCONNECTED) return STATUS_PIPE_DISCONNECTED;
  if (e.state == PIPE_DEVICE) return STATUS_INVALID_PARAMETER; // the file system itself moves no data
  if (e.state == PIPE_LISTENING) return STATUS_PIPE_LISTENING;
  return STATUS_SUCCESS;
}

/** A new end charged to the calling process, or null with the status in `result`. */
function newEnd(server: bool): PipeEnd | null {
  const o = obAllocCharged(TYPE_FILE);
  if (!o) return null;
  const e = changetype<PipeEnd>(o);
  e.kind = FILE_KIND_PIPE;
  e.server = server ? 1 : 0;
  return e;
}

// ---------- creation ----------

/** CreatePipe: on success `result` is the read handle and `result2` the write handle. */
export function ntCreatePipe(inherit: bool, size: u32): u32 {
  const flags = inherit ? HANDLE_FLAG_INHERIT : 0;
  enter();
  const r = newEnd(true);
  const w = r ? newEnd(false) : null;
  if (!r || !w) {
    const st = <u32>result;
    if (r) discard(r);
    return done(st);
  }
  const quota = size ? size : DEFAULT_PIPE_SIZE; // what GetNamedPipeInfo reports; the queue is bounded too (lib/quota.ts)
  r.state = PIPE_CONNECTED; w.state = PIPE_CONNECTED;
  r.flags |= OBJ_SYNC_IO; w.flags |= OBJ_SYNC_IO; // as Windows opens them: for synchronous I/O
  r.peer = changetype<usize>(w); w.peer = changetype<usize>(r);
  r.quota = min(quota, pipeBufferQuota());
  r.outSize = w.outSize = quota;
  r.inSize = w.inSize = quota;
  r.maxInstances = w.maxInstances = 1;
  const p = currentProcess();
  r.serverPid = w.serverPid = r.clientPid = w.clientPid = p.pid;
  const hr = handleInsert(p, r, SERVER_READ, flags);
  if (!hr) {
    const st = <u32>result;
    r.peer = 0; w.peer = 0;
    discard(r); discard(w);
    return done(st);
  }
  const hw = handleInsert(p, w, SERVER_WRITE, flags);
  if (!hw) {
    const st = <u32>result;
    handleClose(p, hr, true); // breaks the pipe and frees the read end
    discard(w);
    return done(st);
  }
  leave();
  setResults(hr, hw, 0);
  return STATUS_SUCCESS;
}

/** pipeInstanceCreate dispositions: CreateNamedPipe's, and NtCreateNamedPipeFile's FILE_OPEN_IF / FILE_CREATE / FILE_OPEN. */
export const PIPE_OPEN_IF: u32 = 0; // a new instance of the name, made when it has no instance yet
export const PIPE_CREATE: u32 = 1; // only the first instance (FILE_FLAG_FIRST_PIPE_INSTANCE): STATUS_ACCESS_DENIED when it exists
export const PIPE_OPEN: u32 = 2; // only a further instance: STATUS_OBJECT_NAME_NOT_FOUND when the name has none

/**
 * CreateNamedPipe: a new server instance of `name[0..len)` (the part after \\.\pipe\, folded), made
 * with the name when it has no instance yet. On success `result` is the handle.
 */
export function ntCreateNamedPipe(name: usize, len: u32, openMode: u32, pipeMode: u32, maxInstances: u32, outSize: u32,
  inSize: u32, timeout: u32, inherit: bool): u32 {
  if (!len) return STATUS_OBJECT_NAME_INVALID;
  const access = openMode & (PIPE_ACCESS_INBOUND | PIPE_ACCESS_OUTBOUND);
  if (!access || pipeMode & ~<u32>0xf) return STATUS_INVALID_PARAMETER;
  const message = (pipeMode & PIPE_TYPE_MESSAGE) != 0;
  if (!message && (pipeMode & PIPE_READMODE_MESSAGE)) return STATUS_INVALID_PARAMETER;
  if (maxInstances == 0 || maxInstances > PIPE_UNLIMITED_INSTANCES) return STATUS_INVALID_PARAMETER;
  const granted = (access & PIPE_ACCESS_INBOUND ? SERVER_READ : 0) | (access & PIPE_ACCESS_OUTBOUND ? SERVER_WRITE : 0);
  return pipeInstanceCreate(name, len, access, message, (pipeMode & PIPE_READMODE_MESSAGE) != 0, (pipeMode & PIPE_NOWAIT) != 0,
    maxInstances, outSize, inSize, timeout, openMode & FILE_FLAG_FIRST_PIPE_INSTANCE ? PIPE_CREATE : PIPE_OPEN_IF, false,
    granted, inherit ? HANDLE_FLAG_INHERIT : 0, !(openMode & FILE_FLAG_OVERLAPPED));
}

/**
 * A new server instance of `name[0..len)` (folded) once the caller checked its parameters: CreateNamedPipe
 * and NtCreateNamedPipeFile (nt/ntfile.ts). `access` is PIPE_ACCESS_* (the name's direction: later
 * instances must match), `disposition` PIPE_*, `ntOrder` NtCreateNamedPipeFile's order of the checks on
 * an existing name (the instance limit first, as Wine's ntdll pipe tests record for Windows), `granted`
 * the handle's rights, `sync` an end for synchronous I/O. On success `result` is the handle and
 * `result2` 1 when the name was made (FILE_CREATED), 0 for a further instance (FILE_OPENED).
 */
export function pipeInstanceCreate(name: usize, len: u32, access: u32, message: bool, readMessage: bool, nowait: bool,
  maxInstances: u32, outSize: u32, inSize: u32, timeout: u32, disposition: u32, ntOrder: bool, granted: u32, handleFlags: u32,
  sync: bool): u32 {
  enter();
  const dir = pipeDirectory(true);
  if (!dir) return done(STATUS_INSUFFICIENT_RESOURCES);
  const o = nameLookup(dir, name, len);
  let np: NamedPipe;
  let fresh = false;
  let made = false;
  if (o && changetype<NamedPipe>(o).instances) {
    np = changetype<NamedPipe>(o);
    if (ntOrder && np.instances >= np.maxInstances) return done(STATUS_INSTANCE_NOT_AVAILABLE);
    if (disposition == PIPE_CREATE) return done(STATUS_ACCESS_DENIED);
    if (np.access != access) return done(STATUS_ACCESS_DENIED);
    if (np.instances >= np.maxInstances) return done(STATUS_INSTANCE_NOT_AVAILABLE);
  } else {
    if (disposition == PIPE_OPEN) return done(STATUS_OBJECT_NAME_NOT_FOUND);
    if (o) np = changetype<NamedPipe>(o); // a name whose instances all closed, still referenced
    else {
      const n = obAlloc(TYPE_NAMEDPIPE);
      if (!n) return done(<u32>result);
      if (!nameInsert(dir, n, name, len)) { discard(n); return done(STATUS_INSUFFICIENT_RESOURCES); }
      np = changetype<NamedPipe>(n);
      fresh = true;
    }
    made = true;
    np.message = message ? 1 : 0;
    np.access = access;
    np.maxInstances = maxInstances;
    np.timeout = timeout;
  }
  const e = newEnd(true);
  if (!e) { const st = <u32>result; if (fresh) discard(np); return done(st); }
  e.state = PIPE_LISTENING;
  if (sync) e.flags |= OBJ_SYNC_IO;
  e.message = np.message;
  e.readMessage = readMessage ? 1 : 0;
  e.nowait = nowait ? 1 : 0;
  e.outSize = outSize;
  e.inSize = inSize;
  e.maxInstances = maxInstances;
  e.quota = min(inSize, pipeBufferQuota());
  e.serverPid = currentProcess().pid;
  instanceLink(np, e);
  const h = handleInsert(currentProcess(), e, granted, handleFlags);
  if (!h) {
    const st = <u32>result;
    pipeEndClosed(e); // leaves the instance list
    discard(e); // drops the name's reference
    return done(st);
  }
  pipePulse(np); // a listening instance for WaitNamedPipe
  leave();
  setResults(h, made ? 1 : 0, 0);
  return STATUS_SUCCESS;
}

/**
 * A handle to the named-pipe file system itself (\Device\NamedPipe\, opened as CreateFile(\\.\pipe\)):
 * an end in state PIPE_DEVICE, for FSCTL_PIPE_WAIT and as NtCreateNamedPipeFile's RootDirectory. On
 * success `result` is the handle.
 */
export function ntOpenPipeDevice(access: u32, inherit: bool, sync: bool): u32 {
  const granted = grantedAccess(TYPE_FILE, access);
  const denied = accessStatus(granted);
  if (denied != STATUS_SUCCESS) return denied;
  enter();
  const e = newEnd(false);
  if (!e) return done(<u32>result);
  e.state = PIPE_DEVICE;
  if (sync) e.flags |= OBJ_SYNC_IO;
  const h = handleInsert(currentProcess(), e, granted, inherit ? HANDLE_FLAG_INHERIT : 0);
  if (!h) { const st = <u32>result; discard(e); return done(st); }
  leave();
  setResults(h, 0, 0);
  return STATUS_SUCCESS;
}

/**
 * CreateFile on \\.\pipe\name: connects a client end to a listening instance (`sync`: opened without
 * FILE_FLAG_OVERLAPPED). On success `result` is the handle.
 */
export function ntOpenPipe(name: usize, len: u32, access: u32, inherit: bool, sync: bool): u32 {
  const granted = grantedAccess(TYPE_FILE, access);
  const denied = accessStatus(granted);
  if (denied != STATUS_SUCCESS) return denied;
  enter();
  const np = findPipe(name, len);
  if (!np) return done(STATUS_OBJECT_NAME_NOT_FOUND);
  if ((granted & FILE_WRITE_DATA) && !(np.access & PIPE_ACCESS_INBOUND)) return done(STATUS_ACCESS_DENIED);
  if ((granted & FILE_READ_DATA) && !(np.access & PIPE_ACCESS_OUTBOUND)) return done(STATUS_ACCESS_DENIED);
  const s = listening(np);
  if (!s) return done(STATUS_PIPE_NOT_AVAILABLE);
  const c = newEnd(false);
  if (!c) return done(<u32>result);
  c.state = PIPE_CONNECTED;
  if (sync) c.flags |= OBJ_SYNC_IO;
  c.message = s.message;
  c.outSize = s.outSize;
  c.inSize = s.inSize;
  c.maxInstances = s.maxInstances;
  c.quota = min(s.outSize, pipeBufferQuota()); // what the server sends waits in the client's queue
  const h = handleInsert(currentProcess(), c, granted, inherit ? HANDLE_FLAG_INHERIT : 0);
  if (!h) { const st = <u32>result; discard(c); return done(st); }
  c.peer = changetype<usize>(s);
  s.peer = changetype<usize>(c);
  s.state = PIPE_CONNECTED;
  c.pipe = s.pipe; // GetNamedPipeHandleState's instance count (a reference, dropped with the end)
  np.refs++;
  c.serverPid = s.serverPid;
  c.clientPid = s.clientPid = currentProcess().pid;
  pipePulse(s); // ConnectNamedPipe returns
  // An overlapped ConnectNamedPipe is complete (OVERLAPPED written, event set) by the time this
  // open returns, as on Windows: wait for the server's I/O worker to finish it (nt/io.ts release).
  if (s.connectReq) {
    obRef(s);
    while (s.connectReq && sleepOn(s, INFINITE, PIPE_SLEEP_OTHER) == STATUS_WAIT_0);
    obDeref(s);
  }
  leave();
  setResults(h, 0, 0);
  return STATUS_SUCCESS;
}

// ---------- server control ----------

/** ConnectNamedPipe; `noWait` (an overlapped call's first try): STATUS_PENDING instead of waiting. */
export function ntConnectNamedPipe(h: u32, noWait: bool): u32 {
  enter();
  let waited = false;
  while (true) {
    const e = endOf(h, 0);
    if (!e) return done(<u32>result);
    if (!e.server || !e.pipe) return done(STATUS_ILLEGAL_FUNCTION); // a client, an anonymous pipe, the device
    const state = e.state;
    if (state == PIPE_CONNECTED) return done(waited ? STATUS_SUCCESS : STATUS_PIPE_CONNECTED);
    if (state == PIPE_CLOSING) return done(waited ? STATUS_SUCCESS : STATUS_PIPE_CLOSING);
    if (state == PIPE_DISCONNECTED) {
      if (waited) return done(STATUS_PIPE_DISCONNECTED);
      e.state = PIPE_LISTENING;
      pipePulse(changetype<NamedPipe>(e.pipe));
    }
    if (e.nowait) return done(STATUS_PIPE_LISTENING);
    if (noWait) return done(STATUS_PENDING);
    waited = true;
    const w = sleepOn(e, INFINITE, PIPE_SLEEP_OTHER);
    if (w != STATUS_WAIT_0) return done(w); // cancelled
  }
  return STATUS_SUCCESS; // not reached
}

export function ntDisconnectNamedPipe(h: u32): u32 {
  enter();
  const e = endOf(h, 0);
  if (!e) return done(<u32>result);
  if (!e.server || !e.pipe) return done(STATUS_INVALID_DEVICE_REQUEST);
  if (e.state == PIPE_DISCONNECTED) return done(STATUS_PIPE_DISCONNECTED);
  if (e.peer) {
    const c = changetype<PipeEnd>(e.peer);
    c.peer = 0;
    c.state = PIPE_DISCONNECTED;
    c.writer = 0;
    c.ioBusy = 1; // a wait on the client's handle no longer ends (Wine's pipe tests, as on Windows)
    queueClear(c);
    pipePulse(c);
    e.peer = 0;
  }
  e.state = PIPE_DISCONNECTED;
  e.writer = 0;
  e.clientPid = 0;
  queueClear(e);
  pipePulse(e);
  return done(STATUS_SUCCESS);
}

/** WaitNamedPipe: until an instance of `name` listens, or `timeoutMs` (NMPWAIT_*) passes. */
export function ntWaitNamedPipe(name: usize, len: u32, timeoutMs: u32): u32 {
  enter();
  let np = findPipe(name, len);
  if (!np) return done(STATUS_OBJECT_NAME_NOT_FOUND);
  if (listening(np)) return done(STATUS_SUCCESS);
  const ms = timeoutMs == NMPWAIT_USE_DEFAULT_WAIT ? (np.timeout ? np.timeout : DEFAULT_WAIT_MS) : timeoutMs;
  const deadline: f64 = ms == INFINITE ? Infinity : now() + <f64>ms;
  while (true) {
    let left: u32 = INFINITE;
    if (deadline != Infinity) {
      const d = deadline - now();
      if (d <= 0) return done(STATUS_IO_TIMEOUT);
      left = <u32>Math.ceil(d);
    }
    const w = sleepOn(changetype<NamedPipe>(np), left, PIPE_SLEEP_OTHER);
    if (w != STATUS_WAIT_0 && w != STATUS_TIMEOUT) return done(w); // cancelled
    np = findPipe(name, len); // the name may have gone while we slept
    if (!np) return done(STATUS_OBJECT_NAME_NOT_FOUND);
    if (listening(np)) return done(STATUS_SUCCESS);
  }
  return STATUS_SUCCESS; // not reached
}

export function ntSetPipeState(h: u32, mode: usize): u32 {
  enter();
  const e = endOf(h, FILE_WRITE_ATTRIBUTES);
  if (!e) return done(<u32>result);
  if (mode) {
    const m = load<u32>(mode);
    if (m & ~(PIPE_READMODE_MESSAGE | PIPE_NOWAIT)) return done(STATUS_INVALID_PARAMETER);
    if ((m & PIPE_READMODE_MESSAGE) && !e.message) return done(STATUS_INVALID_PARAMETER);
    e.readMessage = (m & PIPE_READMODE_MESSAGE) ? 1 : 0;
    e.nowait = (m & PIPE_NOWAIT) ? 1 : 0;
  }
  return done(STATUS_SUCCESS);
}

/**
 * GetNamedPipeHandleState: this end's mode bits and the pipe's instance count at each non-null output
 * (kernel addresses). `remote`: a collection or user-name output was given, which local pipes refuse.
 */
export function ntPipeHandleState(h: u32, state: usize, instances: usize, remote: bool): u32 {
  enter();
  const e = endOf(h, FILE_READ_ATTRIBUTES);
  if (!e) return done(<u32>result);
  if (remote) return done(STATUS_INVALID_PARAMETER);
  if (state) store<u32>(state, (e.readMessage ? PIPE_READMODE_MESSAGE : 0) | (e.nowait ? PIPE_NOWAIT : 0));
  if (instances) store<u32>(instances, e.pipe ? changetype<NamedPipe>(e.pipe).instances : 1);
  return done(STATUS_SUCCESS);
}

/**
 * GetNamedPipeClient/ServerProcessId (`session`: the SessionId forms, always session 1). The ids are
 * kept when the other end closes; a disconnected client knows neither, a server without a client no
 * client (Wine's kernel32 pipe tests record these errors for Windows).
 */
export function ntPipeProcessId(h: u32, client: bool, session: bool, out: usize): u32 {
  enter();
  const e = endOf(h, FILE_READ_ATTRIBUTES);
  if (!e) return done(<u32>result);
  if (!out) return done(STATUS_BUFFER_TOO_SMALL);
  if (!e.server && e.state == PIPE_DISCONNECTED) return done(STATUS_PIPE_DISCONNECTED);
  const pid = client ? e.clientPid : e.serverPid;
  if (!pid) return done(STATUS_NOT_FOUND);
  store<u32>(out, session ? 1 : pid);
  return done(STATUS_SUCCESS);
}

/** GetNamedPipeInfo: writes each non-null output (kernel addresses). */
export function ntPipeInfo(h: u32, flags: usize, outSize: usize, inSize: usize, maxInstances: usize): u32 {
  enter();
  const e = endOf(h, FILE_READ_ATTRIBUTES);
  if (!e) return done(<u32>result);
  if (flags) store<u32>(flags, (e.server ? 1 : 0) | (e.message ? PIPE_TYPE_MESSAGE : 0));
  if (outSize) store<u32>(outSize, e.outSize);
  if (inSize) store<u32>(inSize, e.inSize);
  if (maxInstances) store<u32>(maxInstances, e.maxInstances);
  return done(STATUS_SUCCESS);
}

/**
 * PeekNamedPipe and FSCTL_PIPE_PEEK: up to `n` bytes into kernel `buf` and the counts at each non-null
 * output; `info` (FSCTL_PIPE_PEEK, may be 0) gets the NamedPipeState (FILE_PIPE_*_STATE) and the number
 * of messages (message pipes; 0 on byte pipes) as two u32s.
 */
export function ntPeekPipe(h: u32, buf: usize, n: u32, readOut: usize, totalOut: usize, leftOut: usize, info: usize): u32 {
  enter();
  const e = endOf(h, FILE_READ_DATA);
  if (!e) return done(<u32>result);
  if (e.state == PIPE_DEVICE) return done(STATUS_INVALID_PARAMETER);
  // a server not connected is ERROR_BAD_PIPE, a disconnected client ERROR_PIPE_NOT_CONNECTED (Wine's pipe tests)
  if (e.state == PIPE_LISTENING || (e.state == PIPE_DISCONNECTED && e.server)) return done(STATUS_INVALID_PIPE_STATE);
  if (e.state == PIPE_DISCONNECTED) return done(STATUS_PIPE_DISCONNECTED);
  if (!e.qHead && !e.peer) return done(STATUS_PIPE_BROKEN);
  if (!buf) n = 0;
  if (n > PEEK_MAX) n = PEEK_MAX;
  const got = queuePeek(e, buf, n, e.message != 0, leftOut);
  if (readOut) store<u32>(readOut, got);
  if (totalOut) store<u32>(totalOut, e.qBytes);
  if (info) {
    store<u32>(info, e.state == PIPE_CLOSING ? FILE_PIPE_CLOSING_STATE : FILE_PIPE_CONNECTED_STATE);
    store<u32>(info, e.message ? queueMessages(e) : 0, 4);
  }
  return done(STATUS_SUCCESS);
}

// ---------- data ----------

/**
 * Reads up to `n` bytes into kernel `buf`; the count goes to `countOut`. Byte read mode returns what
 * is there (blocking only while nothing is); message read mode one message, STATUS_BUFFER_OVERFLOW
 * when the buffer filled first (the rest stays first in the queue). READ_CONTINUE: a later chunk of
 * the same ReadFile, which never starts a new message and, in byte mode, never blocks.
 */
export function ntReadPipe(h: u32, buf: usize, n: u32, flags: u32, countOut: usize): u32 {
  const cont = (flags & READ_CONTINUE) != 0;
  let got: u32 = 0;
  let st = STATUS_SUCCESS;
  enter();
  const q = workerRequest(); // an I/O worker running an overlapped read: a write may hand it data
  while (true) {
    const e = endOf(h, FILE_READ_DATA);
    if (!e) { st = <u32>result; break; }
    if (q && q.done) { // completed by a write (objects/pipe.ts pipeHandOff): serve what it was given
      if (q.done == 1) {
        got = min(n, q.heldLen - q.heldOff);
        if (got) memory.copy(buf, q.held + q.heldOff, got);
        q.heldOff += got;
        if (q.heldOff == q.heldLen) { st = q.heldStatus; readWaitFree(q); q.done = 2; }
      }
      break;
    }
    if (q && e.qHead) readWaitUnlink(e, q); // it reads from the queue: no hand-off from now on
    st = stateError(e);
    if (st != STATUS_SUCCESS) break;
    if (e.readMessage) {
      if (cont && got == 0 && !e.midMessage) break; // the message ended with the last chunk
      if (e.qHead) {
        const r = queueReadMessage(e, buf, n, got, countOut);
        got = load<u32>(countOut);
        wakeWriters(e.peer);
        if (r == MSG_COMPLETE) break;
        if (r == MSG_MORE) { st = STATUS_BUFFER_OVERFLOW; break; }
      }
    } else {
      if (e.qHead) { // data, or an empty message: this read ends now (a 0-byte read too)
        if (cont && !e.midMessage && changetype<PipeRecord>(e.qHead).len == 0) break; // the next read's
        got = queueReadBytes(e, buf, n);
        wakeWriters(e.peer);
        break;
      }
      if (cont) break;
    }
    // nothing (more) to read yet
    if (!e.peer) { st = STATUS_PIPE_BROKEN; break; }
    if (e.nowait) { st = got ? STATUS_BUFFER_OVERFLOW : STATUS_PIPE_EMPTY; break; }
    if (flags & READ_NOWAIT) { st = got ? STATUS_BUFFER_OVERFLOW : STATUS_PENDING; break; }
    const w = sleepOn(e, INFINITE, PIPE_SLEEP_OTHER);
    if (w != STATUS_WAIT_0) { st = w; break; } // cancelled
  }
  if (q && q.readListed && st != STATUS_SUCCESS && st != STATUS_BUFFER_OVERFLOW) {
    readWaitUnlink(changetype<PipeEnd>(q.file), q); // ended without data (broken, cancelled...)
  }
  store<u32>(countOut, got);
  leave();
  return st;
}

/** The overlapped pipe read the calling I/O worker runs, or null (lock held). */
function workerRequest(): IoRequest | null {
  const t = me();
  if (!t.system) return null;
  for (let r = currentProcess().ioHead; r; r = changetype<IoRequest>(r).next) {
    const q = changetype<IoRequest>(r);
    if (q.worker == changetype<usize>(t)) return q.op == IO_OP_READ && (q.readListed || q.done) ? q : null;
  }
  return null;
}

/**
 * Writes `n` bytes from kernel `buf` into the peer's queue; the count goes to `countOut`. A writer
 * waits while the reader's queue holds data and this chunk would pass its quota (an empty queue
 * always takes a chunk), or while another thread is half-way through a message. On message pipes
 * WRITE_LAST ends the message. WRITE_TRANSACT (TransactNamedPipe): the end must read in message mode
 * and have nothing unread.
 */
export function ntWritePipe(h: u32, buf: usize, n: u32, flags: u32, countOut: usize): u32 {
  const t = me();
  let st = STATUS_SUCCESS;
  let wrote: u32 = 0;
  let pending: PipeEnd | null = null; // counted in its pendingWrites while asleep
  enter();
  while (true) {
    const e = endOf(h, FILE_WRITE_DATA);
    if (!e) { st = <u32>result; break; }
    if (flags & WRITE_TRANSACT) {
      if (!e.readMessage) { st = STATUS_INVALID_READ_MODE; break; }
      if (e.qHead) { st = STATUS_PIPE_BUSY; break; }
    }
    st = stateError(e);
    if (st != STATUS_SUCCESS) break;
    if (!e.peer) { st = STATUS_PIPE_CLOSING; break; }
    const p = changetype<PipeEnd>(e.peer);
    if (n == 0 && !e.message) break;
    const busy = (p.writer != 0 && p.writer != changetype<usize>(t)) || (p.qBytes != 0 && p.qBytes + n > p.quota);
    if (busy) {
      if (e.nowait) break; // nothing written
      if (flags & WRITE_NOWAIT) { st = STATUS_PENDING; break; }
      if (!pending) { pending = e; e.pendingWrites++; obRef(e); } // a flush waits for this write too
      const w = sleepOn(e, INFINITE, PIPE_SLEEP_WRITER);
      if (w != STATUS_WAIT_0) { st = w; break; } // cancelled
      continue;
    }
    const last = (flags & WRITE_LAST) != 0;
    // a whole write into an empty queue completes the overlapped reads pending on it first
    const whole = (flags & WRITE_FIRST) != 0 && last;
    const used = p.readHead && !p.qHead && whole ? pipeHandOff(p, buf, n, e.message != 0) : 0;
    if (used >= 0 && (<u32>used < n || (n == 0 && e.message))) {
      if (!queuePush(p, buf + <usize>used, n - <u32>used, last || !e.message)) { st = STATUS_NO_MEMORY; break; }
      if (used > 0 && e.message) p.midMessage = 1; // a reader took the start of this message
    }
    const ended = p.writer != 0 && (last || !e.message);
    p.writer = e.message && !last ? changetype<usize>(t) : 0;
    wrote = n;
    pipePulse(p); // its readers
    if (ended) wakeWriters(changetype<usize>(e)); // other threads waiting to write a message of their own
    break;
  }
  if (pending) {
    pending.pendingWrites--;
    if (!wrote) wakeWriters(changetype<usize>(pending)); // a flush waiting for this write looks again
    obDeref(pending);
  }
  store<u32>(countOut, wrote);
  leave();
  return st;
}

/**
 * FlushFileBuffers on a pipe end: waits until the peer has read everything this end wrote (empty
 * messages too), including writes still asleep for room. Nothing to wait for: success in any state
 * (a listening or closing end too); the client end of a disconnected pipe: STATUS_PIPE_DISCONNECTED.
 * A flush that waited ends with STATUS_PIPE_BROKEN when the peer closes and STATUS_PIPE_DISCONNECTED
 * when the server disconnects (Wine's kernel32 pipe tests, which pass on Windows).
 */
export function ntFlushPipe(h: u32): u32 {
  enter();
  if (endOf(h, 0) && !(handleAccess(h) & (FILE_WRITE_DATA | FILE_APPEND_DATA))) return done(STATUS_ACCESS_DENIED);
  let waited = false;
  while (true) {
    const e = endOf(h, 0);
    if (!e) return done(<u32>result);
    if (e.state == PIPE_DISCONNECTED || e.state == PIPE_LISTENING) {
      return done(waited || !e.server ? STATUS_PIPE_DISCONNECTED : STATUS_SUCCESS);
    }
    if (!e.peer) return done(waited ? STATUS_PIPE_BROKEN : STATUS_SUCCESS);
    const p = changetype<PipeEnd>(e.peer);
    if (!p.qHead && !e.pendingWrites && !p.writer) return done(STATUS_SUCCESS);
    waited = true;
    // woken with the writers when the reader makes progress
    const w = sleepOn(e, INFINITE, PIPE_SLEEP_WRITER);
    if (w != STATUS_WAIT_0) return done(w); // cancelled
  }
  return STATUS_SUCCESS; // not reached
}

/**
 * Sets (`on`) or resets the file object state of the pipe end behind `h` (overlapped calls, host/
 * syscalls/overlapped.ts). Other files: nothing (disk I/O completes before the call returns).
 */
export function ntFileSignal(h: u32, on: bool): u32 {
  enter();
  const o = handleObject(h, 0, TYPE_FILE, false);
  if (!o) return done(<u32>result);
  if (changetype<PipeEnd>(o).kind == FILE_KIND_PIPE) pipeFileSignal(changetype<PipeEnd>(o), on);
  return done(STATUS_SUCCESS);
}
