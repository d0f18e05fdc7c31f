// A big wait graph for the browser demo's live view (and test/browser/liveview.test.mjs): 50 threads
// blocked on 50 objects, with a deadlock in it. It never ends by itself: the page's Kill button ends it.
//
//   - a deadlock: thread A holds the mutex "lock-A" and waits for "lock-B", which thread B holds while it
//     waits for "lock-A"; main waits for thread A to end (a join into the cycle);
//   - a chain: c0 holds m0 and waits for m1, which c1 holds while it waits for m2, … c4 holds m4 and waits
//     for the event "chain-go" (the mutexes are unnamed);
//   - a crowd: 22 workers wait for the semaphore "jobs" (count 0);
//   - 20 loners, each waiting for two unnamed objects of its own: an event and a semaphore (wait-all),
//     or an event and an unarmed waitable timer (wait-any). The first loner's event also has a second
//     handle, duplicated with SYNCHRONIZE|EVENT_MODIFY_STATE only.
//
// Every thread releases the semaphore "ready" just before its last wait. Threads are their own Wasm
// instances and must not allocate: each gets a block from main with the handles it needs.
import {
  CreateEventW, CreateEventExW, CreateMutexW, CreateSemaphoreW, CreateThread, CreateWaitableTimerW, DuplicateHandle,
  EVENT_ALL_ACCESS, EVENT_MODIFY_STATE, GetCurrentProcess, GetCurrentThreadId, INFINITE, ReleaseSemaphore, SYNCHRONIZE, SetEvent,
  WaitForMultipleObjects, WaitForSingleObject,
} from "../ntwasm";
import { println, W } from "../lib/win";

const CHAIN = 5;
const CROWD = 22;
const LONERS = 20;
const THREADS = 1 + 2 + CHAIN + CROWD + LONERS; // with main: 50

// A thread's block: [0] ready semaphore, [4] first handle, [8] second handle, [12] third handle, [16] wait-all, [20] tid.
const READY = 0, H1 = 4, H2 = 8, H3 = 12, ALL = 16, TID = 20, BLOCK = 24;

/** Deadlock side: takes [H1], says so, waits until both sides hold theirs ([H3], a manual event), then waits for [H2]. */
function locker(b: u32): u32 {
  store<u32>(b, GetCurrentThreadId(), TID);
  WaitForSingleObject(load<u32>(b, H1), INFINITE);
  ReleaseSemaphore(load<u32>(b, READY), 1, 0);
  WaitForSingleObject(load<u32>(b, H3), INFINITE);
  WaitForSingleObject(load<u32>(b, H2), INFINITE);
  return 0;
}

/** Chain link: takes [H1], says so, waits for [H2] (the next link's mutex, or the event at the end). */
function link(b: u32): u32 {
  store<u32>(b, GetCurrentThreadId(), TID);
  WaitForSingleObject(load<u32>(b, H1), INFINITE);
  ReleaseSemaphore(load<u32>(b, READY), 1, 0);
  WaitForSingleObject(load<u32>(b, H2), INFINITE);
  return 0;
}

/** Worker or loner: says it is there, then waits for [H1] alone, or for [H1] and [H2] (all or any). */
function waiter(b: u32): u32 {
  store<u32>(b, GetCurrentThreadId(), TID);
  ReleaseSemaphore(load<u32>(b, READY), 1, 0);
  if (load<u32>(b, H2)) WaitForMultipleObjects(2, b + H1, <i32>load<u32>(b, ALL), INFINITE);
  else WaitForSingleObject(load<u32>(b, H1), INFINITE);
  return 0;
}

function block(ready: u32, h1: u32, h2: u32, h3: u32, all: u32): usize {
  const b = heap.alloc(BLOCK);
  store<u32>(b, ready, READY);
  store<u32>(b, h1, H1);
  store<u32>(b, h2, H2);
  store<u32>(b, h3, H3);
  store<u32>(b, all, ALL);
  store<u32>(b, 0, TID);
  return b;
}

function hex(h: u32): string { return "0x" + h.toString(16); }

/** Waits until `n` more threads have said they are there. */
function started(ready: u32, n: i32): void { for (let i = 0; i < n; i++) WaitForSingleObject(ready, INFINITE); }

export function main(): i32 {
  const ready = CreateSemaphoreW(0, 0, THREADS, W("ready"));

  // The deadlock.
  const lockA = CreateMutexW(0, 0, W("lock-A")), lockB = CreateMutexW(0, 0, W("lock-B"));
  const both = CreateEventW(0, 1, 0, 0);
  const a = block(ready, lockA, lockB, both, 0), bb = block(ready, lockB, lockA, both, 0);
  const threadA = CreateThread(0, 0, locker.index, a, 0, 0);
  CreateThread(0, 0, locker.index, bb, 0, 0);
  started(ready, 2);
  SetEvent(both);

  // The chain, from its end: each link's next mutex is already held when it starts.
  const go = CreateEventW(0, 1, 0, W("chain-go"));
  const m = heap.alloc(4 * (CHAIN + 1));
  for (let i = 0; i < CHAIN; i++) store<u32>(m + 4 * i, CreateMutexW(0, 0, 0));
  store<u32>(m + 4 * CHAIN, go);
  for (let i = CHAIN - 1; i >= 0; i--) {
    CreateThread(0, 0, link.index, block(ready, load<u32>(m + 4 * i), load<u32>(m + 4 * (i + 1)), 0, 0), 0, 0);
    started(ready, 1);
  }

  // The crowd.
  const jobs = CreateSemaphoreW(0, 0, CROWD, W("jobs"));
  for (let i = 0; i < CROWD; i++) CreateThread(0, 0, waiter.index, block(ready, jobs, 0, 0, 0), 0, 0);

  // The loners.
  let first: u32 = 0, second: u32 = 0;
  for (let i = 0; i < LONERS; i++) {
    const e = CreateEventExW(0, 0, 0, EVENT_ALL_ACCESS);
    if (i == 0) {
      first = e;
      const out = heap.alloc(4);
      DuplicateHandle(GetCurrentProcess(), e, GetCurrentProcess(), out, SYNCHRONIZE | EVENT_MODIFY_STATE, 0, 0);
      second = load<u32>(out);
    }
    const other = i & 1 ? CreateWaitableTimerW(0, 1, 0) : CreateSemaphoreW(0, 0, 1, 0);
    CreateThread(0, 0, waiter.index, block(ready, e, other, 0, i & 1 ? 0 : 1), 0, 0);
  }
  started(ready, CROWD + LONERS);

  println("deadlock: thread " + load<u32>(a, TID).toString() + " holds lock-A and waits for lock-B; thread " +
    load<u32>(bb, TID).toString() + " holds lock-B and waits for lock-A");
  println("unnamed event: handles " + hex(first) + " and " + hex(second) + " (SYNCHRONIZE|EVENT_MODIFY_STATE)");
  println(THREADS.toString() + " threads are waiting; main (thread " + GetCurrentThreadId().toString() +
    ") waits for thread " + load<u32>(a, TID).toString() + ". Nothing will move again: Kill ends the program.");
  WaitForSingleObject(threadA, INFINITE);
  return 0;
}
