// Handles: values, bad handles, pseudo-handles, DuplicateHandle, handle flags, access checks,
// per-thread last error and a million handles. Expected values follow Windows as Wine's
// kernel32/tests/sync.c, process.c and ntdll/tests/om.c record it (see the notes per test).
import {
  CloseHandle, CreateEventExW, CreateEventW, CreateMutexW, CreateSemaphoreW, CreateThread, DuplicateHandle,
  DUPLICATE_CLOSE_SOURCE, DUPLICATE_SAME_ACCESS, ERROR_ACCESS_DENIED, ERROR_FILE_NOT_FOUND, ERROR_INVALID_HANDLE,
  ERROR_NOACCESS, EVENT_ALL_ACCESS, EVENT_MODIFY_STATE, GetCurrentProcess, GetCurrentProcessId, GetCurrentThread,
  GetCurrentThreadId, GetExitCodeThread, GetHandleInformation, GetLastError, GetProcessId, GetThreadId, HANDLE_FLAG_INHERIT,
  HANDLE_FLAG_PROTECT_FROM_CLOSE, INFINITE, NtClose, OpenEventW, PulseEvent, ReleaseMutex, ReleaseSemaphore, ResetEvent,
  SetEvent, SetHandleInformation, SetLastError, STATUS_INVALID_HANDLE, STATUS_SUCCESS, SYNCHRONIZE, WaitForMultipleObjects,
  WaitForSingleObject, WAIT_FAILED, WAIT_OBJECT_0, WAIT_TIMEOUT,
} from "../ntwasm";
import { W } from "../lib/win";
import { done, eq, ok, shared } from "../lib/test";

const BAD_PTR: usize = 0xfffffff0;

function newEvent(): u32 { return CreateEventW(0, 1, 0, 0); }

/** Duplicates `h` within the process; the new value (0 on failure) with the last error set by the call. */
function dup(h: u32, access: u32, inherit: i32, options: u32): u32 {
  const out = shared(4);
  store<u32>(out, 0xdeadbeef);
  const r = DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), out, access, inherit, options);
  return r ? load<u32>(out) : 0;
}

function flagsOf(h: u32): u32 {
  const p = shared(4);
  store<u32>(p, 0xdeadbeef);
  if (!GetHandleInformation(h, p)) return 0xdeadbeef;
  return load<u32>(p);
}

// Handles are multiples of 4; the low two bits are ignored; closed values come back LIFO
// [k32sync:test_WaitForSingleObject modify_handle; proc:test_DuplicateHandle; semantics §7].
export function test_values(): i32 {
  const a = newEvent(), b = newEvent(), c = newEvent();
  ok(a != 0 && b != 0 && c != 0, "create three events");
  eq(a & 3, 0, "handle a is a multiple of 4");
  eq(b & 3, 0, "handle b is a multiple of 4");
  eq(c & 3, 0, "handle c is a multiple of 4");
  ok(a != b && b != c && a != c, "handles are distinct");
  for (let bits: u32 = 1; bits < 4; bits++) {
    const tag = " (h|" + bits.toString() + ")";
    SetLastError(0xdeadbeef);
    eq(WaitForSingleObject(a | bits, 0), WAIT_TIMEOUT, "wait on unsignaled" + tag);
    eq(GetLastError(), 0xdeadbeef, "timeout leaves last error" + tag);
    eq(SetEvent(a | bits), 1, "SetEvent" + tag);
    eq(WaitForSingleObject(a | bits, 0), WAIT_OBJECT_0, "wait on signaled" + tag);
    eq(GetLastError(), 0xdeadbeef, "success leaves last error" + tag);
    eq(WaitForSingleObject(a, 0), WAIT_OBJECT_0, "same object through the plain value" + tag);
    eq(ResetEvent(a | bits), 1, "ResetEvent" + tag);
    eq(PulseEvent(a | bits), 1, "PulseEvent" + tag);
  }
  const hs = shared(4);
  store<u32>(hs, b | 3);
  SetEvent(b);
  eq(WaitForMultipleObjects(1, hs, 0, 0), WAIT_OBJECT_0, "WaitForMultipleObjects with h|3");
  eq(CloseHandle(c | 2), 1, "CloseHandle(h|2)");
  SetLastError(0);
  eq(CloseHandle(c), 0, "h|2 closed the handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "double close error");
  // c is free now: the next create takes its value.
  const d = newEvent();
  eq(d, c, "a closed value is reused by the next create");
  // LIFO: close a, then d; the next two creates get d, then a.
  eq(CloseHandle(a), 1, "close a");
  eq(CloseHandle(d), 1, "close d");
  const e = CreateMutexW(0, 0, 0);
  const f = CreateSemaphoreW(0, 0, 1, 0);
  eq(e, d, "most recently freed value first (LIFO)");
  eq(f, a, "then the one freed before it");
  CloseHandle(b); CloseHandle(e); CloseHandle(f);
  return done();
}

// Invalid handles → FALSE + ERROR_INVALID_HANDLE; waits → WAIT_FAILED [k32sync:test_WaitForSingleObject; semantics §6].
function checkBad(h: u32, what: string): void {
  const tag = " " + what + " (0x" + h.toString(16) + ")";
  const p = shared(4);
  SetLastError(0);
  eq(CloseHandle(h), 0, "CloseHandle" + tag);
  eq(GetLastError(), ERROR_INVALID_HANDLE, "CloseHandle error" + tag);
  SetLastError(0);
  eq(SetEvent(h), 0, "SetEvent" + tag);
  eq(GetLastError(), ERROR_INVALID_HANDLE, "SetEvent error" + tag);
  SetLastError(0);
  eq(ResetEvent(h), 0, "ResetEvent" + tag);
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ResetEvent error" + tag);
  SetLastError(0);
  eq(PulseEvent(h), 0, "PulseEvent" + tag);
  eq(GetLastError(), ERROR_INVALID_HANDLE, "PulseEvent error" + tag);
  SetLastError(0);
  eq(ReleaseMutex(h), 0, "ReleaseMutex" + tag);
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ReleaseMutex error" + tag);
  SetLastError(0);
  eq(ReleaseSemaphore(h, 1, p), 0, "ReleaseSemaphore" + tag);
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ReleaseSemaphore error" + tag);
  SetLastError(0);
  eq(WaitForSingleObject(h, 0), WAIT_FAILED, "WaitForSingleObject" + tag);
  eq(GetLastError(), ERROR_INVALID_HANDLE, "WaitForSingleObject error" + tag);
  const hs = shared(4);
  store<u32>(hs, h);
  SetLastError(0);
  eq(WaitForMultipleObjects(1, hs, 0, 0), WAIT_FAILED, "WaitForMultipleObjects" + tag);
  eq(GetLastError(), ERROR_INVALID_HANDLE, "WaitForMultipleObjects error" + tag);
  SetLastError(0);
  eq(GetHandleInformation(h, p), 0, "GetHandleInformation" + tag);
  eq(GetLastError(), ERROR_INVALID_HANDLE, "GetHandleInformation error" + tag);
  SetLastError(0);
  eq(SetHandleInformation(h, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT), 0, "SetHandleInformation" + tag);
  eq(GetLastError(), ERROR_INVALID_HANDLE, "SetHandleInformation error" + tag);
  SetLastError(0);
  eq(GetThreadId(h), 0, "GetThreadId" + tag);
  eq(GetLastError(), ERROR_INVALID_HANDLE, "GetThreadId error" + tag);
  SetLastError(0);
  eq(GetProcessId(h), 0, "GetProcessId" + tag);
  eq(GetLastError(), ERROR_INVALID_HANDLE, "GetProcessId error" + tag);
  eq(NtClose(h), STATUS_INVALID_HANDLE, "NtClose" + tag);
}

export function test_bad_handles(): i32 {
  checkBad(0, "NULL");
  checkBad(0xfffffff0, "-16");
  checkBad(0xffffff00, "-256");
  checkBad(0x7ffffffc, "huge");
  checkBad(0xdeadbee0, "0xdeadbee0");
  checkBad(0xdeadbee1, "0xdeadbee0|1");
  checkBad(0xdeadbee2, "0xdeadbee0|2");
  checkBad(0xdeadbee3, "0xdeadbee0|3");
  const h = newEvent();
  checkBad(h + 4000, "never allocated, above the last handle");
  eq(CloseHandle(h), 1, "close");
  checkBad(h, "closed");
  checkBad(h | 1, "closed|1");
  // An object of the wrong type is an invalid handle for the call as well [semantics §0/§1].
  const m = CreateMutexW(0, 0, 0);
  SetLastError(0);
  eq(SetEvent(m), 0, "SetEvent on a mutex");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "SetEvent on a mutex: error");
  const ev = newEvent();
  SetLastError(0);
  eq(ReleaseMutex(ev), 0, "ReleaseMutex on an event");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ReleaseMutex on an event: error");
  SetLastError(0);
  eq(GetThreadId(ev), 0, "GetThreadId on an event");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "GetThreadId on an event: error");
  SetLastError(0);
  eq(GetProcessId(GetCurrentThread()), 0, "GetProcessId on the thread pseudo-handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "GetProcessId on the thread pseudo-handle: error");
  CloseHandle(m); CloseHandle(ev);
  return done();
}

function idWorker(p: u32): u32 {
  store<u32>(p + 4, GetCurrentThreadId());
  store<u32>(p + 8, GetCurrentProcessId());
  store<u32>(p + 12, GetThreadId(GetCurrentThread()));
  WaitForSingleObject(load<u32>(p), INFINITE); // the main thread has looked at this thread
  return 42;
}

// GetCurrentProcess() == -1, GetCurrentThread() == -2; ids are multiples of 4; closing a
// pseudo-handle is a no-op that succeeds (Win10+) [ros-km; docs; semantics §6].
export function test_pseudo_handles(): i32 {
  eq(GetCurrentProcess(), 0xffffffff, "GetCurrentProcess() == -1");
  eq(GetCurrentThread(), 0xfffffffe, "GetCurrentThread() == -2");
  const pid = GetCurrentProcessId(), tid = GetCurrentThreadId();
  ok(pid != 0, "process id nonzero");
  eq(pid & 3, 0, "process id multiple of 4");
  ok(tid != 0, "thread id nonzero");
  eq(tid & 3, 0, "thread id multiple of 4");
  eq(GetProcessId(GetCurrentProcess()), pid, "GetProcessId(GetCurrentProcess())");
  eq(GetThreadId(GetCurrentThread()), tid, "GetThreadId(GetCurrentThread())");
  eq(WaitForSingleObject(GetCurrentProcess(), 0), WAIT_TIMEOUT, "process pseudo-handle is waitable");
  eq(WaitForSingleObject(GetCurrentThread(), 0), WAIT_TIMEOUT, "thread pseudo-handle is waitable");
  eq(CloseHandle(GetCurrentProcess()), 1, "CloseHandle(GetCurrentProcess())");
  eq(CloseHandle(GetCurrentThread()), 1, "CloseHandle(GetCurrentThread())");
  eq(GetProcessId(GetCurrentProcess()), pid, "process pseudo-handle still works after close");
  eq(GetThreadId(GetCurrentThread()), tid, "thread pseudo-handle still works after close");

  // A new thread has its own id.
  const p = shared(16);
  const go = newEvent();
  store<u32>(p, go);
  const idOut = shared(4);
  const th = CreateThread(0, 0, idWorker.index, p, 0, idOut);
  ok(th != 0, "CreateThread");
  eq(th & 3, 0, "thread handle multiple of 4");
  const newTid = load<u32>(idOut);
  ok(newTid != 0, "new thread id nonzero");
  eq(newTid & 3, 0, "new thread id multiple of 4");
  ok(newTid != tid, "new thread id differs from the main thread's");
  eq(GetThreadId(th), newTid, "GetThreadId(thread handle) == lpThreadId");
  SetEvent(go);
  eq(WaitForSingleObject(th, 10000), WAIT_OBJECT_0, "thread ends");
  eq(load<u32>(p + 4), newTid, "thread's GetCurrentThreadId == lpThreadId");
  eq(load<u32>(p + 8), pid, "thread's GetCurrentProcessId == process id");
  eq(load<u32>(p + 12), newTid, "thread's GetThreadId(GetCurrentThread())");
  const code = shared(4);
  eq(GetExitCodeThread(th, code), 1, "GetExitCodeThread");
  eq(load<u32>(code), 42, "exit code");
  eq(GetThreadId(th), newTid, "GetThreadId after the thread ended");
  CloseHandle(th); CloseHandle(go);
  return done();
}

// DuplicateHandle within the process [proc:test_DuplicateHandle; om:test_duplicate_object; semantics §6].
export function test_duplicate(): i32 {
  const ev = CreateEventW(0, 1, 0, W("handles-dup-ev"));
  // DUPLICATE_SAME_ACCESS: a second handle to the same object.
  const d1 = dup(ev, 0, 0, DUPLICATE_SAME_ACCESS);
  ok(d1 != 0 && d1 != ev, "DUPLICATE_SAME_ACCESS gives a new handle");
  eq(d1 & 3, 0, "duplicate is a multiple of 4");
  eq(SetEvent(d1), 1, "SetEvent through the duplicate");
  eq(WaitForSingleObject(ev, 0), WAIT_OBJECT_0, "same object");
  eq(ResetEvent(ev), 1, "reset");
  eq(flagsOf(d1), 0, "duplicate has no flags");
  // bInheritHandle sets HANDLE_FLAG_INHERIT.
  const d2 = dup(ev, 0, 1, DUPLICATE_SAME_ACCESS);
  eq(flagsOf(d2), HANDLE_FLAG_INHERIT, "bInheritHandle gives HANDLE_FLAG_INHERIT");
  CloseHandle(d2);

  // Reduced access: SYNCHRONIZE only.
  const s = dup(ev, SYNCHRONIZE, 0, 0);
  ok(s != 0, "duplicate with SYNCHRONIZE only");
  SetLastError(0);
  eq(SetEvent(s), 0, "SetEvent without EVENT_MODIFY_STATE");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "SetEvent without EVENT_MODIFY_STATE: error");
  eq(WaitForSingleObject(s, 0), WAIT_TIMEOUT, "wait with SYNCHRONIZE works (unsignaled)");
  SetEvent(ev);
  eq(WaitForSingleObject(s, 0), WAIT_OBJECT_0, "wait with SYNCHRONIZE works (signaled)");
  ResetEvent(ev);
  CloseHandle(s);
  // Access 0, options 0 → a handle with no rights [om:test_zero_access].
  const z = dup(ev, 0, 0, 0);
  ok(z != 0, "duplicate with access 0");
  SetLastError(0);
  eq(WaitForSingleObject(z, 0), WAIT_FAILED, "wait through a no-rights handle");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "wait through a no-rights handle: error");
  SetLastError(0);
  eq(SetEvent(z), 0, "SetEvent through a no-rights handle");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "SetEvent through a no-rights handle: error");
  eq(CloseHandle(z), 1, "close a no-rights handle");

  // DUPLICATE_CLOSE_SOURCE: within one process the new handle takes the source's value.
  const c = dup(d1, 0, 0, DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE);
  ok(c != 0, "DUPLICATE_CLOSE_SOURCE");
  eq(c, d1, "DUPLICATE_CLOSE_SOURCE in-process returns the source's value");
  // Source really closed: with ev and c closed, the name must go away.
  CloseHandle(ev);
  const o = OpenEventW(EVENT_ALL_ACCESS, 0, W("handles-dup-ev"));
  ok(o != 0, "object alive through the CLOSE_SOURCE duplicate");
  CloseHandle(o);
  const c2 = dup(c, 0, 0, DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE);
  ok(c2 != 0, "CLOSE_SOURCE again");
  eq(CloseHandle(c2), 1, "close the last handle");
  SetLastError(0);
  eq(OpenEventW(EVENT_ALL_ACCESS, 0, W("handles-dup-ev")), 0, "the source was closed: the name is gone");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "name gone: error");

  // CLOSE_SOURCE on a protected source: succeeds, the source stays open.
  const pr = newEvent();
  eq(SetHandleInformation(pr, HANDLE_FLAG_PROTECT_FROM_CLOSE, HANDLE_FLAG_PROTECT_FROM_CLOSE), 1, "protect");
  const pd = dup(pr, 0, 0, DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE);
  ok(pd != 0, "CLOSE_SOURCE on a protected handle succeeds");
  ok(pd != pr, "the protected source was not closed (new value)");
  eq(SetHandleInformation(pr, HANDLE_FLAG_PROTECT_FROM_CLOSE, 0), 1, "protected source still valid");
  eq(CloseHandle(pr), 1, "close the former protected source");
  eq(CloseHandle(pd), 1, "close its duplicate");

  // Pseudo-handle sources give real handles.
  const t = dup(GetCurrentThread(), 0, 0, DUPLICATE_SAME_ACCESS);
  ok(t != 0 && t != GetCurrentThread(), "dup of GetCurrentThread() is a real handle");
  eq(t & 3, 0, "real thread handle multiple of 4");
  eq(GetThreadId(t), GetCurrentThreadId(), "GetThreadId(dup of current thread)");
  eq(WaitForSingleObject(t, 0), WAIT_TIMEOUT, "running thread's handle times out");
  eq(flagsOf(t), 0, "thread dup flags");
  CloseHandle(t);
  const pp = dup(GetCurrentProcess(), 0, 1, DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE);
  ok(pp != 0 && pp != GetCurrentProcess(), "dup of GetCurrentProcess() with CLOSE_SOURCE is a real handle");
  eq(GetProcessId(pp), GetCurrentProcessId(), "GetProcessId(dup of current process)");
  eq(flagsOf(pp), HANDLE_FLAG_INHERIT, "process dup inherit flag");
  eq(WaitForSingleObject(pp, 0), WAIT_TIMEOUT, "running process's handle times out");
  eq(GetProcessId(GetCurrentProcess()), GetCurrentProcessId(), "closing the pseudo source did nothing");
  CloseHandle(pp);

  // Invalid source: FALSE, ERROR_INVALID_HANDLE, *out = NULL.
  const out = shared(4);
  store<u32>(out, 0xdeadbeef);
  SetLastError(0);
  eq(DuplicateHandle(GetCurrentProcess(), 0xdeadbee0, GetCurrentProcess(), out, 0, 0, DUPLICATE_SAME_ACCESS), 0, "invalid source");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "invalid source: error");
  eq(load<u32>(out), 0, "invalid source: out set to NULL");
  store<u32>(out, 0xdeadbeef);
  SetLastError(0);
  eq(DuplicateHandle(GetCurrentProcess(), 0, GetCurrentProcess(), out, 0, 0, DUPLICATE_SAME_ACCESS), 0, "NULL source");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "NULL source: error");
  eq(load<u32>(out), 0, "NULL source: out set to NULL");
  const ev2 = newEvent();
  store<u32>(out, 0xdeadbeef);
  SetLastError(0);
  eq(DuplicateHandle(0xdeadbee0, ev2, GetCurrentProcess(), out, 0, 0, DUPLICATE_SAME_ACCESS), 0, "invalid source process");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "invalid source process: error");
  SetLastError(0);
  eq(DuplicateHandle(GetCurrentProcess(), ev2, GetCurrentProcess(), BAD_PTR, 0, 0, DUPLICATE_SAME_ACCESS), 0, "bad out pointer");
  eq(GetLastError(), ERROR_NOACCESS, "bad out pointer: error");
  eq(CloseHandle(ev2), 1, "source still valid after the bad-pointer call");
  return done();
}

// Get/SetHandleInformation [proc:test_DuplicateHandle; semantics §6].
export function test_handle_information(): i32 {
  const h = newEvent();
  eq(flagsOf(h), 0, "flags are 0 initially");
  eq(SetHandleInformation(h, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT), 1, "set INHERIT");
  eq(flagsOf(h), HANDLE_FLAG_INHERIT, "INHERIT read back");
  eq(SetHandleInformation(h, HANDLE_FLAG_PROTECT_FROM_CLOSE, HANDLE_FLAG_PROTECT_FROM_CLOSE), 1, "set PROTECT");
  eq(flagsOf(h), HANDLE_FLAG_INHERIT | HANDLE_FLAG_PROTECT_FROM_CLOSE, "both flags read back");
  eq(SetHandleInformation(h, HANDLE_FLAG_INHERIT, 0), 1, "clear INHERIT only");
  eq(flagsOf(h), HANDLE_FLAG_PROTECT_FROM_CLOSE, "only the masked bit changed");
  eq(SetHandleInformation(h, 0, HANDLE_FLAG_INHERIT | HANDLE_FLAG_PROTECT_FROM_CLOSE), 1, "mask 0");
  eq(flagsOf(h), HANDLE_FLAG_PROTECT_FROM_CLOSE, "mask 0 changes nothing");
  eq(SetHandleInformation(h, 0xfffffffc, 0xffffffff), 1, "undefined mask bits are ignored");
  eq(flagsOf(h), HANDLE_FLAG_PROTECT_FROM_CLOSE, "undefined mask bits change nothing");
  eq(SetHandleInformation(h, 0xffffffff, 0xffffffff), 1, "all mask bits");
  eq(flagsOf(h), HANDLE_FLAG_INHERIT | HANDLE_FLAG_PROTECT_FROM_CLOSE, "only the defined flags are stored");
  // A protected handle cannot be closed and stays valid.
  SetLastError(0);
  eq(CloseHandle(h), 0, "CloseHandle of a protected handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "CloseHandle of a protected handle: error");
  eq(SetEvent(h), 1, "protected handle still works");
  eq(WaitForSingleObject(h, 0), WAIT_OBJECT_0, "protected handle still waitable");
  eq(SetHandleInformation(h, HANDLE_FLAG_PROTECT_FROM_CLOSE, 0), 1, "unprotect");
  eq(flagsOf(h), HANDLE_FLAG_INHERIT, "PROTECT cleared");
  // Tag bits are ignored here too.
  eq(flagsOf(h | 3), HANDLE_FLAG_INHERIT, "GetHandleInformation(h|3)");
  // Bad out pointers.
  SetLastError(0);
  eq(GetHandleInformation(h, 0), 0, "GetHandleInformation(NULL out)");
  eq(GetLastError(), ERROR_NOACCESS, "GetHandleInformation(NULL out): error");
  SetLastError(0);
  eq(GetHandleInformation(h, BAD_PTR), 0, "GetHandleInformation(bad out)");
  eq(GetLastError(), ERROR_NOACCESS, "GetHandleInformation(bad out): error");
  eq(CloseHandle(h), 1, "close after unprotect");
  return done();
}

// Access checks on handles with reduced rights [k32sync:test_mutex; ntsync:test_keyed_events; WRK; semantics §2/§6].
export function test_access_checks(): i32 {
  const s = CreateEventExW(0, 0, 0, SYNCHRONIZE);
  ok(s != 0, "CreateEventExW(SYNCHRONIZE)");
  SetLastError(0);
  eq(SetEvent(s), 0, "SetEvent without EVENT_MODIFY_STATE");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "SetEvent: error");
  SetLastError(0);
  eq(ResetEvent(s), 0, "ResetEvent without EVENT_MODIFY_STATE");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "ResetEvent: error");
  SetLastError(0);
  eq(PulseEvent(s), 0, "PulseEvent without EVENT_MODIFY_STATE");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "PulseEvent: error");
  eq(WaitForSingleObject(s, 0), WAIT_TIMEOUT, "wait with SYNCHRONIZE");

  const m = CreateEventExW(0, 0, 0, EVENT_MODIFY_STATE);
  ok(m != 0, "CreateEventExW(EVENT_MODIFY_STATE)");
  eq(SetEvent(m), 1, "SetEvent with EVENT_MODIFY_STATE");
  SetLastError(0);
  eq(WaitForSingleObject(m, 0), WAIT_FAILED, "wait without SYNCHRONIZE");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "wait without SYNCHRONIZE: error");
  const hs = shared(8);
  store<u32>(hs, m);
  SetLastError(0);
  eq(WaitForMultipleObjects(1, hs, 0, 0), WAIT_FAILED, "WaitForMultipleObjects without SYNCHRONIZE");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "WaitForMultipleObjects without SYNCHRONIZE: error");
  // A dup with SAME_ACCESS keeps the reduced rights.
  const d = dup(m, 0, 0, DUPLICATE_SAME_ACCESS);
  SetLastError(0);
  eq(WaitForSingleObject(d, 0), WAIT_FAILED, "SAME_ACCESS dup keeps the missing SYNCHRONIZE");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "SAME_ACCESS dup: error");
  CloseHandle(d); CloseHandle(m); CloseHandle(s);
  return done();
}

function lastErrorWorker(p: u32): u32 {
  store<u32>(p + 8, GetLastError()); // a new thread starts with 0
  SetLastError(222);
  SetEvent(load<u32>(p)); // main: check yours
  WaitForSingleObject(load<u32>(p + 4), INFINITE); // main has set its own value again
  store<u32>(p + 12, GetLastError());
  return 0;
}

// The last error is per thread.
export function test_last_error_per_thread(): i32 {
  const p = shared(16);
  const a = newEvent(), b = newEvent();
  store<u32>(p, a);
  store<u32>(p + 4, b);
  store<u32>(p + 8, 0xdeadbeef);
  SetLastError(111);
  const th = CreateThread(0, 0, lastErrorWorker.index, p, 0, 0);
  ok(th != 0, "CreateThread");
  SetLastError(111);
  eq(WaitForSingleObject(a, 10000), WAIT_OBJECT_0, "thread set its last error");
  eq(GetLastError(), 111, "main thread's last error unchanged by the thread's SetLastError");
  SetLastError(333);
  SetEvent(b);
  eq(WaitForSingleObject(th, 10000), WAIT_OBJECT_0, "thread ends");
  eq(load<u32>(p + 8), 0, "a new thread's last error starts at 0");
  eq(load<u32>(p + 12), 222, "thread's last error unchanged by main's SetLastError");
  eq(GetLastError(), 333, "main thread's own value");
  CloseHandle(th); CloseHandle(a); CloseHandle(b);
  return done();
}

// One million handles in one process: all created, distinct, multiples of 4; all closed.
export function test_million_handles(): i32 {
  const N: u32 = 1000000;
  const hs = shared(<usize>N * 4);
  const bits = shared(1 << 21); // one bit per handle value >> 2 below 2^26
  let zero: u32 = 0, unaligned: u32 = 0, huge: u32 = 0, dupes: u32 = 0;
  for (let i: u32 = 0; i < N; i++) {
    const h = CreateEventW(0, 0, 0, 0);
    store<u32>(hs + (<usize>i << 2), h);
    if (!h) { zero++; continue; }
    if (h & 3) { unaligned++; continue; }
    const k = h >> 2;
    if (k >= (1 << 24)) { huge++; continue; }
    const at = bits + (<usize>(k >> 3));
    const m: u32 = 1 << (k & 7);
    if (<u32>load<u8>(at) & m) dupes++;
    store<u8>(at, <u8>(<u32>load<u8>(at) | m));
  }
  eq(zero, 0, "creates that failed");
  eq(unaligned, 0, "handles not a multiple of 4");
  eq(huge, 0, "handles >= 2^26");
  eq(dupes, 0, "duplicate handle values");
  const first = load<u32>(hs), mid = load<u32>(hs + (<usize>(N / 2) << 2)), last = load<u32>(hs + (<usize>(N - 1) << 2));
  eq(SetEvent(last), 1, "SetEvent on the last handle");
  eq(WaitForSingleObject(last, 0), WAIT_OBJECT_0, "wait on the last handle");
  eq(WaitForSingleObject(last, 0), WAIT_TIMEOUT, "auto-reset consumed");
  eq(SetEvent(mid), 1, "SetEvent on a middle handle");
  eq(WaitForSingleObject(first, 0), WAIT_TIMEOUT, "first handle is a different object");
  eq(WaitForSingleObject(mid, 0), WAIT_OBJECT_0, "middle handle signaled");
  let closeFailed: u32 = 0;
  for (let i: u32 = 0; i < N; i++) {
    if (!CloseHandle(load<u32>(hs + (<usize>i << 2)))) closeFailed++;
  }
  eq(closeFailed, 0, "closes that failed");
  SetLastError(0);
  eq(CloseHandle(last), 0, "last handle closed");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "last handle closed: error");
  const again = newEvent();
  ok(again != 0, "create after closing a million");
  CloseHandle(again);
  return done();
}

// NtClose of a valid handle returns STATUS_SUCCESS.
export function test_ntclose(): i32 {
  const h = newEvent();
  eq(NtClose(h), STATUS_SUCCESS, "NtClose");
  eq(NtClose(h), STATUS_INVALID_HANDLE, "NtClose twice");
  return done();
}
