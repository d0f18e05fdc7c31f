// Workloads for test/kernel-invariants.test.ts: many create/close cycles of every object kind. The
// host compares kernel memory before and after; these exports only do the work and count failures.
import {
  CloseHandle, CreateEventW, CreateMutexW, CreateSemaphoreW, CreateThread, CreateWaitableTimerW, GetCurrentThread,
  INFINITE, QueueUserAPC, SetWaitableTimer, SleepEx, TlsAlloc, TlsFree, TlsSetValue, WaitForSingleObject,
} from "../ntwasm";
import { W } from "../lib/win";

export function cycle_events(): i32 {
  let failures = 0;
  for (let i = 0; i < 1000000; i++) {
    const h = CreateEventW(0, 1, 0, 0);
    if (!h || !CloseHandle(h)) failures++;
  }
  return failures;
}

export function cycle_named(): i32 {
  let failures = 0;
  const names = [W("cycle-event"), W("cycle-mutex"), W("cycle-semaphore")];
  for (let i = 0; i < 100000; i++) {
    const e = CreateEventW(0, 1, 0, names[0]);
    const m = CreateMutexW(0, 1, names[1]);
    const s = CreateSemaphoreW(0, 1, 10, names[2]);
    if (!e || !m || !s) failures++;
    if (!CloseHandle(e) || !CloseHandle(m) || !CloseHandle(s)) failures++;
  }
  return failures;
}

function nothing(param: u32): u32 { return param; }

export function cycle_threads(): i32 {
  let failures = 0;
  for (let i = 0; i < 50; i++) {
    const t = CreateThread(0, 0, nothing.index, i, 0, 0);
    if (!t || WaitForSingleObject(t, INFINITE) != 0 || !CloseHandle(t)) failures++;
  }
  return failures;
}

/** Leaves handles open: the process's end must close them and free their objects. */
export function leak_handles(): i32 {
  for (let i = 0; i < 1000; i++) CreateEventW(0, 0, 0, 0);
  CreateMutexW(0, 1, W("leaked-owned-mutex"));
  return 0;
}

function apc(_: u32): void {}
function timerApc(_: usize, _low: u32, _high: u32): void {}

/** Timers (with completion routines), APCs and TLS: the records they allocate must all come back. */
export function cycle_timers_apcs_tls(): i32 {
  let failures = 0;
  const due = heap.alloc(8);
  store<i64>(due, -1); // 100 ns from now
  for (let i = 0; i < 2000; i++) {
    const t = CreateWaitableTimerW(0, 1, 0);
    if (!SetWaitableTimer(t, due, 0, timerApc.index, 0, 0)) failures++;
    if (WaitForSingleObject(t, INFINITE) != 0) failures++;
    QueueUserAPC(apc.index, GetCurrentThread(), i);
    if (SleepEx(INFINITE, 1) != 0xc0) failures++; // runs both APCs
    CloseHandle(t);
    const slot = TlsAlloc();
    TlsSetValue(slot, i);
    TlsFree(slot);
  }
  return failures;
}
