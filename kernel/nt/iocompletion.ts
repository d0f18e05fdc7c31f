// I/O completion port services (NtCreateIoCompletion, NtSetIoCompletion, NtRemoveIoCompletion(Ex),
// NtQueryIoCompletion) and the file side: associating a file object with a port
// (FileCompletionInformation), its notification modes (FileIoCompletionNotificationInformation), and the
// packet an overlapped I/O completion posts (called from nt/io.ts). The port itself is
// objects/completionport.ts; the concurrency rule lives in the wait engine (ob/wait.ts).
import { enter, leave } from "../lib/lock";
import { currentThread, result, setResult } from "../lib/tls";
import { root } from "../lib/root";
import { OBJ_SYNC_IO } from "../lib/layout";
import { handleObject } from "../ob/handle";
import { ObjectHeader, obRef } from "../ob/object";
import { alertTaken, sleepLocked, waitEntry, waitQueue } from "../ob/wait";
import {
  CompletionPort, fileCompletion, PORT_ENTRY_SIZE, PORT_MAX_QUEUED, portPost, portTake, portTakeOne, portThreadLeave, portThreadRuns,
} from "../objects/completionport";
import { DiskFile, FILE_FIND, FILE_KIND_DISK } from "../objects/file";
import { PipeEnd } from "../objects/pipe";
import { Thread } from "../objects/thread";
import { createBegin, createEnd } from "./object";
import { ntSuccess } from "./status";
import {
  FILE_SKIP_COMPLETION_PORT_ON_SUCCESS, FILE_SKIP_SET_EVENT_ON_HANDLE, FILE_SKIP_SET_USER_EVENT_ON_FAST_IO,
  IO_COMPLETION_MODIFY_STATE, IO_COMPLETION_QUERY_STATE, STATUS_INSUFFICIENT_RESOURCES, STATUS_INVALID_PARAMETER,
  STATUS_OBJECT_TYPE_MISMATCH, STATUS_SUCCESS, STATUS_TIMEOUT, TYPE_CONSOLE, TYPE_FILE, TYPE_IOCOMPLETION,
} from "../generated/abi";

function me(): Thread { return changetype<Thread>(currentThread); }

/** Most entries one batch remove takes (its buffer is copied through the thread's scratch). */
export const REMOVE_MAX: u32 = 1024;

// ---------- the port ----------

/**
 * Creates a port (named when nameLen > 0, as NtCreateEvent) that releases at most `threads` threads at
 * once (0: as many as the host has CPUs). On success `result` is the handle.
 */
export function ntCreateIoCompletion(access: u32, inherit: bool, name: usize, nameLen: u32, threads: u32, rootH: u32 = 0,
  attr: u32 = 0xffffffff): u32 {
  const st = createBegin(TYPE_IOCOMPLETION, access, name, nameLen, rootH, attr);
  if (!ntSuccess(st)) return st;
  const port = changetype<CompletionPort>(result);
  if (st == STATUS_SUCCESS) {
    const cpus = root().cpus;
    port.max = threads ? threads : cpus > 0 ? <u32>cpus : 1;
  }
  return createEnd(port, st, access, inherit);
}

/** NtSetIoCompletion / PostQueuedCompletionStatus: queues a packet (IO_COMPLETION_MODIFY_STATE). */
export function ntSetIoCompletion(h: u32, key: u32, value: u32, status: u32, info: u32): u32 {
  enter();
  const o = handleObject(h, IO_COMPLETION_MODIFY_STATE, TYPE_IOCOMPLETION);
  if (!o) { const st = <u32>result; leave(); return st; }
  const st = portPost(changetype<CompletionPort>(o), key, status, info, value, true);
  leave();
  return st;
}

/** IoCompletionBasicInformation: the number of packets queued (IO_COMPLETION_QUERY_STATE); in `result`. */
export function ntQueryIoCompletionDepth(h: u32): u32 {
  enter();
  const o = handleObject(h, IO_COMPLETION_QUERY_STATE, TYPE_IOCOMPLETION);
  if (!o) { const st = <u32>result; leave(); return st; }
  setResult(changetype<CompletionPort>(o).depth);
  leave();
  return STATUS_SUCCESS;
}

/**
 * Removes up to `n` (1..REMOVE_MAX) packets from port `h` (IO_COMPLETION_MODIFY_STATE), waiting up to
 * `timeoutMs` for the first. The first packet goes to the calling thread's Thread.iocpKey/Value/Status/
 * Info, the others to `out` + PORT_ENTRY_SIZE * i for i >= 1 (kernel memory; unused when n is 1); their
 * number is in `result`. The status: STATUS_SUCCESS, STATUS_TIMEOUT, STATUS_ABANDONED_WAIT_0 (the port's
 * last handle closed while waiting), STATUS_USER_APC / STATUS_ALERTED (alertable), an error, or
 * STATUS_THREAD_IS_TERMINATING.
 *
 * As KeRemoveQueueEx: an alertable call by a thread not yet associated with this port returns
 * STATUS_USER_APC before anything else when APCs are queued; otherwise the thread becomes associated with
 * the port (leaving the one it was with), stops counting while it looks, and takes a packet when one is
 * queued and the port's running threads are below its limit; then a queued packet wins over queued APCs.
 */
export function ntRemoveIoCompletion(h: u32, n: u32, timeoutMs: u32, alertable: bool, out: usize): u32 {
  const t = me();
  setResult(0);
  enter();
  const o = handleObject(h, IO_COMPLETION_MODIFY_STATE, TYPE_IOCOMPLETION);
  if (!o) { const st = <u32>result; leave(); setResult(0); return st; }
  const port = changetype<CompletionPort>(o);
  if (t.iocp != changetype<usize>(port)) {
    if (alertable && (t.alerted || t.apcHead)) { const st = alertTaken(t); leave(); return st; }
    portThreadLeave(t);
    obRef(port);
    t.iocp = changetype<usize>(port);
  } else if (t.iocpCounted) {
    t.iocpCounted = 0;
    port.active--;
  }
  if (port.head && port.active < port.max) {
    portThreadRuns(t);
    portTakeOne(port, t);
    const got = n > 1 ? 1 + portTake(port, out + PORT_ENTRY_SIZE, n - 1) : 1;
    leave();
    setResult(got);
    return STATUS_SUCCESS;
  }
  if (alertable && (t.alerted || t.apcHead)) { portThreadRuns(t); const st = alertTaken(t); leave(); return st; }
  if (timeoutMs == 0) { portThreadRuns(t); leave(); return STATUS_TIMEOUT; }
  const e = waitEntry(t, 0);
  e.object = changetype<usize>(port);
  e.thread = changetype<usize>(t);
  e.index = 0;
  t.waitCount = 1;
  t.waitAll = 0;
  t.iocpRemoving = 1;
  waitQueue(t);
  t.alertable = alertable ? 1 : 0;
  const st = sleepLocked(t, timeoutMs); // releases the lock; the thread counts again (ob/wait.ts)
  t.iocpRemoving = 0;
  if (st != STATUS_SUCCESS) return st;
  let got: u32 = 1;
  if (n > 1) { // the batch: what else is queued now
    enter();
    if (t.iocp == changetype<usize>(port)) got += portTake(port, out + PORT_ENTRY_SIZE, n - 1);
    leave();
  }
  setResult(got);
  return STATUS_SUCCESS;
}

// ---------- files ----------

/**
 * FileCompletionInformation (CreateIoCompletionPort with a file): associates file handle `fileH` with
 * port `portH` (IO_COMPLETION_MODIFY_STATE) and `key`. STATUS_INVALID_PARAMETER for a file opened for
 * synchronous I/O, a console, or a file already associated; STATUS_OBJECT_TYPE_MISMATCH for a handle
 * that is no file. For NtSetInformationFile (kernel/nt/ntfile.ts) too.
 */
export function ntIocpAssociate(fileH: u32, portH: u32, key: u32): u32 {
  enter();
  const st = associateLocked(fileH, portH, key);
  leave();
  return st;
}

function associateLocked(fileH: u32, portH: u32, key: u32): u32 {
  const f = handleObject(fileH, 0, 0, false);
  if (!f) return <u32>result;
  if (f.type == TYPE_CONSOLE) return STATUS_INVALID_PARAMETER; // a console handle does synchronous I/O
  if (f.type != TYPE_FILE) return STATUS_OBJECT_TYPE_MISMATCH;
  if (changetype<PipeEnd>(f).kind == FILE_KIND_DISK && (changetype<DiskFile>(f).fflags & FILE_FIND)) return STATUS_OBJECT_TYPE_MISMATCH;
  const port = handleObject(portH, IO_COMPLETION_MODIFY_STATE, TYPE_IOCOMPLETION);
  if (!port) return <u32>result;
  if (f.flags & OBJ_SYNC_IO) return STATUS_INVALID_PARAMETER;
  const fc = fileCompletion(f);
  if (fc.port) return STATUS_INVALID_PARAMETER;
  obRef(port);
  fc.port = changetype<usize>(port);
  fc.key = key;
  return STATUS_SUCCESS;
}

/**
 * FileIoCompletionNotificationInformation (SetFileCompletionNotificationModes): adds FILE_SKIP_* `flags`
 * to file handle `fileH` (they cannot be cleared, as on Windows). For NtSetInformationFile too.
 */
export function ntIocpSetModes(fileH: u32, flags: u32): u32 {
  if (flags & ~(FILE_SKIP_COMPLETION_PORT_ON_SUCCESS | FILE_SKIP_SET_EVENT_ON_HANDLE | FILE_SKIP_SET_USER_EVENT_ON_FAST_IO)) {
    return STATUS_INVALID_PARAMETER;
  }
  enter();
  const f = handleObject(fileH, 0, 0, false);
  if (!f) { const st = <u32>result; leave(); return st; }
  if (f.type != TYPE_FILE) { leave(); return STATUS_OBJECT_TYPE_MISMATCH; }
  fileCompletion(f).modes |= flags;
  leave();
  return STATUS_SUCCESS;
}

/** FileIoCompletionNotificationInformation's query: file handle `fileH`'s FILE_SKIP_* modes, in `result`. */
export function ntIocpModes(fileH: u32): u32 {
  enter();
  const f = handleObject(fileH, 0, 0, false);
  if (!f) { const st = <u32>result; leave(); return st; }
  if (f.type != TYPE_FILE) { leave(); return STATUS_OBJECT_TYPE_MISMATCH; }
  setResult(fileCompletion(f).modes);
  leave();
  return STATUS_SUCCESS;
}

/**
 * Before an I/O call on `h` starts (host/syscalls/overlapped.ts): STATUS_INVALID_PARAMETER when it has a
 * completion routine (`apc`: ReadFileEx, an NT call's ApcRoutine) and the file is associated with a port,
 * as Windows refuses; STATUS_INSUFFICIENT_RESOURCES when that port already holds PORT_MAX_QUEUED packets;
 * else STATUS_SUCCESS.
 */
export function iocpIoCheck(h: u32, apc: u32): u32 {
  enter();
  let st = STATUS_SUCCESS;
  const f = handleObject(h, 0, TYPE_FILE, false);
  if (f) {
    const port = changetype<CompletionPort>(fileCompletion(f).port);
    if (changetype<usize>(port)) {
      if (apc) st = STATUS_INVALID_PARAMETER;
      else if (port.depth >= PORT_MAX_QUEUED && !port.closed) st = STATUS_INSUFFICIENT_RESOURCES;
    }
  }
  leave();
  return st;
}

/**
 * An I/O call on File object `f` completed (lock held; nt/io.ts ntIoComplete when it completed at once,
 * `atOnce`, and ntIoFinish when a worker finished it): posts its packet {key, `value`, `status`, `count`}
 * to the file's port, if it has one, unless the call has a completion routine (`apc`) or no completion
 * value (`value` 0: kernel32 passes none for an OVERLAPPED whose hEvent has its low bit set), or it
 * succeeded at once on a file with FILE_SKIP_COMPLETION_PORT_ON_SUCCESS.
 */
export function iocpIoDone(f: ObjectHeader, apc: u32, value: u32, status: u32, count: u32, atOnce: bool): void {
  if (f.type != TYPE_FILE) return;
  const fc = fileCompletion(f);
  if (!fc.port || apc || !value) return;
  if (atOnce && (fc.modes & FILE_SKIP_COMPLETION_PORT_ON_SUCCESS) && ntSuccess(status)) return;
  portPost(changetype<CompletionPort>(fc.port), fc.key, status, count, value, false);
}
