/* NtwGetThreadWaitChain (ntwasm's, in the spirit of Windows' GetThreadWaitChain): a thread blocked on a
   mutex that another thread owns, which in turn waits for an event; then two threads in a deadlock over
   two mutexes, whose chain comes back to where it began (IsCycle); then a thread blocked on a critical
   section, whose owner the chain names. Not in Windows under this name: the expected output is what
   docs/debugging.md specifies (node types and statuses take Windows' WCT_OBJECT_TYPE / WCT_OBJECT_STATUS
   values where it has them: WctMutexType 3, WctThreadType 8, WctCriticalSectionType 1, WctStatusOwned 6). */
#include <windows.h>
#include <stdio.h>

static HANDLE owned, never, a, b, ready, taken, go;
static CRITICAL_SECTION cs;
static DWORD ownerTid, waiterTid, t1Tid, t2Tid;

static DWORD WINAPI holder(LPVOID p) { (void)p; WaitForSingleObject(owned, INFINITE); SetEvent(ready); WaitForSingleObject(never, INFINITE); return 0; }
static DWORD WINAPI waiter(LPVOID p) { (void)p; WaitForSingleObject(owned, INFINITE); return 0; }
/* Each takes its first lock, says so, and once both have (`go`) asks for the other's. */
static DWORD WINAPI first(LPVOID p) { (void)p; WaitForSingleObject(a, INFINITE); SignalObjectAndWait(taken, go, INFINITE, FALSE); WaitForSingleObject(b, INFINITE); return 0; }
static DWORD WINAPI second(LPVOID p) { (void)p; WaitForSingleObject(b, INFINITE); SignalObjectAndWait(taken, go, INFINITE, FALSE); WaitForSingleObject(a, INFINITE); return 0; }
static DWORD WINAPI entering(LPVOID p) { (void)p; EnterCriticalSection(&cs); LeaveCriticalSection(&cs); return 0; }

/* Waits until thread `tid` is blocked (its first node says so): no timing in the output. */
static void untilBlocked(DWORD tid) {
  NTW_WAIT_NODE n[1];
  DWORD len;
  for (;;) {
    if (!NtwGetThreadWaitChain(tid, 1, n, &len, NULL)) { printf("thread %lu: error %lu\n", (unsigned long)tid, GetLastError()); ExitProcess(1); }
    if (n[0].ObjectStatus == NTW_WCT_STATUS_BLOCKED) return;
    Sleep(1);
  }
}

static const char *who(DWORD tid) {
  return !tid ? "-" : tid == ownerTid ? "holder" : tid == waiterTid ? "waiter" : tid == t1Tid ? "first" : tid == t2Tid ? "second"
    : tid == GetCurrentThreadId() ? "main" : "?";
}

static void show(DWORD tid) {
  NTW_WAIT_NODE n[NTW_WCT_MAX_NODES];
  DWORD len = 0;
  BOOL cycle = 7;
  if (!NtwGetThreadWaitChain(tid, NTW_WCT_MAX_NODES, n, &len, &cycle)) { printf("  failed %lu\n", GetLastError()); return; }
  printf("  %lu nodes, cycle %d\n", (unsigned long)len, cycle);
  for (DWORD i = 0; i < len; i++) {
    if (n[i].ObjectType == NTW_WCT_THREAD)
      printf("  thread %s: status %lu timeout %s forever %d\n", who(n[i].ThreadId), (unsigned long)n[i].ObjectStatus,
        n[i].Timeout == INFINITE ? "INFINITE" : "finite", (n[i].Flags & NTW_WCT_FLAG_FOREVER) != 0);
    else
      printf("  object type %lu status %lu name \"%ls\" owner %s next %d handle %s address %s\n", (unsigned long)n[i].ObjectType,
        (unsigned long)n[i].ObjectStatus, n[i].ObjectName, who(n[i].ThreadId), (n[i].Flags & NTW_WCT_FLAG_NEXT) != 0,
        n[i].Handle ? "yes" : "no", n[i].Address == (ULONG_PTR)&cs ? "&cs" : n[i].Address ? "?" : "0");
  }
}

int main(void) {
  ready = CreateEventW(NULL, FALSE, FALSE, NULL);
  owned = CreateMutexW(NULL, FALSE, L"owned-mutex");
  never = CreateEventW(NULL, TRUE, FALSE, L"never-set");
  HANDLE h = CreateThread(NULL, 0, holder, NULL, 0, &ownerTid);
  WaitForSingleObject(ready, INFINITE);
  HANDLE w = CreateThread(NULL, 0, waiter, NULL, 0, &waiterTid);
  untilBlocked(waiterTid);
  untilBlocked(ownerTid);
  printf("waiter's chain:\n");
  show(waiterTid);

  a = CreateMutexW(NULL, FALSE, L"lock-A");
  b = CreateMutexW(NULL, FALSE, L"lock-B");
  go = CreateEventW(NULL, TRUE, FALSE, NULL);
  taken = CreateSemaphoreW(NULL, 0, 2, NULL); /* a count: two releases never merge into one, as two SetEvents can */
  HANDLE t1 = CreateThread(NULL, 0, first, NULL, 0, &t1Tid);
  HANDLE t2 = CreateThread(NULL, 0, second, NULL, 0, &t2Tid);
  WaitForSingleObject(taken, INFINITE);
  WaitForSingleObject(taken, INFINITE);
  SetEvent(go);
  untilBlocked(t1Tid);
  untilBlocked(t2Tid);
  printf("deadlock, from first:\n");
  show(t1Tid);

  InitializeCriticalSection(&cs);
  EnterCriticalSection(&cs);
  DWORD eTid;
  HANDLE e = CreateThread(NULL, 0, entering, NULL, 0, &eTid);
  untilBlocked(eTid);
  printf("critical section:\n");
  NTW_WAIT_NODE n[2];
  DWORD len;
  NtwGetThreadWaitChain(eTid, 2, n, &len, NULL);
  printf("  %lu nodes; type %lu status %lu owner %s address %s\n", (unsigned long)len, (unsigned long)n[1].ObjectType,
    (unsigned long)n[1].ObjectStatus, who(n[1].ThreadId), n[1].Address == (ULONG_PTR)&cs ? "&cs" : "?");
  LeaveCriticalSection(&cs);
  WaitForSingleObject(e, INFINITE);

  printf("running thread: ");
  NtwGetThreadWaitChain(GetCurrentThreadId(), 2, n, &len, NULL);
  printf("%lu node, status %lu\n", (unsigned long)len, (unsigned long)n[0].ObjectStatus);
  printf("bad id: %d %lu\n", NtwGetThreadWaitChain(0x7ffffff0, 2, n, &len, NULL), GetLastError());

  TerminateThread(t1, 1); TerminateThread(t2, 1); TerminateThread(h, 1); TerminateThread(w, 1);
  HANDLE all[4] = { t1, t2, h, w };
  WaitForMultipleObjects(4, all, TRUE, INFINITE);
  printf("done\n");
  return 0;
}
