/*
 * Virtual memory (abi/crt/memory.ts): VirtualAlloc, VirtualFree, VirtualProtect, VirtualQuery,
 * VirtualLock, VirtualUnlock, over the guest's own linear memory.
 *
 * A reservation (MEM_RESERVE, or MEM_COMMIT with no address) takes its whole size from the C runtime's
 * allocator at once, 64 KiB-aligned (the allocation granularity GetSystemInfo reports), in 4 KiB pages;
 * committing a page zero-fills it, as Windows hands out zeroed pages. What cannot be done in Wasm:
 * - a reservation at an address the caller chooses fails with ERROR_INVALID_ADDRESS (any address may
 *   be in use by the C heap), and reserving costs real memory, so a huge reservation to commit piece by
 *   piece later fails with ERROR_NOT_ENOUGH_MEMORY past the guest's memory limit;
 * - protections are recorded and reported (VirtualQuery, the old protection of VirtualProtect) but not
 *   enforced: a write to a PAGE_READONLY or PAGE_NOACCESS page succeeds, PAGE_GUARD raises nothing.
 * Memory outside reservations (the program's data, stack and C heap) is reported as committed
 * PAGE_READWRITE private memory; VirtualProtect on it records nothing and succeeds.
 * Parameter checks and last errors follow Windows as Wine 8 has them.
 */
#include <windows.h>
#include <stdlib.h>
#include <string.h>

#define PAGE 4096u
#define GRANULARITY 65536u
#define MAX_APP_ADDRESS 0x7FFEFFFFu

struct region {
  char *base;
  SIZE_T size;   /* whole pages */
  DWORD aprot;   /* the protection given at reservation */
  DWORD *prot;   /* per page: its protection once committed, 0 while only reserved */
  struct region *next;
};

static SRWLOCK lock = SRWLOCK_INIT;
static struct region *regions;

static SIZE_T round_up(SIZE_T n, SIZE_T to) { return (n + to - 1) & ~(to - 1); }

/* A valid protection: one basic PAGE_* value, optionally with PAGE_GUARD, PAGE_NOCACHE or PAGE_WRITECOMBINE. */
static int valid_prot(DWORD p) {
  DWORD basic = p & 0xFF;
  if (p & ~(DWORD)(0xFF | PAGE_GUARD | PAGE_NOCACHE | PAGE_WRITECOMBINE)) return 0;
  return basic && !(basic & (basic - 1));
}

static struct region *find(const void *p) {
  for (struct region *r = regions; r; r = r->next)
    if ((const char *)p >= r->base && (const char *)p < r->base + r->size) return r;
  return NULL;
}

static SIZE_T memory_end(void) { return (SIZE_T)__builtin_wasm_memory_size(0) * 65536u; }

/* Commit pages [first, first + count) of r: zero the ones not committed yet. */
static void commit(struct region *r, SIZE_T first, SIZE_T count, DWORD prot) {
  for (SIZE_T i = first; i < first + count; i++) {
    if (!r->prot[i]) memset(r->base + i * PAGE, 0, PAGE);
    r->prot[i] = prot;
  }
}

LPVOID WINAPI VirtualAlloc(LPVOID lpAddress, SIZE_T dwSize, DWORD flAllocationType, DWORD flProtect) {
  const DWORD known = MEM_COMMIT | MEM_RESERVE | MEM_RESET | MEM_RESET_UNDO | MEM_TOP_DOWN | MEM_WRITE_WATCH |
                      MEM_PHYSICAL | MEM_LARGE_PAGES;
  DWORD kind = flAllocationType & (MEM_COMMIT | MEM_RESERVE | MEM_RESET | MEM_RESET_UNDO);
  if (!dwSize || (flAllocationType & ~known) || !kind ||
      ((kind & (MEM_RESET | MEM_RESET_UNDO)) && kind != MEM_RESET && kind != MEM_RESET_UNDO)) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return NULL;
  }
  if (kind == MEM_RESET || kind == MEM_RESET_UNDO) {
    /* The contents may be discarded: keeping them is allowed. The range must be committed. */
    char *start = (char *)((uintptr_t)lpAddress & ~(uintptr_t)(PAGE - 1));
    AcquireSRWLockShared(&lock);
    struct region *r = lpAddress ? find(start) : NULL;
    int ok = r && (char *)lpAddress + dwSize <= r->base + r->size;
    ReleaseSRWLockShared(&lock);
    if (!ok) { SetLastError(ERROR_INVALID_ADDRESS); return NULL; }
    return start;
  }
  if (!valid_prot(flProtect)) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }

  if (lpAddress && (kind & MEM_RESERVE)) { SetLastError(ERROR_INVALID_ADDRESS); return NULL; }
  if (lpAddress) {
    /* Commit inside an existing reservation. */
    uintptr_t start = (uintptr_t)lpAddress & ~(uintptr_t)(PAGE - 1);
    uintptr_t end = round_up((uintptr_t)lpAddress + dwSize, PAGE);
    AcquireSRWLockExclusive(&lock);
    struct region *r = find((void *)start);
    int ok = r && end <= (uintptr_t)r->base + r->size && end > start;
    if (ok) commit(r, (start - (uintptr_t)r->base) / PAGE, (end - start) / PAGE, flProtect);
    ReleaseSRWLockExclusive(&lock);
    if (!ok) { SetLastError(ERROR_INVALID_ADDRESS); return NULL; }
    return (LPVOID)start;
  }

  /* A new reservation (MEM_COMMIT alone at no address reserves too, as on Windows). */
  if (dwSize > MAX_APP_ADDRESS) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
  SIZE_T size = round_up(dwSize, PAGE);
  struct region *r = calloc(1, sizeof *r);
  DWORD *prot = r ? calloc(size / PAGE, sizeof *prot) : NULL;
  char *base = prot ? aligned_alloc(GRANULARITY, round_up(size, GRANULARITY)) : NULL;
  if (!base) {
    free(prot);
    free(r);
    SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return NULL;
  }
  r->base = base;
  r->size = size;
  r->aprot = flProtect;
  r->prot = prot;
  if (kind & MEM_COMMIT) commit(r, 0, size / PAGE, flProtect);
  AcquireSRWLockExclusive(&lock);
  r->next = regions;
  regions = r;
  ReleaseSRWLockExclusive(&lock);
  return base;
}

BOOL WINAPI VirtualFree(LPVOID lpAddress, SIZE_T dwSize, DWORD dwFreeType) {
  DWORD kind = dwFreeType & (MEM_RELEASE | MEM_DECOMMIT);
  if (kind != MEM_RELEASE && kind != MEM_DECOMMIT) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
  if (kind == MEM_RELEASE) {
    if (dwSize) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    AcquireSRWLockExclusive(&lock);
    struct region **pp = &regions;
    while (*pp && (*pp)->base != lpAddress) pp = &(*pp)->next;
    struct region *r = *pp;
    if (r) *pp = r->next;
    int inside = !r && find(lpAddress);
    ReleaseSRWLockExclusive(&lock);
    if (!r) {
      /* Inside a reservation but not its base: ERROR_INVALID_ADDRESS; anything else (already
       * released, never reserved): ERROR_INVALID_PARAMETER, as Wine 8 reports. */
      SetLastError(inside ? ERROR_INVALID_ADDRESS : ERROR_INVALID_PARAMETER);
      return FALSE;
    }
    free(r->base);
    free(r->prot);
    free(r);
    return TRUE;
  }
  AcquireSRWLockExclusive(&lock);
  struct region *r = find(lpAddress);
  DWORD error = 0;
  if (!r) {
    error = ERROR_INVALID_ADDRESS;
  } else {
    uintptr_t start = (uintptr_t)lpAddress & ~(uintptr_t)(PAGE - 1);
    uintptr_t end;
    if (!dwSize) {
      if ((char *)lpAddress != r->base) error = ERROR_INVALID_PARAMETER;
      end = (uintptr_t)r->base + r->size;
    } else {
      end = round_up((uintptr_t)lpAddress + dwSize, PAGE);
      if (end > (uintptr_t)r->base + r->size) error = ERROR_INVALID_PARAMETER;
    }
    if (!error)
      for (uintptr_t a = start; a < end; a += PAGE) r->prot[(a - (uintptr_t)r->base) / PAGE] = 0;
  }
  ReleaseSRWLockExclusive(&lock);
  if (error) { SetLastError(error); return FALSE; }
  return TRUE;
}

BOOL WINAPI VirtualProtect(LPVOID lpAddress, SIZE_T dwSize, DWORD flNewProtect, PDWORD lpflOldProtect) {
  if (!lpflOldProtect) { SetLastError(ERROR_NOACCESS); return FALSE; }
  if (!valid_prot(flNewProtect)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
  uintptr_t start = (uintptr_t)lpAddress & ~(uintptr_t)(PAGE - 1);
  uintptr_t end = round_up((uintptr_t)lpAddress + (dwSize ? dwSize : 1), PAGE);
  AcquireSRWLockExclusive(&lock);
  struct region *r = find((void *)start);
  DWORD error = 0, old = PAGE_READWRITE;
  if (r) {
    if (end > (uintptr_t)r->base + r->size) error = ERROR_INVALID_ADDRESS;
    for (uintptr_t a = start; !error && a < end; a += PAGE)
      if (!r->prot[(a - (uintptr_t)r->base) / PAGE]) error = ERROR_INVALID_ADDRESS; /* not committed */
    if (!error) {
      old = r->prot[(start - (uintptr_t)r->base) / PAGE];
      for (uintptr_t a = start; a < end; a += PAGE) r->prot[(a - (uintptr_t)r->base) / PAGE] = flNewProtect;
    }
  } else if (end > memory_end()) {
    error = ERROR_INVALID_ADDRESS;
  }
  ReleaseSRWLockExclusive(&lock);
  if (error) { SetLastError(error); return FALSE; }
  *lpflOldProtect = old;
  return TRUE;
}

SIZE_T WINAPI VirtualQuery(LPCVOID lpAddress, PMEMORY_BASIC_INFORMATION lpBuffer, SIZE_T dwLength) {
  if (dwLength < sizeof *lpBuffer) { SetLastError(ERROR_BAD_LENGTH); return 0; }
  if ((uintptr_t)lpAddress > MAX_APP_ADDRESS) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
  uintptr_t page = (uintptr_t)lpAddress & ~(uintptr_t)(PAGE - 1);
  MEMORY_BASIC_INFORMATION m;
  memset(&m, 0, sizeof m);
  m.BaseAddress = (PVOID)page;
  AcquireSRWLockShared(&lock);
  struct region *r = find((void *)page);
  if (r) {
    SIZE_T i = (page - (uintptr_t)r->base) / PAGE, n = r->size / PAGE, j = i;
    DWORD p = r->prot[i];
    while (j < n && r->prot[j] == p) j++;
    m.AllocationBase = r->base;
    m.AllocationProtect = r->aprot;
    m.RegionSize = (j - i) * PAGE;
    m.State = p ? MEM_COMMIT : MEM_RESERVE;
    m.Protect = p;
    m.Type = MEM_PRIVATE;
  } else {
    /* Up to the next reservation, or the end of memory / of the address space. */
    uintptr_t mem = memory_end(), limit = page < mem ? mem : (uintptr_t)MAX_APP_ADDRESS + 1;
    for (struct region *q = regions; q; q = q->next)
      if ((uintptr_t)q->base > page && (uintptr_t)q->base < limit) limit = (uintptr_t)q->base;
    m.RegionSize = limit - page;
    if (page < mem) {
      m.AllocationBase = (PVOID)page;
      m.AllocationProtect = PAGE_READWRITE;
      m.State = MEM_COMMIT;
      m.Protect = PAGE_READWRITE;
      m.Type = MEM_PRIVATE;
    } else {
      m.State = MEM_FREE;
      m.Protect = PAGE_NOACCESS;
    }
  }
  ReleaseSRWLockShared(&lock);
  *lpBuffer = m;
  return sizeof m;
}

static BOOL committed(LPVOID lpAddress, SIZE_T dwSize) {
  uintptr_t start = (uintptr_t)lpAddress & ~(uintptr_t)(PAGE - 1);
  uintptr_t end = round_up((uintptr_t)lpAddress + (dwSize ? dwSize : 1), PAGE);
  AcquireSRWLockShared(&lock);
  struct region *r = find((void *)start);
  BOOL ok = r ? end <= (uintptr_t)r->base + r->size : end <= memory_end();
  for (uintptr_t a = start; ok && r && a < end; a += PAGE)
    if (!r->prot[(a - (uintptr_t)r->base) / PAGE]) ok = FALSE;
  ReleaseSRWLockShared(&lock);
  if (!ok) SetLastError(ERROR_INVALID_ADDRESS);
  return ok;
}

/* Nothing is ever paged out: locking only checks that the pages are committed. */
BOOL WINAPI VirtualLock(LPVOID lpAddress, SIZE_T dwSize) { return committed(lpAddress, dwSize); }
BOOL WINAPI VirtualUnlock(LPVOID lpAddress, SIZE_T dwSize) { return committed(lpAddress, dwSize); }
