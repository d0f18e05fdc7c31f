// Compiled guest modules by content: a program started again (Kernel.spawn, or CreateProcessW in the
// same worker) is compiled once. A lookup compares the bytes, a word at a time, with the few cached
// programs of the same length, so two programs never share a module by accident and a hit costs one
// pass over the bytes (no hash to compute first). A few recent modules are kept (least recently used
// goes first), with what CreateProcessW checks once per module: its memory import and the imports
// ntwasm lacks.
import { missingImports, wrongSignature } from "./guest-imports.ts";
import { codeSectionOffset, memoryImport, type MemoryImport } from "./wasm-module.ts";

export interface CompiledGuest {
  module: WebAssembly.Module;
  memory: MemoryImport | undefined;
  /** Imports ntwasm does not provide ("module.name"); empty when the guest links. */
  missing: string[];
  /** A syscall imported with the wrong signature, in one line (guest-imports.ts wrongSignature). */
  badImport: string | undefined;
  /** Where the code section's contents start in the module (host/dwarf.ts: DWARF addresses count from there). */
  codeOffset: number | undefined;
}

interface Entry extends CompiledGuest { bytes: Uint8Array; used: number }

/** Whether two byte arrays hold the same bytes (a word at a time where both are aligned). */
function sameBytes(x: Uint8Array, y: Uint8Array): boolean {
  if (x.length !== y.length) return false;
  let i = 0;
  if (x.byteOffset % 4 === 0 && y.byteOffset % 4 === 0) {
    const n = x.length >>> 2;
    const a = new Uint32Array(x.buffer, x.byteOffset, n), b = new Uint32Array(y.buffer, y.byteOffset, n);
    for (; i < n; i++) if (a[i] !== b[i]) return false;
    i = n << 2;
  }
  for (; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

export class ModuleCache {
  private readonly byLength = new Map<number, Entry[]>();
  private count = 0;
  private clock = 0;
  /** Modules compiled so far (a hit compiles nothing). */
  compiles = 0;

  constructor(private readonly max = 16) {}

  private lookup(bytes: Uint8Array): CompiledGuest | undefined {
    const e = this.byLength.get(bytes.length)?.find((e) => sameBytes(e.bytes, bytes));
    if (e) e.used = ++this.clock;
    return e;
  }

  private keep(bytes: Uint8Array, module: WebAssembly.Module): CompiledGuest {
    const memory = memoryImport(bytes);
    const e: Entry = { module, memory, missing: missingImports(module, memory), badImport: wrongSignature(bytes), codeOffset: codeSectionOffset(bytes), bytes: bytes.slice(), used: ++this.clock };
    this.compiles++;
    const list = this.byLength.get(bytes.length) ?? [];
    list.push(e);
    this.byLength.set(bytes.length, list);
    if (++this.count > this.max) { // the least recently used goes
      let oldest = e;
      for (const l of this.byLength.values()) for (const x of l) if (x.used < oldest.used) oldest = x;
      const l = this.byLength.get(oldest.bytes.length)!;
      l.splice(l.indexOf(oldest), 1);
      if (!l.length) this.byLength.delete(oldest.bytes.length);
      this.count--;
    }
    return e;
  }

  /** The module of `bytes`, compiled now if it is not cached (throws WebAssembly.CompileError). Workers only. */
  compileSync(bytes: Uint8Array): CompiledGuest {
    return this.lookup(bytes) ?? this.keep(bytes, new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>));
  }

  /** The same, compiling off the calling thread (for a page's main thread). */
  async compile(bytes: Uint8Array): Promise<CompiledGuest> {
    const hit = this.lookup(bytes);
    if (hit) return hit;
    const module = await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
    return this.lookup(bytes) ?? this.keep(bytes, module);
  }
}
