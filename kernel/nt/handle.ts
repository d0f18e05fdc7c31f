// Handle services (NtClose, NtDuplicateObject, handle flags).
import { enter, leave } from "../lib/lock";
import { currentThread, result, setResult } from "../lib/tls";
import { CURRENT_PROCESS, CURRENT_THREAD, currentProcess, handleClose, handleEntry, handleInsert, handleObject } from "../ob/handle";
import { ObjectHeader, obDeref, obHandleCounted, obLastHandleClosed } from "../ob/object";
import { Process } from "../objects/process";
import {
  DUPLICATE_CLOSE_SOURCE, DUPLICATE_SAME_ACCESS, HANDLE_FLAG_INHERIT, HANDLE_FLAG_PROTECT_FROM_CLOSE, mapGenericAccess,
  PROCESS_ALL_ACCESS, PROCESS_DUP_HANDLE, STATUS_INVALID_HANDLE, STATUS_SUCCESS, THREAD_ALL_ACCESS, TYPE_PROCESS,
} from "../generated/abi";

export function ntClose(h: u32): u32 {
  enter();
  const st = handleClose(currentProcess(), h, false);
  leave();
  return st;
}

/**
 * Duplicates `src` of process `srcProc` into `dstProc`; on success `result` is the new handle.
 * DUPLICATE_CLOSE_SOURCE closes the source first (unless protected), so within one process the new
 * handle takes the source's value.
 */
export function ntDuplicate(srcProc: u32, src: u32, dstProc: u32, access: u32, inherit: bool, options: u32): u32 {
  enter();
  const sp = handleObject(srcProc, PROCESS_DUP_HANDLE, TYPE_PROCESS);
  if (!sp) { const st = <u32>result; leave(); return st; }
  const sproc = changetype<Process>(sp);
  const dp = handleObject(dstProc, PROCESS_DUP_HANDLE, TYPE_PROCESS);
  if (!dp) {
    const st = <u32>result;
    // DUPLICATE_CLOSE_SOURCE closes the source "regardless of any error status returned" (Microsoft's documentation;
    // Wine's server too): DuplicateHandle(hProcess, h, NULL, NULL, 0, FALSE, DUPLICATE_CLOSE_SOURCE) closes a handle of
    // another process. Found by the model-based fuzzer (test/fuzz.test.ts).
    if (options & DUPLICATE_CLOSE_SOURCE) handleClose(sproc, src, false);
    leave();
    return st;
  }
  let o: ObjectHeader;
  let srcAccess: u32;
  const self = changetype<usize>(sp) == changetype<usize>(currentProcess());
  if (self && src == CURRENT_PROCESS) { o = sp; srcAccess = PROCESS_ALL_ACCESS; }
  else if (self && src == CURRENT_THREAD) { o = changetype<ObjectHeader>(currentThread); srcAccess = THREAD_ALL_ACCESS; }
  else {
    const e = handleEntry(sproc, src);
    if (!e) { leave(); return STATUS_INVALID_HANDLE; }
    o = changetype<ObjectHeader>(e.object);
    srcAccess = e.access;
  }
  // Keep it alive, and counted as open, across closing the source: closing the only handle first must
  // not run last-handle effects (a name leaving the namespace, a pipe end breaking).
  o.refs++;
  o.handles++;
  obHandleCounted(o, srcAccess, 1); // the same for rights a type counts its handles by (a service's servers)
  if (options & DUPLICATE_CLOSE_SOURCE) handleClose(sproc, src, false);
  const granted = options & DUPLICATE_SAME_ACCESS ? srcAccess : mapGenericAccess(o.type, access);
  const h = handleInsert(changetype<Process>(dp), o, granted, inherit ? HANDLE_FLAG_INHERIT : 0);
  const st = h ? STATUS_SUCCESS : <u32>result;
  obHandleCounted(o, srcAccess, -1);
  if (--o.handles == 0) obLastHandleClosed(o);
  obDeref(o);
  leave();
  setResult(h);
  return st;
}

/** On success `result` is the handle's flags. Pseudo-handles have no entry to report. */
export function ntGetHandleFlags(h: u32): u32 {
  enter();
  const e = handleEntry(currentProcess(), h);
  const flags = e ? e.flags : 0;
  leave();
  if (!e) return STATUS_INVALID_HANDLE;
  setResult(flags);
  return STATUS_SUCCESS;
}

export function ntSetHandleFlags(h: u32, mask: u32, flags: u32): u32 {
  const bits = HANDLE_FLAG_INHERIT | HANDLE_FLAG_PROTECT_FROM_CLOSE;
  enter();
  const e = handleEntry(currentProcess(), h);
  if (e) e.flags = (e.flags & ~(mask & bits)) | (flags & mask & bits);
  leave();
  return e ? STATUS_SUCCESS : STATUS_INVALID_HANDLE;
}
