// Pipes: anonymous pipes (data, broken pipe both ways, a child's output through an inherited handle),
// named pipes in byte and message mode (ERROR_MORE_DATA partial reads, PeekNamedPipe, listening /
// busy / connected states, WaitNamedPipe, DisconnectNamedPipe, PIPE_NOWAIT, TransactNamedPipe,
// CallNamedPipeW, GetNamedPipeInfo), transfers larger than the syscall scratch, and 10,000 messages
// exchanged with a child process (guests/as/programs/pipe_client.ts). Expected results follow
// Windows as Wine's kernel32 pipe tests record it.
import {
  CallNamedPipeW, CloseHandle, ConnectNamedPipe, CreateEventW, CreateFileW, CreateNamedPipeW, CreatePipe, CreateProcessW,
  CreateThread, DisconnectNamedPipe, ERROR_ACCESS_DENIED, ERROR_BAD_PIPE, ERROR_BROKEN_PIPE, ERROR_FILE_NOT_FOUND,
  ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_MORE_DATA, ERROR_NO_DATA, ERROR_IO_PENDING, GetOverlappedResult, ERROR_PATH_NOT_FOUND,
  ERROR_PIPE_BUSY, ERROR_PIPE_CONNECTED, ERROR_PIPE_LISTENING, ERROR_PIPE_NOT_CONNECTED, ERROR_SEM_TIMEOUT,
  FILE_FLAG_FIRST_PIPE_INSTANCE, GENERIC_READ, GENERIC_WRITE, GetExitCodeProcess, GetLastError, GetNamedPipeInfo,
  GetStdHandle, INFINITE, NMPWAIT_USE_DEFAULT_WAIT, NMPWAIT_WAIT_FOREVER, OPEN_EXISTING, PeekNamedPipe, PIPE_ACCESS_DUPLEX,
  PIPE_ACCESS_INBOUND, PIPE_NOWAIT, PIPE_READMODE_BYTE, PIPE_READMODE_MESSAGE, PIPE_SERVER_END, PIPE_TYPE_BYTE,
  PIPE_TYPE_MESSAGE, ReadFile, SetLastError, SetNamedPipeHandleState, STARTF_USESTDHANDLES, STD_OUTPUT_HANDLE,
  TransactNamedPipe, WaitForSingleObject, WaitNamedPipeW, WriteFile, CREATE_ALWAYS, DuplicateHandle, DUPLICATE_CLOSE_SOURCE,
  DUPLICATE_SAME_ACCESS, GetCurrentProcess,
} from "../ntwasm";
import { A, W } from "../lib/win";
import { done, eq, ok, shared } from "../lib/test";

const BAD: u32 = 0xffffffff; // INVALID_HANDLE_VALUE

/** WriteFile of a string's UTF-8 bytes; the count written, or -error. */
function put(h: u32, s: string): i32 {
  const n = <u32>String.UTF8.byteLength(s);
  const cnt = shared(4);
  if (!WriteFile(h, A(s), n, cnt, 0)) return -<i32>GetLastError();
  return <i32>load<u32>(cnt);
}

let lastRead: string = "";
/** ReadFile into a `size`-byte buffer: the result (TRUE/FALSE), with the bytes in lastRead. */
function get(h: u32, size: u32): i32 {
  const buf = shared(size + 1), cnt = shared(4);
  const r = ReadFile(h, buf, size, cnt, 0);
  lastRead = String.UTF8.decodeUnsafe(buf, load<u32>(cnt));
  return r;
}

function server(name: string, mode: u32, instances: u32 = 1, openMode: u32 = PIPE_ACCESS_DUPLEX): u32 {
  return CreateNamedPipeW(W(name), openMode, mode, instances, 1024, 1024, 0, 0);
}

function client(name: string, access: u32 = GENERIC_READ | GENERIC_WRITE): u32 {
  return CreateFileW(W(name), access, 0, 0, OPEN_EXISTING, 0, 0);
}

function setMode(h: u32, mode: u32): i32 {
  const m = shared(4);
  store<u32>(m, mode);
  return SetNamedPipeHandleState(h, m, 0, 0);
}

export function test_anonymous(): i32 {
  const hs = shared(8);
  ok(CreatePipe(hs, hs + 4, 0, 0) != 0, "CreatePipe");
  const r = load<u32>(hs), w = load<u32>(hs, 4);
  ok(r != 0 && w != 0 && r != w && (r & 3) == 0, "two handles");
  eq(put(w, "hello"), 5, "WriteFile writes 5 bytes");
  eq(put(w, " world"), 6, "and 6 more");
  const avail = shared(4);
  ok(PeekNamedPipe(r, 0, 0, 0, avail, 0) != 0, "PeekNamedPipe");
  eq(load<u32>(avail), 11, "11 bytes available");
  eq(get(r, 3), 1, "ReadFile with a short buffer (byte mode)");
  eq(lastRead, "hel", "the first 3 bytes");
  eq(get(r, 64), 1, "ReadFile");
  eq(lastRead, "lo world", "the rest, across writes");
  eq(put(r, "x"), -ERROR_ACCESS_DENIED, "the read end is not writable");
  eq(get(w, 4), 0, "the write end is not readable");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED");
  const info = shared(16);
  ok(GetNamedPipeInfo(r, info, info + 4, info + 8, info + 12) != 0, "GetNamedPipeInfo on an anonymous pipe");
  eq(load<u32>(info, 12), 1, "one instance");
  eq(put(w, "last"), 4, "data before the close");
  ok(CloseHandle(w) != 0, "close the write end");
  eq(get(r, 64), 1, "what was written is still read");
  eq(lastRead, "last", "the data");
  eq(get(r, 64), 0, "then the pipe is broken");
  eq(GetLastError(), ERROR_BROKEN_PIPE, "ERROR_BROKEN_PIPE");
  ok(CloseHandle(r) != 0, "close the read end");
  eq(get(r, 4), 0, "a closed handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  return done();
}

export function test_duplicate_close_source_keeps_the_pipe(): i32 {
  const hs = shared(8);
  CreatePipe(hs, hs + 4, 0, 0);
  const r = load<u32>(hs), w = load<u32>(hs, 4);
  const moved = shared(4);
  ok(DuplicateHandle(GetCurrentProcess(), w, GetCurrentProcess(), moved, 0, 0,
    DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE) != 0, "move the only write handle");
  eq(put(load<u32>(moved), "still"), 5, "the pipe is not broken by the move");
  eq(get(r, 16), 1, "ReadFile");
  eq(lastRead, "still", "the data");
  CloseHandle(load<u32>(moved));
  eq(get(r, 16), 0, "closing the moved handle breaks it");
  eq(GetLastError(), ERROR_BROKEN_PIPE, "ERROR_BROKEN_PIPE");
  CloseHandle(r);
  return done();
}

export function test_anonymous_reader_gone(): i32 {
  const hs = shared(8);
  ok(CreatePipe(hs, hs + 4, 0, 100) != 0, "CreatePipe");
  ok(CloseHandle(load<u32>(hs)) != 0, "close the read end");
  eq(put(load<u32>(hs, 4), "lost"), -ERROR_NO_DATA, "writing to a pipe without a reader: ERROR_NO_DATA");
  CloseHandle(load<u32>(hs, 4));
  return done();
}

// A writer thread for test_large_transfer: one WriteFile of [size] bytes (byte i = i * 31 & 0xff).
function bigWriter(arg: u32): u32 {
  const h = load<u32>(arg), size = load<u32>(arg, 4), buf = load<u32>(arg, 8);
  for (let i: u32 = 0; i < size; i++) store<u8>(buf + i, <u8>(i * 31));
  const ok = WriteFile(h, buf, size, arg + 12, 0);
  store<u32>(arg + 16, ok ? 0 : GetLastError());
  return 0;
}

export function test_large_transfer(): i32 {
  const hs = shared(8);
  ok(CreatePipe(hs, hs + 4, 0, 4096) != 0, "CreatePipe with a 4 KiB buffer");
  const size: u32 = 300000; // several scratch buffers: the writer waits for the reader chunk by chunk
  const arg = shared(20), out = shared(size), inb = shared(size), cnt = shared(4);
  store<u32>(arg, load<u32>(hs, 4));
  store<u32>(arg, size, 4);
  store<u32>(arg, <u32>out, 8);
  const t = CreateThread(0, 0, bigWriter.index, arg, 0, 0);
  let got: u32 = 0;
  let reads = 0;
  while (got < size) {
    if (!ReadFile(load<u32>(hs), inb + got, size - got, cnt, 0)) break;
    got += load<u32>(cnt);
    reads++;
  }
  eq(got, size, "every byte arrives");
  let same = true;
  for (let i: u32 = 0; i < size; i++) if (load<u8>(inb + i) != <u8>(i * 31)) { same = false; break; }
  ok(same, "in order");
  WaitForSingleObject(t, INFINITE);
  eq(load<u32>(arg, 16), 0, "the writer's WriteFile succeeded");
  eq(load<u32>(arg, 12), size, "and wrote everything");
  CloseHandle(t);
  CloseHandle(load<u32>(hs));
  CloseHandle(load<u32>(hs, 4));
  return done();
}

export function test_child_output(): i32 {
  const sa = shared(12), hs = shared(8);
  store<u32>(sa, 12);
  store<u32>(sa, 1, 8); // bInheritHandle
  ok(CreatePipe(hs, hs + 4, sa, 0) != 0, "an inheritable pipe");
  const si = shared(68), pi = shared(16);
  store<u32>(si, 68);
  store<u32>(si, STARTF_USESTDHANDLES, 44);
  store<u32>(si, load<u32>(hs, 4), 60); // hStdOutput
  store<u32>(si, load<u32>(hs, 4), 64); // hStdError
  const text = "hello from the child";
  ok(CreateProcessW(0, W("dist\\guests\\pipe_client.wasm stdout " + text), 0, 0, 1, 0, 0, 0, si, pi) != 0, "CreateProcessW");
  ok(CloseHandle(load<u32>(hs, 4)) != 0, "the parent closes its write end");
  let all = "";
  while (get(load<u32>(hs), 7)) all += lastRead;
  eq(GetLastError(), ERROR_BROKEN_PIPE, "the pipe breaks when the child exits");
  eq(all, text, "the parent reads the child's output");
  WaitForSingleObject(load<u32>(pi), INFINITE);
  const code = shared(4);
  GetExitCodeProcess(load<u32>(pi), code);
  eq(load<u32>(code), 0, "the child's WriteFile on its std output succeeded");
  CloseHandle(load<u32>(pi));
  CloseHandle(load<u32>(pi, 4));
  CloseHandle(load<u32>(hs));
  return done();
}

export function test_named_byte_mode(): i32 {
  const name = "\\\\.\\pipe\\ntw-byte";
  const s = server(name, PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | 0);
  ok(s != BAD, "CreateNamedPipeW");
  eq(get(s, 8), 0, "ReadFile before a client");
  eq(GetLastError(), ERROR_PIPE_LISTENING, "ERROR_PIPE_LISTENING");
  eq(put(s, "x"), -ERROR_PIPE_LISTENING, "WriteFile before a client: ERROR_PIPE_LISTENING");
  ok(WaitNamedPipeW(W("\\\\.\\PIPE\\NTW-Byte"), NMPWAIT_USE_DEFAULT_WAIT) != 0, "WaitNamedPipeW: listening (names are case-insensitive)");
  const c = client("\\\\.\\pipe\\NTW-BYTE");
  ok(c != BAD, "CreateFileW connects a client");
  eq(client(name), BAD, "a second client");
  eq(GetLastError(), ERROR_PIPE_BUSY, "ERROR_PIPE_BUSY");
  eq(ConnectNamedPipe(s, 0), 0, "ConnectNamedPipe after the client came");
  eq(GetLastError(), ERROR_PIPE_CONNECTED, "ERROR_PIPE_CONNECTED");
  eq(ConnectNamedPipe(s, shared(20)), 0, "ConnectNamedPipe with an OVERLAPPED");
  eq(GetLastError(), ERROR_PIPE_CONNECTED, "ERROR_PIPE_CONNECTED with an OVERLAPPED too");
  eq(put(c, "abc"), 3, "client writes");
  eq(put(c, "def"), 3, "client writes again");
  eq(get(s, 64), 1, "server reads");
  eq(lastRead, "abcdef", "byte mode joins the writes");
  eq(put(s, "reply"), 5, "server writes");
  eq(get(c, 64), 1, "client reads");
  eq(lastRead, "reply", "the reply");
  eq(setMode(c, PIPE_READMODE_MESSAGE), 0, "message read mode on a byte pipe");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER");
  const info = shared(16);
  ok(GetNamedPipeInfo(s, info, info + 4, info + 8, info + 12) != 0, "GetNamedPipeInfo (server)");
  eq(load<u32>(info), PIPE_SERVER_END | PIPE_TYPE_BYTE, "server end, byte pipe");
  eq(load<u32>(info, 4), 1024, "out buffer");
  eq(load<u32>(info, 8), 1024, "in buffer");
  eq(load<u32>(info, 12), 1, "one instance");
  ok(GetNamedPipeInfo(c, info, 0, 0, 0) != 0, "GetNamedPipeInfo (client)");
  eq(load<u32>(info), 0, "PIPE_CLIENT_END");
  eq(put(s, "unread"), 6, "data the client will not see");
  ok(DisconnectNamedPipe(s) != 0, "DisconnectNamedPipe");
  eq(get(c, 64), 0, "the client reads after the disconnect");
  eq(GetLastError(), ERROR_PIPE_NOT_CONNECTED, "ERROR_PIPE_NOT_CONNECTED (the unread data is gone)");
  eq(put(c, "x"), -ERROR_PIPE_NOT_CONNECTED, "and writes: ERROR_PIPE_NOT_CONNECTED");
  eq(get(s, 64), 0, "the server reads after the disconnect");
  eq(GetLastError(), ERROR_PIPE_NOT_CONNECTED, "ERROR_PIPE_NOT_CONNECTED");
  eq(DisconnectNamedPipe(s), 0, "DisconnectNamedPipe twice");
  eq(GetLastError(), ERROR_PIPE_NOT_CONNECTED, "ERROR_PIPE_NOT_CONNECTED");
  eq(client(name), BAD, "a disconnected instance does not listen");
  eq(GetLastError(), ERROR_PIPE_BUSY, "ERROR_PIPE_BUSY");
  CloseHandle(c);
  ok(CloseHandle(s) != 0, "close the server");
  eq(client(name), BAD, "no instance left");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND");
  return done();
}

export function test_named_message_mode(): i32 {
  const name = "\\\\.\\pipe\\ntw-msg";
  eq(server(name, PIPE_TYPE_BYTE | PIPE_READMODE_MESSAGE), BAD, "message read mode on a byte pipe");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER");
  const s = server(name, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE);
  ok(s != BAD, "a message pipe");
  const c = client(name);
  ok(c != BAD, "client");
  eq(put(c, "one"), 3, "message 1");
  eq(put(c, "three"), 5, "message 2");
  eq(put(c, ""), 0, "an empty message");
  eq(put(c, "twelve chars"), 12, "message 4");
  const peek = shared(8), pc = shared(12);
  ok(PeekNamedPipe(s, peek, 2, pc, pc + 4, pc + 8) != 0, "PeekNamedPipe");
  eq(load<u32>(pc), 2, "peeked 2 bytes");
  eq(load<u32>(pc, 4), 20, "20 bytes available in all");
  eq(load<u32>(pc, 8), 1, "1 byte left in the first message");
  eq(String.UTF8.decodeUnsafe(peek, 2), "on", "the peeked bytes");
  ok(PeekNamedPipe(s, peek, 8, pc, pc + 4, pc + 8) != 0, "PeekNamedPipe with room");
  eq(load<u32>(pc), 3, "only the first message");
  eq(load<u32>(pc, 8), 0, "nothing left of it");
  eq(get(s, 64), 1, "ReadFile");
  eq(lastRead, "one", "one message per read");
  eq(get(s, 2), 0, "a short buffer");
  eq(GetLastError(), ERROR_MORE_DATA, "ERROR_MORE_DATA");
  eq(lastRead, "th", "with the partial count");
  ok(PeekNamedPipe(s, 0, 0, 0, pc + 4, pc + 8) != 0, "PeekNamedPipe mid-message");
  eq(load<u32>(pc, 8), 3, "3 bytes left of it");
  eq(get(s, 64), 1, "the next read");
  eq(lastRead, "ree", "completes the message");
  SetLastError(0);
  eq(get(s, 64), 1, "the empty message");
  eq(lastRead, "", "reads 0 bytes");
  eq(get(s, 0), 0, "a zero-length read of a message");
  eq(GetLastError(), ERROR_MORE_DATA, "ERROR_MORE_DATA");
  eq(get(s, 64), 1, "the last message");
  eq(lastRead, "twelve chars", "whole");
  eq(put(s, "ab"), 2, "server message 1");
  eq(put(s, "cd"), 2, "server message 2");
  eq(get(c, 64), 1, "the client starts in byte read mode");
  eq(lastRead, "abcd", "so it reads across messages");
  ok(setMode(c, PIPE_READMODE_MESSAGE) != 0, "SetNamedPipeHandleState(PIPE_READMODE_MESSAGE)");
  eq(put(s, "ab"), 2, "server message 1");
  eq(put(s, "cd"), 2, "server message 2");
  eq(get(c, 64), 1, "client reads");
  eq(lastRead, "ab", "one message");
  eq(get(c, 64), 1, "client reads");
  eq(lastRead, "cd", "the next");
  const info = shared(4);
  GetNamedPipeInfo(s, info, 0, 0, 0);
  eq(load<u32>(info), PIPE_SERVER_END | PIPE_TYPE_MESSAGE, "PIPE_TYPE_MESSAGE");
  ok(CloseHandle(s) != 0, "the server goes");
  eq(get(c, 64), 0, "client read");
  eq(GetLastError(), ERROR_BROKEN_PIPE, "ERROR_BROKEN_PIPE");
  eq(put(c, "x"), -ERROR_NO_DATA, "client write: ERROR_NO_DATA");
  CloseHandle(c);
  return done();
}

export function test_nowait(): i32 {
  const name = "\\\\.\\pipe\\ntw-nowait";
  const s = server(name, PIPE_TYPE_BYTE | PIPE_NOWAIT);
  eq(ConnectNamedPipe(s, 0), 0, "PIPE_NOWAIT ConnectNamedPipe without a client");
  eq(GetLastError(), ERROR_PIPE_LISTENING, "ERROR_PIPE_LISTENING");
  const c = client(name);
  ok(c != BAD, "client");
  eq(ConnectNamedPipe(s, 0), 0, "then");
  eq(GetLastError(), ERROR_PIPE_CONNECTED, "ERROR_PIPE_CONNECTED");
  eq(get(s, 8), 0, "PIPE_NOWAIT read on an empty pipe");
  eq(GetLastError(), ERROR_NO_DATA, "ERROR_NO_DATA");
  eq(put(c, "hi"), 2, "client writes");
  eq(get(s, 8), 1, "now there is data");
  eq(lastRead, "hi", "the data");
  CloseHandle(c);
  eq(get(s, 8), 0, "the client went");
  eq(GetLastError(), ERROR_BROKEN_PIPE, "ERROR_BROKEN_PIPE");
  eq(ConnectNamedPipe(s, 0), 0, "ConnectNamedPipe after the client came and went");
  eq(GetLastError(), ERROR_NO_DATA, "ERROR_NO_DATA");
  ok(DisconnectNamedPipe(s) != 0, "DisconnectNamedPipe");
  eq(ConnectNamedPipe(s, 0), 0, "ConnectNamedPipe listens again");
  eq(GetLastError(), ERROR_PIPE_LISTENING, "ERROR_PIPE_LISTENING");
  const c2 = client(name);
  ok(c2 != BAD, "a new client");
  CloseHandle(c2);
  CloseHandle(s);
  const hs = shared(8);
  CreatePipe(hs, hs + 4, 0, 0);
  ok(setMode(load<u32>(hs), PIPE_NOWAIT) != 0, "PIPE_NOWAIT on an anonymous read end");
  eq(get(load<u32>(hs), 8), 0, "read on empty");
  eq(GetLastError(), ERROR_NO_DATA, "ERROR_NO_DATA");
  const c3 = client("\\.\pipe\ntw-nowait");
  eq(c3, BAD, "the server is closed");
  CloseHandle(load<u32>(hs));
  CloseHandle(load<u32>(hs, 4));
  return done();
}

// Client thread for test_connect_and_wait: [name, result handle, error, message buffer, count]
function connectingClient(arg: u32): u32 {
  const name = load<u32>(arg);
  if (!WaitNamedPipeW(name, NMPWAIT_WAIT_FOREVER)) { store<u32>(arg + 8, GetLastError()); return 1; }
  const h = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, 0, OPEN_EXISTING, 0, 0);
  if (h == BAD) { store<u32>(arg + 8, GetLastError()); return 1; }
  store<u32>(arg + 4, h);
  WriteFile(h, load<u32>(arg + 12), 5, arg + 16, 0);
  CloseHandle(h);
  return 0;
}

export function test_connect_and_wait(): i32 {
  const name = "\\\\.\\pipe\\ntw-wait";
  SetLastError(0);
  eq(WaitNamedPipeW(W(name), 10), 0, "WaitNamedPipeW on a missing pipe");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND");
  const s = server(name, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE, 1);
  eq(server(name, PIPE_TYPE_MESSAGE, 1), BAD, "a second instance past nMaxInstances");
  eq(GetLastError(), ERROR_PIPE_BUSY, "ERROR_PIPE_BUSY");
  eq(CreateNamedPipeW(W(name), PIPE_ACCESS_DUPLEX | FILE_FLAG_FIRST_PIPE_INSTANCE, 0, 2, 0, 0, 0, 0), BAD, "FILE_FLAG_FIRST_PIPE_INSTANCE");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED");
  const c = client(name);
  eq(WaitNamedPipeW(W(name), 10), 0, "WaitNamedPipeW while the only instance is busy");
  eq(GetLastError(), ERROR_SEM_TIMEOUT, "ERROR_SEM_TIMEOUT");
  CloseHandle(c);
  ok(DisconnectNamedPipe(s) != 0, "DisconnectNamedPipe");
  // A thread waits for the instance, connects and writes; ConnectNamedPipe makes it listen and waits for it.
  const arg = shared(20);
  store<u32>(arg, <u32>W(name));
  store<u32>(arg, <u32>A("hello"), 12);
  const t = CreateThread(0, 0, connectingClient.index, arg, 0, 0);
  const r = ConnectNamedPipe(s, 0);
  ok(r != 0 || GetLastError() == ERROR_PIPE_CONNECTED || GetLastError() == ERROR_NO_DATA, "ConnectNamedPipe waits for the client");
  eq(get(s, 64), 1, "the client's message");
  eq(lastRead, "hello", "hello");
  WaitForSingleObject(t, INFINITE);
  eq(load<u32>(arg, 8), 0, "the thread's WaitNamedPipeW and CreateFileW succeeded");
  eq(get(s, 64), 0, "the client closed");
  eq(GetLastError(), ERROR_BROKEN_PIPE, "ERROR_BROKEN_PIPE");
  CloseHandle(t);
  CloseHandle(s);
  return done();
}

// Server thread for test_transact: answers `count` transactions, each on a fresh connection when
// `reconnect` (CallNamedPipe), replying "pong:" + the request. [pipe, count, reconnect, buf]
function echoServer(arg: u32): u32 {
  const h = load<u32>(arg), count = load<u32>(arg, 4), reconnect = load<u32>(arg, 8), buf = load<u32>(arg, 12);
  const cnt = arg + 16;
  for (let i: u32 = 0; i < count; i++) {
    if (reconnect) ConnectNamedPipe(h, 0);
    if (!ReadFile(h, buf + 5, 100, cnt, 0)) return 1;
    store<u8>(buf, 0x70); store<u8>(buf, 0x6f, 1); store<u8>(buf, 0x6e, 2); store<u8>(buf, 0x67, 3); store<u8>(buf, 0x3a, 4);
    if (!WriteFile(h, buf, 5 + load<u32>(cnt), cnt, 0)) return 2;
    if (reconnect) { ReadFile(h, buf, 1, cnt, 0); DisconnectNamedPipe(h); } // wait for the client to close
  }
  return 0;
}

export function test_transact(): i32 {
  const name = "\\\\.\\pipe\\ntw-transact";
  const s = server(name, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE, 1);
  const c = client(name);
  const out = shared(64), cnt = shared(4);
  eq(TransactNamedPipe(c, A("ping"), 4, out, 64, cnt, 0), 0, "TransactNamedPipe in byte read mode");
  eq(GetLastError(), ERROR_BAD_PIPE, "ERROR_BAD_PIPE");
  ok(setMode(c, PIPE_READMODE_MESSAGE) != 0, "message read mode");
  eq(put(s, "stale"), 5, "an unread message");
  eq(TransactNamedPipe(c, A("ping"), 4, out, 64, cnt, 0), 0, "TransactNamedPipe with data waiting");
  eq(GetLastError(), ERROR_PIPE_BUSY, "ERROR_PIPE_BUSY");
  eq(get(c, 64), 1, "drain it");
  const arg = shared(24);
  store<u32>(arg, s);
  store<u32>(arg, 2, 4);
  store<u32>(arg, <u32>shared(128), 12);
  const t = CreateThread(0, 0, echoServer.index, arg, 0, 0);
  ok(TransactNamedPipe(c, A("ping"), 4, out, 64, cnt, 0) != 0, "TransactNamedPipe");
  eq(String.UTF8.decodeUnsafe(out, load<u32>(cnt)), "pong:ping", "the reply");
  eq(TransactNamedPipe(c, A("longer"), 6, out, 4, cnt, 0), 0, "a reply longer than the buffer");
  eq(GetLastError(), ERROR_MORE_DATA, "ERROR_MORE_DATA");
  eq(String.UTF8.decodeUnsafe(out, load<u32>(cnt)), "pong", "the first part");
  eq(get(c, 64), 1, "ReadFile gets the rest");
  eq(lastRead, ":longer", "the rest");
  WaitForSingleObject(t, INFINITE);
  CloseHandle(t);
  CloseHandle(c);
  ok(DisconnectNamedPipe(s) != 0, "disconnect");
  // CallNamedPipeW: connect, transact, close, three times over.
  store<u32>(arg, 3, 4);
  store<u32>(arg, 1, 8);
  const t2 = CreateThread(0, 0, echoServer.index, arg, 0, 0);
  for (let i = 0; i < 3; i++) {
    const msg = "call" + i.toString();
    ok(CallNamedPipeW(W(name), A(msg), 5, out, 64, cnt, NMPWAIT_WAIT_FOREVER) != 0, "CallNamedPipeW " + i.toString());
    eq(String.UTF8.decodeUnsafe(out, load<u32>(cnt)), "pong:" + msg, "its reply");
  }
  WaitForSingleObject(t2, INFINITE);
  CloseHandle(t2);
  CloseHandle(s);
  eq(CallNamedPipeW(W(name), A("x"), 1, out, 64, cnt, 0), 0, "CallNamedPipeW without the pipe");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND");
  return done();
}

export function test_messages_across_processes(): i32 {
  const name = "\\\\.\\pipe\\ntw-10k";
  const count = 10000;
  const s = server(name, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE, 1);
  ok(s != BAD, "server");
  const pi = shared(16);
  ok(CreateProcessW(0, W("dist\\guests\\pipe_client.wasm messages " + name + " " + count.toString()), 0, 0, 0, 0, 0, 0, 0, pi) != 0,
    "start the client process");
  const r = ConnectNamedPipe(s, 0);
  ok(r != 0 || GetLastError() == ERROR_PIPE_CONNECTED, "ConnectNamedPipe");
  const buf = shared(16), cnt = shared(4), reply = shared(4);
  let bad = -1;
  for (let i = 0; i < count; i++) {
    if (!ReadFile(s, buf, 16, cnt, 0) || load<u32>(cnt) != 8 || load<u32>(buf) != <u32>i || load<u32>(buf, 4) != <u32>i * 7) { bad = i; break; }
    store<u32>(reply, i + 1);
    if (!WriteFile(s, reply, 4, cnt, 0)) { bad = i; break; }
  }
  eq(bad, -1, "10,000 messages in order, none lost");
  WaitForSingleObject(load<u32>(pi), INFINITE);
  const code = shared(4);
  GetExitCodeProcess(load<u32>(pi), code);
  eq(load<u32>(code), 0, "the client saw every reply in order");
  eq(get(s, 16), 0, "the client process is gone");
  eq(GetLastError(), ERROR_BROKEN_PIPE, "ERROR_BROKEN_PIPE");
  CloseHandle(load<u32>(pi));
  CloseHandle(load<u32>(pi, 4));
  CloseHandle(s);
  return done();
}

export function test_bad_arguments(): i32 {
  const buf = shared(16), cnt = shared(4);
  const ev = CreateEventW(0, 0, 0, 0);
  eq(ReadFile(ev, buf, 4, cnt, 0), 0, "ReadFile on an event");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  eq(WriteFile(0x1234, buf, 4, cnt, 0), 0, "WriteFile on a bogus handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  CloseHandle(ev);
  const hs = shared(8);
  CreatePipe(hs, hs + 4, 0, 0);
  const ov = shared(20);
  // CreatePipe's ends are for synchronous I/O: an OVERLAPPED call waits, then fills in the OVERLAPPED
  eq(put(load<u32>(hs, 4), "ab"), 2, "a write");
  eq(ReadFile(load<u32>(hs), buf, 4, cnt, ov), 1, "ReadFile with an OVERLAPPED on a synchronous pipe");
  eq(GetOverlappedResult(load<u32>(hs), ov, cnt, 0), 1, "GetOverlappedResult");
  eq(load<u32>(cnt), 2, "2 bytes");
  CloseHandle(load<u32>(hs, 4)); // the writer goes
  eq(ReadFile(load<u32>(hs), buf, 4, cnt, ov), 0, "ReadFile with an OVERLAPPED on a broken pipe");
  eq(GetLastError(), ERROR_BROKEN_PIPE, "ERROR_BROKEN_PIPE");
  CreatePipe(hs + 4, shared(4), 0, 0); // a fresh pair for what follows (hs+4 becomes its read end)
  eq(WriteFile(load<u32>(hs, 4), 0x7ffffff0, 64, cnt, 0), 0, "a buffer outside guest memory");
  eq(GetLastError(), 998, "ERROR_NOACCESS");
  CloseHandle(load<u32>(hs));
  CloseHandle(load<u32>(hs, 4));
  eq(CreateFileW(W("C:\\no\\such.txt"), GENERIC_READ, 0, 0, OPEN_EXISTING, 0, 0), BAD, "a file in a missing directory");
  eq(GetLastError(), ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND");
  eq(CreateFileW(W("nosuch.txt"), GENERIC_READ, 0, 0, OPEN_EXISTING, 0, 0), BAD, "a bare file name");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND");
  eq(CreateFileW(W("\\\\.\\pipe\\ntw-none"), GENERIC_READ, 0, 0, 99, 0, 0), BAD, "a bad creation disposition");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER");
  eq(CreateNamedPipeW(W("not a pipe"), PIPE_ACCESS_DUPLEX, 0, 1, 0, 0, 0, 0), BAD, "CreateNamedPipeW outside \\\\.\\pipe\\");
  eq(GetLastError(), ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND");
  eq(CreateNamedPipeW(W("\\\\.\\pipe\\ntw-bad"), PIPE_ACCESS_DUPLEX, 0, 0, 0, 0, 0, 0), BAD, "nMaxInstances 0");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER");
  const s = CreateNamedPipeW(W("\\\\.\\pipe\\ntw-in"), PIPE_ACCESS_INBOUND, 0, 1, 0, 0, 0, 0);
  eq(CreateFileW(W("\\\\.\\pipe\\ntw-in"), GENERIC_READ, 0, 0, OPEN_EXISTING, 0, 0), BAD, "reading from an inbound-only pipe");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED");
  const c = CreateFileW(W("\\\\.\\pipe\\ntw-in"), GENERIC_WRITE, 0, 0, CREATE_ALWAYS, 0, 0);
  ok(c != BAD, "writing to it");
  CloseHandle(c);
  CloseHandle(s);
  const out = GetStdHandle(STD_OUTPUT_HANDLE);
  ok(WriteFile(out, A("WriteFile to the console \u2713\n"), 29, cnt, 0) != 0, "WriteFile on the console output");
  eq(load<u32>(cnt), 29, "all bytes written");
  return done();
}
