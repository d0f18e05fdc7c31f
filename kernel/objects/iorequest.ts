// An overlapped I/O request that could not complete at once (ReadFile/WriteFile/ConnectNamedPipe with
// an OVERLAPPED, ReadFileEx/WriteFileEx, NtReadFile/NtWriteFile): queued on its process until one of
// the process's I/O workers runs it. Not an object: nothing waits on it; the guest waits on the
// request's event, or on its file, or gets its completion APC (nt/io.ts).
import { root } from "../lib/root";
import { WAIT_PENDING } from "../lib/layout";
import { waitAbort } from "../ob/wait";
import { Process } from "./process";
import { Thread } from "./thread";

@unmanaged
export class IoRequest {
  next: usize; // the process's request list (Process.ioHead/ioTail), oldest first
  prev: usize;
  file: usize; // the File object it works on (a reference): CancelIo/CancelIoEx match on it
  handle: u32; // the worker's own handle to the file in the issuing process (closed at the end)
  event: usize; // Event set when it completes (a reference), 0 for none
  issuer: u32; // thread id that issued it (CancelIo cancels only the caller's own)
  op: u32; // IO_OP_*
  buf: u32; // guest buffer, length and OVERLAPPED address (guest memory: the worker copies)
  len: u32;
  ov: u32; // the status block: an OVERLAPPED, or an IO_STATUS_BLOCK (only its 8 bytes are used)
  apc: u32; // completion routine (guest function-table index), 0 for none: queued to `issuerThread` at the end
  apcContext: u32; // IO_COMPLETE_NT: the routine's ApcContext
  style: u32; // IO_COMPLETE_*: how the routine is called
  issuerThread: usize; // the issuing Thread (a reference) while `apc` is set
  worker: usize; // the I/O worker thread running it, 0 while queued
  cancelled: u32; // 0, or the NTSTATUS it ends with: STATUS_CANCELLED (CancelIo), STATUS_PIPE_BROKEN (its file's handles closed)
  // A read on a pipe end waits on the end's list (PipeEnd.readHead) until a write hands it data
  // directly, as Windows completes a pending read inside the write (objects/pipe.ts pipeHandOff).
  readNext: usize;
  readListed: u32;
  held: usize; // the data handed over (kalloc'd), served to the worker's read
  heldLen: u32;
  heldOff: u32;
  heldStatus: u32;
  done: u32; // 1: data handed over (the worker returns it), 2: served
}

export const IO_OP_READ: u32 = 1;
export const IO_OP_WRITE: u32 = 2;
export const IO_OP_CONNECT: u32 = 3;

/** IoRequest.style: the completion routine of ReadFileEx/WriteFileEx, routine(dwErrorCode, dwBytes, lpOverlapped). */
export const IO_COMPLETE_WIN32: u32 = 1;
/** IoRequest.style: an NT call's PIO_APC_ROUTINE, routine(ApcContext, IoStatusBlock, 0). */
export const IO_COMPLETE_NT: u32 = 2;

/**
 * Cancels request `q` with `status` unless it is cancelled already or a write completed it (lock
 * held): a queued one completes with `status` when a worker takes it, a running one's wait ends now.
 * False when there was nothing to cancel.
 */
export function requestCancel(q: IoRequest, status: u32): bool {
  if (q.cancelled || q.done) return false;
  q.cancelled = status;
  if (q.worker) {
    const w = changetype<Thread>(q.worker);
    w.ioCancel = status;
    if (w.waitStatus == WAIT_PENDING) waitAbort(w, status);
  }
  return true;
}

/**
 * The last guest handle to `file` closed while requests on it are pending, in any process (only the
 * I/O workers' own handles are left): as Windows' cleanup of a file object, they end with `status`.
 */
export function requestsCancelFile(file: usize, status: u32): void {
  for (let p = root().processList; p; p = changetype<Process>(p).allNext) {
    for (let r = changetype<Process>(p).ioHead; r; r = changetype<IoRequest>(r).next) {
      if (changetype<IoRequest>(r).file == file) requestCancel(changetype<IoRequest>(r), status);
    }
  }
}
