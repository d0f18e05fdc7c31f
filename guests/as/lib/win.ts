// Small helpers for AssemblyScript guests: NUL-terminated strings for W/A calls and console output.
// They allocate, so call them from the main thread only: AssemblyScript's stub allocator lives in a
// per-instance global, and every guest thread is its own instance (see docs/guests.md).
import { GetCommandLineW, GetStdHandle, STD_OUTPUT_HANDLE, WriteConsoleW } from "../ntwasm";

/** A NUL-terminated UTF-16 copy of `s` for W entry points. */
export function W(s: string): usize {
  const n = s.length;
  const p = heap.alloc((<usize>n + 1) << 1);
  memory.copy(p, changetype<usize>(s), <usize>n << 1);
  store<u16>(p + (<usize>n << 1), 0);
  return p;
}

/** A NUL-terminated UTF-8 copy of `s` for A entry points. */
export function A(s: string): usize {
  const buf = String.UTF8.encode(s, true);
  return changetype<usize>(buf);
}

/** Writes `s` to standard output. */
export function print(s: string): void {
  WriteConsoleW(GetStdHandle(STD_OUTPUT_HANDLE), changetype<usize>(s), s.length, 0, 0);
}

export function println(s: string): void { print(s + "\n"); }

/** The process's command line (GetCommandLineW) as a string. */
export function commandLine(): string {
  const p = <usize>GetCommandLineW();
  let n: usize = 0;
  while (load<u16>(p + (n << 1))) n++;
  return String.UTF16.decodeUnsafe(p, n << 1);
}
