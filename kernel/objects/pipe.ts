// Pipes: the two ends of a connection are File objects (kind FILE_KIND_PIPE), as in NT where a pipe
// handle is a file handle; a named pipe's name is a NamedPipe object in \Device\NamedPipe holding
// its server instances. Anonymous pipes are an unnamed server (read) end and client (write) end.
//
// Data lives in kernel memory: each end owns the queue of data it will read, a FIFO of kalloc'd
// records {next, len, off, end} followed by the bytes (one WriteFile chunk each; `end` marks the last
// chunk of a message). A writer appends to its peer's queue; a reader consumes its own.
//
// Sleeping: every thread that blocks on an end (read, write, ConnectNamedPipe) or on a name
// (WaitNamedPipe) waits on that object with the ordinary wait engine. The objects are "pulsed": any
// state change sets `pulse`, completes every queued wait (wakeWaiters) and clears it again; the
// sleepers then look at the state themselves. A pulse with no waiter costs a test of waitHead.
import { kalloc, kfree } from "../lib/alloc";
import { ObjectHeader, obDeref, obRef } from "../ob/object";
import { wakeWaiters } from "../ob/wait";
import { TYPE_NAMEDPIPE } from "../generated/abi";

/** File.kind: what a File object is. Disk files (the file layer) will add their own kind. */
export const FILE_KIND_PIPE: u32 = 1;

/** Server end states (client ends use CONNECTED, DISCONNECTED and CLOSING). */
export const PIPE_LISTENING: u32 = 1; // waiting for a client (the state of a new instance)
export const PIPE_CONNECTED: u32 = 2;
export const PIPE_DISCONNECTED: u32 = 3; // DisconnectNamedPipe: needs ConnectNamedPipe again
export const PIPE_CLOSING: u32 = 4; // the peer closed its end: data left can still be read

@unmanaged
export class PipeEnd extends ObjectHeader {
  kind: u32; // FILE_KIND_PIPE: every File object starts with its kind
  pulse: u32; // signaled while a pulse runs (see pipePulse)
  server: u32; // 1: server end (CreateNamedPipe, or the read end of CreatePipe)
  state: u32; // PIPE_*
  peer: usize; // the other end while connected (not a reference: both unlink at their last close)
  pipe: usize; // server ends of named pipes: the NamedPipe (a reference), 0 otherwise
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

export function pipeSignaled(o: ObjectHeader): bool {
  return o.type == TYPE_NAMEDPIPE ? changetype<NamedPipe>(o).pulse != 0 : changetype<PipeEnd>(o).pulse != 0;
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
 * Byte read: up to `n` bytes into `buf`, across message boundaries (empty messages vanish). Returns
 * the count.
 */
export function queueReadBytes(e: PipeEnd, buf: usize, n: u32): u32 {
  let got: u32 = 0;
  while (e.qHead && got < n) {
    const r = changetype<PipeRecord>(e.qHead);
    const take = min(r.len - r.off, n - got);
    memory.copy(buf + got, recordData(r) + r.off, take);
    r.off += take;
    got += take;
    e.qBytes -= take;
    if (r.off < r.len) { e.midMessage = 1; break; }
    e.midMessage = r.end ? 0 : 1;
    queuePop(e);
  }
  while (e.qHead && changetype<PipeRecord>(e.qHead).len == 0 && !e.midMessage) queuePop(e); // empty messages
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
 * consuming; returns the count and stores the bytes left in the first message at `leftOut`.
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
  if (leftOut) store<u32>(leftOut, message ? msgLen - got : 0);
  return got;
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

/** The last reference went (lock held): frees the queue and drops the name. */
export function pipeEndDestroy(e: PipeEnd): void {
  queueClear(e);
  if (e.pipe) {
    const np = changetype<NamedPipe>(e.pipe);
    e.pipe = 0;
    obDeref(np);
  }
}
