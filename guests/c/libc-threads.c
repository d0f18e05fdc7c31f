/*
 * libc from several threads at once: every thread allocates, fills, checks and frees blocks of
 * random sizes (malloc, calloc, realloc, free), prints whole lines with printf, and keeps its own
 * errno (set, then strtol's ERANGE, then checked after the other threads have run). Main prints the
 * totals; the exit code is the number of threads that saw corruption or a foreign errno.
 */
#include <windows.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 8
#define ROUNDS 400
#define LIVE 16
#define PAYLOAD "abcdefghijklmnopqrstuvwxyz0123456789"

static unsigned next(unsigned *seed) { *seed = *seed * 1103515245u + 12345u; return *seed >> 8; }

static DWORD WINAPI worker(LPVOID param) {
  int id = (int)(ULONG_PTR)param;
  unsigned seed = 7u * (unsigned)id + 1u;
  unsigned char *blocks[LIVE] = {0};
  size_t sizes[LIVE] = {0};
  int bad = 0;
  errno = 1000 + id;
  for (int round = 0; round < ROUNDS; round++) {
    int slot = (int)(next(&seed) % LIVE);
    if (blocks[slot]) {
      for (size_t i = 0; i < sizes[slot]; i++) if (blocks[slot][i] != (unsigned char)(id * 31 + slot)) { bad++; break; }
      if (next(&seed) & 1) { free(blocks[slot]); blocks[slot] = NULL; continue; }
      size_t grow = sizes[slot] + 1 + next(&seed) % 3000;
      unsigned char *p = realloc(blocks[slot], grow);
      if (!p) { bad++; continue; }
      memset(p + sizes[slot], id * 31 + slot, grow - sizes[slot]);
      blocks[slot] = p;
      sizes[slot] = grow;
    } else {
      size_t n = 1 + next(&seed) % 5000;
      unsigned char *p = (next(&seed) & 1) ? malloc(n) : calloc(n, 1);
      if (!p) { bad++; continue; }
      memset(p, id * 31 + slot, n);
      blocks[slot] = p;
      sizes[slot] = n;
    }
    if (round % 20 == 0) printf("thread %d line %d: %s %s\n", id, round / 20, PAYLOAD, PAYLOAD);
    if (errno != 1000 + id) bad++;
  }
  for (int i = 0; i < LIVE; i++) free(blocks[i]);
  /* strtol reports ERANGE through this thread's errno only. */
  errno = 0;
  long v = strtol("99999999999999999999999", NULL, 10);
  int range = errno;
  SwitchToThread();
  if (v != 2147483647L || range != ERANGE || errno != ERANGE) bad++;
  errno = 2000 + id;
  Sleep(1);
  if (errno != 2000 + id) bad++;
  printf("thread %d done: %s\n", id, bad ? "CORRUPT" : "ok");
  return (DWORD)bad;
}

int main(void) {
  HANDLE threads[THREADS];
  errno = 42;
  for (int i = 0; i < THREADS; i++) {
    threads[i] = CreateThread(NULL, 0, worker, (LPVOID)(ULONG_PTR)i, 0, NULL);
    if (!threads[i]) { printf("CreateThread failed: %lu\n", GetLastError()); return 100; }
  }
  WaitForMultipleObjects(THREADS, threads, TRUE, INFINITE);
  int failed = 0;
  for (int i = 0; i < THREADS; i++) {
    DWORD code = 1;
    GetExitCodeThread(threads[i], &code);
    if (code) failed++;
    CloseHandle(threads[i]);
  }
  printf("main: %d threads, %d failed, main errno %d\n", THREADS, failed, errno);
  return failed + (errno != 42);
}
