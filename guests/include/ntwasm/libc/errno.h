/*
 * ntwasm: <errno.h> for C guests built with `ntwasm cc` (searched before wasi-libc's own).
 *
 * Debian's wasi-libc keeps errno in one global shared by every thread. This header keeps wasi-libc's
 * error numbers but makes `errno` the calling thread's own (a _Thread_local int in the ntwasm C
 * runtime, guests/c/runtime/ntwasm_crt.c). The runtime's libc wrappers copy the error a libc call
 * sets into the calling thread's errno; see docs/guests.md ("C guests") for which calls those are.
 */
#include_next <errno.h>

#ifndef NTWASM_LIBC_ERRNO_H
#define NTWASM_LIBC_ERRNO_H
#ifdef __cplusplus
extern "C" {
#endif
int *__ntwasm_errno_location(void);
#ifdef __cplusplus
}
#endif
#undef errno
#define errno (*__ntwasm_errno_location())
#endif
