// The kernel half of the file calls (host/syscalls/files.ts calls these; they are not in the syscall
// table, so guests cannot import them). Each sets the thread's last-error when it fails.
import { result } from "../lib/tls";
import { ntSuccess } from "../nt/status";
import {
  ntFileAddPos, ntFileBusy, ntFileOpen, ntFileQuery, ntFileRenameOpen, ntFileSetPos, ntFileShareCheck, ntGetCurrentDirectory,
  ntSetCurrentDirectory,
} from "../nt/file";
import { failStatus } from "./result";
import { SetLastError } from "./lasterror";
import { ERROR_SUCCESS, STATUS_INVALID_HANDLE, TYPE_CONSOLE, TYPE_FILE } from "../generated/abi";
import { enter, leave } from "../lib/lock";
import { handleObject } from "../ob/handle";
import { DiskFile, FILE_KIND_DISK } from "../objects/file";

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
  if (o && o.type == TYPE_CONSOLE) type = 2; // FILE_TYPE_CHAR
  else if (o && o.type == TYPE_FILE) type = changetype<DiskFile>(o).kind == FILE_KIND_DISK ? 1 : 3; // DISK : PIPE
  leave();
  if (!type) { failStatus(STATUS_INVALID_HANDLE); return 0; }
  SetLastError(ERROR_SUCCESS);
  return type;
}
