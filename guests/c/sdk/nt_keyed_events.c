/* Keyed events as a Windows program uses them (GetProcAddress, <winternl.h> types): NtCreateKeyedEvent,
   NtOpenKeyedEvent, NtWaitForKeyedEvent, NtReleaseKeyedEvent. A wait blocks until a thread of the same
   process releases its key, a release until a thread waits for it. The program starts itself as a
   child to show that another process's release never meets a wait. Expected output confirmed with
   mingw-w64 + Wine 8.0, except the lines marked [Windows], where Wine 8.0 differs: NtCreateKeyedEvent
   refuses Flags other than 0 with STATUS_INVALID_PARAMETER_4 (Windows' ntoskrnl; Wine ignores them), and
   creating an object under the name of one of another type is STATUS_OBJECT_TYPE_MISMATCH from Windows 7
   on (dlls/ntdll/tests/om.c; Wine: STATUS_OBJECT_NAME_COLLISION). */
#include <windows.h>
#include <winternl.h>
#include <stdio.h>
#include <string.h>

static NTSTATUS (NTAPI *pNtCreateKeyedEvent)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, ULONG);
static NTSTATUS (NTAPI *pNtOpenKeyedEvent)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
static NTSTATUS (NTAPI *pNtWaitForKeyedEvent)(HANDLE, PVOID, BOOLEAN, PLARGE_INTEGER);
static NTSTATUS (NTAPI *pNtReleaseKeyedEvent)(HANDLE, PVOID, BOOLEAN, PLARGE_INTEGER);
static NTSTATUS (NTAPI *pNtCreateEvent)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, int, BOOLEAN);
static NTSTATUS (NTAPI *pNtOpenEvent)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
static NTSTATUS (NTAPI *pNtQueryObject)(HANDLE, int, PVOID, ULONG, PULONG);
static NTSTATUS (NTAPI *pNtClose)(HANDLE);

#define GET(name) p##name = (void *)GetProcAddress(ntdll, #name)
#define S(label, x) printf("%-44s %08lx\n", label, (unsigned long)(x))
#define MY_KEYEDEVENT_WAIT 0x0001
#define MY_KEYEDEVENT_WAKE 0x0002
#define MY_KEYEDEVENT_ALL_ACCESS 0x000F0003
#define KEY(n) ((PVOID)(ULONG_PTR)(n))

/* OBJECT_TYPE_INFORMATION as Windows lays it out (the SDK's winternl.h has only the type name). */
typedef struct {
  UNICODE_STRING TypeName;
  ULONG Counts[12];
  ULONG InvalidAttributes;
  GENERIC_MAPPING GenericMapping;
  ULONG ValidAccessMask;
  BOOLEAN SecurityRequired, MaintainHandleCount;
  UCHAR TypeIndex, ReservedByte;
  ULONG PoolType, DefaultPagedPoolCharge, DefaultNonPagedPoolCharge;
} MY_OBJECT_TYPE_INFORMATION;
static union { MY_OBJECT_TYPE_INFORMATION info; char bytes[512]; } type_buf;

static OBJECT_ATTRIBUTES attr;
static UNICODE_STRING str;
static POBJECT_ATTRIBUTES oa(const WCHAR *name, ULONG flags) {
  RtlInitUnicodeString(&str, name);
  InitializeObjectAttributes(&attr, &str, flags, NULL, NULL);
  return &attr;
}

static LARGE_INTEGER ms(LONG n) { LARGE_INTEGER t; t.QuadPart = -10000LL * n; return t; }

static HANDLE keyed;
static NTSTATUS worker_status[10];

/* Half of a ping-pong with the main thread: rounds alternate who waits and who releases. */
static DWORD WINAPI worker(void *arg) {
  (void)arg;
  for (int i = 0; i < 10; i++) {
    if (i & 1) worker_status[i] = pNtWaitForKeyedEvent(keyed, KEY(16 + i * 2), FALSE, NULL);
    else worker_status[i] = pNtReleaseKeyedEvent(keyed, KEY(16 + i * 2), FALSE, NULL);
  }
  return 0;
}

static void CALLBACK apc(ULONG_PTR n) { printf("  APC %lu ran\n", (unsigned long)n); }

/* The child: releases key 8 on the named keyed event and on the NULL one; the parent waits for both. */
static int child(void) {
  HANDLE h, ready;
  LARGE_INTEGER t = ms(600);
  NTSTATUS a, b;
  if (pNtOpenKeyedEvent(&h, MY_KEYEDEVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_keyed_events", 0))) return 9;
  ready = OpenEventW(EVENT_MODIFY_STATE, FALSE, L"nt_keyed_events_ready");
  SetEvent(ready);
  a = pNtReleaseKeyedEvent(h, KEY(8), FALSE, &t);
  b = pNtReleaseKeyedEvent(NULL, KEY(8), FALSE, &t);
  return (a == STATUS_TIMEOUT ? 1 : 0) + (b == STATUS_TIMEOUT ? 2 : 0);
}

int main(int argc, char **argv) {
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  HANDLE k, h, ev, thread, ready;
  LARGE_INTEGER t;
  NTSTATUS main_status[10];
  ULONG info[14];
  int i;

  GET(NtCreateKeyedEvent); GET(NtOpenKeyedEvent); GET(NtWaitForKeyedEvent); GET(NtReleaseKeyedEvent);
  GET(NtCreateEvent); GET(NtOpenEvent); GET(NtQueryObject); GET(NtClose);
  if (argc > 1 && strcmp(argv[1], "child") == 0) return child();

  printf("-- create and open\n");
  S("[Windows] Flags 1", pNtCreateKeyedEvent(&k, MY_KEYEDEVENT_ALL_ACCESS, NULL, 1));
  S("NULL handle pointer", pNtCreateKeyedEvent(NULL, MY_KEYEDEVENT_ALL_ACCESS, NULL, 0));
  S("unnamed", pNtCreateKeyedEvent(&k, MY_KEYEDEVENT_ALL_ACCESS, NULL, 0));
  pNtClose(k);
  S("named, with SYNCHRONIZE", pNtCreateKeyedEvent(&k, MY_KEYEDEVENT_ALL_ACCESS | SYNCHRONIZE, oa(L"\\BaseNamedObjects\\nt_keyed_events", 0), 0));
  S("the name again", pNtCreateKeyedEvent(&h, MY_KEYEDEVENT_ALL_ACCESS, &attr, 0));
  S("the name again, OBJ_OPENIF", pNtCreateKeyedEvent(&h, MY_KEYEDEVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_keyed_events", OBJ_OPENIF), 0));
  pNtClose(h);
  S("open", pNtOpenKeyedEvent(&h, MY_KEYEDEVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_keyed_events", 0)));
  pNtClose(h);
  S("open with MAXIMUM_ALLOWED", pNtOpenKeyedEvent(&h, MAXIMUM_ALLOWED, oa(L"\\BaseNamedObjects\\nt_keyed_events", 0)));
  pNtQueryObject(h, 0, info, sizeof info, NULL);
  printf("  granted %08lx\n", info[1]);
  pNtClose(h);
  S("open it as an event", pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_keyed_events", 0)));
  S("[Windows] create an event of that name", pNtCreateEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_keyed_events", 0), 0, FALSE));
  S("open a missing one", pNtOpenKeyedEvent(&h, MY_KEYEDEVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_keyed_events_none", 0)));
  S("\\KernelObjects\\CritSecOutOfMemoryEvent", pNtOpenKeyedEvent(&h, MY_KEYEDEVENT_WAIT, oa(L"\\KernelObjects\\CritSecOutOfMemoryEvent", 0)));
  pNtClose(h);
  S("WaitForSingleObject (always signaled)", WaitForSingleObject(k, 0));
  S("ObjectTypeInformation", pNtQueryObject(k, 2, &type_buf, sizeof type_buf, NULL));
  printf("  %.*ls: GenericMapping %08lx %08lx %08lx %08lx, ValidAccessMask %08lx\n", type_buf.info.TypeName.Length / 2,
    type_buf.info.TypeName.Buffer, type_buf.info.GenericMapping.GenericRead, type_buf.info.GenericMapping.GenericWrite,
    type_buf.info.GenericMapping.GenericExecute, type_buf.info.GenericMapping.GenericAll, type_buf.info.ValidAccessMask);

  printf("-- keys, handles, timeouts\n");
  t = ms(10);
  S("wait, key 255", pNtWaitForKeyedEvent(k, KEY(255), FALSE, &t));
  S("release, key 255", pNtReleaseKeyedEvent(k, KEY(255), FALSE, &t));
  S("wait, key 9, bad handle", pNtWaitForKeyedEvent((HANDLE)(ULONG_PTR)0xdead0, KEY(9), FALSE, &t));
  S("wait, key 254", pNtWaitForKeyedEvent(k, KEY(254), FALSE, &t));
  S("release, key 254", pNtReleaseKeyedEvent(k, KEY(254), FALSE, &t));
  S("wait, key NULL", pNtWaitForKeyedEvent(k, NULL, FALSE, &t));
  S("wait, NULL handle", pNtWaitForKeyedEvent(NULL, KEY(8), FALSE, &t));
  S("release, NULL handle", pNtReleaseKeyedEvent(NULL, KEY(8), FALSE, &t));
  S("wait, bad handle", pNtWaitForKeyedEvent((HANDLE)(ULONG_PTR)0xdead0, KEY(8), FALSE, &t));
  S("release, bad handle", pNtReleaseKeyedEvent((HANDLE)(ULONG_PTR)0xdead0, KEY(8), FALSE, &t));
  S("wait, the process pseudo-handle", pNtWaitForKeyedEvent(GetCurrentProcess(), KEY(8), FALSE, &t));
  pNtCreateEvent(&ev, EVENT_ALL_ACCESS, NULL, 0, FALSE);
  S("wait, an event", pNtWaitForKeyedEvent(ev, KEY(8), FALSE, &t));
  S("release, an event", pNtReleaseKeyedEvent(ev, KEY(8), FALSE, &t));
  pNtClose(ev);
  t.QuadPart = 0;
  S("wait, timeout 0", pNtWaitForKeyedEvent(k, KEY(8), FALSE, &t));
  S("release, timeout 0", pNtReleaseKeyedEvent(k, KEY(8), FALSE, &t));
  t = ms(50);
  S("a release with no waiter times out", pNtReleaseKeyedEvent(k, KEY(12), FALSE, &t));
  S("  and is not kept for a later wait", pNtWaitForKeyedEvent(k, KEY(12), FALSE, &t));

  printf("-- access\n");
  t = ms(10);
  S("KEYEDEVENT_WAIT handle", pNtOpenKeyedEvent(&h, MY_KEYEDEVENT_WAIT, oa(L"\\BaseNamedObjects\\nt_keyed_events", 0)));
  S("  wait", pNtWaitForKeyedEvent(h, KEY(8), FALSE, &t));
  S("  release", pNtReleaseKeyedEvent(h, KEY(8), FALSE, &t));
  pNtClose(h);
  S("KEYEDEVENT_WAKE handle", pNtOpenKeyedEvent(&h, MY_KEYEDEVENT_WAKE, oa(L"\\BaseNamedObjects\\nt_keyed_events", 0)));
  S("  wait", pNtWaitForKeyedEvent(h, KEY(8), FALSE, &t));
  S("  release", pNtReleaseKeyedEvent(h, KEY(8), FALSE, &t));
  pNtClose(h);
  S("GENERIC_READ handle", pNtOpenKeyedEvent(&h, GENERIC_READ, oa(L"\\BaseNamedObjects\\nt_keyed_events", 0)));
  S("  wait", pNtWaitForKeyedEvent(h, KEY(8), FALSE, &t));
  S("  release", pNtReleaseKeyedEvent(h, KEY(8), FALSE, &t));
  pNtClose(h);
  S("GENERIC_WRITE handle", pNtOpenKeyedEvent(&h, GENERIC_WRITE, oa(L"\\BaseNamedObjects\\nt_keyed_events", 0)));
  S("  wait", pNtWaitForKeyedEvent(h, KEY(8), FALSE, &t));
  S("  release", pNtReleaseKeyedEvent(h, KEY(8), FALSE, &t));
  pNtClose(h);
  S("KEYEDEVENT_ALL_ACCESS (no SYNCHRONIZE)", pNtOpenKeyedEvent(&h, MY_KEYEDEVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_keyed_events", 0)));
  SetLastError(0);
  info[0] = WaitForSingleObject(h, 0);
  printf("  WaitForSingleObject %08lx, last error %lu\n", info[0], GetLastError());
  pNtClose(h);

  printf("-- two threads\n");
  keyed = k;
  thread = CreateThread(NULL, 0, worker, NULL, 0, NULL);
  for (i = 0; i < 10; i++) {
    if (i & 1) main_status[i] = pNtReleaseKeyedEvent(k, KEY(16 + i * 2), FALSE, NULL);
    else main_status[i] = pNtWaitForKeyedEvent(k, KEY(16 + i * 2), FALSE, NULL);
  }
  WaitForSingleObject(thread, INFINITE);
  CloseHandle(thread);
  for (i = 0; i < 10; i++)
    printf("round %d (key %d): main %s %08lx, thread %s %08lx\n", i, 16 + i * 2, i & 1 ? "release" : "wait",
      (unsigned long)main_status[i], i & 1 ? "wait" : "release", (unsigned long)worker_status[i]);

  printf("-- alertable\n");
  t = ms(5000);
  QueueUserAPC(apc, GetCurrentThread(), 1);
  S("alertable wait", pNtWaitForKeyedEvent(k, KEY(8), TRUE, &t));
  QueueUserAPC(apc, GetCurrentThread(), 2);
  S("alertable release", pNtReleaseKeyedEvent(k, KEY(8), TRUE, &t));
  t = ms(10);
  QueueUserAPC(apc, GetCurrentThread(), 3);
  S("wait that is not alertable", pNtWaitForKeyedEvent(k, KEY(8), FALSE, &t));
  SleepEx(0, TRUE);

  printf("-- another process\n");
  {
    STARTUPINFOW si;
    PROCESS_INFORMATION pi;
    WCHAR self[MAX_PATH], line[MAX_PATH + 16];
    DWORD code = 99;
    ready = CreateEventW(NULL, TRUE, FALSE, L"nt_keyed_events_ready");
    ZeroMemory(&si, sizeof si);
    si.cb = sizeof si;
    GetModuleFileNameW(NULL, self, MAX_PATH);
    wsprintfW(line, L"\"%s\" child", self);
    if (!CreateProcessW(NULL, line, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) {
      printf("CreateProcess failed: %lu\n", GetLastError());
      return 1;
    }
    WaitForSingleObject(ready, INFINITE);
    t = ms(300);
    S("wait while the child releases", pNtWaitForKeyedEvent(k, KEY(8), FALSE, &t));
    S("the same with the NULL handle", pNtWaitForKeyedEvent(NULL, KEY(8), FALSE, &t));
    WaitForSingleObject(pi.hProcess, INFINITE);
    GetExitCodeProcess(pi.hProcess, &code);
    printf("child's releases timed out: %s\n", code == 3 ? "both" : "no");
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    CloseHandle(ready);
  }
  pNtClose(k);
  S("gone with its last handle", pNtOpenKeyedEvent(&h, MY_KEYEDEVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_keyed_events", 0)));
  return 0;
}
