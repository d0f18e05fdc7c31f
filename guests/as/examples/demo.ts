// `npm start`: producers and consumers on a bounded buffer, synchronised only with kernel objects;
// an abandoned mutex; then a second process (this program again, started with "worker") whose two
// threads take jobs through named semaphores and events; and a look at the object namespace. Every
// thread is its own Wasm instance on shared memory, so threads keep their state in memory the main
// thread hands them and print without allocating (see docs/guests.md).
import {
  CloseHandle, CreateEventW, CreateMutexW, CreateProcessW, CreateSemaphoreW, CreateThread, EVENT_ALL_ACCESS,
  GetCurrentProcessId, GetCurrentThreadId, GetExitCodeProcess, GetStdHandle, OpenEventW,
  OpenSemaphoreW, SEMAPHORE_ALL_ACCESS,
  INFINITE, NTWASM_TYPE_EVENT, NTWASM_TYPE_MUTANT, NTWASM_TYPE_SEMAPHORE, QueryObjectDirectory, ReleaseMutex,
  ReleaseSemaphore, SetEvent, STATUS_SUCCESS, STD_OUTPUT_HANDLE, WaitForMultipleObjects, WaitForSingleObject,
  WAIT_ABANDONED, WriteConsoleW,
} from "../ntwasm";
import { commandLine, println, W } from "../lib/win";

const PRODUCERS = 2;
const CONSUMERS = 2;
const ITEMS_PER_PRODUCER = 5000;
const SLOTS = 8;

// The shared block every thread gets as its parameter (offsets in bytes).
const START = 0; // manual-reset event: opens the gate for everyone at once
const FREE = 4; // semaphore: free slots
const FILLED = 8; // semaphore: filled slots
const LOCK = 12; // mutex guarding the ring and its indices
const HEAD = 16;
const TAIL = 20;
const RING = 24; // SLOTS × u32
const SHARED_SIZE = RING + SLOTS * 4;

// Per-thread block: [shared block pointer, thread number, items handled, sum, 64-char line buffer]
const ARGS_SIZE = 16 + 128;

/** Writes `text` + `n` + `tail` through a buffer the thread owns: no allocation in threads. */
function say(args: usize, text: string, n: u32, tail: string): void {
  const buf = args + 16;
  let len: usize = 0;
  for (let i = 0; i < text.length; i++) store<u16>(buf + (len++ << 1), text.charCodeAt(i));
  let digits: usize = 0;
  let v = n;
  do { digits++; v /= 10; } while (v);
  v = n;
  for (let i = digits; i > 0; i--) { store<u16>(buf + ((len + i - 1) << 1), 48 + v % 10); v /= 10; }
  len += digits;
  for (let i = 0; i < tail.length; i++) store<u16>(buf + (len++ << 1), tail.charCodeAt(i));
  WriteConsoleW(GetStdHandle(STD_OUTPUT_HANDLE), buf, <u32>len, 0, 0);
}

function producer(args: u32): u32 {
  const s = load<u32>(args);
  const id = load<u32>(args, 4);
  WaitForSingleObject(load<u32>(s, START), INFINITE);
  for (let i: u32 = 1; i <= <u32>ITEMS_PER_PRODUCER; i++) {
    WaitForSingleObject(load<u32>(s, FREE), INFINITE);
    WaitForSingleObject(load<u32>(s, LOCK), INFINITE);
    const head = load<u32>(s, HEAD);
    store<u32>(s + RING + (head % SLOTS) * 4, i);
    store<u32>(s, head + 1, HEAD);
    ReleaseMutex(load<u32>(s, LOCK));
    ReleaseSemaphore(load<u32>(s, FILLED), 1, 0);
    store<u32>(args, i, 8);
  }
  say(args, "  producer ", id, " put its items in the buffer\n");
  return 0;
}

function consumer(args: u32): u32 {
  const s = load<u32>(args);
  const id = load<u32>(args, 4);
  WaitForSingleObject(load<u32>(s, START), INFINITE);
  for (;;) {
    WaitForSingleObject(load<u32>(s, FILLED), INFINITE);
    WaitForSingleObject(load<u32>(s, LOCK), INFINITE);
    const tail = load<u32>(s, TAIL);
    const item = load<u32>(s + RING + (tail % SLOTS) * 4);
    store<u32>(s, tail + 1, TAIL);
    ReleaseMutex(load<u32>(s, LOCK));
    ReleaseSemaphore(load<u32>(s, FREE), 1, 0);
    if (item == 0) break; // the main thread's stop marker
    store<u32>(args, load<u32>(args, 8) + 1, 8);
    store<u32>(args, load<u32>(args, 12) + item, 12);
  }
  say(args, "  consumer ", id, " saw the stop marker\n");
  return 0;
}

/** Takes the mutex and ends without releasing it. */
function careless(mutex: u32): u32 {
  WaitForSingleObject(mutex, INFINITE);
  return 0;
}

function typeName(t: u32): string {
  if (t == NTWASM_TYPE_EVENT) return "Event";
  if (t == NTWASM_TYPE_MUTANT) return "Mutant";
  if (t == NTWASM_TYPE_SEMAPHORE) return "Semaphore";
  return "type " + t.toString();
}

// ---- the second process: "demo.wasm worker" ----
const JOBS = 100;

/** Worker-process thread: [0] stop event, [4] jobs semaphore, [8] done semaphore, [12] jobs taken, then say()'s buffer. */
function jobTaker(b: u32): u32 {
  const hs = b; // [stop, jobs]: stop has priority as the lower index
  ReleaseSemaphore(load<u32>(b, 8), 1, 0); // ready (workers take a moment to start)
  for (;;) {
    const r = WaitForMultipleObjects(2, hs, 0, INFINITE);
    if (r != 1) break;
    store<u32>(b, load<u32>(b, 12) + 1, 12);
    ReleaseSemaphore(load<u32>(b, 8), 1, 0);
  }
  return 0;
}

function worker(): i32 {
  const stop = OpenEventW(EVENT_ALL_ACCESS, 0, W("demo-stop"));
  const jobs = OpenSemaphoreW(SEMAPHORE_ALL_ACCESS, 0, W("demo-jobs"));
  const done = OpenSemaphoreW(SEMAPHORE_ALL_ACCESS, 0, W("demo-done"));
  println("  worker process " + GetCurrentProcessId().toString() + ": opened demo-stop, demo-jobs and demo-done by name; two threads take jobs");
  const blocks = heap.alloc(2 * 16);
  memory.fill(blocks, 0, 32);
  const threads = heap.alloc(8);
  for (let i = 0; i < 2; i++) {
    const b = blocks + 16 * i;
    store<u32>(b, stop);
    store<u32>(b, jobs, 4);
    store<u32>(b, done, 8);
    store<u32>(threads + 4 * i, CreateThread(0, 0, jobTaker.index, b, 0, 0));
  }
  WaitForMultipleObjects(2, threads, 1, INFINITE);
  const a = load<u32>(blocks, 12), b = load<u32>(blocks + 16, 12);
  println("  worker process " + GetCurrentProcessId().toString() + ": stop was set; its threads took " +
    a.toString() + " + " + b.toString() + " jobs");
  return <i32>(a + b);
}

/** Runs the worker process and hands it JOBS jobs; true when it reports all of them. */
function secondProcess(): bool {
  const stop = CreateEventW(0, 1, 0, W("demo-stop"));
  const jobs = CreateSemaphoreW(0, 0, JOBS, W("demo-jobs"));
  const done = CreateSemaphoreW(0, 0, JOBS, W("demo-done"));
  const pi = heap.alloc(16);
  if (!CreateProcessW(0, W("demo.wasm worker"), 0, 0, 0, 0, 0, 0, 0, pi)) {
    println("main: CreateProcessW failed");
    return false;
  }
  println("main: started a worker process (pid " + load<u32>(pi, 8).toString() + "), and hands it " +
    JOBS.toString() + " jobs one by one through the named semaphore demo-jobs");
  WaitForSingleObject(done, INFINITE); // both of its threads are ready
  WaitForSingleObject(done, INFINITE);
  for (let i = 0; i < JOBS; i++) { // waiters queue in FIFO order, so its two threads take turns
    ReleaseSemaphore(jobs, 1, 0);
    WaitForSingleObject(done, INFINITE);
  }
  println("main: demo-done counted " + JOBS.toString() + " finished jobs; SetEvent(demo-stop)");
  listNamedObjects();
  SetEvent(stop);
  WaitForSingleObject(load<u32>(pi), INFINITE);
  const code = heap.alloc(4);
  GetExitCodeProcess(load<u32>(pi), code);
  println("main: the worker process ended with exit code " + load<u32>(code).toString() + " (jobs it took)");
  CloseHandle(load<u32>(pi));
  CloseHandle(load<u32>(pi, 4));
  CloseHandle(stop);
  CloseHandle(jobs);
  CloseHandle(done);
  return load<u32>(code) == <u32>JOBS;
}

function listNamedObjects(): void {
  println("main: named objects in \\Sessions\\1\\BaseNamedObjects, shared by both processes:");
  const name = heap.alloc(512), len = heap.alloc(4), type = heap.alloc(4);
  const dir = W("\\Sessions\\1\\BaseNamedObjects");
  for (let i: u32 = 0; QueryObjectDirectory(dir, i, name, 256, len, type) == STATUS_SUCCESS; i++) {
    const t = load<u32>(type);
    if (t == NTWASM_TYPE_EVENT || t == NTWASM_TYPE_MUTANT || t == NTWASM_TYPE_SEMAPHORE) {
      println("  " + String.UTF16.decodeUnsafe(name, load<u32>(len) << 1) + " (" + typeName(t) + ")");
    }
  }
}

function isWorker(): bool {
  return commandLine().endsWith(" worker");
}

export function main(): i32 {
  if (isWorker()) return worker();
  println("ntwasm demo: " + PRODUCERS.toString() + " producers and " + CONSUMERS.toString() +
    " consumers share a ring of " + SLOTS.toString() + " slots");
  println("  kernel objects: a manual-reset event (start gate), two semaphores (free/filled slots), a mutex (the ring)");
  const s = heap.alloc(SHARED_SIZE);
  memory.fill(s, 0, SHARED_SIZE);
  store<u32>(s, CreateEventW(0, 1, 0, W("demo-start")), START);
  store<u32>(s, CreateSemaphoreW(0, SLOTS, SLOTS, W("demo-free-slots")), FREE);
  store<u32>(s, CreateSemaphoreW(0, 0, SLOTS, W("demo-filled-slots")), FILLED);
  store<u32>(s, CreateMutexW(0, 0, W("demo-ring-lock")), LOCK);

  const n = PRODUCERS + CONSUMERS;
  const threads = heap.alloc(4 * n);
  const args = heap.alloc(ARGS_SIZE * n);
  memory.fill(args, 0, ARGS_SIZE * n);
  for (let i = 0; i < n; i++) {
    const a = args + ARGS_SIZE * i;
    store<u32>(a, s);
    store<u32>(a, i < PRODUCERS ? i + 1 : i - PRODUCERS + 1, 4);
    const fn = i < PRODUCERS ? producer.index : consumer.index;
    store<u32>(threads + 4 * i, CreateThread(0, 0, fn, a, 0, 0));
  }
  println("main (thread " + GetCurrentThreadId().toString() + "): started " + n.toString() +
    " threads; they block on the start gate");
  println("main: SetEvent(start) opens the gate for all of them at once");
  SetEvent(load<u32>(s, START));

  // Producers end on their own; then one stop marker (item 0) per consumer.
  const r = WaitForMultipleObjects(PRODUCERS, threads, 1, INFINITE);
  println("main: WaitForMultipleObjects(producers, wait-all) = " + r.toString() + ": all producers ended");
  for (let i = 0; i < CONSUMERS; i++) {
    WaitForSingleObject(load<u32>(s, FREE), INFINITE);
    WaitForSingleObject(load<u32>(s, LOCK), INFINITE);
    const head = load<u32>(s, HEAD);
    store<u32>(s + RING + (head % SLOTS) * 4, 0);
    store<u32>(s, head + 1, HEAD);
    ReleaseMutex(load<u32>(s, LOCK));
    ReleaseSemaphore(load<u32>(s, FILLED), 1, 0);
  }
  WaitForMultipleObjects(CONSUMERS, threads + 4 * PRODUCERS, 1, INFINITE);

  let count: u64 = 0, sum: u64 = 0;
  for (let i = PRODUCERS; i < n; i++) {
    const a = args + ARGS_SIZE * i;
    println("main: consumer " + (i - PRODUCERS + 1).toString() + " took " + load<u32>(a, 8).toString() + " items");
    count += load<u32>(a, 8);
    sum += load<u32>(a, 12);
  }
  const expected: u64 = <u64>PRODUCERS * ITEMS_PER_PRODUCER * (ITEMS_PER_PRODUCER + 1) / 2;
  println("main: " + count.toString() + " items consumed, sum " + sum.toString() + " (expected " + expected.toString() + ")");
  let failed = count != <u64>PRODUCERS * ITEMS_PER_PRODUCER || sum != expected;

  // A thread that ends while owning a mutex abandons it: the next owner is told.
  const mutex = load<u32>(s, LOCK);
  const t = CreateThread(0, 0, careless.index, mutex, 0, 0);
  WaitForSingleObject(t, INFINITE);
  const w = WaitForSingleObject(mutex, INFINITE);
  println("main: a thread ended holding the mutex; the next wait returned " +
    (w == WAIT_ABANDONED ? "WAIT_ABANDONED" : w.toString()) + " and main owns it now");
  failed = failed || w != WAIT_ABANDONED;
  ReleaseMutex(mutex);
  CloseHandle(t);

  failed = !secondProcess() || failed;
  for (let i = 0; i < n; i++) CloseHandle(load<u32>(threads + 4 * i));
  for (let off: usize = 0; off <= <usize>LOCK; off += 4) CloseHandle(load<u32>(s + off));
  println(failed ? "demo: FAILED" : "demo: done; every handle closed, so the named objects are gone too");
  return failed ? 1 : 0;
}
