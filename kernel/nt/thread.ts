// Process and thread lifecycle, run with the kernel lock held. The host creates processes and
// starts a worker per thread; the kernel owns the objects, ids, exit codes and clean-up: an ending
// thread abandons its mutexes and signals its object; the last one ends its process, which closes
// every handle the process still has.
import { root } from "../lib/root";
import { PROCESS_EXITED, THREAD_EXITED } from "../lib/layout";
import { ObjectHeader, obAlloc, obDeref } from "../ob/object";
import { handleCloseAll, handleInsert } from "../ob/handle";
import { wakeWaiters } from "../ob/wait";
import { queueWake } from "../ob/wake";
import { Console } from "../objects/console";
import { mutexAbandonAll } from "../objects/mutex";
import { Process } from "../objects/process";
import { Thread, threadAlloc } from "../objects/thread";
import { GENERIC_ALL, mapGenericAccess, SYNCHRONIZE, TYPE_CONSOLE, TYPE_PROCESS } from "../generated/abi";

function nextId(): u32 {
  const r = root();
  r.nextId += 4;
  return r.nextId;
}

function stdHandle(p: Process, stream: u32): u32 {
  const c = changetype<Console>(obAlloc(TYPE_CONSOLE));
  if (!changetype<usize>(c)) return 0;
  c.stream = stream;
  return handleInsert(p, c, mapGenericAccess(TYPE_CONSOLE, GENERIC_ALL) | SYNCHRONIZE, 0);
}

/** A new process with its standard handles; the caller (the host) holds one reference. */
export function processCreate(): Process | null {
  const o = obAlloc(TYPE_PROCESS);
  if (!o) return null;
  const p = changetype<Process>(o);
  p.pid = nextId();
  p.refs = 1;
  root().liveProcesses++;
  p.stdIn = stdHandle(p, 0);
  p.stdOut = stdHandle(p, 1);
  p.stdErr = stdHandle(p, 2);
  return p;
}

/** A new thread of `p`; it holds a reference on itself until it ends. */
export function threadCreate(p: Process): Thread | null {
  if (p.state == PROCESS_EXITED || p.exiting) return null;
  const t = threadAlloc();
  if (!t) return null;
  t.tid = nextId();
  t.process = changetype<usize>(p);
  t.refs = 1;
  t.procNext = p.threadHead;
  if (p.threadHead) changetype<Thread>(p.threadHead).procPrev = changetype<usize>(t);
  p.threadHead = changetype<usize>(t);
  p.threadCount++;
  p.refs++; // a thread keeps its process alive
  return t;
}

/** Ends `t`: abandons its mutexes, signals it, and ends its process when it was the last thread. */
export function threadExit(t: Thread, code: u32): void {
  if (t.state == THREAD_EXITED) return;
  const p = changetype<Process>(t.process);
  t.state = THREAD_EXITED;
  t.exitCode = p.exiting ? p.exitCode : code;
  mutexAbandonAll(t);
  wakeWaiters(t);
  if (t.procPrev) changetype<Thread>(t.procPrev).procNext = t.procNext;
  else p.threadHead = t.procNext;
  if (t.procNext) changetype<Thread>(t.procNext).procPrev = t.procPrev;
  t.procNext = 0;
  t.procPrev = 0;
  if (--p.threadCount == 0) {
    if (!p.exiting) p.exitCode = t.exitCode;
    p.state = PROCESS_EXITED;
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

/** Asks `t` to end: it leaves any wait it is in (or the next one it starts) and unwinds. */
export function threadKill(t: Thread): void {
  if (t.state == THREAD_EXITED) return;
  t.killed = 1;
  queueWake(t);
}

export function isProcess(o: ObjectHeader): bool { return o.type == TYPE_PROCESS; }
