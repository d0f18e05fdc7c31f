/* ntwasm's limits and argument checks on completion ports, which Windows leaves to nonpaged pool or to
   an access violation: a port holds at most 65,536 queued packets, so the next
   PostQueuedCompletionStatus fails with ERROR_NO_SYSTEM_RESOURCES (as NtSetIoCompletion fails when NT
   cannot allocate the packet) and so does overlapped I/O started on a file associated with that full
   port; GetQueuedCompletionStatus with an out pointer outside memory fails with ERROR_NOACCESS and takes
   nothing; GetQueuedCompletionStatusEx with ulCount 0 fails with ERROR_INVALID_PARAMETER. The values are
   ntwasm's own (docs/guests.md, "Completion ports"), not from Windows or Wine. */
#include <windows.h>
#include <stdio.h>

int main(void) {
  HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
  int posted = 0;
  while (posted < 70000 && PostQueuedCompletionStatus(port, 0, posted, NULL)) posted++;
  DWORD err = GetLastError();
  printf("posted %d packets, then error %lu\n", posted, err);

  const wchar_t *name = L"\\\\.\\pipe\\iocp_limits";
  HANDLE s = CreateNamedPipeW(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE, 1, 1024, 1024, 0, NULL);
  HANDLE c = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
  CreateIoCompletionPort(c, port, 1, 0);
  OVERLAPPED ov = {0};
  DWORD n;
  SetLastError(0);
  BOOL ok = WriteFile(c, "x", 1, &n, &ov);
  err = GetLastError();
  printf("overlapped write on a file of the full port: %d, error %lu\n", ok, err);

  ULONG_PTR key;
  LPOVERLAPPED o;
  SetLastError(0);
  ok = GetQueuedCompletionStatus(port, &n, &key, (LPOVERLAPPED *)(ULONG_PTR)0xfffffff0, 0);
  err = GetLastError();
  printf("bad lpOverlapped: %d, error %lu\n", ok, err);
  SetLastError(0);
  ok = GetQueuedCompletionStatus(port, NULL, &key, &o, 0);
  err = GetLastError();
  printf("NULL lpNumberOfBytesTransferred: %d, error %lu\n", ok, err);
  ok = GetQueuedCompletionStatus(port, &n, &key, &o, 0);
  printf("the first packet is still there: %d, key %lu\n", ok, (unsigned long)key);

  OVERLAPPED_ENTRY e[2];
  ULONG got;
  SetLastError(0);
  ok = GetQueuedCompletionStatusEx(port, e, 0, &got, 0, FALSE);
  err = GetLastError();
  printf("GetQueuedCompletionStatusEx for 0 entries: %d, error %lu\n", ok, err);
  ok = GetQueuedCompletionStatusEx(port, e, 2, &got, 0, FALSE);
  printf("for 2: %d, %lu, keys %lu %lu\n", ok, got, (unsigned long)e[0].lpCompletionKey, (unsigned long)e[1].lpCompletionKey);
  ok = WriteFile(c, "x", 1, &n, &ov);
  printf("with room again, the write: %d\n", ok);
  CloseHandle(c);
  CloseHandle(s);
  CloseHandle(port);
  return 0;
}
