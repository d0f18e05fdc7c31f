// An overlapped I/O request that could not complete at once (ReadFile/WriteFile/ConnectNamedPipe with
// an OVERLAPPED): queued on its process until one of the process's I/O workers runs it. Not an
// object: nothing waits on it; the guest waits on the request's event (nt/io.ts).
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
  ov: u32;
  worker: usize; // the I/O worker thread running it, 0 while queued
  cancelled: u32;
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
