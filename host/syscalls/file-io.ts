// CreateFile / ReadFile / WriteFile / TransactNamedPipe / CallNamedPipe: host shims because a transfer
// may be larger than the thread's scratch buffer and because console handles and disk files are
// served by the host.
//
// CreateFile sends \\.\pipe\ paths to the kernel (ntw_pipe_open) and every other path to the file layer
// (host/syscalls/files.ts). ReadFile/WriteFile ask the kernel what the handle is (ntw_io_target):
// console handles go to the console (WriteFile writes its bytes as UTF-8 text, ReadFile on the console
// input reads a line of input), disk files to the file layer, pipes to the kernel
// (kernel/win32/pipe.ts) in chunks that fit the scratch buffer: guest → scratch →
// the pipe's kernel queue on the way in, queue → scratch → guest on the way out. The kernel validates
// the handle and sets the last-error; a chunk that must wait sleeps in the kernel.
import { decodeUtf16, decodeUtf8, SCRATCH_SIZE, type CallContext } from "../call-context.ts";
import type { KernelExports } from "../kernel-exports.ts";
import type { ConsoleSink } from "./console.ts";
import type { DiskIo } from "./files.ts";
import { IO_DISK, IO_OP_CONNECT, IO_OP_READ, IO_OP_WRITE, IO_PIPE, ntSuccess, overlappedIo, type Transfer } from "./overlapped.ts";
import { readConsoleBytes, readConsoleLine } from "../console-input.ts";
import {
  ERROR_ACCESS_DENIED, ERROR_INVALID_FUNCTION, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_NO_DATA, ERROR_PATH_NOT_FOUND,
  ERROR_PIPE_BUSY, GENERIC_READ, GENERIC_WRITE, OPEN_EXISTING, PIPE_READMODE_MESSAGE, STATUS_ACCESS_DENIED, STATUS_ACCESS_VIOLATION, STATUS_BUFFER_OVERFLOW,
  STATUS_INVALID_HANDLE, STATUS_INVALID_PARAMETER, STATUS_OBJECT_TYPE_MISMATCH, STATUS_PIPE_CLOSING,
} from "../generated/abi.ts";

/** The kernel's I/O exports for this shim (kernel/win32/pipe.ts), next to the generated ones. */
interface PipeExports {
  ntw_io_target(h: number): number;
  ntw_pipe_open(name: number, len: number, access: number, inherit: number, disposition: number, flags: number): number;
  ntw_io_sync(h: number): number;
  ntw_pipe_connect(h: number, noWait: number): number;
  ntw_pipe_read(h: number, buf: number, n: number, flags: number, countOut: number): number;
  ntw_pipe_write(h: number, buf: number, n: number, flags: number, countOut: number): number;
}

/** \\.\pipe\… (also with '/' and \\?\): the client end of a named pipe. */
const PIPE_PATH = /^[\\/]{2}[.?][\\/]pipe[\\/]/i;
const READ_CONTINUE = 1;
const WRITE_FIRST = 1, WRITE_LAST = 2, WRITE_TRANSACT = 4;
const INVALID_HANDLE_VALUE = 0xffffffff;
/** Bytes per kernel call; the scratch's last words hold the count and the mode word. */
const CHUNK = SCRATCH_SIZE - 64;

/**
 * `startWorker`: starts a worker running ioWorker() for a new I/O worker thread, null when guest memory
 * is not shared (host/syscalls/overlapped.ts).
 */
export function fileIoSyscalls(kernel: KernelExports, c: CallContext, write: ConsoleSink, disk: DiskIo,
  startWorker: ((thread: number) => void) | null) {
  const k = kernel as KernelExports & PipeExports;
  const countAt = () => c.scratch + SCRATCH_SIZE - 8;
  /** Bytes of an unfinished UTF-8 sequence a console WriteFile ended with, per stream. */
  const pending = new Map<number, Uint8Array>();

  /** False when the stream's reader went away (a broken pipe: ERROR_NO_DATA). */
  function consoleWrite(stream: number, buf: number, n: number): boolean {
    const g = c.guestFor(buf, n);
    let bytes = g.subarray(buf, buf + n);
    const carry = pending.get(stream);
    if (carry) { const b = new Uint8Array(carry.length + n); b.set(carry); b.set(bytes, carry.length); bytes = b; pending.delete(stream); }
    let end = bytes.length;
    // keep an incomplete trailing sequence for the next write (a character split across two calls)
    for (let i = 1; i <= 3 && i <= end; i++) {
      const b = bytes[end - i];
      if ((b & 0xc0) !== 0x80) {
        const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
        if (need > i) { pending.set(stream, bytes.slice(end - i)); end -= i; }
        break;
      }
    }
    return end ? write(stream, decodeUtf8(bytes, 0, end)) : true;
  }

  /**
   * ReadFile's kernel loop: the first chunk may block (READ_NOWAIT in `first`: STATUS_PENDING instead),
   * later ones only continue what is there. The status and the bytes copied into the guest.
   */
  function readPipe(h: number, buf: number, n: number, first = 0): Transfer {
    let total = 0, flags = first, st = 0;
    for (;;) {
      const want = Math.min(n - total, CHUNK);
      st = k.ntw_pipe_read(h, c.scratch, want, flags, countAt()) >>> 0;
      const got = c.kernelU32(countAt());
      if (got) c.guestFor(buf + total, got).set(c.kernel().subarray(c.scratch, c.scratch + got), buf + total);
      total += got;
      flags = READ_CONTINUE;
      if (st === STATUS_BUFFER_OVERFLOW) { if (total < n) continue; break; } // the message goes on
      if (st !== 0 || got < want || total >= n) break;
    }
    return { st, count: total };
  }

  /** WriteFile's kernel loop: one message on message pipes however many chunks it takes. */
  function writePipe(h: number, buf: number, n: number, extra = 0): Transfer {
    let total = 0, st = 0, first = true;
    do {
      const chunk = Math.min(n - total, CHUNK);
      c.kernel().set(c.guestFor(buf + total, chunk).subarray(buf + total, buf + total + chunk), c.scratch);
      const flags = (first ? WRITE_FIRST | extra : 0) | (total + chunk >= n ? WRITE_LAST : 0);
      st = k.ntw_pipe_write(h, c.scratch, chunk, flags, countAt()) >>> 0;
      const wrote = c.kernelU32(countAt());
      total += wrote;
      first = false;
      if (st !== 0 || wrote < chunk) break; // PIPE_NOWAIT: what fitted
    } while (total < n);
    return { st, count: total };
  }

  /** A synchronous transfer's BOOL, with the count stored. */
  function finish(t: Transfer, lpCount: number): number {
    if (lpCount) c.guestU32(lpCount, t.count);
    return t.st === 0 ? 1 : 0;
  }

  /** Checks a guest buffer and an optional DWORD out-pointer; false after faulting the call. */
  function args(buf: number, n: number, lpCount: number): boolean {
    if ((lpCount && !c.inGuest(lpCount, 4)) || !c.inGuest(buf, n)) { c.fault(0); return false; }
    if (lpCount) c.guestU32(lpCount, 0);
    return true;
  }

  /**
   * Console input: one line into the guest buffer, as a console gives it, or what has come when the
   * input is piped (SpawnOptions.stdinPipe); the bytes, or -1 (last-error set).
   */
  function consoleRead(h: number, buf: number, n: number): number {
    const bytes = k.ntw_console_piped(h) ? readConsoleBytes(k, c, h, n, false) : readConsoleLine(k, c, h, n);
    if (!bytes) return -1;
    c.guestFor(buf, bytes.length).set(bytes, buf);
    return bytes.length;
  }

  /** A disk file opened with FILE_FLAG_OVERLAPPED: ReadFile/WriteFile without an OVERLAPPED fail, as on Windows. */
  const overlappedDisk = (h: number) => k.ntw_io_sync(h) === 0;

  /** ReadFileEx/WriteFileEx on a handle that is no pipe or disk file: its error, as kernel32 gives it. */
  function exTarget(target: number): number {
    return c.fault(0, target === -1 ? ERROR_INVALID_HANDLE : ERROR_INVALID_FUNCTION);
  }

  /**
   * NtReadFile/NtWriteFile: the handle, the buffer and ByteOffset as ntdll checks them, then the one
   * overlapped path (overlapped.ts nt()); a console completes in the calling thread. Disk files: a
   * NULL ByteOffset or FILE_USE_FILE_POINTER_POSITION (-2) is the file pointer on a synchronous handle
   * (STATUS_INVALID_PARAMETER on an overlapped one), FILE_WRITE_TO_END_OF_FILE (-1) the end for a
   * write, other negative offsets STATUS_INVALID_PARAMETER. Pipes ignore ByteOffset, and every call Key.
   */
  function ntTransfer(op: number, h: number, hEvent: number, apc: number, apcContext: number, iosb: number, buf: number, n: number,
    pOffset: number): number {
    const mode = k.ntw_io_sync(h);
    if (mode === -1) return STATUS_INVALID_HANDLE;
    if (mode === -2) return STATUS_OBJECT_TYPE_MISMATCH;
    if ((n && !buf) || !c.inGuest(buf, n) || (pOffset && !c.inGuest(pOffset, 8))) return STATUS_ACCESS_VIOLATION;
    const target = k.ntw_io_target(h);
    if (target === IO_PIPE || target === IO_DISK) {
      let at: number | undefined;
      if (target === IO_DISK) {
        const off = pOffset ? c.guestView().getBigInt64(pOffset, true) : null;
        if (off === null || off === -2n) { if (!mode) return STATUS_INVALID_PARAMETER; } // the file pointer
        else if (off === -1n && op === IO_OP_WRITE) at = -1; // FILE_WRITE_TO_END_OF_FILE
        else if (off < 0n) return STATUS_INVALID_PARAMETER;
        else at = Number(off);
      }
      return ov.nt(op, h, buf, n, at, hEvent, apc, apcContext, iosb, target);
    }
    return ov.ntNow(h, hEvent, apc, apcContext, iosb, () => { // a console
      if (op === IO_OP_READ) {
        const got = target === 0 ? consoleRead(h, buf, n) : -1;
        return got < 0 ? { st: STATUS_INVALID_HANDLE, count: 0 } : { st: 0, count: got };
      }
      if (target === 0) return { st: STATUS_ACCESS_DENIED, count: 0 };
      return consoleWrite(target, buf, n) ? { st: 0, count: n } : { st: STATUS_PIPE_CLOSING, count: 0 };
    });
  }

  function transact(h: number, inBuf: number, inSize: number, outBuf: number, outSize: number, lpRead: number, lpOverlapped = 0): number {
    if (writePipe(h, inBuf, inSize, WRITE_TRANSACT).st !== 0) return 0;
    if (lpOverlapped) return ov.start(IO_OP_READ, h, outBuf, outSize, lpRead, lpOverlapped, IO_PIPE);
    return finish(readPipe(h, outBuf, outSize), lpRead);
  }

  function callNamedPipe(name: number, wide: boolean, inBuf: number, inSize: number, outBuf: number, outSize: number,
    lpRead: number, timeout: number): number {
    if (!args(inBuf, inSize >>> 0, lpRead) || !c.inGuest(outBuf, outSize >>> 0)) return 0;
    c.reset();
    const kn = wide ? c.wstr(name) : c.astr(name);
    if (kn < 0) return c.fault(0, c.error);
    const len = c.strLen;
    const open = () => k.ntw_pipe_open(kn, len, (GENERIC_READ | GENERIC_WRITE) >>> 0, 0, OPEN_EXISTING, 0) >>> 0;
    let h = open();
    if (h === INVALID_HANDLE_VALUE && k.GetLastError() === ERROR_PIPE_BUSY) {
      if (!k.WaitNamedPipeW(kn, len, timeout >>> 0)) return 0;
      h = open();
    }
    if (h === INVALID_HANDLE_VALUE) return 0;
    const modeAt = c.scratch + SCRATCH_SIZE - 16;
    new DataView(c.kernel().buffer).setUint32(modeAt, PIPE_READMODE_MESSAGE, true);
    let r = k.SetNamedPipeHandleState(h, modeAt, 0, 0);
    if (r) r = transact(h, inBuf, inSize >>> 0, outBuf, outSize >>> 0, lpRead);
    const err = k.GetLastError();
    k.CloseHandle(h);
    if (!r) k.SetLastError(err);
    return r;
  }

  function createFile(name: number, wide: boolean, access: number, share: number, sa: number, disposition: number,
    flags: number): number {
    c.reset();
    const inherit = c.inherit(sa);
    if (inherit < 0) return c.fault(INVALID_HANDLE_VALUE);
    const kn = wide ? c.wstr(name) : c.astr(name);
    if (kn < 0) return c.fault(INVALID_HANDLE_VALUE, c.error);
    if (!kn) return c.fault(INVALID_HANDLE_VALUE, ERROR_PATH_NOT_FOUND);
    const path = decodeUtf16(c.kernel(), kn, c.strLen);
    if (PIPE_PATH.test(path)) return k.ntw_pipe_open(kn, c.strLen, access >>> 0, inherit, disposition >>> 0, flags >>> 0) >>> 0;
    return disk.create(path, access >>> 0, share >>> 0, inherit, disposition >>> 0, flags >>> 0) >>> 0;
  }

  const ov = overlappedIo(k, c, { readPipe, writePipe, disk, startWorker });

  const syscalls = {
    CreateFileW: (name: number, access: number, share: number, sa: number, disposition: number, flags: number, _template: number) =>
      createFile(name, true, access, share, sa, disposition, flags),
    CreateFileA: (name: number, access: number, share: number, sa: number, disposition: number, flags: number, _template: number) =>
      createFile(name, false, access, share, sa, disposition, flags),
    ReadFile(h: number, buf: number, n: number, lpRead: number, lpOverlapped: number): number {
      n >>>= 0;
      if (!args(buf, n, lpRead)) return 0;
      const target = k.ntw_io_target(h);
      if (lpOverlapped && (target === IO_PIPE || target === IO_DISK)) return ov.start(IO_OP_READ, h, buf, n, lpRead, lpOverlapped, target);
      if (target === IO_DISK) return overlappedDisk(h) ? c.fault(0, ERROR_INVALID_PARAMETER) : disk.read(h, buf, n, lpRead);
      if (target >= 0 && target !== IO_PIPE) { // console input: one line, as a console gives it
        const got = consoleRead(h, buf, n);
        if (got < 0) return 0;
        if (lpRead) c.guestU32(lpRead, got);
        return 1;
      }
      return finish(readPipe(h, buf, n), lpRead);
    },
    WriteFile(h: number, buf: number, n: number, lpWritten: number, lpOverlapped: number): number {
      n >>>= 0;
      if (!args(buf, n, lpWritten)) return 0;
      const target = k.ntw_io_target(h);
      if (lpOverlapped && (target === IO_PIPE || target === IO_DISK)) return ov.start(IO_OP_WRITE, h, buf, n, lpWritten, lpOverlapped, target);
      if (target === IO_DISK) return overlappedDisk(h) ? c.fault(0, ERROR_INVALID_PARAMETER) : disk.write(h, buf, n, lpWritten);
      if (target >= 0 && target !== IO_PIPE) {
        if (target === 0) return c.fault(0, ERROR_ACCESS_DENIED); // the console input is not writable
        const ok = consoleWrite(target, buf, n);
        if (lpWritten) c.guestU32(lpWritten, ok ? n : 0);
        return ok ? 1 : c.fault(0, ERROR_NO_DATA);
      }
      return finish(writePipe(h, buf, n), lpWritten);
    },
    ReadFileEx(h: number, buf: number, n: number, lpOverlapped: number, routine: number): number {
      n >>>= 0;
      if (!lpOverlapped) return c.fault(0, ERROR_INVALID_PARAMETER);
      if (!args(buf, n, 0)) return 0;
      const target = k.ntw_io_target(h);
      if (target !== IO_PIPE && target !== IO_DISK) return exTarget(target);
      return ov.startEx(IO_OP_READ, h, buf, n, lpOverlapped >>> 0, routine, target);
    },
    WriteFileEx(h: number, buf: number, n: number, lpOverlapped: number, routine: number): number {
      n >>>= 0;
      if (!lpOverlapped) return c.fault(0, ERROR_INVALID_PARAMETER);
      if (!args(buf, n, 0)) return 0;
      const target = k.ntw_io_target(h);
      if (target !== IO_PIPE && target !== IO_DISK) return exTarget(target);
      return ov.startEx(IO_OP_WRITE, h, buf, n, lpOverlapped >>> 0, routine, target);
    },
    NtReadFile: (h: number, hEvent: number, apc: number, apcContext: number, iosb: number, buf: number, n: number, pOffset: number,
      _key: number) => ntTransfer(IO_OP_READ, h, hEvent, apc, apcContext, iosb, buf, n >>> 0, pOffset >>> 0),
    NtWriteFile: (h: number, hEvent: number, apc: number, apcContext: number, iosb: number, buf: number, n: number, pOffset: number,
      _key: number) => ntTransfer(IO_OP_WRITE, h, hEvent, apc, apcContext, iosb, buf, n >>> 0, pOffset >>> 0),
    TransactNamedPipe(h: number, inBuf: number, inSize: number, outBuf: number, outSize: number, lpRead: number,
      lpOverlapped: number): number {
      if (!args(inBuf, inSize >>> 0, lpRead) || !c.inGuest(outBuf, outSize >>> 0)) return 0;
      return transact(h, inBuf, inSize >>> 0, outBuf, outSize >>> 0, lpRead, lpOverlapped);
    },
    CallNamedPipeW: (name: number, inBuf: number, inSize: number, outBuf: number, outSize: number, lpRead: number, timeout: number) =>
      callNamedPipe(name, true, inBuf, inSize, outBuf, outSize, lpRead, timeout),
    CallNamedPipeA: (name: number, inBuf: number, inSize: number, outBuf: number, outSize: number, lpRead: number, timeout: number) =>
      callNamedPipe(name, false, inBuf, inSize, outBuf, outSize, lpRead, timeout),
    ConnectNamedPipe(h: number, lpOverlapped: number): number {
      if (lpOverlapped) return ov.start(IO_OP_CONNECT, h, 0, 0, 0, lpOverlapped, IO_PIPE);
      return ntSuccess(k.ntw_pipe_connect(h, 0)) ? 1 : 0;
    },
    ...ov.syscalls,
  };
  /** `overlapped`: the overlapped path, for other NT calls that pend or report NT's way (overlapped.ts nt(), ntNow()). */
  return { syscalls, ioWorker: () => ov.worker(), overlapped: ov, writePipe }; // writePipe: FSCTL_PIPE_TRANSCEIVE's write (ntfile.ts)
}
