/*
 * Threads, events and a wait for all of them: each worker waits for the start event, adds its share
 * to a total, reports, and signals its own "done" event; main waits for every "done" event and every
 * thread with WaitForMultipleObjects. Exit code: 0 when the total is right.
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

#define WORKERS 4

struct job { int id; HANDLE start; HANDLE done; long *total; };

static DWORD WINAPI worker(LPVOID param) {
  struct job *job = param;
  if (WaitForSingleObject(job->start, INFINITE) != WAIT_OBJECT_0) return 1;
  long sum = 0;
  for (int i = 1; i <= 1000; i++) sum += i * (job->id + 1);
  __atomic_fetch_add(job->total, sum, __ATOMIC_SEQ_CST);
  printf("worker %d: added %ld\n", job->id, sum);
  SetEvent(job->done);
  return 100 + job->id;
}

int main(void) {
  HANDLE start = CreateEventW(NULL, TRUE, FALSE, L"threads-start");
  if (!start) { printf("CreateEventW failed: %lu\n", GetLastError()); return 1; }
  long total = 0;
  struct job *jobs = calloc(WORKERS, sizeof *jobs);
  HANDLE done[WORKERS], threads[WORKERS];
  for (int i = 0; i < WORKERS; i++) {
    jobs[i] = (struct job){ i, start, CreateEventW(NULL, FALSE, FALSE, NULL), &total };
    done[i] = jobs[i].done;
    threads[i] = CreateThread(NULL, 0, worker, &jobs[i], 0, NULL);
    if (!threads[i]) { printf("CreateThread failed: %lu\n", GetLastError()); return 1; }
  }
  printf("main: %d workers created, starting them\n", WORKERS);
  SetEvent(start);
  DWORD r = WaitForMultipleObjects(WORKERS, done, TRUE, INFINITE);
  printf("main: all done events signaled (wait returned %lu)\n", r);
  r = WaitForMultipleObjects(WORKERS, threads, TRUE, INFINITE);
  for (int i = 0; i < WORKERS; i++) {
    DWORD code;
    GetExitCodeThread(threads[i], &code);
    printf("main: worker %d exited with %lu\n", i, code);
    CloseHandle(threads[i]);
    CloseHandle(done[i]);
  }
  CloseHandle(start);
  free(jobs);
  long expected = 500500L * (1 + 2 + 3 + 4);
  printf("main: total %ld (expected %ld)\n", total, expected);
  return total == expected ? 0 : 2;
}
