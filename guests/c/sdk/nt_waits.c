/* NT native waits, delays and handle duplication as a Windows program calls them: NtWaitForSingleObject
   from <winternl.h> (ntdll), the rest found with GetProcAddress and the program's own typedefs.
   LARGE_INTEGER timeouts: NULL waits forever, negative is relative in 100 ns, positive an absolute
   FILETIME. Expected output confirmed with mingw-w64 + Wine 8.0. */
#include <windows.h>
#include <winternl.h>
#include <stdio.h>

typedef enum { MyWaitAll, MyWaitAny } MY_WAIT_TYPE;
static NTSTATUS (NTAPI *pNtWaitForMultipleObjects)(ULONG, const HANDLE *, MY_WAIT_TYPE, BOOLEAN, const LARGE_INTEGER *);
static NTSTATUS (NTAPI *pNtSignalAndWaitForSingleObject)(HANDLE, HANDLE, BOOLEAN, const LARGE_INTEGER *);
static NTSTATUS (NTAPI *pNtDelayExecution)(BOOLEAN, const LARGE_INTEGER *);
static NTSTATUS (NTAPI *pNtDuplicateObject)(HANDLE, HANDLE, HANDLE, PHANDLE, ACCESS_MASK, ULONG, ULONG);
static NTSTATUS (NTAPI *pNtClose)(HANDLE);

#define GET(name) p##name = (void *)GetProcAddress(ntdll, #name)
#define ST(x) printf("%-60s %08lx\n", #x, (unsigned long)(x))

static int apcs;
static void CALLBACK apc(ULONG_PTR arg) { apcs += (int)arg; }

static DWORD WINAPI take_and_exit(LPVOID m) {
  WaitForSingleObject((HANDLE)m, INFINITE);
  return 0; /* ends owning the mutex: it is abandoned */
}

static LARGE_INTEGER rel_ms(LONGLONG ms) { LARGE_INTEGER t; t.QuadPart = -ms * 10000; return t; }

int main(void) {
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  HANDLE ev[2], both[2], same[2], sem, mx, thr, dup, dup2;
  LARGE_INTEGER t0 = rel_ms(0), t20 = rel_ms(20), t100 = rel_ms(100), past, future;
  FILETIME ft;
  DWORD start, elapsed, flags;
  LONG count;

  GET(NtWaitForMultipleObjects); GET(NtSignalAndWaitForSingleObject); GET(NtDelayExecution);
  GET(NtDuplicateObject); GET(NtClose);
  ev[0] = CreateEventW(NULL, TRUE, FALSE, NULL);
  ev[1] = CreateEventW(NULL, TRUE, TRUE, NULL);

  printf("-- NtWaitForSingleObject\n");
  ST(NtWaitForSingleObject(ev[1], FALSE, NULL));
  ST(NtWaitForSingleObject(ev[0], FALSE, &t0));
  start = GetTickCount();
  ST(NtWaitForSingleObject(ev[0], FALSE, &t100));
  elapsed = GetTickCount() - start;
  printf("relative 100 ms: waited at least 90 ms: %s\n", elapsed >= 90 ? "yes" : "no");
  past.QuadPart = 1;
  ST(NtWaitForSingleObject(ev[0], FALSE, &past));
  GetSystemTimeAsFileTime(&ft);
  future.LowPart = ft.dwLowDateTime;
  future.HighPart = (LONG)ft.dwHighDateTime;
  future.QuadPart += 100 * 10000;
  start = GetTickCount();
  ST(NtWaitForSingleObject(ev[0], FALSE, &future));
  elapsed = GetTickCount() - start;
  printf("absolute now + 100 ms: waited at least 80 ms: %s\n", elapsed >= 80 ? "yes" : "no");
  ST(NtWaitForSingleObject((HANDLE)(ULONG_PTR)0x1234, FALSE, &t0));

  printf("-- NtWaitForMultipleObjects\n");
  ST(pNtWaitForMultipleObjects(2, ev, MyWaitAny, FALSE, &t0));
  ST(pNtWaitForMultipleObjects(2, ev, MyWaitAll, FALSE, &t0));
  ST(pNtWaitForMultipleObjects(2, ev, MyWaitAll, FALSE, &t20));
  SetEvent(ev[0]);
  ST(pNtWaitForMultipleObjects(2, ev, MyWaitAll, FALSE, NULL));
  ResetEvent(ev[0]);
  ST(pNtWaitForMultipleObjects(0, ev, MyWaitAny, FALSE, &t0));
  ST(pNtWaitForMultipleObjects(65, ev, MyWaitAny, FALSE, &t0));
  same[0] = same[1] = ev[1];
  /* (the same handle twice in a WaitAll is STATUS_INVALID_PARAMETER_MIX on Windows, which Wine lets through) */
  ST(pNtWaitForMultipleObjects(2, same, MyWaitAny, FALSE, &t0));
  both[0] = CreateEventW(NULL, FALSE, TRUE, NULL); /* auto-reset: taken by the wait */
  both[1] = ev[1];
  ST(pNtWaitForMultipleObjects(2, both, MyWaitAll, FALSE, &t0));
  ST(NtWaitForSingleObject(both[0], FALSE, &t0));
  CloseHandle(both[0]);

  printf("-- abandoned mutant\n");
  mx = CreateMutexW(NULL, FALSE, NULL);
  thr = CreateThread(NULL, 0, take_and_exit, mx, 0, NULL);
  WaitForSingleObject(thr, INFINITE);
  CloseHandle(thr);
  ST(NtWaitForSingleObject(mx, FALSE, NULL));
  ReleaseMutex(mx);

  printf("-- NtSignalAndWaitForSingleObject\n");
  sem = CreateSemaphoreW(NULL, 0, 5, NULL);
  ST(pNtSignalAndWaitForSingleObject(sem, ev[1], FALSE, NULL));
  ReleaseSemaphore(sem, 1, &count);
  printf("semaphore count was %ld\n", count);
  ST(pNtSignalAndWaitForSingleObject(ev[0], ev[0], FALSE, &t0));
  ResetEvent(ev[0]);
  ST(pNtSignalAndWaitForSingleObject(mx, ev[1], FALSE, &t0));
  ST(pNtSignalAndWaitForSingleObject(GetCurrentThread(), ev[1], FALSE, &t0));
  CloseHandle(sem);

  printf("-- NtDelayExecution and APCs\n");
  start = GetTickCount();
  ST(pNtDelayExecution(FALSE, &t20));
  elapsed = GetTickCount() - start;
  printf("20 ms delay: at least 15 ms: %s\n", elapsed >= 15 ? "yes" : "no");
  ST(pNtDelayExecution(FALSE, &t0));
  QueueUserAPC(apc, GetCurrentThread(), 1);
  ST(pNtDelayExecution(TRUE, &t100));
  printf("APCs run: %d\n", apcs);
  QueueUserAPC(apc, GetCurrentThread(), 10);
  ST(NtWaitForSingleObject(ev[0], TRUE, NULL));
  printf("APCs run: %d\n", apcs);
  QueueUserAPC(apc, GetCurrentThread(), 100);
  ST(pNtWaitForMultipleObjects(1, ev, MyWaitAny, TRUE, NULL));
  printf("APCs run: %d\n", apcs);
  QueueUserAPC(apc, GetCurrentThread(), 1000);
  ST(NtWaitForSingleObject(ev[0], FALSE, &t0));
  printf("not alertable: APCs run: %d\n", apcs);
  SleepEx(0, TRUE);
  printf("after SleepEx: APCs run: %d\n", apcs);

  printf("-- NtDuplicateObject\n");
  ST(pNtDuplicateObject(GetCurrentProcess(), ev[0], GetCurrentProcess(), &dup, 0, 0, DUPLICATE_SAME_ACCESS));
  printf("new handle: %s\n", dup != ev[0] ? "yes" : "no");
  SetEvent(dup);
  ST(NtWaitForSingleObject(ev[0], FALSE, &t0));
  ST(pNtDuplicateObject(GetCurrentProcess(), dup, GetCurrentProcess(), &dup2, SYNCHRONIZE, OBJ_INHERIT, 0));
  GetHandleInformation(dup2, &flags);
  printf("OBJ_INHERIT: flags %lu; SetEvent with SYNCHRONIZE only: %s\n", flags, SetEvent(dup2) ? "ok" : "denied");
  ST(pNtDuplicateObject(GetCurrentProcess(), dup2, GetCurrentProcess(), &dup, 0, 0, DUPLICATE_SAME_ACCESS | DUPLICATE_CLOSE_SOURCE));
  GetHandleInformation(dup, &flags);
  printf("HandleAttributes 0: flags %lu; the new handle took the closed source's value: %s\n", flags, dup == dup2 ? "yes" : "no");
  ST(pNtClose(dup2));
  ST(pNtClose(dup));
  ST(pNtDuplicateObject(GetCurrentProcess(), (HANDLE)(ULONG_PTR)0x1234, GetCurrentProcess(), &dup, 0, 0, DUPLICATE_SAME_ACCESS));
  return 0;
}
