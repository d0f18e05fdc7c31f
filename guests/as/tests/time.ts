// Time and waitable timers: tick counts, the performance counter, the system time, Sleep/SleepEx,
// CreateWaitableTimer(Ex)/OpenWaitableTimer, SetWaitableTimer (relative, absolute, periodic),
// CancelWaitableTimer, manual vs synchronization timers, completion routines and their order.
// Expected values follow Windows as documented and as Wine's kernel32/tests/sync.c and
// ntdll/tests/om.c record it. Threads never allocate: they report through shared memory.
import {
  CancelWaitableTimer, CloseHandle, CreateEventW, CreateMutexW, CreateThread, CreateWaitableTimerA, CreateWaitableTimerExW,
  CreateWaitableTimerW, CREATE_WAITABLE_TIMER_MANUAL_RESET, DuplicateHandle, ERROR_ACCESS_DENIED,
  ERROR_ALREADY_EXISTS, ERROR_FILE_NOT_FOUND, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_NOACCESS, GENERIC_WRITE,
  GetCurrentProcess, GetCurrentThreadId, GetLastError, GetSystemTimeAsFileTime, GetTickCount, GetTickCount64, INFINITE, OpenWaitableTimerA,
  OpenWaitableTimerW, QueryPerformanceCounter, QueryPerformanceFrequency, SetLastError, SetWaitableTimer, Sleep, SleepEx,
  SYNCHRONIZE, TIMER_ALL_ACCESS, TIMER_MODIFY_STATE, WaitForMultipleObjects, WaitForSingleObject, WaitForSingleObjectEx, WAIT_FAILED,
  WAIT_IO_COMPLETION, WAIT_OBJECT_0, WAIT_TIMEOUT,
} from "../ntwasm";
import { done, eq, ok, shared } from "../lib/test";
import { A, W } from "../lib/win";

/** Generous bound for waits that must succeed, so a kernel bug fails a check instead of hanging. */
const LONG: u32 = 10000;
const BAD: u32 = 0xdeadbee0;
/** 100-ns units per millisecond. */
const MS: i64 = 10000;
/** FILETIME of 2020-01-01 and of 2100-01-01 (UTC). */
const FT_2020: i64 = 132223104000000000;
const FT_2100: i64 = 157469184000000000;

function fileTimeNow(): i64 {
  const p = shared(8);
  GetSystemTimeAsFileTime(p);
  return load<i64>(p);
}

function qpc(): i64 {
  const p = shared(8);
  ok(QueryPerformanceCounter(p) != 0, "QueryPerformanceCounter");
  return load<i64>(p);
}

/** A LARGE_INTEGER due time in guest memory. */
function dueTime(v: i64): usize {
  const p = shared(8);
  store<i64>(p, v);
  return p;
}

/** Relative due time of `ms` milliseconds. */
function after(ms: i64): usize { return dueTime(-ms * MS); }

function set(timer: u32, due: usize, period: i32 = 0): bool {
  return SetWaitableTimer(timer, due, period, 0, 0, 0) != 0;
}

// ---------------------------------------------------------------------------------------------------
export function test_tick_count_and_counter(): i32 {
  const f = shared(8);
  ok(QueryPerformanceFrequency(f) != 0, "QueryPerformanceFrequency");
  eq<i64>(load<i64>(f), 10000000, "frequency");
  let lastTick = GetTickCount64();
  let lastCounter = qpc();
  let monotonic = true;
  for (let i = 0; i < 2000; i++) {
    const tk = GetTickCount64();
    const c = qpc();
    if (tk < lastTick || c < lastCounter) monotonic = false;
    lastTick = tk;
    lastCounter = c;
    if (i % 500 == 0) Sleep(1);
  }
  ok(monotonic, "GetTickCount64 and QueryPerformanceCounter never go back");
  const t0 = GetTickCount64(), c0 = qpc(), d0 = GetTickCount();
  Sleep(50);
  const t1 = GetTickCount64(), c1 = qpc(), d1 = GetTickCount();
  ok(t1 - t0 >= 49, "Sleep(50) advances GetTickCount64 by at least 49 ms: " + (t1 - t0).toString());
  ok(d1 - d0 >= 49, "GetTickCount advances too");
  ok(c1 - c0 >= 49 * 10000, "the counter advances by at least 49 ms of ticks");
  ok(<u32>GetTickCount64() - GetTickCount() < 1000, "GetTickCount is the low half of GetTickCount64");
  SetLastError(0xdeadbeef);
  ok(QueryPerformanceCounter(0) == 0, "QueryPerformanceCounter(NULL) fails");
  eq(GetLastError(), ERROR_NOACCESS, "QueryPerformanceCounter(NULL) error");
  SetLastError(0xdeadbeef);
  ok(QueryPerformanceFrequency(0xfffffff0) == 0, "a pointer outside guest memory fails");
  eq(GetLastError(), ERROR_NOACCESS, "bad pointer error");
  return done();
}

export function test_system_time(): i32 {
  const a = fileTimeNow();
  ok(a > FT_2020 && a < FT_2100, "GetSystemTimeAsFileTime is after 2020 and before 2100: " + a.toString());
  Sleep(20);
  const b = fileTimeNow();
  ok(b - a >= 19 * MS, "the system time advances with Sleep");
  return done();
}

export function test_sleep_zero(): i32 {
  Sleep(0);
  eq(SleepEx(0, 0), 0, "SleepEx(0, FALSE)");
  eq(SleepEx(0, 1), 0, "SleepEx(0, TRUE) with no APC queued");
  eq(SleepEx(5, 1), 0, "SleepEx(5, TRUE) times out with 0");
  eq(SleepEx(5, 0), 0, "SleepEx(5, FALSE)");
  return done();
}

// ---------------------------------------------------------------------------------------------------
export function test_timer_relative(): i32 {
  const t = CreateWaitableTimerW(0, 1, 0);
  ok(t != 0, "CreateWaitableTimerW manual");
  eq(WaitForSingleObject(t, 0), WAIT_TIMEOUT, "a new timer is unsignaled");
  ok(set(t, after(10000)), "SetWaitableTimer 10 s");
  eq(WaitForSingleObject(t, 0), WAIT_TIMEOUT, "not due yet");
  const t0 = GetTickCount64();
  ok(set(t, after(30)), "SetWaitableTimer 30 ms");
  eq(WaitForSingleObject(t, LONG), WAIT_OBJECT_0, "the timer fires");
  ok(GetTickCount64() - t0 >= 29, "not before its due time");
  eq(WaitForSingleObject(t, 0), WAIT_OBJECT_0, "a manual-reset timer stays signaled");
  eq(WaitForSingleObject(t, 0), WAIT_OBJECT_0, "still");
  // A timer whose due time already passed fires at once.
  ok(set(t, dueTime(0)), "absolute time 0 (1601)");
  eq(WaitForSingleObject(t, 0), WAIT_OBJECT_0, "a due time in the past fires at once");
  ok(CloseHandle(t) != 0, "CloseHandle");
  return done();
}

export function test_timer_absolute(): i32 {
  const t = CreateWaitableTimerW(0, 0, 0);
  ok(t != 0, "CreateWaitableTimerW synchronization");
  const now = fileTimeNow();
  ok(set(t, dueTime(now + 10000 * MS)), "absolute due in 10 s");
  eq(WaitForSingleObject(t, 0), WAIT_TIMEOUT, "not due yet");
  const start = fileTimeNow();
  ok(set(t, dueTime(start + 40 * MS)), "absolute due in 40 ms");
  eq(WaitForSingleObject(t, LONG), WAIT_OBJECT_0, "the timer fires");
  ok(fileTimeNow() >= start + 40 * MS, "not before its absolute due time");
  ok(set(t, dueTime(start - 1000 * MS)), "absolute due time in the past");
  eq(WaitForSingleObject(t, LONG), WAIT_OBJECT_0, "fires at once");
  CloseHandle(t);
  return done();
}

export function test_timer_synchronization_resets(): i32 {
  const t = CreateWaitableTimerExW(0, 0, 0, TIMER_ALL_ACCESS);
  ok(t != 0, "CreateWaitableTimerExW without flags: synchronization timer");
  ok(set(t, after(1)), "SetWaitableTimer");
  eq(WaitForSingleObject(t, LONG), WAIT_OBJECT_0, "fires");
  eq(WaitForSingleObject(t, 0), WAIT_TIMEOUT, "a synchronization timer resets when a wait takes it");
  const m = CreateWaitableTimerExW(0, 0, CREATE_WAITABLE_TIMER_MANUAL_RESET, TIMER_ALL_ACCESS);
  ok(set(m, after(1)), "SetWaitableTimer manual");
  eq(WaitForSingleObject(m, LONG), WAIT_OBJECT_0, "fires");
  eq(WaitForSingleObject(m, 0), WAIT_OBJECT_0, "CREATE_WAITABLE_TIMER_MANUAL_RESET stays signaled");
  CloseHandle(t);
  CloseHandle(m);
  return done();
}

// Waiter threads: +0 timer, +4 result, +8 ready, +12 woken counter pointer.
function timerWaiter(p: u32): u32 {
  atomic.store<i32>(p + 8, 1);
  const r = WaitForSingleObject(load<u32>(p), LONG);
  atomic.store<u32>(p + 4, r);
  if (r == WAIT_OBJECT_0) atomic.add<i32>(load<u32>(p + 12), 1);
  return 0;
}

function startWaiters(timer: u32, n: i32, woken: usize, blocks: usize, threads: usize): void {
  for (let i = 0; i < n; i++) {
    const p = blocks + <usize>i * 16;
    store<u32>(p, timer);
    store<u32>(p + 12, <u32>woken);
    const h = CreateThread(0, 0, timerWaiter.index, p, 0, 0);
    ok(h != 0, "CreateThread");
    store<u32>(threads + <usize>i * 4, h);
    while (atomic.load<i32>(p + 8) == 0) Sleep(1);
  }
  Sleep(30);
}

export function test_timer_wakes_all_or_one(): i32 {
  // Manual-reset: every waiter wakes.
  const m = CreateWaitableTimerW(0, 1, 0);
  const woken = shared(4);
  const blocks = shared(3 * 16), threads = shared(12);
  startWaiters(m, 3, woken, blocks, threads);
  ok(set(m, after(20)), "SetWaitableTimer manual");
  eq(WaitForMultipleObjects(3, threads, 1, LONG), WAIT_OBJECT_0, "all waiters end");
  eq(atomic.load<i32>(woken), 3, "a manual-reset timer wakes every waiter");
  for (let i = 0; i < 3; i++) CloseHandle(load<u32>(threads + i * 4));
  // Synchronization: one waiter per firing.
  const s = CreateWaitableTimerW(0, 0, 0);
  const woken2 = shared(4);
  const blocks2 = shared(2 * 16), threads2 = shared(8);
  startWaiters(s, 2, woken2, blocks2, threads2);
  ok(set(s, after(20)), "SetWaitableTimer synchronization");
  eq(WaitForMultipleObjects(2, threads2, 0, LONG) < 2, true, "one waiter ends");
  Sleep(100);
  eq(atomic.load<i32>(woken2), 1, "a synchronization timer wakes one waiter");
  ok(set(s, after(1)), "fire again");
  eq(WaitForMultipleObjects(2, threads2, 1, LONG), WAIT_OBJECT_0, "the other waiter ends");
  eq(atomic.load<i32>(woken2), 2, "each firing woke one");
  eq(WaitForSingleObject(s, 0), WAIT_TIMEOUT, "and the timer is unsignaled again");
  CloseHandle(load<u32>(threads2));
  CloseHandle(load<u32>(threads2 + 4));
  CloseHandle(m);
  CloseHandle(s);
  return done();
}

export function test_timer_periodic(): i32 {
  const t = CreateWaitableTimerW(0, 0, 0);
  ok(SetWaitableTimer(t, after(5), 10, 0, 0, 0) != 0, "SetWaitableTimer with a 10 ms period");
  let fired = 0;
  for (let i = 0; i < 4; i++) if (WaitForSingleObject(t, LONG) == WAIT_OBJECT_0) fired++;
  eq(fired, 4, "a periodic timer fires again and again");
  ok(CancelWaitableTimer(t) != 0, "CancelWaitableTimer");
  // A firing between the last wait and the cancel (a stalled VM: more than 10 ms) left it signaled, and
  // cancelling leaves the signaled state alone (test_timer_cancel): take that one, then none may come.
  WaitForSingleObject(t, 0);
  eq(WaitForSingleObject(t, 100), WAIT_TIMEOUT, "no more firings after cancel");
  CloseHandle(t);
  return done();
}

export function test_timer_cancel(): i32 {
  const t = CreateWaitableTimerW(0, 1, 0);
  ok(set(t, after(300)), "SetWaitableTimer 300 ms");
  ok(CancelWaitableTimer(t) != 0, "CancelWaitableTimer");
  eq(WaitForSingleObject(t, 600), WAIT_TIMEOUT, "a cancelled timer does not fire");
  ok(CancelWaitableTimer(t) != 0, "cancelling an inactive timer succeeds");
  ok(set(t, after(1)), "SetWaitableTimer 1 ms");
  eq(WaitForSingleObject(t, LONG), WAIT_OBJECT_0, "fires");
  ok(CancelWaitableTimer(t) != 0, "CancelWaitableTimer after it fired");
  eq(WaitForSingleObject(t, 0), WAIT_OBJECT_0, "cancel leaves the signaled state alone");
  CloseHandle(t);
  return done();
}

export function test_set_resets_signaled(): i32 {
  const t = CreateWaitableTimerW(0, 1, 0);
  ok(set(t, after(1)), "SetWaitableTimer");
  eq(WaitForSingleObject(t, LONG), WAIT_OBJECT_0, "fires");
  ok(set(t, after(10000)), "SetWaitableTimer again, 10 s");
  eq(WaitForSingleObject(t, 0), WAIT_TIMEOUT, "SetWaitableTimer unsignals the timer");
  CancelWaitableTimer(t);
  eq(WaitForSingleObject(t, 0), WAIT_TIMEOUT, "still unsignaled after cancel");
  CloseHandle(t);
  return done();
}

// Completion routines record (arg, FILETIME) into a log: +0 count, then 12 bytes per call.
let log: usize = 0;
function completion(arg: u32, low: u32, high: u32): void {
  const n = load<i32>(log);
  const p = log + 4 + <usize>n * 12;
  store<u32>(p, arg);
  store<u32>(p + 4, low);
  store<u32>(p + 8, high);
  store<i32>(log, n + 1);
}
function logArg(i: i32): u32 { return load<u32>(log + 4 + <usize>i * 12); }
function logTime(i: i32): i64 {
  const p = log + 4 + <usize>i * 12;
  return (<i64>load<u32>(p + 8) << 32) | <i64>load<u32>(p + 4);
}

export function test_timers_fire_in_order(): i32 {
  log = shared(4 + 16 * 12);
  const a = CreateWaitableTimerW(0, 0, 0), b = CreateWaitableTimerW(0, 0, 0), c = CreateWaitableTimerW(0, 0, 0);
  const start = fileTimeNow();
  // Scrambled: set in the order 60 ms, 20 ms, 40 ms.
  ok(SetWaitableTimer(a, after(60), 0, completion.index, 3, 0) != 0, "set a");
  ok(SetWaitableTimer(b, after(20), 0, completion.index, 1, 0) != 0, "set b");
  ok(SetWaitableTimer(c, after(40), 0, completion.index, 2, 0) != 0, "set c");
  let rounds = 0;
  while (load<i32>(log) < 3 && rounds < 100) {
    eq(SleepEx(LONG, 1), WAIT_IO_COMPLETION, "an alertable sleep ends with the completion routine");
    rounds++;
  }
  eq(load<i32>(log), 3, "three completion routines ran");
  eq(logArg(0), 1, "first: the 20 ms timer");
  eq(logArg(1), 2, "second: the 40 ms timer");
  eq(logArg(2), 3, "third: the 60 ms timer");
  ok(logTime(0) >= start + 20 * MS && logTime(0) < FT_2100, "the routine gets the firing time as a FILETIME");
  ok(logTime(0) <= logTime(1) && logTime(1) <= logTime(2), "firing times are in order");
  ok(logTime(2) >= start + 60 * MS, "no timer fires early");
  // The same through waits: the timers signal in due order (handles listed out of due order).
  const order = shared(12);
  const hs = shared(12);
  store<u32>(hs, c); store<u32>(hs + 4, a); store<u32>(hs + 8, b);
  ok(set(c, after(450)), "set c 450"); ok(set(a, after(50)), "set a 50"); ok(set(b, after(250)), "set b 250");
  for (let i = 0; i < 3; i++) store<u32>(order + i * 4, WaitForMultipleObjects(3, hs, 0, LONG));
  eq(load<u32>(order), 1, "a (50 ms) first");
  eq(load<u32>(order + 4), 2, "b (250 ms) second");
  eq(load<u32>(order + 8), 0, "c (450 ms) third");
  CloseHandle(a); CloseHandle(b); CloseHandle(c);
  return done();
}

export function test_completion_routine(): i32 {
  log = shared(4 + 16 * 12);
  const t = CreateWaitableTimerW(0, 1, 0);
  const start = fileTimeNow();
  ok(SetWaitableTimer(t, after(20), 0, completion.index, 0x1234, 0) != 0, "SetWaitableTimer with a routine");
  eq(WaitForSingleObject(t, LONG), WAIT_OBJECT_0, "a plain wait sees the timer fire");
  eq(load<i32>(log), 0, "the routine does not run in a non-alertable wait");
  Sleep(10);
  eq(load<i32>(log), 0, "nor in Sleep");
  eq(SleepEx(LONG, 1), WAIT_IO_COMPLETION, "an alertable wait runs it at once");
  eq(load<i32>(log), 1, "ran once");
  eq(logArg(0), 0x1234, "lpArgToCompletionRoutine");
  ok(logTime(0) >= start + 20 * MS && logTime(0) <= fileTimeNow(), "dwTimerLowValue/HighValue: the firing time");
  eq(SleepEx(0, 1), 0, "nothing left to run");
  // A thread waiting for the timer itself is satisfied by the firing; the routine stays queued.
  ok(SetWaitableTimer(t, after(5), 0, completion.index, 0x5678, 0) != 0, "again");
  eq(WaitForSingleObjectEx(t, LONG, 1), WAIT_OBJECT_0, "an alertable wait for the timer gets the timer");
  eq(load<i32>(log), 1, "the routine has not run yet");
  eq(SleepEx(0, 1), WAIT_IO_COMPLETION, "the next alertable wait runs it");
  eq(load<i32>(log), 2, "ran");
  eq(logArg(1), 0x5678, "its argument");
  // Periodic with a routine: the routine runs for each firing, until cancelled.
  ok(SetWaitableTimer(t, after(5), 10, completion.index, 7, 0) != 0, "periodic with a routine");
  let rounds = 0;
  while (load<i32>(log) < 5 && rounds < 100) { SleepEx(LONG, 1); rounds++; }
  ok(load<i32>(log) >= 5, "the routine ran for three firings");
  ok(CancelWaitableTimer(t) != 0, "cancel");
  SleepEx(0, 1); // a firing queued before the cancel may still run
  const n = load<i32>(log);
  eq(SleepEx(100, 1), 0, "no routine after cancel");
  eq(load<i32>(log), n, "count unchanged");
  // Closing an armed timer's last handle cancels it.
  ok(SetWaitableTimer(t, after(20), 0, completion.index, 9, 0) != 0, "armed");
  CloseHandle(t);
  eq(SleepEx(100, 1), 0, "a closed timer's routine never runs");
  return done();
}

// A thread sets a timer with a routine and sleeps alertably: the routine runs on that thread.
// Block: +0 timer, +4 SleepEx result, +8 routine's thread id, +12 routine's arg, +16 calls, +20 own id.
function timerSetter(p: u32): u32 {
  store<u32>(p + 20, GetCurrentThreadId());
  const due = p + 24;
  store<i64>(due, -20 * MS);
  SetWaitableTimer(load<u32>(p), due, 0, sharedCompletion.index, p, 0);
  atomic.store<u32>(p + 4, SleepEx(LONG, 1));
  return 0;
}
function sharedCompletion(p: u32, low: u32, high: u32): void {
  store<u32>(p + 8, GetCurrentThreadId());
  store<u32>(p + 12, p);
  atomic.add<i32>(p + 16, 1);
}

export function test_completion_routine_other_thread(): i32 {
  const t = CreateWaitableTimerW(0, 0, 0);
  const p = shared(32);
  store<u32>(p, t);
  const th = CreateThread(0, 0, timerSetter.index, p, 0, 0);
  ok(th != 0, "CreateThread");
  eq(WaitForSingleObject(th, LONG), WAIT_OBJECT_0, "the thread ends");
  eq(load<u32>(p + 4), WAIT_IO_COMPLETION, "its alertable sleep ran the routine");
  eq(load<i32>(p + 16), 1, "once");
  eq(load<u32>(p + 8), load<u32>(p + 20), "on the thread that set the timer");
  eq(load<u32>(p + 12), <u32>p, "with its argument");
  eq(SleepEx(50, 1), 0, "never on the main thread");
  CloseHandle(th);
  CloseHandle(t);
  return done();
}

// ---------------------------------------------------------------------------------------------------
export function test_timer_names(): i32 {
  const t = CreateWaitableTimerW(0, 1, W("ntwasm-timer"));
  ok(t != 0, "named timer");
  eq(GetLastError(), 0, "new: last error 0");
  const t2 = CreateWaitableTimerA(0, 0, A("ntwasm-timer"));
  ok(t2 != 0 && t2 != t, "same name again gives another handle");
  eq(GetLastError(), ERROR_ALREADY_EXISTS, "ERROR_ALREADY_EXISTS");
  const t3 = OpenWaitableTimerW(TIMER_ALL_ACCESS, 0, W("ntwasm-timer"));
  ok(t3 != 0, "OpenWaitableTimerW");
  ok(set(t3, after(1)), "set through the opened handle");
  eq(WaitForSingleObject(t, LONG), WAIT_OBJECT_0, "the same timer");
  SetLastError(0xdeadbeef);
  eq(OpenWaitableTimerA(TIMER_ALL_ACCESS, 0, A("ntwasm-no-such-timer")), 0, "open a missing name");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND");
  const ev = CreateEventW(0, 0, 0, W("ntwasm-timer-event"));
  SetLastError(0xdeadbeef);
  eq(CreateWaitableTimerW(0, 0, W("ntwasm-timer-event")), 0, "a name used by an event");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  SetLastError(0xdeadbeef);
  eq(OpenWaitableTimerW(TIMER_ALL_ACCESS, 0, W("ntwasm-timer-event")), 0, "open an event as a timer");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  SetLastError(0xdeadbeef);
  eq(OpenWaitableTimerW(TIMER_ALL_ACCESS, 0, 0), 0, "open with a NULL name");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER");
  CloseHandle(t); CloseHandle(t2); CloseHandle(t3); CloseHandle(ev);
  return done();
}

export function test_timer_errors(): i32 {
  const ev = CreateEventW(0, 1, 0, 0);
  const mx = CreateMutexW(0, 0, 0);
  const t = CreateWaitableTimerW(0, 0, 0);
  SetLastError(0xdeadbeef);
  eq(SetWaitableTimer(ev, after(1), 0, 0, 0, 0), 0, "SetWaitableTimer on an event");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "wrong type: ERROR_INVALID_HANDLE");
  SetLastError(0xdeadbeef);
  eq(CancelWaitableTimer(mx), 0, "CancelWaitableTimer on a mutex");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "wrong type: ERROR_INVALID_HANDLE");
  SetLastError(0xdeadbeef);
  eq(SetWaitableTimer(BAD, after(1), 0, 0, 0, 0), 0, "SetWaitableTimer on a bad handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  SetLastError(0xdeadbeef);
  eq(CancelWaitableTimer(0), 0, "CancelWaitableTimer(NULL)");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  SetLastError(0xdeadbeef);
  eq(SetWaitableTimer(t, after(1), -1, 0, 0, 0), 0, "negative period");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER");
  SetLastError(0xdeadbeef);
  eq(SetWaitableTimer(t, 0, 0, 0, 0, 0), 0, "NULL due time");
  eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS");
  SetLastError(0xdeadbeef);
  eq(SetWaitableTimer(t, 0xfffffffc, 0, 0, 0, 0), 0, "due time outside guest memory");
  eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS");
  SetLastError(0xdeadbeef);
  eq(CreateWaitableTimerExW(0, 0, 0x100, TIMER_ALL_ACCESS), 0, "unknown CreateWaitableTimerEx flag");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER");
  CloseHandle(ev); CloseHandle(mx); CloseHandle(t);
  return done();
}

export function test_timer_access(): i32 {
  const sync = CreateWaitableTimerExW(0, 0, CREATE_WAITABLE_TIMER_MANUAL_RESET, SYNCHRONIZE);
  ok(sync != 0, "a timer handle with SYNCHRONIZE only");
  SetLastError(0xdeadbeef);
  eq(SetWaitableTimer(sync, after(1), 0, 0, 0, 0), 0, "SetWaitableTimer needs TIMER_MODIFY_STATE");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED");
  SetLastError(0xdeadbeef);
  eq(CancelWaitableTimer(sync), 0, "CancelWaitableTimer needs TIMER_MODIFY_STATE");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED");
  eq(WaitForSingleObject(sync, 0), WAIT_TIMEOUT, "waiting needs only SYNCHRONIZE");
  const h = shared(4);
  ok(DuplicateHandle(GetCurrentProcess(), sync, GetCurrentProcess(), h, TIMER_MODIFY_STATE, 0, 0) != 0, "duplicate: modify only");
  const modify = load<u32>(h);
  ok(set(modify, after(1)), "TIMER_MODIFY_STATE sets it");
  SetLastError(0xdeadbeef);
  eq(WaitForSingleObject(modify, 0), WAIT_FAILED, "a wait needs SYNCHRONIZE");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED");
  eq(WaitForSingleObject(sync, LONG), WAIT_OBJECT_0, "the other handle sees it fire");
  ok(DuplicateHandle(GetCurrentProcess(), sync, GetCurrentProcess(), h, GENERIC_WRITE, 0, 0) != 0, "duplicate: GENERIC_WRITE");
  const gw = load<u32>(h);
  ok(set(gw, after(1)), "GENERIC_WRITE maps to TIMER_MODIFY_STATE");
  SetLastError(0xdeadbeef);
  eq(WaitForSingleObject(gw, 0), WAIT_FAILED, "GENERIC_WRITE has no SYNCHRONIZE");
  CloseHandle(sync); CloseHandle(modify); CloseHandle(gw);
  return done();
}

// ---------------------------------------------------------------------------------------------------
// Not tests (no test_ prefix): entries test/time.test.ts runs to measure CPU use while sleeping.
function sleeper(ms: u32): u32 { Sleep(ms); return 0; }

/** A guest thread sleeps 10 s while the main thread waits for it without a timeout. */
export function sleep_in_thread(): i32 {
  const h = CreateThread(0, 0, sleeper.index, 10000, 0, 0);
  if (!h) return 1;
  return WaitForSingleObject(h, INFINITE) == WAIT_OBJECT_0 ? 0 : 2;
}

/** The main thread waits 10 s for a timer while another timer is armed far in the future. */
export function wait_for_timer(): i32 {
  const far = CreateWaitableTimerW(0, 1, 0);
  const t = CreateWaitableTimerW(0, 1, 0);
  const p = shared(8);
  store<i64>(p, -3600 * 1000 * MS);
  SetWaitableTimer(far, p, 0, 0, 0, 0);
  store<i64>(p, -10000 * MS);
  SetWaitableTimer(t, p, 0, 0, 0, 0);
  return WaitForSingleObject(t, INFINITE) == WAIT_OBJECT_0 ? 0 : 1;
}
