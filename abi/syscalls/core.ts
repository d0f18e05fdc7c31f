// Objects, handles, names, waits and the first thread calls (issue 2).
import { call, handle, i32, inBuf, opt, out, ptr, sa, u32, wa, WAIT_FAILED, wstr, type Entry } from "./params.ts";

export const CORE: Entry[] = [
  // --- per-thread state, identity (1..) ---
  call(1, "GetLastError", "DWORD", [], "The calling thread's last-error code."),
  call(2, "SetLastError", "void", [u32("dwErrCode")], "Sets the calling thread's last-error code."),
  call(3, "GetCurrentProcess", "HANDLE", [], "Pseudo-handle -1 for the calling process."),
  call(4, "GetCurrentThread", "HANDLE", [], "Pseudo-handle -2 for the calling thread."),
  call(5, "GetCurrentProcessId", "DWORD", [], "Id of the calling process (a multiple of 4)."),
  call(6, "GetCurrentThreadId", "DWORD", [], "Id of the calling thread (a multiple of 4)."),

  // --- handles (20..) ---
  call(20, "CloseHandle", "BOOL", [handle("hObject")], "Closes a handle; a named object disappears with its last handle."),
  call(21, "DuplicateHandle", "BOOL", [
    handle("hSourceProcessHandle"), handle("hSourceHandle"), handle("hTargetProcessHandle"),
    opt(out("lpTargetHandle", "LPHANDLE")), u32("dwDesiredAccess"), i32("bInheritHandle"), u32("dwOptions"),
  ], "Duplicates a handle with the same or other access; DUPLICATE_CLOSE_SOURCE, DUPLICATE_SAME_ACCESS."),
  call(22, "GetHandleInformation", "BOOL", [handle("hObject"), out("lpdwFlags", "LPDWORD")],
    "Reads HANDLE_FLAG_INHERIT / HANDLE_FLAG_PROTECT_FROM_CLOSE."),
  call(23, "SetHandleInformation", "BOOL", [handle("hObject"), u32("dwMask"), u32("dwFlags")],
    "Changes the handle flags selected by dwMask."),

  // --- events (40..) ---
  ...wa(40, "CreateEvent", "HANDLE", (n) => [sa(), i32("bManualReset"), i32("bInitialState"), n],
    "Creates or opens a named event (ERROR_ALREADY_EXISTS when it existed)."),
  ...wa(42, "CreateEventEx", "HANDLE", (n) => [sa(), n, u32("dwFlags"), u32("dwDesiredAccess")],
    "Creates an event with CREATE_EVENT_MANUAL_RESET / CREATE_EVENT_INITIAL_SET and an access mask."),
  ...wa(44, "OpenEvent", "HANDLE", (n) => [u32("dwDesiredAccess"), i32("bInheritHandle"), n],
    "Opens an existing named event."),
  call(46, "SetEvent", "BOOL", [handle("hEvent")], "Signals an event; an auto-reset event releases one waiter."),
  call(47, "ResetEvent", "BOOL", [handle("hEvent")], "Unsignals an event."),
  call(48, "PulseEvent", "BOOL", [handle("hEvent")], "Releases current waiters (one if auto-reset) and leaves the event unsignaled."),

  // --- mutexes (60..) ---
  ...wa(60, "CreateMutex", "HANDLE", (n) => [sa(), i32("bInitialOwner"), n],
    "Creates or opens a named mutex; the initial owner holds it once."),
  ...wa(62, "CreateMutexEx", "HANDLE", (n) => [sa(), n, u32("dwFlags"), u32("dwDesiredAccess")],
    "Creates a mutex with CREATE_MUTEX_INITIAL_OWNER and an access mask."),
  ...wa(64, "OpenMutex", "HANDLE", (n) => [u32("dwDesiredAccess"), i32("bInheritHandle"), n], "Opens an existing named mutex."),
  call(66, "ReleaseMutex", "BOOL", [handle("hMutex")], "Releases one level of ownership; ERROR_NOT_OWNER for other threads."),

  // --- semaphores (80..) ---
  ...wa(80, "CreateSemaphore", "HANDLE", (n) => [sa(), i32("lInitialCount", "LONG"), i32("lMaximumCount", "LONG"), n],
    "Creates or opens a named semaphore (0 <= initial <= maximum, maximum > 0)."),
  ...wa(82, "CreateSemaphoreEx", "HANDLE", (n) => [sa(), i32("lInitialCount", "LONG"), i32("lMaximumCount", "LONG"), n,
    u32("dwFlags"), u32("dwDesiredAccess")], "Creates a semaphore with an access mask (dwFlags must be 0)."),
  ...wa(84, "OpenSemaphore", "HANDLE", (n) => [u32("dwDesiredAccess"), i32("bInheritHandle"), n], "Opens an existing named semaphore."),
  // user: usermode.wasm writes lpPreviousCount itself, so the call reaches the kernel with no JavaScript on the path.
  call(86, "ReleaseSemaphore", "BOOL", [handle("hSemaphore"), i32("lReleaseCount", "LONG"), out("lpPreviousCount", "LPLONG")],
    "Adds to the count; past the maximum it fails with ERROR_TOO_MANY_POSTS and changes nothing.", { impl: "user" }),

  // --- waits (100..) ---
  call(100, "WaitForSingleObject", "DWORD", [handle("hHandle"), u32("dwMilliseconds")],
    "Waits for one object; WAIT_OBJECT_0, WAIT_ABANDONED, WAIT_TIMEOUT or WAIT_FAILED.", { fail: WAIT_FAILED }),
  call(101, "WaitForSingleObjectEx", "DWORD", [handle("hHandle"), u32("dwMilliseconds"), i32("bAlertable")],
    "WaitForSingleObject that, when alertable, runs queued APCs and returns WAIT_IO_COMPLETION.", { fail: WAIT_FAILED, alertable: true }),
  call(102, "WaitForMultipleObjects", "DWORD", [u32("nCount"), inBuf("lpHandles", "const HANDLE *", "nCount * 4", 256),
    i32("bWaitAll"), u32("dwMilliseconds")],
    "Waits for any (lowest index wins) or all (atomically) of 1..64 objects.", { fail: WAIT_FAILED }),
  call(103, "WaitForMultipleObjectsEx", "DWORD", [u32("nCount"), inBuf("lpHandles", "const HANDLE *", "nCount * 4", 256),
    i32("bWaitAll"), u32("dwMilliseconds"), i32("bAlertable")], "WaitForMultipleObjects that, when alertable, runs queued APCs and returns WAIT_IO_COMPLETION.", { fail: WAIT_FAILED, alertable: true }),
  call(104, "SignalObjectAndWait", "DWORD", [handle("hObjectToSignal"), handle("hObjectToWaitOn"), u32("dwMilliseconds"),
    i32("bAlertable")], "Signals an event, mutex or semaphore and waits for another object as one step (alertable: as WaitForSingleObjectEx).", { fail: WAIT_FAILED, alertable: true }),
  call(105, "Sleep", "void", [u32("dwMilliseconds")], "Suspends the calling thread; Sleep(0) yields."),

  // --- threads and processes (120..) ---
  call(120, "CreateThread", "HANDLE", [sa("lpThreadAttributes"), u32("dwStackSize", "SIZE_T"),
    ptr("lpStartAddress", "LPTHREAD_START_ROUTINE"), ptr("lpParameter", "LPVOID"), u32("dwCreationFlags"),
    opt(out("lpThreadId", "LPDWORD"))], "Runs a guest function (table index) on a new worker sharing the guest's memory.",
    { impl: "host" }),
  call(121, "ExitThread", "void", [u32("dwExitCode")], "Ends the calling thread with an exit code.", { impl: "host", noreturn: true }),
  call(122, "ExitProcess", "void", [u32("uExitCode", "UINT")], "Ends every thread of the calling process.", { impl: "host", noreturn: true }),
  call(123, "GetExitCodeThread", "BOOL", [handle("hThread"), out("lpExitCode", "LPDWORD")],
    "A thread's exit code, STILL_ACTIVE (259) while it runs."),
  call(124, "GetThreadId", "DWORD", [handle("Thread")], "The id of the thread a handle refers to (0 on error)."),
  call(125, "GetProcessId", "DWORD", [handle("Process")], "The id of the process a handle refers to (0 on error)."),
  call(126, "GetExitCodeProcess", "BOOL", [handle("hProcess"), out("lpExitCode", "LPDWORD")],
    "A process's exit code, STILL_ACTIVE (259) while it runs."),

  // --- console (140..) ---
  call(140, "GetStdHandle", "HANDLE", [u32("nStdHandle")], "STD_INPUT_HANDLE, STD_OUTPUT_HANDLE or STD_ERROR_HANDLE."),
  call(141, "WriteConsoleW", "BOOL", [handle("hConsoleOutput"), ptr("lpBuffer", "const VOID *"),
    u32("nNumberOfCharsToWrite"), out("lpNumberOfCharsWritten", "LPDWORD"), ptr("lpReserved", "LPVOID")],
    "Writes UTF-16 text to a console handle.", { impl: "host" }),
  call(142, "WriteConsoleA", "BOOL", [handle("hConsoleOutput"), ptr("lpBuffer", "const VOID *"),
    u32("nNumberOfCharsToWrite"), out("lpNumberOfCharsWritten", "LPDWORD"), ptr("lpReserved", "LPVOID")],
    "Writes UTF-8 text to a console handle.", { impl: "host" }),
  call(145, "SetStdHandle", "BOOL", [u32("nStdHandle"), handle("hHandle")],
    "Replaces the process's standard input, output or error handle (the handle itself is not checked, as on Windows)."),
  call(143, "ReadConsoleW", "BOOL", [handle("hConsoleInput"), ptr("lpBuffer", "LPVOID"), u32("nNumberOfCharsToRead"),
    out("lpNumberOfCharsRead", "LPDWORD"), ptr("pInputControl", "LPVOID")],
    "Reads typed input (one line at most, ending \\r\\n) from the console input; waits until there is some. " +
    "0 characters once input has ended.", { impl: "host" }),
  call(144, "ReadConsoleA", "BOOL", [handle("hConsoleInput"), ptr("lpBuffer", "LPVOID"), u32("nNumberOfCharsToRead"),
    out("lpNumberOfCharsRead", "LPDWORD"), ptr("pInputControl", "LPVOID")],
    "UTF-8 form of ReadConsoleW.", { impl: "host" }),

  call(147, "GetConsoleMode", "BOOL", [handle("hConsoleHandle"), out("lpMode", "LPDWORD")],
    "The console handle's mode: CONSOLE_INPUT_MODE_DEFAULT (0x1F7) or CONSOLE_OUTPUT_MODE_DEFAULT (3) until SetConsoleMode. " +
    "ERROR_INVALID_HANDLE for a handle that is no console, and for standard input that comes from a pipe or file."),
  call(148, "SetConsoleMode", "BOOL", [handle("hConsoleHandle"), u32("dwMode")],
    "Records a console handle's mode; ENABLE_LINE_INPUT off makes console reads return what has been typed without " +
    "waiting for the end of the line. Bits outside CONSOLE_INPUT_MODE_VALID / CONSOLE_OUTPUT_MODE_VALID, and " +
    "ENABLE_ECHO_INPUT without ENABLE_LINE_INPUT, fail with ERROR_INVALID_PARAMETER (an input mode is kept all the " +
    "same, as conhost keeps it)."),
  call(155, "FlushConsoleInputBuffer", "BOOL", [handle("hConsoleInput")],
    "Discards the input typed and not read yet. ERROR_INVALID_HANDLE for output consoles, piped standard input and " +
    "handles that are no console."),
  call(149, "GetConsoleScreenBufferInfo", "BOOL", [handle("hConsoleOutput"),
    out("lpConsoleScreenBufferInfo", "PCONSOLE_SCREEN_BUFFER_INFO", "22", 22)],
    "The output console's size (the terminal's columns and rows when the output goes to one, else 120 x 30), " +
    "cursor 0,0 and text attributes. ERROR_INVALID_HANDLE for the input console and for handles that are no console.",
    { impl: "host" }),
  // SetConsoleTextAttribute itself is the C runtime's (abi/crt/console.ts): it writes out printf's pending text first.
  call(154, "NtwSetConsoleTextAttribute", "BOOL", [handle("hConsoleOutput"), u32("wAttributes", "WORD")],
    "Sets the attributes (FOREGROUND_*, BACKGROUND_*, COMMON_LVB_*) of text written from now on: on a terminal as " +
    "ANSI colour sequences, elsewhere only recorded. ERROR_INVALID_HANDLE for the input console and handles that are no " +
    "console; ERROR_INVALID_PARAMETER for the bit 0x2000, which no attribute uses.", { module: "ntwasm", impl: "host" }),
  call(146, "OutputDebugStringW", "void", [wstr("lpOutputString")],
    "Text for a debugger: shown by ntwasm run --trace (there is no debugger to receive it otherwise).",
    { impl: "host", athunk: true }),

  // --- NT native (400..) ---
  call(400, "NtSetEvent", "NTSTATUS", [handle("EventHandle"), opt(out("PreviousState", "PLONG"))],
    "Signals an event and returns its previous state.", { module: "ntdll" }),
  call(401, "NtResetEvent", "NTSTATUS", [handle("EventHandle"), opt(out("PreviousState", "PLONG"))],
    "Unsignals an event and returns its previous state.", { module: "ntdll" }),
  call(402, "NtPulseEvent", "NTSTATUS", [handle("EventHandle"), opt(out("PreviousState", "PLONG"))],
    "Pulses an event and returns its previous state.", { module: "ntdll" }),
  call(403, "NtClose", "NTSTATUS", [handle("Handle")], "Closes a handle, returning an NTSTATUS.", { module: "ntdll" }),

  // --- ntwasm's own (800..) ---
  call(800, "QueryObjectDirectory", "NTSTATUS", [wstr("lpPath"), u32("dwIndex"),
    opt(out("lpName", "LPWSTR", "nNameChars * 2", 65536)), u32("nNameChars"), opt(out("lpNameLength", "LPDWORD")),
    opt(out("lpTypeId", "LPDWORD"))],
    "Entry dwIndex of an object directory (e.g. \\BaseNamedObjects): its name, length in chars and type id. " +
    "STATUS_NO_MORE_ENTRIES past the end, STATUS_BUFFER_TOO_SMALL when the name does not fit.",
    { module: "ntwasm" }),
  call(801, "GetProcessImagePathW", "DWORD", [out("lpBuffer", "LPWSTR", "nSize * 2", 65536), u32("nSize")],
    "The calling process's program as a full Windows path (the module GetModuleFileNameW reports): its length, or " +
    "the size needed with the NUL when nSize is too small.", { module: "ntwasm", impl: "host" }),
  call(802, "GetEnvironmentBlockW", "DWORD", [out("lpBuffer", "LPWSTR", "nSize * 2", 65536), u32("nSize")],
    "Copies the calling process's environment as GetEnvironmentStringsW returns it (NAME=VALUE\\0 entries and a " +
    "final NUL) when it fits in nSize chars; returns its size in chars, NULs included (at most 32768 are copied).",
    { module: "ntwasm" }),

  // --- user32 for console programs (1000..) ---
  call(1000, "MessageBoxW", "int", [handle("hWnd", "HWND"), wstr("lpText"), wstr("lpCaption"), u32("uType", "UINT")],
    "Writes \"caption: text\" to standard error (in the browser host, the page's) and returns the answer of " +
    "the default button: IDOK for MB_OK, the MB_DEFBUTTON1..4 button of the MB_OKCANCEL..MB_CANCELTRYCONTINUE sets.",
    { module: "user32", impl: "host", athunk: true }),
  call(1001, "MessageBeep", "BOOL", [u32("uType", "UINT")], "TRUE: there is no sound to play.", { module: "user32", impl: "host" }),
];
