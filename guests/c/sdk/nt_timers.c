/* NT native timers as a Windows program calls them (GetProcAddress, its own typedefs): NtCreateTimer,
   NtOpenTimer, NtSetTimer with a completion routine, NtCancelTimer, NtQueryTimer.
   Expected output confirmed with mingw-w64 + Wine 8.0. */
#include <windows.h>
#include <winternl.h>
#include <stdio.h>

typedef enum { MyNotificationTimer, MySynchronizationTimer } MY_TIMER_TYPE;
typedef struct { LARGE_INTEGER RemainingTime; BOOLEAN TimerState; } MY_TIMER_BASIC_INFORMATION;
typedef VOID (NTAPI *MY_TIMER_APC_ROUTINE)(PVOID, ULONG, LONG);

static NTSTATUS (NTAPI *pNtCreateTimer)(PHANDLE, ACCESS_MASK, const OBJECT_ATTRIBUTES *, MY_TIMER_TYPE);
static NTSTATUS (NTAPI *pNtOpenTimer)(PHANDLE, ACCESS_MASK, const OBJECT_ATTRIBUTES *);
static NTSTATUS (NTAPI *pNtSetTimer)(HANDLE, const LARGE_INTEGER *, MY_TIMER_APC_ROUTINE, PVOID, BOOLEAN, LONG, PBOOLEAN);
static NTSTATUS (NTAPI *pNtCancelTimer)(HANDLE, PBOOLEAN);
static NTSTATUS (NTAPI *pNtQueryTimer)(HANDLE, int, PVOID, ULONG, PULONG);

#define GET(name) p##name = (void *)GetProcAddress(ntdll, #name)
#define ST(x) printf("%-58s %08lx\n", #x, (unsigned long)(x))

static int fired;
static PVOID fired_ctx;
static VOID NTAPI on_timer(PVOID ctx, ULONG low, LONG high) { (void)low; (void)high; fired++; fired_ctx = ctx; }

int main(void) {
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  HANDLE t, t2, named, h;
  LARGE_INTEGER due;
  BOOLEAN state = 9;
  MY_TIMER_BASIC_INFORMATION ti;
  ULONG len = 0;
  OBJECT_ATTRIBUTES attr;
  UNICODE_STRING name;

  GET(NtCreateTimer); GET(NtOpenTimer); GET(NtSetTimer); GET(NtCancelTimer); GET(NtQueryTimer);

  printf("-- notification timer\n");
  ST(pNtCreateTimer(&t, TIMER_ALL_ACCESS, NULL, MyNotificationTimer));
  ST(pNtQueryTimer(t, 0, &ti, sizeof ti, &len));
  printf("new: signaled %d, %lu bytes\n", ti.TimerState, len);
  due.QuadPart = -50 * 10000;
  ST(pNtSetTimer(t, &due, NULL, NULL, FALSE, 0, &state));
  printf("previous state %d\n", state);
  ST(pNtQueryTimer(t, 0, &ti, sizeof ti, NULL));
  printf("armed: signaled %d, remaining in (0, 50 ms]: %s\n", ti.TimerState,
    ti.RemainingTime.QuadPart > 0 && ti.RemainingTime.QuadPart <= 50 * 10000 ? "yes" : "no");
  ST(NtWaitForSingleObject(t, FALSE, NULL));
  ST(pNtQueryTimer(t, 0, &ti, sizeof ti, NULL));
  printf("fired: signaled %d\n", ti.TimerState);
  ST(NtWaitForSingleObject(t, FALSE, NULL));
  due.QuadPart = -10 * 1000 * 10000;
  ST(pNtSetTimer(t, &due, NULL, NULL, FALSE, 0, &state));
  printf("previous state %d\n", state);
  state = 9;
  ST(pNtCancelTimer(t, &state));
  printf("cancelled: current state %d\n", state);
  ST(pNtQueryTimer(t, 1, &ti, sizeof ti, NULL));
  ST(pNtQueryTimer(t, 0, &ti, sizeof ti - 1, NULL));
  ST(pNtCreateTimer(&t2, TIMER_ALL_ACCESS, NULL, (MY_TIMER_TYPE)2));
  pNtCancelTimer(t, NULL);

  printf("-- completion routine\n");
  due.QuadPart = -10 * 10000;
  ST(pNtSetTimer(t, &due, on_timer, (PVOID)(ULONG_PTR)7, FALSE, 0, NULL));
  len = SleepEx(5000, TRUE);
  printf("SleepEx: %lu, routine ran %d time(s) with context %d\n", len, fired, (int)(ULONG_PTR)fired_ctx);
  CloseHandle(t);

  printf("-- named synchronization timer\n");
  RtlInitUnicodeString(&name, L"\\BaseNamedObjects\\nt_timers_t");
  InitializeObjectAttributes(&attr, &name, 0, NULL, NULL);
  ST(pNtCreateTimer(&named, TIMER_ALL_ACCESS, &attr, MySynchronizationTimer));
  ST(pNtOpenTimer(&h, TIMER_ALL_ACCESS, &attr));
  t2 = OpenWaitableTimerW(SYNCHRONIZE, FALSE, L"Global\\nt_timers_t");
  printf("OpenWaitableTimerW(Global\\nt_timers_t): %s\n", t2 ? "handle" : "NULL");
  due.QuadPart = -5 * 10000;
  ST(pNtSetTimer(h, &due, NULL, NULL, FALSE, 0, NULL));
  ST(WaitForSingleObject(t2, 5000));
  ST(pNtQueryTimer(named, 0, &ti, sizeof ti, NULL));
  printf("taken by the wait: signaled %d\n", ti.TimerState);
  CloseHandle(t2); CloseHandle(h); CloseHandle(named);
  return 0;
}
