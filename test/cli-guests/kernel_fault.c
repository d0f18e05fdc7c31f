/* Fault injection (tests only: NtwInjectKernelFault, enabled by boot({ faultInjection: true }) or
   NTWASM_FAULT_INJECTION=1): with argument K, this thread traps inside the kernel with its lock held
   (0: divide by zero, 1: unreachable, 2: out of bounds), while two other threads hammer an event (they
   keep asking for the kernel lock) and a third waits on it; "wait" only waits for ever (another process
   of the same kernel, which the fault must end too). test/kernel-fault.test.ts. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static HANDLE ev;
static DWORD WINAPI waiter(LPVOID p) { (void)p; WaitForSingleObject(ev, INFINITE); return 0; }
static DWORD WINAPI hammer(LPVOID p) { (void)p; for (;;) { SetEvent(ev); ResetEvent(ev); } }

int main(int argc, char **argv) {
  ev = CreateEventW(NULL, TRUE, FALSE, NULL);
  if (argc > 1 && !strcmp(argv[1], "wait")) {
    printf("waiting\n"); fflush(stdout);
    WaitForSingleObject(CreateEventW(NULL, TRUE, FALSE, NULL), INFINITE);
    return 0;
  }
  CreateThread(NULL, 0, waiter, NULL, 0, NULL);
  CreateThread(NULL, 0, hammer, NULL, 0, NULL);
  CreateThread(NULL, 0, hammer, NULL, 0, NULL);
  Sleep(20);
  printf("faulting\n"); fflush(stdout);
  if (!NtwInjectKernelFault(argc > 1 ? (DWORD)atoi(argv[1]) : 0)) printf("refused: %lu\n", GetLastError());
  return 0;
}
