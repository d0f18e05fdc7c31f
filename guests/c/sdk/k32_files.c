/*
 * The A forms whose strings come out: FindFirstFileA/FindNextFileA (and FindFirstFileEx),
 * GetCurrentDirectoryA and GetFullPathNameA sizes and file part, GetFileAttributesExA, and CreateProcessA
 * with a STARTUPINFOA starting this program again as a child.
 * Expected output confirmed with mingw-w64 + Wine 8.0.
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void write_file(const char *name, const char *text) {
  HANDLE h = CreateFileA(name, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
  DWORD n;
  WriteFile(h, text, (DWORD)strlen(text), &n, NULL);
  CloseHandle(h);
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "child") == 0) {
    printf("child: started with %d arguments\n", argc);
    return 7;
  }
  CreateDirectoryA("k32dir", NULL);
  write_file("k32dir\\alpha.txt", "12345");
  write_file("k32dir\\beta.txt", "");
  write_file("k32dir\\gr\xc3\xbc\xc3\x9f.txt", "abc");
  CreateDirectoryA("k32dir\\sub", NULL);

  WIN32_FIND_DATAA fd;
  HANDLE h = FindFirstFileA("k32dir\\*", &fd);
  char *names[16];
  int n = 0;
  if (h != INVALID_HANDLE_VALUE) {
    do {
      char line[400];
      if (fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) snprintf(line, sizeof line, "%s\\", fd.cFileName);
      else snprintf(line, sizeof line, "%s %lu bytes", fd.cFileName, fd.nFileSizeLow);
      if (n < 16) names[n++] = _strdup(line);
    } while (FindNextFileA(h, &fd));
    DWORD e = GetLastError();
    FindClose(h);
    qsort(names, n, sizeof names[0], by_name);
    for (int i = 0; i < n; i++) printf("found: %s\n", names[i]);
    printf("end of the search: error %lu\n", e);
  }
  SetLastError(0);
  h = FindFirstFileA("k32dir\\*.none", &fd);
  printf("no match: %s, error %lu\n", h == INVALID_HANDLE_VALUE ? "INVALID_HANDLE_VALUE" : "a handle", GetLastError());
  h = FindFirstFileExA("k32dir\\a*", FindExInfoBasic, &fd, FindExSearchNameMatch, NULL, FIND_FIRST_EX_LARGE_FETCH);
  printf("FindFirstFileExA: %s, short name \"%s\"\n", h != INVALID_HANDLE_VALUE ? fd.cFileName : "failed", fd.cAlternateFileName);
  FindClose(h);

  WIN32_FILE_ATTRIBUTE_DATA ad;
  BOOL ok = GetFileAttributesExA("k32dir\\alpha.txt", GetFileExInfoStandard, &ad);
  FILETIME zero = { 0, 0 };
  printf("GetFileAttributesExA: %d, size %lu, directory %d, has a write time %d\n", ok, ad.nFileSizeLow,
         (ad.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0, CompareFileTime(&ad.ftLastWriteTime, &zero) > 0);
  ok = GetFileAttributesExA("k32dir\\sub", GetFileExInfoStandard, &ad);
  printf("a directory: %d, directory %d\n", ok, (ad.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0);
  SetLastError(0);
  ok = GetFileAttributesExA("k32dir\\missing.txt", GetFileExInfoStandard, &ad);
  printf("missing: %d, error %lu\n", ok, GetLastError());
  SetLastError(0);
  ok = GetFileAttributesExA("k32dir\\*.txt", GetFileExInfoStandard, &ad);
  printf("wildcard: %d, error %lu\n", ok, GetLastError());
  WIN32_FILE_ATTRIBUTE_DATA wd;
  ok = GetFileAttributesExW(L"k32dir\\alpha.txt", GetFileExInfoStandard, &wd);
  printf("GetFileAttributesExW: %d, size %lu\n", ok, wd.nFileSizeLow);

  char cwd[MAX_PATH], small[2];
  DWORD len = GetCurrentDirectoryA(sizeof cwd, cwd);
  DWORD need = GetCurrentDirectoryA(sizeof small, small);
  printf("GetCurrentDirectoryA: length %d, too small asks for length + 1: %d\n", len == strlen(cwd), need == len + 1);
  char full[MAX_PATH];
  char *part = NULL;
  len = GetFullPathNameA("k32dir\\alpha.txt", sizeof full, full, &part);
  DWORD full_len = len;
  printf("GetFullPathNameA: starts with the directory %d, file part \"%s\", length %d\n", strncmp(full, cwd, strlen(cwd)) == 0,
         part ? part : "(null)", len == strlen(full));
  len = GetFullPathNameA("k32dir\\sub\\", sizeof full, full, &part);
  printf("with a trailing backslash: file part %s\n", part ? part : "NULL");
  need = GetFullPathNameA("k32dir\\alpha.txt", 4, full, &part);
  printf("too small: asks for the length + %d\n", (int)(need - full_len));

  char self[MAX_PATH], cmd[MAX_PATH + 32];
  GetModuleFileNameA(NULL, self, sizeof self);
  snprintf(cmd, sizeof cmd, "\"%s\" child x", self);
  STARTUPINFOA si = { sizeof si };
  PROCESS_INFORMATION pi;
  fflush(stdout);
  ok = CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi);
  if (ok) WaitForSingleObject(pi.hProcess, INFINITE); /* the child's line comes first */
  printf("CreateProcessA: %d\n", ok);
  if (ok) {
    DWORD code = 0;
    GetExitCodeProcess(pi.hProcess, &code);
    printf("child exit code: %lu\n", code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
  }
  SetLastError(0);
  ok = CreateProcessA("no-such-program.exe", NULL, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi);
  printf("missing program: %d, error %lu\n", ok, GetLastError());

  DeleteFileA("k32dir\\alpha.txt");
  DeleteFileA("k32dir\\beta.txt");
  DeleteFileA("k32dir\\gr\xc3\xbc\xc3\x9f.txt");
  RemoveDirectoryA("k32dir\\sub");
  printf("cleaned up: %d\n", RemoveDirectoryA("k32dir"));
  return 0;
}
