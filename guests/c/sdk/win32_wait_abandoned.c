/*
 * A wait-all that acquires an abandoned mutex (in any position) returns WAIT_ABANDONED_0, not
 * WAIT_ABANDONED_0 + its index, whether it is satisfied at once or after blocking; a wait-any names
 * the abandoned mutex's index. Confirmed with mingw-w64 + Wine 8.0.
 */
#include <windows.h>
#include <stdio.h>

static DWORD WINAPI take_and_exit(LPVOID m) {
  WaitForSingleObject((HANDLE)m, INFINITE);
  return 0; /* exits owning it: abandoned */
}

static DWORD WINAPI set_later(LPVOID e) {
  Sleep(50);
  SetEvent((HANDLE)e);
  return 0;
}

static void abandon(HANDLE m) {
  HANDLE t = CreateThread(NULL, 0, take_and_exit, m, 0, NULL);
  WaitForSingleObject(t, INFINITE);
  CloseHandle(t);
}

int main(void) {
  HANDLE e = CreateEventW(NULL, TRUE, TRUE, NULL);
  HANDLE s = CreateSemaphoreW(NULL, 5, 5, NULL);
  HANDLE m = CreateMutexW(NULL, FALSE, NULL);
  abandon(m);
  HANDLE all[3] = { e, s, m };
  DWORD r = WaitForMultipleObjects(3, all, TRUE, 0);
  printf("wait-all, abandoned mutex third: 0x%lX (WAIT_ABANDONED_0 0x%X)\n", r, WAIT_ABANDONED_0);
  ReleaseMutex(m);
  r = WaitForMultipleObjects(3, all, TRUE, 0);
  printf("again, no longer abandoned: 0x%lX\n", r);
  ReleaseMutex(m);
  abandon(m);
  HANDLE any[3] = { CreateEventW(NULL, TRUE, FALSE, NULL), m, e };
  r = WaitForMultipleObjects(3, any, FALSE, 0);
  printf("wait-any, abandoned mutex second: 0x%lX\n", r);
  ReleaseMutex(m);
  abandon(m);
  HANDLE two[2] = { m, e };
  r = WaitForMultipleObjectsEx(2, two, TRUE, 0, FALSE);
  printf("wait-all, abandoned mutex first: 0x%lX\n", r);
  ReleaseMutex(m);
  abandon(m);
  HANDLE later = CreateEventW(NULL, TRUE, FALSE, NULL);
  HANDLE blocking[2] = { later, m };
  HANDLE setter = CreateThread(NULL, 0, set_later, later, 0, NULL);
  r = WaitForMultipleObjects(2, blocking, TRUE, INFINITE);
  printf("wait-all that blocks until the event is set: 0x%lX\n", r);
  WaitForSingleObject(setter, INFINITE);
  return 0;
}
