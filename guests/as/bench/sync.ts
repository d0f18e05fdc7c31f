// Benchmark workloads for `npm run bench` (bench/run.mjs): each export runs one operation N times
// (PINGPONG_N round trips for pingpong) and returns that count as its exit code. The host times the
// export and subtracts the cost of `empty`, which only starts and ends the process.
import {
  CloseHandle, CreateEventW, CreateMutexW, CreateSemaphoreW, CreateThread, INFINITE, ReleaseMutex, ReleaseSemaphore,
  ResetEvent, SetEvent, WaitForMultipleObjects, WaitForSingleObject,
  EnterCriticalSection, InitializeCriticalSection, LeaveCriticalSection, DeleteCriticalSection,
} from "../ntwasm";

const N: i32 = 2000000;
const PINGPONG_N: i32 = 100000;

export function empty(): i32 { return 0; }

export function mutex_uncontended(): i32 {
  const n = N;
  const m = CreateMutexW(0, 0, 0);
  for (let i = 0; i < n; i++) { WaitForSingleObject(m, INFINITE); ReleaseMutex(m); }
  CloseHandle(m);
  return n;
}

export function event_set_reset(): i32 {
  const n = N;
  const e = CreateEventW(0, 1, 0, 0);
  for (let i = 0; i < n; i++) { SetEvent(e); ResetEvent(e); }
  CloseHandle(e);
  return n;
}

export function sem_release_wait(): i32 {
  const n = N;
  const s = CreateSemaphoreW(0, 0, 1, 0);
  for (let i = 0; i < n; i++) { ReleaseSemaphore(s, 1, 0); WaitForSingleObject(s, 0); }
  CloseHandle(s);
  return n;
}

export function create_close_event(): i32 {
  const n = N;
  for (let i = 0; i < n; i++) CloseHandle(CreateEventW(0, 1, 0, 0));
  return n;
}

export function wait_any_64(): i32 {
  const n = N;
  const hs = heap.alloc(4 * 64);
  for (let i = 0; i < 64; i++) store<u32>(hs + 4 * i, CreateEventW(0, 1, i == 63 ? 1 : 0, 0));
  for (let i = 0; i < n; i++) WaitForMultipleObjects(64, hs, 0, 0);
  for (let i = 0; i < 64; i++) CloseHandle(load<u32>(hs + 4 * i));
  return n;
}

// Ping-pong: [ping event, pong event, rounds]
function ponger(block: u32): u32 {
  const rounds = load<i32>(block, 8);
  for (let i = 0; i < rounds; i++) {
    WaitForSingleObject(load<u32>(block), INFINITE);
    SetEvent(load<u32>(block, 4));
  }
  return 0;
}

export function pingpong(): i32 {
  const n = PINGPONG_N;
  const block = heap.alloc(12);
  store<u32>(block, CreateEventW(0, 0, 0, 0));
  store<u32>(block, CreateEventW(0, 0, 0, 0), 4);
  store<i32>(block, n, 8);
  const t = CreateThread(0, 0, ponger.index, block, 0, 0);
  for (let i = 0; i < n; i++) {
    SetEvent(load<u32>(block));
    WaitForSingleObject(load<u32>(block, 4), INFINITE);
  }
  WaitForSingleObject(t, INFINITE);
  CloseHandle(t);
  CloseHandle(load<u32>(block));
  CloseHandle(load<u32>(block, 4));
  return n;
}

/** EnterCriticalSection + LeaveCriticalSection, uncontended: usermode.wasm, no kernel call. */
export function critical_section(): i32 {
  const n = N;
  const cs = heap.alloc(24);
  InitializeCriticalSection(cs);
  for (let i = 0; i < n; i++) { EnterCriticalSection(cs); LeaveCriticalSection(cs); }
  DeleteCriticalSection(cs);
  return n;
}
