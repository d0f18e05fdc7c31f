/*
 * wmain receives UTF-16 argv: non-ASCII arguments (Latin, CJK, an emoji outside the BMP, which is a
 * surrogate pair) arrive as the UTF-16 code units Windows gives, quoting rules included, and match
 * L"" literals and GetCommandLineW/CommandLineToArgvW. Expected output confirmed with mingw-w64
 * (-municode) + Wine 8.0.
 */
#include <windows.h>
#include <shellapi.h>
#include <stdio.h>
#include <wchar.h>

static void print_utf8(const wchar_t *w) {
  char buf[256];
  WideCharToMultiByte(CP_UTF8, 0, w, -1, buf, sizeof buf, NULL, NULL);
  printf("[%s]", buf);
}

int wmain(int argc, wchar_t **argv) {
  printf("argc %d\n", argc);
  for (int i = 1; i < argc; i++) {
    printf("argv[%d] ", i);
    print_utf8(argv[i]);
    printf(" %u code units, first U+%04X\n", (unsigned)wcslen(argv[i]), (unsigned)argv[i][0]);
  }
  printf("argv[1] == L\"Grüße\": %d\n", argc > 1 && wcscmp(argv[1], L"Grüße") == 0);
  printf("argv[2] == L\"世界\": %d\n", argc > 2 && wcscmp(argv[2], L"世界") == 0);
  printf("argv[3] == L\"smile \\U0001F600\": %d\n", argc > 3 && wcscmp(argv[3], L"smile \U0001F600") == 0);
  int n;
  LPWSTR *again = CommandLineToArgvW(GetCommandLineW(), &n);
  int same = again && n == argc;
  for (int i = 1; same && i < argc; i++) same = wcscmp(again[i], argv[i]) == 0;
  printf("CommandLineToArgvW(GetCommandLineW()) agrees: %d\n", same);
  LocalFree(again);
  return 0;
}
