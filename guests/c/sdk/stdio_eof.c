/* Reading an empty or closed standard input: end of file at once, at every level (ReadFile, the CRT's
   getchar/fgets/fread/scanf, _read). Expected output: mingw-w64 + Wine 8.0 with stdin from /dev/null
   and from an empty pipe (same output for both); Windows gives TRUE with 0 bytes for ReadFile on a
   redirected stdin at its end. */
#include <windows.h>
#include <stdio.h>
#include <io.h>

int main(void) {
  char buf[64];
  DWORD n = 123;
  HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
  BOOL ok = ReadFile(in, buf, sizeof buf, &n, NULL);
  printf("ReadFile: %d, %lu bytes\n", ok, n);
  ok = ReadFile(in, buf, sizeof buf, &n, NULL);
  printf("ReadFile again: %d, %lu bytes\n", ok, n);
  int c = getchar();
  printf("getchar: %s, feof %s\n", c == EOF ? "EOF" : "a character", feof(stdin) ? "set" : "clear");
  clearerr(stdin);
  printf("fgets: %s\n", fgets(buf, sizeof buf, stdin) ? "a line" : "NULL");
  printf("fread: %u\n", (unsigned)fread(buf, 1, sizeof buf, stdin));
  int x = 0;
  printf("scanf: %d\n", scanf("%d", &x));
  printf("_read: %d\n", _read(0, buf, sizeof buf));
  return 0;
}
