// C-runtime Win32 functions: system information, time, the environment, temporary files. See
// abi/crt/types.ts.
import { crt, type CrtFunction } from "./types.ts";

const info = "kernel32/sysinfo.c";
const time = "kernel32/time.c";
const env = "kernel32/environ.c";
const temp = "kernel32/tempfile.c";

export const SYSTEM: CrtFunction[] = [
  // --- system information ---
  crt("GetSystemInfo", "void", "LPSYSTEM_INFO lpSystemInfo", info,
    "A 32-bit x86-class machine (PROCESSOR_ARCHITECTURE_INTEL, type 586, level 6), 4 KiB pages, 64 KiB allocation " +
    "granularity, addresses 0x10000..0x7FFEFFFF, NUMBER_OF_PROCESSORS processors (1 when unset)."),
  crt("GetNativeSystemInfo", "void", "LPSYSTEM_INFO lpSystemInfo", info, "As GetSystemInfo."),
  crt("GetVersion", "DWORD", "", info, "Windows 10.0 build 19045: 0x4A65000A."),
  crt("GetVersionExW", "BOOL", "LPOSVERSIONINFOW lpVersionInformation", info,
    "Windows 10.0.19045, VER_PLATFORM_WIN32_NT, no service pack; OSVERSIONINFOEXW adds VER_NT_WORKSTATION and " +
    "VER_SUITE_SINGLEUSERTS. A dwOSVersionInfoSize that is neither size fails with ERROR_INSUFFICIENT_BUFFER. " +
    "(Windows reports 6.2 to programs without a manifest; ntwasm answers as for a Windows 10 manifest.)"),
  crt("GetVersionExA", "BOOL", "LPOSVERSIONINFOA lpVersionInformation", info, "ANSI form of GetVersionExW."),
  crt("IsProcessorFeaturePresent", "BOOL", "DWORD ProcessorFeature", info,
    "TRUE for PF_COMPARE_EXCHANGE_DOUBLE and PF_NX_ENABLED; FALSE for the x86 instruction sets and the rest."),
  crt("GetComputerNameW", "BOOL", "LPWSTR lpBuffer, LPDWORD nSize", info,
    "COMPUTERNAME, else \"NTWASM\"; *nSize gets the length, or the size needed with ERROR_BUFFER_OVERFLOW."),
  crt("GetComputerNameA", "BOOL", "LPSTR lpBuffer, LPDWORD nSize", info, "ANSI (UTF-8) form of GetComputerNameW."),
  crt("GetUserNameW", "BOOL", "LPWSTR lpBuffer, LPDWORD pcbBuffer", info,
    "USERNAME, else \"User\"; *pcbBuffer counts the NUL; ERROR_INSUFFICIENT_BUFFER with the size needed. (advapi32 on Windows.)"),
  crt("GetUserNameA", "BOOL", "LPSTR lpBuffer, LPDWORD pcbBuffer", info, "ANSI (UTF-8) form of GetUserNameW."),
  crt("IsDebuggerPresent", "BOOL", "", info, "FALSE."),
  crt("IsWow64Process", "BOOL", "HANDLE hProcess, PBOOL Wow64Process", info,
    "A 32-bit process on the 32-bit machine GetSystemInfo describes: TRUE with *Wow64Process = FALSE for a process " +
    "handle; FALSE (ERROR_INVALID_HANDLE) for a handle that is not one."),
  crt("Beep", "BOOL", "DWORD dwFreq, DWORD dwDuration", info, "TRUE at once (there is no speaker)."),
  crt("SetErrorMode", "UINT", "UINT uMode", info, "Records the mode (it changes nothing: there are no error dialogs) and returns the previous one."),
  crt("GetErrorMode", "UINT", "", info, "The mode SetErrorMode recorded (0 at first)."),

  // --- time ---
  crt("GetSystemTime", "void", "LPSYSTEMTIME lpSystemTime", time, "The current UTC date and time."),
  crt("GetLocalTime", "void", "LPSYSTEMTIME lpSystemTime", time, "The local time, which is UTC (ntwasm's time zone)."),
  crt("GetSystemTimePreciseAsFileTime", "void", "LPFILETIME lpSystemTimeAsFileTime", time, "As GetSystemTimeAsFileTime."),
  crt("SystemTimeToFileTime", "BOOL", "const SYSTEMTIME *lpSystemTime, LPFILETIME lpFileTime", time,
    "Converts a date 1601..30827 with a valid time (wDayOfWeek ignored); ERROR_INVALID_PARAMETER otherwise."),
  crt("FileTimeToSystemTime", "BOOL", "const FILETIME *lpFileTime, LPSYSTEMTIME lpSystemTime", time,
    "Converts, with the day of the week; ERROR_INVALID_PARAMETER from 2^63 on."),
  crt("FileTimeToLocalFileTime", "BOOL", "const FILETIME *lpFileTime, LPFILETIME lpLocalFileTime", time, "A copy: local time is UTC."),
  crt("LocalFileTimeToFileTime", "BOOL", "const FILETIME *lpLocalFileTime, LPFILETIME lpFileTime", time, "A copy: local time is UTC."),
  crt("CompareFileTime", "LONG", "const FILETIME *lpFileTime1, const FILETIME *lpFileTime2", time, "-1, 0 or 1."),
  crt("GetTimeZoneInformation", "DWORD", "LPTIME_ZONE_INFORMATION lpTimeZoneInformation", time,
    "UTC: bias 0, \"Coordinated Universal Time\", no daylight saving time; TIME_ZONE_ID_UNKNOWN."),
  crt("SystemTimeToTzSpecificLocalTime", "BOOL", "const TIME_ZONE_INFORMATION *lpTimeZoneInformation, const SYSTEMTIME *lpUniversalTime, LPSYSTEMTIME lpLocalTime", time,
    "Applies the zone's Bias (no daylight saving rules); NULL is the current zone, UTC."),

  // --- environment ---
  crt("GetEnvironmentVariableA", "DWORD", "LPCSTR lpName, LPSTR lpBuffer, DWORD nSize", env,
    "ANSI (UTF-8) form of GetEnvironmentVariableW: the length, the size needed with the NUL, or 0 with ERROR_ENVVAR_NOT_FOUND."),
  crt("GetEnvironmentStringsW", "LPWCH", "", env,
    "A NAME=value block ending with two NULs: the variables the process started with, at their current values " +
    "(variables created since are missing). Free it with FreeEnvironmentStringsW."),
  crt("GetEnvironmentStringsA", "LPCH", "", env, "UTF-8 form of GetEnvironmentStringsW; free it with FreeEnvironmentStringsA."),
  crt("FreeEnvironmentStringsW", "BOOL", "LPWCH penv", env, "Frees a GetEnvironmentStringsW block; TRUE."),
  crt("FreeEnvironmentStringsA", "BOOL", "LPCH penv", env, "Frees a GetEnvironmentStringsA block; TRUE."),
  crt("ExpandEnvironmentStringsW", "DWORD", "LPCWSTR lpSrc, LPWSTR lpDst, DWORD nSize", env,
    "Replaces %NAME% with the variable's value (an undefined one stays as written); returns the length with the " +
    "NUL, writing nothing when nSize is smaller."),
  crt("ExpandEnvironmentStringsA", "DWORD", "LPCSTR lpSrc, LPSTR lpDst, DWORD nSize", env, "ANSI (UTF-8) form of ExpandEnvironmentStringsW (sizes in bytes)."),

  // --- temporary files ---
  crt("GetTempPathW", "DWORD", "DWORD nBufferLength, LPWSTR lpBuffer", temp,
    "TMP, TEMP or USERPROFILE as a full path ending with a backslash; with none set, C:\\Windows\\ when it exists, " +
    "else C:\\. The length, or the size needed with the NUL."),
  crt("GetTempPathA", "DWORD", "DWORD nBufferLength, LPSTR lpBuffer", temp, "ANSI (UTF-8) form of GetTempPathW."),
  crt("GetTempPath2W", "DWORD", "DWORD BufferLength, LPWSTR Buffer", temp, "As GetTempPathW."),
  crt("GetTempPath2A", "DWORD", "DWORD BufferLength, LPSTR Buffer", temp, "As GetTempPathA."),
  crt("GetTempFileNameW", "UINT", "LPCWSTR lpPathName, LPCWSTR lpPrefixString, UINT uUnique, LPWSTR lpTempFileName", temp,
    "<path>\\<3 prefix characters><hex>.tmp; uUnique 0 creates a new empty file (CREATE_NEW) with a free number, " +
    "otherwise the low 16 bits of uUnique are used and nothing is created. ERROR_DIRECTORY when the path is not a directory."),
  crt("GetTempFileNameA", "UINT", "LPCSTR lpPathName, LPCSTR lpPrefixString, UINT uUnique, LPSTR lpTempFileName", temp,
    "ANSI (UTF-8) form of GetTempFileNameW."),
];
