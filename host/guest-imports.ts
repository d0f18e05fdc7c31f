// Everything a guest module may import besides the syscalls, and the check that a guest imports
// nothing ntwasm lacks (so a missing entry point is one clear message, not a link error).
import { SYSCALL_INFO } from "./generated/abi.ts";
import { functionImports, type MemoryImport } from "./wasm-module.ts";
import { decodeUtf16 } from "./call-context.ts";
import { C_ENTRY_POINTS } from "./c-entry.ts";
import { WASI_FUNCTIONS } from "./wasi/preview1.ts";

/** A guest that imports what ntwasm does not provide. */
export class GuestLinkError extends Error {
  constructor(readonly missing: string[]) {
    super(`the guest imports entry points ntwasm lacks: ${missing.join(", ")}`);
    this.name = "GuestLinkError";
  }
}

/** AssemblyScript's abort(): the guest failed an assertion or hit an error. */
export class GuestAbort extends Error {
  constructor(message: string) { super(message); this.name = "GuestAbort"; }
}

/** The env import ntwasm cc's stack checks call with the stack pointer and the limit. */
export const STACK_OVERFLOW_HANDLER = "__ntwasm_stack_overflow";

/**
 * A C guest's stack check refused a frame below the thread's stack limit (ntwasm cc,
 * host/stack-check.ts); `trap`: the trap of an inline check, whose stack (the guest's frames) it keeps.
 */
export class GuestStackOverflow extends Error {
  constructor(stackPointer: number, limit: number, trap?: Error) {
    const hex = (n: number) => `0x${(n >>> 0).toString(16).padStart(8, "0")}`;
    super(`stack overflow: no room for the next frame (stack pointer ${hex(stackPointer)}, the thread's stack limit ${hex(limit)})`);
    this.name = "GuestStackOverflow";
    if (trap) this.stack = trap.stack;
  }
}

const PROVIDED = new Set(SYSCALL_INFO.map((s) => `${s.module}.${s.name}`));
const ENV = new Set(["env.abort", "env.seed", "env.trace", `env.${STACK_OVERFLOW_HANDLER}`,
  ...WASI_FUNCTIONS.map((f) => `wasi_snapshot_preview1.${f}`)]);

export function missingImports(module: WebAssembly.Module, memory: MemoryImport | undefined): string[] {
  const missing: string[] = [];
  for (const imp of WebAssembly.Module.imports(module)) {
    const key = `${imp.module}.${imp.name}`;
    if (imp.kind === "memory" && memory && imp.module === memory.module && imp.name === memory.name) continue;
    if (imp.kind === "function" && (PROVIDED.has(key) || ENV.has(key))) continue;
    missing.push(key);
  }
  return missing;
}

/** Each syscall's Wasm signature: every parameter an i32; the result i32, i64 (ULONGLONG) or none. */
const SIGNATURES = new Map(SYSCALL_INFO.map((s) => [`${s.module}.${s.name}`,
  sig(s.params.map(() => "i32"), s.result === "void" ? [] : s.result === "ULONGLONG" ? ["i64"] : ["i32"])]));

function sig(params: string[], results: string[]): string {
  return `(${params.join(", ")}) -> ${results.length ? results.join(", ") : "nothing"}`;
}

/**
 * What stops the guest from loading, in one line naming the import: a syscall imported with another
 * signature than ntwasm's (a direct call would fail to link in the worker, a shim call would read
 * arguments that are not there). Undefined when every syscall import matches (or the module cannot
 * be read this way; compiling it has already said whether it is valid).
 */
export function wrongSignature(bytes: Uint8Array): string | undefined {
  let imports;
  try { imports = functionImports(bytes); } catch { return undefined; }
  for (const imp of imports) {
    const key = `${imp.module}.${imp.name}`;
    const want = SIGNATURES.get(key);
    if (!want) continue;
    const got = sig(imp.params, imp.results);
    if (got !== want) return `the guest imports ${key} as ${got}, but it is ${want}`;
  }
  return undefined;
}

/**
 * Why the guest's main thread has nothing to run, or undefined: `entry` (--entry) must be an exported
 * function; without it, `_start` or `main` must be (a C guest of `ntwasm cc`, which exports
 * __ntwasm_crt_args, one of c-entry.ts's entry points: its runtime always has one).
 */
export function entryProblem(module: WebAssembly.Module, entry: string | undefined): string | undefined {
  const exports = WebAssembly.Module.exports(module);
  const kind = (name: string) => exports.find((e) => e.name === name)?.kind;
  if (entry !== undefined) {
    const k = kind(entry);
    return k === "function" ? undefined : k ? `the guest exports "${entry}" as a ${k}, not a function` : `the guest exports no function "${entry}"`;
  }
  if (kind("_start") === "function" || kind("main") === "function") return undefined;
  if (kind("__ntwasm_crt_args") === "function" && C_ENTRY_POINTS.some((e) => kind(e) === "function")) return undefined;
  const odd = ["_start", "main"].find((n) => kind(n) !== undefined);
  if (odd) return `the guest exports "${odd}" as a ${kind(odd)}, not a function: nothing to run (name a function with --entry)`;
  return `the guest exports no entry point: no function "_start" or "main" (name one with --entry)`;
}

/** What __ntwasm_stack_set calls below the limit (an alloca's check; the prologues' trap instead). */
function stackOverflow(stackPointer: number, limit: number): never {
  const e = new GuestStackOverflow(stackPointer, limit);
  Error.captureStackTrace?.(e, stackOverflow); // the guest's frames only: the crash report counts them
  throw e;
}

/** The `env` functions AssemblyScript guests import (abort, seed, trace), and C guests' stack check handler. */
export function envImports(guest: () => Uint8Array): Record<string, Function> {
  const asString = (p: number): string => {
    if (!p) return "";
    const g = guest();
    const bytes = (g[p - 4] | (g[p - 3] << 8) | (g[p - 2] << 16) | (g[p - 1] << 24)) >>> 0;
    return decodeUtf16(g, p, bytes >>> 1);
  };
  return {
    abort(msg: number, file: number, line: number, col: number): never {
      throw new GuestAbort(`abort: ${asString(msg)} at ${asString(file)}:${line}:${col}`);
    },
    seed: () => Date.now() * Math.random(),
    trace: () => {},
    [STACK_OVERFLOW_HANDLER]: stackOverflow,
  };
}
