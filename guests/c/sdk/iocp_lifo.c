/* Threads waiting on a completion port are released last-in first-out, packets are taken first-in
   first-out, and closing the port's last handle ends the waits with ERROR_ABANDONED_WAIT_0 (and
   *lpOverlapped NULL); calls on the closed handle then fail with ERROR_INVALID_HANDLE.
   The threads start waiting in a known order without timing: each first takes a token from `gate`, a
   port for one concurrent thread, and then waits on `port`. Removing from another port makes a thread
   leave `gate`, in the same step as it starts to wait, which lets `gate` release the main thread, blocked
   in GetQueuedCompletionStatus(gate) behind it: so when the main thread comes back, the thread is waiting.
   Expected output: Windows 10's behaviour, as Wine's conformance test ntdll:sync
   test_completion_port_scheduling checks it (LIFO release; the waits end with STATUS_ABANDONED_WAIT_0 /
   ERROR_ABANDONED_WAIT_0), and the concurrency rule of Microsoft's "I/O Completion Ports" documentation.
   Wine 8.0 releases waiters first-in first-out, has no concurrency limit and leaves them waiting when
   the port closes. */
#include <windows.h>
#include <stdio.h>

#define N 4
static HANDLE port, gate, go[N], taken[N];
static ULONG_PTR got[N];
static DWORD error[N];
static LPOVERLAPPED left[N];

static DWORD WINAPI waiter(LPVOID param) {
  int me = (int)(INT_PTR)param;
  DWORD n; ULONG_PTR key; LPOVERLAPPED ov;
  for (int round = 0; round < 2; round++) {
    WaitForSingleObject(go[me], INFINITE);
    GetQueuedCompletionStatus(gate, &n, &key, &ov, INFINITE); /* the token: now one of gate's threads */
    SetEvent(taken[me]);
    ov = (LPOVERLAPPED)1;
    if (GetQueuedCompletionStatus(port, &n, &key, &ov, INFINITE)) got[me] = key;
    else { error[me] = GetLastError(); left[me] = ov; }
  }
  return 0;
}

/* Returns once thread i waits in GetQueuedCompletionStatus(port). */
static void start_waiting(int i) {
  DWORD n; ULONG_PTR key; LPOVERLAPPED ov;
  PostQueuedCompletionStatus(gate, 0, 1, NULL); /* the token */
  SetEvent(go[i]);
  WaitForSingleObject(taken[i], INFINITE);
  PostQueuedCompletionStatus(gate, 0, 2, NULL); /* held back while thread i counts on gate */
  GetQueuedCompletionStatus(gate, &n, &key, &ov, INFINITE);
}

int main(void) {
  HANDLE t[N];
  port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, N);
  gate = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
  for (int i = 0; i < N; i++) {
    go[i] = CreateEventW(NULL, FALSE, FALSE, NULL);
    taken[i] = CreateEventW(NULL, FALSE, FALSE, NULL);
    t[i] = CreateThread(NULL, 0, waiter, (LPVOID)(INT_PTR)i, 0, NULL);
  }
  for (int i = 0; i < N; i++) start_waiting(i);
  for (int i = 1; i <= N; i++) PostQueuedCompletionStatus(port, 0, i, NULL);
  for (int i = 0; i < N; i++) start_waiting(i); /* the second round: they all wait again */
  for (int i = 0; i < N; i++) printf("thread %d (number %d to wait) took packet %lu\n", i, i + 1, (unsigned long)got[i]);
  printf("close the port: %d\n", CloseHandle(port));
  WaitForMultipleObjects(N, t, TRUE, INFINITE);
  for (int i = 0; i < N; i++) printf("thread %d: error %lu, overlapped %s\n", i, error[i], left[i] ? "set" : "NULL");
  DWORD n; ULONG_PTR key; LPOVERLAPPED ov;
  SetLastError(0);
  BOOL ok = GetQueuedCompletionStatus(port, &n, &key, &ov, 0);
  DWORD err = GetLastError();
  printf("get on the closed handle: %d, error %lu\n", ok, err);
  for (int i = 0; i < N; i++) { CloseHandle(t[i]); CloseHandle(go[i]); CloseHandle(taken[i]); }
  CloseHandle(gate);
  return 0;
}
