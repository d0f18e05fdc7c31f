// Console input: reading what the host fed the input console, waiting while there is none.
import { enter, leave } from "../lib/lock";
import { currentThread, result, setResult } from "../lib/tls";
import { handleObject } from "../ob/handle";
import { waitEntry, waitLocked } from "../ob/wait";
import { Console, consoleFlush, consolePeek, consolePiped, consoleSignaled, consoleTake } from "../objects/console";
import { Thread } from "../objects/thread";
import { ntSuccess } from "./status";
import {
  CONSOLE_INPUT_MODE_VALID, CONSOLE_OUTPUT_MODE_VALID, ENABLE_ECHO_INPUT, ENABLE_LINE_INPUT, STATUS_INVALID_HANDLE, STATUS_INVALID_PARAMETER, STATUS_OBJECT_TYPE_MISMATCH, STATUS_PIPE_BROKEN, STATUS_SUCCESS, TYPE_CONSOLE } from "../generated/abi";

/**
 * Reads up to `max` bytes of console input into `dst` (kernel memory); waits until there is input.
 * With `line`, at most one line, and it waits for the whole line unless `max` bytes are there (the
 * reader gets the rest of a longer line on its next reads, as from a Windows console). On success
 * `result` is the count, 0 once input has ended.
 */
export function ntReadConsole(h: u32, dst: usize, max: u32, line: bool): u32 {
  const t = changetype<Thread>(currentThread);
  while (true) {
    enter();
    const o = handleObject(h, 0, TYPE_CONSOLE);
    if (!o) { const st = <u32>result; leave(); return st; }
    const c = changetype<Console>(o);
    if (c.stream != 0) { leave(); return STATUS_INVALID_HANDLE; } // an output console
    if (!(c.mode & ENABLE_LINE_INPUT)) line = false; // SetConsoleMode without it: what has been typed, at once
    t.consoleLine = line ? max : 0;
    const ready = consoleSignaled(c, t);
    t.consoleLine = 0;
    if (ready || !max) {
      const n = consoleTake(c, dst, max, line);
      leave();
      setResult(n);
      return STATUS_SUCCESS;
    }
    waitEntry(t, 0).object = changetype<usize>(c);
    t.waitCount = 1;
    t.waitAll = 0;
    t.syncIo = 1; // CancelSynchronousIo ends the wait with STATUS_CANCELLED
    t.consoleLine = line ? max : 0;
    const st = waitLocked(t, 0xffffffff); // signaled once input (a line for a line read) arrives; then take it
    t.consoleLine = 0;
    t.syncIo = 0;
    if (!ntSuccess(st)) return st;
  }
  return STATUS_SUCCESS; // not reached
}

/** Whether `h` is an input console fed by something that is no terminal (ReadFile takes it as it comes). */
export function ntConsolePiped(h: u32): bool {
  enter();
  const o = handleObject(h, 0, TYPE_CONSOLE, false);
  const piped = o != null && consolePiped(changetype<Console>(o));
  leave();
  return piped;
}

/**
 * PeekNamedPipe on piped console input, as on a pipe's read end: copies up to `n` bytes into `buf`
 * (kernel memory) without taking them, with the count available; STATUS_PIPE_BROKEN once the input
 * has ended and all of it was read. STATUS_OBJECT_TYPE_MISMATCH when `h` is no piped input console.
 */
export function ntPeekConsole(h: u32, buf: usize, n: u32, readOut: usize, totalOut: usize, leftOut: usize): u32 {
  enter();
  const o = handleObject(h, 0, TYPE_CONSOLE, false);
  if (!o || !consolePiped(changetype<Console>(o))) { leave(); return STATUS_OBJECT_TYPE_MISMATCH; }
  const c = changetype<Console>(o);
  if (!c.count && c.ended) { leave(); return STATUS_PIPE_BROKEN; }
  const got = buf ? consolePeek(c, buf, n) : 0;
  if (readOut) store<u32>(readOut, got);
  if (totalOut) store<u32>(totalOut, c.count);
  if (leftOut) store<u32>(leftOut, 0);
  leave();
  return STATUS_SUCCESS;
}

/**
 * The console behind `h` for the console-mode calls: STATUS_INVALID_HANDLE in `result` for a handle
 * that is no console and for piped standard input (to its reader a pipe, as on Windows).
 */
function modeConsole(h: u32): Console | null {
  const o = handleObject(h, 0, TYPE_CONSOLE, false);
  if (!o || consolePiped(changetype<Console>(o))) { setResult(STATUS_INVALID_HANDLE); return null; }
  return changetype<Console>(o);
}

/** GetConsoleMode: the mode of console `h` into `*modeOut` (kernel memory). */
export function ntGetConsoleMode(h: u32, modeOut: usize): u32 {
  enter();
  const c = modeConsole(h);
  if (c) store<u32>(modeOut, c.mode);
  leave();
  return c ? STATUS_SUCCESS : STATUS_INVALID_HANDLE;
}

/**
 * SetConsoleMode: checks `mode` against the bits the console's kind takes. An output mode is kept only
 * when valid; an input mode is kept even when the check then fails (ENABLE_ECHO_INPUT without
 * ENABLE_LINE_INPUT, unknown bits), as conhost does for programs that set such modes (its
 * SetConsoleInputModeImpl stores the mode first "for compatibility").
 */
export function ntSetConsoleMode(h: u32, mode: u32): u32 {
  enter();
  const c = modeConsole(h);
  let st = c ? STATUS_SUCCESS : STATUS_INVALID_HANDLE;
  if (c && c.stream == 0) {
    c.mode = mode & CONSOLE_INPUT_MODE_VALID;
    if (mode & ~CONSOLE_INPUT_MODE_VALID) st = STATUS_INVALID_PARAMETER;
    else if ((mode & ENABLE_ECHO_INPUT) && !(mode & ENABLE_LINE_INPUT)) st = STATUS_INVALID_PARAMETER; // echo needs line editing
  } else if (c) {
    if (mode & ~CONSOLE_OUTPUT_MODE_VALID) st = STATUS_INVALID_PARAMETER;
    else c.mode = mode;
  }
  leave();
  return st;
}

/** Bits SetConsoleTextAttribute takes: colours, the DBCS and grid bits, reverse video, underscore (conhost's VALID_TEXT_ATTRIBUTES). */
const VALID_ATTRIBUTES: u32 = 0xdfff;

/**
 * The text attributes of output console `h`; sets them to `attr` first when it is 0..0xFFFF. -1 with
 * STATUS_INVALID_HANDLE in `result` for the input console and handles that are no console,
 * STATUS_INVALID_PARAMETER for attributes outside VALID_ATTRIBUTES.
 */
export function ntConsoleAttributes(h: u32, attr: i32): i32 {
  enter();
  const o = handleObject(h, 0, TYPE_CONSOLE, false);
  let r: i32 = -1;
  if (o && changetype<Console>(o).stream != 0) {
    const c = changetype<Console>(o);
    if (attr >= 0 && (<u32>attr & ~VALID_ATTRIBUTES)) setResult(STATUS_INVALID_PARAMETER);
    else {
      if (attr >= 0) c.attr = <u32>attr;
      r = <i32>c.attr;
    }
  } else setResult(STATUS_INVALID_HANDLE);
  leave();
  return r;
}

/** FlushConsoleInputBuffer: drops what input console `h` holds unread. */
export function ntFlushConsoleInput(h: u32): u32 {
  enter();
  const c = modeConsole(h);
  const input = c != null && c.stream == 0;
  if (input) consoleFlush(changetype<Console>(c));
  leave();
  return input ? STATUS_SUCCESS : STATUS_INVALID_HANDLE;
}
