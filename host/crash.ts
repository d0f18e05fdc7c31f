// What a crashed guest thread reports: the NTSTATUS Windows would give its unhandled exception (the
// process's exit code), by kind of Wasm trap, and a backtrace of the guest's own frames with the
// function names of the module's name section.
import { GuestAbort } from "./guest-imports.ts";

export const STATUS_ACCESS_VIOLATION = 0xc0000005;
export const STATUS_ILLEGAL_INSTRUCTION = 0xc000001d;
export const STATUS_FLOAT_INVALID_OPERATION = 0xc0000090;
export const STATUS_INTEGER_DIVIDE_BY_ZERO = 0xc0000094;
export const STATUS_INTEGER_OVERFLOW = 0xc0000095;
export const STATUS_STACK_OVERFLOW = 0xc00000fd;

const NAMES: Record<number, string> = {
  [STATUS_ACCESS_VIOLATION]: "STATUS_ACCESS_VIOLATION",
  [STATUS_ILLEGAL_INSTRUCTION]: "STATUS_ILLEGAL_INSTRUCTION",
  [STATUS_FLOAT_INVALID_OPERATION]: "STATUS_FLOAT_INVALID_OPERATION",
  [STATUS_INTEGER_DIVIDE_BY_ZERO]: "STATUS_INTEGER_DIVIDE_BY_ZERO",
  [STATUS_INTEGER_OVERFLOW]: "STATUS_INTEGER_OVERFLOW",
  [STATUS_STACK_OVERFLOW]: "STATUS_STACK_OVERFLOW",
};

/**
 * The exit code of a process killed by trap `e`: V8's trap messages mapped to the exception x86
 * Windows raises for the same fault. `stackPointer` is the C stack pointer global's value at the
 * trap, when the guest has one: a C stack run past its bottom shows as a negative one (the
 * access then traps as out of bounds), which is a stack overflow. abort() gives 3, as msvcrt's does.
 */
export function crashCode(e: unknown, stackPointer?: number, memoryBytes?: number): number {
  if (e instanceof GuestAbort) return 3;
  const msg = e instanceof Error ? e.message : String(e);
  if (/divide by zero|remainder by zero/.test(msg)) return STATUS_INTEGER_DIVIDE_BY_ZERO;
  if (/integer overflow/.test(msg)) return STATUS_INTEGER_OVERFLOW; // INT_MIN / -1: x86's #DE
  if (/float unrepresentable/.test(msg)) return STATUS_FLOAT_INVALID_OPERATION;
  if (/call stack size exceeded/i.test(msg)) return STATUS_STACK_OVERFLOW;
  if (/out of bounds|null function|signature mismatch|null dereference/.test(msg)) {
    if (stackPointer !== undefined && (stackPointer < 0 || (memoryBytes !== undefined && stackPointer > memoryBytes))) {
      return STATUS_STACK_OVERFLOW;
    }
    return STATUS_ACCESS_VIOLATION;
  }
  return STATUS_ILLEGAL_INSTRUCTION; // unreachable and other traps
}

/** "STATUS_INTEGER_DIVIDE_BY_ZERO (0xc0000094)", or the number alone. */
export function statusText(code: number): string {
  const hex = `0x${(code >>> 0).toString(16).padStart(8, "0")}`;
  return NAMES[code >>> 0] ? `${NAMES[code >>> 0]} (${hex})` : String(code);
}

/** How many frames a trap's stack keeps (V8's default is 10: a recursion would show nothing else). */
export const CRASH_STACK_FRAMES = 64;

/**
 * The guest's frames of error stack `stack`, innermost first, as "at NAME (wasm-function[N]:0xOFF)"
 * lines; a run of frames of one function is one line with its count. Host frames are left out.
 */
export function guestBacktrace(stack: string | undefined): string[] {
  const frames: string[] = [];
  for (const line of (stack ?? "").split("\n")) {
    const m = /^\s*at (?:(.*) \()?wasm:\/\/wasm\/(?:(.*)-[0-9a-f]+)?:(wasm-function\[\d+\]:0x[0-9a-f]+)\)?\s*$/.exec(line);
    if (!m) continue;
    let name = m[1] ?? "";
    const module = m[2];
    if (module && name.startsWith(module + ".")) name = name.slice(module.length + 1);
    frames.push(name ? `${name} (${m[3]})` : m[3]);
  }
  const out: string[] = [];
  const fn = (f: string) => f.replace(/ \(.*$/, "");
  for (let i = 0; i < frames.length;) {
    let j = i + 1;
    while (j < frames.length && fn(frames[j]) === fn(frames[i])) j++;
    if (j - i > 2) out.push(`at ${frames[i]}`, `at ${fn(frames[i])} (${j - i - 1} more frames of it)`);
    else for (let n = i; n < j; n++) out.push(`at ${frames[n]}`);
    i = j;
  }
  if (frames.length >= CRASH_STACK_FRAMES) out.push("… (deeper frames not shown)");
  return out;
}

/** The report of a crashed thread, one line and then its backtrace (each line ends in "\n"). */
export function crashReport(pid: number, image: string, tid: number, code: number, e: unknown, stack: string | undefined): string {
  const msg = e instanceof Error ? e.message : String(e);
  const frames = guestBacktrace(stack);
  return `ntwasm: thread crashed: process ${pid} (${image}), thread ${tid}: ${statusText(code)}: ${msg}\n` +
    frames.map((f) => `  ${f}\n`).join("");
}
