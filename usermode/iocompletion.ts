// GetQueuedCompletionStatus lives here for its three out parameters, as ReleaseSemaphore does
// (semaphore.ts): the kernel cannot write guest memory, and a host shim would put JavaScript on the path
// of every packet taken. The runtime checks the pointers, calls the kernel (which takes the packet and
// keeps its key and count in the thread's registers), and stores the results itself, as kernelbase does.
import { ERROR_NOACCESS, SetLastError, iocpGet, iocpLast } from "./kernel";

export function GetQueuedCompletionStatus(CompletionPort: u32, lpNumberOfBytesTransferred: usize, lpCompletionKey: usize,
  lpOverlapped: usize, dwMilliseconds: u32): i32 {
  // NtRemoveIoCompletion probes its pointers before it waits: a bad one takes nothing.
  const top = (<usize>memory.size() << 16) - 4;
  if (!lpNumberOfBytesTransferred || !lpCompletionKey || !lpOverlapped
    || lpNumberOfBytesTransferred > top || lpCompletionKey > top || lpOverlapped > top) {
    SetLastError(ERROR_NOACCESS);
    return 0;
  }
  store<u32>(lpOverlapped, 0); // kernelbase clears it first: NULL unless a packet was taken
  const r = iocpGet(CompletionPort, dwMilliseconds);
  const code = <u32>r;
  if (!code) return 0; // nothing taken: the kernel set the last-error
  store<u32>(lpOverlapped, <u32>(r >>> 32));
  const kb = iocpLast();
  store<u32>(lpCompletionKey, <u32>kb);
  store<u32>(lpNumberOfBytesTransferred, <u32>(kb >>> 32));
  return code == 1 ? 1 : 0; // 2: a packet with an error status (the last-error is its error)
}
