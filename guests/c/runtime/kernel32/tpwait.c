/*
 * Thread-pool waits (abi/crt/threadpool.ts): CreateThreadpoolWait, SetThreadpoolWait(Ex),
 * WaitForThreadpoolWaitCallbacks, CloseThreadpoolWait, and the wait threads RegisterWaitForSingleObject
 * (registerwait.c) shares. A wait thread waits with WaitForMultipleObjects for its control event and up
 * to 63 objects, with a timeout until the earliest wait's; a change to its set sets the control event.
 * When an object is signaled (or its timeout passes) the wait ends (a repeating registered wait starts
 * again) and its callback is queued to its pool, or run in the wait thread for WT_EXECUTEINWAITTHREAD.
 */
#include "tpinternal.h"

#define WAITS_PER_THREAD (MAXIMUM_WAIT_OBJECTS - 1)

struct tp_wait_thread {
  tp_list entry;
  HANDLE control;
  int count;
  tp_object *objs[WAITS_PER_THREAD];
};

static tp_list wait_threads = { &wait_threads, &wait_threads };

static int owned(struct tp_wait_thread *t, tp_object *o) {
  for (int i = 0; i < t->count; i++)
    if (t->objs[i] == o) return 1;
  return 0;
}

static void remove_from(struct tp_wait_thread *t, tp_object *o) {
  for (int i = 0; i < t->count; i++) {
    if (t->objs[i] == o) {
      t->objs[i] = t->objs[--t->count];
      break;
    }
  }
  o->wait_thread = NULL;
  SetEvent(t->control);
}

/* Under the lock: o's wait ended (signaled or timed out); o belongs to t. */
static void fire(struct tp_wait_thread *t, tp_object *o, BOOL signaled, LONGLONG now) {
  if (o->repeat) o->wait_due = o->wait_ms == INFINITE ? -1 : now + (LONGLONG)o->wait_ms * 10000;
  else remove_from(t, o);
  if (o->in_wait_thread) {
    o->holds++;
    tp_run_inline(o, signaled ? WAIT_OBJECT_0 : WAIT_TIMEOUT);
    o->holds--;
  } else {
    if (signaled) o->signaled++;
    tp_queue(o);
  }
  tp_maybe_free(o);
}

static DWORD WINAPI wait_thread(LPVOID param) {
  struct tp_wait_thread *t = param;
  HANDLE handles[MAXIMUM_WAIT_OBJECTS];
  tp_object *objs[WAITS_PER_THREAD];
  tp_acquire();
  for (;;) {
    int n = t->count;
    LONGLONG now = tp_now(), due = -1;
    handles[0] = t->control;
    for (int i = 0; i < n; i++) {
      objs[i] = t->objs[i];
      handles[i + 1] = objs[i]->wait_handle;
      if (objs[i]->wait_due >= 0 && (due < 0 || objs[i]->wait_due < due)) due = objs[i]->wait_due;
    }
    DWORD timeout = INFINITE;
    if (due >= 0) {
      LONGLONG ms = due > now ? (due - now + 9999) / 10000 : 0;
      timeout = ms > 0x7ffffff0 ? 0x7ffffff0 : (DWORD)ms;
    }
    tp_release();
    DWORD r = WaitForMultipleObjects((DWORD)n + 1, handles, FALSE, timeout);
    tp_acquire();
    now = tp_now();
    DWORD i = r >= WAIT_ABANDONED_0 && r <= WAIT_ABANDONED_0 + (DWORD)n ? r - WAIT_ABANDONED_0 : r - WAIT_OBJECT_0;
    if (r != WAIT_TIMEOUT && r != WAIT_FAILED && i >= 1 && i <= (DWORD)n) {
      tp_object *o = objs[i - 1];
      if (owned(t, o) && o->wait_handle == handles[i]) fire(t, o, TRUE, now);
      continue; /* the set may have changed: look again before the timeouts */
    }
    if (r == WAIT_FAILED) {
      /* A handle that cannot be waited for (closed, or not waitable) ends its wait without a callback. */
      for (int k = 0; k < n; k++) {
        tp_object *o = objs[k];
        if (!owned(t, o)) continue;
        DWORD one = WaitForSingleObject(o->wait_handle, 0);
        if (one == WAIT_FAILED) {
          remove_from(t, o);
          tp_maybe_free(o);
        } else if (one == WAIT_OBJECT_0 || one == WAIT_ABANDONED_0) {
          fire(t, o, TRUE, now);
        }
      }
    }
    for (int k = 0; k < t->count;) {
      tp_object *o = t->objs[k];
      if (o->wait_due >= 0 && o->wait_due <= now) {
        int before = t->count;
        fire(t, o, FALSE, now);
        if (t->count == before && t->objs[k] == o) k++;
      } else {
        k++;
      }
    }
  }
  return 0;
}

BOOL tp_wait_arm(tp_object *o, HANDLE h, LONGLONG due) {
  struct tp_wait_thread *t = NULL;
  for (tp_list *e = wait_threads.next; e != &wait_threads; e = e->next) {
    struct tp_wait_thread *c = TP_CONTAINER(e, struct tp_wait_thread, entry);
    if (c->count < WAITS_PER_THREAD) {
      t = c;
      break;
    }
  }
  if (!t) {
    t = calloc(1, sizeof *t);
    if (!t) return FALSE;
    t->control = CreateEventW(NULL, FALSE, FALSE, NULL);
    HANDLE th = t->control ? CreateThread(NULL, 0, wait_thread, t, 0, NULL) : NULL;
    if (!th) {
      if (t->control) CloseHandle(t->control);
      free(t);
      return FALSE;
    }
    CloseHandle(th);
    tp_list_add_tail(&wait_threads, &t->entry);
  }
  o->wait_handle = h;
  o->wait_due = due;
  o->wait_thread = t;
  t->objs[t->count++] = o;
  SetEvent(t->control);
  return TRUE;
}

void tp_wait_disarm(tp_object *o) {
  if (o->wait_thread) remove_from(o->wait_thread, o);
}

PTP_WAIT WINAPI CreateThreadpoolWait(PTP_WAIT_CALLBACK pfnwa, PVOID pv, PTP_CALLBACK_ENVIRON pcbe) {
  tp_object *o = tp_new(TP_CB_WAIT, (void *)pfnwa, pv, pcbe);
  if (o) {
    o->is_wait = TRUE;
    o->disarm = tp_wait_disarm;
  }
  return (PTP_WAIT)o;
}

BOOL WINAPI SetThreadpoolWaitEx(PTP_WAIT pwa, HANDLE h, PFILETIME pftTimeout, PVOID Reserved) {
  tp_object *o = (tp_object *)pwa;
  (void)Reserved;
  if (!o) return FALSE;
  LONGLONG due = h && pftTimeout ? tp_due_from_filetime(pftTimeout) : -1;
  tp_acquire();
  BOOL was = o->wait_thread != NULL;
  tp_wait_disarm(o);
  if (h) tp_wait_arm(o, h, due);
  tp_release();
  return was;
}

VOID WINAPI SetThreadpoolWait(PTP_WAIT pwa, HANDLE h, PFILETIME pftTimeout) {
  SetThreadpoolWaitEx(pwa, h, pftTimeout, NULL);
}

VOID WINAPI WaitForThreadpoolWaitCallbacks(PTP_WAIT pwa, BOOL fCancelPendingCallbacks) {
  tp_object *o = (tp_object *)pwa;
  if (!o) return;
  tp_acquire();
  if (fCancelPendingCallbacks) tp_cancel(o);
  tp_wait_idle(o);
  tp_release();
}

VOID WINAPI CloseThreadpoolWait(PTP_WAIT pwa) {
  if (!pwa) return;
  tp_acquire();
  tp_close((tp_object *)pwa);
  tp_release();
}
