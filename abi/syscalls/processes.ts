// Processes: creation, termination, command line and environment (issue 4).
import { call, handle, i32, out, ptr, sa, u32, wstr, type Entry } from "./params.ts";

export const PROCESSES: Entry[] = [
  call(300, "CreateProcessW", "BOOL", [
    wstr("lpApplicationName"), wstr("lpCommandLine"), sa("lpProcessAttributes"), sa("lpThreadAttributes"),
    i32("bInheritHandles"), u32("dwCreationFlags"), ptr("lpEnvironment", "LPVOID"), wstr("lpCurrentDirectory"),
    ptr("lpStartupInfo", "LPSTARTUPINFOW"), out("lpProcessInformation", "LPPROCESS_INFORMATION", "16", 16),
  ], "Starts a guest program (.wasm, a path under the root mapped to C:\\) as a new process with its own " +
    "memory and handle table: inheritable handles keep their values with bInheritHandles, CREATE_SUSPENDED " +
    "holds its first thread, STARTF_USESTDHANDLES passes std handles, lpEnvironment a UTF-16 block " +
    "(CREATE_UNICODE_ENVIRONMENT).", { impl: "host" }),
  call(301, "OpenProcess", "HANDLE", [u32("dwDesiredAccess"), i32("bInheritHandle"), u32("dwProcessId")],
    "A handle to the process with that id (ERROR_INVALID_PARAMETER when there is none)."),
  call(302, "TerminateProcess", "BOOL", [handle("hProcess"), u32("uExitCode", "UINT")],
    "Ends every thread of a process (waits aborted, mutexes abandoned, handles closed, waiters woken).",
    { impl: "host" }),
  call(303, "GetCommandLineW", "DWORD", [], "Address of the process's command line (UTF-16) in guest memory."),
  call(304, "GetCommandLineA", "DWORD", [], "Address of the process's command line (UTF-8) in guest memory."),
  call(305, "GetEnvironmentVariableW", "DWORD", [wstr("lpName"), out("lpBuffer", "LPWSTR", "nSize * 2", 65536),
    u32("nSize")], "Copies a variable's value: its length, or the size needed with the NUL when nSize is too " +
    "small, or 0 with ERROR_ENVVAR_NOT_FOUND."),
  call(306, "SetEnvironmentVariableW", "BOOL", [wstr("lpName"), wstr("lpValue")],
    "Sets a variable of the calling process; a NULL value removes it. Names are case-insensitive.", { athunk: true }),
  call(307, "GetPriorityClass", "DWORD", [handle("hProcess")],
    "The priority class SetPriorityClass recorded (NORMAL_PRIORITY_CLASS at first); 0 on failure."),
  call(308, "SetPriorityClass", "BOOL", [handle("hProcess"), u32("dwPriorityClass")],
    "Records a priority class (IDLE, BELOW_NORMAL, NORMAL, ABOVE_NORMAL, HIGH, REALTIME_PRIORITY_CLASS; " +
    "PROCESS_MODE_BACKGROUND_BEGIN/END are accepted); others fail with ERROR_INVALID_PARAMETER."),
];
