/* NtCreateNamedPipeFile as a Windows program calls it (found with GetProcAddress, <winternl.h> for the
   structures): names, dispositions and parameter checks, the instance limit, the pipe's local
   information, RootDirectory, and kernel32 clients of the pipes it makes.
   Expected output: mingw-w64 + Wine 8.0 where Wine 8.0 follows Windows. Where it does not, as Windows is
   recorded elsewhere: the IO_STATUS_BLOCK (FILE_CREATED / FILE_OPENED; Wine 8.0 leaves it alone), the
   checks of CreateDisposition, ShareAccess, DesiredAccess, CreateOptions and an existing name (Wine 8.0
   accepts them), and the names of the file system itself, follow dlls/ntdll/tests/pipe.c
   (test_create_invalid, test_pipe_names, test_empty_name, test_pipe_local_info) and NT's IoCreateFile
   checks (FILE_VALID_PIPE_OPTION_FLAGS, FILE_SYNCHRONOUS_IO_* needs SYNCHRONIZE); DefaultTimeout may be
   NULL (it is optional in the DDK's prototype; Wine 8.0 faults). */
#include <windows.h>
#include <winternl.h>
#include <stdio.h>

typedef struct {
  ULONG NamedPipeType, NamedPipeConfiguration, MaximumInstances, CurrentInstances, InboundQuota, ReadDataAvailable,
    OutboundQuota, WriteQuotaAvailable, NamedPipeState, NamedPipeEnd;
} MY_PIPE_LOCAL_INFORMATION;
#define MyFilePipeLocalInformation 24

#ifndef FILE_CREATE
#define FILE_OPEN 1
#define FILE_CREATE 2
#define FILE_OPEN_IF 3
#endif
#define SYNC_NONALERT 0x20 /* FILE_SYNCHRONOUS_IO_NONALERT */

static NTSTATUS (NTAPI *pNtCreateNamedPipeFile)(PHANDLE, ULONG, POBJECT_ATTRIBUTES, PIO_STATUS_BLOCK, ULONG, ULONG, ULONG,
  ULONG, ULONG, ULONG, ULONG, ULONG, ULONG, PLARGE_INTEGER);
static NTSTATUS (NTAPI *pNtQueryInformationFile)(HANDLE, PIO_STATUS_BLOCK, PVOID, ULONG, int);
static VOID (NTAPI *pRtlInitUnicodeString)(PUNICODE_STRING, PCWSTR);

static const ULONG RW = FILE_SHARE_READ | FILE_SHARE_WRITE;
static const ULONG ACCESS = GENERIC_READ | GENERIC_WRITE | SYNCHRONIZE;
static IO_STATUS_BLOCK io;

/* A server instance of `name` (relative to `root` when it is not NULL), 1024 bytes in, 2048 out, 100 ms default wait. */
static NTSTATUS create(HANDLE *h, ULONG access, const WCHAR *name, HANDLE root, ULONG share, ULONG disposition, ULONG options,
  ULONG type, ULONG readMode, ULONG maxInstances) {
  UNICODE_STRING s;
  OBJECT_ATTRIBUTES attr;
  LARGE_INTEGER timeout;
  timeout.QuadPart = -1000000;
  pRtlInitUnicodeString(&s, name);
  InitializeObjectAttributes(&attr, &s, OBJ_CASE_INSENSITIVE, root, NULL);
  memset(&io, 0x55, sizeof io);
  return pNtCreateNamedPipeFile(h, access, &attr, &io, share, disposition, options, type, readMode, 0, maxInstances, 1024, 2048,
    &timeout);
}

static void show(const char *what, NTSTATUS st) {
  if (io.Status == (NTSTATUS)0x55555555) printf("%-44s %08lx, io untouched\n", what, (unsigned long)st);
  else printf("%-44s %08lx, io %08lx %lu\n", what, (unsigned long)st, (unsigned long)io.Status, (unsigned long)io.Information);
}

/* Creates a pipe that must fail and says how; closes it if it did not fail. */
static void expect_fail(const char *what, ULONG access, const WCHAR *name, ULONG share, ULONG disposition, ULONG options,
  ULONG type, ULONG readMode) {
  HANDLE h;
  NTSTATUS st = create(&h, access, name, NULL, share, disposition, options, type, readMode, 1);
  show(what, st);
  if (NT_SUCCESS(st)) CloseHandle(h);
}

static void show_local(const char *who, HANDLE h) {
  MY_PIPE_LOCAL_INFORMATION li;
  NTSTATUS st;
  memset(&li, 0xcc, sizeof li);
  memset(&io, 0x55, sizeof io);
  st = pNtQueryInformationFile(h, &io, &li, sizeof li, MyFilePipeLocalInformation);
  if (st) { show(who, st); return; }
  printf("%s: %08lx, %lu bytes: type %lu, configuration %lu, max %lu, current %lu, in %lu, out %lu, available %lu, state %lu, end %lu\n",
    who, (unsigned long)st, (unsigned long)io.Information, li.NamedPipeType, li.NamedPipeConfiguration, li.MaximumInstances,
    li.CurrentInstances, li.InboundQuota, li.OutboundQuota, li.ReadDataAvailable, li.NamedPipeState, li.NamedPipeEnd);
}

static HANDLE client(const WCHAR *path) {
  HANDLE c = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
  if (c == INVALID_HANDLE_VALUE) printf("CreateFileW(%ls) failed: %lu\n", path, GetLastError());
  return c;
}

int main(void) {
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  HANDLE a, b, h, c, dev;
  NTSTATUS st;
  DWORD n, flags;
  char data[8] = {0};
  pNtCreateNamedPipeFile = (void *)GetProcAddress(ntdll, "NtCreateNamedPipeFile");
  pNtQueryInformationFile = (void *)GetProcAddress(ntdll, "NtQueryInformationFile");
  pRtlInitUnicodeString = (void *)GetProcAddress(ntdll, "RtlInitUnicodeString");

  printf("-- dispositions\n");
  st = create(&a, ACCESS, L"\\??\\pipe\\nt_pipe_create", NULL, RW, FILE_CREATE, SYNC_NONALERT, 0, 0, 2);
  show("FILE_CREATE, a new name", st);
  st = create(&h, ACCESS, L"\\??\\pipe\\nt_pipe_create", NULL, RW, FILE_CREATE, SYNC_NONALERT, 0, 0, 2);
  show("FILE_CREATE, the name exists", st);
  st = create(&b, ACCESS, L"\\Device\\NamedPipe\\NT_PIPE_CREATE", NULL, RW, FILE_OPEN_IF, SYNC_NONALERT, 0, 0, 2);
  show("FILE_OPEN_IF, \\Device\\NamedPipe\\, upper case", st);
  st = create(&h, ACCESS, L"\\??\\pipe\\nt_pipe_create", NULL, RW, FILE_OPEN, SYNC_NONALERT, 0, 0, 2);
  show("FILE_OPEN past MaximumInstances", st);
  st = create(&h, ACCESS, L"\\??\\pipe\\nt_pipe_create_none", NULL, RW, FILE_OPEN, SYNC_NONALERT, 0, 0, 2);
  show("FILE_OPEN, no such pipe", st);
  st = create(&h, ACCESS, L"\\??\\pipe\\nt_pipe_create_b", NULL, RW, FILE_OPEN_IF, 0, 1, 1, 3);
  show("FILE_OPEN_IF, a new message pipe", st);
  {
    HANDLE h2;
    st = create(&h2, ACCESS, L"\\??\\pipe\\nt_pipe_create_b", NULL, FILE_SHARE_READ, FILE_OPEN_IF, 0, 1, 1, 3);
    show("another ShareAccess than the pipe's", st);
    st = create(&h2, ACCESS, L"\\??\\pipe\\nt_pipe_create_b", NULL, RW, FILE_OPEN, 0, 1, 1, 3);
    show("FILE_OPEN, a second instance", st);
    if (NT_SUCCESS(st)) CloseHandle(h2);
  }
  CloseHandle(h);

  printf("-- parameter checks\n");
  expect_fail("FILE_SUPERSEDE", ACCESS, L"\\??\\pipe\\nt_pipe_create_x", RW, 0, 0, 0, 0);
  expect_fail("FILE_OVERWRITE", ACCESS, L"\\??\\pipe\\nt_pipe_create_x", RW, 4, 0, 0, 0);
  expect_fail("FILE_OVERWRITE_IF", ACCESS, L"\\??\\pipe\\nt_pipe_create_x", RW, 5, 0, 0, 0);
  expect_fail("ShareAccess 0", ACCESS, L"\\??\\pipe\\nt_pipe_create_x", 0, FILE_CREATE, 0, 0, 0);
  expect_fail("ShareAccess with FILE_SHARE_DELETE", ACCESS, L"\\??\\pipe\\nt_pipe_create_x", RW | FILE_SHARE_DELETE, FILE_CREATE, 0, 0, 0);
  expect_fail("message read mode on a byte pipe", ACCESS, L"\\??\\pipe\\nt_pipe_create_x", RW, FILE_CREATE, 0, 0, 1);
  expect_fail("CreateOptions FILE_DIRECTORY_FILE", ACCESS, L"\\??\\pipe\\nt_pipe_create_x", RW, FILE_CREATE, 1, 0, 0);
  expect_fail("synchronous I/O without SYNCHRONIZE", GENERIC_READ, L"\\??\\pipe\\nt_pipe_create_x", RW, FILE_CREATE, SYNC_NONALERT, 0, 0);
  expect_fail("DesiredAccess 0", 0, L"\\??\\pipe\\nt_pipe_create_x", RW, FILE_CREATE, 0, 0, 0);
  {
    LARGE_INTEGER timeout;
    timeout.QuadPart = -1000000;
    memset(&io, 0x55, sizeof io);
    st = pNtCreateNamedPipeFile(&h, ACCESS, NULL, &io, RW, FILE_CREATE, 0, 0, 0, 0, 1, 0, 0, &timeout);
    show("no OBJECT_ATTRIBUTES", st);
  }

  printf("-- names\n");
  expect_fail("\\Device\\NamedPipe", ACCESS, L"\\Device\\NamedPipe", RW, FILE_CREATE, 0, 0, 0);
  expect_fail("\\Device\\NamedPipe\\", ACCESS, L"\\Device\\NamedPipe\\", RW, FILE_CREATE, 0, 0, 0);
  expect_fail("a relative name without RootDirectory", ACCESS, L"nt_pipe_create_x", RW, FILE_CREATE, 0, 0, 0);
  expect_fail("\\BaseNamedObjects\\nt_pipe_create_x", ACCESS, L"\\BaseNamedObjects\\nt_pipe_create_x", RW, FILE_CREATE, 0, 0, 0);
  expect_fail("\\nowhere\\nt_pipe_create_x", ACCESS, L"\\nowhere\\nt_pipe_create_x", RW, FILE_CREATE, 0, 0, 0);
  st = create(&h, ACCESS, L"\\??\\pipe\\nt_pipe_create\\a\\b", NULL, RW, FILE_CREATE, 0, 0, 0, 1);
  show("a name with backslashes", st);
  c = client(L"\\\\.\\pipe\\nt_pipe_create\\a\\b");
  printf("its client connects: %s\n", c != INVALID_HANDLE_VALUE ? "yes" : "no");
  CloseHandle(c);
  CloseHandle(h);

  printf("-- local information and a kernel32 client\n");
  show_local("server", a);
  c = client(L"\\\\.\\pipe\\nt_pipe_create");
  WriteFile(c, "hello", 5, &n, NULL);
  show_local("server", a);
  show_local("client", c);
  ReadFile(a, data, sizeof data - 1, &n, NULL);
  printf("the server reads %lu bytes: %s\n", n, data);
  WriteFile(a, "hi", 2, &n, NULL);
  memset(data, 0, sizeof data);
  ReadFile(c, data, sizeof data - 1, &n, NULL);
  printf("the client reads %lu bytes: %s\n", n, data);
  CloseHandle(c);
  CloseHandle(b);
  show_local("the first instance, after the second closed", a);
  CloseHandle(a);

  printf("-- access\n");
  st = create(&h, SYNCHRONIZE, L"\\??\\pipe\\nt_pipe_create_s", NULL, RW, FILE_CREATE, SYNC_NONALERT, 0, 0, 1);
  show("DesiredAccess SYNCHRONIZE only", st);
  show_local("without FILE_READ_ATTRIBUTES", h);
  {
    BOOL ok = ReadFile(h, data, 1, &n, NULL);
    printf("ReadFile without FILE_READ_DATA: %d, error %lu\n", ok, GetLastError());
  }
  CloseHandle(h);

  printf("-- more\n");
  st = create(&h, ACCESS, L"\\??\\pipe\\nt_pipe_create_u", NULL, FILE_SHARE_READ, FILE_CREATE, 0, 0, 0, 0xffffffff);
  show("MaximumInstances ~0, outbound", st);
  show_local("unlimited", h);
  CloseHandle(h);
  {
    UNICODE_STRING s;
    OBJECT_ATTRIBUTES attr;
    pRtlInitUnicodeString(&s, L"\\??\\pipe\\nt_pipe_create_i");
    InitializeObjectAttributes(&attr, &s, OBJ_CASE_INSENSITIVE | OBJ_INHERIT, NULL, NULL);
    st = pNtCreateNamedPipeFile(&h, ACCESS, &attr, &io, RW, FILE_CREATE, 0, 0, 0, 0, 1, 0, 0, NULL);
    printf("OBJ_INHERIT, no DefaultTimeout: %08lx, ", (unsigned long)st);
    GetHandleInformation(h, &flags);
    printf("HANDLE_FLAG_INHERIT %lu\n", flags & HANDLE_FLAG_INHERIT);
    CloseHandle(h);
  }
  st = create(&h, ACCESS, L"\\??\\pipe\\nt_pipe_create_w", NULL, RW, FILE_CREATE, 0, 0, 0, 1);
  c = client(L"\\\\.\\pipe\\nt_pipe_create_w");
  {
    BOOL ok = WaitNamedPipeW(L"\\\\.\\pipe\\nt_pipe_create_w", NMPWAIT_USE_DEFAULT_WAIT);
    printf("WaitNamedPipe with the pipe's 100 ms default while its only instance is busy: %d, error %lu\n", ok, GetLastError());
  }
  CloseHandle(c);
  CloseHandle(h);

  printf("-- RootDirectory: the named-pipe file system, \\\\.\\pipe\\\n");
  dev = CreateFileW(L"\\\\.\\pipe\\", 0, RW, NULL, OPEN_EXISTING, 0, NULL);
  printf("CreateFileW(\\\\.\\pipe\\): %s\n", dev != INVALID_HANDLE_VALUE ? "a handle" : "failed");
  st = create(&h, ACCESS, L"nt_pipe_create_rel", dev, RW, FILE_CREATE, 0, 0, 0, 1);
  show("a name relative to it", st);
  c = client(L"\\\\.\\pipe\\nt_pipe_create_rel");
  printf("its client connects: %s\n", c != INVALID_HANDLE_VALUE ? "yes" : "no");
  CloseHandle(c);
  CloseHandle(h);
  st = create(&h, ACCESS, L"\\nt_pipe_create_rel", dev, RW, FILE_CREATE, 0, 0, 0, 1);
  show("an absolute name relative to it", st);
  CloseHandle(dev);
  return 0;
}
