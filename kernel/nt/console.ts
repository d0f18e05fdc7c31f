// Console input: reading what the host fed the input console, waiting while there is none.
import { enter, leave } from "../lib/lock";
import { currentThread, result, setResult } from "../lib/tls";
import { handleObject } from "../ob/handle";
import { waitEntry, waitLocked } from "../ob/wait";
import { Console, consolePeek, consolePiped, consoleSignaled, consoleTake } from "../objects/console";
import { Thread } from "../objects/thread";
import { ntSuccess } from "./status";
import { STATUS_INVALID_HANDLE, STATUS_OBJECT_TYPE_MISMATCH, STATUS_PIPE_BROKEN, STATUS_SUCCESS, TYPE_CONSOLE } from "../generated/abi";

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
