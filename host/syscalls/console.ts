// WriteConsoleW/A and ReadConsoleW/A: the kernel vouches for the handle, the host writes the text
// (and reads input through the kernel's input console, host/console-input.ts).
import { decodeUtf16, decodeUtf8, type CallContext } from "../call-context.ts";
import type { KernelExports } from "../kernel-exports.ts";
import { readConsoleLine } from "../console-input.ts";
import type { TerminalSize } from "../protocol.ts";
import { ERROR_NO_DATA } from "../generated/abi.ts";

/** The screen buffer a console reports when its output goes to no terminal (a new Windows 10 console's window). */
const NO_TERMINAL: TerminalSize = { columns: 120, rows: 30 };

/**
 * The ANSI SGR sequence that gives text console attributes `attr`: the 16 colours of the console
 * (its bits are blue, green, red, intensity; ANSI's are red, green, blue), reverse video and underline.
 */
export function attributesToSgr(attr: number): string {
  const ansi = (bits: number) => ((bits & 4) >> 2) | (bits & 2) | ((bits & 1) << 2);
  const fg = attr & 0xf, bg = (attr >> 4) & 0xf;
  const codes = ["0", String((fg & 8 ? 90 : 30) + ansi(fg)), String((bg & 8 ? 100 : 40) + ansi(bg))];
  if (attr & 0x4000) codes.push("7");
  if (attr & 0x8000) codes.push("4");
  return `\x1b[${codes.join(";")}m`;
}

/**
 * Where a thread's console text goes (the thread runtime orders it across threads); false when the
 * stream's reader went away (EPIPE): the write fails with ERROR_NO_DATA, as on a closed pipe.
 */
export type ConsoleSink = (stream: number, text: string) => boolean;

/**
 * `terminal`: the terminal the output is shown on (ProcessInit.terminal), if any: text attributes
 * become colour sequences there, and its size is the screen buffer's.
 */
export function consoleSyscalls(k: KernelExports, c: CallContext, write: ConsoleSink, terminal?: TerminalSize) {
  function writeConsole(h: number, buf: number, n: number, lpWritten: number, wide: boolean): number {
    const stream = k.ntw_console_stream(h);
    if (stream < 0) return 0;
    const count = n >>> 0;
    const bytes = wide ? count * 2 : count;
    if (!c.inGuest(buf, bytes) || (lpWritten && !c.inGuest(lpWritten, 4))) return c.fault(0);
    const g = c.guestFresh();
    if (!write(stream, wide ? decodeUtf16(g, buf, count) : decodeUtf8(g, buf, buf + count))) {
      if (lpWritten) c.guestU32(lpWritten, 0);
      return c.fault(0, ERROR_NO_DATA);
    }
    if (lpWritten) c.guestU32(lpWritten, count);
    return 1;
  }
  /** Text a ReadConsoleW could not take whole (a UTF-8 sequence cut at the end of a read). */
  let carry = new Uint8Array(0);

  function readConsole(h: number, buf: number, n: number, lpRead: number, wide: boolean): number {
    const count = n >>> 0;
    if (!c.inGuest(buf, wide ? count * 2 : count) || (lpRead && !c.inGuest(lpRead, 4))) return c.fault(0);
    const bytes = readConsoleLine(k, c, h, count);
    if (!bytes) return 0;
    let written: number;
    if (wide) {
      let all = bytes;
      if (carry.length) { all = new Uint8Array(carry.length + bytes.length); all.set(carry); all.set(bytes, carry.length); }
      let end = all.length; // keep an incomplete UTF-8 sequence for the next read
      let back = 0;
      while (back < 3 && end - back - 1 >= 0 && (all[end - back - 1] & 0xc0) === 0x80) back++;
      const lead = all[end - back - 1];
      if (end - back - 1 >= 0 && (lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1) > back + 1) end -= back + 1;
      carry = all.slice(end);
      const text = decodeUtf8(all, 0, end);
      const view = c.guestView();
      written = Math.min(text.length, count);
      for (let i = 0; i < written; i++) view.setUint16(buf + 2 * i, text.charCodeAt(i), true);
    } else {
      c.guestFresh().set(bytes, buf);
      written = bytes.length;
    }
    if (lpRead) c.guestU32(lpRead, written);
    return 1;
  }

  /** The answer of a message box's default button (MB_OK... sets, MB_DEFBUTTON1..4). */
  function defaultButton(uType: number): number {
    const IDOK = 1, IDCANCEL = 2, IDABORT = 3, IDRETRY = 4, IDIGNORE = 5, IDYES = 6, IDNO = 7, IDTRYAGAIN = 10, IDCONTINUE = 11;
    const sets = [[IDOK], [IDOK, IDCANCEL], [IDABORT, IDRETRY, IDIGNORE], [IDYES, IDNO, IDCANCEL], [IDYES, IDNO],
      [IDRETRY, IDCANCEL], [IDCANCEL, IDTRYAGAIN, IDCONTINUE]];
    const buttons = sets[uType & 0xf] ?? sets[0];
    return buttons[(uType >> 8) & 0xf] ?? buttons[0];
  }
  function guestText(p: number): string | undefined {
    if (!p) return "";
    if (p & 1 || !c.inGuest(p, 2)) return undefined;
    const g = c.guestFresh();
    let end = p;
    while (end + 1 < g.length && (g[end] | g[end + 1])) end += 2;
    return end + 1 < g.length ? decodeUtf16(g, p, (end - p) >> 1) : undefined;
  }

  return {
    GetConsoleScreenBufferInfo(h: number, lpInfo: number): number {
      if (!c.inGuest(lpInfo, 22)) return c.fault(0);
      const attr = k.ntw_console_attributes(h, -1);
      if (attr < 0) return 0;
      const { columns, rows } = terminal ?? NO_TERMINAL;
      const cols = Math.min(Math.max(columns | 0, 1), 0x7fff), lines = Math.min(Math.max(rows | 0, 1), 0x7fff);
      const v = c.guestView();
      const words = [cols, lines, 0, 0, attr, 0, 0, cols - 1, lines - 1, cols, lines]; // size, cursor, attributes, window, maximum window
      words.forEach((w, i) => v.setInt16(lpInfo + 2 * i, w, true));
      return 1;
    },
    NtwSetConsoleTextAttribute(h: number, wAttributes: number): number {
      const attr = k.ntw_console_attributes(h, wAttributes & 0xffff);
      if (attr < 0) return 0;
      if (terminal) write(k.ntw_console_stream(h), attributesToSgr(attr));
      return 1;
    },
    /** A debugger would show it; --trace shows the call with its text. */
    OutputDebugStringW(_lpOutputString: number): void {},
    MessageBoxW(_hWnd: number, lpText: number, lpCaption: number, uType: number): number {
      const text = guestText(lpText), caption = lpCaption ? guestText(lpCaption) : "Error";
      if (text === undefined || caption === undefined) return c.fault(0);
      write(2, `${caption}: ${text}\n`); // shown or not, the answer is the default button
      return defaultButton(uType >>> 0);
    },
    MessageBeep(_uType: number): number { return 1; },
    ReadConsoleW: (h: number, buf: number, n: number, read: number, _ctl: number) => readConsole(h, buf, n, read, true),
    ReadConsoleA: (h: number, buf: number, n: number, read: number, _ctl: number) => readConsole(h, buf, n, read, false),
    WriteConsoleW: (h: number, buf: number, n: number, written: number, _r: number) => writeConsole(h, buf, n, written, true),
    WriteConsoleA: (h: number, buf: number, n: number, written: number, _r: number) => writeConsole(h, buf, n, written, false),
  };
}
