/*
 * The complete example of docs/services.md, kept identical to it (test/services.test.ts checks): a
 * client starts its server (itself, with "server"), calls it twice and sees it gone. Services are
 * ntwasm's own (no Windows counterpart): the expected output is what docs/services.md specifies.
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

#define NAME L"example-upper"

/* The server: uppercases what each caller sends, until a call with Argument 0. */
static int server(void) {
  HANDLE svc = SvcCreateW(NAME, 0, 0);
  if (!svc) return 1;
  for (;;) {
    SVC_REQUEST_INFO info;
    HANDLE req = SvcAccept(svc, &info, INFINITE);
    if (!req) return 2;
    char buf[256];
    DWORD n = 0;
    if (info.InputSize <= sizeof buf && SvcRead(req, 0, buf, info.InputSize, &n)) {
      for (DWORD i = 0; i < n; i++) if (buf[i] >= 'a' && buf[i] <= 'z') buf[i] -= 32;
      SvcWrite(req, 0, buf, n < info.OutputSize ? n : info.OutputSize);
    }
    SvcReply(req, ERROR_SUCCESS, n);
    CloseHandle(req);
    if (info.Argument == 0) break;
  }
  CloseHandle(svc);
  return 0;
}

int wmain(int argc, WCHAR **argv) {
  if (argc > 1 && !wcscmp(argv[1], L"server")) return server();

  /* The client: starts the server (this program again), waits for its service, calls it. */
  WCHAR self[MAX_PATH], cmd[MAX_PATH + 16];
  GetModuleFileNameW(NULL, self, MAX_PATH);
  swprintf(cmd, MAX_PATH + 16, L"\"%ls\" server", self);
  STARTUPINFOW si = { sizeof si };
  PROCESS_INFORMATION pi;
  if (!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) return 1;
  HANDLE svc = SvcOpenW(NAME, 30000);
  if (!svc) { printf("no server: %lu\n", GetLastError()); return 1; }

  const char *words[] = { "hello", "services" };
  for (int i = 0; i < 2; i++) {
    char out[64] = { 0 };
    SVC_CALL call = { words[i], (DWORD)strlen(words[i]), out, sizeof out - 1, i + 1 < 2 ? 1 : 0, 0, { 0 } };
    SVC_RESULT res;
    if (SvcCall(svc, &call, &res, 5000))
      printf("%s -> %s (status %lu, %lu bytes)\n", words[i], out, res.Status, res.BytesWritten);
    else
      printf("call failed: %lu\n", GetLastError());
  }

  /* The server has gone now: a call fails at once with RPC_S_SERVER_UNAVAILABLE. */
  WaitForSingleObject(pi.hProcess, INFINITE);
  SVC_CALL call = { "x", 1, NULL, 0, 1, 0, { 0 } };
  if (!SvcCall(svc, &call, NULL, 5000)) printf("after the server: %lu\n", GetLastError());
  CloseHandle(svc);
  CloseHandle(pi.hThread);
  CloseHandle(pi.hProcess);
  return 0;
}
