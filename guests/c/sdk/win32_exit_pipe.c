/*
 * A child process whose stdout is a pipe (STARTF_USESTDHANDLES) prints without newlines and ends with
 * ExitProcess: the parent still reads everything it printed (the CRT flushes its streams as the
 * process ends). The program starts itself as the child. Expected output confirmed with mingw-w64 +
 * Wine 8.0.
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "child") == 0) {
    printf("child output, ");
    printf("no newline");
    ExitProcess(5);
  }
  SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, TRUE };
  HANDLE r, w;
  CreatePipe(&r, &w, &sa, 0);
  SetHandleInformation(r, HANDLE_FLAG_INHERIT, 0);
  STARTUPINFO si;
  ZeroMemory(&si, sizeof si);
  si.cb = sizeof si;
  si.dwFlags = STARTF_USESTDHANDLES;
  si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
  si.hStdOutput = w;
  si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
  TCHAR self[MAX_PATH], line[MAX_PATH + 16];
  GetModuleFileName(NULL, self, MAX_PATH);
  wsprintf(line, TEXT("\"%s\" child"), self);
  PROCESS_INFORMATION pi;
  if (!CreateProcess(NULL, line, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
    printf("CreateProcess failed: %lu\n", GetLastError());
    return 1;
  }
  CloseHandle(w);
  char buf[256];
  DWORD n, total = 0;
  while (ReadFile(r, buf + total, sizeof buf - 1 - total, &n, NULL) && n) total += n;
  buf[total] = 0;
  WaitForSingleObject(pi.hProcess, INFINITE);
  DWORD code;
  GetExitCodeProcess(pi.hProcess, &code);
  printf("parent read [%s], child exit code %lu\n", buf, code);
  return 0;
}
