// C-runtime kernel32 functions: I/O completion ports. See abi/crt/types.ts and abi/syscalls/iocompletion.ts.
import { crt, type CrtFunction } from "./types.ts";

export const IOCOMPLETION: CrtFunction[] = [
  crt("GetQueuedCompletionStatusEx", "BOOL", "HANDLE CompletionPort, LPOVERLAPPED_ENTRY lpCompletionPortEntries, ULONG ulCount, " +
    "PULONG ulNumEntriesRemoved, DWORD dwMilliseconds, BOOL fAlertable", "kernel32/iocompletion.c",
    "Takes up to ulCount packets at once (the first waited for, up to dwMilliseconds) as OVERLAPPED_ENTRY " +
    "{ lpCompletionKey, lpOverlapped, Internal (the status), dwNumberOfBytesTransferred }, *ulNumEntriesRemoved of " +
    "them, over NtRemoveIoCompletionEx as kernelbase does. FALSE with WAIT_TIMEOUT, WAIT_IO_COMPLETION (fAlertable: " +
    "queued APCs ran), ERROR_ABANDONED_WAIT_0 (the port's last handle closed while waiting), ERROR_INVALID_PARAMETER " +
    "for ulCount 0, ERROR_INVALID_HANDLE..."),
];
