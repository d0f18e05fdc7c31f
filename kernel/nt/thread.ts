// Process and thread lifecycle, run with the kernel lock held. The host creates processes and
// starts a worker per thread; the kernel owns the objects, ids, exit codes and clean-up: an ending
// thread abandons its mutexes and signals its object; the last one ends its process, which closes
// every handle the process still has.
import { root } from "../lib/root";
import { KILL_REQUESTED, PROCESS_EXITED, STACK_RECORD_SIZE, THREAD_EXITED, WAIT_PENDING } from "../lib/layout";
import { kalloc, kfree } from "../lib/alloc";
import { threadQuota } from "../lib/quota";
import { setResult } from "../lib/tls";
import { ObjectHeader, obAlloc, obDeref } from "../ob/object";
import { handleCloseAll, handleEntry, handleInheritAll, handleInsert } from "../ob/handle";
import { envCopy } from "./environment";
import { ioProcessEnded, onlyWorkersLeft } from "./io";
import { svcThreadExit } from "./service";
import { waitCancel, wakeWaiters } from "../ob/wait";
import { queueWake } from "../ob/wake";
import { portThreadLeave } from "../objects/completionport";
import { Console } from "../objects/console";
import { mutexAbandonAll } from "../objects/mutex";
import { Process } from "../objects/process";
import { Thread, threadAlloc } from "../objects/thread";
import { poolAdmit, poolRelease, poolRoom } from "./workerpool";
import {
  GENERIC_ALL, mapGenericAccess, MAXIMUM_SUSPEND_COUNT, STATUS_INSUFFICIENT_RESOURCES, STATUS_NO_MEMORY, STATUS_SUCCESS,
  CONSOLE_ATTRIBUTES_DEFAULT, CONSOLE_INPUT_MODE_DEFAULT, CONSOLE_OUTPUT_MODE_DEFAULT,
  STATUS_SUSPEND_COUNT_EXCEEDED, STATUS_THREAD_IS_TERMINATING, SYNCHRONIZE, TYPE_CONSOLE, TYPE_PROCESS,
} from "../generated/abi";

function nextId(): u32 {
  const r = root();
  r.nextId += 4;
  return r.nextId;
}

function stdHandle(p: Process, stream: u32): u32 {
  const c = changetype<Console>(obAlloc(TYPE_CONSOLE));
  if (!changetype<usize>(c)) return 0;
  c.stream = stream;
  c.mode = stream == 0 ? CONSOLE_INPUT_MODE_DEFAULT : CONSOLE_OUTPUT_MODE_DEFAULT;
  c.attr = CONSOLE_ATTRIBUTES_DEFAULT;
  return handleInsert(p, c, mapGenericAccess(TYPE_CONSOLE, GENERIC_ALL) | SYNCHRONIZE, 0);
}

/** A child reads from its parent's input console (one keyboard, one stdin), as on Windows. */
function sharedInput(parent: Process, p: Process): u32 {
  const e = handleEntry(parent, parent.stdIn);
  if (!e || changetype<ObjectHeader>(e.object).type != TYPE_CONSOLE) return stdHandle(p, 0);
  return handleInsert(p, changetype<ObjectHeader>(e.object), e.access, 0);
}

/**
 * A new process with its standard handles; the caller (the host) holds one reference. A child of
 * `parent` gets a copy of its environment and, with `inherit`, its inheritable handles. Null with
 * STATUS_INSUFFICIENT_RESOURCES in `result` when any of that does not fit: nothing of it is kept.
 */
export function processCreate(parent: Process | null = null, inherit: bool = false): Process | null {
  const o = obAlloc(TYPE_PROCESS);
  if (!o) return null;
  const p = changetype<Process>(o);
  p.pid = nextId();
  p.refs = 1;
  const r = root();
  r.liveProcesses++;
  p.allNext = r.processList;
  if (r.processList) changetype<Process>(r.processList).allPrev = changetype<usize>(p);
  r.processList = changetype<usize>(p);
  const ok = !parent || ((!inherit || handleInheritAll(parent, p)) && envCopy(parent, p));
  if (ok) p.stdIn = parent ? sharedInput(parent, p) : stdHandle(p, 0);
  if (ok && p.stdIn) p.stdOut = stdHandle(p, 1);
  if (ok && p.stdOut) p.stdErr = stdHandle(p, 2);
  if (ok && p.stdErr) return p;
  processAbandon(p);
  obDeref(p);
  setResult(STATUS_INSUFFICIENT_RESOURCES);
  return null;
}

/** Ends process `p`, which has no thread (its first one could not be made): its handles close. */
export function processAbandon(p: Process): void {
  p.state = PROCESS_EXITED;
  handleCloseAll(p);
  wakeWaiters(p);
}

/**
 * A new thread of `p` (an I/O worker when `system`, nt/io.ts SYSTEM_*), promised a host worker
 * (nt/workerpool.ts); it holds a reference on itself until it ends. Null with the status in `result`:
 * STATUS_NO_MEMORY (CreateThread's ERROR_NOT_ENOUGH_MEMORY, what Windows programs get when no further
 * thread's stack fits: Raymond Chen, "Does Windows have a limit of 2000 threads per process?") past
 * `p`'s threads quota or the kernel's workers quota (lib/quota.ts), otherwise
 * STATUS_INSUFFICIENT_RESOURCES (kernel memory, or `p` is ending).
 */
export function threadCreate(p: Process, system: u32 = 0): Thread | null {
  if (p.state == PROCESS_EXITED || p.exiting) { setResult(STATUS_INSUFFICIENT_RESOURCES); return null; }
  if ((!system && p.guestThreads >= threadQuota()) || !poolRoom()) { setResult(STATUS_NO_MEMORY); return null; }
  const t = threadAlloc();
  if (!t) { setResult(STATUS_INSUFFICIENT_RESOURCES); return null; }
  poolAdmit(t);
  t.system = system;
  if (!system) p.guestThreads++;
  t.tid = nextId();
  t.process = changetype<usize>(p);
  const r = root();
  t.allNext = r.threadList;
  if (r.threadList) changetype<Thread>(r.threadList).allPrev = changetype<usize>(t);
  r.threadList = changetype<usize>(t);
  t.refs = 1;
  t.procNext = p.threadHead;
  if (p.threadHead) changetype<Thread>(p.threadHead).procPrev = changetype<usize>(t);
  p.threadHead = changetype<usize>(t);
  p.threadCount++;
  p.refs++; // a thread keeps its process alive
  if (!p.mainTid) p.mainTid = t.tid; // the first: its main thread (I/O workers come later, with its first overlapped I/O)
  return t;
}

/** Ends `t`: abandons its mutexes, signals it, and ends its process when it was the last thread. */
export function threadExit(t: Thread, code: u32): void {
  if (t.state == THREAD_EXITED) return;
  const p = changetype<Process>(t.process);
  waitCancel(t); // a thread unwound while a wait was queued (between prepare and commit)
  svcThreadExit(t); // its calls are cancelled, a request handed to it goes back to its service
  t.state = THREAD_EXITED;
  poolRelease(t); // its worker may take another thread
  if (!t.system) p.guestThreads--;
  // TerminateThread's code was stored when it was requested; ExitProcess's wins over both.
  t.exitCode = p.exiting ? p.exitCode : t.killed ? t.exitCode : code;
  stackRecycle(p, t);
  mutexAbandonAll(t);
  portThreadLeave(t); // a thread of a completion port: it no longer counts there
  wakeWaiters(t);
  if (t.procPrev) changetype<Thread>(t.procPrev).procNext = t.procNext;
  else p.threadHead = t.procNext;
  if (t.procNext) changetype<Thread>(t.procNext).procPrev = t.procPrev;
  t.procNext = 0;
  t.procPrev = 0;
  if (!t.system && p.threadHead && onlyWorkersLeft(p, t)) {
    // the last thread that runs guest code: the I/O workers end with it, and so does the process
    processBeginExit(p, t.exitCode);
    for (let x = p.threadHead; x; x = changetype<Thread>(x).procNext) threadKill(changetype<Thread>(x), p.exitCode);
  }
  if (--p.threadCount == 0) {
    if (!p.exiting) p.exitCode = t.exitCode;
    p.state = PROCESS_EXITED;
    ioProcessEnded(p);
    handleCloseAll(p);
    wakeWaiters(p);
  }
  obDeref(t);
  obDeref(p);
}

/** Marks `p` as exiting with `code` (ExitProcess): no new threads, every thread ends with `code`. */
export function processBeginExit(p: Process, code: u32): void {
  if (p.exiting || p.state == PROCESS_EXITED) return;
  p.exiting = 1;
  p.exitCode = code;
}

/**
 * Asks `t` to end with `code`: a wait it is in is aborted at once (so it consumes nothing more), a
 * suspended thread is let go, and the thread unwinds at its next kernel entry or exit.
 */
export function threadKill(t: Thread, code: u32): void {
  if (t.state == THREAD_EXITED || t.killed) return;
  t.killed = KILL_REQUESTED;
  t.exitCode = code;
  if (t.waitStatus == WAIT_PENDING) {
    waitCancel(t);
    t.waitStatus = STATUS_THREAD_IS_TERMINATING;
  }
  queueWake(t);
  atomic.notify(changetype<usize>(t) + offsetof<Thread>("suspendCount"));
}

/** SuspendThread: the previous count; STATUS_SUSPEND_COUNT_EXCEEDED past MAXIMUM_SUSPEND_COUNT. */
export function threadSuspend(t: Thread): u32 {
  if (t.state == THREAD_EXITED || t.killed) return STATUS_THREAD_IS_TERMINATING;
  if (t.suspendCount >= <i32>MAXIMUM_SUSPEND_COUNT) return STATUS_SUSPEND_COUNT_EXCEEDED;
  setResult(t.suspendCount++);
  return STATUS_SUCCESS;
}

/** ResumeThread: the previous count; the thread goes on when it reaches 0. */
export function threadResume(t: Thread): u32 {
  const prev = t.suspendCount;
  if (prev > 0 && --t.suspendCount == 0) atomic.notify(changetype<usize>(t) + offsetof<Thread>("suspendCount"));
  setResult(prev);
  return STATUS_SUCCESS;
}

/** The thread with id `tid` (alive or not, while its object exists), or null. */
export function threadLookup(tid: u32): Thread | null {
  for (let t = root().threadList; t; t = changetype<Thread>(t).allNext) {
    if (changetype<Thread>(t).tid == tid) return changetype<Thread>(t);
  }
  return null;
}

/** A stack of at least `size` bytes left by an ended thread of `p` (its base), or 0. */
export function stackReuse(p: Process, size: u32): u32 {
  let prev: usize = 0;
  for (let s = p.stackFree; s; s = load<usize>(s)) {
    if (load<u32>(s, 8) >= size) {
      if (prev) store<usize>(prev, load<usize>(s));
      else p.stackFree = load<usize>(s);
      const base = load<u32>(s, 4);
      setResult(load<u32>(s, 8));
      kfree(s, STACK_RECORD_SIZE);
      return base;
    }
    prev = s;
  }
  return 0;
}

/** Keeps the stack of an ending thread for the next CreateThread of its process. */
function stackRecycle(p: Process, t: Thread): void {
  if (!t.stackBase) return;
  stackKeep(p, t.stackBase, t.stackSize);
  t.stackBase = 0;
}

/** Puts a free stack of `size` bytes at `base` on `p`'s list for its next CreateThreads (lost to reuse when memory is exhausted). */
export function stackKeep(p: Process, base: u32, size: u32): void {
  const s = kalloc(STACK_RECORD_SIZE);
  if (!s) return;
  store<usize>(s, p.stackFree);
  store<u32>(s, base, 4);
  store<u32>(s, size, 8);
  p.stackFree = s;
}

export function isProcess(o: ObjectHeader): bool { return o.type == TYPE_PROCESS; }
