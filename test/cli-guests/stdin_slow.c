/* Reads its whole standard input only after argv[1] milliseconds, then prints how many bytes came and a
   checksum of them in order: input written while it did not read must wait (in the host, not in kernel
   memory) and arrive whole. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  Sleep(argc > 1 ? (DWORD)atoi(argv[1]) : 0);
  HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
  static unsigned char buf[65536];
  unsigned long long total = 0;
  DWORD sum = 0, n;
  while (ReadFile(in, buf, sizeof buf, &n, NULL) && n) {
    for (DWORD i = 0; i < n; i++) sum = sum * 31 + buf[i];
    total += n;
  }
  printf("read %llu bytes, checksum %08lx\n", total, (unsigned long)sum);
  return 0;
}
