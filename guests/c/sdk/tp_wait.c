/*
 * Thread-pool waits: signaled (WAIT_OBJECT_0), timed out (WAIT_TIMEOUT, relative and 0), one wait per
 * SetThreadpoolWait (set it again to wait again), stopped with SetThreadpoolWait(NULL), waits on several
 * objects at once, and WaitForThreadpoolWaitCallbacks. Expected output from mingw-w64 + Wine 8.0 (the cases
 * follow Wine's dlls/ntdll/tests/threadpool.c test_tp_wait).
 */
#include <windows.h>
#include <stdio.h>

static volatile LONG signaled, timedout;
static HANDLE done;

static VOID CALLBACK wait_cb(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_WAIT wait, TP_WAIT_RESULT result) {
  (void)inst; (void)ctx; (void)wait;
  if (result == WAIT_OBJECT_0) InterlockedIncrement(&signaled);
  else if (result == WAIT_TIMEOUT) InterlockedIncrement(&timedout);
  ReleaseSemaphore(done, 1, NULL);
}

static void relative(FILETIME *ft, LONGLONG ms) {
  ULARGE_INTEGER u;
  u.QuadPart = (ULONGLONG)(-ms * 10000);
  ft->dwLowDateTime = u.LowPart;
  ft->dwHighDateTime = u.HighPart;
}

static void show(const char *what) {
  printf("%s: signaled %ld timedout %ld\n", what, signaled, timedout);
  signaled = timedout = 0;
}

int main(void) {
  done = CreateSemaphoreW(NULL, 0, 100, NULL);
  HANDLE sem = CreateSemaphoreW(NULL, 0, 10, NULL);
  FILETIME ft;
  PTP_WAIT w = CreateThreadpoolWait(wait_cb, NULL, NULL);
  printf("created %d\n", w != NULL);

  /* No timeout; signaled afterwards. */
  SetThreadpoolWait(w, sem, NULL);
  ReleaseSemaphore(sem, 1, NULL);
  printf("callback %lu\n", WaitForSingleObject(done, 10000));
  WaitForThreadpoolWaitCallbacks(w, FALSE);
  show("signal");
  printf("semaphore taken by the wait: %lu\n", WaitForSingleObject(sem, 0));

  /* Signaled before the wait starts. */
  ReleaseSemaphore(sem, 1, NULL);
  SetThreadpoolWait(w, sem, NULL);
  printf("callback %lu\n", WaitForSingleObject(done, 10000));
  WaitForThreadpoolWaitCallbacks(w, FALSE);
  show("already signaled");

  /* The wait is over after one callback: a second signal calls nothing. */
  ReleaseSemaphore(sem, 1, NULL);
  printf("no second callback: %lu\n", WaitForSingleObject(done, 200));
  printf("semaphore still signaled: %lu\n", WaitForSingleObject(sem, 0));

  /* Relative timeout. */
  relative(&ft, 50);
  SetThreadpoolWait(w, sem, &ft);
  printf("callback %lu\n", WaitForSingleObject(done, 10000));
  WaitForThreadpoolWaitCallbacks(w, FALSE);
  show("timeout");

  /* Timeout 0: times out at once. */
  ft.dwLowDateTime = ft.dwHighDateTime = 0;
  SetThreadpoolWait(w, sem, &ft);
  printf("callback %lu\n", WaitForSingleObject(done, 10000));
  WaitForThreadpoolWaitCallbacks(w, FALSE);
  show("zero timeout");

  /* Stopped before the signal. */
  relative(&ft, 100000);
  SetThreadpoolWait(w, sem, &ft);
  SetThreadpoolWait(w, NULL, NULL);
  Sleep(50);
  ReleaseSemaphore(sem, 1, NULL);
  printf("stopped: %lu\n", WaitForSingleObject(done, 200));
  show("stopped");
  printf("semaphore not taken: %lu\n", WaitForSingleObject(sem, 0));

  /* Many waits at once (more than one wait thread holds). */
  enum { N = 70 };
  HANDLE evs[N];
  PTP_WAIT ws[N];
  for (int i = 0; i < N; i++) {
    evs[i] = CreateEventW(NULL, TRUE, FALSE, NULL);
    ws[i] = CreateThreadpoolWait(wait_cb, NULL, NULL);
    SetThreadpoolWait(ws[i], evs[i], NULL);
  }
  for (int i = N - 1; i >= 0; i--) SetEvent(evs[i]);
  int got = 0;
  for (int i = 0; i < N; i++) got += WaitForSingleObject(done, 10000) == WAIT_OBJECT_0;
  printf("many: %d callbacks\n", got);
  for (int i = 0; i < N; i++) {
    WaitForThreadpoolWaitCallbacks(ws[i], FALSE);
    CloseThreadpoolWait(ws[i]);
    CloseHandle(evs[i]);
  }
  show("many");

  CloseThreadpoolWait(w);
  CloseHandle(sem);
  CloseHandle(done);
  return 0;
}
