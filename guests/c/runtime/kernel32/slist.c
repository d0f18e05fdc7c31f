/*
 * Interlocked singly linked lists (abi/crt/threads.ts): InitializeSListHead, InterlockedPushEntrySList,
 * InterlockedPopEntrySList, InterlockedFlushSList, QueryDepthSList, InterlockedPushListSListEx and
 * ntdll's Rtl forms. Lock-free as on 32-bit Windows: the 8-byte SLIST_HEADER holds the first entry,
 * the depth and a sequence number, and every change replaces all three with one 64-bit
 * compare-exchange. The sequence changes with every push and pop, so a pop that read the first
 * entry and its successor fails its exchange if the list was popped and pushed back to the same
 * first entry meanwhile (ABA). Reading a popped entry's Next cannot fault in Wasm memory; a stale
 * value only loses the exchange.
 */
#include <windows.h>

/* The header as one 64-bit word: bits 0-31 the first entry, 32-47 the depth, 48-63 the sequence. */
typedef unsigned long long word;
#define FIRST(w) ((PSLIST_ENTRY)(ULONG_PTR)(unsigned)(w))
#define DEPTH(w) ((unsigned)((w) >> 32) & 0xffffu)
#define SEQUENCE(w) ((unsigned)((w) >> 48))
#define MAKE(first, depth, seq) \
  ((word)(ULONG_PTR)(first) | (word)((depth) & 0xffffu) << 32 | (word)((seq) & 0xffffu) << 48)

static word load(PSLIST_HEADER h) { return __atomic_load_n(&h->Alignment, __ATOMIC_SEQ_CST); }
static int exchange(PSLIST_HEADER h, word *old, word next) {
  return __atomic_compare_exchange_n(&h->Alignment, old, next, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

void WINAPI InitializeSListHead(PSLIST_HEADER ListHead) {
  __atomic_store_n(&ListHead->Alignment, 0, __ATOMIC_SEQ_CST);
}

/* Pushes first..last (already linked, count entries); returns the entry that was first before. */
static PSLIST_ENTRY push_list(PSLIST_HEADER h, PSLIST_ENTRY first, PSLIST_ENTRY last, unsigned count) {
  word old = load(h);
  do {
    last->Next = FIRST(old);
  } while (!exchange(h, &old, MAKE(first, DEPTH(old) + count, SEQUENCE(old) + 1)));
  return FIRST(old);
}

PSLIST_ENTRY WINAPI InterlockedPushEntrySList(PSLIST_HEADER ListHead, PSLIST_ENTRY ListEntry) {
  return push_list(ListHead, ListEntry, ListEntry, 1);
}

PSLIST_ENTRY WINAPI InterlockedPushListSListEx(PSLIST_HEADER ListHead, PSLIST_ENTRY List, PSLIST_ENTRY ListEnd, ULONG Count) {
  return push_list(ListHead, List, ListEnd, Count);
}

PSLIST_ENTRY WINAPI InterlockedPopEntrySList(PSLIST_HEADER ListHead) {
  word old = load(ListHead);
  PSLIST_ENTRY first;
  do {
    first = FIRST(old);
    if (!first) return NULL;
  } while (!exchange(ListHead, &old, MAKE(__atomic_load_n(&first->Next, __ATOMIC_RELAXED), DEPTH(old) - 1, SEQUENCE(old) + 1)));
  return first;
}

PSLIST_ENTRY WINAPI InterlockedFlushSList(PSLIST_HEADER ListHead) {
  word old = load(ListHead);
  do {
    if (!FIRST(old)) return NULL;
  } while (!exchange(ListHead, &old, MAKE(NULL, 0, SEQUENCE(old))));
  return FIRST(old);
}

USHORT WINAPI QueryDepthSList(PSLIST_HEADER ListHead) { return (USHORT)DEPTH(load(ListHead)); }

PSLIST_ENTRY WINAPI RtlFirstEntrySList(const SLIST_HEADER *ListHead) { return FIRST(load((PSLIST_HEADER)ListHead)); }

/* ntdll's names for the same calls. */
void WINAPI RtlInitializeSListHead(PSLIST_HEADER ListHead) { InitializeSListHead(ListHead); }
PSLIST_ENTRY WINAPI RtlInterlockedPushEntrySList(PSLIST_HEADER ListHead, PSLIST_ENTRY ListEntry) {
  return InterlockedPushEntrySList(ListHead, ListEntry);
}
PSLIST_ENTRY WINAPI RtlInterlockedPopEntrySList(PSLIST_HEADER ListHead) { return InterlockedPopEntrySList(ListHead); }
PSLIST_ENTRY WINAPI RtlInterlockedFlushSList(PSLIST_HEADER ListHead) { return InterlockedFlushSList(ListHead); }
USHORT WINAPI RtlQueryDepthSList(PSLIST_HEADER ListHead) { return QueryDepthSList(ListHead); }
PSLIST_ENTRY WINAPI RtlInterlockedPushListSListEx(PSLIST_HEADER ListHead, PSLIST_ENTRY List, PSLIST_ENTRY ListEnd, ULONG Count) {
  return InterlockedPushListSListEx(ListHead, List, ListEnd, Count);
}
