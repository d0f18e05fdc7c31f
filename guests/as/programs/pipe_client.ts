// A child program for test/pipes.test.ts (started by guests/as/tests/pipes.ts with CreateProcessW):
//   pipe_client.wasm stdout <text>          writes <text> to its standard output with WriteFile
//   pipe_client.wasm messages <pipe> <n>    connects to the message pipe <pipe> and exchanges n
//                                           messages: sends [i, i * 7], expects the reply [i + 1]
// The exit code is 0 on success, otherwise what went wrong.
import {
  CloseHandle, CreateFileW, GENERIC_READ, GENERIC_WRITE, GetLastError, GetStdHandle, OPEN_EXISTING,
  PIPE_READMODE_MESSAGE, ReadFile, SetNamedPipeHandleState, STD_OUTPUT_HANDLE, WaitNamedPipeW, WriteFile,
  NMPWAIT_WAIT_FOREVER,
} from "../ntwasm";
import { A, commandLine, W } from "../lib/win";

export function main(): i32 {
  const words = commandLine().split(" ");
  const verb = words.length > 1 ? words[1] : "";
  const io = heap.alloc(64);
  if (verb == "stdout") {
    const text = words.slice(2).join(" ");
    const buf = A(text);
    const n = <u32>String.UTF8.byteLength(text);
    if (!WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), buf, n, io, 0)) return 1000 + <i32>GetLastError();
    return load<u32>(io) == n ? 0 : 2;
  }
  if (verb == "messages") {
    const name = W(words[2]);
    const count = I32.parseInt(words[3]);
    let h = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, 0, OPEN_EXISTING, 0, 0);
    while (h == 0xffffffff) { // the server may not listen yet
      if (!WaitNamedPipeW(name, NMPWAIT_WAIT_FOREVER) && GetLastError() != 2) return 1000 + <i32>GetLastError();
      h = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, 0, OPEN_EXISTING, 0, 0);
    }
    store<u32>(io, PIPE_READMODE_MESSAGE);
    if (!SetNamedPipeHandleState(h, io, 0, 0)) return 3;
    const msg = io + 16, reply = io + 32;
    for (let i = 0; i < count; i++) {
      store<u32>(msg, i);
      store<u32>(msg, i * 7, 4);
      if (!WriteFile(h, msg, 8, io + 4, 0)) return 2000 + <i32>GetLastError();
      if (!ReadFile(h, reply, 16, io + 8, 0)) return 3000 + <i32>GetLastError();
      if (load<u32>(io + 8) != 4 || load<u32>(reply) != <u32>i + 1) return 4;
    }
    CloseHandle(h);
    return 0;
  }
  return 100;
}
