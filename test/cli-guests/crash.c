/* A thread that traps, as Windows programs crash: an integer division by zero, a C stack overflow
   (runaway recursion), a bad pointer, __builtin_trap (ud2 on x86), and a crash while another thread
   prints. Windows ends the process with the exception's NTSTATUS as its exit code
   (STATUS_INTEGER_DIVIDE_BY_ZERO 0xc0000094, STATUS_STACK_OVERFLOW 0xc00000fd,
   STATUS_ACCESS_VIOLATION 0xc0000005, STATUS_ILLEGAL_INSTRUCTION 0xc000001d): ntwasm does the same.
   Usage: crash div|stack|oob|trap|threads */
#include <windows.h>
#include <stdio.h>
#include <string.h>

static volatile int zero = 0;
static HANDLE printed;

__attribute__((noinline)) int divide(int a, int b) { return a / b; }
__attribute__((noinline)) int recurse(int n) { volatile char buf[256]; buf[0] = (char)n; return recurse(n + 1) + buf[0]; }
__attribute__((noinline)) int poke(void) { return *(volatile int *)0x7ffffff0; }

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
  }
  printf("not reached\n");
  return 0;
}
