/* NtQueueApcThread (three arguments), NtTestAlert and NtAlertThread, found with GetProcAddress as
   Windows programs do: an alertable wait ends with STATUS_ALERTED; an alert that finds no such wait
   stays pending and wins over queued APCs (NT's KeAlertThread/KeTestAlertThread). Expected output
   confirmed with mingw-w64 + Wine 8.0 up to the NtAlertThread lines: Wine 8.0's NtAlertThread is a
   stub (STATUS_NOT_IMPLEMENTED), so those follow NT's design (Windows Internals, "Alerts and APCs").
   Wine also answers an alertable zero-length NtDelayExecution with STATUS_TIMEOUT where NT's
   KeDelayExecutionThread gives STATUS_SUCCESS, as ntwasm does (and Wine does when not alertable). */
#include <windows.h>
#include <winternl.h>
#include <stdio.h>

typedef VOID (NTAPI *APCFN)(ULONG_PTR, ULONG_PTR, ULONG_PTR);
static NTSTATUS (NTAPI *pNtQueueApcThread)(HANDLE, APCFN, ULONG_PTR, ULONG_PTR, ULONG_PTR);
static NTSTATUS (NTAPI *pNtTestAlert)(void);
static NTSTATUS (NTAPI *pNtAlertThread)(HANDLE);
static NTSTATUS (NTAPI *pNtDelayExecution)(BOOLEAN, const LARGE_INTEGER *);

static int calls;
static VOID NTAPI apc3(ULONG_PTR a, ULONG_PTR b, ULONG_PTR c) {
  calls++;
  printf("apc3(%lu, %lu, %lu)\n", (unsigned long)a, (unsigned long)b, (unsigned long)c);
}

static HANDLE ready;
static DWORD WINAPI alertable_sleeper(LPVOID arg) {
  LARGE_INTEGER forever;
  NTSTATUS st;
  (void)arg;
  forever.QuadPart = -10000LL * 60000; /* a minute */
  SetEvent(ready);
  st = pNtDelayExecution(TRUE, &forever);
  printf("sleeper woke: %08lx\n", (unsigned long)st);
  return 0;
}

int main(void) {
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  HANDLE self, t;
  LARGE_INTEGER zero;
  NTSTATUS st;
  DWORD r;

  pNtQueueApcThread = (void *)GetProcAddress(ntdll, "NtQueueApcThread");
  pNtTestAlert = (void *)GetProcAddress(ntdll, "NtTestAlert");
  pNtAlertThread = (void *)GetProcAddress(ntdll, "NtAlertThread");
  pNtDelayExecution = (void *)GetProcAddress(ntdll, "NtDelayExecution");
  DuplicateHandle(GetCurrentProcess(), GetCurrentThread(), GetCurrentProcess(), &self, 0, FALSE, DUPLICATE_SAME_ACCESS);
  zero.QuadPart = 0;

  /* three arguments, run by NtTestAlert, oldest first */
  st = pNtQueueApcThread(self, apc3, 1, 2, 3);
  printf("NtQueueApcThread: %08lx\n", (unsigned long)st);
  pNtQueueApcThread(GetCurrentThread(), apc3, 4, 5, 6);
  printf("queued, not run yet: %d\n", calls);
  st = pNtTestAlert();
  printf("NtTestAlert: %08lx, ran %d\n", (unsigned long)st, calls);
  st = pNtTestAlert();
  printf("NtTestAlert with nothing queued: %08lx\n", (unsigned long)st);

  /* an alertable wait runs them too */
  pNtQueueApcThread(self, apc3, 7, 8, 9);
  r = SleepEx(0, TRUE);
  printf("SleepEx: %lu\n", r);
  st = pNtDelayExecution(TRUE, &zero);
  printf("NtDelayExecution with nothing queued: %08lx\n", (unsigned long)st);

  /* bad handles */
  st = pNtQueueApcThread(NULL, apc3, 0, 0, 0);
  printf("NtQueueApcThread(NULL): %08lx\n", (unsigned long)st);
  st = pNtQueueApcThread(GetCurrentProcess(), apc3, 0, 0, 0);
  printf("NtQueueApcThread(process): %08lx\n", (unsigned long)st);

  /* NtAlertThread: a thread in an alertable wait wakes with STATUS_ALERTED */
  st = pNtAlertThread(self);
  printf("NtAlertThread: %08lx\n", (unsigned long)st);
  st = pNtDelayExecution(TRUE, &zero);
  printf("pending alert: NtDelayExecution %08lx\n", (unsigned long)st);
  pNtAlertThread(self);
  pNtQueueApcThread(self, apc3, 10, 11, 12);
  st = pNtDelayExecution(TRUE, &zero);
  printf("alert wins over APCs: %08lx, ran %d\n", (unsigned long)st, calls);
  st = pNtDelayExecution(TRUE, &zero);
  printf("then the APC: %08lx, ran %d\n", (unsigned long)st, calls);
  pNtAlertThread(self);
  st = pNtTestAlert();
  printf("NtTestAlert after an alert: %08lx\n", (unsigned long)st);
  st = pNtTestAlert();
  printf("NtTestAlert again: %08lx\n", (unsigned long)st);

  ready = CreateEventW(NULL, FALSE, FALSE, NULL);
  t = CreateThread(NULL, 0, alertable_sleeper, NULL, 0, NULL);
  WaitForSingleObject(ready, INFINITE);
  Sleep(50); /* into its wait (were it not, the alert would stay pending and end the wait at once) */
  pNtAlertThread(t);
  WaitForSingleObject(t, INFINITE);
  st = pNtAlertThread(NULL);
  printf("NtAlertThread(NULL): %08lx\n", (unsigned long)st);
  return 0;
}
