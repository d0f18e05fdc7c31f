/* CancelSynchronousIo, closing a handle with pending I/O, and an overlapped ConnectNamedPipe that the
   client's CreateFile completes. Expected output confirmed with mingw-w64 + Wine 8.0, except the last
   line: closing the last handle of a listening pipe completes its pending ConnectNamedPipe with
   STATUS_PIPE_BROKEN in NT's named-pipe file system (npfs NpSetClosingPipeState, as for the reads of
   a closed connected end, which Wine agrees with); Wine 8.0 reports its own STATUS_HANDLES_CLOSED. */
#include <windows.h>
#include <stdio.h>

static HANDLE rd, wr;

static DWORD WINAPI blocked_read(LPVOID arg) {
  char buf[16];
  DWORD n = 77;
  BOOL ok;
  (void)arg;
  SetLastError(0);
  ok = ReadFile(rd, buf, sizeof buf, &n, NULL);
  printf("blocked ReadFile: %d error %lu n %lu\n", ok, GetLastError(), n);
  return 0;
}

static DWORD WINAPI blocked_connect(LPVOID pipe) {
  BOOL ok;
  SetLastError(0);
  ok = ConnectNamedPipe((HANDLE)pipe, NULL);
  printf("blocked ConnectNamedPipe: %d error %lu\n", ok, GetLastError());
  return 0;
}

static DWORD WINAPI blocked_write(LPVOID arg) {
  static char big[8192];
  DWORD n = 77;
  BOOL ok;
  int i;
  (void)arg;
  SetLastError(0);
  /* a write larger than the pipe's buffer waits for the reader (Windows waits in the first one,
     ntwasm queues one write into an empty pipe and waits in the second) */
  for (i = 0, ok = TRUE; ok && i < 4; i++) ok = WriteFile(wr, big, sizeof big, &n, NULL);
  printf("blocked WriteFile: %d error %lu\n", ok, GetLastError());
  return 0;
}

/* Cancels the thread's synchronous I/O once it is blocked in it (ERROR_NOT_FOUND until then). */
static void cancel_when_blocked(HANDLE t) {
  int tries = 0;
  while (!CancelSynchronousIo(t)) {
    if (GetLastError() != ERROR_NOT_FOUND) { printf("CancelSynchronousIo error %lu\n", GetLastError()); return; }
    if (++tries > 1000) { printf("never blocked\n"); return; }
    Sleep(5);
  }
  WaitForSingleObject(t, INFINITE);
  CloseHandle(t);
}

int main(void) {
  HANDLE t, srv, cli, ev;
  OVERLAPPED ov;
  DWORD n;
  char buf[16];
  BOOL ok;

  /* a thread that does no I/O has nothing to cancel */
  SetLastError(0);
  ok = CancelSynchronousIo(GetCurrentThread());
  printf("idle thread: %d error %lu\n", ok, GetLastError());

  /* a blocked ReadFile on an anonymous pipe */
  CreatePipe(&rd, &wr, NULL, 64);
  cancel_when_blocked(CreateThread(NULL, 0, blocked_read, NULL, 0, NULL));
  /* the pipe still works afterwards */
  ok = WriteFile(wr, "abc", 3, &n, NULL);
  ok = ok && ReadFile(rd, buf, sizeof buf, &n, NULL);
  printf("after cancel: %d n %lu\n", ok, n);

  /* a blocked WriteFile on a full pipe */
  cancel_when_blocked(CreateThread(NULL, 0, blocked_write, NULL, 0, NULL));
  CloseHandle(rd);
  CloseHandle(wr);

  /* a blocked ConnectNamedPipe */
  srv = CreateNamedPipeW(L"\\\\.\\pipe\\ntwasm_cancel", PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE | PIPE_WAIT, 1, 512, 512, 0, NULL);
  cancel_when_blocked(CreateThread(NULL, 0, blocked_connect, srv, 0, NULL));
  CloseHandle(srv);

  /* an overlapped ConnectNamedPipe is complete when the client's CreateFile returns */
  srv = CreateNamedPipeW(L"\\\\.\\pipe\\ntwasm_cancel", PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED,
                         PIPE_TYPE_BYTE | PIPE_WAIT, 1, 512, 512, 0, NULL);
  ev = CreateEventW(NULL, TRUE, FALSE, NULL);
  memset(&ov, 0, sizeof ov);
  ov.hEvent = ev;
  SetLastError(0);
  ok = ConnectNamedPipe(srv, &ov);
  printf("overlapped ConnectNamedPipe: %d error %lu\n", ok, GetLastError());
  cli = CreateFileW(L"\\\\.\\pipe\\ntwasm_cancel", GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
  printf("client open: %d\n", cli != INVALID_HANDLE_VALUE);
  printf("event set at once: %d\n", WaitForSingleObject(ev, 0) == WAIT_OBJECT_0);
  printf("HasOverlappedIoCompleted: %d Internal %08lx\n", HasOverlappedIoCompleted(&ov), (unsigned long)ov.Internal);
  n = 55;
  ok = GetOverlappedResult(srv, &ov, &n, FALSE);
  printf("GetOverlappedResult: %d n %lu\n", ok, n);

  /* closing the handle of a pending overlapped read cancels it */
  ResetEvent(ev);
  memset(&ov, 0, sizeof ov);
  ov.hEvent = ev;
  SetLastError(0);
  ok = ReadFile(srv, buf, sizeof buf, NULL, &ov);
  printf("overlapped ReadFile: %d error %lu\n", ok, GetLastError());
  CloseHandle(srv);
  printf("after close: wait %lu\n", WaitForSingleObject(ev, 5000));
  printf("Internal %08lx InternalHigh %lu\n", (unsigned long)ov.Internal, (unsigned long)ov.InternalHigh);
  /* the client sees the server gone */
  SetLastError(0);
  ok = ReadFile(cli, buf, sizeof buf, &n, NULL);
  printf("client ReadFile: %d error %lu\n", ok, GetLastError());
  CloseHandle(cli);

  /* a pending overlapped ConnectNamedPipe ends when its handle closes; a duplicate keeps it pending */
  srv = CreateNamedPipeW(L"\\\\.\\pipe\\ntwasm_cancel", PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED,
                         PIPE_TYPE_BYTE | PIPE_WAIT, 1, 512, 512, 0, NULL);
  ResetEvent(ev);
  memset(&ov, 0, sizeof ov);
  ov.hEvent = ev;
  ok = ConnectNamedPipe(srv, &ov);
  printf("overlapped ConnectNamedPipe: %d error %lu\n", ok, GetLastError());
  DuplicateHandle(GetCurrentProcess(), srv, GetCurrentProcess(), &t, 0, FALSE, DUPLICATE_SAME_ACCESS);
  CloseHandle(srv);
  printf("one of two handles closed: wait %lu\n", WaitForSingleObject(ev, 200));
  CloseHandle(t);
  printf("both closed: wait %lu\n", WaitForSingleObject(ev, 5000));
  printf("Internal %08lx\n", (unsigned long)ov.Internal);
  CloseHandle(ev);
  return 0;
}
