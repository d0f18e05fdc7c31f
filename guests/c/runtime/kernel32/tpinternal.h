/*
 * The thread pool's internals, shared by threadpool.c (pools, workers, work, callbacks, cleanup groups),
 * tptimer.c (the timer thread), tpwait.c (the wait threads), tpio.c (the I/O thread), timerqueue.c and
 * registerwait.c. Not for guests.
 *
 * Everything is guarded by one process-wide SRW lock (tp_lock); callbacks never run while it is held.
 * Every object (PTP_WORK, PTP_TIMER... and the timer-queue timers and registered waits) is a tp_object:
 * - pending: callbacks queued and not started; while > 0 the object is on its pool's queue once;
 * - associated: callbacks running that still count for WaitFor*Callbacks (Disassociate ends one early);
 * - running: callbacks running at all (the object is not freed while one runs).
 * An object is freed once it is closed and nothing refers to it any more (tp_maybe_free).
 */
#ifndef NTWASM_RUNTIME_TPINTERNAL_H
#define NTWASM_RUNTIME_TPINTERNAL_H
#include <windows.h>

typedef struct tp_list { struct tp_list *next, *prev; } tp_list;

static inline void tp_list_init(tp_list *l) { l->next = l->prev = l; }
static inline int tp_list_empty(const tp_list *l) { return l->next == l; }
static inline void tp_list_add_tail(tp_list *l, tp_list *e) {
  e->prev = l->prev;
  e->next = l;
  l->prev->next = e;
  l->prev = e;
}
static inline void tp_list_remove(tp_list *e) {
  e->prev->next = e->next;
  e->next->prev = e->prev;
  e->next = e->prev = e;
}
#define TP_CONTAINER(p, type, field) ((type *)((char *)(p) - offsetof(type, field)))

enum tp_kind { /* how the callback is called */
  TP_CB_SIMPLE,      /* PTP_SIMPLE_CALLBACK(instance, context) */
  TP_CB_WORK,        /* PTP_WORK_CALLBACK(instance, context, work) */
  TP_CB_TIMER,       /* PTP_TIMER_CALLBACK(instance, context, timer) */
  TP_CB_WAIT,        /* PTP_WAIT_CALLBACK(instance, context, wait, result) */
  TP_CB_IO,          /* PTP_WIN32_IO_CALLBACK(instance, context, overlapped, error, bytes, io) */
  TP_CB_THREAD,      /* LPTHREAD_START_ROUTINE(context): QueueUserWorkItem */
  TP_CB_WAITORTIMER, /* WAITORTIMERCALLBACK(context, result == WAIT_TIMEOUT): timer queues, registered waits */
};

struct tp_io_packet {
  struct tp_io_packet *next;
  PVOID overlapped;
  ULONG result;
  ULONG_PTR bytes;
};

/* Set once the callbacks of `count` deleted objects are done (DeleteTimerQueueTimer, UnregisterWaitEx...). */
struct tp_done {
  LONG count;
  HANDLE event;
};

struct tp_wait_thread;
struct tp_timer_queue;

typedef struct tp_object {
  int kind;
  struct _TP_POOL *pool;
  void *callback;
  PVOID context;
  int priority;
  BOOL long_function;
  /* cleanup group */
  struct _TP_CLEANUP_GROUP *group;
  PTP_CLEANUP_GROUP_CANCEL_CALLBACK group_cancel;
  tp_list group_entry;
  /* the pool's queue */
  tp_list queue_entry;
  BOOL queued;
  LONG pending, associated, running;
  LONG holds;  /* internal references (a thread waiting on it, a cleanup group closing it) */
  BOOL closed; /* the user's reference is gone */
  struct tp_done *done;
  void (*disarm)(struct tp_object *); /* stops a timer or a wait (under the lock); NULL for work */
  /* timers (tptimer.c) */
  LONGLONG due; /* tp_now() units */
  DWORD period;
  BOOL timer_set; /* IsThreadpoolTimerSet: set and not stopped (a one-shot timer stays set once expired) */
  tp_list timer_entry; /* on the timer thread's list while an expiry is to come */
  BOOL in_timer_thread; /* WT_EXECUTEINTIMERTHREAD */
  BOOL expired; /* a one-shot timer that has expired (ChangeTimerQueueTimer no longer re-arms it) */
  struct tp_timer_queue *queue;
  tp_list queue_timers; /* on its timer queue's list */
  /* waits (tpwait.c) */
  HANDLE wait_handle;
  LONGLONG wait_due; /* -1: no timeout */
  struct tp_wait_thread *wait_thread; /* non-NULL while waiting */
  BOOL is_wait; /* a TP_WAIT or a registered wait: callbacks get WAIT_OBJECT_0 or WAIT_TIMEOUT */
  LONG signaled; /* queued callbacks that saw the object signaled (the rest timed out) */
  BOOL repeat; /* RegisterWaitForSingleObject without WT_EXECUTEONLYONCE */
  BOOL in_wait_thread; /* WT_EXECUTEINWAITTHREAD */
  DWORD wait_ms; /* RegisterWaitForSingleObject's timeout, re-armed after each call */
  tp_list registered; /* on registerwait.c's list */
  /* I/O (tpio.c) */
  LONG io_expected;
  struct tp_io_packet *io_head, *io_tail;
  tp_list io_entry;
} tp_object;

struct _TP_POOL {
  LONG refs; /* the user's reference and one per object */
  BOOL dead; /* refs reached 0: the workers end */
  DWORD max, min;
  LONG threads, idle, sleeping, starting;
  LONG queued; /* callbacks queued (atomic reads by spinning workers) */
  tp_list queues[3]; /* by priority: high, normal, low */
  CONDITION_VARIABLE cv;
};

struct _TP_CALLBACK_INSTANCE {
  tp_object *obj;
  BOOL associated;
  BOOL may_run_long;
  HANDLE event, mutex, semaphore;
  DWORD semaphore_count;
  PCRITICAL_SECTION cs;
  HMODULE library;
};

extern SRWLOCK tp_lock;
/* The lock is held for a few hundred instructions at a time: spin for it before sleeping in the kernel, so a
   worker and a submitter that meet on it never pay a kernel wait and wake. */
static inline void tp_acquire(void) {
  for (int i = 0; i < 4000; i++) {
    if (TryAcquireSRWLockExclusive(&tp_lock)) return;
  }
  AcquireSRWLockExclusive(&tp_lock);
}
static inline void tp_release(void) { ReleaseSRWLockExclusive(&tp_lock); }

/* Monotonic time in 100 ns units. */
LONGLONG tp_now(void);
/* A FILETIME due time (negative relative, positive absolute UTC, 0 now) as tp_now() time. */
LONGLONG tp_due_from_filetime(const FILETIME *ft);

/* A new object on the environment's pool (NULL: the default pool), NULL with the last error set. */
tp_object *tp_new(int kind, void *callback, PVOID context, PTP_CALLBACK_ENVIRON env);
/* Under the lock: queues one callback of o. */
void tp_queue(tp_object *o);
/* Under the lock: drops o's queued callbacks. */
void tp_cancel(tp_object *o);
/* Under the lock: whether o has callbacks queued or running (associated). */
static inline int tp_outstanding(const tp_object *o) { return o->pending > 0 || o->associated > 0; }
/* Under the lock: waits (releasing it meanwhile) until o has no queued or associated callback. */
void tp_wait_idle(tp_object *o);
/* Under the lock: runs one callback of o on the calling thread (timer or wait thread), the lock released meanwhile. */
void tp_run_inline(tp_object *o, DWORD result);
/* Under the lock: the user closes o (stops it; queued callbacks still run). */
void tp_close(tp_object *o);
/* Under the lock: frees o when nothing refers to it any more. */
void tp_maybe_free(tp_object *o);
/* Under the lock: closes o for DeleteTimerQueueTimer/UnregisterWaitEx with their CompletionEvent rules:
   TRUE when done, FALSE with ERROR_IO_PENDING when callbacks are outstanding (event set once they end). */
BOOL tp_delete_with_event(tp_object **objs, int count, HANDLE event);
/* Under the lock: o's callbacks are all done: wakes the waiters, sets the done event. */
void tp_check_done(tp_object *o);

/* tptimer.c, under the lock: sets or stops a timer (due in tp_now() time). */
void tp_timer_arm(tp_object *o, LONGLONG due, DWORD period);
void tp_timer_disarm(tp_object *o);
/* tpwait.c, under the lock: starts or stops a wait (due -1: no timeout). FALSE when no wait thread could start. */
BOOL tp_wait_arm(tp_object *o, HANDLE h, LONGLONG due);
void tp_wait_disarm(tp_object *o);
#endif
