/* I/O completion ports, the basics: a new port, PostQueuedCompletionStatus and GetQueuedCompletionStatus
   (FIFO packets, timeouts that leave *lpOverlapped NULL), waiting on the port's handle (signaled while
   packets are queued, the wait takes none), GetQueuedCompletionStatusEx batches and its alertable wait,
   the errors of bad handles and bad CreateIoCompletionPort arguments, and a port that lives while a
   duplicate of its handle does. Expected output confirmed with mingw-w64 + Wine 8.0. */
#include <windows.h>
#include <stdio.h>

static int apcs;
static void CALLBACK apc(ULONG_PTR arg) { apcs += (int)arg; }

static DWORD err;
/* Runs a call, keeping its result in r and the last-error it left in err. */
#define CALL(x) (SetLastError(0), r = (LONG_PTR)(x), err = GetLastError())
static LONG_PTR r;

static void get(HANDLE port, DWORD ms) {
  DWORD n = 77;
  ULONG_PTR key = 88;
  LPOVERLAPPED ov = (LPOVERLAPPED)1;
  BOOL ok;
  CALL(ok = GetQueuedCompletionStatus(port, &n, &key, &ov, ms));
  printf("  get: %d, bytes %lu, key %lu, overlapped %lu, error %lu\n", ok, n, (unsigned long)key, (unsigned long)(ULONG_PTR)ov, err);
}

int main(void) {
  HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
  printf("new port: %s\n", port ? "yes" : "no");

  printf("-- empty port\n");
  get(port, 0);
  DWORD start = GetTickCount();
  get(port, 100);
  printf("  waited at least 90 ms: %s\n", GetTickCount() - start >= 90 ? "yes" : "no");
  printf("  WaitForSingleObject: %lu\n", WaitForSingleObject(port, 0));

  printf("-- three packets, taken in order\n");
  for (int i = 1; i <= 3; i++) printf("  post %d: %d\n", i, PostQueuedCompletionStatus(port, i * 10, i, (LPOVERLAPPED)(ULONG_PTR)(i * 100)));
  printf("  WaitForSingleObject: %lu (twice: %lu)\n", WaitForSingleObject(port, 0), WaitForSingleObject(port, 0));
  for (int i = 0; i < 3; i++) get(port, INFINITE);
  printf("  WaitForSingleObject: %lu\n", WaitForSingleObject(port, 0));

  printf("-- GetQueuedCompletionStatusEx\n");
  OVERLAPPED_ENTRY e[4];
  ULONG got = 0;
  for (int i = 1; i <= 3; i++) PostQueuedCompletionStatus(port, i, 10 + i, (LPOVERLAPPED)(ULONG_PTR)(20 + i));
  BOOL ok = GetQueuedCompletionStatusEx(port, e, 2, &got, 0, FALSE);
  printf("  two of three: %d, %lu:", ok, got);
  for (ULONG i = 0; i < got; i++)
    printf(" {key %lu, overlapped %lu, status %lu, bytes %lu}", (unsigned long)e[i].lpCompletionKey,
           (unsigned long)(ULONG_PTR)e[i].lpOverlapped, (unsigned long)e[i].Internal, e[i].dwNumberOfBytesTransferred);
  printf("\n");
  ok = GetQueuedCompletionStatusEx(port, e, 4, &got, INFINITE, FALSE);
  printf("  the rest: %d, %lu: key %lu\n", ok, got, (unsigned long)e[0].lpCompletionKey);
  CALL(ok = GetQueuedCompletionStatusEx(port, e, 4, &got, 0, FALSE));
  printf("  empty: %d, error %lu\n", ok, err);
  start = GetTickCount();
  CALL(ok = GetQueuedCompletionStatusEx(port, e, 4, &got, 50, TRUE));
  printf("  empty, alertable, 50 ms: %d, error %lu, waited at least 40 ms: %s\n", ok, err,
         GetTickCount() - start >= 40 ? "yes" : "no");
  QueueUserAPC(apc, GetCurrentThread(), 5);
  CALL(ok = GetQueuedCompletionStatusEx(port, e, 4, &got, INFINITE, TRUE));
  printf("  APC queued: %d, error %lu, APCs ran: %d\n", ok, err, apcs);

  printf("-- errors\n");
  HANDLE ev = CreateEventW(NULL, FALSE, FALSE, NULL);
  DWORD n; ULONG_PTR key; LPOVERLAPPED ov;
  CALL(GetQueuedCompletionStatus(ev, &n, &key, &ov, 0));
  printf("  get on an event: %d, error %lu\n", (int)r, err);
  CALL(PostQueuedCompletionStatus(ev, 1, 2, NULL));
  printf("  post to an event: %d, error %lu\n", (int)r, err);
  CALL(GetQueuedCompletionStatus((HANDLE)(ULONG_PTR)0x1234, &n, &key, &ov, 0));
  printf("  get on a bad handle: %d, error %lu\n", (int)r, err);
  CALL(CreateIoCompletionPort(INVALID_HANDLE_VALUE, port, 1, 0));
  printf("  new port with an existing one: %s, error %lu\n", r ? "made" : "NULL", err);
  CALL(CreateIoCompletionPort(NULL, port, 1, 0));
  printf("  associate NULL: %s, error %lu\n", r ? "yes" : "NULL", err);
  CALL(CreateIoCompletionPort(ev, port, 1, 0));
  printf("  associate an event: %s, error %lu\n", r ? "yes" : "NULL", err);
  HANDLE rd, wr;
  CreatePipe(&rd, &wr, NULL, 0);
  CALL(CreateIoCompletionPort(rd, port, 1, 0));
  printf("  associate CreatePipe's read end (synchronous): %s, error %lu\n", r ? "yes" : "NULL", err);

  printf("-- a duplicate keeps the port\n");
  HANDLE dup;
  DuplicateHandle(GetCurrentProcess(), port, GetCurrentProcess(), &dup, 0, FALSE, DUPLICATE_SAME_ACCESS);
  PostQueuedCompletionStatus(port, 1, 42, NULL);
  CloseHandle(port);
  get(dup, 0);
  CloseHandle(dup);
  CALL(PostQueuedCompletionStatus(dup, 1, 2, NULL));
  printf("  post after the last close: %d, error %lu\n", (int)r, err);
  get(dup, 0);
  CloseHandle(ev); CloseHandle(rd); CloseHandle(wr);
  return 0;
}
