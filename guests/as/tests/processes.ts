// Processes: CreateProcessW (command line, environment, handle inheritance, CREATE_SUSPENDED),
// exit codes, OpenProcess, DuplicateHandle into another process, TerminateProcess (its mutexes are
// abandoned, its waiters wake). The children are guests/as/programs/child.ts, found under the root
// (the test kernel's root is the repository, so C:\dist\guests\child.wasm).
import {
  CloseHandle, CREATE_SUSPENDED, CreateEventW, CreateProcessW, DuplicateHandle, DUPLICATE_SAME_ACCESS,
  ERROR_BAD_EXE_FORMAT, ERROR_ENVVAR_NOT_FOUND, ERROR_FILE_NOT_FOUND, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER,
  ERROR_PATH_NOT_FOUND, GetCommandLineW, GetCurrentProcess, GetEnvironmentVariableW, GetExitCodeProcess, GetLastError,
  GetProcessId, GetThreadId, INFINITE, OpenMutexW, OpenProcess, PROCESS_QUERY_INFORMATION, ResumeThread, SetCurrentDirectoryW,
  SetEnvironmentVariableW, SetLastError, SYNCHRONIZE, SYNCHRONIZE as SYNC, TerminateProcess, WaitForSingleObject,
  MUTEX_ALL_ACCESS, WAIT_ABANDONED, WAIT_OBJECT_0, WAIT_TIMEOUT,
} from "../ntwasm";
import { W } from "../lib/win";
import { done, eq, ok, shared } from "../lib/test";

const CHILD = "dist\\guests\\child.wasm";

/** [hProcess, hThread, pid, tid] */
function start(args: string, flags: u32 = 0, inherit: i32 = 0): usize {
  const pi = shared(16);
  const okay = CreateProcessW(0, W(CHILD + " " + args), 0, 0, inherit, flags, 0, 0, 0, pi);
  if (!okay) return 0;
  return pi;
}

function exitCodeOf(h: u32): u32 {
  const p = shared(4);
  GetExitCodeProcess(h, p);
  return load<u32>(p);
}

function finish(pi: usize): u32 {
  WaitForSingleObject(load<u32>(pi), INFINITE);
  const code = exitCodeOf(load<u32>(pi));
  CloseHandle(load<u32>(pi));
  CloseHandle(load<u32>(pi, 4));
  return code;
}

export function test_create_and_exit_code(): i32 {
  const pi = start("exit 7");
  ok(pi != 0, "CreateProcessW");
  ok(load<u32>(pi) != 0 && load<u32>(pi, 4) != 0, "process and thread handles");
  eq(GetProcessId(load<u32>(pi)), load<u32>(pi, 8), "GetProcessId matches dwProcessId");
  eq(GetThreadId(load<u32>(pi, 4)), load<u32>(pi, 12), "GetThreadId matches dwThreadId");
  ok(load<u32>(pi, 8) != GetProcessId(GetCurrentProcess()), "a new process id");
  eq(WaitForSingleObject(load<u32>(pi), INFINITE), WAIT_OBJECT_0, "the process handle is signaled at exit");
  eq(WaitForSingleObject(load<u32>(pi, 4), 0), WAIT_OBJECT_0, "so is its thread's");
  eq(finish(pi), 7, "the exit code is main's return value");
  return done();
}

export function test_command_line(): i32 {
  const line = CHILD + " cmdline-length";
  eq(finish(start("cmdline-length")), line.length, "the child sees its command line");
  ok(GetCommandLineW() != 0, "the test's own command line exists");
  return done();
}

export function test_environment(): i32 {
  const buf = shared(64);
  SetLastError(0);
  eq(GetEnvironmentVariableW(W("NTWASM_PROCESS_TEST"), buf, 32), 0, "unset variable");
  eq(GetLastError(), ERROR_ENVVAR_NOT_FOUND, "ERROR_ENVVAR_NOT_FOUND");
  ok(SetEnvironmentVariableW(W("NTWASM_PROCESS_TEST"), W("42")) != 0, "SetEnvironmentVariableW");
  eq(GetEnvironmentVariableW(W("ntwasm_process_test"), buf, 32), 2, "names are case-insensitive; length without NUL");
  eq(String.UTF16.decodeUnsafe(buf, 4), "42", "the value");
  eq(GetEnvironmentVariableW(W("NTWASM_PROCESS_TEST"), buf, 2), 3, "too small: the size needed with the NUL");
  eq(finish(start("env NTWASM_PROCESS_TEST")), 42, "a child inherits the environment");
  ok(SetEnvironmentVariableW(W("NTWASM_PROCESS_TEST"), 0) != 0, "a NULL value removes it");
  eq(GetEnvironmentVariableW(W("NTWASM_PROCESS_TEST"), buf, 32), 0, "removed");
  eq(finish(start("env NTWASM_PROCESS_TEST")), -ERROR_ENVVAR_NOT_FOUND, "and the next child does not see it");
  eq(SetEnvironmentVariableW(W("A=B"), W("1")), 0, "'=' in a name");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER");
  return done();
}

export function test_handle_inheritance(): i32 {
  const sa = shared(12);
  store<u32>(sa, 12);
  store<u32>(sa, 1, 8); // bInheritHandle
  const inheritable = CreateEventW(sa, 1, 0, 0);
  const private_ = CreateEventW(0, 1, 0, 0);
  eq(finish(start("signal " + inheritable.toString(), 0, 1)), 0, "the child uses the inherited handle value");
  eq(WaitForSingleObject(inheritable, 0), WAIT_OBJECT_0, "and signaled the parent's event");
  eq(finish(start("signal " + private_.toString(), 0, 1)), ERROR_INVALID_HANDLE, "a non-inheritable handle is not there");
  ResetEvent_(inheritable);
  eq(finish(start("signal " + inheritable.toString(), 0, 0)), ERROR_INVALID_HANDLE, "nothing is inherited without bInheritHandles");
  CloseHandle(inheritable);
  CloseHandle(private_);
  return done();
}

function ResetEvent_(h: u32): void { WaitForSingleObject(h, 0); }

export function test_create_suspended(): i32 {
  const pi = start("exit 3", CREATE_SUSPENDED);
  eq(WaitForSingleObject(load<u32>(pi), 100), WAIT_TIMEOUT, "a suspended child does not run");
  eq(ResumeThread(load<u32>(pi, 4)), 1, "ResumeThread on its first thread");
  eq(finish(pi), 3, "then it runs");
  return done();
}

export function test_duplicate_into_child(): i32 {
  const ev = CreateEventW(0, 1, 0, 0);
  const pi = start("signal 16", CREATE_SUSPENDED); // its table: std handles 4, 8, 12; the next is 16
  const out = shared(4);
  ok(DuplicateHandle(GetCurrentProcess(), ev, load<u32>(pi), out, 0, 0, DUPLICATE_SAME_ACCESS) != 0, "DuplicateHandle into the child");
  eq(load<u32>(out), 16, "the child's new handle value");
  ResumeThread(load<u32>(pi, 4));
  eq(finish(pi), 0, "the child signals through it");
  eq(WaitForSingleObject(ev, 0), WAIT_OBJECT_0, "the parent's event is set");
  CloseHandle(ev);
  return done();
}

export function test_terminate_child_abandons_and_wakes(): i32 {
  const ready = CreateEventW(0, 1, 0, W("proc-term-ready"));
  const pi = start("own-mutex proc-term");
  eq(WaitForSingleObject(ready, INFINITE), WAIT_OBJECT_0, "the child owns its mutex");
  const m = OpenMutexW(MUTEX_ALL_ACCESS, 0, W("proc-term-mutex"));
  ok(m != 0, "open the child's mutex");
  eq(WaitForSingleObject(m, 0), WAIT_TIMEOUT, "owned by the child");
  ok(TerminateProcess(load<u32>(pi), 9) != 0, "TerminateProcess");
  eq(WaitForSingleObject(load<u32>(pi), INFINITE), WAIT_OBJECT_0, "the parent's wait on the child ends");
  eq(exitCodeOf(load<u32>(pi)), 9, "with TerminateProcess's code");
  eq(WaitForSingleObject(m, INFINITE), WAIT_ABANDONED, "the child's mutex is abandoned");
  CloseHandle(m);
  CloseHandle(ready);
  finish(pi);
  return done();
}

export function test_terminate_busy_child(): i32 {
  const ready = CreateEventW(0, 1, 0, W("proc-spin-ready"));
  const pi = start("spin proc-spin");
  WaitForSingleObject(ready, INFINITE);
  ok(TerminateProcess(load<u32>(pi), 4) != 0, "TerminateProcess on a child running guest code");
  eq(finish(pi), 4, "it is stopped");
  CloseHandle(ready);
  return done();
}

export function test_exit_process_with_blocked_thread(): i32 {
  eq(finish(start("exit-process 5")), 5, "ExitProcess ends a process whose other thread is blocked");
  return done();
}

export function test_open_process(): i32 {
  const pi = start("exit 0", CREATE_SUSPENDED);
  const h = OpenProcess(SYNC | PROCESS_QUERY_INFORMATION, 0, load<u32>(pi, 8));
  ok(h != 0, "OpenProcess by id");
  eq(GetProcessId(h), load<u32>(pi, 8), "the same process");
  ResumeThread(load<u32>(pi, 4));
  eq(WaitForSingleObject(h, INFINITE), WAIT_OBJECT_0, "waitable through the opened handle");
  CloseHandle(h);
  finish(pi);
  SetLastError(0);
  eq(OpenProcess(SYNCHRONIZE, 0, 0xfffffffc), 0, "unknown id");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER");
  return done();
}

export function test_bad_programs(): i32 {
  const pi = shared(16);
  SetLastError(0);
  eq(CreateProcessW(0, W("dist\\guests\\missing.wasm"), 0, 0, 0, 0, 0, 0, 0, pi), 0, "a missing program");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND");
  eq(CreateProcessW(W("package.json"), 0, 0, 0, 0, 0, 0, 0, 0, pi), 0, "a file that is not Wasm");
  eq(GetLastError(), ERROR_BAD_EXE_FORMAT, "ERROR_BAD_EXE_FORMAT");
  eq(CreateProcessW(0, W("..\\..\\outside.wasm"), 0, 0, 0, 0, 0, 0, 0, pi), 0, "a path above the root");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND: .. stops at C:\\ as on Windows");
  eq(CreateProcessW(0, W("D:\\prog.wasm"), 0, 0, 0, 0, 0, 0, 0, pi), 0, "another drive");
  eq(GetLastError(), ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND");
  eq(CreateProcessW(0, 0, 0, 0, 0, 0, 0, 0, 0, pi), 0, "no program at all");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER");
  return done();
}

/** A relative program path is looked up from the current directory, as on Windows. */
export function test_program_relative_to_current_directory(): i32 {
  const pi = shared(16);
  ok(SetCurrentDirectoryW(W("dist")) != 0, "SetCurrentDirectoryW(dist)");
  ok(CreateProcessW(0, W("guests\\child.wasm exit 7"), 0, 0, 0, 0, 0, 0, 0, pi) != 0, "guests\\child.wasm from C:\\dist");
  WaitForSingleObject(load<u32>(pi), INFINITE);
  const code = shared(4);
  GetExitCodeProcess(load<u32>(pi), code);
  eq(load<u32>(code), 7, "the child ran");
  CloseHandle(load<u32>(pi)); CloseHandle(load<u32>(pi, 4));
  eq(CreateProcessW(0, W("dist\\guests\\child.wasm exit 7"), 0, 0, 0, 0, 0, 0, 0, pi), 0, "the root-relative path is not found now");
  eq(GetLastError(), ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND");
  return done();
}
