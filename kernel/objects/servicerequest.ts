// ServiceRequest: one call to a service (docs/services.md; services in nt/service.ts). Waitable:
// signaled once the call has ended (replied, cancelled or failed). The server's request handle
// (SVC_REQUEST_SERVE) and, for SvcCallAsync, the caller's handle (SVC_REQUEST_FINISH) both refer to it;
// handles are counted by right, so the last server handle closing unreplied fails the call and the last
// caller handle closing cancels it. A synchronous caller holds a reference from its thread's list
// (Thread.svcCalls) instead of a handle.
//
// The data lives in kernel memory, in staging blocks the request owns: the input, copied in by the
// caller's host shim before the call is submitted, and the output, allocated on the server's first
// SvcWrite. Blocks up to STAGE_CHUNK bytes are one kalloc'd block; larger ones a table of u32 pointers
// to STAGE_CHUNK-byte chunks (the last one shorter), so big calls reuse the allocator's 64 KiB class
// rather than leaving free blocks of every power of two behind. host/syscalls/service.ts walks the same
// layout. Every staged byte (InputSize + OutputSize, reserved when the call starts) is charged to the
// calling process and to the kernel-wide count until its block is freed.
import { ObjectHeader, obDeref } from "../ob/object";
import { kalloc, kfree } from "../lib/alloc";
import { root } from "../lib/root";
import { Process } from "./process";
import { Service } from "./service";

@unmanaged
export class ServiceRequest extends ObjectHeader {
  service: usize; // the Service (a reference)
  client: usize; // the calling Process (a reference): charged for the staged bytes
  state: u32; // REQ_*
  endStatus: u32; // REQ_DONE: STATUS_SUCCESS (replied) or what the caller is told (RPC_NT_SERVER_UNAVAILABLE...)
  next: usize; // the service's queue or active list
  prev: usize;
  callerNext: usize; // the list of the thread that holds it (Thread.svcCalls): a synchronous call, or a copy-out
  inCall: u32; // the holding thread is still in the call (a finished one waits for its next call to be dropped)
  async: u32; // made by SvcCallAsync: the caller's handles decide its life
  pid: u32; // the caller's ids, for the server's header
  tid: u32;
  argument: u32;
  inSize: u32;
  outSize: u32;
  inData: usize; // staging (0 when InputSize is 0 or once freed)
  outData: usize; // staging, allocated on the first SvcWrite
  inCharged: u32; // bytes still charged for the input and for the output
  outCharged: u32;
  written: u32; // BytesWritten: the highest offset + length the server wrote
  svcStatus: u32; // SvcReply's dwStatus and Result
  svcResult: u32;
  outGuest: u32; // SvcCallAsync: the caller's Output address, which SvcFinish copies to
  finished: u32; // SvcFinish took the output (it is copied once)
  handleCount: u32; // passed handles, held as objects (references) until accepted
  serverHandles: u32; // handles with SVC_REQUEST_SERVE
  clientHandles: u32; // handles with SVC_REQUEST_FINISH
  acceptor: usize; // REQ_HANDED: the server Thread it was given to (Thread.svcAccepted)
}

/** Not submitted yet: only the calling thread knows it. */
export const REQ_NEW: u32 = 0;
/** In the service's queue. */
export const REQ_QUEUED: u32 = 1;
/** Given to a server thread asleep in SvcAccept, which has not taken it yet. */
export const REQ_HANDED: u32 = 2;
/** Accepted: the server has a handle. */
export const REQ_ACTIVE: u32 = 3;
/** Ended; endStatus says how. */
export const REQ_DONE: u32 = 4;

/** Bytes of one staging chunk. */
export const STAGE_CHUNK: u32 = 0x10000;
/** Bytes of one passed-handle slot after the record: [object, access]. */
const SLOT_SIZE: usize = 8;

export function requestSize(): usize { return offsetof<ServiceRequest>() + <usize>8 * SLOT_SIZE; }

/** The object of passed-handle slot `i` (its access follows). */
// @ts-ignore: decorator
@inline export function slotAt(r: ServiceRequest, i: u32): usize {
  return changetype<usize>(r) + offsetof<ServiceRequest>() + <usize>i * SLOT_SIZE;
}

export function requestSignaled(r: ServiceRequest): bool { return r.state == REQ_DONE; }

// ---------- staging blocks ----------

function chunks(size: u32): u32 { return (size + STAGE_CHUNK - 1) / STAGE_CHUNK; }

/** A zeroed staging block of `size` (> 0) bytes, or 0 when memory is exhausted (nothing kept). */
export function stageAlloc(size: u32): usize {
  if (size <= STAGE_CHUNK) return kalloc(size);
  const n = chunks(size);
  const table = kalloc(<usize>n << 2);
  if (!table) return 0;
  for (let i: u32 = 0; i < n; i++) {
    const c = kalloc(chunkSize(size, i, n));
    if (!c) { tableFree(table, size, n); return 0; } // the entries not filled yet are 0
    store<usize>(table + (<usize>i << 2), c);
  }
  return table;
}

function chunkSize(size: u32, i: u32, n: u32): u32 { return i + 1 < n ? STAGE_CHUNK : size - i * STAGE_CHUNK; }

function tableFree(table: usize, size: u32, n: u32): void {
  for (let i: u32 = 0; i < n; i++) {
    const c = load<usize>(table + (<usize>i << 2));
    if (c) kfree(c, chunkSize(size, i, n));
  }
  kfree(table, <usize>n << 2);
}

/** Frees a staging block of `size` bytes. */
export function stageFree(p: usize, size: u32): void {
  if (size <= STAGE_CHUNK) kfree(p, size);
  else tableFree(p, size, chunks(size));
}

/**
 * Copies `n` bytes between kernel memory at `k` and the block `p` of `size` bytes at offset `off` (the
 * caller checked off + n <= size): into the block when `toBlock`, out of it otherwise.
 */
export function stageCopy(p: usize, size: u32, off: u32, k: usize, n: u32, toBlock: bool): void {
  while (n) {
    let at: usize, run: u32;
    if (size <= STAGE_CHUNK) { at = p + off; run = n; }
    else {
      const i = off / STAGE_CHUNK, o = off % STAGE_CHUNK;
      at = load<usize>(p + (<usize>i << 2)) + o;
      run = min(n, STAGE_CHUNK - o);
    }
    if (toBlock) memory.copy(at, k, run); else memory.copy(k, at, run);
    off += run; k += run; n -= run;
  }
}

// ---------- charges ----------

function uncharge(r: ServiceRequest, bytes: u32): void {
  if (!bytes || !r.client) return;
  changetype<Process>(r.client).svcStaged -= bytes;
  root().svcStaged -= bytes;
}

/** Frees the input block and its charge (lock held). */
export function requestFreeInput(r: ServiceRequest): void {
  if (r.inData) { stageFree(r.inData, r.inSize); r.inData = 0; }
  uncharge(r, r.inCharged);
  r.inCharged = 0;
}

/** Frees the output block and its charge (lock held). */
export function requestFreeOutput(r: ServiceRequest): void {
  if (r.outData) { stageFree(r.outData, r.outSize); r.outData = 0; }
  uncharge(r, r.outCharged);
  r.outCharged = 0;
}

/** Drops the passed handles' objects of a request that was never accepted (lock held). */
export function requestDropHandles(r: ServiceRequest): void {
  for (let i: u32 = 0; i < r.handleCount; i++) {
    const o = load<usize>(slotAt(r, i));
    store<usize>(slotAt(r, i), 0);
    if (o) obDeref(changetype<ObjectHeader>(o));
  }
  r.handleCount = 0;
}

/** Last reference gone (lock held): it has ended and left every list (nt/service.ts makes sure). */
export function requestDestroy(r: ServiceRequest): void {
  requestFreeInput(r);
  requestFreeOutput(r);
  requestDropHandles(r);
  if (r.service) obDeref(changetype<Service>(r.service));
  if (r.client) obDeref(changetype<Process>(r.client));
}
