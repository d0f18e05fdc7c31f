/* Prints far more than its reader takes in (`ntwasm run console_flood.wasm MIB | slow reader`): MIB MiB
   (default 200) of 64-byte lines numbered from 0, 64 KiB per WriteFile, keeping the count of bytes
   written so far in console_flood.progress; then a child process (this program, "child") prints a
   line; then one last 8 MiB WriteFile, and the program ends at once. Its writes are slowed while the
   reader lags (the console backlog quota): nothing piles up in the host. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE 64

static unsigned next_line;

/* n bytes of numbered lines at buf. */
static void fill(char *buf, DWORD n) {
  for (DWORD at = 0; at < n; at += LINE) {
    char head[16];
    snprintf(head, sizeof head, "%010u", next_line++);
    memcpy(buf + at, head, 10);
    memset(buf + at + 10, '.', LINE - 11);
    buf[at + LINE - 1] = '\n';
  }
}

static BOOL put(HANDLE out, char *buf, DWORD n) {
  DWORD written;
  fill(buf, n);
  if (WriteFile(out, buf, n, &written, NULL) && written == n) return TRUE;
  fprintf(stderr, "WriteFile failed: error %lu\n", GetLastError());
  return FALSE;
}

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "child")) { printf("child runs\n"); return 7; }
  unsigned mib = argc > 1 ? (unsigned)atoi(argv[1]) : 200;
  HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
  static char chunk[64 << 10], last[8 << 20];
  HANDLE progress = CreateFileW(L"console_flood.progress", GENERIC_WRITE, FILE_SHARE_READ, NULL, CREATE_ALWAYS, 0, NULL);
  for (unsigned i = 0; i < mib * 16; i++) {
    if (!put(out, chunk, sizeof chunk)) return 3;
    char count[16];
    DWORD n = (DWORD)snprintf(count, sizeof count, "%010u", (i + 1) * (unsigned)sizeof chunk), written;
    SetFilePointer(progress, 0, NULL, FILE_BEGIN);
    WriteFile(progress, count, n, &written, NULL);
  }
  CloseHandle(progress);

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
  fflush(stdout);
  return put(out, last, sizeof last) ? 0 : 3;
}
