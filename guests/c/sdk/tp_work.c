/*
 * Thread-pool work objects, simple callbacks and QueueUserWorkItem: n submits run the callback n times,
 * WaitForThreadpoolWorkCallbacks waits for them all, fCancelPendingCallbacks drops the ones not yet
 * started, CloseThreadpoolWork lets queued callbacks still run. Expected output from mingw-w64 + Wine 8.0
 * (the values follow Microsoft's documentation of these calls).
 */
#include <windows.h>
#include <stdio.h>

static volatile LONG count;
static HANDLE gate, started;

static VOID CALLBACK count_cb(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_WORK work) {
  (void)inst; (void)work;
  InterlockedAdd(&count, (LONG)(LONG_PTR)ctx);
}

static volatile LONG disassociate;
static HANDLE finished;

/* With `disassociate` set, the callback stops counting for WaitForThreadpoolWorkCallbacks before it blocks,
   so the main thread can cancel the queued callbacks while this one still runs. */
static VOID CALLBACK blocking_cb(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_WORK work) {
  (void)ctx; (void)work;
  if (disassociate) DisassociateCurrentThreadFromCallback(inst);
  SetEventWhenCallbackReturns(inst, finished);
  SetEvent(started);
  WaitForSingleObject(gate, INFINITE);
  InterlockedIncrement(&count);
}

static VOID CALLBACK simple_cb(PTP_CALLBACK_INSTANCE inst, PVOID ctx) {
  (void)inst;
  InterlockedIncrement(&count);
  SetEvent((HANDLE)ctx);
}

static DWORD WINAPI qu_cb(LPVOID ctx) {
  InterlockedIncrement(&count);
  SetEvent((HANDLE)ctx);
  return 0;
}

int main(void) {
  gate = CreateEventW(NULL, TRUE, FALSE, NULL);
  started = CreateEventW(NULL, FALSE, FALSE, NULL);
  finished = CreateEventW(NULL, FALSE, FALSE, NULL);

  /* 1000 submits, one wait. */
  PTP_WORK w = CreateThreadpoolWork(count_cb, (PVOID)1, NULL);
  printf("created %d\n", w != NULL);
  for (int i = 0; i < 1000; i++) SubmitThreadpoolWork(w);
  WaitForThreadpoolWorkCallbacks(w, FALSE);
  printf("after 1000 submits: %ld\n", count);
  WaitForThreadpoolWorkCallbacks(w, FALSE); /* nothing outstanding: returns at once */
  CloseThreadpoolWork(w);

  /* A private pool with one thread: the first callback blocks (disassociated), the other 9 stay queued and are
     cancelled. */
  PTP_POOL pool = CreateThreadpool(NULL);
  SetThreadpoolThreadMaximum(pool, 1);
  printf("minimum %d\n", SetThreadpoolThreadMinimum(pool, 1));
  TP_CALLBACK_ENVIRON env;
  InitializeThreadpoolEnvironment(&env);
  SetThreadpoolCallbackPool(&env, pool);
  count = 0;
  w = CreateThreadpoolWork(blocking_cb, NULL, &env);
  disassociate = 1;
  for (int i = 0; i < 10; i++) SubmitThreadpoolWork(w);
  WaitForSingleObject(started, INFINITE);
  WaitForThreadpoolWorkCallbacks(w, TRUE); /* returns at once: the running callback is disassociated */
  printf("cancelled pending: %ld ran so far\n", count);
  SetEvent(gate);
  WaitForSingleObject(finished, INFINITE);
  printf("the running one finished: %ld\n", count);
  disassociate = 0;
  /* The same work object is still usable. */
  ResetEvent(gate);
  SubmitThreadpoolWork(w);
  SubmitThreadpoolWork(w);
  WaitForSingleObject(started, INFINITE);
  SetEvent(gate);
  WaitForThreadpoolWorkCallbacks(w, FALSE);
  printf("then %ld ran\n", count);
  /* Closing with queued callbacks: they still run. */
  ResetEvent(gate);
  count = 0;
  SubmitThreadpoolWork(w);
  SubmitThreadpoolWork(w);
  SubmitThreadpoolWork(w);
  WaitForSingleObject(started, INFINITE);
  CloseThreadpoolWork(w);
  SetEvent(gate);
  for (int i = 0; i < 500 && count < 3; i++) Sleep(10);
  printf("closed with queued: %ld ran\n", count);
  DestroyThreadpoolEnvironment(&env);
  CloseThreadpool(pool);

  /* TrySubmitThreadpoolCallback and QueueUserWorkItem. */
  HANDLE done = CreateEventW(NULL, FALSE, FALSE, NULL);
  count = 0;
  printf("TrySubmit %d\n", TrySubmitThreadpoolCallback(simple_cb, done, NULL));
  printf("wait %lu\n", WaitForSingleObject(done, 5000));
  printf("QueueUserWorkItem %d\n", QueueUserWorkItem(qu_cb, done, WT_EXECUTEDEFAULT));
  printf("wait %lu\n", WaitForSingleObject(done, 5000));
  printf("QueueUserWorkItem long %d\n", QueueUserWorkItem(qu_cb, done, WT_EXECUTELONGFUNCTION));
  printf("wait %lu\n", WaitForSingleObject(done, 5000));
  printf("count %ld\n", count);
  CloseHandle(done);
  CloseHandle(gate);
  CloseHandle(started);
  CloseHandle(finished);
  return 0;
}
