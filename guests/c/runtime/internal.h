/*
 * Interfaces between the parts of the ntwasm C runtime (guests/c/runtime/). Not for guests.
 *
 * `ntwasm cc` compiles ntwasm_crt.c as an object linked into every guest and every other .c file
 * under guests/c/runtime/ into libntwasm.a (only the members a program uses are linked). All are
 * compiled with the guest flags: 16-bit wchar_t (-fshort-wchar), -fms-extensions, atomics.
 *
 * Locking (ntwasm_crt.c): wasi-libc is built for one thread, so the runtime serialises it, with
 * locks that are never held while a call waits for input, a pipe or a sleep:
 * - the libc lock: short calls that touch libc's global state (the allocator, fopen/fclose, the
 *   POSIX file calls). It also carries libc's global errno to the calling thread's errno.
 * - a lock per FILE: every stdio call on a FILE takes that FILE's lock (recursive), so a thread
 *   blocked reading stdin holds only stdin's lock. Order: a FILE lock, then the libc lock, never the
 *   other way round.
 */
#ifndef NTWASM_RUNTIME_INTERNAL_H
#define NTWASM_RUNTIME_INTERNAL_H
#include <stdio.h>

/* Recursive per-FILE lock: hold it across every access to a FILE's buffer and state. */
void __ntwasm_file_lock(FILE *f);
void __ntwasm_file_unlock(FILE *f);
/* Whether f is a standard stream or one fopen/fdopen/freopen opened (not a string FILE of snprintf). */
int __ntwasm_is_stream(FILE *f);

/* The libc lock (recursive). Never take a FILE lock while holding it. */
void __ntwasm_libc_lock(void);
void __ntwasm_libc_unlock(void);

/* The calling thread's errno (what `errno` means in guest code). */
int *__ntwasm_errno_location(void);

#endif
