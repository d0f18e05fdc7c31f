/*
 * ExitProcess from a worker thread ends the whole process with its code, while the main thread waits;
 * what was printed before is not lost (the CRT flushes its streams as the process detaches, as msvcrt
 * does). Expected output confirmed with mingw-w64 + Wine 8.0.
 */
#include <windows.h>
#include <stdio.h>

static DWORD WINAPI worker(LPVOID arg) {
  printf("worker: ending the process with %d\n", (int)(INT_PTR)arg);
  ExitProcess((UINT)(INT_PTR)arg);
  return 0; /* not reached */
}

int main(void) {
  printf("main: starting the worker");  /* no newline: still in stdout's buffer */
  printf("\n");
  HANDLE t = CreateThread(NULL, 0, worker, (LPVOID)(INT_PTR)42, 0, NULL);
  WaitForSingleObject(t, INFINITE);
  printf("main: not reached\n");
  return 1;
}
