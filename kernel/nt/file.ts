// Disk file services: the kernel half of CreateFileW, ReadFile/WriteFile/SetFilePointer (the
// position), FindFirstFileW (search handles) and the current directory. The host resolves paths and
// does the I/O (host/syscalls/files.ts); here are the shared objects, share modes and positions.
import { kalloc, kfree } from "../lib/alloc";
import { enter, enterHost, leave, leaveHost } from "../lib/lock";
import { root } from "../lib/root";
import { currentProcess, handleAccess, handleObject } from "../ob/handle";
import { obAlloc, obAllocCharged, obDeref } from "../ob/object";
import { Process } from "../objects/process";
import {
  DiskFile, FILE_FIND, FILE_KIND_DISK, FILE_OPEN_SYNC_IO, fileLink, openBelow, shareConflict, stringCopy, stringFree,
  deletePending, FILE_DELETE_ON_CLOSE, FILE_DIRECTORY, FILE_DELETE_PENDING, FILE_REAP, FILE_REAPING, isOpen, markDeletePending, reapLink,
  reapsAddr, reapUnlink,
} from "../objects/file";
import { accessStatus, discard, grantedAccess, obInsert } from "./object";
import {
  DELETE, FILE_SHARE_DELETE, FILE_SHARE_READ, FILE_SHARE_WRITE, STATUS_DELETE_PENDING, STATUS_INSUFFICIENT_RESOURCES, STATUS_NO_MEMORY, STATUS_OBJECT_TYPE_MISMATCH, STATUS_SHARING_VIOLATION, STATUS_SUCCESS, TYPE_FILE,
} from "../generated/abi";
import { result, setResult } from "../lib/tls";
import { OBJ_SYNC_IO } from "../lib/layout";

/**
 * Opens the file at root-relative `path` for the calling process: checks the share mode against
 * every open of that path and gives a handle (in `result`). `pat` is a search handle's pattern;
 * FILE_OPEN_SYNC_IO in `fflags`: the file object is for synchronous I/O. A delete-pending path (or one
 * below a delete-pending directory) is STATUS_DELETE_PENDING, whatever the access.
 */
export function ntFileOpen(path: usize, pathLen: u32, pat: usize, patLen: u32, access: u32, share: u32, fflags: u32,
  inherit: bool): u32 {
  const granted = grantedAccess(TYPE_FILE, access);
  const denied = accessStatus(granted);
  if (denied != STATUS_SUCCESS) return denied;
  enter();
  if (!(fflags & FILE_FIND) && deletePending(path, pathLen)) { leave(); return STATUS_DELETE_PENDING; }
  if (!(fflags & FILE_FIND) && shareConflict(path, pathLen, granted, share)) { leave(); return STATUS_SHARING_VIOLATION; }
  const o = obAllocCharged(TYPE_FILE);
  if (!o) { leave(); return <u32>result; }
  const f = changetype<DiskFile>(o);
  f.kind = FILE_KIND_DISK;
  f.fflags = fflags & ~FILE_OPEN_SYNC_IO;
  if (fflags & FILE_OPEN_SYNC_IO) o.flags |= OBJ_SYNC_IO;
  f.access = granted;
  f.share = share;
  f.path = stringCopy(path, pathLen);
  f.pathLen = pathLen;
  f.pat = stringCopy(pat, patLen);
  f.patLen = patLen;
  if (f.path == 1 || f.pat == 1) {
    if (f.path == 1) f.path = 0;
    if (f.pat == 1) f.pat = 0;
    discard(o);
    leave();
    return STATUS_INSUFFICIENT_RESOURCES;
  }
  fileLink(f);
  const st = obInsert(o, granted, inherit, true);
  leave();
  return st;
}

/** The disk file behind `h` (lock held), or null with the status in `result`. */
export function diskFile(h: u32): DiskFile | null {
  const o = handleObject(h, 0, TYPE_FILE, false);
  if (!o) return null;
  if (changetype<DiskFile>(o).kind != FILE_KIND_DISK) { setResult(STATUS_OBJECT_TYPE_MISMATCH); return null; }
  return changetype<DiskFile>(o);
}

/**
 * What the host needs to do I/O on `h`, at `out`: {pos lo, pos hi, fflags, access, pathLen, patLen,
 * share, 0} then the path's chars at out + 32 and the pattern's after them; at most `max` bytes.
 * `access` is what the handle grants (a duplicate may grant less than the open did), which is what
 * ReadFile/WriteFile check; the share check uses the open's.
 */
export function ntFileQuery(h: u32, out: usize, max: u32): u32 {
  enter();
  const f = diskFile(h);
  if (!f) { leave(); return <u32>result; }
  const need: usize = 32 + ((<usize>f.pathLen + <usize>f.patLen) << 1);
  if (need > <usize>max) { leave(); return STATUS_NO_MEMORY; }
  store<u64>(out, f.pos);
  store<u32>(out, f.fflags, 8);
  store<u32>(out, handleAccess(h), 12);
  store<u32>(out, f.pathLen, 16);
  store<u32>(out, f.patLen, 20);
  store<u32>(out, f.share, 24);
  store<u32>(out, 0, 28);
  if (f.pathLen) memory.copy(out + 32, f.path, <usize>f.pathLen << 1);
  if (f.patLen) memory.copy(out + 32 + (<usize>f.pathLen << 1), f.pat, <usize>f.patLen << 1);
  leave();
  return STATUS_SUCCESS;
}

/** Sets the position of the file object behind `h` (shared by every handle to it). */
export function ntFileSetPos(h: u32, pos: u64): u32 {
  enter();
  const f = diskFile(h);
  const st = f ? STATUS_SUCCESS : <u32>result;
  if (f) f.pos = pos;
  leave();
  return st;
}

/**
 * Adds `delta` to the position of the file object behind `h` and stores the old position at `out`, in
 * one step under the lock: ReadFile/WriteFile reserve their range with it, so threads doing I/O through
 * one file object get distinct ranges, as Windows' serialized synchronous I/O gives them.
 */
export function ntFileAddPos(h: u32, delta: i64, out: usize): u32 {
  enter();
  const f = diskFile(h);
  const st = f ? STATUS_SUCCESS : <u32>result;
  if (f) {
    store<u64>(out, f.pos);
    const pos = <i64>f.pos + delta;
    f.pos = pos < 0 ? 0 : <u64>pos;
  }
  leave();
  return st;
}

/** Is open file `f` at `from` or below it? */
function under(f: DiskFile, from: usize, fromLen: u32): bool {
  if (f.pathLen < fromLen || memory.compare(f.path, from, <usize>fromLen << 1) != 0) return false;
  return f.pathLen == fromLen || load<u16>(f.path + (<usize>fromLen << 1)) == 0x2f;
}

/**
 * Renames the open files at `from` (and below it) to `to`: MoveFileW of a file opened with FILE_SHARE_DELETE.
 * All of them, or none when memory is exhausted (STATUS_NO_MEMORY): every new path is made first.
 */
export function ntFileRenameOpen(from: usize, fromLen: u32, to: usize, toLen: u32): u32 {
  enter();
  let n: u32 = 0;
  for (let o = root().openFiles; o; o = changetype<DiskFile>(o).next) if (under(changetype<DiskFile>(o), from, fromLen)) n++;
  const paths = n ? kalloc(<usize>n << 3) : 0; // [string, chars] of each new path
  let made: u32 = 0;
  for (let o = root().openFiles; o && paths && made < n; o = changetype<DiskFile>(o).next) {
    const f = changetype<DiskFile>(o);
    if (!under(f, from, fromLen)) continue;
    const len = toLen + f.pathLen - fromLen;
    const s = len ? kalloc(<usize>len << 1) : 0;
    if (len && !s) break;
    memory.copy(s, to, <usize>toLen << 1);
    memory.copy(s + (<usize>toLen << 1), f.path + (<usize>fromLen << 1), <usize>(f.pathLen - fromLen) << 1);
    store<usize>(paths + (<usize>made << 3), s);
    store<u32>(paths + (<usize>made << 3), len, 4);
    made++;
  }
  const ok = made == n;
  let i: u32 = 0;
  for (let o = root().openFiles; ok && o && i < n; o = changetype<DiskFile>(o).next) {
    const f = changetype<DiskFile>(o);
    if (!under(f, from, fromLen)) continue;
    stringFree(f.path, f.pathLen);
    f.path = load<usize>(paths + (<usize>i << 3));
    f.pathLen = load<u32>(paths + (<usize>i << 3), 4);
    i++;
  }
  if (!ok) for (i = 0; i < made; i++) stringFree(load<usize>(paths + (<usize>i << 3)), load<u32>(paths + (<usize>i << 3), 4));
  if (paths) kfree(paths, <usize>n << 3);
  leave();
  return ok ? STATUS_SUCCESS : STATUS_NO_MEMORY;
}

/** Is anything open at or below `p`? (RemoveDirectoryW / MoveFileW of a directory refuse then.) */
export function ntFileBusy(p: usize, len: u32): bool {
  enter();
  const r = openBelow(p, len);
  leave();
  return r;
}

/**
 * Is opening `p` with `access`/`share` refused (no handle made)? STATUS_DELETE_PENDING for a
 * delete-pending path whatever the access (0 asks only that), else STATUS_SHARING_VIOLATION when an
 * open file conflicts.
 */
export function ntFileShareCheck(p: usize, len: u32, access: u32, share: u32): u32 {
  const granted = grantedAccess(TYPE_FILE, access);
  enter();
  const st = deletePending(p, len) ? STATUS_DELETE_PENDING
    : shareConflict(p, len, granted, share) ? STATUS_SHARING_VIOLATION : STATUS_SUCCESS;
  leave();
  return st;
}

// ---------- deletion: DeleteFileW, FILE_FLAG_DELETE_ON_CLOSE and the queue the host drains ----------

/**
 * DeleteFileW (RemoveDirectoryW: `dir`) of `p`, which the host has checked exists and may be deleted:
 * refused when it is delete pending already or an open does not share delete. When it is open, every
 * open is marked delete pending and `result` is 1: the path goes when its last open closes. Otherwise
 * `result` is a new entry on Root.fileReaps, claimed by the caller, which removes the path and then
 * calls ntFileReapDone; until then the path counts as delete pending, so no open slips in between.
 */
export function ntFileDelete(p: usize, len: u32, dir: bool): u32 {
  enter();
  let st = STATUS_SUCCESS;
  if (deletePending(p, len)) st = STATUS_DELETE_PENDING;
  else if (shareConflict(p, len, DELETE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE)) st = STATUS_SHARING_VIOLATION;
  else if (isOpen(p, len)) {
    markDeletePending(p, len);
    setResult(1);
  } else {
    const o = obAlloc(TYPE_FILE);
    const s = o ? stringCopy(p, len) : 1;
    if (!o || s == 1) {
      if (o) discard(o);
      st = STATUS_NO_MEMORY;
    } else {
      const f = changetype<DiskFile>(o);
      f.kind = FILE_KIND_DISK;
      f.fflags = FILE_DELETE_PENDING | FILE_REAPING | (dir ? FILE_DIRECTORY : 0);
      f.path = s;
      f.pathLen = len;
      o.refs = 1; // the list's
      reapLink(f);
      setResult(changetype<usize>(f));
    }
  }
  leave();
  return st;
}

/** Sets FILE_DELETE_ON_CLOSE on the disk file behind `h` (CreateFileW, once the file is there). */
export function ntFileSetDeleteOnClose(h: u32): u32 {
  enter();
  const f = diskFile(h);
  const st = f ? STATUS_SUCCESS : <u32>result;
  if (f) f.fflags |= FILE_DELETE_ON_CLOSE;
  leave();
  return st;
}

/**
 * Claims an entry of Root.fileReaps for the calling host thread to remove: the entry, 0 when the list
 * is empty, 1 when every entry is claimed by another thread already (`force`: take a claimed one
 * anyway, for a claimer that never finished). The host's lock: a thread being terminated still
 * finishes what it claimed.
 */
export function ntFileReapTake(force: bool): usize {
  if (!atomic.load<usize>(reapsAddr())) return 0;
  enterHost();
  let r: usize = 0;
  for (let o = root().fileReaps; o; o = changetype<DiskFile>(o).next) {
    const f = changetype<DiskFile>(o);
    if (!(f.fflags & FILE_REAPING) || force) { f.fflags |= FILE_REAPING; r = o; break; }
    r = 1;
  }
  leaveHost();
  return r;
}

/** The host removed the path of claimed entry `e` (or could not): it leaves Root.fileReaps. */
export function ntFileReapDone(e: usize): void {
  enterHost();
  const f = changetype<DiskFile>(e);
  if (f.fflags & FILE_REAP) {
    reapUnlink(f);
    obDeref(f);
  }
  leaveHost();
}

// ---------- the current directory: per process, a full Windows path ("C:\dir"), default "C:\" ----------

/** Sets `p`'s current directory (0: the caller's) to `len` chars at `s` (lock taken here). */
export function ntSetCurrentDirectory(proc: usize, s: usize, len: u32): u32 {
  enter();
  const p = proc ? changetype<Process>(proc) : currentProcess();
  const copy = stringCopy(s, len);
  if (copy == 1) { leave(); return STATUS_NO_MEMORY; }
  stringFree(p.cwd, p.cwdLen);
  p.cwd = copy;
  p.cwdLen = len;
  leave();
  return STATUS_SUCCESS;
}

/** Copies the caller's current directory to `out` when it fits in `max` chars; returns its length (0: the default). */
export function ntGetCurrentDirectory(out: usize, max: u32): u32 {
  enter();
  const p = currentProcess();
  const len = p.cwdLen;
  if (len && len <= max) memory.copy(out, p.cwd, <usize>len << 1);
  leave();
  return len;
}
