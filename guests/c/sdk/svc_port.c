/*
 * A service delivering its requests to an I/O completion port (docs/services.md, SvcSetCompletionPort):
 * each queued request posts { Key, NULL overlapped, InputSize } and the server thread, woken by the port
 * like by any other I/O, takes the request with SvcAccept(..., 0). A call cancelled before it is accepted
 * leaves its packet behind: that SvcAccept finds nothing (ERROR_TIMEOUT). Bad handles get
 * ERROR_INVALID_HANDLE. Services are ntwasm's own (no Windows counterpart): the expected output is what
 * docs/services.md specifies; error values are winerror.h's.
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  HANDLE svc = SvcCreateW(NULL, 0, 0);
  HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
  HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
  printf("associate: %d\n", SvcSetCompletionPort(svc, port, 7));
  printf("with an event as the port: %d (%lu)\n", SvcSetCompletionPort(svc, ev, 7), GetLastError());
  printf("with an event as the service: %d (%lu)\n", SvcSetCompletionPort(ev, port, 7), GetLastError());

  /* Three asynchronous calls, queued: three packets. The second is cancelled before it is accepted. */
  const char *text[3] = { "one", "three", "seven!" };
  char out[3][16];
  HANDLE call[3];
  for (int i = 0; i < 3; i++) {
    memset(out[i], 0, sizeof out[i]);
    SVC_CALL c = { text[i], (DWORD)strlen(text[i]), out[i], sizeof out[i], (ULONG_PTR)i, 0, { 0 } };
    call[i] = SvcCallAsync(svc, &c);
  }
  CloseHandle(call[1]);
  call[1] = NULL;

  for (int i = 0; i < 3; i++) {
    DWORD bytes = 0;
    ULONG_PTR key = 0;
    LPOVERLAPPED ov = (LPOVERLAPPED)1;
    BOOL ok = GetQueuedCompletionStatus(port, &bytes, &key, &ov, 1000);
    printf("packet %d: %d key %lu bytes %lu overlapped %s\n", i, ok, (unsigned long)key, bytes, ov ? "set" : "NULL");
    SVC_REQUEST_INFO info;
    HANDLE r = SvcAccept(svc, &info, 0);
    if (!r) { printf("  accept: NULL (%lu)\n", GetLastError()); continue; }
    char buf[16];
    DWORD n = 0;
    SvcRead(r, 0, buf, info.InputSize, &n);
    SvcWrite(r, 0, buf, n);
    printf("  accept: call %lu, %lu bytes\n", (unsigned long)info.Argument, n);
    SvcReply(r, 0, n * 10);
    CloseHandle(r);
  }
  DWORD bytes;
  ULONG_PTR key;
  LPOVERLAPPED ov;
  printf("no more packets: %d (%lu)\n", GetQueuedCompletionStatus(port, &bytes, &key, &ov, 0), GetLastError());
  for (int i = 0; i < 3; i++) {
    if (!call[i]) continue;
    SVC_RESULT res;
    printf("call %d: %d result %lu written %lu \"%s\"\n", i, SvcFinish(call[i], &res), (unsigned long)res.Result, res.BytesWritten, out[i]);
    CloseHandle(call[i]);
  }

  /* NULL stops the delivery: a queued request posts nothing now. */
  printf("stop: %d\n", SvcSetCompletionPort(svc, NULL, 0));
  SVC_CALL c = { "x", 1, NULL, 0, 9, 0, { 0 } };
  HANDLE last = SvcCallAsync(svc, &c);
  printf("after stop: %d (%lu)\n", GetQueuedCompletionStatus(port, &bytes, &key, &ov, 0), GetLastError());
  printf("the service is signaled: %s\n", WaitForSingleObject(svc, 0) == WAIT_OBJECT_0 ? "yes" : "no");
  CloseHandle(svc); /* the service is gone: the queued call fails */
  SVC_RESULT res;
  printf("queued call after close: %d (%lu)\n", SvcFinish(last, &res), GetLastError());
  CloseHandle(last);
  CloseHandle(port);
  CloseHandle(ev);
  return 0;
}
