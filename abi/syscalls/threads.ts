// Thread lifecycle, suspension, termination and thread-local storage (issue 3).
import { call, handle, i32, u32, type Entry } from "./params.ts";

const SUSPEND_FAILED = 0xffffffff;

export const THREADS: Entry[] = [
  // --- threads, continued from core.ts (127..) ---
  call(127, "OpenThread", "HANDLE", [u32("dwDesiredAccess"), i32("bInheritHandle"), u32("dwThreadId")],
    "A handle to the thread with that id (ERROR_INVALID_PARAMETER when there is none)."),
  call(128, "SuspendThread", "DWORD", [handle("hThread")],
    "Adds one to the suspend count (previous count returned; (DWORD)-1 on failure). A thread stops at " +
    "its next kernel call (a thread running only guest code cannot be stopped in between).",
    { fail: SUSPEND_FAILED }),
  call(129, "ResumeThread", "DWORD", [handle("hThread")],
    "Subtracts one from the suspend count (previous count returned); the thread runs again at 0.",
    { fail: SUSPEND_FAILED }),
  call(130, "SwitchToThread", "BOOL", [],
    "Always FALSE: threads are workers scheduled by the host OS, there is no ready queue to switch from."),
  call(131, "TerminateThread", "BOOL", [handle("hThread"), u32("dwExitCode")],
    "Ends a thread: a wait it is in is aborted, it stops at its next kernel call, and a thread busy " +
    "in guest code is stopped by the host. Never while it holds the kernel lock. Its mutexes are abandoned.",
    { impl: "host" }),

  call(132, "GetThreadPriority", "int", [handle("hThread")],
    "The priority SetThreadPriority recorded (THREAD_PRIORITY_NORMAL, 0, at first); THREAD_PRIORITY_ERROR_RETURN on failure. " +
    "Priorities are recorded and returned: the host OS schedules the workers.", { fail: 0x7fffffff }),
  call(133, "SetThreadPriority", "BOOL", [handle("hThread"), i32("nPriority", "int")],
    "Records a priority: THREAD_PRIORITY_IDLE (-15), LOWEST..HIGHEST (-2..2), TIME_CRITICAL (15), or " +
    "THREAD_MODE_BACKGROUND_BEGIN/END for the calling thread; other values fail with ERROR_INVALID_PARAMETER."),

  // --- thread-local storage (150..) ---
  call(150, "TlsAlloc", "DWORD", [], "A free TLS index of the process (TLS_OUT_OF_INDEXES when all 1,088 are used).",
    { fail: 0xffffffff }),
  call(151, "TlsFree", "BOOL", [u32("dwTlsIndex")], "Frees a TLS index and clears its slot in every thread."),
  call(152, "TlsGetValue", "DWORD", [u32("dwTlsIndex")], "The calling thread's value at a TLS index; last error 0 on success."),
  call(153, "TlsSetValue", "BOOL", [u32("dwTlsIndex"), u32("lpTlsValue", "LPVOID")], "Sets the calling thread's value at a TLS index."),
];
