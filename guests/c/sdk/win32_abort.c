/*
 * RaiseException that nothing handles ends the process with the exception code as its exit code
 * (here 0xE0000001, a user code); output printed before it is shown. Expected output confirmed with
 * mingw-w64 + Wine 8.0 (which also starts its debugger); the shell sees the exit code's low byte, 1.
 */
#include <windows.h>
#include <stdio.h>

int main(void) {
  printf("raising 0xE0000001\n");
  RaiseException(0xE0000001, 0, 0, NULL);
  printf("not reached\n");
  return 0;
}
