/*
 * User-mode locks at the addresses a C compiler gives them when a program packs its structures or
 * carves them out of a byte buffer: an SRWLOCK, a CONDITION_VARIABLE, a CRITICAL_SECTION and an
 * INIT_ONCE in a #pragma pack(1) struct and at every offset 0..7 of an 8-byte boundary, each used
 * from four threads; WaitOnAddress on 1-, 2-, 4- and 8-byte values at odd addresses. On x86 Windows
 * these work at any address (the locked instructions do not care); ntwasm must not trap on them and
 * must leave the bytes around them alone. The program prints only counts and results that do not
 * depend on the threads' timing. Expected output confirmed with mingw-w64 + Wine 8.0
 * (x86_64-w64-mingw32-gcc um_unaligned.c -lsynchronization). Barriers at odd addresses are checked
 * in guests/as/tests/usermode-unaligned.ts: Wine 8.0 has no barrier functions.
 */
#include <windows.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define THREADS 4
#define ROUNDS 5000

/* Pointers to packed members, computed the way a program that packs its structures does it
   (taking &s->member directly makes compilers warn about the unaligned pointer). */
#define MEMBER(type, base, s, m) ((type *)((char *)(base) + offsetof(s, m)))

#pragma pack(push, 1)
typedef struct {
  char tag;
  SRWLOCK srw;
  char gap1;
  CONDITION_VARIABLE cv;
  char gap2[2];
  CRITICAL_SECTION cs;
  char gap3;
  INIT_ONCE once;
  char gap4;
  CONDITION_VARIABLE cv2;
  char tail;
} PACKED;
#pragma pack(pop)

static PACKED packed;
static union { unsigned char bytes[512]; ULONGLONG align; } area;

static HANDLE start(LPTHREAD_START_ROUTINE fn, void *arg) { return CreateThread(NULL, 0, fn, arg, 0, NULL); }
static void join_all(HANDLE *h, int n) {
  WaitForMultipleObjects(n, h, TRUE, INFINITE);
  for (int i = 0; i < n; i++) CloseHandle(h[i]);
}

/* ---- SRW exclusive: four threads count under the lock ---- */
static SRWLOCK *srw_lock;
static volatile LONG srw_count;

static DWORD WINAPI srw_counter(LPVOID arg) {
  (void)arg;
  for (int i = 0; i < ROUNDS; i++) {
    AcquireSRWLockExclusive(srw_lock);
    LONG v = srw_count;
    if (i % 64 == 0) Sleep(0);
    srw_count = v + 1;
    ReleaseSRWLockExclusive(srw_lock);
  }
  return 0;
}

static void srw_exclusive(SRWLOCK *lock, const char *where) {
  HANDLE h[THREADS];
  srw_lock = lock;
  srw_count = 0;
  InitializeSRWLock(lock);
  for (int i = 0; i < THREADS; i++) h[i] = start(srw_counter, NULL);
  join_all(h, THREADS);
  printf("SRW exclusive %-10s %ld\n", where, srw_count);
}

/* ---- SRW shared: readers see two counters equal while a writer moves them ---- */
static volatile LONG pair_a, pair_b, torn, reads;

static DWORD WINAPI srw_reader(LPVOID arg) {
  (void)arg;
  for (int i = 0; i < ROUNDS; i++) {
    AcquireSRWLockShared(srw_lock);
    LONG a = pair_a;
    if (i % 64 == 0) Sleep(0);
    if (pair_b != a) InterlockedIncrement(&torn);
    InterlockedIncrement(&reads);
    ReleaseSRWLockShared(srw_lock);
  }
  return 0;
}

static DWORD WINAPI srw_writer(LPVOID arg) {
  (void)arg;
  for (int i = 0; i < ROUNDS; i++) {
    AcquireSRWLockExclusive(srw_lock);
    pair_a++;
    if (i % 64 == 0) Sleep(0);
    pair_b++;
    ReleaseSRWLockExclusive(srw_lock);
  }
  return 0;
}

static HANDLE held, release_it;
static DWORD WINAPI shared_holder(LPVOID arg) {
  (void)arg;
  AcquireSRWLockShared(srw_lock);
  SetEvent(held);
  WaitForSingleObject(release_it, INFINITE);
  ReleaseSRWLockShared(srw_lock);
  return 0;
}

static void srw_shared(SRWLOCK *lock, const char *where) {
  HANDLE h[THREADS];
  srw_lock = lock;
  pair_a = pair_b = torn = reads = 0;
  InitializeSRWLock(lock);
  h[0] = start(srw_writer, NULL);
  for (int i = 1; i < THREADS; i++) h[i] = start(srw_reader, NULL);
  join_all(h, THREADS);
  printf("SRW shared %-13s writes %ld, reads %ld, torn %ld\n", where, pair_a, reads, torn);

  /* another thread holds it shared: shared is granted, exclusive is not */
  held = CreateEventW(NULL, FALSE, FALSE, NULL);
  release_it = CreateEventW(NULL, FALSE, FALSE, NULL);
  HANDLE t = start(shared_holder, NULL);
  WaitForSingleObject(held, INFINITE);
  BOOLEAN s = TryAcquireSRWLockShared(lock);
  BOOLEAN x = TryAcquireSRWLockExclusive(lock);
  if (s) ReleaseSRWLockShared(lock);
  SetEvent(release_it);
  WaitForSingleObject(t, INFINITE);
  CloseHandle(t);
  BOOLEAN x2 = TryAcquireSRWLockExclusive(lock);
  BOOLEAN s2 = TryAcquireSRWLockShared(lock);
  if (x2) ReleaseSRWLockExclusive(lock);
  printf("  held shared elsewhere: try shared %d, try exclusive %d; free: try exclusive %d, then shared %d\n",
         s, x, x2, s2);
  CloseHandle(held);
  CloseHandle(release_it);
}

/* ---- condition variables: a bounded queue, with an SRW lock and with a critical section ---- */
#define ITEMS 3000
#define CAPACITY 2
static CONDITION_VARIABLE *not_empty, *not_full;
static CRITICAL_SECTION *queue_cs;
static volatile LONG queued, produced, consumed_sum, consumed_n;

static void q_lock(void) { if (queue_cs) EnterCriticalSection(queue_cs); else AcquireSRWLockExclusive(srw_lock); }
static void q_unlock(void) { if (queue_cs) LeaveCriticalSection(queue_cs); else ReleaseSRWLockExclusive(srw_lock); }
static void q_sleep(CONDITION_VARIABLE *cv) {
  if (queue_cs) SleepConditionVariableCS(cv, queue_cs, INFINITE);
  else SleepConditionVariableSRW(cv, srw_lock, INFINITE, 0);
}

static DWORD WINAPI producer(LPVOID arg) {
  (void)arg;
  for (int i = 1; i <= ITEMS; i++) {
    q_lock();
    while (queued == CAPACITY) q_sleep(not_full);
    queued++;
    produced += i;
    WakeConditionVariable(not_empty);
    q_unlock();
  }
  return 0;
}

static DWORD WINAPI consumer(LPVOID arg) {
  (void)arg;
  for (int i = 0; i < ITEMS; i++) {
    q_lock();
    while (queued == 0) q_sleep(not_empty);
    queued--;
    consumed_n++;
    WakeConditionVariable(not_full);
    q_unlock();
  }
  return 0;
}

static void producer_consumer(CONDITION_VARIABLE *a, CONDITION_VARIABLE *b, SRWLOCK *srw, CRITICAL_SECTION *cs,
                              const char *what) {
  HANDLE h[4];
  not_empty = a;
  not_full = b;
  srw_lock = srw;
  queue_cs = cs;
  queued = produced = consumed_n = 0;
  InitializeConditionVariable(a);
  InitializeConditionVariable(b);
  if (cs) InitializeCriticalSection(cs); else InitializeSRWLock(srw);
  h[0] = start(producer, NULL);
  h[1] = start(producer, NULL);
  h[2] = start(consumer, NULL);
  h[3] = start(consumer, NULL);
  join_all(h, 4);
  printf("condition variable, %-24s produced %ld, consumed %ld, left %ld\n", what, produced, consumed_n, queued);
  if (cs) DeleteCriticalSection(cs);
}

/* a sleep that times out takes the lock again; a sleeper in shared mode is woken */
static volatile LONG flag;
static DWORD WINAPI shared_sleeper(LPVOID arg) {
  CONDITION_VARIABLE *cv = arg;
  AcquireSRWLockShared(srw_lock);
  while (!flag) SleepConditionVariableSRW(cv, srw_lock, INFINITE, CONDITION_VARIABLE_LOCKMODE_SHARED);
  ReleaseSRWLockShared(srw_lock);
  return 0;
}

static void condvar_details(CONDITION_VARIABLE *cv, SRWLOCK *srw, CRITICAL_SECTION *cs) {
  InitializeConditionVariable(cv);
  InitializeSRWLock(srw);
  srw_lock = srw;
  AcquireSRWLockExclusive(srw);
  SetLastError(0xdeadbeef);
  BOOL r = SleepConditionVariableSRW(cv, srw, 20, 0);
  DWORD e = GetLastError();
  BOOLEAN again = TryAcquireSRWLockExclusive(srw);
  ReleaseSRWLockExclusive(srw);
  printf("SleepConditionVariableSRW timeout: %d, error %lu, lock held after: %d\n", r, e, !again);

  InitializeCriticalSection(cs);
  EnterCriticalSection(cs);
  SetLastError(0xdeadbeef);
  r = SleepConditionVariableCS(cv, cs, 20);
  e = GetLastError();
  printf("SleepConditionVariableCS timeout: %d, error %lu\n", r, e);
  LeaveCriticalSection(cs);
  DeleteCriticalSection(cs);

  HANDLE h[2];
  flag = 0;
  h[0] = start(shared_sleeper, cv);
  h[1] = start(shared_sleeper, cv);
  Sleep(50);
  AcquireSRWLockExclusive(srw);
  flag = 1;
  WakeAllConditionVariable(cv);
  ReleaseSRWLockExclusive(srw);
  join_all(h, 2);
  printf("WakeAllConditionVariable woke both shared sleepers\n");
}

/* ---- critical sections: counting, recursion, TryEnter from another thread ---- */
static CRITICAL_SECTION *count_cs;
static volatile LONG cs_count;

static DWORD WINAPI cs_counter(LPVOID arg) {
  (void)arg;
  for (int i = 0; i < ROUNDS; i++) {
    EnterCriticalSection(count_cs);
    EnterCriticalSection(count_cs); /* recursive */
    LONG v = cs_count;
    if (i % 64 == 0) Sleep(0);
    cs_count = v + 1;
    LeaveCriticalSection(count_cs);
    LeaveCriticalSection(count_cs);
  }
  return 0;
}

static DWORD WINAPI try_enter(LPVOID arg) {
  BOOL ok = TryEnterCriticalSection(arg);
  if (ok) LeaveCriticalSection(arg);
  return ok;
}

static void critical_section(CRITICAL_SECTION *cs, DWORD spin, const char *where) {
  HANDLE h[THREADS];
  count_cs = cs;
  cs_count = 0;
  InitializeCriticalSectionAndSpinCount(cs, spin);
  for (int i = 0; i < THREADS; i++) h[i] = start(cs_counter, NULL);
  join_all(h, THREADS);
  EnterCriticalSection(cs);
  DWORD busy, free_;
  HANDLE t = start(try_enter, cs);
  WaitForSingleObject(t, INFINITE);
  GetExitCodeThread(t, &busy);
  CloseHandle(t);
  BOOL mine = TryEnterCriticalSection(cs);
  if (mine) LeaveCriticalSection(cs);
  LeaveCriticalSection(cs);
  t = start(try_enter, cs);
  WaitForSingleObject(t, INFINITE);
  GetExitCodeThread(t, &free_);
  CloseHandle(t);
  printf("critical section %-10s spin %4lu: %ld; TryEnter while owned: other %lu, owner %d; after Leave: other %lu\n",
         where, spin, cs_count, busy, mine, free_);
  DeleteCriticalSection(cs);
}

/* ---- one-time initialization ---- */
static volatile LONG init_calls;
static BOOL CALLBACK init_fn(PINIT_ONCE once, PVOID param, PVOID *context) {
  (void)once;
  InterlockedIncrement(&init_calls);
  Sleep(20); /* the others arrive meanwhile and wait */
  *context = param;
  return TRUE;
}

static INIT_ONCE *race_once;
static void *race_ctx[THREADS];
static DWORD WINAPI once_racer(LPVOID arg) {
  int id = (int)(INT_PTR)arg;
  void *ctx = NULL;
  if (!InitOnceExecuteOnce(race_once, init_fn, (PVOID)(ULONG_PTR)0x5ace1230, &ctx)) ctx = NULL;
  race_ctx[id] = ctx;
  return 0;
}

static volatile LONG async_wins;
static void *async_ctx[THREADS];
static DWORD WINAPI async_racer(LPVOID arg) {
  int id = (int)(INT_PTR)arg;
  BOOL pending = FALSE;
  void *ctx = NULL;
  if (!InitOnceBeginInitialize(race_once, INIT_ONCE_ASYNC, &pending, &ctx)) return 1;
  if (pending) {
    if (InitOnceComplete(race_once, INIT_ONCE_ASYNC, (void *)(ULONG_PTR)(0xa5a50000u + 4 * (id + 1))))
      InterlockedIncrement(&async_wins);
    else if (GetLastError() != ERROR_GEN_FAILURE) return 2;
    pending = TRUE;
    if (!InitOnceBeginInitialize(race_once, INIT_ONCE_CHECK_ONLY, &pending, &ctx) || pending) return 3;
  }
  async_ctx[id] = ctx;
  return 0;
}

static void init_once(INIT_ONCE *once, const char *where) {
  HANDLE h[THREADS];
  race_once = once;
  init_calls = 0;
  InitOnceInitialize(once);
  for (int i = 0; i < THREADS; i++) h[i] = start(once_racer, (void *)(INT_PTR)i);
  join_all(h, THREADS);
  int same = 1;
  for (int i = 0; i < THREADS; i++) same &= race_ctx[i] == (void *)(ULONG_PTR)0x5ace1230;
  printf("InitOnceExecuteOnce %-8s calls %ld, every thread got context 0x5ace1230: %s\n", where, init_calls,
         same ? "yes" : "no");

  /* the synchronous pair by hand: begin, complete, check */
  BOOL pending = 0;
  void *ctx = NULL;
  InitOnceInitialize(once);
  BOOL b = InitOnceBeginInitialize(once, 0, &pending, &ctx);
  BOOL c = InitOnceComplete(once, 0, (void *)(ULONG_PTR)0xfedc0004u);
  BOOL k = InitOnceBeginInitialize(once, INIT_ONCE_CHECK_ONLY, &pending, &ctx);
  printf("  begin %d, complete %d, check %d: pending %d, context %#lx\n", b, c, k, pending,
         (unsigned long)(ULONG_PTR)ctx);

  /* asynchronous: every thread may initialize, the first to complete wins */
  InitOnceInitialize(once);
  async_wins = 0;
  DWORD codes = 0;
  for (int i = 0; i < THREADS; i++) h[i] = start(async_racer, (void *)(INT_PTR)i);
  WaitForMultipleObjects(THREADS, h, TRUE, INFINITE);
  for (int i = 0; i < THREADS; i++) { DWORD code; GetExitCodeThread(h[i], &code); codes |= code; CloseHandle(h[i]); }
  same = 1;
  for (int i = 1; i < THREADS; i++) same &= async_ctx[i] == async_ctx[0];
  ULONG_PTR w = (ULONG_PTR)async_ctx[0];
  printf("  async: %ld winner, errors %lu, all see the winner's context: %s (0xa5a5000x: %s)\n", async_wins, codes,
         same ? "yes" : "no", (w & 0xffff0000u) == 0xa5a50000u && (w & 0xffff) >= 4 && (w & 0xffff) <= 16 ? "yes" : "no");
}

/* ---- WaitOnAddress on 1-, 2-, 4- and 8-byte values at odd addresses ---- */
static volatile unsigned char *wait_at;
static SIZE_T wait_size;
static ULONGLONG wait_seen;
static unsigned char wait_undesired[8]; /* the value before the change, as the waker saw it */

static ULONGLONG read_value(volatile unsigned char *p, SIZE_T size) {
  ULONGLONG v = 0;
  for (SIZE_T i = 0; i < size; i++) v |= (ULONGLONG)p[i] << (8 * i);
  return v;
}
static void write_value(volatile unsigned char *p, SIZE_T size, ULONGLONG v) {
  for (SIZE_T i = 0; i < size; i++) p[i] = (unsigned char)(v >> (8 * i));
}

static DWORD WINAPI address_waiter(LPVOID arg) {
  (void)arg;
  while (read_value(wait_at, wait_size) == read_value(wait_undesired, wait_size))
    WaitOnAddress(wait_at, wait_undesired, wait_size, INFINITE);
  wait_seen = read_value(wait_at, wait_size);
  return 0;
}

static void wait_on_address(unsigned char *p, SIZE_T size) {
  static const ULONGLONG start_value = 0x8877665544332211ull, new_value = 0x0123456789abcdefull;
  ULONGLONG mask = size == 8 ? ~0ull : (1ull << (8 * size)) - 1;
  wait_at = p;
  wait_size = size;
  write_value(p, size, start_value);
  unsigned char cmp[8];
  memcpy(cmp, p, size);
  memcpy(wait_undesired, p, size);
  SetLastError(0xdeadbeef);
  BOOL t0 = WaitOnAddress(p, cmp, size, 0);
  DWORD e0 = GetLastError();
  BOOL t10 = WaitOnAddress(p, cmp, size, 10);
  DWORD e10 = GetLastError();
  cmp[size - 1] ^= 1;
  BOOL differ = WaitOnAddress(p, cmp, size, INFINITE);
  HANDLE t = start(address_waiter, NULL);
  Sleep(30); /* usually asleep by now; if not, it sees the new value at once */
  write_value(p, size, new_value);
  WakeByAddressSingle(p);
  WaitForSingleObject(t, INFINITE);
  CloseHandle(t);
  printf("WaitOnAddress %lu bytes at +%u: timeout 0 -> %d (%lu), 10 ms -> %d (%lu), differing -> %d, woken with %08lx%08lx\n",
         (unsigned long)size, (unsigned)((ULONG_PTR)p & 7), t0, e0, t10, e10, differ, (unsigned long)(wait_seen >> 32),
         (unsigned long)wait_seen);
  if (wait_seen != (new_value & mask)) printf("  wrong value\n");
}

/* ---- the bytes around the locks ---- */
static void fill_guards(unsigned char *p, SIZE_T size, SIZE_T object) {
  memset(p - 1, 0xa5, 1);
  memset(p + object, 0x5a, size - object);
}
static int guards_intact(unsigned char *p, SIZE_T size, SIZE_T object) {
  if (p[-1] != 0xa5) return 0;
  for (SIZE_T i = object; i < size; i++) if (p[i] != 0x5a) return 0;
  return 1;
}

int main(void) {
  char where[16];
  PACKED *pk = &packed;
  memset(pk, 0x5a, sizeof *pk);

  srw_exclusive(MEMBER(SRWLOCK, pk, PACKED, srw), "packed");
  for (unsigned off = 0; off < 8; off++) {
    unsigned char *p = area.bytes + 64 + off;
    fill_guards(p, 16, sizeof(SRWLOCK));
    snprintf(where, sizeof where, "at +%u", off);
    srw_exclusive((SRWLOCK *)p, where);
    srw_shared((SRWLOCK *)p, where);
    if (!guards_intact(p, 16, sizeof(SRWLOCK))) printf("  bytes around the lock changed\n");
  }

  producer_consumer(MEMBER(CONDITION_VARIABLE, pk, PACKED, cv), MEMBER(CONDITION_VARIABLE, pk, PACKED, cv2),
                    MEMBER(SRWLOCK, pk, PACKED, srw), NULL, "packed, SRW:");
  producer_consumer(MEMBER(CONDITION_VARIABLE, pk, PACKED, cv), MEMBER(CONDITION_VARIABLE, pk, PACKED, cv2),
                    NULL, MEMBER(CRITICAL_SECTION, pk, PACKED, cs), "packed, critical section:");
  for (unsigned off = 1; off < 8; off += 2) {
    unsigned char *base = area.bytes + 128 + off;
    char what[40];
    snprintf(what, sizeof what, "at +%u, SRW:", off);
    producer_consumer((CONDITION_VARIABLE *)base, (CONDITION_VARIABLE *)(base + 9), (SRWLOCK *)(base + 18), NULL, what);
  }
  condvar_details(MEMBER(CONDITION_VARIABLE, pk, PACKED, cv), MEMBER(SRWLOCK, pk, PACKED, srw),
                  MEMBER(CRITICAL_SECTION, pk, PACKED, cs));

  critical_section(MEMBER(CRITICAL_SECTION, pk, PACKED, cs), 0, "packed");
  for (unsigned off = 1; off < 4; off++) {
    unsigned char *p = area.bytes + 192 + off;
    fill_guards(p, 64, sizeof(CRITICAL_SECTION));
    snprintf(where, sizeof where, "at +%u", off);
    critical_section((CRITICAL_SECTION *)p, off == 2 ? 4000 : 0, where);
    if (!guards_intact(p, 64, sizeof(CRITICAL_SECTION))) printf("  bytes around the section changed\n");
  }

  init_once(MEMBER(INIT_ONCE, pk, PACKED, once), "packed");
  for (unsigned off = 1; off < 8; off += 2) {
    unsigned char *p = area.bytes + 288 + off;
    fill_guards(p, 16, sizeof(INIT_ONCE));
    snprintf(where, sizeof where, "at +%u", off);
    init_once((INIT_ONCE *)p, where);
    if (!guards_intact(p, 16, sizeof(INIT_ONCE))) printf("  bytes around the INIT_ONCE changed\n");
  }

  static const SIZE_T sizes[] = { 1, 2, 4, 8 };
  for (int i = 0; i < 4; i++)
    for (unsigned off = 1; off < 8; off += 2) {
      unsigned char *p = area.bytes + 320 + off;
      fill_guards(p, 16, sizes[i]);
      wait_on_address(p, sizes[i]);
      if (!guards_intact(p, 16, sizes[i])) printf("  bytes around the value changed\n");
    }

  int intact = pk->tag == 0x5a && pk->gap1 == 0x5a && pk->gap2[0] == 0x5a && pk->gap2[1] == 0x5a &&
               pk->gap3 == 0x5a && pk->gap4 == 0x5a && pk->tail == 0x5a;
  printf("packed struct's other members intact: %s\n", intact ? "yes" : "no");
  return 0;
}
