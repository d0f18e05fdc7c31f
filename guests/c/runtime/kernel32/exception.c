/*
 * How a program ends abnormally, as on Windows: RaiseException with no handler to catch it (Wasm has
 * none) ends the process with the exception code as its exit code; abort() ends it with exit code 3;
 * a failed assert() prints MSVC's message to stderr, then aborts. What the program wrote to stdout and
 * stderr is shown first, as a Windows console shows it (its output is not buffered).
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

static void end(UINT code) {
  fflush(stdout);
  fflush(stderr);
  TerminateProcess(GetCurrentProcess(), code);
  __builtin_trap(); /* not reached: the process is gone */
}

void WINAPI RaiseException(DWORD dwExceptionCode, DWORD dwExceptionFlags, DWORD nNumberOfArguments, const ULONG_PTR *lpArguments) {
  (void)dwExceptionFlags; (void)nNumberOfArguments; (void)lpArguments;
  end(dwExceptionCode);
}

void abort(void) { end(3); }

/* wasi-libc's assert() calls this; MSVC prints "Assertion failed: expr, file f.c, line N". */
void __assert_fail(const char *expr, const char *file, int line, const char *func) {
  (void)func;
  fprintf(stderr, "Assertion failed: %s, file %s, line %d\n", expr, file, line);
  abort();
}
