/*
 * A guest that holds kernel state still for test/kernel-check.test.ts: a named manual event, a mutex it owns, a
 * semaphore, an armed timer, a pipe with 5 bytes queued, and a thread blocked in a wait-all on the event and the
 * mutex (so both have a queued wait). It prints "ready" and waits for its standard input to end.
 */
#include <windows.h>
#include <stdio.h>
#include <unistd.h>

static HANDLE ev, mu;

static DWORD WINAPI waiter(LPVOID p) {
  HANDLE both[2] = { ev, mu };
  (void)p;
  return WaitForMultipleObjects(2, both, TRUE, INFINITE);
}

int main(void) {
  ev = CreateEventW(NULL, TRUE, FALSE, L"check-event");
  mu = CreateMutexW(NULL, TRUE, L"check-mutex");
  HANDLE sem = CreateSemaphoreW(NULL, 1, 5, NULL);
  HANDLE tm = CreateWaitableTimerW(NULL, TRUE, NULL);
  LARGE_INTEGER due;
  due.QuadPart = -36000000000LL; /* an hour */
  HANDLE r, w;
  DWORD n;
  if (!ev || !mu || !sem || !tm || !SetWaitableTimer(tm, &due, 0, NULL, NULL, FALSE) || !CreatePipe(&r, &w, NULL, 0)
      || !WriteFile(w, "hello", 5, &n, NULL)) {
    printf("setup failed: %lu\n", GetLastError());
    return 1;
  }
  HANDLE t = CreateThread(NULL, 0, waiter, NULL, 0, NULL);
  Sleep(200); /* the waiter blocks */
  printf("ready\n");
  fflush(stdout);
  char buf[64];
  while (read(0, buf, sizeof buf) > 0) {}
  SetEvent(ev);
  ReleaseMutex(mu);
  WaitForSingleObject(t, INFINITE);
  return 0;
}
