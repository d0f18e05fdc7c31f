/*
 * Thread-pool I/O: CreateThreadpoolIo on an overlapped named pipe; a pending ReadFile completes into the
 * callback (OVERLAPPED, error code, byte count), one that completes at once calls back too, a failed one is
 * taken back with CancelThreadpoolIo, a second CreateThreadpoolIo on the same handle fails, and
 * WaitForThreadpoolIoCallbacks. Expected output from mingw-w64 + Wine 8.0.
 */
#include <windows.h>
#include <stdio.h>

static HANDLE done;
static OVERLAPPED ov;
static char buf[64];
static volatile LONG calls;

static VOID CALLBACK io_cb(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PVOID overlapped, ULONG result, ULONG_PTR bytes, PTP_IO io) {
  (void)inst; (void)io;
  InterlockedIncrement(&calls);
  printf("callback: ctx %s, overlapped %s, result %lu, %lu bytes, \"%.*s\"\n", (const char *)ctx,
         overlapped == &ov ? "ours" : "other", result, (unsigned long)bytes, (int)bytes, buf);
  fflush(stdout);
  SetEvent(done);
}

int main(void) {
  const wchar_t *name = L"\\\\.\\pipe\\tp_io";
  done = CreateEventW(NULL, FALSE, FALSE, NULL);
  HANDLE server = CreateNamedPipeW(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE | PIPE_READMODE_BYTE, 1,
                                   4096, 4096, 0, NULL);
  HANDLE client = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
  printf("pipe %d %d\n", server != INVALID_HANDLE_VALUE, client != INVALID_HANDLE_VALUE);
  PTP_IO io = CreateThreadpoolIo(server, io_cb, "tp_io", NULL);
  printf("io %d\n", io != NULL);

  /* A pending read, completed by the client's write. */
  StartThreadpoolIo(io);
  BOOL ok = ReadFile(server, buf, 5, NULL, &ov);
  printf("read pending: %d %lu\n", ok, ok ? 0 : GetLastError());
  DWORD n;
  WriteFile(client, "hello", 5, &n, NULL);
  WaitForSingleObject(done, 10000);
  WaitForThreadpoolIoCallbacks(io, FALSE);

  /* Data already there: the read completes at once and still calls back. */
  WriteFile(client, "world", 5, &n, NULL);
  memset(&ov, 0, sizeof ov);
  StartThreadpoolIo(io);
  ok = ReadFile(server, buf, 5, NULL, &ov);
  /* The callback may run before ReadFile returns here, so print after it has run. */
  WaitForSingleObject(done, 10000);
  WaitForThreadpoolIoCallbacks(io, FALSE);
  printf("read at once: %d\n", ok);

  /* A read that fails at once: no callback, CancelThreadpoolIo takes the start back. */
  memset(&ov, 0, sizeof ov);
  StartThreadpoolIo(io);
  ok = ReadFile(server, NULL, 5, NULL, NULL);
  printf("failed read: %d %lu\n", ok, ok ? 0 : GetLastError());
  CancelThreadpoolIo(io);
  printf("no callback: %lu, calls %ld\n", WaitForSingleObject(done, 200), calls);

  /* The handle is bound to the pool's port already. */
  SetLastError(0);
  PTP_IO again = CreateThreadpoolIo(server, io_cb, "again", NULL);
  printf("second io: %d %lu\n", again != NULL, GetLastError());

  /* A pending read cancelled by closing the client: ERROR_BROKEN_PIPE. */
  memset(&ov, 0, sizeof ov);
  StartThreadpoolIo(io);
  ok = ReadFile(server, buf, 5, NULL, &ov);
  printf("read pending: %d %lu\n", ok, ok ? 0 : GetLastError());
  CloseHandle(client);
  WaitForSingleObject(done, 10000);
  WaitForThreadpoolIoCallbacks(io, FALSE);
  CloseThreadpoolIo(io);
  CloseHandle(server);
  CloseHandle(done);
  printf("calls %ld\n", calls);
  return 0;
}
