/*
 * ntwasm services in one process (docs/services.md): a server thread and the main thread as the client.
 * Creating and opening (names, errors), the service handle's signal, a call's data and header, the
 * bounds of SvcRead/SvcWrite, replying twice, closing a request unreplied, passing a handle, the
 * caller's timeout as the server sees it, asynchronous calls (pending, finished, cancelled by closing),
 * the queue limit, closing the service with calls queued, and an APC during an alertable call. Services
 * are ntwasm's own (there is no Windows counterpart): the expected output is what docs/services.md
 * specifies, and the error codes are Windows' (winerror.h values, checked against mingw-w64's headers).
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

#define NAME L"ntwasm-svc-basic"

static HANDLE svc;            /* the server's handle */
static HANDLE go, done;       /* the main thread lets the server take one request; the server says it is done */
static DWORD clientTid;
static HANDLE apcEvent;
static HANDLE flag;           /* the event a call passes */
static LONG accepted;

/* "1" or "0 (last error)" right after a call: printf's arguments are evaluated in no set order. */
static const char *rv(BOOL ok) {
  static _Thread_local char buf[8][24];
  static _Thread_local int next;
  char *b = buf[next++ & 7];
  if (ok) snprintf(b, 24, "%d", ok);
  else snprintf(b, 24, "%d (%lu)", ok, GetLastError());
  return b;
}
#define HV(h) ((h) ? "handle" : "NULL")

enum { ECHO = 1, BOUNDS, REPLY_TWICE, CLOSE_UNREPLIED, PASS_HANDLE, WAIT_ABORT, APC, STOP };

static void WINAPI apcRoutine(ULONG_PTR data) {
  printf("client: APC %lu runs during the call\n", (unsigned long)data);
  SetEvent(apcEvent);
}

static void serve(HANDLE r, SVC_REQUEST_INFO *info) {
  char buf[64];
  DWORD n = 0;
  InterlockedIncrement(&accepted);
  switch (info->Argument) {
  case ECHO:
    printf("server: caller is this process: %s, thread: %s; in %lu, out %lu, handles %lu\n",
           info->ProcessId == GetCurrentProcessId() ? "yes" : "no", info->ThreadId == clientTid ? "yes" : "no",
           info->InputSize, info->OutputSize, info->HandleCount);
    SvcRead(r, 0, buf, info->InputSize, &n);
    for (DWORD i = 0; i < n; i++) buf[i] = (char)(buf[i] >= 'a' && buf[i] <= 'z' ? buf[i] - 32 : buf[i]);
    SvcWrite(r, 0, buf, n);
    SvcReply(r, 0x1234, n);
    break;
  case BOUNDS: {
    const char *ok = rv(SvcRead(r, 0, buf, info->InputSize + 1, &n));
    printf("server: read past the input: %s, read %lu\n", ok, n);
    printf("server: read at the end: %s\n", rv(SvcRead(r, info->InputSize, buf, 1, NULL)));
    printf("server: read at 0xfffffffe: %s\n", rv(SvcRead(r, 0xfffffffe, buf, 4, NULL)));
    ok = rv(SvcRead(r, info->InputSize, buf, 0, &n));
    printf("server: empty read at the end: %s, read %lu\n", ok, n);
    ok = rv(SvcRead(r, 2, buf, 3, &n));
    printf("server: read 3 at 2: %s, '%.3s'\n", ok, buf);
    printf("server: write past the output: %s\n", rv(SvcWrite(r, info->OutputSize - 2, "abc", 3)));
    printf("server: write 2 at 4: %s\n", rv(SvcWrite(r, 4, "xy", 2)));
    printf("server: read into NULL: %s\n", rv(SvcRead(r, 0, NULL, 1, NULL)));
    SvcReply(r, 0, 0);
    break;
  }
  case REPLY_TWICE:
    printf("server: reply %s\n", rv(SvcReply(r, 1, 2)));
    printf("server: reply again: %s\n", rv(SvcReply(r, 3, 4)));
    printf("server: read after the reply: %s\n", rv(SvcRead(r, 0, buf, 1, NULL)));
    printf("server: write after the reply: %s\n", rv(SvcWrite(r, 0, "z", 1)));
    printf("server: request signaled after the reply: %s\n", WaitForSingleObject(r, 0) == WAIT_OBJECT_0 ? "yes" : "no");
    break;
  case CLOSE_UNREPLIED:
    SvcWrite(r, 0, "lost", 4);
    printf("server: closing the request unreplied\n");
    break;
  case PASS_HANDLE:
    printf("server: %lu handle(s), a new value: %s, the rest NULL: %s\n", info->HandleCount,
           info->Handles[0] && info->Handles[0] != flag ? "yes" : "no", info->Handles[1] == NULL ? "yes" : "no");
    printf("server: SetEvent on it: %s\n", rv(SetEvent(info->Handles[0])));
    CloseHandle(info->Handles[0]);
    SvcReply(r, 0, 0);
    break;
  case WAIT_ABORT: {
    printf("server: waiting for the caller to give up\n");
    fflush(stdout);
    SetEvent(done);
    DWORD w = WaitForSingleObject(r, 10000);
    WaitForSingleObject(go, INFINITE); /* the caller has printed */
    printf("server: request signaled: %lu\n", w);
    printf("server: read: %s\n", rv(SvcRead(r, 0, buf, 1, NULL)));
    printf("server: write: %s\n", rv(SvcWrite(r, 0, "a", 1)));
    printf("server: reply: %s\n", rv(SvcReply(r, 0, 0)));
    break;
  }
  case APC: {
    HANDLE caller = OpenThread(THREAD_SET_CONTEXT, FALSE, info->ThreadId);
    const char *queued = rv(QueueUserAPC(apcRoutine, caller, 7));
    DWORD w = WaitForSingleObject(apcEvent, 10000);
    printf("server: queued an APC to the caller: %s; it ran before the reply: %s\n", queued, w == WAIT_OBJECT_0 ? "yes" : "no");
    CloseHandle(caller);
    SvcReply(r, 0, 99);
    break;
  }
  }
  CloseHandle(r);
}

static DWORD WINAPI server(LPVOID param) {
  (void)param;
  for (;;) {
    WaitForSingleObject(go, INFINITE);
    SVC_REQUEST_INFO info;
    HANDLE r = SvcAccept(svc, &info, 10000);
    if (!r) { printf("server: accept failed (%lu)\n", GetLastError()); SetEvent(done); return 1; }
    if (info.Argument == STOP) { SvcReply(r, 0, 0); CloseHandle(r); SetEvent(done); return 0; }
    serve(r, &info);
    fflush(stdout);
    SetEvent(done);
  }
}

/* One synchronous call the server takes (go), with `in` as input and a 16-byte output buffer of 'Z's. */
static BOOL call(HANDLE h, ULONG_PTR arg, const char *in, char *out, SVC_RESULT *res, DWORD ms) {
  SVC_CALL c = { in, in ? (DWORD)strlen(in) : 0, out, 16, arg, 0, { 0 } };
  memset(out, 'Z', 16);
  SetEvent(go);
  BOOL ok = SvcCall(h, &c, res, ms);
  DWORD err = GetLastError();
  WaitForSingleObject(done, INFINITE);
  SetLastError(err);
  return ok;
}

static void show(const char *what, const char *out, DWORD n) {
  printf("%s:", what);
  for (DWORD i = 0; i < n; i++) printf(" %02x", (unsigned char)out[i]);
  printf("\n");
}

int main(void) {
  char out[16];
  SVC_RESULT res;
  BOOL ok;
  HANDLE h;

  /* ---- creating and opening ---- */
  svc = SvcCreateW(NAME, 0, 0);
  printf("SvcCreate: %s, last error %lu\n", HV(svc), GetLastError());
  printf("again: %s\n", rv(SvcCreateW(NAME, 0, 0) != NULL));
  printf("dwFlags 1: %s\n", rv(SvcCreateW(L"ntwasm-svc-other", 0, 1) != NULL));
  printf("queue limit too large: %s\n", rv(SvcCreateW(L"ntwasm-svc-other", SVC_MAX_QUEUE_LIMIT + 1, 0) != NULL));
  HANDLE ev = CreateEventW(NULL, TRUE, FALSE, L"ntwasm-svc-event");
  printf("an event's name: %s\n", rv(SvcCreateW(L"ntwasm-svc-event", 0, 0) != NULL));
  printf("CreateEvent with the service's name: %s\n", rv(CreateEventW(NULL, TRUE, FALSE, NAME) != NULL));
  CloseHandle(ev);
  printf("SvcOpen of a missing name, 0 ms: %s\n", rv(SvcOpenW(L"ntwasm-svc-missing", 0) != NULL));
  printf("SvcOpen of a missing name, 20 ms: %s\n", rv(SvcOpenW(L"ntwasm-svc-missing", 20) != NULL));
  printf("SvcOpen(NULL): %s\n", rv(SvcOpenW(NULL, 0) != NULL));
  HANDLE client = SvcOpenA("ntwasm-svc-basic", 0);
  printf("SvcOpenA: %s\n", HV(client));
  SVC_REQUEST_INFO info;
  printf("SvcAccept on the client's handle: %s\n", rv(SvcAccept(client, &info, 0) != NULL));
  printf("SvcAccept with nothing queued, 0 ms: %s\n", rv(SvcAccept(svc, &info, 0) != NULL));
  printf("SvcAccept with nothing queued, 20 ms: %s\n", rv(SvcAccept(svc, &info, 20) != NULL));
  printf("service signaled with nothing queued: %lu\n", WaitForSingleObject(svc, 0));

  /* ---- synchronous calls ---- */
  go = CreateEventW(NULL, FALSE, FALSE, NULL);
  done = CreateEventW(NULL, FALSE, FALSE, NULL);
  apcEvent = CreateEventW(NULL, FALSE, FALSE, NULL);
  clientTid = GetCurrentThreadId();
  HANDLE th = CreateThread(NULL, 0, server, NULL, 0, NULL);

  ok = call(client, ECHO, "hello", out, &res, INFINITE);
  printf("echo: %d, Status %lx, Result %lu, BytesWritten %lu, '%.*s', then %c\n", ok, res.Status, (unsigned long)res.Result,
         res.BytesWritten, (int)res.BytesWritten, out, out[res.BytesWritten]);
  ok = call(client, BOUNDS, "abcdefgh", out, &res, INFINITE);
  printf("bounds: %d, BytesWritten %lu\n", ok, res.BytesWritten);
  show("  output", out, 8);
  ok = call(client, REPLY_TWICE, NULL, out, &res, INFINITE);
  printf("reply twice: %d, Status %lu, Result %lu, BytesWritten %lu\n", ok, res.Status, (unsigned long)res.Result, res.BytesWritten);
  const char *st = rv(call(client, CLOSE_UNREPLIED, "x", out, &res, INFINITE));
  printf("closed unreplied: %s, output unchanged: %s, result zeroed: %s\n", st,
         out[0] == 'Z' ? "yes" : "no", res.Status == 0 && res.BytesWritten == 0 ? "yes" : "no");

  flag = CreateEventW(NULL, TRUE, FALSE, NULL);
  SVC_CALL pass = { NULL, 0, NULL, 0, PASS_HANDLE, 1, { flag } };
  SetEvent(go);
  ok = SvcCall(client, &pass, NULL, INFINITE);
  WaitForSingleObject(done, INFINITE);
  printf("pass a handle: %d, the event is set: %s\n", ok, WaitForSingleObject(flag, 0) == WAIT_OBJECT_0 ? "yes" : "no");
  pass.Handles[0] = (HANDLE)(ULONG_PTR)0x7ffc;
  printf("pass a bad handle: %s\n", rv(SvcCall(client, &pass, NULL, INFINITE)));
  pass.HandleCount = 9;
  printf("pass 9 handles: %s\n", rv(SvcCall(client, &pass, NULL, INFINITE)));
  printf("bad SVC_CALL pointer: %s\n", rv(SvcCall(client, (const SVC_CALL *)(ULONG_PTR)0xfffffff0, NULL, INFINITE)));
  printf("bad SVC_RESULT pointer: %s\n", rv(SvcCall(client, &pass, (SVC_RESULT *)(ULONG_PTR)0xfffffff8, INFINITE)));
  CloseHandle(flag);

  /* The caller gives up after 300 ms while the server holds the request (the server takes it first:
   * 300 ms is its upper bound). */
  SetEvent(go);
  SVC_CALL slow = { "q", 1, out, 16, WAIT_ABORT, 0, { 0 } };
  st = rv(SvcCall(client, &slow, &res, 300));
  WaitForSingleObject(done, INFINITE); /* the server printed that it waits */
  printf("timed out: %s\n", st);
  fflush(stdout);
  SetEvent(go);
  WaitForSingleObject(done, INFINITE); /* and printed what it saw */

  /* An APC queued during an alertable call runs in the call, which then goes on. */
  SetEvent(go);
  SVC_CALL alert = { NULL, 0, NULL, 0, APC, 0, { 0 } };
  accepted = 0;
  ok = SvcCallEx(client, &alert, &res, INFINITE, TRUE);
  WaitForSingleObject(done, INFINITE);
  printf("alertable call: %d, Result %lu, accepted %ld time(s)\n", ok, (unsigned long)res.Result, accepted);

  /* ---- asynchronous calls ---- */
  char aout[16] = "................";
  SVC_CALL ac = { "async", 5, aout, 16, ECHO, 0, { 0 } };
  h = SvcCallAsync(client, &ac);
  printf("SvcCallAsync: %s; service signaled: %lu; call signaled: %lu\n", h ? "handle" : "NULL", WaitForSingleObject(svc, 0),
         WaitForSingleObject(h, 0));
  printf("SvcFinish while queued: %s\n", rv(SvcFinish(h, &res)));
  SetEvent(go);
  WaitForSingleObject(done, INFINITE);
  printf("call signaled after the reply: %lu, output untouched until SvcFinish: %s\n", WaitForSingleObject(h, 0), aout[0] == '.' ? "yes" : "no");
  ok = SvcFinish(h, &res);
  printf("SvcFinish: %d, Status %lx, Result %lu, BytesWritten %lu, '%.16s'\n", ok, res.Status, (unsigned long)res.Result, res.BytesWritten, aout);
  memset(aout, '-', 5);
  ok = SvcFinish(h, &res);
  printf("SvcFinish again: %d, Result %lu, output not copied again: %s\n", ok, (unsigned long)res.Result, aout[0] == '-' ? "yes" : "no");
  CloseHandle(h);

  /* Closed before a server took it: it leaves the queue. */
  h = SvcCallAsync(client, &ac);
  CloseHandle(h);
  printf("closed while queued; service signaled: %lu\n", WaitForSingleObject(svc, 0));
  printf("  SvcAccept: %s\n", rv(SvcAccept(svc, &info, 0) != NULL));

  /* Closed while the server holds it: the server's request is signaled and aborted. */
  h = SvcCallAsync(client, &ac);
  HANDLE r = SvcAccept(svc, &info, 0);
  CloseHandle(h);
  printf("closed while served; request signaled: %lu\n", WaitForSingleObject(r, 0));
  printf("  SvcWrite: %s\n", rv(SvcWrite(r, 0, "x", 1)));
  printf("  SvcReply: %s\n", rv(SvcReply(r, 0, 0)));
  CloseHandle(r);

  /* ---- queue limit, timeouts, closing the service ---- */
  HANDLE small = SvcCreateW(L"ntwasm-svc-small", 2, 0);
  HANDLE a1 = SvcCallAsync(small, &ac), a2 = SvcCallAsync(small, &ac);
  printf("queue of 2: %s %s\n", HV(a1), HV(a2));
  printf("  a third call: %s\n", rv(SvcCallAsync(small, &ac) != NULL));
  SVC_CALL none = { NULL, 0, NULL, 0, 0, 0, { 0 } };
  printf("SvcCall on a full queue: %s\n", rv(SvcCall(small, &none, NULL, INFINITE)));
  CloseHandle(a2);
  printf("SvcCall with room, 30 ms and no server thread: %s\n", rv(SvcCall(small, &none, NULL, 30)));
  r = SvcAccept(small, &info, 0);
  printf("accept the oldest: %s\n", HV(r));
  printf("  then: %s\n", rv(SvcAccept(small, &info, 0) != NULL));
  HANDLE sclient = SvcOpenW(L"ntwasm-svc-small", 0);
  a2 = SvcCallAsync(sclient, &ac);
  CloseHandle(small); /* the only server handle: the service is gone */
  printf("after closing the service: the queued call is signaled: %lu\n", WaitForSingleObject(a2, 0));
  printf("  its SvcFinish: %s\n", rv(SvcFinish(a2, &res)));
  printf("  the served one is signaled: %lu\n", WaitForSingleObject(r, 0));
  printf("  its SvcReply: %s\n", rv(SvcReply(r, 0, 0)));
  printf("  SvcFinish of the served call: %s\n", rv(SvcFinish(a1, &res)));
  printf("  a new call: %s\n", rv(SvcCall(sclient, &none, NULL, INFINITE)));
  printf("  a new asynchronous call: %s\n", rv(SvcCallAsync(sclient, &ac) != NULL));
  printf("  SvcOpen of its name: %s\n", rv(SvcOpenW(L"ntwasm-svc-small", 0) != NULL));
  small = SvcCreateW(L"ntwasm-svc-small", 2, 0);
  printf("  SvcCreate of the name again: %s\n", HV(small));
  printf("  the old client handle still fails: %s\n", rv(SvcCall(sclient, &none, NULL, 0)));
  CloseHandle(r); CloseHandle(a1); CloseHandle(a2); CloseHandle(sclient); CloseHandle(small);

  /* ---- stop the server thread ---- */
  SetEvent(go);
  SVC_CALL stop = { NULL, 0, NULL, 0, STOP, 0, { 0 } };
  printf("stop: %d\n", SvcCall(client, &stop, NULL, INFINITE));
  WaitForSingleObject(th, INFINITE);
  CloseHandle(th);
  CloseHandle(client);
  CloseHandle(svc);
  printf("SvcOpen after the server closed: %s\n", rv(SvcOpenW(NAME, 0) != NULL));
  return 0;
}
