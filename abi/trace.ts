// What `ntwasm run --trace` needs to know about each syscall to print lines people can read: its area
// (the channels --trace=AREAS selects, as WINEDEBUG's), whether it can block (printed as
// "<unfinished ...>" and "<... resumed>" when other lines come between), how each parameter and the
// result show (decimal for timeouts, counts and sizes; names for flags, access masks, wait results), and
// which results are failures (printed with the thread's last error by name). abi/gen.ts checks every
// name here against the syscall table and the constants, and generates SYSCALL_INFO and TRACE_SETS
// (host/generated/abi.ts) from it; host/trace.ts renders them.
import type { Area, Show } from "./types.ts";

/** Every syscall is in exactly one area (gen checks it). */
export const AREAS: { area: Area; doc: string; calls: string[] }[] = [
  { area: "sync", doc: "events, mutexes, semaphores, waitable timers, waits, keyed events, critical sections, SRW locks, condition variables, one-time init, WaitOnAddress, barriers", calls: [
    "CreateEventW", "CreateEventA", "CreateEventExW", "CreateEventExA", "OpenEventW", "OpenEventA", "SetEvent", "ResetEvent", "PulseEvent",
    "CreateMutexW", "CreateMutexA", "CreateMutexExW", "CreateMutexExA", "OpenMutexW", "OpenMutexA", "ReleaseMutex",
    "CreateSemaphoreW", "CreateSemaphoreA", "CreateSemaphoreExW", "CreateSemaphoreExA", "OpenSemaphoreW", "OpenSemaphoreA", "ReleaseSemaphore",
    "WaitForSingleObject", "WaitForSingleObjectEx", "WaitForMultipleObjects", "WaitForMultipleObjectsEx", "SignalObjectAndWait",
    "CreateWaitableTimerW", "CreateWaitableTimerA", "CreateWaitableTimerExW", "CreateWaitableTimerExA", "OpenWaitableTimerW",
    "OpenWaitableTimerA", "SetWaitableTimer", "CancelWaitableTimer",
    "InitializeCriticalSection", "InitializeCriticalSectionAndSpinCount", "InitializeCriticalSectionEx", "EnterCriticalSection",
    "TryEnterCriticalSection", "LeaveCriticalSection", "DeleteCriticalSection", "SetCriticalSectionSpinCount",
    "InitializeSRWLock", "AcquireSRWLockExclusive", "ReleaseSRWLockExclusive", "AcquireSRWLockShared", "ReleaseSRWLockShared",
    "TryAcquireSRWLockExclusive", "TryAcquireSRWLockShared",
    "InitializeConditionVariable", "SleepConditionVariableCS", "SleepConditionVariableSRW", "WakeConditionVariable", "WakeAllConditionVariable",
    "InitOnceInitialize", "InitOnceExecuteOnce", "InitOnceBeginInitialize", "InitOnceComplete",
    "WaitOnAddress", "WakeByAddressSingle", "WakeByAddressAll",
    "InitializeSynchronizationBarrier", "EnterSynchronizationBarrier", "DeleteSynchronizationBarrier",
    "NtSetEvent", "NtResetEvent", "NtPulseEvent", "NtCreateEvent", "NtOpenEvent", "NtClearEvent", "NtQueryEvent",
    "NtCreateMutant", "NtOpenMutant", "NtReleaseMutant", "NtQueryMutant",
    "NtCreateSemaphore", "NtOpenSemaphore", "NtReleaseSemaphore", "NtQuerySemaphore",
    "NtCreateTimer", "NtOpenTimer", "NtSetTimer", "NtCancelTimer", "NtQueryTimer",
    "NtWaitForSingleObject", "NtWaitForMultipleObjects", "NtSignalAndWaitForSingleObject",
    "NtCreateKeyedEvent", "NtOpenKeyedEvent", "NtWaitForKeyedEvent", "NtReleaseKeyedEvent",
  ] },
  { area: "thread", doc: "threads, their ids, suspension, priorities, TLS, APCs", calls: [
    "GetCurrentThread", "GetCurrentThreadId", "CreateThread", "ExitThread", "GetExitCodeThread", "GetThreadId", "OpenThread",
    "SuspendThread", "ResumeThread", "SwitchToThread", "TerminateThread", "GetThreadPriority", "SetThreadPriority",
    "TlsAlloc", "TlsFree", "TlsGetValue", "TlsSetValue", "QueueUserAPC", "NtQueueApcThread", "NtTestAlert", "NtAlertThread",
  ] },
  { area: "process", doc: "processes: creation, ids, exit codes, termination, command line, priority class", calls: [
    "GetCurrentProcess", "GetCurrentProcessId", "ExitProcess", "GetProcessId", "GetExitCodeProcess", "CreateProcessW", "OpenProcess",
    "TerminateProcess", "GetCommandLineW", "GetCommandLineA", "GetPriorityClass", "SetPriorityClass", "GetProcessImagePathW",
  ] },
  { area: "env", doc: "environment variables", calls: ["GetEnvironmentVariableW", "SetEnvironmentVariableW", "GetEnvironmentBlockW"] },
  { area: "error", doc: "the last error and status conversion", calls: ["GetLastError", "SetLastError", "RtlNtStatusToDosError"] },
  { area: "handle", doc: "closing, duplicating and querying handles", calls: [
    "CloseHandle", "DuplicateHandle", "GetHandleInformation", "SetHandleInformation", "NtClose", "NtDuplicateObject", "NtQueryObject",
  ] },
  { area: "debug", doc: "wait chains, the tests' kernel fault injection", calls: ["NtwGetThreadWaitChain", "NtwInjectKernelFault"] },
  { area: "object", doc: "the object namespace: directories, symbolic links", calls: [
    "QueryObjectDirectory", "NtOpenDirectoryObject", "NtCreateDirectoryObject", "NtQueryDirectoryObject", "NtCreateSymbolicLinkObject",
    "NtOpenSymbolicLinkObject", "NtQuerySymbolicLinkObject", "NtMakeTemporaryObject",
  ] },
  { area: "time", doc: "sleeping and clocks", calls: [
    "Sleep", "SleepEx", "NtDelayExecution", "GetTickCount", "GetTickCount64", "QueryPerformanceCounter", "QueryPerformanceFrequency",
    "GetSystemTimeAsFileTime",
  ] },
  { area: "console", doc: "standard handles, console reads and writes, OutputDebugString, MessageBox", calls: [
    "GetStdHandle", "SetStdHandle", "WriteConsoleW", "WriteConsoleA", "ReadConsoleW", "ReadConsoleA", "OutputDebugStringW",
    "GetConsoleMode", "SetConsoleMode", "FlushConsoleInputBuffer", "GetConsoleScreenBufferInfo", "NtwSetConsoleTextAttribute",
    "MessageBoxW", "MessageBeep",
  ] },
  { area: "pipe", doc: "anonymous and named pipes", calls: [
    "CreatePipe", "CreateNamedPipeW", "CreateNamedPipeA", "ConnectNamedPipe", "DisconnectNamedPipe", "WaitNamedPipeW", "WaitNamedPipeA",
    "SetNamedPipeHandleState", "PeekNamedPipe", "TransactNamedPipe", "CallNamedPipeW", "CallNamedPipeA", "GetNamedPipeInfo",
    "GetNamedPipeHandleStateW", "GetNamedPipeHandleStateA", "GetNamedPipeClientProcessId", "GetNamedPipeServerProcessId",
    "GetNamedPipeClientSessionId", "GetNamedPipeServerSessionId", "NtCreateNamedPipeFile", "NtFsControlFile",
  ] },
  { area: "file", doc: "CreateFile, ReadFile and WriteFile (on any handle), the file system, overlapped I/O", calls: [
    "CreateFileW", "CreateFileA", "ReadFile", "WriteFile", "SetFilePointer", "SetFilePointerEx", "GetFileSize", "GetFileSizeEx",
    "SetEndOfFile", "FlushFileBuffers", "DeleteFileW", "MoveFileW", "MoveFileExW", "CopyFileW", "CreateDirectoryW", "RemoveDirectoryW",
    "GetFileAttributesW", "FindFirstFileW", "FindNextFileW", "FindClose", "GetCurrentDirectoryW", "SetCurrentDirectoryW",
    "GetFullPathNameW", "GetFileType", "SetFileAttributesW", "GetFileInformationByHandle",
    "GetOverlappedResult", "GetOverlappedResultEx", "CancelIo", "CancelIoEx", "ReadFileEx", "WriteFileEx", "NtReadFile", "NtWriteFile",
    "CancelSynchronousIo", "NtQueryInformationFile", "NtSetInformationFile",
  ] },
  { area: "iocp", doc: "I/O completion ports", calls: [
    "CreateIoCompletionPort", "PostQueuedCompletionStatus", "GetQueuedCompletionStatus", "SetFileCompletionNotificationModes",
    "NtCreateIoCompletion", "NtOpenIoCompletion", "NtSetIoCompletion", "NtRemoveIoCompletion", "NtRemoveIoCompletionEx", "NtQueryIoCompletion",
  ] },
  { area: "service", doc: "services (docs/services.md)", calls: [
    "SvcCreateW", "SvcCreateA", "SvcOpenW", "SvcOpenA", "SvcAccept", "SvcRead", "SvcWrite", "SvcReply", "SvcSetCompletionPort",
    "SvcCall", "SvcCallEx", "SvcCallAsync", "SvcFinish",
  ] },
];

/** The area of the WASI imports (wasi_snapshot_preview1), which are not in the syscall table. */
export const WASI_AREA = { area: "wasi", doc: "WASI imports (wasi_snapshot_preview1: the C runtime's stdio, files, clocks)" };

/**
 * Calls that can wait for another thread or the outside world: true, or the parameter whose 0 makes this
 * call return at once (a timeout, GetOverlappedResult's bWait; for an NT LARGE_INTEGER timeout, a NULL
 * pointer waits forever and a 0 value does not wait).
 */
export const BLOCKS: Record<string, true | string> = {
  WaitForSingleObject: "dwMilliseconds", WaitForSingleObjectEx: "dwMilliseconds", WaitForMultipleObjects: "dwMilliseconds",
  WaitForMultipleObjectsEx: "dwMilliseconds", SignalObjectAndWait: "dwMilliseconds", Sleep: "dwMilliseconds", SleepEx: "dwMilliseconds",
  SleepConditionVariableCS: "dwMilliseconds", SleepConditionVariableSRW: "dwMilliseconds", WaitOnAddress: "dwMilliseconds",
  EnterCriticalSection: true, AcquireSRWLockExclusive: true, AcquireSRWLockShared: true, InitOnceExecuteOnce: true,
  InitOnceBeginInitialize: true, EnterSynchronizationBarrier: true, DeleteSynchronizationBarrier: true,
  NtWaitForSingleObject: "Timeout", NtWaitForMultipleObjects: "Timeout", NtSignalAndWaitForSingleObject: "Timeout",
  NtWaitForKeyedEvent: "Timeout", NtReleaseKeyedEvent: "Timeout", NtDelayExecution: "DelayInterval",
  ReadConsoleW: true, ReadConsoleA: true,
  ConnectNamedPipe: true, WaitNamedPipeW: true, WaitNamedPipeA: true, TransactNamedPipe: true, CallNamedPipeW: true,
  CallNamedPipeA: true, NtFsControlFile: true,
  ReadFile: true, WriteFile: true, FlushFileBuffers: true, NtReadFile: true, NtWriteFile: true,
  GetOverlappedResult: "bWait", GetOverlappedResultEx: "dwMilliseconds",
  GetQueuedCompletionStatus: "dwMilliseconds", NtRemoveIoCompletion: "Timeout", NtRemoveIoCompletionEx: "Timeout",
  SvcOpenW: "dwMilliseconds", SvcOpenA: "dwMilliseconds", SvcAccept: "dwMilliseconds", SvcCall: "dwMilliseconds",
  SvcCallEx: "dwMilliseconds",
};

/**
 * Named values (constants of abi/constants.ts) that flags:SET and enum:SET show. Flags show as the names
 * whose bits are all set, the ones with more bits first (EVENT_ALL_ACCESS before SYNCHRONIZE), and what
 * is left in hex; a value equal to one name shows as that name alone.
 */
export const SETS: Record<string, string[]> = {
  FILE_SHARE: ["FILE_SHARE_READ", "FILE_SHARE_WRITE", "FILE_SHARE_DELETE"],
  CREATION_DISPOSITION: ["CREATE_NEW", "CREATE_ALWAYS", "OPEN_EXISTING", "OPEN_ALWAYS", "TRUNCATE_EXISTING"],
  FILE_FLAGS: ["FILE_FLAG_WRITE_THROUGH", "FILE_FLAG_OVERLAPPED", "FILE_FLAG_DELETE_ON_CLOSE", "FILE_FLAG_BACKUP_SEMANTICS",
    "FILE_FLAG_FIRST_PIPE_INSTANCE", "FILE_ATTRIBUTE_READONLY", "FILE_ATTRIBUTE_DIRECTORY", "FILE_ATTRIBUTE_ARCHIVE", "FILE_ATTRIBUTE_NORMAL"],
  FILE_ATTRIBUTES: ["INVALID_FILE_ATTRIBUTES", "FILE_ATTRIBUTE_READONLY", "FILE_ATTRIBUTE_DIRECTORY", "FILE_ATTRIBUTE_ARCHIVE",
    "FILE_ATTRIBUTE_NORMAL"],
  PIPE_OPEN_MODE: ["PIPE_ACCESS_DUPLEX", "PIPE_ACCESS_INBOUND", "PIPE_ACCESS_OUTBOUND", "FILE_FLAG_FIRST_PIPE_INSTANCE",
    "FILE_FLAG_WRITE_THROUGH", "FILE_FLAG_OVERLAPPED"],
  PIPE_MODE: ["PIPE_TYPE_MESSAGE", "PIPE_READMODE_MESSAGE", "PIPE_NOWAIT", "PIPE_REJECT_REMOTE_CLIENTS"],
  DUPLICATE_OPTIONS: ["DUPLICATE_CLOSE_SOURCE", "DUPLICATE_SAME_ACCESS"],
  HANDLE_FLAGS: ["HANDLE_FLAG_INHERIT", "HANDLE_FLAG_PROTECT_FROM_CLOSE"],
  CREATE_EVENT_FLAGS: ["CREATE_EVENT_MANUAL_RESET", "CREATE_EVENT_INITIAL_SET"],
  CREATE_MUTEX_FLAGS: ["CREATE_MUTEX_INITIAL_OWNER"],
  CREATE_TIMER_FLAGS: ["CREATE_WAITABLE_TIMER_MANUAL_RESET", "CREATE_WAITABLE_TIMER_HIGH_RESOLUTION"],
  MOVEFILE_FLAGS: ["MOVEFILE_REPLACE_EXISTING", "MOVEFILE_COPY_ALLOWED"],
  CREATION_FLAGS: ["CREATE_SUSPENDED", "CREATE_UNICODE_ENVIRONMENT", "STACK_SIZE_PARAM_IS_A_RESERVATION"],
  STD_HANDLE: ["STD_INPUT_HANDLE", "STD_OUTPUT_HANDLE", "STD_ERROR_HANDLE"],
  MOVE_METHOD: ["FILE_BEGIN", "FILE_CURRENT", "FILE_END"],
  PRIORITY_CLASS: ["IDLE_PRIORITY_CLASS", "BELOW_NORMAL_PRIORITY_CLASS", "NORMAL_PRIORITY_CLASS", "ABOVE_NORMAL_PRIORITY_CLASS",
    "HIGH_PRIORITY_CLASS", "REALTIME_PRIORITY_CLASS", "PROCESS_MODE_BACKGROUND_BEGIN", "PROCESS_MODE_BACKGROUND_END"],
  THREAD_PRIORITY: ["THREAD_PRIORITY_IDLE", "THREAD_PRIORITY_LOWEST", "THREAD_PRIORITY_BELOW_NORMAL", "THREAD_PRIORITY_NORMAL",
    "THREAD_PRIORITY_ABOVE_NORMAL", "THREAD_PRIORITY_HIGHEST", "THREAD_PRIORITY_TIME_CRITICAL", "THREAD_MODE_BACKGROUND_BEGIN",
    "THREAD_MODE_BACKGROUND_END", "THREAD_PRIORITY_ERROR_RETURN"],
  FILE_TYPE: ["FILE_TYPE_UNKNOWN", "FILE_TYPE_DISK", "FILE_TYPE_CHAR", "FILE_TYPE_PIPE"],
  MESSAGEBOX_RESULT: ["IDOK", "IDCANCEL", "IDABORT", "IDRETRY", "IDIGNORE", "IDYES", "IDNO", "IDTRYAGAIN", "IDCONTINUE"],
  COMPLETION_MODES: ["FILE_SKIP_COMPLETION_PORT_ON_SUCCESS", "FILE_SKIP_SET_EVENT_ON_HANDLE", "FILE_SKIP_SET_USER_EVENT_ON_FAST_IO"],
  INIT_ONCE_FLAGS: ["INIT_ONCE_CHECK_ONLY", "INIT_ONCE_ASYNC", "INIT_ONCE_INIT_FAILED"],
  CONDITION_VARIABLE_FLAGS: ["CONDITION_VARIABLE_LOCKMODE_SHARED"],
  WAIT_IO: ["WAIT_IO_COMPLETION"],
  // access masks: each also gets ACCESS's standard and generic rights (gen adds them)
  ACCESS: ["GENERIC_READ", "GENERIC_WRITE", "GENERIC_EXECUTE", "GENERIC_ALL", "MAXIMUM_ALLOWED", "ACCESS_SYSTEM_SECURITY",
    "SYNCHRONIZE", "DELETE", "READ_CONTROL", "WRITE_DAC", "WRITE_OWNER"],
  EVENT_ACCESS: ["EVENT_ALL_ACCESS", "EVENT_QUERY_STATE", "EVENT_MODIFY_STATE"],
  MUTEX_ACCESS: ["MUTEX_ALL_ACCESS", "MUTEX_MODIFY_STATE"],
  MUTANT_ACCESS: ["MUTANT_ALL_ACCESS", "MUTANT_QUERY_STATE"],
  SEMAPHORE_ACCESS: ["SEMAPHORE_ALL_ACCESS", "SEMAPHORE_QUERY_STATE", "SEMAPHORE_MODIFY_STATE"],
  TIMER_ACCESS: ["TIMER_ALL_ACCESS", "TIMER_QUERY_STATE", "TIMER_MODIFY_STATE"],
  PROCESS_ACCESS: ["PROCESS_ALL_ACCESS", "PROCESS_TERMINATE", "PROCESS_DUP_HANDLE", "PROCESS_SET_INFORMATION",
    "PROCESS_QUERY_INFORMATION", "PROCESS_QUERY_LIMITED_INFORMATION"],
  THREAD_ACCESS: ["THREAD_ALL_ACCESS", "THREAD_TERMINATE", "THREAD_SUSPEND_RESUME", "THREAD_ALERT", "THREAD_SET_CONTEXT",
    "THREAD_SET_INFORMATION", "THREAD_QUERY_INFORMATION", "THREAD_SET_LIMITED_INFORMATION", "THREAD_QUERY_LIMITED_INFORMATION"],
  FILE_ACCESS: ["FILE_ALL_ACCESS", "FILE_GENERIC_READ", "FILE_GENERIC_WRITE", "FILE_GENERIC_EXECUTE", "FILE_READ_DATA",
    "FILE_WRITE_DATA", "FILE_APPEND_DATA", "FILE_READ_ATTRIBUTES", "FILE_WRITE_ATTRIBUTES"],
  DIRECTORY_ACCESS: ["DIRECTORY_ALL_ACCESS", "DIRECTORY_QUERY", "DIRECTORY_TRAVERSE"],
  SYMLINK_ACCESS: ["SYMBOLIC_LINK_ALL_ACCESS", "SYMBOLIC_LINK_QUERY"],
  KEYEDEVENT_ACCESS: ["KEYEDEVENT_ALL_ACCESS", "KEYEDEVENT_WAIT", "KEYEDEVENT_WAKE"],
  IO_COMPLETION_ACCESS: ["IO_COMPLETION_ALL_ACCESS", "IO_COMPLETION_QUERY_STATE", "IO_COMPLETION_MODIFY_STATE"],
};

/** Sets that are access masks: each also decodes ACCESS's names. */
export const ACCESS_SETS = ["ACCESS", "EVENT_ACCESS", "MUTEX_ACCESS", "MUTANT_ACCESS", "SEMAPHORE_ACCESS", "TIMER_ACCESS",
  "PROCESS_ACCESS", "THREAD_ACCESS", "FILE_ACCESS", "DIRECTORY_ACCESS", "SYMLINK_ACCESS", "KEYEDEVENT_ACCESS", "IO_COMPLETION_ACCESS"];

/** The access mask each call's dwDesiredAccess / DesiredAccess parameter is, by the set that decodes it. */
export const ACCESS_OF: Record<string, string[]> = {
  EVENT_ACCESS: ["CreateEventExW", "CreateEventExA", "OpenEventW", "OpenEventA", "NtCreateEvent", "NtOpenEvent"],
  MUTEX_ACCESS: ["CreateMutexExW", "CreateMutexExA", "OpenMutexW", "OpenMutexA"],
  MUTANT_ACCESS: ["NtCreateMutant", "NtOpenMutant"],
  SEMAPHORE_ACCESS: ["CreateSemaphoreExW", "CreateSemaphoreExA", "OpenSemaphoreW", "OpenSemaphoreA", "NtCreateSemaphore", "NtOpenSemaphore"],
  TIMER_ACCESS: ["CreateWaitableTimerExW", "CreateWaitableTimerExA", "OpenWaitableTimerW", "OpenWaitableTimerA", "NtCreateTimer", "NtOpenTimer"],
  THREAD_ACCESS: ["OpenThread"],
  PROCESS_ACCESS: ["OpenProcess"],
  FILE_ACCESS: ["CreateFileW", "CreateFileA", "NtCreateNamedPipeFile"],
  DIRECTORY_ACCESS: ["NtOpenDirectoryObject", "NtCreateDirectoryObject"],
  SYMLINK_ACCESS: ["NtCreateSymbolicLinkObject", "NtOpenSymbolicLinkObject"],
  KEYEDEVENT_ACCESS: ["NtCreateKeyedEvent", "NtOpenKeyedEvent"],
  IO_COMPLETION_ACCESS: ["NtCreateIoCompletion", "NtOpenIoCompletion"],
  ACCESS: ["DuplicateHandle", "NtDuplicateObject"],
};

const dec = (...names: string[]) => Object.fromEntries(names.map((n) => [n, "dec" as Show]));

/**
 * How parameters show, by name: "name" for every call with a parameter of that name, "Call.name" for
 * one call (it wins). Parameters not named here show by their kind (types.ts Show).
 */
export const PARAMS: Record<string, Show> = {
  dwMilliseconds: "ms", nTimeOut: "ms", nDefaultTimeOut: "ms",
  Timeout: "i64", DelayInterval: "i64", DueTime: "i64", DefaultTimeout: "i64", lpDueTime: "i64", liDistanceToMove: "i64",
  // counts, sizes, lengths, indexes, ids, exit codes, information classes
  ...dec("nCount", "Count", "nSize", "nBufferLength", "nBufferSize", "nBytes", "dwOffset", "dwIndex", "nNameChars", "nInBufferSize",
    "nOutBufferSize", "nMaxInstances", "nMaxUserNameSize", "nNumberOfBytesToRead", "nNumberOfBytesToWrite", "nNumberOfCharsToRead",
    "nNumberOfCharsToWrite", "dwNumberOfBytesTransferred", "dwQueueLimit", "dwSpinCount", "dwTlsIndex", "dwThreadId", "dwProcessId",
    "dwExitCode", "uExitCode", "NumberOfConcurrentThreads", "AddressSize", "dwStackSize", "Length", "InputBufferLength",
    "OutputBufferLength", "InboundQuota", "OutboundQuota", "MaximumInstances", "EventInformationLength", "MutantInformationLength",
    "SemaphoreInformationLength", "TimerInformationLength", "ObjectInformationLength", "IoCompletionInformationLength",
    "EventInformationClass", "MutantInformationClass", "SemaphoreInformationClass", "TimerInformationClass", "ObjectInformationClass",
    "IoCompletionInformationClass", "FileInformationClass", "EventType", "TimerType", "WaitType", "NamedPipeType", "ReadMode",
    "CompletionMode", "CreateDisposition", "ThreadId", "NodeCount"),
  dwErrCode: "error",
  Status: "status", IoStatus: "status",
  dwShareMode: "flags:FILE_SHARE", ShareAccess: "flags:FILE_SHARE",
  dwCreationDisposition: "enum:CREATION_DISPOSITION",
  dwFlagsAndAttributes: "flags:FILE_FLAGS",
  dwFileAttributes: "flags:FILE_ATTRIBUTES",
  dwOpenMode: "flags:PIPE_OPEN_MODE", dwPipeMode: "flags:PIPE_MODE",
  dwOptions: "flags:DUPLICATE_OPTIONS", "NtDuplicateObject.Options": "flags:DUPLICATE_OPTIONS",
  dwMask: "flags:HANDLE_FLAGS", "SetHandleInformation.dwFlags": "flags:HANDLE_FLAGS",
  "CreateEventExW.dwFlags": "flags:CREATE_EVENT_FLAGS", "CreateEventExA.dwFlags": "flags:CREATE_EVENT_FLAGS",
  "CreateMutexExW.dwFlags": "flags:CREATE_MUTEX_FLAGS", "CreateMutexExA.dwFlags": "flags:CREATE_MUTEX_FLAGS",
  "CreateWaitableTimerExW.dwFlags": "flags:CREATE_TIMER_FLAGS", "CreateWaitableTimerExA.dwFlags": "flags:CREATE_TIMER_FLAGS",
  "MoveFileExW.dwFlags": "flags:MOVEFILE_FLAGS",
  dwCreationFlags: "flags:CREATION_FLAGS",
  nStdHandle: "enum:STD_HANDLE", dwMoveMethod: "enum:MOVE_METHOD", dwPriorityClass: "enum:PRIORITY_CLASS",
  nPriority: "enum:THREAD_PRIORITY",
  "SetFileCompletionNotificationModes.Flags": "flags:COMPLETION_MODES",
  "InitOnceBeginInitialize.dwFlags": "flags:INIT_ONCE_FLAGS", "InitOnceComplete.dwFlags": "flags:INIT_ONCE_FLAGS",
  "SleepConditionVariableSRW.Flags": "flags:CONDITION_VARIABLE_FLAGS",
  lpHandles: "handles:nCount", Handles: "handles:Count",
  "WriteFile.lpBuffer": "bytes:nNumberOfBytesToWrite", "WriteFileEx.lpBuffer": "bytes:nNumberOfBytesToWrite",
  "WriteConsoleA.lpBuffer": "bytes:nNumberOfCharsToWrite", "WriteConsoleW.lpBuffer": "wchars:nNumberOfCharsToWrite",
  "CallNamedPipeW.lpNamedPipeName": "wstr", "CallNamedPipeA.lpNamedPipeName": "astr",
};

/** How results show, by call, when not by their type (types.ts Show). */
export const RESULTS: Record<string, Show> = {
  WaitForSingleObject: "wait", WaitForSingleObjectEx: "wait", WaitForMultipleObjects: "wait", WaitForMultipleObjectsEx: "wait",
  SignalObjectAndWait: "wait", SleepEx: "enum:WAIT_IO",
  NtWaitForSingleObject: "ntwait", NtWaitForMultipleObjects: "ntwait", NtSignalAndWaitForSingleObject: "ntwait",
  GetLastError: "error", RtlNtStatusToDosError: "error",
  GetFileAttributesW: "flags:FILE_ATTRIBUTES", GetFileType: "enum:FILE_TYPE", GetPriorityClass: "enum:PRIORITY_CLASS",
  GetThreadPriority: "enum:THREAD_PRIORITY", MessageBoxW: "enum:MESSAGEBOX_RESULT",
  TlsGetValue: "hex", GetCommandLineW: "hex", GetCommandLineA: "hex",
};

/**
 * Which result is a failure (the line then names the thread's last error), when not the call's `fail`
 * value or, for BOOL, BOOLEAN and HANDLE results, 0: "never" (a FALSE that is an answer), "zero" (a DWORD
 * or int 0 is a failure), or the failing value.
 */
export const FAILURE: Record<string, "never" | "zero" | number> = {
  TryEnterCriticalSection: "never", TryAcquireSRWLockExclusive: "never", TryAcquireSRWLockShared: "never", SwitchToThread: "never",
  EnterSynchronizationBarrier: "never", DeleteSynchronizationBarrier: "never", InitializeCriticalSectionAndSpinCount: "never",
  InitializeCriticalSectionEx: "never", MessageBeep: "never", GetCurrentProcess: "never", GetCurrentThread: "never",
  GetStdHandle: 0xffffffff,
  GetThreadId: "zero", GetProcessId: "zero", GetEnvironmentVariableW: "zero", GetCurrentDirectoryW: "zero", GetFullPathNameW: "zero",
  QueueUserAPC: "zero", GetPriorityClass: "zero", GetProcessImagePathW: "zero", MessageBoxW: "zero",
};
