/*
 * Thread-pool timers (abi/crt/threadpool.ts): CreateThreadpoolTimer, SetThreadpoolTimer(Ex),
 * IsThreadpoolTimerSet, WaitForThreadpoolTimerCallbacks, CloseThreadpoolTimer, and the timer thread that
 * timer queues (timerqueue.c) share. One timer thread per process keeps the set timers sorted by due
 * time and waits on an auto-reset event with a timeout until the earliest; setting a timer that becomes
 * the earliest sets the event. An expired timer queues its callback to its pool (or, for a timer-queue
 * timer with WT_EXECUTEINTIMERTHREAD, runs it in the timer thread).
 */
#include "tpinternal.h"

static tp_list timers = { &timers, &timers };
static HANDLE timer_event;
static BOOL tp_timer_disarm_ex(tp_object *o);
static BOOL timer_started;

static DWORD WINAPI timer_thread(LPVOID param) {
  (void)param;
  tp_acquire();
  for (;;) {
    LONGLONG now = tp_now();
    DWORD timeout = INFINITE;
    while (!tp_list_empty(&timers)) {
      tp_object *o = TP_CONTAINER(timers.next, tp_object, timer_entry);
      if (o->due > now) {
        LONGLONG ms = (o->due - now + 9999) / 10000;
        timeout = ms > 0x7ffffff0 ? 0x7ffffff0 : (DWORD)ms;
        break;
      }
      tp_list_remove(&o->timer_entry); /* a one-shot timer stays "set" (IsThreadpoolTimerSet), as on Windows */
      if (o->period) {
        LONGLONG due = o->due + (LONGLONG)o->period * 10000;
        tp_timer_arm(o, due > now ? due : now + (LONGLONG)o->period * 10000, o->period);
      } else {
        o->expired = TRUE;
      }
      if (o->in_timer_thread) {
        o->holds++;
        tp_run_inline(o, WAIT_TIMEOUT);
        o->holds--;
        tp_maybe_free(o);
        now = tp_now();
      } else {
        tp_queue(o);
        tp_maybe_free(o);
      }
    }
    tp_release();
    WaitForSingleObject(timer_event, timeout);
    tp_acquire();
  }
  return 0;
}

void tp_timer_arm(tp_object *o, LONGLONG due, DWORD period) {
  if (!timer_started) {
    if (!timer_event) timer_event = CreateEventW(NULL, FALSE, FALSE, NULL);
    HANDLE h = timer_event ? CreateThread(NULL, 0, timer_thread, NULL, 0, NULL) : NULL;
    if (h) {
      CloseHandle(h);
      timer_started = TRUE;
    }
  }
  tp_list_remove(&o->timer_entry);
  o->due = due;
  o->period = period;
  o->timer_set = TRUE;
  tp_list *at = &timers;
  for (tp_list *e = timers.next; e != &timers; e = e->next) {
    if (TP_CONTAINER(e, tp_object, timer_entry)->due > due) {
      at = e;
      break;
    }
  }
  tp_list_add_tail(at, &o->timer_entry); /* before `at` */
  if (timers.next == &o->timer_entry && timer_event) SetEvent(timer_event);
}

static BOOL tp_timer_disarm_ex(tp_object *o) {
  BOOL pending = !tp_list_empty(&o->timer_entry);
  tp_list_remove(&o->timer_entry);
  o->timer_set = FALSE;
  return pending;
}

void tp_timer_disarm(tp_object *o) { tp_timer_disarm_ex(o); }

PTP_TIMER WINAPI CreateThreadpoolTimer(PTP_TIMER_CALLBACK pfnti, PVOID pv, PTP_CALLBACK_ENVIRON pcbe) {
  tp_object *o = tp_new(TP_CB_TIMER, (void *)pfnti, pv, pcbe);
  if (o) o->disarm = tp_timer_disarm;
  return (PTP_TIMER)o;
}

BOOL WINAPI SetThreadpoolTimerEx(PTP_TIMER pti, PFILETIME pftDueTime, DWORD msPeriod, DWORD msWindowLength) {
  tp_object *o = (tp_object *)pti;
  (void)msWindowLength;
  if (!o) return FALSE;
  LONGLONG due = pftDueTime ? tp_due_from_filetime(pftDueTime) : 0;
  tp_acquire();
  BOOL was = tp_timer_disarm_ex(o); /* an expiry was still to come */
  if (pftDueTime) tp_timer_arm(o, due, msPeriod);
  tp_release();
  return was;
}

VOID WINAPI SetThreadpoolTimer(PTP_TIMER pti, PFILETIME pftDueTime, DWORD msPeriod, DWORD msWindowLength) {
  SetThreadpoolTimerEx(pti, pftDueTime, msPeriod, msWindowLength);
}

BOOL WINAPI IsThreadpoolTimerSet(PTP_TIMER pti) {
  tp_object *o = (tp_object *)pti;
  if (!o) return FALSE;
  tp_acquire();
  BOOL set = o->timer_set;
  tp_release();
  return set;
}

VOID WINAPI WaitForThreadpoolTimerCallbacks(PTP_TIMER pti, BOOL fCancelPendingCallbacks) {
  tp_object *o = (tp_object *)pti;
  if (!o) return;
  tp_acquire();
  if (fCancelPendingCallbacks) tp_cancel(o);
  tp_wait_idle(o);
  tp_release();
}

VOID WINAPI CloseThreadpoolTimer(PTP_TIMER pti) {
  if (!pti) return;
  tp_acquire();
  tp_close((tp_object *)pti);
  tp_release();
}
