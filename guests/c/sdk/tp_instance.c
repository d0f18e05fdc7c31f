/*
 * Thread-pool callback instances: SetEventWhenCallbackReturns, ReleaseSemaphoreWhenCallbackReturns,
 * ReleaseMutexWhenCallbackReturns, LeaveCriticalSectionWhenCallbackReturns, FreeLibraryWhenCallbackReturns
 * (the actions happen after the callback returns and before WaitForThreadpoolWorkCallbacks returns),
 * CallbackMayRunLong, DisassociateCurrentThreadFromCallback, and callback priorities in a one-thread pool.
 * Expected output from mingw-w64 + Wine 8.0 (the cases follow Wine's dlls/ntdll/tests/threadpool.c
 * test_tp_instance, test_tp_disassociate and test_tp_multi_wait's priority part).
 */
#include <windows.h>
#include <stdio.h>

static HANDLE ev, sem, mutex, inside, proceed;
static CRITICAL_SECTION cs;
static volatile LONG seen_before;

static VOID CALLBACK actions_cb(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_WORK work) {
  (void)ctx; (void)work;
  WaitForSingleObject(mutex, INFINITE); /* the callback's thread owns it: released for it on return */
  EnterCriticalSection(&cs);
  SetEventWhenCallbackReturns(inst, ev);
  ReleaseSemaphoreWhenCallbackReturns(inst, sem, 2);
  ReleaseMutexWhenCallbackReturns(inst, mutex);
  LeaveCriticalSectionWhenCallbackReturns(inst, &cs);
  FreeLibraryWhenCallbackReturns(inst, LoadLibraryW(L"kernel32.dll"));
  seen_before = WaitForSingleObject(ev, 0) == WAIT_TIMEOUT;
}

static volatile LONG may_run_long;
static VOID CALLBACK long_cb(PTP_CALLBACK_INSTANCE inst, PVOID ctx) {
  (void)ctx;
  may_run_long = CallbackMayRunLong(inst);
  SetEvent(ev);
}

static VOID CALLBACK disassociate_cb(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_WORK work) {
  (void)ctx; (void)work;
  DisassociateCurrentThreadFromCallback(inst);
  SetEvent(inside);
  WaitForSingleObject(proceed, INFINITE);
  SetEventWhenCallbackReturns(inst, ev);
}

static char order[16];
static volatile LONG order_len;
static VOID CALLBACK order_cb(PTP_CALLBACK_INSTANCE inst, PVOID ctx) {
  (void)inst;
  if (ctx == NULL) { /* the first one holds the only thread while the others are queued */
    SetEvent(inside);
    WaitForSingleObject(proceed, INFINITE);
    return;
  }
  order[InterlockedIncrement(&order_len) - 1] = (char)(ULONG_PTR)ctx;
}

int main(void) {
  ev = CreateEventW(NULL, FALSE, FALSE, NULL);
  sem = CreateSemaphoreW(NULL, 0, 10, NULL);
  mutex = CreateMutexW(NULL, FALSE, NULL);
  inside = CreateEventW(NULL, FALSE, FALSE, NULL);
  proceed = CreateEventW(NULL, FALSE, FALSE, NULL);
  InitializeCriticalSection(&cs);

  PTP_WORK w = CreateThreadpoolWork(actions_cb, NULL, NULL);
  SubmitThreadpoolWork(w);
  WaitForThreadpoolWorkCallbacks(w, FALSE);
  printf("not during the callback: %ld\n", seen_before);
  printf("event: %lu\n", WaitForSingleObject(ev, 0));
  DWORD s1 = WaitForSingleObject(sem, 0), s2 = WaitForSingleObject(sem, 0), s3 = WaitForSingleObject(sem, 0);
  printf("semaphore released twice: %lu %lu %lu\n", s1, s2, s3);
  printf("mutex free: %lu\n", WaitForSingleObject(mutex, 0));
  ReleaseMutex(mutex);
  printf("critical section free: %d\n", TryEnterCriticalSection(&cs));
  LeaveCriticalSection(&cs);
  CloseThreadpoolWork(w);

  /* CallbackMayRunLong in the default pool: another thread can start. */
  TrySubmitThreadpoolCallback(long_cb, NULL, NULL);
  WaitForSingleObject(ev, 10000);
  printf("may run long: %ld\n", may_run_long);

  /* In a pool of one thread that is busy: FALSE. */
  PTP_POOL pool = CreateThreadpool(NULL);
  SetThreadpoolThreadMaximum(pool, 1);
  SetThreadpoolThreadMinimum(pool, 1);
  TP_CALLBACK_ENVIRON env;
  InitializeThreadpoolEnvironment(&env);
  SetThreadpoolCallbackPool(&env, pool);
  TrySubmitThreadpoolCallback(long_cb, NULL, &env);
  WaitForSingleObject(ev, 10000);
  printf("may run long, one thread: %ld\n", may_run_long);

  /* Disassociated: WaitForThreadpoolWorkCallbacks returns while the callback still runs. */
  w = CreateThreadpoolWork(disassociate_cb, NULL, NULL);
  SubmitThreadpoolWork(w);
  WaitForSingleObject(inside, INFINITE);
  WaitForThreadpoolWorkCallbacks(w, FALSE);
  printf("returned while it runs: %lu\n", WaitForSingleObject(ev, 0));
  SetEvent(proceed);
  printf("its return action still runs: %lu\n", WaitForSingleObject(ev, 10000));
  CloseThreadpoolWork(w);

  /* Priorities: high before normal before low, FIFO within each. */
  TrySubmitThreadpoolCallback(order_cb, NULL, &env);
  WaitForSingleObject(inside, INFINITE);
  static const struct { char c; TP_CALLBACK_PRIORITY p; } items[] = {
    { 'l', TP_CALLBACK_PRIORITY_LOW }, { 'n', TP_CALLBACK_PRIORITY_NORMAL }, { 'h', TP_CALLBACK_PRIORITY_HIGH },
    { 'm', TP_CALLBACK_PRIORITY_LOW }, { 'o', TP_CALLBACK_PRIORITY_NORMAL }, { 'i', TP_CALLBACK_PRIORITY_HIGH },
  };
  for (int i = 0; i < 6; i++) {
    SetThreadpoolCallbackPriority(&env, items[i].p);
    TrySubmitThreadpoolCallback(order_cb, (PVOID)(ULONG_PTR)items[i].c, &env);
  }
  SetEvent(proceed);
  for (int i = 0; i < 500 && order_len < 6; i++) Sleep(10);
  printf("order: %s\n", order);

  DestroyThreadpoolEnvironment(&env);
  CloseThreadpool(pool);
  DeleteCriticalSection(&cs);
  CloseHandle(ev);
  CloseHandle(sem);
  CloseHandle(mutex);
  CloseHandle(inside);
  CloseHandle(proceed);
  return 0;
}
