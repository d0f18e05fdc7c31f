/*
 * A synchronization barrier for four threads over six phases: nobody leaves a phase before all four
 * have arrived, EnterSynchronizationBarrier returns TRUE to exactly one thread per phase (the last to
 * arrive), the default, SPIN_ONLY and BLOCK_ONLY flags all work, DeleteSynchronizationBarrier waits
 * for the threads still leaving. Wine 8.0 lacks the barrier functions (they are unimplemented
 * stubs there): the expected output is what Windows documents, and the program prints only counts
 * that do not depend on the threads' timing.
 */
#include <windows.h>
#include <stdio.h>

#define THREADS 4
#define PHASES 6

static SYNCHRONIZATION_BARRIER barrier;
static volatile LONG arrived[PHASES], last[PHASES], early_leavers[PHASES];

static DWORD flags_for(int phase) {
  switch (phase % 3) {
    case 1: return SYNCHRONIZATION_BARRIER_FLAGS_SPIN_ONLY;
    case 2: return SYNCHRONIZATION_BARRIER_FLAGS_BLOCK_ONLY;
    default: return 0;
  }
}

static DWORD WINAPI worker(LPVOID arg) {
  int id = (int)(INT_PTR)arg;
  for (int phase = 0; phase < PHASES; phase++) {
    Sleep((DWORD)((id * 7 + phase * 3) % 5) * 4); /* arrive in a different order each phase */
    InterlockedIncrement(&arrived[phase]);
    if (EnterSynchronizationBarrier(&barrier, flags_for(phase))) InterlockedIncrement(&last[phase]);
    if (arrived[phase] != THREADS) InterlockedIncrement(&early_leavers[phase]);
  }
  return 0;
}

int main(void) {
  if (!InitializeSynchronizationBarrier(&barrier, THREADS, -1)) {
    printf("InitializeSynchronizationBarrier failed: %lu\n", GetLastError());
    return 1;
  }
  HANDLE t[THREADS];
  for (int i = 0; i < THREADS; i++) t[i] = CreateThread(NULL, 0, worker, (LPVOID)(INT_PTR)i, 0, NULL);
  WaitForMultipleObjects(THREADS, t, TRUE, INFINITE);
  for (int i = 0; i < THREADS; i++) CloseHandle(t[i]);
  for (int phase = 0; phase < PHASES; phase++)
    printf("phase %d (%s): %ld arrived, %ld got TRUE, %ld left early\n", phase,
           flags_for(phase) == 0 ? "default" : flags_for(phase) == SYNCHRONIZATION_BARRIER_FLAGS_SPIN_ONLY ? "spin only" : "block only",
           arrived[phase], last[phase], early_leavers[phase]);
  printf("DeleteSynchronizationBarrier: %s\n", DeleteSynchronizationBarrier(&barrier) ? "TRUE" : "FALSE");

  /* One thread: it is always the last. */
  SYNCHRONIZATION_BARRIER solo;
  InitializeSynchronizationBarrier(&solo, 1, 0);
  BOOL a = EnterSynchronizationBarrier(&solo, 0), b = EnterSynchronizationBarrier(&solo, SYNCHRONIZATION_BARRIER_FLAGS_NO_DELETE);
  printf("one thread: %s, %s\n", a ? "TRUE" : "FALSE", b ? "TRUE" : "FALSE");
  DeleteSynchronizationBarrier(&solo);
  return 0;
}
