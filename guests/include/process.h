/*
 * ntwasm's <process.h>: the MSVC runtime's threads and process calls (guests/c/runtime/win/).
 *
 * _beginthreadex and _beginthread start a thread with CreateThread, so what is per thread in the C
 * runtime (errno, rand's seed, strtok's position) is the new thread's own, as it is in every thread.
 * _beginthreadex returns the thread's HANDLE (close it with CloseHandle; 0 and errno on error);
 * _beginthread's handle closes itself when the thread ends, as MSVC's does, so it may be invalid by
 * the time _beginthread returns ((uintptr_t)-1 on error). _endthreadex(code) ends the calling thread
 * with that exit code (GetExitCodeThread); _endthread closes a _beginthread thread's handle too.
 * A NULL start address is EINVAL (msvcrt's answer; the modern CRT's default handler would end the
 * process).
 *
 * _spawn* start a program with CreateProcess (`child.exe` runs child.wasm when there is no
 * child.exe): _P_WAIT waits and returns its exit code, _P_NOWAIT returns its process handle for
 * _cwait. _exec* and _P_OVERLAY run the program, wait for it and end the caller with its exit code
 * (there is no way to replace a running Wasm program). system() finds no command interpreter: 0 for
 * system(NULL), else -1 with errno ENOENT. _cexit flushes the streams (atexit functions run only at
 * exit). _getpid is GetCurrentProcessId.
 */
#ifndef _INC_PROCESS
#define _INC_PROCESS

#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>

#include "ntwasm/callconv.h"

#ifdef __cplusplus
extern "C" {
#endif

/* _spawn* modes and _cwait actions. */
#define _P_WAIT 0
#define _P_NOWAIT 1
#define _OLD_P_OVERLAY 2
#define _P_NOWAITO 3
#define _P_DETACH 4
#define _P_OVERLAY 2
#define _WAIT_CHILD 0
#define _WAIT_GRANDCHILD 1

typedef void(__cdecl *_beginthread_proc_type)(void *);
typedef unsigned(__stdcall *_beginthreadex_proc_type)(void *);

uintptr_t __cdecl _beginthread(_beginthread_proc_type _StartAddress, unsigned _StackSize, void *_ArgList);
void __cdecl _endthread(void) __attribute__((noreturn));
uintptr_t __cdecl _beginthreadex(void *_Security, unsigned _StackSize, _beginthreadex_proc_type _StartAddress,
                                 void *_ArgList, unsigned _InitFlag, unsigned *_ThrdAddr);
void __cdecl _endthreadex(unsigned _ReturnCode) __attribute__((noreturn));

int __cdecl _getpid(void);
void __cdecl _cexit(void);
void __cdecl _c_exit(void);
int __cdecl system(const char *_Command);
int __cdecl _wsystem(const wchar_t *_Command);

intptr_t __cdecl _cwait(int *_TermStat, intptr_t _ProcHandle, int _Action);
intptr_t __cdecl _spawnv(int _Mode, const char *_FileName, const char *const *_Arguments);
intptr_t __cdecl _spawnve(int _Mode, const char *_FileName, const char *const *_Arguments, const char *const *_Environment);
intptr_t __cdecl _spawnvp(int _Mode, const char *_FileName, const char *const *_Arguments);
intptr_t __cdecl _spawnvpe(int _Mode, const char *_FileName, const char *const *_Arguments, const char *const *_Environment);
intptr_t __cdecl _spawnl(int _Mode, const char *_FileName, const char *_Arguments, ...);
intptr_t __cdecl _spawnle(int _Mode, const char *_FileName, const char *_Arguments, ...);
intptr_t __cdecl _spawnlp(int _Mode, const char *_FileName, const char *_Arguments, ...);
intptr_t __cdecl _spawnlpe(int _Mode, const char *_FileName, const char *_Arguments, ...);
intptr_t __cdecl _execv(const char *_FileName, const char *const *_Arguments);
intptr_t __cdecl _execve(const char *_FileName, const char *const *_Arguments, const char *const *_Environment);
intptr_t __cdecl _execvp(const char *_FileName, const char *const *_Arguments);
intptr_t __cdecl _execvpe(const char *_FileName, const char *const *_Arguments, const char *const *_Environment);
intptr_t __cdecl _execl(const char *_FileName, const char *_Arguments, ...);
intptr_t __cdecl _execle(const char *_FileName, const char *_Arguments, ...);
intptr_t __cdecl _execlp(const char *_FileName, const char *_Arguments, ...);
intptr_t __cdecl _execlpe(const char *_FileName, const char *_Arguments, ...);

#ifdef __cplusplus
}
#endif

/* The old names MSVC still offers (oldnames.lib). */
#if !defined(_CRT_DECLARE_NONSTDC_NAMES) || _CRT_DECLARE_NONSTDC_NAMES
#define P_WAIT _P_WAIT
#define P_NOWAIT _P_NOWAIT
#define P_OVERLAY _P_OVERLAY
#define OLD_P_OVERLAY _OLD_P_OVERLAY
#define P_NOWAITO _P_NOWAITO
#define P_DETACH _P_DETACH
#define WAIT_CHILD _WAIT_CHILD
#define WAIT_GRANDCHILD _WAIT_GRANDCHILD
#define cwait _cwait
#define spawnv _spawnv
#define spawnve _spawnve
#define spawnvp _spawnvp
#define spawnvpe _spawnvpe
#define spawnl _spawnl
#define spawnle _spawnle
#define spawnlp _spawnlp
#define spawnlpe _spawnlpe
#define execv _execv
#define execve _execve
#define execvp _execvp
#define execvpe _execvpe
#define execl _execl
#define execle _execle
#define execlp _execlp
#define execlpe _execlpe
#endif

#endif /* _INC_PROCESS */
