/* A classic deadlock: main owns Mutant "lock-A" and waits for "lock-B"; the worker owns "lock-B" and
   waits for "lock-A". `ntwasm run` reports the cycle and exits with 124 (test/cli-deadlock.test.ts). */
#include <windows.h>
#include <stdio.h>

static HANDLE lockA, lockB, ready;

static DWORD WINAPI worker(LPVOID p) {
  (void)p;
  WaitForSingleObject(lockB, INFINITE);
  SetEvent(ready);
  WaitForSingleObject(lockA, INFINITE);
  return 0;
}

int main(void) {
  lockA = CreateMutexW(NULL, TRUE, L"lock-A");
  lockB = CreateMutexW(NULL, FALSE, L"lock-B");
  ready = CreateEventW(NULL, FALSE, FALSE, NULL);
  HANDLE t = CreateThread(NULL, 0, worker, NULL, 0, NULL);
  WaitForSingleObject(ready, INFINITE);
  printf("both locks taken\n");
  fflush(stdout);
  WaitForSingleObject(lockB, INFINITE);
  printf("never printed\n");
  CloseHandle(t);
  return 0;
}
