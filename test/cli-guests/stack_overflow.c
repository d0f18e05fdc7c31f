/* Runaway recursion, as Windows programs overflow their stacks: in a thread created with a small
   stack (64 KiB, STACK_SIZE_PARAM_IS_A_RESERVATION), on the main thread (256 KiB, the linker's), and
   with _alloca in a thread (a 256 KiB default stack).
   Windows raises STATUS_STACK_OVERFLOW (0xc00000fd) at the guard page and, unhandled, it ends the
   process with that exit code; ntwasm cc's stack checks do the same before a frame lands below the
   stack. "deep" uses 200 KiB of a 256 KiB stack in a thread and on the main thread, which is fine: a
   heap block allocated before and a waiting thread's locals must come through intact.
   Usage: stack_overflow thread|main|alloca|deep */
#include <windows.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FRAME 1024

/* Each level keeps FRAME bytes on the stack and writes all of them. */
__attribute__((noinline)) static int recurse(int depth, int limit) {
  volatile char frame[FRAME];
  memset((char *)frame, depth, FRAME);
  if (depth == limit) return frame[0];
  return recurse(depth + 1, limit) + frame[FRAME - 1];
}

/* The same with _alloca: the stack pointer moves by a size known only when it runs. */
static volatile size_t block_size = 4000;
__attribute__((noinline)) static int grab(int depth) {
  size_t size = block_size;
  volatile char *block = _alloca(size);
  for (size_t i = 0; i < size; i += 64) block[i] = (char)depth;
  return grab(depth + 1) + block[0];
}

static DWORD WINAPI runaway(LPVOID arg) { (void)arg; return (DWORD)recurse(0, -1); }
static DWORD WINAPI runaway_alloca(LPVOID arg) { (void)arg; return (DWORD)grab(0); }
static DWORD WINAPI deep(LPVOID arg) { (void)arg; recurse(0, 200); return 0; }

static HANDLE filled, done;

/* Fills a buffer on its own stack, waits while the others recurse, then checks the buffer. */
static DWORD WINAPI bystander(LPVOID arg) {
  char mine[4096];
  (void)arg;
  memset(mine, 0xA5, sizeof mine);
  SetEvent(filled);
  WaitForSingleObject(done, INFINITE);
  for (size_t i = 0; i < sizeof mine; i++) if ((unsigned char)mine[i] != 0xA5) return 1;
  return 0;
}

int main(int argc, char **argv) {
  const char *what = argc > 1 ? argv[1] : "";
  printf("before the overflow\n");
  fflush(stdout);
  if (!strcmp(what, "thread")) {
    HANDLE h = CreateThread(NULL, 64 * 1024, runaway, NULL, STACK_SIZE_PARAM_IS_A_RESERVATION, NULL);
    if (!h) { printf("CreateThread failed: %lu\n", GetLastError()); return 1; }
    WaitForSingleObject(h, INFINITE);
  } else if (!strcmp(what, "main")) {
    recurse(0, -1);
  } else if (!strcmp(what, "alloca")) {
    HANDLE h = CreateThread(NULL, 0, runaway_alloca, NULL, 0, NULL);
    WaitForSingleObject(h, INFINITE);
  } else if (!strcmp(what, "deep")) {
    unsigned char *block = malloc(65536);
    DWORD code = 1;
    if (!block) return 1;
    memset(block, 0x5A, 65536);
    filled = CreateEventW(NULL, TRUE, FALSE, NULL);
    done = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE watcher = CreateThread(NULL, 0, bystander, NULL, 0, NULL);
    WaitForSingleObject(filled, INFINITE);
    HANDLE h = CreateThread(NULL, 0, deep, NULL, 0, NULL); /* the default: 256 KiB */
    WaitForSingleObject(h, INFINITE);
    GetExitCodeThread(h, &code);
    printf("thread: 200 KiB of its stack used, exit code %lu\n", code);
    recurse(0, 200);
    printf("main thread: 200 KiB of its stack used\n");
    SetEvent(done);
    WaitForSingleObject(watcher, INFINITE);
    GetExitCodeThread(watcher, &code);
    printf("the waiting thread's locals: %s\n", code ? "damaged" : "intact");
    for (int i = 0; i < 65536; i++) if (block[i] != 0x5A) { printf("the heap block is damaged at %d\n", i); return 1; }
    printf("the heap block: intact\n");
    return 0;
  }
  printf("not reached\n");
  return 0;
}
