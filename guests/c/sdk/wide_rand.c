/*
 * rand/srand as msvcrt has them: RAND_MAX 0x7FFF, the same sequence for the same seed, and a seed
 * per thread (a new thread starts as if srand(1); srand in one thread leaves the others alone).
 * Expected output confirmed with mingw-w64 (x86_64-w64-mingw32-gcc -D__USE_MINGW_ANSI_STDIO=0) + Wine 8.0.
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

static int from_thread[4];

static DWORD WINAPI worker(LPVOID param) {
  (void)param;
  for (int i = 0; i < 3; i++) from_thread[i] = rand();
  srand(12345);
  from_thread[3] = rand();
  return 0;
}

int main(void) {
  printf("RAND_MAX %d\n", RAND_MAX);
  printf("default seed:");
  for (int i = 0; i < 5; i++) printf(" %d", rand());
  printf("\n");
  srand(1);
  printf("srand(1):");
  for (int i = 0; i < 5; i++) printf(" %d", rand());
  printf("\n");
  srand(2024);
  printf("srand(2024):");
  for (int i = 0; i < 3; i++) printf(" %d", rand());
  HANDLE h = CreateThread(NULL, 0, worker, NULL, 0, NULL);
  WaitForSingleObject(h, INFINITE);
  CloseHandle(h);
  printf(", then after the thread:");
  for (int i = 0; i < 3; i++) printf(" %d", rand());
  printf("\n");
  printf("thread: %d %d %d, after its srand(12345): %d\n", from_thread[0], from_thread[1], from_thread[2], from_thread[3]);
  return 0;
}
