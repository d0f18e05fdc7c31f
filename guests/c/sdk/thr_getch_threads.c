/*
 * A thread waiting in _getch holds up nobody: the test keeps stdin open and empty
 * (thr_getch_threads.hold-stdin), so the reader waits for good, while four other threads format,
 * allocate and print, and _kbhit answers at once that no key is waiting. Then main returns with
 * the reader still waiting. Windows' _getch reads the keyboard, not the piped stdin, so this is
 * ntwasm's documented behaviour (docs/guests.md), not a Windows-confirmed output.
 */
#include <windows.h>
#include <conio.h>
#include <stdio.h>
#include <stdlib.h>

static volatile LONG reading, total;

static DWORD WINAPI reader(LPVOID arg) {
  (void)arg;
  InterlockedExchange(&reading, 1);
  int c = _getch();
  printf("reader got %d\n", c);
  return 0;
}

static DWORD WINAPI worker(LPVOID arg) {
  int id = (int)(INT_PTR)arg;
  for (int i = 0; i < 100; i++) {
    char buf[32];
    snprintf(buf, sizeof buf, "%d", i);
    char *p = (char *)malloc(16);
    if (!p || atoi(buf) != i) return 1;
    free(p);
    InterlockedIncrement(&total);
  }
  printf("worker %d done\n", id);
  return 0;
}

int main(void) {
  CreateThread(NULL, 0, reader, NULL, 0, NULL);
  while (!reading) Sleep(1);
  Sleep(50); /* the reader is in _getch now */
  for (int i = 0; i < 4; i++) {
    HANDLE t = CreateThread(NULL, 0, worker, (LPVOID)(INT_PTR)i, 0, NULL);
    WaitForSingleObject(t, INFINITE); /* one after the other: the output stays in order */
    CloseHandle(t);
  }
  printf("total %ld, _kbhit %d\n", total, _kbhit());
  fflush(stdout);
  return 0;
}
