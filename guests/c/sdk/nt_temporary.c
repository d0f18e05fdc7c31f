/* NtMakeTemporaryObject and OBJ_PERMANENT as a Windows program meets them (GetProcAddress, <winternl.h>).
   NtMakeTemporaryObject needs DELETE access to the object (ntoskrnl's NtMakeTemporaryObject references the
   handle for DELETE); on a temporary object it changes nothing: the name still goes with the last handle.
   Expected output confirmed with mingw-w64 + Wine 8.0, except the lines marked [Windows], where this
   follows Windows for a standard user and Wine 8.0 differs:
   - NtMakeTemporaryObject without DELETE access is STATUS_ACCESS_DENIED (Wine checks no access; ReactOS and
     the NT sources reference the handle for DELETE);
   - OBJ_PERMANENT needs SeCreatePermanentPrivilege, which a user-mode process does not hold
     (STATUS_PRIVILEGE_NOT_HELD; Wine grants it);
   - ObjectBasicInformation.Attributes has OBJ_PERMANENT for a permanent object such as \BaseNamedObjects
     (the WRK's NtQueryObject sets it from the object header; Wine reports 0);
   - \BaseNamedObjects cannot be opened for DELETE: its security gives users no such right (Wine has no
     object security and grants it). */
#include <windows.h>
#include <winternl.h>
#include <stdio.h>

static NTSTATUS (NTAPI *pNtMakeTemporaryObject)(HANDLE);
static NTSTATUS (NTAPI *pNtCreateEvent)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, int, BOOLEAN);
static NTSTATUS (NTAPI *pNtOpenEvent)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
static NTSTATUS (NTAPI *pNtCreateSymbolicLinkObject)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, PUNICODE_STRING);
static NTSTATUS (NTAPI *pNtOpenSymbolicLinkObject)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
static NTSTATUS (NTAPI *pNtCreateDirectoryObject)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
static NTSTATUS (NTAPI *pNtOpenDirectoryObject)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
static NTSTATUS (NTAPI *pNtCreateKeyedEvent)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, ULONG);
static NTSTATUS (NTAPI *pNtQueryObject)(HANDLE, int, PVOID, ULONG, PULONG);
static NTSTATUS (NTAPI *pNtClose)(HANDLE);

#define GET(name) p##name = (void *)GetProcAddress(ntdll, #name)
#define S(label, x) printf("%-44s %08lx\n", label, (unsigned long)(x))

static OBJECT_ATTRIBUTES attr;
static UNICODE_STRING str;
static POBJECT_ATTRIBUTES oa(const WCHAR *name, ULONG flags) {
  RtlInitUnicodeString(&str, name);
  InitializeObjectAttributes(&attr, &str, flags, NULL, NULL);
  return &attr;
}

/* ObjectBasicInformation.Attributes of `h`. */
static ULONG attributes(HANDLE h) {
  ULONG info[14] = { 0 };
  pNtQueryObject(h, 0, info, sizeof info, NULL);
  return info[0];
}

int main(void) {
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  HANDLE ev, h, lnk, dir, ke;
  UNICODE_STRING target;

  GET(NtMakeTemporaryObject); GET(NtCreateEvent); GET(NtOpenEvent); GET(NtCreateSymbolicLinkObject);
  GET(NtOpenSymbolicLinkObject); GET(NtCreateDirectoryObject); GET(NtOpenDirectoryObject); GET(NtCreateKeyedEvent);
  GET(NtQueryObject); GET(NtClose);
  RtlInitUnicodeString(&target, L"\\BaseNamedObjects");

  printf("-- OBJ_PERMANENT\n");
  S("[Windows] event", pNtCreateEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_temporary_p", OBJ_PERMANENT), 0, FALSE));
  S("[Windows] symbolic link", pNtCreateSymbolicLinkObject(&h, 0xF0001, oa(L"\\BaseNamedObjects\\nt_temporary_p", OBJ_PERMANENT), &target));
  S("[Windows] directory", pNtCreateDirectoryObject(&h, 0xF000F, oa(L"\\BaseNamedObjects\\nt_temporary_p", OBJ_PERMANENT)));
  S("[Windows] keyed event", pNtCreateKeyedEvent(&h, 0xF0003, oa(L"\\BaseNamedObjects\\nt_temporary_p", OBJ_PERMANENT), 0));

  printf("-- NtMakeTemporaryObject\n");
  S("named event", pNtCreateEvent(&ev, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_temporary_ev", 0), 0, FALSE));
  printf("  attributes %08lx\n", attributes(ev));
  S("make it temporary", pNtMakeTemporaryObject(ev));
  S("  still named while a handle is open", pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_temporary_ev", 0)));
  pNtClose(h);
  S("a handle without DELETE", pNtOpenEvent(&h, EVENT_MODIFY_STATE | SYNCHRONIZE, oa(L"\\BaseNamedObjects\\nt_temporary_ev", 0)));
  S("  [Windows] make it temporary", pNtMakeTemporaryObject(h));
  pNtClose(h);
  S("a handle with only DELETE", pNtOpenEvent(&h, DELETE, oa(L"\\BaseNamedObjects\\nt_temporary_ev", 0)));
  S("  make it temporary", pNtMakeTemporaryObject(h));
  pNtClose(h);
  pNtClose(ev);
  S("gone with the last handle", pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_temporary_ev", 0)));
  S("symbolic link", pNtCreateSymbolicLinkObject(&lnk, 0xF0001, oa(L"\\BaseNamedObjects\\nt_temporary_ln", 0), &target));
  S("  make it temporary", pNtMakeTemporaryObject(lnk));
  pNtClose(lnk);
  S("  gone with the last handle", pNtOpenSymbolicLinkObject(&h, 1, oa(L"\\BaseNamedObjects\\nt_temporary_ln", 0)));
  S("keyed event", pNtCreateKeyedEvent(&ke, 0xF0003, oa(L"\\BaseNamedObjects\\nt_temporary_ke", 0), 0));
  S("  make it temporary", pNtMakeTemporaryObject(ke));
  pNtClose(ke);
  S("unnamed event", pNtCreateEvent(&ev, EVENT_ALL_ACCESS, NULL, 0, FALSE));
  S("  make it temporary", pNtMakeTemporaryObject(ev));
  pNtClose(ev);
  S("the process pseudo-handle", pNtMakeTemporaryObject(GetCurrentProcess()));
  S("NULL handle", pNtMakeTemporaryObject(NULL));
  S("bad handle", pNtMakeTemporaryObject((HANDLE)(ULONG_PTR)0x1230));

  printf("-- the system's permanent objects\n");
  S("open \\BaseNamedObjects", pNtOpenDirectoryObject(&dir, 1, oa(L"\\BaseNamedObjects", 0)));
  printf("  [Windows] attributes %08lx\n", attributes(dir));
  S("  [Windows] make it temporary (no DELETE)", pNtMakeTemporaryObject(dir));
  pNtClose(dir);
  S("[Windows] open \\BaseNamedObjects for DELETE", pNtOpenDirectoryObject(&dir, DELETE, oa(L"\\BaseNamedObjects", 0)));
  S("open \\BaseNamedObjects again", pNtOpenDirectoryObject(&dir, 1, oa(L"\\BaseNamedObjects", 0)));
  pNtClose(dir);
  return 0;
}
