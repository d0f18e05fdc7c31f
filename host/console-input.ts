// Reading the console input for a guest: the kernel hands out what the host fed it (ntwasm run's
// stdin, GuestProcess.writeStdin) and makes the reader wait while there is none. Console reads
// (ReadConsoleW/A, ReadFile on the input handle) return one line at a time ending in "\r\n", as a
// Windows console does; WASI's fd_read gets the bytes as they are.
import type { CallContext } from "./call-context.ts";
import type { KernelExports } from "./kernel-exports.ts";
import { SCRATCH_SIZE } from "./call-context.ts";

/** Up to `max` bytes of input (one line at most when `line`), empty at the end of input; null on error (last error set). */
export function readConsoleBytes(k: KernelExports, c: CallContext, h: number, max: number, line: boolean): Uint8Array | null {
  const n = k.ntw_console_read(h, c.scratch, Math.min(max, SCRATCH_SIZE), line ? 1 : 0);
  if (n < 0) return null;
  return c.kernel().slice(c.scratch, c.scratch + n);
}

/**
 * One console line for a reader that takes at most `max` units, with its final "\n" as "\r\n": reads
 * at most max - 1 bytes so the "\r" fits.
 */
export function readConsoleLine(k: KernelExports, c: CallContext, h: number, max: number): Uint8Array | null {
  if (max === 0) return new Uint8Array(0);
  const bytes = readConsoleBytes(k, c, h, max > 1 ? max - 1 : 1, true);
  if (!bytes || !bytes.length || bytes[bytes.length - 1] !== 10 || (bytes.length > 1 && bytes[bytes.length - 2] === 13)) return bytes;
  const crlf = new Uint8Array(bytes.length + 1);
  crlf.set(bytes.subarray(0, bytes.length - 1));
  crlf.set([13, 10], bytes.length - 1);
  return crlf;
}
