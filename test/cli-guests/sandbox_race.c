/* The sandbox against a racing host process (issue 17): while another process swaps directory "dir" of
   the root for a link to a directory outside it and back, this guest opens, reads and creates files
   under dir. Whatever it gets must come from inside: "inside" content or an error, never the outside
   file's "SECRET", and no file it creates may stay outside. test/file-sandbox.test.ts. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 1000, inside = 0, failed = 0, escaped = 0, created = 0;
  for (int i = 0; i < rounds; i++) {
    HANDLE h = CreateFileW(L"dir\\a.txt", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE) { failed++; continue; }
    char buf[16] = { 0 };
    DWORD n = 0;
    if (ReadFile(h, buf, sizeof buf - 1, &n, NULL) && n) {
      if (!strncmp(buf, "SECRET", 6)) escaped++;
      else if (!strncmp(buf, "inside", 6)) inside++;
    } else failed++;
    CloseHandle(h);
    WCHAR name[64];
    swprintf(name, 64, L"dir\\new%d.txt", i);
    HANDLE c = CreateFileW(name, GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    if (c != INVALID_HANDLE_VALUE) { created++; CloseHandle(c); DeleteFileW(name); }
  }
  printf("escaped %d\n", escaped);
  fprintf(stderr, "inside %d, failed %d, created %d\n", inside, failed, created);
  return 0;
}
