/* NULL and wild buffers and wrapping lengths never reach kernel memory (issue 17).
   Expected values: the first block from Wine 8.0 (mingw build of this file), except that Wine fails a
   WriteFile from a bad buffer with ERROR_INVALID_USER_BUFFER (1784) where Windows' NtWriteFile probes it
   and fails with STATUS_ACCESS_VIOLATION, ERROR_NOACCESS (998): 998 here. The __wasm__ block is not run
   under Windows: there GetEnvironmentVariableW and GetExitCodeThread with a NULL buffer fault in user mode
   (the process dies); ntwasm fails them with ERROR_NOACCESS as a probing system call does. A count that
   wraps in a byte count (0x80000000 chars, 0x40000001 handles) is taken as the count it is. */
#include <windows.h>
#include <stdio.h>

static void show(const char *what, BOOL ok) {
  printf("%s: %s", what, ok ? "ok" : "fail");
  if (!ok) printf(" (%lu)", GetLastError());
  printf("\n");
}

int main(void) {
  HANDLE r, w;
  DWORD n = 12345;
  char buf[64];
  if (!CreatePipe(&r, &w, NULL, 0)) { printf("CreatePipe failed\n"); return 1; }
  show("WriteFile NULL, 5 bytes", WriteFile(w, NULL, 5, &n, NULL));
  show("WriteFile NULL, 0 bytes", WriteFile(w, NULL, 0, &n, NULL));
  printf("  written %lu\n", n);
  show("WriteFile 3 bytes", WriteFile(w, "abc", 3, &n, NULL));
  n = 12345;
  show("ReadFile NULL, 3 bytes", ReadFile(r, NULL, 3, &n, NULL));
  show("ReadFile wild, 3 bytes", ReadFile(r, (void *)(UINT_PTR)0xFFFFFFF0u, 3, &n, NULL));
  show("WriteFile wild, 3 bytes", WriteFile(w, (void *)(UINT_PTR)0xFFFFFFF0u, 3, &n, NULL));
  DWORD avail = 0, got = 0;
  show("PeekNamedPipe NULL buffer, 100", PeekNamedPipe(r, NULL, 100, &got, &avail, NULL));
  printf("  avail %lu\n", avail);
  show("ReadFile 3 bytes", ReadFile(r, buf, 3, &n, NULL));
  printf("  read %lu: %.3s\n", n, buf);
#ifdef __wasm__
  SetEnvironmentVariableW(L"X", L"value of X");
  SetLastError(0);
  DWORD e = GetEnvironmentVariableW(L"X", NULL, 4000);
  printf("GetEnvironmentVariableW NULL, 4000: %lu (%lu)\n", e, GetLastError());
  e = GetEnvironmentVariableW(L"X", NULL, 0);
  printf("GetEnvironmentVariableW NULL, 0: %lu\n", e);
  WCHAR v[32];
  e = GetEnvironmentVariableW(L"X", v, 0x80000000u);
  printf("GetEnvironmentVariableW 0x80000000: %lu (%lu)\n", e, GetLastError());
  e = GetEnvironmentVariableW(L"X", v, 32);
  printf("GetEnvironmentVariableW 32: %lu %ls\n", e, v);
  HANDLE h[2] = { r, w };
  printf("WaitForMultipleObjects 0x40000001: %lx (%lu)\n", WaitForMultipleObjects(0x40000001u, h, FALSE, 0), GetLastError());
  printf("WaitForMultipleObjects NULL, 2: %lx (%lu)\n", WaitForMultipleObjects(2, NULL, FALSE, 0), GetLastError());
  SetLastError(0);
  printf("GetExitCodeThread NULL: %d (%lu)\n", GetExitCodeThread(GetCurrentThread(), NULL), GetLastError());
#endif
  CloseHandle(r);
  CloseHandle(w);
  return 0;
}
