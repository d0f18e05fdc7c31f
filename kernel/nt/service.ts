// Service calls (docs/services.md): a server creates a named Service and accepts requests from it; a
// client opens it and calls it. Objects in objects/service.ts and objects/servicerequest.ts.
//
// A call's life: ntSvcBegin makes the request (state NEW) with its input staging block and passed
// handles, on the calling thread's list (Thread.svcCalls, which holds a reference); the host copies the
// input in; svcSubmit hands it to the server thread that waited last in SvcAccept (HANDED: that thread's
// wait is completed in the same locked section in which the caller starts to sleep on the request), or
// queues it (QUEUED). The server thread takes it (ACTIVE: a handle in its process, the passed handles
// duplicated), reads and writes through the kernel and replies, which ends it (DONE) and wakes the caller.
// Every other end is reqEnd with the status the caller gets: the caller's timeout, cancellation (its async
// handle closed, its thread ended), the server's handle closed unreplied, the service gone. The server's
// next SvcRead/SvcWrite/SvcReply on an ended request fails with STATUS_REQUEST_ABORTED.
//
// Lists hold no references: a queued or handed request is held by its caller (thread list or async
// handle) and, once handed, by the server thread (Thread.svcAccepted); every path that drops the last
// of those ends the request first, and reqEnd takes it off the service's lists.
import { enter, leave } from "../lib/lock";
import { now } from "../lib/clock";
import { root } from "../lib/root";
import { currentThread, result, setResult, setResults } from "../lib/tls";
import { OBJ_PERMANENT, WAIT_PENDING } from "../lib/layout";
import { currentProcess, handleAccess, handleClose, handleInsert, handleObject } from "../ob/handle";
import { ObjectHeader, obAlloc, obDeref, obRef } from "../ob/object";
import { nameRemove } from "../ob/namespace";
import { WaitEntry, sleepLocked, waitAbort, waitBegin, waitEntry, waitLocked, wakeWaiters } from "../ob/wait";
import { Process } from "../objects/process";
import { Thread } from "../objects/thread";
import { Service } from "../objects/service";
import { CompletionPort, portPost } from "../objects/completionport";
import {
  REQ_ACTIVE, REQ_DONE, REQ_HANDED, REQ_NEW, REQ_QUEUED, ServiceRequest, requestDropHandles, requestFreeInput, requestFreeOutput,
  slotAt, stageAlloc, stageCopy,
} from "../objects/servicerequest";
import { NAME_WIN32, createBegin, createEnd, discard, obOpen } from "./object";
import { ntSuccess } from "./status";
import {
  INFINITE, RPC_NT_SERVER_TOO_BUSY, RPC_NT_SERVER_UNAVAILABLE, STATUS_ALERTED, STATUS_INSUFFICIENT_RESOURCES, STATUS_INVALID_HANDLE,
  STATUS_INVALID_PARAMETER, STATUS_NO_MEMORY, STATUS_OBJECT_NAME_COLLISION, STATUS_OBJECT_NAME_NOT_FOUND, STATUS_PENDING,
  STATUS_QUOTA_EXCEEDED, STATUS_REPLY_MESSAGE_MISMATCH, STATUS_REQUEST_ABORTED, STATUS_SUCCESS, STATUS_TIMEOUT, STATUS_USER_APC,
  STATUS_WAIT_0, STATUS_ACCESS_DENIED, SVC_ACCEPT, SVC_ALL_ACCESS, SVC_CONNECT, SVC_DEFAULT_QUEUE_LIMIT, SVC_KERNEL_QUOTA,
  SVC_MAX_CALL_BYTES, SVC_MAX_HANDLES, SVC_MAX_QUEUE_LIMIT, SVC_PROCESS_QUOTA, SVC_REQUEST_FINISH, SVC_REQUEST_SERVE, SYNCHRONIZE,
  TYPE_SERVICE, TYPE_SERVICEREQUEST, TYPE_IOCOMPLETION, IO_COMPLETION_MODIFY_STATE,
} from "../generated/abi";

function me(): Thread { return changetype<Thread>(currentThread); }

/** Milliseconds left until `deadline` (Infinity: INFINITE), 0 once it has passed. */
function remaining(deadline: f64): u32 {
  if (deadline == Infinity) return INFINITE;
  const left = deadline - now();
  return left <= 0 ? 0 : <u32>Math.ceil(left);
}

function deadlineOf(ms: u32): f64 { return ms == INFINITE ? Infinity : ms == 0 ? 0 : now() + <f64>ms; }

// ---------- the service's lists ----------

function listLink(headAt: usize, tailAt: usize, r: ServiceRequest, atHead: bool): void {
  const head = load<usize>(headAt);
  if (atHead || !tailAt) {
    r.prev = 0;
    r.next = head;
    if (head) changetype<ServiceRequest>(head).prev = changetype<usize>(r);
    else if (tailAt) store<usize>(tailAt, changetype<usize>(r));
    store<usize>(headAt, changetype<usize>(r));
    return;
  }
  const tail = load<usize>(tailAt);
  r.next = 0;
  r.prev = tail;
  if (tail) changetype<ServiceRequest>(tail).next = changetype<usize>(r);
  else store<usize>(headAt, changetype<usize>(r));
  store<usize>(tailAt, changetype<usize>(r));
}

function listUnlink(headAt: usize, tailAt: usize, r: ServiceRequest): void {
  if (r.prev) changetype<ServiceRequest>(r.prev).next = r.next;
  else store<usize>(headAt, r.next);
  if (r.next) changetype<ServiceRequest>(r.next).prev = r.prev;
  else if (tailAt) store<usize>(tailAt, r.prev);
  r.next = 0;
  r.prev = 0;
}

// @ts-ignore: decorator
@inline function queueHeadAt(s: Service): usize { return changetype<usize>(s) + offsetof<Service>("queueHead"); }
// @ts-ignore: decorator
@inline function queueTailAt(s: Service): usize { return changetype<usize>(s) + offsetof<Service>("queueTail"); }
// @ts-ignore: decorator
@inline function activeAt(s: Service): usize { return changetype<usize>(s) + offsetof<Service>("activeHead"); }

function queuePush(s: Service, r: ServiceRequest, atHead: bool): void {
  listLink(queueHeadAt(s), queueTailAt(s), r, atHead);
  r.state = REQ_QUEUED;
  s.queued++;
  if (s.waitHead) wakeWaiters(s); // guests waiting on the service handle: it is signaled now
  if (s.port) portPost(changetype<CompletionPort>(s.port), s.portKey, STATUS_SUCCESS, r.inSize, 0, false); // a request to accept
}

// ---------- ends ----------

/** Ends `r` with `status` (what its caller is told), lock held: off the lists, staging freed, waiters woken. */
export function reqEnd(r: ServiceRequest, status: u32): void {
  if (r.state == REQ_DONE) return;
  const s = changetype<Service>(r.service);
  if (r.state == REQ_QUEUED) { listUnlink(queueHeadAt(s), queueTailAt(s), r); s.queued--; }
  else if (r.state == REQ_HANDED || r.state == REQ_ACTIVE) listUnlink(activeAt(s), 0, r);
  r.state = REQ_DONE;
  r.endStatus = status;
  requestFreeInput(r);
  if (status != STATUS_SUCCESS || !r.written) requestFreeOutput(r); // nothing will be copied out
  requestDropHandles(r); // never accepted: the handles it carried go
  if (r.waitHead) wakeWaiters(r);
}

/** The last handle with SVC_ACCEPT closed (lock held): the service is gone for good. */
function svcShutdown(s: Service): void {
  if (s.closed) return;
  s.closed = 1;
  if (s.name) nameRemove(s); // a new server may take the name now
  if (s.port) { obDeref(changetype<ObjectHeader>(s.port)); s.port = 0; }
  obRef(s); // ending a request may drop other references to it
  while (s.queueHead) reqEnd(changetype<ServiceRequest>(s.queueHead), RPC_NT_SERVER_UNAVAILABLE);
  while (s.activeHead) reqEnd(changetype<ServiceRequest>(s.activeHead), RPC_NT_SERVER_UNAVAILABLE);
  // Threads in SvcAccept whose handle another thread closed: their accept fails.
  let p = s.waitHead;
  while (p) {
    const t = changetype<Thread>(changetype<WaitEntry>(p).thread);
    if (t.svcAccepting == changetype<usize>(s) && t.waitStatus == WAIT_PENDING) {
      waitAbort(t, STATUS_INVALID_HANDLE); // dequeues its entry: look from the start again
      p = s.waitHead;
    } else p = changetype<WaitEntry>(p).next;
  }
  obDeref(s);
}

/** A handle with `access` to a service or request was made (+1) or is closing (-1); lock held. */
export function svcHandleCounted(o: ObjectHeader, access: u32, delta: i32): void {
  if (o.type == TYPE_SERVICE) {
    if (!(access & SVC_ACCEPT)) return;
    const s = changetype<Service>(o);
    s.servers += delta;
    if (delta < 0 && s.servers == 0) svcShutdown(s);
    return;
  }
  const r = changetype<ServiceRequest>(o);
  if (access & SVC_REQUEST_SERVE) {
    r.serverHandles += delta;
    // closed unreplied: as if the server had gone
    if (delta < 0 && r.serverHandles == 0 && r.state == REQ_ACTIVE) reqEnd(r, RPC_NT_SERVER_UNAVAILABLE);
  }
  if (access & SVC_REQUEST_FINISH) {
    r.clientHandles += delta;
    // the caller closed its asynchronous call: cancelled
    if (delta < 0 && r.clientHandles == 0 && r.async && r.state != REQ_DONE) reqEnd(r, STATUS_REQUEST_ABORTED);
  }
}

// ---------- handing requests to server threads ----------

/** The server thread that waited last in SvcAccept on `s`, or null (lock held). */
function acceptWaiter(s: Service): Thread | null {
  for (let p = s.waitTail; p; p = changetype<WaitEntry>(p).prev) {
    const t = changetype<Thread>(changetype<WaitEntry>(p).thread);
    if (t.svcAccepting == changetype<usize>(s) && t.waitStatus == WAIT_PENDING) return t;
  }
  return null;
}

/** Gives `r` (not on a list) to server thread `t`, which takes it when it runs (takeHanded). */
function handTo(r: ServiceRequest, t: Thread): void {
  r.state = REQ_HANDED;
  r.acceptor = changetype<usize>(t);
  listLink(activeAt(changetype<Service>(r.service)), 0, r, true);
  obRef(r);
  t.svcAccepted = changetype<usize>(r);
}

/**
 * Submits a new request (lock held): to the server thread waiting in SvcAccept, whose wait ends now,
 * or into the queue. STATUS_PENDING, or why not (the request is still NEW then).
 */
function svcSubmit(r: ServiceRequest): u32 {
  const s = changetype<Service>(r.service);
  if (s.closed) return RPC_NT_SERVER_UNAVAILABLE;
  const w = acceptWaiter(s);
  if (w) {
    handTo(r, w);
    waitAbort(w, STATUS_WAIT_0);
    return STATUS_PENDING;
  }
  if (s.queued >= s.queueLimit) return RPC_NT_SERVER_TOO_BUSY;
  queuePush(s, r, false);
  return STATUS_PENDING;
}

/** A request handed to a thread that ended before taking it (lock held): to another server thread, or first in the queue. */
function requeue(r: ServiceRequest): void {
  if (r.state != REQ_HANDED) return;
  const s = changetype<Service>(r.service);
  listUnlink(activeAt(s), 0, r);
  r.acceptor = 0;
  const w = acceptWaiter(s);
  if (w) { handTo(r, w); waitAbort(w, STATUS_WAIT_0); }
  else queuePush(s, r, true); // it was next: the queue limit does not apply
}

/**
 * The calling server thread takes the request handed to it (lock held): a handle to it and the passed
 * handles in this process, the header at `info` (kernel memory, 0 for none). STATUS_SUCCESS with the
 * handle in `result`; STATUS_PENDING when the request ended meanwhile (look for another); an error when
 * the handles could not be made (the call fails with it too).
 */
function takeHanded(t: Thread, info: usize): u32 {
  const r = changetype<ServiceRequest>(t.svcAccepted);
  t.svcAccepted = 0;
  if (r.state != REQ_HANDED) { obDeref(r); return STATUS_PENDING; } // cancelled, timed out
  const p = currentProcess();
  const h = handleInsert(p, r, SVC_REQUEST_SERVE | SYNCHRONIZE, 0);
  if (!h) { const st = <u32>result; reqEnd(r, st); obDeref(r); return st; }
  r.acceptor = 0;
  for (let i: u32 = 0; i < r.handleCount; i++) {
    const slot = slotAt(r, i);
    const hi = handleInsert(p, changetype<ObjectHeader>(load<usize>(slot)), load<u32>(slot, 4), 0);
    if (!hi) {
      const st = <u32>result;
      for (let j: u32 = 0; j < i; j++) handleClose(p, load<u32>(slotAt(r, j), 4), true);
      handleClose(p, h, true); // still HANDED: closing it ends nothing
      reqEnd(r, st);
      obDeref(r);
      return st;
    }
    store<u32>(slot, hi, 4); // the slot's access word now holds the new handle
  }
  if (info) {
    store<u32>(info, r.pid);
    store<u32>(info, r.tid, 4);
    store<u32>(info, r.argument, 8);
    store<u32>(info, r.inSize, 12);
    store<u32>(info, r.outSize, 16);
    store<u32>(info, r.handleCount, 20);
    for (let i: u32 = 0; i < SVC_MAX_HANDLES; i++) store<u32>(info + 24 + (<usize>i << 2), i < r.handleCount ? load<u32>(slotAt(r, i), 4) : 0);
  }
  requestDropHandles(r); // the new handles hold the objects now
  r.state = REQ_ACTIVE;
  obDeref(r); // the hand-over's reference: the handle holds one
  setResult(h);
  return STATUS_SUCCESS;
}

// ---------- thread lists ----------

function callUnlink(t: Thread, r: ServiceRequest): void {
  let at = changetype<usize>(t) + offsetof<Thread>("svcCalls");
  while (load<usize>(at) != changetype<usize>(r)) at = load<usize>(at) + offsetof<ServiceRequest>("callerNext");
  store<usize>(at, r.callerNext);
  r.callerNext = 0;
}

function callLink(t: Thread, r: ServiceRequest): void {
  r.callerNext = t.svcCalls;
  t.svcCalls = changetype<usize>(r);
  r.inCall = 1;
}

/** Drops the thread's calls that have ended and that it has left (lock held). */
function dropFinished(t: Thread): void {
  let at = changetype<usize>(t) + offsetof<Thread>("svcCalls");
  for (let p = load<usize>(at); p; p = load<usize>(at)) {
    const r = changetype<ServiceRequest>(p);
    if (r.state == REQ_DONE && !r.inCall) {
      store<usize>(at, r.callerNext);
      r.callerNext = 0;
      obDeref(r);
    } else at = p + offsetof<ServiceRequest>("callerNext");
  }
}

/** Thread `t` is ending (lock held): its calls are cancelled, a request handed to it goes to another server thread. */
export function svcThreadExit(t: Thread): void {
  t.svcAccepting = 0;
  if (t.svcAccepted) {
    const r = changetype<ServiceRequest>(t.svcAccepted);
    t.svcAccepted = 0;
    requeue(r);
    obDeref(r);
  }
  while (t.svcCalls) {
    const r = changetype<ServiceRequest>(t.svcCalls);
    t.svcCalls = r.callerNext;
    r.callerNext = 0;
    reqEnd(r, STATUS_REQUEST_ABORTED); // nothing when it had ended
    obDeref(r);
  }
}

// ---------- the anchor SvcOpen waits on ----------

function anchor(): Service | null {
  const r = root();
  if (r.svcAnchor) return changetype<Service>(r.svcAnchor);
  const o = obAlloc(TYPE_SERVICE);
  if (!o) return null;
  o.flags = OBJ_PERMANENT;
  o.refs = 1;
  changetype<Service>(o).closed = 1; // never called
  r.svcAnchor = changetype<usize>(o);
  return changetype<Service>(o);
}

function anchorPulse(): void {
  const a = root().svcAnchor;
  if (!a || !changetype<Service>(a).waitHead) return;
  changetype<Service>(a).pulse = 1;
  wakeWaiters(changetype<Service>(a));
  changetype<Service>(a).pulse = 0;
}

// ---------- server side ----------

/** SvcCreateW: on success `result` is the handle (SVC_ALL_ACCESS). */
export function ntSvcCreate(name: usize, nameLen: u32, limit: u32, flags: u32): u32 {
  if (flags != 0 || limit > SVC_MAX_QUEUE_LIMIT) return STATUS_INVALID_PARAMETER;
  const st = createBegin(TYPE_SERVICE, SVC_ALL_ACCESS, name, nameLen, 0, NAME_WIN32);
  if (!ntSuccess(st)) return st;
  if (st != STATUS_SUCCESS) { leave(); return STATUS_OBJECT_NAME_COLLISION; } // a service has the name
  const s = changetype<Service>(result);
  s.queueLimit = limit ? limit : SVC_DEFAULT_QUEUE_LIMIT;
  s.creatorPid = currentProcess().pid;
  anchorPulse(); // SvcOpen waiters look again (after this section, when the handle exists)
  return createEnd(s, st, SVC_ALL_ACCESS, false);
}

/** SvcOpenW: waits up to `ms` for a service of that name; on success `result` is the handle (SVC_CONNECT). */
export function ntSvcOpen(name: usize, nameLen: u32, ms: u32): u32 {
  if (!name) return STATUS_INVALID_PARAMETER;
  const t = me();
  const deadline = deadlineOf(ms);
  enter();
  while (true) {
    const st = obOpen(TYPE_SERVICE, name, nameLen, SVC_CONNECT, 0, NAME_WIN32);
    if (st == STATUS_SUCCESS) {
      const h = handleInsert(currentProcess(), changetype<ObjectHeader>(result), SVC_CONNECT, 0);
      const ins = h ? STATUS_SUCCESS : <u32>result;
      leave();
      setResult(h);
      return ins;
    }
    if (st != STATUS_OBJECT_NAME_NOT_FOUND || ms == 0) { leave(); return st; }
    const left = remaining(deadline);
    if (left == 0) { leave(); return STATUS_TIMEOUT; }
    const a = anchor();
    if (!a) { leave(); return STATUS_NO_MEMORY; }
    waitEntry(t, 0).object = changetype<usize>(a);
    t.waitCount = 1;
    t.waitAll = 0;
    if (waitBegin(t) == WAIT_PENDING) { sleepLocked(t, left); enter(); }
  }
}

/** SvcAccept: on success `result` is the request's handle and `info` (kernel memory, 0: none) its header. */
export function ntSvcAccept(h: u32, info: usize, ms: u32): u32 {
  const t = me();
  const deadline = deadlineOf(ms);
  enter();
  while (true) {
    if (t.svcAccepted) {
      const st = takeHanded(t, info);
      if (st != STATUS_PENDING) { leave(); return st; }
      continue; // it had ended: look for the next
    }
    const o = handleObject(h, SVC_ACCEPT, TYPE_SERVICE);
    if (!o) { const st = <u32>result; leave(); return st; }
    const s = changetype<Service>(o);
    if (s.closed) { leave(); return STATUS_INVALID_HANDLE; }
    if (s.queueHead) {
      const r = changetype<ServiceRequest>(s.queueHead);
      listUnlink(queueHeadAt(s), queueTailAt(s), r);
      s.queued--;
      handTo(r, t);
      continue;
    }
    const left = remaining(deadline);
    if (left == 0) { leave(); return STATUS_TIMEOUT; }
    t.svcAccepting = changetype<usize>(s); // calls hand requests to this thread; the queue's signal is not for it
    waitEntry(t, 0).object = changetype<usize>(s);
    t.waitCount = 1;
    t.waitAll = 0;
    let w = waitBegin(t);
    if (w == WAIT_PENDING) w = sleepLocked(t, left); else leave();
    t.svcAccepting = 0;
    enter();
    if (w != STATUS_WAIT_0 && w != STATUS_TIMEOUT && !t.svcAccepted) { leave(); return w; } // the service closed under it
  }
}

/** SvcSetCompletionPort: queued requests post a packet with `key` to the port behind `hPort` (0: none). */
export function ntSvcSetPort(h: u32, hPort: u32, key: u32): u32 {
  enter();
  const o = handleObject(h, SVC_ACCEPT, TYPE_SERVICE);
  if (!o) { const st = <u32>result; leave(); return st; }
  const s = changetype<Service>(o);
  if (s.closed) { leave(); return STATUS_INVALID_HANDLE; }
  let port: ObjectHeader | null = null;
  if (hPort) {
    port = handleObject(hPort, IO_COMPLETION_MODIFY_STATE, TYPE_IOCOMPLETION);
    if (!port) { const st = <u32>result; leave(); return st; }
    obRef(port);
  }
  if (s.port) obDeref(changetype<ObjectHeader>(s.port));
  s.port = port ? changetype<usize>(port) : 0;
  s.portKey = key;
  leave();
  return STATUS_SUCCESS;
}

/** The request behind a server's handle `h`, being served; null with the status in `result` (lock held). */
function serving(h: u32): ServiceRequest | null {
  const o = handleObject(h, SVC_REQUEST_SERVE, TYPE_SERVICEREQUEST);
  if (!o) return null;
  const r = changetype<ServiceRequest>(o);
  if (r.state == REQ_ACTIVE) return r;
  setResult(r.state != REQ_DONE ? STATUS_INVALID_HANDLE // not accepted (a caller's handle with SVC_REQUEST_SERVE)
    : r.endStatus == STATUS_SUCCESS ? STATUS_REPLY_MESSAGE_MISMATCH : STATUS_REQUEST_ABORTED);
  return null;
}

/**
 * SvcRead's kernel half: checks that [off, off + total) lies in the input, then copies its first
 * min(total, n) bytes into `dst` (the thread's scratch). Nothing is copied on failure.
 */
export function ntSvcRead(h: u32, off: u32, total: u32, dst: usize, n: u32): u32 {
  enter();
  const r = serving(h);
  if (!r) { const st = <u32>result; leave(); return st; }
  if (<u64>off + <u64>total > <u64>r.inSize) { leave(); return STATUS_INVALID_PARAMETER; }
  const run = min(total, n);
  if (run) stageCopy(r.inData, r.inSize, off, dst, run, false);
  leave();
  return STATUS_SUCCESS;
}

/** SvcWrite's kernel half: as ntSvcRead, into the output (allocated on the first write) from `src`. */
export function ntSvcWrite(h: u32, off: u32, total: u32, src: usize, n: u32): u32 {
  enter();
  const r = serving(h);
  if (!r) { const st = <u32>result; leave(); return st; }
  if (<u64>off + <u64>total > <u64>r.outSize) { leave(); return STATUS_INVALID_PARAMETER; }
  const run = min(total, n);
  if (run) {
    if (!r.outData) {
      r.outData = stageAlloc(r.outSize);
      if (!r.outData) { leave(); return STATUS_NO_MEMORY; }
    }
    stageCopy(r.outData, r.outSize, off, src, run, true);
    if (off + run > r.written) r.written = off + run;
  }
  leave();
  return STATUS_SUCCESS;
}

/** SvcReply: ends the request; the caller gets `status` and `value`. */
export function ntSvcReply(h: u32, status: u32, value: u32): u32 {
  enter();
  const r = serving(h);
  if (!r) { const st = <u32>result; leave(); return st; }
  r.svcStatus = status;
  r.svcResult = value;
  reqEnd(r, STATUS_SUCCESS);
  leave();
  return STATUS_SUCCESS;
}

// ---------- client side ----------

/**
 * The first step of SvcCall/SvcCallAsync: a new request to the service behind `h` with `count` handles
 * (u32 values at `handles`, kernel memory), its input staging block allocated and its bytes charged. On
 * success `result` is the request (held by the calling thread's list) for ntSvcCallWait / ntSvcCallAsync.
 */
export function ntSvcBegin(h: u32, inSize: u32, outSize: u32, argument: u32, count: u32, handles: usize, outGuest: u32, isAsync: bool): u32 {
  if (count > SVC_MAX_HANDLES) return STATUS_INVALID_PARAMETER;
  const total = <u64>inSize + <u64>outSize;
  if (total > <u64>SVC_MAX_CALL_BYTES) return STATUS_INVALID_PARAMETER;
  const t = me();
  enter();
  if (t.svcCalls) dropFinished(t);
  const o = handleObject(h, SVC_CONNECT, TYPE_SERVICE);
  if (!o) { const st = <u32>result; leave(); return st; }
  const s = changetype<Service>(o);
  if (s.closed) { leave(); return RPC_NT_SERVER_UNAVAILABLE; }
  const p = currentProcess();
  const rt = root();
  if (<u64>p.svcStaged + total > <u64>SVC_PROCESS_QUOTA) { leave(); return STATUS_QUOTA_EXCEEDED; }
  if (<u64>rt.svcStaged + total > <u64>SVC_KERNEL_QUOTA) { leave(); return STATUS_INSUFFICIENT_RESOURCES; }
  const ro = obAlloc(TYPE_SERVICEREQUEST);
  if (!ro) { leave(); return STATUS_NO_MEMORY; }
  const r = changetype<ServiceRequest>(ro);
  r.service = changetype<usize>(s);
  obRef(s);
  r.client = changetype<usize>(p);
  obRef(p);
  r.pid = p.pid;
  r.tid = t.tid;
  r.argument = argument;
  r.inSize = inSize;
  r.outSize = outSize;
  r.outGuest = outGuest;
  r.async = isAsync ? 1 : 0;
  r.inCharged = inSize;
  r.outCharged = outSize;
  p.svcStaged += <u32>total;
  rt.svcStaged += <u32>total;
  if (inSize) {
    r.inData = stageAlloc(inSize);
    if (!r.inData) { discard(r); leave(); return STATUS_NO_MEMORY; }
  }
  for (let i: u32 = 0; i < count; i++) {
    const hv = load<u32>(handles + (<usize>i << 2));
    const ho = handleObject(hv, 0, 0);
    if (!ho) { const st = <u32>result; discard(r); leave(); return st; }
    obRef(ho);
    store<usize>(slotAt(r, i), changetype<usize>(ho));
    store<u32>(slotAt(r, i), handleAccess(hv), 4);
    r.handleCount = i + 1;
  }
  r.refs = 1; // the thread's list
  callLink(t, r);
  leave();
  setResult(changetype<usize>(r));
  return STATUS_SUCCESS;
}

/**
 * SvcCall's wait: submits request `r` (from ntSvcBegin) the first time, then waits up to `ms` for it to
 * end. STATUS_USER_APC when an alertable wait ran into APCs: the host runs them and calls again with
 * the time left, and the same request goes on. Otherwise the request has ended and this returns its
 * end status; on STATUS_SUCCESS with output written the host copies it and calls ntSvcRelease, else the
 * request is dropped by the thread's next call or exit.
 */
export function ntSvcCallWait(r: ServiceRequest, ms: u32, alertable: bool): u32 {
  const t = me();
  enter();
  if (r.state == REQ_NEW) {
    const st = svcSubmit(r);
    if (st != STATUS_PENDING) {
      reqEnd(r, st);
      r.inCall = 0;
      leave();
      return st;
    }
  }
  waitEntry(t, 0).object = changetype<usize>(r);
  t.waitCount = 1;
  t.waitAll = 0;
  t.syncIo = 1; // CancelSynchronousIo ends the wait with STATUS_CANCELLED
  const w = waitLocked(t, ms, alertable);
  t.syncIo = 0;
  if (w == STATUS_USER_APC || w == STATUS_ALERTED) return STATUS_USER_APC;
  if (w != STATUS_WAIT_0) { // timed out, or CancelSynchronousIo: the call is cancelled unless it ended just now
    enter();
    reqEnd(r, w);
    leave();
  }
  if (r.endStatus != STATUS_SUCCESS || !r.written) r.inCall = 0;
  return r.endStatus;
}

/** After the host copied a call's output (SvcCall, SvcFinish): frees it and lets the request go. */
export function ntSvcRelease(r: ServiceRequest): void {
  const t = me();
  enter();
  callUnlink(t, r);
  requestFreeOutput(r);
  obDeref(r);
  leave();
}

/** SvcCallAsync's second step: a handle to request `r` (from ntSvcBegin), submitted; on success `result` is the handle. */
export function ntSvcCallAsync(r: ServiceRequest): u32 {
  const t = me();
  enter();
  callUnlink(t, r);
  const p = currentProcess();
  const h = handleInsert(p, r, SVC_REQUEST_FINISH | SYNCHRONIZE, 0);
  if (!h) { const st = <u32>result; obDeref(r); leave(); return st; }
  obDeref(r); // the handle holds it now
  const st = svcSubmit(r);
  if (st != STATUS_PENDING) { handleClose(p, h, true); leave(); return st; } // closing it ends and frees it
  leave();
  setResult(h);
  return STATUS_SUCCESS;
}

/**
 * SvcFinish: STATUS_PENDING while the call has not ended, else its end status. With STATUS_SUCCESS
 * `result` is the request and, when output is to be copied (the first SvcFinish that finds some), the
 * request is on the thread's list for the copy and ntSvcRelease; `result2` says so (1) or not (0).
 */
export function ntSvcFinish(h: u32): u32 {
  const t = me();
  enter();
  if (t.svcCalls) dropFinished(t);
  const o = handleObject(h, SVC_REQUEST_FINISH, TYPE_SERVICEREQUEST);
  if (!o) { const st = <u32>result; leave(); return st; }
  const r = changetype<ServiceRequest>(o);
  if (!r.async) { leave(); return STATUS_INVALID_HANDLE; }
  if (r.client != changetype<usize>(currentProcess())) { leave(); return STATUS_ACCESS_DENIED; } // Output is the caller's address
  if (r.state != REQ_DONE) { leave(); return STATUS_PENDING; }
  const st = r.endStatus;
  let copy = false;
  if (st == STATUS_SUCCESS && r.outData && !r.finished) {
    copy = true;
    obRef(r);
    callLink(t, r);
  }
  r.finished = 1;
  leave();
  setResults(changetype<usize>(r), copy ? 1 : 0, 0);
  return st;
}
