/*
 * One private heap used by four threads at once: HeapAlloc, HeapReAlloc and HeapFree interleave, every
 * block keeps its contents, HeapValidate finds the heap sound, HeapDestroy frees what is left.
 * Expected output confirmed with mingw-w64 + Wine 8.0.
 */
#include <windows.h>
#include <stdio.h>

static HANDLE heap;

static DWORD WINAPI worker(LPVOID arg) {
  int id = (int)(INT_PTR)arg, bad = 0;
  unsigned char *blocks[64] = { 0 };
  for (int round = 0; round < 2000; round++) {
    int i = (round * 7 + id) % 64;
    if (blocks[i]) {
      for (int k = 0; k < 16; k++) if (blocks[i][k] != (unsigned char)(id + i)) bad++;
      if (round % 3 == 0) {
        unsigned char *b = HeapReAlloc(heap, 0, blocks[i], 16 + (round % 200));
        if (!b) bad++;
        else blocks[i] = b;
      } else {
        if (!HeapFree(heap, 0, blocks[i])) bad++;
        blocks[i] = NULL;
      }
    } else {
      blocks[i] = HeapAlloc(heap, HEAP_ZERO_MEMORY, 16 + (round % 100));
      if (!blocks[i]) { bad++; continue; }
      memset(blocks[i], id + i, 16);
    }
  }
  /* Leave some blocks for HeapDestroy. */
  for (int i = 0; i < 32; i++) if (blocks[i]) { HeapFree(heap, 0, blocks[i]); blocks[i] = NULL; }
  return (DWORD)bad;
}

int main(void) {
  heap = HeapCreate(0, 0, 0);
  HANDLE threads[4];
  for (int i = 0; i < 4; i++) threads[i] = CreateThread(NULL, 0, worker, (LPVOID)(INT_PTR)i, 0, NULL);
  WaitForMultipleObjects(4, threads, TRUE, INFINITE);
  DWORD total = 0;
  for (int i = 0; i < 4; i++) {
    DWORD bad = 1;
    GetExitCodeThread(threads[i], &bad);
    total += bad;
    CloseHandle(threads[i]);
  }
  printf("errors in the threads: %lu\n", total);
  printf("HeapValidate: %d\n", HeapValidate(heap, 0, NULL));
  printf("HeapDestroy: %d\n", HeapDestroy(heap));
  return 0;
}
