/*
 * Thread-pool cleanup groups: CloseThreadpoolCleanupGroupMembers closes every member (work, timer, wait,
 * simple callbacks), waits for running callbacks, drops queued ones with fCancelPendingCallbacks and then
 * calls the cancel callback for each member with its context and the cleanup context. Expected output from
 * mingw-w64 + Wine 8.0 (the cases follow Wine's dlls/ntdll/tests/threadpool.c test_tp_group_cancel).
 */
#include <windows.h>
#include <stdio.h>

static HANDLE inside, proceed;
static volatile LONG ran, cancelled;
static char cancel_log[16];
static volatile LONG cancel_len;

static VOID CALLBACK work_cb(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_WORK work) {
  (void)inst; (void)work;
  if (ctx == (PVOID)'B') { /* blocks the only thread */
    SetEvent(inside);
    WaitForSingleObject(proceed, INFINITE);
  }
  InterlockedIncrement(&ran);
}

static VOID CALLBACK simple_cb(PTP_CALLBACK_INSTANCE inst, PVOID ctx) {
  (void)inst; (void)ctx;
  InterlockedIncrement(&ran);
}

static VOID CALLBACK timer_cb(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_TIMER t) {
  (void)inst; (void)ctx; (void)t;
  InterlockedIncrement(&ran);
}

static VOID CALLBACK wait_cb(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_WAIT w, TP_WAIT_RESULT r) {
  (void)inst; (void)ctx; (void)w; (void)r;
  InterlockedIncrement(&ran);
}

static VOID CALLBACK cancel_cb(PVOID object_ctx, PVOID cleanup_ctx) {
  if (cleanup_ctx != (PVOID)0x1234) return;
  if (object_ctx == (PVOID)'Z') SetEvent(proceed); /* the first member: every queued callback is cancelled by now */
  InterlockedIncrement(&cancelled);
  cancel_log[InterlockedIncrement(&cancel_len) - 1] = (char)(ULONG_PTR)object_ctx;
}

static void relative(FILETIME *ft, LONGLONG ms) {
  ULARGE_INTEGER u;
  u.QuadPart = (ULONGLONG)(-ms * 10000);
  ft->dwLowDateTime = u.LowPart;
  ft->dwHighDateTime = u.HighPart;
}

int main(void) {
  inside = CreateEventW(NULL, FALSE, FALSE, NULL);
  proceed = CreateEventW(NULL, FALSE, FALSE, NULL);
  HANDLE never = CreateEventW(NULL, TRUE, FALSE, NULL);
  FILETIME ft;

  PTP_POOL pool = CreateThreadpool(NULL);
  SetThreadpoolThreadMaximum(pool, 1);
  SetThreadpoolThreadMinimum(pool, 1);
  PTP_CLEANUP_GROUP group = CreateThreadpoolCleanupGroup();
  printf("group %d\n", group != NULL);
  TP_CALLBACK_ENVIRON env;
  InitializeThreadpoolEnvironment(&env);
  SetThreadpoolCallbackPool(&env, pool);
  SetThreadpoolCallbackCleanupGroup(&env, group, NULL);

  /* Without cancelling: queued callbacks run, then the members are closed. */
  PTP_WORK w = CreateThreadpoolWork(work_cb, NULL, &env);
  for (int i = 0; i < 5; i++) SubmitThreadpoolWork(w);
  TrySubmitThreadpoolCallback(simple_cb, NULL, &env);
  CloseThreadpoolCleanupGroupMembers(group, FALSE, NULL);
  printf("all ran: %ld\n", ran);

  /* Cancelling: the running callback finishes, the queued ones never run, and each member's cancel
     callback runs once with its context. */
  ran = 0;
  SetThreadpoolCallbackCleanupGroup(&env, group, cancel_cb);
  PTP_WORK first = CreateThreadpoolWork(work_cb, (PVOID)'Z', &env); /* never submitted */
  PTP_WORK blocker = CreateThreadpoolWork(work_cb, (PVOID)'B', &env);
  PTP_WORK queued = CreateThreadpoolWork(work_cb, (PVOID)'W', &env);
  PTP_TIMER timer = CreateThreadpoolTimer(timer_cb, (PVOID)'T', &env);
  PTP_WAIT wait = CreateThreadpoolWait(wait_cb, (PVOID)'A', &env);
  SubmitThreadpoolWork(blocker);
  WaitForSingleObject(inside, INFINITE);
  SubmitThreadpoolWork(queued);
  SubmitThreadpoolWork(queued);
  TrySubmitThreadpoolCallback(simple_cb, (PVOID)'S', &env);
  relative(&ft, 100000);
  SetThreadpoolTimer(timer, &ft, 0, 0);
  SetThreadpoolWait(wait, never, NULL);
  /* The group call cancels every queued callback first, then waits for each member in turn and calls its cancel
     callback: the first member's lets the blocker return. */
  CloseThreadpoolCleanupGroupMembers(group, TRUE, (PVOID)0x1234);
  (void)first;
  printf("ran %ld, cancel callbacks %ld\n", ran, cancelled);
  int z = 0, b = 0, w2 = 0, t = 0, a = 0, s = 0;
  for (int i = 0; i < cancel_len; i++) {
    z += cancel_log[i] == 'Z'; b += cancel_log[i] == 'B'; w2 += cancel_log[i] == 'W'; t += cancel_log[i] == 'T';
    a += cancel_log[i] == 'A'; s += cancel_log[i] == 'S';
  }
  printf("cancelled: first %d (%c) blocker %d work %d timer %d wait %d simple %d\n", z, cancel_log[0], b, w2, t, a, s);
  Sleep(100);
  printf("nothing later: %ld\n", ran);

  /* The group can be used again, and closed. */
  w = CreateThreadpoolWork(work_cb, NULL, &env);
  SubmitThreadpoolWork(w);
  CloseThreadpoolCleanupGroupMembers(group, FALSE, NULL);
  printf("reused: %ld\n", ran);
  CloseThreadpoolCleanupGroup(group);
  DestroyThreadpoolEnvironment(&env);
  CloseThreadpool(pool);
  CloseHandle(never);
  CloseHandle(inside);
  CloseHandle(proceed);
  return 0;
}
