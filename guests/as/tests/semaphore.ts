// Semaphores: counts and limits, parameter checks, names, access rights, waking blocked waiters.
// Expected values follow Windows as Wine's kernel32/ntdll tests and the NT sources record it, plus
// the Linux ntsync selftest semaphore_state.
// Thread functions never allocate: they report through shared memory, the main thread checks.
import {
  ACCESS_SYSTEM_SECURITY, ERROR_PRIVILEGE_NOT_HELD,
  CloseHandle, CreateEventW, CreateMutexW, CreateSemaphoreA, CreateSemaphoreExA, CreateSemaphoreExW, CreateSemaphoreW,
  CreateThread, DELETE, DuplicateHandle, ERROR_ACCESS_DENIED, ERROR_ALREADY_EXISTS, ERROR_FILE_NOT_FOUND,
  ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_NOACCESS, ERROR_TOO_MANY_POSTS, GENERIC_ALL, GENERIC_EXECUTE,
  GENERIC_READ, GENERIC_WRITE, GetCurrentProcess, GetLastError, OpenEventW, OpenMutexW, OpenSemaphoreA, OpenSemaphoreW,
  READ_CONTROL, ReleaseSemaphore, SEMAPHORE_ALL_ACCESS, SEMAPHORE_MODIFY_STATE, SEMAPHORE_QUERY_STATE, SetLastError,
  Sleep, SYNCHRONIZE, WaitForSingleObject, WAIT_FAILED, WAIT_OBJECT_0, WAIT_TIMEOUT, WRITE_DAC, WRITE_OWNER,
} from "../ntwasm";
import { A, W, println } from "../lib/win";
import { done, eq, ok, shared } from "../lib/test";

const MAXIMUM_ALLOWED: u32 = 0x02000000;
const INT_MAX: i32 = 0x7fffffff;
/** Generous finite timeout for joins and waits, so a kernel bug fails a check instead of hanging. */
const JOIN: u32 = 10000;

function join(th: u32, what: string): void {
  ok(th != 0, what + ": CreateThread");
  eq(WaitForSingleObject(th, JOIN), WAIT_OBJECT_0, what + ": thread finished");
  CloseHandle(th);
}

/** Current count of `s` (destructive probe: takes everything, then gives it back). Main thread only. */
function countOf(s: u32): i32 {
  let n = 0;
  while (n < 1000 && WaitForSingleObject(s, 0) == WAIT_OBJECT_0) n++;
  if (n > 0) ReleaseSemaphore(s, n, 0);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Threads. A waiter's block: [0] pointer to the common block, [4] its wait result.
// Common block: [0] semaphore, [4] "done" semaphore, [8] number of waiters woken.

function waiter(t: u32): u32 {
  const c = load<u32>(t);
  const r = WaitForSingleObject(load<u32>(c), JOIN);
  store<u32>(t + 4, r);
  if (r == WAIT_OBJECT_0) {
    atomic.add<i32>(c + 8, 1);
    ReleaseSemaphore(load<u32>(c + 4), 1, 0);
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------

export function test_semaphore_state(): i32 {
  const prev = shared(4);
  SetLastError(0xdeadbeef);
  eq(CreateSemaphoreW(0, 3, 2, 0), 0, "create (3, max 2) fails");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "create (3, max 2): ERROR_INVALID_PARAMETER");

  const s = CreateSemaphoreW(0, 2, 2, 0);
  ok(s != 0, "create (2, max 2)");
  store<u32>(prev, 0xdeadbeef);
  SetLastError(0xdeadbeef);
  eq(ReleaseSemaphore(s, 1, prev), 0, "release 1 at max fails");
  eq(GetLastError(), ERROR_TOO_MANY_POSTS, "release at max: ERROR_TOO_MANY_POSTS");
  eq(load<u32>(prev), 0xdeadbeef, "release at max: previous count not written");

  eq(WaitForSingleObject(s, 0), WAIT_OBJECT_0, "wait (2 → 1)");
  eq(WaitForSingleObject(s, 0), WAIT_OBJECT_0, "wait (1 → 0)");
  eq(WaitForSingleObject(s, 0), WAIT_TIMEOUT, "wait at 0 times out");

  store<u32>(prev, 0xdeadbeef);
  SetLastError(0xdeadbeef);
  eq(ReleaseSemaphore(s, 3, prev), 0, "release 3 (count 0, max 2) fails");
  eq(GetLastError(), ERROR_TOO_MANY_POSTS, "release 3: ERROR_TOO_MANY_POSTS");
  eq(load<u32>(prev), 0xdeadbeef, "release 3: previous count not written");
  eq(WaitForSingleObject(s, 0), WAIT_TIMEOUT, "failed release is all-or-nothing: count still 0");

  eq(ReleaseSemaphore(s, 2, prev), 1, "release 2");
  eq(load<i32>(prev), 0, "release 2: previous count 0");
  eq(WaitForSingleObject(s, 0), WAIT_OBJECT_0, "wait (2 → 1)");
  eq(WaitForSingleObject(s, 0), WAIT_OBJECT_0, "wait (1 → 0)");
  eq(WaitForSingleObject(s, 0), WAIT_TIMEOUT, "wait at 0 times out");

  eq(ReleaseSemaphore(s, 1, prev), 1, "release 1");
  eq(load<i32>(prev), 0, "release 1: previous count 0");
  store<u32>(prev, 0xdeadbeef);
  SetLastError(0xdeadbeef);
  eq(ReleaseSemaphore(s, INT_MAX, prev), 0, "release INT_MAX (count 1) fails");
  eq(GetLastError(), ERROR_TOO_MANY_POSTS, "release INT_MAX: ERROR_TOO_MANY_POSTS");
  eq(load<u32>(prev), 0xdeadbeef, "release INT_MAX: previous count not written");
  eq(ReleaseSemaphore(s, 1, prev), 1, "release 1 again");
  eq(load<i32>(prev), 1, "previous count 1");
  SetLastError(0xdeadbeef);
  eq(ReleaseSemaphore(s, 1, prev), 0, "release at max fails");
  eq(GetLastError(), ERROR_TOO_MANY_POSTS, "release at max: ERROR_TOO_MANY_POSTS");
  eq(countOf(s), 2, "count is 2 (max)");
  CloseHandle(s);

  // Extremes.
  const big = CreateSemaphoreW(0, INT_MAX, INT_MAX, 0);
  ok(big != 0, "create (INT_MAX, INT_MAX)");
  SetLastError(0xdeadbeef);
  eq(ReleaseSemaphore(big, 1, 0), 0, "release past INT_MAX fails");
  eq(GetLastError(), ERROR_TOO_MANY_POSTS, "release past INT_MAX: ERROR_TOO_MANY_POSTS");
  eq(WaitForSingleObject(big, 0), WAIT_OBJECT_0, "wait on (INT_MAX, INT_MAX)");
  eq(ReleaseSemaphore(big, 1, prev), 1, "release back to INT_MAX");
  eq(load<i32>(prev), INT_MAX - 1, "previous count INT_MAX - 1");
  CloseHandle(big);
  const wide = CreateSemaphoreA(0, 0, 10, 0);
  ok(wide != 0, "create (0, max 10)");
  eq(ReleaseSemaphore(wide, 10, prev), 1, "release 10 up to max");
  eq(load<i32>(prev), 0, "previous count 0");
  eq(countOf(wide), 10, "count 10");
  CloseHandle(wide);
  return done();
}

export function test_create_params(): i32 {
  // MaximumCount <= 0, InitialCount < 0, InitialCount > MaximumCount → ERROR_INVALID_PARAMETER.
  const bad: i32[] = [0, 0, -1, 1, 1, -1, 2, 1, 0, -5, INT_MAX, 1, -1, -1];
  for (let i = 0; i < bad.length; i += 2) {
    const what = "(" + bad[i].toString() + ", max " + bad[i + 1].toString() + ")";
    SetLastError(0xdeadbeef);
    const h = CreateSemaphoreW(0, bad[i], bad[i + 1], 0);
    eq(h, 0, "CreateSemaphoreW " + what + " fails");
    eq(GetLastError(), ERROR_INVALID_PARAMETER, "CreateSemaphoreW " + what + ": ERROR_INVALID_PARAMETER");
    if (h != 0) CloseHandle(h);
    SetLastError(0xdeadbeef);
    const h2 = CreateSemaphoreExA(0, bad[i], bad[i + 1], 0, 0, SEMAPHORE_ALL_ACCESS);
    eq(h2, 0, "CreateSemaphoreExA " + what + " fails");
    eq(GetLastError(), ERROR_INVALID_PARAMETER, "CreateSemaphoreExA " + what + ": ERROR_INVALID_PARAMETER");
    if (h2 != 0) CloseHandle(h2);
  }
  const good: i32[] = [1, 2, 0, 10, INT_MAX, INT_MAX, 0, 1, 1, 1];
  for (let i = 0; i < good.length; i += 2) {
    SetLastError(0xdeadbeef);
    const h = CreateSemaphoreW(0, good[i], good[i + 1], 0);
    ok(h != 0, "CreateSemaphoreW (" + good[i].toString() + ", max " + good[i + 1].toString() + ") succeeds");
    eq(GetLastError(), 0, "unnamed create: LastError 0");
    CloseHandle(h);
  }

  // The counts are checked before the name: an invalid create on an existing name (of a semaphore
  // or of another type) gives ERROR_INVALID_PARAMETER, not ALREADY_EXISTS / INVALID_HANDLE.
  const s = CreateSemaphoreW(0, 1, 1, W("semaphore_create_params-s"));
  const ev = CreateEventW(0, 1, 0, W("semaphore_create_params-ev"));
  SetLastError(0xdeadbeef);
  eq(CreateSemaphoreW(0, 2, 1, W("semaphore_create_params-s")), 0, "invalid counts on an existing semaphore name");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "counts checked before the name (same type)");
  SetLastError(0xdeadbeef);
  eq(CreateSemaphoreA(0, 0, 0, A("semaphore_create_params-ev")), 0, "invalid counts on an event's name");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "counts checked before the name (other type)");
  SetLastError(0xdeadbeef);
  eq(CreateSemaphoreW(0, -1, 1, W("semaphore_create_params-new")), 0, "invalid counts on a fresh name");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "fresh name: ERROR_INVALID_PARAMETER");
  SetLastError(0xdeadbeef);
  eq(OpenSemaphoreW(SYNCHRONIZE, 0, W("semaphore_create_params-new")), 0, "failed create made no object");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "failed create made no object: ERROR_FILE_NOT_FOUND");
  CloseHandle(s); CloseHandle(ev);
  return done();
}

export function test_release_params(): i32 {
  const s = CreateSemaphoreW(0, 1, 5, 0);
  const prev = shared(8);
  // Release count <= 0 → ERROR_INVALID_PARAMETER (Windows; ntsync would accept 0), checked before the handle.
  const counts: i32[] = [0, -1, -2147483648];
  for (let i = 0; i < counts.length; i++) {
    store<u32>(prev, 0xdeadbeef);
    SetLastError(0xdeadbeef);
    eq(ReleaseSemaphore(s, counts[i], prev), 0, "release count " + counts[i].toString() + " fails");
    eq(GetLastError(), ERROR_INVALID_PARAMETER, "release count " + counts[i].toString() + ": ERROR_INVALID_PARAMETER");
    eq(load<u32>(prev), 0xdeadbeef, "release count " + counts[i].toString() + ": previous count not written");
  }
  SetLastError(0xdeadbeef);
  eq(ReleaseSemaphore(0x1234, 0, prev), 0, "release count 0 on a bogus handle");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "release count checked before the handle");
  eq(countOf(s), 1, "count unchanged by the invalid releases");

  // NULL previous-count pointer is allowed.
  eq(ReleaseSemaphore(s, 1, 0), 1, "release with NULL previous-count pointer");
  eq(countOf(s), 2, "count 2");

  // Bad previous-count pointer → FALSE, ERROR_NOACCESS.
  SetLastError(0xdeadbeef);
  eq(ReleaseSemaphore(s, 1, 0xFFFFFFF0), 0, "release with a bad previous-count pointer fails");
  eq(GetLastError(), ERROR_NOACCESS, "bad previous-count pointer: ERROR_NOACCESS");
  // NT probes the output pointer before it releases anything, so the count is unchanged.
  eq(countOf(s), 2, "count unchanged after the bad-pointer release");

  // Bad handles.
  const bad: u32[] = [0, 0x1234, 0xdeadbee0];
  for (let i = 0; i < bad.length; i++) {
    SetLastError(0xdeadbeef);
    eq(ReleaseSemaphore(bad[i], 1, 0), 0, "ReleaseSemaphore(0x" + bad[i].toString(16) + ")");
    eq(GetLastError(), ERROR_INVALID_HANDLE, "ReleaseSemaphore(0x" + bad[i].toString(16) + "): ERROR_INVALID_HANDLE");
  }
  const c = CreateSemaphoreW(0, 0, 1, 0);
  CloseHandle(c);
  SetLastError(0xdeadbeef);
  eq(ReleaseSemaphore(c, 1, 0), 0, "ReleaseSemaphore on a closed handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "closed handle: ERROR_INVALID_HANDLE");
  SetLastError(0xdeadbeef);
  eq(WaitForSingleObject(c, 0), WAIT_FAILED, "wait on a closed handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "wait on a closed handle: ERROR_INVALID_HANDLE");
  const ev = CreateEventW(0, 1, 0, 0);
  SetLastError(0xdeadbeef);
  eq(ReleaseSemaphore(ev, 1, 0), 0, "ReleaseSemaphore on an event");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ReleaseSemaphore on an event: ERROR_INVALID_HANDLE");
  eq(WaitForSingleObject(ev, 0), WAIT_TIMEOUT, "the event is untouched");
  SetLastError(0xdeadbeef);
  eq(ReleaseSemaphore(GetCurrentProcess(), 1, 0), 0, "ReleaseSemaphore on the process pseudo-handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ReleaseSemaphore on a process: ERROR_INVALID_HANDLE");
  CloseHandle(ev); CloseHandle(s);
  return done();
}

export function test_names(): i32 {
  const prev = shared(4);
  SetLastError(0xdeadbeef);
  const a = CreateSemaphoreW(0, 1, 3, W("semaphore_names-a"));
  ok(a != 0, "create named");
  eq(GetLastError(), 0, "fresh create: LastError 0");
  SetLastError(0xdeadbeef);
  const b = CreateSemaphoreA(0, 0, 1, A("semaphore_names-a"));
  ok(b != 0 && b != a, "create existing: new handle");
  eq(GetLastError(), ERROR_ALREADY_EXISTS, "create existing: ERROR_ALREADY_EXISTS");
  eq(ReleaseSemaphore(b, 2, prev), 1, "same object, its counts kept (count 1, max 3): release 2");
  eq(load<i32>(prev), 1, "previous count is the first create's initial count");
  eq(countOf(a), 3, "count 3 through the first handle");

  SetLastError(0xdeadbeef);
  const xw = CreateSemaphoreExW(0, 0, 1, W("semaphore_names-a"), 0, SEMAPHORE_ALL_ACCESS);
  ok(xw != 0, "CreateSemaphoreExW existing");
  eq(GetLastError(), ERROR_ALREADY_EXISTS, "CreateSemaphoreExW existing: ERROR_ALREADY_EXISTS");
  SetLastError(0xdeadbeef);
  const xa = CreateSemaphoreExA(0, 0, 1, A("semaphore_names-exa"), 0, SEMAPHORE_ALL_ACCESS);
  ok(xa != 0, "CreateSemaphoreExA fresh");
  eq(GetLastError(), 0, "CreateSemaphoreExA fresh: LastError 0");

  SetLastError(0xdeadbeef);
  const c = CreateSemaphoreW(0, 0, 1, W("SEMAPHORE_NAMES-A"));
  ok(c != 0 && c != a, "different case creates");
  eq(GetLastError(), 0, "different case is a new object: LastError 0");
  SetLastError(0xdeadbeef);
  eq(OpenSemaphoreW(SEMAPHORE_ALL_ACCESS, 0, W("Semaphore_Names-A")), 0, "open with other case");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "names are case-sensitive: ERROR_FILE_NOT_FOUND");

  const ow = OpenSemaphoreW(SEMAPHORE_ALL_ACCESS, 0, W("semaphore_names-a"));
  ok(ow != 0, "OpenSemaphoreW existing");
  const oa = OpenSemaphoreA(SYNCHRONIZE, 0, A("semaphore_names-a"));
  ok(oa != 0, "OpenSemaphoreA existing");
  eq(WaitForSingleObject(oa, 0), WAIT_OBJECT_0, "wait through the A-opened handle");
  eq(ReleaseSemaphore(ow, 1, prev), 1, "release through the W-opened handle");
  eq(load<i32>(prev), 2, "same object: previous count 2");

  // Other-type collisions.
  const m = CreateMutexW(0, 0, W("semaphore_names-m"));
  SetLastError(0xdeadbeef);
  eq(CreateSemaphoreW(0, 0, 1, W("semaphore_names-m")), 0, "CreateSemaphoreW on a mutex's name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "CreateSemaphoreW on a mutex's name: ERROR_INVALID_HANDLE");
  SetLastError(0xdeadbeef);
  eq(CreateSemaphoreA(0, 0, 1, A("semaphore_names-m")), 0, "CreateSemaphoreA on a mutex's name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "CreateSemaphoreA on a mutex's name: ERROR_INVALID_HANDLE");
  SetLastError(0xdeadbeef);
  eq(OpenSemaphoreW(SEMAPHORE_ALL_ACCESS, 0, W("semaphore_names-m")), 0, "OpenSemaphoreW on a mutex's name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "OpenSemaphoreW on a mutex's name: ERROR_INVALID_HANDLE");
  SetLastError(0xdeadbeef);
  eq(OpenMutexW(SYNCHRONIZE, 0, W("semaphore_names-a")), 0, "OpenMutexW on a semaphore's name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "OpenMutexW on a semaphore's name: ERROR_INVALID_HANDLE");
  SetLastError(0xdeadbeef);
  eq(OpenEventW(SYNCHRONIZE, 0, W("semaphore_names-a")), 0, "OpenEventW on a semaphore's name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "OpenEventW on a semaphore's name: ERROR_INVALID_HANDLE");
  SetLastError(0xdeadbeef);
  eq(CreateEventW(0, 1, 0, W("semaphore_names-a")), 0, "CreateEventW on a semaphore's name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "CreateEventW on a semaphore's name: ERROR_INVALID_HANDLE");

  // Missing names, access 0, NULL names.
  SetLastError(0xdeadbeef);
  eq(OpenSemaphoreW(SEMAPHORE_ALL_ACCESS, 0, W("semaphore_names-missing")), 0, "OpenSemaphoreW missing");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "OpenSemaphoreW missing: ERROR_FILE_NOT_FOUND");
  SetLastError(0xdeadbeef);
  eq(OpenSemaphoreA(SEMAPHORE_ALL_ACCESS, 0, A("semaphore_names-missing")), 0, "OpenSemaphoreA missing");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "OpenSemaphoreA missing: ERROR_FILE_NOT_FOUND");
  SetLastError(0xdeadbeef);
  eq(OpenSemaphoreA(0, 0, A("semaphore_names-missing")), 0, "OpenSemaphoreA(0) missing");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "access 0 on a missing name: ERROR_FILE_NOT_FOUND");
  SetLastError(0xdeadbeef);
  eq(OpenSemaphoreW(0, 0, W("semaphore_names-a")), 0, "OpenSemaphoreW(0) existing");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "access 0 on an existing name: ERROR_ACCESS_DENIED");
  SetLastError(0xdeadbeef);
  eq(OpenSemaphoreA(0, 0, A("semaphore_names-a")), 0, "OpenSemaphoreA(0) existing");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "OpenSemaphoreA(0) existing: ERROR_ACCESS_DENIED");
  SetLastError(0xdeadbeef);
  eq(OpenSemaphoreW(SEMAPHORE_ALL_ACCESS, 0, 0), 0, "OpenSemaphoreW NULL name");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "OpenSemaphoreW NULL name: ERROR_INVALID_PARAMETER");
  SetLastError(0xdeadbeef);
  eq(OpenSemaphoreA(SEMAPHORE_ALL_ACCESS, 0, 0), 0, "OpenSemaphoreA NULL name");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "OpenSemaphoreA NULL name: ERROR_INVALID_PARAMETER");

  // The name disappears with its last handle.
  CloseHandle(a); CloseHandle(b); CloseHandle(xw); CloseHandle(ow); CloseHandle(oa);
  SetLastError(0xdeadbeef);
  eq(OpenSemaphoreA(READ_CONTROL, 0, A("semaphore_names-a")), 0, "name gone with its last handle");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "name gone: ERROR_FILE_NOT_FOUND");
  CloseHandle(c); CloseHandle(xa); CloseHandle(m);
  return done();
}

export function test_access(): i32 {
  const prev = shared(4);
  const s = CreateSemaphoreW(0, 0, 100, W("semaphore_access"));
  ok(s != 0, "create");
  // Single-bit opens, by analogy with the mutex loop (Wine test_mutex): the valid mask is
  // SEMAPHORE_ALL_ACCESS (0x1F0003), so the failing bits are 0x0de0fffc (ACCESS_SYSTEM_SECURITY
  // with ERROR_PRIVILEGE_NOT_HELD).
  let failed: u32 = 0;
  for (let i = 0; i < 32; i++) {
    const bit: u32 = (<u32>1) << <u32>i;
    SetLastError(0xdeadbeef);
    const h = OpenSemaphoreA(bit, 0, A("semaphore_access"));
    const err = GetLastError();
    if (h != 0) {
      CloseHandle(h);
    } else {
      eq(err, bit == ACCESS_SYSTEM_SECURITY ? ERROR_PRIVILEGE_NOT_HELD : ERROR_ACCESS_DENIED,
        "failed single-bit open: last error, access 0x" + bit.toString(16));
      failed |= bit;
    }
  }
  eq(failed, 0x0de0fffc, "failing single-bit accesses (hex " + failed.toString(16) +
    "; wrongly granted 0x" + (0x0de0fffc & ~failed).toString(16) + ", wrongly denied 0x" + (failed & ~0x0de0fffc).toString(16) + ")");
  if ((failed & ACCESS_SYSTEM_SECURITY) == 0) println("NOTE: OpenSemaphoreA(ACCESS_SYSTEM_SECURITY) succeeded; Windows fails it with ERROR_PRIVILEGE_NOT_HELD");
  const okBits: u32[] = [SEMAPHORE_QUERY_STATE, SEMAPHORE_MODIFY_STATE, DELETE, READ_CONTROL, WRITE_DAC, WRITE_OWNER, SYNCHRONIZE,
    MAXIMUM_ALLOWED, GENERIC_ALL, GENERIC_EXECUTE, GENERIC_WRITE, GENERIC_READ];
  for (let i = 0; i < okBits.length; i++) {
    const h = OpenSemaphoreW(okBits[i], 0, W("semaphore_access"));
    ok(h != 0, "OpenSemaphoreW succeeds with access 0x" + okBits[i].toString(16));
    CloseHandle(h);
  }

  // ReleaseSemaphore needs SEMAPHORE_MODIFY_STATE; waits need SYNCHRONIZE.
  // [access, can release, can wait]
  const cases: u32[] = [
    SYNCHRONIZE, 0, 1,
    SEMAPHORE_MODIFY_STATE, 1, 0,
    SEMAPHORE_QUERY_STATE, 0, 0,
    GENERIC_READ, 0, 0,
    GENERIC_WRITE, 1, 0,
    GENERIC_EXECUTE, 0, 1,
    GENERIC_ALL, 1, 1,
    READ_CONTROL, 0, 0,
  ];
  for (let i = 0; i < cases.length; i += 3) {
    const acc = cases[i];
    const what = "access 0x" + acc.toString(16);
    const h = OpenSemaphoreW(acc, 0, W("semaphore_access"));
    ok(h != 0, "open, " + what);
    store<u32>(prev, 0xdeadbeef);
    SetLastError(0xdeadbeef);
    const r = ReleaseSemaphore(h, 1, prev);
    if (cases[i + 1] != 0) {
      eq(r, 1, "release allowed, " + what);
      eq(load<i32>(prev), 0, "release previous count, " + what);
      eq(WaitForSingleObject(s, 0), WAIT_OBJECT_0, "take it back, " + what);
    } else {
      eq(r, 0, "release denied, " + what);
      eq(GetLastError(), ERROR_ACCESS_DENIED, "release denied: ERROR_ACCESS_DENIED, " + what);
      eq(load<u32>(prev), 0xdeadbeef, "denied release: previous count not written, " + what);
    }
    ReleaseSemaphore(s, 1, 0);
    SetLastError(0xdeadbeef);
    const w = WaitForSingleObject(h, 0);
    if (cases[i + 2] != 0) {
      eq(w, WAIT_OBJECT_0, "wait allowed, " + what);
    } else {
      eq(w, WAIT_FAILED, "wait denied, " + what);
      eq(GetLastError(), ERROR_ACCESS_DENIED, "wait denied: ERROR_ACCESS_DENIED, " + what);
      eq(WaitForSingleObject(s, 0), WAIT_OBJECT_0, "denied wait took nothing, " + what);
    }
    eq(countOf(s), 0, "count back to 0, " + what);
    CloseHandle(h);
  }

  // Zero-access duplicate: neither release nor wait.
  const z = shared(4);
  ok(DuplicateHandle(GetCurrentProcess(), s, GetCurrentProcess(), z, 0, 0, 0) != 0, "DuplicateHandle access 0");
  const h0 = load<u32>(z);
  SetLastError(0xdeadbeef);
  eq(ReleaseSemaphore(h0, 1, 0), 0, "release through a zero-access handle");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "zero-access release: ERROR_ACCESS_DENIED");
  SetLastError(0xdeadbeef);
  eq(WaitForSingleObject(h0, 0), WAIT_FAILED, "wait through a zero-access handle");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "zero-access wait: ERROR_ACCESS_DENIED");
  CloseHandle(h0);

  // CreateSemaphoreEx's access applies to the returned handle.
  const cx = CreateSemaphoreExW(0, 0, 2, 0, 0, SYNCHRONIZE);
  ok(cx != 0, "CreateSemaphoreExW with SYNCHRONIZE only");
  SetLastError(0xdeadbeef);
  eq(ReleaseSemaphore(cx, 1, 0), 0, "CreateSemaphoreExW(SYNCHRONIZE): release denied");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "CreateSemaphoreExW(SYNCHRONIZE): ERROR_ACCESS_DENIED");
  CloseHandle(cx);
  const cm = CreateSemaphoreExW(0, 0, 2, 0, 0, SEMAPHORE_MODIFY_STATE);
  ok(cm != 0, "CreateSemaphoreExW with SEMAPHORE_MODIFY_STATE only");
  eq(ReleaseSemaphore(cm, 1, 0), 1, "CreateSemaphoreExW(MODIFY_STATE): release allowed");
  SetLastError(0xdeadbeef);
  eq(WaitForSingleObject(cm, 0), WAIT_FAILED, "CreateSemaphoreExW(MODIFY_STATE): wait denied");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "CreateSemaphoreExW(MODIFY_STATE): ERROR_ACCESS_DENIED");
  CloseHandle(cm);
  CloseHandle(s);
  return done();
}

export function test_wake_one(): i32 {
  const prev = shared(4);
  const c = shared(12);
  const t = shared(8);
  store<u32>(c, CreateSemaphoreW(0, 0, 1, 0));
  store<u32>(c + 4, CreateSemaphoreW(0, 0, 1, 0));
  store<u32>(t, c);
  store<u32>(t + 4, 0xdead);
  const th = CreateThread(0, 0, waiter.index, t, 0, 0);
  Sleep(50); // give the waiter a chance to block; the checks hold either way
  eq(WaitForSingleObject(th, 0), WAIT_TIMEOUT, "waiter blocked on an empty semaphore");
  eq(ReleaseSemaphore(load<u32>(c), 1, prev), 1, "release 1");
  eq(load<i32>(prev), 0, "previous count 0");
  join(th, "waiter");
  eq(load<u32>(t + 4), WAIT_OBJECT_0, "blocked waiter woken by ReleaseSemaphore");
  eq(atomic.load<i32>(c + 8), 1, "one waiter woken");
  eq(WaitForSingleObject(load<u32>(c), 0), WAIT_TIMEOUT, "the waiter consumed the count");
  eq(WaitForSingleObject(load<u32>(c + 4), 0), WAIT_OBJECT_0, "waiter reported");
  CloseHandle(load<u32>(c)); CloseHandle(load<u32>(c + 4));
  return done();
}

export function test_wake_three_of_five(): i32 {
  const prev = shared(4);
  const c = shared(12);
  const t = shared(8 * 5);
  const sem = CreateSemaphoreW(0, 0, 5, 0);
  const fin = CreateSemaphoreW(0, 0, 5, 0);
  store<u32>(c, sem);
  store<u32>(c + 4, fin);
  const th = new StaticArray<u32>(5);
  for (let i = 0; i < 5; i++) {
    store<u32>(t + 8 * i, c);
    store<u32>(t + 8 * i + 4, 0xdead);
    th[i] = CreateThread(0, 0, waiter.index, t + 8 * i, 0, 0);
    ok(th[i] != 0, "CreateThread " + i.toString());
  }
  Sleep(50); // give the waiters a chance to block; the checks hold either way
  eq(ReleaseSemaphore(sem, 3, prev), 1, "release 3");
  eq(load<i32>(prev), 0, "release 3: previous count 0");
  for (let i = 0; i < 3; i++) eq(WaitForSingleObject(fin, JOIN), WAIT_OBJECT_0, "woken waiter " + i.toString() + " reported");
  eq(atomic.load<i32>(c + 8), 3, "exactly 3 waiters woken");
  eq(WaitForSingleObject(fin, 100), WAIT_TIMEOUT, "no fourth waiter wakes");
  eq(atomic.load<i32>(c + 8), 3, "still exactly 3");
  let blocked = 0;
  for (let i = 0; i < 5; i++) if (WaitForSingleObject(th[i], 0) == WAIT_TIMEOUT) blocked++;
  ok(blocked >= 2, "at least 2 waiter threads still running (got " + blocked.toString() + ")");
  eq(WaitForSingleObject(sem, 0), WAIT_TIMEOUT, "count back to 0");

  eq(ReleaseSemaphore(sem, 2, prev), 1, "release 2 more");
  eq(load<i32>(prev), 0, "release 2: previous count 0");
  for (let i = 0; i < 2; i++) eq(WaitForSingleObject(fin, JOIN), WAIT_OBJECT_0, "remaining waiter " + i.toString() + " reported");
  for (let i = 0; i < 5; i++) join(th[i], "waiter " + i.toString());
  eq(atomic.load<i32>(c + 8), 5, "all 5 woken");
  for (let i = 0; i < 5; i++) eq(load<u32>(t + 8 * i + 4), WAIT_OBJECT_0, "waiter " + i.toString() + " result");
  eq(WaitForSingleObject(sem, 0), WAIT_TIMEOUT, "semaphore empty at the end");
  CloseHandle(sem); CloseHandle(fin);
  return done();
}
