// The object header every kernel object starts with, and the per-type operations table: each type
// file (kernel/objects/*.ts) provides signaled / satisfy / destroy, and this file dispatches on the
// header's type, as Wine's server does with object_ops and ntsync with its per-type switch.
import { kalloc, kfree } from "../lib/alloc";
import { root } from "../lib/root";
import { currentThread, setResult } from "../lib/tls";
import { chargeRelease, chargeRoom } from "./charge";
import { OBJ_PERMANENT } from "../lib/layout";
import {
  TYPE_CONSOLE, TYPE_DIRECTORY, TYPE_EVENT, TYPE_KEYEDWAIT, TYPE_MUTANT, TYPE_PROCESS, TYPE_SEMAPHORE, TYPE_SYMBOLICLINK, TYPE_THREAD,
  TYPE_TIMER, TYPE_FILE, TYPE_NAMEDPIPE, TYPE_KEYEDEVENT, TYPE_IOCOMPLETION, TYPE_SERVICE, TYPE_SERVICEREQUEST,
  STATUS_INSUFFICIENT_RESOURCES,
} from "../generated/abi";
import { Event, eventSatisfy, eventSignaled } from "../objects/event";
import { Mutex, mutexDestroy, mutexSatisfy, mutexSignaled } from "../objects/mutex";
import { Semaphore, semaphoreSatisfy, semaphoreSignaled } from "../objects/semaphore";
import { Thread, threadDestroy, threadSignaled } from "../objects/thread";
import { Process, processDestroy, processSignaled } from "../objects/process";
import { Directory, SymbolicLink, symlinkDestroy } from "../objects/directory";
import { KeyedEvent } from "../objects/keyedevent";
import { Console, consoleDestroy, consoleSignaled } from "../objects/console";
import { KeyedWait, keyedWaitDestroy, keyedWaitSatisfy, keyedWaitSignaled } from "../objects/keyedwait";
import { Timer, timerDestroy, timerSatisfy, timerSignaled } from "../objects/timer";
import { NamedPipe, PipeEnd, pipeEndClosed, pipeEndDestroy, pipeEndHandleClosed, pipeSignaled } from "../objects/pipe";
import { DiskFile, diskFileClosed, diskFileDestroy, FILE_KIND_DISK } from "../objects/file";
import { CompletionPort, portClosed, portDestroy, portFileGone, portSignaled } from "../objects/completionport";
import { Service, serviceSignaled } from "../objects/service";
import { ServiceRequest, requestDestroy, requestSignaled, requestSize } from "../objects/servicerequest";
import { svcHandleCounted } from "../nt/service";
import { nameRemove } from "./namespace";

@unmanaged
export class ObjectHeader {
  type: u32;
  refs: u32; // handles + kernel references (queued waits, running threads, the host)
  handles: u32; // open handles: the name goes away when this drops to 0
  flags: u32;
  name: usize; // NameEntry, 0 when unnamed
  waitHead: usize; // WaitEntry queue (FIFO)
  waitTail: usize;
  charge: usize; // the Charge of the process whose call created it (ob/charge.ts), 0 for the kernel's own
}


export function objectSize(type: u32): usize {
  switch (type) {
    case TYPE_EVENT: return offsetof<Event>();
    case TYPE_MUTANT: return offsetof<Mutex>();
    case TYPE_SEMAPHORE: return offsetof<Semaphore>();
    case TYPE_PROCESS: return offsetof<Process>();
    case TYPE_DIRECTORY: return offsetof<Directory>();
    case TYPE_SYMBOLICLINK: return offsetof<SymbolicLink>();
    case TYPE_CONSOLE: return offsetof<Console>();
    case TYPE_TIMER: return offsetof<Timer>();
    case TYPE_KEYEDWAIT: return offsetof<KeyedWait>();
    case TYPE_FILE: return max(offsetof<PipeEnd>(), offsetof<DiskFile>()); // one size for both kinds of file
    case TYPE_NAMEDPIPE: return offsetof<NamedPipe>();
    case TYPE_KEYEDEVENT: return offsetof<KeyedEvent>();
    case TYPE_IOCOMPLETION: return offsetof<CompletionPort>();
    case TYPE_SERVICE: return offsetof<Service>();
    case TYPE_SERVICEREQUEST: return requestSize(); // with its passed-handle slots
    default: return 0; // threads are allocated by objects/thread.ts
  }
}

/** A File object's kind is its first field (objects/pipe.ts, objects/file.ts). */
function isDiskFile(o: ObjectHeader): bool { return changetype<DiskFile>(o).kind == FILE_KIND_DISK; }

/**
 * A new zeroed object of `type` with no references, or null with STATUS_INSUFFICIENT_RESOURCES in
 * `result` when kernel memory is exhausted (lib/alloc.ts).
 */
export function obAlloc(type: u32): ObjectHeader | null {
  const p = kalloc(objectSize(type));
  if (!p) { setResult(STATUS_INSUFFICIENT_RESOURCES); return null; }
  const o = changetype<ObjectHeader>(p);
  o.type = type;
  root().liveObjects++;
  return o;
}

/**
 * As obAlloc, for an object a guest's create call makes: charged to the calling thread's process until
 * it is freed, or null with STATUS_QUOTA_EXCEEDED in `result` past that process's objects quota.
 */
export function obAllocCharged(type: u32): ObjectHeader | null {
  const p = changetype<Thread>(currentThread).process;
  const c = p ? chargeRoom(changetype<Process>(p)) : null;
  if (p && !c) return null;
  const o = obAlloc(type);
  if (o && c) {
    c.objects++;
    o.charge = changetype<usize>(c);
  }
  return o;
}

export function isWaitable(type: u32): bool {
  return type == TYPE_EVENT || type == TYPE_MUTANT || type == TYPE_SEMAPHORE || type == TYPE_THREAD || type == TYPE_PROCESS
    || type == TYPE_TIMER || type == TYPE_CONSOLE || type == TYPE_FILE || type == TYPE_KEYEDEVENT
    || type == TYPE_IOCOMPLETION || type == TYPE_SERVICE || type == TYPE_SERVICEREQUEST;
}

/** Would a wait by thread `t` on `o` be satisfied now? */
// @ts-ignore: decorator
@inline export function signaled(o: ObjectHeader, t: Thread): bool {
  switch (o.type) {
    case TYPE_EVENT: return eventSignaled(changetype<Event>(o));
    case TYPE_MUTANT: return mutexSignaled(changetype<Mutex>(o), t);
    case TYPE_SEMAPHORE: return semaphoreSignaled(changetype<Semaphore>(o));
    case TYPE_THREAD: return threadSignaled(changetype<Thread>(o));
    case TYPE_PROCESS: return processSignaled(changetype<Process>(o));
    case TYPE_TIMER: return timerSignaled(changetype<Timer>(o));
    case TYPE_KEYEDWAIT: return keyedWaitSignaled(changetype<KeyedWait>(o));
    case TYPE_FILE: return isDiskFile(o) || pipeSignaled(o, t); // disk I/O never stays pending
    case TYPE_NAMEDPIPE: return pipeSignaled(o, t);
    case TYPE_CONSOLE: return consoleSignaled(changetype<Console>(o), t); // input waiting (a whole line for a line read)
    case TYPE_KEYEDEVENT: return true; // as on Windows (objects/keyedevent.ts)
    case TYPE_IOCOMPLETION: return portSignaled(changetype<CompletionPort>(o), t); // packets queued, not taken by the wait
    case TYPE_SERVICE: return serviceSignaled(changetype<Service>(o), t); // requests queued (not for SvcAccept's own waits)
    case TYPE_SERVICEREQUEST: return requestSignaled(changetype<ServiceRequest>(o)); // the call has ended
    default: return false;
  }
}

/** Consumes the signal for `t`; returns true when the object was an abandoned mutex. */
// @ts-ignore: decorator
@inline export function satisfy(o: ObjectHeader, t: Thread): bool {
  switch (o.type) {
    case TYPE_EVENT: eventSatisfy(changetype<Event>(o)); return false;
    case TYPE_MUTANT: return mutexSatisfy(changetype<Mutex>(o), t);
    case TYPE_SEMAPHORE: semaphoreSatisfy(changetype<Semaphore>(o)); return false;
    case TYPE_TIMER: timerSatisfy(changetype<Timer>(o)); return false;
    case TYPE_KEYEDWAIT: keyedWaitSatisfy(changetype<KeyedWait>(o)); return false;
    default: return false;
  }
}

export function obRef(o: ObjectHeader): void { o.refs++; }

export function obDeref(o: ObjectHeader): void {
  if (--o.refs != 0 || (o.flags & OBJ_PERMANENT)) return;
  if (o.name) nameRemove(o);
  switch (o.type) {
    case TYPE_THREAD: threadDestroy(changetype<Thread>(o)); return; // type-stable: recycled, not freed
    case TYPE_PROCESS: processDestroy(changetype<Process>(o)); break;
    case TYPE_MUTANT: mutexDestroy(changetype<Mutex>(o)); break; // NT abandons an owned mutex on delete
    case TYPE_TIMER: timerDestroy(changetype<Timer>(o)); break; // leaves the timer queue
    case TYPE_KEYEDWAIT: keyedWaitDestroy(changetype<KeyedWait>(o)); break; // leaves the (process, address) hash
    case TYPE_FILE: // a pipe end frees its queue and drops its name; a disk file its path
      portFileGone(o); // its completion port, if any
      if (isDiskFile(o)) diskFileDestroy(changetype<DiskFile>(o)); else pipeEndDestroy(changetype<PipeEnd>(o));
      break;
    case TYPE_CONSOLE: consoleDestroy(changetype<Console>(o)); break; // frees its input ring
    case TYPE_SYMBOLICLINK: symlinkDestroy(changetype<SymbolicLink>(o)); break; // frees its target
    case TYPE_IOCOMPLETION: portDestroy(changetype<CompletionPort>(o)); break; // frees queued packets
    case TYPE_SERVICEREQUEST: requestDestroy(changetype<ServiceRequest>(o)); break; // frees its staging, drops its service
  }
  if (o.charge) chargeRelease(o.charge);
  root().liveObjects--;
  kfree(changetype<usize>(o), objectSize(o.type));
}

/**
 * A handle to `o` with `access` was made (+1) or is closing (-1), lock held: services and their requests
 * count their handles by right (nt/service.ts). Called by ob/handle.ts and across NtDuplicateObject's close
 * of its source.
 */
// @ts-ignore: decorator
@inline export function obHandleCounted(o: ObjectHeader, access: u32, delta: i32): void {
  if (o.type == TYPE_SERVICE || o.type == TYPE_SERVICEREQUEST) svcHandleCounted(o, access, delta);
}

/** Called when the last handle to `o` closes: a named object leaves the namespace then. */
/** A handle to `o` closed and others remain (lock held). */
export function obHandleClosed(o: ObjectHeader): void {
  if (o.type == TYPE_FILE && !isDiskFile(o)) pipeEndHandleClosed(changetype<PipeEnd>(o));
}

export function obLastHandleClosed(o: ObjectHeader): void {
  if (o.type == TYPE_FILE) {
    if (isDiskFile(o)) diskFileClosed(changetype<DiskFile>(o)); // its share access is released
    else pipeEndClosed(changetype<PipeEnd>(o)); // the peer sees a broken pipe
  }
  if (o.type == TYPE_IOCOMPLETION) portClosed(changetype<CompletionPort>(o)); // remove waits end, packets go
  if (o.name && !(o.flags & OBJ_PERMANENT)) nameRemove(o);
}
