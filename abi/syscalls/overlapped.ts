// Overlapped I/O (issue 5): ReadFile/WriteFile/ConnectNamedPipe/TransactNamedPipe with an OVERLAPPED
// return at once; what cannot complete then runs on one of the process's I/O workers (kernel/nt/io.ts,
// host/syscalls/overlapped.ts), which fills the OVERLAPPED (Internal = NTSTATUS, InternalHigh = bytes)
// and sets its event. 700..719. Host shims: they read and write the guest's OVERLAPPED.
import { call, handle, i32, ptr, u32, type Entry } from "./params.ts";

const host = { impl: "host" as const };

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
  call(720, "CancelSynchronousIo", "BOOL", [handle("hThread")],
    "Ends the synchronous I/O call another thread is blocked in (ReadFile/WriteFile/ConnectNamedPipe/" +
    "TransactNamedPipe/FlushFileBuffers/WaitNamedPipe on a pipe, ReadFile/ReadConsole on the console) with " +
    "ERROR_OPERATION_ABORTED; needs THREAD_TERMINATE. ERROR_NOT_FOUND when it is not blocked in one."),
];
