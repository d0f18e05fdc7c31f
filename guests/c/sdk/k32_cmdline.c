/*
 * CommandLineToArgvW: argv[0] rules, quotes, backslashes before quotes, "" inside quotes, white space,
 * and the result freed with LocalFree.
 * Expected output confirmed with mingw-w64 + Wine 8.0 (shell32's CommandLineToArgvW).
 */
#include <windows.h>
#include <shellapi.h>
#include <stdio.h>

static void show_wide(const WCHAR *w) {
  char buf[256];
  WideCharToMultiByte(CP_UTF8, 0, w, -1, buf, sizeof buf, NULL, NULL);
  printf("%s", buf);
}

static void split(const WCHAR *cmd) {
  int n = -1;
  LPWSTR *argv = CommandLineToArgvW(cmd, &n);
  printf("[");
  show_wide(cmd);
  printf("] -> %d:", n);
  for (int i = 0; i < n; i++) {
    printf(" <");
    show_wide(argv[i]);
    printf(">");
  }
  printf("%s\n", argv[n] == NULL ? "" : " (no NULL at the end)");
  if (LocalFree(argv) != NULL) printf("LocalFree failed\n");
}

int main(void) {
  split(L"prog a b c");
  split(L"\"C:\\Program Files\\p.exe\" x");
  split(L"\"a b\"c d");
  split(L"\"p\\\" a b");
  split(L"p\\\"x a");
  split(L"p\"q r\" s");
  split(L" p a");
  split(L"  ");
  split(L"p \"a b\" c");
  split(L"p a\\\\\"b c\" d");
  split(L"p a\\\\\\\"b c");
  split(L"p a\\\\b c");
  split(L"p \\\\\\\\\"a b\"");
  split(L"p \"a\"\"b\" c");
  split(L"p \"a\"\"\"b\" c");
  split(L"p \"\" x");
  split(L"p \"\"\"\" x");
  split(L"p \"a\"\"b c\" d");
  split(L"p a\"b\"\" c d");
  split(L"p a\"\"b");
  split(L"p \"\"\"a\"\"\" b");
  split(L"p   a\t\tb   ");
  split(L"p \"unterminated arg");
  split(L"p caf\u00e9 \u65e5\u672c");

  int n = -1;
  LPWSTR *argv = CommandLineToArgvW(L"", &n);
  printf("empty command line: %d argument, the program's path: %s\n", n, argv && wcslen(argv[0]) > 3 ? "yes" : "no");
  LocalFree(argv);
  SetLastError(0);
  argv = CommandLineToArgvW(L"a b", NULL);
  DWORD e = GetLastError();
  printf("NULL count: %s, error %lu\n", argv ? "array" : "NULL", e);

  argv = CommandLineToArgvW(GetCommandLineW(), &n);
  printf("own command line: %d arguments\n", n);
  for (int i = 1; i < n; i++) {
    printf("  argv[%d] = <", i);
    show_wide(argv[i]);
    printf(">\n");
  }
  LocalFree(argv);
  return 0;
}
