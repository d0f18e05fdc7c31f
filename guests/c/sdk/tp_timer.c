/*
 * Thread-pool timers: one-shot (relative and absolute due times, and 0 = now), periodic, set again, stopped
 * with SetThreadpoolTimer(NULL), SetThreadpoolTimerEx's result, IsThreadpoolTimerSet, and
 * WaitForThreadpoolTimerCallbacks with fCancelPendingCallbacks. Expected output from mingw-w64 + Wine 8.0, except
 * the SetThreadpoolTimerEx lines (Wine 8.0 does not have it; built for ntwasm only), whose values are those
 * Microsoft documents: TRUE when the timer was set and its expiry is cancelled.
 * Timing is only ever an upper bound (a generous wait for an event).
 */
#include <windows.h>
#include <stdio.h>

static volatile LONG fired;
static HANDLE ev;

static VOID CALLBACK timer_cb(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_TIMER timer) {
  (void)inst; (void)timer;
  InterlockedIncrement(&fired);
  if (ctx) SetEvent((HANDLE)ctx);
}

static HANDLE gate, started;
static VOID CALLBACK slow_cb(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_TIMER timer) {
  (void)inst; (void)ctx; (void)timer;
  SetEvent(started);
  WaitForSingleObject(gate, INFINITE);
  InterlockedIncrement(&fired);
}

static void relative(FILETIME *ft, LONGLONG ms) {
  ULARGE_INTEGER u;
  u.QuadPart = (ULONGLONG)(-ms * 10000);
  ft->dwLowDateTime = u.LowPart;
  ft->dwHighDateTime = u.HighPart;
}

int main(void) {
  ev = CreateEventW(NULL, FALSE, FALSE, NULL);
  FILETIME due;

  PTP_TIMER t = CreateThreadpoolTimer(timer_cb, ev, NULL);
  printf("created %d, set %d\n", t != NULL, IsThreadpoolTimerSet(t));
  relative(&due, 50);
  SetThreadpoolTimer(t, &due, 0, 0);
  printf("set %d\n", IsThreadpoolTimerSet(t));
  printf("one-shot: %lu\n", WaitForSingleObject(ev, 10000));
  WaitForThreadpoolTimerCallbacks(t, FALSE);
  printf("fired %ld\n", fired);
  printf("still set %d\n", IsThreadpoolTimerSet(t));

  /* Due time 0: at once. */
  due.dwLowDateTime = due.dwHighDateTime = 0;
  SetThreadpoolTimer(t, &due, 0, 0);
  printf("zero due: %lu\n", WaitForSingleObject(ev, 10000));

  /* Absolute: now + 30 ms as a UTC FILETIME. */
  FILETIME now;
  GetSystemTimeAsFileTime(&now);
  ULARGE_INTEGER u = { .LowPart = now.dwLowDateTime, .HighPart = now.dwHighDateTime };
  u.QuadPart += 300000;
  due.dwLowDateTime = u.LowPart;
  due.dwHighDateTime = u.HighPart;
  SetThreadpoolTimer(t, &due, 0, 0);
  printf("absolute: %lu\n", WaitForSingleObject(ev, 10000));
  WaitForThreadpoolTimerCallbacks(t, FALSE);

  /* Periodic: fires again and again until stopped. */
  fired = 0;
  relative(&due, 10);
  SetThreadpoolTimer(t, &due, 10, 0);
  for (int i = 0; i < 3; i++) printf("period %d: %lu\n", i, WaitForSingleObject(ev, 10000));
  printf("periodic set %d\n", IsThreadpoolTimerSet(t));
  SetThreadpoolTimer(t, NULL, 0, 0);
  printf("stopped set %d\n", IsThreadpoolTimerSet(t));
  WaitForThreadpoolTimerCallbacks(t, FALSE);
  LONG after = fired;
  Sleep(100);
  printf("no more after stop: %d\n", fired == after);
  ResetEvent(ev);

  /* Set again before it expires: only the second due time counts. */
  fired = 0;
  relative(&due, 100000);
  SetThreadpoolTimer(t, &due, 0, 0);
  relative(&due, 20);
  SetThreadpoolTimer(t, &due, 0, 0);
  printf("reset: %lu\n", WaitForSingleObject(ev, 10000));
  WaitForThreadpoolTimerCallbacks(t, FALSE);
  printf("fired %ld\n", fired);
#ifdef __wasm__
  /* SetThreadpoolTimerEx says whether the timer was set. */
  relative(&due, 100000);
  printf("Ex first: %d\n", SetThreadpoolTimerEx(t, &due, 0, 0));
  relative(&due, 20);
  printf("Ex again: %d\n", SetThreadpoolTimerEx(t, &due, 0, 0));
  printf("Ex reset: %lu\n", WaitForSingleObject(ev, 10000));
  WaitForThreadpoolTimerCallbacks(t, FALSE);
  printf("Ex after expiry: %d\n", SetThreadpoolTimerEx(t, NULL, 0, 0));
  relative(&due, 100000);
  SetThreadpoolTimer(t, &due, 0, 0);
  BOOL was = SetThreadpoolTimerEx(t, NULL, 0, 0);
  printf("Ex stop: %d set %d\n", was, IsThreadpoolTimerSet(t));
#endif
  CloseThreadpoolTimer(t);

  /* WaitForThreadpoolTimerCallbacks(TRUE): in a one-thread pool the first callback blocks, a second one is queued
     and then cancelled. */
  gate = CreateEventW(NULL, TRUE, FALSE, NULL);
  started = CreateEventW(NULL, FALSE, FALSE, NULL);
  PTP_POOL pool = CreateThreadpool(NULL);
  SetThreadpoolThreadMaximum(pool, 1);
  TP_CALLBACK_ENVIRON env;
  InitializeThreadpoolEnvironment(&env);
  SetThreadpoolCallbackPool(&env, pool);
  PTP_TIMER slow = CreateThreadpoolTimer(slow_cb, NULL, &env);
  fired = 0;
  relative(&due, 1);
  SetThreadpoolTimer(slow, &due, 5, 0);
  WaitForSingleObject(started, INFINITE);
  Sleep(100); /* the period passes: more callbacks are queued behind the blocked one */
  SetThreadpoolTimer(slow, NULL, 0, 0);
  SetEvent(gate);
  WaitForThreadpoolTimerCallbacks(slow, TRUE);
  printf("cancelled: at least one ran %d\n", fired >= 1);
  LONG total = fired;
  Sleep(50);
  printf("none after the cancel %d\n", fired == total);
  CloseThreadpoolTimer(slow);
  CloseThreadpool(pool);
  CloseHandle(gate);
  CloseHandle(started);
  CloseHandle(ev);
  return 0;
}
