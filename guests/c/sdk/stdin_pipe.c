/*
 * Standard input that comes from a pipe or a file (`prog < file`, `type file | prog`) is a pipe to the
 * program, not a console: GetFileType says FILE_TYPE_PIPE, _isatty(0) is 0, PeekNamedPipe tells what
 * is waiting without taking it, ReadFile returns the bytes as they are ("\n" stays "\n", several lines
 * in one read), and once it is all read ReadFile returns 0 bytes and PeekNamedPipe ERROR_BROKEN_PIPE.
 * Expected output from mingw-w64 + Wine 8.0 with stdin_pipe.stdin piped in (`cat stdin_pipe.stdin |
 * wine stdin_pipe.exe`), except PeekNamedPipe, which Wine does not do on a Unix pipe (ERROR_NOT_SUPPORTED):
 * its lines are what Windows gives on an anonymous pipe (Microsoft's PeekNamedPipe page; Wine's
 * kernel32/tests/pipe.c expects ERROR_BROKEN_PIPE once the writer is gone and nothing is left).
 */
#include <windows.h>
#include <io.h>
#include <stdio.h>

/* The bytes, with newlines shown. */
static void show(const char *buf, DWORD n) {
  for (DWORD i = 0; i < n; i++) printf(buf[i] == '\n' ? " \\n" : buf[i] == '\r' ? " \\r" : " %c", buf[i]);
  printf("\n");
}

int main(void) {
  HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
  printf("file type %lu, isatty %d\n", GetFileType(in), _isatty(0) != 0);

  /* One byte first: it waits until input has come. */
  char buf[256];
  DWORD got = 0, avail = 0, peeked = 0;
  BOOL ok = ReadFile(in, buf, 1, &got, NULL);
  printf("read 1: %d %lu '%c'\n", ok, got, buf[0]);
  Sleep(200); /* let the rest of the pipe's data arrive */
  ok = PeekNamedPipe(in, buf, 4, &peeked, &avail, NULL);
  printf("peek: %d, %lu available, %lu peeked:", ok, avail, peeked);
  show(buf, peeked);

  /* The rest in one read, bytes as they are. */
  ok = ReadFile(in, buf, sizeof buf, &got, NULL);
  printf("read rest: %d %lu bytes:", ok, got);
  show(buf, got);

  ok = ReadFile(in, buf, sizeof buf, &got, NULL);
  printf("at the end: %d %lu\n", ok, got);
  SetLastError(0);
  ok = PeekNamedPipe(in, NULL, 0, NULL, &avail, NULL);
  printf("peek at the end: %d %lu\n", ok, ok ? 0 : GetLastError());
  return 0;
}
