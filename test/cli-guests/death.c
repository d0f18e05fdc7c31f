/* Death at any moment (issue 17; test/death-stress.test.ts). The parent, for `rounds` rounds, starts this
   program again as a child that owns a mutex, holds the client end of a named pipe, has three more
   threads (one waiting for ever, one hammering an event, so the kernel lock is often taken when the
   end comes, one sleeping on an armed waitable timer), an overlapped read pending on a pipe of its own,
   and tells the parent it is ready; then the child is ended at a random moment in one of three ways:
   TerminateProcess by the parent (exit code 77), a thread of its own trapping (a division by zero:
   STATUS_INTEGER_DIVIDE_BY_ZERO), or ExitProcess(5) from another thread. After each end the parent checks
   what Windows guarantees: the mutex is abandoned (WAIT_ABANDONED), the pipe's server end reads
   ERROR_BROKEN_PIPE, the process handle is signaled with that exit code.
   `death threads ROUNDS SEED` does the same to threads: TerminateThread of a thread that takes and
   releases a mutex in a loop, at a random moment; the mutex is then abandoned or free, never stuck.
   Usage: death ROUNDS SEED (the parent), death child HOW SPINS (the child). */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static HANDLE hammerEvent;
static volatile LONG zero, seven = 7; /* the compiler cannot know them: the division traps at run time (1 / x it would turn into compares) */

static DWORD WINAPI forever(LPVOID p) { (void)p; WaitForSingleObject(CreateEventW(NULL, TRUE, FALSE, NULL), INFINITE); return 0; }
static DWORD WINAPI hammer(LPVOID p) { (void)p; for (;;) { SetEvent(hammerEvent); ResetEvent(hammerEvent); } }
static DWORD WINAPI timed(LPVOID p) {
  (void)p;
  HANDLE t = CreateWaitableTimerW(NULL, FALSE, NULL);
  LARGE_INTEGER due; due.QuadPart = -10000; /* 1 ms */
  for (;;) { SetWaitableTimer(t, &due, 0, NULL, NULL, FALSE); WaitForSingleObject(t, INFINITE); }
}
static DWORD WINAPI exiter(LPVOID p) { Sleep((DWORD)(UINT_PTR)p); ExitProcess(5); }

static int child(int how, int spins) {
  HANDLE m = OpenMutexW(SYNCHRONIZE, FALSE, L"death-mutex");
  if (!m || WaitForSingleObject(m, INFINITE) != WAIT_OBJECT_0) return 90;
  HANDLE pipe = CreateFileW(L"\\\\.\\pipe\\death", GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
  if (pipe == INVALID_HANDLE_VALUE) return 91;
  hammerEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
  CreateThread(NULL, 0, forever, NULL, 0, NULL);
  CreateThread(NULL, 0, hammer, NULL, 0, NULL);
  CreateThread(NULL, 0, timed, NULL, 0, NULL);
  /* an overlapped read that nobody will complete */
  HANDLE srv = CreateNamedPipeW(L"\\\\.\\pipe\\death-own", PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE, 1, 4096, 4096, 0, NULL);
  HANDLE cli = CreateFileW(L"\\\\.\\pipe\\death-own", GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
  static char buf[64];
  OVERLAPPED ov = { 0 };
  ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
  if (srv == INVALID_HANDLE_VALUE || cli == INVALID_HANDLE_VALUE) return 92;
  if (ReadFile(srv, buf, sizeof buf, NULL, &ov) || GetLastError() != ERROR_IO_PENDING) return 93;
  if (how == 2) CreateThread(NULL, 0, exiter, (LPVOID)(UINT_PTR)(spins % 4), 0, NULL);
  HANDLE ready = OpenEventW(EVENT_MODIFY_STATE, FALSE, L"death-ready");
  SetEvent(ready);
  for (volatile int i = 0; i < spins * 1000; i++) {}
  if (how == 1) return seven / zero; /* STATUS_INTEGER_DIVIDE_BY_ZERO */
  for (;;) Sleep(1); /* how 0: TerminateProcess comes; how 2: ExitProcess comes */
}

static HANDLE hammered;
static DWORD WINAPI taker(LPVOID p) {
  (void)p;
  for (;;) { WaitForSingleObject(hammered, INFINITE); ReleaseMutex(hammered); }
}

static int threads(int rounds) {
  hammered = CreateMutexW(NULL, FALSE, NULL);
  int abandoned = 0, free_ = 0;
  for (int r = 0; r < rounds; r++) {
    HANDLE t = CreateThread(NULL, 0, taker, NULL, 0, NULL);
    Sleep(rand() % 3);
    if (!TerminateThread(t, 9)) { printf("round %d: TerminateThread %lu\n", r, GetLastError()); return 1; }
    WaitForSingleObject(t, INFINITE);
    DWORD code = 0;
    GetExitCodeThread(t, &code);
    if (code != 9) { printf("round %d: thread exit code %lu\n", r, code); return 1; }
    DWORD w = WaitForSingleObject(hammered, 5000);
    if (w == WAIT_ABANDONED_0) abandoned++;
    else if (w == WAIT_OBJECT_0) free_++;
    else { printf("round %d: the mutex gave %lu\n", r, w); return 1; }
    if (!ReleaseMutex(hammered)) { printf("round %d: ReleaseMutex %lu\n", r, GetLastError()); return 1; }
    CloseHandle(t);
  }
  printf("%d threads terminated: the mutex was abandoned or free each time (%s)\n", rounds,
    abandoned && free_ ? "both seen" : "one kind only");
  return 0;
}

int main(int argc, char **argv) {
  if (argc > 3 && !strcmp(argv[1], "child")) return child(atoi(argv[2]), atoi(argv[3]));
  if (argc > 1 && !strcmp(argv[1], "threads")) { srand(argc > 3 ? (unsigned)atoi(argv[3]) : 1); return threads(argc > 2 ? atoi(argv[2]) : 10); }
  int rounds = argc > 1 ? atoi(argv[1]) : 10;
  srand(argc > 2 ? (unsigned)atoi(argv[2]) : 1);
  WCHAR self[MAX_PATH];
  GetModuleFileNameW(NULL, self, MAX_PATH);
  int bad = 0;
  for (int r = 0; r < rounds && !bad; r++) {
    int how = rand() % 3, spins = rand() % 200;
    HANDLE m = CreateMutexW(NULL, FALSE, L"death-mutex");
    HANDLE ready = CreateEventW(NULL, FALSE, FALSE, L"death-ready");
    HANDLE pipe = CreateNamedPipeW(L"\\\\.\\pipe\\death", PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE, 1, 4096, 4096, 0, NULL);
    WCHAR cmd[MAX_PATH + 64];
    swprintf(cmd, MAX_PATH + 64, L"\"%ls\" child %d %d", self, how, spins);
    STARTUPINFOW si = { sizeof si };
    PROCESS_INFORMATION pi;
    if (!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) { printf("round %d: CreateProcessW %lu\n", r, GetLastError()); return 1; }
    HANDLE both[2] = { ready, pi.hProcess };
    DWORD w = WaitForMultipleObjects(2, both, FALSE, 30000);
    /* ExitProcess from the child's thread may come before it says it is ready */
    if (w != WAIT_OBJECT_0 && !(w == WAIT_OBJECT_0 + 1 && how == 2)) { DWORD c = 0; GetExitCodeProcess(pi.hProcess, &c); printf("round %d: not ready (%lu, exit %lu)\n", r, w, c); return 1; }
    if (how == 0) { Sleep(rand() % 3); TerminateProcess(pi.hProcess, 77); }
    if (WaitForSingleObject(pi.hProcess, 30000) != WAIT_OBJECT_0) { printf("round %d: the child did not end\n", r); return 1; }
    DWORD code = 0, want = how == 0 ? 77 : how == 1 ? 0xC0000094 : 5;
    GetExitCodeProcess(pi.hProcess, &code);
    /* an exit from the child itself may come before the parent's TerminateProcess: then its code wins */
    if (code != want) { printf("round %d (how %d): exit code 0x%lx, not 0x%lx\n", r, how, code, want); bad = 1; }
    DWORD mw = WaitForSingleObject(m, 5000);
    if (mw != WAIT_ABANDONED_0) { printf("round %d: the mutex gave %lu, not WAIT_ABANDONED\n", r, mw); bad = 1; }
    else ReleaseMutex(m);
    char b[8];
    DWORD n;
    if (ReadFile(pipe, b, sizeof b, &n, NULL) || GetLastError() != ERROR_BROKEN_PIPE) { printf("round %d: the pipe read gave %lu\n", r, GetLastError()); bad = 1; }
    CloseHandle(pi.hThread); CloseHandle(pi.hProcess); CloseHandle(pipe); CloseHandle(ready); CloseHandle(m);
  }
  printf(bad ? "failed\n" : "%d rounds: every end abandoned the mutex, broke the pipe and gave its exit code\n", rounds);
  return bad;
}
