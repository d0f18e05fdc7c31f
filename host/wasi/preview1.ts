// WASI preview1 (`wasi_snapshot_preview1`) for guests' libc, served over the kernel: fd 0/1/2 are the
// process's standard handles (GetStdHandle), so printf from any thread and WriteConsoleW share the
// console and its per-process output order. Arguments and environment come from the process; clocks
// and random numbers from the platform. Files and directories are the file layer's (issue 5): the
// guest sees no preopened directory, and the path calls fail with ENOSYS.
//
// One set of these functions per guest thread (like the syscall shims): the state kept here (a UTF-8
// sequence cut between two writes) is per thread.
import type { CallContext } from "../call-context.ts";
import { readConsoleBytes } from "../console-input.ts";
import type { KernelExports } from "../kernel-exports.ts";
import type { ConsoleSink } from "../syscalls/console.ts";
import { ExitProcessSignal } from "../syscalls/signals.ts";
import { decodeUtf8 } from "../call-context.ts";

/** WASI errno values (preview1). */
export const WASI_ESUCCESS = 0, WASI_EBADF = 8, WASI_EFAULT = 21, WASI_EINVAL = 28, WASI_EIO = 29,
  WASI_ENOSYS = 52, WASI_ENOTSUP = 58, WASI_ESPIPE = 70;

const FILETYPE_CHARACTER_DEVICE = 2;
/** fd_read | fd_write | fd_fdstat_set_flags | poll_fd_readwrite: a terminal (no seek, no tell). */
const RIGHTS_FD_READ = 1n << 1n, RIGHTS_FD_WRITE = 1n << 6n, RIGHTS_FDSTAT_SET_FLAGS = 1n << 3n, RIGHTS_POLL = 1n << 27n;
const STD_RIGHTS = RIGHTS_FD_READ | RIGHTS_FD_WRITE | RIGHTS_FDSTAT_SET_FLAGS | RIGHTS_POLL;

const CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME = 2, CLOCK_THREAD_CPUTIME = 3;
/** STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE by fd. */
const STD_HANDLE = [-10 >>> 0, -11 >>> 0, -12 >>> 0];

export interface WasiProcess {
  /** argv, argv[0] first. */
  args: string[];
  env: Record<string, string>;
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

export function wasiImports(k: KernelExports, c: CallContext, proc: WasiProcess, write: ConsoleSink): Record<string, Function> {
  const args = stringList(proc.args);
  const env = stringList(Object.entries(proc.env).map(([n, v]) => `${n}=${v}`));
  /** Bytes of a UTF-8 sequence that an earlier fd_write cut in two, per stream. */
  const carry: Uint8Array[] = [new Uint8Array(0), new Uint8Array(0), new Uint8Array(0)];

  const view = () => c.guestView();
  const ok = (p: number, n: number) => c.inGuest(p >>> 0, n);

  /** The console stream behind fd 0/1/2 (the process's std handle), -1 when there is none. */
  function stdStream(fd: number): number {
    if (fd < 0 || fd > 2) return -1;
    const saved = k.GetLastError(); // a WASI call leaves the Win32 last-error alone
    const h = k.GetStdHandle(STD_HANDLE[fd]);
    const stream = h && h !== 0xffffffff ? k.ntw_console_stream(h) : -1;
    k.SetLastError(saved);
    return stream;
  }

  function putList(list: { bytes: Uint8Array[] }, ptrs: number, buf: number): number {
    if (!ok(ptrs, list.bytes.length * 4) || !ok(buf, list.bytes.reduce((n, b) => n + b.length, 0))) return WASI_EFAULT;
    const g = c.guest(), v = view();
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
    const prev = carry[stream];
    let all = bytes;
    if (prev.length) { all = new Uint8Array(prev.length + bytes.length); all.set(prev); all.set(bytes, prev.length); }
    let end = all.length, back = 0;
    while (back < 3 && end - back - 1 >= 0 && (all[end - back - 1] & 0xc0) === 0x80) back++;
    const lead = end - back - 1;
    if (lead >= 0) {
      const b = all[lead];
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      if (need > back + 1) end = lead; // incomplete: keep it
    }
    carry[stream] = all.slice(end);
    return decodeUtf8(all, 0, end);
  }

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
        c.guest().set(chunk.subarray(0, n), (buf >>> 0) + done);
      }
      return WASI_ESUCCESS;
    },

    fd_write(fd: number, iovs: number, n: number, writtenOut: number): number {
      const stream = stdStream(fd);
      if (stream < 0 || stream === 0) return WASI_EBADF;
      const parts = iovecs(iovs, n >>> 0);
      if (!parts || !ok(writtenOut, 4)) return WASI_EFAULT;
      const g = c.guest();
      const total = parts.reduce((s, [, len]) => s + len, 0);
      const bytes = new Uint8Array(total);
      let at = 0;
      for (const [p, len] of parts) { bytes.set(g.subarray(p, p + len), at); at += len; }
      const text = decode(stream, bytes);
      if (text) write(stream, text);
      view().setUint32(writtenOut >>> 0, total, true);
      return WASI_ESUCCESS;
    },
    fd_read(fd: number, iovs: number, n: number, readOut: number): number {
      const stream = stdStream(fd);
      if (stream < 0) return WASI_EBADF;
      const parts = iovecs(iovs, n >>> 0);
      if (!parts || !ok(readOut, 4)) return WASI_EFAULT;
      if (stream !== 0) { view().setUint32(readOut >>> 0, 0, true); return WASI_ESUCCESS; } // an output console
      // The console input: a line at most, as it arrives (an empty read is the end of input).
      const total = parts.reduce((s, [, len]) => s + len, 0);
      const saved = k.GetLastError();
      const bytes = readConsoleBytes(k, c, k.GetStdHandle(STD_HANDLE[0]), total, true);
      k.SetLastError(saved);
      if (!bytes) return WASI_EBADF;
      let at = 0;
      const g = c.guest();
      for (const [p, len] of parts) {
        const take = Math.min(len, bytes.length - at);
        g.set(bytes.subarray(at, at + take), p);
        at += take;
      }
      view().setUint32(readOut >>> 0, at, true);
      return WASI_ESUCCESS;
    },
    fd_seek(fd: number, _offset: bigint, _whence: number, _out: number): number {
      return stdStream(fd) < 0 ? WASI_EBADF : WASI_ESPIPE;
    },
    fd_tell(fd: number, _out: number): number {
      return stdStream(fd) < 0 ? WASI_EBADF : WASI_ESPIPE;
    },
    fd_close(fd: number): number {
      // The std handles stay open (the process owns them; CloseHandle is the Win32 way to close them).
      return stdStream(fd) < 0 ? WASI_EBADF : WASI_ESUCCESS;
    },
    fd_sync: (fd: number) => (stdStream(fd) < 0 ? WASI_EBADF : WASI_ESUCCESS),
    fd_datasync: (fd: number) => (stdStream(fd) < 0 ? WASI_EBADF : WASI_ESUCCESS),
    fd_fdstat_get(fd: number, out: number): number {
      if (stdStream(fd) < 0) return WASI_EBADF;
      if (!ok(out, 24)) return WASI_EFAULT;
      const v = view(), p = out >>> 0;
      v.setUint8(p, FILETYPE_CHARACTER_DEVICE); // a terminal: libc line-buffers stdout
      v.setUint8(p + 1, 0);
      v.setUint16(p + 2, fd === 0 ? 0 : 1 /* FDFLAGS_APPEND */, true);
      v.setUint32(p + 4, 0, true);
      v.setBigUint64(p + 8, STD_RIGHTS, true);
      v.setBigUint64(p + 16, 0n, true);
      return WASI_ESUCCESS;
    },
    fd_fdstat_set_flags: (fd: number) => (stdStream(fd) < 0 ? WASI_EBADF : WASI_ENOTSUP),
    fd_filestat_get(fd: number, out: number): number {
      if (stdStream(fd) < 0) return WASI_EBADF;
      if (!ok(out, 64)) return WASI_EFAULT;
      const g = c.guest();
      g.fill(0, out >>> 0, (out >>> 0) + 64);
      view().setUint8((out >>> 0) + 16, FILETYPE_CHARACTER_DEVICE);
      return WASI_ESUCCESS;
    },
    fd_prestat_get: () => WASI_EBADF, // no preopened directories: libc sees none
    fd_prestat_dir_name: () => WASI_EBADF,

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
      c.guest().fill(0, e, e + 32);
      v.setBigUint64(e, v.getBigUint64(s, true), true); // userdata
      v.setUint8(e + 10, 0); // type: clock
      v.setUint32(countOut >>> 0, 1, true);
      return WASI_ESUCCESS;
    },
    proc_exit(code: number): never { throw new ExitProcessSignal(code >>> 0); },
    sched_yield(): number { k.SwitchToThread(); return WASI_ESUCCESS; },
  };
  for (const name of WASI_FUNCTIONS) fns[name] ??= () => WASI_ENOSYS;
  return fns;
}
