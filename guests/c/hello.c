/* The smallest C guest: printf through WASI and WriteConsoleW through kernel32, on one console. */
#include <windows.h>
#include <stdio.h>

int main(void) {
  printf("hello from C, process %lu\n", GetCurrentProcessId());
  fflush(stdout);
  DWORD written;
  const WCHAR *text = L"hello from WriteConsoleW\n";
  WriteConsoleW(GetStdHandle(STD_OUTPUT_HANDLE), text, (DWORD)lstrlenW(text), &written, NULL);
  printf("wrote %lu wide characters\n", written);
  return 0;
}
