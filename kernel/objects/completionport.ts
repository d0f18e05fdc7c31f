// I/O completion port (NT's IoCompletion object, a KQUEUE underneath): a FIFO of completion packets
// {key, value, status, information} and the threads that remove them.
//
// - Packets. PostQueuedCompletionStatus / NtSetIoCompletion and the I/O completions of associated files
//   (nt/io.ts, through portIoDone) post them. A thread waiting to remove one takes it at once: the
//   packet is handed over in its thread record (Thread.iocpKey...) and never allocated. Otherwise the
//   packet is queued, a kalloc'd record in the port's FIFO, at most PORT_MAX_QUEUED of them per port.
// - Waiting threads. A remove wait is an ordinary wait (ob/wait.ts) with one entry on the port, marked
//   Thread.iocpRemoving so that signaled() never satisfies it: packets go to the most recent such
//   waiter first (LIFO, walking the port's queue from its tail), as Windows releases them.
// - Concurrency (NT's KQUEUE rule). A thread that removes from a port is associated with it
//   (Thread.iocp) and counts among its `active` threads while it runs. No packet is handed out while
//   `active` >= `max` (NumberOfConcurrentThreads). When an associated thread blocks in any other wait,
//   ob/wait.ts calls portThreadBlocks (it stops counting and may let a waiter go); when that wait ends,
//   portThreadRuns (it counts again, so `active` can pass `max` for a while, as on Windows).
// - The port's own handle is waitable: signaled while packets are queued (or once its last handle has
//   closed), never consumed by the wait. Removers are not woken that way.
// - Closing the last handle ends every remove wait with STATUS_ABANDONED_WAIT_0 and drops the queued
//   packets; completions that come later (an associated file keeps the object alive) are dropped.
import { kalloc, kfree } from "../lib/alloc";
import { WAIT_PENDING } from "../lib/layout";
import { ObjectHeader, obDeref } from "../ob/object";
import { WaitEntry, waitAbort, wakeWaiters } from "../ob/wait";
import { Thread } from "./thread";
import { DiskFile, FILE_KIND_DISK } from "./file";
import { PipeEnd } from "./pipe";
import { STATUS_ABANDONED_WAIT_0, STATUS_INSUFFICIENT_RESOURCES, STATUS_SUCCESS } from "../generated/abi";

@unmanaged
export class CompletionPort extends ObjectHeader {
  head: usize; // Packet FIFO
  tail: usize;
  depth: u32; // packets queued
  active: u32; // associated threads running (not blocked in a wait)
  max: u32; // NumberOfConcurrentThreads (0 at creation means the number of CPUs)
  closed: u32; // the last handle has closed
}

@unmanaged
export class Packet {
  next: usize;
  key: u32;
  value: u32; // lpOverlapped (Win32), ApcContext / CompletionValue (NT)
  status: u32;
  info: u32; // bytes transferred / IoStatusBlock.Information
}

/**
 * Packets a port holds before PostQueuedCompletionStatus / NtSetIoCompletion fail with
 * STATUS_INSUFFICIENT_RESOURCES (2 MiB of kernel memory). I/O completions are queued even past it (each
 * one ends an I/O request the process already made), but new overlapped I/O on a file associated with a
 * port that is this full fails before it starts (portIoCheck), so a port stays bounded.
 */
export const PORT_MAX_QUEUED: u32 = 65536;

/** Size of one entry written by a batch remove: FILE_IO_COMPLETION_INFORMATION / OVERLAPPED_ENTRY on wasm32. */
export const PORT_ENTRY_SIZE: usize = 16;

export function portSignaled(port: CompletionPort, t: Thread): bool {
  return !t.iocpRemoving && (port.depth != 0 || port.closed != 0);
}

/** The most recent thread in a remove wait on `port`, or null. */
function lastRemover(port: CompletionPort): Thread | null {
  for (let p = port.waitTail; p; p = changetype<WaitEntry>(p).prev) {
    const t = changetype<Thread>(changetype<WaitEntry>(p).thread);
    if (t.iocpRemoving && t.waitStatus == WAIT_PENDING) return t;
  }
  return null;
}

/** Ends remover `t`'s wait with a packet: it counts again at once (ob/wait.ts complete → portThreadRuns). */
function handOver(t: Thread, key: u32, value: u32, status: u32, info: u32): void {
  t.iocpKey = key;
  t.iocpValue = value;
  t.iocpStatus = status;
  t.iocpInfo = info;
  waitAbort(t, STATUS_SUCCESS);
}

/** Hands queued packets to waiting removers while the concurrency limit allows (lock held). */
export function portDeliver(port: CompletionPort): void {
  while (port.head && port.active < port.max) {
    const t = lastRemover(port);
    if (!t) return;
    const k = changetype<Packet>(port.head);
    port.head = k.next;
    if (!port.head) port.tail = 0;
    port.depth--;
    handOver(t, k.key, k.value, k.status, k.info);
    kfree(changetype<usize>(k), offsetof<Packet>());
  }
}

/**
 * Posts a packet to `port` (lock held): to the most recent waiting remover if the concurrency limit lets
 * one go, else at the end of the FIFO. `limited`: a post by the program (PostQueuedCompletionStatus,
 * NtSetIoCompletion), refused with STATUS_INSUFFICIENT_RESOURCES past PORT_MAX_QUEUED and past the
 * kernel-memory quota; I/O completions always queue, past that quota too: their requests (or service
 * calls) were admitted under it and are freed with them, as Windows completes an IRP into its port
 * without allocating. A port whose last handle has closed drops it. The status: STATUS_SUCCESS, or
 * STATUS_INSUFFICIENT_RESOURCES when it could not be queued. Other kernel code (a service delivering its
 * requests to a port) calls this too.
 */
export function portPost(port: CompletionPort, key: u32, status: u32, info: u32, value: u32, limited: bool): u32 {
  if (port.closed) return STATUS_SUCCESS;
  if (port.active < port.max) {
    const t = lastRemover(port);
    if (t) { handOver(t, key, value, status, info); return STATUS_SUCCESS; }
  }
  if (limited && port.depth >= PORT_MAX_QUEUED) return STATUS_INSUFFICIENT_RESOURCES;
  const p = kalloc(offsetof<Packet>(), limited);
  if (!p) return STATUS_INSUFFICIENT_RESOURCES;
  const k = changetype<Packet>(p);
  k.next = 0;
  k.key = key;
  k.value = value;
  k.status = status;
  k.info = info;
  if (port.tail) changetype<Packet>(port.tail).next = p;
  else port.head = p;
  port.tail = p;
  port.depth++;
  if (port.waitHead) wakeWaiters(port); // threads waiting on the port's handle (removers are not satisfied so)
  return STATUS_SUCCESS;
}

/**
 * Moves up to `n` queued packets into `out` (PORT_ENTRY_SIZE bytes each: key, value, status, information)
 * without looking at the concurrency limit; the number moved. Lock held.
 */
export function portTake(port: CompletionPort, out: usize, n: u32): u32 {
  let got: u32 = 0;
  while (got < n && port.head) {
    const k = changetype<Packet>(port.head);
    port.head = k.next;
    if (!port.head) port.tail = 0;
    port.depth--;
    const e = out + <usize>got * PORT_ENTRY_SIZE;
    store<u32>(e, k.key);
    store<u32>(e, k.value, 4);
    store<u32>(e, k.status, 8);
    store<u32>(e, k.info, 12);
    kfree(changetype<usize>(k), offsetof<Packet>());
    got++;
  }
  return got;
}

/** Takes the first queued packet into `t`'s packet fields; false when none is queued. Lock held. */
export function portTakeOne(port: CompletionPort, t: Thread): bool {
  const k = changetype<Packet>(port.head);
  if (!changetype<usize>(k)) return false;
  port.head = k.next;
  if (!port.head) port.tail = 0;
  port.depth--;
  t.iocpKey = k.key;
  t.iocpValue = k.value;
  t.iocpStatus = k.status;
  t.iocpInfo = k.info;
  kfree(changetype<usize>(k), offsetof<Packet>());
  return true;
}

function freePackets(port: CompletionPort): void {
  let p = port.head;
  while (p) {
    const next = changetype<Packet>(p).next;
    kfree(p, offsetof<Packet>());
    p = next;
  }
  port.head = 0;
  port.tail = 0;
  port.depth = 0;
}

/** The last handle closed (lock held): remove waits end with STATUS_ABANDONED_WAIT_0, packets are dropped. */
export function portClosed(port: CompletionPort): void {
  port.closed = 1;
  freePackets(port);
  let p = port.waitHead;
  while (p) {
    const t = changetype<Thread>(changetype<WaitEntry>(p).thread);
    if (t.iocpRemoving && t.waitStatus == WAIT_PENDING) {
      waitAbort(t, STATUS_ABANDONED_WAIT_0); // unlinks its entry: rescan
      p = port.waitHead;
    } else {
      p = changetype<WaitEntry>(p).next;
    }
  }
  if (port.waitHead) wakeWaiters(port); // waits on the handle see it signaled
}

export function portDestroy(port: CompletionPort): void { freePackets(port); }

// ---------- files associated with a port ----------

/** The (port, key, modes) fields of a File object: PipeEnd.iocp... or DiskFile.iocp... */
@unmanaged
export class FileCompletion {
  port: usize; // the CompletionPort (a reference), 0 for none
  key: u32;
  modes: u32; // FILE_SKIP_*
}

export function fileCompletion(o: ObjectHeader): FileCompletion {
  const at = changetype<PipeEnd>(o).kind == FILE_KIND_DISK ? offsetof<DiskFile>("iocp") : offsetof<PipeEnd>("iocp");
  return changetype<FileCompletion>(changetype<usize>(o) + at);
}

/** File object `f` is being destroyed (lock held): it lets go of its port. */
export function portFileGone(f: ObjectHeader): void {
  const fc = fileCompletion(f);
  const port = fc.port;
  if (!port) return;
  fc.port = 0;
  obDeref(changetype<ObjectHeader>(port));
}

// ---------- the concurrency rule (called by ob/wait.ts and thread exit, lock held) ----------

/** `t` (associated with a port and counted) starts a blocking wait: it stops counting, a waiter may go. */
export function portThreadBlocks(t: Thread): void {
  const port = changetype<CompletionPort>(t.iocp);
  t.iocpCounted = 0;
  port.active--;
  if (port.head) portDeliver(port);
}

/** `t`'s wait ended: it runs again and counts (idempotent). */
// @ts-ignore: decorator
@inline export function portThreadRuns(t: Thread): void {
  if (t.iocpCounted) return;
  t.iocpCounted = 1;
  changetype<CompletionPort>(t.iocp).active++;
}

/** `t` leaves its port (it removes from another one, or ends): uncounted, unreferenced. */
export function portThreadLeave(t: Thread): void {
  const port = changetype<CompletionPort>(t.iocp);
  if (!changetype<usize>(port)) return;
  t.iocp = 0;
  if (t.iocpCounted) {
    t.iocpCounted = 0;
    port.active--;
    if (port.head) portDeliver(port);
  }
  obDeref(port);
}
