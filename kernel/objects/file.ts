// Disk files: File objects of kind FILE_KIND_DISK (a pipe end is the other kind, objects/pipe.ts).
// The kernel never does file I/O: the host resolves the Windows path, reads and writes the host file
// (host/files/). The object holds what threads and processes share through their handles: the
// resolved path relative to the root (the host's spelling, '/'-separated), the granted access, the
// share mode and the current position. Every open disk file is on one list (Root.openFiles), which is
// where share modes are checked, across all processes, under the kernel lock.
//
// A search handle (FindFirstFileW) is a File of the same kind with FILE_FIND: its path is the
// directory, `pat` the pattern and `pos` the index of the next entry.
//
// Deletion waits for the last handle, as NT's delete disposition does. DeleteFileW of an open file
// (every open shares delete) marks each open of the path FILE_DELETE_PENDING; an open made with
// FILE_FLAG_DELETE_ON_CLOSE marks them so when its own last handle closes. A delete-pending path
// refuses new opens (STATUS_DELETE_PENDING), the directories above it included. When the last open of
// a delete-pending path closes, its object stays alive on Root.fileReaps (FILE_REAP) until the host
// has removed the path from the backend: that close may be a CloseHandle bound straight to the kernel,
// so the kernel only queues it, and the host drains the queue before its next file operation and when
// woken on the list's head (host/files/reaper.ts). A host thread claims an entry (FILE_REAPING),
// removes the file and hands the entry back; until then the entry still counts as delete pending.
import { kalloc, kfree } from "../lib/alloc";
import { Root, root, rootAddr } from "../lib/root";
import { ObjectHeader } from "../ob/object";
import {
  DELETE, FILE_APPEND_DATA, FILE_READ_DATA, FILE_SHARE_DELETE, FILE_SHARE_READ, FILE_SHARE_WRITE, FILE_WRITE_DATA,
} from "../generated/abi";

/** File.kind of a disk file or directory (objects/pipe.ts FILE_KIND_PIPE is 1). */
export const FILE_KIND_DISK: u32 = 2;

/** DiskFile.fflags */
export const FILE_DIRECTORY: u32 = 1; // a directory opened with FILE_FLAG_BACKUP_SEMANTICS
export const FILE_FIND: u32 = 2; // a FindFirstFileW search handle (takes no part in share checks)
/** ntFileOpen's fflags only: opened for synchronous I/O (sets ObjectHeader.flags OBJ_SYNC_IO, not kept in fflags). */
export const FILE_OPEN_SYNC_IO: u32 = 4;
export const FILE_DELETE_ON_CLOSE: u32 = 8; // FILE_FLAG_DELETE_ON_CLOSE: the file goes when this open's last handle closes
export const FILE_DELETE_PENDING: u32 = 16; // the path is delete pending: new opens fail, it goes when its last open closes
export const FILE_REAP: u32 = 32; // on Root.fileReaps: no open is left, the host is to remove the path
export const FILE_REAPING: u32 = 64; // on Root.fileReaps and claimed by the host thread removing it now

const FILE_EXECUTE: u32 = 0x20;
const READ_RIGHTS: u32 = FILE_READ_DATA | FILE_EXECUTE;
const WRITE_RIGHTS: u32 = FILE_WRITE_DATA | FILE_APPEND_DATA;
/** Rights that take part in share checks (IoCheckShareAccess): opens with none of them never conflict. */
const DATA_RIGHTS: u32 = READ_RIGHTS | WRITE_RIGHTS | DELETE;

@unmanaged
export class DiskFile extends ObjectHeader {
  kind: u32; // FILE_KIND_DISK (every File object starts with its kind)
  fflags: u32; // FILE_DIRECTORY, FILE_FIND, FILE_DELETE_ON_CLOSE, FILE_DELETE_PENDING, FILE_REAP, FILE_REAPING
  access: u32; // rights granted at open (the share check's side of it)
  share: u32; // FILE_SHARE_*
  pos: u64; // current position (search handles: index of the next entry)
  path: usize; // UTF-16, root-relative, as resolved by the host
  pathLen: u32; // chars
  pat: usize; // search pattern (FILE_FIND), UTF-16
  patLen: u32;
  next: usize; // Root.openFiles list while open (until the last handle closes), then Root.fileReaps (FILE_REAP)
  prev: usize;
  listed: u32;
  iocp: usize; // the I/O completion port its completions go to (a reference; objects/completionport.ts), 0 for none
  iocpKey: u32; // that association's completion key
  iocpModes: u32; // SetFileCompletionNotificationModes' FILE_SKIP_* flags
}

/** A copy of `len` UTF-16 chars in kernel memory (0 for an empty string), or 1 when memory is exhausted. */
export function stringCopy(p: usize, len: u32): usize {
  if (!len) return 0;
  const s = kalloc(<usize>len << 1);
  if (!s) return 1;
  memory.copy(s, p, <usize>len << 1);
  return s;
}

export function stringFree(s: usize, len: u32): void {
  if (s > 1 && len) kfree(s, <usize>len << 1);
}

function samePath(f: DiskFile, p: usize, len: u32): bool {
  return f.pathLen == len && memory.compare(f.path, p, <usize>len << 1) == 0;
}

/** Would opening `p` with `access` and `share` conflict with a file already open (lock held)? */
export function shareConflict(p: usize, len: u32, access: u32, share: u32): bool {
  if (!(access & DATA_RIGHTS)) return false;
  for (let o = root().openFiles; o; o = changetype<DiskFile>(o).next) {
    const f = changetype<DiskFile>(o);
    if ((f.fflags & FILE_FIND) || !(f.access & DATA_RIGHTS) || !samePath(f, p, len)) continue;
    if ((access & READ_RIGHTS) && !(f.share & FILE_SHARE_READ)) return true;
    if ((access & WRITE_RIGHTS) && !(f.share & FILE_SHARE_WRITE)) return true;
    if ((access & DELETE) && !(f.share & FILE_SHARE_DELETE)) return true;
    if ((f.access & READ_RIGHTS) && !(share & FILE_SHARE_READ)) return true;
    if ((f.access & WRITE_RIGHTS) && !(share & FILE_SHARE_WRITE)) return true;
    if ((f.access & DELETE) && !(share & FILE_SHARE_DELETE)) return true;
  }
  return false;
}

/** Is `f`'s path `p` at or below the directory `len` chars at `p`? */
function atOrBelow(f: DiskFile, p: usize, len: u32): bool {
  if (f.pathLen < len || memory.compare(f.path, p, <usize>len << 1) != 0) return false;
  return f.pathLen == len || load<u16>(f.path + (<usize>len << 1)) == 0x2f;
}

/** Is a file open (or waiting to be removed) at `p` or below it: a directory that cannot be renamed or removed? Lock held. */
export function openBelow(p: usize, len: u32): bool {
  for (let o = root().openFiles; o; o = changetype<DiskFile>(o).next) if (atOrBelow(changetype<DiskFile>(o), p, len)) return true;
  for (let o = root().fileReaps; o; o = changetype<DiskFile>(o).next) if (atOrBelow(changetype<DiskFile>(o), p, len)) return true;
  return false;
}

/** Does `f` stand for path `p` itself or, being a directory, for one above it? */
function covers(f: DiskFile, p: usize, len: u32): bool {
  if (f.pathLen > len || memory.compare(f.path, p, <usize>f.pathLen << 1) != 0) return false;
  if (f.pathLen == len) return true;
  return (f.fflags & FILE_DIRECTORY) != 0 && (!f.pathLen || load<u16>(p + (<usize>f.pathLen << 1)) == 0x2f);
}

/** Is `p` delete pending (lock held): marked so on an open of it or of a directory above it, or on its way out? */
export function deletePending(p: usize, len: u32): bool {
  for (let o = root().openFiles; o; o = changetype<DiskFile>(o).next) {
    const f = changetype<DiskFile>(o);
    if ((f.fflags & FILE_DELETE_PENDING) && covers(f, p, len)) return true;
  }
  for (let o = root().fileReaps; o; o = changetype<DiskFile>(o).next) if (covers(changetype<DiskFile>(o), p, len)) return true;
  return false;
}

/** Is `p` open (search handles do not count)? Lock held. */
export function isOpen(p: usize, len: u32): bool {
  for (let o = root().openFiles; o; o = changetype<DiskFile>(o).next) {
    const f = changetype<DiskFile>(o);
    if (!(f.fflags & FILE_FIND) && samePath(f, p, len)) return true;
  }
  return false;
}

/** Marks every open of `p` delete pending (lock held). */
export function markDeletePending(p: usize, len: u32): void {
  for (let o = root().openFiles; o; o = changetype<DiskFile>(o).next) {
    const f = changetype<DiskFile>(o);
    if (!(f.fflags & FILE_FIND) && samePath(f, p, len)) f.fflags |= FILE_DELETE_PENDING;
  }
}

/** The address of Root.fileReaps: the host waits on it, the kernel notifies it at every change. */
// @ts-ignore: decorator
@inline export function reapsAddr(): usize { return rootAddr() + offsetof<Root>("fileReaps"); }

/** Queues `f` (off Root.openFiles, holding a reference the list owns) for the host to remove its path. */
export function reapLink(f: DiskFile): void {
  const head = root().fileReaps;
  f.fflags |= FILE_REAP;
  f.prev = 0;
  f.next = head;
  if (head) changetype<DiskFile>(head).prev = changetype<usize>(f);
  atomic.store<usize>(reapsAddr(), changetype<usize>(f));
  atomic.notify(reapsAddr(), i32.MAX_VALUE);
}

/** Takes `f` off Root.fileReaps; the caller drops the list's reference. */
export function reapUnlink(f: DiskFile): void {
  if (f.prev) changetype<DiskFile>(f.prev).next = f.next; else atomic.store<usize>(reapsAddr(), f.next);
  if (f.next) changetype<DiskFile>(f.next).prev = f.prev;
  f.next = 0;
  f.prev = 0;
  f.fflags &= ~(FILE_REAP | FILE_REAPING);
  atomic.notify(reapsAddr(), i32.MAX_VALUE);
}

export function fileLink(f: DiskFile): void {
  const r = root();
  f.next = r.openFiles;
  f.prev = 0;
  if (r.openFiles) changetype<DiskFile>(r.openFiles).prev = changetype<usize>(f);
  r.openFiles = changetype<usize>(f);
  f.listed = 1;
}

function fileUnlink(f: DiskFile): void {
  if (!f.listed) return;
  if (f.prev) changetype<DiskFile>(f.prev).next = f.next; else root().openFiles = f.next;
  if (f.next) changetype<DiskFile>(f.next).prev = f.prev;
  f.listed = 0;
}

/**
 * The last handle closed: the open's share access is released (NT's IRP_MJ_CLEANUP). A delete-on-close
 * open makes its path delete pending now; a delete-pending path whose last open this was is queued
 * for the host to remove (the object lives on, referenced by Root.fileReaps).
 */
export function diskFileClosed(f: DiskFile): void {
  fileUnlink(f);
  if (f.fflags & FILE_FIND) return;
  if (f.fflags & FILE_DELETE_ON_CLOSE) {
    f.fflags |= FILE_DELETE_PENDING;
    markDeletePending(f.path, f.pathLen);
  }
  if ((f.fflags & FILE_DELETE_PENDING) && !isOpen(f.path, f.pathLen)) {
    f.refs++; // the list's
    reapLink(f);
  }
}

export function diskFileDestroy(f: DiskFile): void {
  fileUnlink(f);
  stringFree(f.path, f.pathLen);
  stringFree(f.pat, f.patLen);
}
