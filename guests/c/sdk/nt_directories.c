/* NT object directories as a Windows program uses them (GetProcAddress, <winternl.h> types):
   NtCreateDirectoryObject, NtOpenDirectoryObject, NtQueryDirectoryObject, names relative to a
   RootDirectory. Expected output confirmed with mingw-w64 + Wine 8.0. */
#include <windows.h>
#include <winternl.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

typedef struct { UNICODE_STRING Name; UNICODE_STRING TypeName; } MY_OBJECT_DIRECTORY_INFORMATION;

static NTSTATUS (NTAPI *pNtCreateDirectoryObject)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
static NTSTATUS (NTAPI *pNtOpenDirectoryObject)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
static NTSTATUS (NTAPI *pNtQueryDirectoryObject)(HANDLE, PVOID, ULONG, BOOLEAN, BOOLEAN, PULONG, PULONG);
static NTSTATUS (NTAPI *pNtCreateEvent)(PHANDLE, ACCESS_MASK, const POBJECT_ATTRIBUTES, int, BOOLEAN);
static NTSTATUS (NTAPI *pNtCreateMutant)(PHANDLE, ACCESS_MASK, const POBJECT_ATTRIBUTES, BOOLEAN);
static NTSTATUS (NTAPI *pNtOpenEvent)(PHANDLE, ACCESS_MASK, const POBJECT_ATTRIBUTES);

#define GET(name) p##name = (void *)GetProcAddress(ntdll, #name)
#define ST(x) printf("%-60s %08lx\n", #x, (unsigned long)(x))
#define MY_DIRECTORY_QUERY 0x0001
#define MY_DIRECTORY_TRAVERSE 0x0002
#define MY_DIRECTORY_ALL_ACCESS 0x000F000F

static OBJECT_ATTRIBUTES attr;
static UNICODE_STRING str;
static POBJECT_ATTRIBUTES oa(const WCHAR *name, ULONG flags, HANDLE root) {
  RtlInitUnicodeString(&str, name);
  InitializeObjectAttributes(&attr, &str, flags, root, NULL);
  return &attr;
}

static union { char bytes[2048]; double align; } buf;
static WCHAR lines[16][64];
static int cmp(const void *a, const void *b) { return wcscmp((const WCHAR *)a, (const WCHAR *)b); }

/* Lists `dir` one entry at a time, sorted (the order of a directory is unspecified). */
static void list(HANDLE dir) {
  ULONG ctx = 0, len, n = 0;
  NTSTATUS st;
  BOOLEAN restart = TRUE;
  MY_OBJECT_DIRECTORY_INFORMATION *di = (MY_OBJECT_DIRECTORY_INFORMATION *)buf.bytes;
  while ((st = pNtQueryDirectoryObject(dir, buf.bytes, sizeof buf.bytes, TRUE, restart, &ctx, &len)) == 0 && n < 16) {
    swprintf(lines[n++], 64, L"%.*ls (%.*ls)", di->Name.Length / 2, di->Name.Buffer, di->TypeName.Length / 2, di->TypeName.Buffer);
    restart = FALSE;
  }
  qsort(lines, n, sizeof lines[0], cmp);
  for (ULONG i = 0; i < n; i++) printf("  %ls\n", lines[i]);
  printf("  then %08lx, context %lu\n", (unsigned long)st, ctx);
}

int main(void) {
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  HANDLE dir, dir2, ev_a, ev_b, mx, h;
  ULONG ctx, len;
  NTSTATUS st;

  GET(NtCreateDirectoryObject); GET(NtOpenDirectoryObject); GET(NtQueryDirectoryObject);
  GET(NtCreateEvent); GET(NtCreateMutant); GET(NtOpenEvent);

  printf("-- create\n");
  ST(pNtCreateDirectoryObject(&dir, MY_DIRECTORY_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_dirs", 0, 0)));
  ST(pNtCreateDirectoryObject(&dir2, MY_DIRECTORY_ALL_ACCESS, &attr));
  ST(pNtCreateDirectoryObject(&dir2, MY_DIRECTORY_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_dirs", OBJ_OPENIF, 0)));
  CloseHandle(dir2);
  ST(pNtCreateDirectoryObject(&dir2, MY_DIRECTORY_ALL_ACCESS, NULL));
  CloseHandle(dir2);
  ST(pNtCreateEvent(&ev_a, EVENT_ALL_ACCESS, oa(L"a", 0, dir), 0, FALSE));
  ST(pNtCreateEvent(&ev_b, EVENT_ALL_ACCESS, oa(L"b", 0, dir), 0, FALSE));
  ST(pNtCreateMutant(&mx, MUTANT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_dirs\\m", 0, 0), FALSE));
  ST(pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BASENAMEDOBJECTS\\NT_DIRS\\A", OBJ_CASE_INSENSITIVE, 0)));
  CloseHandle(h);

  printf("-- list\n");
  list(dir);
  /* (ReturnSingleEntry FALSE, many entries at once, is not implemented in Wine 8.0, so not checked here) */
  ctx = 0;
  len = 0;
  st = pNtQueryDirectoryObject(dir, buf.bytes, 8, TRUE, TRUE, &ctx, &len);
  printf("8-byte buffer: %08lx, context %lu, needs more than 8: %s\n", (unsigned long)st, ctx, len > 8 ? "yes" : "no");
  ST(pNtOpenDirectoryObject(&dir2, MY_DIRECTORY_TRAVERSE, oa(L"\\BaseNamedObjects\\nt_dirs", 0, 0)));
  ST(pNtQueryDirectoryObject(dir2, buf.bytes, sizeof buf.bytes, TRUE, TRUE, &ctx, &len));
  ST(pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"b", 0, dir2)));
  CloseHandle(h);
  CloseHandle(dir2);

  printf("-- temporary directory\n");
  CloseHandle(ev_b);
  list(dir);
  CloseHandle(ev_a);
  CloseHandle(mx);
  list(dir);
  CloseHandle(dir);
  ST(pNtOpenDirectoryObject(&dir2, MY_DIRECTORY_QUERY, oa(L"\\BaseNamedObjects\\nt_dirs", 0, 0)));
  ST(pNtCreateDirectoryObject(&dir, MY_DIRECTORY_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_dirs", 0, 0)));
  list(dir);
  CloseHandle(dir);
  return 0;
}
