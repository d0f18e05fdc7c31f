/*
 * The core of the ntwasm C runtime, linked into every guest by `ntwasm cc` (guests/c/runtime/internal.h
 * says how the runtime's parts fit). It makes Debian's wasi-libc, which is built for one thread, safe
 * to call from several, and it is the program's entry.
 *
 * Locks. No lock is ever held while a call waits for input, a pipe or a sleep:
 * - The libc lock (recursive) serialises the short calls that touch libc's global state: the
 *   allocator, fopen/fclose, the POSIX file calls that never wait (open, stat, mkdir, readdir...).
 *   The linker redirects every call to them, also calls from inside libc, to the __wrap_ functions
 *   below (-Wl,--wrap=NAME). A wrapped call runs with libc's global errno set to the caller's and
 *   copies it back.
 * - A lock per FILE (recursive): stdio calls on a FILE take only that FILE's lock, so a thread
 *   blocked in getchar() holds stdin's lock and nothing else: other threads' printf, malloc and
 *   snprintf go on. Formatting into memory (snprintf, swprintf) and the pure functions (strtol, rand)
 *   take no lock at all (guests/c/runtime/stdio, wide).
 * - read and write may wait as long as a pipe or the console makes them, so they take no lock: they
 *   call WASI themselves and set the caller's errno.
 *
 * Locks are SRW locks (the user-mode runtime: a free lock costs one atomic, a contended one waits in
 * the kernel) plus an owner and a depth. Thread ids come from GetCurrentThreadId once per thread and
 * are cached in thread-local storage.
 */
#include <windows.h>
#include <stddef.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include <wasi/api.h>
#include "internal.h"

/* libc's errno: a plain global in a libc built without threads (the header says _Thread_local). */
#define libc_errno ntwasm_libc_errno
extern int libc_errno __asm__("errno");

static _Thread_local int thread_errno;
static _Thread_local DWORD thread_id;

int *__ntwasm_errno_location(void) { return &thread_errno; }

static DWORD self(void) {
  if (!thread_id) thread_id = GetCurrentThreadId();
  return thread_id;
}

/* ---------- recursive locks ---------- */

typedef struct { SRWLOCK srw; volatile DWORD owner; unsigned depth; } rlock;

static int rlock_enter(rlock *l) {
  DWORD me = self();
  if (__atomic_load_n(&l->owner, __ATOMIC_RELAXED) == me) { l->depth++; return 0; }
  AcquireSRWLockExclusive(&l->srw);
  __atomic_store_n(&l->owner, me, __ATOMIC_RELAXED);
  l->depth = 1;
  return 1;
}

/* Returns 1 when this was the outermost level (the lock is now free). */
static int rlock_leave(rlock *l) {
  if (--l->depth) return 0;
  __atomic_store_n(&l->owner, 0, __ATOMIC_RELAXED);
  ReleaseSRWLockExclusive(&l->srw);
  return 1;
}

/* ---------- the libc lock ---------- */

static rlock libc_lock;

void __ntwasm_libc_lock(void) {
  if (rlock_enter(&libc_lock)) libc_errno = thread_errno;
}

void __ntwasm_libc_unlock(void) {
  thread_errno = libc_errno;
  rlock_leave(&libc_lock);
}

/* ---------- a lock per FILE ---------- */

/*
 * An open-addressed table from FILE * to its lock. Slots are claimed with a compare-exchange and kept
 * for the process's life (a FILE freed by fclose may come back from the next fopen at the same address,
 * and then reuses its slot); `open` says whether the FILE is open now (fopen to fclose), so flushing
 * every stream never touches a closed one. Past the table's size, FILEs share the last lock.
 */
#define FILE_LOCKS 256
typedef struct { FILE *volatile file; volatile int open; rlock lock; } file_slot;
static file_slot file_locks[FILE_LOCKS];
static file_slot overflow_slot;

static file_slot *slot_of(FILE *f, int insert) {
  unsigned h = ((uintptr_t)f >> 3) * 2654435761u;
  for (unsigned i = 0; i < FILE_LOCKS; i++) {
    unsigned slot = (h + i) % FILE_LOCKS;
    FILE *cur = __atomic_load_n(&file_locks[slot].file, __ATOMIC_ACQUIRE);
    if (cur == f) return &file_locks[slot];
    if (!cur) {
      if (!insert) return NULL;
      FILE *expected = NULL;
      if (__atomic_compare_exchange_n(&file_locks[slot].file, &expected, f, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)
          || expected == f) return &file_locks[slot];
    }
  }
  return insert ? &overflow_slot : NULL;
}
static rlock *lock_of(FILE *f) { return &slot_of(f, 1)->lock; }
static int is_std(FILE *f) { return f == stdin || f == stdout || f == stderr; }
static void mark_open(FILE *f, int open) {
  if (f && !is_std(f)) __atomic_store_n(&slot_of(f, 1)->open, open, __ATOMIC_RELEASE);
}

/*
 * A stream the program opened (or a standard one), as opposed to the FILE that snprintf and sscanf
 * make on their caller's stack: that one belongs to one thread and takes no lock (and no slot).
 */
int __ntwasm_is_stream(FILE *f) {
  if (is_std(f)) return 1;
  file_slot *s = slot_of(f, 0);
  return s && __atomic_load_n(&s->open, __ATOMIC_ACQUIRE);
}

void __ntwasm_file_lock(FILE *f) { rlock_enter(lock_of(f)); }
void __ntwasm_file_unlock(FILE *f) { rlock_leave(lock_of(f)); }

/*
 * Before a read on stdin that may wait, what the program wrote to stdout and stderr is shown (a
 * prompt without a newline appears before the program waits for its answer, as on a Windows console).
 */
int __real_fflush(FILE *f);
static void show_output_before_input(FILE *f) {
  if (f != stdin) return;
  FILE *out[2] = { stdout, stderr };
  for (int i = 0; i < 2; i++) {
    rlock *l = lock_of(out[i]);
    rlock_enter(l);
    __real_fflush(out[i]);
    rlock_leave(l);
  }
}

/* ---------- wrappers ---------- */

/* WRAP(result type, name, (parameters), (arguments)): under the libc lock. */
#define WRAP(R, name, params, args)            \
  R __real_##name params;                      \
  R __wrap_##name params {                     \
    __ntwasm_libc_lock();                      \
    R r = __real_##name args;                  \
    __ntwasm_libc_unlock();                    \
    return r;                                  \
  }
#define WRAP_VOID(name, params, args)          \
  void __real_##name params;                   \
  void __wrap_##name params {                  \
    __ntwasm_libc_lock();                      \
    __real_##name args;                        \
    __ntwasm_libc_unlock();                    \
  }
/* WRAP_FILE(result type, name, (parameters), (arguments), the FILE): under that FILE's lock. */
#define WRAP_FILE(R, name, params, args, file) \
  R __real_##name params;                      \
  R __wrap_##name params {                     \
    FILE *f_ = (file);                         \
    __ntwasm_file_lock(f_);                    \
    R r = __real_##name args;                  \
    __ntwasm_file_unlock(f_);                  \
    return r;                                  \
  }
#define WRAP_FILE_VOID(name, params, args, file) \
  void __real_##name params;                   \
  void __wrap_##name params {                  \
    FILE *f_ = (file);                         \
    __ntwasm_file_lock(f_);                    \
    __real_##name args;                        \
    __ntwasm_file_unlock(f_);                  \
  }
/* WRAP_INPUT: a FILE call that may wait for input (stdout and stderr are shown first). */
#define WRAP_INPUT(R, name, params, args, file) \
  R __real_##name params;                      \
  R __wrap_##name params {                     \
    FILE *f_ = (file);                         \
    show_output_before_input(f_);              \
    __ntwasm_file_lock(f_);                    \
    R r = __real_##name args;                  \
    __ntwasm_file_unlock(f_);                  \
    return r;                                  \
  }

/*
 * Where the heap starts. wasi-libc's malloc, on its first call, takes all memory from __heap_base to
 * the current end (sbrk(0)) as free. Pages the host has grown by then are not free: the stacks of
 * threads created before the first malloc, anything the host placed at the end of memory before the
 * guest started. So the first sbrk(0) answers with the end of the module's own memory (wasm-ld makes
 * it __heap_base rounded up to a page), and malloc is started in a constructor, before main runs.
 * Later growth is by memory.grow, which never hands out the same pages twice, so malloc's fresh pages
 * and the host's stacks cannot overlap (malloc copes with a break that is not contiguous).
 */
extern unsigned char __heap_base;
void *__real_sbrk(intptr_t increment);
void *__wrap_sbrk(intptr_t increment) {
  static int asked;
  if (increment == 0 && !asked) {
    asked = 1;
    uintptr_t end = ((uintptr_t)&__heap_base + 65535) & ~(uintptr_t)65535;
    uintptr_t now = (uintptr_t)__real_sbrk(0);
    return (void *)(end < now ? end : now);
  }
  return __real_sbrk(increment);
}

__attribute__((constructor(101))) static void start_malloc(void) { free(malloc(1)); }

/* The allocator. */
WRAP(void *, malloc, (size_t n), (n))
WRAP_VOID(free, (void *p), (p))
WRAP(void *, calloc, (size_t n, size_t size), (n, size))
WRAP(void *, realloc, (void *p, size_t n), (p, n))
WRAP(void *, aligned_alloc, (size_t align, size_t n), (align, n))
WRAP(int, posix_memalign, (void **out, size_t align, size_t n), (out, align, n))
WRAP(size_t, malloc_usable_size, (void *p), (p))

/* Opening and closing FILEs changes libc's list of open files: the libc lock. */
FILE *__real_fopen(const char *path, const char *mode);
FILE *__wrap_fopen(const char *path, const char *mode) {
  __ntwasm_libc_lock();
  FILE *r = __real_fopen(path, mode);
  mark_open(r, 1);
  __ntwasm_libc_unlock();
  return r;
}
FILE *__real_fdopen(int fd, const char *mode);
FILE *__wrap_fdopen(int fd, const char *mode) {
  __ntwasm_libc_lock();
  FILE *r = __real_fdopen(fd, mode);
  mark_open(r, 1);
  __ntwasm_libc_unlock();
  return r;
}
int __real_fclose(FILE *f);
int __wrap_fclose(FILE *f) {
  __ntwasm_file_lock(f);
  __ntwasm_libc_lock();
  mark_open(f, 0);
  int r = __real_fclose(f);
  __ntwasm_libc_unlock();
  __ntwasm_file_unlock(f);
  return r;
}
FILE *__real_freopen(const char *path, const char *mode, FILE *f);
FILE *__wrap_freopen(const char *path, const char *mode, FILE *f) {
  __ntwasm_file_lock(f);
  __ntwasm_libc_lock();
  FILE *r = __real_freopen(path, mode, f);
  mark_open(f, r != NULL); /* a failed freopen has closed f */
  __ntwasm_libc_unlock();
  __ntwasm_file_unlock(f);
  return r;
}

static int rlock_try(rlock *l) {
  DWORD me = self();
  if (__atomic_load_n(&l->owner, __ATOMIC_RELAXED) == me) { l->depth++; return 1; }
  if (!TryAcquireSRWLockExclusive(&l->srw)) return 0;
  __atomic_store_n(&l->owner, me, __ATOMIC_RELAXED);
  l->depth = 1;
  return 1;
}

/*
 * Every FILE used through the runtime, each flushed under its own lock; stdin is an input stream with
 * nothing to flush (and a thread may be waiting in it). `wait` 0: skip a FILE another thread is using.
 */
static int flush_one(FILE *f, rlock *l, int wait) {
  if (wait) rlock_enter(l);
  else if (!rlock_try(l)) return 0;
  int r = __real_fflush(f);
  rlock_leave(l);
  return r;
}
static int flush_all(int wait) {
  int r = flush_one(stdout, lock_of(stdout), wait) | flush_one(stderr, lock_of(stderr), wait);
  for (unsigned i = 0; i < FILE_LOCKS; i++) {
    FILE *g = __atomic_load_n(&file_locks[i].file, __ATOMIC_ACQUIRE);
    if (!g || is_std(g) || !__atomic_load_n(&file_locks[i].open, __ATOMIC_ACQUIRE)) continue;
    r |= flush_one(g, &file_locks[i].lock, wait);
  }
  return r ? EOF : 0;
}

int __wrap_fflush(FILE *f) {
  if (!f) return flush_all(1);
  __ntwasm_file_lock(f);
  int r = __real_fflush(f);
  __ntwasm_file_unlock(f);
  return r;
}

/*
 * ExitProcess (from any thread) flushes every stream first, as msvcrt does when the process detaches
 * from it: what the program printed is not lost when stdout is a pipe or a file.
 */
void __real_ExitProcess(UINT code);
void __wrap_ExitProcess(UINT code) {
  flush_all(0); /* a stream another thread is in the middle of stays as it is: the process is ending */
  __real_ExitProcess(code);
}

/* stdio on one FILE: that FILE's lock. */
WRAP_INPUT(size_t, fread, (void *p, size_t size, size_t n, FILE *f), (p, size, n, f), f)
WRAP_FILE(size_t, fwrite, (const void *p, size_t size, size_t n, FILE *f), (p, size, n, f), f)
WRAP_INPUT(int, fgetc, (FILE *f), (f), f)
WRAP_INPUT(int, getc, (FILE *f), (f), f)
WRAP_INPUT(int, getchar, (void), (), stdin)
WRAP_INPUT(char *, fgets, (char *s, int n, FILE *f), (s, n, f), f)
WRAP_INPUT(ssize_t, getline, (char **line, size_t *n, FILE *f), (line, n, f), f)
WRAP_INPUT(ssize_t, getdelim, (char **line, size_t *n, int delim, FILE *f), (line, n, delim, f), f)
WRAP_FILE(int, fputc, (int c, FILE *f), (c, f), f)
WRAP_FILE(int, putc, (int c, FILE *f), (c, f), f)
WRAP_FILE(int, putchar, (int c), (c), stdout)
WRAP_FILE(int, fputs, (const char *s, FILE *f), (s, f), f)
WRAP_FILE(int, puts, (const char *s), (s), stdout)
WRAP_FILE(int, ungetc, (int c, FILE *f), (c, f), f)
WRAP_FILE(int, fseek, (FILE *f, long off, int whence), (f, off, whence), f)
WRAP_FILE(int, fseeko, (FILE *f, off_t off, int whence), (f, off, whence), f)
WRAP_FILE(long, ftell, (FILE *f), (f), f)
WRAP_FILE(off_t, ftello, (FILE *f), (f), f)
WRAP_FILE_VOID(rewind, (FILE *f), (f), f)
WRAP_FILE(int, setvbuf, (FILE *f, char *buf, int mode, size_t size), (f, buf, mode, size), f)
WRAP_FILE_VOID(setbuf, (FILE *f, char *buf), (f, buf), f)
WRAP_FILE_VOID(perror, (const char *s), (s), stderr)
WRAP_FILE_VOID(clearerr, (FILE *f), (f), f)
WRAP_FILE(int, feof, (FILE *f), (f), f)
WRAP_FILE(int, ferror, (FILE *f), (f), f)
WRAP_FILE(int, fgetpos, (FILE *f, fpos_t *pos), (f, pos), f)
WRAP_FILE(int, fsetpos, (FILE *f, const fpos_t *pos), (f, pos), f)

/*
 * The POSIX file calls set errno too. Those that never wait run under the libc lock; open and
 * openat take no mode (wasi-libc ignores it: WASI has no permissions).
 */
WRAP(int, open, (const char *path, int oflag, ...), (path, oflag))
WRAP(int, openat, (int dirfd, const char *path, int oflag, ...), (dirfd, path, oflag))
WRAP(int, close, (int fd), (fd))
WRAP(off_t, lseek, (int fd, off_t off, int whence), (fd, off, whence))
WRAP(int, ftruncate, (int fd, off_t size), (fd, size))
WRAP(int, truncate, (const char *path, off_t size), (path, size))
WRAP(int, fsync, (int fd), (fd))
WRAP(int, fdatasync, (int fd), (fd))
WRAP(int, stat, (const char *restrict path, struct stat *restrict st), (path, st))
WRAP(int, lstat, (const char *restrict path, struct stat *restrict st), (path, st))
WRAP(int, fstat, (int fd, struct stat *st), (fd, st))
WRAP(int, fstatat, (int dirfd, const char *restrict path, struct stat *restrict st, int flags), (dirfd, path, st, flags))
WRAP(int, access, (const char *path, int mode), (path, mode))
WRAP(int, faccessat, (int dirfd, const char *path, int mode, int flags), (dirfd, path, mode, flags))
WRAP(int, mkdir, (const char *path, mode_t mode), (path, mode))
WRAP(int, mkdirat, (int dirfd, const char *path, mode_t mode), (dirfd, path, mode))
WRAP(int, rmdir, (const char *path), (path))
WRAP(int, unlink, (const char *path), (path))
WRAP(int, unlinkat, (int dirfd, const char *path, int flags), (dirfd, path, flags))
WRAP(int, remove, (const char *path), (path))
WRAP(int, rename, (const char *from, const char *to), (from, to))
WRAP(int, renameat, (int fromfd, const char *from, int tofd, const char *to), (fromfd, from, tofd, to))
WRAP(int, chdir, (const char *path), (path))
WRAP(char *, getcwd, (char *buf, size_t size), (buf, size))
WRAP(DIR *, opendir, (const char *path), (path))
WRAP(DIR *, fdopendir, (int fd), (fd))
WRAP(struct dirent *, readdir, (DIR *dir), (dir))
WRAP(int, closedir, (DIR *dir), (dir))
WRAP_VOID(rewinddir, (DIR *dir), (dir))
WRAP(char *, getenv, (const char *name), (name))

/*
 * read and write may wait as long as a pipe or the console makes them, so they must not hold a lock:
 * they call WASI themselves, as wasi-libc's do, and set the caller's errno (and libc's, inside a
 * call under the libc lock, whose unlock copies it back).
 */
static void set_errno(int e) {
  thread_errno = e;
  if (__atomic_load_n(&libc_lock.owner, __ATOMIC_RELAXED) == self()) libc_errno = e;
}

static ssize_t io_result(__wasi_errno_t e, size_t n) {
  if (!e) return (ssize_t)n;
  set_errno(e == __WASI_ERRNO_NOTCAPABLE ? __WASI_ERRNO_BADF : e);
  return -1;
}
static int bad_iov(int n) {
  if (n >= 0 && n <= IOV_MAX) return 0;
  set_errno(__WASI_ERRNO_INVAL);
  return 1;
}
static int bad_offset(off_t off) {
  if (off >= 0) return 0;
  set_errno(__WASI_ERRNO_INVAL);
  return 1;
}

ssize_t __wrap_read(int fd, void *buf, size_t n) {
  __wasi_iovec_t iov = { buf, n };
  size_t done;
  return io_result(__wasi_fd_read(fd, &iov, 1, &done), done);
}
ssize_t __wrap_write(int fd, const void *buf, size_t n) {
  __wasi_ciovec_t iov = { buf, n };
  size_t done;
  return io_result(__wasi_fd_write(fd, &iov, 1, &done), done);
}
ssize_t __wrap_readv(int fd, const struct iovec *iov, int n) {
  size_t done;
  return bad_iov(n) ? -1 : io_result(__wasi_fd_read(fd, (const __wasi_iovec_t *)iov, n, &done), done);
}
ssize_t __wrap_writev(int fd, const struct iovec *iov, int n) {
  size_t done;
  return bad_iov(n) ? -1 : io_result(__wasi_fd_write(fd, (const __wasi_ciovec_t *)iov, n, &done), done);
}
ssize_t __wrap_pread(int fd, void *buf, size_t n, off_t off) {
  __wasi_iovec_t iov = { buf, n };
  size_t done;
  return bad_offset(off) ? -1 : io_result(__wasi_fd_pread(fd, &iov, 1, off, &done), done);
}
ssize_t __wrap_pwrite(int fd, const void *buf, size_t n, off_t off) {
  __wasi_ciovec_t iov = { buf, n };
  size_t done;
  return bad_offset(off) ? -1 : io_result(__wasi_fd_pwrite(fd, &iov, 1, off, &done), done);
}

/* printf and scanf: stdio/vfprintf.c and stdio/scan.c (msvcrt's format rules, the same locks). */

/* ---------- the program's entry ---------- */

/*
 * Guests are linked as reactors (host/cc.ts): the host calls _initialize (the constructors), then
 * __ntwasm_crt_args for the arguments of the entry point the program defines (main in any of its
 * forms, wmain, WinMain or wWinMain: host/c-entry.ts picks it and calls it from JavaScript, which
 * tolerates every signature, so `void main(void)` works), then __ntwasm_crt_exit with its result.
 *
 * kind 0: main(argc, argv, envp); 1: wmain(argc, wargv, wenvp) with UTF-16 strings;
 * 2: WinMain(hInstance, NULL, lpCmdLine, nShowCmd); 3: wWinMain, lpCmdLine in UTF-16.
 * The result is four 32-bit words: the entry's arguments.
 */
extern char **environ;
static wchar_t *widen(const char *s) {
  int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, NULL, 0);
  wchar_t *w = malloc((size_t)(n > 0 ? n : 1) * sizeof(wchar_t));
  if (!w) return NULL;
  if (n <= 0) w[0] = 0;
  else MultiByteToWideChar(CP_UTF8, 0, s, -1, w, n);
  return w;
}

static wchar_t **widen_all(char **v, int n) {
  wchar_t **w = calloc((size_t)n + 1, sizeof *w);
  for (int i = 0; w && i < n; i++) w[i] = widen(v[i]);
  return w;
}

/* The command line after the program name, as WinMain's lpCmdLine (Windows' CRT rules). */
static const void *after_program_name(int wide) {
  if (wide) {
    const wchar_t *p = GetCommandLineW();
    if (!p) return L"";
    if (*p == L'"') { p++; while (*p && *p != L'"') p++; if (*p) p++; }
    else while (*p > L' ') p++;
    while (*p && *p <= L' ') p++;
    return p;
  }
  const char *p = GetCommandLineA();
  if (!p) return "";
  if (*p == '"') { p++; while (*p && *p != '"') p++; if (*p) p++; }
  else while ((unsigned char)*p > ' ') p++;
  while (*p && (unsigned char)*p <= ' ') p++;
  return p;
}

__attribute__((export_name("__ntwasm_crt_args"))) uintptr_t *__ntwasm_crt_args(int kind) {
  static uintptr_t words[4];
  if (kind >= 2) {
    words[0] = (uintptr_t)GetModuleHandleW(NULL);
    words[1] = 0;
    words[2] = (uintptr_t)after_program_name(kind == 3);
    words[3] = 10; /* SW_SHOWDEFAULT */
    return words;
  }
  __wasi_size_t argc = 0, size = 0;
  char **argv = NULL;
  if (!__wasi_args_sizes_get(&argc, &size)) {
    argv = calloc((size_t)argc + 1, sizeof *argv);
    char *buf = malloc(size ? size : 1);
    if (!argv || !buf || __wasi_args_get((uint8_t **)argv, (uint8_t *)buf)) argc = 0;
  }
  if (!argv) { static char *none[1]; argv = none; argc = 0; }
  words[0] = argc;
  if (kind == 1) {
    int envc = 0;
    while (environ && environ[envc]) envc++;
    words[1] = (uintptr_t)widen_all(argv, (int)argc);
    words[2] = (uintptr_t)widen_all(environ, envc);
  } else {
    words[1] = (uintptr_t)argv;
    words[2] = (uintptr_t)environ;
  }
  return words;
}

/*
 * clang names `int main(int, char **)` __main_argc_argv and `int main(void)` __main_void on wasm32, and
 * wasi-libc has weak versions of both that call `main` with a fixed signature: were they linked, a
 * `void main` would trap. These weak stand-ins keep libc's out; a program's own definition replaces
 * them, and __ntwasm_crt_entries tells the host which of the two the program defines.
 */
int __ntwasm_absent_main_argc_argv(int argc, char **argv) { (void)argc; (void)argv; return 0; }
int __ntwasm_absent_main_void(void) { return 0; }
int __main_argc_argv(int argc, char **argv) __attribute__((weak, alias("__ntwasm_absent_main_argc_argv")));
int __main_void(void) __attribute__((weak, alias("__ntwasm_absent_main_void")));

/* Bit 0: the program defines __main_argc_argv; bit 1: __main_void. */
__attribute__((export_name("__ntwasm_crt_entries"))) int __ntwasm_crt_entries(void) {
  return (__main_argc_argv != __ntwasm_absent_main_argc_argv) | (__main_void != __ntwasm_absent_main_void) << 1;
}

__attribute__((export_name("__ntwasm_crt_exit"))) void __ntwasm_crt_exit(int code) {
  exit(code);
}

/* ---------- stack checks ---------- */

/*
 * ntwasm cc makes the linked guest's writes of __stack_pointer that may move it down refuse a value
 * below __ntwasm_stack_limit (host/stack-check.ts): the prologues inline, the rest (allocas) by calling
 * __ntwasm_stack_set, which calls the host's handler (the stack pointer, the limit); either way the
 * process ends with STATUS_STACK_OVERFLOW. The limit is a Wasm global, so each thread's instance has
 * its own; the host sets it when the thread starts (0 checks nothing). Assembly, because C can neither
 * declare a global nor write __stack_pointer.
 */
__asm__(
  ".globaltype __stack_pointer, i32\n"
  ".globl __ntwasm_stack_limit\n"
  ".globaltype __ntwasm_stack_limit, i32\n"
  "__ntwasm_stack_limit:\n"
  ".functype __ntwasm_stack_overflow (i32, i32) -> ()\n"
  ".import_module __ntwasm_stack_overflow, env\n"
  ".import_name __ntwasm_stack_overflow, __ntwasm_stack_overflow\n"
  ".globl __ntwasm_stack_set\n"
  "__ntwasm_stack_set:\n"
  "  .functype __ntwasm_stack_set (i32) -> ()\n"
  "  local.get 0\n"
  "  global.get __ntwasm_stack_limit\n"
  "  i32.lt_u\n"
  "  if\n"
  "    global.get __stack_pointer\n"
  "    global.get __ntwasm_stack_limit\n"
  "    call __ntwasm_stack_overflow\n"
  "  end_if\n"
  "  local.get 0\n"
  "  global.set __stack_pointer\n"
  "  end_function\n");
