// ReleaseSemaphore lives here only for its out parameter: the kernel cannot write guest memory, and
// a host shim would put JavaScript on the path of every release. The runtime checks the pointer,
// calls the kernel, and stores the previous count itself.
import { ERROR_NOACCESS, SetLastError, releaseSemaphore } from "./kernel";

export function ReleaseSemaphore(hSemaphore: u32, lReleaseCount: i32, lpPreviousCount: usize): i32 {
  // As NtReleaseSemaphore probes PreviousCount first: an unwritable one fails the call and releases nothing.
  if (lpPreviousCount && (lpPreviousCount > (<usize>memory.size() << 16) - 4)) {
    SetLastError(ERROR_NOACCESS);
    return 0;
  }
  const r = releaseSemaphore(hSemaphore, lReleaseCount);
  if (lpPreviousCount && <i32>r) store<i32>(lpPreviousCount, <i32>(r >> 32));
  return <i32>r;
}
