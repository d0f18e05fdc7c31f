// Per-process handle tables. A handle value is (index + 1) * 4, so values are multiples of 4
// starting at 4 and the low two bits are ignored on use. Each entry holds the object, the access
// granted and the handle flags. Free entries form a LIFO list, so a closed value is reused first.
import { kalloc, kfree } from "../lib/alloc";
import { HANDLE_ENTRY_SIZE, MAX_HANDLES } from "../lib/layout";
import { handleQuota } from "../lib/quota";
import { currentThread, setResult } from "../lib/tls";
import { ObjectHeader, obDeref, obHandleClosed, obHandleCounted, obLastHandleClosed } from "./object";
import { Process } from "../objects/process";
import { Thread } from "../objects/thread";
import {
  HANDLE_FLAG_INHERIT, HANDLE_FLAG_PROTECT_FROM_CLOSE, PROCESS_ALL_ACCESS, STATUS_ACCESS_DENIED, STATUS_HANDLE_NOT_CLOSABLE,
  STATUS_INSUFFICIENT_RESOURCES, STATUS_INVALID_HANDLE, STATUS_OBJECT_TYPE_MISMATCH, STATUS_SUCCESS,
  THREAD_ALL_ACCESS,
} from "../generated/abi";

@unmanaged
export class HandleEntry {
  object: usize; // 0 when free
  access: u32; // when free: index + 1 of the next free entry
  flags: u32; // HANDLE_FLAG_*
}

const FIRST_CAP: u32 = 16;

export const CURRENT_PROCESS: u32 = 0xffffffff;
export const CURRENT_THREAD: u32 = 0xfffffffe;

export function currentProcess(): Process {
  return changetype<Process>(changetype<Thread>(currentThread).process);
}

// @ts-ignore: decorator
@inline function entry(p: Process, index: u32): HandleEntry {
  return changetype<HandleEntry>(p.table + <usize>index * HANDLE_ENTRY_SIZE);
}

/** The live entry for handle value `h` in `p`, or null. */
// @ts-ignore: decorator
@inline export function handleEntry(p: Process, h: u32): HandleEntry | null {
  const index = (h >> 2) - 1;
  if (h < 4 || index >= p.top) return null;
  const e = entry(p, index);
  return e.object ? e : null;
}

function grow(p: Process): bool {
  const cap = p.cap ? p.cap << 1 : FIRST_CAP;
  if (cap > MAX_HANDLES) return false;
  const table = kalloc(<usize>cap * HANDLE_ENTRY_SIZE);
  if (!table) return false;
  if (p.table) {
    memory.copy(table, p.table, <usize>p.top * HANDLE_ENTRY_SIZE);
    kfree(p.table, <usize>p.cap * HANDLE_ENTRY_SIZE);
  }
  p.table = table;
  p.cap = cap;
  return true;
}

/**
 * Adds a handle to `o` in `p`; returns its value, or 0 with the status in `result`: past the process's
 * handle quota or when the table cannot grow, STATUS_INSUFFICIENT_RESOURCES (ERROR_NO_SYSTEM_RESOURCES),
 * as Windows' ObpCreateHandle answers when its handle table takes no more entries (ReactOS's
 * ob/obhandle.c; Windows stops at 2^24: Russinovich, "Pushing the Limits of Windows: Handles").
 */
export function handleInsert(p: Process, o: ObjectHeader, access: u32, flags: u32): u32 {
  if (p.count >= handleQuota()) { setResult(STATUS_INSUFFICIENT_RESOURCES); return 0; }
  let index: u32;
  if (p.freeHead) {
    index = p.freeHead - 1;
    p.freeHead = entry(p, index).access;
  } else {
    if (p.top == p.cap && !grow(p)) { setResult(STATUS_INSUFFICIENT_RESOURCES); return 0; }
    index = p.top++;
  }
  const e = entry(p, index);
  e.object = changetype<usize>(o);
  e.access = access;
  e.flags = flags;
  o.refs++;
  o.handles++;
  p.count++;
  obHandleCounted(o, access, 1);
  return (index + 1) << 2;
}

/**
 * The object handle `h` refers to in the calling process, checked for `type` (0: any) and for every
 * bit of `access`; null with the NTSTATUS in `result` otherwise. Resolves the pseudo-handles.
 */
// @ts-ignore: decorator
@inline export function handleObject(h: u32, access: u32, type: u32, pseudo: bool = true): ObjectHeader | null {
  const t = changetype<Thread>(currentThread);
  let o: usize;
  let granted: u32;
  if (pseudo && h == CURRENT_PROCESS) { o = t.process; granted = PROCESS_ALL_ACCESS; }
  else if (pseudo && h == CURRENT_THREAD) { o = changetype<usize>(t); granted = THREAD_ALL_ACCESS; }
  else {
    const e = handleEntry(changetype<Process>(t.process), h);
    if (!e) { setResult(STATUS_INVALID_HANDLE); return null; }
    o = e.object;
    granted = e.access;
  }
  const obj = changetype<ObjectHeader>(o);
  if (type && obj.type != type) { setResult(STATUS_OBJECT_TYPE_MISMATCH); return null; }
  if ((granted & access) != access) { setResult(STATUS_ACCESS_DENIED); return null; }
  return obj;
}

/** Access granted through `h` (pseudo-handles grant everything). */
export function handleAccess(h: u32): u32 {
  if (h == CURRENT_PROCESS || h == CURRENT_THREAD) return 0x1fffff;
  const e = handleEntry(currentProcess(), h);
  return e ? e.access : 0;
}

/** Closes `h` in `p`; `force` ignores HANDLE_FLAG_PROTECT_FROM_CLOSE (process teardown). */
export function handleClose(p: Process, h: u32, force: bool): u32 {
  if (h == CURRENT_PROCESS || h == CURRENT_THREAD) return STATUS_SUCCESS;
  const e = handleEntry(p, h);
  if (!e) return STATUS_INVALID_HANDLE;
  if ((e.flags & HANDLE_FLAG_PROTECT_FROM_CLOSE) && !force) return STATUS_HANDLE_NOT_CLOSABLE;
  const o = changetype<ObjectHeader>(e.object);
  const index = (h >> 2) - 1;
  obHandleCounted(o, e.access, -1);
  e.object = 0;
  e.flags = 0;
  e.access = p.freeHead;
  p.freeHead = index + 1;
  p.count--;
  if (--o.handles == 0) obLastHandleClosed(o);
  else obHandleClosed(o);
  obDeref(o);
  return STATUS_SUCCESS;
}

/** Closes every handle of `p` (the process has ended). */
export function handleCloseAll(p: Process): void {
  for (let i: u32 = 0; i < p.top; i++) {
    if (entry(p, i).object) handleClose(p, (i + 1) << 2, true);
  }
}

/**
 * CreateProcess with bInheritHandles: every inheritable handle of `parent` appears in the new, empty
 * table of `child` with the same value, access and flags, as Windows does. False when out of memory.
 */
export function handleInheritAll(parent: Process, child: Process): bool {
  while (child.cap < parent.top) if (!grow(child)) return false;
  child.freeHead = 0;
  for (let i: u32 = parent.top; i-- > 0;) {
    const pe = entry(parent, i);
    const ce = entry(child, i);
    if (pe.object && (pe.flags & HANDLE_FLAG_INHERIT)) {
      const o = changetype<ObjectHeader>(pe.object);
      ce.object = pe.object;
      ce.access = pe.access;
      ce.flags = pe.flags;
      o.refs++;
      o.handles++;
      child.count++;
      obHandleCounted(o, pe.access, 1);
    } else {
      ce.object = 0;
      ce.access = child.freeHead; // lowest free index ends up first
      child.freeHead = i + 1;
    }
  }
  child.top = parent.top;
  return true;
}
