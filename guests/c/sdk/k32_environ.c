/*
 * ExpandEnvironmentStrings (%VAR% rules, sizes), GetEnvironmentVariableA sizes, GetEnvironmentStrings
 * blocks, GetTempPath from TMP, GetTempFileName with and without a unique number.
 * Expected output confirmed with mingw-w64 + Wine 8.0.
 */
#include <windows.h>
#include <stdio.h>

static void expand(const char *src) {
  char buf[256];
  DWORD n = ExpandEnvironmentStringsA(src, buf, sizeof buf);
  printf("\"%s\" -> \"%s\" (%lu)\n", src, n && n <= sizeof buf ? buf : "?", n);
}

int main(void) {
  SetEnvironmentVariableA("NTW_NAME", "World");
  SetEnvironmentVariableA("NTW_EMPTY", "");
  expand("Hello, %NTW_NAME%!");
  expand("%ntw_name% in lower case");
  expand("%NTW_UNDEFINED% stays");
  expand("100%");
  expand("%%");
  expand("a%%NTW_NAME%%b");
  expand("%NTW_NAME");
  expand("%NTW_NAME%%NTW_NAME%");
  expand("x%NTW_UNDEFINED%NTW_NAME%y");
  expand("[%NTW_EMPTY%]");
  expand("");

  WCHAR w[64];
  DWORD n = ExpandEnvironmentStringsW(L"<%NTW_NAME%>", w, 64);
  printf("ExpandEnvironmentStringsW: %lu, \"%s\"\n", n, w[0] == '<' && w[1] == 'W' && w[6] == '>' && w[7] == 0 ? "<World>" : "?");
  printf("size query: %lu\n", ExpandEnvironmentStringsW(L"<%NTW_NAME%>", NULL, 0));
  WCHAR small[4] = { 'x', 0 };
  n = ExpandEnvironmentStringsW(L"<%NTW_NAME%>", small, 4);
  printf("too small: %lu\n", n);

  char buf[8];
  SetLastError(0);
  n = GetEnvironmentVariableA("NTW_NAME", buf, sizeof buf);
  printf("GetEnvironmentVariableA: %lu \"%s\"\n", n, buf);
  n = GetEnvironmentVariableA("NTW_NAME", buf, 5);
  printf("buffer of 5: %lu\n", n);
  SetLastError(0);
  n = GetEnvironmentVariableA("NTW_UNDEFINED", buf, sizeof buf);
  DWORD e = GetLastError();
  printf("undefined: %lu, error %lu\n", n, e);
  SetEnvironmentVariableA("NTW_NAME", NULL);
  SetLastError(0);
  n = GetEnvironmentVariableA("NTW_NAME", buf, sizeof buf);
  e = GetLastError();
  printf("after removing it: %lu, error %lu\n", n, e);

  /* A variable the process started with, changed: the block shows the new value. */
  SetEnvironmentVariableA("PATH", "C:\\ntw-test");
  SetEnvironmentVariableW(L"NTW_CREATED_LATER", L"new");
  LPWCH block = GetEnvironmentStringsW();
  int found = 0, count = 0, created = 0;
  for (LPWCH p = block; *p; p += wcslen(p) + 1) {
    count++;
    if (_wcsnicmp(p, L"PATH=", 5) == 0 && wcscmp(p + 5, L"C:\\ntw-test") == 0) found = 1;
    if (wcscmp(p, L"NTW_CREATED_LATER=new") == 0) created = 1;
  }
  printf("GetEnvironmentStringsW: has variables %d, PATH with its new value %d, a variable set later %d\n",
         count > 0, found, created);
  printf("FreeEnvironmentStringsW: %d\n", FreeEnvironmentStringsW(block));
  LPCH ablock = GetEnvironmentStringsA();
  found = 0;
  for (LPCH p = ablock; *p; p += strlen(p) + 1)
    if (_strnicmp(p, "PATH=", 5) == 0 && strcmp(p + 5, "C:\\ntw-test") == 0) found = 1;
  printf("GetEnvironmentStringsA: PATH %d\n", found);
  printf("FreeEnvironmentStringsA: %d\n", FreeEnvironmentStringsA(ablock));

  char path[MAX_PATH];
  SetEnvironmentVariableA("TMP", "C:\\ntw-tmp");
  n = GetTempPathA(sizeof path, path);
  printf("GetTempPathA with TMP=C:\\ntw-tmp: %lu \"%s\"\n", n, path);
  n = GetTempPathA(5, path);
  printf("buffer of 5: %lu, \"%s\"\n", n, path);
  SetEnvironmentVariableA("TMP", "C:\\ntw-tmp\\");
  n = GetTempPathA(sizeof path, path);
  printf("with a trailing backslash already: %lu \"%s\"\n", n, path);

  char name[MAX_PATH];
  UINT u = GetTempFileNameA(".", "abcdef", 0x1234, name);
  printf("GetTempFileNameA unique 0x1234: %u \"%s\", created: %d\n", u, name, GetFileAttributesA(name) != INVALID_FILE_ATTRIBUTES);
  u = GetTempFileNameA(".", "", 0x12345678, name);
  printf("only the low 16 bits: %u \"%s\"\n", u, name);
  u = GetTempFileNameA(".", "tst", 0, name);
  if (!u) printf("GetTempFileNameA failed: error %lu\n", GetLastError()); /* diagnostics only */
  printf("unique 0: a number %d, created %d, prefix %d, suffix %d\n", u != 0, GetFileAttributesA(name) != INVALID_FILE_ATTRIBUTES,
         strncmp(name, ".\\tst", 5) == 0, strcmp(name + strlen(name) - 4, ".tmp") == 0);
  printf("deleted: %d\n", DeleteFileA(name));
  SetLastError(0);
  u = GetTempFileNameA("no-such-directory", "tst", 0, name);
  e = GetLastError();
  printf("missing directory: %u, error %lu\n", u, e);
  return 0;
}
