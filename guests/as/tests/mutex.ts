// Mutexes: ownership, recursion, abandonment, names, access rights, bad handles. Expected values
// follow Windows as Wine's kernel32/tests/sync.c (test_mutex) and ntdll/tests/sync.c (test_mutant)
// record it, plus the Linux ntsync selftest mutex_state.
// Thread functions never allocate: they report through shared memory, the main thread checks.
import {
  ACCESS_SYSTEM_SECURITY, ERROR_PRIVILEGE_NOT_HELD,
  CloseHandle, CreateEventW, CreateMutexA, CreateMutexExA, CreateMutexExW, CreateMutexW, CreateSemaphoreW, CreateThread,
  CREATE_MUTEX_INITIAL_OWNER, DELETE, DuplicateHandle, DUPLICATE_SAME_ACCESS, ERROR_ACCESS_DENIED, ERROR_ALREADY_EXISTS,
  ERROR_FILE_NOT_FOUND, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_NOT_OWNER, ExitThread, GENERIC_ALL,
  GENERIC_EXECUTE, GENERIC_READ, GENERIC_WRITE, GetCurrentProcess, GetExitCodeThread, GetLastError, INFINITE,
  MUTANT_QUERY_STATE, MUTEX_ALL_ACCESS, OpenEventW, OpenMutexA, OpenMutexW, READ_CONTROL, ReleaseMutex, ReleaseSemaphore,
  SetEvent, SetLastError, Sleep, SYNCHRONIZE, WaitForMultipleObjects, WaitForSingleObject, WAIT_ABANDONED_0, WAIT_FAILED,
  WAIT_OBJECT_0, WAIT_TIMEOUT, WRITE_DAC, WRITE_OWNER,
} from "../ntwasm";
import { A, W } from "../lib/win";
import { done, eq, ok, shared } from "../lib/test";

const MAXIMUM_ALLOWED: u32 = 0x02000000;
/** Generous finite timeout for joins, so a kernel bug fails a check instead of hanging the suite. */
const JOIN: u32 = 10000;

function dup(h: u32): u32 {
  const out = shared(4);
  ok(DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), out, 0, 0, DUPLICATE_SAME_ACCESS) != 0, "DuplicateHandle");
  return load<u32>(out);
}

function join(th: u32, what: string): void {
  ok(th != 0, what + ": CreateThread");
  eq(WaitForSingleObject(th, JOIN), WAIT_OBJECT_0, what + ": thread finished");
  CloseHandle(th);
}

// ---------------------------------------------------------------------------------------------
// Threads. Each takes a pointer to a block of u32 slots: [0] = mutex handle, the rest per thread.

/** Non-owner: [4] ReleaseMutex result, [8] its LastError, [12] WaitForSingleObject(m, 0). */
function nonOwner(p: u32): u32 {
  const m = load<u32>(p);
  SetLastError(0xdeadbeef);
  store<u32>(p + 4, <u32>ReleaseMutex(m));
  store<u32>(p + 8, GetLastError());
  store<u32>(p + 12, WaitForSingleObject(m, 0));
  return 0;
}

/** Acquires with timeout 0 after the owner let go, releases, then a second release must fail.
 *  [4] wait result, [8] first release, [12] second release, [16] its LastError. */
function acquireRelease(p: u32): u32 {
  const m = load<u32>(p);
  store<u32>(p + 4, WaitForSingleObject(m, 0));
  store<u32>(p + 8, <u32>ReleaseMutex(m));
  SetLastError(0xdeadbeef);
  store<u32>(p + 12, <u32>ReleaseMutex(m));
  store<u32>(p + 16, GetLastError());
  return 0;
}

/** ntsync mutex_state "456": waits twice (recursion 2), releases once, signals [20], waits for [24],
 *  releases the last level. [4] wait1, [8] wait2, [12] release1, [16] release2. */
function recursiveOther(p: u32): u32 {
  const m = load<u32>(p);
  store<u32>(p + 4, WaitForSingleObject(m, JOIN));
  store<u32>(p + 8, WaitForSingleObject(m, 0));
  store<u32>(p + 12, <u32>ReleaseMutex(m));
  SetEvent(load<u32>(p + 20));
  WaitForSingleObject(load<u32>(p + 24), JOIN);
  store<u32>(p + 16, <u32>ReleaseMutex(m));
  return 0;
}

/** Takes the mutex [4] times and returns without releasing: abandons it. [8] = last wait result. */
function takeAndReturn(p: u32): u32 {
  const m = load<u32>(p);
  const n = load<u32>(p + 4);
  for (let i: u32 = 0; i < n; i++) store<u32>(p + 8, WaitForSingleObject(m, JOIN));
  return 0;
}

/** Takes the mutex and leaves through ExitThread(5). [8] = wait result. */
function takeAndExitThread(p: u32): u32 {
  store<u32>(p + 8, WaitForSingleObject(load<u32>(p), JOIN));
  ExitThread(5);
  return 1;
}

/** Creates an owned mutex itself ([0] = the new handle) and returns. */
function createOwnedAndReturn(p: u32): u32 {
  store<u32>(p, CreateMutexW(0, 1, 0));
  return 0;
}

/** Owner for the blocked-waiter abandonment: [4] own handle (closed before exit), [8] acquired event,
 *  [12] go event, [16] own wait result, [20] CloseHandle result. */
function ownerThenExit(p: u32): u32 {
  const h = load<u32>(p + 4);
  store<u32>(p + 16, WaitForSingleObject(h, JOIN));
  SetEvent(load<u32>(p + 8));
  WaitForSingleObject(load<u32>(p + 12), JOIN);
  // Closing the handle does not release ownership; exiting abandons the mutex.
  store<u32>(p + 20, <u32>CloseHandle(h));
  return 0;
}

/** Blocked waiter (INFINITE) on its own handle [4]: [8] wait result, [12] ReleaseMutex after it,
 *  [16] second ReleaseMutex (must fail: recursion count is 1). */
function blockedWaiter(p: u32): u32 {
  const h = load<u32>(p + 4);
  store<u32>(p + 8, WaitForSingleObject(h, INFINITE));
  store<u32>(p + 12, <u32>ReleaseMutex(h));
  store<u32>(p + 16, <u32>ReleaseMutex(h));
  CloseHandle(h);
  return 0;
}

/** Owner for close-does-not-wake: [0] mutex (kept), [4] extra handle to close, [8] acquired event,
 *  [12] go-close event, [16] closed event, [20] go-release event, [24] "released" flag,
 *  [28] CloseHandle result, [32] ReleaseMutex result, [36] wait result. */
function closingOwner(p: u32): u32 {
  store<u32>(p + 36, WaitForSingleObject(load<u32>(p + 4), JOIN));
  SetEvent(load<u32>(p + 8));
  WaitForSingleObject(load<u32>(p + 12), JOIN);
  store<u32>(p + 28, <u32>CloseHandle(load<u32>(p + 4)));
  SetEvent(load<u32>(p + 16));
  WaitForSingleObject(load<u32>(p + 20), JOIN);
  atomic.store<u32>(p + 24, 1);
  store<u32>(p + 32, <u32>ReleaseMutex(load<u32>(p)));
  return 0;
}

/** Waiter with a timeout [4]: [8] wait result, [12] "released" flag of the owner block [16] seen on return. */
function timedWaiter(p: u32): u32 {
  const m = load<u32>(p);
  const r = WaitForSingleObject(m, load<u32>(p + 4));
  store<u32>(p + 12, atomic.load<u32>(load<u32>(p + 16) + 24));
  store<u32>(p + 8, r);
  if (r == WAIT_OBJECT_0 || r == WAIT_ABANDONED_0) ReleaseMutex(m);
  return 0;
}

/** CreateMutex(TRUE) on an existing name from another thread: [4] handle, [8] LastError,
 *  [12] ReleaseMutex on it (must fail: bInitialOwner ignored), [16] its LastError. */
function createExistingOwned(p: u32): u32 {
  const h = CreateMutexW(0, 1, load<u32>(p));
  store<u32>(p + 8, GetLastError());
  store<u32>(p + 4, h);
  SetLastError(0xdeadbeef);
  store<u32>(p + 12, <u32>ReleaseMutex(h));
  store<u32>(p + 16, GetLastError());
  CloseHandle(h);
  return 0;
}

// ---------------------------------------------------------------------------------------------

export function test_mutex_state(): i32 {
  SetLastError(0xdeadbeef);
  const m = CreateMutexW(0, 1, 0);
  ok(m != 0, "CreateMutexW owned");
  eq(WaitForSingleObject(m, 0), WAIT_OBJECT_0, "owner wait recurses (count 2)");
  eq(WaitForSingleObject(m, INFINITE), WAIT_OBJECT_0, "owner INFINITE wait recurses (count 3)");

  const p = shared(32);
  store<u32>(p, m);
  join(CreateThread(0, 0, nonOwner.index, p, 0, 0), "non-owner");
  eq(load<u32>(p + 4), 0, "ReleaseMutex by a non-owner fails");
  eq(load<u32>(p + 8), ERROR_NOT_OWNER, "non-owner release: ERROR_NOT_OWNER");
  eq(load<u32>(p + 12), WAIT_TIMEOUT, "non-owner wait times out while owned");

  eq(ReleaseMutex(m), 1, "release 1 of 3");
  eq(ReleaseMutex(m), 1, "release 2 of 3");
  eq(ReleaseMutex(m), 1, "release 3 of 3");
  SetLastError(0xdeadbeef);
  eq(ReleaseMutex(m), 0, "release past the recursion count fails");
  eq(GetLastError(), ERROR_NOT_OWNER, "release past the count: ERROR_NOT_OWNER");

  memory.fill(p + 4, 0, 28);
  join(CreateThread(0, 0, acquireRelease.index, p, 0, 0), "acquirer");
  eq(load<u32>(p + 4), WAIT_OBJECT_0, "other thread acquires after release");
  eq(load<u32>(p + 8), 1, "other thread releases");
  eq(load<u32>(p + 12), 0, "other thread's second release fails");
  eq(load<u32>(p + 16), ERROR_NOT_OWNER, "other thread's second release: ERROR_NOT_OWNER");

  // ntsync: 456 waits twice, unlocks once; 123 then times out and cannot release.
  const e1 = CreateEventW(0, 1, 0, 0);
  const e2 = CreateEventW(0, 1, 0, 0);
  memory.fill(p + 4, 0, 28);
  store<u32>(p + 20, e1);
  store<u32>(p + 24, e2);
  const th = CreateThread(0, 0, recursiveOther.index, p, 0, 0);
  eq(WaitForSingleObject(e1, JOIN), WAIT_OBJECT_0, "other thread holds the mutex");
  eq(load<u32>(p + 4), WAIT_OBJECT_0, "other: first wait");
  eq(load<u32>(p + 8), WAIT_OBJECT_0, "other: recursive wait");
  eq(load<u32>(p + 12), 1, "other: first release");
  eq(WaitForSingleObject(m, 0), WAIT_TIMEOUT, "still owned by other (count 1): wait times out");
  SetLastError(0xdeadbeef);
  eq(ReleaseMutex(m), 0, "release by non-owner main thread fails");
  eq(GetLastError(), ERROR_NOT_OWNER, "non-owner main: ERROR_NOT_OWNER");
  SetEvent(e2);
  join(th, "recursive other");
  eq(load<u32>(p + 16), 1, "other: last release");
  eq(WaitForSingleObject(m, 0), WAIT_OBJECT_0, "free again: not abandoned");
  eq(ReleaseMutex(m), 1, "main releases");

  // Wine: 1 acquisition through a second handle + 31 through the first, 32 releases through either, 33rd fails.
  const m2 = dup(m);
  eq(WaitForSingleObject(m2, 0), WAIT_OBJECT_0, "acquire through the second handle");
  let waits = 0;
  for (let i = 0; i < 31; i++) if (WaitForSingleObject(m, 0) == WAIT_OBJECT_0) waits++;
  eq(waits, 31, "31 recursive acquisitions");
  let rels = 0;
  for (let i = 0; i < 32; i++) if (ReleaseMutex((i & 1) != 0 ? m : m2) != 0) rels++;
  eq(rels, 32, "32 releases through alternating handles");
  SetLastError(0xdeadbeef);
  eq(ReleaseMutex(m2), 0, "33rd release fails");
  eq(GetLastError(), ERROR_NOT_OWNER, "33rd release: ERROR_NOT_OWNER");

  // Unowned create: release fails.
  const u = CreateMutexA(0, 0, 0);
  SetLastError(0xdeadbeef);
  eq(ReleaseMutex(u), 0, "release of an unowned mutex fails");
  eq(GetLastError(), ERROR_NOT_OWNER, "unowned: ERROR_NOT_OWNER");
  eq(WaitForSingleObject(u, 0), WAIT_OBJECT_0, "unowned mutex is signaled");
  eq(ReleaseMutex(u), 1, "release after acquiring");

  CloseHandle(u); CloseHandle(m2); CloseHandle(m); CloseHandle(e1); CloseHandle(e2);
  return done();
}

export function test_abandoned(): i32 {
  const p = shared(16);
  // A thread takes the mutex and returns without releasing.
  const m = CreateMutexW(0, 0, 0);
  store<u32>(p, m);
  store<u32>(p + 4, 1);
  join(CreateThread(0, 0, takeAndReturn.index, p, 0, 0), "take and return");
  eq(load<u32>(p + 8), WAIT_OBJECT_0, "thread acquired the mutex");
  eq(WaitForSingleObject(m, 0), WAIT_ABANDONED_0, "next wait: WAIT_ABANDONED");
  eq(WaitForSingleObject(m, 0), WAIT_OBJECT_0, "owner now; the abandoned flag is cleared (recursive wait)");
  eq(ReleaseMutex(m), 1, "release 1");
  eq(ReleaseMutex(m), 1, "release 2");
  SetLastError(0xdeadbeef);
  eq(ReleaseMutex(m), 0, "release 3 fails: recursion count was 2");
  eq(GetLastError(), ERROR_NOT_OWNER, "release 3: ERROR_NOT_OWNER");
  eq(WaitForSingleObject(m, 0), WAIT_OBJECT_0, "after a clean release: WAIT_OBJECT_0");
  eq(ReleaseMutex(m), 1, "release");

  // Recursion 3 then exit: the new owner starts at count 1.
  store<u32>(p + 4, 3);
  store<u32>(p + 8, 0xdead);
  join(CreateThread(0, 0, takeAndReturn.index, p, 0, 0), "take 3 times and return");
  eq(load<u32>(p + 8), WAIT_OBJECT_0, "thread acquired it recursively");
  eq(WaitForSingleObject(m, 0), WAIT_ABANDONED_0, "recursive owner exited: WAIT_ABANDONED");
  eq(ReleaseMutex(m), 1, "new owner has count 1: release");
  SetLastError(0xdeadbeef);
  eq(ReleaseMutex(m), 0, "second release fails");
  eq(GetLastError(), ERROR_NOT_OWNER, "second release: ERROR_NOT_OWNER");

  // ExitThread while owning.
  store<u32>(p + 8, 0xdead);
  const th = CreateThread(0, 0, takeAndExitThread.index, p, 0, 0);
  eq(WaitForSingleObject(th, JOIN), WAIT_OBJECT_0, "ExitThread thread finished");
  const code = shared(4);
  GetExitCodeThread(th, code);
  eq(load<u32>(code), 5, "ExitThread exit code");
  CloseHandle(th);
  eq(load<u32>(p + 8), WAIT_OBJECT_0, "ExitThread thread acquired");
  // Abandoned mutex as index 1 of a wait-any: WAIT_ABANDONED_0 + 1.
  const ev = CreateEventW(0, 1, 0, 0);
  const hs = shared(8);
  store<u32>(hs, ev);
  store<u32>(hs + 4, m);
  eq(WaitForMultipleObjects(2, hs, 0, 0), WAIT_ABANDONED_0 + 1, "wait-any: WAIT_ABANDONED_0 + 1");
  eq(WaitForMultipleObjects(2, hs, 0, 0), WAIT_OBJECT_0 + 1, "wait-any again: WAIT_OBJECT_0 + 1");
  eq(ReleaseMutex(m), 1, "release 1");
  eq(ReleaseMutex(m), 1, "release 2");
  CloseHandle(ev);

  // A thread creates an owned mutex and returns.
  join(CreateThread(0, 0, createOwnedAndReturn.index, p, 0, 0), "create owned and return");
  const m3 = load<u32>(p);
  ok(m3 != 0, "thread created a mutex");
  eq(WaitForSingleObject(m3, 0), WAIT_ABANDONED_0, "initial owner exited: WAIT_ABANDONED");
  eq(ReleaseMutex(m3), 1, "release");
  CloseHandle(m3);
  CloseHandle(m);
  return done();
}

export function test_abandoned_blocked_waiter(): i32 {
  // Owner A holds the mutex; waiter B blocks INFINITE; the creator closes its handle (B keeps
  // waiting); A closes its own handle and exits → B gets WAIT_ABANDONED and owns the mutex (count 1).
  const m = CreateMutexW(0, 0, 0);
  const pa = shared(24);
  const pb = shared(24);
  const acquired = CreateEventW(0, 1, 0, 0);
  const go = CreateEventW(0, 1, 0, 0);
  store<u32>(pa + 4, dup(m));
  store<u32>(pa + 8, acquired);
  store<u32>(pa + 12, go);
  store<u32>(pb + 4, dup(m));
  const ta = CreateThread(0, 0, ownerThenExit.index, pa, 0, 0);
  eq(WaitForSingleObject(acquired, JOIN), WAIT_OBJECT_0, "owner acquired");
  eq(load<u32>(pa + 16), WAIT_OBJECT_0, "owner's wait");
  const tb = CreateThread(0, 0, blockedWaiter.index, pb, 0, 0);
  Sleep(50); // give B a chance to block; the checks hold either way
  eq(WaitForSingleObject(tb, 0), WAIT_TIMEOUT, "waiter blocked while the mutex is owned");
  eq(CloseHandle(m), 1, "creator closes its handle");
  eq(WaitForSingleObject(tb, 50), WAIT_TIMEOUT, "closing a handle does not wake the waiter");
  SetEvent(go);
  join(ta, "owner");
  eq(load<u32>(pa + 20), 1, "owner's CloseHandle");
  join(tb, "waiter");
  eq(load<u32>(pb + 8), WAIT_ABANDONED_0, "blocked waiter gets WAIT_ABANDONED when the owner exits");
  eq(load<u32>(pb + 12), 1, "waiter owns the mutex: release succeeds");
  eq(load<u32>(pb + 16), 0, "waiter's count was 1: second release fails");
  CloseHandle(acquired); CloseHandle(go);
  return done();
}

export function test_close_does_not_wake(): i32 {
  const m = CreateMutexW(0, 0, 0);
  const po = shared(40);
  const e = [CreateEventW(0, 1, 0, 0), CreateEventW(0, 1, 0, 0), CreateEventW(0, 1, 0, 0), CreateEventW(0, 1, 0, 0)];
  store<u32>(po, m);
  store<u32>(po + 4, dup(m));
  store<u32>(po + 8, e[0]);  // acquired
  store<u32>(po + 12, e[1]); // go close
  store<u32>(po + 16, e[2]); // closed
  store<u32>(po + 20, e[3]); // go release
  const to = CreateThread(0, 0, closingOwner.index, po, 0, 0);
  eq(WaitForSingleObject(e[0], JOIN), WAIT_OBJECT_0, "owner acquired through its extra handle");
  eq(load<u32>(po + 36), WAIT_OBJECT_0, "owner's wait");

  // Waiter 1 with a timeout: the owner closes its extra handle meanwhile; the wait still times out.
  const p1 = shared(20);
  store<u32>(p1, m);
  store<u32>(p1 + 4, 300);
  store<u32>(p1 + 16, po);
  const t1 = CreateThread(0, 0, timedWaiter.index, p1, 0, 0);
  Sleep(30);
  SetEvent(e[1]);
  eq(WaitForSingleObject(e[2], JOIN), WAIT_OBJECT_0, "owner closed its extra handle");
  eq(load<u32>(po + 28), 1, "owner's CloseHandle");
  join(t1, "timed waiter");
  eq(load<u32>(p1 + 8), WAIT_TIMEOUT, "waiter times out: closing a handle neither wakes nor releases");
  eq(WaitForSingleObject(m, 0), WAIT_TIMEOUT, "the owner still owns the mutex");

  // Waiter 2, INFINITE: wakes only after the owner releases through its remaining handle.
  const p2 = shared(20);
  store<u32>(p2, m);
  store<u32>(p2 + 4, JOIN);
  store<u32>(p2 + 16, po);
  const t2 = CreateThread(0, 0, timedWaiter.index, p2, 0, 0);
  Sleep(30);
  SetEvent(e[3]);
  join(to, "owner");
  eq(load<u32>(po + 32), 1, "owner releases through the handle it kept");
  join(t2, "second waiter");
  eq(load<u32>(p2 + 8), WAIT_OBJECT_0, "second waiter acquires after the release (not abandoned)");
  eq(load<u32>(p2 + 12), 1, "second waiter woke only after the release");
  eq(WaitForSingleObject(m, 0), WAIT_OBJECT_0, "mutex free again");
  ReleaseMutex(m);
  CloseHandle(m);
  for (let i = 0; i < 4; i++) CloseHandle(e[i]);
  return done();
}

export function test_names(): i32 {
  SetLastError(0xdeadbeef);
  const a = CreateMutexW(0, 1, W("mutex_names-a"));
  ok(a != 0, "create named");
  eq(GetLastError(), 0, "fresh create: LastError 0");
  SetLastError(0xdeadbeef);
  const b = CreateMutexA(0, 0, A("mutex_names-a"));
  ok(b != 0 && b != a, "create existing: new handle");
  eq(GetLastError(), ERROR_ALREADY_EXISTS, "create existing: ERROR_ALREADY_EXISTS");
  eq(ReleaseMutex(b), 1, "same object: owner releases through the second handle");
  eq(ReleaseMutex(a), 0, "same object: count now 0");

  // bInitialOwner is ignored for an existing name (another thread would otherwise own it).
  const p = shared(20);
  store<u32>(p, W("mutex_names-a"));
  join(CreateThread(0, 0, createExistingOwned.index, p, 0, 0), "create existing owned");
  ok(load<u32>(p + 4) != 0, "thread: create existing gives a handle");
  eq(load<u32>(p + 8), ERROR_ALREADY_EXISTS, "thread: ERROR_ALREADY_EXISTS");
  eq(load<u32>(p + 12), 0, "thread does not own the existing mutex");
  eq(load<u32>(p + 16), ERROR_NOT_OWNER, "thread: ERROR_NOT_OWNER");
  eq(WaitForSingleObject(a, 0), WAIT_OBJECT_0, "mutex was left free (not abandoned)");
  ReleaseMutex(a);

  SetLastError(0xdeadbeef);
  const c = CreateMutexW(0, 0, W("MUTEX_NAMES-A"));
  ok(c != 0 && c != a, "different case creates");
  eq(GetLastError(), 0, "different case is a new object: LastError 0");
  SetLastError(0xdeadbeef);
  eq(OpenMutexW(MUTEX_ALL_ACCESS, 0, W("Mutex_Names-A")), 0, "open with other case");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "names are case-sensitive: ERROR_FILE_NOT_FOUND");

  const ow = OpenMutexW(MUTEX_ALL_ACCESS, 0, W("mutex_names-a"));
  ok(ow != 0, "OpenMutexW existing");
  const oa = OpenMutexA(SYNCHRONIZE, 0, A("mutex_names-a"));
  ok(oa != 0, "OpenMutexA existing");
  eq(WaitForSingleObject(oa, 0), WAIT_OBJECT_0, "acquire through the A-opened handle");
  eq(ReleaseMutex(ow), 1, "release through the W-opened handle: same object");

  // CreateMutexEx W and A.
  SetLastError(0xdeadbeef);
  const xw = CreateMutexExW(0, W("mutex_names-a"), 0, MUTEX_ALL_ACCESS);
  ok(xw != 0, "CreateMutexExW existing");
  eq(GetLastError(), ERROR_ALREADY_EXISTS, "CreateMutexExW existing: ERROR_ALREADY_EXISTS");
  SetLastError(0xdeadbeef);
  const xa = CreateMutexExA(0, A("mutex_names-exa"), 0, MUTEX_ALL_ACCESS);
  ok(xa != 0, "CreateMutexExA fresh");
  eq(GetLastError(), 0, "CreateMutexExA fresh: LastError 0");

  // Other-type collisions.
  const ev = CreateEventW(0, 1, 0, W("mutex_names-ev"));
  SetLastError(0xdeadbeef);
  eq(CreateMutexW(0, 0, W("mutex_names-ev")), 0, "CreateMutexW on an event's name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "CreateMutexW on an event's name: ERROR_INVALID_HANDLE");
  SetLastError(0xdeadbeef);
  eq(CreateMutexA(0, 1, A("mutex_names-ev")), 0, "CreateMutexA on an event's name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "CreateMutexA on an event's name: ERROR_INVALID_HANDLE");
  SetLastError(0xdeadbeef);
  eq(OpenMutexW(MUTEX_ALL_ACCESS, 0, W("mutex_names-ev")), 0, "OpenMutexW on an event's name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "OpenMutexW on an event's name: ERROR_INVALID_HANDLE");
  SetLastError(0xdeadbeef);
  eq(CreateEventW(0, 1, 0, W("mutex_names-a")), 0, "CreateEventW on a mutex's name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "CreateEventW on a mutex's name: ERROR_INVALID_HANDLE");
  SetLastError(0xdeadbeef);
  eq(OpenEventW(SYNCHRONIZE, 0, W("mutex_names-a")), 0, "OpenEventW on a mutex's name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "OpenEventW on a mutex's name: ERROR_INVALID_HANDLE");
  SetLastError(0xdeadbeef);
  eq(CreateSemaphoreW(0, 1, 1, W("mutex_names-a")), 0, "CreateSemaphoreW on a mutex's name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "CreateSemaphoreW on a mutex's name: ERROR_INVALID_HANDLE");

  // Missing names, access 0, NULL names.
  SetLastError(0xdeadbeef);
  eq(OpenMutexW(MUTEX_ALL_ACCESS, 0, W("mutex_names-missing")), 0, "OpenMutexW missing");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "OpenMutexW missing: ERROR_FILE_NOT_FOUND");
  SetLastError(0xdeadbeef);
  eq(OpenMutexA(MUTEX_ALL_ACCESS, 0, A("mutex_names-missing")), 0, "OpenMutexA missing");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "OpenMutexA missing: ERROR_FILE_NOT_FOUND");
  SetLastError(0xdeadbeef);
  eq(OpenMutexA(0, 0, A("mutex_names-missing")), 0, "OpenMutexA(0) missing");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "access 0 on a missing name: lookup first, ERROR_FILE_NOT_FOUND");
  SetLastError(0xdeadbeef);
  eq(OpenMutexA(0, 0, A("mutex_names-a")), 0, "OpenMutexA(0) existing");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "access 0 on an existing name: ERROR_ACCESS_DENIED");
  SetLastError(0xdeadbeef);
  eq(OpenMutexW(0, 0, W("mutex_names-a")), 0, "OpenMutexW(0) existing");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "OpenMutexW(0) existing: ERROR_ACCESS_DENIED");
  SetLastError(0xdeadbeef);
  eq(OpenMutexW(MUTEX_ALL_ACCESS, 0, 0), 0, "OpenMutexW NULL name");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "OpenMutexW NULL name: ERROR_INVALID_PARAMETER");
  SetLastError(0xdeadbeef);
  eq(OpenMutexA(MUTEX_ALL_ACCESS, 0, 0), 0, "OpenMutexA NULL name");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "OpenMutexA NULL name: ERROR_INVALID_PARAMETER");

  // The name disappears with its last handle.
  CloseHandle(a); CloseHandle(b); CloseHandle(ow); CloseHandle(oa); CloseHandle(xw);
  SetLastError(0xdeadbeef);
  eq(OpenMutexA(READ_CONTROL, 0, A("mutex_names-a")), 0, "name gone with its last handle");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "name gone: ERROR_FILE_NOT_FOUND");
  const c2 = OpenMutexW(SYNCHRONIZE, 0, W("MUTEX_NAMES-A"));
  ok(c2 != 0, "the other-case object is still there");
  CloseHandle(c2); CloseHandle(c); CloseHandle(xa); CloseHandle(ev);
  return done();
}

export function test_access(): i32 {
  const m = CreateMutexW(0, 0, W("mutex_access"));
  ok(m != 0, "create");
  let failed: u32 = 0;
  for (let i = 0; i < 32; i++) {
    const bit: u32 = (<u32>1) << <u32>i;
    eq(WaitForSingleObject(m, 0), WAIT_OBJECT_0, "acquire before open, bit 0x" + bit.toString(16));
    SetLastError(0xdeadbeef);
    const h = OpenMutexA(bit, 0, A("mutex_access"));
    const err = GetLastError();
    if (h != 0) {
      SetLastError(0xdeadbeef);
      eq(ReleaseMutex(h), 1, "ReleaseMutex needs no access right, access 0x" + bit.toString(16));
      CloseHandle(h);
    } else {
      eq(err, bit == ACCESS_SYSTEM_SECURITY ? ERROR_PRIVILEGE_NOT_HELD : ERROR_ACCESS_DENIED,
        "failed single-bit open: last error, access 0x" + bit.toString(16));
      ReleaseMutex(m);
      failed |= bit;
    }
  }
  // Windows: exactly 0x0de0fffe fail (ACCESS_SYSTEM_SECURITY with ERROR_PRIVILEGE_NOT_HELD).
  eq(failed, 0x0de0fffe, "failing single-bit accesses (hex " + failed.toString(16) +
    "; wrongly granted 0x" + (0x0de0fffe & ~failed).toString(16) + ", wrongly denied 0x" + (failed & ~0x0de0fffe).toString(16) + ")");
  eq(ReleaseMutex(m), 0, "loop left the mutex unowned");

  // Explicit successes.
  const okBits: u32[] = [MUTANT_QUERY_STATE, DELETE, READ_CONTROL, WRITE_DAC, WRITE_OWNER, SYNCHRONIZE, MAXIMUM_ALLOWED,
    GENERIC_ALL, GENERIC_EXECUTE, GENERIC_WRITE, GENERIC_READ];
  for (let i = 0; i < okBits.length; i++) {
    const h = OpenMutexW(okBits[i], 0, W("mutex_access"));
    ok(h != 0, "OpenMutexW succeeds with access 0x" + okBits[i].toString(16));
    CloseHandle(h);
  }

  // GENERIC_EXECUTE includes SYNCHRONIZE; GENERIC_READ|GENERIC_WRITE and MUTANT_QUERY_STATE do not.
  const ex = OpenMutexW(GENERIC_EXECUTE, 0, W("mutex_access"));
  eq(WaitForSingleObject(ex, 0), WAIT_OBJECT_0, "GENERIC_EXECUTE handle is waitable");
  eq(ReleaseMutex(ex), 1, "release through GENERIC_EXECUTE handle");
  const rw = OpenMutexW(GENERIC_READ | GENERIC_WRITE, 0, W("mutex_access"));
  ok(rw != 0, "open GENERIC_READ|GENERIC_WRITE");
  SetLastError(0xdeadbeef);
  eq(WaitForSingleObject(rw, 0), WAIT_FAILED, "wait without SYNCHRONIZE fails");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "wait without SYNCHRONIZE: ERROR_ACCESS_DENIED");
  const q = OpenMutexW(MUTANT_QUERY_STATE, 0, W("mutex_access"));
  SetLastError(0xdeadbeef);
  eq(WaitForSingleObject(q, INFINITE), WAIT_FAILED, "INFINITE wait on a MUTANT_QUERY_STATE handle fails");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "MUTANT_QUERY_STATE only: ERROR_ACCESS_DENIED");
  const hs = shared(8);
  store<u32>(hs, m);
  store<u32>(hs + 4, q);
  SetLastError(0xdeadbeef);
  eq(WaitForMultipleObjects(2, hs, 0, 0), WAIT_FAILED, "wait-any including a handle without SYNCHRONIZE fails");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "wait-any without SYNCHRONIZE: ERROR_ACCESS_DENIED");
  eq(ReleaseMutex(m), 0, "the failed wait-any took nothing");

  // Duplicated with access 0: no wait, but the owner can still release.
  const z = shared(4);
  ok(DuplicateHandle(GetCurrentProcess(), m, GetCurrentProcess(), z, 0, 0, 0) != 0, "DuplicateHandle access 0");
  const h0 = load<u32>(z);
  SetLastError(0xdeadbeef);
  eq(WaitForSingleObject(h0, 0), WAIT_FAILED, "wait on a zero-access handle fails");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "zero-access wait: ERROR_ACCESS_DENIED");
  eq(WaitForSingleObject(m, 0), WAIT_OBJECT_0, "acquire");
  eq(ReleaseMutex(h0), 1, "release through a zero-access handle");

  // CreateMutexEx's access applies to the returned handle.
  const cx = CreateMutexExW(0, 0, 0, MUTEX_MODIFY_STATE_ONLY);
  ok(cx != 0, "CreateMutexExW with MUTEX_MODIFY_STATE only");
  SetLastError(0xdeadbeef);
  eq(WaitForSingleObject(cx, 0), WAIT_FAILED, "CreateMutexExW handle without SYNCHRONIZE is not waitable");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "CreateMutexExW no SYNCHRONIZE: ERROR_ACCESS_DENIED");
  CloseHandle(cx);

  CloseHandle(ex); CloseHandle(rw); CloseHandle(q); CloseHandle(h0); CloseHandle(m);
  return done();
}

const MUTEX_MODIFY_STATE_ONLY: u32 = 0x0001;

export function test_bad_handles(): i32 {
  const bad: u32[] = [0, 0x1234, 0xdeadbee0];
  for (let i = 0; i < bad.length; i++) {
    SetLastError(0xdeadbeef);
    eq(ReleaseMutex(bad[i]), 0, "ReleaseMutex(0x" + bad[i].toString(16) + ")");
    eq(GetLastError(), ERROR_INVALID_HANDLE, "ReleaseMutex(0x" + bad[i].toString(16) + "): ERROR_INVALID_HANDLE");
  }
  const m = CreateMutexW(0, 1, 0);
  ok(CloseHandle(m) != 0, "close an owned mutex handle");
  SetLastError(0xdeadbeef);
  eq(ReleaseMutex(m), 0, "ReleaseMutex on a closed handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "closed handle: ERROR_INVALID_HANDLE");
  SetLastError(0xdeadbeef);
  eq(WaitForSingleObject(m, 0), WAIT_FAILED, "wait on a closed handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "wait on a closed handle: ERROR_INVALID_HANDLE");

  // Wrong type.
  const ev = CreateEventW(0, 1, 1, 0);
  SetLastError(0xdeadbeef);
  eq(ReleaseMutex(ev), 0, "ReleaseMutex on an event");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ReleaseMutex on an event: ERROR_INVALID_HANDLE");
  const sem = CreateSemaphoreW(0, 1, 2, 0);
  SetLastError(0xdeadbeef);
  eq(ReleaseMutex(sem), 0, "ReleaseMutex on a semaphore");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ReleaseMutex on a semaphore: ERROR_INVALID_HANDLE");
  const m2 = CreateMutexW(0, 1, 0);
  SetLastError(0xdeadbeef);
  eq(ReleaseSemaphore(m2, 1, 0), 0, "ReleaseSemaphore on a mutex");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ReleaseSemaphore on a mutex: ERROR_INVALID_HANDLE");
  eq(ReleaseMutex(m2), 1, "the mutex is untouched and still owned");
  SetLastError(0xdeadbeef);
  eq(ReleaseMutex(GetCurrentProcess()), 0, "ReleaseMutex on the process pseudo-handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ReleaseMutex on a process: ERROR_INVALID_HANDLE");
  CloseHandle(ev); CloseHandle(sem); CloseHandle(m2);
  return done();
}

export function test_create_ex_flags(): i32 {
  const p = shared(32);
  SetLastError(0xdeadbeef);
  const owned = CreateMutexExW(0, 0, CREATE_MUTEX_INITIAL_OWNER, MUTEX_ALL_ACCESS);
  ok(owned != 0, "CreateMutexExW(CREATE_MUTEX_INITIAL_OWNER)");
  eq(GetLastError(), 0, "CreateMutexExW fresh: LastError 0");
  store<u32>(p, owned);
  join(CreateThread(0, 0, nonOwner.index, p, 0, 0), "non-owner");
  eq(load<u32>(p + 12), WAIT_TIMEOUT, "INITIAL_OWNER: another thread's wait times out");
  eq(ReleaseMutex(owned), 1, "INITIAL_OWNER: the creator owns it");

  const free = CreateMutexExA(0, 0, 0, MUTEX_ALL_ACCESS);
  ok(free != 0, "CreateMutexExA(0)");
  SetLastError(0xdeadbeef);
  eq(ReleaseMutex(free), 0, "flags 0: not owned");
  eq(GetLastError(), ERROR_NOT_OWNER, "flags 0: ERROR_NOT_OWNER");

  // Flags other than CREATE_MUTEX_INITIAL_OWNER → NULL, ERROR_INVALID_PARAMETER (KernelBase checks them
  // before NtCreateMutant; ReactOS kernel32 synch.c mirrors this; Wine does not check).
  const flags: u32[] = [2, 4, 0x80000000, CREATE_MUTEX_INITIAL_OWNER | 2];
  for (let i = 0; i < flags.length; i++) {
    SetLastError(0xdeadbeef);
    const h = CreateMutexExW(0, W("mutex_create_ex_flags"), flags[i], MUTEX_ALL_ACCESS);
    eq(h, 0, "CreateMutexExW invalid flags 0x" + flags[i].toString(16));
    eq(GetLastError(), ERROR_INVALID_PARAMETER, "invalid flags 0x" + flags[i].toString(16) + ": ERROR_INVALID_PARAMETER");
    if (h != 0) CloseHandle(h);
  }
  SetLastError(0xdeadbeef);
  eq(OpenMutexW(SYNCHRONIZE, 0, W("mutex_create_ex_flags")), 0, "invalid flags created nothing");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "invalid flags created nothing: ERROR_FILE_NOT_FOUND");

  // CREATE_MUTEX_INITIAL_OWNER on a named mutex, then the A form opening it.
  const n = CreateMutexExW(0, W("mutex_create_ex_flags2"), CREATE_MUTEX_INITIAL_OWNER, SYNCHRONIZE);
  ok(n != 0, "named CreateMutexExW INITIAL_OWNER with SYNCHRONIZE only");
  eq(ReleaseMutex(n), 1, "owned; release needs no access");
  eq(WaitForSingleObject(n, 0), WAIT_OBJECT_0, "SYNCHRONIZE handle waits");
  SetLastError(0xdeadbeef);
  const n2 = CreateMutexExA(0, A("mutex_create_ex_flags2"), 0, MUTEX_ALL_ACCESS);
  ok(n2 != 0, "CreateMutexExA existing");
  eq(GetLastError(), ERROR_ALREADY_EXISTS, "CreateMutexExA existing: ERROR_ALREADY_EXISTS");
  eq(ReleaseMutex(n2), 1, "same object");
  CloseHandle(n); CloseHandle(n2); CloseHandle(owned); CloseHandle(free);
  return done();
}
