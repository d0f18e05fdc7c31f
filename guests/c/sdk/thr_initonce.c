/*
 * One-time initialization without a callback: InitOnceBeginInitialize / InitOnceComplete, synchronous
 * and asynchronous, with INIT_ONCE_CHECK_ONLY, INIT_ONCE_INIT_FAILED and the errors Windows gives for
 * flags that do not fit (the cases of Wine's kernel32 test_initonce); then four threads at once, in
 * both modes. Expected output confirmed with mingw-w64 + Wine 8.0. (Unknown flags are left out: Wine
 * ignores them, ntwasm answers ERROR_INVALID_PARAMETER.)
 */
#include <windows.h>
#include <stdio.h>

static void show(const char *what, BOOL ok, BOOL pending, void *context) {
  if (ok) printf("%-44s TRUE, pending %d, context %#lx\n", what, pending, (unsigned long)(ULONG_PTR)context);
  else printf("%-44s FALSE, error %lu\n", what, GetLastError());
}

static BOOL begin(INIT_ONCE *once, DWORD flags, const char *what) {
  BOOL pending = 0x55;
  void *context = NULL;
  SetLastError(0xdeadbeef);
  BOOL ok = InitOnceBeginInitialize(once, flags, &pending, &context);
  show(what, ok, pending, context);
  return ok && pending;
}

static void complete(INIT_ONCE *once, DWORD flags, void *context, const char *what) {
  SetLastError(0xdeadbeef);
  BOOL ok = InitOnceComplete(once, flags, context);
  if (ok) printf("%-44s TRUE, state %#lx\n", what, (unsigned long)(ULONG_PTR)once->Ptr);
  else printf("%-44s FALSE, error %lu\n", what, GetLastError());
}

/* ---- four threads, synchronous: the first initializer fails, a waiting thread takes over ---- */
static INIT_ONCE sync_once = INIT_ONCE_STATIC_INIT;
static volatile LONG attempts, failures;
static void *seen[4];
static HANDLE go;

static DWORD WINAPI sync_thread(LPVOID arg) {
  int id = (int)(INT_PTR)arg;
  WaitForSingleObject(go, INFINITE);
  for (;;) {
    BOOL pending;
    void *context;
    if (!InitOnceBeginInitialize(&sync_once, 0, &pending, &context)) return 1;
    if (!pending) { seen[id] = context; return 0; }
    Sleep(50); /* the others wait meanwhile */
    if (InterlockedIncrement(&attempts) == 1) {
      InterlockedIncrement(&failures);
      InitOnceComplete(&sync_once, INIT_ONCE_INIT_FAILED, NULL);
      Sleep(20);
      continue; /* it is someone else's turn now, or this thread's again */
    }
    InitOnceComplete(&sync_once, 0, (void *)0x5000);
  }
}

/* ---- four threads, asynchronous: they may all initialize; the first to complete wins ---- */
static INIT_ONCE async_once = INIT_ONCE_STATIC_INIT;
static volatile LONG winners, losers_checked;

static DWORD WINAPI async_thread(LPVOID arg) {
  int id = (int)(INT_PTR)arg;
  WaitForSingleObject(go, INFINITE);
  BOOL pending;
  void *context = NULL;
  if (!InitOnceBeginInitialize(&async_once, INIT_ONCE_ASYNC, &pending, &context)) return 1;
  if (pending) {
    void *mine = (void *)(INT_PTR)(0x1000 * (id + 1));
    if (InitOnceComplete(&async_once, INIT_ONCE_ASYNC, mine)) {
      InterlockedIncrement(&winners);
      seen[id] = mine;
      return 0;
    }
    /* another thread won: drop ours and take its result */
    if (!InitOnceBeginInitialize(&async_once, INIT_ONCE_CHECK_ONLY, &pending, &context) || pending) return 1;
    InterlockedIncrement(&losers_checked);
  }
  seen[id] = context;
  return 0;
}

static int run(LPTHREAD_START_ROUTINE fn) {
  HANDLE t[4];
  DWORD bad = 0;
  ResetEvent(go);
  for (int i = 0; i < 4; i++) t[i] = CreateThread(NULL, 0, fn, (LPVOID)(INT_PTR)i, 0, NULL);
  SetEvent(go);
  WaitForMultipleObjects(4, t, TRUE, INFINITE);
  for (int i = 0; i < 4; i++) {
    DWORD code;
    GetExitCodeThread(t[i], &code);
    bad += code;
    CloseHandle(t[i]);
  }
  int same = 1;
  for (int i = 1; i < 4; i++) same &= seen[i] == seen[0];
  return !bad && same;
}

int main(void) {
  INIT_ONCE once;

  printf("-- synchronous --\n");
  InitOnceInitialize(&once);
  complete(&once, INIT_ONCE_INIT_FAILED, NULL, "complete before begin:");
  begin(&once, INIT_ONCE_CHECK_ONLY, "check only, not started:");
  begin(&once, 0, "begin:");
  begin(&once, INIT_ONCE_CHECK_ONLY, "check only, running:");
  begin(&once, INIT_ONCE_ASYNC, "async begin, synchronous run:");
  complete(&once, INIT_ONCE_ASYNC, (void *)0x1230, "async complete, synchronous run:");
  complete(&once, 0, (void *)0x1231, "complete, context with low bits:");
  complete(&once, INIT_ONCE_INIT_FAILED, (void *)0x1230, "failed, with a context:");
  complete(&once, INIT_ONCE_INIT_FAILED | INIT_ONCE_ASYNC, NULL, "failed | async:");
  complete(&once, 0, (void *)0x1230, "complete:");
  begin(&once, 0, "begin, done:");
  begin(&once, INIT_ONCE_CHECK_ONLY, "check only, done:");
  begin(&once, INIT_ONCE_ASYNC, "async begin, done:");
  begin(&once, INIT_ONCE_CHECK_ONLY | INIT_ONCE_ASYNC, "check only | async:");
  complete(&once, 0, (void *)0x4560, "complete again:");

  printf("-- synchronous, failing --\n");
  InitOnceInitialize(&once);
  begin(&once, 0, "begin:");
  complete(&once, INIT_ONCE_INIT_FAILED, NULL, "failed:");
  begin(&once, INIT_ONCE_CHECK_ONLY, "check only after the failure:");
  begin(&once, 0, "begin again:");
  complete(&once, 0, NULL, "complete with a NULL context:");
  begin(&once, 0, "begin, done:");

  printf("-- asynchronous --\n");
  InitOnceInitialize(&once);
  begin(&once, INIT_ONCE_ASYNC, "async begin:");
  begin(&once, INIT_ONCE_ASYNC, "async begin, second caller:");
  begin(&once, 0, "begin, asynchronous run:");
  begin(&once, INIT_ONCE_CHECK_ONLY, "check only, running:");
  complete(&once, 0, (void *)0x7770, "complete without async:");
  complete(&once, INIT_ONCE_INIT_FAILED, NULL, "failed:");
  complete(&once, INIT_ONCE_ASYNC, (void *)0x7770, "async complete:");
  complete(&once, INIT_ONCE_ASYNC, (void *)0x8880, "async complete, second caller:");
  begin(&once, INIT_ONCE_ASYNC, "async begin, done:");
  begin(&once, INIT_ONCE_CHECK_ONLY, "check only, done:");

  go = CreateEvent(NULL, TRUE, FALSE, NULL);
  printf("-- four threads, synchronous --\n");
  int ok = run(sync_thread);
  printf("initializers %ld (failed %ld), every thread got %#lx: %s\n", attempts, failures, (unsigned long)(ULONG_PTR)seen[0],
         ok ? "yes" : "no");
  printf("-- four threads, asynchronous --\n");
  ok = run(async_thread);
  printf("winners %ld, every thread got the winner's context: %s\n", winners, ok ? "yes" : "no");
  CloseHandle(go);
  return 0;
}
