// Overlapped I/O: ReadFile/WriteFile/ConnectNamedPipe/TransactNamedPipe with an OVERLAPPED.
//
// The call first tries the operation without waiting (the kernel's *_NOWAIT flags). When that
// completes it, the call completes as Windows does when it can: the OVERLAPPED gets Internal (the
// NTSTATUS) and InternalHigh (the bytes), the event is set and the call returns TRUE (or FALSE with
// the error). When it would wait, the request is queued in the kernel (kernel/nt/io.ts) and the call
// returns FALSE with ERROR_IO_PENDING. The process's I/O workers — hidden kernel threads on workers of
// their own, started here on demand and kept until the process ends — take queued requests and run
// them with the ordinary blocking calls; each then writes the OVERLAPPED and the kernel sets the event.
// Disk files never wait (their I/O is synchronous), so on them overlapped calls always complete at once,
// at the OVERLAPPED's offset.
//
// A pipe end's file object is waitable as on Windows (kernel/objects/pipe.ts): a call that is pending,
// or completed at once, resets it; one without an event sets it again when it completes (here, or the
// kernel's ntIoFinish for a worker). A call that fails at once leaves it as it was.
//
// GetOverlappedResult waits on the OVERLAPPED's event, or without one on the file handle, as Windows
// does; CancelIo/CancelIoEx mark requests cancelled in the kernel, which ends a running request's wait
// with STATUS_CANCELLED (ERROR_OPERATION_ABORTED).
import type { CallContext } from "../call-context.ts";
import type { KernelExports } from "../kernel-exports.ts";
import type { DiskIo } from "./files.ts";
import {
  ERROR_IO_INCOMPLETE, ERROR_IO_PENDING, INFINITE, STATUS_END_OF_FILE, STATUS_NOT_FOUND, STATUS_PENDING, STATUS_PIPE_CONNECTED, WAIT_IO_COMPLETION, WAIT_TIMEOUT,
} from "../generated/abi.ts";

/** ntw_io_target: a pipe end, a disk file. */
export const IO_PIPE = 16, IO_DISK = 17;
/** kernel/objects/iorequest.ts IO_OP_* */
export const IO_OP_READ = 1, IO_OP_WRITE = 2, IO_OP_CONNECT = 3;
/** kernel/nt/pipe.ts flags */
const READ_NOWAIT = 2, WRITE_NOWAIT = 8;
/** OVERLAPPED on wasm32: Internal, InternalHigh, Offset, OffsetHigh, hEvent. */
const OV_INTERNAL = 0, OV_HIGH = 4, OV_OFFSET = 8, OV_OFFSET_HIGH = 12, OV_EVENT = 16, OV_SIZE = 20;
/** Bytes a write may have to try without waiting (one kernel chunk); longer ones go to a worker. */
const NOWAIT_WRITE_MAX = 0x10000 - 64;

export const ntSuccess = (st: number) => (st | 0) >= 0;

/** A pipe transfer's status and count (host/syscalls/file-io.ts). */
export interface Transfer { st: number; count: number }

interface IoExports {
  ntw_io_submit(h: number, op: number, buf: number, len: number, ov: number, hEvent: number, out: number): number;
  ntw_io_worker_create(out: number): number;
  ntw_io_take(out: number): number;
  ntw_io_finish(req: number): number;
  ntw_io_cancel(h: number, ov: number, own: number): number;
  ntw_set_status_error(st: number): void;
  ntw_pipe_connect(h: number, noWait: number): number;
  ntw_file_signal(h: number, on: number): number;
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

export function overlappedIo(kernel: KernelExports, c: CallContext, host: OverlappedHost) {
  const k = kernel as KernelExports & IoExports;
  const view = () => c.guestView();

  /** Runs a request's operation, blocking as long as it takes (an I/O worker, or a first try with `nowait`). */
  function run(op: number, h: number, buf: number, n: number, nowait: boolean): Transfer {
    if (op === IO_OP_READ) return host.readPipe(h, buf, n, nowait ? READ_NOWAIT : 0);
    if (op === IO_OP_WRITE) return host.writePipe(h, buf, n, nowait ? WRITE_NOWAIT : 0);
    const st = k.ntw_pipe_connect(h, nowait ? 1 : 0) >>> 0;
    // a client that came while the request was queued completes it; one that came first is an error
    return { st: st === STATUS_PIPE_CONNECTED && !nowait ? 0 : st, count: 0 };
  }

  /** Writes the result into the OVERLAPPED (the event is set by the caller or the kernel). */
  function record(ov: number, t: Transfer): void {
    const v = view();
    v.setUint32(ov + OV_HIGH, t.count, true);
    v.setUint32(ov + OV_INTERNAL, t.st >>> 0, true);
  }

  /**
   * Completes the call at once: OVERLAPPED, event, count, BOOL and last-error. An error status (not a
   * warning such as STATUS_BUFFER_OVERFLOW) means the operation never started: no event.
   */
  function completeNow(ov: number, hEvent: number, t: Transfer, lpCount: number, h = 0): number {
    const started = (t.st >>> 30) !== 3;
    // a pipe call that failed at once leaves Internal STATUS_PENDING and InternalHigh as they were
    // (Wine's kernel32 pipe tests record this for Windows); the count goes out only on success
    if (started || !h) record(ov, t);
    if (hEvent && started) k.SetEvent(hEvent);
    if (h && started) k.ntw_file_signal(h, hEvent ? 0 : 1); // a pipe's file object: reset when the call has an event
    if (lpCount && (t.st === 0 || !h)) c.guestU32(lpCount, t.count);
    if (t.st === 0) { k.SetLastError(0); return 1; }
    k.ntw_set_status_error(t.st);
    return 0;
  }

  function disk(op: number, h: number, buf: number, n: number, ov: number): Transfer {
    const v = view();
    const at = v.getUint32(ov + OV_OFFSET, true) + v.getUint32(ov + OV_OFFSET_HIGH, true) * 2 ** 32;
    // the count goes to InternalHigh first, so a NULL lpCount still tells how much moved
    const ok = op === IO_OP_READ ? host.disk.read(h, buf, n, ov + OV_HIGH, at) : host.disk.write(h, buf, n, ov + OV_HIGH, at);
    if (!ok) return { st: -1, count: 0 };
    const count = v.getUint32(ov + OV_HIGH, true);
    return { st: op === IO_OP_READ && n && !count ? STATUS_END_OF_FILE : 0, count };
  }

  const api = {
    /** An overlapped ReadFile/WriteFile/ConnectNamedPipe on a pipe (IO_PIPE) or disk file (IO_DISK). */
    start(op: number, h: number, buf: number, n: number, lpCount: number, ov: number, target: number): number {
      if (!c.inGuest(ov, OV_SIZE)) return c.fault(0);
      const hEvent = view().getUint32(ov + OV_EVENT, true) & ~1; // the low bit only keeps completion ports away
      if (hEvent && !k.ResetEvent(hEvent)) return 0;
      if (target === IO_DISK) record(ov, { st: STATUS_PENDING, count: 0 });
      else view().setUint32(ov + OV_INTERNAL, STATUS_PENDING, true); // InternalHigh stays until the call completes
      if (target === IO_DISK) {
        const t = disk(op, h, buf, n, ov);
        if (t.st === -1) { // failed before starting: the last-error is set, the OVERLAPPED untouched
          record(ov, { st: 0, count: 0 });
          return 0;
        }
        return completeNow(ov, hEvent, t, lpCount);
      }
      if (op !== IO_OP_WRITE || n <= NOWAIT_WRITE_MAX) {
        const t = run(op, h, buf, n, true);
        if (t.st !== STATUS_PENDING) return completeNow(ov, hEvent, t, lpCount, h);
      }
      if (!host.startWorker) return completeNow(ov, hEvent, run(op, h, buf, n, false), lpCount, h);
      const out = c.scratch;
      k.ntw_file_signal(h, 0); // pending: before the worker can complete it
      if (!ntSuccess(k.ntw_io_submit(h, op, buf, n, ov, hEvent, out))) {
        const err = k.GetLastError();
        k.ntw_file_signal(h, 1);
        return c.fault(0, err);
      }
      if (c.kernelU32(out)) {
        if (!ntSuccess(k.ntw_io_worker_create(out))) return 0;
        host.startWorker!(c.kernelU32(out));
      }
      if (lpCount) c.guestU32(lpCount, 0);
      return c.fault(0, ERROR_IO_PENDING);
    },

    /** An I/O worker's life: take a request, run it, record it, let the kernel set its event. */
    worker(): void {
      const out = c.scratch;
      while (ntSuccess(k.ntw_io_take(out))) {
        const [req, op, h, buf, len, ov, cancelled] = [0, 4, 8, 12, 16, 20, 24].map((o) => c.kernelU32(out + o));
        const t = cancelled ? { st: cancelled, count: 0 } : run(op, h, buf, len, false); // cancelled: its NTSTATUS
        if (c.inGuest(ov, OV_SIZE)) record(ov, t);
        k.ntw_io_finish(req);
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
