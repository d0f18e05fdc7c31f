/*
 * Heaps (abi/crt/memory.ts): GetProcessHeap, GetProcessHeaps, HeapCreate, HeapDestroy, HeapAlloc,
 * HeapReAlloc, HeapFree, HeapSize, HeapValidate, HeapCompact, HeapLock, HeapUnlock.
 *
 * Every block comes from the C runtime's malloc (thread-safe) with a 16-byte header in front that links
 * it into its heap's list, so HeapDestroy frees every block of a heap and HeapFree/HeapSize/HeapValidate
 * can tell a block of the heap named from anything else. Blocks are 16-byte aligned (Windows: 8 on
 * 32-bit). A heap created with a maximum size fails allocations past it. HEAP_NO_SERIALIZE is ignored
 * (every heap is serialised by a recursive lock, held only while its list changes, or from HeapLock to HeapUnlock), and so is
 * HEAP_GENERATE_EXCEPTIONS (Wasm has no exceptions to raise: a failed allocation returns NULL).
 * Failures set ERROR_NOT_ENOUGH_MEMORY or ERROR_INVALID_PARAMETER, as Windows' heap does on the calls
 * that report a last error (HeapFree, HeapReAlloc of an invalid block, HeapDestroy).
 */
#include <windows.h>
#include <stdlib.h>
#include <string.h>
#include <malloc.h>

#define HEAP_MAGIC 0x50414548u /* "HEAP" */

struct block {
  struct block *next, *prev;
  struct heap *heap;
  SIZE_T size; /* the size the caller asked for */
};
_Static_assert(sizeof(struct block) == 16, "16-byte block header keeps malloc's alignment");

/* A recursive lock (HeapLock, then HeapAlloc on the same thread, works as on Windows). */
struct rlock { SRWLOCK srw; DWORD owner; unsigned count; };

static void lock(struct rlock *l) {
  DWORD me = GetCurrentThreadId();
  if (__atomic_load_n(&l->owner, __ATOMIC_RELAXED) == me) { l->count++; return; }
  AcquireSRWLockExclusive(&l->srw);
  __atomic_store_n(&l->owner, me, __ATOMIC_RELAXED);
  l->count = 1;
}

static void unlock(struct rlock *l) {
  if (--l->count) return;
  __atomic_store_n(&l->owner, 0, __ATOMIC_RELAXED);
  ReleaseSRWLockExclusive(&l->srw);
}

struct heap {
  unsigned magic;
  struct rlock lock;
  DWORD flags;
  SIZE_T max;  /* 0: growable */
  SIZE_T used; /* bytes handed out, against max */
  struct block list; /* circular list head */
  struct heap *next_heap;
};

static struct heap process_heap = {
  HEAP_MAGIC, { SRWLOCK_INIT, 0, 0 }, HEAP_GROWABLE, 0, 0,
  { &process_heap.list, &process_heap.list, &process_heap, 0 }, NULL,
};
static SRWLOCK heaps_lock = SRWLOCK_INIT;
static struct heap *heaps = &process_heap; /* every live heap, for GetProcessHeaps and validation */

/* The largest block a fixed-size (dwMaximumSize != 0) heap hands out on 32-bit Windows. */
#define FIXED_HEAP_MAX_BLOCK 0x7FFF8

HANDLE WINAPI GetProcessHeap(void) { return (HANDLE)&process_heap; }

static struct heap *heap_of(HANDLE h) {
  struct heap *found = NULL;
  AcquireSRWLockShared(&heaps_lock);
  for (struct heap *p = heaps; p; p = p->next_heap)
    if (p == (struct heap *)h) { found = p; break; }
  ReleaseSRWLockShared(&heaps_lock);
  return found && found->magic == HEAP_MAGIC ? found : NULL;
}

DWORD WINAPI GetProcessHeaps(DWORD NumberOfHeaps, PHANDLE ProcessHeaps) {
  DWORD n = 0;
  AcquireSRWLockShared(&heaps_lock);
  for (struct heap *p = heaps; p; p = p->next_heap) {
    if (n < NumberOfHeaps && ProcessHeaps) ProcessHeaps[n] = (HANDLE)p;
    n++;
  }
  ReleaseSRWLockShared(&heaps_lock);
  return n;
}

HANDLE WINAPI HeapCreate(DWORD flOptions, SIZE_T dwInitialSize, SIZE_T dwMaximumSize) {
  (void)dwInitialSize;
  struct heap *h = calloc(1, sizeof *h);
  if (!h) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
  h->magic = HEAP_MAGIC;
  h->flags = flOptions | (dwMaximumSize ? 0 : HEAP_GROWABLE);
  h->max = dwMaximumSize;
  if (h->max && h->max < dwInitialSize) h->max = dwInitialSize;
  h->list.next = h->list.prev = &h->list;
  h->list.heap = h;
  AcquireSRWLockExclusive(&heaps_lock);
  h->next_heap = heaps->next_heap; /* the process heap stays first */
  heaps->next_heap = h;
  ReleaseSRWLockExclusive(&heaps_lock);
  return (HANDLE)h;
}

BOOL WINAPI HeapDestroy(HANDLE hHeap) {
  struct heap *h = heap_of(hHeap);
  if (!h || h == &process_heap) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
  AcquireSRWLockExclusive(&heaps_lock);
  for (struct heap **pp = &heaps; *pp; pp = &(*pp)->next_heap)
    if (*pp == h) { *pp = h->next_heap; break; }
  ReleaseSRWLockExclusive(&heaps_lock);
  lock(&h->lock);
  h->magic = 0;
  struct block *b = h->list.next;
  while (b != &h->list) {
    struct block *next = b->next;
    b->heap = NULL;
    free(b);
    b = next;
  }
  unlock(&h->lock);
  free(h);
  return TRUE;
}

static int fits(struct heap *h, SIZE_T old, SIZE_T size) {
  if (!h->max) return size <= 0x7FFFFFF0u;
  return size <= FIXED_HEAP_MAX_BLOCK && h->used - old + size <= h->max;
}

static void link_block(struct heap *h, struct block *b) {
  b->heap = h;
  b->next = h->list.next;
  b->prev = &h->list;
  h->list.next->prev = b;
  h->list.next = b;
}

LPVOID WINAPI HeapAlloc(HANDLE hHeap, DWORD dwFlags, SIZE_T dwBytes) {
  struct heap *h = heap_of(hHeap);
  if (!h) { SetLastError(ERROR_INVALID_HANDLE); return NULL; }
  lock(&h->lock);
  int ok = fits(h, 0, dwBytes);
  if (ok) h->used += dwBytes;
  unlock(&h->lock);
  if (!ok) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
  struct block *b = (dwFlags & HEAP_ZERO_MEMORY) ? calloc(1, sizeof *b + dwBytes) : malloc(sizeof *b + dwBytes);
  lock(&h->lock);
  if (b) {
    b->size = dwBytes;
    link_block(h, b);
  } else {
    h->used -= dwBytes;
  }
  unlock(&h->lock);
  if (!b) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
  return b + 1;
}

/* The block a pointer names, when it is one of heap h's (call with h->lock held). */
static struct block *block_of(struct heap *h, LPCVOID p) {
  if (!p || ((uintptr_t)p & 15) || (uintptr_t)p < 4096) return NULL;
  struct block *b = (struct block *)p - 1;
  if (b->heap != h) return NULL;
  if (b->next->prev != b || b->prev->next != b) return NULL;
  return b;
}

BOOL WINAPI HeapFree(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem) {
  (void)dwFlags;
  if (!lpMem) return TRUE; /* as Windows: freeing NULL succeeds */
  struct heap *h = heap_of(hHeap);
  if (!h) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
  lock(&h->lock);
  struct block *b = block_of(h, lpMem);
  if (b) {
    b->prev->next = b->next;
    b->next->prev = b->prev;
    b->heap = NULL;
    h->used -= b->size;
  }
  unlock(&h->lock);
  if (!b) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
  free(b);
  return TRUE;
}

LPVOID WINAPI HeapReAlloc(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem, SIZE_T dwBytes) {
  struct heap *h = heap_of(hHeap);
  if (!h) { SetLastError(ERROR_INVALID_HANDLE); return NULL; }
  if (!lpMem) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; } /* Windows: NULL is not a block */
  lock(&h->lock);
  struct block *b = block_of(h, lpMem);
  LPVOID result = NULL;
  DWORD error = 0;
  if (!b) {
    error = ERROR_INVALID_PARAMETER;
  } else if (!fits(h, b->size, dwBytes)) {
    error = ERROR_NOT_ENOUGH_MEMORY;
  } else {
    SIZE_T old = b->size;
    if (dwBytes <= old || sizeof *b + dwBytes <= malloc_usable_size(b)) {
      /* In place: shrinking, or growing into the slack malloc left. */
      b->size = dwBytes;
      h->used = h->used - old + dwBytes;
      if ((dwFlags & HEAP_ZERO_MEMORY) && dwBytes > old) memset((char *)(b + 1) + old, 0, dwBytes - old);
      result = lpMem;
    } else if (dwFlags & HEAP_REALLOC_IN_PLACE_ONLY) {
      error = ERROR_NOT_ENOUGH_MEMORY;
    } else {
      struct block *prev = b->prev, *next = b->next;
      struct block *nb = realloc(b, sizeof *b + dwBytes);
      if (!nb) {
        error = ERROR_NOT_ENOUGH_MEMORY;
      } else {
        /* The block moved: its neighbours point at the new place. */
        nb->prev = prev;
        nb->next = next;
        prev->next = nb;
        next->prev = nb;
        nb->size = dwBytes;
        h->used = h->used - old + dwBytes;
        if (dwFlags & HEAP_ZERO_MEMORY) memset((char *)(nb + 1) + old, 0, dwBytes - old);
        result = nb + 1;
      }
    }
  }
  unlock(&h->lock);
  if (!result) SetLastError(error);
  return result;
}

SIZE_T WINAPI HeapSize(HANDLE hHeap, DWORD dwFlags, LPCVOID lpMem) {
  (void)dwFlags;
  struct heap *h = heap_of(hHeap);
  if (!h) { SetLastError(ERROR_INVALID_HANDLE); return (SIZE_T)-1; }
  lock(&h->lock);
  struct block *b = block_of(h, lpMem);
  SIZE_T size = b ? b->size : (SIZE_T)-1;
  unlock(&h->lock);
  if (!b) SetLastError(ERROR_INVALID_PARAMETER);
  return size;
}

BOOL WINAPI HeapValidate(HANDLE hHeap, DWORD dwFlags, LPCVOID lpMem) {
  (void)dwFlags;
  struct heap *h = heap_of(hHeap);
  if (!h) return FALSE;
  if (!lpMem) {
    /* The whole heap: walk the list. */
    BOOL ok = TRUE;
    lock(&h->lock);
    for (struct block *b = h->list.next; b != &h->list; b = b->next)
      if (b->heap != h || b->next->prev != b) { ok = FALSE; break; }
    unlock(&h->lock);
    return ok;
  }
  lock(&h->lock);
  BOOL ok = block_of(h, lpMem) != NULL;
  unlock(&h->lock);
  return ok;
}

SIZE_T WINAPI HeapCompact(HANDLE hHeap, DWORD dwFlags) {
  (void)dwFlags;
  struct heap *h = heap_of(hHeap);
  if (!h) { SetLastError(ERROR_INVALID_HANDLE); return 0; }
  return h->max ? h->max - h->used : 0x7FFF0000u; /* the largest block that could be committed */
}

BOOL WINAPI HeapLock(HANDLE hHeap) {
  struct heap *h = heap_of(hHeap);
  if (!h) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
  lock(&h->lock);
  return TRUE;
}

BOOL WINAPI HeapUnlock(HANDLE hHeap) {
  struct heap *h = heap_of(hHeap);
  if (!h) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
  if (__atomic_load_n(&h->lock.owner, __ATOMIC_RELAXED) != GetCurrentThreadId()) { SetLastError(ERROR_NOT_OWNER); return FALSE; }
  unlock(&h->lock);
  return TRUE;
}
