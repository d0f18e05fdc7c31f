/*
 * Interlocked singly linked lists from four threads, the way Microsoft's SList sample uses them:
 * entries from _aligned_malloc(MEMORY_ALLOCATION_ALIGNMENT), pushed and popped concurrently; every
 * total is checked (nothing lost, nothing twice), then the single-threaded details: the previous
 * first entry a push returns, LIFO order, QueryDepthSList, InterlockedFlushSList,
 * InterlockedPushListSListEx and RtlFirstEntrySList.
 * Expected output confirmed with mingw-w64 + Wine 8.0 (linked with -lntdll for RtlFirstEntrySList).
 */
#include <windows.h>
#include <malloc.h>
#include <stdio.h>

#define THREADS 4
#define PER_THREAD 2000

typedef struct _ITEM {
  SLIST_ENTRY ItemEntry; /* first, so an entry is its item */
  LONG Value;
  LONG Visits;
} ITEM, *PITEM;

static PSLIST_HEADER head;
static HANDLE go;
static volatile LONG popped_count, popped_sum, pushes;

static PITEM new_item(LONG value) {
  PITEM item = (PITEM)_aligned_malloc(sizeof(ITEM), MEMORY_ALLOCATION_ALIGNMENT);
  item->Value = value;
  item->Visits = 0;
  return item;
}

static DWORD WINAPI pusher(LPVOID arg) {
  int id = (int)(INT_PTR)arg;
  WaitForSingleObject(go, INFINITE);
  for (int i = 0; i < PER_THREAD; i++) {
    InterlockedPushEntrySList(head, &new_item(id * PER_THREAD + i + 1)->ItemEntry);
    InterlockedIncrement(&pushes);
  }
  return 0;
}

static DWORD WINAPI popper(LPVOID arg) {
  (void)arg;
  WaitForSingleObject(go, INFINITE);
  PSLIST_ENTRY e;
  while ((e = InterlockedPopEntrySList(head)) != NULL) {
    InterlockedIncrement(&popped_count);
    InterlockedExchangeAdd(&popped_sum, ((PITEM)e)->Value);
    _aligned_free(e);
  }
  return 0;
}

/* Pops an entry and pushes it back, over and over: the list changes under every other thread. */
static DWORD WINAPI churner(LPVOID arg) {
  (void)arg;
  WaitForSingleObject(go, INFINITE);
  for (int i = 0; i < PER_THREAD; i++) {
    PSLIST_ENTRY e = InterlockedPopEntrySList(head);
    if (!e) continue;
    ((PITEM)e)->Visits++;
    InterlockedPushEntrySList(head, e);
  }
  return 0;
}

static void run(LPTHREAD_START_ROUTINE fn) {
  HANDLE t[THREADS];
  ResetEvent(go);
  for (int i = 0; i < THREADS; i++) t[i] = CreateThread(NULL, 0, fn, (LPVOID)(INT_PTR)i, 0, NULL);
  SetEvent(go);
  WaitForMultipleObjects(THREADS, t, TRUE, INFINITE);
  for (int i = 0; i < THREADS; i++) CloseHandle(t[i]);
}

int main(void) {
  go = CreateEvent(NULL, TRUE, FALSE, NULL);
  head = (PSLIST_HEADER)_aligned_malloc(sizeof(SLIST_HEADER), MEMORY_ALLOCATION_ALIGNMENT);
  InitializeSListHead(head);
  printf("empty: depth %u, pop %s\n", QueryDepthSList(head), InterlockedPopEntrySList(head) ? "an entry" : "NULL");

  /* four pushers at once */
  run(pusher);
  printf("pushed %ld from %d threads: depth %u\n", pushes, THREADS, QueryDepthSList(head));

  /* four churners at once: every entry stays in the list */
  run(churner);
  LONG visits = 0, count = 0;
  LONGLONG sum = 0;
  for (PSLIST_ENTRY e = RtlFirstEntrySList(head); e; e = e->Next) {
    visits += ((PITEM)e)->Visits;
    sum += ((PITEM)e)->Value;
    count++;
  }
  printf("after churning: depth %u, %ld entries, sum %lld, %ld pops pushed back\n", QueryDepthSList(head), count, sum,
         visits);

  /* four poppers at once */
  run(popper);
  printf("popped %ld entries, sum %ld, depth now %u\n", popped_count, popped_sum, QueryDepthSList(head));

  /* one thread: the details */
  ITEM a = { { NULL }, 1, 0 }, b = { { NULL }, 2, 0 }, c = { { NULL }, 3, 0 };
  PSLIST_ENTRY prev = InterlockedPushEntrySList(head, &a.ItemEntry);
  printf("push 1: previous %s\n", prev ? "an entry" : "NULL");
  prev = InterlockedPushEntrySList(head, &b.ItemEntry);
  printf("push 2: previous is %ld\n", ((PITEM)prev)->Value);
  prev = InterlockedPushEntrySList(head, &c.ItemEntry);
  printf("push 3: previous is %ld, depth %u, first %ld\n", ((PITEM)prev)->Value, QueryDepthSList(head),
         ((PITEM)RtlFirstEntrySList(head))->Value);
  PSLIST_ENTRY e = InterlockedPopEntrySList(head);
  printf("pop: %ld, depth %u\n", ((PITEM)e)->Value, QueryDepthSList(head));
  PSLIST_ENTRY list = InterlockedFlushSList(head);
  printf("flush: depth %u, list", QueryDepthSList(head));
  for (PSLIST_ENTRY p = list; p; p = p->Next) printf(" %ld", ((PITEM)p)->Value);
  printf(", pop %s, flush again %s\n", InterlockedPopEntrySList(head) ? "an entry" : "NULL",
         InterlockedFlushSList(head) ? "an entry" : "NULL");

  /* a prepared chain c -> b -> a pushed in one step */
  c.ItemEntry.Next = &b.ItemEntry;
  b.ItemEntry.Next = &a.ItemEntry;
  ITEM d = { { NULL }, 4, 0 };
  InterlockedPushEntrySList(head, &d.ItemEntry);
  prev = InterlockedPushListSListEx(head, &c.ItemEntry, &a.ItemEntry, 3);
  printf("push list of 3: previous is %ld, depth %u, order", ((PITEM)prev)->Value, QueryDepthSList(head));
  while ((e = InterlockedPopEntrySList(head)) != NULL) printf(" %ld", ((PITEM)e)->Value);
  printf("\n");

  _aligned_free(head);
  CloseHandle(go);
  return 0;
}
