// Time, waitable timers, APCs and alertable waits (issue 3).
import { call, handle, i32, inBuf, out, ptr, sa, u32, wa, type Entry } from "./params.ts";

export const TIME: Entry[] = [
  // --- time (160..) ---
  call(160, "SleepEx", "DWORD", [u32("dwMilliseconds"), i32("bAlertable")],
    "Sleep that, when alertable, runs queued APCs and returns WAIT_IO_COMPLETION; 0 otherwise.", { alertable: true }),
  call(161, "GetTickCount", "DWORD", [], "Milliseconds since the kernel booted (wraps after 49.7 days)."),
  call(162, "GetTickCount64", "ULONGLONG", [], "Milliseconds since the kernel booted, 64-bit."),
  call(163, "QueryPerformanceCounter", "BOOL", [out("lpPerformanceCount", "LARGE_INTEGER *", "8", 8)],
    "A monotonic counter in units of QueryPerformanceFrequency."),
  call(164, "QueryPerformanceFrequency", "BOOL", [out("lpFrequency", "LARGE_INTEGER *", "8", 8)],
    "Counts per second of QueryPerformanceCounter (10,000,000)."),
  call(165, "GetSystemTimeAsFileTime", "void", [out("lpSystemTimeAsFileTime", "LPFILETIME", "8", 8)],
    "The current UTC time in 100-ns units since 1601-01-01."),

  // --- waitable timers (170..) ---
  ...wa(170, "CreateWaitableTimer", "HANDLE", (n) => [sa(), i32("bManualReset"), n],
    "Creates or opens a named timer: manual-reset (notification) or synchronization; it starts inactive."),
  ...wa(172, "CreateWaitableTimerEx", "HANDLE", (n) => [sa(), n, u32("dwFlags"), u32("dwDesiredAccess")],
    "Creates a timer with CREATE_WAITABLE_TIMER_MANUAL_RESET and an access mask."),
  ...wa(174, "OpenWaitableTimer", "HANDLE", (n) => [u32("dwDesiredAccess"), i32("bInheritHandle"), n],
    "Opens an existing named timer."),
  call(176, "SetWaitableTimer", "BOOL", [handle("hTimer"), inBuf("lpDueTime", "const LARGE_INTEGER *", "8", 8),
    i32("lPeriod", "LONG"), ptr("pfnCompletionRoutine", "PTIMERAPCROUTINE"), ptr("lpArgToCompletionRoutine", "LPVOID"),
    i32("fResume")],
    "Arms a timer (due < 0: relative, in 100 ns; else an absolute FILETIME), with a period in ms and a completion " +
    "routine queued as an APC to the calling thread; unsignals it."),
  call(177, "CancelWaitableTimer", "BOOL", [handle("hTimer")], "Deactivates a timer; its signaled state does not change."),

  // --- APCs (180..) ---
  call(180, "QueueUserAPC", "DWORD", [ptr("pfnAPC", "PAPCFUNC"), handle("hThread"), u32("dwData", "ULONG_PTR")],
    "Queues pfnAPC(dwData) to a thread (THREAD_SET_CONTEXT); it runs in the thread's next alertable wait."),
];
