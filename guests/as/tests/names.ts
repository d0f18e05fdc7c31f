// Object names: where kernel32 names live (\Sessions\1\BaseNamedObjects), Global\ and Local\,
// case sensitivity, lifetime, cross-type collisions, path errors, long and non-ASCII names, and
// ntwasm's QueryObjectDirectory. Expected values follow Windows as Wine's kernel32/tests/sync.c and
// ntdll/tests/om.c record it (semantics §1, §2 "Names").
import {
  CloseHandle, CreateEventA, CreateEventW, CreateMutexA, CreateMutexW, CreateSemaphoreA, CreateSemaphoreW,
  DuplicateHandle, DUPLICATE_SAME_ACCESS, ERROR_ACCESS_DENIED, ERROR_ALREADY_EXISTS, ERROR_BAD_PATHNAME,
  ERROR_FILE_NOT_FOUND, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_PATH_NOT_FOUND, EVENT_ALL_ACCESS,
  GetCurrentProcess, GetLastError, MUTEX_ALL_ACCESS, NTWASM_TYPE_DIRECTORY, NTWASM_TYPE_EVENT, NTWASM_TYPE_MUTANT,
  NTWASM_TYPE_SEMAPHORE, NTWASM_TYPE_SYMBOLICLINK, OpenEventA, OpenEventW, OpenMutexA, OpenMutexW, OpenSemaphoreW,
  QueryObjectDirectory, ResetEvent, SEMAPHORE_ALL_ACCESS, SetEvent, SetLastError, STATUS_ACCESS_VIOLATION, STATUS_BUFFER_TOO_SMALL,
  STATUS_NO_MORE_ENTRIES, STATUS_OBJECT_NAME_NOT_FOUND, STATUS_OBJECT_PATH_NOT_FOUND, STATUS_OBJECT_TYPE_MISMATCH,
  STATUS_SUCCESS, WaitForSingleObject, WAIT_OBJECT_0, WAIT_TIMEOUT,
} from "../ntwasm";
import { A, W } from "../lib/win";
import { done, eq, ok, shared } from "../lib/test";

const SESSION = "\\Sessions\\1\\BaseNamedObjects";
const GLOBAL = "\\BaseNamedObjects";
const NAME_CAP: u32 = 16384;
const NOT_LISTED: u32 = 0;
const LIST_ERROR: u32 = 0xffffffff;

let nameBuf: usize = 0;
let lenOut: usize = 0;
let typeOut: usize = 0;

function scratch(): void {
  if (nameBuf) return;
  nameBuf = shared(<usize>NAME_CAP << 1);
  lenOut = shared(4);
  typeOut = shared(4);
}

/** The type id `name` has in directory `dir` (NOT_LISTED when absent, LIST_ERROR when listing failed). */
function typeIn(dir: string, name: string): u32 {
  scratch();
  const d = W(dir);
  for (let i: u32 = 0; ; i++) {
    const st = QueryObjectDirectory(d, i, nameBuf, NAME_CAP, lenOut, typeOut);
    if (st == STATUS_NO_MORE_ENTRIES) return NOT_LISTED;
    if (st != STATUS_SUCCESS) return LIST_ERROR;
    const len = load<u32>(lenOut);
    if (len == <u32>name.length && memory.compare(nameBuf, changetype<usize>(name), <usize>len << 1) == 0) return load<u32>(typeOut);
  }
  return LIST_ERROR;
}

/** How many entries of `dir` are called `name`. */
function countIn(dir: string, name: string): i32 {
  scratch();
  const d = W(dir);
  let n = 0;
  for (let i: u32 = 0; ; i++) {
    const st = QueryObjectDirectory(d, i, nameBuf, NAME_CAP, lenOut, typeOut);
    if (st != STATUS_SUCCESS) return n;
    const len = load<u32>(lenOut);
    if (len == <u32>name.length && memory.compare(nameBuf, changetype<usize>(name), <usize>len << 1) == 0) n++;
  }
  return n;
}

/** Do two event handles refer to one object? (both must be manual-reset and unsignaled) */
function sameEvent(a: u32, b: u32): bool {
  SetEvent(a);
  const r = WaitForSingleObject(b, 0) == WAIT_OBJECT_0;
  ResetEvent(a);
  return r;
}

// kernel32 names go to \Sessions\1\BaseNamedObjects [kb; om:get_base_dir].
export function test_session_directory(): i32 {
  SetLastError(0xdeadbeef);
  const e = CreateEventW(0, 1, 0, W("names-session-ev"));
  ok(e != 0, "create named event");
  eq(GetLastError(), 0, "fresh create: last error 0");
  const m = CreateMutexW(0, 0, W("names-session-mx"));
  const s = CreateSemaphoreW(0, 0, 1, W("names-session-sem"));
  eq(typeIn(SESSION, "names-session-ev"), NTWASM_TYPE_EVENT, "event listed in the session directory as Event");
  eq(typeIn(SESSION, "names-session-mx"), NTWASM_TYPE_MUTANT, "mutex listed as Mutant");
  eq(typeIn(SESSION, "names-session-sem"), NTWASM_TYPE_SEMAPHORE, "semaphore listed as Semaphore");
  eq(countIn(SESSION, "names-session-ev"), 1, "listed once");
  eq(typeIn(GLOBAL, "names-session-ev"), NOT_LISTED, "not in \\BaseNamedObjects");
  eq(typeIn("\\", "BaseNamedObjects"), NTWASM_TYPE_DIRECTORY, "\\BaseNamedObjects is a directory");
  eq(typeIn("\\", "Sessions"), NTWASM_TYPE_DIRECTORY, "\\Sessions is a directory");
  eq(typeIn("\\Sessions", "1"), NTWASM_TYPE_DIRECTORY, "\\Sessions\\1 is a directory");
  eq(typeIn("\\Sessions\\1", "BaseNamedObjects"), NTWASM_TYPE_DIRECTORY, "\\Sessions\\1\\BaseNamedObjects is a directory");
  eq(typeIn(SESSION, "Global"), NTWASM_TYPE_SYMBOLICLINK, "session Global is a symbolic link");
  eq(typeIn(SESSION, "Local"), NTWASM_TYPE_SYMBOLICLINK, "session Local is a symbolic link");
  eq(typeIn(GLOBAL, "Global"), NTWASM_TYPE_SYMBOLICLINK, "\\BaseNamedObjects\\Global is a symbolic link");
  eq(typeIn(GLOBAL, "Local"), NTWASM_TYPE_SYMBOLICLINK, "\\BaseNamedObjects\\Local is a symbolic link");
  // Same name again: a handle plus ERROR_ALREADY_EXISTS.
  const e2 = CreateEventW(0, 1, 0, W("names-session-ev"));
  ok(e2 != 0 && e2 != e, "create existing");
  eq(GetLastError(), ERROR_ALREADY_EXISTS, "create existing: ERROR_ALREADY_EXISTS");
  eq(countIn(SESSION, "names-session-ev"), 1, "still listed once");
  CloseHandle(e); CloseHandle(e2); CloseHandle(m); CloseHandle(s);
  eq(typeIn(SESSION, "names-session-ev"), NOT_LISTED, "gone after the last handle");
  eq(typeIn(SESSION, "names-session-mx"), NOT_LISTED, "mutex gone");
  eq(typeIn(SESSION, "names-session-sem"), NOT_LISTED, "semaphore gone");
  return done();
}

// Global\ → \BaseNamedObjects, Local\ → the session directory [om:test_directory; semantics §2 D].
export function test_global_local(): i32 {
  const g = CreateEventW(0, 1, 0, W("Global\\names-gl-g"));
  ok(g != 0, "create Global\\x");
  eq(GetLastError(), 0, "create Global\\x: fresh");
  eq(typeIn(GLOBAL, "names-gl-g"), NTWASM_TYPE_EVENT, "Global\\x lands in \\BaseNamedObjects");
  eq(typeIn(SESSION, "names-gl-g"), NOT_LISTED, "Global\\x is not in the session directory");
  const go = OpenEventW(EVENT_ALL_ACCESS, 0, W("Global\\names-gl-g"));
  ok(go != 0, "open Global\\x");
  ok(go != 0 && sameEvent(g, go), "open Global\\x finds the same object");
  SetLastError(0);
  eq(OpenEventW(EVENT_ALL_ACCESS, 0, W("names-gl-g")), 0, "plain x does not find Global\\x");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "plain x: ERROR_FILE_NOT_FOUND");
  const gl = OpenEventW(EVENT_ALL_ACCESS, 0, W("Local\\Global\\names-gl-g"));
  ok(gl != 0, "Local\\Global\\x also reaches \\BaseNamedObjects\\x");
  if (gl) CloseHandle(gl);

  const l = CreateEventW(0, 1, 0, W("Local\\names-gl-l"));
  ok(l != 0, "create Local\\y");
  eq(typeIn(SESSION, "names-gl-l"), NTWASM_TYPE_EVENT, "Local\\y lands in the session directory");
  eq(typeIn(GLOBAL, "names-gl-l"), NOT_LISTED, "Local\\y is not in \\BaseNamedObjects");
  const lp = OpenEventW(EVENT_ALL_ACCESS, 0, W("names-gl-l"));
  ok(lp != 0, "open y finds Local\\y");
  ok(lp != 0 && sameEvent(l, lp), "y and Local\\y are one object");
  const lc = CreateEventW(0, 1, 0, W("names-gl-l"));
  eq(GetLastError(), ERROR_ALREADY_EXISTS, "create y after Local\\y: ERROR_ALREADY_EXISTS");
  // The same last component in both directories gives two objects.
  const b1 = CreateEventW(0, 1, 0, W("names-gl-both"));
  eq(GetLastError(), 0, "session x fresh");
  const b2 = CreateEventW(0, 1, 0, W("Global\\names-gl-both"));
  eq(GetLastError(), 0, "Global\\x fresh even though session x exists");
  ok(!sameEvent(b1, b2), "session x and Global\\x are different objects");
  CloseHandle(g); CloseHandle(go); CloseHandle(l); CloseHandle(lp); CloseHandle(lc); CloseHandle(b1); CloseHandle(b2);
  eq(typeIn(GLOBAL, "names-gl-g"), NOT_LISTED, "Global\\x gone after its last handle");
  SetLastError(0);
  eq(OpenEventW(EVENT_ALL_ACCESS, 0, W("Global\\names-gl-g")), 0, "Global\\x cannot be opened after close");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "Global\\x after close: ERROR_FILE_NOT_FOUND");
  return done();
}

// Kernel32 names are case-sensitive [k32sync:test_event, test_mutex].
export function test_case_sensitive(): i32 {
  const a = CreateEventW(0, 1, 0, W("names-case-a"));
  eq(GetLastError(), 0, "lower case fresh");
  const b = CreateEventW(0, 1, 0, W("names-case-A"));
  eq(GetLastError(), 0, "upper case is a different name");
  ok(a != 0 && b != 0 && !sameEvent(a, b), "two objects");
  eq(typeIn(SESSION, "names-case-a"), NTWASM_TYPE_EVENT, "a listed");
  eq(typeIn(SESSION, "names-case-A"), NTWASM_TYPE_EVENT, "A listed");
  SetLastError(0);
  eq(OpenEventW(EVENT_ALL_ACCESS, 0, W("NAMES-CASE-A")), 0, "open in other case");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "open in other case: ERROR_FILE_NOT_FOUND");
  const m1 = CreateMutexA(0, 0, A("names-case-mutex"));
  const m2 = CreateMutexA(0, 0, A("Names-Case-Mutex"));
  eq(GetLastError(), 0, "mutex: different case is fresh");
  SetLastError(0);
  eq(OpenMutexA(MUTEX_ALL_ACCESS, 0, A("NAMES-CASE-MUTEX")), 0, "open mutex in other case");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "open mutex in other case: ERROR_FILE_NOT_FOUND");
  CloseHandle(a); CloseHandle(b); CloseHandle(m1); CloseHandle(m2);
  return done();
}

// A named object lives while any handle (including a duplicate) is open [k32sync:test_temporary_objects].
export function test_lifetime(): i32 {
  const e = CreateEventW(0, 1, 1, W("names-life"));
  ok(e != 0, "create");
  const out = shared(4);
  eq(DuplicateHandle(GetCurrentProcess(), e, GetCurrentProcess(), out, 0, 0, DUPLICATE_SAME_ACCESS), 1, "duplicate");
  const d = load<u32>(out);
  eq(CloseHandle(e), 1, "close the creating handle");
  eq(typeIn(SESSION, "names-life"), NTWASM_TYPE_EVENT, "still listed while the duplicate is open");
  const o = OpenEventW(EVENT_ALL_ACCESS, 0, W("names-life"));
  ok(o != 0, "open while the duplicate is open");
  eq(WaitForSingleObject(o, 0), WAIT_OBJECT_0, "same object (initially set)");
  eq(CloseHandle(d), 1, "close the duplicate");
  eq(typeIn(SESSION, "names-life"), NTWASM_TYPE_EVENT, "still listed while the opened handle is open");
  eq(CloseHandle(o), 1, "close the last handle");
  eq(typeIn(SESSION, "names-life"), NOT_LISTED, "gone from the directory after the last handle");
  SetLastError(0);
  eq(OpenEventW(EVENT_ALL_ACCESS, 0, W("names-life")), 0, "open after the last close");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "open after the last close: ERROR_FILE_NOT_FOUND");
  // Creating it again makes a fresh object (not signaled, last error 0).
  SetLastError(0xdeadbeef);
  const e2 = CreateEventW(0, 1, 0, W("names-life"));
  eq(GetLastError(), 0, "create again: fresh");
  eq(WaitForSingleObject(e2, 0), WAIT_TIMEOUT, "a new object, not the old signaled one");
  // Open with access 0: existing → ERROR_ACCESS_DENIED; missing → ERROR_FILE_NOT_FOUND [k32sync:test_mutex; om:test_zero_access].
  SetLastError(0);
  eq(OpenEventW(0, 0, W("names-life")), 0, "open existing with access 0");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "open existing with access 0: ERROR_ACCESS_DENIED");
  SetLastError(0);
  eq(OpenEventW(0, 0, W("names-life-missing")), 0, "open missing with access 0");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "open missing with access 0: ERROR_FILE_NOT_FOUND");
  SetLastError(0);
  eq(OpenEventW(EVENT_ALL_ACCESS, 0, 0), 0, "open NULL name");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "open NULL name: ERROR_INVALID_PARAMETER");
  CloseHandle(e2);
  return done();
}

// Another type holding the name → ERROR_INVALID_HANDLE (STATUS_OBJECT_TYPE_MISMATCH) [om:test_case_sensitive; semantics §2].
export function test_type_collisions(): i32 {
  const e = CreateEventW(0, 1, 0, W("names-coll-ev"));
  const m = CreateMutexW(0, 0, W("names-coll-mx"));
  const s = CreateSemaphoreW(0, 0, 1, W("names-coll-sem"));
  ok(e != 0 && m != 0 && s != 0, "create one of each");
  SetLastError(0);
  eq(CreateMutexW(0, 0, W("names-coll-ev")), 0, "CreateMutex on an event's name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "CreateMutex on an event's name: error");
  SetLastError(0);
  eq(CreateSemaphoreW(0, 0, 1, W("names-coll-ev")), 0, "CreateSemaphore on an event's name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "CreateSemaphore on an event's name: error");
  SetLastError(0);
  eq(CreateEventW(0, 1, 0, W("names-coll-mx")), 0, "CreateEvent on a mutex's name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "CreateEvent on a mutex's name: error");
  SetLastError(0);
  eq(CreateEventA(0, 1, 0, A("names-coll-sem")), 0, "CreateEventA on a semaphore's name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "CreateEventA on a semaphore's name: error");
  SetLastError(0);
  eq(CreateSemaphoreA(0, 0, 1, A("names-coll-mx")), 0, "CreateSemaphoreA on a mutex's name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "CreateSemaphoreA on a mutex's name: error");
  SetLastError(0);
  eq(OpenMutexW(MUTEX_ALL_ACCESS, 0, W("names-coll-ev")), 0, "OpenMutex on an event's name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "OpenMutex on an event's name: error");
  SetLastError(0);
  eq(OpenSemaphoreW(SEMAPHORE_ALL_ACCESS, 0, W("names-coll-mx")), 0, "OpenSemaphore on a mutex's name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "OpenSemaphore on a mutex's name: error");
  SetLastError(0);
  eq(OpenEventW(EVENT_ALL_ACCESS, 0, W("names-coll-sem")), 0, "OpenEvent on a semaphore's name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "OpenEvent on a semaphore's name: error");
  eq(typeIn(SESSION, "names-coll-ev"), NTWASM_TYPE_EVENT, "the event keeps its name");
  eq(countIn(SESSION, "names-coll-ev"), 1, "no second entry for the failed creates");
  CloseHandle(e); CloseHandle(m); CloseHandle(s);
  // Once the holder is gone the name is free for another type.
  const m2 = CreateMutexW(0, 0, W("names-coll-ev"));
  ok(m2 != 0, "name reusable by another type after the last close");
  eq(GetLastError(), 0, "reuse: fresh");
  eq(typeIn(SESSION, "names-coll-ev"), NTWASM_TYPE_MUTANT, "now a Mutant");
  CloseHandle(m2);
  return done();
}

// Path errors [om:test_directory, test_name_limits; semantics §2 "Names: paths"].
export function test_path_errors(): i32 {
  SetLastError(0);
  eq(CreateEventW(0, 1, 0, W("names-nodir\\bar")), 0, "create in a missing directory");
  eq(GetLastError(), ERROR_PATH_NOT_FOUND, "create in a missing directory: ERROR_PATH_NOT_FOUND");
  SetLastError(0);
  eq(OpenEventW(EVENT_ALL_ACCESS, 0, W("names-nodir\\bar")), 0, "open in a missing directory");
  eq(GetLastError(), ERROR_PATH_NOT_FOUND, "open in a missing directory: ERROR_PATH_NOT_FOUND");
  SetLastError(0);
  eq(CreateMutexA(0, 0, A("names-nodir\\a\\b")), 0, "CreateMutexA two levels down a missing directory");
  eq(GetLastError(), ERROR_PATH_NOT_FOUND, "CreateMutexA missing directory: ERROR_PATH_NOT_FOUND");
  SetLastError(0);
  eq(CreateEventW(0, 1, 0, W("Global\\names-nodir\\bar")), 0, "Global\\missing\\x");
  eq(GetLastError(), ERROR_PATH_NOT_FOUND, "Global\\missing\\x: ERROR_PATH_NOT_FOUND");
  // A leading backslash in a relative name is bad syntax.
  SetLastError(0);
  eq(CreateEventW(0, 1, 0, W("\\names-lead")), 0, "create with a leading backslash");
  eq(GetLastError(), ERROR_BAD_PATHNAME, "create with a leading backslash: ERROR_BAD_PATHNAME");
  SetLastError(0);
  eq(OpenEventW(EVENT_ALL_ACCESS, 0, W("\\names-lead")), 0, "open with a leading backslash");
  eq(GetLastError(), ERROR_BAD_PATHNAME, "open with a leading backslash: ERROR_BAD_PATHNAME");
  SetLastError(0);
  eq(CreateEventW(0, 1, 0, W("\\BaseNamedObjects\\names-lead")), 0, "absolute NT path through kernel32");
  eq(GetLastError(), ERROR_BAD_PATHNAME, "absolute NT path: ERROR_BAD_PATHNAME");
  // Empty name: Create makes an unnamed object; Open resolves to the directory itself → type mismatch.
  SetLastError(0xdeadbeef);
  const u1 = CreateEventW(0, 1, 0, W(""));
  ok(u1 != 0, "create with an empty name");
  eq(GetLastError(), 0, "empty name: last error 0");
  const u2 = CreateEventW(0, 1, 0, W(""));
  eq(GetLastError(), 0, "second empty name: still fresh");
  ok(u1 != 0 && u2 != 0 && !sameEvent(u1, u2), "two empty-name creates are two unnamed objects");
  SetLastError(0);
  eq(OpenEventW(EVENT_ALL_ACCESS, 0, W("")), 0, "open with an empty name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "open with an empty name: ERROR_INVALID_HANDLE");
  SetLastError(0);
  eq(OpenEventA(EVENT_ALL_ACCESS, 0, A("")), 0, "OpenEventA with an empty name");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "OpenEventA with an empty name: ERROR_INVALID_HANDLE");
  CloseHandle(u1); CloseHandle(u2);
  return done();
}

function longName(prefix: string, n: i32): string {
  const s = prefix + "abcdefghijklmnopqrstuvwxyz".repeat(n / 26 + 1);
  return s.substring(0, n);
}

// Long names work (the NT limit is 32,767 characters) [om:test_name_limits].
export function test_long_names(): i32 {
  const n500 = longName("names-long-500-", 500);
  const e = CreateEventW(0, 1, 0, W(n500));
  ok(e != 0, "create a 500-char name");
  eq(GetLastError(), 0, "500 chars: fresh");
  eq(typeIn(SESSION, n500), NTWASM_TYPE_EVENT, "500-char name listed");
  const o = OpenEventA(EVENT_ALL_ACCESS, 0, A(n500));
  ok(o != 0, "open the 500-char name (A)");
  ok(o != 0 && sameEvent(e, o), "same object");
  const shorter = n500.substring(0, 499);
  SetLastError(0);
  eq(OpenEventW(EVENT_ALL_ACCESS, 0, W(shorter)), 0, "a 499-char prefix is another name");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "499-char prefix: ERROR_FILE_NOT_FOUND");
  const n10k = longName("names-long-10000-", 10000);
  const big = CreateEventW(0, 1, 0, W(n10k));
  ok(big != 0, "create a 10,000-char name");
  eq(typeIn(SESSION, n10k), NTWASM_TYPE_EVENT, "10,000-char name listed");
  const bo = OpenEventW(EVENT_ALL_ACCESS, 0, W(n10k));
  ok(bo != 0, "open the 10,000-char name");
  CloseHandle(e); CloseHandle(o); CloseHandle(big); CloseHandle(bo);
  eq(typeIn(SESSION, n500), NOT_LISTED, "500-char name gone after close");
  return done();
}

// A (UTF-8) and W names map to the same object.
export function test_utf8_names(): i32 {
  const name = "names-ütf8-€-日本-😀";
  const a = CreateEventA(0, 1, 0, A(name));
  ok(a != 0, "CreateEventA with a non-ASCII UTF-8 name");
  eq(GetLastError(), 0, "fresh");
  eq(typeIn(SESSION, name), NTWASM_TYPE_EVENT, "listed under its UTF-16 name");
  const w = OpenEventW(EVENT_ALL_ACCESS, 0, W(name));
  ok(w != 0, "OpenEventW finds the A-created object");
  ok(w != 0 && sameEvent(a, w), "same object");
  const w2 = CreateEventW(0, 1, 0, W(name));
  eq(GetLastError(), ERROR_ALREADY_EXISTS, "CreateEventW on the A name: ERROR_ALREADY_EXISTS");
  const name2 = "names-wide-ÄÖÜ-Ω-𝄞";
  const m = CreateMutexW(0, 0, W(name2));
  const ma = OpenMutexA(MUTEX_ALL_ACCESS, 0, A(name2));
  ok(ma != 0, "OpenMutexA finds the W-created mutex");
  const ma2 = CreateMutexA(0, 0, A(name2));
  eq(GetLastError(), ERROR_ALREADY_EXISTS, "CreateMutexA on the W name: ERROR_ALREADY_EXISTS");
  CloseHandle(a); CloseHandle(w); CloseHandle(w2); CloseHandle(m); CloseHandle(ma); CloseHandle(ma2);
  SetLastError(0);
  eq(OpenEventA(EVENT_ALL_ACCESS, 0, A(name)), 0, "gone after close");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "gone after close: ERROR_FILE_NOT_FOUND");
  return done();
}

// QueryObjectDirectory (ntwasm): docs/abi.md — STATUS_NO_MORE_ENTRIES past the end, STATUS_BUFFER_TOO_SMALL
// when the name does not fit; paths resolve like NT names.
export function test_query_directory(): i32 {
  const e = CreateEventW(0, 1, 0, W("names-qd-0123456789"));
  scratch();
  // Find its index.
  const d = W(SESSION);
  let index: u32 = 0xffffffff;
  let count: u32 = 0;
  for (let i: u32 = 0; ; i++) {
    const st = QueryObjectDirectory(d, i, nameBuf, NAME_CAP, lenOut, typeOut);
    if (st == STATUS_NO_MORE_ENTRIES) { count = i; break; }
    if (st != STATUS_SUCCESS) { eq(st, STATUS_SUCCESS, "listing"); break; }
    if (load<u32>(lenOut) == 19 && memory.compare(nameBuf, changetype<usize>("names-qd-0123456789"), 38) == 0) index = i;
  }
  ok(index != 0xffffffff, "event found in the listing");
  ok(count >= 3, "the session directory lists at least Global, Local and the event");
  eq(QueryObjectDirectory(d, count, nameBuf, NAME_CAP, lenOut, typeOut), STATUS_NO_MORE_ENTRIES, "index == count: no more entries");
  eq(QueryObjectDirectory(d, 0x7fffffff, nameBuf, NAME_CAP, lenOut, typeOut), STATUS_NO_MORE_ENTRIES, "huge index: no more entries");
  // Too small a buffer: STATUS_BUFFER_TOO_SMALL, with the length and type still reported.
  const small = shared(40);
  memory.fill(small, 0xaa, 40);
  store<u32>(lenOut, 0); store<u32>(typeOut, 0);
  eq(QueryObjectDirectory(d, index, small, 18, lenOut, typeOut), STATUS_BUFFER_TOO_SMALL, "one char short");
  eq(load<u32>(lenOut), 19, "length reported when too small");
  eq(load<u32>(typeOut), NTWASM_TYPE_EVENT, "type reported when too small");
  eq(QueryObjectDirectory(d, index, 0, 0, lenOut, typeOut), STATUS_BUFFER_TOO_SMALL, "no buffer");
  eq(load<u32>(lenOut), 19, "length reported with no buffer");
  eq(QueryObjectDirectory(d, index, small, 19, lenOut, typeOut), STATUS_SUCCESS, "exact fit");
  eq(memory.compare(small, changetype<usize>("names-qd-0123456789"), 38), 0, "name copied");
  // Missing directories and non-directories.
  eq(QueryObjectDirectory(W("\\names-qd-missing"), 0, nameBuf, NAME_CAP, lenOut, typeOut), STATUS_OBJECT_NAME_NOT_FOUND, "missing directory");
  eq(QueryObjectDirectory(W("\\names-qd-missing\\sub"), 0, nameBuf, NAME_CAP, lenOut, typeOut), STATUS_OBJECT_PATH_NOT_FOUND, "missing parent directory");
  eq(QueryObjectDirectory(W("\\Sessions\\1\\BaseNamedObjects\\names-qd-0123456789"), 0, nameBuf, NAME_CAP, lenOut, typeOut),
    STATUS_OBJECT_TYPE_MISMATCH, "an event is not a directory");
  eq(QueryObjectDirectory(W("\\Sessions\\1\\BaseNamedObjects\\Global"), 0, nameBuf, NAME_CAP, lenOut, typeOut), STATUS_SUCCESS,
    "a symbolic link to a directory is followed");
  eq(QueryObjectDirectory(0xfffffff0, 0, nameBuf, NAME_CAP, lenOut, typeOut), STATUS_ACCESS_VIOLATION, "bad path pointer");
  eq(QueryObjectDirectory(d, index, 0xfffffff0, 19, lenOut, typeOut), STATUS_ACCESS_VIOLATION, "bad name pointer");
  CloseHandle(e);
  return done();
}
