/* FILE_SKIP_SET_EVENT_ON_HANDLE: an overlapped call without an event of its own sets the file handle's
   signal when it completes, so a program may wait on the handle; with the mode set, completions leave
   the handle's signal alone (an OVERLAPPED's own event is still set). Completion is watched through the
   OVERLAPPED's Internal (HasOverlappedIoCompleted), because waiting on the handle is what is tested.
   Expected output confirmed with mingw-w64 + Wine 8.0, except for the unknown mode: ReactOS's kernel32
   (like Windows') refuses bits other than the two modes with ERROR_INVALID_PARAMETER, Wine 8.0 accepts it. */
#include <windows.h>
#include <stdio.h>

static const char *state(HANDLE h) { return WaitForSingleObject(h, 0) == WAIT_OBJECT_0 ? "signaled" : "not signaled"; }

/* The handle's state once a completion has had time to set it (an I/O worker writes Internal just
   before it sets the handle, so a poll of Internal can see the one before the other). */
static const char *settled(HANDLE h) { return WaitForSingleObject(h, 2000) == WAIT_OBJECT_0 ? "signaled" : "not signaled"; }

static void until_done(OVERLAPPED *o) {
  for (int i = 0; i < 10000 && !HasOverlappedIoCompleted(o); i++) Sleep(1);
}

int main(void) {
  const wchar_t *name = L"\\\\.\\pipe\\iocp_skip_event";
  HANDLE s = CreateNamedPipeW(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE, 1, 1024, 1024, 0, NULL);
  HANDLE c = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
  OVERLAPPED o = {0}, w = {0};
  DWORD n;
  char buf[8];
  printf("server end at first: %s\n", state(s));
  ReadFile(s, buf, sizeof buf, &n, &o);
  printf("a read pends: %s\n", state(s));
  WriteFile(c, "x", 1, &n, &w);
  until_done(&o);
  printf("it completed: %s\n", settled(s));

  printf("SetFileCompletionNotificationModes: %d\n", SetFileCompletionNotificationModes(s, FILE_SKIP_SET_EVENT_ON_HANDLE));
  memset(&o, 0, sizeof o);
  ReadFile(s, buf, sizeof buf, &n, &o);
  printf("a read pends: %s\n", state(s));
  WriteFile(c, "y", 1, &n, &w);
  until_done(&o);
  printf("it completed (status %lu, %lu byte): %s\n", (unsigned long)o.Internal, (unsigned long)o.InternalHigh, settled(s));
  HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
  memset(&o, 0, sizeof o);
  o.hEvent = ev;
  ReadFile(s, buf, sizeof buf, &n, &o);
  WriteFile(c, "z", 1, &n, &w);
  printf("with its own event: %lu, handle %s\n", WaitForSingleObject(ev, 10000), state(s));
  SetLastError(0);
  BOOL ok = SetFileCompletionNotificationModes(s, 0x80);
  DWORD err = GetLastError();
  printf("an unknown mode: %d, error %lu\n", ok, err);
  CloseHandle(c);
  CloseHandle(s);
  CloseHandle(ev);
  return 0;
}
