/*
 * <process.h>'s threads: _beginthreadex, _endthreadex, _beginthread, _endthread. A thread is a
 * CreateThread thread whose start routine is a small trampoline here, so the C runtime's per-thread
 * state (errno, rand's seed, strtok's position) is the thread's own as in any thread.
 *
 * _beginthread's handle belongs to the thread, as in MSVC's CRT: the thread starts suspended until it
 * knows its handle, and closes it when it returns or calls _endthread.
 */
#include <windows.h>
#include <process.h>
#include <errno.h>
#include <stdlib.h>

struct start {
  _beginthread_proc_type fn;
  _beginthreadex_proc_type fnex;
  void *arg;
  HANDLE handle; /* _beginthread: the handle the thread closes when it ends */
};

/* The handle a _beginthread thread closes when it ends (NULL in other threads). */
static _Thread_local HANDLE own_handle;

/* errno for a failed CreateThread, as MSVC's _dosmaperr maps its error. */
static void set_errno_from(DWORD error) {
  switch (error) {
    case ERROR_NOT_ENOUGH_MEMORY: case ERROR_OUTOFMEMORY: errno = ENOMEM; break;
    case ERROR_ACCESS_DENIED: errno = EACCES; break;
    case ERROR_INVALID_PARAMETER: errno = EINVAL; break;
    default: errno = EAGAIN; break; /* too many threads, no system resources */
  }
}

static DWORD WINAPI run_ex(LPVOID p) {
  struct start s = *(struct start *)p;
  free(p);
  return s.fnex(s.arg);
}

static DWORD WINAPI run(LPVOID p) {
  struct start s = *(struct start *)p;
  free(p);
  own_handle = s.handle;
  s.fn(s.arg);
  _endthread();
}

static HANDLE start_thread(struct start *s, void *security, unsigned stack, LPTHREAD_START_ROUTINE trampoline,
                           DWORD flags, DWORD *id) {
  struct start *copy = malloc(sizeof *copy);
  if (!copy) { errno = ENOMEM; return NULL; }
  *copy = *s;
  HANDLE h = CreateThread((LPSECURITY_ATTRIBUTES)security, stack, trampoline, copy, flags, id);
  if (!h) {
    set_errno_from(GetLastError());
    free(copy);
    return NULL;
  }
  if (trampoline == run) {
    copy->handle = h; /* the thread is suspended until now: it reads this when it starts */
    ResumeThread(h);
  }
  return h;
}

uintptr_t __cdecl _beginthreadex(void *security, unsigned stack_size, _beginthreadex_proc_type start_address,
                                 void *arglist, unsigned initflag, unsigned *thrdaddr) {
  if (!start_address) { errno = EINVAL; return 0; }
  struct start s = { NULL, start_address, arglist, NULL };
  DWORD id = 0;
  HANDLE h = start_thread(&s, security, stack_size, run_ex, initflag, &id);
  if (h && thrdaddr) *thrdaddr = (unsigned)id;
  return (uintptr_t)h;
}

void __cdecl _endthreadex(unsigned code) {
  ExitThread(code);
  __builtin_unreachable();
}

uintptr_t __cdecl _beginthread(_beginthread_proc_type start_address, unsigned stack_size, void *arglist) {
  if (!start_address) { errno = EINVAL; return (uintptr_t)-1L; }
  struct start s = { start_address, NULL, arglist, NULL };
  HANDLE h = start_thread(&s, NULL, stack_size, run, CREATE_SUSPENDED, NULL);
  return h ? (uintptr_t)h : (uintptr_t)-1L;
}

void __cdecl _endthread(void) {
  HANDLE h = own_handle;
  own_handle = NULL;
  if (h) CloseHandle(h);
  ExitThread(0);
  __builtin_unreachable();
}
