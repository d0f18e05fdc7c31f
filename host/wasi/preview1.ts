// WASI preview1 (`wasi_snapshot_preview1`) for guests' libc, served over the kernel's handle table and
// the file layer (host/syscalls/files.ts). Arguments and environment come from the process; clocks and
// random numbers from the platform.
//
// File descriptors are kernel handles; there is no WASI fd table of its own:
//
//   fd 0, 1, 2   the process's current standard handles (GetStdHandle, so SetStdHandle and a child's
//                STARTF_USESTDHANDLES count). A console handle is the console: output from every
//                thread in one order, shared with WriteConsoleW; input as it is typed. A pipe or a
//                file is read and written as ReadFile/WriteFile do.
//   fd 3         the one preopened directory, "/", which is C:\ (the root). It is no handle.
//   fd n ≥ 4     kernel handle (n - 3) × 4, and a handle h is fd h / 4 + 3 (handle values are
//                (index + 1) × 4). path_open returns a new handle's fd; fd_close closes the handle.
//
// So every thread (each runs in its own worker) sees the same descriptors with no state kept here,
// inherited and duplicated handles are descriptors too, and an fd's position and access are the
// kernel file object's. Paths are relative to a directory fd, '/'-separated; they are joined to that
// directory's Windows path and go through the file layer's own checks (host/files/path.ts), so ".."
// stops at C:\ and nothing reaches outside the root. Win32 errors become WASI errnos (errnoOf).
//
// One set of these functions per guest thread (like the syscall shims): the state kept here (a UTF-8
// sequence cut between two console writes) is per thread.
import type { CallContext } from "../call-context.ts";
import { readConsoleBytes } from "../console-input.ts";
import type { KernelExports } from "../kernel-exports.ts";
import type { ConsoleSink } from "../syscalls/console.ts";
import type { DiskIo, FileHost } from "../syscalls/files.ts";
import type { FileStat } from "../files/backend.ts";
import { upcase } from "../files/path.ts";
import { ExitProcessSignal } from "../syscalls/signals.ts";
import { decodeUtf8 } from "../call-context.ts";
import {
  CREATE_ALWAYS, CREATE_NEW, ERROR_ACCESS_DENIED, ERROR_ALREADY_EXISTS, ERROR_BROKEN_PIPE, ERROR_DIR_NOT_EMPTY,
  ERROR_DIRECTORY, ERROR_FILE_EXISTS, ERROR_FILE_NOT_FOUND, ERROR_FILENAME_EXCED_RANGE, ERROR_HANDLE_EOF,
  ERROR_INVALID_FUNCTION, ERROR_INVALID_HANDLE, ERROR_INVALID_NAME, ERROR_INVALID_PARAMETER, ERROR_MORE_DATA,
  ERROR_NEGATIVE_SEEK, ERROR_NO_DATA, ERROR_NO_MORE_FILES, ERROR_NO_SYSTEM_RESOURCES, ERROR_NOACCESS,
  ERROR_NOT_ENOUGH_MEMORY, ERROR_NOT_SAME_DEVICE, ERROR_NOT_SUPPORTED, ERROR_PATH_NOT_FOUND, ERROR_PIPE_LISTENING,
  ERROR_PIPE_NOT_CONNECTED, ERROR_SHARING_VIOLATION, FILE_APPEND_DATA, FILE_FLAG_BACKUP_SEMANTICS,
  FILE_GENERIC_WRITE, FILE_READ_ATTRIBUTES, FILE_READ_DATA, FILE_WRITE_DATA, GENERIC_READ, GENERIC_WRITE, MOVEFILE_REPLACE_EXISTING,
  OPEN_ALWAYS, OPEN_EXISTING, SYNCHRONIZE, TRUNCATE_EXISTING,
} from "../generated/abi.ts";

/** WASI errno values (preview1). */
export const WASI_ESUCCESS = 0, WASI_EACCES = 2, WASI_EBADF = 8, WASI_EBUSY = 10, WASI_EEXIST = 20, WASI_EFAULT = 21,
  WASI_EINVAL = 28, WASI_EIO = 29, WASI_EISDIR = 31, WASI_EMFILE = 33, WASI_ENAMETOOLONG = 37, WASI_ENOENT = 44,
  WASI_ENOMEM = 48, WASI_ENOSPC = 51, WASI_ENOSYS = 52, WASI_ENOTCONN = 53, WASI_ENOTDIR = 54, WASI_ENOTEMPTY = 55,
  WASI_ENOTSUP = 58, WASI_EPIPE = 64, WASI_EROFS = 69, WASI_ESPIPE = 70, WASI_EXDEV = 75;

const FILETYPE_UNKNOWN = 0, FILETYPE_CHARACTER_DEVICE = 2, FILETYPE_DIRECTORY = 3, FILETYPE_REGULAR_FILE = 4;
const FDFLAGS_APPEND = 1;
const OFLAGS_CREAT = 1, OFLAGS_DIRECTORY = 2, OFLAGS_EXCL = 4, OFLAGS_TRUNC = 8;

/** Rights (preview1 bit numbers). */
const R = (bit: number) => 1n << BigInt(bit);
const RIGHT_FD_DATASYNC = R(0), RIGHT_FD_READ = R(1), RIGHT_FD_SEEK = R(2), RIGHT_FD_FDSTAT_SET_FLAGS = R(3),
  RIGHT_FD_SYNC = R(4), RIGHT_FD_TELL = R(5), RIGHT_FD_WRITE = R(6), RIGHT_FD_ADVISE = R(7), RIGHT_FD_ALLOCATE = R(8),
  RIGHT_FD_READDIR = R(14), RIGHT_FD_FILESTAT_GET = R(21), RIGHT_FD_FILESTAT_SET_SIZE = R(22), RIGHT_POLL = R(27);
/** Every right there is (bits 0–29). */
const RIGHTS_ALL = R(30) - 1n;
/** A terminal: read, write, set flags, poll, and no seek or tell (libc's isatty looks for that). */
const CONSOLE_RIGHTS = RIGHT_FD_READ | RIGHT_FD_WRITE | RIGHT_FD_FDSTAT_SET_FLAGS | RIGHT_POLL;
/** What any open file allows, whatever its access. */
const FILE_RIGHTS = RIGHT_FD_SEEK | RIGHT_FD_TELL | RIGHT_FD_ADVISE | RIGHT_FD_FILESTAT_GET | RIGHT_POLL;
const FILE_READ_RIGHTS = RIGHT_FD_READ;
const FILE_WRITE_RIGHTS = RIGHT_FD_WRITE | RIGHT_FD_DATASYNC | RIGHT_FD_SYNC | RIGHT_FD_ALLOCATE | RIGHT_FD_FILESTAT_SET_SIZE;
/** A directory: everything but reading, writing and seeking data. */
const DIR_RIGHTS = RIGHTS_ALL & ~(RIGHT_FD_READ | RIGHT_FD_WRITE | RIGHT_FD_SEEK | RIGHT_FD_TELL | RIGHT_FD_ALLOCATE |
  RIGHT_FD_FILESTAT_SET_SIZE | RIGHT_FD_DATASYNC);

const CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME = 2, CLOCK_THREAD_CPUTIME = 3;
/** STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE by fd. */
const STD_HANDLE = [-10 >>> 0, -11 >>> 0, -12 >>> 0];
/** The preopened directory: "/", the root C:\. */
export const PREOPEN_FD = 3;
const PREOPEN_NAME = "/";
const INVALID = 0xffffffff;
/** ntw_io_target: below IO_PIPE a console's stream, then a pipe end, a disk file or directory. */
const IO_PIPE = 16, IO_DISK = 17;
/** Every process may share what it opens: POSIX has no share modes. */
const SHARE_ALL = 7;
/** Win32 errors the generated constants lack. */
const ERROR_TOO_MANY_OPEN_FILES = 4, ERROR_OUTOFMEMORY = 14, ERROR_WRITE_PROTECT = 19, ERROR_GEN_FAILURE = 31,
  ERROR_LOCK_VIOLATION = 33, ERROR_DISK_FULL = 112;

/** The fd of kernel handle `h`, and back. */
export const fdOfHandle = (h: number) => (h >>> 2) + PREOPEN_FD;
export const handleOfFd = (fd: number) => (fd - PREOPEN_FD) * 4;

/** The WASI errno for a Win32 error (what the MSVC runtime's _dosmaperr gives, with POSIX's finer names). */
export function errnoOf(error: number): number {
  switch (error) {
    case ERROR_FILE_NOT_FOUND: case ERROR_PATH_NOT_FOUND: case ERROR_NO_MORE_FILES: return WASI_ENOENT;
    case ERROR_FILE_EXISTS: case ERROR_ALREADY_EXISTS: return WASI_EEXIST;
    case ERROR_ACCESS_DENIED: return WASI_EACCES;
    case ERROR_SHARING_VIOLATION: case ERROR_LOCK_VIOLATION: return WASI_EBUSY;
    case ERROR_DIR_NOT_EMPTY: return WASI_ENOTEMPTY;
    case ERROR_DIRECTORY: return WASI_ENOTDIR;
    case ERROR_INVALID_NAME: case ERROR_INVALID_PARAMETER: case ERROR_NEGATIVE_SEEK: return WASI_EINVAL;
    case ERROR_INVALID_FUNCTION: return WASI_EISDIR; // the file layer's answer to data I/O on a directory
    case ERROR_FILENAME_EXCED_RANGE: return WASI_ENAMETOOLONG;
    case ERROR_INVALID_HANDLE: return WASI_EBADF;
    case ERROR_NOACCESS: return WASI_EFAULT;
    case ERROR_DISK_FULL: return WASI_ENOSPC;
    case ERROR_WRITE_PROTECT: return WASI_EROFS;
    case ERROR_NOT_SAME_DEVICE: return WASI_EXDEV;
    case ERROR_TOO_MANY_OPEN_FILES: return WASI_EMFILE;
    case ERROR_NOT_ENOUGH_MEMORY: case ERROR_OUTOFMEMORY: case ERROR_NO_SYSTEM_RESOURCES: return WASI_ENOMEM;
    case ERROR_BROKEN_PIPE: case ERROR_NO_DATA: return WASI_EPIPE;
    case ERROR_PIPE_NOT_CONNECTED: case ERROR_PIPE_LISTENING: return WASI_ENOTCONN;
    case ERROR_NOT_SUPPORTED: return WASI_ENOTSUP;
    case ERROR_GEN_FAILURE: return WASI_EIO;
    default: return WASI_EIO;
  }
}

export interface WasiProcess {
  /** argv, argv[0] first. */
  args: string[];
  env: Record<string, string>;
}

/** What WASI needs of the file layer (host/syscalls/files.ts, host/syscalls/file-io.ts). */
export interface WasiFiles {
  /** fileSyscalls(...).host: the file calls with decoded paths and values. */
  host: FileHost;
  /** fileSyscalls(...).io: CreateFileW by name; reads and writes at a position (fd_pread, fd_pwrite). */
  io: DiskIo;
  /** ReadFile / WriteFile (fileIoSyscalls(...).syscalls): pipes, files, every kind of handle. */
  ReadFile(h: number, buf: number, n: number, lpRead: number, lpOverlapped: number): number;
  WriteFile(h: number, buf: number, n: number, lpWritten: number, lpOverlapped: number): number;
}

/** Every preview1 function; the ones not served here return ENOSYS, so any libc program links. */
export const WASI_FUNCTIONS = [
  "args_get", "args_sizes_get", "environ_get", "environ_sizes_get", "clock_res_get", "clock_time_get",
  "fd_advise", "fd_allocate", "fd_close", "fd_datasync", "fd_fdstat_get", "fd_fdstat_set_flags",
  "fd_fdstat_set_rights", "fd_filestat_get", "fd_filestat_set_size", "fd_filestat_set_times", "fd_pread",
  "fd_prestat_get", "fd_prestat_dir_name", "fd_pwrite", "fd_read", "fd_readdir", "fd_renumber", "fd_seek",
  "fd_sync", "fd_tell", "fd_write", "path_create_directory", "path_filestat_get", "path_filestat_set_times",
  "path_link", "path_open", "path_readlink", "path_remove_directory", "path_rename", "path_symlink",
  "path_unlink_file", "poll_oneoff", "proc_exit", "proc_raise", "sched_yield", "random_get", "sock_accept",
  "sock_recv", "sock_send", "sock_shutdown",
] as const;

const encoder = new TextEncoder();

/** NUL-terminated UTF-8 strings as WASI lays them out: the sizes, then pointers and bytes. */
function stringList(list: string[]): { bytes: Uint8Array[]; size: number } {
  const bytes = list.map((s) => encoder.encode(s + "\0"));
  return { bytes, size: bytes.reduce((n, b) => n + b.length, 0) };
}

function nowNs(clock: number): bigint {
  const ms = clock === CLOCK_REALTIME ? performance.timeOrigin + performance.now() : performance.now();
  return BigInt(Math.round(ms * 1e6));
}

/** Milliseconds since 1970 → WASI's nanoseconds. */
function ns(ms: number): bigint {
  const whole = Math.floor(ms);
  return BigInt(whole) * 1_000_000n + BigInt(Math.round((ms - whole) * 1e6));
}

/**
 * An inode number for a root-relative path: 64-bit FNV-1a of its upper-cased form (paths are
 * case-insensitive), never 0. stat and readdir agree, and two names of one file give one number.
 */
function inode(rel: string): bigint {
  let h = 0xcbf29ce484222325n;
  const s = upcase(rel);
  for (let i = 0; i < s.length; i++) h = BigInt.asUintN(64, (h ^ BigInt(s.charCodeAt(i))) * 0x100000001b3n);
  return h || 1n;
}

const parentOf = (rel: string) => (rel.includes("/") ? rel.slice(0, rel.lastIndexOf("/")) : "");
const childOf = (dir: string, name: string) => (name === "." ? dir : name === ".." ? parentOf(dir) : dir ? `${dir}/${name}` : name);

/** The kernel's answer to "what is this handle?" (kernel/win32/pipe.ts). */
interface IoExports { ntw_io_target(h: number): number }

export function wasiImports(kernel: KernelExports, c: CallContext, proc: WasiProcess, write: ConsoleSink,
  files?: WasiFiles): Record<string, Function> {
  const k = kernel as KernelExports & IoExports;
  const args = stringList(proc.args);
  const env = stringList(Object.entries(proc.env).map(([n, v]) => `${n}=${v}`));
  /** Bytes of a UTF-8 sequence that an earlier fd_write cut in two, per console stream. */
  const carry = new Map<number, Uint8Array>();

  const view = () => c.guestView();
  const ok = (p: number, n: number) => c.inMemory(p >>> 0, n);
  /** The errno for the call's failure: the Win32 last-error it left. */
  const failed = () => errnoOf(k.GetLastError());

  /** The kernel handle behind `fd`: 0 for the preopen and for none. */
  function handleOf(fd: number): number {
    fd >>>= 0;
    if (fd <= 2) {
      const h = k.GetStdHandle(STD_HANDLE[fd]) >>> 0;
      return h === INVALID ? 0 : h;
    }
    if (fd === PREOPEN_FD || fd > 0x4000003) return 0; // handle tables hold at most 2^24 entries
    return handleOfFd(fd);
  }

  /** What `h` is: a console's stream (0 the input), IO_PIPE, IO_DISK, or -1 (no handle, or not one fds name). */
  const target = (h: number) => (h ? k.ntw_io_target(h) : -1);
  /** A console stream that is a terminal: not the input when it comes from a pipe or file (SpawnOptions.stdinPipe). */
  const terminal = (h: number, t: number) => t >= 0 && t < IO_PIPE && !(t === 0 && k.ntw_console_piped(h));

  function putList(list: { bytes: Uint8Array[] }, ptrs: number, buf: number): number {
    if (!ok(ptrs, list.bytes.length * 4) || !ok(buf, list.bytes.reduce((n, b) => n + b.length, 0))) return WASI_EFAULT;
    const g = c.guestFresh(), v = view();
    let at = buf >>> 0;
    list.bytes.forEach((b, i) => { v.setUint32((ptrs >>> 0) + 4 * i, at, true); g.set(b, at); at += b.length; });
    return WASI_ESUCCESS;
  }

  function putSizes(list: { bytes: Uint8Array[]; size: number }, countOut: number, sizeOut: number): number {
    if (!ok(countOut, 4) || !ok(sizeOut, 4)) return WASI_EFAULT;
    view().setUint32(countOut >>> 0, list.bytes.length, true);
    view().setUint32(sizeOut >>> 0, list.size, true);
    return WASI_ESUCCESS;
  }

  /** The iovec array as (address, length) pairs, or null when any part is outside guest memory. */
  function iovecs(iovs: number, n: number): [number, number][] | null {
    if (!ok(iovs, n * 8)) return null;
    const v = view(), out: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      const p = v.getUint32((iovs >>> 0) + 8 * i, true), len = v.getUint32((iovs >>> 0) + 8 * i + 4, true);
      if (!ok(p, len)) return null;
      out.push([p, len]);
    }
    return out;
  }

  /** The text of `bytes`, keeping a UTF-8 sequence cut at the end for the stream's next write. */
  function decode(stream: number, bytes: Uint8Array): string {
    const prev = carry.get(stream);
    let all = bytes;
    if (prev?.length) { all = new Uint8Array(prev.length + bytes.length); all.set(prev); all.set(bytes, prev.length); }
    let end = all.length, back = 0;
    while (back < 3 && end - back - 1 >= 0 && (all[end - back - 1] & 0xc0) === 0x80) back++;
    const lead = end - back - 1;
    if (lead >= 0) {
      const b = all[lead];
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (need > back + 1) end = lead; // incomplete: keep it
    }
    carry.set(stream, all.slice(end));
    return decodeUtf8(all, 0, end);
  }

  // ---------- consoles ----------

  function consoleWrite(stream: number, parts: [number, number][], writtenOut: number): number {
    if (stream === 0) return WASI_EBADF; // the console input
    const g = c.guestFresh();
    const total = parts.reduce((s, [, len]) => s + len, 0);
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const [p, len] of parts) { bytes.set(g.subarray(p, p + len), at); at += len; }
    const text = decode(stream, bytes);
    if (text && !write(stream, text)) return WASI_EPIPE; // the reader went away
    view().setUint32(writtenOut >>> 0, total, true);
    return WASI_ESUCCESS;
  }

  function consoleRead(h: number, stream: number, parts: [number, number][], readOut: number): number {
    if (stream !== 0) { view().setUint32(readOut >>> 0, 0, true); return WASI_ESUCCESS; } // an output console
    // The console input: a line at most from a terminal, what has come from a pipe (an empty read is the end of input).
    const total = parts.reduce((s, [, len]) => s + len, 0);
    const bytes = readConsoleBytes(k, c, h, total, terminal(h, stream));
    if (!bytes) return WASI_EBADF;
    let at = 0;
    const g = c.guestFresh();
    for (const [p, len] of parts) {
      const take = Math.min(len, bytes.length - at);
      g.set(bytes.subarray(at, at + take), p);
      at += take;
    }
    view().setUint32(readOut >>> 0, at, true);
    return WASI_ESUCCESS;
  }

  // ---------- files and pipes ----------

  /**
   * ReadFile/WriteFile (or, with `at`, the file layer's positioned read/write) over the iovecs; the
   * count is stored at `countOut`, which the calls also use for each part's count. A pipe is read
   * into the first non-empty part only, so a read never waits for more once it has data.
   */
  function transfer(h: number, t: number, parts: [number, number][], countOut: number, writing: boolean, at?: number): number {
    const f = files!;
    let total = 0;
    for (const [p, len] of parts) {
      if (!len) continue;
      const done = at !== undefined
        ? (writing ? f.io.write : f.io.read)(h, p, len, countOut, at + total)
        : (writing ? f.WriteFile : f.ReadFile)(h, p, len, countOut, 0);
      let got = view().getUint32(countOut >>> 0, true);
      if (!done) {
        const err = k.GetLastError();
        if (!writing && err === ERROR_MORE_DATA) { /* a message longer than the buffer: what fitted */ }
        else if (total) break; // report what did move; the error comes with the next call
        else if (!writing && (err === ERROR_BROKEN_PIPE || err === ERROR_HANDLE_EOF)) got = 0; // the end
        else if (err === ERROR_ACCESS_DENIED) return WASI_EBADF; // not open for this: POSIX says EBADF
        else return err === ERROR_INVALID_FUNCTION && t !== IO_DISK ? WASI_EBADF : errnoOf(err);
      }
      total += got;
      if (got < len || (!writing && t === IO_PIPE)) break;
    }
    view().setUint32(countOut >>> 0, total, true);
    return WASI_ESUCCESS;
  }

  function rw(fd: number, iovs: number, n: number, countOut: number, writing: boolean, offset?: bigint): number {
    const h = handleOf(fd);
    const t = target(h);
    if (t < 0) return fd >>> 0 === PREOPEN_FD && files ? WASI_EISDIR : WASI_EBADF;
    if (t >= IO_PIPE && !files) return WASI_EBADF;
    const parts = iovecs(iovs, n >>> 0);
    if (!parts || !ok(countOut, 4)) return WASI_EFAULT;
    if (offset !== undefined) {
      if (t !== IO_DISK) return WASI_ESPIPE;
      if (offset < 0n) return WASI_EINVAL;
      // pread/pwrite leave the file pointer where it was (the file layer's positioned I/O moves it)
      const before = files!.host.seek(h, 0n, 1);
      if (before === null) return failed();
      const r = transfer(h, t, parts, countOut, writing, Number(offset));
      files!.host.seek(h, BigInt(before), 0);
      return r;
    }
    if (t < IO_PIPE) return writing ? consoleWrite(t, parts, countOut) : consoleRead(h, t, parts, countOut);
    return transfer(h, t, parts, countOut, writing);
  }

  /** A disk handle's description (the preopen's is the root's), or an errno. */
  function disk(fd: number): { h: number; path: string; access: number; dir: boolean; stat: FileStat } | number {
    if (!files) return WASI_EBADF;
    if (fd >>> 0 === PREOPEN_FD) {
      const r = files.host.stat("C:\\");
      return r ? { h: 0, path: "", access: FILE_READ_DATA, dir: true, stat: r.stat } : failed();
    }
    const h = handleOf(fd);
    if (target(h) !== IO_DISK) return WASI_EBADF;
    const d = files.host.describe(h);
    return d ? { h, ...d } : failed();
  }

  /** The Windows path of `path` (UTF-8 in guest memory) relative to directory fd `dirfd`, or an errno. */
  function pathName(dirfd: number, path: number, len: number): { name: string; trailingSlash: boolean } | number {
    if (!ok(path, len >>> 0)) return WASI_EFAULT;
    const d = disk(dirfd);
    if (typeof d === "number") return d;
    if (!d.dir) return WASI_ENOTDIR;
    const s = decodeUtf8(c.guestFresh(), path >>> 0, (path >>> 0) + (len >>> 0));
    if (s === "") return WASI_ENOENT;
    // joined below the directory, never read as a drive or a device path of its own: "C:\dir\" + path
    const base = "C:\\" + (d.path ? d.path.replace(/\//g, "\\") + "\\" : "");
    return { name: base + s, trailingSlash: /\/$/.test(s) };
  }

  function putFilestat(out: number, rel: string, st: FileStat | null, type: number): void {
    const v = view(), p = out >>> 0;
    c.guestFresh().fill(0, p, p + 64);
    if (!st) { v.setUint8(p + 16, type); return; }
    v.setBigUint64(p, 1n, true); // dev: one file system
    v.setBigUint64(p + 8, inode(rel), true);
    v.setUint8(p + 16, st.dir ? FILETYPE_DIRECTORY : FILETYPE_REGULAR_FILE);
    v.setBigUint64(p + 24, 1n, true); // nlink
    v.setBigUint64(p + 32, BigInt(st.dir ? 0 : st.size), true);
    v.setBigUint64(p + 40, ns(st.atimeMs), true);
    v.setBigUint64(p + 48, ns(st.mtimeMs), true);
    v.setBigUint64(p + 56, ns(st.mtimeMs), true); // ctim: no status-change time, the modification time
  }

  /** Creates, opens or truncates by WASI's oflags, as CreateFileW (the file layer) does. */
  function open(dirfd: number, path: number, len: number, oflags: number, rights: bigint, fdflags: number, fdOut: number): number {
    if (!ok(fdOut, 4)) return WASI_EFAULT;
    const p = pathName(dirfd, path, len);
    if (typeof p === "number") return p;
    const wantDir = (oflags & OFLAGS_DIRECTORY) !== 0 || p.trailingSlash;
    const read = (rights & (RIGHT_FD_READ | RIGHT_FD_READDIR)) !== 0n;
    const write = (rights & (RIGHT_FD_WRITE | RIGHT_FD_ALLOCATE | RIGHT_FD_FILESTAT_SET_SIZE | RIGHT_FD_DATASYNC)) !== 0n;
    const append = (fdflags & FDFLAGS_APPEND) !== 0;
    let access = (read ? GENERIC_READ : 0) | SYNCHRONIZE | FILE_READ_ATTRIBUTES;
    // appending: FILE_APPEND_DATA without FILE_WRITE_DATA, which the file layer writes at the end
    if (write) access |= append ? FILE_GENERIC_WRITE & ~FILE_WRITE_DATA : GENERIC_WRITE;
    const creat = (oflags & OFLAGS_CREAT) !== 0 && !wantDir, excl = (oflags & OFLAGS_EXCL) !== 0;
    const trunc = (oflags & OFLAGS_TRUNC) !== 0 && write;
    const disposition = creat ? (excl ? CREATE_NEW : trunc ? CREATE_ALWAYS : OPEN_ALWAYS) : trunc ? TRUNCATE_EXISTING : OPEN_EXISTING;
    const h = files!.io.create(p.name, access >>> 0, SHARE_ALL, 0, disposition, FILE_FLAG_BACKUP_SEMANTICS) >>> 0;
    if (h === INVALID || !h) {
      const err = k.GetLastError();
      // CreateFileW refuses a directory for writing or truncating: POSIX calls that EISDIR
      if (err === ERROR_ACCESS_DENIED && files!.host.stat(p.name)?.stat.dir) return WASI_EISDIR;
      return errnoOf(err);
    }
    const d = files!.host.describe(h);
    let e = d ? WASI_ESUCCESS : failed();
    if (d && d.dir && (write || trunc)) e = WASI_EISDIR;
    else if (d && !d.dir && wantDir) e = WASI_ENOTDIR;
    if (e !== WASI_ESUCCESS) { k.CloseHandle(h); return e; }
    view().setUint32(fdOut >>> 0, fdOfHandle(h), true);
    return WASI_ESUCCESS;
  }

  /** The entries of directory fd `fd` from `cookie` on, as fd_readdir lays them out. */
  function readdir(fd: number, buf: number, len: number, cookie: bigint, usedOut: number): number {
    len >>>= 0;
    if (!ok(buf, len) || !ok(usedOut, 4)) return WASI_EFAULT;
    const d = disk(fd);
    if (typeof d === "number") return d;
    if (!d.dir) return WASI_ENOTDIR;
    let list: { name: string; stat: FileStat }[] | null;
    if (d.h) list = files!.host.list(d.h);
    else { // the preopen has no handle: open the root for the listing
      const h = files!.io.create("C:\\", 0, SHARE_ALL, 0, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS) >>> 0;
      list = h && h !== INVALID ? files!.host.list(h) : null;
      if (h && h !== INVALID) k.CloseHandle(h);
    }
    if (!list) return failed();
    if (!d.path) list = [{ name: ".", stat: d.stat }, { name: "..", stat: d.stat }, ...list]; // the root has them too
    const g = c.guestFresh(), v = view();
    let at = buf >>> 0;
    const end = at + len;
    for (let i = Number(cookie); i < list.length && at < end; i++) {
      const name = encoder.encode(list[i].name);
      const entry = new Uint8Array(24 + name.length);
      const ev = new DataView(entry.buffer);
      ev.setBigUint64(0, BigInt(i + 1), true); // d_next: the cookie of the entry after it
      ev.setBigUint64(8, inode(childOf(d.path, list[i].name)), true);
      ev.setUint32(16, name.length, true);
      ev.setUint8(20, list[i].stat.dir ? FILETYPE_DIRECTORY : FILETYPE_REGULAR_FILE);
      entry.set(name, 24);
      const n = Math.min(entry.length, end - at); // the last one may be cut: the caller reads again with a bigger buffer
      g.set(entry.subarray(0, n), at);
      at += n;
    }
    v.setUint32(usedOut >>> 0, at - (buf >>> 0), true);
    return WASI_ESUCCESS;
  }

  /** A path call of the file layer (unlink, rmdir, mkdir): 1 on success, else the last-error gives the errno. */
  function pathCall(dirfd: number, path: number, len: number, call: (name: string, trailingSlash: boolean) => number): number {
    const p = pathName(dirfd, path, len);
    if (typeof p === "number") return p;
    const r = call(p.name, p.trailingSlash);
    return r === 1 ? WASI_ESUCCESS : r === 0 ? failed() : r;
  }

  const fileFns: Record<string, Function> = {
    fd_write: (fd: number, iovs: number, n: number, writtenOut: number) => rw(fd, iovs, n, writtenOut, true),
    fd_read: (fd: number, iovs: number, n: number, readOut: number) => rw(fd, iovs, n, readOut, false),
    fd_pwrite: (fd: number, iovs: number, n: number, offset: bigint, writtenOut: number) => rw(fd, iovs, n, writtenOut, true, offset),
    fd_pread: (fd: number, iovs: number, n: number, offset: bigint, readOut: number) => rw(fd, iovs, n, readOut, false, offset),

    fd_seek(fd: number, offset: bigint, whence: number, out: number): number {
      const h = handleOf(fd), t = target(h);
      if (t < 0) return WASI_EBADF;
      if (t !== IO_DISK || !files) return WASI_ESPIPE;
      if (!ok(out, 8)) return WASI_EFAULT;
      if (whence > 2) return WASI_EINVAL;
      const pos = files.host.seek(h, BigInt.asIntN(64, BigInt(offset)), whence);
      if (pos === null) return failed();
      view().setBigUint64(out >>> 0, BigInt(pos), true);
      return WASI_ESUCCESS;
    },
    fd_tell(fd: number, out: number): number { return fileFns.fd_seek(fd, 0n, 1, out); },
    fd_close(fd: number): number {
      fd >>>= 0;
      // The std handles and the preopen stay (the process owns them; CloseHandle is the Win32 way to close them).
      if (fd <= 2) return target(handleOf(fd)) < 0 ? WASI_EBADF : WASI_ESUCCESS;
      if (fd === PREOPEN_FD) return files ? WASI_ESUCCESS : WASI_EBADF;
      const h = handleOf(fd);
      if (target(h) < 0) return WASI_EBADF; // not a file, pipe or console: no fd of ours
      return k.CloseHandle(h) ? WASI_ESUCCESS : failed();
    },
    fd_sync(fd: number): number {
      const t = target(handleOf(fd));
      if (fd >>> 0 === PREOPEN_FD && files) return WASI_ESUCCESS;
      if (t < 0) return WASI_EBADF;
      if (t === IO_PIPE) return WASI_EINVAL;
      if (t === IO_DISK) { const d = disk(fd); if (typeof d === "number") return d; } // every write is already on the backend
      return WASI_ESUCCESS;
    },
    fd_datasync(fd: number): number { return fileFns.fd_sync(fd); },
    fd_fdstat_get(fd: number, out: number): number {
      const h = handleOf(fd), t = target(h);
      const preopen = fd >>> 0 === PREOPEN_FD && files;
      if (t < 0 && !preopen) return WASI_EBADF;
      if (!ok(out, 24)) return WASI_EFAULT;
      let type = FILETYPE_UNKNOWN, flags = 0, base = RIGHT_FD_READ | RIGHT_FD_WRITE | RIGHT_POLL, inheriting = 0n;
      if (terminal(h, t)) { // libc line-buffers stdout
        type = FILETYPE_CHARACTER_DEVICE;
        flags = t === 0 ? 0 : FDFLAGS_APPEND;
        base = CONSOLE_RIGHTS;
      } else if (preopen || t === IO_DISK) {
        const d = disk(fd);
        if (typeof d === "number") return d;
        if (d.dir) { type = FILETYPE_DIRECTORY; base = DIR_RIGHTS; inheriting = RIGHTS_ALL; }
        else {
          type = FILETYPE_REGULAR_FILE;
          base = FILE_RIGHTS | (d.access & FILE_READ_DATA ? FILE_READ_RIGHTS : 0n)
            | (d.access & (FILE_WRITE_DATA | FILE_APPEND_DATA) ? FILE_WRITE_RIGHTS : 0n);
          if ((d.access & FILE_APPEND_DATA) && !(d.access & FILE_WRITE_DATA)) flags = FDFLAGS_APPEND;
        }
      } // else a pipe: no WASI file type says so
      const v = view(), p = out >>> 0;
      v.setUint8(p, type);
      v.setUint8(p + 1, 0);
      v.setUint16(p + 2, flags, true);
      v.setUint32(p + 4, 0, true);
      v.setBigUint64(p + 8, base, true);
      v.setBigUint64(p + 16, inheriting, true);
      return WASI_ESUCCESS;
    },
    fd_fdstat_set_flags(fd: number): number {
      return target(handleOf(fd)) < 0 && !(fd >>> 0 === PREOPEN_FD && files) ? WASI_EBADF : WASI_ENOTSUP;
    },
    fd_filestat_get(fd: number, out: number): number {
      const h = handleOf(fd), t = target(h);
      const preopen = fd >>> 0 === PREOPEN_FD && files;
      if (t < 0 && !preopen) return WASI_EBADF;
      if (!ok(out, 64)) return WASI_EFAULT;
      if (terminal(h, t)) { putFilestat(out, "", null, FILETYPE_CHARACTER_DEVICE); return WASI_ESUCCESS; }
      if (t >= 0 && t < IO_DISK) { putFilestat(out, "", null, FILETYPE_UNKNOWN); return WASI_ESUCCESS; } // a pipe, or piped input
      const d = disk(fd);
      if (typeof d === "number") return d;
      putFilestat(out, d.path, d.stat, 0);
      return WASI_ESUCCESS;
    },
    fd_filestat_set_size(fd: number, size: bigint): number {
      const h = handleOf(fd), t = target(h);
      if (t < 0) return fd >>> 0 === PREOPEN_FD && files ? WASI_EISDIR : WASI_EBADF;
      if (t !== IO_DISK || !files) return WASI_EINVAL;
      if (size < 0n || size >= 2n ** 53n) return WASI_EINVAL;
      return files.host.setSize(h, Number(size)) ? WASI_ESUCCESS : failed();
    },
    fd_allocate(fd: number, offset: bigint, len: bigint): number {
      const d = disk(fd);
      if (typeof d === "number") return d;
      if (d.dir) return WASI_EBADF;
      const want = BigInt(offset) + BigInt(len);
      if (offset < 0n || len <= 0n || want >= 2n ** 53n) return WASI_EINVAL;
      if (want <= BigInt(d.stat.size)) return WASI_ESUCCESS;
      return files!.host.setSize(d.h, Number(want)) ? WASI_ESUCCESS : failed();
    },
    fd_advise(fd: number): number {
      const d = disk(fd);
      return typeof d === "number" ? d : d.dir ? WASI_EBADF : WASI_ESUCCESS; // advice only
    },
    fd_filestat_set_times(fd: number): number {
      const d = disk(fd);
      return typeof d === "number" ? d : WASI_ENOTSUP; // the file layer keeps no settable times
    },
    fd_readdir: readdir,
    fd_prestat_get(fd: number, out: number): number {
      if (fd >>> 0 !== PREOPEN_FD || !files) return WASI_EBADF; // libc stops looking at the first EBADF
      if (!ok(out, 8)) return WASI_EFAULT;
      view().setUint32(out >>> 0, 0, true); // preopentype dir
      view().setUint32((out >>> 0) + 4, PREOPEN_NAME.length, true);
      return WASI_ESUCCESS;
    },
    fd_prestat_dir_name(fd: number, path: number, len: number): number {
      if (fd >>> 0 !== PREOPEN_FD || !files) return WASI_EBADF;
      const name = encoder.encode(PREOPEN_NAME);
      if ((len >>> 0) < name.length) return WASI_ENAMETOOLONG;
      if (!ok(path, name.length)) return WASI_EFAULT;
      c.guestFresh().set(name, path >>> 0);
      return WASI_ESUCCESS;
    },

    path_open(dirfd: number, _lookup: number, path: number, len: number, oflags: number, rights: bigint, _inheriting: bigint,
      fdflags: number, fdOut: number): number {
      if (!files) return WASI_EBADF;
      return open(dirfd, path, len, oflags, BigInt(rights), fdflags, fdOut);
    },
    path_filestat_get(dirfd: number, _flags: number, path: number, len: number, out: number): number {
      if (!ok(out, 64)) return WASI_EFAULT;
      const p = pathName(dirfd, path, len);
      if (typeof p === "number") return p;
      const r = files!.host.stat(p.name);
      if (!r) return failed();
      if (p.trailingSlash && !r.stat.dir) return WASI_ENOTDIR;
      putFilestat(out, r.rel, r.stat, 0);
      return WASI_ESUCCESS;
    },
    path_create_directory: (dirfd: number, path: number, len: number) =>
      pathCall(dirfd, path, len, (name) => files!.host.createDirectory(name)),
    path_remove_directory: (dirfd: number, path: number, len: number) =>
      pathCall(dirfd, path, len, (name) => files!.host.removeDirectory(name)),
    path_unlink_file: (dirfd: number, path: number, len: number) =>
      pathCall(dirfd, path, len, (name, slash) => {
        const st = files!.host.stat(name)?.stat;
        if (st?.dir) return WASI_EISDIR; // DeleteFileW says ERROR_ACCESS_DENIED
        if (st && slash) return WASI_ENOTDIR;
        return files!.host.deleteFile(name);
      }),
    path_rename(fd: number, oldPath: number, oldLen: number, newFd: number, newPath: number, newLen: number): number {
      const from = pathName(fd, oldPath, oldLen);
      if (typeof from === "number") return from;
      const to = pathName(newFd, newPath, newLen);
      if (typeof to === "number") return to;
      // POSIX rename replaces an existing file
      return files!.host.moveFile(from.name, to.name, MOVEFILE_REPLACE_EXISTING) ? WASI_ESUCCESS : failed();
    },
    path_filestat_set_times: () => (files ? WASI_ENOTSUP : WASI_EBADF),
    path_link: () => (files ? WASI_ENOTSUP : WASI_EBADF),
    path_symlink: () => (files ? WASI_ENOTSUP : WASI_EBADF),
    path_readlink: () => (files ? WASI_EINVAL : WASI_EBADF), // nothing in the root is a symbolic link
    fd_renumber: () => WASI_ENOTSUP,
  };

  const fns: Record<string, Function> = {
    args_sizes_get: (countOut: number, sizeOut: number) => putSizes(args, countOut, sizeOut),
    args_get: (argv: number, buf: number) => putList(args, argv, buf),
    environ_sizes_get: (countOut: number, sizeOut: number) => putSizes(env, countOut, sizeOut),
    environ_get: (environ: number, buf: number) => putList(env, environ, buf),

    clock_res_get(id: number, out: number): number {
      if (id < CLOCK_REALTIME || id > CLOCK_THREAD_CPUTIME) return WASI_EINVAL;
      if (!ok(out, 8)) return WASI_EFAULT;
      view().setBigUint64(out >>> 0, 1000n, true); // 1 µs: what performance.now() promises at best
      return WASI_ESUCCESS;
    },
    clock_time_get(id: number, _precision: bigint, out: number): number {
      if (id < CLOCK_REALTIME || id > CLOCK_THREAD_CPUTIME) return WASI_EINVAL;
      if (!ok(out, 8)) return WASI_EFAULT;
      // CPU-time clocks: time since the host started (there is no per-thread CPU accounting).
      view().setBigUint64(out >>> 0, nowNs(id === CLOCK_REALTIME ? CLOCK_REALTIME : CLOCK_MONOTONIC), true);
      return WASI_ESUCCESS;
    },
    random_get(buf: number, len: number): number {
      if (!ok(buf, len >>> 0)) return WASI_EFAULT;
      // getRandomValues refuses views of shared memory in browsers: fill a private buffer and copy.
      const chunk = new Uint8Array(Math.min(len >>> 0, 65536));
      for (let done = 0; done < len >>> 0; done += chunk.length) {
        const n = Math.min(chunk.length, (len >>> 0) - done);
        crypto.getRandomValues(chunk.subarray(0, n));
        c.guestFresh().set(chunk.subarray(0, n), (buf >>> 0) + done);
      }
      return WASI_ESUCCESS;
    },

    poll_oneoff(inPtr: number, outPtr: number, n: number, countOut: number): number {
      // Clock subscriptions only (sleep, nanosleep): wait in the kernel for the earliest one.
      n >>>= 0;
      if (!n) return WASI_EINVAL;
      if (!ok(inPtr, n * 48) || !ok(outPtr, n * 32) || !ok(countOut, 4)) return WASI_EFAULT;
      const v = view();
      let best = -1, bestNs = 0n;
      for (let i = 0; i < n; i++) {
        const s = (inPtr >>> 0) + 48 * i;
        if (v.getUint8(s + 8) !== 0) return WASI_ENOTSUP; // fd_read / fd_write subscriptions
        const id = v.getUint32(s + 16, true);
        let timeout = v.getBigUint64(s + 24, true);
        if (v.getUint16(s + 40, true) & 1) timeout -= nowNs(id === CLOCK_REALTIME ? CLOCK_REALTIME : CLOCK_MONOTONIC); // absolute
        if (timeout < 0n) timeout = 0n;
        if (best < 0 || timeout < bestNs) { best = i; bestNs = timeout; }
      }
      const ms = Number((bestNs + 999_999n) / 1_000_000n);
      k.Sleep(Math.min(ms, 0xfffffffe)); // a kernel wait: TerminateThread and suspension still reach it
      const e = (outPtr >>> 0);
      const s = (inPtr >>> 0) + 48 * best;
      c.guestFresh().fill(0, e, e + 32);
      v.setBigUint64(e, v.getBigUint64(s, true), true); // userdata
      v.setUint8(e + 10, 0); // type: clock
      v.setUint32(countOut >>> 0, 1, true);
      return WASI_ESUCCESS;
    },
    proc_exit(code: number): never { throw new ExitProcessSignal(code >>> 0); },
    sched_yield(): number { k.SwitchToThread(); return WASI_ESUCCESS; },
  };
  // A WASI call leaves the thread's Win32 last-error as it was: the file calls underneath set it.
  for (const [name, f] of Object.entries(fileFns)) {
    fns[name] = (...a: unknown[]) => {
      const saved = k.GetLastError();
      const r = f(...a);
      k.SetLastError(saved);
      return r;
    };
  }
  for (const name of WASI_FUNCTIONS) fns[name] ??= () => WASI_ENOSYS;
  return fns;
}
