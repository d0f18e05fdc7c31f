/* NtQueryObject as a Windows program calls it, declared by <winternl.h> (link with ntdll): basic, name
   and type information of kernel32 objects. Expected output confirmed with mingw-w64 + Wine 8.0; the
   sizes follow dlls/ntdll/tests/om.c (test_query_object), which records Windows. */
#include <windows.h>
#include <winternl.h>
#include <stdio.h>
#include <wchar.h>

static union { char bytes[1024]; double align; } buf;

static void show_name(HANDLE h) {
  ULONG len = 0;
  NTSTATUS st = NtQueryObject(h, ObjectNameInformation, buf.bytes, sizeof buf.bytes, &len);
  OBJECT_NAME_INFORMATION *ni = (OBJECT_NAME_INFORMATION *)buf.bytes;
  printf("name: status %08lx, length %u, max %u, ReturnLength = UNICODE_STRING + max: %s, buffer follows: %s, \"%ls\"\n",
    (unsigned long)st, ni->Name.Length, ni->Name.MaximumLength,
    len == sizeof(UNICODE_STRING) + ni->Name.MaximumLength ? "yes" : "no",
    ni->Name.Buffer == (PWSTR)(ni + 1) ? "yes" : ni->Name.Buffer ? "no" : "NULL", ni->Name.Buffer ? ni->Name.Buffer : L"");
}

static void show_type(HANDLE h) {
  ULONG len = 0;
  NTSTATUS st = NtQueryObject(h, ObjectTypeInformation, buf.bytes, sizeof buf.bytes, &len);
  PUBLIC_OBJECT_TYPE_INFORMATION *ti = (PUBLIC_OBJECT_TYPE_INFORMATION *)buf.bytes;
  printf("type: status %08lx, \"%.*ls\", length %u, big enough: %s\n", (unsigned long)st, ti->TypeName.Length / 2,
    ti->TypeName.Buffer, ti->TypeName.Length, len >= sizeof *ti + ti->TypeName.Length + 2 ? "yes" : "no");
}

int main(void) {
  HANDLE ev = CreateEventW(NULL, FALSE, FALSE, L"nt_query_object_ev");
  HANDLE anon = CreateEventW(NULL, TRUE, FALSE, NULL);
  HANDLE mx = CreateMutexW(NULL, FALSE, L"Global\\nt_query_object_mx");
  HANDLE sem = CreateSemaphoreW(NULL, 0, 1, NULL);
  HANDLE dup, ro;
  ULONG len;
  NTSTATUS st;
  PUBLIC_OBJECT_BASIC_INFORMATION bi;

  printf("-- ObjectBasicInformation\n");
  len = 0;
  st = NtQueryObject(ev, ObjectBasicInformation, &bi, sizeof bi, &len);
  printf("status %08lx, %lu bytes, access %08lx, attributes %lu, handles %lu\n", (unsigned long)st, len,
    bi.GrantedAccess, bi.Attributes, bi.HandleCount);
  DuplicateHandle(GetCurrentProcess(), ev, GetCurrentProcess(), &dup, SYNCHRONIZE, FALSE, 0);
  st = NtQueryObject(dup, ObjectBasicInformation, &bi, sizeof bi, &len);
  /* (Attributes of an inheritable handle: Wine reports 0, so it is not checked here) */
  printf("duplicate: status %08lx, access %08lx, handles %lu\n", (unsigned long)st, bi.GrantedAccess, bi.HandleCount);
  CloseHandle(dup);
  st = NtQueryObject(ev, ObjectBasicInformation, &bi, sizeof bi - 1, NULL);
  printf("short buffer: status %08lx\n", (unsigned long)st);

  printf("-- ObjectNameInformation\n");
  show_name(ev);
  show_name(mx);
  show_name(anon);
  len = 0;
  st = NtQueryObject(ev, ObjectNameInformation, buf.bytes, 0, &len);
  printf("no buffer: status %08lx, needs UNICODE_STRING + name + NUL: %s\n", (unsigned long)st,
    len == sizeof(UNICODE_STRING) + (wcslen(L"\\Sessions\\1\\BaseNamedObjects\\nt_query_object_ev") + 1) * 2 ? "yes" : "no");
  st = NtQueryObject(ev, ObjectNameInformation, buf.bytes, len - 2, &len);
  printf("one char short: status %08lx\n", (unsigned long)st);

  printf("-- ObjectTypeInformation\n");
  show_type(ev);
  show_type(mx);
  show_type(sem);
  show_type(GetCurrentProcess());
  show_type(GetCurrentThread());
  len = 0;
  st = NtQueryObject(sem, ObjectTypeInformation, buf.bytes, sizeof(PUBLIC_OBJECT_TYPE_INFORMATION), &len);
  printf("no room for the name: status %08lx, needs more: %s\n", (unsigned long)st,
    len >= sizeof(PUBLIC_OBJECT_TYPE_INFORMATION) + sizeof(L"Semaphore") ? "yes" : "no");

  printf("-- errors\n");
  printf("bad handle: %08lx\n", (unsigned long)NtQueryObject((HANDLE)(ULONG_PTR)0x1234, ObjectBasicInformation, &bi, sizeof bi, NULL));
  ro = NULL;
  DuplicateHandle(GetCurrentProcess(), sem, GetCurrentProcess(), &ro, 0, FALSE, 0);
  printf("handle without access: %08lx\n", (unsigned long)NtQueryObject(ro, ObjectTypeInformation, buf.bytes, sizeof buf.bytes, NULL));
  CloseHandle(ro);
  CloseHandle(ev); CloseHandle(anon); CloseHandle(mx); CloseHandle(sem);
  return 0;
}
