/*
 * ntwasm services between processes when one side dies or lets go (docs/services.md): the program starts
 * itself as the other side ("svc_death.exe MODE NAME"). Cases: a client process killed in a synchronous
 * call; a client thread terminated in one; a client process that ends with asynchronous calls pending;
 * a server process killed with a call in progress and calls queued (then a new server of the name, found
 * by SvcOpen's wait); a server that closes the service with a call in progress. Nothing may hang; each
 * side gets its distinct error. test/services.test.ts also checks that no kernel object or memory is
 * left behind. Services are ntwasm's own (no Windows counterpart): the expected output is what
 * docs/services.md specifies; error values are winerror.h's.
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

static WCHAR self[MAX_PATH];

/* "1" or "0 (last error)" right after a call. */
static const char *rv(BOOL ok) {
  static _Thread_local char buf[8][24];
  static _Thread_local int next;
  char *b = buf[next++ & 7];
  if (ok) snprintf(b, 24, "%d", ok);
  else snprintf(b, 24, "%d (%lu)", ok, GetLastError());
  return b;
}

static PROCESS_INFORMATION start(const WCHAR *mode, const WCHAR *name) {
  WCHAR cmd[MAX_PATH + 64];
  STARTUPINFOW si;
  PROCESS_INFORMATION pi;
  ZeroMemory(&si, sizeof si);
  si.cb = sizeof si;
  ZeroMemory(&pi, sizeof pi);
  swprintf(cmd, MAX_PATH + 64, L"\"%ls\" %ls %ls", self, mode, name);
  if (!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) printf("CreateProcess failed (%lu)\n", GetLastError());
  return pi;
}

static DWORD finish(PROCESS_INFORMATION *pi) {
  DWORD code = 0;
  WaitForSingleObject(pi->hProcess, INFINITE);
  GetExitCodeProcess(pi->hProcess, &code);
  CloseHandle(pi->hProcess);
  CloseHandle(pi->hThread);
  return code;
}

/* ---------------- the children ---------------- */

static HANDLE named(const WCHAR *name) { return CreateEventW(NULL, TRUE, FALSE, name); }

static int child(const WCHAR *mode, const WCHAR *name) {
  SVC_CALL c = { "in", 2, NULL, 0, 1, 0, { 0 } };
  SVC_REQUEST_INFO info;
  if (!wcscmp(mode, L"call")) { /* a synchronous call that never returns: killed in it */
    HANDLE h = SvcOpenW(name, 60000);
    SvcCall(h, &c, NULL, INFINITE);
    return 2;
  }
  if (!wcscmp(mode, L"async")) { /* three asynchronous calls, then the process ends with them pending */
    HANDLE h = SvcOpenW(name, 60000);
    for (int i = 0; i < 3; i++) SvcCallAsync(h, &c);
    SetEvent(named(L"ntwasm-svc-death-ready"));
    WaitForSingleObject(named(L"ntwasm-svc-death-go"), 60000);
    return 0; /* its handles close with it */
  }
  HANDLE svc = SvcCreateW(name, 0, 0);
  if (!svc) return 3;
  HANDLE r = SvcAccept(svc, &info, 60000);
  if (!r) return 4;
  if (!wcscmp(mode, L"echo")) { SvcReply(r, 0, 77); return 0; }
  SetEvent(named(L"ntwasm-svc-death-accepted"));
  if (!wcscmp(mode, L"serve")) { Sleep(INFINITE); return 5; } /* holds the call until killed */
  /* close: lets the service go while it holds a call */
  WaitForSingleObject(named(L"ntwasm-svc-death-go"), 60000);
  CloseHandle(svc);
  SvcReply(r, 0, 0);
  return (int)GetLastError(); /* ERROR_REQUEST_ABORTED: the call ended with the service */
}

/* ---------------- the parent ---------------- */

static HANDLE gsvc;
static DWORD WINAPI caller(LPVOID param) {
  SVC_CALL c = { NULL, 0, NULL, 0, 9, 0, { 0 } };
  const char *st = rv(SvcCall((HANDLE)param, &c, NULL, INFINITE));
  printf("  the caller's SvcCall: %s\n", st);
  return 0;
}

int wmain(int argc, WCHAR **argv) {
  GetModuleFileNameW(NULL, self, MAX_PATH);
  if (argc == 3) return child(argv[1], argv[2]);
  SVC_REQUEST_INFO info;
  SVC_CALL c = { NULL, 0, NULL, 0, 0, 0, { 0 } };
  SVC_RESULT res;
  HANDLE ready = named(L"ntwasm-svc-death-ready"), go = named(L"ntwasm-svc-death-go");
  HANDLE accepted = named(L"ntwasm-svc-death-accepted");

  /* 1. A client process killed in a synchronous call. */
  printf("1. client process killed in a call\n");
  HANDLE svc = SvcCreateW(L"ntwasm-svc-death-1", 0, 0);
  PROCESS_INFORMATION pi = start(L"call", L"ntwasm-svc-death-1");
  HANDLE r = SvcAccept(svc, &info, 60000);
  printf("  accepted: %s, from the child: %s\n", r ? "yes" : "no", info.ProcessId == pi.dwProcessId ? "yes" : "no");
  printf("  request signaled before: %lu\n", WaitForSingleObject(r, 0));
  TerminateProcess(pi.hProcess, 9);
  printf("  child exit code: %lu\n", finish(&pi));
  printf("  request signaled: %lu\n", WaitForSingleObject(r, 0));
  printf("  SvcRead: %s\n", rv(SvcRead(r, 0, &c, 2, NULL)));
  printf("  SvcReply: %s\n", rv(SvcReply(r, 0, 0)));
  CloseHandle(r);

  /* 2. A client thread terminated in a synchronous call. */
  printf("2. client thread terminated in a call\n");
  HANDLE th = CreateThread(NULL, 0, caller, svc, 0, NULL);
  r = SvcAccept(svc, &info, 60000);
  printf("  accepted from that thread: %s\n", info.ThreadId == GetThreadId(th) ? "yes" : "no");
  TerminateThread(th, 7);
  WaitForSingleObject(th, INFINITE);
  DWORD code;
  GetExitCodeThread(th, &code);
  printf("  thread exit code %lu, request signaled: %lu\n", code, WaitForSingleObject(r, 0));
  printf("  SvcWrite: %s\n", rv(SvcWrite(r, 0, "x", 0)));
  CloseHandle(r);
  CloseHandle(th);

  /* 3. A client process that ends with asynchronous calls pending: one accepted, two queued. */
  printf("3. client process ends with asynchronous calls pending\n");
  pi = start(L"async", L"ntwasm-svc-death-1");
  WaitForSingleObject(ready, 60000);
  r = SvcAccept(svc, &info, 0);
  printf("  accepted one: %s; service signaled (two queued): %lu\n", r ? "yes" : "no", WaitForSingleObject(svc, 0));
  SetEvent(go);
  printf("  child exit code: %lu\n", finish(&pi));
  ResetEvent(go);
  printf("  request signaled: %lu, SvcReply: %s\n", WaitForSingleObject(r, 0), rv(SvcReply(r, 0, 0)));
  printf("  service signaled (queue empty): %lu\n", WaitForSingleObject(svc, 0));
  printf("  SvcAccept: %s\n", rv(SvcAccept(svc, &info, 0) != NULL));
  CloseHandle(r);
  CloseHandle(svc);

  /* 4. A server process killed with a call in progress and calls queued. */
  printf("4. server process killed with calls in progress and queued\n");
  pi = start(L"serve", L"ntwasm-svc-death-4");
  HANDLE h = SvcOpenW(L"ntwasm-svc-death-4", 60000);
  printf("  SvcOpen waited for the server: %s\n", h ? "yes" : "no");
  th = CreateThread(NULL, 0, caller, h, 0, NULL);
  WaitForSingleObject(accepted, 60000);
  ResetEvent(accepted);
  HANDLE a[3];
  for (int i = 0; i < 3; i++) a[i] = SvcCallAsync(h, &c);
  printf("  three more queued: %s\n", a[0] && a[1] && a[2] ? "yes" : "no");
  TerminateProcess(pi.hProcess, 1);
  code = finish(&pi);
  WaitForSingleObject(th, INFINITE); /* it printed its call's end */
  CloseHandle(th);
  printf("  server exit code: %lu\n", code);
  printf("  queued calls signaled: %lu\n", WaitForMultipleObjects(3, a, TRUE, 0));
  for (int i = 0; i < 3; i++) { printf("  SvcFinish %d: %s\n", i, rv(SvcFinish(a[i], &res))); CloseHandle(a[i]); }
  printf("  a new call: %s\n", rv(SvcCall(h, &c, NULL, INFINITE)));
  printf("  SvcOpen, 0 ms: %s\n", rv(SvcOpenW(L"ntwasm-svc-death-4", 0) != NULL));
  /* A caller that chooses to wait for a new server of the name. */
  pi = start(L"echo", L"ntwasm-svc-death-4");
  HANDLE h2 = SvcOpenW(L"ntwasm-svc-death-4", 60000);
  printf("  SvcOpen waited for a new server: %s\n", h2 ? "yes" : "no");
  BOOL ok = SvcCall(h2, &c, &res, 60000);
  printf("  its SvcCall: %d, Result %lu\n", ok, (unsigned long)res.Result);
  printf("  new server exit code: %lu\n", finish(&pi));
  CloseHandle(h2);
  CloseHandle(h);

  /* 5. A server that closes the service with a call in progress and one queued. */
  printf("5. server closes the service with calls in progress and queued\n");
  pi = start(L"close", L"ntwasm-svc-death-5");
  h = SvcOpenW(L"ntwasm-svc-death-5", 60000);
  th = CreateThread(NULL, 0, caller, h, 0, NULL);
  WaitForSingleObject(accepted, 60000);
  a[0] = SvcCallAsync(h, &c);
  SetEvent(go);
  code = finish(&pi);
  WaitForSingleObject(th, INFINITE);
  CloseHandle(th);
  printf("  server exit code (its SvcReply's error): %lu\n", code);
  printf("  the queued call: %s\n", rv(SvcFinish(a[0], &res)));
  CloseHandle(a[0]);
  CloseHandle(h);
  CloseHandle(ready); CloseHandle(go); CloseHandle(accepted);
  printf("done\n");
  return 0;
}
