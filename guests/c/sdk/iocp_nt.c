/* The NT native forms of completion ports, as a Windows program reaches them (GetProcAddress and its own
   typedefs): NtCreateIoCompletion (named too, and NtOpenIoCompletion), NtSetIoCompletion with any status,
   NtRemoveIoCompletion, NtRemoveIoCompletionEx batches and its alertable rule (a thread not yet removing
   from the port gets STATUS_USER_APC first; once it is, a queued packet wins), NtQueryIoCompletion, and
   access rights. NTSTATUS values printed as %08lx. Expected output confirmed with mingw-w64 + Wine 8.0,
   except for the first alertable remove: Windows runs the APC first there (STATUS_USER_APC) for a thread
   that is not yet removing from that port, as Wine's later conformance test ntdll:file
   test_set_io_completion checks; Wine 8.0 returns the packet. */
#include <windows.h>
#include <winternl.h>
#include <stdio.h>

typedef struct { ULONG_PTR CompletionKey; ULONG_PTR CompletionValue; IO_STATUS_BLOCK IoStatusBlock; } MY_COMPLETION_INFO;
static NTSTATUS (NTAPI *pNtCreateIoCompletion)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES, ULONG);
static NTSTATUS (NTAPI *pNtOpenIoCompletion)(PHANDLE, ACCESS_MASK, POBJECT_ATTRIBUTES);
static NTSTATUS (NTAPI *pNtSetIoCompletion)(HANDLE, ULONG_PTR, ULONG_PTR, NTSTATUS, SIZE_T);
static NTSTATUS (NTAPI *pNtRemoveIoCompletion)(HANDLE, PULONG_PTR, PULONG_PTR, PIO_STATUS_BLOCK, PLARGE_INTEGER);
static NTSTATUS (NTAPI *pNtRemoveIoCompletionEx)(HANDLE, MY_COMPLETION_INFO *, ULONG, PULONG, PLARGE_INTEGER, BOOLEAN);
static NTSTATUS (NTAPI *pNtQueryIoCompletion)(HANDLE, int, PVOID, ULONG, PULONG);
static VOID (NTAPI *pRtlInitUnicodeString)(PUNICODE_STRING, PCWSTR);

#define GET(name) p##name = (void *)GetProcAddress(ntdll, #name)
#define ST(x) printf("%-72s %08lx\n", #x, (unsigned long)(x))
#define MY_IO_COMPLETION_QUERY_STATE 0x0001
#define MY_IO_COMPLETION_MODIFY_STATE 0x0002
#define MY_IO_COMPLETION_ALL_ACCESS 0x001f0003

static OBJECT_ATTRIBUTES attr;
static UNICODE_STRING str;
static POBJECT_ATTRIBUTES oa(const WCHAR *name) {
  pRtlInitUnicodeString(&str, name);
  InitializeObjectAttributes(&attr, &str, 0, NULL, NULL);
  return &attr;
}

static int apcs;
static void CALLBACK apc(ULONG_PTR arg) { apcs++; }

int main(void) {
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  HANDLE h, h2, named, opened, ro;
  ULONG_PTR key = 0, value = 0;
  IO_STATUS_BLOCK iosb;
  MY_COMPLETION_INFO info[3];
  ULONG count = 0, len = 0;
  LONG depth = -1;
  LARGE_INTEGER zero = { .QuadPart = 0 }, t50 = { .QuadPart = -50 * 10000 };
  GET(NtCreateIoCompletion); GET(NtOpenIoCompletion); GET(NtSetIoCompletion); GET(NtRemoveIoCompletion);
  GET(NtRemoveIoCompletionEx); GET(NtQueryIoCompletion); GET(RtlInitUnicodeString);

  printf("-- create, set, query, remove\n");
  ST(pNtCreateIoCompletion(&h, MY_IO_COMPLETION_ALL_ACCESS, NULL, 0));
  ST(pNtSetIoCompletion(h, 0x1030341, 0xfffabbcc, (NTSTATUS)0xc0000010, 3));
  ST(pNtSetIoCompletion(h, 12, 34, 56, 78));
  ST(pNtQueryIoCompletion(h, 0, &depth, sizeof depth, &len));
  printf("depth %ld, length %lu\n", depth, len);
  ST(pNtQueryIoCompletion(h, 0, &depth, 8, &len));
  ST(pNtRemoveIoCompletion(h, &key, &value, &iosb, &zero));
  printf("key %lx, value %lx, status %08lx, information %lu\n", (unsigned long)key, (unsigned long)value,
         (unsigned long)iosb.Status, (unsigned long)iosb.Information);
  ST(pNtRemoveIoCompletion(h, &key, &value, &iosb, NULL));
  printf("key %lu, value %lu, status %08lx, information %lu\n", (unsigned long)key, (unsigned long)value,
         (unsigned long)iosb.Status, (unsigned long)iosb.Information);
  ST(pNtRemoveIoCompletion(h, &key, &value, &iosb, &zero));
  DWORD start = GetTickCount();
  ST(pNtRemoveIoCompletion(h, &key, &value, &iosb, &t50));
  printf("waited at least 40 ms: %s\n", GetTickCount() - start >= 40 ? "yes" : "no");
  ST(pNtQueryIoCompletion(h, 0, &depth, sizeof depth, &len));
  printf("depth %ld\n", depth);

  printf("-- NtRemoveIoCompletionEx\n");
  for (int i = 1; i <= 3; i++) pNtSetIoCompletion(h, i, 10 * i, 0, 100 * i);
  ST(pNtRemoveIoCompletionEx(h, info, 2, &count, &zero, FALSE));
  printf("count %lu: {%lu %lu %08lx %lu} {%lu %lu %08lx %lu}\n", count,
         (unsigned long)info[0].CompletionKey, (unsigned long)info[0].CompletionValue, (unsigned long)info[0].IoStatusBlock.Status,
         (unsigned long)info[0].IoStatusBlock.Information, (unsigned long)info[1].CompletionKey,
         (unsigned long)info[1].CompletionValue, (unsigned long)info[1].IoStatusBlock.Status,
         (unsigned long)info[1].IoStatusBlock.Information);
  ST(pNtRemoveIoCompletionEx(h, info, 3, &count, NULL, FALSE));
  printf("count %lu: key %lu\n", count, (unsigned long)info[0].CompletionKey);
  ST(pNtRemoveIoCompletionEx(h, info, 3, &count, &zero, FALSE));

  printf("-- alertable\n");
  ST(pNtCreateIoCompletion(&h2, MY_IO_COMPLETION_ALL_ACCESS, NULL, 0));
  QueueUserAPC(apc, GetCurrentThread(), 0);
  ST(pNtSetIoCompletion(h2, 1, 2, 3, 4));
  /* this thread last removed from h, not h2: the APC comes first */
  ST(pNtRemoveIoCompletionEx(h2, info, 2, &count, &zero, TRUE));
  printf("APCs ran: %d\n", apcs);
  ST(pNtRemoveIoCompletionEx(h2, info, 2, &count, &zero, TRUE));
  printf("count %lu, key %lu\n", count, (unsigned long)info[0].CompletionKey);
  /* now it removes from h2: a queued packet wins over a queued APC */
  QueueUserAPC(apc, GetCurrentThread(), 0);
  ST(pNtSetIoCompletion(h2, 5, 6, 7, 8));
  ST(pNtRemoveIoCompletionEx(h2, info, 2, &count, &zero, TRUE));
  printf("count %lu, key %lu, APCs ran: %d\n", count, (unsigned long)info[0].CompletionKey, apcs);
  ST(pNtRemoveIoCompletionEx(h2, info, 2, &count, &zero, TRUE));
  printf("APCs ran: %d\n", apcs);
  ST(pNtRemoveIoCompletionEx(h2, info, 2, &count, &zero, FALSE));

  printf("-- names and access\n");
  ST(pNtCreateIoCompletion(&named, MY_IO_COMPLETION_ALL_ACCESS, oa(L"\\BaseNamedObjects\\iocp_nt_port"), 1));
  ST(pNtOpenIoCompletion(&opened, MY_IO_COMPLETION_MODIFY_STATE, oa(L"\\BaseNamedObjects\\iocp_nt_port")));
  ST(pNtSetIoCompletion(opened, 9, 9, 0, 9));
  ST(pNtQueryIoCompletion(opened, 0, &depth, sizeof depth, &len));
  ST(pNtQueryIoCompletion(named, 0, &depth, sizeof depth, &len));
  printf("depth %ld\n", depth);
  ST(pNtOpenIoCompletion(&ro, MY_IO_COMPLETION_QUERY_STATE, oa(L"\\BaseNamedObjects\\iocp_nt_port")));
  ST(pNtRemoveIoCompletion(ro, &key, &value, &iosb, &zero));
  ST(pNtSetIoCompletion(ro, 1, 1, 0, 1));
  printf("CloseHandle: %d\n", CloseHandle(ro));
  ST(pNtOpenIoCompletion(&h2, MY_IO_COMPLETION_QUERY_STATE, oa(L"\\BaseNamedObjects\\iocp_nt_none")));
  ST(pNtCreateIoCompletion(&h2, MY_IO_COMPLETION_ALL_ACCESS, oa(L"\\BaseNamedObjects\\iocp_nt_port"), 1));
  HANDLE ev = CreateEventW(NULL, FALSE, FALSE, NULL);
  ST(pNtSetIoCompletion(ev, 1, 1, 0, 1));
  ST(pNtRemoveIoCompletion(ev, &key, &value, &iosb, &zero));
  ST(pNtQueryIoCompletion(ev, 0, &depth, sizeof depth, &len));
  printf("CloseHandle: %d", CloseHandle(h));
  printf(" %d", CloseHandle(named));
  printf(" %d", CloseHandle(opened));
  printf(" %d\n", CloseHandle(ev));
  return 0;
}
