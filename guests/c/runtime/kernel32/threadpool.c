/*
 * The Windows thread pool in user mode (abi/crt/threadpool.ts), as ntdll's Tp* functions are: pools and
 * their worker threads, the queue, callback instances, work objects, simple callbacks, QueueUserWorkItem
 * and cleanup groups. Timers, waits, I/O, timer queues and registered waits are in tptimer.c, tpwait.c,
 * tpio.c, timerqueue.c and registerwait.c; the shared structures in tpinternal.h.
 *
 * A pool's workers start on demand: when more callbacks are queued than idle workers can take, and no
 * worker is starting already, one more starts (each new worker checks again, so a burst grows the pool one
 * thread at a time). An idle worker spins (TP_WORKER_SPIN loads, ~150 us) before it sleeps on the pool's
 * condition variable, and ends after TP_IDLE_MS idle unless the pool is at its minimum. A waiter in
 * WaitFor*Callbacks spins too (TP_SPIN, ~30 us): a submit, its callback and the wait then make no kernel
 * call when both threads have a CPU; a wake through the kernel costs tens of microseconds.
 */
#include "tpinternal.h"

SRWLOCK tp_lock = SRWLOCK_INIT;
static CONDITION_VARIABLE tp_done_cv = CONDITION_VARIABLE_INIT;
static LONG tp_done_sleepers;
static struct _TP_POOL *tp_default;

#define TP_IDLE_MS 5000
#define TP_WORKER_SPIN 100000
#define TP_SPIN 20000
#define TP_DEFAULT_MAX 500

LONGLONG tp_now(void) {
  LARGE_INTEGER c, f;
  QueryPerformanceCounter(&c);
  QueryPerformanceFrequency(&f);
  if (f.QuadPart == 10000000) return c.QuadPart;
  return c.QuadPart / f.QuadPart * 10000000 + c.QuadPart % f.QuadPart * 10000000 / f.QuadPart;
}

LONGLONG tp_due_from_filetime(const FILETIME *ft) {
  LONGLONG v = (LONGLONG)((ULONGLONG)ft->dwHighDateTime << 32 | ft->dwLowDateTime), now = tp_now();
  if (v < 0) return now - v;
  if (v == 0) return now;
  FILETIME st;
  GetSystemTimeAsFileTime(&st);
  LONGLONG sys = (LONGLONG)((ULONGLONG)st.dwHighDateTime << 32 | st.dwLowDateTime);
  return v > sys ? now + (v - sys) : now;
}

/* ---------------------------------------------------------------- pools and workers */

static struct _TP_POOL *pool_new(void) {
  struct _TP_POOL *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  p->refs = 1;
  p->max = TP_DEFAULT_MAX;
  for (int i = 0; i < 3; i++) tp_list_init(&p->queues[i]);
  InitializeConditionVariable(&p->cv);
  return p;
}

static void pool_release(struct _TP_POOL *p) {
  if (--p->refs) return;
  p->dead = TRUE;
  WakeAllConditionVariable(&p->cv);
  if (!p->threads) free(p);
}

static DWORD WINAPI tp_worker(LPVOID param);

/* Under the lock: starts one worker. */
static BOOL pool_spawn(struct _TP_POOL *p) {
  p->threads++;
  p->starting++;
  HANDLE h = CreateThread(NULL, 0, tp_worker, p, 0, NULL);
  if (!h) {
    p->threads--;
    p->starting--;
    return FALSE;
  }
  CloseHandle(h);
  return TRUE;
}

/* Under the lock: one more worker when queued callbacks outnumber the idle workers. */
static void pool_grow(struct _TP_POOL *p) {
  if (p->queued > p->idle && !p->starting && (DWORD)p->threads < p->max) pool_spawn(p);
}

struct tp_job {
  tp_object *obj;
  DWORD result;
  struct tp_io_packet *packet;
};

/* Under the lock: takes the next queued callback of the pool, highest priority first. */
static int pool_take(struct _TP_POOL *p, struct tp_job *job) {
  for (int i = 0; i < 3; i++) {
    if (tp_list_empty(&p->queues[i])) continue;
    tp_object *o = TP_CONTAINER(p->queues[i].next, tp_object, queue_entry);
    tp_list_remove(&o->queue_entry);
    __atomic_store_n(&p->queued, p->queued - 1, __ATOMIC_RELEASE);
    if (--o->pending) tp_list_add_tail(&p->queues[i], &o->queue_entry);
    else o->queued = FALSE;
    o->running++;
    o->associated++;
    job->obj = o;
    job->result = WAIT_OBJECT_0;
    job->packet = NULL;
    if (o->is_wait) {
      if (o->signaled > 0) o->signaled--;
      else job->result = WAIT_TIMEOUT;
    } else if (o->kind == TP_CB_TIMER || o->kind == TP_CB_WAITORTIMER) job->result = WAIT_TIMEOUT;
    if (o->kind == TP_CB_IO && o->io_head) {
      job->packet = o->io_head;
      o->io_head = job->packet->next;
      if (!o->io_head) o->io_tail = NULL;
    }
    return 1;
  }
  return 0;
}

/* Runs one callback and its ...WhenCallbackReturns actions, the lock not held. */
static void tp_execute(struct tp_job *job, struct _TP_CALLBACK_INSTANCE *inst) {
  tp_object *o = job->obj;
  memset(inst, 0, sizeof *inst);
  inst->obj = o;
  inst->associated = TRUE;
  inst->may_run_long = o->long_function;
  switch (o->kind) {
    case TP_CB_SIMPLE: ((PTP_SIMPLE_CALLBACK)o->callback)(inst, o->context); break;
    case TP_CB_WORK: ((PTP_WORK_CALLBACK)o->callback)(inst, o->context, (PTP_WORK)o); break;
    case TP_CB_TIMER: ((PTP_TIMER_CALLBACK)o->callback)(inst, o->context, (PTP_TIMER)o); break;
    case TP_CB_WAIT: ((PTP_WAIT_CALLBACK)o->callback)(inst, o->context, (PTP_WAIT)o, job->result); break;
    case TP_CB_IO: {
      struct tp_io_packet *pk = job->packet;
      ((PTP_WIN32_IO_CALLBACK)o->callback)(inst, o->context, pk ? pk->overlapped : NULL, pk ? pk->result : 0,
                                           pk ? pk->bytes : 0, (PTP_IO)o);
      free(pk);
      break;
    }
    case TP_CB_THREAD: ((LPTHREAD_START_ROUTINE)o->callback)(o->context); break;
    case TP_CB_WAITORTIMER: ((WAITORTIMERCALLBACK)o->callback)(o->context, job->result == WAIT_TIMEOUT); break;
  }
  if (inst->cs) LeaveCriticalSection(inst->cs);
  if (inst->mutex) ReleaseMutex(inst->mutex);
  if (inst->semaphore) ReleaseSemaphore(inst->semaphore, (LONG)inst->semaphore_count, NULL);
  if (inst->event) SetEvent(inst->event);
  if (inst->library) FreeLibrary(inst->library);
}

/* Under the lock: the callback has returned. */
static void tp_finish(struct _TP_CALLBACK_INSTANCE *inst) {
  tp_object *o = inst->obj;
  o->running--;
  if (inst->associated) {
    inst->associated = FALSE;
    o->associated--;
    tp_check_done(o);
  }
  tp_maybe_free(o);
}

void tp_run_inline(tp_object *o, DWORD result) {
  struct tp_job job = { o, result, NULL };
  struct _TP_CALLBACK_INSTANCE inst;
  o->running++;
  o->associated++;
  tp_release();
  tp_execute(&job, &inst);
  tp_acquire();
  tp_finish(&inst);
}

static DWORD WINAPI tp_worker(LPVOID param) {
  struct _TP_POOL *p = param;
  tp_acquire();
  p->starting--;
  p->idle++;
  for (;;) {
    struct tp_job job;
    if (pool_take(p, &job)) {
      p->idle--;
      pool_grow(p);
      struct _TP_CALLBACK_INSTANCE inst;
      tp_release();
      tp_execute(&job, &inst);
      tp_acquire();
      tp_finish(&inst);
      p->idle++;
      continue;
    }
    if (p->dead) break;
    tp_release();
    for (int i = 0; i < TP_WORKER_SPIN && !__atomic_load_n(&p->queued, __ATOMIC_ACQUIRE); i++) {}
    tp_acquire();
    if (p->queued) continue;
    if (p->dead) break;
    p->sleeping++;
    BOOL woke = SleepConditionVariableSRW(&p->cv, &tp_lock, TP_IDLE_MS, 0);
    p->sleeping--;
    if (!woke && !p->queued && (DWORD)p->threads > p->min && !p->dead) break;
  }
  p->idle--;
  p->threads--;
  BOOL last = p->dead && !p->threads;
  tp_release();
  if (last) free(p);
  return 0;
}

/* ---------------------------------------------------------------- objects */

tp_object *tp_new(int kind, void *callback, PVOID context, PTP_CALLBACK_ENVIRON env) {
  if (!callback || (env && env->Version != 1 && env->Version != 3)) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return NULL;
  }
  int priority = TP_CALLBACK_PRIORITY_NORMAL;
  if (env && env->Version == 3) {
    if ((unsigned)env->CallbackPriority >= TP_CALLBACK_PRIORITY_COUNT) {
      SetLastError(ERROR_INVALID_PARAMETER);
      return NULL;
    }
    priority = env->CallbackPriority;
  }
  tp_object *o = calloc(1, sizeof *o);
  if (!o) {
    SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return NULL;
  }
  o->kind = kind;
  o->callback = callback;
  o->context = context;
  o->priority = priority;
  o->long_function = env && env->u.s.LongFunction;
  o->wait_due = -1;
  tp_list_init(&o->queue_entry);
  tp_list_init(&o->group_entry);
  tp_list_init(&o->timer_entry);
  tp_list_init(&o->queue_timers);
  tp_list_init(&o->io_entry);
  tp_list_init(&o->registered);
  tp_acquire();
  if (env && env->Pool) o->pool = env->Pool;
  else {
    if (!tp_default) tp_default = pool_new();
    o->pool = tp_default;
  }
  if (!o->pool) {
    tp_release();
    free(o);
    SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return NULL;
  }
  o->pool->refs++;
  if (env && env->CleanupGroup) {
    o->group = env->CleanupGroup;
    o->group_cancel = env->CleanupGroupCancelCallback;
    tp_list_add_tail((tp_list *)env->CleanupGroup, &o->group_entry);
  }
  tp_release();
  return o;
}

void tp_queue(tp_object *o) {
  struct _TP_POOL *p = o->pool;
  o->pending++;
  __atomic_store_n(&p->queued, p->queued + 1, __ATOMIC_RELEASE);
  if (!o->queued) {
    o->queued = TRUE;
    tp_list_add_tail(&p->queues[o->priority], &o->queue_entry);
  }
  if (p->sleeping && p->queued > p->idle - p->sleeping) WakeConditionVariable(&p->cv);
  pool_grow(p);
}

void tp_cancel(tp_object *o) {
  if (o->queued) {
    tp_list_remove(&o->queue_entry);
    o->queued = FALSE;
    __atomic_store_n(&o->pool->queued, o->pool->queued - o->pending, __ATOMIC_RELEASE);
  }
  o->pending = 0;
  o->signaled = 0;
  while (o->io_head) {
    struct tp_io_packet *pk = o->io_head;
    o->io_head = pk->next;
    free(pk);
  }
  o->io_tail = NULL;
  tp_check_done(o);
}

void tp_check_done(tp_object *o) {
  if (tp_outstanding(o)) return;
  if (tp_done_sleepers) WakeAllConditionVariable(&tp_done_cv);
  struct tp_done *d = o->done;
  if (d) {
    o->done = NULL;
    if (!--d->count) {
      if (d->event) SetEvent(d->event);
      free(d);
    }
  }
}

void tp_wait_idle(tp_object *o) {
  if (!tp_outstanding(o)) return;
  o->holds++;
  tp_release();
  for (int i = 0; i < TP_SPIN && (__atomic_load_n(&o->pending, __ATOMIC_ACQUIRE) || __atomic_load_n(&o->associated, __ATOMIC_ACQUIRE)); i++) {}
  tp_acquire();
  while (tp_outstanding(o)) {
    tp_done_sleepers++;
    SleepConditionVariableSRW(&tp_done_cv, &tp_lock, INFINITE, 0);
    tp_done_sleepers--;
  }
  o->holds--;
}

void tp_close(tp_object *o) {
  if (o->disarm) o->disarm(o);
  o->closed = TRUE;
  tp_maybe_free(o);
}

void tp_maybe_free(tp_object *o) {
  if (!o->closed || o->pending || o->running || o->holds || !tp_list_empty(&o->timer_entry) || o->wait_thread || o->io_expected) return;
  if (o->group) tp_list_remove(&o->group_entry);
  tp_list_remove(&o->io_entry);
  tp_list_remove(&o->queue_timers);
  tp_list_remove(&o->registered);
  pool_release(o->pool);
  free(o);
}

BOOL tp_delete_with_event(tp_object **objs, int count, HANDLE event) {
  int outstanding = 0;
  for (int i = 0; i < count; i++) {
    tp_object *o = objs[i];
    if (o->disarm) o->disarm(o);
    o->closed = TRUE;
    if (tp_outstanding(o)) outstanding++;
  }
  if (event == INVALID_HANDLE_VALUE) {
    for (int i = 0; i < count; i++) {
      tp_wait_idle(objs[i]);
      tp_maybe_free(objs[i]);
    }
    return TRUE;
  }
  struct tp_done *d = NULL;
  if (outstanding && event) {
    d = malloc(sizeof *d);
    if (d) {
      d->count = outstanding;
      d->event = event;
    }
  }
  for (int i = 0; i < count; i++) {
    tp_object *o = objs[i];
    if (d && tp_outstanding(o)) o->done = d;
    tp_maybe_free(o);
  }
  if (outstanding) {
    SetLastError(ERROR_IO_PENDING);
    return FALSE;
  }
  if (event) SetEvent(event);
  return TRUE;
}

/* ---------------------------------------------------------------- pools: the API */

PTP_POOL WINAPI CreateThreadpool(PVOID reserved) {
  (void)reserved;
  tp_acquire();
  struct _TP_POOL *p = pool_new();
  tp_release();
  if (!p) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
  return p;
}

VOID WINAPI CloseThreadpool(PTP_POOL ptpp) {
  if (!ptpp || ptpp == tp_default) return;
  tp_acquire();
  ptpp->min = 0;
  pool_release(ptpp);
  tp_release();
}

VOID WINAPI SetThreadpoolThreadMaximum(PTP_POOL ptpp, DWORD cthrdMost) {
  if (!ptpp) return;
  tp_acquire();
  ptpp->max = cthrdMost ? cthrdMost : 1;
  if (ptpp->min > ptpp->max) ptpp->min = ptpp->max;
  tp_release();
}

BOOL WINAPI SetThreadpoolThreadMinimum(PTP_POOL ptpp, DWORD cthrdMic) {
  if (!ptpp) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
  }
  BOOL ok = TRUE;
  tp_acquire();
  while ((DWORD)ptpp->threads < cthrdMic) {
    if (!pool_spawn(ptpp)) {
      ok = FALSE;
      break;
    }
  }
  if (ok) {
    ptpp->min = cthrdMic;
    if (ptpp->max < cthrdMic) ptpp->max = cthrdMic;
  }
  tp_release();
  return ok;
}

/* ---------------------------------------------------------------- work and simple callbacks */

BOOL WINAPI TrySubmitThreadpoolCallback(PTP_SIMPLE_CALLBACK pfns, PVOID pv, PTP_CALLBACK_ENVIRON pcbe) {
  tp_object *o = tp_new(TP_CB_SIMPLE, (void *)pfns, pv, pcbe);
  if (!o) return FALSE;
  tp_acquire();
  o->closed = TRUE; /* freed once it has run */
  tp_queue(o);
  tp_release();
  return TRUE;
}

BOOL WINAPI QueueUserWorkItem(LPTHREAD_START_ROUTINE Function, PVOID Context, ULONG Flags) {
  TP_CALLBACK_ENVIRON env;
  TpInitializeCallbackEnviron(&env);
  if (Flags & WT_EXECUTELONGFUNCTION) env.u.s.LongFunction = 1;
  tp_object *o = tp_new(TP_CB_THREAD, (void *)Function, Context, &env);
  if (!o) return FALSE;
  tp_acquire();
  o->closed = TRUE;
  tp_queue(o);
  tp_release();
  return TRUE;
}

PTP_WORK WINAPI CreateThreadpoolWork(PTP_WORK_CALLBACK pfnwk, PVOID pv, PTP_CALLBACK_ENVIRON pcbe) {
  return (PTP_WORK)tp_new(TP_CB_WORK, (void *)pfnwk, pv, pcbe);
}

VOID WINAPI SubmitThreadpoolWork(PTP_WORK pwk) {
  if (!pwk) return;
  tp_acquire();
  tp_queue((tp_object *)pwk);
  tp_release();
}

VOID WINAPI WaitForThreadpoolWorkCallbacks(PTP_WORK pwk, BOOL fCancelPendingCallbacks) {
  tp_object *o = (tp_object *)pwk;
  if (!o) return;
  /* The common case (nothing queued or running) takes no lock. */
  if (!__atomic_load_n(&o->pending, __ATOMIC_ACQUIRE) && !__atomic_load_n(&o->associated, __ATOMIC_ACQUIRE)) {
    tp_acquire(); /* orders this thread after the callback's finish */
    tp_release();
    return;
  }
  tp_acquire();
  if (fCancelPendingCallbacks) tp_cancel(o);
  tp_wait_idle(o);
  tp_release();
}

VOID WINAPI CloseThreadpoolWork(PTP_WORK pwk) {
  if (!pwk) return;
  tp_acquire();
  tp_close((tp_object *)pwk);
  tp_release();
}

/* ---------------------------------------------------------------- callback instances */

VOID WINAPI SetEventWhenCallbackReturns(PTP_CALLBACK_INSTANCE pci, HANDLE evt) {
  if (pci) pci->event = evt;
}
VOID WINAPI ReleaseSemaphoreWhenCallbackReturns(PTP_CALLBACK_INSTANCE pci, HANDLE sem, DWORD crel) {
  if (!pci) return;
  pci->semaphore = sem;
  pci->semaphore_count = crel;
}
VOID WINAPI ReleaseMutexWhenCallbackReturns(PTP_CALLBACK_INSTANCE pci, HANDLE mut) {
  if (pci) pci->mutex = mut;
}
VOID WINAPI LeaveCriticalSectionWhenCallbackReturns(PTP_CALLBACK_INSTANCE pci, PCRITICAL_SECTION pcs) {
  if (pci) pci->cs = pcs;
}
VOID WINAPI FreeLibraryWhenCallbackReturns(PTP_CALLBACK_INSTANCE pci, HMODULE mod) {
  if (pci) pci->library = mod;
}

BOOL WINAPI CallbackMayRunLong(PTP_CALLBACK_INSTANCE pci) {
  if (!pci) return FALSE;
  if (pci->may_run_long) return TRUE;
  BOOL ok = TRUE;
  tp_acquire();
  struct _TP_POOL *p = pci->obj->pool;
  if (p->idle <= p->queued && !p->starting) ok = (DWORD)p->threads < p->max && pool_spawn(p);
  tp_release();
  pci->may_run_long = TRUE;
  return ok;
}

VOID WINAPI DisassociateCurrentThreadFromCallback(PTP_CALLBACK_INSTANCE pci) {
  if (!pci) return;
  tp_acquire();
  if (pci->associated) {
    pci->associated = FALSE;
    pci->obj->associated--;
    tp_check_done(pci->obj);
  }
  tp_release();
}

/* ---------------------------------------------------------------- cleanup groups */

struct _TP_CLEANUP_GROUP {
  tp_list members; /* first: TrySubmit/tp_new add to it through the cast */
};

PTP_CLEANUP_GROUP WINAPI CreateThreadpoolCleanupGroup(VOID) {
  struct _TP_CLEANUP_GROUP *g = malloc(sizeof *g);
  if (!g) {
    SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return NULL;
  }
  tp_list_init(&g->members);
  return g;
}

VOID WINAPI CloseThreadpoolCleanupGroupMembers(PTP_CLEANUP_GROUP ptpcg, BOOL fCancelPendingCallbacks, PVOID pvCleanupContext) {
  if (!ptpcg) return;
  tp_acquire();
  int n = 0;
  for (tp_list *e = ptpcg->members.next; e != &ptpcg->members; e = e->next) n++;
  tp_object **objs = n ? malloc(n * sizeof *objs) : NULL;
  if (n && !objs) {
    tp_release();
    return;
  }
  for (int i = 0; i < n; i++) {
    tp_object *o = TP_CONTAINER(ptpcg->members.next, tp_object, group_entry);
    tp_list_remove(&o->group_entry);
    o->group = NULL;
    o->holds++;
    objs[i] = o;
    if (o->disarm) o->disarm(o);
    o->closed = TRUE;
    if (fCancelPendingCallbacks) tp_cancel(o);
  }
  for (int i = 0; i < n; i++) {
    tp_object *o = objs[i];
    tp_wait_idle(o);
    if (fCancelPendingCallbacks && o->group_cancel) {
      tp_release();
      o->group_cancel(o->context, pvCleanupContext);
      tp_acquire();
    }
    o->holds--;
    tp_maybe_free(o);
  }
  tp_release();
  free(objs);
}

VOID WINAPI CloseThreadpoolCleanupGroup(PTP_CLEANUP_GROUP ptpcg) {
  if (!ptpcg) return;
  tp_acquire();
  while (!tp_list_empty(&ptpcg->members)) {
    tp_object *o = TP_CONTAINER(ptpcg->members.next, tp_object, group_entry);
    tp_list_remove(&o->group_entry);
    o->group = NULL;
  }
  tp_release();
  free(ptpcg);
}
