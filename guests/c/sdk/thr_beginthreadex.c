/*
 * _beginthreadex and _beginthread as Windows programs use them: four workers bump a shared counter
 * with InterlockedIncrement, WaitForMultipleObjects waits for all of them, GetExitCodeThread reads
 * what _endthreadex (or the return) gave; each thread has its own errno, rand seed and strtok place;
 * a _beginthread thread's handle closes itself when the thread ends; a NULL start address is EINVAL.
 * Expected output confirmed with mingw-w64 + Wine 8.0.
 */
#include <windows.h>
#include <process.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#define WORKERS 4
#define ROUNDS 10000

static volatile LONG counter;
static HANDLE go;

typedef struct {
  int id;
  int tokens;
  int first_rand;
  int errno_kept;
} WORK;

static unsigned __stdcall worker(void *arg) {
  WORK *w = (WORK *)arg;
  char text[64];
  WaitForSingleObject(go, INFINITE);
  w->first_rand = rand(); /* every thread's seed starts at 1 */
  errno = 100 + w->id;
  sprintf(text, "t%d a b c%s", w->id, w->id % 2 ? " d" : "");
  for (char *t = strtok(text, " "); t; t = strtok(NULL, " ")) {
    w->tokens++;
    Sleep(1); /* the other threads tokenize meanwhile */
  }
  for (int i = 0; i < ROUNDS; i++) InterlockedIncrement(&counter);
  w->errno_kept = errno == 100 + w->id;
  if (w->id % 2) _endthreadex(1000 + w->id);
  return 2000 + w->id;
}

static volatile LONG ran;

static void __cdecl fire_and_forget(void *arg) {
  InterlockedExchange(&ran, (LONG)(INT_PTR)arg);
}

int main(void) {
  HANDLE threads[WORKERS];
  WORK work[WORKERS];
  unsigned ids[WORKERS];
  go = CreateEvent(NULL, TRUE, FALSE, NULL);
  for (int i = 0; i < WORKERS; i++) {
    memset(&work[i], 0, sizeof work[i]);
    work[i].id = i;
    threads[i] = (HANDLE)_beginthreadex(NULL, 0, worker, &work[i], 0, &ids[i]);
    if (!threads[i]) { printf("_beginthreadex failed: errno %d\n", errno); return 1; }
  }
  printf("thread ids differ from ours: %s\n", ids[0] != GetCurrentThreadId() && ids[0] != ids[1] ? "yes" : "no");
  SetEvent(go);
  DWORD r = WaitForMultipleObjects(WORKERS, threads, TRUE, INFINITE);
  printf("WaitForMultipleObjects: %s\n", r == WAIT_OBJECT_0 ? "WAIT_OBJECT_0" : "other");
  printf("counter = %ld\n", counter);
  for (int i = 0; i < WORKERS; i++) {
    DWORD code = 0;
    GetExitCodeThread(threads[i], &code);
    printf("thread %d: exit code %lu, %d tokens, first rand %d, errno kept %s\n", i, code, work[i].tokens,
           work[i].first_rand, work[i].errno_kept ? "yes" : "no");
    CloseHandle(threads[i]);
  }

  /* A suspended start and the thread id it reports. */
  unsigned id = 0;
  WORK late = { 7, 0, 0, 0 };
  HANDLE h = (HANDLE)_beginthreadex(NULL, 0, worker, &late, CREATE_SUSPENDED, &id);
  Sleep(50);
  printf("suspended: %s\n", WaitForSingleObject(h, 0) == WAIT_TIMEOUT && late.tokens == 0 ? "not running" : "running");
  printf("GetThreadId matches: %s\n", GetThreadId(h) == id ? "yes" : "no");
  ResumeThread(h);
  WaitForSingleObject(h, INFINITE);
  DWORD code = 0;
  GetExitCodeThread(h, &code);
  printf("resumed: exit code %lu, %d tokens\n", code, late.tokens);
  CloseHandle(h);

  /* _beginthread: the handle is the thread's own and closes when it ends. */
  uintptr_t t = _beginthread(fire_and_forget, 0, (void *)(INT_PTR)42);
  printf("_beginthread: %s\n", t != (uintptr_t)-1L ? "started" : "failed");
  int closed = 0;
  for (int i = 0; i < 500 && !closed; i++) {
    DWORD flags;
    if (!GetHandleInformation((HANDLE)t, &flags)) closed = GetLastError() == ERROR_INVALID_HANDLE;
    else Sleep(10);
  }
  printf("ran with %ld, handle closed itself: %s\n", ran, closed ? "yes" : "no");

  /* Bad input. */
  errno = 0;
  uintptr_t bad = _beginthreadex(NULL, 0, NULL, NULL, 0, NULL);
  printf("_beginthreadex(NULL start): %lu, errno %s\n", (unsigned long)bad, errno == EINVAL ? "EINVAL" : "other");
  errno = 0;
  bad = _beginthread(NULL, 0, NULL);
  printf("_beginthread(NULL start): %s, errno %s\n", bad == (uintptr_t)-1L ? "-1" : "other", errno == EINVAL ? "EINVAL" : "other");
  CloseHandle(go);
  return 0;
}
