// Exports for the host only (prefix ntw_). The host binds guests to the entries of abi/syscalls/
// alone, so no guest can reach these. They boot the kernel, attach workers to threads, and let the
// host start, end and observe processes and threads.
import { quotaSet } from "./lib/quota";
import { enter, enterHost, leave, leaveHost, lockFail, lockRepair, lockWord } from "./lib/lock";
import { flushWakesOf } from "./ob/wake";
import { heapStart, root, rootAddr } from "./lib/root";
import { kalloc, kfree } from "./lib/alloc";
import { currentThread, result, setCurrentThread } from "./lib/tls";
import { namespaceBoot } from "./ob/namespace";
import { handleEntry, handleInsert, handleObject, currentProcess } from "./ob/handle";
import { ObjectHeader, obDeref } from "./ob/object";
import { spinForget, wakeWaiters } from "./ob/wait";
import { Console, consoleFeed } from "./objects/console";
import { Process } from "./objects/process";
import { Thread, threadAlloc } from "./objects/thread";
import { processAbandon, processBeginExit, processCreate, stackReuse, threadCreate, threadExit, threadKill } from "./nt/thread";
import { failStatus } from "./win32/result";
import {
  CREATE_SUSPENDED, HANDLE_FLAG_INHERIT, STACK_SIZE_PARAM_IS_A_RESERVATION, STATUS_INVALID_PARAMETER, STATUS_SUCCESS,
  THREAD_ALL_ACCESS, TYPE_CONSOLE,
} from "./generated/abi";

export { ntw_dispatch } from "./generated/abi";
export { ntw_deadlocked, ntw_lock_entries, ntw_wait_chain } from "./nt/waitchain";

/** Builds the kernel's shared state. Called once, by the first instance, before any other call. */
export function ntw_boot(): void {
  const r = root();
  if (r.booted) return;
  memory.fill(rootAddr(), 0, heapStart() - rootAddr());
  r.heapTop = heapStart();
  r.nextId = 0x20;
  namespaceBoot();
  const sys = threadAlloc();
  r.systemThread = changetype<usize>(sys);
  r.booted = 1;
}

/** The kernel lock's word, read without taking it (host/kernel-fault.ts: who held it when a thread trapped). */
export function ntw_lock_word(): i32 { return lockWord(); }

/** Marks the kernel failed after a thread trapped inside it holding the lock (host/kernel-fault.ts). */
export function ntw_fail(): void { lockFail(); }

/** Sets resource limit `kind` (lib/quota.ts QUOTA_*) to `value` (0: its default); 0 for an unknown kind. */
export function ntw_set_quota(kind: u32, value: u32): i32 { return quotaSet(kind, value) ? 1 : 0; }

/** Lets guests call NtwInjectKernelFault (tests only: boot({ faultInjection: true })). */
export function ntw_fault_injection(on: i32): void { root().faultInjection = on ? 1 : 0; }

/** How many CPUs the host's workers can use: threads spin before sleeping only while one is free. */
export function ntw_set_cpus(n: i32): void {
  root().cpus = n;
}

/** Makes this instance run as thread `t`; returns its scratch buffer for the host's copy shims. */
export function ntw_attach(t: usize): usize {
  setCurrentThread(t ? t : root().systemThread);
  return changetype<Thread>(currentThread).scratch;
}

/** A new process (the host holds one reference; release it with ntw_process_release), or 0. */
export function ntw_process_create(): usize {
  enterHost();
  const p = processCreate();
  leaveHost();
  return changetype<usize>(p);
}

/**
 * A new thread in process `p` started by the host (a process's first thread), or 0 past the workers
 * quota or when kernel memory is exhausted: `p` has ended then (the host still releases its reference).
 */
export function ntw_thread_create(p: usize): usize {
  enterHost();
  const t = threadCreate(changetype<Process>(p));
  if (t) t.refs++; // the host's reference, released by ntw_object_release
  else processAbandon(changetype<Process>(p));
  leaveHost();
  return changetype<usize>(t);
}

/**
 * CreateThread's kernel half, for the calling thread's process: a thread object (suspended with
 * CREATE_SUSPENDED) and a handle to it. Writes [handle, tid, thread, stackBase, stackSize] at `out`
 * and returns 1, or returns 0 with the last-error set. stackBase is a stack of at least `stackSize`
 * bytes left by an ended thread of the process, or 0: the host then carves one (ntw_thread_set_stack).
 */
export function ntw_create_thread(inherit: i32, flags: u32, stackSize: u32, out: usize): i32 {
  if (flags & ~(CREATE_SUSPENDED | STACK_SIZE_PARAM_IS_A_RESERVATION)) { failStatus(STATUS_INVALID_PARAMETER); return 0; }
  enterHost();
  const p = currentProcess();
  const t = threadCreate(p);
  let h: u32 = 0;
  let st = t ? STATUS_SUCCESS : <u32>result;
  if (t) {
    h = handleInsert(p, t, THREAD_ALL_ACCESS, inherit ? HANDLE_FLAG_INHERIT : 0);
    if (h) {
      t.refs++; // the host's reference, released by ntw_object_release
      if (flags & CREATE_SUSPENDED) t.suspendCount = 1;
      if (stackSize) {
        t.stackBase = stackReuse(p, stackSize);
        t.stackSize = t.stackBase ? <u32>result : 0;
      }
    } else {
      st = <u32>result;
      threadExit(t, 0);
    }
  }
  leaveHost();
  if (!h) { failStatus(st); return 0; }
  const th = changetype<Thread>(t);
  store<u32>(out, h);
  store<u32>(out, th.tid, 4);
  store<u32>(out, changetype<usize>(t), 8);
  store<u32>(out, th.stackBase, 12);
  store<u32>(out, th.stackSize, 16);
  return 1;
}

/** Records the guest stack the host carved for thread `t`; it is reused once `t` ends. */
export function ntw_thread_set_stack(t: usize, base: u32, size: u32): void {
  enterHost();
  changetype<Thread>(t).stackBase = base;
  changetype<Thread>(t).stackSize = size;
  leaveHost();
}

/**
 * Called by a new thread's worker before it runs guest code: waits while the thread is suspended
 * (CREATE_SUSPENDED), and unwinds (traps) when it was terminated before it started.
 */
export function ntw_thread_begin(): void {
  enter();
  leave();
}

/** The calling thread ends with `code` (its procedure returned, ExitThread, or it was stopped). */
export function ntw_thread_exit(code: u32): void {
  enterHost();
  threadExit(changetype<Thread>(currentThread), code);
  leaveHost();
}

/** Thread `t`'s worker is gone without ending the thread itself (the host stopped it). */
export function ntw_thread_terminated(t: usize, code: u32): void {
  const th = changetype<Thread>(t);
  lockRepair(th);
  spinForget(th);
  flushWakesOf(th); // wakes it recorded but may not have delivered
  enterHost();
  threadExit(changetype<Thread>(t), code);
  leaveHost();
}

/**
 * ExitProcess: the process of the calling thread (or `p`) ends with `code`. As on Windows, its other
 * threads are ended before the caller's own thread object is signaled, so none of them returns from a
 * wait on it; the host then stops their workers.
 */
export function ntw_process_exit(p: usize, code: u32): void {
  enterHost();
  const proc = p ? changetype<Process>(p) : currentProcess();
  processBeginExit(proc, code);
  for (let x = proc.threadHead; x; x = changetype<Thread>(x).procNext) {
    if (x != currentThread) threadKill(changetype<Thread>(x), proc.exitCode);
  }
  leaveHost();
}

/** Asks thread `t` to end: it leaves any kernel wait and traps back to its worker. */
export function ntw_thread_kill(t: usize): void {
  enterHost();
  threadKill(changetype<Thread>(t), 0);
  leaveHost();
}

/** Writes the live threads of `p` (at most `max`) at `out`; returns how many there are. */
export function ntw_process_threads(p: usize, out: usize, max: u32): u32 {
  enterHost();
  let n: u32 = 0;
  for (let t = changetype<Process>(p).threadHead; t; t = changetype<Thread>(t).procNext) {
    if (n < max) store<usize>(out + (<usize>n << 2), t);
    n++;
  }
  leaveHost();
  return n;
}

/** Writes [pid, exited, exitCode, threadCount, handleCount] of `p` at `out`. */
export function ntw_process_info(p: usize, out: usize): void {
  enterHost();
  const proc = changetype<Process>(p);
  store<u32>(out, proc.pid);
  store<u32>(out, proc.state, 4);
  store<u32>(out, proc.exitCode, 8);
  store<u32>(out, proc.threadCount, 12);
  store<u32>(out, proc.count, 16);
  leaveHost();
}

/** Writes [tid, exited, exitCode, killed] of thread `t` at `out`. */
export function ntw_thread_info(t: usize, out: usize): void {
  enterHost();
  const th = changetype<Thread>(t);
  store<u32>(out, th.tid);
  store<u32>(out, th.state, 4);
  store<u32>(out, th.exitCode, 8);
  store<u32>(out, th.killed, 12);
  leaveHost();
}

/** Drops the host's reference to a process or thread it created. */
export function ntw_object_release(o: usize): void {
  enterHost();
  obDeref(changetype<Process>(o));
  leaveHost();
}

/**
 * The input console process `p` reads from (its stdin handle's console), or 0. The host holds a
 * reference on it (release with ntw_object_release), so feeding it stays safe after the process ends.
 */
export function ntw_console_input(p: usize): usize {
  enterHost();
  const proc = changetype<Process>(p);
  const e = handleEntry(proc, proc.stdIn);
  const o = e && changetype<ObjectHeader>(e.object).type == TYPE_CONSOLE ? e.object : 0;
  if (o) changetype<ObjectHeader>(o).refs++;
  leaveHost();
  return o;
}

/** Feeds `n` bytes at `src` (kernel memory) to input console `c`, or ends its input when `n` is -1. */
export function ntw_console_feed(c: usize, src: usize, n: i32): i32 {
  enterHost();
  const con = changetype<Console>(c);
  let ok = true;
  if (n < 0) con.ended = 1;
  else ok = consoleFeed(con, src, <u32>n);
  wakeWaiters(con);
  leaveHost();
  return ok ? 1 : 0;
}

/** Marks input console `c` as fed by no terminal (a pipe or file): see Console.piped. */
export function ntw_console_set_piped(c: usize): void {
  enterHost();
  changetype<Console>(c).piped = 1;
  leaveHost();
}

/** The stream (0 in, 1 out, 2 err) behind console handle `h`, or -1 with the last-error set. */
export function ntw_console_stream(h: u32): i32 {
  enterHost();
  const o = handleObject(h, 0, TYPE_CONSOLE);
  const stream: i32 = o ? <i32>changetype<Console>(o).stream : -1;
  const st = <u32>result;
  leaveHost();
  if (stream < 0) failStatus(st);
  return stream;
}

/** Writes [heapTop, bytesInUse, liveObjects, liveThreads, liveProcesses, heapStart, rootAddr, lockEntries] at `out`. */
export function ntw_memory_stats(out: usize): void {
  enterHost();
  const r = root();
  store<u32>(out, r.heapTop);
  store<u32>(out, r.inUse, 4);
  store<u32>(out, r.liveObjects, 8);
  store<u32>(out, r.liveThreads, 12);
  store<u32>(out, r.liveProcesses, 16);
  store<u32>(out, heapStart(), 20);
  store<u32>(out, rootAddr(), 24);
  store<u32>(out, r.lockEntries, 28);
  leaveHost();
}

/** A zeroed block of kernel memory for the host's own use (e.g. a snapshot buffer), or 0; outside the kernel-memory quota. */
export function ntw_alloc(size: u32): usize {
  enterHost();
  const p = kalloc(size, false);
  leaveHost();
  return p;
}

export function ntw_free(p: usize, size: u32): void {
  enterHost();
  kfree(p, size);
  leaveHost();
}
