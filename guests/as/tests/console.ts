// Console input: test/console.test.ts types into the process (SpawnOptions.stdin) and these exports
// read it back. Reads return a line at a time ending in "\r\n", the input handle is signaled while
// input waits, and reads return 0 once the input has ended.
import {
  GetLastError, GetStdHandle, INFINITE, ReadConsoleA, ReadConsoleW, ReadFile, STD_INPUT_HANDLE, STD_OUTPUT_HANDLE,
  ERROR_INVALID_HANDLE, WaitForSingleObject, WAIT_OBJECT_0, SetStdHandle, CreateEventW, CloseHandle,
} from "../ntwasm";
import { done, eq, ok, shared } from "../lib/test";

function readW(n: u32): string {
  const buf = shared(2 * n + 2), count = shared(4);
  if (!ReadConsoleW(GetStdHandle(STD_INPUT_HANDLE), buf, n, count, 0)) return "<failed>";
  return String.UTF16.decodeUnsafe(buf, load<u32>(count) << 1);
}

function readA(n: u32, file: bool): string {
  const buf = shared(n + 1), count = shared(4);
  const input = GetStdHandle(STD_INPUT_HANDLE);
  const r = file ? ReadFile(input, buf, n, count, 0) : ReadConsoleA(input, buf, n, count, 0);
  if (!r) return "<failed>";
  return String.UTF8.decodeUnsafe(buf, load<u32>(count));
}

/** Input: "first line\nzweite Zeile ü\nthird\n" then end. */
export function test_read_lines(): i32 {
  eq(WaitForSingleObject(GetStdHandle(STD_INPUT_HANDLE), INFINITE), WAIT_OBJECT_0, "the input handle is signaled with input waiting");
  eq(readW(256), "first line\r\n", "ReadConsoleW: one line, ending \\r\\n");
  eq(readA(256, false), "zweite Zeile ü\r\n", "ReadConsoleA: UTF-8");
  eq(readA(4, true), "thi", "ReadFile with a short buffer: part of the line (room left for \\r)");
  eq(readA(256, true), "rd\r\n", "then the rest");
  eq(readW(256), "", "0 characters at the end of input");
  eq(WaitForSingleObject(GetStdHandle(STD_INPUT_HANDLE), 0), WAIT_OBJECT_0, "signaled at the end of input too");
  const buf = shared(8), count = shared(4);
  eq(ReadConsoleW(GetStdHandle(STD_OUTPUT_HANDLE), buf, 4, count, 0), 0, "reading an output console fails");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  ok(true, "done");
  return done();
}

export function test_set_std_handle(): i32 {
  const out = GetStdHandle(STD_OUTPUT_HANDLE);
  const ev = CreateEventW(0, 1, 0, 0);
  ok(SetStdHandle(STD_OUTPUT_HANDLE, ev) != 0, "SetStdHandle");
  eq(GetStdHandle(STD_OUTPUT_HANDLE), ev, "GetStdHandle returns the new handle");
  ok(SetStdHandle(STD_OUTPUT_HANDLE, out) != 0, "restore it");
  eq(SetStdHandle(7, out), 0, "an unknown std handle number");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  CloseHandle(ev);
  return done();
}
