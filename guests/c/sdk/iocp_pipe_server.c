/* A multithreaded overlapped named-pipe server on an I/O completion port, in the style of Microsoft's
   pipe-server samples: 16 instances, each with its OVERLAPPED and state (connecting, reading, writing),
   associated with one port (the key is the instance); 4 worker threads take the completions with
   GetQueuedCompletionStatus and start each instance's next operation. 16 client threads connect, send
   3 messages each with TransactNamedPipe and check every reply byte for byte; when a client closes,
   its instance's pending read completes with ERROR_BROKEN_PIPE and the instance is disconnected.
   When every client is served the main thread posts one exit packet per worker. Only counts are
   printed: which worker serves what, and in which order, varies. Expected output confirmed with
   mingw-w64 + Wine 8.0. */
#include <windows.h>
#include <stdio.h>

#define INSTANCES 16
#define CLIENTS 16
#define WORKERS 4
#define MESSAGES 3
#define PIPE_NAME L"\\\\.\\pipe\\iocp_pipe_server"

enum { CONNECTING, READING, WRITING };

typedef struct {
  OVERLAPPED ov;
  HANDLE pipe;
  int state;
  char buf[128];
  DWORD len;
} INSTANCE;

static INSTANCE inst[INSTANCES];
static HANDLE port, allServed;
static volatile LONG served, replies, connects, broken, errors;
static int clientOk[CLIENTS];

static void start_read(INSTANCE *p);

/* The next operation after a completion; FALSE when the instance was disconnected. */
static void start_connect(INSTANCE *p) {
  p->state = CONNECTING;
  memset(&p->ov, 0, sizeof p->ov);
  if (ConnectNamedPipe(p->pipe, &p->ov)) return; /* completed: its packet comes */
  DWORD err = GetLastError();
  if (err == ERROR_IO_PENDING) return;
  if (err == ERROR_PIPE_CONNECTED) { /* the client came first: no packet, post one ourselves */
    PostQueuedCompletionStatus(port, 0, (ULONG_PTR)p, &p->ov);
    return;
  }
  InterlockedIncrement(&errors);
}

static void client_gone(INSTANCE *p) {
  InterlockedIncrement(&broken);
  DisconnectNamedPipe(p->pipe);
  if (InterlockedIncrement(&served) == CLIENTS) SetEvent(allServed);
  else start_connect(p);
}

static void start_read(INSTANCE *p) {
  p->state = READING;
  memset(&p->ov, 0, sizeof p->ov);
  if (ReadFile(p->pipe, p->buf, sizeof p->buf, NULL, &p->ov)) return;
  DWORD err = GetLastError();
  if (err == ERROR_IO_PENDING) return;
  if (err == ERROR_BROKEN_PIPE) { client_gone(p); return; } /* failed at once: no packet */
  InterlockedIncrement(&errors);
}

static DWORD WINAPI worker(LPVOID param) {
  for (;;) {
    DWORD n; ULONG_PTR key; LPOVERLAPPED ov;
    BOOL ok = GetQueuedCompletionStatus(port, &n, &key, &ov, INFINITE);
    if (!key) return 0; /* the exit packet */
    INSTANCE *p = (INSTANCE *)key;
    if (ov != &p->ov) InterlockedIncrement(&errors);
    if (!ok) {
      if (GetLastError() == ERROR_BROKEN_PIPE && p->state == READING) client_gone(p);
      else InterlockedIncrement(&errors);
      continue;
    }
    switch (p->state) {
      case CONNECTING:
        InterlockedIncrement(&connects);
        start_read(p);
        break;
      case READING: { /* reply with the message reversed and the instance number */
        char reply[160];
        int len = 0;
        for (DWORD i = n; i > 0; i--) reply[len++] = p->buf[i - 1];
        len += sprintf(reply + len, "|%d", (int)(p - inst));
        memcpy(p->buf, reply, len);
        p->len = len;
        p->state = WRITING;
        memset(&p->ov, 0, sizeof p->ov);
        if (!WriteFile(p->pipe, p->buf, p->len, NULL, &p->ov) && GetLastError() != ERROR_IO_PENDING) {
          if (GetLastError() == ERROR_NO_DATA || GetLastError() == ERROR_BROKEN_PIPE) client_gone(p);
          else InterlockedIncrement(&errors);
        }
        break;
      }
      case WRITING:
        if (n != p->len) InterlockedIncrement(&errors);
        InterlockedIncrement(&replies);
        start_read(p);
        break;
    }
  }
}

static DWORD WINAPI client(LPVOID param) {
  int me = (int)(INT_PTR)param;
  HANDLE h;
  for (;;) {
    h = CreateFileW(PIPE_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    if (h != INVALID_HANDLE_VALUE) break;
    if (GetLastError() != ERROR_PIPE_BUSY || !WaitNamedPipeW(PIPE_NAME, 20000)) return 1;
  }
  DWORD mode = PIPE_READMODE_MESSAGE;
  SetNamedPipeHandleState(h, &mode, NULL, NULL);
  int good = 0;
  for (int m = 0; m < MESSAGES; m++) {
    char msg[64], reply[160], want[160];
    int len = sprintf(msg, "client %d says hello %d", me, m);
    DWORD got = 0;
    if (!TransactNamedPipe(h, msg, len, reply, sizeof reply, &got, NULL)) continue;
    /* the reply: the message reversed, then "|instance" */
    int wl = 0;
    for (int i = len; i > 0; i--) want[wl++] = msg[i - 1];
    if (got > (DWORD)wl && !memcmp(reply, want, wl) && reply[wl] == '|') good++;
  }
  CloseHandle(h);
  clientOk[me] = good;
  return 0;
}

int main(void) {
  HANDLE workers[WORKERS], clients[CLIENTS];
  port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, WORKERS);
  allServed = CreateEventW(NULL, TRUE, FALSE, NULL);
  for (int i = 0; i < INSTANCES; i++) {
    inst[i].pipe = CreateNamedPipeW(PIPE_NAME, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED,
                                    PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT, INSTANCES, 4096, 4096, 5000, NULL);
    if (inst[i].pipe == INVALID_HANDLE_VALUE || CreateIoCompletionPort(inst[i].pipe, port, (ULONG_PTR)&inst[i], 0) != port) {
      printf("instance %d: error %lu\n", i, GetLastError());
      return 1;
    }
  }
  for (int i = 0; i < WORKERS; i++) workers[i] = CreateThread(NULL, 0, worker, NULL, 0, NULL);
  for (int i = 0; i < INSTANCES; i++) start_connect(&inst[i]);
  for (int i = 0; i < CLIENTS; i++) clients[i] = CreateThread(NULL, 0, client, (LPVOID)(INT_PTR)i, 0, NULL);
  WaitForMultipleObjects(CLIENTS, clients, TRUE, INFINITE);
  DWORD r = WaitForSingleObject(allServed, 30000);
  printf("all clients served: %s\n", r == WAIT_OBJECT_0 ? "yes" : "no");
  for (int i = 0; i < WORKERS; i++) PostQueuedCompletionStatus(port, 0, 0, NULL);
  WaitForMultipleObjects(WORKERS, workers, TRUE, INFINITE);
  int good = 0;
  for (int i = 0; i < CLIENTS; i++) good += clientOk[i] == MESSAGES;
  printf("clients with %d good replies: %d of %d\n", MESSAGES, good, CLIENTS);
  printf("connections %ld, replies %ld, clients gone %ld, errors %ld\n", connects, replies, broken, errors);
  for (int i = 0; i < INSTANCES; i++) CloseHandle(inst[i].pipe);
  for (int i = 0; i < WORKERS; i++) CloseHandle(workers[i]);
  for (int i = 0; i < CLIENTS; i++) CloseHandle(clients[i]);
  CloseHandle(port);
  CloseHandle(allServed);
  return 0;
}
