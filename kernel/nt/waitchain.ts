// Wait chains and deadlocks, in the spirit of Windows' Wait Chain Traversal (GetThreadWaitChain): what
// a thread is blocked in, the objects it waits for, the thread that owns one of them (a mutex's owner, a
// critical section's, the thread or process a join waits for), what that thread waits for, and so on
// until a thread that runs, or one already in the chain: a cycle. NtwGetThreadWaitChain gives guests one
// chain; the host's deadlock report (host/deadlock.ts) asks for every thread's, and ntw_deadlocked tells
// it when no thread of the kernel can ever run again.
//
// Nodes are NTW_WAIT_NODE records (guests/include/ntwasm/waitchain.h), NTW_WCT_NODE_SIZE bytes each:
//   [ObjectType, ObjectStatus, ProcessId, ThreadId, Timeout, Flags, Handle, Address, ObjectName[64]]
import { enter, enterHost, leave, leaveHost } from "../lib/lock";
import { now } from "../lib/clock";
import { root } from "../lib/root";
import { BLOCKED_SUSPENDED, BLOCKED_WAIT, HANDLE_ENTRY_SIZE, THREAD_EXITED, WAIT_PENDING } from "../lib/layout";
import { ObjectHeader, signaled } from "../ob/object";
import { NameEntry } from "../ob/namespace";
import { waitEntry, wakeDeadline } from "../ob/wait";
import { KeyedWait } from "../objects/keyedwait";
import { Mutex } from "../objects/mutex";
import { Process } from "../objects/process";
import { Thread } from "../objects/thread";
import {
  INFINITE, NTW_LOCK_BARRIER, NTW_LOCK_CONDITION_VARIABLE, NTW_LOCK_CRITICAL_SECTION, NTW_LOCK_INIT_ONCE, NTW_LOCK_SRWLOCK,
  NTW_WCT_ADDRESS, NTW_WCT_BARRIER, NTW_WCT_COMPLETION_PORT, NTW_WCT_CONDITION_VARIABLE, NTW_WCT_CONSOLE, NTW_WCT_CRITICAL_SECTION,
  NTW_WCT_CYCLE, NTW_WCT_EVENT, NTW_WCT_FILE, NTW_WCT_FLAG_ALERTABLE, NTW_WCT_FLAG_FOREVER, NTW_WCT_FLAG_IO_WORKER,
  NTW_WCT_FLAG_NEXT, NTW_WCT_FLAG_SIGNALED, NTW_WCT_FLAG_SUSPENDED, NTW_WCT_FLAG_WAIT_ALL, NTW_WCT_INIT_ONCE, NTW_WCT_KEYED_EVENT, NTW_WCT_MAX_NODES,
  NTW_WCT_MUTEX, NTW_WCT_NODE_SIZE, NTW_WCT_PIPE, NTW_WCT_PROCESS_WAIT, NTW_WCT_SEMAPHORE, NTW_WCT_SERVICE, NTW_WCT_SERVICE_CALL,
  NTW_WCT_SRWLOCK, NTW_WCT_STATUS_ABANDONED, NTW_WCT_STATUS_BLOCKED, NTW_WCT_STATUS_NOT_OWNED, NTW_WCT_STATUS_OWNED,
  NTW_WCT_STATUS_RUNNING, NTW_WCT_STATUS_UNKNOWN, NTW_WCT_THREAD, NTW_WCT_THREAD_WAIT, NTW_WCT_TIMER, NTW_WCT_UNKNOWN,
  STATUS_INVALID_PARAMETER, STATUS_SUCCESS, TYPE_CONSOLE, TYPE_EVENT, TYPE_FILE, TYPE_IOCOMPLETION, TYPE_KEYEDEVENT, TYPE_KEYEDWAIT,
  TYPE_MUTANT, TYPE_NAMEDPIPE, TYPE_PROCESS, TYPE_SEMAPHORE, TYPE_SERVICE, TYPE_SERVICEREQUEST, TYPE_THREAD, TYPE_TIMER,
} from "../generated/abi";

const NAME_CHARS: u32 = 64;

function threadById(tid: u32): Thread | null {
  if (!tid) return null;
  for (let q = root().threadList; q; q = changetype<Thread>(q).allNext) {
    if (changetype<Thread>(q).tid == tid) return changetype<Thread>(q);
  }
  return null;
}

/** Asleep in a wait that has not ended, or held by SuspendThread at a kernel entry (lock held). */
function isBlocked(t: Thread): bool {
  if (t.state == THREAD_EXITED || t.killed) return false;
  if (t.blocked == BLOCKED_SUSPENDED) return true;
  return t.blocked == BLOCKED_WAIT && t.waitStatus == WAIT_PENDING;
}

/**
 * Blocked, and only another thread can end it: no timeout, no armed timer it waits for (or whose APC it
 * would run), no console input it waits for (the user may still type). Lock held.
 */
function blockedForever(t: Thread): bool {
  if (!isBlocked(t)) return false;
  if (t.blocked == BLOCKED_SUSPENDED) return true;
  if (wakeDeadline(t, t.waitDeadline) != Infinity) return false;
  for (let i: u32 = 0; i < t.waitCount; i++) {
    if (changetype<ObjectHeader>(waitEntry(t, i).object).type == TYPE_CONSOLE) return false;
  }
  return true;
}

function keyedType(kind: u32): u32 {
  switch (kind) {
    case NTW_LOCK_CRITICAL_SECTION: return NTW_WCT_CRITICAL_SECTION;
    case NTW_LOCK_SRWLOCK: return NTW_WCT_SRWLOCK;
    case NTW_LOCK_CONDITION_VARIABLE: return NTW_WCT_CONDITION_VARIABLE;
    case NTW_LOCK_INIT_ONCE: return NTW_WCT_INIT_ONCE;
    case NTW_LOCK_BARRIER: return NTW_WCT_BARRIER;
    default: return NTW_WCT_ADDRESS;
  }
}

function nodeType(o: ObjectHeader, waiter: Thread): u32 {
  switch (o.type) {
    case TYPE_MUTANT: return NTW_WCT_MUTEX;
    case TYPE_THREAD: return NTW_WCT_THREAD_WAIT;
    case TYPE_PROCESS: return NTW_WCT_PROCESS_WAIT;
    case TYPE_EVENT: return NTW_WCT_EVENT;
    case TYPE_SEMAPHORE: return NTW_WCT_SEMAPHORE;
    case TYPE_TIMER: return NTW_WCT_TIMER;
    case TYPE_KEYEDWAIT: return keyedType(waiter.keyedKind);
    case TYPE_NAMEDPIPE: return NTW_WCT_PIPE;
    case TYPE_CONSOLE: return NTW_WCT_CONSOLE;
    case TYPE_IOCOMPLETION: return NTW_WCT_COMPLETION_PORT;
    case TYPE_SERVICE: return NTW_WCT_SERVICE;
    case TYPE_SERVICEREQUEST: return NTW_WCT_SERVICE_CALL;
    case TYPE_KEYEDEVENT: return NTW_WCT_KEYED_EVENT;
    case TYPE_FILE: return NTW_WCT_FILE;
    default: return NTW_WCT_UNKNOWN;
  }
}

/** The thread whose progress would end `waiter`'s wait on `o`, when there is one (lock held). */
function ownerOf(o: ObjectHeader, waiter: Thread): Thread | null {
  switch (o.type) {
    case TYPE_MUTANT: {
      const m = changetype<Mutex>(o);
      return m.owner && m.owner != changetype<usize>(waiter) ? changetype<Thread>(m.owner) : null;
    }
    case TYPE_THREAD: return changetype<Thread>(o).state != THREAD_EXITED ? changetype<Thread>(o) : null;
    case TYPE_PROCESS: { // its oldest thread that runs guest code
      let found: Thread | null = null;
      for (let q = changetype<Process>(o).threadHead; q; q = changetype<Thread>(q).procNext) {
        const t = changetype<Thread>(q);
        if (!t.system && t.state != THREAD_EXITED) found = t;
      }
      return found;
    }
    case TYPE_KEYEDWAIT: {
      if (waiter.keyedKind != NTW_LOCK_CRITICAL_SECTION || waiter.keyedOwner == waiter.tid) return null;
      const t = threadById(waiter.keyedOwner);
      return t && t.process == changetype<KeyedWait>(o).process ? t : null;
    }
    default: return null;
  }
}

/** A handle to `o` in process `p` (the first), 0 when it has none. */
function handleTo(p: Process, o: ObjectHeader): u32 {
  for (let i: u32 = 0; i < p.top; i++) {
    if (load<usize>(p.table + <usize>i * HANDLE_ENTRY_SIZE) == changetype<usize>(o)) return (i + 1) << 2;
  }
  return 0;
}

function node(at: usize, type: u32, status: u32, pid: u32, tid: u32, timeout: u32, flags: u32, handle: u32, address: u32): void {
  memory.fill(at, 0, NTW_WCT_NODE_SIZE);
  store<u32>(at, type);
  store<u32>(at, status, 4);
  store<u32>(at, pid, 8);
  store<u32>(at, tid, 12);
  store<u32>(at, timeout, 16);
  store<u32>(at, flags, 20);
  store<u32>(at, handle, 24);
  store<u32>(at, address, 28);
}

function threadNode(at: usize, t: Thread): void {
  const blocked = isBlocked(t);
  let timeout: u32 = 0, flags: u32 = 0;
  if (blocked) {
    timeout = INFINITE;
    if (t.blocked == BLOCKED_SUSPENDED) flags |= NTW_WCT_FLAG_SUSPENDED;
    else {
      const d = wakeDeadline(t, t.waitDeadline);
      if (d != Infinity) { const left = d - now(); timeout = left <= 0 ? 0 : <u32>Math.ceil(left); }
      if (t.alertable) flags |= NTW_WCT_FLAG_ALERTABLE;
      if (t.waitAll && t.waitCount > 1) flags |= NTW_WCT_FLAG_WAIT_ALL;
    }
    if (blockedForever(t)) flags |= NTW_WCT_FLAG_FOREVER;
  }
  if (t.system) flags |= NTW_WCT_FLAG_IO_WORKER;
  node(at, NTW_WCT_THREAD, blocked ? NTW_WCT_STATUS_BLOCKED : NTW_WCT_STATUS_RUNNING, changetype<Process>(t.process).pid, t.tid,
    timeout, flags, 0, 0);
}

/** An object `waiter` waits for, with the thread the chain would go on with (`owner`: ownerOf) and whether it does (`next`). */
function objectNode(at: usize, o: ObjectHeader, waiter: Thread, owner: Thread | null, next: bool): void {
  let status = NTW_WCT_STATUS_UNKNOWN;
  if (o.type == TYPE_MUTANT) {
    const m = changetype<Mutex>(o);
    status = m.abandoned ? NTW_WCT_STATUS_ABANDONED : m.owner ? NTW_WCT_STATUS_OWNED : NTW_WCT_STATUS_NOT_OWNED;
  } else if (o.type == TYPE_KEYEDWAIT && waiter.keyedKind == NTW_LOCK_CRITICAL_SECTION) {
    status = waiter.keyedOwner ? NTW_WCT_STATUS_OWNED : NTW_WCT_STATUS_NOT_OWNED;
  }
  const keyed = o.type == TYPE_KEYEDWAIT;
  let flags: u32 = !keyed && signaled(o, waiter) ? NTW_WCT_FLAG_SIGNALED : 0;
  if (next) flags |= NTW_WCT_FLAG_NEXT;
  node(at, nodeType(o, waiter), status, owner ? changetype<Process>(owner.process).pid : 0, owner ? owner.tid : 0, 0, flags,
    keyed ? 0 : handleTo(changetype<Process>(waiter.process), o), keyed ? waiter.keyedLock : 0);
  if (!o.name) return;
  const name = changetype<NameEntry>(o.name);
  const chars = changetype<usize>(name) + offsetof<NameEntry>();
  const n = min(name.len, NAME_CHARS - 1);
  memory.copy(at + 32, chars, <usize>n << 1); // the rest stays 0: NUL-terminated
}

/**
 * Writes thread `t`'s wait chain at `out` (at most `max` nodes; lock held): the thread, then every object it
 * waits for, then the owner of the first of them that has one, and so on. Returns the chain's length (nodes
 * past `max` are counted, not written) with NTW_WCT_CYCLE when it came back to a thread already in it, which is
 * then its last node.
 */
function chainOf(t: Thread, out: usize, max: u32): u32 {
  const stamp = ++root().chainStamp;
  let n: u32 = 0;
  let cycle: u32 = 0;
  let cur: Thread | null = t;
  while (cur && n < NTW_WCT_MAX_NODES) {
    const c: Thread = cur;
    if (n < max) threadNode(out + <usize>n * NTW_WCT_NODE_SIZE, c);
    n++;
    if (c.chainMark == stamp) { cycle = NTW_WCT_CYCLE; break; }
    c.chainMark = stamp;
    if (!isBlocked(c) || c.blocked == BLOCKED_SUSPENDED) break;
    let next: Thread | null = null;
    for (let i: u32 = 0; i < c.waitCount && n < NTW_WCT_MAX_NODES; i++) {
      const o = changetype<ObjectHeader>(waitEntry(c, i).object);
      const owner = ownerOf(o, c);
      if (n < max) objectNode(out + <usize>n * NTW_WCT_NODE_SIZE, o, c, owner, owner != null && next == null);
      n++;
      if (!next) next = owner;
    }
    cur = next;
  }
  return n | cycle;
}

/** NtwGetThreadWaitChain's kernel half: the chain of thread `tid` at `out` (`max` nodes), its length in `*count`. */
export function ntWaitChain(tid: u32, out: usize, max: u32, count: usize): u32 {
  enter();
  const t = threadById(tid);
  if (!t || t.state == THREAD_EXITED) { leave(); return STATUS_INVALID_PARAMETER; }
  store<u32>(count, chainOf(t, out, min(max, NTW_WCT_MAX_NODES)));
  leave();
  return STATUS_SUCCESS;
}

/** The host's form (Kernel.waitChain): the chain's length with NTW_WCT_CYCLE, or 0 for no such live thread. */
export function ntw_wait_chain(tid: u32, out: usize, max: u32): u32 {
  enterHost();
  const t = threadById(tid);
  const r = t && t.state != THREAD_EXITED ? chainOf(t, out, min(max, NTW_WCT_MAX_NODES)) : 0;
  leaveHost();
  return r;
}

/**
 * 1 when the kernel has live threads and every one is blocked for good (no timeout, timer or input can end
 * its wait), so none will ever run again: a deadlock, or a program waiting for something nobody will do.
 * Also 1 for a thread suspended with nobody left to resume it. The host asks twice before it believes it
 * (host/deadlock.ts), with `lockEntries` unchanged in between.
 */
export function ntw_deadlocked(): u32 {
  enterHost();
  let live: u32 = 0;
  let stuck = true;
  for (let q = root().threadList; q && stuck; q = changetype<Thread>(q).allNext) {
    const t = changetype<Thread>(q);
    if (t.state == THREAD_EXITED || !t.tid) continue;
    live++;
    if (!blockedForever(t)) stuck = false;
  }
  leaveHost();
  return stuck && live > 0 ? 1 : 0;
}

/** Kernel lock entries so far (wraps): unchanged between two looks means no thread entered the kernel. */
export function ntw_lock_entries(): u32 { return root().lockEntries; }
