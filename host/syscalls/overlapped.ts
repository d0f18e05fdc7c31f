// Overlapped I/O: ReadFile/WriteFile/ConnectNamedPipe/TransactNamedPipe with an OVERLAPPED,
// ReadFileEx/WriteFileEx, and NtReadFile/NtWriteFile. One path (io() below) runs them all; they differ
// only in how the completion is reported (a Completion): the status block written (an OVERLAPPED, or
// an IO_STATUS_BLOCK: Status/Information, the OVERLAPPED's Internal/InternalHigh, 8 bytes and no
// more), the event set (or, without one, the pipe end's file object), and a completion routine queued
// as a user APC to the thread that issued the call (ReadFileEx's routine(dwErrorCode, dwBytes,
// lpOverlapped); an NT call's routine(ApcContext, IoStatusBlock, 0)), which runs in an alertable wait.
//
// The call first tries the operation without waiting (the kernel's *_NOWAIT flags). When that
// completes it, the call reports the completion at once, as Windows does when it can: the status
// block, the event, the APC (queued even then), and returns the status. An error status means the
// operation never started: nothing is reported (the event stays reset). When it would wait, the
// request is queued in the kernel (kernel/nt/io.ts) with its Completion and the call returns
// STATUS_PENDING (ReadFile: FALSE with ERROR_IO_PENDING). The process's I/O workers — hidden kernel
// threads on workers of their own, started here on demand and kept until the process ends — take
// queued requests and run them with the ordinary blocking calls; each then writes the status block
// and the kernel (ntIoFinish) sets the event and queues the APC to the issuing thread.
//
// On a file object opened for synchronous I/O (no FILE_FLAG_OVERLAPPED; CreatePipe's) the call waits
// in the calling thread instead, then reports the completion the same way. Disk files never wait
// (their I/O is synchronous): calls on them complete at once, at the offset given. The end of a disk
// file is STATUS_END_OF_FILE: on a synchronous handle an error that still fills the status block and
// sets the event, on an overlapped one the operation's result (STATUS_PENDING returned, completion
// reported with the APC), as Windows since Vista does.
//
// A pipe end's file object is waitable as on Windows (kernel/objects/pipe.ts): a call that is pending,
// or completed at once, resets it; one without an event sets it again when it completes (the kernel's
// ntIoComplete here, or ntIoFinish for a worker). A call that fails at once leaves it as it was.
//
// GetOverlappedResult waits on the OVERLAPPED's event, or without one on the file handle, as Windows
// does; CancelIo/CancelIoEx mark requests cancelled in the kernel, which ends a running request's wait
// with STATUS_CANCELLED (ERROR_OPERATION_ABORTED).
import type { CallContext } from "../call-context.ts";
import type { KernelExports } from "../kernel-exports.ts";
import type { DiskIo } from "./files.ts";
import {
  ERROR_ACCESS_DENIED, ERROR_INVALID_FUNCTION, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_IO_INCOMPLETE,
  ERROR_IO_PENDING, ERROR_NEGATIVE_SEEK, ERROR_NOACCESS, INFINITE, STATUS_ACCESS_DENIED, STATUS_ACCESS_VIOLATION,
  STATUS_END_OF_FILE, STATUS_INVALID_DEVICE_REQUEST, STATUS_INVALID_HANDLE, STATUS_INVALID_PARAMETER, STATUS_NOT_FOUND,
  STATUS_PENDING, STATUS_PIPE_CONNECTED, STATUS_UNSUCCESSFUL, WAIT_IO_COMPLETION, WAIT_TIMEOUT,
} from "../generated/abi.ts";

/** ntw_io_target: a pipe end, a disk file. */
export const IO_PIPE = 16, IO_DISK = 17;
/** kernel/objects/iorequest.ts IO_OP_* */
export const IO_OP_READ = 1, IO_OP_WRITE = 2, IO_OP_CONNECT = 3;
/** kernel/objects/iorequest.ts IO_COMPLETE_*: no routine, ReadFileEx's routine, an NT call's PIO_APC_ROUTINE. */
export const IO_COMPLETE_NONE = 0, IO_COMPLETE_WIN32 = 1, IO_COMPLETE_NT = 2;
/** kernel/nt/pipe.ts flags */
const READ_NOWAIT = 2, WRITE_NOWAIT = 8;
/** OVERLAPPED on wasm32: Internal, InternalHigh, Offset, OffsetHigh, hEvent. */
const OV_INTERNAL = 0, OV_HIGH = 4, OV_OFFSET = 8, OV_OFFSET_HIGH = 12, OV_EVENT = 16, OV_SIZE = 20;
/** What a completion writes: IO_STATUS_BLOCK { Status, Information } (the OVERLAPPED's first 8 bytes). */
const SB_SIZE = 8;
/** Bytes a write may have to try without waiting (one kernel chunk); longer ones go to a worker. */
const NOWAIT_WRITE_MAX = 0x10000 - 64;
/** io(): a disk call failed before it started, with the file layer's Win32 error as the last-error. */
export const IO_FAILED = -1;

export const ntSuccess = (st: number) => (st | 0) >= 0;
const isError = (st: number) => st >>> 30 === 3;

/** A pipe transfer's status and count (host/syscalls/file-io.ts). */
export interface Transfer { st: number; count: number }

/**
 * How an I/O call reports its completion: `sb` the guest status block (an OVERLAPPED or an
 * IO_STATUS_BLOCK, checked by the caller: only its 8 bytes are written), `hEvent` the event to set
 * (0: none; then a pipe end's file object is set; checked and reset by the caller), `apc` a routine
 * (function-table index, 0: none) queued to the calling thread and called as `style` (IO_COMPLETE_*)
 * says, with `context` for IO_COMPLETE_NT;
 * `context` is also the completion value a port gets when there is no routine (an OVERLAPPED call's lpOverlapped,
 * 0 when its hEvent has the low bit set: no packet; kernel/nt/iocompletion.ts).
 */
export interface Completion { sb: number; hEvent: number; apc: number; context: number; style: number }

interface IoExports {
  ntw_io_submit(h: number, op: number, buf: number, len: number, ov: number, hEvent: number, apc: number, apcContext: number,
    style: number, out: number): number;
  ntw_io_take(out: number): number;
  ntw_io_finish(req: number, status: number, count: number): number;
  ntw_io_complete(h: number, hEvent: number, apc: number, apcContext: number, style: number, sb: number, status: number,
    count: number): number;
  ntw_io_cancel(h: number, ov: number, own: number): number;
  ntw_io_sync(h: number): number;
  ntw_set_status_error(st: number): void;
  ntw_pipe_connect(h: number, noWait: number): number;
  ntw_file_signal(h: number, on: number): number;
  ntw_iocp_io_check(h: number, apc: number): number;
}

export interface OverlappedHost {
  readPipe(h: number, buf: number, n: number, first?: number): Transfer;
  writePipe(h: number, buf: number, n: number, extra?: number): Transfer;
  disk: DiskIo;
  /**
   * Starts a worker for kernel thread record `thread` that runs ioWorker() (kind "io"); null when the
   * guest's memory is its own (not shared), so no other worker can complete a request: then the call
   * waits, as on a handle opened without FILE_FLAG_OVERLAPPED.
   */
  startWorker: ((thread: number) => void) | null;
}

/** The NTSTATUS of a disk call that failed before it started (the file layer's Win32 error). */
function diskStatus(err: number): number {
  switch (err) {
    case ERROR_INVALID_HANDLE: return STATUS_INVALID_HANDLE; // a search handle
    case ERROR_INVALID_FUNCTION: return STATUS_INVALID_DEVICE_REQUEST; // a directory
    case ERROR_ACCESS_DENIED: return STATUS_ACCESS_DENIED;
    case ERROR_NOACCESS: return STATUS_ACCESS_VIOLATION;
    case ERROR_INVALID_PARAMETER: case ERROR_NEGATIVE_SEEK: return STATUS_INVALID_PARAMETER;
    default: return STATUS_UNSUCCESSFUL;
  }
}

export function overlappedIo(kernel: KernelExports, c: CallContext, host: OverlappedHost) {
  const k = kernel as KernelExports & IoExports;
  const view = () => c.guestView();

  /**
   * Runs a request's operation, blocking as long as it takes: `mode` "try" (the first try, not
   * waiting: STATUS_PENDING when it would), "wait" (a synchronous call in the calling thread) or
   * "worker" (an I/O worker running a queued request).
   */
  function run(op: number, h: number, buf: number, n: number, mode: "try" | "wait" | "worker"): Transfer {
    const nowait = mode === "try";
    if (op === IO_OP_READ) return host.readPipe(h, buf, n, nowait ? READ_NOWAIT : 0);
    if (op === IO_OP_WRITE) return host.writePipe(h, buf, n, nowait ? WRITE_NOWAIT : 0);
    const st = k.ntw_pipe_connect(h, nowait ? 1 : 0) >>> 0;
    // a client that came while the request was queued completes it; one that came first is an error
    return { st: st === STATUS_PIPE_CONNECTED && mode === "worker" ? 0 : st, count: 0 };
  }

  /** Writes the result into the status block, the count first (the event is set by ntIoComplete/ntIoFinish). */
  function record(sb: number, t: Transfer): void {
    const v = view();
    v.setUint32(sb + OV_HIGH, t.count, true);
    v.setUint32(sb + OV_INTERNAL, t.st >>> 0, true);
  }

  /** Reports a completion without a worker: the status block, then the event or file and the APC (`apc` false: none). */
  function complete(h: number, cmp: Completion, t: Transfer, apc: boolean): void {
    record(cmp.sb, t);
    k.ntw_io_complete(h, cmp.hEvent, apc ? cmp.apc : 0, cmp.context, cmp.style, cmp.sb, t.st >>> 0, t.count);
  }

  /** A pipe call that ended in the calling thread: reported unless it failed before starting. */
  function ended(h: number, cmp: Completion, t: Transfer): number {
    if (!isError(t.st)) complete(h, cmp, t, true);
    return t.st >>> 0;
  }

  /**
   * A disk transfer at `at` (undefined: the file pointer); IO_FAILED when the file layer refused it. At
   * an offset, only a synchronous handle's file pointer moves on, as on Windows.
   */
  function disk(op: number, h: number, buf: number, n: number, at: number | undefined, sb: number, sync: boolean): Transfer {
    // the count goes to the status block's Information first (only on success), so we read it there
    const ok = op === IO_OP_READ ? host.disk.read(h, buf, n, sb + OV_HIGH, at, sync) : host.disk.write(h, buf, n, sb + OV_HIGH, at, sync);
    if (!ok) return { st: IO_FAILED, count: 0 };
    const count = view().getUint32(sb + OV_HIGH, true);
    return { st: op === IO_OP_READ && n && !count ? STATUS_END_OF_FILE : 0, count };
  }

  /**
   * The one path of every overlapped, Ex and NT call: runs `op` on pipe end or disk file `h` (`target`
   * IO_PIPE or IO_DISK; `at` the disk offset, undefined for the file pointer) and reports its
   * completion as `cmp` says (the caller checked the status block and reset the event). Returns the
   * NTSTATUS: STATUS_PENDING when a worker will complete it, the status it completed with (reported
   * already), an error status when it failed before starting (nothing reported), or IO_FAILED for a
   * disk call the file layer refused (its Win32 error is the last-error).
   */
  function io(op: number, h: number, buf: number, n: number, at: number | undefined, cmp: Completion, target: number): number {
    const port = k.ntw_iocp_io_check(h, cmp.apc) >>> 0; // completion port: no routine there, and room for the packet
    if (port) return port;
    const sync = k.ntw_io_sync(h) === 1;
    if (target === IO_DISK) {
      const t = disk(op, h, buf, n, at, cmp.sb, sync);
      if (t.st === IO_FAILED) return IO_FAILED;
      if (t.st !== STATUS_END_OF_FILE) { complete(h, cmp, t, true); return t.st; }
      complete(h, cmp, t, !sync); // the end of the file: see the top of this file
      return sync ? t.st : STATUS_PENDING;
    }
    if (!sync && host.startWorker && (op !== IO_OP_WRITE || n <= NOWAIT_WRITE_MAX)) {
      const t = run(op, h, buf, n, "try");
      if (t.st !== STATUS_PENDING) return ended(h, cmp, t);
    }
    if (sync || !host.startWorker) return ended(h, cmp, run(op, h, buf, n, "wait"));
    const out = c.scratch;
    k.ntw_file_signal(h, 0); // pending: before the worker can complete it
    const st = k.ntw_io_submit(h, op, buf, n, cmp.sb, cmp.hEvent, cmp.apc, cmp.context, cmp.style, out) >>> 0;
    if (!ntSuccess(st)) { k.ntw_file_signal(h, 1); return st; }
    if (c.kernelU32(out)) host.startWorker!(c.kernelU32(out));
    return STATUS_PENDING;
  }

  /** An NT call's Completion, once its IO_STATUS_BLOCK is checked and its event reset; else the error status. */
  function ntCompletion(hEvent: number, apc: number, apcContext: number, iosb: number): Completion | number {
    if (!iosb || !c.inGuest(iosb, SB_SIZE)) return STATUS_ACCESS_VIOLATION;
    if (hEvent) {
      const st = k.NtClearEvent(hEvent) >>> 0;
      if (!ntSuccess(st)) return st;
    }
    return { sb: iosb, hEvent, apc: apc >>> 0, context: apcContext >>> 0, style: IO_COMPLETE_NT };
  }

  /** The OVERLAPPED's Offset/OffsetHigh. */
  function offsetOf(ov: number): number {
    const v = view();
    return v.getUint32(ov + OV_OFFSET, true) + v.getUint32(ov + OV_OFFSET_HIGH, true) * 2 ** 32;
  }

  const api = {
    io,

    /**
     * An overlapped ReadFile/WriteFile/ConnectNamedPipe/TransactNamedPipe on a pipe (IO_PIPE) or disk
     * file (IO_DISK): the BOOL, *lpCount, the last-error and the OVERLAPPED as kernel32 leaves them.
     */
    start(op: number, h: number, buf: number, n: number, lpCount: number, ov: number, target: number): number {
      if (!c.inGuest(ov, OV_SIZE)) return c.fault(0);
      const hEvent = view().getUint32(ov + OV_EVENT, true) & ~1; // the low bit only keeps completion ports away
      if (hEvent && !k.ResetEvent(hEvent)) return 0;
      if (target === IO_DISK) record(ov, { st: STATUS_PENDING, count: 0 });
      else view().setUint32(ov + OV_INTERNAL, STATUS_PENDING, true); // InternalHigh stays until the call completes
      const st = io(op, h, buf, n, target === IO_DISK ? offsetOf(ov) : undefined,
        { sb: ov, hEvent, apc: 0, context: view().getUint32(ov + OV_EVENT, true) & 1 ? 0 : ov, style: IO_COMPLETE_NONE }, target);
      if (st === IO_FAILED) { // failed before starting: the last-error is set
        record(ov, { st: 0, count: 0 });
        return 0;
      }
      if (st === STATUS_PENDING) {
        if (lpCount) c.guestU32(lpCount, 0);
        return c.fault(0, ERROR_IO_PENDING);
      }
      // a partial message read leaves the count 0 (it is in InternalHigh), as kernel32 does
      if (st === 0) {
        if (lpCount) c.guestU32(lpCount, view().getUint32(ov + OV_HIGH, true));
        k.SetLastError(0);
        return 1;
      }
      k.ntw_set_status_error(st);
      return 0;
    },

    /**
     * ReadFileEx/WriteFileEx: as an overlapped call without its event (hEvent is the caller's), with
     * `routine` queued to the calling thread when the call completes, at once or later. TRUE when it
     * is pending or completed with success; FALSE with the error when it failed before starting (no
     * routine) or completed with a warning (ERROR_MORE_DATA: the routine is queued too), as kernel32.
     */
    startEx(op: number, h: number, buf: number, n: number, ov: number, routine: number, target: number): number {
      if (!ov) return c.fault(0, ERROR_INVALID_PARAMETER);
      if (!c.inGuest(ov, OV_SIZE)) return c.fault(0);
      record(ov, { st: STATUS_PENDING, count: 0 });
      const st = io(op, h, buf, n, target === IO_DISK ? offsetOf(ov) : undefined,
        { sb: ov, hEvent: 0, apc: routine >>> 0, context: 0, style: IO_COMPLETE_WIN32 }, target);
      if (st === IO_FAILED) return 0;
      if (ntSuccess(st)) return 1; // STATUS_PENDING too
      k.ntw_set_status_error(st);
      return 0;
    },

    /**
     * An NT I/O call (NtReadFile, NtWriteFile, and the FSCTLs that can pend, such as
     * FSCTL_PIPE_LISTEN with IO_OP_CONNECT) on a pipe end or disk file, after the caller checked the
     * file handle and `target` (ntw_io_target) and worked out the disk offset `at`: checks and resets
     * `hEvent`, checks the IO_STATUS_BLOCK, runs `op` through io() and reports the completion NT's
     * way (IoStatusBlock, Event or the file, apc(apcContext, IoStatusBlock, 0) to this thread). The
     * NTSTATUS: STATUS_PENDING (the IO_STATUS_BLOCK untouched until it completes), the status it
     * completed with, or an error status with nothing written. The last-error stays as it was.
     */
    nt(op: number, h: number, buf: number, n: number, at: number | undefined, hEvent: number, apc: number, apcContext: number,
      iosb: number, target: number): number {
      const saved = k.GetLastError();
      const cmp = ntCompletion(hEvent, apc, apcContext, iosb);
      let st = typeof cmp === "number" ? cmp : io(op, h, buf, n, at, cmp, target);
      if (st === IO_FAILED) st = diskStatus(k.GetLastError());
      k.SetLastError(saved);
      return st >>> 0;
    },

    /**
     * An NT call on `h` that completes in the calling thread (a console read, FSCTL_PIPE_PEEK,
     * NtQueryInformationFile...): as nt(), with `now` doing the work once the IO_STATUS_BLOCK and the
     * event are checked. Its status and count are reported NT's way unless the status is an error.
     */
    ntNow(h: number, hEvent: number, apc: number, apcContext: number, iosb: number, now: () => Transfer): number {
      const saved = k.GetLastError();
      const cmp = ntCompletion(hEvent, apc, apcContext, iosb);
      const st = typeof cmp === "number" ? cmp : ended(h, cmp, now());
      k.SetLastError(saved);
      return st >>> 0;
    },

    /** An I/O worker's life: take a request, run it, record it, let the kernel set its event and queue its APC. */
    worker(): void {
      const out = c.scratch;
      while (ntSuccess(k.ntw_io_take(out))) {
        const [req, op, h, buf, len, sb, cancelled] = [0, 4, 8, 12, 16, 20, 24].map((o) => c.kernelU32(out + o));
        const t = cancelled ? { st: cancelled, count: 0 } : run(op, h, buf, len, "worker"); // cancelled: its NTSTATUS
        if (c.inGuest(sb, SB_SIZE)) record(sb, t);
        k.ntw_io_finish(req, t.st >>> 0, t.count);
      }
    },

    syscalls: {
      GetOverlappedResult(h: number, lpOverlapped: number, lpCount: number, bWait: number): number {
        return result(h, lpOverlapped, lpCount, bWait ? INFINITE : 0, 0);
      },
      GetOverlappedResultEx(h: number, lpOverlapped: number, lpCount: number, ms: number, alertable: number): number {
        return result(h, lpOverlapped, lpCount, ms >>> 0, alertable ? 1 : 0);
      },
      CancelIo(h: number): number { // succeeds with nothing to cancel (CancelIoEx reports ERROR_NOT_FOUND)
        const st = k.ntw_io_cancel(h, 0, 1) >>> 0;
        if (!ntSuccess(st) && st !== STATUS_NOT_FOUND) return 0;
        k.SetLastError(0);
        return 1;
      },
      CancelIoEx(h: number, lpOverlapped: number): number {
        return ntSuccess(k.ntw_io_cancel(h, lpOverlapped >>> 0, 0)) ? 1 : 0;
      },
    },
  };

  function result(h: number, ov: number, lpCount: number, ms: number, alertable: number): number {
    if (!c.inGuest(ov, OV_SIZE) || (lpCount && !c.inGuest(lpCount, 4))) return c.fault(0);
    const pending = () => view().getUint32(ov + OV_INTERNAL, true) === STATUS_PENDING;
    if (pending()) {
      if (ms === 0) return c.fault(0, ERROR_IO_INCOMPLETE);
      const hEvent = view().getUint32(ov + OV_EVENT, true) & ~1;
      if (hEvent) {
        const r = k.WaitForSingleObjectEx(hEvent, ms, alertable) >>> 0;
        if (r === WAIT_IO_COMPLETION) { c.deliverApcs(); return c.fault(0, WAIT_IO_COMPLETION); }
        if (r === WAIT_TIMEOUT) return c.fault(0, WAIT_TIMEOUT);
        if (r > 0x7f) return 0; // WAIT_FAILED: a bad event handle
      } else {
        // No event: Windows waits on the file object, which the operation set when it completed.
        const r = k.WaitForSingleObjectEx(h, ms, alertable) >>> 0;
        if (r === WAIT_IO_COMPLETION) { c.deliverApcs(); return c.fault(0, WAIT_IO_COMPLETION); }
        if (r === WAIT_TIMEOUT) return c.fault(0, WAIT_TIMEOUT);
        if (r > 0x7f) return 0; // WAIT_FAILED: a bad handle
        // Set by another operation while this one still runs: until the worker writes Internal.
        const deadline = ms === INFINITE ? Infinity : Date.now() + ms;
        while (pending()) {
          if (Date.now() >= deadline) return c.fault(0, WAIT_TIMEOUT);
          const r = k.SleepEx(1, alertable) >>> 0;
          if (r === WAIT_IO_COMPLETION) { c.deliverApcs(); return c.fault(0, WAIT_IO_COMPLETION); }
        }
      }
      if (pending()) return c.fault(0, ERROR_IO_INCOMPLETE);
    }
    const v = view();
    const st = v.getUint32(ov + OV_INTERNAL, true), count = v.getUint32(ov + OV_HIGH, true);
    if (lpCount) c.guestU32(lpCount, count);
    if (st === 0) { k.SetLastError(0); return 1; }
    k.ntw_set_status_error(st);
    return 0;
  }

  return api;
}
