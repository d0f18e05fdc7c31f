/* A thread that traps, as Windows programs crash: an integer division by zero, a C stack overflow
   (runaway recursion), a bad pointer, __builtin_trap (ud2 on x86), a crash while another thread
   prints, and one in a child process started with CreateProcessW. Windows ends the process with the
   exception's NTSTATUS as its exit code (STATUS_INTEGER_DIVIDE_BY_ZERO 0xc0000094,
   STATUS_STACK_OVERFLOW 0xc00000fd, STATUS_ACCESS_VIOLATION 0xc0000005, STATUS_ILLEGAL_INSTRUCTION
   0xc000001d): ntwasm does the same. Built with `ntwasm cc -g`, the report gives each frame's
   file:line:column (test/cli-crash.test.ts finds the lines it expects by their text here).
   Usage: crash div|stack|oob|trap|threads|child */
#include <windows.h>
#include <stdio.h>
#include <string.h>

static volatile int zero = 0;
static HANDLE printed;

__attribute__((noinline)) int divide(int a, int b) { return a / b; }
__attribute__((noinline)) int recurse(int n) { volatile char buf[256]; buf[0] = (char)n; return recurse(n + 1) + buf[0]; }
/* Always inlined: built with -g, the report shows it as a frame of its own, inlined into poke. */
static inline __attribute__((always_inline)) int load(const volatile int *p) { return *p; }
__attribute__((noinline)) int poke(void) { return load((volatile int *)0x7ffffff0); }

static DWORD WINAPI chatter(LPVOID arg) {
  (void)arg;
  for (int i = 0;; i++) {
    printf("chatter %d\n", i);
    fflush(stdout);
    if (i == 10) SetEvent(printed);
  }
  return 0;
}

int main(int argc, char **argv) {
  const char *what = argc > 1 ? argv[1] : "";
  printf("before the crash\n");
  fflush(stdout);
  if (!strcmp(what, "div")) printf("%d\n", divide(1, zero));
  else if (!strcmp(what, "stack")) printf("%d\n", recurse(0));
  else if (!strcmp(what, "oob")) printf("%d\n", poke());
  else if (!strcmp(what, "trap")) __builtin_trap();
  else if (!strcmp(what, "threads")) {
    printed = CreateEventW(NULL, TRUE, FALSE, NULL);
    CloseHandle(CreateThread(NULL, 0, chatter, NULL, 0, NULL));
    WaitForSingleObject(printed, INFINITE);
    printf("%d\n", divide(2, zero));
  } else if (!strcmp(what, "child")) { /* this program again, as "crash div": its exit code is the NTSTATUS */
    WCHAR self[MAX_PATH], cmd[MAX_PATH + 8] = L"\"";
    STARTUPINFOW si = { sizeof si };
    PROCESS_INFORMATION pi;
    DWORD code = 0;
    GetModuleFileNameW(NULL, self, MAX_PATH);
    lstrcatW(lstrcatW(cmd, self), L"\" div");
    if (!CreateProcessW(self, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) return 1;
    WaitForSingleObject(pi.hProcess, INFINITE);
    GetExitCodeProcess(pi.hProcess, &code);
    printf("the child exited with 0x%08lx\n", (unsigned long)code);
    return 0;
  }
  printf("not reached\n");
  return 0;
}
