// Console: a standard stream of a process (0 in, 1 out, 2 err). The host writes output itself; the
// kernel object gives it a handle, access rights and a lifetime like any other object. The input
// console holds what the host has fed it (the user's typing, ntwasm run's stdin) in a ring buffer
// until a guest reads it; it is signaled while there is something to read (or input has ended), so
// a reader waits on it like on any object. A line-mode read (ReadConsole, ReadFile on a console) waits
// for more, as a Windows console does: a whole line (or the end of input, or as much as the reader
// takes), so that a line the host fed in two parts is read as one. A child process shares its
// parent's input console.
import { ObjectHeader } from "../ob/object";
import { Thread } from "./thread";
import { kalloc, kfree } from "../lib/alloc";

@unmanaged
export class Console extends ObjectHeader {
  stream: u32;
  buf: usize; // input ring (kalloc'd on first input)
  cap: u32;
  head: u32; // index of the oldest byte
  count: u32; // bytes waiting
  lines: u32; // newlines among them: whole lines a line-mode read can take
  ended: u32; // no more input will come
  mode: u32; // GetConsoleMode's answer: ENABLE_* bits (CONSOLE_INPUT_MODE_DEFAULT, CONSOLE_OUTPUT_MODE_DEFAULT at first)
  attr: u32; // output: the text attributes SetConsoleTextAttribute set (FOREGROUND_*, BACKGROUND_*)
  piped: u32; // the input is no terminal (ntwasm run < file, a | b): ReadFile takes it as it comes, GetFileType says FILE_TYPE_PIPE
}

/** An input console whose input is no terminal: to its readers it is the read end of a pipe. */
export function consolePiped(c: Console): bool {
  return c.stream == 0 && c.piped != 0;
}

/**
 * Would a wait by `t` on input console `c` end now? A plain wait (WaitForSingleObject on the input
 * handle) ends when there is any input, as on Windows; a line-mode read (Thread.consoleLine) when a
 * line can be taken whole or the reader's buffer can be filled.
 */
export function consoleSignaled(c: Console, t: Thread): bool {
  if (c.stream != 0) return false;
  if (c.ended) return true;
  return t.consoleLine ? c.lines > 0 || c.count >= t.consoleLine : c.count > 0;
}

/**
 * The largest input ring: more input than this waiting unread is refused (false from consoleFeed), and
 * the host keeps it until the guest has read (GuestProcess.pumpInput), so that a program that never
 * reads cannot fill kernel memory from its standard input.
 */
const MAX_RING: u32 = 1 << 20;

/**
 * Where byte `i` (from the oldest) of the ring is. The ring never divides by zero: with no ring yet
 * (cap 0, nothing fed, or input ended before any came) there is no byte to find, and the callers
 * only ask for i < count, which is 0 then.
 */
function ringAt(c: Console, i: u32): usize {
  return c.cap ? c.buf + (c.head + i) % c.cap : c.buf;
}

/** Appends `n` bytes at `src` (kernel memory) to the input ring, growing it; false when out of memory. */
export function consoleFeed(c: Console, src: usize, n: u32): bool {
  if (!n) return true;
  if (n > MAX_RING || c.count > MAX_RING - n) return false; // no u32 wrap in the sizes below
  if (c.count + n > c.cap) {
    let cap = c.cap ? c.cap : 4096;
    while (cap < c.count + n) cap <<= 1;
    const buf = kalloc(cap);
    if (!buf) return false;
    for (let i: u32 = 0; i < c.count; i++) store<u8>(buf + i, load<u8>(ringAt(c, i)));
    if (c.buf) kfree(c.buf, c.cap);
    c.buf = buf;
    c.cap = cap;
    c.head = 0;
  }
  for (let i: u32 = 0; i < n; i++) {
    const b = load<u8>(src + i);
    store<u8>(ringAt(c, c.count + i), b);
    if (b == 10) c.lines++;
  }
  c.count += n;
  return true;
}

/** Takes up to `max` bytes (to the first newline when `line`) into `dst`; returns how many. */
export function consoleTake(c: Console, dst: usize, max: u32, line: bool): u32 {
  let n: u32 = 0;
  while (n < max && n < c.count) {
    const b = load<u8>(ringAt(c, n));
    store<u8>(dst + n, b);
    n++;
    if (b == 10) { c.lines--; if (line) break; }
  }
  if (n && c.cap) c.head = (c.head + n) % c.cap; // nothing taken: the ring may not exist yet (cap 0)
  c.count -= n;
  return n;
}

/** Discards the input waiting (FlushConsoleInputBuffer). */
export function consoleFlush(c: Console): void {
  c.head = 0;
  c.count = 0;
  c.lines = 0;
}

/** Copies up to `max` of the oldest bytes into `dst` without taking them; returns how many. */
export function consolePeek(c: Console, dst: usize, max: u32): u32 {
  const n = min(max, c.count);
  for (let i: u32 = 0; i < n; i++) store<u8>(dst + i, load<u8>(ringAt(c, i)));
  return n;
}

export function consoleDestroy(c: Console): void {
  if (c.buf) kfree(c.buf, c.cap);
}
