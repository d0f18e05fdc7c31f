/* The same deadlock over two critical sections (user-mode locks: the report names their addresses and
   owners, which the user-mode runtime tells the kernel when a thread waits). */
#include <windows.h>
#include <stdio.h>

static CRITICAL_SECTION a, b;
static HANDLE ready;

static DWORD WINAPI worker(LPVOID p) {
  (void)p;
  EnterCriticalSection(&b);
  SetEvent(ready);
  EnterCriticalSection(&a);
  return 0;
}

int main(void) {
  InitializeCriticalSection(&a);
  InitializeCriticalSection(&b);
  ready = CreateEventW(NULL, FALSE, FALSE, NULL);
  EnterCriticalSection(&a);
  HANDLE t = CreateThread(NULL, 0, worker, NULL, 0, NULL);
  WaitForSingleObject(ready, INFINITE);
  printf("a=%p b=%p\n", (void *)&a, (void *)&b);
  fflush(stdout);
  EnterCriticalSection(&b);
  CloseHandle(t);
  return 0;
}
