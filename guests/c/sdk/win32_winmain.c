/*
 * A program whose entry point is WinMain, as Windows GUI-style programs have: hInstance is the
 * program's module (GetModuleHandle(NULL)), hPrevInstance is NULL, lpCmdLine is the command line after
 * the program's name, nShowCmd is SW_SHOWDEFAULT for a program started without STARTF_USESHOWWINDOW.
 * Expected output confirmed with mingw-w64 + Wine 8.0.
 */
#include <windows.h>
#include <stdio.h>

int WINAPI WinMain(HINSTANCE hInstance, HINSTANCE hPrevInstance, LPSTR lpCmdLine, int nShowCmd) {
  printf("hInstance is the module: %d\n", hInstance == GetModuleHandle(NULL));
  printf("hPrevInstance is NULL: %d\n", hPrevInstance == NULL);
  printf("lpCmdLine: [%s]\n", lpCmdLine);
  printf("nShowCmd: %d (SW_SHOWDEFAULT %d)\n", nShowCmd, SW_SHOWDEFAULT);
  return 3;
}
