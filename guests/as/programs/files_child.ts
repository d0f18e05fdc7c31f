// A child program for the file suites (guests/as/tests/files.ts): started with CreateProcessW from
// the test's root (C:\files_child.wasm). "files_child.wasm <verb> <args>"; the exit code reports.
import {
  CloseHandle, CreateEventW, CreateFileW, FILE_APPEND_DATA, FILE_SHARE_READ, FILE_SHARE_WRITE, GetCurrentDirectoryW,
  GetLastError, INFINITE, OPEN_ALWAYS, OPEN_EXISTING, SetEvent, WaitForSingleObject, WriteFile,
} from "../ntwasm";
import { commandLine, W } from "../lib/win";

export function main(): i32 {
  const words = commandLine().split(" ");
  const verb = words.length > 1 ? words[1] : "";
  if (verb == "open") { // open <path> <access> <share>: 0 when it opened, else the last error
    const h = CreateFileW(W(words[2]), U32.parseInt(words[3]), U32.parseInt(words[4]), 0, OPEN_EXISTING, 0, 0);
    if (h == 0xffffffff) return <i32>GetLastError();
    CloseHandle(h);
    return 0;
  }
  if (verb == "hold") { // hold <path> <access> <share> <name>: keeps the file open until event <name>-go
    const h = CreateFileW(W(words[2]), U32.parseInt(words[3]), U32.parseInt(words[4]), 0, OPEN_EXISTING, 0, 0);
    const ready = CreateEventW(0, 1, 0, W(words[5] + "-ready")), go = CreateEventW(0, 1, 0, W(words[5] + "-go"));
    const err = h == 0xffffffff ? <i32>GetLastError() : 0;
    SetEvent(ready);
    WaitForSingleObject(go, INFINITE);
    if (h != 0xffffffff && words.length > 6 && words[6] == "close") CloseHandle(h); // else: the process end closes it
    return err;
  }
  if (verb == "write") { // write <handle> <text>: WriteFile on an inherited handle
    const text = words[3];
    const buf = W(text), n = heap.alloc(4);
    const r = WriteFile(U32.parseInt(words[2]), buf, text.length * 2, n, 0);
    return r ? 0 : <i32>GetLastError();
  }
  if (verb == "append") { // append <path> <count> <tag>: <count> records "<tag>......\n" through an append-only handle
    const h = CreateFileW(W(words[2]), FILE_APPEND_DATA, FILE_SHARE_READ | FILE_SHARE_WRITE, 0, OPEN_ALWAYS, 0, 0);
    if (h == 0xffffffff) return <i32>GetLastError();
    const count = I32.parseInt(words[3]);
    const rec = heap.alloc(8), n = heap.alloc(4);
    memory.fill(rec, <u8>words[4].charCodeAt(0), 7);
    store<u8>(rec, 10, 7);
    for (let i = 0; i < count; i++) if (!WriteFile(h, rec, 8, n, 0)) return <i32>GetLastError();
    CloseHandle(h);
    return 0;
  }
  if (verb == "cwd") { // cwd <expected>: 0 when the current directory is that
    const buf = heap.alloc(1024);
    const n = GetCurrentDirectoryW(512, buf);
    return String.UTF16.decodeUnsafe(buf, n << 1) == words[2] ? 0 : 1;
  }
  return 100;
}
