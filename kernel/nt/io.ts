// Overlapped I/O. A request that cannot complete at once is queued on its process; the process's
// I/O workers (hidden threads the host starts on demand, Thread.system) take requests one at a time
// and run them with the ordinary blocking calls, then copy the result into the guest's OVERLAPPED
// and set its event (nt/io.ts finish). A worker is an ordinary kernel thread, so a blocked request
// sleeps in the kernel like any wait and is woken like one; cancelling a running request ends the
// worker's current or next wait with STATUS_CANCELLED (ob/wait.ts). The kernel never touches guest
// memory: the host copies.
import { kalloc, kfree } from "../lib/alloc";
import { enter, leave } from "../lib/lock";
import { currentThread, result, setResult } from "../lib/tls";
import { THREAD_EXITED, WAIT_PENDING } from "../lib/layout";
import { currentProcess, handleAccess, handleClose, handleInsert, handleObject } from "../ob/handle";
import { ObjectHeader, obAlloc, obDeref, obRef } from "../ob/object";
import { waitAbort, waitEntry, waitLocked } from "../ob/wait";
import { Event, eventSet } from "../objects/event";
import { IO_COMPLETE_WIN32, IO_OP_CONNECT, IO_OP_READ, IO_OP_WRITE, IoRequest, requestCancel } from "../objects/iorequest";
import { FILE_KIND_PIPE, PipeEnd, pipeFileSignal, pipePulse, pipeWriteQueued, readWaitFree, readWaitLink, readWaitUnlink } from "../objects/pipe";
import { Process } from "../objects/process";
import { Thread } from "../objects/thread";
import { threadCreate } from "./thread";
import { apcQueue } from "./apc";
import { iocpIoDone } from "./iocompletion";
import {
  EVENT_MODIFY_STATE, STATUS_ACCESS_DENIED, STATUS_CANCELLED, STATUS_INSUFFICIENT_RESOURCES,
  STATUS_NOT_FOUND, STATUS_SUCCESS, THREAD_TERMINATE, TYPE_EVENT, TYPE_FILE, TYPE_THREAD, statusToError,
} from "../generated/abi";

/** Thread.system of an I/O worker before and after it first asks for work. */
const SYSTEM_STARTING: u32 = 1;
const SYSTEM_RUNNING: u32 = 2;

function me(): Thread { return changetype<Thread>(currentThread); }

function isIdleWorker(t: Thread, p: Process): bool {
  return t.system != 0 && t.waitStatus == WAIT_PENDING && waitEntry(t, 0).object == p.ioReady;
}

/** Would one more request want another worker for `p`'s queue? (queued requests outnumber waiting and starting workers) */
function needsWorker(p: Process): bool {
  let queued: u32 = 1;
  for (let r = p.ioHead; r; r = changetype<IoRequest>(r).next) if (!changetype<IoRequest>(r).worker) queued++;
  let ready: u32 = 0;
  for (let t = p.threadHead; t; t = changetype<Thread>(t).procNext) {
    const th = changetype<Thread>(t);
    if (th.state != THREAD_EXITED && (th.system == SYSTEM_STARTING || isIdleWorker(th, p))) ready++;
  }
  return queued > ready;
}

/**
 * Queues a request on file handle `h` of the calling process. `ov` is its status block (an OVERLAPPED
 * or an IO_STATUS_BLOCK), `hEvent` the event to set at the end (0: none), `apc` a completion routine to
 * queue to this thread then, called as `style` says (IO_COMPLETE_*; 0: none). On success `result` is a
 * new I/O worker thread (with a host reference) when the queue needs one, which the host starts, or 0.
 * When it needs one and none can be made (the workers quota, kernel memory) the request is refused
 * with STATUS_INSUFFICIENT_RESOURCES before it is queued: the process's busy workers may never finish.
 */
export function ntIoSubmit(h: u32, op: u32, buf: u32, len: u32, ov: u32, hEvent: u32, apc: u32, apcContext: u32, style: u32): u32 {
  const t = me();
  enter();
  const p = currentProcess();
  const o = handleObject(h, 0, TYPE_FILE, false);
  if (!o) { leave(); return <u32>result; }
  let ev: ObjectHeader | null = null;
  if (hEvent) {
    ev = handleObject(hEvent, EVENT_MODIFY_STATE, TYPE_EVENT);
    if (!ev) { leave(); return <u32>result; }
  }
  if (!p.ioReady) {
    const e = obAlloc(TYPE_EVENT);
    if (!e) { leave(); return STATUS_INSUFFICIENT_RESOURCES; }
    e.refs = 1;
    p.ioReady = changetype<usize>(e);
  }
  const r = changetype<IoRequest>(kalloc(offsetof<IoRequest>()));
  if (!changetype<usize>(r)) { leave(); return STATUS_INSUFFICIENT_RESOURCES; }
  memory.fill(changetype<usize>(r), 0, offsetof<IoRequest>());
  r.handle = handleInsert(p, o, handleAccess(h), 0);
  if (!r.handle) { kfree(changetype<usize>(r), offsetof<IoRequest>()); leave(); return STATUS_INSUFFICIENT_RESOURCES; }
  let worker: Thread | null = null;
  if (needsWorker(p)) {
    worker = threadCreate(p, SYSTEM_STARTING);
    if (!worker) {
      handleClose(p, r.handle, true);
      kfree(changetype<usize>(r), offsetof<IoRequest>());
      leave();
      return STATUS_INSUFFICIENT_RESOURCES;
    }
    worker.refs++; // the host's reference, released by ntw_object_release
  }
  o.refs++;
  r.file = changetype<usize>(o);
  if (ev) { ev.refs++; r.event = changetype<usize>(ev); }
  r.issuer = t.tid;
  r.op = op; r.buf = buf; r.len = len; r.ov = ov;
  r.apcContext = apcContext; // without a routine: the completion port's value (nt/iocompletion.ts)
  if (apc) { r.apc = apc; r.apcContext = apcContext; r.style = style; obRef(t); r.issuerThread = changetype<usize>(t); }
  if (op == IO_OP_WRITE) pipeWriteQueued(o, true); // FlushFileBuffers on the pipe waits for it
  if (changetype<PipeEnd>(o).kind == FILE_KIND_PIPE) {
    const e = changetype<PipeEnd>(o);
    e.ioHandles++; // closing the guest's last handle cancels the request (objects/pipe.ts)
    if (op == IO_OP_READ) readWaitLink(e, r); // a write may complete it
    if (op == IO_OP_CONNECT) e.connectReq = changetype<usize>(r); // the client's open waits for its completion
  }
  r.prev = p.ioTail;
  if (p.ioTail) changetype<IoRequest>(p.ioTail).next = changetype<usize>(r);
  else p.ioHead = changetype<usize>(r);
  p.ioTail = changetype<usize>(r);
  eventSet(changetype<Event>(p.ioReady)); // wakes one waiting worker
  setResult(changetype<usize>(worker));
  leave();
  return STATUS_SUCCESS;
}

/**
 * An I/O call that completed without a worker (the host wrote its status block): as ntIoFinish, sets the
 * event `hEvent` (validated by the call already), or without one pipe end `h`'s file object (reset
 * otherwise, as the call found it), and queues the completion routine `apc` (IO_COMPLETE_* `style`,
 * 0: none) to the calling thread. The status of setting the event.
 */
export function ntIoComplete(h: u32, hEvent: u32, apc: u32, apcContext: u32, style: u32, sb: u32, status: u32, count: u32): u32 {
  enter();
  let st = STATUS_SUCCESS;
  const f = handleObject(h, 0, TYPE_FILE, false);
  if (f && changetype<PipeEnd>(f).kind == FILE_KIND_PIPE) pipeFileSignal(changetype<PipeEnd>(f), hEvent == 0);
  if (hEvent) {
    const ev = handleObject(hEvent, EVENT_MODIFY_STATE, TYPE_EVENT);
    if (ev) eventSet(changetype<Event>(ev));
    else st = <u32>result;
  }
  completionApc(me(), apc, apcContext, style, sb, status, count);
  if (f) iocpIoDone(f, apc, apcContext, status, count, true); // its completion port's packet
  leave();
  return st;
}

/**
 * An I/O worker's next request: sleeps until one is queued. Writes [request, op, handle, buf, len, ov,
 * cancelled] at `out`. STATUS_THREAD_IS_TERMINATING when the process is ending.
 */
export function ntIoTake(out: usize): u32 {
  const t = me();
  if (!t.system) return STATUS_ACCESS_DENIED;
  enter();
  t.system = SYSTEM_RUNNING;
  const p = currentProcess();
  while (true) {
    let r = p.ioHead;
    while (r && changetype<IoRequest>(r).worker) r = changetype<IoRequest>(r).next;
    if (r) {
      const q = changetype<IoRequest>(r);
      q.worker = changetype<usize>(t);
      t.ioCancel = q.cancelled;
      store<u32>(out, <u32>r);
      store<u32>(out, q.op, 4);
      store<u32>(out, q.handle, 8);
      store<u32>(out, q.buf, 12);
      store<u32>(out, q.len, 16);
      store<u32>(out, q.ov, 20);
      store<u32>(out, q.cancelled, 24);
      leave();
      return STATUS_SUCCESS;
    }
    waitEntry(t, 0).object = p.ioReady;
    t.waitCount = 1;
    t.waitAll = 0;
    const st = waitLocked(t, 0xffffffff); // releases the lock
    if (st != STATUS_SUCCESS) return st; // terminating
    enter();
  }
  return STATUS_SUCCESS; // not reached
}

function unlink(p: Process, r: IoRequest): void {
  if (r.prev) changetype<IoRequest>(r.prev).next = r.next; else p.ioHead = r.next;
  if (r.next) changetype<IoRequest>(r.next).prev = r.prev; else p.ioTail = r.prev;
}

function release(p: Process, r: IoRequest): void {
  unlink(p, r);
  if (r.op == IO_OP_WRITE) pipeWriteQueued(changetype<ObjectHeader>(r.file), false);
  if (changetype<PipeEnd>(r.file).kind == FILE_KIND_PIPE) {
    const e = changetype<PipeEnd>(r.file);
    if (r.readListed) readWaitUnlink(e, r);
    e.ioHandles--;
    if (e.connectReq == changetype<usize>(r)) { e.connectReq = 0; pipePulse(e); } // a client waiting for it returns
  }
  readWaitFree(r);
  handleClose(p, r.handle, true);
  obDeref(changetype<ObjectHeader>(r.file));
  if (r.event) obDeref(changetype<ObjectHeader>(r.event));
  if (r.issuerThread) obDeref(changetype<ObjectHeader>(r.issuerThread));
  kfree(changetype<usize>(r), offsetof<IoRequest>());
}

/**
 * Queues an I/O call's completion routine to `t` (lock held), the thread that issued the call, as
 * Windows queues it as a user APC: ReadFileEx's routine(dwErrorCode, dwBytes, lpOverlapped), an NT
 * call's routine(ApcContext, IoStatusBlock, 0). Not to a thread that has ended; out of memory: dropped.
 */
function completionApc(t: Thread, routine: u32, context: u32, style: u32, sb: u32, status: u32, count: u32): void {
  if (!routine || t.state == THREAD_EXITED || t.killed) return;
  if (style == IO_COMPLETE_WIN32) apcQueue(t, routine, statusToError(status), count, sb);
  else apcQueue(t, routine, context, sb, 0);
}

/**
 * The worker wrote the result (`status`, `count`) into the request's status block: sets the request's
 * event (or its pipe end's file object), queues its completion routine to the issuing thread and frees it.
 */
export function ntIoFinish(req: usize, status: u32, count: u32): u32 {
  const t = me();
  enter();
  const p = currentProcess();
  let r = p.ioHead;
  while (r && r != req) r = changetype<IoRequest>(r).next;
  if (!r || changetype<IoRequest>(r).worker != changetype<usize>(t)) { leave(); return STATUS_NOT_FOUND; }
  const q = changetype<IoRequest>(r);
  if (q.event) eventSet(changetype<Event>(q.event));
  else if (changetype<PipeEnd>(q.file).kind == FILE_KIND_PIPE) pipeFileSignal(changetype<PipeEnd>(q.file), true); // no event: the file is
  if (q.issuerThread) completionApc(changetype<Thread>(q.issuerThread), q.apc, q.apcContext, q.style, q.ov, status, count);
  iocpIoDone(changetype<ObjectHeader>(q.file), q.apc, q.apcContext, status, count, false); // its completion port's packet
  release(p, q);
  t.ioCancel = 0;
  leave();
  return STATUS_SUCCESS;
}

/**
 * Cancels the requests on file handle `h` (all of them, or the one for OVERLAPPED `ov`; `own`: only
 * those the calling thread issued, as CancelIo). STATUS_NOT_FOUND when there was none.
 */
export function ntIoCancel(h: u32, ov: u32, own: bool): u32 {
  const t = me();
  enter();
  const p = currentProcess();
  const o = handleObject(h, 0, 0, false);
  if (!o) { leave(); return <u32>result; }
  let found = false;
  for (let r = p.ioHead; r; r = changetype<IoRequest>(r).next) {
    const q = changetype<IoRequest>(r);
    if (q.file != changetype<usize>(o) || (ov && q.ov != ov) || (own && q.issuer != t.tid)) continue;
    if (requestCancel(q, STATUS_CANCELLED)) found = true;
  }
  leave();
  return found ? STATUS_SUCCESS : STATUS_NOT_FOUND;
}

/**
 * CancelSynchronousIo: ends the synchronous I/O call the thread behind `h` is blocked in (a pipe
 * read, write, connect, flush or wait, a console read) with STATUS_CANCELLED. STATUS_NOT_FOUND when
 * it is not blocked in one (also when it is between calls: the caller may try again, as on Windows).
 */
export function ntCancelSynchronousIo(h: u32): u32 {
  enter();
  const o = handleObject(h, THREAD_TERMINATE, TYPE_THREAD);
  if (!o) { leave(); return <u32>result; }
  const t = changetype<Thread>(o);
  const blocked = t.syncIo != 0 && t.waitStatus == WAIT_PENDING && !t.system;
  if (blocked) waitAbort(t, STATUS_CANCELLED);
  leave();
  return blocked ? STATUS_SUCCESS : STATUS_NOT_FOUND;
}

/** The process ended (lock held): drops its unfinished requests and its workers' event. */
export function ioProcessEnded(p: Process): void {
  while (p.ioHead) release(p, changetype<IoRequest>(p.ioHead));
  if (p.ioReady) { obDeref(changetype<ObjectHeader>(p.ioReady)); p.ioReady = 0; }
}

/** Are all of `p`'s threads but `t` I/O workers? (then `t` is the last thread that runs guest code) */
export function onlyWorkersLeft(p: Process, t: Thread): bool {
  for (let x = p.threadHead; x; x = changetype<Thread>(x).procNext) {
    if (x != changetype<usize>(t) && !changetype<Thread>(x).system) return false;
  }
  return true;
}
