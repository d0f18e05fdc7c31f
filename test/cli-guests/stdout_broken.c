/* Writing to a standard output whose reader went away (`prog | head -1`): WriteFile fails with
   ERROR_NO_DATA (232, "The pipe is being closed") and writes nothing, as Windows reports a write to a
   pipe whose read end is closed (Wine's conformance test kernel32/tests/pipe.c, test_CloseHandle;
   Wine 8.0 itself says ERROR_PIPE_NOT_CONNECTED for a Unix pipe, where it differs from Windows). */
#include <windows.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "printf")) { /* a program that never checks: it just ends */
    for (int i = 0; i < 200000; i++) printf("line %d\n", i);
    return 0;
  }
  HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
  const char line[] = "a line of output\n";
  DWORD written = 0;
  for (long i = 0; i < 100000000L; i++) {
    if (!WriteFile(out, line, (DWORD)strlen(line), &written, NULL)) {
      DWORD e = GetLastError();
      fprintf(stderr, "WriteFile failed: error %lu, %lu written\n", e, written);
      return 3;
    }
    if (i % 1000 == 999) Sleep(1);
  }
  fprintf(stderr, "never failed\n");
  return 0;
}
