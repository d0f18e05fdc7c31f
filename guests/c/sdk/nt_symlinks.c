/* NT symbolic links as a Windows program uses them (GetProcAddress, <winternl.h> types):
   NtCreateSymbolicLinkObject, NtOpenSymbolicLinkObject, NtQuerySymbolicLinkObject, and names that pass
   through links in NT and Win32 calls. Expected output confirmed with mingw-w64 + Wine 8.0, except the
   lines marked [Windows], where Wine 8.0 differs and the output follows Windows' object manager
   (ObpLookupObjectName / ObpParseSymbolicLinkEx, NtQuerySymbolicLinkObject as the Windows Research
   Kernel's oblink.c has it and ReactOS' kmtest ObSymbolicLink checks on Windows):
   - a link met as the last component of a create is followed, so a missing target is created (Wine:
     STATUS_OBJECT_PATH_NOT_FOUND), except when creating a link: OBJ_OPENIF opens the existing link
     (Wine follows it);
   - a link loop fails with STATUS_OBJECT_NAME_NOT_FOUND after 63 links (Wine: STATUS_INVALID_PARAMETER);
   - a target's trailing "\" goes when more of the name follows (Wine: STATUS_OBJECT_NAME_INVALID);
   - a relative target is STATUS_OBJECT_NAME_INVALID (Wine: STATUS_OBJECT_PATH_SYNTAX_BAD);
   - a component that is an event with more after it is STATUS_OBJECT_TYPE_MISMATCH (Wine: not found);
   - a target with an odd Length, or one above MaximumLength, is STATUS_INVALID_PARAMETER (Wine takes it);
   - a query without ReturnedLength needs room for Length bytes only, and with it ReturnedLength is the
     target's MaximumLength as created (Wine always asks for Length + 2). */
#include <windows.h>
#include <winternl.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

typedef struct { UNICODE_STRING Name; UNICODE_STRING TypeName; } MY_OBJECT_DIRECTORY_INFORMATION;

static NTSTATUS (NTAPI *pNtCreateSymbolicLinkObject)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, PUNICODE_STRING);
static NTSTATUS (NTAPI *pNtOpenSymbolicLinkObject)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
static NTSTATUS (NTAPI *pNtQuerySymbolicLinkObject)(HANDLE, PUNICODE_STRING, PULONG);
static NTSTATUS (NTAPI *pNtCreateDirectoryObject)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
static NTSTATUS (NTAPI *pNtOpenDirectoryObject)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
static NTSTATUS (NTAPI *pNtQueryDirectoryObject)(HANDLE, PVOID, ULONG, BOOLEAN, BOOLEAN, PULONG, PULONG);
static NTSTATUS (NTAPI *pNtCreateEvent)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, int, BOOLEAN);
static NTSTATUS (NTAPI *pNtOpenEvent)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
static NTSTATUS (NTAPI *pNtQueryObject)(HANDLE, int, PVOID, ULONG, PULONG);
static NTSTATUS (NTAPI *pNtClose)(HANDLE);

#define GET(name) p##name = (void *)GetProcAddress(ntdll, #name)
#define S(label, x) printf("%-44s %08lx\n", label, (unsigned long)(x))
#define MY_SYMBOLIC_LINK_QUERY 0x0001
#define MY_SYMBOLIC_LINK_ALL_ACCESS 0x000F0001
#define MY_DIRECTORY_ALL_ACCESS 0x000F000F

static OBJECT_ATTRIBUTES attr;
static UNICODE_STRING str;
static POBJECT_ATTRIBUTES oa(const WCHAR *name, ULONG flags, HANDLE root) {
  RtlInitUnicodeString(&str, name);
  InitializeObjectAttributes(&attr, &str, flags, root, NULL);
  return &attr;
}

/* A link `name` to `target` (RtlInitUnicodeString: MaximumLength is Length + 2). */
static NTSTATUS make_link(HANDLE *h, const WCHAR *name, const WCHAR *target) {
  UNICODE_STRING t;
  RtlInitUnicodeString(&t, target);
  return pNtCreateSymbolicLinkObject(h, MY_SYMBOLIC_LINK_ALL_ACCESS, oa(name, 0, NULL), &t);
}

/* OBJECT_ATTRIBUTES without a name: an unnamed object. */
static POBJECT_ATTRIBUTES noname(void) {
  InitializeObjectAttributes(&attr, NULL, 0, NULL, NULL);
  return &attr;
}

static void close_if(HANDLE h) { if (h) pNtClose(h); }

static union { char bytes[1024]; double align; } buf;
static WCHAR lines[16][64];
static int cmp(const void *a, const void *b) { return wcscmp((const WCHAR *)a, (const WCHAR *)b); }

static void list(HANDLE dir) {
  ULONG ctx = 0, len, n = 0;
  BOOLEAN restart = TRUE;
  MY_OBJECT_DIRECTORY_INFORMATION *di = (MY_OBJECT_DIRECTORY_INFORMATION *)buf.bytes;
  while (n < 16 && pNtQueryDirectoryObject(dir, buf.bytes, sizeof buf.bytes, TRUE, restart, &ctx, &len) == 0) {
    swprintf(lines[n++], 64, L"%.*ls (%.*ls)", di->Name.Length / 2, di->Name.Buffer, di->TypeName.Length / 2, di->TypeName.Buffer);
    restart = FALSE;
  }
  qsort(lines, n, sizeof lines[0], cmp);
  for (ULONG i = 0; i < n; i++) printf("  %ls\n", lines[i]);
}

/* Queries `h` into a buffer of `max` bytes filled with 0x55, with or without ReturnedLength. */
static void query(const char *label, HANDLE h, USHORT max, BOOL want_len) {
  WCHAR chars[64];
  UNICODE_STRING q;
  ULONG len = 0xdead;
  NTSTATUS st;
  memset(chars, 0x55, sizeof chars);
  q.Length = 7;
  q.MaximumLength = max;
  q.Buffer = chars;
  st = pNtQuerySymbolicLinkObject(h, &q, want_len ? &len : NULL);
  printf("%-44s %08lx Length %u", label, (unsigned long)st, q.Length);
  if (want_len) printf(" ReturnedLength %lu", len);
  if (!st) printf(" \"%.*ls\" then %04x", q.Length / 2, chars, chars[q.Length / 2]);
  printf("\n");
}

int main(void) {
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  HANDLE dir, ev, lnk, lnk2, lnk3, inner, bno, h, h2, chain[64];
  UNICODE_STRING t;
  WCHAR name[64], target[64];
  NTSTATUS st;
  ULONG len;
  int i;

  GET(NtCreateSymbolicLinkObject); GET(NtOpenSymbolicLinkObject); GET(NtQuerySymbolicLinkObject);
  GET(NtCreateDirectoryObject); GET(NtOpenDirectoryObject); GET(NtQueryDirectoryObject);
  GET(NtCreateEvent); GET(NtOpenEvent); GET(NtQueryObject); GET(NtClose);

  printf("-- create, open, follow\n");
  S("directory", pNtCreateDirectoryObject(&dir, MY_DIRECTORY_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_symlinks_dir", 0, NULL)));
  S("event in it", pNtCreateEvent(&ev, EVENT_ALL_ACCESS, oa(L"ev", 0, dir), 0, FALSE));
  S("link to the directory", make_link(&lnk, L"\\BaseNamedObjects\\nt_symlinks_link", L"\\BaseNamedObjects\\nt_symlinks_dir"));
  S("inner link to \\BaseNamedObjects", make_link(&inner, L"\\BaseNamedObjects\\nt_symlinks_dir\\inner", L"\\BaseNamedObjects"));
  S("open event through the link", pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_symlinks_link\\ev", 0, NULL)));
  close_if(h); h = NULL;
  S("through two links", pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_symlinks_link\\inner\\nt_symlinks_dir\\ev", 0, NULL)));
  close_if(h); h = NULL;
  S("case-insensitive", pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"\\basenamedobjects\\NT_SYMLINKS_LINK\\EV", OBJ_CASE_INSENSITIVE, NULL)));
  close_if(h); h = NULL;
  S("open the link as a directory (followed)", pNtOpenDirectoryObject(&h, 1, oa(L"\\BaseNamedObjects\\nt_symlinks_link", 0, NULL)));
  close_if(h); h = NULL;
  S("NtOpenSymbolicLinkObject: the link itself", pNtOpenSymbolicLinkObject(&h, MY_SYMBOLIC_LINK_QUERY, oa(L"\\BaseNamedObjects\\nt_symlinks_link", 0, NULL)));
  close_if(h); h = NULL;
  S("NtOpenSymbolicLinkObject on an event", pNtOpenSymbolicLinkObject(&h, MY_SYMBOLIC_LINK_QUERY, oa(L"\\BaseNamedObjects\\nt_symlinks_dir\\ev", 0, NULL)));
  S("NtOpenSymbolicLinkObject: no such name", pNtOpenSymbolicLinkObject(&h, MY_SYMBOLIC_LINK_QUERY, oa(L"\\BaseNamedObjects\\nt_symlinks_none", 0, NULL)));
  S("NtOpenSymbolicLinkObject: NULL attributes", pNtOpenSymbolicLinkObject(&h, MY_SYMBOLIC_LINK_QUERY, NULL));
  S("NtOpenSymbolicLinkObject: NULL handle", pNtOpenSymbolicLinkObject(NULL, MY_SYMBOLIC_LINK_QUERY, oa(L"\\BaseNamedObjects\\nt_symlinks_link", 0, NULL)));
  S("BaseNamedObjects handle", pNtOpenDirectoryObject(&bno, 3, oa(L"\\BaseNamedObjects", 0, NULL)));
  S("relative to a RootDirectory", pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"nt_symlinks_link\\ev", 0, bno)));
  close_if(h); h = NULL;
  S("a link as the RootDirectory", pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"ev", 0, lnk)));
  S("[Windows] through an event", pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_symlinks_dir\\ev\\x", 0, NULL)));
  S("through a missing name", pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_symlinks_none\\ev", 0, NULL)));

  printf("-- Win32 names through links\n");
  h = OpenEventW(EVENT_ALL_ACCESS, FALSE, L"Global\\nt_symlinks_link\\ev");
  printf("OpenEventW(Global\\nt_symlinks_link\\ev): %s\n", h ? "handle" : "NULL");
  close_if(h);
  S("session link", make_link(&lnk2, L"\\Sessions\\1\\BaseNamedObjects\\nt_symlinks_s", L"\\BaseNamedObjects\\nt_symlinks_dir"));
  h = CreateEventW(NULL, TRUE, FALSE, L"nt_symlinks_s\\ev");
  printf("CreateEventW(nt_symlinks_s\\ev): %s, last error %lu\n", h ? "handle" : "NULL", GetLastError());
  close_if(h);
  h = CreateMutexW(NULL, FALSE, L"nt_symlinks_s\\mx");
  printf("CreateMutexW(nt_symlinks_s\\mx): %s, last error %lu\n", h ? "handle" : "NULL", GetLastError());
  h2 = OpenMutexW(SYNCHRONIZE, FALSE, L"Global\\nt_symlinks_dir\\mx");
  printf("OpenMutexW(Global\\nt_symlinks_dir\\mx): %s\n", h2 ? "handle" : "NULL");
  close_if(h2);
  close_if(h);
  close_if(lnk2);
  h = OpenEventW(EVENT_ALL_ACCESS, FALSE, L"nt_symlinks_s\\ev");
  printf("after closing the session link: %s, last error %lu\n", h ? "handle" : "NULL", GetLastError());

  printf("-- NtQuerySymbolicLinkObject\n");
  query("room for Length + 2, with ReturnedLength", lnk, 68, TRUE);
  query("room for Length, with ReturnedLength", lnk, 66, TRUE);
  query("[Windows] room for Length, no ReturnedLength", lnk, 66, FALSE);
  query("room for Length - 2, no ReturnedLength", lnk, 64, FALSE);
  query("room for nothing", lnk, 0, TRUE);
  S("NULL UNICODE_STRING", pNtQuerySymbolicLinkObject(lnk, NULL, &len));
  S("an event handle", pNtQuerySymbolicLinkObject(ev, &t, &len));
  S("open for READ_CONTROL only", pNtOpenSymbolicLinkObject(&h, READ_CONTROL, oa(L"\\BaseNamedObjects\\nt_symlinks_link", 0, NULL)));
  t.MaximumLength = 0; t.Buffer = NULL;
  S("  query it", pNtQuerySymbolicLinkObject(h, &t, &len));
  close_if(h); h = NULL;
  S("\\BaseNamedObjects\\Global", pNtOpenSymbolicLinkObject(&h, MY_SYMBOLIC_LINK_QUERY, oa(L"\\BaseNamedObjects\\Global", 0, NULL)));
  query("  its target", h, 128, TRUE);
  close_if(h); h = NULL;
  S("session Local", pNtOpenSymbolicLinkObject(&h, MY_SYMBOLIC_LINK_QUERY, oa(L"\\Sessions\\1\\BaseNamedObjects\\Local", 0, NULL)));
  query("  its target", h, 128, TRUE);
  close_if(h); h = NULL;
  /* a target without its NUL: MaximumLength == Length */
  t.Buffer = L"\\BaseNamedObjects\\nt_symlinks_dir";
  t.Length = t.MaximumLength = (USHORT)(wcslen(t.Buffer) * 2);
  S("link with MaximumLength == Length", pNtCreateSymbolicLinkObject(&h, MY_SYMBOLIC_LINK_ALL_ACCESS, noname(), &t));
  query("[Windows] room for Length, with ReturnedLength", h, 66, TRUE);
  close_if(h); h = NULL;

  printf("-- bad targets\n");
  S("NULL target", pNtCreateSymbolicLinkObject(&h, MY_SYMBOLIC_LINK_ALL_ACCESS, noname(), NULL));
  t.Buffer = L"\\abc"; t.Length = 3; t.MaximumLength = 10;
  S("[Windows] odd Length", pNtCreateSymbolicLinkObject(&h, MY_SYMBOLIC_LINK_ALL_ACCESS, noname(), &t));
  t.Length = 8; t.MaximumLength = 6;
  S("[Windows] Length > MaximumLength", pNtCreateSymbolicLinkObject(&h, MY_SYMBOLIC_LINK_ALL_ACCESS, noname(), &t));
  t.Length = 0; t.MaximumLength = 0;
  S("MaximumLength 0", pNtCreateSymbolicLinkObject(&h, MY_SYMBOLIC_LINK_ALL_ACCESS, noname(), &t));
  t.Length = 8; t.MaximumLength = 10;
  S("NULL handle pointer", pNtCreateSymbolicLinkObject(NULL, MY_SYMBOLIC_LINK_ALL_ACCESS, noname(), &t));
  S("NULL attributes", pNtCreateSymbolicLinkObject(&h, MY_SYMBOLIC_LINK_ALL_ACCESS, NULL, &t));
  t.Buffer = NULL;
  S("NULL Buffer", pNtCreateSymbolicLinkObject(&h, MY_SYMBOLIC_LINK_ALL_ACCESS, noname(), &t));
  t.Buffer = L"\\abc";
  S("unnamed link", pNtCreateSymbolicLinkObject(&h, MY_SYMBOLIC_LINK_ALL_ACCESS, noname(), &t));
  query("  its target", h, 128, TRUE);
  close_if(h); h = NULL;

  printf("-- creating through links\n");
  S("link to the event", make_link(&lnk3, L"\\BaseNamedObjects\\nt_symlinks_evlink", L"\\BaseNamedObjects\\nt_symlinks_dir\\ev"));
  S("NtCreateEvent at it", pNtCreateEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_symlinks_evlink", 0, NULL), 0, FALSE));
  S("NtCreateEvent at it, OBJ_OPENIF", pNtCreateEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_symlinks_evlink", OBJ_OPENIF, NULL), 0, FALSE));
  SetEvent(h);
  printf("  the same event: %s\n", WaitForSingleObject(ev, 0) == WAIT_OBJECT_0 ? "yes" : "no");
  ResetEvent(ev);
  close_if(h); h = NULL;
  S("NtOpenEvent at it", pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_symlinks_evlink", 0, NULL)));
  close_if(h); h = NULL;
  S("NtCreateSymbolicLinkObject at it", make_link(&h, L"\\BaseNamedObjects\\nt_symlinks_evlink", L"\\x"));
  RtlInitUnicodeString(&t, L"\\x");
  S("[Windows]   with OBJ_OPENIF",
    pNtCreateSymbolicLinkObject(&h, MY_SYMBOLIC_LINK_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_symlinks_evlink", OBJ_OPENIF, NULL), &t));
  query("[Windows]   the existing link kept its target", h, 128, FALSE);
  close_if(h); h = NULL;
  S("link to a missing name", make_link(&h2, L"\\BaseNamedObjects\\nt_symlinks_new", L"\\BaseNamedObjects\\nt_symlinks_dir\\new"));
  S("[Windows] NtCreateEvent at it", pNtCreateEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_symlinks_new", 0, NULL), 0, FALSE));
  S("[Windows]   it is in the target's directory", pNtOpenEvent(&h2, EVENT_ALL_ACCESS, oa(L"new", 0, dir)));
  close_if(h2); h2 = NULL;
  close_if(h); h = NULL;
  S("NtCreateEvent through a link", pNtCreateEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_symlinks_link\\ev2", 0, NULL), 0, FALSE));
  S("  it is in the directory", pNtOpenEvent(&h2, EVENT_ALL_ACCESS, oa(L"ev2", 0, dir)));
  close_if(h2); h2 = NULL;
  close_if(h); h = NULL;

  printf("-- targets\n");
  S("[Windows] target ending in \\", make_link(&h, L"\\BaseNamedObjects\\nt_symlinks_trail", L"\\BaseNamedObjects\\nt_symlinks_dir\\"));
  S("[Windows]   open ev through it", pNtOpenEvent(&h2, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_symlinks_trail\\ev", 0, NULL)));
  close_if(h2); h2 = NULL;
  close_if(h); h = NULL;
  S("relative target", make_link(&h, L"\\BaseNamedObjects\\nt_symlinks_rel", L"nt_symlinks_dir"));
  S("[Windows]   open ev through it", pNtOpenEvent(&h2, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_symlinks_rel\\ev", 0, NULL)));
  close_if(h); h = NULL;
  S("loop a -> b", make_link(&h, L"\\BaseNamedObjects\\nt_symlinks_a", L"\\BaseNamedObjects\\nt_symlinks_b"));
  S("loop b -> a", make_link(&h2, L"\\BaseNamedObjects\\nt_symlinks_b", L"\\BaseNamedObjects\\nt_symlinks_a"));
  S("[Windows]   open an event at a", pNtOpenEvent(&lnk2, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_symlinks_a", 0, NULL)));
  S("[Windows]   open a\\x", pNtOpenEvent(&lnk2, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_symlinks_a\\x", 0, NULL)));
  S("[Windows]   create an event at a", pNtCreateEvent(&lnk2, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_symlinks_a", 0, NULL), 0, FALSE));
  S("  NtOpenSymbolicLinkObject a", pNtOpenSymbolicLinkObject(&lnk2, MY_SYMBOLIC_LINK_QUERY, oa(L"\\BaseNamedObjects\\nt_symlinks_a", 0, NULL)));
  close_if(lnk2);
  close_if(h); close_if(h2); h = h2 = NULL;
  /* chain[i] -> chain[i + 1], the last to the event */
  st = 0;
  for (i = 0; i < 64 && !st; i++) {
    swprintf(name, 64, L"\\BaseNamedObjects\\nt_symlinks_c%d", i);
    if (i == 63) wcscpy(target, L"\\BaseNamedObjects\\nt_symlinks_dir\\ev");
    else swprintf(target, 64, L"\\BaseNamedObjects\\nt_symlinks_c%d", i + 1);
    st = make_link(&chain[i], name, target);
  }
  S("64 chained links", st);
  S("[Windows] 63 links: open an event", pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_symlinks_c1", 0, NULL)));
  close_if(h); h = NULL;
  S("[Windows] 64 links: open an event", pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_symlinks_c0", 0, NULL)));
  for (i = 0; i < 64; i++) pNtClose(chain[i]);

  printf("-- listing and NtQueryObject\n");
  list(dir);
  len = 0;
  S("ObjectTypeInformation", pNtQueryObject(lnk, 2, buf.bytes, sizeof buf.bytes, &len));
  printf("  type %.*ls\n", ((UNICODE_STRING *)buf.bytes)->Length / 2, ((UNICODE_STRING *)buf.bytes)->Buffer);
  S("ObjectNameInformation", pNtQueryObject(lnk, 1, buf.bytes, sizeof buf.bytes, &len));
  printf("  name %.*ls\n", ((UNICODE_STRING *)buf.bytes)->Length / 2, ((UNICODE_STRING *)buf.bytes)->Buffer);

  printf("-- a link's name goes with its last handle\n");
  pNtClose(lnk);
  S("open the link", pNtOpenSymbolicLinkObject(&h, MY_SYMBOLIC_LINK_QUERY, oa(L"\\BaseNamedObjects\\nt_symlinks_link", 0, NULL)));
  S("open ev through it", pNtOpenEvent(&h, EVENT_ALL_ACCESS, oa(L"\\BaseNamedObjects\\nt_symlinks_link\\ev", 0, NULL)));
  pNtClose(inner);
  list(dir);
  pNtClose(lnk3);
  pNtClose(ev);
  pNtClose(bno);
  pNtClose(dir);
  return 0;
}
