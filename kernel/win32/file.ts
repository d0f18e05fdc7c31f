// The kernel half of the file calls (host/syscalls/files.ts calls these; they are not in the syscall
// table, so guests cannot import them). Each sets the thread's last-error when it fails.
import { result } from "../lib/tls";
import { ntSuccess } from "../nt/status";
import {
  ntFileAddPos, ntFileBusy, ntFileOpen, ntFileQuery, ntFileRenameOpen, ntFileSetPos, ntFileShareCheck, ntGetCurrentDirectory,
  ntSetCurrentDirectory, ntFileDelete, ntFileReapDone, ntFileReapTake, ntFileSetDeleteOnClose,
} from "../nt/file";
import { failStatus } from "./result";
import { SetLastError } from "./lasterror";
import { ERROR_SUCCESS, STATUS_INVALID_HANDLE, TYPE_CONSOLE, TYPE_FILE } from "../generated/abi";
import { enter, leave } from "../lib/lock";
import { handleObject } from "../ob/handle";
import { DiskFile, FILE_DIRECTORY, FILE_KIND_DISK, reapsAddr } from "../objects/file";
import { Console, consolePiped } from "../objects/console";

function check(st: u32): u32 {
  if (!ntSuccess(st)) failStatus(st);
  return st;
}

/** A handle to a new file object for root-relative `path` (0 with the last-error set on failure). */
export function ntw_file_open(path: usize, pathLen: u32, pat: usize, patLen: u32, access: u32, share: u32, fflags: u32,
  inherit: i32): u32 {
  const st = ntFileOpen(path, pathLen, pat, patLen, access, share, fflags, inherit != 0);
  if (!ntSuccess(st)) { failStatus(st); return 0; }
  SetLastError(ERROR_SUCCESS);
  return <u32>result;
}

/** The state of the disk file behind `h` at `out` (see ntFileQuery); the status. */
export function ntw_file_query(h: u32, out: usize, max: u32): u32 { return check(ntFileQuery(h, out, max)); }

export function ntw_file_set_pos(h: u32, lo: u32, hi: u32): u32 {
  return check(ntFileSetPos(h, (<u64>hi << 32) | <u64>lo));
}

/** Adds the signed 64-bit `hi:lo` to `h`'s position; the old position goes to `out` (u64). */
export function ntw_file_add_pos(h: u32, lo: u32, hi: u32, out: usize): u32 {
  return check(ntFileAddPos(h, <i64>((<u64>hi << 32) | <u64>lo), out));
}

export function ntw_file_rename_open(from: usize, fromLen: u32, to: usize, toLen: u32): u32 {
  return check(ntFileRenameOpen(from, fromLen, to, toLen));
}

export function ntw_file_busy(p: usize, len: u32): i32 { return ntFileBusy(p, len) ? 1 : 0; }

export function ntw_file_share_check(p: usize, len: u32, access: u32, share: u32): u32 {
  return check(ntFileShareCheck(p, len, access, share));
}

/**
 * DeleteFileW's and RemoveDirectoryW's (`dir`) kernel half (see ntFileDelete): 0 with the last-error
 * set when refused, 1 when the path is open (it goes with its last handle), else a claimed
 * Root.fileReaps entry for the host to remove now and hand back with ntw_file_reap_done.
 */
export function ntw_file_delete(p: usize, len: u32, dir: i32): usize {
  const st = ntFileDelete(p, len, dir != 0);
  if (!ntSuccess(st)) { failStatus(st); return 0; }
  return result;
}

/** CreateFileW with FILE_FLAG_DELETE_ON_CLOSE, once the file exists: the handle's open deletes it at its last close. */
export function ntw_file_delete_on_close(h: u32): u32 { return check(ntFileSetDeleteOnClose(h)); }

/** The address of Root.fileReaps, the head of the queue of paths to remove (0: empty); notified at every change. */
export function ntw_file_reaps(): usize { return reapsAddr(); }

/** Claims a queued path to remove: the entry, 0 when none is queued, 1 when others are removing them all (`force`: take one anyway). */
export function ntw_file_reap_take(force: i32): usize { return ntFileReapTake(force != 0); }

/** Copies a claimed entry's root-relative path (UTF-16, ntw_file_reap_len chars) to `out`. */
export function ntw_file_reap_name(e: usize, out: usize): void {
  const f = changetype<DiskFile>(e);
  if (f.pathLen) memory.copy(out, f.path, <usize>f.pathLen << 1);
}

/** A claimed entry's path length in chars, with bit 31 set for a directory. */
export function ntw_file_reap_len(e: usize): u32 {
  const f = changetype<DiskFile>(e);
  return f.pathLen | (f.fflags & FILE_DIRECTORY ? 0x80000000 : 0);
}

/** The host is done with claimed entry `e` (its path removed, or not removable): it leaves the queue. */
export function ntw_file_reap_done(e: usize): void { ntFileReapDone(e); }

/** Sets the current directory of process record `proc` (0: the caller's). */
export function ntw_cwd_set(proc: usize, s: usize, len: u32): u32 { return check(ntSetCurrentDirectory(proc, s, len)); }

/** The caller's current directory: its length in chars, copied to `out` when it fits in `max` (0: C:\). */
export function ntw_cwd_get(out: usize, max: u32): u32 { return ntGetCurrentDirectory(out, max); }

/**
 * GetFileType: FILE_TYPE_DISK for a disk file or directory, FILE_TYPE_PIPE for a pipe end,
 * FILE_TYPE_CHAR for a console; FILE_TYPE_UNKNOWN with ERROR_INVALID_HANDLE for anything else.
 */
export function GetFileType(hFile: u32): u32 {
  enter();
  const o = handleObject(hFile, 0, 0, false);
  let type: u32 = 0; // FILE_TYPE_UNKNOWN
  if (o && o.type == TYPE_CONSOLE) type = consolePiped(changetype<Console>(o)) ? 3 : 2; // FILE_TYPE_PIPE : FILE_TYPE_CHAR
  else if (o && o.type == TYPE_FILE) type = changetype<DiskFile>(o).kind == FILE_KIND_DISK ? 1 : 3; // DISK : PIPE
  leave();
  if (!type) { failStatus(STATUS_INVALID_HANDLE); return 0; }
  SetLastError(ERROR_SUCCESS);
  return type;
}
