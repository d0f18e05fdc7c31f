// WriteConsoleW / WriteConsoleA: the kernel vouches for the handle, the host writes the text.
import { decodeUtf16, decodeUtf8, type CallContext } from "../call-context.ts";
import type { KernelExports } from "../kernel-exports.ts";

/** Where a thread's console text goes (the thread runtime orders it across threads). */
export type ConsoleSink = (stream: number, text: string) => void;

export function consoleSyscalls(k: KernelExports, c: CallContext, write: ConsoleSink) {
  function writeConsole(h: number, buf: number, n: number, lpWritten: number, wide: boolean): number {
    const stream = k.ntw_console_stream(h);
    if (stream < 0) return 0;
    const count = n >>> 0;
    const bytes = wide ? count * 2 : count;
    if (!c.inGuest(buf, bytes) || (lpWritten && !c.inGuest(lpWritten, 4))) return c.fault(0);
    const g = c.guest();
    write(stream, wide ? decodeUtf16(g, buf, count) : decodeUtf8(g, buf, buf + count));
    if (lpWritten) c.guestU32(lpWritten, count);
    return 1;
  }
  return {
    WriteConsoleW: (h: number, buf: number, n: number, written: number, _r: number) => writeConsole(h, buf, n, written, true),
    WriteConsoleA: (h: number, buf: number, n: number, written: number, _r: number) => writeConsole(h, buf, n, written, false),
  };
}
