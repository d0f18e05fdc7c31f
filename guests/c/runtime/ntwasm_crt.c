/*
 * The ntwasm C runtime: compiled into every guest by `ntwasm cc`. It makes Debian's wasi-libc, which
 * is built for one thread, safe to call from several:
 *
 * - One process-wide recursive lock around the libc calls that touch shared state: the allocator
 *   (malloc, free, calloc, realloc, ...), stdio (printf and every function that reaches a FILE),
 *   strto*, rand, and the POSIX file calls that never wait (open, close, lseek, stat, mkdir, opendir,
 *   readdir, ...). The linker redirects every call to them, also calls from inside libc, to the
 *   __wrap_ functions below (-Wl,--wrap=NAME).
 * - errno per thread: <errno.h> (guests/include/ntwasm/libc/errno.h) makes `errno` a _Thread_local
 *   int here. A wrapped call runs with libc's global errno set to the caller's and copies it back.
 *   read, write and their vector and positioned forms may wait (a pipe, the console), so they take no
 *   lock: they call WASI themselves and set the caller's errno (WRAP_IO).
 *
 * The lock is an SRW lock (the user-mode runtime: a free lock costs one atomic, a contended one waits
 * in the kernel) plus an owner and a depth, so a wrapped call may reach another (puts -> fputs).
 * Thread ids come from GetCurrentThreadId once per thread and are cached in thread-local storage.
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

/* libc's errno: a plain global in a libc built without threads (the header says _Thread_local). */
#define libc_errno ntwasm_libc_errno
extern int libc_errno __asm__("errno");

static _Thread_local int thread_errno;
static _Thread_local DWORD thread_id;

int *__ntwasm_errno_location(void) { return &thread_errno; }

static SRWLOCK lock = SRWLOCK_INIT;
static volatile DWORD owner;
static unsigned depth;

static DWORD self(void) {
  if (!thread_id) thread_id = GetCurrentThreadId();
  return thread_id;
}

static void enter(void) {
  DWORD me = self();
  if (__atomic_load_n(&owner, __ATOMIC_RELAXED) == me) { depth++; return; }
  AcquireSRWLockExclusive(&lock);
  __atomic_store_n(&owner, me, __ATOMIC_RELAXED);
  depth = 1;
  libc_errno = thread_errno;
}

static void leave(void) {
  thread_errno = libc_errno;
  if (--depth) return;
  __atomic_store_n(&owner, 0, __ATOMIC_RELAXED);
  ReleaseSRWLockExclusive(&lock);
}

/* WRAP(result type, name, (parameters), (arguments)) */
#define WRAP(R, name, params, args)            \
  R __real_##name params;                      \
  R __wrap_##name params {                     \
    enter();                                   \
    R r = __real_##name args;                  \
    leave();                                   \
    return r;                                  \
  }
#define WRAP_VOID(name, params, args)          \
  void __real_##name params;                   \
  void __wrap_##name params {                  \
    enter();                                   \
    __real_##name args;                        \
    leave();                                   \
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

/* stdio: printf, fprintf, vprintf, snprintf... all reach vfprintf; scanf and friends vfscanf. */
WRAP(int, vfprintf, (FILE *f, const char *fmt, va_list ap), (f, fmt, ap))
WRAP(int, vfscanf, (FILE *f, const char *fmt, va_list ap), (f, fmt, ap))
WRAP(FILE *, fopen, (const char *path, const char *mode), (path, mode))
WRAP(FILE *, fdopen, (int fd, const char *mode), (fd, mode))
WRAP(FILE *, freopen, (const char *path, const char *mode, FILE *f), (path, mode, f))
WRAP(int, fclose, (FILE *f), (f))
WRAP(int, fflush, (FILE *f), (f))
WRAP(size_t, fread, (void *p, size_t size, size_t n, FILE *f), (p, size, n, f))
WRAP(size_t, fwrite, (const void *p, size_t size, size_t n, FILE *f), (p, size, n, f))
WRAP(int, fgetc, (FILE *f), (f))
WRAP(int, getc, (FILE *f), (f))
WRAP(int, getchar, (void), ())
WRAP(char *, fgets, (char *s, int n, FILE *f), (s, n, f))
WRAP(int, fputc, (int c, FILE *f), (c, f))
WRAP(int, putc, (int c, FILE *f), (c, f))
WRAP(int, putchar, (int c), (c))
WRAP(int, fputs, (const char *s, FILE *f), (s, f))
WRAP(int, puts, (const char *s), (s))
WRAP(int, ungetc, (int c, FILE *f), (c, f))
WRAP(int, fseek, (FILE *f, long off, int whence), (f, off, whence))
WRAP(int, fseeko, (FILE *f, off_t off, int whence), (f, off, whence))
WRAP(long, ftell, (FILE *f), (f))
WRAP(off_t, ftello, (FILE *f), (f))
WRAP_VOID(rewind, (FILE *f), (f))
WRAP(int, setvbuf, (FILE *f, char *buf, int mode, size_t size), (f, buf, mode, size))
WRAP_VOID(setbuf, (FILE *f, char *buf), (f, buf))
WRAP_VOID(perror, (const char *s), (s))
WRAP(ssize_t, getline, (char **line, size_t *n, FILE *f), (line, n, f))
WRAP(ssize_t, getdelim, (char **line, size_t *n, int delim, FILE *f), (line, n, delim, f))
WRAP_VOID(clearerr, (FILE *f), (f))
WRAP(int, feof, (FILE *f), (f))
WRAP(int, ferror, (FILE *f), (f))
WRAP(int, fgetpos, (FILE *f, fpos_t *pos), (f, pos))
WRAP(int, fsetpos, (FILE *f, const fpos_t *pos), (f, pos))

/*
 * The POSIX file calls set errno too. Those that never wait run under the lock like stdio; open and
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

/*
 * read and write may wait as long as a pipe or the console makes them, so they must not hold the lock:
 * they call WASI themselves, as wasi-libc's do, and set the caller's errno (and libc's, inside a
 * wrapped call such as fread, whose leave() copies it back).
 */
static void set_errno(int e) {
  thread_errno = e;
  if (__atomic_load_n(&owner, __ATOMIC_RELAXED) == self()) libc_errno = e;
}

#define WRAP_IO(R, name, params) R __wrap_##name params
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

WRAP_IO(ssize_t, read, (int fd, void *buf, size_t n)) {
  __wasi_iovec_t iov = { buf, n };
  size_t done;
  return io_result(__wasi_fd_read(fd, &iov, 1, &done), done);
}
WRAP_IO(ssize_t, write, (int fd, const void *buf, size_t n)) {
  __wasi_ciovec_t iov = { buf, n };
  size_t done;
  return io_result(__wasi_fd_write(fd, &iov, 1, &done), done);
}
WRAP_IO(ssize_t, readv, (int fd, const struct iovec *iov, int n)) {
  size_t done;
  return bad_iov(n) ? -1 : io_result(__wasi_fd_read(fd, (const __wasi_iovec_t *)iov, n, &done), done);
}
WRAP_IO(ssize_t, writev, (int fd, const struct iovec *iov, int n)) {
  size_t done;
  return bad_iov(n) ? -1 : io_result(__wasi_fd_write(fd, (const __wasi_ciovec_t *)iov, n, &done), done);
}
WRAP_IO(ssize_t, pread, (int fd, void *buf, size_t n, off_t off)) {
  __wasi_iovec_t iov = { buf, n };
  size_t done;
  return bad_offset(off) ? -1 : io_result(__wasi_fd_pread(fd, &iov, 1, off, &done), done);
}
WRAP_IO(ssize_t, pwrite, (int fd, const void *buf, size_t n, off_t off)) {
  __wasi_ciovec_t iov = { buf, n };
  size_t done;
  return bad_offset(off) ? -1 : io_result(__wasi_fd_pwrite(fd, &iov, 1, off, &done), done);
}

/* Numbers: strto* set errno (ERANGE); rand keeps one seed. */
WRAP(long, strtol, (const char *s, char **end, int base), (s, end, base))
WRAP(unsigned long, strtoul, (const char *s, char **end, int base), (s, end, base))
WRAP(long long, strtoll, (const char *s, char **end, int base), (s, end, base))
WRAP(unsigned long long, strtoull, (const char *s, char **end, int base), (s, end, base))
WRAP(intmax_t, strtoimax, (const char *s, char **end, int base), (s, end, base))
WRAP(uintmax_t, strtoumax, (const char *s, char **end, int base), (s, end, base))
WRAP(double, strtod, (const char *s, char **end), (s, end))
WRAP(float, strtof, (const char *s, char **end), (s, end))
WRAP(long double, strtold, (const char *s, char **end), (s, end))
WRAP(int, rand, (void), ())
WRAP_VOID(srand, (unsigned seed), (seed))

/*
 * The main thread's entry. Guests are linked as reactors (see host/cc.ts: a command's exports would
 * all run the constructors and destructors again, also when a new thread sets up its thread-local
 * block), so this does what a command's _start does: constructors, main(argc, argv), exit (which
 * flushes stdio and ends the process).
 */
extern void _initialize(void);
int __main_void(void);
__attribute__((export_name("_start"))) void _start(void) {
  _initialize();
  exit(__main_void());
}
