// Overlapped I/O: ReadFile/WriteFile/ConnectNamedPipe/TransactNamedPipe with an OVERLAPPED on named
// pipes and files, GetOverlappedResult(Ex), CancelIo(Ex). Expected results follow Windows as Wine's
// kernel32 pipe and file tests record them: an operation that can finish at once returns TRUE (or its
// error) with the OVERLAPPED filled and the event set; one that must wait returns FALSE with
// ERROR_IO_PENDING and completes later.
import {
  CancelIo, CancelIoEx, CloseHandle, ConnectNamedPipe, CreateEventW, CreateFileW, CreateNamedPipeW, CreateThread,
  CREATE_ALWAYS, DeleteFileW, ERROR_BROKEN_PIPE, ERROR_HANDLE_EOF, ERROR_INVALID_HANDLE, ERROR_IO_INCOMPLETE,
  ERROR_IO_PENDING, ERROR_MORE_DATA, ERROR_NOT_FOUND, ERROR_OPERATION_ABORTED, ERROR_PIPE_CONNECTED, FILE_FLAG_OVERLAPPED,
  GENERIC_READ, GENERIC_WRITE, GetLastError, GetOverlappedResult, GetOverlappedResultEx, INFINITE, OPEN_EXISTING,
  PIPE_ACCESS_DUPLEX, PIPE_READMODE_MESSAGE, PIPE_TYPE_MESSAGE, ReadFile, ResetEvent, Sleep, TransactNamedPipe,
  WAIT_OBJECT_0, WAIT_TIMEOUT, WaitForMultipleObjects, WaitForSingleObject, WriteFile,
} from "../ntwasm";
import { A, W } from "../lib/win";
import { done, eq, ok, shared } from "../lib/test";

const BAD: u32 = 0xffffffff;
const STATUS_PENDING: u32 = 0x103;
const OV_SIZE: usize = 20;

/** A zeroed OVERLAPPED with a new manual-reset event (hEvent at offset 16). */
function overlapped(): usize {
  const ov = shared(OV_SIZE);
  store<u32>(ov, CreateEventW(0, 1, 0, 0), 16);
  return ov;
}
function eventOf(ov: usize): u32 { return load<u32>(ov, 16); }
function completed(ov: usize): bool { return load<u32>(ov) != STATUS_PENDING; } // HasOverlappedIoCompleted

function server(name: string, mode: u32 = PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE, size: u32 = 1024): u32 {
  return CreateNamedPipeW(W(name), PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, mode, 4, size, size, 0, 0);
}
function client(name: string): u32 {
  return CreateFileW(W(name), GENERIC_READ | GENERIC_WRITE, 0, 0, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, 0);
}
function put(h: u32, s: string): i32 {
  const cnt = shared(4);
  if (!WriteFile(h, A(s), <u32>String.UTF8.byteLength(s), cnt, 0)) return -<i32>GetLastError();
  return <i32>load<u32>(cnt);
}
function text(buf: usize, n: u32): string { return String.UTF8.decodeUnsafe(buf, n); }

/** A connected overlapped server/client pair: [server, client] in `out`. */
function pair(name: string, out: usize, mode: u32 = PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE, size: u32 = 1024): void {
  const s = server(name, mode, size);
  const c = client(name);
  store<u32>(out, s);
  store<u32>(out, c, 4);
}

export function test_connect_pending_then_client(): i32 {
  const s = server("\\\\.\\pipe\\ov-connect");
  ok(s != BAD, "CreateNamedPipeW with FILE_FLAG_OVERLAPPED");
  const ov = overlapped();
  eq(ConnectNamedPipe(s, ov), 0, "ConnectNamedPipe returns at once");
  eq(GetLastError(), ERROR_IO_PENDING, "ERROR_IO_PENDING while no client has come");
  ok(!completed(ov), "Internal is STATUS_PENDING");
  const cnt = shared(4);
  eq(GetOverlappedResult(s, ov, cnt, 0), 0, "GetOverlappedResult without waiting");
  eq(GetLastError(), ERROR_IO_INCOMPLETE, "ERROR_IO_INCOMPLETE");
  eq(WaitForSingleObject(eventOf(ov), 0), WAIT_TIMEOUT, "the event is not set yet");
  const c = client("\\\\.\\pipe\\ov-connect");
  ok(c != BAD, "a client connects");
  eq(WaitForSingleObject(eventOf(ov), 5000), WAIT_OBJECT_0, "the event is set when the client came");
  ok(completed(ov), "Internal is no longer STATUS_PENDING");
  eq(GetOverlappedResult(s, ov, cnt, 1), 1, "GetOverlappedResult: connected");
  // a client that came first: ERROR_PIPE_CONNECTED at once, as without an OVERLAPPED
  const s2 = server("\\\\.\\pipe\\ov-connect");
  const c2 = client("\\\\.\\pipe\\ov-connect");
  const ov2 = overlapped();
  eq(ConnectNamedPipe(s2, ov2), 0, "ConnectNamedPipe after the client");
  eq(GetLastError(), ERROR_PIPE_CONNECTED, "ERROR_PIPE_CONNECTED");
  CloseHandle(c2); CloseHandle(s2); CloseHandle(c); CloseHandle(s);
  CloseHandle(eventOf(ov)); CloseHandle(eventOf(ov2));
  return done();
}

export function test_read_pending_then_data(): i32 {
  const hs = shared(8);
  pair("\\\\.\\pipe\\ov-read", hs);
  const s = load<u32>(hs), c = load<u32>(hs, 4);
  const ov = overlapped(), buf = shared(64), cnt = shared(4);
  store<u32>(cnt, 77);
  eq(ReadFile(s, buf, 64, cnt, ov), 0, "ReadFile on an empty pipe");
  eq(GetLastError(), ERROR_IO_PENDING, "ERROR_IO_PENDING");
  eq(load<u32>(cnt), 0, "no bytes yet");
  eq(put(c, "hello"), 5, "the client writes");
  eq(WaitForSingleObject(eventOf(ov), 5000), WAIT_OBJECT_0, "the event is set");
  eq(GetOverlappedResult(s, ov, cnt, 1), 1, "GetOverlappedResult");
  eq(load<u32>(cnt), 5, "5 bytes");
  eq(load<u32>(ov, 4), 5, "InternalHigh is the count");
  eq(load<u32>(ov), 0, "Internal is STATUS_SUCCESS");
  eq(text(buf, 5), "hello", "the data");
  // data already there: TRUE at once, the event set
  eq(put(c, "again"), 5, "the client writes first");
  ok(ResetEvent(eventOf(ov)) != 0, "ResetEvent");
  eq(ReadFile(s, buf, 64, cnt, ov), 1, "ReadFile with data waiting completes at once");
  eq(load<u32>(cnt), 5, "5 bytes");
  eq(WaitForSingleObject(eventOf(ov), 0), WAIT_OBJECT_0, "and sets the event");
  eq(text(buf, 5), "again", "the data");
  CloseHandle(c); CloseHandle(s); CloseHandle(eventOf(ov));
  return done();
}

export function test_more_data_and_broken_pipe(): i32 {
  const hs = shared(8);
  pair("\\\\.\\pipe\\ov-more", hs);
  const s = load<u32>(hs), c = load<u32>(hs, 4);
  const ov = overlapped(), buf = shared(64), cnt = shared(4);
  eq(ReadFile(s, buf, 4, cnt, ov), 0, "a 4-byte read");
  eq(GetLastError(), ERROR_IO_PENDING, "pending");
  eq(put(c, "0123456789"), 10, "a 10-byte message");
  eq(GetOverlappedResult(s, ov, cnt, 1), 0, "GetOverlappedResult: the message is longer");
  eq(GetLastError(), ERROR_MORE_DATA, "ERROR_MORE_DATA");
  eq(load<u32>(cnt), 4, "4 bytes");
  eq(text(buf, 4), "0123", "the first part");
  eq(ReadFile(s, buf, 64, cnt, ov), 1, "the rest at once");
  eq(load<u32>(cnt), 6, "6 bytes");
  eq(text(buf, 6), "456789", "the rest");
  eq(ReadFile(s, buf, 64, cnt, ov), 0, "another read");
  eq(GetLastError(), ERROR_IO_PENDING, "pending");
  CloseHandle(c); // the client goes away
  eq(GetOverlappedResult(s, ov, cnt, 1), 0, "the pending read fails");
  eq(GetLastError(), ERROR_BROKEN_PIPE, "ERROR_BROKEN_PIPE");
  CloseHandle(s); CloseHandle(eventOf(ov));
  return done();
}

export function test_cancel(): i32 {
  const hs = shared(8);
  pair("\\\\.\\pipe\\ov-cancel", hs);
  const s = load<u32>(hs), c = load<u32>(hs, 4);
  const ov = overlapped(), ov2 = overlapped(), buf = shared(64), cnt = shared(4);
  eq(CancelIoEx(s, 0), 0, "CancelIoEx with nothing pending");
  eq(GetLastError(), ERROR_NOT_FOUND, "ERROR_NOT_FOUND");
  eq(CancelIo(s), 1, "CancelIo with nothing pending succeeds");
  eq(ReadFile(s, buf, 64, cnt, ov), 0, "a pending read");
  eq(GetLastError(), ERROR_IO_PENDING, "pending");
  Sleep(20); // let an I/O worker start running it (cancellation must reach a running request too)
  eq(CancelIo(s), 1, "CancelIo");
  eq(GetOverlappedResult(s, ov, cnt, 1), 0, "the read was cancelled");
  eq(GetLastError(), ERROR_OPERATION_ABORTED, "ERROR_OPERATION_ABORTED");
  eq(load<u32>(cnt), 0, "nothing read");
  eq(ReadFile(s, buf, 64, cnt, ov2), 0, "another pending read");
  eq(CancelIoEx(s, ov), 0, "CancelIoEx of an OVERLAPPED that is not pending");
  eq(GetLastError(), ERROR_NOT_FOUND, "ERROR_NOT_FOUND");
  eq(CancelIoEx(s, ov2), 1, "CancelIoEx of the pending one");
  eq(GetOverlappedResult(s, ov2, cnt, 1), 0, "cancelled");
  eq(GetLastError(), ERROR_OPERATION_ABORTED, "ERROR_OPERATION_ABORTED");
  // the pipe still works, and nothing was consumed by the cancelled reads
  eq(put(c, "after"), 5, "the client writes");
  eq(ReadFile(s, buf, 64, cnt, ov), 1, "a read completes at once");
  eq(text(buf, 5), "after", "the data");
  eq(CancelIoEx(0x1234, 0), 0, "CancelIoEx on a bogus handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  CloseHandle(c); CloseHandle(s); CloseHandle(eventOf(ov)); CloseHandle(eventOf(ov2));
  return done();
}

export function test_result_ex_timeouts(): i32 {
  const hs = shared(8);
  pair("\\\\.\\pipe\\ov-ex", hs);
  const s = load<u32>(hs), c = load<u32>(hs, 4);
  const ov = overlapped(), buf = shared(64), cnt = shared(4);
  eq(ReadFile(s, buf, 64, cnt, ov), 0, "a pending read");
  eq(GetOverlappedResultEx(s, ov, cnt, 0, 0), 0, "GetOverlappedResultEx(0)");
  eq(GetLastError(), ERROR_IO_INCOMPLETE, "ERROR_IO_INCOMPLETE");
  eq(GetOverlappedResultEx(s, ov, cnt, 20, 0), 0, "GetOverlappedResultEx(20 ms)");
  eq(GetLastError(), WAIT_TIMEOUT, "WAIT_TIMEOUT");
  eq(put(c, "x"), 1, "the client writes");
  eq(GetOverlappedResultEx(s, ov, cnt, INFINITE, 0), 1, "then it completes");
  eq(load<u32>(cnt), 1, "1 byte");
  // without an event the OVERLAPPED itself is waited for
  const bare = shared(OV_SIZE);
  eq(ReadFile(s, buf, 64, cnt, bare), 0, "a pending read without an event");
  eq(put(c, "yz"), 2, "the client writes");
  eq(GetOverlappedResult(s, bare, cnt, 1), 1, "GetOverlappedResult waits for it");
  eq(load<u32>(cnt), 2, "2 bytes");
  CloseHandle(c); CloseHandle(s); CloseHandle(eventOf(ov));
  return done();
}

/** Several pipes with a pending read each, completed in reverse order: each event in turn. */
export function test_many_pending(): i32 {
  const N = 6;
  const pipes = shared(8 * N), ovs = shared(4 * N), events = shared(4 * N), bufs = shared(16 * N), cnt = shared(4);
  for (let i = 0; i < N; i++) {
    pair("\\\\.\\pipe\\ov-many-" + i.toString(), pipes + 8 * i);
    const ov = overlapped();
    store<u32>(ovs + 4 * i, <u32>ov);
    store<u32>(events + 4 * i, eventOf(ov));
    eq(ReadFile(load<u32>(pipes + 8 * i), bufs + 16 * i, 16, cnt, ov), 0, "pending read " + i.toString());
  }
  for (let i = N - 1; i >= 0; i--) {
    eq(put(load<u32>(pipes + 8 * i + 4), "m" + i.toString()), 2, "write " + i.toString());
    eq(WaitForMultipleObjects(N, events, 0, 5000), WAIT_OBJECT_0 + i, "the completed one is " + i.toString());
    const ov = <usize>load<u32>(ovs + 4 * i);
    eq(GetOverlappedResult(load<u32>(pipes + 8 * i), ov, cnt, 0), 1, "result " + i.toString());
    eq(text(bufs + 16 * i, 2), "m" + i.toString(), "data " + i.toString());
    ResetEvent(eventOf(ov));
    store<u32>(events + 4 * i, CreateEventW(0, 1, 0, 0)); // never signaled: out of the way
  }
  for (let i = 0; i < N; i++) { CloseHandle(load<u32>(pipes + 8 * i)); CloseHandle(load<u32>(pipes + 8 * i + 4)); }
  return done();
}

/** An overlapped write that must wait for room completes when the reader drains the pipe. */
export function test_write_pending(): i32 {
  const hs = shared(8);
  pair("\\\\.\\pipe\\ov-write", hs, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE, 16);
  const s = load<u32>(hs), c = load<u32>(hs, 4);
  const ov = overlapped(), cnt = shared(4), buf = shared(64);
  eq(put(s, "0123456789"), 10, "a first message fills most of the client's 16-byte buffer");
  eq(WriteFile(s, A("abcdefghij"), 10, cnt, ov), 0, "a second one must wait");
  eq(GetLastError(), ERROR_IO_PENDING, "ERROR_IO_PENDING");
  eq(WaitForSingleObject(eventOf(ov), 0), WAIT_TIMEOUT, "not complete");
  eq(ReadFile(c, buf, 64, cnt, 0), 1, "the client reads the first");
  eq(text(buf, 10), "0123456789", "first message");
  eq(GetOverlappedResult(s, ov, cnt, 1), 1, "the write completes");
  eq(load<u32>(cnt), 10, "10 bytes");
  eq(ReadFile(c, buf, 64, cnt, 0), 1, "the client reads the second");
  eq(text(buf, 10), "abcdefghij", "second message");
  CloseHandle(c); CloseHandle(s); CloseHandle(eventOf(ov));
  return done();
}

function echo(h: u32): u32 {
  const buf = heap.alloc(64), cnt = heap.alloc(4);
  if (!ReadFile(h, buf, 64, cnt, 0)) return 1;
  return WriteFile(h, buf, load<u32>(cnt), cnt, 0) ? 0 : 2;
}

export function test_transact(): i32 {
  const hs = shared(8);
  pair("\\\\.\\pipe\\ov-transact", hs);
  const s = load<u32>(hs), c = load<u32>(hs, 4);
  const mode = shared(4);
  store<u32>(mode, PIPE_READMODE_MESSAGE);
  ok(SetNamedPipeHandleStateOk(c, mode), "the client reads messages");
  const ov = overlapped(), buf = shared(64), cnt = shared(4);
  const t = CreateThread(0, 0, echo.index, s, 0, 0);
  const r = TransactNamedPipe(c, A("ping"), 4, buf, 64, cnt, ov);
  ok(r == 1 || GetLastError() == ERROR_IO_PENDING, "TransactNamedPipe completes or is pending");
  eq(GetOverlappedResult(c, ov, cnt, 1), 1, "its result");
  eq(load<u32>(cnt), 4, "4 bytes back");
  eq(text(buf, 4), "ping", "the echo");
  WaitForSingleObject(t, INFINITE);
  CloseHandle(t); CloseHandle(c); CloseHandle(s); CloseHandle(eventOf(ov));
  return done();
}

import { CreateProcessW, GetExitCodeProcess, SetNamedPipeHandleState } from "../ntwasm";
function SetNamedPipeHandleStateOk(h: u32, mode: usize): bool { return SetNamedPipeHandleState(h, mode, 0, 0) != 0; }

export function test_files(): i32 {
  const path = W("C:\\ntwasm-overlapped.tmp");
  const f = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, 0, 0, CREATE_ALWAYS, FILE_FLAG_OVERLAPPED, 0);
  ok(f != BAD, "CreateFileW with FILE_FLAG_OVERLAPPED");
  const ov = overlapped(), cnt = shared(4), buf = shared(64);
  store<u32>(ov, 8, 8); // Offset 8
  eq(WriteFile(f, A("overlap"), 7, cnt, ov), 1, "a write at offset 8 completes at once");
  eq(load<u32>(cnt), 7, "7 bytes");
  eq(WaitForSingleObject(eventOf(ov), 0), WAIT_OBJECT_0, "the event is set");
  eq(GetOverlappedResult(f, ov, cnt, 0), 1, "GetOverlappedResult");
  eq(load<u32>(cnt), 7, "7 bytes");
  store<u32>(ov, 10, 8); // Offset 10
  eq(ReadFile(f, buf, 64, cnt, ov), 1, "a read at offset 10");
  eq(load<u32>(cnt), 5, "to the end: 5 bytes");
  eq(text(buf, 5), "erlap", "the data");
  store<u32>(ov, 100, 8);
  eq(ReadFile(f, buf, 64, cnt, ov), 0, "a read past the end");
  eq(GetLastError(), ERROR_IO_PENDING, "is pending, as on Windows since Vista");
  eq(GetOverlappedResult(f, ov, cnt, 1), 0, "and ends");
  eq(GetLastError(), ERROR_HANDLE_EOF, "with ERROR_HANDLE_EOF");
  CloseHandle(f);
  ok(DeleteFileW(path) != 0, "DeleteFileW");
  CloseHandle(eventOf(ov));
  return done();
}

/** A server using overlapped calls only, against a client in another process (guests/as/programs/pipe_client.ts). */
export function test_across_processes(): i32 {
  const name = "\\\\.\\pipe\\ov-procs";
  const count = 1000;
  const s = server(name, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE, 64);
  const ov = overlapped(), pi = shared(16);
  const connect = ConnectNamedPipe(s, ov);
  eq(connect == 0 ? GetLastError() : 0, ERROR_IO_PENDING, "ConnectNamedPipe is pending");
  ok(CreateProcessW(0, W("dist\\guests\\pipe_client.wasm messages " + name + " " + count.toString()), 0, 0, 0, 0, 0, 0, 0, pi) != 0,
    "start the client process");
  const buf = shared(16), cnt = shared(4), reply = shared(4);
  eq(GetOverlappedResult(s, ov, cnt, 1), 1, "the client connected");
  let bad = -1;
  for (let i = 0; i < count; i++) {
    if (!ReadFile(s, buf, 16, cnt, ov)) {
      if (GetLastError() != ERROR_IO_PENDING || !GetOverlappedResult(s, ov, cnt, 1)) { bad = i; break; }
    }
    if (load<u32>(cnt) != 8 || load<u32>(buf) != <u32>i || load<u32>(buf, 4) != <u32>i * 7) { bad = i; break; }
    store<u32>(reply, i + 1);
    if (!WriteFile(s, reply, 4, cnt, ov) && (GetLastError() != ERROR_IO_PENDING || !GetOverlappedResult(s, ov, cnt, 1))) { bad = i; break; }
  }
  eq(bad, -1, "1,000 messages in order through overlapped calls");
  WaitForSingleObject(load<u32>(pi), INFINITE);
  const code = shared(4);
  GetExitCodeProcess(load<u32>(pi), code);
  eq(load<u32>(code), 0, "the client saw every reply in order");
  CloseHandle(load<u32>(pi)); CloseHandle(load<u32>(pi, 4)); CloseHandle(s); CloseHandle(eventOf(ov));
  return done();
}

/** For the memory check (test/overlapped.test.ts): returns with reads still pending and handles open. */
export function leak_pending(): i32 {
  const hs = shared(8), buf = shared(64), cnt = shared(4);
  for (let i = 0; i < 3; i++) {
    pair("\\\\.\\pipe\\ov-leak-" + i.toString(), hs);
    ReadFile(load<u32>(hs), buf, 64, cnt, overlapped());
  }
  return GetLastError() == ERROR_IO_PENDING ? 0 : 1;
}
