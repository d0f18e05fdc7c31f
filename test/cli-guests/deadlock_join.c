/* A join that cannot end: main waits for the worker (and an event nobody sets, all at once), the worker
   for a mutex main owns. */
#include <windows.h>
#include <stdio.h>
static HANDLE m;
static DWORD WINAPI worker(LPVOID p) { (void)p; WaitForSingleObject(m, INFINITE); return 0; }
int main(void) {
  m = CreateMutexW(NULL, TRUE, NULL);
  HANDLE t = CreateThread(NULL, 0, worker, NULL, 0, NULL);
  HANDLE e = CreateEventW(NULL, TRUE, FALSE, L"never");
  HANDLE hs[2] = { t, e };
  WaitForMultipleObjects(2, hs, TRUE, INFINITE);
  return 0;
}
