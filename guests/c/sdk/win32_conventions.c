/*
 * What Windows programs take for granted from <windows.h>: u"" and L"" literals, the memory macros (ZeroMemory,
 * SecureZeroMemory, CopyMemory, MoveMemory, FillMemory), MAKELANGID and friends, MAKEWORD/LOWORD/
 * HIWORD, NO_ERROR, __int64, LONGLONG, DWORD_PTR, SIZE_T, PtrToInt/IntToPtr, SAL annotations, __try/
 * __finally/__leave as plain blocks, Sleep(0)/SwitchToThread, WriteConsole on a pipe (fails with
 * ERROR_INVALID_HANDLE), and CreateProcess of "name.exe" (ntwasm runs name.wasm when there is no
 * name.exe: the program starts itself that way). Expected output confirmed under Wine 8.0, built with
 * clang-19 --target=x86_64-w64-mingw32 -fms-extensions (gcc has no __try) against mingw-w64.
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

static int _Check_return_ add(_In_ int a, _In_opt_ const int *b, _Out_ int *sum) {
  *sum = a + (b ? *b : 0);
  return *sum;
}

static int guarded(int leave_early) {
  int steps = 0;
  __try {
    steps += 1;
    if (leave_early) __leave;
    steps += 10;
  }
  __finally {
    steps += 100;
  }
  return steps;
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "child") == 0) {
    printf("child: started as %s\n", strstr(GetCommandLineA(), ".exe") ? "name.exe" : "something else");
    return 7;
  }
  char buf[16];
  FillMemory(buf, sizeof buf, 'x');
  ZeroMemory(buf + 4, 4);
  CopyMemory(buf, "ab", 2);
  MoveMemory(buf + 1, buf, 3);
  printf("memory: %c%c%c %d %c\n", buf[0], buf[1], buf[2], buf[5], buf[12]);
  SecureZeroMemory(buf, sizeof buf);
  printf("SecureZeroMemory: %d\n", buf[0] + buf[15]);

  LANGID lang = MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US);
  printf("MAKELANGID: 0x%04X primary %d sub %d\n", lang, PRIMARYLANGID(lang), SUBLANGID(lang));
  DWORD packed = MAKELONG(0x1234, 0xABCD);
  printf("MAKEWORD 0x%04X, LOWORD 0x%04X, HIWORD 0x%04X, LOBYTE 0x%02X, HIBYTE 0x%02X\n", MAKEWORD(0x12, 0x34),
         LOWORD(packed), HIWORD(packed), LOBYTE(0x1234), HIBYTE(0x1234));
  __int64 big = 1;
  big <<= 40;
  LONGLONG ll = big + 5;
  ULONGLONG ull = (ULONGLONG)-1;
  printf("__int64 %lld, ULONGLONG %llu, sizeof(LONGLONG) %d\n", ll, ull, (int)sizeof(LONGLONG));
  int value = 42;
  DWORD_PTR dp = (DWORD_PTR)&value;
  SIZE_T size = sizeof value;
  printf("pointer round trip: %d, SIZE_T %d, PtrToInt(IntToPtr(-5)) %d, NO_ERROR %d\n", *(int *)dp == 42,
         (int)size, PtrToInt(IntToPtr(-5)), NO_ERROR);
  int sum;
  printf("SAL-annotated call: %d\n", add(2, &value, &sum));
  printf("u\"\" and L\"\" literals are WCHAR strings: %d %d\n", lstrlenW(u"utf16"), lstrlenW(L"wide"));
  printf("__try/__finally: %d, with __leave: %d\n", guarded(0), guarded(1));

  Sleep(0);
  printf("SwitchToThread: %s\n", SwitchToThread() == TRUE || SwitchToThread() == FALSE ? "returns a BOOL" : "?");

  HANDLE r, w;
  CreatePipe(&r, &w, NULL, 0);
  DWORD n = 0;
  SetLastError(0);
  BOOL ok = WriteConsoleW(w, L"x", 1, &n, NULL);
  DWORD error = GetLastError();
  printf("WriteConsoleW to a pipe: %d, error %lu (ERROR_INVALID_HANDLE %d)\n", ok, error, ERROR_INVALID_HANDLE);
  CloseHandle(r);
  CloseHandle(w);

  /* Start this program again as "<name>.exe child": Windows programs name their helpers .exe. */
  char self[MAX_PATH], line[MAX_PATH + 16];
  GetModuleFileNameA(NULL, self, MAX_PATH);
  char *dot = strrchr(self, '.');
  if (dot) strcpy(dot, ".exe");
  snprintf(line, sizeof line, "\"%s\" child", self);
  STARTUPINFOA si;
  PROCESS_INFORMATION pi;
  ZeroMemory(&si, sizeof si);
  si.cb = sizeof si;
  fflush(stdout);
  if (!CreateProcessA(NULL, line, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) {
    printf("CreateProcess failed: %lu\n", GetLastError());
    return 1;
  }
  WaitForSingleObject(pi.hProcess, INFINITE);
  DWORD code;
  GetExitCodeProcess(pi.hProcess, &code);
  printf("child exit code %lu\n", code);
  CloseHandle(pi.hProcess);
  CloseHandle(pi.hThread);
  return 0;
}
