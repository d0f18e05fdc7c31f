// The worker pool (issue 15): host workers that have kernel.wasm instantiated already and sleep in the
// kernel until a thread is handed to them. CreateThread gives the new kernel thread to one of them from
// inside the creating thread's kernel call (shared memory only: no new worker and no message to the
// host's main thread), and a worker whose thread has ended parks again for the next one.
//
// Each worker owns a slot: a small record whose first word is the futex word the worker sleeps on.
//
//   STARTING ──park──► IDLE ──dispatch──► ASSIGNED ──take──► RUNNING ──exit──► PARKING ──park──► IDLE
//                       │                     │                 │                           (or ASSIGNED)
//                       └─trim─► RETIRED      └─────kill────────┴──► KILLING (the host stops the worker)
//
// - exit: the worker's thread ends (threadExit) and the slot lets go of it at once, so its record is
//   recycled before the host hears of the end; the slot remembers that it owes the host the end report.
// - park: the worker has reported (or is new). A start waiting for a worker is taken at once;
//   otherwise the slot joins the FIFO of parked workers and the worker sleeps in the kernel.
// - dispatch: a thread start (a process's first thread, CreateThread, an I/O worker) goes to the FIFO's
//   first parked worker, or, when none is parked, waits in the pool's queue for the next one that parks.
//   The host's main thread watches the pool's demand word (Atomics.waitAsync) and starts workers when
//   fewer are parked or starting than the pool's target plus the starts that wait: the pool refills in
//   the background, and a start that found it empty waits only until a worker comes up or frees up.
// - take: the woken worker claims the start (ASSIGNED → RUNNING) and attaches to the thread.
// - kill: the host's main thread decided to stop the worker (a terminated thread still running guest
//   code after its grace). The claim and the park race the kill with a compare-and-swap on the slot's
//   word, so a worker is stopped only while it runs as its thread (whose lock entries the host can
//   repair) or sleeps, never inside one of the pool's own critical sections.
// - trim: the host retires workers parked longer than its idle time, beyond the target.
//
// The slot owns the host's reference on the thread it runs (taken by ntw_create_thread and friends):
// exit drops it; when a worker is lost, ntw_pool_gone hands it to the host, or the end report it owed.
//
// The workers quota (lib/quota.ts) bounds the threads of all processes that hold a worker or were
// promised one (threadCreate: poolRoom, poolAdmit) and have not ended, and the slots in use, so the host
// never starts more workers than that: a thread past it is refused when it is created (CreateThread,
// CreateProcess: ERROR_NOT_ENOUGH_MEMORY) instead of waiting for a worker that never comes. The slots
// (in chunks of SLOTS_PER_CHUNK) and the ring of waiting starts are made at setup for the whole quota and
// never freed, so the pool needs no memory later and its size changes no kernel memory statistic. A
// start that waits always gets a worker: it is a promised thread that runs nowhere, so either a slot is
// free and the host starts a worker in it (below the quota), or a slot in use runs no thread: its
// worker parks (its thread ended), is starting, or is stopped and freed.
import { enterHost, leaveHost, release } from "../lib/lock";
import { kalloc, kfree } from "../lib/alloc";
import { workerQuota } from "../lib/quota";
import { now } from "../lib/clock";
import { root } from "../lib/root";
import { setCurrentThread } from "../lib/tls";
import { THREAD_EXITED } from "../lib/layout";
import { obDeref } from "../ob/object";
import { Process } from "../objects/process";
import { Thread } from "../objects/thread";
import { stackKeep, threadExit } from "./thread";
import { currentProcess } from "../ob/handle";
import { flushWakesOf } from "../ob/wake";

/** PoolSlot.state (the worker's futex word). */
export const SLOT_FREE: i32 = 0;
export const SLOT_STARTING: i32 = 1;
export const SLOT_IDLE: i32 = 2;
export const SLOT_ASSIGNED: i32 = 3;
export const SLOT_RUNNING: i32 = 4;
export const SLOT_PARKING: i32 = 5;
export const SLOT_KILLING: i32 = 6;
export const SLOT_RETIRED: i32 = 7;

/** What a start runs (PoolSlot.kind; host/protocol.ts has the same numbers). */
export const START_MAIN: u32 = 1; // a process's first thread
export const START_THREAD: u32 = 2; // CreateThread: fn(param) on its own stack
export const START_IO: u32 = 3; // an I/O worker (nt/io.ts)

const SLOTS_PER_CHUNK: u32 = 64;
const PENDING_ENTRY: usize = 20; // [thread, kind, fn, param, stack]

@unmanaged
class PoolSlot {
  state: i32; // SLOT_*: the word the worker sleeps on
  kind: u32; // the start it was given: START_*, fn, param, stack top
  fn: u32;
  param: u32;
  stack: u32;
  thread: usize; // the thread it runs (the host's reference), 0 when none
  next: usize; // parked FIFO; the free list
  prev: usize;
  owedTid: u32; // its thread has ended (ntw_pool_exit) and the worker still owes the host its end report
  owedProcess: usize; // ...of a thread of this process (the host keeps the process until it has the report)
  parkedAt: f64; // now() when it parked (idle trim)
}

const SLOT_SIZE: usize = 48;
const CHUNK_HEADER: usize = 8; // [next chunk]

@unmanaged
class WorkerPool {
  demand: i32; // bumped (and notified) when the host's main thread should start workers
  target: u32; // parked workers to keep ready (BootOptions.workers)
  maxStarting: u32; // workers starting at once, at most
  total: u32; // slots in use
  idle: u32; // parked
  idleHead: usize;
  idleTail: usize;
  starting: u32; // started by the host, not parked yet
  freeSlots: usize;
  chunks: usize;
  pending: u32; // starts waiting for a worker, in the ring from `pendFirst`
  pendFirst: u32;
  ring: usize;
  ringCap: u32; // entries of the ring: the workers quota, so every promised thread fits
  live: u32; // threads promised a worker that have not ended (Thread.pooled): at most the workers quota
}

// @ts-ignore: decorator
@inline function pool(): WorkerPool { return changetype<WorkerPool>(root().workerPool); }

/**
 * The kernel lock for the pool's own bookkeeping: the host's, not a guest's call (parked workers and
 * the host's timers run it at any time), so it leaves Root.lockEntries alone. A thread's start and
 * end (ntw_pool_dispatch, ntw_pool_exit) count, once each, like the calls they replace.
 */
function enterPool(): void {
  enterHost();
  root().lockEntries--;
}

// @ts-ignore: decorator
@inline function slotAt(s: usize): PoolSlot { return changetype<PoolSlot>(s); }

/** More workers wanted: the target plus the waiting starts, against the parked and starting ones. */
function shortfall(w: WorkerPool): i32 {
  return <i32>(w.target + w.pending) - <i32>(w.idle + w.starting);
}

/** Asks the host's main thread to look at the pool (after the lock is released). */
function notifyDemand(w: WorkerPool): void {
  atomic.add<i32>(changetype<usize>(w), 1);
  atomic.notify(changetype<usize>(w), 1);
}

function idlePush(w: WorkerPool, s: PoolSlot): void {
  s.next = 0;
  s.prev = w.idleTail;
  if (w.idleTail) slotAt(w.idleTail).next = changetype<usize>(s);
  else w.idleHead = changetype<usize>(s);
  w.idleTail = changetype<usize>(s);
  w.idle++;
}

function idleUnlink(w: WorkerPool, s: PoolSlot): void {
  if (s.prev) slotAt(s.prev).next = s.next;
  else w.idleHead = s.next;
  if (s.next) slotAt(s.next).prev = s.prev;
  else w.idleTail = s.prev;
  s.next = 0;
  s.prev = 0;
  w.idle--;
}

/** Adds a chunk of free slots; false when kernel memory is exhausted. */
function chunkAdd(w: WorkerPool): bool {
  const c = kalloc(CHUNK_HEADER + <usize>SLOTS_PER_CHUNK * SLOT_SIZE);
  if (!c) return false;
  store<usize>(c, w.chunks);
  w.chunks = c;
  for (let i: i32 = <i32>SLOTS_PER_CHUNK - 1; i >= 0; i--) {
    const s = slotAt(c + CHUNK_HEADER + <usize>i * SLOT_SIZE);
    s.next = w.freeSlots;
    w.freeSlots = changetype<usize>(s);
  }
  return true;
}

/** A free slot (there is one below the workers quota), or null. */
function slotAlloc(w: WorkerPool): PoolSlot | null {
  if (!w.freeSlots) return null;
  const s = slotAt(w.freeSlots);
  w.freeSlots = s.next;
  memory.fill(changetype<usize>(s), 0, SLOT_SIZE);
  w.total++;
  return s;
}

function slotFree(w: WorkerPool, s: PoolSlot): void {
  atomic.store<i32>(changetype<usize>(s), SLOT_FREE);
  s.next = w.freeSlots;
  w.freeSlots = changetype<usize>(s);
  w.total--;
}

function assign(s: PoolSlot, t: usize, kind: u32, fn: u32, param: u32, stack: u32): void {
  s.thread = t;
  s.kind = kind;
  s.fn = fn;
  s.param = param;
  s.stack = stack;
  atomic.store<i32>(changetype<usize>(s), SLOT_ASSIGNED);
}

/**
 * Marks the workers running a thread that has not ended yet as being stopped (SLOT_KILLING): the one
 * running the thread with id `tid`, or with `tid` 0 every one running a thread of process `p`. Writes
 * their slots at `out` (at most `max`) and returns how many there are.
 */
function killHolders(w: WorkerPool, tid: u32, p: usize, out: usize, max: u32): u32 {
  let n: u32 = 0;
  for (let c = w.chunks; c; c = load<usize>(c)) {
    for (let i: u32 = 0; i < SLOTS_PER_CHUNK; i++) {
      const s = slotAt(c + CHUNK_HEADER + <usize>i * SLOT_SIZE);
      const st = atomic.load<i32>(changetype<usize>(s));
      if ((st != SLOT_ASSIGNED && st != SLOT_RUNNING) || !s.thread) continue;
      const t = changetype<Thread>(s.thread);
      if (t.state == THREAD_EXITED) continue; // it is on its way out by itself
      if (tid ? t.tid != tid : t.process != p) continue;
      // the worker's own claim or park races this: whoever swaps the word first wins
      if (atomic.cmpxchg<i32>(changetype<usize>(s), st, SLOT_KILLING) != st) continue;
      if (n < max) store<usize>(out + (<usize>n << 2), changetype<usize>(s));
      n++;
      if (tid) return n;
    }
  }
  return n;
}

/** Can another thread be promised a worker (lock held)? Not past the workers quota. */
export function poolRoom(): bool {
  return !root().workerPool || pool().live < workerQuota();
}

/** New thread `t` is promised a worker (lock held, after poolRoom): it counts until it ends. */
export function poolAdmit(t: Thread): void {
  if (!root().workerPool) return;
  pool().live++;
  t.pooled = 1;
}

/** Thread `t` has ended (threadExit, lock held): its worker may take another. */
export function poolRelease(t: Thread): void {
  if (!t.pooled) return;
  t.pooled = 0;
  pool().live--;
}

/** The pool record with its ring and a slot for each worker the quota allows, or 0 (nothing kept). */
function poolMake(): usize {
  const n = workerQuota();
  const w = changetype<WorkerPool>(kalloc(offsetof<WorkerPool>()));
  if (!changetype<usize>(w)) return 0;
  w.ring = kalloc(<usize>n * PENDING_ENTRY);
  w.ringCap = n;
  let ok = w.ring != 0;
  for (let slots: u32 = 0; ok && slots < n; slots += SLOTS_PER_CHUNK) ok = chunkAdd(w);
  if (ok) return changetype<usize>(w);
  while (w.chunks) {
    const c = w.chunks;
    w.chunks = load<usize>(c);
    kfree(c, CHUNK_HEADER + <usize>SLOTS_PER_CHUNK * SLOT_SIZE);
  }
  if (w.ring) kfree(w.ring, <usize>n * PENDING_ENTRY);
  kfree(changetype<usize>(w), offsetof<WorkerPool>());
  return 0;
}

/**
 * Sets the pool up (first call, after the workers quota is set) and its size: `target` parked workers
 * kept ready, at most `maxStarting` starting at once. Returns the address of the demand word the host's
 * main thread watches, or 0 when kernel memory is exhausted.
 */
export function ntw_pool_setup(target: u32, maxStarting: u32): usize {
  enterPool();
  const r = root();
  if (!r.workerPool) r.workerPool = poolMake();
  const w = r.workerPool ? pool() : null;
  let demand: usize = 0;
  let wake = false;
  if (w) {
    w.target = target;
    w.maxStarting = maxStarting ? maxStarting : 1;
    demand = changetype<usize>(w);
    wake = shortfall(w) > 0;
  }
  leaveHost();
  if (wake) notifyDemand(changetype<WorkerPool>(demand));
  return demand;
}

/**
 * The host's main thread: a slot for a worker it should start now (STARTING), or 0 when the pool has
 * enough workers parked or starting, or as many starting as it may have at once.
 */
export function ntw_pool_grow(): usize {
  enterPool();
  const w = pool();
  let s: PoolSlot | null = null;
  if (root().workerPool && shortfall(w) > 0 && w.starting < w.maxStarting && w.total < workerQuota()) {
    s = slotAlloc(w);
    if (s) {
      atomic.store<i32>(changetype<usize>(s), SLOT_STARTING);
      w.starting++;
    }
  }
  leaveHost();
  return changetype<usize>(s);
}

/**
 * A worker with nothing to run (new, or it has reported the end of its thread): takes a start that
 * waits for a worker or parks, and sleeps in the kernel until it is given one. Returns SLOT_ASSIGNED
 * (call ntw_pool_take) or SLOT_RETIRED (the worker should end). Called with no kernel lock held and
 * the worker's kernel instance detached (ntw_pool_exit).
 */
export function ntw_pool_park(slot: usize): i32 {
  const s = slotAt(slot);
  const word = changetype<usize>(s);
  const first = atomic.load<i32>(word) == SLOT_STARTING; // the host never kills a starting worker
  if (!first && atomic.load<i32>(word) != SLOT_PARKING) doomed(word);
  enterPool();
  const w = pool();
  if (first) w.starting--;
  s.owedTid = 0;
  s.owedProcess = 0;
  if (w.pending) {
    const e = w.ring + <usize>w.pendFirst * PENDING_ENTRY;
    w.pendFirst = (w.pendFirst + 1) % w.ringCap;
    w.pending--;
    assign(s, load<usize>(e), load<u32>(e, 4), load<u32>(e, 8), load<u32>(e, 12), load<u32>(e, 16));
  } else {
    idlePush(w, s);
    atomic.store<i32>(word, SLOT_IDLE);
  }
  s.parkedAt = now();
  const wake = shortfall(w) > 0;
  release(); // no deferred wakes: nothing here wakes a thread
  if (wake) notifyDemand(w);
  while (atomic.load<i32>(word) == SLOT_IDLE) atomic.wait<i32>(word, SLOT_IDLE, -1);
  return atomic.load<i32>(word) == SLOT_RETIRED ? SLOT_RETIRED : SLOT_ASSIGNED;
}

/** The host is stopping this worker (SLOT_KILLING): sleep until it is gone. */
function doomed(word: usize): void {
  for (;;) atomic.wait<i32>(word, SLOT_KILLING, -1);
}

/**
 * The thread the worker runs ends with `code` (its procedure returned, ExitThread, or it unwound):
 * threadExit, and in the same critical section the slot drops the host's reference, so a thread that
 * waited for this one and closes its handle finds the record free for its next CreateThread. The slot
 * remembers the end report it owes the host. Detaches the worker's kernel instance.
 */
export function ntw_pool_exit(slot: usize, code: u32): void {
  const s = slotAt(slot);
  const word = changetype<usize>(s);
  if (!s.thread) return;
  // From here the host will not stop this worker: it only stops one that runs a thread (the thread
  // ends in a moment). When it already is, the kill wins and the host ends the thread itself.
  if (atomic.cmpxchg<i32>(word, SLOT_RUNNING, SLOT_PARKING) != SLOT_RUNNING) doomed(word);
  const t = changetype<Thread>(s.thread);
  enterHost();
  threadExit(t, code);
  flushWakesOf(t); // under the lock: the record may be recycled once the lock is released
  s.owedTid = t.tid;
  s.owedProcess = t.process;
  s.thread = 0;
  obDeref(t); // nothing here records a wake
  release();
  setCurrentThread(0);
}

/**
 * Claims the start a parked worker was given and attaches the worker's kernel instance to its thread.
 * Writes [kind, fn, param, stack, process, tid, thread, stackBase] at the start of the thread's scratch
 * buffer and returns that buffer (stackBase: the bottom of a CreateThread stack, for the host's stack
 * checks; 0 for a process's first thread). Never returns while the host is stopping the worker.
 */
export function ntw_pool_take(slot: usize): usize {
  const s = slotAt(slot);
  const word = changetype<usize>(s);
  if (atomic.cmpxchg<i32>(word, SLOT_ASSIGNED, SLOT_RUNNING) != SLOT_ASSIGNED) doomed(word);
  const t = changetype<Thread>(s.thread);
  setCurrentThread(changetype<usize>(t));
  const out = t.scratch;
  store<u32>(out, s.kind);
  store<u32>(out, s.fn, 4);
  store<u32>(out, s.param, 8);
  store<u32>(out, s.stack, 12);
  store<u32>(out, <u32>t.process, 16);
  store<u32>(out, t.tid, 20);
  store<u32>(out, <u32>changetype<usize>(t), 24);
  store<u32>(out, t.stackBase, 28);
  return out;
}

/**
 * Hands thread `thread` (a new kernel thread whose host reference the caller holds; the pool owns it
 * now) to a parked worker, which runs `kind` (START_*; for START_THREAD `fn(param)` on the stack whose
 * top is `stack`). Returns 1 when a parked worker was woken, 2 when the start waits for the next worker
 * that parks, 0 when it cannot wait (the ring is full, or no pool): the caller still
 * holds its reference then.
 */
export function ntw_pool_dispatch(thread: usize, kind: u32, fn: u32, param: u32, stack: u32): i32 {
  enterHost();
  if (!root().workerPool) { leaveHost(); return 0; }
  const w = pool();
  let s: PoolSlot | null = null;
  if (w.idleHead) {
    s = slotAt(w.idleHead);
    idleUnlink(w, s);
    assign(s, thread, kind, fn, param, stack);
  } else if (w.pending < w.ringCap) {
    const e = w.ring + <usize>((w.pendFirst + w.pending) % w.ringCap) * PENDING_ENTRY;
    store<usize>(e, thread);
    store<u32>(e, kind, 4);
    store<u32>(e, fn, 8);
    store<u32>(e, param, 12);
    store<u32>(e, stack, 16);
    w.pending++;
  } else {
    leaveHost();
    return 0;
  }
  changetype<Process>(changetype<Thread>(thread).process).poolThreads++;
  const wake = shortfall(w) > 0;
  leaveHost();
  if (s) atomic.notify(changetype<usize>(s), 1);
  if (wake) notifyDemand(w);
  return s ? 1 : 2;
}

/**
 * The host's main thread: marks the worker running the thread with id `tid` (not ended yet) as being
 * stopped and writes its slot at `out`. Returns 1, or 0 when no worker runs it (it ended, or never
 * started).
 */
export function ntw_pool_kill_thread(tid: u32, out: usize): u32 {
  enterPool();
  const n = root().workerPool && tid ? killHolders(pool(), tid, 0, out, 1) : 0;
  leaveHost();
  return n;
}

/**
 * The host's main thread: marks every worker running a thread of process `p` that has not ended as
 * being stopped; writes their slots at `out` (at most `max`) and returns how many there are.
 */
export function ntw_pool_kill_process(p: usize, out: usize, max: u32): u32 {
  enterPool();
  const n = root().workerPool ? killHolders(pool(), 0, p, out, max) : 0;
  leaveHost();
  return n;
}

/**
 * The host's main thread: the worker of `slot` is gone (stopped, retired, or it failed). Frees the slot
 * and writes [thread, tid, process] of the thread it held at `out` (the host's reference on the thread
 * is the caller's now), or [0, tid, process] of the thread whose end report it still owed, or zeros.
 * Returns the state the slot was in.
 */
export function ntw_pool_gone(slot: usize, out: usize): i32 {
  enterPool();
  const w = pool();
  const s = slotAt(slot);
  const st = atomic.load<i32>(slot);
  if (st == SLOT_IDLE) idleUnlink(w, s);
  if (st == SLOT_STARTING) w.starting--;
  const t = s.thread;
  s.thread = 0;
  store<u32>(out, <u32>t);
  store<u32>(out, t ? changetype<Thread>(t).tid : s.owedTid, 4);
  store<u32>(out, t ? <u32>changetype<Thread>(t).process : <u32>s.owedProcess, 8);
  if (st != SLOT_FREE) slotFree(w, s);
  const wake = shortfall(w) > 0;
  leaveHost();
  if (wake) notifyDemand(w);
  return st;
}

/**
 * The host's main thread: retires the worker parked longest when more than the target are parked and
 * it has been parked for `idleMs` or more. Returns its slot (the worker wakes and ends; the host then
 * calls ntw_pool_gone), or 0.
 */
export function ntw_pool_trim(idleMs: f64): usize {
  enterPool();
  let s: usize = 0;
  if (root().workerPool) {
    const w = pool();
    if (w.idleHead && w.idle > w.target && now() - slotAt(w.idleHead).parkedAt >= idleMs) {
      s = w.idleHead;
      idleUnlink(w, slotAt(s));
      atomic.store<i32>(s, SLOT_RETIRED);
    }
  }
  leaveHost();
  if (s) atomic.notify(s, 1);
  return s;
}

/**
 * The host's main thread, when it cannot start workers: takes the oldest start that waits for one and
 * writes [thread, tid, process] at `out` (the host's reference on the thread is the caller's now).
 * Returns 1, or 0 when none waits.
 */
export function ntw_pool_unqueue(out: usize): u32 {
  enterPool();
  let t: usize = 0;
  if (root().workerPool && pool().pending) {
    const w = pool();
    t = load<usize>(w.ring + <usize>w.pendFirst * PENDING_ENTRY);
    w.pendFirst = (w.pendFirst + 1) % w.ringCap;
    w.pending--;
    store<u32>(out, <u32>t);
    store<u32>(out, changetype<Thread>(t).tid, 4);
    store<u32>(out, <u32>changetype<Thread>(t).process, 8);
  }
  leaveHost();
  return t ? 1 : 0;
}

/** Threads promised a worker that have not ended (the invariant checker counts them too), or -1 with no pool. */
export function poolLive(): i64 {
  return root().workerPool ? <i64>pool().live : -1;
}

/** Writes [workers, parked, starting, waiting starts, target] at `out`. */
export function ntw_pool_stats(out: usize): void {
  enterPool();
  const w = pool();
  const on = root().workerPool != 0;
  store<u32>(out, on ? w.total : 0);
  store<u32>(out, on ? w.idle : 0, 4);
  store<u32>(out, on ? w.starting : 0, 8);
  store<u32>(out, on ? w.pending : 0, 12);
  store<u32>(out, on ? w.target : 0, 16);
  leaveHost();
}

/**
 * CreateThread grew guest memory for several stacks at once (each grow of a shared memory interrupts
 * every worker that holds it): the spare one of `size` bytes at `base` goes on the calling process's
 * list of free stacks, for its next threads.
 */
export function ntw_stack_spare(base: u32, size: u32): void {
  enterHost();
  stackKeep(currentProcess(), base, size);
  leaveHost();
}

/** Threads of process `p` handed to workers so far: the host waits for each one's end report. */
export function ntw_pool_threads(p: usize): u32 {
  enterPool();
  const n = changetype<Process>(p).poolThreads;
  leaveHost();
  return n;
}
