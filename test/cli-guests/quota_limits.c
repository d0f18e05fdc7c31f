/* Resource limits answer with errors (issue 17), run by test/quotas.test.ts under small quotas, one
   limit per run (argv[1]), each then showing that another process of the same kernel starts and runs:
   - handles: CreateEvent and DuplicateHandle past the process's handles fail with
     ERROR_NO_SYSTEM_RESOURCES (Windows' answer at its 2^24 handles: ObpCreateHandle's
     STATUS_INSUFFICIENT_RESOURCES); closing one lets one more in; a child has handles of its own;
   - objects: creates past the process's live objects fail with ERROR_NOT_ENOUGH_QUOTA (what Windows
     gives when a process's pool quota is used up: STATUS_QUOTA_EXCEEDED); handles to existing objects
     still come; a child, started meanwhile, has its own quota;
   - memory: past the kernel's memory creates fail with ERROR_NO_SYSTEM_RESOURCES (Windows' answer
     when the pool runs out: STATUS_INSUFFICIENT_RESOURCES) and every other call answers too; once
     the objects are closed a child starts;
   - threads: CreateThread past the process's threads fails with ERROR_NOT_ENOUGH_MEMORY (what
     Windows programs get when no further thread fits); a child, started meanwhile, has its own;
   - workers: past the kernel's workers CreateThread and CreateProcess fail with
     ERROR_NOT_ENOUGH_MEMORY, an overlapped read that needs an I/O worker with
     ERROR_NO_SYSTEM_RESOURCES; once the threads end a child starts. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILL 100000

static HANDLE filled[MAX_FILL];
static DWORD nfilled;

/* Creates unnamed events until one fails; returns the error. */
static DWORD fill_events(void) {
  nfilled = 0;
  while (nfilled < MAX_FILL) {
    HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (!e) return GetLastError();
    filled[nfilled++] = e;
  }
  return 0;
}

static void close_filled(void) {
  while (nfilled) CloseHandle(filled[--nfilled]);
}

static HANDLE go;
static DWORD WINAPI waiter(LPVOID p) { (void)p; WaitForSingleObject(go, INFINITE); return 0; }

static HANDLE threads[4096];
static DWORD nthreads;

/* Starts threads that wait for `go` until one fails; returns the error. */
static DWORD fill_threads(void) {
  nthreads = 0;
  while (nthreads < 4096) {
    HANDLE t = CreateThread(NULL, 65536, waiter, NULL, 0, NULL);
    if (!t) return GetLastError();
    threads[nthreads++] = t;
  }
  return 0;
}

static void end_threads(void) {
  SetEvent(go);
  for (DWORD i = 0; i < nthreads; i++) { WaitForSingleObject(threads[i], INFINITE); CloseHandle(threads[i]); }
  nthreads = 0;
  ResetEvent(go);
}

/* Starts this program with `arg`; returns FALSE with the last error when CreateProcess fails. */
static BOOL start_child(const WCHAR *arg, PROCESS_INFORMATION *pi) {
  STARTUPINFOW si = { sizeof si };
  WCHAR cmd[MAX_PATH + 32];
  GetModuleFileNameW(NULL, cmd, MAX_PATH);
  wcscat(cmd, L" child ");
  wcscat(cmd, arg);
  return CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, pi);
}

static void run_child(const WCHAR *arg) {
  PROCESS_INFORMATION pi;
  if (!start_child(arg, &pi)) { printf("CreateProcess failed: error %lu\n", GetLastError()); return; }
  WaitForSingleObject(pi.hProcess, INFINITE);
  DWORD code;
  GetExitCodeProcess(pi.hProcess, &code);
  printf("child exit %lu\n", code);
  CloseHandle(pi.hThread);
  CloseHandle(pi.hProcess);
}

static int child(const char *what) {
  if (!strcmp(what, "events")) {
    DWORD err = fill_events();
    printf("child: %lu events, then error %lu\n", nfilled, err);
    close_filled();
  } else if (!strcmp(what, "threads")) {
    go = CreateEventW(NULL, TRUE, FALSE, NULL);
    DWORD err = fill_threads();
    printf("child: %lu threads, then error %lu\n", nthreads, err);
    end_threads();
  }
  return 7; /* "quiet": just runs */
}

/* At the limit: closing one handle lets exactly one more event in. */
static void one_more_after_close(void) {
  CloseHandle(filled[--nfilled]);
  HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL);
  printf("after one CloseHandle: CreateEvent %s", e ? "ok" : "failed");
  if (e) filled[nfilled++] = e;
  e = CreateEventW(NULL, TRUE, FALSE, NULL);
  printf(", the next one error %lu\n", e ? 0 : GetLastError());
}

static void handles(void) {
  DWORD err = fill_events();
  printf("handles: %lu events, then CreateEvent error %lu\n", nfilled, err);
  HANDLE dup;
  if (DuplicateHandle(GetCurrentProcess(), filled[0], GetCurrentProcess(), &dup, 0, FALSE, DUPLICATE_SAME_ACCESS)) printf("DuplicateHandle: ok\n");
  else printf("DuplicateHandle: error %lu\n", GetLastError());
  one_more_after_close();
  CloseHandle(filled[--nfilled]); /* room for the child's process and thread handles */
  CloseHandle(filled[--nfilled]);
  run_child(L"events");
  close_filled();
}

static void objects(void) {
  DWORD err = fill_events();
  printf("objects: %lu events, then CreateEvent error %lu\n", nfilled, err);
  HANDLE m = CreateMutexW(NULL, FALSE, NULL);
  printf("CreateMutex error %lu\n", m ? 0 : GetLastError());
  HANDLE r, w;
  printf("CreatePipe error %lu\n", CreatePipe(&r, &w, NULL, 0) ? 0 : GetLastError());
  HANDLE dup;
  printf("DuplicateHandle: %s\n", DuplicateHandle(GetCurrentProcess(), filled[0], GetCurrentProcess(), &dup, 0, FALSE,
    DUPLICATE_SAME_ACCESS) ? "ok" : "failed");
  CloseHandle(dup);
  one_more_after_close();
  run_child(L"events"); /* while this process is at its limit */
  close_filled();
}

static VOID CALLBACK apc(ULONG_PTR p) { (void)p; }

/* Every kind of call while kernel memory is (nearly) full: each succeeds or fails, none traps or hangs. */
static void calls_while_full(void) {
  HANDLE h[8] = { 0 };
  h[0] = CreateMutexW(NULL, TRUE, L"quota-limits-mutex");
  h[1] = CreateSemaphoreW(NULL, 0, 10, NULL);
  h[2] = CreateWaitableTimerW(NULL, FALSE, NULL);
  HANDLE r = NULL, w = NULL;
  if (CreatePipe(&r, &w, NULL, 0)) { DWORD n; WriteFile(w, "data", 4, &n, NULL); CloseHandle(w); CloseHandle(r); }
  h[3] = CreateFileW(L"quota-limits.tmp", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_FLAG_DELETE_ON_CLOSE, NULL);
  if (h[3] == INVALID_HANDLE_VALUE) h[3] = NULL;
  HANDLE f = CreateFileW(L"quota-limits-a.tmp", GENERIC_WRITE, FILE_SHARE_DELETE, NULL, CREATE_ALWAYS, 0, NULL);
  if (f != INVALID_HANDLE_VALUE) { /* renames the open file's kernel path too */
    MoveFileW(L"quota-limits-a.tmp", L"quota-limits-b.tmp");
    CloseHandle(f);
    DeleteFileW(L"quota-limits-a.tmp");
    DeleteFileW(L"quota-limits-b.tmp");
  }
  h[4] = CreateThread(NULL, 65536, waiter, NULL, 0, NULL);
  SetEnvironmentVariableW(L"QUOTA_LIMITS", L"a value that needs room");
  DWORD tls = TlsAlloc();
  if (tls != TLS_OUT_OF_INDEXES) { TlsSetValue(tls, (LPVOID)1); TlsFree(tls); }
  QueueUserAPC(apc, GetCurrentThread(), 0);
  SleepEx(0, TRUE);
  h[5] = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
  if (h[5]) PostQueuedCompletionStatus(h[5], 1, 2, NULL);
  DuplicateHandle(GetCurrentProcess(), filled[0], GetCurrentProcess(), &h[6], 0, FALSE, DUPLICATE_SAME_ACCESS);
  PROCESS_INFORMATION pi;
  if (start_child(L"quiet", &pi)) { WaitForSingleObject(pi.hProcess, INFINITE); CloseHandle(pi.hThread); CloseHandle(pi.hProcess); }
  if (h[4]) { SetEvent(go); WaitForSingleObject(h[4], INFINITE); ResetEvent(go); }
  if (h[0]) ReleaseMutex(h[0]);
  for (int i = 0; i < 8; i++) if (h[i]) CloseHandle(h[i]);
}

static void memory(void) {
  static WCHAR name[4100];
  go = CreateEventW(NULL, TRUE, FALSE, NULL);
  /* an overlapped read on a pipe associated with a completion port, pending while memory fills up */
  HANDLE server = CreateNamedPipeW(L"\\\\.\\pipe\\quota-limits", PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE, 1, 4096, 4096, 0, NULL);
  HANDLE client = CreateFileW(L"\\\\.\\pipe\\quota-limits", GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
  HANDLE port = CreateIoCompletionPort(server, NULL, 77, 1);
  static char buf[16];
  OVERLAPPED ov = { 0 };
  BOOL pending = !ReadFile(server, buf, sizeof buf, NULL, &ov) && GetLastError() == ERROR_IO_PENDING;
  /* long names first (8 KiB each), then unnamed events, until nothing more fits */
  DWORD named = 0, err = 0;
  while (nfilled < MAX_FILL) {
    swprintf(name, 4100, L"quota-limits-%lu-", named);
    size_t len = wcslen(name);
    while (len < 4000) name[len++] = L'x';
    name[len] = 0;
    HANDLE e = CreateEventW(NULL, TRUE, FALSE, name);
    if (!e) { err = GetLastError(); break; }
    filled[nfilled++] = e;
    named++;
  }
  DWORD unnamed = 0, err2 = 0;
  while (nfilled < MAX_FILL) {
    HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (!e) { err2 = GetLastError(); break; }
    filled[nfilled++] = e;
    unnamed++;
  }
  printf("memory: named events until error %lu, then unnamed ones until error %lu\n", err, err2);
  /* its completion comes while memory is full: the packet is never dropped (the request was admitted) */
  CancelIoEx(server, &ov);
  DWORD n = 0;
  ULONG_PTR key = 0;
  LPOVERLAPPED got = NULL;
  BOOL done = GetQueuedCompletionStatus(port, &n, &key, &got, 10000);
  printf("a completion while full: %s, key %lu, error %lu\n", pending && got == &ov ? "queued" : "lost", (unsigned long)key,
    done ? 0ul : (unsigned long)GetLastError());
  CloseHandle(client);
  CloseHandle(server);
  CloseHandle(port);
  /* with a little more room each time, so that allocations fail at ever later points of each call */
  int levels = 0;
  for (; levels < 64 && nfilled > 8; levels++) {
    calls_while_full();
    for (int i = 0; i < 8; i++) CloseHandle(filled[--nfilled]);
  }
  printf("every call answered, at %d levels of free memory\n", levels);
  close_filled();
  HANDLE e = CreateEventW(NULL, TRUE, FALSE, name);
  printf("after closing them: CreateEvent %s\n", e ? "ok" : "failed");
  CloseHandle(e);
  run_child(L"events");
}

static void threads_quota(void) {
  go = CreateEventW(NULL, TRUE, FALSE, NULL);
  DWORD err = fill_threads();
  printf("threads: %lu more, then CreateThread error %lu\n", nthreads, err);
  run_child(L"threads"); /* while this process is at its limit */
  end_threads();
  HANDLE t = CreateThread(NULL, 65536, waiter, NULL, 0, NULL);
  printf("after they ended: CreateThread %s\n", t ? "ok" : "failed");
  SetEvent(go);
  WaitForSingleObject(t, INFINITE);
  CloseHandle(t);
}

static void workers(void) {
  go = CreateEventW(NULL, TRUE, FALSE, NULL);
  DWORD err = fill_threads();
  printf("workers: %lu threads, then CreateThread error %lu\n", nthreads, err);
  PROCESS_INFORMATION pi;
  if (start_child(L"quiet", &pi)) printf("CreateProcess: ok\n");
  else printf("CreateProcess: error %lu\n", GetLastError());
  HANDLE srv = CreateNamedPipeW(L"\\\\.\\pipe\\quota-limits", PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED, PIPE_TYPE_BYTE, 1, 4096, 4096, 0, NULL);
  HANDLE cli = CreateFileW(L"\\\\.\\pipe\\quota-limits", GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
  OVERLAPPED ov = { 0 };
  ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
  char buf[16];
  if (ReadFile(srv, buf, sizeof buf, NULL, &ov)) printf("overlapped ReadFile: done at once\n");
  else printf("overlapped ReadFile: error %lu\n", GetLastError());
  CloseHandle(ov.hEvent);
  CloseHandle(cli);
  CloseHandle(srv);
  end_threads();
  run_child(L"threads");
}

int main(int argc, char **argv) {
  if (argc > 2 && !strcmp(argv[1], "child")) return child(argv[2]);
  const char *what = argc > 1 ? argv[1] : "";
  if (!strcmp(what, "handles")) handles();
  else if (!strcmp(what, "objects")) objects();
  else if (!strcmp(what, "memory")) memory();
  else if (!strcmp(what, "threads")) threads_quota();
  else if (!strcmp(what, "workers")) workers();
  else { printf("usage: quota_limits handles|objects|memory|threads|workers\n"); return 2; }
  return 0;
}
