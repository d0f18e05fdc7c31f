// Threads and processes on the host's pool of parked workers (test/worker-pool.test.ts, issue 15):
// many threads one after another and in a burst, a thread start while the host's main thread is busy,
// a crash in a pooled thread, a child process started again and again. The host checks kernel memory
// and the pool around these; the guest checks what Windows promises (each thread runs once, with its
// parameter, and its handle is signaled with its exit code). Threads never allocate.
import {
  CloseHandle, CreateEventW, CreateProcessW, CreateThread, GetExitCodeProcess, GetExitCodeThread, GetTickCount, INFINITE,
  SetEvent, Sleep, WaitForMultipleObjects, WaitForSingleObject, WAIT_OBJECT_0,
} from "../ntwasm";
import { println, W } from "../lib/win";
import { done, eq, ok, shared } from "../lib/test";

function exitCode(h: u32): u32 {
  const p = shared(4);
  GetExitCodeThread(h, p);
  return load<u32>(p);
}

function plusOne(param: u32): u32 { return param + 1; }

/** 10,000 threads, each created, waited for and closed before the next. */
export function sequential(): i32 {
  let bad = 0;
  for (let i: u32 = 0; i < 10000; i++) {
    const h = CreateThread(0, 0, plusOne.index, i, 0, 0);
    if (!h) { bad++; continue; }
    if (WaitForSingleObject(h, INFINITE) != WAIT_OBJECT_0 || exitCode(h) != i + 1) bad++;
    CloseHandle(h);
  }
  eq(bad, 0, "10,000 threads, each with its parameter and exit code");
  return done();
}

const BURST = 1000;

/** [0] counter: each thread adds 1 once. */
function counted(block: u32): u32 {
  atomic.add<u32>(block, 1);
  return 7;
}

/** 1,000 threads created at once (most wait for a worker to come up or free up), then all waited for. */
export function burst(): i32 {
  const block = shared(4);
  const hs = shared(BURST * 4);
  let made = 0;
  for (let i = 0; i < BURST; i++) {
    const h = CreateThread(0, 0, counted.index, block, 0, 0);
    store<u32>(hs + (<usize>i << 2), h);
    if (h) made++;
  }
  eq(made, BURST, "1,000 threads created at once");
  let bad = 0;
  for (let i = 0; i < BURST; i += 64) {
    const n = min(64, BURST - i);
    if (WaitForMultipleObjects(n, hs + (<usize>i << 2), 1, INFINITE) != WAIT_OBJECT_0) bad++;
  }
  eq(bad, 0, "every wait for all of 64 threads succeeded");
  for (let i = 0; i < BURST; i++) {
    const h = load<u32>(hs + (<usize>i << 2));
    if (exitCode(h) != 7) bad++;
    CloseHandle(h);
  }
  eq(bad, 0, "every thread's exit code is its procedure's return value");
  eq(atomic.load<u32>(block), BURST, "each thread ran exactly once");
  return done();
}

function answer(_: u32): u32 { return 42; }

/**
 * Says "ready" (the host then keeps its main thread busy for 3 s), waits 300 ms, starts a thread and
 * waits for it: it must run while the host's main thread is still busy, as no message to the host is
 * needed to start it.
 */
export function busy_host(): i32 {
  println("ready");
  Sleep(300);
  const t0 = GetTickCount();
  const h = CreateThread(0, 0, answer.index, 0, 0, 0);
  ok(h != 0, "CreateThread");
  eq(WaitForSingleObject(h, 10000), WAIT_OBJECT_0, "the thread ended");
  const waited = GetTickCount() - t0;
  eq(exitCode(h), 42, "its exit code");
  ok(waited < 1500, "it started and ended while the host's main thread was busy (waited " + waited.toString() + " ms)");
  CloseHandle(h);
  return done();
}

function crash(_: u32): u32 {
  unreachable();
  return 0;
}

/** A pooled thread traps: its process ends with STATUS_ILLEGAL_INSTRUCTION, as on Windows (unhandled exception). */
export function crash_in_thread(): i32 {
  const h = CreateThread(0, 0, crash.index, 0, 0, 0);
  WaitForSingleObject(h, INFINITE);
  Sleep(INFINITE); // the crash ends the process before this thread gets here again
  return 0;
}

const CHILD = "dist\\guests\\child.wasm";

/** A child program started 100 times (compiled once), each run waited for with its exit code. */
export function child_100(): i32 {
  const pi = shared(16);
  let bad = 0;
  for (let i = 0; i < 100; i++) {
    if (!CreateProcessW(0, W(CHILD + " exit " + (i % 50).toString()), 0, 0, 0, 0, 0, 0, 0, pi)) { bad++; continue; }
    WaitForSingleObject(load<u32>(pi), INFINITE);
    const code = shared(4);
    GetExitCodeProcess(load<u32>(pi), code);
    if (load<u32>(code) != <u32>(i % 50)) bad++;
    CloseHandle(load<u32>(pi));
    CloseHandle(load<u32>(pi + 4));
  }
  eq(bad, 0, "100 children, each with its exit code");
  return done();
}

/** [0] arrivals, [4] manual-reset event set by the 100th: each thread waits until all 100 run at once. */
function together(block: u32): u32 {
  if (atomic.add<u32>(block, 1) == 99) SetEvent(load<u32>(block, 4));
  WaitForSingleObject(load<u32>(block, 4), INFINITE);
  return 5;
}

/**
 * The browser test (test/browser/demo.test.mjs): 100 threads alive at once (none ends before all 100
 * run: the pool grows to a worker each), then 100 one after another (on the pool's parked workers).
 */
export function hundred(): i32 {
  const block = shared(8);
  store<u32>(block, CreateEventW(0, 1, 0, 0), 4);
  const hs = shared(100 * 4);
  let made = 0;
  for (let i = 0; i < 100; i++) {
    const h = CreateThread(0, 0, together.index, block, 0, 0);
    store<u32>(hs + (<usize>i << 2), h);
    if (h) made++;
  }
  let bad = 0;
  for (let i = 0; i < 100; i += 50) if (WaitForMultipleObjects(50, hs + (<usize>i << 2), 1, INFINITE) != WAIT_OBJECT_0) bad++;
  for (let i = 0; i < 100; i++) {
    const h = load<u32>(hs + (<usize>i << 2));
    if (exitCode(h) != 5) bad++;
    CloseHandle(h);
  }
  eq(made, 100, "100 threads created");
  eq(bad, 0, "all ended with their exit code");
  eq(atomic.load<u32>(block), 100, "each ran once, all 100 at the same time");
  println("100 threads at once: " + atomic.load<u32>(block).toString() + " ran");
  let ran = 0;
  for (let i: u32 = 0; i < 100; i++) {
    const h = CreateThread(0, 0, plusOne.index, i, 0, 0);
    if (h && WaitForSingleObject(h, INFINITE) == WAIT_OBJECT_0 && exitCode(h) == i + 1) ran++;
    if (h) CloseHandle(h);
  }
  eq(ran, 100, "100 threads one after another");
  println("100 threads one after another: " + ran.toString() + " ran");
  CloseHandle(load<u32>(block, 4));
  return done();
}
