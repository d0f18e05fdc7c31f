// Disk files: File objects of kind FILE_KIND_DISK (a pipe end is the other kind, objects/pipe.ts).
// The kernel never does file I/O: the host resolves the Windows path, reads and writes the host file
// (host/files/). The object holds what threads and processes share through their handles: the
// resolved path relative to the root (the host's spelling, '/'-separated), the granted access, the
// share mode and the current position. Every open disk file is on one list (Root.openFiles), which is
// where share modes are checked, across all processes, under the kernel lock.
//
// A search handle (FindFirstFileW) is a File of the same kind with FILE_FIND: its path is the
// directory, `pat` the pattern and `pos` the index of the next entry.
import { kalloc, kfree } from "../lib/alloc";
import { root } from "../lib/root";
import { ObjectHeader } from "../ob/object";
import {
  DELETE, FILE_APPEND_DATA, FILE_READ_DATA, FILE_SHARE_DELETE, FILE_SHARE_READ, FILE_SHARE_WRITE, FILE_WRITE_DATA,
} from "../generated/abi";

/** File.kind of a disk file or directory (objects/pipe.ts FILE_KIND_PIPE is 1). */
export const FILE_KIND_DISK: u32 = 2;

/** DiskFile.fflags */
export const FILE_DIRECTORY: u32 = 1; // a directory opened with FILE_FLAG_BACKUP_SEMANTICS
export const FILE_FIND: u32 = 2; // a FindFirstFileW search handle (takes no part in share checks)

const FILE_EXECUTE: u32 = 0x20;
const READ_RIGHTS: u32 = FILE_READ_DATA | FILE_EXECUTE;
const WRITE_RIGHTS: u32 = FILE_WRITE_DATA | FILE_APPEND_DATA;
/** Rights that take part in share checks (IoCheckShareAccess): opens with none of them never conflict. */
const DATA_RIGHTS: u32 = READ_RIGHTS | WRITE_RIGHTS | DELETE;

@unmanaged
export class DiskFile extends ObjectHeader {
  kind: u32; // FILE_KIND_DISK (every File object starts with its kind)
  fflags: u32; // FILE_DIRECTORY, FILE_FIND
  access: u32; // rights granted at open (the share check's side of it)
  share: u32; // FILE_SHARE_*
  pos: u64; // current position (search handles: index of the next entry)
  path: usize; // UTF-16, root-relative, as resolved by the host
  pathLen: u32; // chars
  pat: usize; // search pattern (FILE_FIND), UTF-16
  patLen: u32;
  next: usize; // Root.openFiles list while open (until the last handle closes)
  prev: usize;
  listed: u32;
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

/** Is a file open at `p` or below it (a directory that cannot be renamed or removed)? Lock held. */
export function openBelow(p: usize, len: u32): bool {
  for (let o = root().openFiles; o; o = changetype<DiskFile>(o).next) {
    const f = changetype<DiskFile>(o);
    if (f.pathLen < len || memory.compare(f.path, p, <usize>len << 1) != 0) continue;
    if (f.pathLen == len || load<u16>(f.path + (<usize>len << 1)) == 0x2f) return true;
  }
  return false;
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

/** The last handle closed: the open's share access is released (NT's IRP_MJ_CLEANUP). */
export function diskFileClosed(f: DiskFile): void { fileUnlink(f); }

export function diskFileDestroy(f: DiskFile): void {
  fileUnlink(f);
  stringFree(f.path, f.pathLen);
  stringFree(f.pat, f.patLen);
}
