/* Colours and the screen buffer as a Windows program uses them (test/console-terminal.test.ts). */
#include <windows.h>
#include <stdio.h>

int main(void) {
  HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
  CONSOLE_SCREEN_BUFFER_INFO info;
  WORD plain;
  GetConsoleScreenBufferInfo(out, &info);
  plain = info.wAttributes;
  printf("buffer %dx%d window %d-%d\n", info.dwSize.X, info.dwSize.Y, info.srWindow.Right, info.srWindow.Bottom);
  printf("status: ");
  SetConsoleTextAttribute(out, FOREGROUND_RED | FOREGROUND_INTENSITY);
  printf("failed");
  SetConsoleTextAttribute(out, FOREGROUND_GREEN | BACKGROUND_BLUE | COMMON_LVB_UNDERSCORE);
  printf("!");
  SetConsoleTextAttribute(out, plain);
  printf("\n");
  return 0;
}
