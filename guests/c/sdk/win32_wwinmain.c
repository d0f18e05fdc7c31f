/*
 * wWinMain: lpCmdLine is the UTF-16 command line after the program's name, non-ASCII text included.
 * Expected output confirmed with mingw-w64 (-municode) + Wine 8.0.
 */
#include <windows.h>
#include <stdio.h>

int WINAPI wWinMain(HINSTANCE hInstance, HINSTANCE hPrevInstance, LPWSTR lpCmdLine, int nShowCmd) {
  (void)hPrevInstance;
  char utf8[256];
  WideCharToMultiByte(CP_UTF8, 0, lpCmdLine, -1, utf8, sizeof utf8, NULL, NULL);
  printf("lpCmdLine: [%s], %d code units\n", utf8, lstrlenW(lpCmdLine));
  printf("matches L\"\": %d\n", lstrcmpW(lpCmdLine, L"Grüße \"zwei Wörter\" 世界") == 0);
  printf("hInstance is the module: %d, nShowCmd %d\n", hInstance == GetModuleHandleW(NULL), nShowCmd);
  return 0;
}
