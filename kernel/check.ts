// ntw_check: the kernel invariant checker (issue 17). One host critical section walks every structure
// reachable from the root block and reports the first rule it finds broken: a violation code and a short
// ASCII message (NUL-terminated) at `out`. 0: every rule holds. It is always part of kernel.wasm: like every
// ntw_* export it is host-only (guests are bound to the abi/ entries alone), and it costs nothing until the
// host calls it (Kernel.checkKernel(), `ntwasm run --check-kernel`, the tests and the fuzzer).
//
// It allocates nothing. It walks in three phases, under the lock, so nothing changes in between:
//
// 1. Structure (read only, except for marks): the root block, the allocator's free lists, the process and
//    thread lists, every handle table, every thread's wait block and owned mutexes, every object's wait
//    queue, the namespace hash and its directories, the timer queue, the keyed-wait hash, pipe ends and
//    their data queues. Every pointer is checked before it is followed (in the heap, aligned, a known type)
//    and every list walk is bounded, so a corrupt kernel makes the checker report, never loop or trap.
//    Membership is shown with mark bits in ObjectHeader.flags (CHECK_MARKS, cleared before returning).
// 2. Counts, only when the structure is sound: every reference the kernel keeps in a known place is
//    subtracted from the object it refers to (handle table entries from `handles` and `refs`, queued wait
//    entries, a live thread's hold on itself and its process, I/O requests, timer APC threads, names in
//    temporary directories, entries from a directory's `count`), the remainders are checked, and then the
//    very same walk adds everything back. The rules (each is also in the message it reports):
//      - handles == the entries in all handle tables that refer to the object (ob/handle.ts: handleInsert
//        and handleInheritAll add one to both `refs` and `handles`, handleClose takes one from both);
//      - refs >= handles + queued wait entries + the other references listed above (ob/wait.ts enqueue
//        takes a reference, dequeue drops it; nt/thread.ts: a thread holds one on itself until it ends
//        and one on its process; nt/io.ts: a request holds its file, its event and its issuing thread);
//      - refs == exactly that for events, mutexes, semaphores, timers and keyed waits, which nothing else
//        refers to (the timer queue holds no reference; ServiceRequests may hold passed handles' objects,
//        so while any service is in use this becomes >=);
//      - a directory's count == its names in the hash table.
// 3. Marks cleared (always, also after a violation).
import { enterHost, leaveHost } from "./lib/lock";
import { freeLists, heapStart, root, rootAddr, SIZE_CLASSES } from "./lib/root";
import {
  HANDLE_ENTRY_SIZE, MAX_PENDING, OBJ_PERMANENT, OBJ_WAITMARK, PROCESS_EXITED, STACK_RECORD_SIZE, THREAD_EXITED, WAIT_ENTRY_SIZE,
  WAIT_PENDING,
} from "./lib/layout";
import { currentThread } from "./lib/tls";
import { ObjectHeader, objectSize, signaled } from "./ob/object";
import { NameEntry, nameChars } from "./ob/namespace";
import { WaitEntry } from "./ob/wait";
import { Charge } from "./ob/charge";
import { Thread, threadEntries, threadSize } from "./objects/thread";
import { Process } from "./objects/process";
import { Mutex } from "./objects/mutex";
import { Semaphore } from "./objects/semaphore";
import { Event } from "./objects/event";
import { Timer } from "./objects/timer";
import { Directory } from "./objects/directory";
import { KeyedWait } from "./objects/keyedwait";
import { FILE_KIND_PIPE, NamedPipe, PipeEnd, PipeRecord } from "./objects/pipe";
import { IoRequest } from "./objects/iorequest";
import { poolLive } from "./nt/workerpool";
import {
  HANDLE_FLAG_INHERIT, HANDLE_FLAG_PROTECT_FROM_CLOSE, MAXIMUM_WAIT_OBJECTS, TYPE_COUNT, TYPE_DIRECTORY, TYPE_EVENT, TYPE_FILE,
  TYPE_KEYEDWAIT, TYPE_MUTANT, TYPE_NAMEDPIPE, TYPE_PROCESS, TYPE_SEMAPHORE, TYPE_SERVICE, TYPE_SERVICEREQUEST, TYPE_THREAD, TYPE_TIMER,
} from "./generated/abi";

/** Violation codes (ntw_check's result; host/kernel.ts names them). */
export const CHECK_ROOT: u32 = 1;
export const CHECK_ALLOC: u32 = 2;
export const CHECK_PROCESS: u32 = 3;
export const CHECK_HANDLE: u32 = 4;
export const CHECK_COUNT: u32 = 5;
export const CHECK_THREAD: u32 = 6;
export const CHECK_WAIT: u32 = 7;
export const CHECK_MUTEX: u32 = 8;
export const CHECK_NAME: u32 = 9;
export const CHECK_TIMER: u32 = 10;
export const CHECK_PIPE: u32 = 11;
export const CHECK_KEYED: u32 = 12;
export const CHECK_OBJECT: u32 = 13;

// ObjectHeader.flags bits the checker sets while it runs (no kernel code uses them; OBJ_WAITMARK is 0x80000000).
const MARK_PROC: u32 = 0x40000000; // in root().processList
const MARK_THREAD: u32 = 0x20000000; // in root().threadList
const MARK_TIMERQ: u32 = 0x10000000; // in the timer queue
const CHECK_MARKS: u32 = MARK_PROC | MARK_THREAD | MARK_TIMERQ;

/** No number to print (fail()'s defaults spell it out: a literal default makes no varargs stub, whose count is a mutable global). */
const NONE: i64 = 0x7fffffffffffffff;
/** `v` printed in hex (addresses, handle values); plain numbers print in decimal. */
// @ts-ignore: decorator
@inline function hx(v: usize): i64 { return -1 - <i64>v; }

// ---------- the message ----------

function msgEnd(m: usize, cap: u32): usize {
  let p = m;
  const last = m + cap - 1;
  while (p < last && load<u8>(p)) p++;
  return p;
}

function putChar(m: usize, cap: u32, c: u32): void {
  const p = msgEnd(m, cap);
  if (p < m + cap - 1) { store<u8>(p, c); store<u8>(p + 1, 0); }
}

function putStr(m: usize, cap: u32, s: string): void {
  const n = s.length;
  const chars = changetype<usize>(s);
  for (let i = 0; i < n; i++) putChar(m, cap, <u32>load<u16>(chars + (<usize>i << 1)) & 0x7f);
}

function putNum(m: usize, cap: u32, v: i64): void {
  if (v == NONE) return;
  let x: u64;
  let base: u64 = 10;
  if (v < 0) { x = <u64>(-1 - v); base = 16; putStr(m, cap, "0x"); } else x = <u64>v;
  let div: u64 = 1;
  while (x / div >= base) div *= base;
  for (; div > 0; div /= base) {
    const d = <u32>((x / div) % base);
    putChar(m, cap, d < 10 ? 0x30 + d : 0x57 + d);
  }
}

/** Writes the violation's message and returns its code. */
function fail(m: usize, cap: u32, code: u32, s0: string, v0: i64 = 0x7fffffffffffffff, s1: string = "", v1: i64 = 0x7fffffffffffffff,
  s2: string = "", v2: i64 = 0x7fffffffffffffff, s3: string = "", v3: i64 = 0x7fffffffffffffff, s4: string = ""): u32 {
  if (load<u8>(m)) return code; // the first violation's message stays
  putStr(m, cap, s0); putNum(m, cap, v0);
  putStr(m, cap, s1); putNum(m, cap, v1);
  putStr(m, cap, s2); putNum(m, cap, v2);
  putStr(m, cap, s3); putNum(m, cap, v3);
  putStr(m, cap, s4);
  return code;
}

function typeName(t: u32): string {
  switch (t) {
    case 1: return "Directory ";
    case 2: return "SymbolicLink ";
    case 3: return "Event ";
    case 4: return "Mutant ";
    case 5: return "Semaphore ";
    case 6: return "Process ";
    case 7: return "Thread ";
    case 8: return "Console ";
    case 9: return "Timer ";
    case 10: return "KeyedWait ";
    case 11: return "File ";
    case 12: return "NamedPipe ";
    case 13: return "KeyedEvent ";
    case 14: return "Service ";
    case 15: return "ServiceRequest ";
    case 16: return "IoCompletion ";
    default: return "object ";
  }
}

// ---------- pointers ----------

/** Upper bound on the length of any list: a longer walk is a cycle. */
// @ts-ignore: decorator
@inline function walkLimit(): usize { return (root().heapTop - heapStart()) >> 4; }

/** `p .. p+size` lies in the allocated heap and `p` has the alignment kalloc gives blocks of >= 16 bytes. */
function inHeap(p: usize, size: usize, align: usize): bool {
  return p >= heapStart() && p + size <= root().heapTop && p + size >= p && (p & (align - 1)) == 0;
}

function recordSize(type: u32): usize { return type == TYPE_THREAD ? threadSize() : objectSize(type); }

/** `p` is a live-looking object: in the heap, aligned, of a known type, its record inside the heap. */
function isObj(p: usize): bool {
  if (!inHeap(p, offsetof<ObjectHeader>(), 16)) return false;
  const type = changetype<ObjectHeader>(p).type;
  if (type == 0 || type >= TYPE_COUNT) return false; // a freed block's first word is its free-list link: never a type
  return inHeap(p, recordSize(type), 16);
}

function isType(p: usize, type: u32): bool { return isObj(p) && changetype<ObjectHeader>(p).type == type; }

// @ts-ignore: decorator
@inline function entryAt(p: Process, i: u32): usize { return p.table + <usize>i * HANDLE_ENTRY_SIZE; }
// @ts-ignore: decorator
@inline function waitEntryOf(t: usize, i: u32): WaitEntry {
  return changetype<WaitEntry>(t + threadEntries() + <usize>i * WAIT_ENTRY_SIZE);
}

// ---------- phase 1: structure ----------

function checkRoot(m: usize, cap: u32): u32 {
  const r = root();
  const have = <usize>memory.size() << 16;
  if (r.booted != 1) return fail(m, cap, CHECK_ROOT, "booted is ", r.booted);
  if (r.heapTop < heapStart() || r.heapTop > have) return fail(m, cap, CHECK_ROOT, "heapTop ", hx(r.heapTop), " outside the heap ", hx(heapStart()), " .. ", hx(have));
  if (r.inUse > r.heapTop - heapStart() || (r.inUse & 15)) return fail(m, cap, CHECK_ROOT, "bytes in use ", r.inUse, " do not fit the heap of ", r.heapTop - heapStart());
  const me = currentThread ? changetype<Thread>(currentThread).tid : 0;
  if ((<u32>atomic.load<i32>(rootAddr()) & ~<u32>1) != (me | 2)) return fail(m, cap, CHECK_ROOT, "the lock word ", hx(<u32>atomic.load<i32>(rootAddr())), " does not name the checker as its holder");
  if (!inHeap(r.nameBuckets, 4 << 16, 16)) return fail(m, cap, CHECK_ROOT, "name hash table ", hx(r.nameBuckets), " is not in the heap");
  if (!isType(r.rootDir, TYPE_DIRECTORY)) return fail(m, cap, CHECK_ROOT, "root directory ", hx(r.rootDir), " is not a directory");
  if (!isType(r.sessionDir, TYPE_DIRECTORY)) return fail(m, cap, CHECK_ROOT, "session directory ", hx(r.sessionDir), " is not a directory");
  if (!isType(r.systemThread, TYPE_THREAD)) return fail(m, cap, CHECK_ROOT, "system thread ", hx(r.systemThread), " is not a thread");
  if (r.keyedWaits && !inHeap(r.keyedWaits, 4 << 10, 16)) return fail(m, cap, CHECK_ROOT, "keyed-wait hash ", hx(r.keyedWaits), " is not in the heap");
  if (r.spinners < 0 || r.spinners > max(r.cpus, 1)) return fail(m, cap, CHECK_ROOT, "", r.spinners, " threads counted as spinning with ", r.cpus, " CPUs");
  const sys = changetype<Thread>(r.systemThread);
  if (sys.pendingCount > MAX_PENDING) return fail(m, cap, CHECK_ROOT, "the system thread has ", sys.pendingCount, " deferred wakes");
  return 0;
}

/** Each size class's free list: blocks of that class inside the heap, aligned, no cycle; with the bytes in use they fit the heap. */
function checkFreeLists(m: usize, cap: u32): u32 {
  const r = root();
  let free: u64 = 0;
  const span = r.heapTop - heapStart();
  for (let c: i32 = 0; c < SIZE_CLASSES; c++) {
    const bytes = (<usize>1) << (c + 4);
    const align: usize = bytes < 64 ? bytes : 64;
    const limit = span / bytes;
    let n: usize = 0;
    for (let p = load<usize>(freeLists() + (<usize>c << 2)); p; p = load<usize>(p)) {
      if (!inHeap(p, bytes, align)) return fail(m, cap, CHECK_ALLOC, "free block ", hx(p), " of class ", bytes, " is outside the heap or misaligned");
      if (++n > limit) return fail(m, cap, CHECK_ALLOC, "the free list of class ", bytes, " has a cycle");
      free += bytes;
    }
  }
  if (free + <u64>r.inUse > <u64>span) return fail(m, cap, CHECK_ALLOC, "", <i64>free, " free bytes and ", r.inUse, " in use exceed the heap of ", span);
  return 0;
}

function checkProcessList(m: usize, cap: u32): u32 {
  const r = root();
  const limit = walkLimit();
  let n: u32 = 0;
  let prev: usize = 0;
  for (let p = r.processList; p; p = changetype<Process>(p).allNext) {
    if (!isType(p, TYPE_PROCESS)) return fail(m, cap, CHECK_PROCESS, "process list: ", hx(p), " after ", hx(prev), " is not a process");
    if (changetype<Process>(p).allPrev != prev) return fail(m, cap, CHECK_PROCESS, "process list: process ", changetype<Process>(p).pid, " links back to ", hx(changetype<Process>(p).allPrev), " instead of ", hx(prev));
    if (<usize>++n > limit) return fail(m, cap, CHECK_PROCESS, "process list: a cycle");
    prev = p;
  }
  if (n != r.liveProcesses) return fail(m, cap, CHECK_PROCESS, "process list: ", n, " processes listed, ", r.liveProcesses, " counted live");
  for (let p = r.processList; p; p = changetype<Process>(p).allNext) changetype<Process>(p).flags |= MARK_PROC;
  return 0;
}

function checkThreadList(m: usize, cap: u32): u32 {
  const r = root();
  const limit = walkLimit();
  let n: u32 = 0;
  let prev: usize = 0;
  for (let t = r.threadList; t; t = changetype<Thread>(t).allNext) {
    if (!isType(t, TYPE_THREAD)) return fail(m, cap, CHECK_THREAD, "thread list: ", hx(t), " after ", hx(prev), " is not a thread");
    if (changetype<Thread>(t).allPrev != prev) return fail(m, cap, CHECK_THREAD, "thread list: thread ", changetype<Thread>(t).tid, " links back to ", hx(changetype<Thread>(t).allPrev), " instead of ", hx(prev));
    if (<usize>++n > limit) return fail(m, cap, CHECK_THREAD, "thread list: a cycle");
    prev = t;
  }
  // The system thread (the host's control instance) is the one live thread record without an id.
  if (n + 1 != r.liveThreads) return fail(m, cap, CHECK_THREAD, "thread list: ", n, " threads listed, ", r.liveThreads, " counted live (with the system thread)");
  // Threads promised a host worker (nt/workerpool.ts): those that have not ended, as the pool counts them.
  let pooled: i64 = 0;
  for (let t = r.threadList; t; t = changetype<Thread>(t).allNext) {
    const th = changetype<Thread>(t);
    if (th.pooled && th.state == THREAD_EXITED) return fail(m, cap, CHECK_THREAD, "thread ", th.tid, " has ended but still counts in the worker pool");
    if (th.pooled) pooled++;
  }
  const live = poolLive();
  if (live >= 0 && pooled != live) return fail(m, cap, CHECK_THREAD, "", pooled, " threads promised a worker, the pool counts ", live);
  for (let t = r.threadList; t; t = changetype<Thread>(t).allNext) changetype<Thread>(t).flags |= MARK_THREAD;
  // Recycled records: threads, unreferenced, on no list of live threads.
  n = 0;
  for (let t = r.threadFree; t; t = changetype<Thread>(t).freeNext) {
    if (!isType(t, TYPE_THREAD)) return fail(m, cap, CHECK_THREAD, "free thread records: ", hx(t), " is not a thread record");
    const th = changetype<Thread>(t);
    if (th.flags & MARK_THREAD) return fail(m, cap, CHECK_THREAD, "free thread records: thread ", th.tid, " is also on the list of live threads");
    if (th.refs) return fail(m, cap, CHECK_THREAD, "free thread records: thread ", th.tid, " still has ", th.refs, " references");
    if (<usize>++n > limit) return fail(m, cap, CHECK_THREAD, "free thread records: a cycle");
  }
  return 0;
}

/** The timer queue: timers, doubly linked, armed, earliest first, alive. Marks them MARK_TIMERQ. */
function checkTimerQueue(m: usize, cap: u32): u32 {
  const r = root();
  const limit = walkLimit();
  let n: usize = 0;
  let prev: usize = 0;
  let due: f64 = -Infinity;
  for (let p = r.timerHead; p; p = changetype<Timer>(p).qNext) {
    if (!isType(p, TYPE_TIMER)) return fail(m, cap, CHECK_TIMER, "timer queue: ", hx(p), " after ", hx(prev), " is not a timer");
    const t = changetype<Timer>(p);
    if (t.qPrev != prev) return fail(m, cap, CHECK_TIMER, "timer queue: timer ", hx(p), " links back to ", hx(t.qPrev), " instead of ", hx(prev));
    if (t.armed != 1) return fail(m, cap, CHECK_TIMER, "timer queue: timer ", hx(p), " is queued but armed is ", t.armed);
    if (!(t.due >= due)) return fail(m, cap, CHECK_TIMER, "timer queue: timer ", hx(p), " is due before the timer queued ahead of it");
    if (t.refs == 0) return fail(m, cap, CHECK_TIMER, "timer queue: timer ", hx(p), " has no references (freed while armed)");
    if (t.apcThread && !isType(t.apcThread, TYPE_THREAD)) return fail(m, cap, CHECK_TIMER, "timer queue: timer ", hx(p), " has APC thread ", hx(t.apcThread), ", not a thread");
    if (++n > limit) return fail(m, cap, CHECK_TIMER, "timer queue: a cycle");
    due = t.due;
    prev = p;
  }
  for (let p = r.timerHead; p; p = changetype<Timer>(p).qNext) changetype<Timer>(p).flags |= MARK_TIMERQ;
  return 0;
}

/** `e` is the address of entry `e.index` of a thread's wait block, and that thread's wait is pending with it. */
function entryValid(e: usize): bool {
  if (!inHeap(e, WAIT_ENTRY_SIZE, 4)) return false;
  const w = changetype<WaitEntry>(e);
  if (!isType(w.thread, TYPE_THREAD) || w.index >= MAXIMUM_WAIT_OBJECTS) return false;
  return changetype<usize>(waitEntryOf(w.thread, w.index)) == e;
}

/** The FIFO wait queue of `o`: entries linked both ways, each in a pending wait of a live thread, on `o`. */
function checkQueue(m: usize, cap: u32, o: ObjectHeader): u32 {
  const limit = walkLimit();
  let n: usize = 0;
  let prev: usize = 0;
  const a = changetype<usize>(o);
  for (let e = o.waitHead; e; e = changetype<WaitEntry>(e).next) {
    if (!entryValid(e)) return fail(m, cap, CHECK_WAIT, typeName(o.type), hx(a), ": wait queue entry ", hx(e), " is not in a thread's wait block");
    const w = changetype<WaitEntry>(e);
    const t = changetype<Thread>(w.thread);
    if (w.prev != prev) return fail(m, cap, CHECK_WAIT, typeName(o.type), hx(a), ": wait entry of thread ", t.tid, " links back to ", hx(w.prev), " instead of the entry ahead of it");
    if (w.object != a) return fail(m, cap, CHECK_WAIT, typeName(o.type), hx(a), ": its queue holds an entry of thread ", t.tid, " for object ", hx(w.object));
    if (!(t.flags & MARK_THREAD)) return fail(m, cap, CHECK_WAIT, typeName(o.type), hx(a), ": a queued wait of thread record ", hx(w.thread), ", which is not live");
    if (t.waitStatus != WAIT_PENDING || w.index >= t.waitCount) return fail(m, cap, CHECK_WAIT, typeName(o.type), hx(a), ": entry ", w.index, " of thread ", t.tid, " is queued but its wait is not pending with it");
    if (++n > limit) return fail(m, cap, CHECK_WAIT, typeName(o.type), hx(a), ": its wait queue has a cycle");
    prev = e;
  }
  if (o.waitTail != prev) return fail(m, cap, CHECK_WAIT, typeName(o.type), hx(a), ": wait queue tail ", hx(o.waitTail), " is not its last entry ", hx(prev));
  return 0;
}

/** `n` is in the hash bucket its hash selects. */
function inBucket(n: usize): bool {
  const e = changetype<NameEntry>(n);
  const limit = walkLimit();
  let k: usize = 0;
  for (let p = load<usize>(root().nameBuckets + (<usize>(e.hash >> 16) << 2)); p; p = changetype<NameEntry>(p).hashNext) {
    if (p == n) return true;
    if (!inHeap(p, offsetof<NameEntry>(), 4) || ++k > limit) return false;
  }
  return false;
}

function checkMutex(m: usize, cap: u32, mu: Mutex): u32 {
  const a = changetype<usize>(mu);
  if ((mu.count == 0) != (mu.owner == 0)) return fail(m, cap, CHECK_MUTEX, "Mutant ", hx(a), ": recursion count ", mu.count, " with owner ", hx(mu.owner));
  if (mu.abandoned > 1) return fail(m, cap, CHECK_MUTEX, "Mutant ", hx(a), ": abandoned is ", mu.abandoned);
  if (!mu.owner) {
    if (mu.ownerNext | mu.ownerPrev) return fail(m, cap, CHECK_MUTEX, "Mutant ", hx(a), ": unowned but linked in an owner's list");
    return 0;
  }
  if (!isType(mu.owner, TYPE_THREAD) || !(changetype<Thread>(mu.owner).flags & MARK_THREAD)) return fail(m, cap, CHECK_MUTEX, "Mutant ", hx(a), ": owner ", hx(mu.owner), " is not a live thread");
  const t = changetype<Thread>(mu.owner);
  if (t.state == THREAD_EXITED) return fail(m, cap, CHECK_MUTEX, "Mutant ", hx(a), ": owned by thread ", t.tid, ", which has exited (not abandoned)");
  if (mu.ownerPrev ? (!isType(mu.ownerPrev, TYPE_MUTANT) || changetype<Mutex>(mu.ownerPrev).ownerNext != a) : t.owned != a) {
    return fail(m, cap, CHECK_MUTEX, "Mutant ", hx(a), ": not linked in the owned list of its owner, thread ", t.tid);
  }
  if (mu.ownerNext && (!isType(mu.ownerNext, TYPE_MUTANT) || changetype<Mutex>(mu.ownerNext).ownerPrev != a)) {
    return fail(m, cap, CHECK_MUTEX, "Mutant ", hx(a), ": the next mutex of thread ", t.tid, " does not link back to it");
  }
  return 0;
}

function checkPipeEnd(m: usize, cap: u32, e: PipeEnd): u32 {
  const a = changetype<usize>(e);
  const limit = walkLimit();
  let bytes: u64 = 0;
  let last: usize = 0;
  let n: usize = 0;
  for (let p = e.qHead; p; p = changetype<PipeRecord>(p).next) {
    if (!inHeap(p, offsetof<PipeRecord>(), 16)) return fail(m, cap, CHECK_PIPE, "pipe end ", hx(a), ": queue record ", hx(p), " is not in the heap");
    const r = changetype<PipeRecord>(p);
    if (!inHeap(p, offsetof<PipeRecord>() + <usize>r.len, 16) || r.off > r.len) return fail(m, cap, CHECK_PIPE, "pipe end ", hx(a), ": queue record ", hx(p), " of ", r.len, " bytes, ", r.off, " read, does not fit");
    if (p != e.qHead && r.off) return fail(m, cap, CHECK_PIPE, "pipe end ", hx(a), ": a record behind the first was read from");
    if (++n > limit) return fail(m, cap, CHECK_PIPE, "pipe end ", hx(a), ": its data queue has a cycle");
    bytes += r.len - r.off;
    last = p;
  }
  if (e.qTail != last) return fail(m, cap, CHECK_PIPE, "pipe end ", hx(a), ": queue tail ", hx(e.qTail), " is not its last record ", hx(last));
  if (bytes != <u64>e.qBytes) return fail(m, cap, CHECK_PIPE, "pipe end ", hx(a), ": ", e.qBytes, " bytes counted, ", <i64>bytes, " queued");
  if (e.peer) {
    if (!isType(e.peer, TYPE_FILE) || changetype<PipeEnd>(e.peer).kind != FILE_KIND_PIPE) return fail(m, cap, CHECK_PIPE, "pipe end ", hx(a), ": peer ", hx(e.peer), " is not a pipe end");
    if (changetype<PipeEnd>(e.peer).peer != a) return fail(m, cap, CHECK_PIPE, "pipe end ", hx(a), ": its peer ", hx(e.peer), " has another peer ", hx(changetype<PipeEnd>(e.peer).peer));
  }
  if (e.pipe && !isType(e.pipe, TYPE_NAMEDPIPE)) return fail(m, cap, CHECK_PIPE, "pipe end ", hx(a), ": its name ", hx(e.pipe), " is not a NamedPipe");
  if (e.listed && !e.pipe) return fail(m, cap, CHECK_PIPE, "pipe end ", hx(a), ": listed as an instance of no name");
  return 0;
}

function checkNamedPipe(m: usize, cap: u32, np: NamedPipe): u32 {
  const a = changetype<usize>(np);
  const limit = walkLimit();
  let n: u32 = 0;
  let prev: usize = 0;
  for (let p = np.first; p; p = changetype<PipeEnd>(p).instNext) {
    if (!isType(p, TYPE_FILE) || changetype<PipeEnd>(p).kind != FILE_KIND_PIPE) return fail(m, cap, CHECK_PIPE, "NamedPipe ", hx(a), ": instance ", hx(p), " is not a pipe end");
    const e = changetype<PipeEnd>(p);
    if (e.instPrev != prev || e.pipe != a || !e.listed) return fail(m, cap, CHECK_PIPE, "NamedPipe ", hx(a), ": instance ", hx(p), " is linked wrongly");
    if (<usize>++n > limit) return fail(m, cap, CHECK_PIPE, "NamedPipe ", hx(a), ": its instance list has a cycle");
    prev = p;
  }
  if (np.last != prev) return fail(m, cap, CHECK_PIPE, "NamedPipe ", hx(a), ": last instance ", hx(np.last), " is not the end of its list");
  if (n != np.instances) return fail(m, cap, CHECK_PIPE, "NamedPipe ", hx(a), ": ", n, " instances listed, ", np.instances, " counted");
  return 0;
}

function checkDirectory(m: usize, cap: u32, d: Directory): u32 {
  const a = changetype<usize>(d);
  const limit = walkLimit();
  let n: u32 = 0;
  let prev: usize = 0;
  for (let p = d.first; p; p = changetype<NameEntry>(p).sibNext) {
    if (!inHeap(p, offsetof<NameEntry>(), 16)) return fail(m, cap, CHECK_NAME, "Directory ", hx(a), ": entry ", hx(p), " is not in the heap");
    const e = changetype<NameEntry>(p);
    if (e.dir != a) return fail(m, cap, CHECK_NAME, "Directory ", hx(a), ": lists entry ", hx(p), " of directory ", hx(e.dir));
    if (e.sibPrev != prev) return fail(m, cap, CHECK_NAME, "Directory ", hx(a), ": entry ", hx(p), " links back to ", hx(e.sibPrev), " instead of ", hx(prev));
    if (<usize>++n > limit) return fail(m, cap, CHECK_NAME, "Directory ", hx(a), ": its entry list has a cycle");
    prev = p;
  }
  if (n != d.count) return fail(m, cap, CHECK_NAME, "Directory ", hx(a), ": ", n, " entries listed, ", d.count, " counted");
  return 0;
}

/** What holds for any object reachable from a live structure. */
function checkObject(m: usize, cap: u32, o: ObjectHeader): u32 {
  const a = changetype<usize>(o);
  if (o.refs == 0) return fail(m, cap, CHECK_OBJECT, typeName(o.type), hx(a), ": reachable with no references (freed or about to be)");
  if (o.refs < o.handles) return fail(m, cap, CHECK_COUNT, typeName(o.type), hx(a), ": refs ", o.refs, " < handles ", o.handles);
  if (o.flags & OBJ_WAITMARK) return fail(m, cap, CHECK_OBJECT, typeName(o.type), hx(a), ": the wait-all duplicate mark is left set");
  if (o.charge && !inHeap(o.charge, offsetof<Charge>(), 16)) return fail(m, cap, CHECK_OBJECT, typeName(o.type), hx(a), ": its charge ", hx(o.charge), " is not in the heap");
  if (o.name) {
    if (!inHeap(o.name, offsetof<NameEntry>(), 16) || changetype<NameEntry>(o.name).object != a) return fail(m, cap, CHECK_NAME, typeName(o.type), hx(a), ": name entry ", hx(o.name), " does not name it");
    if (!inBucket(o.name)) return fail(m, cap, CHECK_NAME, typeName(o.type), hx(a), ": its name entry ", hx(o.name), " is not in the hash table");
    // A name goes when the last handle closes (ob/object.ts obLastHandleClosed), unless permanent; pipe names and services are held otherwise.
    const t = o.type;
    if (!o.handles && !(o.flags & OBJ_PERMANENT) && (t == TYPE_EVENT || t == TYPE_MUTANT || t == TYPE_SEMAPHORE || t == TYPE_TIMER)) {
      return fail(m, cap, CHECK_NAME, typeName(o.type), hx(a), ": still named with no handle open");
    }
  }
  const c = checkQueue(m, cap, o);
  if (c) return c;
  switch (o.type) {
    case TYPE_MUTANT: return checkMutex(m, cap, changetype<Mutex>(o));
    case TYPE_SEMAPHORE: {
      const s = changetype<Semaphore>(o);
      if (s.count > s.max || s.max == 0 || s.max > 0x7fffffff) return fail(m, cap, CHECK_OBJECT, "Semaphore ", hx(a), ": count ", s.count, " with maximum ", s.max);
      return 0;
    }
    case TYPE_EVENT: {
      const e = changetype<Event>(o);
      if (e.manual > 1 || e.signaled > 1) return fail(m, cap, CHECK_OBJECT, "Event ", hx(a), ": manual ", e.manual, ", signaled ", e.signaled);
      return 0;
    }
    case TYPE_TIMER: {
      const t = changetype<Timer>(o);
      if ((t.armed != 0) != ((t.flags & MARK_TIMERQ) != 0)) return fail(m, cap, CHECK_TIMER, "Timer ", hx(a), ": armed is ", t.armed, " but it is", NONE, (t.flags & MARK_TIMERQ) ? " queued" : " not queued");
      if (t.apcThread && !t.armed) return fail(m, cap, CHECK_TIMER, "Timer ", hx(a), ": holds a completion-routine thread while not armed");
      if (t.signaled > 1 || t.manual > 1) return fail(m, cap, CHECK_TIMER, "Timer ", hx(a), ": manual ", t.manual, ", signaled ", t.signaled);
      return 0;
    }
    case TYPE_PROCESS:
      if (!(o.flags & MARK_PROC)) return fail(m, cap, CHECK_PROCESS, "Process ", hx(a), " (pid ", changetype<Process>(o).pid, ") is referred to but not on the process list");
      return 0;
    case TYPE_THREAD:
      if (!(o.flags & MARK_THREAD)) return fail(m, cap, CHECK_THREAD, "Thread ", hx(a), " (tid ", changetype<Thread>(o).tid, ") is referred to but not on the thread list");
      return 0;
    case TYPE_FILE:
      if (changetype<PipeEnd>(o).kind == FILE_KIND_PIPE) return checkPipeEnd(m, cap, changetype<PipeEnd>(o));
      return 0;
    case TYPE_NAMEDPIPE: return checkNamedPipe(m, cap, changetype<NamedPipe>(o));
    case TYPE_DIRECTORY: return checkDirectory(m, cap, changetype<Directory>(o));
    default: return 0;
  }
}

/** One process: its handle table (entries, free list, count), its threads, its I/O requests. */
function checkProcess(m: usize, cap: u32, p: Process): u32 {
  const pid = p.pid;
  if (p.top > p.cap) return fail(m, cap, CHECK_HANDLE, "process ", pid, ": handle table top ", p.top, " > capacity ", p.cap);
  if (p.cap && !inHeap(p.table, <usize>p.cap * HANDLE_ENTRY_SIZE, 16)) return fail(m, cap, CHECK_HANDLE, "process ", pid, ": handle table ", hx(p.table), " of ", p.cap, " entries is not in the heap");
  let live: u32 = 0;
  for (let i: u32 = 0; i < p.top; i++) {
    const e = entryAt(p, i);
    const o = load<usize>(e);
    if (!o) continue;
    live++;
    const h = (i + 1) << 2;
    if (!isObj(o)) return fail(m, cap, CHECK_HANDLE, "process ", pid, ": handle ", hx(h), " refers to ", hx(o), ", not an object");
    const flags = load<u32>(e, 8);
    if (flags & ~(HANDLE_FLAG_INHERIT | HANDLE_FLAG_PROTECT_FROM_CLOSE)) return fail(m, cap, CHECK_HANDLE, "process ", pid, ": handle ", hx(h), " has flags ", hx(flags));
    const ob = changetype<ObjectHeader>(o);
    if (ob.handles == 0) return fail(m, cap, CHECK_COUNT, "process ", pid, ": handle ", hx(h), " refers to object ", hx(o), " of type ", ob.type, ", which counts no handles");
    const c = checkObject(m, cap, ob);
    if (c) return c;
  }
  if (live != p.count) return fail(m, cap, CHECK_HANDLE, "process ", pid, ": ", live, " handles in the table, ", p.count, " counted");
  let n: u32 = 0;
  for (let f = p.freeHead; f; ) {
    if (f > p.top) return fail(m, cap, CHECK_HANDLE, "process ", pid, ": free handle list reaches index ", f - 1, " past the top ", p.top);
    const e = entryAt(p, f - 1);
    if (load<usize>(e)) return fail(m, cap, CHECK_HANDLE, "process ", pid, ": handle ", hx(f << 2), " is on the free list but in use");
    if (++n > p.top) return fail(m, cap, CHECK_HANDLE, "process ", pid, ": the free handle list has a cycle");
    f = load<u32>(e, 4);
  }
  if (n != p.top - p.count) return fail(m, cap, CHECK_HANDLE, "process ", pid, ": ", n, " handles on the free list, ", p.top - p.count, " free entries");
  // Its live threads: a list linked both ways, each of this process, alive, counted (and those that run guest code).
  const limit = walkLimit();
  n = 0;
  let guest: u32 = 0;
  let prev: usize = 0;
  for (let t = p.threadHead; t; t = changetype<Thread>(t).procNext) {
    if (!isType(t, TYPE_THREAD) || !(changetype<Thread>(t).flags & MARK_THREAD)) return fail(m, cap, CHECK_PROCESS, "process ", pid, ": its thread list holds ", hx(t), ", not a live thread");
    const th = changetype<Thread>(t);
    if (th.procPrev != prev || th.process != changetype<usize>(p)) return fail(m, cap, CHECK_PROCESS, "process ", pid, ": thread ", th.tid, " is linked wrongly in its thread list");
    if (th.state == THREAD_EXITED) return fail(m, cap, CHECK_PROCESS, "process ", pid, ": thread ", th.tid, " has exited but is still listed");
    if (<usize>++n > limit) return fail(m, cap, CHECK_PROCESS, "process ", pid, ": its thread list has a cycle");
    if (!th.system) guest++;
    prev = t;
  }
  if (n != p.threadCount) return fail(m, cap, CHECK_PROCESS, "process ", pid, ": ", n, " threads listed, ", p.threadCount, " counted");
  if (guest != p.guestThreads) return fail(m, cap, CHECK_PROCESS, "process ", pid, ": ", guest, " threads run guest code, ", p.guestThreads, " counted");
  if (p.charge && !inHeap(p.charge, offsetof<Charge>(), 16)) return fail(m, cap, CHECK_PROCESS, "process ", pid, ": its object charge ", hx(p.charge), " is not in the heap");
  if (p.state == PROCESS_EXITED && p.count) return fail(m, cap, CHECK_PROCESS, "process ", pid, ": ended with ", p.count, " handles still open");
  if (p.state != PROCESS_EXITED && !p.threadCount) return fail(m, cap, CHECK_PROCESS, "process ", pid, ": alive with no thread");
  n = 0;
  for (let s = p.stackFree; s; s = load<usize>(s)) {
    if (!inHeap(s, STACK_RECORD_SIZE, 16)) return fail(m, cap, CHECK_PROCESS, "process ", pid, ": free stack record ", hx(s), " is not in the heap");
    if (<usize>++n > limit) return fail(m, cap, CHECK_PROCESS, "process ", pid, ": its free stack list has a cycle");
  }
  // Overlapped I/O requests not finished: linked both ways, each holding a file (and maybe an event and a thread).
  prev = 0;
  n = 0;
  for (let q = p.ioHead; q; q = changetype<IoRequest>(q).next) {
    if (!inHeap(q, offsetof<IoRequest>(), 16)) return fail(m, cap, CHECK_PROCESS, "process ", pid, ": I/O request ", hx(q), " is not in the heap");
    const r = changetype<IoRequest>(q);
    if (r.prev != prev) return fail(m, cap, CHECK_PROCESS, "process ", pid, ": I/O request ", hx(q), " links back wrongly");
    if (!isType(r.file, TYPE_FILE)) return fail(m, cap, CHECK_PROCESS, "process ", pid, ": I/O request ", hx(q), " works on ", hx(r.file), ", not a file");
    if (r.event && !isType(r.event, TYPE_EVENT)) return fail(m, cap, CHECK_PROCESS, "process ", pid, ": I/O request ", hx(q), " sets ", hx(r.event), ", not an event");
    if (r.issuerThread && !isType(r.issuerThread, TYPE_THREAD)) return fail(m, cap, CHECK_PROCESS, "process ", pid, ": I/O request ", hx(q), " completes to ", hx(r.issuerThread), ", not a thread");
    if (<usize>++n > limit) return fail(m, cap, CHECK_PROCESS, "process ", pid, ": its I/O request list has a cycle");
    prev = q;
  }
  if (p.ioTail != prev) return fail(m, cap, CHECK_PROCESS, "process ", pid, ": I/O request tail ", hx(p.ioTail), " is not its last request");
  if (p.ioReady && !isType(p.ioReady, TYPE_EVENT)) return fail(m, cap, CHECK_PROCESS, "process ", pid, ": I/O workers' event ", hx(p.ioReady), " is not an event");
  return 0;
}

/** Object types whose signaled state the wait engine alone consumes: a pending wait must not be satisfiable now. */
function plainWaitable(type: u32): bool {
  return type == TYPE_EVENT || type == TYPE_MUTANT || type == TYPE_SEMAPHORE || type == TYPE_TIMER || type == TYPE_THREAD || type == TYPE_PROCESS;
}

/** One live thread: its process, its wait block (each entry queued on its object), its owned mutexes. */
function checkThread(m: usize, cap: u32, t: Thread): u32 {
  const tid = t.tid;
  const alive = t.state != THREAD_EXITED;
  if (t.state > THREAD_EXITED) return fail(m, cap, CHECK_THREAD, "thread ", tid, ": state ", t.state);
  if (alive && (!isType(t.process, TYPE_PROCESS) || !(changetype<Process>(t.process).flags & MARK_PROC))) return fail(m, cap, CHECK_THREAD, "thread ", tid, ": its process ", hx(t.process), " is not a live process");
  if (t.waitCount > MAXIMUM_WAIT_OBJECTS) return fail(m, cap, CHECK_WAIT, "thread ", tid, ": wait block of ", t.waitCount, " entries");
  if (t.waitCount && t.waitStatus != WAIT_PENDING) return fail(m, cap, CHECK_WAIT, "thread ", tid, ": ", t.waitCount, " wait entries left in a wait that ended with ", hx(t.waitStatus));
  if (t.waitStatus == WAIT_PENDING) {
    if (!alive) return fail(m, cap, CHECK_WAIT, "thread ", tid, ": has exited with its wait pending");
    let satisfiable = t.waitCount != 0 && t.waitAll != 0;
    for (let i: u32 = 0; i < t.waitCount; i++) {
      const w = waitEntryOf(changetype<usize>(t), i);
      const e = changetype<usize>(w);
      if (w.thread != changetype<usize>(t) || w.index != i) return fail(m, cap, CHECK_WAIT, "thread ", tid, ": wait entry ", i, " names thread ", hx(w.thread), " index ", w.index);
      if (!isObj(w.object)) return fail(m, cap, CHECK_WAIT, "thread ", tid, ": wait entry ", i, " is for ", hx(w.object), ", not an object");
      const o = changetype<ObjectHeader>(w.object);
      if (w.prev ? (!entryValid(w.prev) || changetype<WaitEntry>(w.prev).next != e) : o.waitHead != e) return fail(m, cap, CHECK_WAIT, "thread ", tid, ": wait entry ", i, " for object ", hx(w.object), " is not linked from the entry ahead of it");
      if (w.next ? (!entryValid(w.next) || changetype<WaitEntry>(w.next).prev != e) : o.waitTail != e) return fail(m, cap, CHECK_WAIT, "thread ", tid, ": wait entry ", i, " for object ", hx(w.object), " is not linked from the entry behind it");
      const c = checkObject(m, cap, o);
      if (c) return c;
      // No lost wake-up: a queued wait-any has no object that would satisfy it now; a wait-all not all of them.
      const can = plainWaitable(o.type) && signaled(o, t);
      if (!t.waitAll && can && !t.iocpRemoving) return fail(m, cap, CHECK_WAIT, "thread ", tid, ": waits for object ", hx(w.object), " of type ", o.type, ", which is signaled (a lost wake-up)");
      if (!can) satisfiable = false;
    }
    if (satisfiable) return fail(m, cap, CHECK_WAIT, "thread ", tid, ": waits for all of ", t.waitCount, " objects, which are all signaled (a lost wake-up)");
    if (t.alertable && (t.apcHead || t.alerted)) return fail(m, cap, CHECK_WAIT, "thread ", tid, ": an alertable wait is pending with an APC or alert queued");
  }
  if (t.pendingCount > MAX_PENDING) return fail(m, cap, CHECK_THREAD, "thread ", tid, ": ", t.pendingCount, " deferred wakes");
  const limit = walkLimit();
  let n: usize = 0;
  let prev: usize = 0;
  for (let x = t.owned; x; x = changetype<Mutex>(x).ownerNext) {
    if (!isType(x, TYPE_MUTANT)) return fail(m, cap, CHECK_MUTEX, "thread ", tid, ": owns ", hx(x), ", not a mutex");
    const mu = changetype<Mutex>(x);
    if (mu.owner != changetype<usize>(t) || mu.ownerPrev != prev || mu.count == 0) return fail(m, cap, CHECK_MUTEX, "thread ", tid, ": owned Mutant ", hx(x), " has owner ", hx(mu.owner), " and count ", mu.count);
    if (!alive) return fail(m, cap, CHECK_MUTEX, "thread ", tid, ": has exited and still owns Mutant ", hx(x));
    if (++n > limit) return fail(m, cap, CHECK_MUTEX, "thread ", tid, ": its owned-mutex list has a cycle");
    prev = x;
  }
  return 0;
}

/** The namespace: every hash chain (entries in the right bucket, hash right, naming live objects in directories). */
function checkNames(m: usize, cap: u32): u32 {
  const r = root();
  const limit = walkLimit();
  let total: usize = 0;
  for (let b: u32 = 0; b < (1 << 16); b++) {
    for (let p = load<usize>(r.nameBuckets + (<usize>b << 2)); p; p = changetype<NameEntry>(p).hashNext) {
      if (!inHeap(p, offsetof<NameEntry>(), 16)) return fail(m, cap, CHECK_NAME, "names: entry ", hx(p), " in bucket ", b, " is not in the heap");
      const e = changetype<NameEntry>(p);
      if (!inHeap(p, offsetof<NameEntry>() + (<usize>e.len << 1), 16)) return fail(m, cap, CHECK_NAME, "names: entry ", hx(p), " of ", e.len, " characters does not fit the heap");
      if ((e.hash >> 16) != b) return fail(m, cap, CHECK_NAME, "names: entry ", hx(p), " with hash ", hx(e.hash), " is in bucket ", b);
      let h: u32 = 2166136261 ^ <u32>e.dir;
      const chars = nameChars(e);
      for (let i: u32 = 0; i < e.len; i++) h = (h ^ <u32>load<u16>(chars + (<usize>i << 1))) * 16777619;
      if (h != e.hash) return fail(m, cap, CHECK_NAME, "names: entry ", hx(p), " has hash ", hx(e.hash), ", its name and directory hash to ", hx(h));
      if (!isType(e.dir, TYPE_DIRECTORY)) return fail(m, cap, CHECK_NAME, "names: entry ", hx(p), " is in ", hx(e.dir), ", not a directory");
      if (!isObj(e.object) || changetype<ObjectHeader>(e.object).name != p) return fail(m, cap, CHECK_NAME, "names: entry ", hx(p), " names ", hx(e.object), ", which does not have it as its name");
      if (e.sibPrev ? (!inHeap(e.sibPrev, offsetof<NameEntry>(), 16) || changetype<NameEntry>(e.sibPrev).sibNext != p) : changetype<Directory>(e.dir).first != p) {
        return fail(m, cap, CHECK_NAME, "names: entry ", hx(p), " is not linked in its directory's list");
      }
      if (++total > limit) return fail(m, cap, CHECK_NAME, "names: a hash chain has a cycle");
      const c = checkObject(m, cap, changetype<ObjectHeader>(e.object));
      if (c) return c;
    }
  }
  return checkObject(m, cap, changetype<ObjectHeader>(r.rootDir)); // every other directory is named, or reached through a handle
}

/** The (process, address) hash of keyed waits: each one live, with a queued wait (it goes with its last). */
function checkKeyed(m: usize, cap: u32): u32 {
  const r = root();
  if (!r.keyedWaits) return 0;
  const limit = walkLimit();
  let n: usize = 0;
  for (let b: u32 = 0; b < (1 << 10); b++) {
    for (let p = load<usize>(r.keyedWaits + (<usize>b << 2)); p; p = changetype<KeyedWait>(p).hashNext) {
      if (!isType(p, TYPE_KEYEDWAIT)) return fail(m, cap, CHECK_KEYED, "keyed waits: ", hx(p), " in bucket ", b, " is not a KeyedWait");
      const w = changetype<KeyedWait>(p);
      const h = ((<u32>w.process * 0x9e3779b1) ^ (w.address * 0x85ebca6b)) >> 22;
      if (h != b) return fail(m, cap, CHECK_KEYED, "keyed waits: KeyedWait ", hx(p), " is in bucket ", b, " instead of ", h);
      if (!w.waitHead) return fail(m, cap, CHECK_KEYED, "keyed waits: KeyedWait ", hx(p), " lives with no wait queued");
      if (++n > limit) return fail(m, cap, CHECK_KEYED, "keyed waits: a hash chain has a cycle");
      const c = checkObject(m, cap, w);
      if (c) return c;
    }
  }
  return 0;
}

/** True when a service or service request is in use anywhere: requests hold passed handles' objects. */
function servicesInUse(): bool {
  for (let q = root().processList; q; q = changetype<Process>(q).allNext) {
    const p = changetype<Process>(q);
    for (let i: u32 = 0; i < p.top; i++) {
      const o = load<usize>(entryAt(p, i));
      if (o) {
        const t = changetype<ObjectHeader>(o).type;
        if (t == TYPE_SERVICE || t == TYPE_SERVICEREQUEST) return true;
      }
    }
  }
  for (let t = root().threadList; t; t = changetype<Thread>(t).allNext) {
    const th = changetype<Thread>(t);
    if (th.svcCalls || th.svcAccepted || th.svcAccepting) return true;
  }
  return false;
}

// ---------- phase 2: counts ----------

/** Adds `delta` to `o`'s refs (field 0) or handles (1) or a directory's count (2); an underflow is returned as address | field + 1. */
// @ts-ignore: decorator
@inline function adjust(o: usize, field: u32, delta: i32): usize {
  const at = o + (field == 0 ? offsetof<ObjectHeader>("refs") : field == 1 ? offsetof<ObjectHeader>("handles") : offsetof<Directory>("count"));
  const v = load<u32>(at);
  store<u32>(at, v + <u32>delta);
  return delta < 0 && v == 0 ? o | (field + 1) : 0;
}

/** Subtracts (-1) or adds back (+1) every reference the kernel keeps in a known place; returns the first underflow. */
function account(delta: i32): usize {
  const r = root();
  let under: usize = 0;
  for (let q = r.processList; q; q = changetype<Process>(q).allNext) {
    const p = changetype<Process>(q);
    for (let i: u32 = 0; i < p.top; i++) {
      const o = load<usize>(entryAt(p, i));
      if (!o) continue;
      const u1 = adjust(o, 1, delta); if (!under) under = u1;
      const u0 = adjust(o, 0, delta); if (!under) under = u0;
    }
    for (let x = p.ioHead; x; x = changetype<IoRequest>(x).next) {
      const io = changetype<IoRequest>(x);
      const u0 = adjust(io.file, 0, delta); if (!under) under = u0;
      if (io.event) { const u1 = adjust(io.event, 0, delta); if (!under) under = u1; }
      if (io.issuerThread) { const u2 = adjust(io.issuerThread, 0, delta); if (!under) under = u2; }
    }
    if (p.ioReady) { const u = adjust(p.ioReady, 0, delta); if (!under) under = u; }
  }
  for (let x = r.threadList; x; x = changetype<Thread>(x).allNext) {
    const t = changetype<Thread>(x);
    if (t.state != THREAD_EXITED) {
      const u0 = adjust(x, 0, delta); if (!under) under = u0; // its hold on itself until it ends
      const u1 = adjust(t.process, 0, delta); if (!under) under = u1; // a thread keeps its process alive
    }
    if (t.waitStatus == WAIT_PENDING) {
      for (let i: u32 = 0; i < t.waitCount; i++) {
        const u = adjust(waitEntryOf(x, i).object, 0, delta); if (!under) under = u;
      }
    }
  }
  for (let x = r.timerHead; x; x = changetype<Timer>(x).qNext) {
    const th = changetype<Timer>(x).apcThread;
    if (th) { const u = adjust(th, 0, delta); if (!under) under = u; }
  }
  for (let b: u32 = 0; b < (1 << 16); b++) {
    for (let p = load<usize>(r.nameBuckets + (<usize>b << 2)); p; p = changetype<NameEntry>(p).hashNext) {
      const d = changetype<NameEntry>(p).dir;
      const u = adjust(d, 2, delta); if (!under) under = u;
      if (!(changetype<Directory>(d).flags & OBJ_PERMANENT)) { const u2 = adjust(d, 0, delta); if (!under) under = u2; }
    }
  }
  return under;
}

/** With every known reference subtracted: the remainders of one object. */
function checkRemainder(m: usize, cap: u32, o: ObjectHeader, exact: bool): u32 {
  const a = changetype<usize>(o);
  if (o.handles) return fail(m, cap, CHECK_COUNT, typeName(o.type), hx(a), ": counts ", o.handles, " more handles than the handle tables hold");
  if (o.type == TYPE_DIRECTORY && changetype<Directory>(o).count) return fail(m, cap, CHECK_NAME, "Directory ", hx(a), ": counts ", changetype<Directory>(o).count, " more names than the hash table holds");
  const t = o.type;
  const plain = t == TYPE_EVENT || t == TYPE_MUTANT || t == TYPE_SEMAPHORE || t == TYPE_TIMER;
  if (((plain && exact) || t == TYPE_KEYEDWAIT) && o.refs && !(o.flags & OBJ_PERMANENT)) {
    return fail(m, cap, CHECK_COUNT, typeName(o.type), hx(a), ": ", o.refs, " references more than its handles and queued waits (a leak)");
  }
  return 0;
}

function checkRemainders(m: usize, cap: u32, exact: bool): u32 {
  const r = root();
  for (let q = r.processList; q; q = changetype<Process>(q).allNext) {
    const p = changetype<Process>(q);
    for (let i: u32 = 0; i < p.top; i++) {
      const o = load<usize>(entryAt(p, i));
      if (o) { const c = checkRemainder(m, cap, changetype<ObjectHeader>(o), exact); if (c) return c; }
    }
    const c = checkRemainder(m, cap, p, exact);
    if (c) return c;
  }
  for (let x = r.threadList; x; x = changetype<Thread>(x).allNext) {
    const t = changetype<Thread>(x);
    const c = checkRemainder(m, cap, t, exact);
    if (c) return c;
    if (t.waitStatus == WAIT_PENDING) {
      for (let i: u32 = 0; i < t.waitCount; i++) {
        const c2 = checkRemainder(m, cap, changetype<ObjectHeader>(waitEntryOf(x, i).object), exact);
        if (c2) return c2;
      }
    }
  }
  for (let b: u32 = 0; b < (1 << 16); b++) {
    for (let p = load<usize>(r.nameBuckets + (<usize>b << 2)); p; p = changetype<NameEntry>(p).hashNext) {
      const c = checkRemainder(m, cap, changetype<ObjectHeader>(changetype<NameEntry>(p).object), exact);
      if (c) return c;
      const c2 = checkRemainder(m, cap, changetype<ObjectHeader>(changetype<NameEntry>(p).dir), exact);
      if (c2) return c2;
    }
  }
  return checkRemainder(m, cap, changetype<ObjectHeader>(r.rootDir), exact);
}

// ---------- the walk ----------

function clearMarks(): void {
  const r = root();
  const limit = walkLimit();
  let n: usize = 0;
  for (let p = r.processList; p && isObj(p) && n++ <= limit; p = changetype<Process>(p).allNext) changetype<Process>(p).flags &= ~CHECK_MARKS;
  n = 0;
  for (let t = r.threadList; t && isObj(t) && n++ <= limit; t = changetype<Thread>(t).allNext) changetype<Thread>(t).flags &= ~CHECK_MARKS;
  n = 0;
  for (let t = r.timerHead; t && isObj(t) && n++ <= limit; t = changetype<Timer>(t).qNext) changetype<Timer>(t).flags &= ~CHECK_MARKS;
}

function structure(m: usize, cap: u32): u32 {
  let c = checkRoot(m, cap); if (c) return c;
  c = checkFreeLists(m, cap); if (c) return c;
  c = checkProcessList(m, cap); if (c) return c;
  c = checkThreadList(m, cap); if (c) return c;
  c = checkTimerQueue(m, cap); if (c) return c;
  for (let p = root().processList; p; p = changetype<Process>(p).allNext) {
    c = checkProcess(m, cap, changetype<Process>(p)); if (c) return c;
  }
  for (let t = root().threadList; t; t = changetype<Thread>(t).allNext) {
    c = checkThread(m, cap, changetype<Thread>(t)); if (c) return c;
  }
  for (let t = root().timerHead; t; t = changetype<Timer>(t).qNext) {
    c = checkObject(m, cap, changetype<ObjectHeader>(t)); if (c) return c;
  }
  c = checkNames(m, cap); if (c) return c;
  return checkKeyed(m, cap);
}

/**
 * Checks the kernel's invariants (see the top of this file). Returns 0 when every rule holds, else the
 * violation's code (CHECK_*) with a NUL-terminated ASCII message of at most `cap` bytes at `out` (kernel memory).
 */
export function ntw_check(out: usize, cap: u32): u32 {
  if (cap < 2) return 0;
  memory.fill(out, 0, cap);
  enterHost();
  let c = structure(out, cap);
  clearMarks();
  if (!c) {
    const exact = !servicesInUse();
    const under = account(-1);
    c = under
      ? fail(out, cap, CHECK_COUNT, typeName(changetype<ObjectHeader>(under & ~<usize>15).type), hx(under & ~<usize>15),
        (under & 15) == 1 ? ": fewer references than its handles, queued waits and other holders"
          : (under & 15) == 2 ? ": fewer handles counted than the handle tables hold" : ": fewer names counted than its directory holds")
      : checkRemainders(out, cap, exact);
    account(1);
  }
  leaveHost();
  return c;
}
