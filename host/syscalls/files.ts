// The file calls: Windows paths → the backend (host/files/), file objects → the kernel
// (kernel/win32/file.ts). A call runs in the calling thread's worker and does its I/O synchronously:
//
//   1. the guest's path is made full against the process's current directory and checked
//      (host/files/path.ts: nothing may name a place outside the root);
//   2. it is resolved case-insensitively against the backend (host/files/resolve.ts);
//   3. the kernel opens the file object: share modes are checked there, across every process;
//   4. the backend does the I/O on the resolved path; the position lives in the kernel object, so
//      duplicated and inherited handles share it.
//
// CreateFileW/A, ReadFile and WriteFile come here from host/syscalls/file-io.ts, which keeps the pipe
// and console cases.
import { decodeUtf16, decodeUtf8, type CallContext } from "../call-context.ts";
import type { KernelExports } from "../kernel-exports.ts";
import { FsError, type FileBackend, type FileStat } from "../files/backend.ts";
import { cwdParts, parseWinPath, upcase, wildcardMatch, winPath } from "../files/path.ts";
import { join, resolve } from "../files/resolve.ts";
import { fileReaper, type ReapExports } from "../files/reaper.ts";
import {
  CREATE_ALWAYS, CREATE_NEW, DELETE, ERROR_ACCESS_DENIED, ERROR_ALREADY_EXISTS, ERROR_DIR_NOT_EMPTY, ERROR_DIRECTORY,
  ERROR_FILE_EXISTS, ERROR_FILE_NOT_FOUND, ERROR_FILENAME_EXCED_RANGE, ERROR_GEN_FAILURE, ERROR_INVALID_FUNCTION,
  ERROR_INVALID_HANDLE, ERROR_INVALID_NAME, ERROR_INVALID_PARAMETER, ERROR_NEGATIVE_SEEK, ERROR_NO_MORE_FILES, ERROR_PATH_NOT_FOUND,
  ERROR_SUCCESS, FILE_APPEND_DATA, FILE_ATTRIBUTE_ARCHIVE, FILE_ATTRIBUTE_DIRECTORY, FILE_ATTRIBUTE_READONLY,
  FILE_FLAG_BACKUP_SEMANTICS, FILE_FLAG_DELETE_ON_CLOSE, FILE_FLAG_OVERLAPPED, FILE_READ_DATA, FILE_SHARE_DELETE, FILE_SHARE_READ, FILE_SHARE_WRITE, FILE_WRITE_DATA,
  GENERIC_WRITE, MOVEFILE_REPLACE_EXISTING, OPEN_ALWAYS, OPEN_EXISTING, STATUS_SUCCESS, TRUNCATE_EXISTING,
} from "../generated/abi.ts";

/** The kernel's file exports (kernel/win32/file.ts), next to the generated ones. */
interface FileExports extends ReapExports {
  ntw_file_delete(p: number, len: number, dir: number): number;
  ntw_file_delete_on_close(h: number): number;
  ntw_file_open(path: number, pathLen: number, pat: number, patLen: number, access: number, share: number, fflags: number,
    inherit: number): number;
  ntw_file_query(h: number, out: number, max: number): number;
  ntw_file_set_pos(h: number, lo: number, hi: number): number;
  ntw_file_add_pos(h: number, lo: number, hi: number, out: number): number;
  ntw_file_rename_open(from: number, fromLen: number, to: number, toLen: number): number;
  ntw_file_busy(p: number, len: number): number;
  ntw_file_share_check(p: number, len: number, access: number, share: number): number;
  ntw_cwd_set(proc: number, s: number, len: number): number;
  ntw_cwd_get(out: number, max: number): number;
  ntw_io_target(h: number): number;
  ntw_pipe_flush(h: number): number;
}

/** kernel/win32/pipe.ts ntw_io_target: a pipe end. */
const IO_PIPE = 16;

/** kernel/objects/file.ts fflags */
const FILE_DIRECTORY = 1, FILE_FIND = 2, FILE_DELETE_ON_CLOSE = 8;
/** kernel/objects/file.ts FILE_OPEN_SYNC_IO: an open without FILE_FLAG_OVERLAPPED, for synchronous I/O. */
const FILE_OPEN_SYNC_IO = 4;
const INVALID = 0xffffffff;
const ERROR_DISK_FULL = 112;
const SHARE_ALL = FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE;
/** WIN32_FIND_DATAW (32-bit): 592 bytes, cFileName at 44. */
const FIND_DATA_SIZE = 592, FIND_NAME = 44;
const SCRATCH_MAX = 0x14000 - 64;

/** A disk file object as the kernel reports it. */
interface FileInfo { pos: number; pos64: bigint; fflags: number; access: number; path: string; pat: string }

/** ReadFile/WriteFile on disk files, for host/syscalls/file-io.ts. */
export interface DiskIo {
  /**
   * ReadFile at the file pointer, or at `at` (an OVERLAPPED offset); the pointer ends after the data
   * (at an offset only when `movePointer`, as for a handle opened for synchronous I/O).
   */
  read(h: number, buf: number, n: number, lpRead: number, at?: number, movePointer?: boolean): number;
  /** WriteFile at the file pointer (the end for append-only handles), or at `at` (-1: the end, as NtWriteFile's FILE_WRITE_TO_END_OF_FILE). */
  write(h: number, buf: number, n: number, lpWritten: number, at?: number, movePointer?: boolean): number;
  /** CreateFileW/A for every path that is not \\.\pipe\…: `name` is the decoded guest string. */
  create(name: string, access: number, share: number, inherit: number, disposition: number, flags: number): number;
}

/** The Win32 error for a backend failure. */
function fsError(e: unknown, notFound = ERROR_FILE_NOT_FOUND): number {
  if (!(e instanceof FsError)) return ERROR_GEN_FAILURE;
  switch (e.code) {
    case "ENOENT": return notFound;
    case "EEXIST": return ERROR_ALREADY_EXISTS;
    case "ENOTDIR": return ERROR_PATH_NOT_FOUND;
    case "ENOTEMPTY": return ERROR_DIR_NOT_EMPTY;
    case "ENOSPC": return ERROR_DISK_FULL;
    case "ENAMETOOLONG": return ERROR_FILENAME_EXCED_RANGE;
    case "EIO": return ERROR_GEN_FAILURE;
    default: return ERROR_ACCESS_DENIED; // EACCES, EISDIR, ESCAPE
  }
}

/** FILETIME (100 ns since 1601) of a time in ms since 1970, as [low, high]. */
function fileTime(ms: number): [number, number] {
  const t = BigInt(Math.round((ms + 11644473600000) * 10000));
  return [Number(t & 0xffffffffn), Number(t >> 32n)];
}

/** The volume serial number of C:\ (any fixed value: programs compare it with the index to spot one file). */
const VOLUME_SERIAL = 0x4e545741;

/** A file index for `path` (root-relative, case-folded as the namespace is): two 32-bit hashes of it. */
function fileIndex(path: string): [number, number] {
  let a = 0x811c9dc5, b = 0x01000193;
  for (const ch of path.toLowerCase()) {
    const c = ch.codePointAt(0)!;
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b + c, 0x9e3779b1) >>> 0;
  }
  return [a, b & 0x7fffffff];
}

function attributes(s: FileStat): number {
  return (s.dir ? FILE_ATTRIBUTE_DIRECTORY : FILE_ATTRIBUTE_ARCHIVE) | (s.readonly ? FILE_ATTRIBUTE_READONLY : 0);
}

export function fileSyscalls(kernel: KernelExports, c: CallContext, backend: FileBackend) {
  const k = kernel as KernelExports & FileExports;
  // every backend call first removes the files whose last handle closed (host/files/reaper.ts)
  const reaper = fileReaper(k, () => c.kernel(), c.scratch, backend, true);
  const fs = reaper.fs;

  /** Fails the call with `error`: returns `value`. */
  const fail = <T>(value: T, error: number): T => c.fault(value, error);

  /** A NUL-terminated guest string; undefined when unreadable, null for NULL. */
  function guestString(p: number, wide: boolean): string | null | undefined {
    if (!p) return null;
    p >>>= 0; // a pointer above 2 GiB arrives as a negative i32
    const g = c.guestFresh();
    if (p >= g.length) return undefined;
    let end = p;
    if (wide) { if (p & 1) return undefined; while (end + 1 < g.length && (g[end] | g[end + 1])) end += 2; }
    else { while (end < g.length && g[end]) end++; }
    if (end >= g.length - (wide ? 1 : 0)) return undefined;
    return wide ? decodeUtf16(g, p, (end - p) >> 1) : decodeUtf8(g, p, end);
  }

  /** Writes `s` as UTF-16 into kernel memory at `at`; returns its length. */
  function kput(s: string, at: number): number {
    const v = new DataView(c.kernel().buffer);
    for (let i = 0; i < s.length; i++) v.setUint16(at + 2 * i, s.charCodeAt(i), true);
    return s.length;
  }

  function cwd(): string {
    const len = k.ntw_cwd_get(c.scratch, SCRATCH_MAX >> 1);
    return len ? decodeUtf16(c.kernel(), c.scratch, len) : "C:\\";
  }

  /** Guest path (or a path the host decoded: see `host` below) → root-relative parts; null after failing the call. */
  function parse(p: number | string, pattern = false): string[] | null {
    const s = typeof p === "string" ? p : guestString(p, true);
    if (s === undefined) { c.fault(0); return null; }
    if (s === null) { fail(0, ERROR_PATH_NOT_FOUND); return null; }
    return parseString(s, pattern);
  }
  function parseString(s: string, pattern = false): string[] | null {
    const r = parseWinPath(s, cwdParts(cwd()), pattern);
    if ("error" in r) { fail(0, r.error); return null; }
    return r.parts;
  }

  /** Resolved path of existing directories; null after failing the call with ERROR_PATH_NOT_FOUND. */
  function lookup(parts: string[]) {
    let r;
    try { r = resolve(fs, parts); } catch (e) { fail(0, fsError(e, ERROR_PATH_NOT_FOUND)); return null; }
    if (!r.ok) { fail(0, ERROR_PATH_NOT_FOUND); return null; }
    return r;
  }

  /** A kernel file object for `rel`: the handle, or 0 with the last-error set. */
  function kopen(rel: string, access: number, share: number, fflags: number, inherit: number, pat = ""): number {
    const a = c.scratch, n = kput(rel, a);
    const b = a + ((2 * n + 7) & ~7), m = kput(pat, b);
    return k.ntw_file_open(a, n, b, m, access >>> 0, share >>> 0, fflags, inherit);
  }

  /** Would an open of `rel` with `access` and `share` be refused by an open file? Fails the call if so. */
  function shareOk(rel: string, access: number, share: number): boolean {
    const n = kput(rel, c.scratch);
    return k.ntw_file_share_check(c.scratch, n, access >>> 0, share) === 0;
  }

  /** Is `rel` free of a pending deletion (or a directory above it that is)? Fails the call with ERROR_ACCESS_DENIED if not. */
  function notPending(rel: string): boolean { return shareOk(rel, 0, SHARE_ALL); }

  /**
   * DeleteFileW / RemoveDirectoryW of `rel` once checked: the kernel refuses a delete-pending path or an
   * open that does not share delete; an open path becomes delete pending and goes with its last
   * handle; otherwise it goes now.
   */
  function remove(rel: string, dir: boolean): number {
    const e = k.ntw_file_delete(c.scratch, kput(rel, c.scratch), dir ? 1 : 0) >>> 0;
    if (!e) return 0;
    if (e !== 1) {
      try { reaper.remove(e); } catch (err) { return fail(0, fsError(err)); }
    }
    k.SetLastError(ERROR_SUCCESS);
    return 1;
  }

  function busy(rel: string): boolean {
    const n = kput(rel, c.scratch);
    return k.ntw_file_busy(c.scratch, n) !== 0;
  }

  /** The disk file behind `h`, or null with the last-error set (ERROR_INVALID_HANDLE). */
  function query(h: number): FileInfo | null {
    if (k.ntw_file_query(h, c.scratch, SCRATCH_MAX) !== 0) return null;
    const v = new DataView(c.kernel().buffer), s = c.scratch;
    const pathLen = v.getUint32(s + 16, true), patLen = v.getUint32(s + 20, true);
    return {
      pos: v.getUint32(s, true) + v.getUint32(s + 4, true) * 2 ** 32, pos64: v.getBigUint64(s, true),
      fflags: v.getUint32(s + 8, true), access: v.getUint32(s + 12, true),
      path: decodeUtf16(c.kernel(), s + 32, pathLen), pat: decodeUtf16(c.kernel(), s + 32 + 2 * pathLen, patLen),
    };
  }

  function setPos(h: number, pos: number | bigint): void {
    const p = BigInt(pos);
    k.ntw_file_set_pos(h, Number(p & 0xffffffffn), Number(p >> 32n));
  }

  /** Moves `h`'s position by `delta` in one kernel step; the position before, or null (last-error set). */
  function addPos(h: number, delta: number): number | null {
    const d = BigInt.asUintN(64, BigInt(delta));
    if (k.ntw_file_add_pos(h, Number(d & 0xffffffffn), Number(d >> 32n), c.scratch) !== 0) return null;
    const v = new DataView(c.kernel().buffer);
    return v.getUint32(c.scratch, true) + v.getUint32(c.scratch + 4, true) * 2 ** 32;
  }

  /** A plain file handle (not a directory or search handle) with one of the rights in `need`. */
  function dataFile(h: number, need: number): FileInfo | null {
    const f = query(h);
    if (!f) return null;
    if (f.fflags & FILE_FIND) return fail(null, ERROR_INVALID_HANDLE);
    if (f.fflags & FILE_DIRECTORY) return fail(null, ERROR_INVALID_FUNCTION);
    if (need && !(f.access & need)) return fail(null, ERROR_ACCESS_DENIED);
    return f;
  }

  function size(f: FileInfo): number | null {
    try { return fs.stat(f.path)?.size ?? fail(null, ERROR_FILE_NOT_FOUND); } catch (e) { return fail(null, fsError(e)); }
  }

  // ---------- CreateFileW ----------

  function create(name: string, access: number, share: number, inherit: number, disposition: number, flags: number): number {
    access >>>= 0;
    if (disposition < CREATE_NEW || disposition > TRUNCATE_EXISTING) return fail(INVALID, ERROR_INVALID_PARAMETER);
    const parts = parseString(name);
    if (!parts) return INVALID;
    const r = lookup(parts);
    if (!r) return INVALID;
    const st = r.stat;
    // kernel32 asks for DELETE with FILE_FLAG_DELETE_ON_CLOSE, so the open shares as a deleter
    const deleteOnClose = (flags & FILE_FLAG_DELETE_ON_CLOSE) !== 0;
    if (deleteOnClose) access = (access | DELETE) >>> 0;
    if (st && !notPending(r.rel)) return INVALID; // a delete-pending file refuses every open (ERROR_ACCESS_DENIED)
    if (st && disposition === CREATE_NEW) return fail(INVALID, ERROR_FILE_EXISTS);
    if (!st && (disposition === OPEN_EXISTING || disposition === TRUNCATE_EXISTING)) return fail(INVALID, ERROR_FILE_NOT_FOUND);
    if (disposition === TRUNCATE_EXISTING && !(access & (GENERIC_WRITE | FILE_WRITE_DATA))) return fail(INVALID, ERROR_INVALID_PARAMETER);
    if (st?.dir) {
      if (!(flags & FILE_FLAG_BACKUP_SEMANTICS) || (disposition !== OPEN_EXISTING && disposition !== OPEN_ALWAYS)) {
        return fail(INVALID, ERROR_ACCESS_DENIED);
      }
      if (deleteOnClose && !parts.length) return fail(INVALID, ERROR_ACCESS_DENIED); // C:\ itself
      const h = k.ntw_file_open(c.scratch, kput(r.rel, c.scratch), 0, 0, access, share,
        FILE_DIRECTORY | (flags & FILE_FLAG_OVERLAPPED ? 0 : FILE_OPEN_SYNC_IO) | (deleteOnClose ? FILE_DELETE_ON_CLOSE : 0), inherit);
      if (h && disposition === OPEN_ALWAYS) k.SetLastError(ERROR_ALREADY_EXISTS);
      return h || INVALID;
    }
    if (st?.readonly && (access & (GENERIC_WRITE | FILE_WRITE_DATA | FILE_APPEND_DATA | DELETE) || disposition === CREATE_ALWAYS)) {
      return fail(INVALID, ERROR_ACCESS_DENIED);
    }
    const h = kopen(r.rel, access, share, flags & FILE_FLAG_OVERLAPPED ? 0 : FILE_OPEN_SYNC_IO, inherit);
    if (!h) return INVALID; // sharing violation, bad access mask: the kernel set the last-error
    try {
      if (disposition === CREATE_NEW) fs.create(r.rel, true, false);
      else if (disposition === CREATE_ALWAYS) fs.create(r.rel, false, true);
      else if (disposition === OPEN_ALWAYS) fs.create(r.rel, false, false);
      else if (disposition === TRUNCATE_EXISTING) fs.truncate(r.rel, 0);
    } catch (e) {
      k.CloseHandle(h);
      const err = e instanceof FsError && e.code === "EEXIST" ? ERROR_FILE_EXISTS : fsError(e);
      return fail(INVALID, err);
    }
    if (deleteOnClose) k.ntw_file_delete_on_close(h); // only now: a failed create must not delete what is there
    k.SetLastError(st && (disposition === CREATE_ALWAYS || disposition === OPEN_ALWAYS) ? ERROR_ALREADY_EXISTS : ERROR_SUCCESS);
    return h;
  }

  // ---------- ReadFile / WriteFile ----------

  // At the file pointer, a read or write first reserves its range by moving the pointer in one kernel
  // step (addPos), so threads sharing a file object never get the same bytes or write over each other;
  // a short read gives back what it did not use.

  function read(h: number, buf: number, n: number, lpRead: number, at?: number, movePointer = true): number {
    const f = dataFile(h, FILE_READ_DATA);
    if (!f) return 0;
    const pos = at ?? addPos(h, n);
    if (pos === null) return 0;
    let got: number;
    try { got = n ? fs.read(f.path, pos, c.guestFresh().subarray(buf, buf + n)) : 0; } catch (e) {
      if (at === undefined) addPos(h, -n);
      return fail(0, fsError(e));
    }
    if (at !== undefined) { if (movePointer) setPos(h, at + got); }
    else if (got < n) addPos(h, got - n);
    if (lpRead) c.guestU32(lpRead, got);
    k.SetLastError(ERROR_SUCCESS);
    return 1;
  }

  function write(h: number, buf: number, n: number, lpWritten: number, at?: number, movePointer = true): number {
    const f = dataFile(h, FILE_WRITE_DATA | FILE_APPEND_DATA);
    if (!f) return 0;
    const data = c.guestFresh().slice(buf, buf + n);
    if (!(f.access & FILE_WRITE_DATA) || at === -1) { // append only, or at -1: at the end, wherever the pointer is
      let end: number;
      try { end = fs.append(f.path, data); } catch (e) { return fail(0, fsError(e)); }
      if (movePointer) setPos(h, end + n);
    } else {
      const pos = at ?? addPos(h, n);
      if (pos === null) return 0;
      try { if (n) fs.write(f.path, pos, data); } catch (e) {
        if (at === undefined) addPos(h, -n);
        return fail(0, fsError(e));
      }
      if (at !== undefined && movePointer) setPos(h, at + n);
    }
    if (lpWritten) c.guestU32(lpWritten, n);
    k.SetLastError(ERROR_SUCCESS);
    return 1;
  }

  // ---------- positions and sizes ----------

  /** SetFilePointerEx: the new position (a signed 64-bit sum, as Windows computes it), or null. */
  function seek(h: number, dist: bigint, method: number): bigint | null {
    const f = query(h);
    if (!f) return null;
    if (f.fflags & FILE_FIND) return fail(null, ERROR_INVALID_HANDLE);
    let base: bigint;
    if (method === 0) base = 0n;
    else if (method === 1) base = f.pos64;
    else if (method === 2) { const s = size(f); if (s === null) return null; base = BigInt(s); }
    else return fail(null, ERROR_INVALID_PARAMETER);
    const pos = BigInt.asIntN(64, base + dist);
    if (pos < 0n) return fail(null, ERROR_NEGATIVE_SEEK);
    setPos(h, pos);
    return pos;
  }

  // ---------- FindFirstFileW / FindNextFileW ----------

  /** The matches of a search, in a stable order: "." and ".." first, then by upper-cased name. */
  function matches(dir: string, pat: string): { name: string; stat: FileStat }[] {
    const out: { name: string; stat: FileStat }[] = [];
    const self = fs.stat(dir);
    if (!self) return out;
    if (dir) {
      const up = dir.includes("/") ? dir.slice(0, dir.lastIndexOf("/")) : "";
      for (const [n, p] of [[".", dir], ["..", up]] as const) {
        const s = fs.stat(p);
        if (s && wildcardMatch(pat, n)) out.push({ name: n, stat: s });
      }
    }
    const names = fs.list(dir).filter((n) => wildcardMatch(pat, n)).sort((a, b) => {
      const x = upcase(a), y = upcase(b);
      return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
    });
    for (const n of names) {
      let s: FileStat | null;
      try { s = fs.stat(join(dir, n)); } catch { continue; } // a link out of the root is not listed
      if (s) out.push({ name: n, stat: s });
    }
    return out;
  }

  function fillFindData(p: number, e: { name: string; stat: FileStat }): void {
    const g = c.guestFresh();
    g.fill(0, p, p + FIND_DATA_SIZE);
    const v = c.guestView(), s = e.stat;
    v.setUint32(p, attributes(s), true);
    const times = [s.birthtimeMs, s.atimeMs, s.mtimeMs];
    times.forEach((ms, i) => { const [lo, hi] = fileTime(ms); v.setUint32(p + 4 + 8 * i, lo, true); v.setUint32(p + 8 + 8 * i, hi, true); });
    v.setUint32(p + 28, Math.floor(s.size / 2 ** 32), true);
    v.setUint32(p + 32, s.size % 2 ** 32, true);
    const name = e.name.slice(0, 259);
    for (let i = 0; i < name.length; i++) v.setUint16(p + FIND_NAME + 2 * i, name.charCodeAt(i), true);
  }

  const syscalls = {
    SetFilePointer(h: number, lo: number, lpHigh: number, method: number): number {
      if (lpHigh && !c.inGuest(lpHigh, 4)) return c.fault(INVALID);
      const dist = lpHigh ? (BigInt(c.guestView().getInt32(lpHigh, true)) << 32n) | BigInt(lo >>> 0) : BigInt(lo | 0);
      const pos = seek(h, dist, method >>> 0);
      if (pos === null) return INVALID;
      const low = Number(pos & 0xffffffffn);
      if (lpHigh) c.guestView().setUint32(lpHigh, Number(pos >> 32n), true);
      if (low === INVALID) k.SetLastError(ERROR_SUCCESS); // so a caller can tell it from a failure
      return low;
    },
    SetFilePointerEx(h: number, pDist: number, lpNew: number, method: number): number {
      if (!pDist || !c.inGuest(pDist, 8) || (lpNew && !c.inGuest(lpNew, 8))) return c.fault(0);
      const pos = seek(h, c.guestView().getBigInt64(pDist, true), method >>> 0);
      if (pos === null) return 0;
      if (lpNew) c.guestView().setBigInt64(lpNew, pos, true);
      return 1;
    },
    GetFileSize(h: number, lpHigh: number): number {
      if (lpHigh && !c.inGuest(lpHigh, 4)) return c.fault(INVALID);
      const f = dataFile(h, 0);
      const s = f && size(f);
      if (s === null) return INVALID;
      if (lpHigh) c.guestU32(lpHigh, Math.floor(s / 2 ** 32));
      k.SetLastError(ERROR_SUCCESS);
      return s % 2 ** 32;
    },
    GetFileSizeEx(h: number, lpSize: number): number {
      if (!lpSize || !c.inGuest(lpSize, 8)) return c.fault(0);
      const f = dataFile(h, 0);
      const s = f && size(f);
      if (s === null) return 0;
      c.guestView().setBigInt64(lpSize, BigInt(s), true);
      return 1;
    },
    SetEndOfFile(h: number): number {
      const f = dataFile(h, FILE_WRITE_DATA);
      if (!f) return 0;
      try { fs.truncate(f.path, f.pos); } catch (e) { return fail(0, fsError(e)); }
      return 1;
    },
    FlushFileBuffers(h: number): number {
      // a pipe end waits in the kernel until its peer has read what it wrote
      if (k.ntw_io_target(h) === IO_PIPE) return k.ntw_pipe_flush(h);
      return dataFile(h, FILE_WRITE_DATA | FILE_APPEND_DATA) ? 1 : 0; // every write is already on the backend
    },
    DeleteFileW(lpFileName: number | string): number {
      const parts = parse(lpFileName);
      const r = parts && lookup(parts);
      if (!r) return 0;
      if (!r.stat) return fail(0, ERROR_FILE_NOT_FOUND);
      if (r.stat.dir || r.stat.readonly) return fail(0, ERROR_ACCESS_DENIED);
      return remove(r.rel, false);
    },
    MoveFileW(from: number, to: number): number { return syscalls.MoveFileExW(from, to, 0); },
    MoveFileExW(from: number | string, to: number | string, flags: number): number {
      const sp = parse(from);
      const src = sp && lookup(sp);
      if (!src) return 0;
      const dp = parse(to);
      const dst = dp && lookup(dp);
      if (!dst) return 0;
      if (!src.stat) return fail(0, ERROR_FILE_NOT_FOUND);
      if (!sp!.length || !dp!.length) return fail(0, ERROR_ACCESS_DENIED);
      const sameName = upcase(src.rel) === upcase(dst.rel); // a change of case only
      if (dst.stat && !sameName) {
        if (!(flags & MOVEFILE_REPLACE_EXISTING) || dst.stat.dir || src.stat.dir) return fail(0, ERROR_ALREADY_EXISTS);
        if (dst.stat.readonly) return fail(0, ERROR_ACCESS_DENIED);
        if (!shareOk(dst.rel, DELETE, SHARE_ALL)) return 0;
      }
      if (src.stat.dir && (upcase(dst.rel) + "/").startsWith(upcase(src.rel) + "/") && !sameName) return fail(0, ERROR_ACCESS_DENIED);
      if (!shareOk(src.rel, DELETE, SHARE_ALL)) return 0;
      if (src.stat.dir && busy(src.rel)) return fail(0, ERROR_ACCESS_DENIED);
      const target = sameName ? join(src.parent, dst.name === src.name ? dp![dp!.length - 1] : dst.name) : dst.rel;
      try { fs.rename(src.rel, target); } catch (e) { return fail(0, fsError(e)); }
      const a = c.scratch, n = kput(src.rel, a), b = a + ((2 * n + 7) & ~7), m = kput(target, b);
      if (k.ntw_file_rename_open(a, n, b, m) >>> 0 !== STATUS_SUCCESS) { // no kernel memory for the open files' new paths: undone
        try { fs.rename(target, src.rel); } catch { /* it stays moved; the error says the call failed */ }
        return 0;
      }
      k.SetLastError(ERROR_SUCCESS);
      return 1;
    },
    CopyFileW(from: number, to: number, failIfExists: number): number {
      const sp = parse(from);
      const src = sp && lookup(sp);
      if (!src) return 0;
      const dp = parse(to);
      const dst = dp && lookup(dp);
      if (!dst) return 0;
      if (!src.stat) return fail(0, ERROR_FILE_NOT_FOUND);
      if (src.stat.dir) return fail(0, ERROR_ACCESS_DENIED);
      if (dst.stat && failIfExists) return fail(0, ERROR_FILE_EXISTS);
      if (dst.stat && (dst.stat.dir || dst.stat.readonly)) return fail(0, ERROR_ACCESS_DENIED);
      if (upcase(src.rel) === upcase(dst.rel)) return fail(0, 32 /* ERROR_SHARING_VIOLATION */);
      // opened as Windows opens them (Wine's kernel32 tests record which opens CopyFile tolerates): the
      // source for reading, sharing everything; the target for writing, sharing reads and writes
      if (!shareOk(src.rel, FILE_READ_DATA, SHARE_ALL)) return 0;
      if (!shareOk(dst.rel, FILE_WRITE_DATA, FILE_SHARE_READ | FILE_SHARE_WRITE)) return 0;
      try {
        fs.create(dst.rel, false, true);
        const chunk = new Uint8Array(1 << 16);
        for (let pos = 0; ;) {
          const n = fs.read(src.rel, pos, chunk);
          if (!n) break;
          fs.write(dst.rel, pos, chunk.subarray(0, n));
          pos += n;
        }
      } catch (e) { return fail(0, fsError(e)); }
      k.SetLastError(ERROR_SUCCESS);
      return 1;
    },
    CreateDirectoryW(lpPath: number | string, sa: number): number {
      if (c.inherit(sa) < 0) return c.fault(0);
      const parts = parse(lpPath);
      const r = parts && lookup(parts);
      if (!r) return 0;
      if (!parts!.length) return fail(0, ERROR_ACCESS_DENIED);
      if (r.stat) return fail(0, ERROR_ALREADY_EXISTS);
      try { fs.mkdir(r.rel); } catch (e) { return fail(0, fsError(e, ERROR_PATH_NOT_FOUND)); }
      return 1;
    },
    RemoveDirectoryW(lpPath: number | string): number {
      const parts = parse(lpPath);
      const r = parts && lookup(parts);
      if (!r) return 0;
      if (!r.stat) return fail(0, ERROR_FILE_NOT_FOUND);
      if (!r.stat.dir) return fail(0, ERROR_DIRECTORY);
      if (!parts!.length) return fail(0, ERROR_ACCESS_DENIED);
      if (!shareOk(r.rel, DELETE, SHARE_ALL)) return 0;
      // one that is open waits for its last handle, so it must be empty now (one that is not is
      // removed at once, and the backend says when it is not empty)
      if (busy(r.rel)) {
        try { if (fs.list(r.rel).length) return fail(0, ERROR_DIR_NOT_EMPTY); } catch (e) { return fail(0, fsError(e)); }
      }
      return remove(r.rel, true);
    },
    SetFileAttributesW(lpFileName: number, attrs: number): number {
      const parts = parse(lpFileName);
      const r = parts && lookup(parts);
      if (!r) return 0;
      if (!r.stat) return fail(0, ERROR_FILE_NOT_FOUND);
      if (!notPending(r.rel)) return 0;
      try { fs.setReadonly(r.rel, (attrs & FILE_ATTRIBUTE_READONLY) !== 0); } catch (e) { return fail(0, fsError(e)); }
      return 1;
    },
    GetFileInformationByHandle(h: number, lpInfo: number): number {
      if (!lpInfo || !c.inGuest(lpInfo, 52)) return c.fault(0);
      const f = describe(h);
      if (!f) return 0;
      const v = c.guestView(), s = f.stat, p = lpInfo;
      v.setUint32(p, attributes(s), true);
      [s.birthtimeMs, s.atimeMs, s.mtimeMs].forEach((ms, i) => {
        const [lo, hi] = fileTime(ms);
        v.setUint32(p + 4 + 8 * i, lo, true);
        v.setUint32(p + 8 + 8 * i, hi, true);
      });
      v.setUint32(p + 28, VOLUME_SERIAL, true);
      v.setUint32(p + 32, Math.floor(s.size / 2 ** 32), true);
      v.setUint32(p + 36, s.size % 2 ** 32, true);
      v.setUint32(p + 40, 1, true); // nNumberOfLinks
      const [indexLo, indexHi] = fileIndex(f.path);
      v.setUint32(p + 44, indexHi, true);
      v.setUint32(p + 48, indexLo, true);
      return 1;
    },
    GetFileAttributesW(lpFileName: number): number {
      const parts = parse(lpFileName);
      if (!parts) return INVALID;
      const r = lookup(parts);
      if (!r) return INVALID;
      if (!r.stat) return fail(INVALID, ERROR_FILE_NOT_FOUND);
      if (!notPending(r.rel)) return INVALID; // it cannot be opened to ask (FindFirstFileW still lists it)
      return attributes(r.stat);
    },
    FindFirstFileW(lpFileName: number, lpData: number): number {
      if (!lpData || !c.inGuest(lpData, FIND_DATA_SIZE)) return c.fault(INVALID);
      const s = guestString(lpFileName, true);
      if (s === undefined) return c.fault(INVALID);
      if (s === null || s === "") return fail(INVALID, ERROR_PATH_NOT_FOUND);
      if (/[\\/]$/.test(s)) return fail(INVALID, ERROR_FILE_NOT_FOUND);
      const parts = parseString(s, true);
      if (!parts) return INVALID;
      if (!parts.length) return fail(INVALID, ERROR_FILE_NOT_FOUND);
      const pat = parts[parts.length - 1];
      const r = lookup(parts.slice(0, -1));
      if (!r) return INVALID;
      if (!r.stat?.dir) return fail(INVALID, ERROR_PATH_NOT_FOUND);
      let list: { name: string; stat: FileStat }[];
      try { list = matches(r.rel, pat); } catch (e) { return fail(INVALID, fsError(e, ERROR_PATH_NOT_FOUND)); }
      if (!list.length) return fail(INVALID, ERROR_FILE_NOT_FOUND);
      const h = kopen(r.rel, 0, SHARE_ALL, FILE_FIND | FILE_OPEN_SYNC_IO, 0, pat);
      if (!h) return INVALID;
      setPos(h, 1);
      fillFindData(lpData, list[0]);
      k.SetLastError(ERROR_SUCCESS);
      return h;
    },
    FindNextFileW(h: number, lpData: number): number {
      if (!lpData || !c.inGuest(lpData, FIND_DATA_SIZE)) return c.fault(0);
      const f = query(h);
      if (!f) return 0;
      if (!(f.fflags & FILE_FIND)) return fail(0, ERROR_INVALID_HANDLE);
      let list: { name: string; stat: FileStat }[];
      try { list = matches(f.path, f.pat); } catch { list = []; }
      if (f.pos >= list.length) return fail(0, ERROR_NO_MORE_FILES);
      fillFindData(lpData, list[f.pos]);
      setPos(h, f.pos + 1);
      return 1;
    },
    FindClose(h: number): number {
      const f = query(h);
      if (!f) return 0;
      if (!(f.fflags & FILE_FIND)) return fail(0, ERROR_INVALID_HANDLE);
      return k.CloseHandle(h);
    },
    GetCurrentDirectoryW(n: number, lpBuffer: number): number {
      n >>>= 0;
      const s = cwd();
      if (!lpBuffer && n > s.length) return c.fault(0); // Windows copies the directory to NULL and faults
      if (lpBuffer && n > s.length) {
        if (!c.inGuest(lpBuffer, 2 * (s.length + 1))) return c.fault(0);
        const v = c.guestView();
        for (let i = 0; i < s.length; i++) v.setUint16(lpBuffer + 2 * i, s.charCodeAt(i), true);
        v.setUint16(lpBuffer + 2 * s.length, 0, true);
        return s.length;
      }
      return s.length + 1;
    },
    SetCurrentDirectoryW(lpPath: number): number {
      const parts = parse(lpPath);
      const r = parts && lookup(parts);
      if (!r) return 0;
      if (!r.stat) return fail(0, ERROR_FILE_NOT_FOUND);
      if (!r.stat.dir) return fail(0, ERROR_DIRECTORY);
      const s = winPath(parts!);
      return k.ntw_cwd_set(0, c.scratch, kput(s, c.scratch)) === 0 ? 1 : 0;
    },
    GetFullPathNameW(lpFileName: number, n: number, lpBuffer: number, lpFilePart: number): number {
      n >>>= 0;
      const name = guestString(lpFileName, true);
      if (name === undefined) return c.fault(0);
      if (name === null || name === "") return fail(0, ERROR_INVALID_NAME);
      const parts = parseString(name, true);
      if (!parts) return 0;
      const trailing = /[\\/]$/.test(name) && parts.length > 0;
      const s = winPath(parts) + (trailing ? "\\" : "");
      if (n <= s.length) return s.length + 1;
      if (!lpBuffer) return c.fault(0); // it fits: Windows copies it to NULL and faults
      if (!c.inGuest(lpBuffer, 2 * (s.length + 1)) || (lpFilePart && !c.inGuest(lpFilePart, 4))) return c.fault(0);
      const v = c.guestView();
      for (let i = 0; i < s.length; i++) v.setUint16(lpBuffer + 2 * i, s.charCodeAt(i), true);
      v.setUint16(lpBuffer + 2 * s.length, 0, true);
      if (lpFilePart) c.guestU32(lpFilePart, trailing || !parts.length ? 0 : lpBuffer + 2 * (s.length - parts[parts.length - 1].length));
      return s.length;
    },
  };

  const io: DiskIo = { read, write, create };

  // ---------- for host callers holding JS values (host/wasi/preview1.ts) ----------
  // The same steps as the calls above, with decoded paths (Windows paths, made full against the
  // process's current directory) instead of guest pointers. A failure returns null or 0 with the
  // last-error set, as the calls do.

  /** The disk file or directory behind `h` (not a search handle) and its stat. */
  function describe(h: number): { path: string; access: number; dir: boolean; stat: FileStat } | null {
    const f = query(h);
    if (!f) return null;
    if (f.fflags & FILE_FIND) return fail(null, ERROR_INVALID_HANDLE);
    let st: FileStat | null;
    try { st = fs.stat(f.path); } catch (e) { return fail(null, fsError(e)); }
    if (!st) return fail(null, ERROR_FILE_NOT_FOUND);
    return { path: f.path, access: f.access, dir: (f.fflags & FILE_DIRECTORY) !== 0, stat: st };
  }

  const host = {
    /** SetFilePointerEx: the new position. */
    seek,
    describe,
    /** GetFileAttributesW's lookup: the entry's root-relative path and stat. */
    stat(name: string): { rel: string; stat: FileStat } | null {
      const parts = parseString(name);
      const r = parts && lookup(parts);
      if (!r) return null;
      if (r.stat && !notPending(r.rel)) return null;
      return r.stat ? { rel: r.rel, stat: r.stat } : fail(null, ERROR_FILE_NOT_FOUND);
    },
    /** The entries of the directory behind handle `h`, as FindFirstFileW(dir\*) lists them. */
    list(h: number): { name: string; stat: FileStat }[] | null {
      const f = describe(h);
      if (!f) return null;
      if (!f.dir) return fail(null, ERROR_DIRECTORY);
      try { return matches(f.path, "*"); } catch (e) { return fail(null, fsError(e, ERROR_PATH_NOT_FOUND)); }
    },
    /** Sets the size of the file behind `h` (open for writing or appending), leaving its pointer. */
    setSize(h: number, n: number): boolean {
      const f = dataFile(h, FILE_WRITE_DATA | FILE_APPEND_DATA);
      if (!f) return false;
      try { fs.truncate(f.path, n); } catch (e) { return fail(false, fsError(e)); }
      return true;
    },
    deleteFile: (name: string) => syscalls.DeleteFileW(name),
    moveFile: (from: string, to: string, flags: number) => syscalls.MoveFileExW(from, to, flags),
    createDirectory: (name: string) => syscalls.CreateDirectoryW(name, 0),
    removeDirectory: (name: string) => syscalls.RemoveDirectoryW(name),
  };
  /**
   * CreateProcessW's loader: the bytes of the program at Windows path `path` (relative to the current
   * directory, looked up as every file is) and its full path as the file system spells it, or a Win32 error.
   */
  function program(path: string): { bytes: Uint8Array; path: string } | number {
    const r = parseWinPath(path, cwdParts(cwd()));
    if ("error" in r) return r.error;
    let res;
    try { res = resolve(fs, r.parts); } catch (e) { return fsError(e, ERROR_PATH_NOT_FOUND); }
    if (!res.ok) return ERROR_PATH_NOT_FOUND;
    if (!res.stat) return ERROR_FILE_NOT_FOUND;
    if (res.stat.dir || !notPending(res.rel)) return ERROR_ACCESS_DENIED;
    const bytes = new Uint8Array(res.stat.size);
    const winPath = "C:\\" + res.rel.split("/").filter(Boolean).join("\\");
    try { return fs.read(res.rel, 0, bytes) === bytes.length ? { bytes, path: winPath } : ERROR_GEN_FAILURE; } catch (e) { return fsError(e); }
  }

  return { syscalls, io, host, program };
}

/** fileSyscalls(...).host */
export type FileHost = ReturnType<typeof fileSyscalls>["host"];

/**
 * The current directory a child process starts in (CreateProcessW): lpCurrentDirectory made full
 * against the parent's, or the parent's. Returns the directory, or a Win32 error (a number).
 */
export function childDirectory(kernel: KernelExports, c: CallContext, fs: FileBackend, dir: string | null): string | number {
  const k = kernel as KernelExports & FileExports;
  const len = k.ntw_cwd_get(c.scratch, SCRATCH_MAX >> 1);
  const parent = len ? decodeUtf16(c.kernel(), c.scratch, len) : "C:\\";
  if (!dir) return parent;
  const r = parseWinPath(dir, cwdParts(parent));
  if ("error" in r) return r.error;
  let res;
  try { res = resolve(fs, r.parts); } catch (e) { return fsError(e, ERROR_DIRECTORY); } // e.g. a link out of the root
  if (!res.ok || !res.stat?.dir) return ERROR_DIRECTORY;
  return winPath(r.parts);
}

/** Sets the current directory of kernel process record `child`. */
export function setProcessDirectory(kernel: KernelExports, c: CallContext, child: number, dir: string): void {
  const k = kernel as KernelExports & FileExports;
  if (dir === "C:\\") return; // the default
  const v = new DataView(c.kernel().buffer);
  for (let i = 0; i < dir.length; i++) v.setUint16(c.scratch + 2 * i, dir.charCodeAt(i), true);
  k.ntw_cwd_set(child, c.scratch, dir.length);
}

