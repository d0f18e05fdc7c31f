// Reads what the JS API does not tell: the limits of a guest module's imported memory (needed to
// create it, shared, before instantiating the guest on several workers), its function imports' signatures
// and where its code section starts (crash reports map V8's offsets to DWARF's with it).

export interface MemoryImport {
  module: string;
  name: string;
  initial: number;
  maximum: number | undefined;
  shared: boolean;
}

/** A cursor over a module's bytes (host/stack-check.ts reads code with it too). */
export class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}
  byte(): number {
    if (this.pos >= this.bytes.length) throw new Error("truncated module");
    return this.bytes[this.pos++];
  }
  u32(): number {
    let result = 0, shift = 0, b: number;
    do { b = this.byte(); result |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
    return result >>> 0;
  }
  name(): string {
    const n = this.u32();
    const s = new TextDecoder().decode(this.bytes.subarray(this.pos, this.pos + n));
    this.pos += n;
    return s;
  }
  limits(): { initial: number; maximum?: number; shared: boolean } {
    const flags = this.u32();
    const initial = this.u32();
    const maximum = flags & 1 ? this.u32() : undefined;
    return { initial, maximum, shared: (flags & 2) !== 0 };
  }
}

/**
 * The module's sections in order, each with `r` at its contents (a caller may read them, or return
 * early); the walk goes on from the section's end whatever the caller read.
 */
export function* sections(r: Reader): Generator<{ id: number; start: number; end: number }> {
  r.pos = 8;
  while (r.pos < r.bytes.length) {
    const id = r.byte();
    const size = r.u32();
    const start = r.pos, end = start + size;
    yield { id, start, end };
    r.pos = end;
  }
}

export function isWasm(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d;
}

/** The module's imported memory, or undefined when it defines its own. */
export function memoryImport(bytes: Uint8Array): MemoryImport | undefined {
  const r = new Reader(bytes);
  for (const { id } of sections(r)) {
    if (id === 2) {
      const count = r.u32();
      for (let i = 0; i < count; i++) {
        const module = r.name();
        const name = r.name();
        const kind = r.byte();
        if (kind === 0) r.u32();
        else if (kind === 1) { r.byte(); r.limits(); }
        else if (kind === 2) {
          const l = r.limits();
          return { module, name, initial: l.initial, maximum: l.maximum, shared: l.shared };
        }
        else if (kind === 3) { r.byte(); r.byte(); }
        else throw new Error(`unknown import kind ${kind}`);
      }
      return undefined;
    }
  }
  return undefined;
}

/**
 * Where the contents of the module's code section start, in bytes from the module's start: DWARF's
 * addresses count from there, V8's stack frames (wasm-function[N]:0xOFFSET) from the module's start.
 * Walks the section headers only; undefined when there is no code section or the module is cut short.
 */
export function codeSectionOffset(bytes: Uint8Array): number | undefined {
  try {
    for (const { id, start } of sections(new Reader(bytes))) if (id === 10) return start;
  } catch { /* truncated */ }
  return undefined;
}

/** A function the module imports, with its signature ("i32", "i64", "f32", "f64", "v128", "funcref", "externref"). */
export interface FunctionImport { module: string; name: string; params: string[]; results: string[] }

const VALTYPES: Record<number, string> = { 0x7f: "i32", 0x7e: "i64", 0x7d: "f32", 0x7c: "f64", 0x7b: "v128", 0x70: "funcref", 0x6f: "externref" };

/**
 * The module's function imports with their signatures, read from its type and import sections.
 * Throws on what it cannot read (a truncated module, types of proposals it does not know).
 */
export function functionImports(bytes: Uint8Array): FunctionImport[] {
  const r = new Reader(bytes);
  const valtypes = (): string[] => {
    const n = r.u32();
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const b = r.byte();
      const t = VALTYPES[b];
      if (!t) throw new Error(`unknown value type 0x${b.toString(16)}`);
      out.push(t);
    }
    return out;
  };
  const types: { params: string[]; results: string[] }[] = [];
  const imports: FunctionImport[] = [];
  for (const { id } of sections(r)) {
    if (id === 1) {
      const count = r.u32();
      for (let i = 0; i < count; i++) {
        const form = r.byte();
        if (form !== 0x60) throw new Error(`type ${i}: not a function type (0x${form.toString(16)})`);
        const params = valtypes();
        types.push({ params, results: valtypes() });
      }
    } else if (id === 2) {
      const count = r.u32();
      for (let i = 0; i < count; i++) {
        const module = r.name();
        const name = r.name();
        const kind = r.byte();
        if (kind === 0) {
          const t = types[r.u32()];
          if (!t) throw new Error(`import ${module}.${name}: no such type`);
          imports.push({ module, name, params: t.params, results: t.results });
        } else if (kind === 1) { r.byte(); r.limits(); }
        else if (kind === 2) r.limits();
        else if (kind === 3) { r.byte(); r.byte(); }
        else throw new Error(`unknown import kind ${kind}`);
      }
      return imports;
    }
  }
  return imports;
}
