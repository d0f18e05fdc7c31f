/*
 * Native Linux equivalents of guests/c/bench.c's rows, for `npm run bench` (bench/run.mjs compiles this
 * with cc into a temporary directory when a C compiler is present). Same output (`name ns_per_op`) and
 * the same calibration: the count grows until one run lasts min_ms (default 200 ms).
 *
 *   mutex_uncontended   pthread_mutex_lock + unlock
 *   event_set_reset     a futex-word event: set = exchange 1 (+ FUTEX_WAKE only when a waiter is flagged), reset = store 0
 *   sem_release_wait    sem_post + sem_trywait
 *   create_close_event  eventfd + close
 *   wait_any_64         poll on 64 eventfds, the last one readable
 *   wait_all_64         poll on 64 eventfds, all readable
 *   pingpong            two threads, two futex auto-reset events, round trip
 *   named_open          shm_open of an existing name + close
 *   pipe_msg_roundtrip  64 bytes each way over two pipes between two threads
 *   critical_section    pthread_mutex_lock + unlock (Windows' critical section is the same user-mode lock)
 *   thread_create_join  pthread_create + pthread_join
 *   process_create_exit fork + exec of this program with "nop" (it exits at once) + waitpid
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/futex.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double min_seconds = 0.2;

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static long futex(atomic_int *w, int op, int v) { return syscall(SYS_futex, w, op, v, NULL, NULL, 0); }

/* An auto-reset event on one futex word: 0 unset, 1 set, 2 unset with a sleeper. */
static void ev_set(atomic_int *e) {
  if (atomic_exchange(e, 1) == 2) futex(e, FUTEX_WAKE_PRIVATE, 1);
}
static void ev_wait_auto(atomic_int *e) {
  for (;;) {
    int one = 1;
    if (atomic_compare_exchange_strong(e, &one, 0)) return;
    for (int spin = 0; spin < 200; spin++) {
      one = 1;
      if (atomic_load_explicit(e, memory_order_relaxed) == 1 && atomic_compare_exchange_strong(e, &one, 0)) return;
    }
    int zero = 0;
    if (atomic_compare_exchange_strong(e, &zero, 2) || zero == 2) futex(e, FUTEX_WAIT_PRIVATE, 2);
  }
}

typedef double (*body_fn)(long n);

static double b_mutex(long n) {
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  double t = now();
  for (long i = 0; i < n; i++) { pthread_mutex_lock(&m); pthread_mutex_unlock(&m); }
  return now() - t;
}

static double b_event_set_reset(long n) {
  static atomic_int e;
  double t = now();
  for (long i = 0; i < n; i++) { ev_set(&e); atomic_store(&e, 0); }
  return now() - t;
}

static double b_sem(long n) {
  sem_t s;
  sem_init(&s, 0, 0);
  double t = now();
  for (long i = 0; i < n; i++) { sem_post(&s); sem_trywait(&s); }
  t = now() - t;
  sem_destroy(&s);
  return t;
}

static double b_create_close(long n) {
  double t = now();
  for (long i = 0; i < n; i++) close(eventfd(0, 0));
  return now() - t;
}

static double poll64(long n, int all) {
  struct pollfd p[64];
  for (int i = 0; i < 64; i++) {
    p[i].fd = eventfd(all || i == 63 ? 1 : 0, 0);
    p[i].events = POLLIN;
  }
  int bad = 0;
  double t = now();
  for (long i = 0; i < n; i++) bad |= poll(p, 64, 0) != (all ? 64 : 1);
  t = now() - t;
  for (int i = 0; i < 64; i++) close(p[i].fd);
  return bad ? -1 : t;
}
static double b_wait_any(long n) { return poll64(n, 0); }
static double b_wait_all(long n) { return poll64(n, 1); }

struct pp { atomic_int ping, pong; long rounds; };
static void *ponger(void *arg) {
  struct pp *p = arg;
  for (long i = 0; i < p->rounds; i++) { ev_wait_auto(&p->ping); ev_set(&p->pong); }
  return NULL;
}
static double b_pingpong(long n) {
  struct pp p = { 0, 0, n + 1 };
  pthread_t th;
  pthread_create(&th, NULL, ponger, &p);
  ev_set(&p.ping);
  ev_wait_auto(&p.pong);
  double t = now();
  for (long i = 0; i < n; i++) { ev_set(&p.ping); ev_wait_auto(&p.pong); }
  t = now() - t;
  pthread_join(th, NULL);
  return t;
}

static double b_named_open(long n) {
  char name[64];
  snprintf(name, sizeof name, "/ntwasm-bench-%d", (int)getpid());
  int fd = shm_open(name, O_RDWR | O_CREAT, 0600);
  if (fd < 0) return -1;
  int bad = 0;
  double t = now();
  for (long i = 0; i < n; i++) {
    int h = shm_open(name, O_RDWR, 0);
    bad |= h < 0;
    close(h);
  }
  t = now() - t;
  close(fd);
  shm_unlink(name);
  return bad ? -1 : t;
}

struct echo { int in, out; long rounds; };
static void *echo(void *arg) {
  struct echo *e = arg;
  char buf[64];
  for (long i = 0; i < e->rounds; i++) {
    if (read(e->in, buf, 64) != 64 || write(e->out, buf, 64) != 64) break;
  }
  return NULL;
}
static double b_pipe(long n) {
  int a[2], b[2];
  if (pipe(a) || pipe(b)) return -1;
  struct echo e = { a[0], b[1], n + 1 };
  pthread_t th;
  pthread_create(&th, NULL, echo, &e);
  char msg[64], reply[64];
  memset(msg, 'm', 64);
  int bad = 0;
  double t = 0;
  for (long i = 0; i <= n && !bad; i++) {
    if (i == 1) t = now();
    bad |= write(a[1], msg, 64) != 64 || read(b[0], reply, 64) != 64;
  }
  t = now() - t;
  pthread_join(th, NULL);
  close(a[0]); close(a[1]); close(b[0]); close(b[1]);
  return bad ? -1 : t;
}

static void *nothing(void *arg) { return arg; }
static double b_thread(long n) {
  double t = now();
  for (long i = 0; i < n; i++) {
    pthread_t th;
    if (pthread_create(&th, NULL, nothing, NULL)) return -1;
    pthread_join(th, NULL);
  }
  return now() - t;
}

static double b_process(long n) {
  char *args[] = { "native", "nop", NULL };
  double t = now();
  for (long i = 0; i < n; i++) {
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) { execv("/proc/self/exe", args); _exit(127); }
    int status;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status)) return -1;
  }
  return now() - t;
}

static double calibrate(body_fn body) {
  long n = 1;
  for (;;) {
    double t = body(n);
    if (t < 0) return -1;
    if (t >= min_seconds || n >= (1L << 30)) return t * 1e9 / n;
    n *= t < min_seconds / 16 ? 8 : 2;
  }
}

static const struct { const char *name; body_fn body; } rows[] = {
  { "mutex_uncontended", b_mutex }, { "event_set_reset", b_event_set_reset }, { "sem_release_wait", b_sem },
  { "create_close_event", b_create_close }, { "wait_any_64", b_wait_any }, { "wait_all_64", b_wait_all },
  { "pingpong", b_pingpong }, { "named_open", b_named_open }, { "pipe_msg_roundtrip", b_pipe },
  { "critical_section", b_mutex }, { "thread_create_join", b_thread }, { "process_create_exit", b_process },
};

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "nop")) return 0; /* process_create_exit's child */
  const char *only = argc > 1 && strcmp(argv[1], "all") ? argv[1] : NULL;
  if (argc > 2) min_seconds = atof(argv[2]) / 1000.0;
  for (unsigned i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    if (only && strcmp(only, rows[i].name)) continue;
    double ns = calibrate(rows[i].body);
    if (ns < 0) printf("%s n/a\n", rows[i].name);
    else printf("%s %.1f\n", rows[i].name, ns);
    fflush(stdout);
  }
  return 0;
}
