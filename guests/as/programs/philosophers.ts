// Dining philosophers: five threads around a table, one named mutex per fork ("fork-0" … "fork-4").
// A hungry philosopher takes both of its forks in one WaitForMultipleObjects(wait-all) call: the
// kernel grants both mutexes at once or neither, so nobody holds one fork while waiting for the
// other and the table never deadlocks. Each philosopher eats MEALS times; the main thread waits for
// all of them, then checks that every meal was eaten, that no fork was ever in two hands, and that
// every fork is free again. It takes a couple of seconds: long enough to watch the wait graph
// (philosopher → fork → the neighbour eating with it) in the browser demo.
//
// Threads are their own Wasm instances and must not allocate (see docs/guests.md): each philosopher
// gets a block from the main thread and prints through a line buffer inside it.
import {
  CloseHandle, CreateMutexW, CreateThread, GetCurrentThreadId, GetStdHandle, INFINITE, ReleaseMutex, Sleep,
  STD_OUTPUT_HANDLE, WAIT_OBJECT_0, WaitForMultipleObjects, WaitForSingleObject, WriteConsoleW,
} from "../ntwasm";
import { println, W } from "../lib/win";

const N = 5;
const MEALS = 3;
const EAT_MS = 200;

// Shared block: [0] times a fork was found already in use (must stay 0), [4 + 4i] fork i in use.
const VIOLATIONS = 0;
const IN_USE = 4;
const SHARED_SIZE = IN_USE + 4 * N;

// Philosopher block: [0] number, [4] left fork, [8] right fork (both handles, adjacent for the
// wait-all), [12] meals eaten, [16] shared block, [20] thread id, [32..] line buffer (128 chars).
const ID = 0, FORKS = 4, MEALS_EATEN = 12, SHARED = 16, TID = 20, LINE = 32;
const BLOCK_SIZE = LINE + 256;

/** Appends `s` to the line in block `b` at `len` (characters); returns the new length. */
function put(b: usize, len: u32, s: string): u32 {
  for (let i = 0; i < s.length; i++) store<u16>(b + LINE + (<usize>(len + <u32>i) << 1), s.charCodeAt(i));
  return len + <u32>s.length;
}

/** Appends the decimal digits of `n`. */
function putNum(b: usize, len: u32, n: u32): u32 {
  let digits: u32 = 0;
  let v = n;
  do { digits++; v /= 10; } while (v);
  v = n;
  for (let i = digits; i > 0; i--) { store<u16>(b + LINE + (<usize>(len + i - 1) << 1), 48 + v % 10); v /= 10; }
  return len + digits;
}

function say(b: usize, len: u32): void {
  WriteConsoleW(GetStdHandle(STD_OUTPUT_HANDLE), b + LINE, len, 0, 0);
}

/** Marks fork `i` taken (counting a violation if it already was) or free. */
function mark(shared: usize, i: u32, taken: bool): void {
  const at = shared + IN_USE + 4 * <usize>i;
  if (taken) {
    if (atomic.xchg<u32>(at, 1) != 0) atomic.add<u32>(shared + VIOLATIONS, 1);
  } else {
    atomic.store<u32>(at, 0);
  }
}

function philosopher(b: u32): u32 {
  const id = load<u32>(b, ID);
  const shared = <usize>load<u32>(b, SHARED);
  const left = id, right = (id + 1) % N;
  store<u32>(b, GetCurrentThreadId(), TID);
  for (let meal: u32 = 1; meal <= <u32>MEALS; meal++) {
    Sleep(20 + (id * 37 + meal * 53) % 60); // think
    if (WaitForMultipleObjects(2, b + FORKS, 1, INFINITE) != WAIT_OBJECT_0) return 1;
    mark(shared, left, true);
    mark(shared, right, true);
    let len = put(b, 0, "philosopher ");
    len = putNum(b, len, id);
    len = put(b, len, " eats with fork-");
    len = putNum(b, len, left);
    len = put(b, len, " and fork-");
    len = putNum(b, len, right);
    len = put(b, len, " (meal ");
    len = putNum(b, len, meal);
    len = put(b, len, "/");
    len = putNum(b, len, MEALS);
    len = put(b, len, ")\n");
    say(b, len);
    Sleep(EAT_MS);
    store<u32>(b, meal, MEALS_EATEN);
    mark(shared, left, false);
    mark(shared, right, false);
    ReleaseMutex(load<u32>(b, FORKS));
    ReleaseMutex(load<u32>(b, FORKS + 4));
  }
  let len = put(b, 0, "philosopher ");
  len = putNum(b, len, id);
  len = put(b, len, " is full\n");
  say(b, len);
  return 0;
}

export function main(): i32 {
  println("dining philosophers: " + N.toString() + " threads, " + N.toString() +
    " forks (named mutexes fork-0 … fork-" + (N - 1).toString() + "), " + MEALS.toString() + " meals each");
  println("a philosopher takes both forks at once with WaitForMultipleObjects(wait-all)");
  const shared = heap.alloc(SHARED_SIZE);
  memory.fill(shared, 0, SHARED_SIZE);
  const forks = heap.alloc(4 * N);
  for (let i = 0; i < N; i++) store<u32>(forks + 4 * i, CreateMutexW(0, 0, W("fork-" + i.toString())));
  const blocks = heap.alloc(BLOCK_SIZE * N);
  memory.fill(blocks, 0, BLOCK_SIZE * N);
  const threads = heap.alloc(4 * N);
  for (let i = 0; i < N; i++) {
    const b = blocks + BLOCK_SIZE * i;
    store<u32>(b, i, ID);
    store<u32>(b, load<u32>(forks + 4 * i), FORKS);
    store<u32>(b, load<u32>(forks + 4 * ((i + 1) % N)), FORKS + 4);
    store<u32>(b, <u32>shared, SHARED);
    store<u32>(threads + 4 * i, CreateThread(0, 0, philosopher.index, b, 0, 0));
  }
  println("main (thread " + GetCurrentThreadId().toString() + "): the table is set; waiting for every philosopher");
  WaitForMultipleObjects(N, threads, 1, INFINITE);

  let meals: u32 = 0;
  for (let i = 0; i < N; i++) meals += load<u32>(blocks + BLOCK_SIZE * i, MEALS_EATEN);
  let free = 0;
  for (let i = 0; i < N; i++) {
    const f = load<u32>(forks + 4 * i);
    if (WaitForSingleObject(f, 0) == WAIT_OBJECT_0) { free++; ReleaseMutex(f); }
  }
  const violations = atomic.load<u32>(shared + VIOLATIONS);
  println("main: " + meals.toString() + " meals eaten (expected " + (N * MEALS).toString() + "), " +
    free.toString() + " of " + N.toString() + " forks free, " + violations.toString() + " forks held by two at once");
  for (let i = 0; i < N; i++) { CloseHandle(load<u32>(threads + 4 * i)); CloseHandle(load<u32>(forks + 4 * i)); }
  const ok = meals == <u32>(N * MEALS) && free == N && violations == 0;
  println(ok ? "dinner is over: everyone ate, no deadlock" : "dinner FAILED");
  return ok ? 0 : 1;
}
