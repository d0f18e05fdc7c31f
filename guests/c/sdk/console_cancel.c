/* CancelSynchronousIo ends a ReadFile on standard input that is waiting for a line (stdin stays open
   and empty: .hold-stdin). The expected output is Windows' documented rule (CancelSynchronousIo: the
   read completes with ERROR_OPERATION_ABORTED; console reads are ordinary synchronous I/O on the
   console driver since Windows 8). Wine 8.0 differs: it reads a Unix stdin outside its server and
   answers ERROR_NOT_FOUND. */
#include <windows.h>
#include <stdio.h>

static DWORD WINAPI reader(LPVOID arg) {
  char buf[64];
  DWORD n = 77;
  BOOL ok;
  (void)arg;
  ok = ReadFile(GetStdHandle(STD_INPUT_HANDLE), buf, sizeof buf, &n, NULL);
  printf("ReadFile: %d error %lu n %lu\n", ok, ok ? 0 : GetLastError(), n);
  fflush(stdout);
  return 0;
}

int main(void) {
  HANDLE t = CreateThread(NULL, 0, reader, NULL, 0, NULL);
  int tries = 0;
  while (!CancelSynchronousIo(t)) {
    if (GetLastError() != ERROR_NOT_FOUND || ++tries > 1000) { printf("CancelSynchronousIo failed: %lu\n", GetLastError()); return 1; }
    Sleep(5);
  }
  printf("cancelled: %lu\n", WaitForSingleObject(t, 5000));
  return 0;
}
