/*
 * RegisterWaitForSingleObject, UnregisterWait, UnregisterWaitEx (abi/crt/threadpool.ts): a registered
 * wait is a thread-pool wait object (tpwait.c) calling a WAITORTIMERCALLBACK, repeating unless
 * WT_EXECUTEONLYONCE. Its handle is a pointer that is looked up in the live registrations before use.
 */
#include "tpinternal.h"

static tp_list registrations = { &registrations, &registrations };

BOOL WINAPI RegisterWaitForSingleObject(PHANDLE phNewWaitObject, HANDLE hObject, WAITORTIMERCALLBACK Callback, PVOID Context,
                                        ULONG dwMilliseconds, ULONG dwFlags) {
  if (!phNewWaitObject || !Callback) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
  }
  TP_CALLBACK_ENVIRON env;
  TpInitializeCallbackEnviron(&env);
  if (dwFlags & WT_EXECUTELONGFUNCTION) env.u.s.LongFunction = 1;
  tp_object *o = tp_new(TP_CB_WAITORTIMER, (void *)Callback, Context, &env);
  if (!o) return FALSE;
  o->is_wait = TRUE;
  o->disarm = tp_wait_disarm;
  o->repeat = !(dwFlags & WT_EXECUTEONLYONCE);
  o->in_wait_thread = (dwFlags & WT_EXECUTEINWAITTHREAD) != 0;
  o->wait_ms = dwMilliseconds;
  tp_acquire();
  if (!tp_wait_arm(o, hObject, dwMilliseconds == INFINITE ? -1 : tp_now() + (LONGLONG)dwMilliseconds * 10000)) {
    o->closed = TRUE;
    tp_maybe_free(o);
    tp_release();
    SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return FALSE;
  }
  tp_list_add_tail(&registrations, &o->registered);
  *phNewWaitObject = o;
  tp_release();
  return TRUE;
}

BOOL WINAPI UnregisterWaitEx(HANDLE WaitHandle, HANDLE CompletionEvent) {
  tp_object *o = NULL;
  tp_acquire();
  for (tp_list *e = registrations.next; WaitHandle && e != &registrations; e = e->next) {
    if ((HANDLE)TP_CONTAINER(e, tp_object, registered) == WaitHandle) {
      o = TP_CONTAINER(e, tp_object, registered);
      break;
    }
  }
  if (!o) {
    tp_release();
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
  }
  tp_list_remove(&o->registered);
  BOOL ok = tp_delete_with_event(&o, 1, CompletionEvent);
  tp_release();
  return ok;
}

BOOL WINAPI UnregisterWait(HANDLE WaitHandle) {
  return UnregisterWaitEx(WaitHandle, NULL);
}
