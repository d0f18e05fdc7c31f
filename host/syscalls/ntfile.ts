// ntdll's NtFsControlFile, NtQueryInformationFile and NtSetInformationFile (abi/syscalls/ntfile.ts):
// host shims because their buffers are variable and because FSCTL_PIPE_LISTEN / FSCTL_PIPE_TRANSCEIVE
// pend on an overlapped handle. The kernel does the work (kernel/win32/ntfile.ts, nt/ntfile.ts over the
// pipe services); a request completes through the one overlapped path (overlapped.ts nt() and ntNow():
// IO_STATUS_BLOCK, Event, ApcRoutine), which also runs a LISTEN or a TRANSCEIVE's read on an I/O worker
// when it must wait. A request that fails at once writes nothing.
import { SCRATCH_SIZE, decodeUtf16, type CallContext } from "../call-context.ts";
import type { KernelExports } from "../kernel-exports.ts";
import type { FileBackend } from "../files/backend.ts";
import { IO_OP_CONNECT, IO_OP_READ, IO_PIPE, ntSuccess, type overlappedIo, type Transfer } from "./overlapped.ts";
import {
  STATUS_ACCESS_VIOLATION, STATUS_ILLEGAL_FUNCTION, STATUS_INFO_LENGTH_MISMATCH, STATUS_INVALID_DEVICE_REQUEST,
  STATUS_INVALID_PARAMETER, STATUS_NOT_SUPPORTED, STATUS_PIPE_DISCONNECTED,
} from "../generated/abi.ts";

/** The kernel's exports for these shims (kernel/win32/ntfile.ts, kernel/win32/file.ts), next to the generated ones. */
interface NtFileExports {
  ntw_ntfile_target(h: number, code: number): number;
  ntw_ntfile_transceive_check(h: number): number;
  ntw_ntfile_disconnect(h: number): number;
  ntw_ntfile_peek(h: number, out: number, len: number, tmp: number): number;
  ntw_ntfile_wait(name: number, len: number, ms: number): number;
  ntw_ntfile_pid(h: number, client: number, out: number): number;
  ntw_ntfile_query(h: number, cls: number, out: number, len: number, sizeOut: number): number;
  ntw_ntfile_set(h: number, cls: number, inp: number, len: number): number;
  ntw_file_query(h: number, out: number, max: number): number;
}

/** What fileIoSyscalls (file-io.ts) shares with these shims. */
export interface NtFileIo {
  overlapped: ReturnType<typeof overlappedIo>;
  writePipe(h: number, buf: number, n: number, extra?: number): Transfer;
}

/** kernel/nt/ntfile.ts TARGET_* */
const TARGET_DEVICE = 3, TARGET_DISK = 4;
/** The DDK's FSCTL_PIPE_* codes (CTL_CODE(FILE_DEVICE_NAMED_PIPE, n, method, access)). */
const FSCTL_PIPE_DISCONNECT = 0x110004, FSCTL_PIPE_LISTEN = 0x110008, FSCTL_PIPE_PEEK = 0x11400c,
  FSCTL_PIPE_TRANSCEIVE = 0x11c017, FSCTL_PIPE_WAIT = 0x110018, FSCTL_PIPE_IMPERSONATE = 0x11001c,
  FSCTL_PIPE_QUERY_CLIENT_PROCESS = 0x110024, FSCTL_PIPE_GET_CONNECTION_ATTRIBUTE = 0x110030;
/** kernel/nt/pipe.ts WRITE_TRANSACT: TransactNamedPipe's write (message read mode, nothing unread). */
const WRITE_TRANSACT = 4;
/** FILE_PIPE_PEEK_BUFFER's header and at most PEEK_MAX bytes of data (kernel/nt/pipe.ts). */
const PEEK_LIMIT = 16 + 0x10000;
/** FILE_PIPE_WAIT_FOR_BUFFER: Timeout (8), NameLength (4), TimeoutSpecified (1), Name at 14; 16 bytes. */
const WAIT_HEADER = 16, WAIT_NAME = 14;
const NMPWAIT_USE_DEFAULT_WAIT = 0, NMPWAIT_NOWAIT = 1;
const FileStandardInformation = 5;
/** The largest structure NtQuery/SetInformationFile serve (FILE_PIPE_LOCAL_INFORMATION), with room. */
const INFO_MAX = 64;
const isError = (st: number) => st >>> 30 === 3;

export function ntFileSyscalls(kernel: KernelExports, c: CallContext, fs: FileBackend, io: NtFileIo) {
  const k = kernel as KernelExports & NtFileExports;
  const ov = io.overlapped;
  const tmp = () => c.scratch + SCRATCH_SIZE - 64; // six words the kernel's peek and query report in
  const inGuest = (p: number, n: number) => !n || (p !== 0 && c.inGuest(p, n));

  function writeIosb(iosb: number, st: number, info: number): void {
    const v = c.guestView();
    v.setUint32(iosb, st >>> 0, true);
    v.setUint32(iosb + 4, info >>> 0, true);
  }

  /** The milliseconds of FILE_PIPE_WAIT_FOR_BUFFER's Timeout (negative: relative, positive: a FILETIME), never 0. */
  function waitMs(t: bigint): number {
    const ms = t < 0n ? Math.ceil(Number(-t) / 10000) : Math.ceil(Number(t) / 10000 - 11644473600000 - Date.now());
    return ms <= 0 ? NMPWAIT_NOWAIT : Math.min(ms, 0xfffffffe);
  }

  /** FSCTL_PIPE_WAIT on a handle to \Device\NamedPipe\: waits in the calling thread, then reports. */
  function pipeWait(h: number, hEvent: number, apc: number, ctx: number, iosb: number, inBuf: number, inLen: number): number {
    if (inLen < WAIT_HEADER) return STATUS_INVALID_PARAMETER;
    if (!inGuest(inBuf, inLen)) return STATUS_ACCESS_VIOLATION;
    const v = c.guestView();
    const timeout = v.getBigInt64(inBuf, true), chars = v.getUint32(inBuf + 8, true) >>> 1, specified = v.getUint8(inBuf + 12);
    if (inLen < WAIT_NAME + 2 * chars) return STATUS_INVALID_PARAMETER;
    const ms = specified ? waitMs(timeout) : NMPWAIT_USE_DEFAULT_WAIT;
    return ov.ntNow(h, hEvent, apc, ctx, iosb, () => {
      c.kernel().set(c.guestFor(inBuf + WAIT_NAME, 2 * chars).subarray(inBuf + WAIT_NAME, inBuf + WAIT_NAME + 2 * chars), c.scratch);
      return { st: k.ntw_ntfile_wait(c.scratch, chars, ms) >>> 0, count: 0 };
    });
  }

  /** FSCTL_PIPE_GET_CONNECTION_ATTRIBUTE: "ClientProcessId" or "ServerProcessId" (with its NUL) → a ULONG. */
  function connectionAttribute(h: number, hEvent: number, apc: number, ctx: number, iosb: number, inBuf: number, inLen: number,
    outBuf: number, outLen: number): number {
    if (!inGuest(inBuf, inLen) || !inGuest(outBuf, outLen)) return STATUS_ACCESS_VIOLATION;
    const name = inLen === 16 ? String.fromCharCode(...c.guestFor(inBuf, 16).subarray(inBuf, inBuf + 16)) : "";
    const client = name === "ClientProcessId\0", server = name === "ServerProcessId\0";
    if (!client && !server) return STATUS_ILLEGAL_FUNCTION;
    if (outLen < 4) return STATUS_INFO_LENGTH_MISMATCH;
    return ov.ntNow(h, hEvent, apc, ctx, iosb, () => {
      const st = k.ntw_ntfile_pid(h, client ? 1 : 0, tmp()) >>> 0;
      if (st === 0) c.guestView().setUint32(outBuf, c.kernelU32(tmp()), true);
      return { st, count: st === 0 ? 4 : 0 };
    });
  }

  /** NtQueryInformationFile's FileStandardInformation of a disk file: its size, from the file layer. */
  function diskSize(h: number, out: number): void {
    const at = c.scratch + 256;
    if (k.ntw_file_query(h, at, SCRATCH_SIZE - 512) !== 0) return;
    const path = decodeUtf16(c.kernel(), at + 32, c.kernelU32(at + 16));
    let size = 0;
    try {
      const s = fs.stat(path);
      if (s && !s.dir) size = s.size;
    } catch { /* gone: 0 */ }
    const v = new DataView(c.kernel().buffer);
    v.setBigUint64(out, BigInt(Math.ceil(size / 4096) * 4096), true); // AllocationSize: whole clusters
    v.setBigUint64(out + 8, BigInt(size), true); // EndOfFile
  }

  return {
    NtFsControlFile(h: number, hEvent: number, apc: number, ctx: number, iosb: number, code: number, inBuf: number, inLen: number,
      outBuf: number, outLen: number): number {
      code >>>= 0; inLen >>>= 0; outLen >>>= 0; inBuf >>>= 0; outBuf >>>= 0;
      if (!iosb || !c.inGuest(iosb, 8)) return STATUS_ACCESS_VIOLATION;
      const target = k.ntw_ntfile_target(h, code) >>> 0;
      if (target > TARGET_DISK) return target; // STATUS_INVALID_HANDLE, STATUS_OBJECT_TYPE_MISMATCH, STATUS_ACCESS_DENIED
      if (hEvent) { // reset first, as NT does before the file system sees the request
        const st = k.NtClearEvent(hEvent) >>> 0;
        if (!ntSuccess(st)) return st;
      }
      if (target === TARGET_DISK) return STATUS_INVALID_DEVICE_REQUEST; // a disk file system's answer to pipe requests
      if (target === TARGET_DEVICE) { // \Device\NamedPipe\ itself (Wine's server, as its tests record for Windows)
        switch (code) {
          case FSCTL_PIPE_WAIT: return pipeWait(h, hEvent, apc, ctx, iosb, inBuf, inLen);
          case FSCTL_PIPE_LISTEN: case FSCTL_PIPE_IMPERSONATE: return STATUS_ILLEGAL_FUNCTION;
          case FSCTL_PIPE_DISCONNECT: case FSCTL_PIPE_TRANSCEIVE: return STATUS_PIPE_DISCONNECTED;
          case FSCTL_PIPE_QUERY_CLIENT_PROCESS: case FSCTL_PIPE_PEEK: return STATUS_INVALID_PARAMETER;
          default: return STATUS_NOT_SUPPORTED;
        }
      }
      switch (code) {
        case FSCTL_PIPE_LISTEN: // STATUS_ILLEGAL_FUNCTION on a client (kernel/nt/pipe.ts ntConnectNamedPipe)
          return ov.nt(IO_OP_CONNECT, h, 0, 0, undefined, hEvent, apc, ctx, iosb, IO_PIPE);
        case FSCTL_PIPE_DISCONNECT:
          return ov.ntNow(h, hEvent, apc, ctx, iosb, () => ({ st: k.ntw_ntfile_disconnect(h) >>> 0, count: 0 }));
        case FSCTL_PIPE_PEEK:
          if (!inGuest(outBuf, outLen)) return STATUS_ACCESS_VIOLATION;
          return ov.ntNow(h, hEvent, apc, ctx, iosb, () => {
            const st = k.ntw_ntfile_peek(h, c.scratch, Math.min(outLen, PEEK_LIMIT), tmp()) >>> 0;
            if (isError(st)) return { st, count: 0 };
            const count = c.kernelU32(tmp() + 20);
            c.guestFor(outBuf, count).set(c.kernel().subarray(c.scratch, c.scratch + count), outBuf);
            return { st, count };
          });
        case FSCTL_PIPE_TRANSCEIVE: { // one message out, the reply in: the read pends on an overlapped handle
          if (!inGuest(inBuf, inLen) || !inGuest(outBuf, outLen)) return STATUS_ACCESS_VIOLATION;
          const st = k.ntw_ntfile_transceive_check(h) >>> 0;
          if (st !== 0) return st;
          const w = io.writePipe(h, inBuf, inLen, WRITE_TRANSACT); // STATUS_INVALID_READ_MODE, STATUS_PIPE_BUSY
          if (w.st !== 0) return w.st >>> 0;
          return ov.nt(IO_OP_READ, h, outBuf, outLen, undefined, hEvent, apc, ctx, iosb, IO_PIPE);
        }
        case FSCTL_PIPE_GET_CONNECTION_ATTRIBUTE:
          return connectionAttribute(h, hEvent, apc, ctx, iosb, inBuf, inLen, outBuf, outLen);
        default: return STATUS_NOT_SUPPORTED;
      }
    },

    NtQueryInformationFile(h: number, iosb: number, buf: number, len: number, cls: number): number {
      len >>>= 0; buf >>>= 0;
      if (!iosb || !c.inGuest(iosb, 8) || !inGuest(buf, len)) return STATUS_ACCESS_VIOLATION;
      const st = k.ntw_ntfile_query(h, cls >>> 0, c.scratch, Math.min(len, INFO_MAX), tmp()) >>> 0;
      if (st !== 0) return st;
      const size = c.kernelU32(tmp());
      if (c.kernelU32(tmp() + 4) && cls === FileStandardInformation) {
        const info = c.kernel().slice(c.scratch, c.scratch + size); // diskSize uses the scratch
        c.kernel().set(info, c.scratch + 128);
        diskSize(h, c.scratch + 128);
        c.guestFor(buf, size).set(c.kernel().subarray(c.scratch + 128, c.scratch + 128 + size), buf);
      } else c.guestFor(buf, size).set(c.kernel().subarray(c.scratch, c.scratch + size), buf);
      writeIosb(iosb, 0, size);
      return 0;
    },

    NtSetInformationFile(h: number, iosb: number, buf: number, len: number, cls: number): number {
      len >>>= 0; buf >>>= 0;
      if (!iosb || !c.inGuest(iosb, 8) || !inGuest(buf, len)) return STATUS_ACCESS_VIOLATION;
      const n = Math.min(len, INFO_MAX);
      if (n) c.kernel().set(c.guestFor(buf, n).subarray(buf, buf + n), c.scratch);
      const st = k.ntw_ntfile_set(h, cls >>> 0, c.scratch, n) >>> 0;
      if (st !== 0) return st;
      writeIosb(iosb, 0, 0);
      return 0;
    },
  };
}
