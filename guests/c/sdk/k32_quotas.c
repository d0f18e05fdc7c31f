/* Resource limits answer with errors or make the caller wait, and another process of the same kernel
   still runs normally (issue 17):
   - QueueUserAPC to a thread that never waits alertably: the 65,537th fails with
     ERROR_NO_SYSTEM_RESOURCES (ntwasm's limit, kernel/lib/quota.ts; Windows has no documented number,
     its APCs come from the nonpaged pool and fail the same way when that runs out); once the thread
     runs its APCs the queue takes more again;
   - a pipe created with a 1 GiB buffer holds at most 16 MiB unread (a writer then waits, as on a full
     pipe), whatever size GetNamedPipeInfo reports.
   Then a child process (this program, "child") starts and prints. Expected values: ntwasm's limits; the
   error codes are those Windows gives for an exhausted pool (STATUS_INSUFFICIENT_RESOURCES). */
#include <windows.h>
#include <stdio.h>
#include <string.h>

static volatile LONG ran;
static HANDLE go;
static VOID CALLBACK apc(ULONG_PTR p) { (void)p; InterlockedIncrement(&ran); }
static DWORD WINAPI sleeper(LPVOID p) { (void)p; WaitForSingleObject(go, INFINITE); SleepEx(0, TRUE); return 0; }

static HANDLE rd, wr;
static char chunk[65536];
static volatile LONG written;
static DWORD WINAPI writer(LPVOID p) {
  (void)p;
  DWORD n;
  for (int i = 0; i < 512; i++) { /* 32 MiB in all */
    if (!WriteFile(wr, chunk, sizeof chunk, &n, NULL)) return 1;
    InterlockedExchangeAdd(&written, (LONG)n);
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "child")) { printf("child runs\n"); return 7; }

  go = CreateEventW(NULL, TRUE, FALSE, NULL);
  HANDLE t = CreateThread(NULL, 0, sleeper, NULL, 0, NULL);
  DWORD ok = 0, err = 0;
  for (DWORD i = 0; i < 65537; i++) {
    if (QueueUserAPC(apc, t, i)) ok++;
    else if (!err) err = GetLastError();
  }
  printf("APCs queued %lu, then error %lu\n", (unsigned long)ok, (unsigned long)err);
  SetEvent(go);
  WaitForSingleObject(t, INFINITE);
  printf("APCs run %ld\n", ran);
  CloseHandle(t);

  if (!CreatePipe(&rd, &wr, NULL, 1u << 30)) { printf("CreatePipe failed %lu\n", GetLastError()); return 1; }
  HANDLE w = CreateThread(NULL, 0, writer, NULL, 0, NULL);
  DWORD avail = 0, last = (DWORD)-1;
  /* until the writer stops making progress: it waits once the queue holds the limit */
  for (;;) {
    Sleep(50);
    PeekNamedPipe(rd, NULL, 0, NULL, &avail, NULL);
    if (avail == last) break;
    last = avail;
  }
  printf("unread at most 16 MiB: %s\n", avail <= (16u << 20) ? "yes" : "no");
  DWORD n, total = 0;
  while (total < (32u << 20) && ReadFile(rd, chunk, sizeof chunk, &n, NULL)) total += n;
  WaitForSingleObject(w, INFINITE);
  printf("read %lu MiB, writer done\n", (unsigned long)(total >> 20));

  STARTUPINFOW si = { sizeof si };
  PROCESS_INFORMATION pi;
  WCHAR cmd[MAX_PATH + 16];
  GetModuleFileNameW(NULL, cmd, MAX_PATH);
  wcscat(cmd, L" child");
  if (!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) { printf("CreateProcessW failed %lu\n", GetLastError()); return 1; }
  WaitForSingleObject(pi.hProcess, INFINITE);
  DWORD code;
  GetExitCodeProcess(pi.hProcess, &code);
  printf("child exit %lu\n", (unsigned long)code);
  return 0;
}
