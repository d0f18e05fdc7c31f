/* Overlapped I/O on handles associated with a completion port: each completion posts (lpOverlapped,
   bytes, key, status), whether the call completed at once or later (ReadFile, WriteFile,
   ConnectNamedPipe, TransactNamedPipe on named pipes, ReadFile/WriteFile on a disk file), except for an
   OVERLAPPED whose hEvent has its low bit set (its event is still set). FILE_SKIP_COMPLETION_PORT_ON_SUCCESS
   drops the packet of a call that succeeds at once, not of one that pends. CancelIo posts
   ERROR_OPERATION_ABORTED, closing the other end ERROR_BROKEN_PIPE, and ReadFileEx on an associated
   handle fails with ERROR_INVALID_PARAMETER. Expected output confirmed with mingw-w64 + Wine 8.0. */
#include <windows.h>
#include <stdio.h>

static HANDLE port;
static OVERLAPPED ov[4];

static const char *which(LPOVERLAPPED o) {
  static char other[32];
  for (int i = 0; i < 4; i++) if (o == &ov[i]) { sprintf(other, "ov[%d]", i); return other; }
  return o ? "another" : "NULL";
}

/* Prints every packet queued now (the port is drained with a zero timeout). */
static void drain(const char *what) {
  DWORD n; ULONG_PTR key; LPOVERLAPPED o;
  int count = 0;
  for (;;) {
    BOOL ok = GetQueuedCompletionStatus(port, &n, &key, &o, 0);
    DWORD err = ok ? 0 : GetLastError();
    if (!ok && !o) break;
    printf("  %s: %s, key %lu, %lu bytes, %s, error %lu\n", what, ok ? "TRUE" : "FALSE", (unsigned long)key, n, which(o), err);
    count++;
  }
  if (!count) printf("  %s: no packet\n", what);
}

/* Waits for `count` packets (some come from the process's I/O workers) and prints them sorted by key and
   OVERLAPPED: completions on two ends may come in either order. */
struct packet { BOOL ok; ULONG_PTR key; DWORD n; LPOVERLAPPED o; DWORD err; };
static void next(const char *what, int count) {
  struct packet p[4], t;
  for (int i = 0; i < count; i++) {
    p[i].ok = GetQueuedCompletionStatus(port, &p[i].n, &p[i].key, &p[i].o, 10000);
    p[i].err = p[i].ok ? 0 : GetLastError();
  }
  for (int i = 0; i < count; i++)
    for (int j = i + 1; j < count; j++)
      if (p[j].key < p[i].key || (p[j].key == p[i].key && p[j].o < p[i].o)) { t = p[i]; p[i] = p[j]; p[j] = t; }
  for (int i = 0; i < count; i++)
    printf("  %s: %s, key %lu, %lu bytes, %s, error %lu\n", what, p[i].ok ? "TRUE" : "FALSE", (unsigned long)p[i].key, p[i].n,
           which(p[i].o), p[i].err);
}

static void CALLBACK routine(DWORD e, DWORD n, LPOVERLAPPED o) { printf("  routine ran: %lu %lu\n", e, n); }

int main(void) {
  const wchar_t *name = L"\\\\.\\pipe\\iocp_overlapped";
  char buf[64];
  DWORD n;
  port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
  HANDLE server = CreateNamedPipeW(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE,
                                   1, 4096, 4096, 0, NULL);
  printf("associate the server end: %s\n", CreateIoCompletionPort(server, port, 1, 0) == port ? "same port" : "failed");
  SetLastError(0);
  HANDLE again = CreateIoCompletionPort(server, port, 9, 0);
  DWORD err = GetLastError();
  printf("associate it again: %s, error %lu\n", again ? "yes" : "NULL", err);
  HANDLE other = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
  SetLastError(0);
  again = CreateIoCompletionPort(server, other, 9, 0);
  err = GetLastError();
  printf("associate it with another port: %s, error %lu\n", again ? "yes" : "NULL", err);
  CloseHandle(other);

  printf("-- ConnectNamedPipe, pending until a client opens\n");
  BOOL ok = ConnectNamedPipe(server, &ov[0]);
  printf("  connect: %d, error %lu\n", ok, GetLastError());
  drain("before the client");
  HANDLE client = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
  DWORD mode = PIPE_READMODE_MESSAGE;
  SetNamedPipeHandleState(client, &mode, NULL, NULL);
  printf("associate the client end: %s\n", CreateIoCompletionPort(client, port, 2, 0) == port ? "same port" : "failed");
  next("connected", 1);

  printf("-- writes and reads that complete at once\n");
  ok = WriteFile(client, "hello", 5, &n, &ov[1]);
  printf("  write: %d, %lu bytes\n", ok, n);
  ok = ReadFile(server, buf, sizeof buf, &n, &ov[2]);
  printf("  read: %d, %lu bytes\n", ok, n);
  drain("at once");

  printf("-- a read that pends\n");
  ok = ReadFile(server, buf, sizeof buf, &n, &ov[2]);
  printf("  read: %d, error %lu\n", ok, GetLastError());
  drain("nothing yet");
  WriteFile(client, "abc", 3, &n, &ov[1]);
  next("then", 2);
  drain("after");

  printf("-- the low bit of hEvent\n");
  HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
  ov[3].hEvent = (HANDLE)((ULONG_PTR)ev | 1);
  ok = WriteFile(client, "low bit", 7, &n, &ov[3]);
  printf("  write: %d, event set: %s\n", ok, WaitForSingleObject(ev, 0) == WAIT_OBJECT_0 ? "yes" : "no");
  ResetEvent(ev);
  ok = ReadFile(server, buf, sizeof buf, &n, &ov[3]);
  printf("  read: %d, %lu bytes, event set: %s\n", ok, n, WaitForSingleObject(ev, 0) == WAIT_OBJECT_0 ? "yes" : "no");
  drain("low bit");
  ov[3].hEvent = NULL;

  printf("-- TransactNamedPipe\n");
  ok = TransactNamedPipe(client, "ping", 4, buf, sizeof buf, &n, &ov[1]);
  printf("  transact: %d, error %lu\n", ok, GetLastError());
  ok = ReadFile(server, buf, sizeof buf, &n, &ov[2]);
  printf("  server read: %d, %lu bytes\n", ok, n);
  ok = WriteFile(server, "pong!", 5, &n, &ov[3]);
  printf("  server write: %d\n", ok);
  next("then", 3);
  drain("after");

  printf("-- ReadFileEx on an associated handle\n");
  SetLastError(0);
  ok = ReadFileEx(server, buf, sizeof buf, &ov[2], routine);
  printf("  ReadFileEx: %d, error %lu\n", ok, GetLastError());
  SleepEx(0, TRUE);

  printf("-- FILE_SKIP_COMPLETION_PORT_ON_SUCCESS on the client\n");
  printf("  set: %d\n", SetFileCompletionNotificationModes(client, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS));
  ok = WriteFile(client, "skip", 4, &n, &ov[1]);
  printf("  write at once: %d\n", ok);
  drain("no packet for it");
  ReadFile(server, buf, sizeof buf, &n, &ov[2]);
  drain("the server's read");
  ok = ReadFile(client, buf, sizeof buf, &n, &ov[1]);
  printf("  client read: %d, error %lu\n", ok, GetLastError());
  WriteFile(server, "back", 4, &n, &ov[2]);
  next("then", 2);
  drain("after");

  printf("-- CancelIo\n");
  ok = ReadFile(server, buf, sizeof buf, &n, &ov[2]);
  printf("  read: %d, error %lu\n", ok, GetLastError());
  printf("  CancelIo: %d\n", CancelIo(server));
  next("cancelled", 1);

  printf("-- the client closes\n");
  ok = ReadFile(server, buf, sizeof buf, &n, &ov[2]);
  printf("  read: %d, error %lu\n", ok, GetLastError());
  CloseHandle(client);
  next("broken", 1);
  CloseHandle(server);

  printf("-- a disk file\n");
  HANDLE f = CreateFileW(L"iocp_overlapped.tmp", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                         FILE_FLAG_OVERLAPPED | FILE_FLAG_DELETE_ON_CLOSE, NULL);
  printf("  associate: %s\n", CreateIoCompletionPort(f, port, 7, 0) == port ? "same port" : "failed");
  memset(&ov[1], 0, sizeof ov[1]);
  ok = WriteFile(f, "0123456789", 10, NULL, &ov[1]);
  if (!ok && GetLastError() == ERROR_IO_PENDING) ok = GetOverlappedResult(f, &ov[1], &n, TRUE);
  printf("  write: %d\n", ok);
  next("write", 1);
  memset(&ov[2], 0, sizeof ov[2]);
  ov[2].Offset = 4;
  ok = ReadFile(f, buf, sizeof buf, NULL, &ov[2]);
  if (!ok && GetLastError() == ERROR_IO_PENDING) ok = GetOverlappedResult(f, &ov[2], &n, TRUE);
  printf("  read at 4: %d, \"%.6s\"\n", ok, buf);
  next("read", 1);
  memset(&ov[2], 0, sizeof ov[2]);
  ov[2].Offset = 100;
  ok = ReadFile(f, buf, sizeof buf, NULL, &ov[2]);
  err = GetLastError();
  if (!ok && err == ERROR_IO_PENDING) { ok = GetOverlappedResult(f, &ov[2], &n, TRUE); err = GetLastError(); }
  printf("  read past the end: %d, error %lu\n", ok, err);
  next("end of file", 1);
  CloseHandle(f);
  CloseHandle(port);
  CloseHandle(ev);
  return 0;
}
