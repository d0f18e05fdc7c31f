/*
 * <process.h>'s process calls: _getpid, _cexit, _c_exit, system, _wsystem, and the _spawn, _exec
 * and _cwait families over CreateProcessA (see process.h for what differs from Windows).
 *
 * As MSVC's _spawn does, the command line is the arguments joined with spaces, unquoted (a caller
 * quotes an argument with spaces itself). A program name without an extension gets ".exe". The p
 * forms let CreateProcess search for a name without a directory.
 */
#include <windows.h>
#include <process.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int __cdecl _getpid(void) { return (int)GetCurrentProcessId(); }

void __cdecl _cexit(void) { fflush(NULL); }
void __cdecl _c_exit(void) {}

/* There is no command interpreter to run a command with. */
int __cdecl system(const char *command) {
  if (!command) return 0;
  errno = ENOENT;
  return -1;
}
int __cdecl _wsystem(const wchar_t *command) {
  if (!command) return 0;
  errno = ENOENT;
  return -1;
}

static void set_errno_from(DWORD error) {
  switch (error) {
    case ERROR_FILE_NOT_FOUND: case ERROR_PATH_NOT_FOUND: case ERROR_INVALID_NAME: errno = ENOENT; break;
    case ERROR_BAD_EXE_FORMAT: errno = ENOEXEC; break;
    case ERROR_NOT_ENOUGH_MEMORY: case ERROR_OUTOFMEMORY: errno = ENOMEM; break;
    case ERROR_ACCESS_DENIED: errno = EACCES; break;
    default: errno = EINVAL; break;
  }
}

/* The strings joined by `sep`, each followed by `sep` when `block` (an environment block: NUL-separated, NUL-ended). */
static char *join(const char *first, const char *const *rest, char sep, int block) {
  size_t n = first ? strlen(first) + 1 : 0;
  for (const char *const *p = rest; p && *p; p++) n += strlen(*p) + 1;
  char *s = malloc(n + 2), *o = s;
  if (!s) return NULL;
  if (first) { size_t k = strlen(first); memcpy(o, first, k); o += k; *o++ = sep; }
  for (const char *const *p = rest; p && *p; p++) { size_t k = strlen(*p); memcpy(o, *p, k); o += k; *o++ = sep; }
  if (block) { if (o == s) *o++ = 0; *o = 0; }
  else { if (o > s) o--; *o = 0; }
  return s;
}

static int has_extension(const char *name) {
  const char *base = name;
  for (const char *p = name; *p; p++) if (*p == '\\' || *p == '/' || *p == ':') base = p + 1;
  return strchr(base, '.') != NULL;
}

static intptr_t spawn(int mode, const char *file, const char *const *argv, const char *const *envp, int search) {
  if (!file || !*file || !argv || !argv[0] || mode < _P_WAIT || mode > _P_DETACH) { errno = EINVAL; return -1; }
  int bare = !strpbrk(file, "\\/:");
  char *app = NULL, *cmd, *env = NULL;
  if (search && bare) {
    /* CreateProcess finds the program: it is the command line's first word */
    const char *q = strchr(file, ' ') ? "\"" : "";
    size_t n = strlen(file) + 3;
    char *first = malloc(n);
    if (first) snprintf(first, n, "%s%s%s", q, file, q);
    cmd = first ? join(first, argv + 1, ' ', 0) : NULL;
    free(first);
  } else {
    size_t n = strlen(file) + 5;
    app = malloc(n);
    if (app) snprintf(app, n, has_extension(file) ? "%s" : "%s.exe", file);
    cmd = join(NULL, argv, ' ', 0);
  }
  if (envp) env = join(NULL, envp, 0, 1);
  if (!cmd || (!(search && bare) && !app) || (envp && !env)) {
    free(app); free(cmd); free(env);
    errno = ENOMEM;
    return -1;
  }
  if (mode == _P_OVERLAY) fflush(NULL); /* this program ends when the other one does */
  STARTUPINFOA si;
  PROCESS_INFORMATION pi;
  memset(&si, 0, sizeof si);
  si.cb = sizeof si;
  BOOL ok = CreateProcessA(app, cmd, NULL, NULL, TRUE, 0, env, NULL, &si, &pi);
  DWORD error = GetLastError();
  free(app); free(cmd); free(env);
  if (!ok) { set_errno_from(error); return -1; }
  CloseHandle(pi.hThread);
  DWORD code = 0;
  switch (mode) {
    case _P_WAIT:
    case _P_OVERLAY:
      WaitForSingleObject(pi.hProcess, INFINITE);
      GetExitCodeProcess(pi.hProcess, &code);
      CloseHandle(pi.hProcess);
      if (mode == _P_OVERLAY) ExitProcess(code);
      return (intptr_t)(int)code;
    case _P_DETACH:
      CloseHandle(pi.hProcess);
      return 0;
    default: /* _P_NOWAIT, _P_NOWAITO: the handle for _cwait */
      return (intptr_t)pi.hProcess;
  }
}

intptr_t __cdecl _cwait(int *termstat, intptr_t handle, int action) {
  (void)action; /* _WAIT_CHILD and _WAIT_GRANDCHILD wait alike, as on Windows */
  HANDLE h = (HANDLE)handle;
  DWORD code;
  if (WaitForSingleObject(h, INFINITE) == WAIT_FAILED || !GetExitCodeProcess(h, &code)) {
    errno = GetLastError() == ERROR_INVALID_HANDLE ? ECHILD : EINVAL;
    return -1;
  }
  if (termstat) *termstat = (int)code;
  CloseHandle(h);
  return handle;
}

/* The list forms' arguments up to the NULL, and the environment after it (the e forms). */
#define MAX_LIST_ARGS 256
static int collect(va_list ap, const char *first, const char **argv, const char *const **envp) {
  int n = 0;
  for (const char *a = first; a; a = va_arg(ap, const char *)) {
    if (n == MAX_LIST_ARGS - 1) { errno = E2BIG; return -1; }
    argv[n++] = a;
  }
  argv[n] = NULL;
  if (envp) *envp = va_arg(ap, const char *const *);
  return n;
}

#define LIST_FORM(name, mode_param, mode, search, with_env)                                  \
  intptr_t __cdecl name(mode_param const char *file, const char *arg0, ...) {                \
    const char *argv[MAX_LIST_ARGS];                                                         \
    const char *const *envp = NULL;                                                          \
    va_list ap;                                                                              \
    va_start(ap, arg0);                                                                      \
    int n = collect(ap, arg0, argv, with_env ? &envp : NULL);                                \
    va_end(ap);                                                                              \
    return n < 0 ? -1 : spawn(mode, file, argv, envp, search);                               \
  }
#define MODE_PARAM int mode,
#define NO_MODE

LIST_FORM(_spawnl, MODE_PARAM, mode, 0, 0)
LIST_FORM(_spawnle, MODE_PARAM, mode, 0, 1)
LIST_FORM(_spawnlp, MODE_PARAM, mode, 1, 0)
LIST_FORM(_spawnlpe, MODE_PARAM, mode, 1, 1)
LIST_FORM(_execl, NO_MODE, _P_OVERLAY, 0, 0)
LIST_FORM(_execle, NO_MODE, _P_OVERLAY, 0, 1)
LIST_FORM(_execlp, NO_MODE, _P_OVERLAY, 1, 0)
LIST_FORM(_execlpe, NO_MODE, _P_OVERLAY, 1, 1)

intptr_t __cdecl _spawnv(int mode, const char *file, const char *const *argv) { return spawn(mode, file, argv, NULL, 0); }
intptr_t __cdecl _spawnve(int mode, const char *file, const char *const *argv, const char *const *envp) {
  return spawn(mode, file, argv, envp, 0);
}
intptr_t __cdecl _spawnvp(int mode, const char *file, const char *const *argv) { return spawn(mode, file, argv, NULL, 1); }
intptr_t __cdecl _spawnvpe(int mode, const char *file, const char *const *argv, const char *const *envp) {
  return spawn(mode, file, argv, envp, 1);
}
intptr_t __cdecl _execv(const char *file, const char *const *argv) { return spawn(_P_OVERLAY, file, argv, NULL, 0); }
intptr_t __cdecl _execve(const char *file, const char *const *argv, const char *const *envp) {
  return spawn(_P_OVERLAY, file, argv, envp, 0);
}
intptr_t __cdecl _execvp(const char *file, const char *const *argv) { return spawn(_P_OVERLAY, file, argv, NULL, 1); }
intptr_t __cdecl _execvpe(const char *file, const char *const *argv, const char *const *envp) {
  return spawn(_P_OVERLAY, file, argv, envp, 1);
}
