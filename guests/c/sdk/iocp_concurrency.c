/* The NumberOfConcurrentThreads rule of a completion port: a port made for one concurrent thread
   releases one of two waiting threads for two packets; the other stays blocked while the first runs,
   and is released when the first blocks in another wait (here WaitForSingleObject on an event). When
   the first one's wait ends it counts again, so two of them run for a while, and neither gets a third
   packet until both have come back for more. A thread counts for the port it last removed from.
   Windows semantics (Microsoft's "I/O Completion Ports" documentation: "the system allows a thread
   that is blocked to be released ... when a running thread enters a wait state"); Wine 8.0 does not
   implement the limit and releases both threads at once, so the expected output follows Windows. */
#include <windows.h>
#include <stdio.h>

static HANDLE port, block, blocked[2];
static volatile LONG released, running, stop, third;
static volatile LONG order[2] = { -1, -1 };

static DWORD WINAPI worker(LPVOID param) {
  int me = (int)(INT_PTR)param;
  DWORD n; ULONG_PTR key; LPOVERLAPPED ov;
  GetQueuedCompletionStatus(port, &n, &key, &ov, INFINITE);
  LONG at = InterlockedIncrement(&released) - 1;
  order[at] = me;
  if (at == 0) {
    /* the first one released: runs (spins) until told to block */
    while (!stop) YieldProcessor();
    SetEvent(blocked[0]);
    WaitForSingleObject(block, INFINITE); /* blocking here lets the other thread go */
  } else {
    SetEvent(blocked[1]);
  }
  InterlockedIncrement(&running);
  /* both come back for more: only the packet posted last is left for them */
  GetQueuedCompletionStatus(port, &n, &key, &ov, INFINITE);
  if (key == 3) InterlockedIncrement(&third);
  return 0;
}

int main(void) {
  port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
  block = CreateEventW(NULL, TRUE, FALSE, NULL);
  blocked[0] = CreateEventW(NULL, TRUE, FALSE, NULL);
  blocked[1] = CreateEventW(NULL, TRUE, FALSE, NULL);
  HANDLE t[2];
  for (int i = 0; i < 2; i++) t[i] = CreateThread(NULL, 0, worker, (LPVOID)(INT_PTR)i, 0, NULL);
  Sleep(200); /* both are waiting (not required: a late one finds the packets queued) */
  PostQueuedCompletionStatus(port, 0, 1, NULL);
  PostQueuedCompletionStatus(port, 0, 2, NULL);
  /* One thread is released; the second packet stays queued while it runs. */
  while (released == 0) Sleep(1);
  Sleep(300);
  printf("released while the first one runs: %ld\n", released);
  printf("port still holds a packet: %s\n", WaitForSingleObject(port, 0) == WAIT_OBJECT_0 ? "yes" : "no");
  /* The first one blocks in WaitForSingleObject: the second is released. */
  stop = 1;
  WaitForSingleObject(blocked[0], INFINITE);
  DWORD r = WaitForSingleObject(blocked[1], 10000);
  printf("released once the first one blocks: %ld (%s)\n", released, r == WAIT_OBJECT_0 ? "in time" : "timed out");
  printf("port empty: %s\n", WaitForSingleObject(port, 0) == WAIT_TIMEOUT ? "yes" : "no");
  /* The first one's wait ends: both run again. */
  SetEvent(block);
  while (running < 2) Sleep(1);
  Sleep(200); /* both are back in GetQueuedCompletionStatus */
  PostQueuedCompletionStatus(port, 0, 3, NULL);
  PostQueuedCompletionStatus(port, 0, 4, NULL);
  WaitForMultipleObjects(2, t, TRUE, INFINITE);
  printf("both threads took one more packet; one of them the third: %ld\n", third);
  printf("the packets left on the port: ");
  DWORD n; ULONG_PTR key; LPOVERLAPPED ov;
  while (GetQueuedCompletionStatus(port, &n, &key, &ov, 0)) printf("%lu ", (unsigned long)key);
  printf("(none)\n");
  for (int i = 0; i < 2; i++) CloseHandle(t[i]);
  CloseHandle(port);
  return 0;
}
