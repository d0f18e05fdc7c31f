/* NtQueryInformationFile / NtSetInformationFile as a Windows program calls them (found with
   GetProcAddress): FilePipeInformation (query and set), FilePipeLocalInformation in each pipe state,
   FileStandardInformation, FileModeInformation, FileAccessInformation on pipes, FilePositionInformation
   and FileStandardInformation on a disk file, and the errors (lengths, classes, handles, access).
   Expected output: mingw-w64 + Wine 8.0, except where Wine 8.0 is known to differ from Windows: a call
   that fails leaves the IO_STATUS_BLOCK alone, as NT's I/O manager does (Wine 8.0 writes the status); the
   lengths and classes are checked as NT's IopQuery/SetOperationLength tables do (a short set is
   STATUS_INFO_LENGTH_MISMATCH, a class with no set STATUS_INVALID_INFO_CLASS); a pipe's
   FileStandardInformation (Wine 8.0: STATUS_NOT_IMPLEMENTED) follows ReactOS' NPFS kernel-mode test,
   which passes on Windows (AllocationSize the two quotas, DeletePending TRUE); WriteQuotaAvailable (Wine
   8.0: 0) and the set on the current process's handle follow dlls/ntdll/tests/pipe.c
   (test_pipe_local_info, test_filepipeinfo). */
#include <windows.h>
#include <winternl.h>
#include <stdio.h>

#define MyFileStandardInformation 5
#define MyFileAccessInformation 8
#define MyFilePositionInformation 14
#define MyFileModeInformation 16
#define MyFilePipeInformation 23
#define MyFilePipeLocalInformation 24

typedef struct { ULONG ReadMode, CompletionMode; } MY_PIPE_INFORMATION;
typedef struct {
  ULONG NamedPipeType, NamedPipeConfiguration, MaximumInstances, CurrentInstances, InboundQuota, ReadDataAvailable,
    OutboundQuota, WriteQuotaAvailable, NamedPipeState, NamedPipeEnd;
} MY_PIPE_LOCAL_INFORMATION;
typedef struct { LARGE_INTEGER AllocationSize, EndOfFile; ULONG NumberOfLinks; BOOLEAN DeletePending, Directory; } MY_STANDARD;

static NTSTATUS (NTAPI *pNtCreateNamedPipeFile)(PHANDLE, ULONG, POBJECT_ATTRIBUTES, PIO_STATUS_BLOCK, ULONG, ULONG, ULONG,
  ULONG, ULONG, ULONG, ULONG, ULONG, ULONG, PLARGE_INTEGER);
static NTSTATUS (NTAPI *pNtQueryInformationFile)(HANDLE, PIO_STATUS_BLOCK, PVOID, ULONG, int);
static NTSTATUS (NTAPI *pNtSetInformationFile)(HANDLE, PIO_STATUS_BLOCK, PVOID, ULONG, int);
static VOID (NTAPI *pRtlInitUnicodeString)(PUNICODE_STRING, PCWSTR);

static IO_STATUS_BLOCK io;

static HANDLE server(const WCHAR *path, ULONG access, ULONG type, ULONG readMode) {
  UNICODE_STRING s;
  OBJECT_ATTRIBUTES attr;
  LARGE_INTEGER timeout;
  HANDLE h = NULL;
  NTSTATUS st;
  timeout.QuadPart = -500000;
  pRtlInitUnicodeString(&s, path);
  InitializeObjectAttributes(&attr, &s, OBJ_CASE_INSENSITIVE, NULL, NULL);
  st = pNtCreateNamedPipeFile(&h, access | SYNCHRONIZE, &attr, &io, FILE_SHARE_READ | FILE_SHARE_WRITE, 2 /* FILE_CREATE */,
    0x20 /* FILE_SYNCHRONOUS_IO_NONALERT */, type, readMode, 0, 1, 300, 700, &timeout);
  if (st) printf("NtCreateNamedPipeFile(%ls): %08lx\n", path, (unsigned long)st);
  return h;
}

static void show(const char *what, NTSTATUS st) {
  if (io.Status == (NTSTATUS)0x55555555) printf("%-46s %08lx, io untouched\n", what, (unsigned long)st);
  else printf("%-46s %08lx, io %08lx %lu\n", what, (unsigned long)st, (unsigned long)io.Status, (unsigned long)io.Information);
}

static NTSTATUS query(HANDLE h, void *buf, ULONG len, int cls) {
  memset(&io, 0x55, sizeof io);
  memset(buf, 0xcc, len);
  return pNtQueryInformationFile(h, &io, buf, len, cls);
}

static NTSTATUS set(HANDLE h, void *buf, ULONG len, int cls) {
  memset(&io, 0x55, sizeof io);
  return pNtSetInformationFile(h, &io, buf, len, cls);
}

static void pipe_info(const char *who, HANDLE h) {
  MY_PIPE_INFORMATION pi;
  NTSTATUS st = query(h, &pi, sizeof pi, MyFilePipeInformation);
  if (st) show(who, st);
  else printf("%-46s ReadMode %lu, CompletionMode %lu (%lu bytes)\n", who, pi.ReadMode, pi.CompletionMode, (unsigned long)io.Information);
}

static NTSTATUS set_pipe(HANDLE h, ULONG readMode, ULONG completionMode) {
  MY_PIPE_INFORMATION pi;
  pi.ReadMode = readMode;
  pi.CompletionMode = completionMode;
  return set(h, &pi, sizeof pi, MyFilePipeInformation);
}

static void local(const char *who, HANDLE h) {
  MY_PIPE_LOCAL_INFORMATION li;
  NTSTATUS st = query(h, &li, sizeof li, MyFilePipeLocalInformation);
  if (st) { show(who, st); return; }
  printf("%-46s state %lu, end %lu, current %lu, available %lu, write quota %lu\n", who, li.NamedPipeState, li.NamedPipeEnd,
    li.CurrentInstances, li.ReadDataAvailable, li.WriteQuotaAvailable);
}

static void standard(const char *who, HANDLE h, BOOL allocation) {
  MY_STANDARD si;
  NTSTATUS st = query(h, &si, sizeof si, MyFileStandardInformation);
  if (st) { show(who, st); return; }
  printf("%-46s ", who);
  if (allocation) printf("AllocationSize %lld, ", si.AllocationSize.QuadPart);
  printf("EndOfFile %lld, links %lu, DeletePending %d, Directory %d (%lu bytes)\n", si.EndOfFile.QuadPart, si.NumberOfLinks,
    si.DeletePending, si.Directory, (unsigned long)io.Information);
}

static void ulong_class(const char *who, HANDLE h, int cls) {
  ULONG v;
  NTSTATUS st = query(h, &v, sizeof v, cls);
  if (st) show(who, st);
  else printf("%-46s %08lx (%lu bytes)\n", who, v, (unsigned long)io.Information);
}

int main(void) {
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  HANDLE s, c, ro, f, o;
  DWORD n;
  char buf[64];
  LARGE_INTEGER pos;
  pNtCreateNamedPipeFile = (void *)GetProcAddress(ntdll, "NtCreateNamedPipeFile");
  pNtQueryInformationFile = (void *)GetProcAddress(ntdll, "NtQueryInformationFile");
  pNtSetInformationFile = (void *)GetProcAddress(ntdll, "NtSetInformationFile");
  pRtlInitUnicodeString = (void *)GetProcAddress(ntdll, "RtlInitUnicodeString");

  printf("-- FilePipeInformation\n");
  s = server(L"\\??\\pipe\\nt_file_info", GENERIC_READ | GENERIC_WRITE, 1, 0);
  pipe_info("a message pipe's server", s);
  c = CreateFileW(L"\\\\.\\pipe\\nt_file_info", GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
  pipe_info("its client", c);
  show("set message read mode on the client", set_pipe(c, 1, 0));
  pipe_info("the client", c);
  show("set FILE_PIPE_COMPLETE_OPERATION on the server", set_pipe(s, 0, 1));
  pipe_info("the server", s);
  {
    BOOL ok = ReadFile(s, buf, sizeof buf, &n, NULL);
    printf("ReadFile on the empty non-blocking server: %d, error %lu\n", ok, GetLastError());
  }
  show("set it back", set_pipe(s, 0, 0));
  show("ReadMode 2", set_pipe(c, 2, 0));
  show("CompletionMode 2", set_pipe(c, 0, 2));
  {
    MY_PIPE_INFORMATION pi;
    show("query, 7 bytes", query(s, &pi, 7, MyFilePipeInformation));
    show("query, 16 bytes", query(s, buf, 16, MyFilePipeInformation));
    pi.ReadMode = 0;
    pi.CompletionMode = 0;
    show("set, 4 bytes", set(s, &pi, 4, MyFilePipeInformation));
    show("query, the current process handle", query(GetCurrentProcess(), &pi, sizeof pi, MyFilePipeInformation));
    show("set, the current process handle", set(GetCurrentProcess(), &pi, sizeof pi, MyFilePipeInformation));
  }
  ro = server(L"\\??\\pipe\\nt_file_info_byte", FILE_READ_ATTRIBUTES, 0, 0);
  pipe_info("a byte pipe opened with FILE_READ_ATTRIBUTES", ro);
  show("set without FILE_WRITE_ATTRIBUTES", set_pipe(ro, 0, 0));
  CloseHandle(ro);
  ro = server(L"\\??\\pipe\\nt_file_info_byte", GENERIC_READ | GENERIC_WRITE, 0, 0);
  show("message read mode on a byte pipe", set_pipe(ro, 1, 0));
  CloseHandle(ro);

  printf("-- FilePipeLocalInformation, FileStandardInformation\n");
  WriteFile(c, "abc", 3, &n, NULL);
  local("server, connected", s);
  local("client, connected", c);
  standard("server", s, TRUE);
  standard("client", c, TRUE);
  {
    MY_PIPE_LOCAL_INFORMATION li;
    show("local, 39 bytes", query(s, &li, 39, MyFilePipeLocalInformation));
    show("local, 64 bytes", query(s, buf, 64, MyFilePipeLocalInformation));
  }
  DisconnectNamedPipe(s);
  local("server, disconnected", s);
  local("client, disconnected", c);
  pipe_info("client, disconnected", c);
  show("set on the disconnected client", set_pipe(c, 0, 0));
  CloseHandle(c);
  CloseHandle(s);
  s = server(L"\\??\\pipe\\nt_file_info", GENERIC_READ | GENERIC_WRITE, 1, 0);
  local("server, listening", s);
  c = CreateFileW(L"\\\\.\\pipe\\nt_file_info", GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
  CloseHandle(s);
  local("client, server closed", c);

  printf("-- FileModeInformation, FileAccessInformation\n");
  ulong_class("mode, an overlapped client", c, MyFileModeInformation);
  ulong_class("access, GENERIC_READ | GENERIC_WRITE", c, MyFileAccessInformation);
  CloseHandle(c);
  s = server(L"\\??\\pipe\\nt_file_info", GENERIC_READ | GENERIC_WRITE, 1, 0);
  ulong_class("mode, FILE_SYNCHRONOUS_IO_NONALERT", s, MyFileModeInformation);
  c = CreateFileW(L"\\\\.\\pipe\\nt_file_info", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
  ulong_class("mode, a synchronous client", c, MyFileModeInformation);
  ulong_class("access, GENERIC_READ", c, MyFileAccessInformation);
  CloseHandle(c);
  CloseHandle(s);

  printf("-- a disk file\n");
  f = CreateFileW(L"nt_file_info.txt", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
  WriteFile(f, "0123456789", 10, &n, NULL);
  show("position", query(f, &pos, sizeof pos, MyFilePositionInformation));
  printf("  %lld\n", pos.QuadPart);
  pos.QuadPart = 4;
  show("set position 4", set(f, &pos, sizeof pos, MyFilePositionInformation));
  memset(buf, 0, sizeof buf);
  ReadFile(f, buf, 3, &n, NULL);
  printf("ReadFile reads \"%s\"\n", buf);
  query(f, &pos, sizeof pos, MyFilePositionInformation);
  printf("position %lld, SetFilePointer(0, FILE_CURRENT) %lu\n", pos.QuadPart, SetFilePointer(f, 0, NULL, FILE_CURRENT));
  pos.QuadPart = -1;
  show("set position -1", set(f, &pos, sizeof pos, MyFilePositionInformation));
  show("position, 7 bytes", query(f, &pos, 7, MyFilePositionInformation));
  standard("standard", f, FALSE);
  ulong_class("mode", f, MyFileModeInformation);
  ulong_class("access", f, MyFileAccessInformation);
  CloseHandle(f);
  o = CreateFileW(L"nt_file_info.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_OVERLAPPED, NULL);
  ulong_class("mode, FILE_FLAG_OVERLAPPED", o, MyFileModeInformation);
  CloseHandle(o);
  DeleteFileW(L"nt_file_info.txt");

  printf("-- classes\n");
  s = server(L"\\??\\pipe\\nt_file_info", GENERIC_READ | GENERIC_WRITE, 1, 0);
  show("class 0", query(s, buf, sizeof buf, 0));
  show("class 1000", query(s, buf, sizeof buf, 1000));
  show("set FileStandardInformation", set(s, buf, 24, MyFileStandardInformation));
  show("a bad handle", query((HANDLE)(ULONG_PTR)0xdeadbee0, buf, 8, MyFilePipeInformation));
  CloseHandle(s);
  return 0;
}
