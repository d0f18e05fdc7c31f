/* The NT native object API as a Windows program calls it: <winternl.h> for UNICODE_STRING and
   OBJECT_ATTRIBUTES, its own typedefs of the DDK types, the Nt* calls found with GetProcAddress.
   Expected output confirmed with mingw-w64 + Wine 8.0; the cases Wine marks todo_wine in
   dlls/ntdll/tests/om.c follow Windows as om.c records it (noted where they are). */
#include <windows.h>
#include <winternl.h>
#include <stdio.h>

typedef enum { MyNotificationEvent, MySynchronizationEvent } MY_EVENT_TYPE;
typedef struct { MY_EVENT_TYPE EventType; LONG EventState; } MY_EVENT_BASIC_INFORMATION;
typedef struct { LONG CurrentCount; BOOLEAN OwnedByCaller; BOOLEAN AbandonedState; } MY_MUTANT_BASIC_INFORMATION;
typedef struct { ULONG CurrentCount; ULONG MaximumCount; } MY_SEMAPHORE_BASIC_INFORMATION;

static NTSTATUS (NTAPI *pNtCreateEvent)(PHANDLE, ACCESS_MASK, const POBJECT_ATTRIBUTES, MY_EVENT_TYPE, BOOLEAN);
static NTSTATUS (NTAPI *pNtOpenEvent)(PHANDLE, ACCESS_MASK, const POBJECT_ATTRIBUTES);
static NTSTATUS (NTAPI *pNtQueryEvent)(HANDLE, int, PVOID, ULONG, PULONG);
static NTSTATUS (NTAPI *pNtSetEvent)(HANDLE, PLONG);
static NTSTATUS (NTAPI *pNtClearEvent)(HANDLE);
static NTSTATUS (NTAPI *pNtCreateMutant)(PHANDLE, ACCESS_MASK, const POBJECT_ATTRIBUTES, BOOLEAN);
static NTSTATUS (NTAPI *pNtOpenMutant)(PHANDLE, ACCESS_MASK, const POBJECT_ATTRIBUTES);
static NTSTATUS (NTAPI *pNtReleaseMutant)(HANDLE, PLONG);
static NTSTATUS (NTAPI *pNtQueryMutant)(HANDLE, int, PVOID, ULONG, PULONG);
static NTSTATUS (NTAPI *pNtCreateSemaphore)(PHANDLE, ACCESS_MASK, const POBJECT_ATTRIBUTES, LONG, LONG);
static NTSTATUS (NTAPI *pNtOpenSemaphore)(PHANDLE, ACCESS_MASK, const POBJECT_ATTRIBUTES);
static NTSTATUS (NTAPI *pNtReleaseSemaphore)(HANDLE, LONG, PLONG);
static NTSTATUS (NTAPI *pNtQuerySemaphore)(HANDLE, int, PVOID, ULONG, PULONG);
static NTSTATUS (NTAPI *pNtOpenDirectoryObject)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
static NTSTATUS (NTAPI *pNtClose)(HANDLE);
static ULONG (NTAPI *pRtlNtStatusToDosError)(NTSTATUS);
static VOID (NTAPI *pRtlInitUnicodeString)(PUNICODE_STRING, PCWSTR);

#define GET(name) p##name = (void *)GetProcAddress(ntdll, #name)
#define ST(x) printf("%-44s %08lx\n", #x, (unsigned long)(x))

static OBJECT_ATTRIBUTES attr;
static UNICODE_STRING str;

/* attr names `name` relative to `root` with `flags`. */
static POBJECT_ATTRIBUTES oa(const WCHAR *name, ULONG flags, HANDLE root) {
  pRtlInitUnicodeString(&str, name);
  InitializeObjectAttributes(&attr, &str, flags, root, NULL);
  return &attr;
}

int main(void) {
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  HANDLE ev, ev2, mx, mx2, sem, dir, h;
  LONG prev = 99;
  ULONG len = 99;
  MY_EVENT_BASIC_INFORMATION ei;
  MY_MUTANT_BASIC_INFORMATION mi;
  MY_SEMAPHORE_BASIC_INFORMATION si;
  DWORD flags;

  GET(NtCreateEvent); GET(NtOpenEvent); GET(NtQueryEvent); GET(NtSetEvent); GET(NtClearEvent);
  GET(NtCreateMutant); GET(NtOpenMutant); GET(NtReleaseMutant); GET(NtQueryMutant);
  GET(NtCreateSemaphore); GET(NtOpenSemaphore); GET(NtReleaseSemaphore); GET(NtQuerySemaphore);
  GET(NtOpenDirectoryObject); GET(NtClose); GET(RtlNtStatusToDosError); GET(RtlInitUnicodeString);

  printf("-- RtlInitUnicodeString\n");
  pRtlInitUnicodeString(&str, L"abc");
  printf("\"abc\": Length %u MaximumLength %u\n", str.Length, str.MaximumLength);
  pRtlInitUnicodeString(&str, NULL);
  printf("NULL: Length %u MaximumLength %u Buffer %s\n", str.Length, str.MaximumLength, str.Buffer ? "set" : "NULL");

  printf("-- events\n");
  ST(pNtCreateEvent(&ev, EVENT_ALL_ACCESS, NULL, MyNotificationEvent, TRUE));
  ST(pNtQueryEvent(ev, 0, &ei, sizeof ei, &len));
  printf("unnamed: type %d state %ld, %lu bytes\n", ei.EventType, ei.EventState, len);
  ST(pNtClearEvent(ev));
  ST(pNtQueryEvent(ev, 0, &ei, sizeof ei, NULL));
  printf("after NtClearEvent: state %ld\n", ei.EventState);
  ST(pNtQueryEvent(ev, 1, &ei, sizeof ei, NULL));
  ST(pNtQueryEvent(ev, 0, &ei, sizeof ei - 1, NULL));
  pNtClose(ev);

  ST(pNtCreateEvent(&ev, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_objects_ev", 0, 0), MySynchronizationEvent, FALSE));
  ST(pNtCreateEvent(&ev2, EVENT_ALL_ACCESS, &attr, MySynchronizationEvent, FALSE));
  ev2 = NULL;
  ST(pNtCreateEvent(&ev2, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_objects_ev", OBJ_OPENIF, 0), MyNotificationEvent, TRUE));
  printf("OBJ_OPENIF handle %s\n", ev2 ? "set" : "NULL");
  ST(pNtQueryEvent(ev2, 0, &ei, sizeof ei, NULL));
  printf("existing event kept: type %d state %ld\n", ei.EventType, ei.EventState);
  pNtClose(ev2);
  ST(pNtCreateMutant(&mx, MUTANT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_objects_ev", OBJ_OPENIF, 0), FALSE));
  ST(pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\NT_OBJECTS_EV", 0, 0)));
  ST(pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\NT_OBJECTS_EV", OBJ_CASE_INSENSITIVE, 0)));
  if (h) pNtClose(h);
  ST(pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"\\basenamedobjects\\nt_objects_ev", 0, 0)));
  ST(pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"\\basenamedobjects\\nt_objects_ev", OBJ_CASE_INSENSITIVE, 0)));
  if (h) pNtClose(h);
  ST(pNtOpenMutant(&h, MUTANT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_objects_ev", 0, 0)));
  ST(pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_objects_none", 0, 0)));
  ST(pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"nt_objects_ev", 0, 0)));
  ST(pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"\\NoSuchDirectory\\nt_objects_ev", 0, 0)));
  /* kernel32 names live in the session's directory, where Global leads to \BaseNamedObjects */
  h = CreateEventW(NULL, FALSE, FALSE, L"Global\\nt_objects_ev");
  printf("CreateEventW(Global\\nt_objects_ev): %s, last error %lu\n", h ? "handle" : "NULL", GetLastError());
  CloseHandle(h);
  pNtClose(ev);
  ST(pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_objects_ev", 0, 0)));

  printf("-- OBJECT_ATTRIBUTES checks\n");
  oa(L"\\BaseNamedObjects\\nt_objects_bad", 0, 0);
  attr.Length = 0;
  ST(pNtCreateEvent(&ev, EVENT_ALL_ACCESS, &attr, MyNotificationEvent, FALSE));
  attr.Length = sizeof attr + 1;
  ST(pNtCreateEvent(&ev, EVENT_ALL_ACCESS, &attr, MyNotificationEvent, FALSE));
  oa(L"\\BaseNamedObjects\\nt_objects_bad", 0, 0);
  str.Length = 3;
  ST(pNtCreateEvent(&ev, EVENT_ALL_ACCESS, &attr, MyNotificationEvent, FALSE));
  oa(L"\\BaseNamedObjects\\nt_objects_inh", OBJ_INHERIT, 0);
  ST(pNtCreateEvent(&ev, EVENT_ALL_ACCESS, &attr, MyNotificationEvent, FALSE));
  flags = 99;
  GetHandleInformation(ev, &flags);
  printf("OBJ_INHERIT: handle flags %lu\n", flags);
  pNtClose(ev);
  attr.ObjectName = NULL;
  ST(pNtCreateEvent(&ev, EVENT_ALL_ACCESS, &attr, MyNotificationEvent, FALSE));
  pNtClose(ev);

  printf("-- RootDirectory\n");
  ST(pNtOpenDirectoryObject(&dir, 0x0003, oa(L"\\Sessions\\1\\BaseNamedObjects", 0, 0)));
  mx2 = CreateMutexW(NULL, FALSE, L"nt_objects_mx");
  ST(pNtCreateMutant(&mx, MUTANT_ALL_ACCESS, oa(L"nt_objects_mx", OBJ_OPENIF, dir), FALSE));
  pNtClose(mx);
  ST(pNtCreateMutant(&mx, MUTANT_ALL_ACCESS, oa(L"nt_objects_mx", 0, dir), FALSE));
  ST(pNtOpenMutant(&mx, MUTANT_ALL_ACCESS, oa(L"\\nt_objects_mx", 0, dir)));
  ST(pNtOpenMutant(&mx, MUTANT_ALL_ACCESS, oa(L"nt_objects_mx", 0, mx2)));
  CloseHandle(mx2);
  pNtClose(dir);

  printf("-- mutants\n");
  ST(pNtCreateMutant(&mx, MUTANT_ALL_ACCESS, NULL, TRUE));
  ST(pNtQueryMutant(mx, 0, &mi, sizeof mi, &len));
  printf("owned: count %ld owned by caller %d abandoned %d, %lu bytes\n", mi.CurrentCount, mi.OwnedByCaller, mi.AbandonedState, len);
  WaitForSingleObject(mx, 0);
  ST(pNtQueryMutant(mx, 0, &mi, sizeof mi, NULL));
  printf("held twice: count %ld\n", mi.CurrentCount);
  ST(pNtReleaseMutant(mx, &prev));
  printf("previous count %ld\n", prev);
  ST(pNtReleaseMutant(mx, &prev));
  printf("previous count %ld\n", prev);
  ST(pNtReleaseMutant(mx, &prev));
  ST(pNtQueryMutant(mx, 0, &mi, sizeof mi, NULL));
  printf("free: count %ld owned by caller %d\n", mi.CurrentCount, mi.OwnedByCaller);
  pNtClose(mx);

  printf("-- semaphores\n");
  ST(pNtCreateSemaphore(&sem, SEMAPHORE_ALL_ACCESS, NULL, 2, 1));
  ST(pNtCreateSemaphore(&sem, SEMAPHORE_ALL_ACCESS, NULL, 0, 0));
  ST(pNtCreateSemaphore(&sem, SEMAPHORE_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_objects_sem", 0, 0), 1, 3));
  ST(pNtOpenSemaphore(&h, SEMAPHORE_ALL_ACCESS, &attr));
  ST(pNtReleaseSemaphore(h, 1, &prev));
  printf("previous count %ld\n", prev);
  ST(pNtReleaseSemaphore(sem, 5, &prev));
  ST(pNtQuerySemaphore(sem, 0, &si, sizeof si, &len));
  printf("count %lu of %lu, %lu bytes\n", si.CurrentCount, si.MaximumCount, len);
  pNtClose(h);
  pNtClose(sem);

  printf("-- RtlNtStatusToDosError\n");
  printf("%lu %lu %lu %lu %lu\n", pRtlNtStatusToDosError(0), pRtlNtStatusToDosError(0xc0000034),
    pRtlNtStatusToDosError(0xc0000022), pRtlNtStatusToDosError(0xc0070005), pRtlNtStatusToDosError(0xc0ffee00));
  printf("%lu %lu\n", pRtlNtStatusToDosError(0xc000003a), pRtlNtStatusToDosError(0xc0000047));
  return 0;
}
