// Overlapped I/O (issue 5): ReadFile/WriteFile/ConnectNamedPipe/TransactNamedPipe with an OVERLAPPED
// return at once; what cannot complete then runs on one of the process's I/O workers (kernel/nt/io.ts,
// host/syscalls/overlapped.ts), which fills the OVERLAPPED (Internal = NTSTATUS, InternalHigh = bytes)
// and sets its event. Completion routines (issue 13): ReadFileEx/WriteFileEx and ntdll's
// NtReadFile/NtWriteFile take the same path and queue their routine as an APC to the issuing thread.
// 700..719. Host shims: they read and write the guest's OVERLAPPED / IO_STATUS_BLOCK.
import { call, handle, i32, ptr, u32, type Entry } from "./params.ts";

const host = { impl: "host" as const };
const ntdll = { module: "ntdll" as const, impl: "host" as const };
const exParams = (buffer: string, count: string) => [handle("hFile"), ptr("lpBuffer", buffer), u32(count),
  ptr("lpOverlapped", "LPOVERLAPPED"), ptr("lpCompletionRoutine", "LPOVERLAPPED_COMPLETION_ROUTINE")];
const ntParams = (buffer: string) => [handle("FileHandle"), handle("Event"), ptr("ApcRoutine", "PIO_APC_ROUTINE"),
  ptr("ApcContext", "PVOID"), ptr("IoStatusBlock", "PIO_STATUS_BLOCK"), ptr("Buffer", buffer), u32("Length", "ULONG"),
  ptr("ByteOffset", "PLARGE_INTEGER"), ptr("Key", "PULONG")];

export const OVERLAPPED: Entry[] = [
  call(700, "GetOverlappedResult", "BOOL", [handle("hFile"), ptr("lpOverlapped", "LPOVERLAPPED"),
    ptr("lpNumberOfBytesTransferred", "LPDWORD"), i32("bWait")],
    "The result of an overlapped operation: the bytes transferred, and its error (ERROR_MORE_DATA, " +
    "ERROR_BROKEN_PIPE, ERROR_OPERATION_ABORTED when cancelled…). Still running: ERROR_IO_INCOMPLETE, or with " +
    "bWait waits for the OVERLAPPED's event, or without an event on the file handle, which an overlapped call " +
    "without an event resets and sets again when it completes (pipe and file handles are waitable: signaled " +
    "while no such operation is pending).", host),
  call(701, "GetOverlappedResultEx", "BOOL", [handle("hFile"), ptr("lpOverlapped", "LPOVERLAPPED"),
    ptr("lpNumberOfBytesTransferred", "LPDWORD"), u32("dwMilliseconds"), i32("bAlertable")],
    "GetOverlappedResult with a timeout (0: ERROR_IO_INCOMPLETE at once; WAIT_TIMEOUT when it passes) and an " +
    "alertable wait (WAIT_IO_COMPLETION after running queued APCs).", host),
  call(702, "CancelIo", "BOOL", [handle("hFile")],
    "Cancels the calling thread's pending overlapped operations on the handle; they complete with " +
    "ERROR_OPERATION_ABORTED.", host),
  call(703, "CancelIoEx", "BOOL", [handle("hFile"), ptr("lpOverlapped", "LPOVERLAPPED")],
    "Cancels the process's pending operations on the handle (every one, or the one of lpOverlapped); " +
    "ERROR_NOT_FOUND when there is none.", host),
  call(704, "ReadFileEx", "BOOL", exParams("LPVOID", "nNumberOfBytesToRead"),
    "Reads from a pipe or file as an overlapped ReadFile without an event (the OVERLAPPED's hEvent is left alone; " +
    "Offset/OffsetHigh for files): when it completes, at once or later, lpCompletionRoutine(dwErrorCode, " +
    "dwNumberOfBytesTransfered, lpOverlapped) is queued as an APC to the calling thread and runs in its next " +
    "alertable wait (SleepEx, WaitFor*Ex... then return WAIT_IO_COMPLETION). dwErrorCode: 0, ERROR_MORE_DATA (part " +
    "of a message; the call then returns FALSE with it too), ERROR_OPERATION_ABORTED (CancelIo), ERROR_BROKEN_PIPE, " +
    "ERROR_HANDLE_EOF (the end of a file). TRUE when pending or done; FALSE with the error, and nothing queued, when " +
    "it fails at once (ERROR_INVALID_PARAMETER for a NULL lpOverlapped). On a handle opened for synchronous I/O it waits.", host),
  call(705, "WriteFileEx", "BOOL", exParams("LPCVOID", "nNumberOfBytesToWrite"),
    "Writes to a pipe or file as ReadFileEx reads: the completion routine is queued to the calling thread when the " +
    "write completes (a pipe write that must wait for the reader completes later).", host),
  call(706, "NtReadFile", "NTSTATUS", ntParams("PVOID"),
    "Reads from a pipe, file or the console. On a handle opened for overlapped I/O a read that must wait returns " +
    "STATUS_PENDING and leaves the IO_STATUS_BLOCK alone; when it completes, at once or later, the IO_STATUS_BLOCK " +
    "gets { Status, Information }, Event is set (without one, the file handle) and ApcRoutine(ApcContext, " +
    "IoStatusBlock, 0) is queued as an APC to the calling thread. A call that fails at once (STATUS_PIPE_BROKEN, " +
    "STATUS_INVALID_HANDLE, STATUS_OBJECT_TYPE_MISMATCH, STATUS_ACCESS_VIOLATION for a bad IO_STATUS_BLOCK or " +
    "buffer) writes nothing and leaves Event reset. A handle opened for synchronous I/O waits. STATUS_BUFFER_OVERFLOW " +
    "for part of a message. Files: at *ByteOffset; NULL or FILE_USE_FILE_POINTER_POSITION (-2) is the file pointer on " +
    "a synchronous handle (STATUS_INVALID_PARAMETER on an overlapped one), other negative offsets STATUS_INVALID_PARAMETER; " +
    "the end of the file is STATUS_END_OF_FILE (on an overlapped handle the read's result: STATUS_PENDING, then " +
    "the IO_STATUS_BLOCK). Key is ignored.", ntdll),
  call(707, "NtWriteFile", "NTSTATUS", ntParams("PVOID"),
    "Writes to a pipe, file or console output as NtReadFile reads; a ByteOffset of FILE_WRITE_TO_END_OF_FILE (-1) " +
    "writes at the end of a file.", ntdll),
  call(720, "CancelSynchronousIo", "BOOL", [handle("hThread")],
    "Ends the synchronous I/O call another thread is blocked in (ReadFile/WriteFile/ConnectNamedPipe/" +
    "TransactNamedPipe/FlushFileBuffers/WaitNamedPipe on a pipe, ReadFile/ReadConsole on the console) with " +
    "ERROR_OPERATION_ABORTED; needs THREAD_TERMINATE. ERROR_NOT_FOUND when it is not blocked in one."),
];
