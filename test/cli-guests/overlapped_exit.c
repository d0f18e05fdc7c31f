/* A process that ends with 200 overlapped reads pending on 200 named pipes, each on an I/O worker of
   its own (issue 17: the teardown of such workers once left the kernel lock held). argv[1]: how it ends
   (0: returns from main, 1: ExitProcess, 2: TerminateProcess of itself); argv[2]: milliseconds to let
   the I/O workers start first (0..96). */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

#define PIPES 200

int main(int argc, char **argv) {
  int how = argc > 1 ? atoi(argv[1]) : 0, ms = argc > 2 ? atoi(argv[2]) : 0;
  static char buf[PIPES][16];
  static OVERLAPPED ov[PIPES];
  for (int i = 0; i < PIPES; i++) {
    TCHAR name[64];
    wsprintf(name, TEXT("\\\\.\\pipe\\overlapped-exit-%lu-%d"), GetCurrentProcessId(), i);
    HANDLE server = CreateNamedPipe(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE, 1, 4096, 4096, 0, NULL);
    HANDLE client = CreateFile(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    if (server == INVALID_HANDLE_VALUE || client == INVALID_HANDLE_VALUE) { printf("pipe %d: error %lu\n", i, GetLastError()); return 1; }
    ov[i].hEvent = CreateEvent(NULL, TRUE, FALSE, NULL);
    if (ReadFile(server, buf[i], sizeof buf[i], NULL, &ov[i]) || GetLastError() != ERROR_IO_PENDING) {
      printf("read %d: error %lu\n", i, GetLastError());
      return 1;
    }
  }
  if (ms) Sleep(ms);
  if (how == 1) ExitProcess(3);
  if (how == 2) TerminateProcess(GetCurrentProcess(), 3);
  return 3;
}
