/*
 * `void main` is what many Windows samples write; MSVC accepts it (clang warns). The process exits
 * with 0. Expected output: what the program prints, as on Windows (confirmed with mingw-w64 + Wine 8.0).
 * ntwasm-test: warnings expected
 */
#include <stdio.h>

void main(void) {
  printf("void main runs\n");
}
