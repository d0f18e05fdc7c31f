/*
 * A thread blocked reading stdin holds up nobody: while it waits in getchar(), four other threads
 * format, convert, allocate and print (on Windows the CRT locks each stream on its own). The test keeps
 * stdin open and empty, so the reader waits for good; the program ends with TerminateProcess, as
 * exit() would wait for the reader's stream on Windows. Expected output confirmed with mingw-w64 +
 * Wine 8.0 (run with stdin open: `sleep 60 | wine prog.exe`).
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static DWORD WINAPI reader(LPVOID arg) {
  (void)arg;
  int c = getchar();
  printf("reader got %d\n", c);
  return 0;
}

static volatile LONG total;

static DWORD WINAPI worker(LPVOID arg) {
  int id = (int)(INT_PTR)arg;
  char buf[64];
  for (int i = 0; i < 200; i++) {
    snprintf(buf, sizeof buf, "%d:%d", id, i);
    long v = strtol(strchr(buf, ':') + 1, NULL, 10);
    char *p = malloc(32);
    if (!p || v != i) return 1;
    free(p);
    rand();
    InterlockedIncrement(&total);
  }
  fprintf(stderr, "worker %d done\n", id);
  return 0;
}

int main(void) {
  CloseHandle(CreateThread(NULL, 0, reader, NULL, 0, NULL));
  Sleep(200); /* the reader is now waiting in getchar() */
  HANDLE t[4];
  for (int i = 0; i < 4; i++) t[i] = CreateThread(NULL, 0, worker, (LPVOID)(INT_PTR)i, 0, NULL);
  DWORD r = WaitForMultipleObjects(4, t, TRUE, 20000);
  printf("workers finished: %s, %ld conversions\n", r == WAIT_OBJECT_0 ? "yes" : "no (blocked)", total);
  printf("main prints while the reader waits\n");
  fflush(stdout);
  TerminateProcess(GetCurrentProcess(), 0);
  return 0;
}
