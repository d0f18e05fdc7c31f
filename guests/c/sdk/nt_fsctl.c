/* NtFsControlFile's named-pipe requests as a Windows program makes them (found with GetProcAddress):
   FSCTL_PIPE_LISTEN on an overlapped server (STATUS_PENDING, then the IO_STATUS_BLOCK, the event and the
   APC), FSCTL_PIPE_PEEK, FSCTL_PIPE_TRANSCEIVE overlapped and synchronous, FSCTL_PIPE_DISCONNECT,
   FSCTL_PIPE_WAIT on the named-pipe file system (\\.\pipe\), connection attributes, and the errors.
   Expected output: mingw-w64 + Wine 8.0, except where Wine 8.0 is known to differ from Windows, which
   follows dlls/ntdll/tests/pipe.c (test_overlapped, test_peek, test_transceive, test_pipe_state,
   subtest_empty_name_pipe_operations: the file system's answers to LISTEN, DISCONNECT and PEEK) and
   MS-FSCC 2.3.46 (FILE_PIPE_PEEK_BUFFER.NumberOfMessages counts the messages of a message pipe; Wine
   reports 0). */
#include <windows.h>
#include <winternl.h>
#include <stdio.h>

#define MY_FSCTL_PIPE_ASSIGN_EVENT 0x00110000
#define MY_FSCTL_PIPE_DISCONNECT 0x00110004
#define MY_FSCTL_PIPE_LISTEN 0x00110008
#define MY_FSCTL_PIPE_PEEK 0x0011400c
#define MY_FSCTL_PIPE_TRANSCEIVE 0x0011c017
#define MY_FSCTL_PIPE_WAIT 0x00110018
#define MY_FSCTL_PIPE_GET_CONNECTION_ATTRIBUTE 0x00110030

typedef struct { ULONG NamedPipeState, ReadDataAvailable, NumberOfMessages, MessageLength; char Data[64]; } MY_PEEK;
typedef struct { LARGE_INTEGER Timeout; ULONG NameLength; BOOLEAN TimeoutSpecified; WCHAR Name[32]; } MY_WAIT;

static NTSTATUS (NTAPI *pNtCreateNamedPipeFile)(PHANDLE, ULONG, POBJECT_ATTRIBUTES, PIO_STATUS_BLOCK, ULONG, ULONG, ULONG,
  ULONG, ULONG, ULONG, ULONG, ULONG, ULONG, PLARGE_INTEGER);
static NTSTATUS (NTAPI *pNtFsControlFile)(HANDLE, HANDLE, PIO_APC_ROUTINE, PVOID, PIO_STATUS_BLOCK, ULONG, PVOID, ULONG, PVOID, ULONG);
static VOID (NTAPI *pRtlInitUnicodeString)(PUNICODE_STRING, PCWSTR);

static IO_STATUS_BLOCK io;
static int apcs;

static void NTAPI on_done(PVOID context, PIO_STATUS_BLOCK iosb, ULONG reserved) {
  apcs++;
  printf("  APC: context %s, its IO_STATUS_BLOCK %s, status %08lx, reserved %lu\n", context == &apcs ? "ok" : "wrong",
    iosb == &io ? "ok" : "wrong", (unsigned long)iosb->Status, reserved);
}

/* A message-type server instance of \??\pipe\name, created overlapped (options 0) or for synchronous I/O. */
static HANDLE server(const WCHAR *name, ULONG options) {
  WCHAR path[64];
  UNICODE_STRING s;
  OBJECT_ATTRIBUTES attr;
  LARGE_INTEGER timeout;
  HANDLE h = NULL;
  IO_STATUS_BLOCK cio;
  NTSTATUS st;
  timeout.QuadPart = -500000;
  swprintf(path, 64, L"\\??\\pipe\\%ls", name);
  pRtlInitUnicodeString(&s, path);
  InitializeObjectAttributes(&attr, &s, OBJ_CASE_INSENSITIVE, NULL, NULL);
  st = pNtCreateNamedPipeFile(&h, GENERIC_READ | GENERIC_WRITE | SYNCHRONIZE, &attr, &cio, FILE_SHARE_READ | FILE_SHARE_WRITE,
    2 /* FILE_CREATE */, options, 1, 1, 0, 2, 4096, 4096, &timeout);
  if (st) printf("NtCreateNamedPipeFile(%ls): %08lx\n", name, (unsigned long)st);
  return h;
}

static HANDLE client(const WCHAR *name, DWORD flags) {
  WCHAR path[64];
  HANDLE c;
  DWORD mode = PIPE_READMODE_MESSAGE;
  swprintf(path, 64, L"\\\\.\\pipe\\%ls", name);
  c = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, flags, NULL);
  if (c == INVALID_HANDLE_VALUE) printf("CreateFileW(%ls): %lu\n", path, GetLastError());
  SetNamedPipeHandleState(c, &mode, NULL, NULL);
  return c;
}

static NTSTATUS fsctl(HANDLE h, HANDLE ev, ULONG code, void *in, ULONG inLen, void *out, ULONG outLen) {
  memset(&io, 0x55, sizeof io);
  return pNtFsControlFile(h, ev, NULL, NULL, &io, code, in, inLen, out, outLen);
}

static void show(const char *what, NTSTATUS st) {
  if (io.Status == (NTSTATUS)0x55555555) printf("%-48s %08lx, io untouched\n", what, (unsigned long)st);
  else printf("%-48s %08lx, io %08lx %lu\n", what, (unsigned long)st, (unsigned long)io.Status, (unsigned long)io.Information);
}

static const char *signaled(HANDLE h) { return WaitForSingleObject(h, 0) == WAIT_OBJECT_0 ? "signaled" : "not signaled"; }

static void peek(const char *what, HANDLE h, ULONG len) {
  MY_PEEK pb;
  NTSTATUS st;
  memset(&pb, 0, sizeof pb);
  st = fsctl(h, NULL, MY_FSCTL_PIPE_PEEK, NULL, 0, &pb, len);
  show(what, st);
  if (NT_SUCCESS(st)) {
    int data = (int)io.Information - 16;
    printf("  state %lu, available %lu, messages %lu, first message %lu, data \"%.*s\"\n", pb.NamedPipeState, pb.ReadDataAvailable,
      pb.NumberOfMessages, pb.MessageLength, data > 0 ? data : 0, pb.Data);
  }
}

/* The other end of a synchronous transceive: reads the request, answers with a longer reply. */
static DWORD WINAPI answer(void *param) {
  HANDLE c = param;
  char req[16] = {0};
  DWORD n;
  ReadFile(c, req, sizeof req - 1, &n, NULL);
  printf("  the client read the request \"%s\"\n", req);
  WriteFile(c, "a long reply", 12, &n, NULL);
  return 0;
}

/* Makes the only instance of a busy pipe listen again (overlapped: pending) once the main thread waits for it. */
static IO_STATUS_BLOCK tio;
static HANDLE tev, go, listening;
static DWORD WINAPI relisten(void *param) {
  HANDLE s = param;
  Sleep(50);
  DisconnectNamedPipe(s);
  memset(&tio, 0x55, sizeof tio);
  printf("  the thread listens: %08lx\n", (unsigned long)pNtFsControlFile(s, tev, NULL, NULL, &tio, MY_FSCTL_PIPE_LISTEN, NULL, 0, NULL, 0));
  SetEvent(listening);
  WaitForSingleObject(go, INFINITE); /* a thread's pending I/O is cancelled when it ends */
  return 0;
}

int main(void) {
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  HANDLE s, c, ev, dev, t, ev2, f;
  NTSTATUS st;
  DWORD n;
  char buf[32];
  pNtCreateNamedPipeFile = (void *)GetProcAddress(ntdll, "NtCreateNamedPipeFile");
  pNtFsControlFile = (void *)GetProcAddress(ntdll, "NtFsControlFile");
  pRtlInitUnicodeString = (void *)GetProcAddress(ntdll, "RtlInitUnicodeString");
  ev = CreateEventW(NULL, TRUE, FALSE, NULL);

  printf("-- FSCTL_PIPE_LISTEN\n");
  s = server(L"nt_fsctl", 0);
  memset(&io, 0x55, sizeof io);
  st = pNtFsControlFile(s, ev, on_done, &apcs, &io, MY_FSCTL_PIPE_LISTEN, NULL, 0, NULL, 0);
  show("an overlapped server, with an event and an APC", st);
  printf("event %s\n", signaled(ev));
  c = client(L"nt_fsctl", 0);
  show("a client connected", 0);
  printf("event %s, APCs run %d\n", signaled(ev), apcs);
  printf("SleepEx(0, TRUE): %08lx\n", (unsigned long)SleepEx(0, TRUE));
  printf("APCs run %d\n", apcs);
  SetEvent(ev);
  st = fsctl(s, ev, MY_FSCTL_PIPE_LISTEN, NULL, 0, NULL, 0);
  show("again, connected", st);
  printf("event %s (reset by the call)\n", signaled(ev));
  show("on a client", fsctl(c, NULL, MY_FSCTL_PIPE_LISTEN, NULL, 0, NULL, 0));

  printf("-- FSCTL_PIPE_PEEK\n");
  peek("nothing to read", s, sizeof(MY_PEEK));
  WriteFile(c, "hello", 5, &n, NULL);
  WriteFile(c, "world!", 6, &n, NULL);
  peek("two messages", s, sizeof(MY_PEEK));
  peek("room for 2 bytes of data", s, 18);
  peek("room for the header only", s, 16);
  peek("less than the header", s, 15);
  ResetEvent(ev);
  show("with an event", fsctl(s, ev, MY_FSCTL_PIPE_PEEK, NULL, 0, buf, sizeof buf));
  printf("event %s\n", signaled(ev));
  show("on the client (nothing for it)", fsctl(c, NULL, MY_FSCTL_PIPE_PEEK, NULL, 0, buf, sizeof buf));

  printf("-- FSCTL_PIPE_TRANSCEIVE\n");
  show("with unread data", fsctl(s, ev, MY_FSCTL_PIPE_TRANSCEIVE, "ping", 4, buf, sizeof buf));
  ReadFile(s, buf, sizeof buf, &n, NULL);
  ReadFile(s, buf, sizeof buf, &n, NULL);
  memset(buf, 0, sizeof buf);
  st = fsctl(s, ev, MY_FSCTL_PIPE_TRANSCEIVE, "ping", 4, buf, sizeof buf);
  show("overlapped", st);
  printf("event %s\n", signaled(ev));
  {
    char req[8] = {0};
    ReadFile(c, req, sizeof req - 1, &n, NULL);
    printf("the client reads the request \"%s\" and answers\n", req);
    WriteFile(c, "pong!", 5, &n, NULL);
  }
  WaitForSingleObject(ev, 5000);
  show("completed", 0);
  printf("event %s, reply \"%s\"\n", signaled(ev), buf);
  {
    HANDLE s2 = server(L"nt_fsctl_sync", 0x20 /* FILE_SYNCHRONOUS_IO_NONALERT */);
    HANDLE c2 = client(L"nt_fsctl_sync", 0);
    t = CreateThread(NULL, 0, answer, c2, 0, NULL);
    memset(buf, 0, sizeof buf);
    st = fsctl(s2, NULL, MY_FSCTL_PIPE_TRANSCEIVE, "sync", 4, buf, 7);
    show("synchronous, a reply longer than the buffer", st);
    printf("reply \"%s\"\n", buf);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    {
      DWORD mode = PIPE_READMODE_BYTE;
      SetNamedPipeHandleState(c2, &mode, NULL, NULL);
      show("in byte read mode", fsctl(c2, NULL, MY_FSCTL_PIPE_TRANSCEIVE, "x", 1, buf, sizeof buf));
    }
    CloseHandle(c2);
    CloseHandle(s2);
  }

  printf("-- connection attributes\n");
  {
    ULONG pid = 0;
    st = fsctl(s, NULL, MY_FSCTL_PIPE_GET_CONNECTION_ATTRIBUTE, "ClientProcessId", 16, &pid, sizeof pid);
    show("ClientProcessId", st);
    printf("  this process: %s\n", pid == GetCurrentProcessId() ? "yes" : "no");
    show("an unknown attribute", fsctl(s, NULL, MY_FSCTL_PIPE_GET_CONNECTION_ATTRIBUTE, "Foo", 4, &pid, sizeof pid));
    show("a 2-byte buffer", fsctl(s, NULL, MY_FSCTL_PIPE_GET_CONNECTION_ATTRIBUTE, "ServerProcessId", 16, &pid, 2));
  }

  printf("-- FSCTL_PIPE_DISCONNECT\n");
  show("the server", fsctl(s, NULL, MY_FSCTL_PIPE_DISCONNECT, NULL, 0, NULL, 0));
  {
    BOOL ok = ReadFile(c, buf, sizeof buf, &n, NULL);
    printf("the client's ReadFile: %d, error %lu\n", ok, GetLastError());
  }
  show("again", fsctl(s, NULL, MY_FSCTL_PIPE_DISCONNECT, NULL, 0, NULL, 0));
  peek("peek, disconnected server", s, sizeof(MY_PEEK));
  peek("peek, disconnected client", c, sizeof(MY_PEEK));
  show("transceive, disconnected server", fsctl(s, NULL, MY_FSCTL_PIPE_TRANSCEIVE, "x", 1, buf, sizeof buf));
  show("transceive, disconnected client", fsctl(c, NULL, MY_FSCTL_PIPE_TRANSCEIVE, "x", 1, buf, sizeof buf));
  CloseHandle(c);
  st = fsctl(s, ev, MY_FSCTL_PIPE_LISTEN, NULL, 0, NULL, 0);
  show("listen again", st);
  peek("peek, listening", s, sizeof(MY_PEEK));
  c = client(L"nt_fsctl", 0);
  WaitForSingleObject(ev, 5000);
  show("a new client connected", 0);

  printf("-- FSCTL_PIPE_WAIT on \\\\.\\pipe\\\n");
  dev = CreateFileW(L"\\\\.\\pipe\\", 0, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
  {
    MY_WAIT w;
    HANDLE l = server(L"nt_fsctl_listening", 0);
    ULONG len = FIELD_OFFSET(MY_WAIT, Name) + 18 * sizeof(WCHAR);
    memset(&w, 0, sizeof w);
    w.NameLength = 18 * sizeof(WCHAR);
    memcpy(w.Name, L"NT_FSCTL_LISTENING", w.NameLength);
    show("for a listening pipe", fsctl(dev, NULL, MY_FSCTL_PIPE_WAIT, &w, len, NULL, 0));
    CloseHandle(l);
    w.NameLength = 8 * sizeof(WCHAR);
    memcpy(w.Name, L"nt_fsctl", w.NameLength);
    w.TimeoutSpecified = TRUE;
    w.Timeout.QuadPart = 0;
    len = FIELD_OFFSET(MY_WAIT, Name) + w.NameLength;
    show("for a busy pipe, timeout 0", fsctl(dev, NULL, MY_FSCTL_PIPE_WAIT, &w, len, NULL, 0));
    tev = CreateEventW(NULL, TRUE, FALSE, NULL);
    go = CreateEventW(NULL, TRUE, FALSE, NULL);
    listening = CreateEventW(NULL, TRUE, FALSE, NULL);
    t = CreateThread(NULL, 0, relisten, s, 0, NULL);
    w.Timeout.QuadPart = -100000000; /* 10 s: an upper bound */
    ev2 = CreateEventW(NULL, TRUE, FALSE, NULL);
    st = fsctl(dev, ev2, MY_FSCTL_PIPE_WAIT, &w, len, NULL, 0);
    WaitForSingleObject(listening, INFINITE);
    show("until it listens again (event)", st);
    printf("event %s\n", signaled(ev2));
    CloseHandle(ev2);
    CloseHandle(c);
    c = client(L"nt_fsctl", 0);
    WaitForSingleObject(tev, 5000);
    printf("a client completes the thread's listen: %08lx\n", (unsigned long)tio.Status);
    SetEvent(go);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    CloseHandle(tev);
    CloseHandle(go);
    CloseHandle(listening);
    w.NameLength = 6 * sizeof(WCHAR);
    memcpy(w.Name, L"nopipe", w.NameLength);
    show("for no such pipe", fsctl(dev, NULL, MY_FSCTL_PIPE_WAIT, &w, FIELD_OFFSET(MY_WAIT, Name) + w.NameLength, NULL, 0));
    show("an 8-byte FILE_PIPE_WAIT_FOR_BUFFER", fsctl(dev, NULL, MY_FSCTL_PIPE_WAIT, &w, 8, NULL, 0));
  }
  show("LISTEN on the file system", fsctl(dev, NULL, MY_FSCTL_PIPE_LISTEN, NULL, 0, NULL, 0));
  show("DISCONNECT on the file system", fsctl(dev, NULL, MY_FSCTL_PIPE_DISCONNECT, NULL, 0, NULL, 0));
  show("ASSIGN_EVENT on the file system", fsctl(dev, NULL, MY_FSCTL_PIPE_ASSIGN_EVENT, NULL, 0, NULL, 0));
  show("PEEK without FILE_READ_DATA", fsctl(dev, NULL, MY_FSCTL_PIPE_PEEK, NULL, 0, buf, sizeof buf));
  CloseHandle(dev);

  printf("-- errors\n");
  show("ASSIGN_EVENT on a pipe", fsctl(s, NULL, MY_FSCTL_PIPE_ASSIGN_EVENT, NULL, 0, NULL, 0));
  show("a bad handle", fsctl((HANDLE)(ULONG_PTR)0xdeadbee0, NULL, MY_FSCTL_PIPE_PEEK, NULL, 0, buf, sizeof buf));
  show("an event handle", fsctl(ev, NULL, MY_FSCTL_PIPE_PEEK, NULL, 0, buf, sizeof buf));
  show("a bad event handle", fsctl(s, (HANDLE)(ULONG_PTR)0xdeadbee0, MY_FSCTL_PIPE_PEEK, NULL, 0, buf, sizeof buf));
  DuplicateHandle(GetCurrentProcess(), s, GetCurrentProcess(), &f, FILE_WRITE_DATA | SYNCHRONIZE, FALSE, 0);
  show("PEEK through a handle without FILE_READ_DATA", fsctl(f, NULL, MY_FSCTL_PIPE_PEEK, NULL, 0, buf, sizeof buf));
  CloseHandle(f);
  CloseHandle(c);
  CloseHandle(s);
  CloseHandle(ev);
  return 0;
}
