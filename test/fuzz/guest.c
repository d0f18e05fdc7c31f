/*
 * The model-based fuzzer's interpreter guest (test/fuzz/README in docs/reliability.md). Every process of a
 * fuzz run is this program: argv[1] is the run's tag (names its baton events), argv[2] its process index.
 * It reads the whole program from standard input (binary, little-endian words, test/fuzz/program.ts
 * encodeProgram), sets up, then runs the ops it owns, in program order, on the thread each names.
 *
 * Ops run strictly one at a time across every thread of every process: a baton of named auto-reset
 * events, one per (process, thread). The thread that ran op i sets the event of op i+1's owner (or goes
 * on itself). So the model's expectations never depend on scheduling. Every op's results (return value,
 * last error, up to four out words) are kept in memory and printed by the process's main thread at its
 * END op, one line per op: "i ret err o1 o2 o3 o4" in hex.
 *
 * Setup makes the same handles in every process, in this order, so the handle table is 1..top with no
 * free entry and the model knows it (program.ts infraHandles): the 3 standard handles, the P*T baton
 * events, the ready semaphore, P process handles (OpenProcess of every process, itself included) and
 * the T-1 worker thread handles. It checks that with GetHandleInformation and fails (exit 3) otherwise.
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <ntwasm/ntdll.h>

#define MAGIC 0x5a5a4631u
#define SENTINEL 0x5eed5eedu
#define MAXP 4
#define MAXT 4

enum {
  OP_CREATE_EVENT = 1, OP_CREATE_EVENT_EX, OP_OPEN_EVENT, OP_SET_EVENT, OP_RESET_EVENT, OP_PULSE_EVENT,
  OP_CREATE_MUTEX, OP_CREATE_MUTEX_EX, OP_OPEN_MUTEX, OP_RELEASE_MUTEX,
  OP_CREATE_SEM, OP_CREATE_SEM_EX, OP_OPEN_SEM, OP_RELEASE_SEM,
  OP_CREATE_TIMER, OP_CREATE_TIMER_EX, OP_OPEN_TIMER, OP_SET_TIMER, OP_CANCEL_TIMER,
  OP_CLOSE, OP_DUP, OP_GET_INFO, OP_SET_INFO,
  OP_WAIT1, OP_WAITN, OP_SOAW, OP_QUERY,
  OP_EXIT, OP_JOIN, OP_END,
  OP_NT_CREATE_DIR, OP_NT_OPEN_DIR, OP_NT_CREATE_EVENT, OP_NT_OPEN_EVENT,
};
/* OBJECT_ATTRIBUTES kinds: NULL, valid, an unreadable pointer, a wrong Length field. */
enum { OA_NULL = 0, OA_OK, OA_BAD, OA_BADLEN };

/* Pointer kinds of out and in parameters. */
enum { PK_NULL = 0, PK_OK, PK_UNALIGNED, PK_BAD, PK_END, PK_OVERLAP };
/* Name modes. */
enum { NM_OK = 0, NM_UNALIGNED, NM_BAD, NM_END };
/* SECURITY_ATTRIBUTES kinds. */
enum { SA_NULL = 0, SA_PLAIN, SA_INHERIT, SA_BAD };

static int P, T, me_p;
static DWORD pids[MAXP];
static HANDLE turn[MAXP][MAXT], ready, procs[MAXP], threads[MAXT];
static int alive[MAXT];
static volatile int quit[MAXT];
static unsigned char *input;
static size_t input_len;
static const uint32_t **names;
static uint32_t *name_len;
static uint32_t nnames;
static const uint32_t **ops;
static uint32_t nops;
static uint32_t (*res)[6];
static unsigned char *arena; /* 256 KiB of scratch for in/out parameters */
static unsigned char *end_page; /* a page this program grew at the end of memory */

static void fatal(const char *what, unsigned long v) {
  printf("FATAL %s %lx\n", what, v);
  fflush(stdout);
  ExitProcess(3);
}

static uint32_t owner(uint32_t i) { return ops[i][1]; }
static uint32_t code(uint32_t i) { return ops[i][2]; }

/* The last bytes of guest memory: a page grown here, grown again when something else grew memory since. */
static unsigned char *mem_end(void) {
  size_t size = __builtin_wasm_memory_size(0) * 65536u;
  if (!end_page || (size_t)end_page + 65536 != size) {
    size_t old = __builtin_wasm_memory_grow(0, 1);
    if (old == (size_t)-1) fatal("grow", 0);
    end_page = (unsigned char *)(old * 65536u);
  }
  return end_page + 65536;
}

static uint32_t *out_ptr(uint32_t kind, void *overlap) {
  switch (kind) {
    case PK_NULL: return NULL;
    case PK_OK: return (uint32_t *)(arena + 1024);
    case PK_UNALIGNED: return (uint32_t *)(arena + 1025);
    case PK_BAD: return (uint32_t *)0xffffff00u;
    case PK_END: return (uint32_t *)(mem_end() - 2);
    case PK_OVERLAP: return (uint32_t *)overlap;
    default: return NULL;
  }
}

static uint32_t read_out(uint32_t kind, uint32_t *p) {
  if (!p || kind == PK_BAD || kind == PK_END) return SENTINEL;
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}

static void prime_out(uint32_t kind, uint32_t *p) {
  if (p && kind != PK_BAD && kind != PK_END) { uint32_t v = SENTINEL; memcpy(p, &v, 4); }
}

static SECURITY_ATTRIBUTES *sa_ptr(uint32_t kind) {
  static SECURITY_ATTRIBUTES plain = { sizeof(SECURITY_ATTRIBUTES), NULL, FALSE }, inherit = { sizeof(SECURITY_ATTRIBUTES), NULL, TRUE };
  switch (kind) {
    case SA_PLAIN: return &plain;
    case SA_INHERIT: return &inherit;
    case SA_BAD: return (SECURITY_ATTRIBUTES *)0xffffff00u;
    default: return NULL;
  }
}

/* Name `idx` (0xffffffff: NULL) placed as `mode` says. */
static LPCWSTR name_ptr(uint32_t idx, uint32_t mode) {
  if (idx == 0xffffffffu) return NULL;
  if (idx >= nnames) fatal("name index", idx);
  uint32_t len = name_len[idx];
  const unsigned char *src = (const unsigned char *)names[idx];
  switch (mode) {
    case NM_UNALIGNED: {
      unsigned char *d = arena + 4097; /* odd: a misaligned UTF-16 string */
      memcpy(d, src, 2 * len);
      d[2 * len] = d[2 * len + 1] = 0;
      return (LPCWSTR)d;
    }
    case NM_BAD: return (LPCWSTR)0xffffff00u;
    case NM_END: { /* the characters run to the end of memory with no NUL */
      unsigned char *e = mem_end();
      if (len > 30000) len = 30000;
      unsigned char *d = e - 2 * len;
      memcpy(d, src, 2 * len);
      return (LPCWSTR)d;
    }
    default: {
      unsigned char *d = arena + 4096 + 65536 + 8; /* aligned, NUL-terminated */
      memcpy(d, src, 2 * len);
      d[2 * len] = d[2 * len + 1] = 0;
      return (LPCWSTR)d;
    }
  }
}

/*
 * The OBJECT_ATTRIBUTES `kind` for RootDirectory `root`, name `idx` placed as `mode` says (NM_UNALIGNED here: an
 * odd Length; NM_END: a Buffer whose Length runs past the end of memory), Attributes `attr`.
 */
static OBJECT_ATTRIBUTES *oa_ptr(uint32_t kind, uint32_t root, uint32_t idx, uint32_t mode, uint32_t attr) {
  static OBJECT_ATTRIBUTES oa;
  static UNICODE_STRING us;
  if (kind == OA_NULL) return NULL;
  if (kind == OA_BAD) return (OBJECT_ATTRIBUTES *)0xffffff00u;
  memset(&oa, 0, sizeof oa);
  oa.Length = kind == OA_BADLEN ? sizeof oa - 1 : sizeof oa;
  oa.RootDirectory = (HANDLE)(uintptr_t)root;
  oa.Attributes = attr;
  if (idx == 0xffffffffu) return &oa;
  uint32_t len = name_len[idx] > 32767 ? 32767 : name_len[idx];
  us.Length = (USHORT)(2 * len);
  us.MaximumLength = (USHORT)(2 * len);
  switch (mode) {
    case NM_UNALIGNED: us.Buffer = (PWSTR)name_ptr(idx, NM_OK); us.Length |= 1; break;
    case NM_BAD: us.Buffer = (PWSTR)0xffffff00u; break;
    case NM_END: us.Buffer = (PWSTR)(mem_end() - 2 * (len ? len - 1 : 0) - 1); if (!len) us.Length = us.MaximumLength = 2; break;
    default: us.Buffer = (PWSTR)name_ptr(idx, NM_OK); break;
  }
  oa.ObjectName = &us;
  return &oa;
}

static void run_op(uint32_t i, int k) {
  const uint32_t *a = ops[i] + 3;
  uint32_t *r = res[i];
  uint32_t ret = 0, o1 = SENTINEL, o2 = SENTINEL, o3 = SENTINEL, o4 = SENTINEL;
  SetLastError(SENTINEL);
  switch (code(i)) {
    case OP_CREATE_EVENT: ret = (uint32_t)(uintptr_t)CreateEventW(sa_ptr(a[0]), a[1], a[2], name_ptr(a[3], a[4])); break;
    case OP_CREATE_EVENT_EX: ret = (uint32_t)(uintptr_t)CreateEventExW(sa_ptr(a[0]), name_ptr(a[1], a[2]), a[3], a[4]); break;
    case OP_OPEN_EVENT: ret = (uint32_t)(uintptr_t)OpenEventW(a[0], a[1], name_ptr(a[2], a[3])); break;
    case OP_SET_EVENT: ret = SetEvent((HANDLE)(uintptr_t)a[0]); break;
    case OP_RESET_EVENT: ret = ResetEvent((HANDLE)(uintptr_t)a[0]); break;
    case OP_PULSE_EVENT: ret = PulseEvent((HANDLE)(uintptr_t)a[0]); break;
    case OP_CREATE_MUTEX: ret = (uint32_t)(uintptr_t)CreateMutexW(sa_ptr(a[0]), a[1], name_ptr(a[2], a[3])); break;
    case OP_CREATE_MUTEX_EX: ret = (uint32_t)(uintptr_t)CreateMutexExW(sa_ptr(a[0]), name_ptr(a[1], a[2]), a[3], a[4]); break;
    case OP_OPEN_MUTEX: ret = (uint32_t)(uintptr_t)OpenMutexW(a[0], a[1], name_ptr(a[2], a[3])); break;
    case OP_RELEASE_MUTEX: ret = ReleaseMutex((HANDLE)(uintptr_t)a[0]); break;
    case OP_CREATE_SEM: ret = (uint32_t)(uintptr_t)CreateSemaphoreW(sa_ptr(a[0]), (LONG)a[1], (LONG)a[2], name_ptr(a[3], a[4])); break;
    case OP_CREATE_SEM_EX:
      ret = (uint32_t)(uintptr_t)CreateSemaphoreExW(sa_ptr(a[0]), (LONG)a[1], (LONG)a[2], name_ptr(a[3], a[4]), a[5], a[6]);
      break;
    case OP_OPEN_SEM: ret = (uint32_t)(uintptr_t)OpenSemaphoreW(a[0], a[1], name_ptr(a[2], a[3])); break;
    case OP_RELEASE_SEM: {
      uint32_t *prev = out_ptr(a[2], NULL);
      prime_out(a[2], prev);
      ret = ReleaseSemaphore((HANDLE)(uintptr_t)a[0], (LONG)a[1], (LPLONG)prev);
      o1 = read_out(a[2], prev);
      break;
    }
    case OP_CREATE_TIMER: ret = (uint32_t)(uintptr_t)CreateWaitableTimerW(sa_ptr(a[0]), a[1], name_ptr(a[2], a[3])); break;
    case OP_CREATE_TIMER_EX: ret = (uint32_t)(uintptr_t)CreateWaitableTimerExW(sa_ptr(a[0]), name_ptr(a[1], a[2]), a[3], a[4]); break;
    case OP_OPEN_TIMER: ret = (uint32_t)(uintptr_t)OpenWaitableTimerW(a[0], a[1], name_ptr(a[2], a[3])); break;
    case OP_SET_TIMER: {
      LARGE_INTEGER *due = a[3] == PK_NULL ? NULL : a[3] == PK_BAD ? (LARGE_INTEGER *)0xffffff00u
        : a[3] == PK_END ? (LARGE_INTEGER *)(mem_end() - 4) : (LARGE_INTEGER *)(arena + (a[3] == PK_UNALIGNED ? 2049 : 2048));
      if (a[3] == PK_OK || a[3] == PK_UNALIGNED) { uint64_t v = (uint64_t)a[1] | (uint64_t)a[2] << 32; memcpy(due, &v, 8); }
      ret = SetWaitableTimer((HANDLE)(uintptr_t)a[0], due, (LONG)a[4], NULL, NULL, FALSE);
      break;
    }
    case OP_CANCEL_TIMER: ret = CancelWaitableTimer((HANDLE)(uintptr_t)a[0]); break;
    case OP_CLOSE: ret = CloseHandle((HANDLE)(uintptr_t)a[0]); break;
    case OP_DUP: {
      uint32_t *target = out_ptr(a[3], NULL);
      prime_out(a[3], target);
      ret = DuplicateHandle((HANDLE)(uintptr_t)a[0], (HANDLE)(uintptr_t)a[1], (HANDLE)(uintptr_t)a[2], (LPHANDLE)target, a[4], a[5], a[6]);
      o1 = read_out(a[3], target);
      break;
    }
    case OP_GET_INFO: {
      uint32_t *flags = out_ptr(a[1], NULL);
      prime_out(a[1], flags);
      ret = GetHandleInformation((HANDLE)(uintptr_t)a[0], (LPDWORD)flags);
      o1 = read_out(a[1], flags);
      break;
    }
    case OP_SET_INFO: ret = SetHandleInformation((HANDLE)(uintptr_t)a[0], a[1], a[2]); break;
    case OP_WAIT1: ret = WaitForSingleObject((HANDLE)(uintptr_t)a[0], 0); break;
    case OP_WAITN: {
      uint32_t count = a[0], all = a[1], kind = a[2], n = a[3];
      unsigned char *arr;
      switch (kind) {
        case PK_NULL: arr = NULL; break;
        case PK_UNALIGNED: arr = arena + 8193; break;
        case PK_BAD: arr = (unsigned char *)0xffffff00u; break;
        case PK_END: arr = mem_end() - 4 * (n ? n - 1 : 0) - 2; break; /* the last handle runs past the end */
        default: arr = arena + 8192; break;
      }
      if (arr && kind != PK_BAD) memcpy(arr, a + 4, kind == PK_END ? 4 * (n ? n - 1 : 0) + 2 : 4 * n);
      ret = WaitForMultipleObjects(count, (const HANDLE *)arr, all, 0);
      break;
    }
    case OP_SOAW: ret = SignalObjectAndWait((HANDLE)(uintptr_t)a[0], (HANDLE)(uintptr_t)a[1], 0, FALSE); break;
    case OP_QUERY: {
      /* a: which (0 event, 1 mutant, 2 semaphore), handle, length, buffer kind, return-length kind */
      uint32_t *buf = out_ptr(a[3], NULL), *rl;
      switch (a[4]) {
        case PK_OK: rl = (uint32_t *)(arena + 1536); break;
        case PK_OVERLAP: rl = (uint32_t *)(arena + 1028); break; /* the buffer's second word */
        default: rl = out_ptr(a[4], NULL); break;
      }
      if (buf && a[3] != PK_BAD && a[3] != PK_END) for (int j = 0; j < 4; j++) { uint32_t v = SENTINEL; memcpy((unsigned char *)buf + 4 * j, &v, 4); }
      prime_out(a[4], rl);
      HANDLE h = (HANDLE)(uintptr_t)a[1];
      if (a[0] == 0) ret = NtQueryEvent(h, 0, buf, a[2], (PULONG)rl);
      else if (a[0] == 1) ret = NtQueryMutant(h, 0, buf, a[2], (PULONG)rl);
      else ret = NtQuerySemaphore(h, 0, buf, a[2], (PULONG)rl);
      if (buf && a[3] != PK_BAD && a[3] != PK_END) { memcpy(&o1, buf, 4); memcpy(&o2, (unsigned char *)buf + 4, 4); memcpy(&o3, (unsigned char *)buf + 8, 4); }
      o4 = read_out(a[4], rl);
      break;
    }
    case OP_NT_CREATE_DIR: case OP_NT_OPEN_DIR: case OP_NT_CREATE_EVENT: case OP_NT_OPEN_EVENT: {
      /* a: handle kind, access, root, name, mode, attributes, OBJECT_ATTRIBUTES kind[, event type, initial state] */
      uint32_t *ph = out_ptr(a[0], NULL);
      prime_out(a[0], ph);
      OBJECT_ATTRIBUTES *oa = oa_ptr(a[6], a[2], a[3], a[4], a[5]);
      switch (code(i)) {
        case OP_NT_CREATE_DIR: ret = NtCreateDirectoryObject((PHANDLE)ph, a[1], oa); break;
        case OP_NT_OPEN_DIR: ret = NtOpenDirectoryObject((PHANDLE)ph, a[1], oa); break;
        case OP_NT_CREATE_EVENT: ret = NtCreateEvent((PHANDLE)ph, a[1], oa, (EVENT_TYPE)a[7], (BOOLEAN)a[8]); break;
        default: ret = NtOpenEvent((PHANDLE)ph, a[1], oa); break;
      }
      o1 = read_out(a[0], ph);
      break;
    }
    case OP_JOIN:
      ret = WaitForSingleObject(threads[a[0]], INFINITE);
      if (!GetExitCodeThread(threads[a[0]], (LPDWORD)&o1)) o1 = SENTINEL;
      alive[a[0]] = 0;
      break;
    default: fatal("op", code(i));
  }
  r[0] = ret; r[1] = GetLastError(); r[2] = o1; r[3] = o2; r[4] = o3; r[5] = o4;
  (void)k;
}

/* Hands the baton to op i+1's owner; returns 1 when that is the calling thread itself. */
static int pass(uint32_t i, int k) {
  if (i + 1 >= nops) return 0;
  uint32_t o = owner(i + 1);
  if ((int)(o >> 4) == me_p && (int)(o & 15) == k) return 1;
  if (!SetEvent(turn[o >> 4][o & 15])) fatal("baton", GetLastError());
  return 0;
}

static uint32_t next_own(uint32_t from, int k) {
  uint32_t want = (uint32_t)(me_p << 4 | k);
  while (from < nops && owner(from) != want) from++;
  return from;
}

static void end_process(uint32_t i) {
  for (int k = 1; k < T; k++) {
    if (!alive[k]) continue;
    quit[k] = 1;
    SetEvent(turn[me_p][k]);
    WaitForSingleObject(threads[k], INFINITE);
  }
  for (uint32_t j = 0; j < nops; j++) {
    if ((int)(owner(j) >> 4) != me_p || code(j) == OP_END || code(j) == OP_EXIT) continue;
    printf("%x %x %x %x %x %x %x\n", (unsigned)j, (unsigned)res[j][0], (unsigned)res[j][1], (unsigned)res[j][2], (unsigned)res[j][3],
      (unsigned)res[j][4], (unsigned)res[j][5]);
  }
  printf("DONE %d\n", me_p);
  fflush(stdout);
  pass(i, 0);
}

/* A thread's part of the program: wait for the baton, run the next own op, pass the baton. */
static DWORD run_thread(int k, int has_baton) {
  uint32_t i = next_own(0, k);
  for (;;) {
    if (!has_baton) {
      if (WaitForSingleObject(turn[me_p][k], INFINITE) != WAIT_OBJECT_0) fatal("turn", GetLastError());
      if (quit[k]) return 0;
    }
    if (i >= nops) fatal("no op for thread", (unsigned long)k);
    if (code(i) == OP_END) { end_process(i); return 0; }
    if (code(i) == OP_EXIT) {
      uint32_t exit_code = ops[i][3];
      pass(i, k); /* to the JOIN that follows */
      ExitThread(exit_code);
    }
    run_op(i, k);
    has_baton = pass(i, k);
    i = next_own(i + 1, k);
  }
}

static DWORD WINAPI worker(LPVOID param) { return run_thread((int)(intptr_t)param, 0); }

static uint32_t word(size_t *at) {
  if (*at + 4 > input_len) fatal("short input", *at);
  uint32_t v;
  memcpy(&v, input + *at, 4);
  *at += 4;
  return v;
}

int main(int argc, char **argv) {
  if (argc < 3) fatal("usage", 0);
  const char *tag = argv[1];
  me_p = atoi(argv[2]);
  size_t cap = 1 << 16;
  input = malloc(cap);
  for (;;) {
    if (input_len == cap) input = realloc(input, cap *= 2);
    ssize_t n = read(0, input + input_len, cap - input_len);
    if (n < 0) fatal("read", 0);
    if (n == 0) break;
    input_len += (size_t)n;
  }
  size_t at = 0;
  if (word(&at) != MAGIC) fatal("magic", 0);
  P = (int)word(&at);
  T = (int)word(&at);
  if (P < 1 || P > MAXP || T < 1 || T > MAXT || me_p >= P) fatal("shape", (unsigned long)(P << 8 | T));
  for (int j = 0; j < P; j++) pids[j] = word(&at);
  nnames = word(&at);
  names = calloc(nnames + 1, sizeof *names);
  name_len = calloc(nnames + 1, sizeof *name_len);
  for (uint32_t j = 0; j < nnames; j++) {
    name_len[j] = word(&at);
    names[j] = (const uint32_t *)(input + at);
    at += 4 * ((name_len[j] + 1) / 2);
    if (at > input_len) fatal("names", j);
  }
  nops = word(&at);
  ops = calloc(nops + 1, sizeof *ops);
  for (uint32_t j = 0; j < nops; j++) {
    uint32_t n = word(&at);
    ops[j] = (const uint32_t *)(input + at - 4);
    at += 4 * (size_t)(n - 1);
    if (n < 3 || at > input_len) fatal("ops", j);
  }
  res = calloc(nops + 1, sizeof *res);
  arena = calloc(1, 256 * 1024);
  uint32_t expected_top = word(&at);

  /* Setup, in the order program.ts expects. */
  WCHAR name[96];
  char text[96];
  for (int j = 0; j < P; j++) for (int k = 0; k < T; k++) {
    snprintf(text, sizeof text, "ntwfz-%s-t%d-%d", tag, j, k);
    for (int c = 0; ; c++) { name[c] = (WCHAR)text[c]; if (!text[c]) break; }
    turn[j][k] = CreateEventW(NULL, FALSE, FALSE, name);
    if (!turn[j][k]) fatal("turn event", GetLastError());
  }
  snprintf(text, sizeof text, "ntwfz-%s-ready", tag);
  for (int c = 0; ; c++) { name[c] = (WCHAR)text[c]; if (!text[c]) break; }
  ready = CreateSemaphoreW(NULL, 0, 1000, name);
  if (!ready) fatal("ready", GetLastError());
  for (int j = 0; j < P; j++) {
    procs[j] = OpenProcess(PROCESS_ALL_ACCESS, FALSE, pids[j]);
    if (!procs[j]) fatal("OpenProcess", GetLastError());
  }
  for (int k = 1; k < T; k++) {
    threads[k] = CreateThread(NULL, 0, worker, (LPVOID)(intptr_t)k, 0, NULL);
    if (!threads[k]) fatal("CreateThread", GetLastError());
    alive[k] = 1;
  }
  uint32_t top = (uint32_t)(uintptr_t)threads[T - 1] >> 2;
  if (T == 1) top = (uint32_t)(uintptr_t)procs[P - 1] >> 2;
  DWORD flags;
  for (uint32_t h = 1; h <= top; h++) if (!GetHandleInformation((HANDLE)(uintptr_t)(h << 2), &flags)) fatal("handle table hole", h << 2);
  if (GetHandleInformation((HANDLE)(uintptr_t)((top + 1) << 2), &flags)) fatal("handle past the top", (top + 1) << 2);
  if (top != expected_top) fatal("handle table top", top);
  mem_end();

  ReleaseSemaphore(ready, 1, NULL);
  if (me_p == 0) {
    for (int j = 0; j < P; j++) WaitForSingleObject(ready, INFINITE);
    if (nops == 0) return 0;
    uint32_t o = owner(0);
    if (o != 0) { SetEvent(turn[o >> 4][o & 15]); return (int)run_thread(0, 0); }
    return (int)run_thread(0, 1);
  }
  return (int)run_thread(0, 0);
}
