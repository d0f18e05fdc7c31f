/*
 * The ntwasm benchmark (`npm run bench`, bench/run.mjs; docs/performance.md): Win32 calls only, so the
 * same source also builds for Windows/Wine with `x86_64-w64-mingw32-gcc -O2 bench.c -o bench.exe`.
 *
 *   bench [row|all [min_ms]]
 *
 * Every row prints one line `name ns_per_op`. A row is calibrated: its iteration count doubles (or
 * grows 8x while a run is far too short) until one timed run lasts at least min_ms (default 200 ms),
 * and that run is reported. Without a row, the standard rows run in order. Extra rows, run only when
 * named: scale_handles (1,000,000 events created, then closed), scale_threads (256 threads passing a
 * token round a ring of auto events), wfmo_scale (WaitForMultipleObjects any/all for 1..64 handles).
 * A row that cannot run prints `name n/a`. A single named row is followed by `ops N`, the operations
 * run in all, calibration included.
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static double min_seconds = 0.2;
static LARGE_INTEGER freq;

static double now(void) {
  LARGE_INTEGER t;
  QueryPerformanceCounter(&t);
  return (double)t.QuadPart / (double)freq.QuadPart;
}

/* A row's body: runs n operations and returns the seconds they took (setup excluded), < 0 on failure. */
typedef double (*body_fn)(long n);

/* ---------------------------------------------------------------- single-thread rows */

static double b_mutex_uncontended(long n) {
  HANDLE m = CreateMutexW(NULL, FALSE, NULL);
  if (!m) return -1;
  double t = now();
  for (long i = 0; i < n; i++) { WaitForSingleObject(m, INFINITE); ReleaseMutex(m); }
  t = now() - t;
  CloseHandle(m);
  return t;
}

static double b_event_set_reset(long n) {
  HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL);
  if (!e) return -1;
  double t = now();
  for (long i = 0; i < n; i++) { SetEvent(e); ResetEvent(e); }
  t = now() - t;
  CloseHandle(e);
  return t;
}

static double b_sem_release_wait(long n) {
  HANDLE s = CreateSemaphoreW(NULL, 0, 1, NULL);
  if (!s) return -1;
  double t = now();
  for (long i = 0; i < n; i++) { ReleaseSemaphore(s, 1, NULL); WaitForSingleObject(s, 0); }
  t = now() - t;
  CloseHandle(s);
  return t;
}

static double b_create_close_event(long n) {
  double t = now();
  for (long i = 0; i < n; i++) CloseHandle(CreateEventW(NULL, TRUE, FALSE, NULL));
  return now() - t;
}

/* count manual events; wait-any finds only the last one signaled, wait-all finds all of them signaled. */
static double wait_multiple(long n, DWORD count, BOOL all) {
  HANDLE hs[64];
  for (DWORD i = 0; i < count; i++) hs[i] = CreateEventW(NULL, TRUE, all || i == count - 1, NULL);
  DWORD expect = all ? WAIT_OBJECT_0 : WAIT_OBJECT_0 + count - 1;
  int bad = 0;
  double t = now();
  for (long i = 0; i < n; i++) bad |= WaitForMultipleObjects(count, hs, all, 0) != expect;
  t = now() - t;
  for (DWORD i = 0; i < count; i++) CloseHandle(hs[i]);
  return bad ? -1 : t;
}
static double b_wait_any_64(long n) { return wait_multiple(n, 64, FALSE); }
static double b_wait_all_64(long n) { return wait_multiple(n, 64, TRUE); }

static double b_named_open(long n) {
  HANDLE e = CreateEventW(NULL, TRUE, FALSE, L"ntwasm-bench-named");
  if (!e) return -1;
  int bad = 0;
  double t = now();
  for (long i = 0; i < n; i++) {
    HANDLE h = OpenEventW(EVENT_ALL_ACCESS, FALSE, L"ntwasm-bench-named");
    bad |= h == NULL;
    CloseHandle(h);
  }
  t = now() - t;
  CloseHandle(e);
  return bad ? -1 : t;
}

static double b_critical_section(long n) {
  CRITICAL_SECTION cs;
  InitializeCriticalSection(&cs);
  double t = now();
  for (long i = 0; i < n; i++) { EnterCriticalSection(&cs); LeaveCriticalSection(&cs); }
  t = now() - t;
  DeleteCriticalSection(&cs);
  return t;
}

/* ---------------------------------------------------------------- two-thread rows */

struct pingpong { HANDLE ping, pong; long rounds; };

static DWORD WINAPI ponger(LPVOID param) {
  struct pingpong *p = param;
  for (long i = 0; i < p->rounds; i++) {
    if (WaitForSingleObject(p->ping, INFINITE) != WAIT_OBJECT_0) return 1;
    SetEvent(p->pong);
  }
  return 0;
}

/* One warm-up round trip (the partner thread is up and running), then n timed round trips. */
static double b_pingpong(long n) {
  struct pingpong p = { CreateEventW(NULL, FALSE, FALSE, NULL), CreateEventW(NULL, FALSE, FALSE, NULL), n + 1 };
  HANDLE th = CreateThread(NULL, 0, ponger, &p, 0, NULL);
  if (!p.ping || !p.pong || !th) return -1;
  SetEvent(p.ping);
  WaitForSingleObject(p.pong, INFINITE);
  double t = now();
  for (long i = 0; i < n; i++) { SetEvent(p.ping); WaitForSingleObject(p.pong, INFINITE); }
  t = now() - t;
  WaitForSingleObject(th, INFINITE);
  CloseHandle(th);
  CloseHandle(p.ping);
  CloseHandle(p.pong);
  return t;
}

#define PIPE_MSG 64
#define PIPE_NAME L"\\\\.\\pipe\\ntwasm-bench"

struct pipe_echo { HANDLE server; long rounds; };

/* The server end: echoes every 64-byte message back. */
static DWORD WINAPI pipe_echo(LPVOID param) {
  struct pipe_echo *e = param;
  char buf[PIPE_MSG];
  DWORD got, put;
  if (!ConnectNamedPipe(e->server, NULL) && GetLastError() != ERROR_PIPE_CONNECTED) return 1;
  for (long i = 0; i < e->rounds; i++) {
    if (!ReadFile(e->server, buf, sizeof buf, &got, NULL) || got != PIPE_MSG) return 2;
    if (!WriteFile(e->server, buf, got, &put, NULL) || put != got) return 3;
  }
  return 0;
}

static double b_pipe_msg_roundtrip(long n) {
  struct pipe_echo e;
  e.rounds = n + 1;
  e.server = CreateNamedPipeW(PIPE_NAME, PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT,
                              1, 4096, 4096, 0, NULL);
  if (e.server == INVALID_HANDLE_VALUE) return -1;
  HANDLE th = CreateThread(NULL, 0, pipe_echo, &e, 0, NULL);
  HANDLE c = CreateFileW(PIPE_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
  DWORD mode = PIPE_READMODE_MESSAGE;
  if (!th || c == INVALID_HANDLE_VALUE || !SetNamedPipeHandleState(c, &mode, NULL, NULL)) {
    if (th) { TerminateThread(th, 1); CloseHandle(th); }
    CloseHandle(e.server);
    return -1;
  }
  char msg[PIPE_MSG], reply[PIPE_MSG];
  memset(msg, 'm', sizeof msg);
  DWORD put, got;
  int bad = 0;
  double t = 0;
  for (long i = 0; i <= n; i++) {
    if (i == 1) t = now(); /* round 0 is the warm-up */
    bad |= !WriteFile(c, msg, sizeof msg, &put, NULL);
    bad |= !ReadFile(c, reply, sizeof reply, &got, NULL) || got != PIPE_MSG;
    if (bad) break;
  }
  t = now() - t;
  if (bad) TerminateThread(th, 1);
  WaitForSingleObject(th, INFINITE);
  CloseHandle(th);
  CloseHandle(c);
  CloseHandle(e.server);
  return bad ? -1 : t;
}

/* TransactNamedPipe of BENCH_MSG bytes, answered by an echo thread, on a message-mode pipe. */
#define BENCH_MSG 4096
#define TRANSACT_NAME L"\\\\.\\pipe\\ntwasm-bench-transact"

static DWORD WINAPI transact_echo(LPVOID param) {
  struct pipe_echo *e = param;
  static char buf[BENCH_MSG];
  DWORD got, put;
  if (!ConnectNamedPipe(e->server, NULL) && GetLastError() != ERROR_PIPE_CONNECTED) return 1;
  for (long i = 0; i < e->rounds; i++) {
    if (!ReadFile(e->server, buf, sizeof buf, &got, NULL) || got != BENCH_MSG) return 2;
    if (!WriteFile(e->server, buf, got, &put, NULL) || put != got) return 3;
  }
  return 0;
}

static double b_pipe_transact_4k(long n) {
  struct pipe_echo e;
  e.rounds = n + 1;
  e.server = CreateNamedPipeW(TRANSACT_NAME, PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT,
                              1, 2 * BENCH_MSG, 2 * BENCH_MSG, 0, NULL);
  if (e.server == INVALID_HANDLE_VALUE) return -1;
  HANDLE th = CreateThread(NULL, 0, transact_echo, &e, 0, NULL);
  HANDLE c = CreateFileW(TRANSACT_NAME, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
  DWORD mode = PIPE_READMODE_MESSAGE;
  if (!th || c == INVALID_HANDLE_VALUE || !SetNamedPipeHandleState(c, &mode, NULL, NULL)) {
    if (th) { TerminateThread(th, 1); CloseHandle(th); }
    CloseHandle(e.server);
    return -1;
  }
  static char msg[BENCH_MSG], reply[BENCH_MSG];
  memset(msg, 't', sizeof msg);
  DWORD got;
  int bad = 0;
  double t = 0;
  for (long i = 0; i <= n; i++) {
    if (i == 1) t = now(); /* round 0 is the warm-up */
    bad |= !TransactNamedPipe(c, msg, sizeof msg, reply, sizeof reply, &got, NULL) || got != BENCH_MSG;
    if (bad) break;
  }
  t = now() - t;
  if (bad) TerminateThread(th, 1);
  WaitForSingleObject(th, INFINITE);
  CloseHandle(th);
  CloseHandle(c);
  CloseHandle(e.server);
  return bad ? -1 : t;
}

/* ntwasm's services (docs/services.md): a server thread accepts each call, echoes its input into its
 * output and replies. Not in Windows: n/a there. */
#ifdef __wasm__
struct svc_bench { HANDLE svc; long rounds; };

static DWORD WINAPI svc_echo(LPVOID param) {
  struct svc_bench *b = param;
  static char buf[BENCH_MSG];
  for (long i = 0; i < b->rounds; i++) {
    SVC_REQUEST_INFO info;
    HANDLE r = SvcAccept(b->svc, &info, INFINITE);
    if (!r) return 1;
    if (info.InputSize && (!SvcRead(r, 0, buf, info.InputSize, NULL) || !SvcWrite(r, 0, buf, info.InputSize))) return 2;
    if (!SvcReply(r, 0, i)) return 3;
    CloseHandle(r);
  }
  return 0;
}

static double service_call(long n, DWORD size) {
  struct svc_bench b = { SvcCreateW(NULL, 0, 0), n + 1 };
  if (!b.svc) return -1;
  HANDLE th = CreateThread(NULL, 0, svc_echo, &b, 0, NULL);
  if (!th) { CloseHandle(b.svc); return -1; }
  static char in[BENCH_MSG], out[BENCH_MSG];
  memset(in, 's', sizeof in);
  SVC_CALL call = { in, size, out, size, 0, 0, { 0 } };
  SVC_RESULT res;
  int bad = 0;
  double t = 0;
  for (long i = 0; i <= n; i++) {
    if (i == 1) t = now(); /* round 0 is the warm-up */
    bad |= !SvcCall(b.svc, &call, &res, INFINITE) || res.BytesWritten != size || res.Result != (ULONG_PTR)i;
    if (bad) break;
  }
  t = now() - t;
  if (bad) TerminateThread(th, 1);
  WaitForSingleObject(th, INFINITE);
  CloseHandle(th);
  CloseHandle(b.svc);
  return bad ? -1 : t;
}
#else
static double service_call(long n, DWORD size) { (void)n; (void)size; return -1; }
#endif
static double b_service_null_call(long n) { return service_call(n, 0); }
static double b_service_call_4k(long n) { return service_call(n, BENCH_MSG); }

/* I/O completion ports: a packet posted and taken again by one thread (the port has none queued between). */
static double b_iocp_post_get(long n) {
  HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
  if (!port) return -1;
  DWORD bytes;
  ULONG_PTR key;
  LPOVERLAPPED ov;
  int bad = 0;
  double t = now();
  for (long i = 0; i < n; i++) {
    PostQueuedCompletionStatus(port, 1, 2, NULL);
    bad |= !GetQueuedCompletionStatus(port, &bytes, &key, &ov, INFINITE);
  }
  t = now() - t;
  CloseHandle(port);
  return bad ? -1 : t;
}

/* pingpong through two ports: each thread posts to the other's port and takes from its own. */
struct iocp_pingpong { HANDLE ping, pong; long rounds; };

static DWORD WINAPI iocp_ponger(LPVOID param) {
  struct iocp_pingpong *p = param;
  DWORD bytes;
  ULONG_PTR key;
  LPOVERLAPPED ov;
  for (long i = 0; i < p->rounds; i++) {
    if (!GetQueuedCompletionStatus(p->ping, &bytes, &key, &ov, INFINITE)) return 1;
    PostQueuedCompletionStatus(p->pong, 0, key, NULL);
  }
  return 0;
}

static double b_iocp_pingpong(long n) {
  struct iocp_pingpong p = { CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0),
                             CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0), n + 1 };
  HANDLE th = CreateThread(NULL, 0, iocp_ponger, &p, 0, NULL);
  if (!p.ping || !p.pong || !th) return -1;
  DWORD bytes;
  ULONG_PTR key;
  LPOVERLAPPED ov;
  PostQueuedCompletionStatus(p.ping, 0, 1, NULL);
  GetQueuedCompletionStatus(p.pong, &bytes, &key, &ov, INFINITE);
  int bad = 0;
  double t = now();
  for (long i = 0; i < n; i++) {
    PostQueuedCompletionStatus(p.ping, 0, 1, NULL);
    bad |= !GetQueuedCompletionStatus(p.pong, &bytes, &key, &ov, INFINITE);
  }
  t = now() - t;
  WaitForSingleObject(th, INFINITE);
  CloseHandle(th);
  CloseHandle(p.ping);
  CloseHandle(p.pong);
  return bad ? -1 : t;
}

static DWORD WINAPI nothing(LPVOID param) { (void)param; return 0; }

/* CreateProcessW of this program with the argument "nop" (it exits at once) + waiting for its exit. */
static double b_process_create_exit(long n) {
  WCHAR path[MAX_PATH], line[MAX_PATH + 8] = L"\"";
  if (!GetModuleFileNameW(NULL, path, MAX_PATH)) return -1;
  lstrcatW(line, path);
  lstrcatW(line, L"\" nop");
  double t = now();
  for (long i = 0; i < n; i++) {
    STARTUPINFOW si;
    PROCESS_INFORMATION pi;
    DWORD code = 1;
    ZeroMemory(&si, sizeof si);
    si.cb = sizeof si;
    if (!CreateProcessW(path, line, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) return -1;
    WaitForSingleObject(pi.hProcess, INFINITE);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    if (code) return -1;
  }
  return now() - t;
}

static double b_thread_create_join(long n) {
  double t = now();
  for (long i = 0; i < n; i++) {
    HANDLE th = CreateThread(NULL, 0, nothing, NULL, 0, NULL);
    if (!th) return -1;
    WaitForSingleObject(th, INFINITE);
    CloseHandle(th);
  }
  return now() - t;
}

/* The Windows thread pool (docs/guests.md "Thread pool"): SubmitThreadpoolWork, the callback running on a
 * pool worker, WaitForThreadpoolWorkCallbacks. One warm-up round starts the worker. */
static volatile LONG tp_bench_count;
static VOID CALLBACK tp_bench_cb(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_WORK work) {
  (void)inst; (void)ctx; (void)work;
  tp_bench_count++;
}

static double b_threadpool_work(long n) {
  PTP_WORK w = CreateThreadpoolWork(tp_bench_cb, NULL, NULL);
  if (!w) return -1;
  tp_bench_count = 0;
  SubmitThreadpoolWork(w);
  WaitForThreadpoolWorkCallbacks(w, FALSE);
  double t = now();
  for (long i = 0; i < n; i++) {
    SubmitThreadpoolWork(w);
    WaitForThreadpoolWorkCallbacks(w, FALSE);
  }
  t = now() - t;
  CloseThreadpoolWork(w);
  return tp_bench_count == n + 1 ? t : -1;
}

/* ---------------------------------------------------------------- calibration and the row table */

/* Operations run by every calibration so far (a host can compare it with its count of kernel calls). */
static double total_ops;

/* Runs body with a growing count until one run lasts min_seconds; returns ns per op, < 0 on failure. */
static double calibrate(body_fn body, double seconds) {
  long n = 1;
  for (;;) {
    double t = body(n);
    total_ops += (double)n;
    if (t < 0) return -1;
    if (t >= seconds || n >= (1L << 30)) return t * 1e9 / (double)n;
    n *= t < seconds / 16 ? 8 : 2;
  }
}

static void report(const char *name, double ns) {
  if (ns < 0) printf("%s n/a\n", name);
  else printf("%s %.1f\n", name, ns);
  fflush(stdout);
}

/* ---------------------------------------------------------------- scale rows */

#define SCALE_HANDLES 1000000

static void scale_handles(void) {
  HANDLE *hs = malloc(sizeof(HANDLE) * SCALE_HANDLES);
  long made = 0;
  double t = now();
  for (; made < SCALE_HANDLES; made++) if (!(hs[made] = CreateEventW(NULL, TRUE, FALSE, NULL))) break;
  double created = now() - t;
  if (made < SCALE_HANDLES) printf("handles_max %ld\n", made);
  t = now();
  for (long i = 0; i < made; i++) CloseHandle(hs[i]);
  double closed = now() - t;
  free(hs);
  report("handles_1m_create", made == SCALE_HANDLES ? created * 1e9 / made : -1);
  report("handles_1m_close", made == SCALE_HANDLES ? closed * 1e9 / made : -1);
}

#define RING 256

/* 256 threads in a ring of auto events, started once. Member 0 counts laps and signals `done` after
 * `goal` of them, keeping the token; the main thread starts the next run by setting ev[0] again. */
struct ring { HANDLE ev[RING]; HANDLE ready, done; volatile long laps, goal; volatile int stop; };
struct ring_member { struct ring *r; int i; };

static DWORD WINAPI ring_member(LPVOID param) {
  struct ring_member *m = param;
  struct ring *r = m->r;
  ReleaseSemaphore(r->ready, 1, NULL);
  for (;;) {
    if (WaitForSingleObject(r->ev[m->i], INFINITE) != WAIT_OBJECT_0) return 1;
    /* Read while holding the token: stop is only set while member 0 holds it after the last lap. */
    int stopping = r->stop;
    if (m->i == 0 && !stopping && ++r->laps > r->goal) { SetEvent(r->done); continue; }
    SetEvent(r->ev[(m->i + 1) % RING]);
    if (stopping) return 0; /* the stop goes round the ring once with the token */
  }
}

static struct ring ring;
static double ring_laps(long goal) {
  ring.laps = 0; /* the first arrival at member 0 starts lap 1 */
  ring.goal = goal;
  double t = now();
  SetEvent(ring.ev[0]);
  if (WaitForSingleObject(ring.done, INFINITE) != WAIT_OBJECT_0) return -1;
  return now() - t;
}

static void scale_threads(double seconds) {
  static struct ring_member m[RING];
  static HANDLE th[RING];
  ring.ready = CreateSemaphoreW(NULL, 0, RING, NULL);
  ring.done = CreateEventW(NULL, FALSE, FALSE, NULL);
  for (int i = 0; i < RING; i++) ring.ev[i] = CreateEventW(NULL, FALSE, FALSE, NULL);
  double t = now();
  int made = 0;
  for (; made < RING; made++) {
    m[made].r = &ring;
    m[made].i = made;
    if (!(th[made] = CreateThread(NULL, 0, ring_member, &m[made], 0, NULL))) break;
  }
  for (int i = 0; i < made; i++) WaitForSingleObject(ring.ready, INFINITE);
  report("threads_256_start", made == RING ? (now() - t) * 1e9 / RING : -1);
  double hop = -1;
  if (made == RING) {
    long goal = 1;
    for (;;) {
      double d = ring_laps(goal);
      if (d < 0) break;
      if (d >= seconds || goal >= (1L << 20)) { hop = d * 1e9 / ((double)goal * RING); break; }
      goal *= d < seconds / 16 ? 8 : 2;
    }
  }
  report("threads_256_ring_hop", hop);
  ring.stop = 1;
  if (made == RING) SetEvent(ring.ev[0]);
  else for (int i = 0; i < made; i++) SetEvent(ring.ev[i]); /* no full ring: release each member */
  for (int i = 0; i < made; i += 64) WaitForMultipleObjects(made - i < 64 ? made - i : 64, th + i, TRUE, INFINITE);
  for (int i = 0; i < made; i++) CloseHandle(th[i]);
  for (int i = 0; i < RING; i++) CloseHandle(ring.ev[i]);
  CloseHandle(ring.ready);
  CloseHandle(ring.done);
}

static DWORD wfmo_count;
static double b_wfmo_any(long n) { return wait_multiple(n, wfmo_count, FALSE); }
static double b_wfmo_all(long n) { return wait_multiple(n, wfmo_count, TRUE); }

static void wfmo_scale(double seconds) {
  static const DWORD counts[] = { 1, 2, 4, 8, 16, 24, 32, 40, 48, 56, 64 };
  char name[32];
  for (unsigned i = 0; i < sizeof counts / sizeof counts[0]; i++) {
    wfmo_count = counts[i];
    snprintf(name, sizeof name, "wfmo_any_%lu", (unsigned long)wfmo_count);
    report(name, calibrate(b_wfmo_any, seconds / 4));
    snprintf(name, sizeof name, "wfmo_all_%lu", (unsigned long)wfmo_count);
    report(name, calibrate(b_wfmo_all, seconds / 4));
  }
}

static const struct { const char *name; body_fn body; } rows[] = {
  { "mutex_uncontended", b_mutex_uncontended },
  { "event_set_reset", b_event_set_reset },
  { "sem_release_wait", b_sem_release_wait },
  { "create_close_event", b_create_close_event },
  { "wait_any_64", b_wait_any_64 },
  { "wait_all_64", b_wait_all_64 },
  { "pingpong", b_pingpong },
  { "named_open", b_named_open },
  { "pipe_msg_roundtrip", b_pipe_msg_roundtrip },
  { "pipe_transact_4k", b_pipe_transact_4k },
  { "service_null_call", b_service_null_call },
  { "service_call_4k", b_service_call_4k },
  { "iocp_post_get", b_iocp_post_get },
  { "iocp_pingpong", b_iocp_pingpong },
  { "critical_section", b_critical_section },
  { "thread_create_join", b_thread_create_join },
  { "threadpool_work", b_threadpool_work },
  { "process_create_exit", b_process_create_exit },
};

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "nop")) return 0; /* process_create_exit's child */
  const char *only = argc > 1 && strcmp(argv[1], "all") ? argv[1] : NULL;
  if (argc > 2) min_seconds = atof(argv[2]) / 1000.0;
  QueryPerformanceFrequency(&freq);
  if (only && !strcmp(only, "scale_handles")) { scale_handles(); return 0; }
  if (only && !strcmp(only, "scale_threads")) { scale_threads(min_seconds); return 0; }
  if (only && !strcmp(only, "wfmo_scale")) { wfmo_scale(min_seconds); return 0; }
  int ran = 0;
  for (unsigned i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    if (only && strcmp(only, rows[i].name)) continue;
    report(rows[i].name, calibrate(rows[i].body, min_seconds));
    ran++;
  }
  if (!ran) {
    fprintf(stderr, "unknown row %s\n", only);
    return 2;
  }
  if (only) printf("ops %.0f\n", total_ops);
  return 0;
}
