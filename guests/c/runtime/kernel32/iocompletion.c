/*
 * GetQueuedCompletionStatusEx (abi/crt/iocompletion.ts), as kernelbase builds it on NtRemoveIoCompletionEx:
 * OVERLAPPED_ENTRY has the layout of FILE_IO_COMPLETION_INFORMATION, and the NTSTATUS becomes the
 * last-error. The alertable wait's APCs run in NtRemoveIoCompletionEx's shim before it returns
 * STATUS_USER_APC.
 */
#include <windows.h>
#include <ntwasm/ntdll.h>

_Static_assert(sizeof(OVERLAPPED_ENTRY) == sizeof(FILE_IO_COMPLETION_INFORMATION), "OVERLAPPED_ENTRY layout");

BOOL WINAPI GetQueuedCompletionStatusEx(HANDLE CompletionPort, LPOVERLAPPED_ENTRY lpCompletionPortEntries, ULONG ulCount,
                                        PULONG ulNumEntriesRemoved, DWORD dwMilliseconds, BOOL fAlertable) {
  LARGE_INTEGER timeout;
  timeout.QuadPart = -(LONGLONG)dwMilliseconds * 10000;
  NTSTATUS st = NtRemoveIoCompletionEx(CompletionPort, (PFILE_IO_COMPLETION_INFORMATION)lpCompletionPortEntries, ulCount,
                                       ulNumEntriesRemoved, dwMilliseconds == INFINITE ? NULL : &timeout, fAlertable != 0);
  if (st == STATUS_SUCCESS) return TRUE;
  if (st == STATUS_TIMEOUT) SetLastError(WAIT_TIMEOUT);
  else if (st == STATUS_USER_APC) SetLastError(WAIT_IO_COMPLETION);
  else if (st == STATUS_ABANDONED_WAIT_0) SetLastError(ERROR_ABANDONED_WAIT_0);
  else SetLastError(RtlNtStatusToDosError(st));
  return FALSE;
}
