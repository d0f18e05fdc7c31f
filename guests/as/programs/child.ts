// A child program for test/processes.test.ts, started by guests/as/tests/processes.ts with
// CreateProcessW. Its command line says what to do: "child.wasm <verb> [arg]"; the exit code reports
// the outcome.
import {
  CloseHandle, CreateMutexW, CreateThread, ExitProcess, GetEnvironmentVariableW, GetLastError,
  INFINITE, OpenEventW, SetEvent, EVENT_ALL_ACCESS, Sleep, WaitForSingleObject,
} from "../ntwasm";
import { commandLine, W } from "../lib/win";

function forever(_: u32): u32 {
  Sleep(INFINITE);
  return 0;
}

function signalReady(name: string): void {
  const ev = OpenEventW(EVENT_ALL_ACCESS, 0, W(name));
  SetEvent(ev);
  CloseHandle(ev);
}

export function main(): i32 {
  const words = commandLine().split(" ");
  const verb = words.length > 1 ? words[1] : "";
  const arg = words.length > 2 ? words[2] : "";
  if (verb == "exit") return I32.parseInt(arg);
  if (verb == "cmdline-length") return commandLine().length;
  if (verb == "env") {
    const buf = heap.alloc(64);
    const n = GetEnvironmentVariableW(W(arg), buf, 32);
    if (!n) return -<i32>GetLastError();
    return I32.parseInt(String.UTF16.decodeUnsafe(buf, n << 1));
  }
  if (verb == "signal") { // SetEvent on an inherited or duplicated handle value
    return SetEvent(U32.parseInt(arg)) ? 0 : <i32>GetLastError();
  }
  if (verb == "own-mutex") { // owns mutex <arg>-mutex, signals <arg>-ready, then waits forever
    CreateMutexW(0, 1, W(arg + "-mutex"));
    signalReady(arg + "-ready");
    Sleep(INFINITE);
  }
  if (verb == "spin") { // signals <arg>-ready, then runs guest code forever
    signalReady(arg + "-ready");
    let x: u32 = 0;
    while (x != 0xffffffff) x = (x + 1) & 0x7fffffff;
    return 0;
  }
  if (verb == "exit-process") { // ExitProcess while another thread is blocked
    CreateThread(0, 0, forever.index, 0, 0, 0);
    ExitProcess(I32.parseInt(arg));
  }
  return 100;
}
