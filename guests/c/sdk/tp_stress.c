/*
 * Thread-pool races: four threads each submit to their own work object and wait, with and without
 * cancelling, while timers are set and stopped and simple callbacks are queued; after a wait without
 * cancelling, every submitted callback has run exactly once, and after a cancelling wait none runs later.
 * Prints only the checks' results. Expected output from mingw-w64 + Wine 8.0.
 */
#include <windows.h>
#include <stdio.h>

struct lane { PTP_WORK work; volatile LONG ran; LONG bad; };

static VOID CALLBACK lane_cb(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_WORK work) {
  (void)inst; (void)work;
  InterlockedIncrement(&((struct lane *)ctx)->ran);
}

static volatile LONG simple_ran, timer_ran;
static VOID CALLBACK simple_cb(PTP_CALLBACK_INSTANCE inst, PVOID ctx) { (void)inst; (void)ctx; InterlockedIncrement(&simple_ran); }
static VOID CALLBACK timer_cb(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_TIMER t) { (void)inst; (void)ctx; (void)t; InterlockedIncrement(&timer_ran); }

static DWORD WINAPI lane_thread(LPVOID param) {
  struct lane *l = param;
  unsigned seed = (unsigned)(ULONG_PTR)l;
  for (int round = 0; round < 300; round++) {
    seed = seed * 1103515245u + 12345u;
    int k = 1 + (int)(seed >> 16) % 8;
    LONG before = l->ran;
    for (int i = 0; i < k; i++) SubmitThreadpoolWork(l->work);
    if (seed & 0x100) {
      WaitForThreadpoolWorkCallbacks(l->work, TRUE);
      LONG after = l->ran;
      if (after - before > k) l->bad++;
      WaitForThreadpoolWorkCallbacks(l->work, FALSE);
      if (l->ran != after) l->bad++; /* nothing ran after the cancelling wait */
    } else {
      WaitForThreadpoolWorkCallbacks(l->work, FALSE);
      if (l->ran - before != k) l->bad++;
    }
    if (!(round % 16)) TrySubmitThreadpoolCallback(simple_cb, NULL, NULL);
  }
  return 0;
}

int main(void) {
  struct lane lanes[4];
  HANDLE th[4];
  PTP_TIMER timer = CreateThreadpoolTimer(timer_cb, NULL, NULL);
  for (int i = 0; i < 4; i++) {
    lanes[i].work = CreateThreadpoolWork(lane_cb, &lanes[i], NULL);
    lanes[i].ran = 0;
    lanes[i].bad = 0;
    th[i] = CreateThread(NULL, 0, lane_thread, &lanes[i], 0, NULL);
  }
  /* Meanwhile: a timer set and stopped again and again. */
  for (int i = 0; i < 200; i++) {
    FILETIME ft = { 0, 0 }; /* now */
    SetThreadpoolTimer(timer, &ft, 0, 0);
    if (i & 1) SetThreadpoolTimer(timer, NULL, 0, 0);
    WaitForThreadpoolTimerCallbacks(timer, i & 2);
  }
  WaitForMultipleObjects(4, th, TRUE, INFINITE);
  LONG bad = 0;
  for (int i = 0; i < 4; i++) {
    bad += lanes[i].bad;
    CloseThreadpoolWork(lanes[i].work);
    CloseHandle(th[i]);
  }
  CloseThreadpoolTimer(timer);
  printf("lanes consistent: %d\n", bad == 0);
  for (int i = 0; i < 1000 && simple_ran < 4 * 19; i++) Sleep(10);
  printf("simple callbacks: %ld\n", simple_ran);
  printf("timer ran at most 200: %d\n", timer_ran <= 200);
  return 0;
}
