// Pipes: the two ends of a connection are File objects (kind FILE_KIND_PIPE), as in NT where a pipe
// handle is a file handle; a named pipe's name is a NamedPipe object in \Device\NamedPipe holding
// its server instances. Anonymous pipes are an unnamed server (read) end and client (write) end.
//
// Data lives in kernel memory: each end owns the queue of data it will read, a FIFO of kalloc'd
// records {next, len, off, end} followed by the bytes (one WriteFile chunk each; `end` marks the last
// chunk of a message). A writer appends to its peer's queue; a reader consumes its own.
//
// Sleeping: every thread that blocks on an end (read, write, ConnectNamedPipe, FlushFileBuffers) or
// on a name (WaitNamedPipe) waits on that object with the ordinary wait engine, marked as such
// (Thread.pipeWriter, PIPE_SLEEP_*). The objects are "pulsed" for them: any state change sets `pulse`,
// completes every queued wait (wakeWaiters) and clears it again; the sleepers then look at the state
// themselves. A pulse with no waiter costs a test of waitHead.
//
// A guest's own wait on a pipe end (WaitForSingleObject, GetOverlappedResult without an event) sees
// the file object's state instead, as on Windows: signaled while no overlapped operation is pending
// on it (`ioBusy` 0, the state of a new end). An overlapped call resets it when it starts (or completes
// at once) and, when it has no event of its own, sets it when it completes; DisconnectNamedPipe
// resets the client's end. Pulses never satisfy such a wait, and setting the state never wakes the
// internal sleepers.
import { kalloc, kfree } from "../lib/alloc";
import { ObjectHeader, obDeref, obRef } from "../ob/object";
import { wakeWaiters } from "../ob/wait";
import { Thread } from "./thread";
import { IoRequest, requestsCancelFile } from "./iorequest";
import { FILE_SKIP_SET_EVENT_ON_HANDLE, STATUS_BUFFER_OVERFLOW, STATUS_PIPE_BROKEN, TYPE_NAMEDPIPE } from "../generated/abi";

/** Thread.pipeWriter while asleep in a pipe call: a writer or a flush (woken when the reader makes room), any other call. */
export const PIPE_SLEEP_WRITER: u32 = 1;
export const PIPE_SLEEP_OTHER: u32 = 2;

/** File.kind: what a File object is. Disk files (the file layer) will add their own kind. */
export const FILE_KIND_PIPE: u32 = 1;

/** Server end states (client ends use CONNECTED, DISCONNECTED and CLOSING). */
export const PIPE_LISTENING: u32 = 1; // waiting for a client (the state of a new instance)
export const PIPE_CONNECTED: u32 = 2;
export const PIPE_DISCONNECTED: u32 = 3; // DisconnectNamedPipe: needs ConnectNamedPipe again
export const PIPE_CLOSING: u32 = 4; // the peer closed its end: data left can still be read
/** Not an end: a handle to the named-pipe file system, \Device\NamedPipe\ (nt/pipe.ts ntOpenPipeDevice). */
export const PIPE_DEVICE: u32 = 5;

@unmanaged
export class PipeEnd extends ObjectHeader {
  kind: u32; // FILE_KIND_PIPE: every File object starts with its kind
  pulse: u32; // signaled while a pulse runs (see pipePulse)
  server: u32; // 1: server end (CreateNamedPipe, or the read end of CreatePipe)
  state: u32; // PIPE_*
  peer: usize; // the other end while connected (not a reference: both unlink at their last close)
  pipe: usize; // ends of named pipes: the NamedPipe (a reference), 0 for anonymous pipes; only servers are instances
  instNext: usize; // the NamedPipe's server instances
  instPrev: usize;
  listed: u32; // linked in the NamedPipe's instance list
  message: u32; // the pipe type is PIPE_TYPE_MESSAGE: every write is a message
  readMessage: u32; // this end reads in PIPE_READMODE_MESSAGE
  nowait: u32; // this end is in PIPE_NOWAIT mode
  outSize: u32; // GetNamedPipeInfo: the server's buffer sizes and the instance limit
  inSize: u32;
  maxInstances: u32;
  quota: u32; // bytes this end's queue holds before writers wait (its inbound buffer size)
  qHead: usize; // PipeRecord FIFO: data this end reads
  qTail: usize;
  qBytes: u32; // unread bytes in the queue
  midMessage: u32; // the reader consumed part of the first message
  writer: usize; // thread writing a message in several chunks (others wait for it)
  pendingWrites: u32; // writes from this end asleep until the peer's queue has room (FlushFileBuffers waits for them)
  ioBusy: u32; // the file object is reset: an overlapped operation is pending (guest waits see this)
  serverPid: u32; // GetNamedPipeServerProcessId / ClientProcessId: kept after the other end closes
  clientPid: u32; // 0 on a server without a client
  readHead: usize; // overlapped reads pending on this end (IoRequest.readNext), oldest first
  readTail: usize;
  ioHandles: u32; // the I/O workers' own handles to this end (one per pending overlapped request)
  connectReq: usize; // the pending overlapped ConnectNamedPipe on this server end (IoRequest), 0 for none
  iocp: usize; // the I/O completion port its completions go to (a reference; objects/completionport.ts), 0 for none
  iocpKey: u32; // that association's completion key
  iocpModes: u32; // SetFileCompletionNotificationModes' FILE_SKIP_* flags
}

@unmanaged
export class NamedPipe extends ObjectHeader {
  pulse: u32;
  message: u32; // PIPE_TYPE_MESSAGE
  access: u32; // PIPE_ACCESS_* of the first instance: later instances must match
  maxInstances: u32;
  instances: u32; // live server instances (a name without instances is not found)
  timeout: u32; // nDefaultTimeOut for WaitNamedPipe(NMPWAIT_USE_DEFAULT_WAIT)
  first: usize; // PipeEnd list of server instances, oldest first
  last: usize;
}

@unmanaged
export class PipeRecord {
  next: usize;
  len: u32;
  off: u32; // bytes already read
  end: u32; // last chunk of a message
}

// @ts-ignore: decorator
@inline export function recordData(r: PipeRecord): usize { return changetype<usize>(r) + offsetof<PipeRecord>(); }

export function pipeSignaled(o: ObjectHeader, t: Thread): bool {
  if (o.type == TYPE_NAMEDPIPE) return changetype<NamedPipe>(o).pulse != 0;
  const e = changetype<PipeEnd>(o);
  return t.pipeWriter ? e.pulse != 0 : e.ioBusy == 0; // a pipe call's own sleep, or a guest's wait on the file
}

/**
 * An overlapped write on file `o` was queued (`add`) or ended (lock held): a pipe end counts it in
 * pendingWrites from the start, so a flush waits for it before the I/O worker runs it.
 */
export function pipeWriteQueued(o: ObjectHeader, add: bool): void {
  const e = changetype<PipeEnd>(o);
  if (e.kind != FILE_KIND_PIPE) return;
  if (add) { e.pendingWrites++; return; }
  if (--e.pendingWrites == 0 && e.waitHead) pipePulse(e); // a waiting flush looks again
}

/** Sets (`on`) or resets a pipe end's file object state for guest waits (lock held). */
export function pipeFileSignal(e: PipeEnd, on: bool): void {
  if (on && (e.iocpModes & FILE_SKIP_SET_EVENT_ON_HANDLE)) return; // completions leave the file object alone
  e.ioBusy = on ? 0 : 1;
  if (on && e.waitHead) wakeWaiters(e);
}

/** Wakes every thread sleeping on a pipe end or name so it looks at the state again (lock held). */
export function pipePulse(o: ObjectHeader): void {
  if (!o.waitHead) return;
  obRef(o); // completing the last waiter drops its reference
  if (o.type == TYPE_NAMEDPIPE) changetype<NamedPipe>(o).pulse = 1; else changetype<PipeEnd>(o).pulse = 1;
  wakeWaiters(o);
  if (o.type == TYPE_NAMEDPIPE) changetype<NamedPipe>(o).pulse = 0; else changetype<PipeEnd>(o).pulse = 0;
  obDeref(o);
}

/** Appends `n` bytes at `data` to `e`'s queue; false when memory is exhausted. */
export function queuePush(e: PipeEnd, data: usize, n: u32, end: bool): bool {
  const p = kalloc(offsetof<PipeRecord>() + <usize>n);
  if (!p) return false;
  const r = changetype<PipeRecord>(p);
  r.len = n;
  r.end = end ? 1 : 0;
  memory.copy(recordData(r), data, n);
  if (e.qTail) changetype<PipeRecord>(e.qTail).next = p; else e.qHead = p;
  e.qTail = p;
  e.qBytes += n;
  return true;
}

function queuePop(e: PipeEnd): void {
  const r = changetype<PipeRecord>(e.qHead);
  e.qHead = r.next;
  if (!e.qHead) e.qTail = 0;
  kfree(changetype<usize>(r), offsetof<PipeRecord>() + <usize>r.len);
}

/** Drops every unread byte of `e`'s queue. */
export function queueClear(e: PipeEnd): void {
  while (e.qHead) queuePop(e);
  e.qBytes = 0;
  e.midMessage = 0;
}

/**
 * Byte read: up to `n` bytes into `buf`, across message boundaries. An empty message stops it: read
 * first, it is consumed and the read returns 0 bytes (Windows delivers it to a byte-mode reader too);
 * after data it stays for the next read. Returns the count.
 */
export function queueReadBytes(e: PipeEnd, buf: usize, n: u32): u32 {
  let got: u32 = 0;
  while (e.qHead) {
    const r = changetype<PipeRecord>(e.qHead);
    if (r.len == 0 && !e.midMessage) { // an empty message
      if (!got) queuePop(e);
      break;
    }
    if (got == n) break;
    const take = min(r.len - r.off, n - got);
    memory.copy(buf + got, recordData(r) + r.off, take);
    r.off += take;
    got += take;
    e.qBytes -= take;
    if (r.off < r.len) { e.midMessage = 1; break; }
    e.midMessage = r.end ? 0 : 1;
    queuePop(e);
  }
  return got;
}

/** Message read results (queueReadMessage): the message ended, the buffer filled first, or the queue ran dry. */
export const MSG_COMPLETE: u32 = 0;
export const MSG_MORE: u32 = 1;
export const MSG_EMPTY: u32 = 2;

/**
 * Message read: continues the first message into `buf` at `got` (room for `n` in all). Returns
 * MSG_COMPLETE, MSG_MORE (buffer full, the message goes on) or MSG_EMPTY (the message is not all
 * here yet, or nothing is); the count so far is in `*gotOut`.
 */
export function queueReadMessage(e: PipeEnd, buf: usize, n: u32, got: u32, gotOut: usize): u32 {
  let st = MSG_EMPTY;
  while (e.qHead) {
    const r = changetype<PipeRecord>(e.qHead);
    const take = min(r.len - r.off, n - got);
    memory.copy(buf + got, recordData(r) + r.off, take);
    r.off += take;
    got += take;
    e.qBytes -= take;
    if (r.off < r.len) { e.midMessage = 1; st = MSG_MORE; break; }
    const end = r.end;
    queuePop(e);
    if (end) { e.midMessage = 0; st = MSG_COMPLETE; break; }
    e.midMessage = 1;
    if (got == n && e.qHead) { st = MSG_MORE; break; }
  }
  if (st == MSG_EMPTY && got == n && e.midMessage) st = MSG_MORE; // full, and the rest is still to come
  store<u32>(gotOut, got);
  return st;
}

/**
 * Peek: copies up to `n` bytes from the front (message pipes: of the first message only) without
 * consuming; returns the count and stores the bytes left in the first message at `leftOut` (byte
 * pipes have no message: 0 minus the count, as Wine's pipe tests record for Windows).
 */
export function queuePeek(e: PipeEnd, buf: usize, n: u32, message: bool, leftOut: usize): u32 {
  let got: u32 = 0;
  let msgLen: u32 = 0;
  let p = e.qHead;
  let inFirst = true;
  while (p) {
    const r = changetype<PipeRecord>(p);
    const avail = r.len - r.off;
    if (!message || inFirst) {
      const take = min(avail, n - got);
      memory.copy(buf + got, recordData(r) + r.off, take);
      got += take;
    }
    if (inFirst) msgLen += avail;
    if (r.end) inFirst = false;
    if (!inFirst && (message || got == n)) break;
    p = r.next;
  }
  if (leftOut) store<u32>(leftOut, message ? msgLen - got : 0 - got); // byte pipes: minus the bytes peeked, as Windows
  return got;
}

/** The messages in `e`'s queue (lock held): each ended one, and one still being written. */
export function queueMessages(e: PipeEnd): u32 {
  let n: u32 = 0;
  for (let p = e.qHead; p; p = changetype<PipeRecord>(p).next) if (changetype<PipeRecord>(p).end) n++;
  if (e.qTail && !changetype<PipeRecord>(e.qTail).end) n++;
  return n;
}

/** Links a server instance at the end of its name's list (lock held). */
export function instanceLink(np: NamedPipe, e: PipeEnd): void {
  e.pipe = changetype<usize>(np);
  np.refs++;
  np.instances++;
  e.listed = 1;
  e.instPrev = np.last;
  e.instNext = 0;
  if (np.last) changetype<PipeEnd>(np.last).instNext = changetype<usize>(e); else np.first = changetype<usize>(e);
  np.last = changetype<usize>(e);
}

function instanceUnlink(e: PipeEnd): void {
  const np = changetype<NamedPipe>(e.pipe);
  if (e.instPrev) changetype<PipeEnd>(e.instPrev).instNext = e.instNext; else np.first = e.instNext;
  if (e.instNext) changetype<PipeEnd>(e.instNext).instPrev = e.instPrev; else np.last = e.instPrev;
  e.instNext = 0;
  e.instPrev = 0;
  e.listed = 0;
  np.instances--;
  pipePulse(np); // WaitNamedPipe waiters look again (the name may be gone)
}

/**
 * The last handle to a pipe end closed (lock held): the peer sees the pipe break (reads drain what is
 * left, then ERROR_BROKEN_PIPE; writes ERROR_NO_DATA), a server instance leaves its name.
 */
export function pipeEndClosed(e: PipeEnd): void {
  const peer = e.peer;
  if (peer) {
    const p = changetype<PipeEnd>(peer);
    p.peer = 0;
    p.state = PIPE_CLOSING;
    if (p.writer) p.writer = 0;
    pipePulse(p);
    e.peer = 0;
  }
  e.state = PIPE_CLOSING;
  queueClear(e);
  if (e.listed) instanceUnlink(e);
  pipePulse(e);
}

/**
 * A handle to `e` closed and others remain (lock held). When only the I/O workers' handles are left,
 * the guest's last handle is gone: its pending overlapped operations end with STATUS_PIPE_BROKEN, as
 * Windows' cleanup of a pipe's file object completes them (Wine's kernel32 pipe tests); the end
 * closes for its peer once the workers let go.
 */
export function pipeEndHandleClosed(e: PipeEnd): void {
  if (e.ioHandles && e.handles == e.ioHandles) requestsCancelFile(changetype<usize>(e), STATUS_PIPE_BROKEN);
}

/** The last reference went (lock held): frees the queue and drops the name. */
export function pipeEndDestroy(e: PipeEnd): void {
  queueClear(e);
  if (e.pipe) {
    const np = changetype<NamedPipe>(e.pipe);
    e.pipe = 0;
    obDeref(np);
  }
}

// ---------- overlapped reads pending on an end ----------

/** Links an overlapped read on end `e` (lock held). */
export function readWaitLink(e: PipeEnd, r: IoRequest): void {
  r.readNext = 0;
  r.readListed = 1;
  if (e.readTail) changetype<IoRequest>(e.readTail).readNext = changetype<usize>(r); else e.readHead = changetype<usize>(r);
  e.readTail = changetype<usize>(r);
}

/** Unlinks `r` from its end's pending reads if it is there (lock held). */
export function readWaitUnlink(e: PipeEnd, r: IoRequest): void {
  if (!r.readListed) return;
  let prev: usize = 0;
  let p = e.readHead;
  while (p && p != changetype<usize>(r)) { prev = p; p = changetype<IoRequest>(p).readNext; }
  if (!p) return;
  if (prev) changetype<IoRequest>(prev).readNext = r.readNext; else e.readHead = r.readNext;
  if (e.readTail == changetype<usize>(r)) e.readTail = prev;
  r.readNext = 0;
  r.readListed = 0;
}

function handTo(e: PipeEnd, r: IoRequest, data: usize, n: u32, status: u32): bool {
  const held = n ? kalloc(<usize>n) : 0;
  if (n && !held) return false;
  if (n) memory.copy(held, data, n);
  readWaitUnlink(e, r);
  r.held = held;
  r.heldLen = n;
  r.heldOff = 0;
  r.heldStatus = status;
  r.done = 1;
  return true;
}

/**
 * A one-chunk write of `n` bytes at `data` to end `e` whose queue is empty: completes the overlapped
 * reads pending on `e` first, oldest first, as Windows does inside the write (4000 bytes written
 * with a 1000-byte read pending leave 3000 in the pipe). Returns the bytes consumed (the caller
 * queues the rest, which continues the message when a reader took its start), or -1 when an empty
 * message went to a reader. Lock held.
 */
export function pipeHandOff(e: PipeEnd, data: usize, n: u32, message: bool): i32 {
  let used: u32 = 0;
  while (e.readHead) {
    const r = changetype<IoRequest>(e.readHead);
    if (r.cancelled) { readWaitUnlink(e, r); continue; }
    if (message && n == 0) return handTo(e, r, data, 0, 0) ? -1 : 0; // an empty message completes one read
    if (used == n) break;
    if (r.len == 0) { // a 0-byte read ends when data comes (in message read mode: the message is longer)
      if (!handTo(e, r, data, 0, message && e.readMessage ? STATUS_BUFFER_OVERFLOW : 0)) break;
      continue;
    }
    const take = min(r.len, n - used);
    const partial = message && e.readMessage && take < n - used;
    if (!handTo(e, r, data + used, take, partial ? STATUS_BUFFER_OVERFLOW : 0)) break;
    used += take;
    if (message && e.readMessage) break; // one message per read; the rest stays first in the queue
  }
  return <i32>used;
}

/** Frees what was handed to `r` and not served (lock held). */
export function readWaitFree(r: IoRequest): void {
  if (r.held) kfree(r.held, <usize>r.heldLen);
  r.held = 0;
}
