/*
 * What MSVC accepts with a warning and old Windows code relies on compiles with plain `ntwasm cc`
 * (warnings, not errors): `return;` in a function returning int, a call to a function declared later
 * (implicit declaration), an int passed where a HANDLE is expected, and a mismatched pointer type.
 * The values printed do not depend on the undefined parts. Expected output confirmed with mingw-w64
 * + Wine 8.0. ntwasm-test: warnings expected
 */
#include <windows.h>
#include <stdio.h>

static int status_or_nothing(int give) {
  if (give) return 5;
  printf("status_or_nothing: returning without a value\n");
  return;
}

int main(void) {
  status_or_nothing(0);
  printf("declared later: %d\n", later(20));
  HANDLE h = 0;              /* HANDLE from an int constant */
  DWORD words[2] = { 1, 2 };
  unsigned char *bytes = words; /* mismatched pointer types */
  printf("CloseHandle(0): %d, bytes[4] %d\n", CloseHandle(h), bytes[4]);
  return status_or_nothing(1);
}

int later(int x) { return x + 1; }
