// What a crashed guest thread reports: the NTSTATUS Windows would give its unhandled exception (the
// process's exit code), by kind of Wasm trap, and a backtrace of the guest's own frames with the
// function names of the module's name section and, for a module built with -g, the file, line and
// column of each frame (and the calls inlined there) from its DWARF (host/dwarf.ts).
import { GuestAbort, GuestStackOverflow } from "./guest-imports.ts";
import { debugInfo, type SourceFrame, type SourcePosition } from "./dwarf.ts";

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
 * Windows raises for the same fault; a stack check's refusal (ntwasm cc) is a stack overflow.
 * `stackPointer` is the C stack pointer global's value at the trap, when the guest has one: in a guest
 * without stack checks, a C stack run past address 0 shows as a negative one (the access then traps as
 * out of bounds), which is a stack overflow too. abort() gives 3, as msvcrt's does.
 */
export function crashCode(e: unknown, stackPointer?: number, memoryBytes?: number): number {
  if (e instanceof GuestAbort) return 3;
  if (e instanceof GuestStackOverflow) return STATUS_STACK_OVERFLOW;
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

/** Source frames at a module offset (V8's wasm-function[N]:0xOFFSET), innermost first. */
export type Symbolizer = (moduleOffset: number) => SourceFrame[];

/** The symbolizer of a module built with -g, or undefined (no DWARF, or no code section offset). */
export function moduleSymbolizer(module: WebAssembly.Module | undefined, codeOffset: number | undefined): Symbolizer | undefined {
  if (!module || codeOffset === undefined) return undefined;
  const d = debugInfo(module);
  return d ? (offset) => offset > codeOffset ? d.lookup(offset - codeOffset) : [] : undefined;
}

const where = (p: SourcePosition) => `${p.file}:${p.line}${p.column ? `:${p.column}` : ""}`;

/**
 * The guest's frames of error stack `stack`, innermost first, as "at NAME (wasm-function[N]:0xOFF)"
 * lines; a run of frames of one function is one line with its count. Host frames are left out. With
 * `symbolize` (DWARF), a frame DWARF knows is "at NAME (FILE:LINE:COL, wasm-function[N]:0xOFF)", after
 * a line "at CALLEE (FILE:LINE:COL, inlined into NAME)" for each call inlined there.
 */
export function guestBacktrace(stack: string | undefined, symbolize?: Symbolizer): string[] {
  const frames: string[] = [];
  let wasmFrames = 0;
  for (const line of (stack ?? "").split("\n")) {
    const m = /^\s*at (?:(.*) \()?wasm:\/\/wasm\/(?:(.*)-[0-9a-f]+)?:(wasm-function\[\d+\]:0x([0-9a-f]+))\)?\s*$/.exec(line);
    if (!m) continue;
    wasmFrames++;
    let name = m[1] ?? "";
    const module = m[2];
    if (module && name.startsWith(module + ".")) name = name.slice(module.length + 1);
    let source: SourceFrame[] = [];
    try { source = symbolize?.(parseInt(m[4], 16)) ?? []; } catch { /* names only */ }
    const outer = source[source.length - 1];
    name ||= outer?.function ?? "";
    for (let i = 0; i < source.length - 1; i++) {
      const f = source[i], caller = i + 1 === source.length - 1 ? name : source[i + 1].function;
      const into = caller ? `inlined into ${caller}` : "inlined";
      frames.push(`${f.function ?? "?"} (${f.position ? `${where(f.position)}, ` : ""}${into})`);
    }
    const at = outer?.position ? `${where(outer.position)}, ${m[3]}` : m[3];
    frames.push(name ? `${name} (${at})` : at);
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
  if (wasmFrames >= CRASH_STACK_FRAMES) out.push("… (deeper frames not shown)");
  return out;
}

/**
 * The report of a crashed thread, one line and then its backtrace (each line ends in "\n"). `module`
 * and `codeOffset` (where its code section's contents start) give file:line from its DWARF, if any.
 */
export function crashReport(pid: number, image: string, tid: number, code: number, e: unknown, stack: string | undefined,
  module?: WebAssembly.Module, codeOffset?: number): string {
  const msg = e instanceof Error ? e.message : String(e);
  let symbolize: Symbolizer | undefined;
  try { symbolize = moduleSymbolizer(module, codeOffset); } catch { /* names only */ }
  const frames = guestBacktrace(stack, symbolize);
  return `ntwasm: thread crashed: process ${pid} (${image}), thread ${tid}: ${statusText(code)}: ${msg}\n` +
    frames.map((f) => `  ${f}\n`).join("");
}
