/*
 * Timer queues (abi/crt/threadpool.ts): CreateTimerQueue, CreateTimerQueueTimer, ChangeTimerQueueTimer,
 * DeleteTimerQueueTimer, DeleteTimerQueueEx, DeleteTimerQueue. A queue is a list of thread-pool timer
 * objects (tptimer.c) calling a WAITORTIMERCALLBACK on the default pool; the handles are pointers that
 * are looked up in the live queues (and a timer in its queue) before use, so a stale or bad handle gets
 * an error, never a fault. NULL is the default queue, which cannot be deleted.
 */
#include "tpinternal.h"

struct tp_timer_queue {
  tp_list entry;  /* on `queues` */
  tp_list timers; /* tp_object.queue_timers */
};

static struct tp_timer_queue default_queue = { { &default_queue.entry, &default_queue.entry },
                                               { &default_queue.timers, &default_queue.timers } };
static tp_list queues = { &queues, &queues };

/* Under the lock: the queue a handle names (NULL: the default one), NULL when it is not one. */
static struct tp_timer_queue *find_queue(HANDLE h) {
  if (!h) return &default_queue;
  for (tp_list *e = queues.next; e != &queues; e = e->next)
    if ((HANDLE)TP_CONTAINER(e, struct tp_timer_queue, entry) == h) return TP_CONTAINER(e, struct tp_timer_queue, entry);
  return NULL;
}

static tp_object *find_timer(struct tp_timer_queue *q, HANDLE t) {
  for (tp_list *e = q->timers.next; e != &q->timers; e = e->next)
    if ((HANDLE)TP_CONTAINER(e, tp_object, queue_timers) == t) return TP_CONTAINER(e, tp_object, queue_timers);
  return NULL;
}

HANDLE WINAPI CreateTimerQueue(VOID) {
  struct tp_timer_queue *q = malloc(sizeof *q);
  if (!q) {
    SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return NULL;
  }
  tp_list_init(&q->timers);
  tp_acquire();
  tp_list_add_tail(&queues, &q->entry);
  tp_release();
  return q;
}

BOOL WINAPI CreateTimerQueueTimer(PHANDLE phNewTimer, HANDLE TimerQueue, WAITORTIMERCALLBACK Callback, PVOID Parameter,
                                  DWORD DueTime, DWORD Period, ULONG Flags) {
  if (!phNewTimer || !Callback) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
  }
  TP_CALLBACK_ENVIRON env;
  TpInitializeCallbackEnviron(&env);
  if (Flags & WT_EXECUTELONGFUNCTION) env.u.s.LongFunction = 1;
  tp_object *o = tp_new(TP_CB_WAITORTIMER, (void *)Callback, Parameter, &env);
  if (!o) return FALSE;
  o->disarm = tp_timer_disarm;
  o->in_timer_thread = (Flags & WT_EXECUTEINTIMERTHREAD) != 0;
  tp_acquire();
  struct tp_timer_queue *q = find_queue(TimerQueue);
  if (!q) {
    o->closed = TRUE;
    tp_maybe_free(o);
    tp_release();
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
  }
  o->queue = q;
  tp_list_add_tail(&q->timers, &o->queue_timers);
  tp_timer_arm(o, tp_now() + (LONGLONG)DueTime * 10000, Flags & WT_EXECUTEONLYONCE ? 0 : Period);
  *phNewTimer = o;
  tp_release();
  return TRUE;
}

/* Takes the pool lock and finds Timer in TimerQueue; NULL (lock released, last error set) when either is unknown. */
static tp_object *lock_timer(HANDLE TimerQueue, HANDLE Timer) {
  tp_acquire();
  struct tp_timer_queue *q = find_queue(TimerQueue);
  tp_object *o = q && Timer ? find_timer(q, Timer) : NULL;
  if (!o) {
    tp_release();
    SetLastError(q ? ERROR_INVALID_PARAMETER : ERROR_INVALID_HANDLE);
  }
  return o;
}

BOOL WINAPI ChangeTimerQueueTimer(HANDLE TimerQueue, HANDLE Timer, ULONG DueTime, ULONG Period) {
  tp_object *o = lock_timer(TimerQueue, Timer);
  if (!o) return FALSE;
  /* A one-shot timer that has expired stays expired (Wine's sync.c test_timer_queue records this for Windows). */
  if (!o->expired) tp_timer_arm(o, tp_now() + (LONGLONG)DueTime * 10000, Period);
  tp_release();
  return TRUE;
}

BOOL WINAPI DeleteTimerQueueTimer(HANDLE TimerQueue, HANDLE Timer, HANDLE CompletionEvent) {
  tp_object *o = lock_timer(TimerQueue, Timer);
  if (!o) return FALSE;
  tp_list_remove(&o->queue_timers);
  BOOL ok = tp_delete_with_event(&o, 1, CompletionEvent);
  tp_release();
  return ok;
}

BOOL WINAPI DeleteTimerQueueEx(HANDLE TimerQueue, HANDLE CompletionEvent) {
  tp_acquire();
  struct tp_timer_queue *q = TimerQueue ? find_queue(TimerQueue) : NULL;
  if (!q) {
    tp_release();
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
  }
  tp_list_remove(&q->entry);
  int n = 0;
  for (tp_list *e = q->timers.next; e != &q->timers; e = e->next) n++;
  tp_object *one, **objs = n > 1 ? malloc(n * sizeof *objs) : &one;
  if (!objs) objs = &one, n = 0; /* no memory: the timers stay (unreachable) */
  for (int i = 0; i < n; i++) {
    objs[i] = TP_CONTAINER(q->timers.next, tp_object, queue_timers);
    tp_list_remove(&objs[i]->queue_timers);
  }
  BOOL ok = tp_delete_with_event(objs, n, CompletionEvent);
  tp_release();
  if (objs != &one) free(objs);
  free(q);
  return ok;
}

BOOL WINAPI DeleteTimerQueue(HANDLE TimerQueue) {
  return DeleteTimerQueueEx(TimerQueue, NULL);
}
