// Everything a guest module may import besides the syscalls, and the check that a guest imports
// nothing ntwasm lacks (so a missing entry point is one clear message, not a link error).
import { SYSCALL_INFO } from "./generated/abi.ts";
import type { MemoryImport } from "./wasm-module.ts";
import { decodeUtf16 } from "./call-context.ts";
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

const PROVIDED = new Set(SYSCALL_INFO.map((s) => `${s.module}.${s.name}`));
const ENV = new Set(["env.abort", "env.seed", "env.trace", ...WASI_FUNCTIONS.map((f) => `wasi_snapshot_preview1.${f}`)]);

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

/** The `env` functions AssemblyScript guests import (abort, seed, trace). */
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
  };
}
