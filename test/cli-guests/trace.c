/* What `ntwasm run --trace` shows (test/cli-trace.test.ts): two threads around a blocking wait, timeouts
   in decimal and INFINITE, wait results by name, CreateFileW's flags by name, failures with their error
   names, an NT wait's status, and stdio through WASI. The order of the threads' lines is fixed where the
   test looks at it: the main thread's SignalObjectAndWait starts before it sets `ready` and returns only
   after the worker has set `go`, which it does after its own wait for `ready` returned. */
#include <windows.h>
#include <ntwasm/ntdll.h>
#include <stdio.h>

static HANDLE ready, go;

static DWORD WINAPI worker(LPVOID arg) {
  (void)arg;
  WaitForSingleObject(ready, INFINITE); /* returns once the main thread's SignalObjectAndWait has set it */
  SetEvent(go);                         /* which lets that call return */
  return 7;
}

int main(void) {
  ready = CreateEventW(NULL, FALSE, FALSE, NULL);
  go = CreateEventW(NULL, FALSE, FALSE, NULL);
  HANDLE t = CreateThread(NULL, 0, worker, NULL, 0, NULL);
  DWORD signaled = SignalObjectAndWait(ready, go, INFINITE, FALSE);
  WaitForSingleObject(t, INFINITE);
  HANDLE both[2] = { ready, t }; /* ready is reset (the worker's wait took it), the thread has ended */
  DWORD any = WaitForMultipleObjects(2, both, FALSE, 0);
  DWORD timeout = WaitForSingleObject(ready, 10);
  Sleep(25);
  LARGE_INTEGER zero = { 0 };
  NTSTATUS nt = NtWaitForSingleObject(ready, FALSE, &zero);
  HANDLE none = OpenEventW(EVENT_ALL_ACCESS, FALSE, L"ntwasm-trace-no-such-event");
  BOOL closed = CloseHandle((HANDLE)0x1234);
  DWORD attributes = GetFileAttributesW(L"no-such-file.txt");
  HANDLE f = CreateFileW(L"trace-test.txt", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
    CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
  DWORD wrote = 0;
  WriteFile(f, "hello, trace\n", 13, &wrote, NULL);
  CloseHandle(f);
  DeleteFileW(L"trace-test.txt");
  CloseHandle(t);
  printf("signaled %lu, any %lu, timeout %lu, nt 0x%lx, none %d, closed %d, attributes 0x%lx, wrote %lu\n",
    signaled, any, timeout, (unsigned long)nt, none == NULL, closed, attributes, wrote);
  return 0;
}
