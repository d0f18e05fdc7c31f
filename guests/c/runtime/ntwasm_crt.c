/*
 * The ntwasm C runtime: compiled into every guest by `ntwasm cc`. It makes Debian's wasi-libc, which
 * is built for one thread, safe to call from several:
 *
 * - One process-wide recursive lock around the libc calls that touch shared state: the allocator
 *   (malloc, free, calloc, realloc, ...), stdio (printf and every function that reaches a FILE),
 *   strto* and rand. The linker redirects every call to them, also calls from inside libc, to the
 *   __wrap_ functions below (-Wl,--wrap=NAME).
 * - errno per thread: <errno.h> (guests/include/ntwasm/libc/errno.h) makes `errno` a _Thread_local
 *   int here. A wrapped call runs with libc's global errno set to the caller's and copies it back.
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
