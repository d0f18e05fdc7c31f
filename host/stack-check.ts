// ntwasm cc's stack checks: a linked C guest's writes of `__stack_pointer` that may move it down are
// made to refuse a stack pointer below the thread's limit (__ntwasm_stack_limit, a global of the C
// runtime: guests/c/runtime/ntwasm_crt.c), in place: no code moves, so DWARF, the name section and
// every offset stay valid. wasm-ld writes the stack pointer's index as a 5-byte LEB (a relocation),
// which leaves room:
// - a function's prologue, `global.get sp; i32.const N; i32.sub; local.tee x; global.set sp`, becomes
//   `global.get sp; i32.const N; i32.sub; local.tee x; local.get x; global.get limit; i32.ge_u;
//   i32.div_u; global.set sp` with shorter LEBs: x / (x >= limit) is x, or a trap (divide by zero)
//   before the write. Nearly free; the module lists these divisions in a custom section, by which the
//   host tells the trap from a program's own division by zero;
// - any other write that may move it down (an alloca) becomes a call of the runtime's
//   __ntwasm_stack_set (6 bytes, as the write), which calls the host's handler below the limit;
// - a write of `x + constant` (a function's epilogue giving its frame back) moves it up: left as it is.
import { Reader, sections } from "./wasm-module.ts";

/** What ntwasm cc exports for the checks (guests/c/runtime/ntwasm_crt.c), and the custom section it adds. */
export const STACK_SET = "__ntwasm_stack_set";
export const STACK_LIMIT = "__ntwasm_stack_limit";
export const STACK_CHECKS_SECTION = "ntwasm.stack_checks";

export interface StackChecks {
  /** The module with its checks. */
  bytes: Uint8Array<ArrayBuffer>;
  /** Prologues that now check inline. */
  inline: number;
  /** Other writes that now call STACK_SET. */
  calls: number;
  /** Writes that move the stack pointer up (`x + constant`), left as they are. */
  up: number;
  /** Writes left as they are because the check would not fit (an index shorter than 5 bytes). */
  unchecked: number;
}

/** Skips a LEB128 number (signed or not, any width); returns its length in bytes. */
function skipLeb(r: Reader): number {
  const start = r.pos;
  while (r.byte() & 0x80) { /* continuation */ }
  return r.pos - start;
}

function skipMemarg(r: Reader): void {
  const align = r.u32();
  if (align & 0x40) r.u32(); // a memory index (multi-memory)
  skipLeb(r); // the offset
}

/** A value type: one byte, but (ref null? ht) carries a heap type. */
function skipValtype(r: Reader): void {
  const b = r.byte();
  if (b === 0x63 || b === 0x64) skipLeb(r);
}

/** A block type: empty (0x40), a value type or a type index (s33). */
function skipBlocktype(r: Reader): void {
  const b = r.bytes[r.pos];
  if (b === 0x63 || b === 0x64) skipValtype(r);
  else skipLeb(r);
}

/** Opcodes with no immediates besides those handled below: control without labels, parametric, numeric. */
function plain(op: number): boolean {
  return op === 0x00 || op === 0x01 || op === 0x05 || op === 0x0a || op === 0x0b || op === 0x0f || op === 0x19 ||
    op === 0x1a || op === 0x1b || (op >= 0x45 && op <= 0xc4) || op === 0xd1 || op === 0xd3 || op === 0xd4;
}

/** A signed LEB128 at `pos`, up to 32 bits. */
function s32(bytes: Uint8Array, pos: number): number {
  let result = 0, shift = 0, b: number;
  do { b = bytes[pos++]; result |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80 && shift < 35);
  return shift < 32 && b & 0x40 ? result | (-1 << shift) : result;
}

/** The LEB128 of `value` in exactly `length` bytes (a longer encoding than needed is valid). */
function leb(value: number, length: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < length; i++) out.push(((value >>> (7 * i)) & 0x7f) | (i < length - 1 ? 0x80 : 0));
  return out;
}

/** A LEB128 of `value`, as short as can be. */
function uleb(value: number): number[] {
  return leb(value, Math.max(1, Math.ceil((32 - Math.clz32(value)) / 7)));
}

/**
 * Walks one function body's instructions from r.pos to `end`, calling `globalSet(pos, index,
 * lebBytes, before)` at each global.set: `before` holds where the (up to 4) instructions before it
 * start, the nearest first; it returns whether it rewrote them. Throws on an opcode it does not know
 * (the module is then left unchecked).
 */
function walk(r: Reader, end: number, globalSet: (pos: number, index: number, lebBytes: number, before: number[]) => boolean): void {
  let before: number[] = [];
  while (r.pos < end) {
    const at = r.pos;
    const op = r.byte();
    if (op === 0x24) { // global.set
      const start = r.pos;
      const index = r.u32();
      if (globalSet(at, index, r.pos - start, before.slice(-4).reverse())) before = [];
    }
    before.push(at);
    if (before.length > 8) before = before.slice(-4);
    if (plain(op)) continue;
    switch (op) {
      case 0x02: case 0x03: case 0x04: case 0x06: skipBlocktype(r); break; // block, loop, if, try
      case 0x07: case 0x08: case 0x09: case 0x0c: case 0x0d: case 0x10: case 0x12: case 0x18: // catch, throw, rethrow, br, br_if, call, return_call, delegate
      case 0x20: case 0x21: case 0x22: case 0x23: case 0x25: case 0x26: case 0xd0: case 0xd2: case 0xd5: case 0xd6:
        skipLeb(r); break;
      case 0x24: break; // global.set, read above
      case 0x0e: { const n = r.u32(); for (let i = 0; i <= n; i++) skipLeb(r); break; } // br_table
      case 0x11: case 0x13: skipLeb(r); skipLeb(r); break; // call_indirect, return_call_indirect
      case 0x1c: { const n = r.u32(); for (let i = 0; i < n; i++) skipValtype(r); break; } // select t*
      case 0x3f: case 0x40: skipLeb(r); break; // memory.size, memory.grow
      case 0x41: case 0x42: skipLeb(r); break;
      case 0x43: r.pos += 4; break;
      case 0x44: r.pos += 8; break;
      case 0xfc: {
        const sub = r.u32();
        if (sub <= 7) break; // saturating truncations
        if (sub === 8 || sub === 10 || sub === 12 || sub === 14) { skipLeb(r); skipLeb(r); } // memory.init/copy, table.init/copy
        else if (sub <= 17) skipLeb(r); // data.drop, memory.fill, elem.drop, table.grow/size/fill
        else throw new Error(`unknown instruction 0xfc ${sub} at 0x${at.toString(16)}`);
        break;
      }
      case 0xfd: { // SIMD
        const sub = r.u32();
        if (sub <= 0x0b || sub === 0x5c || sub === 0x5d) skipMemarg(r);
        else if (sub === 0x0c || sub === 0x0d) r.pos += 16; // v128.const, i8x16.shuffle
        else if (sub >= 0x15 && sub <= 0x22) r.pos += 1; // lane index
        else if (sub >= 0x54 && sub <= 0x5b) { skipMemarg(r); r.pos += 1; }
        break;
      }
      case 0xfe: { // atomics
        const sub = r.u32();
        if (sub === 0x03) r.pos += 1; // atomic.fence
        else skipMemarg(r);
        break;
      }
      default:
        if (op >= 0x28 && op <= 0x3e) { skipMemarg(r); break; }
        throw new Error(`unknown opcode 0x${op.toString(16)} at 0x${at.toString(16)}`);
    }
  }
}

/**
 * Adds the stack checks to a module linked by ntwasm cc. Throws when the module lacks the exports it
 * needs or has code it cannot read.
 */
export function addStackChecks(input: Uint8Array<ArrayBuffer>): StackChecks {
  const bytes = input.slice();
  const r = new Reader(bytes);
  let importedFunctions = 0, stackPointer = -1, setter = -1, limit = -1;
  let code = -1;
  for (const { id, start } of sections(r)) {
    if (id === 2) {
      for (let i = r.u32(); i > 0; i--) {
        r.name(); r.name();
        const kind = r.byte();
        if (kind === 0) { importedFunctions++; r.u32(); }
        else if (kind === 1) { r.byte(); r.limits(); }
        else if (kind === 2) r.limits();
        else if (kind === 3) { skipValtype(r); r.byte(); }
        else if (kind === 4) { r.byte(); r.u32(); } // a tag
        else throw new Error(`unknown import kind ${kind}`);
      }
    } else if (id === 7) {
      for (let i = r.u32(); i > 0; i--) {
        const name = r.name(), kind = r.byte(), index = r.u32();
        if (name === "__stack_pointer" && kind === 3) stackPointer = index;
        if (name === STACK_LIMIT && kind === 3) limit = index;
        if (name === STACK_SET && kind === 0) setter = index;
      }
    } else if (id === 10) code = start;
  }
  if (stackPointer < 0 || limit < 0 || setter < 0 || code < 0) {
    throw new Error(`the module exports no __stack_pointer, ${STACK_LIMIT} or ${STACK_SET}`);
  }
  const result: StackChecks = { bytes, inline: 0, calls: 0, up: 0, unchecked: 0 };
  const divisions: number[] = [];
  const limitGet = [0x23, ...uleb(limit)];
  r.pos = code;
  const count = r.u32();
  for (let f = 0; f < count; f++) {
    const size = r.u32();
    const end = r.pos + size;
    if (importedFunctions + f === setter) { r.pos = end; continue; } // the one real write
    for (let groups = r.u32(); groups > 0; groups--) { r.u32(); skipValtype(r); } // the locals
    walk(r, end, (pos, index, lebBytes, [i1, i2, i3, i4]) => {
      if (index !== stackPointer) return false;
      // i32.const k (k >= 0); i32.add: an epilogue
      if (bytes[i1] === 0x6a && bytes[i2] === 0x41 && s32(bytes, i2 + 1) >= 0) { result.up++; return false; }
      if (lebBytes !== 5) { result.unchecked++; return false; }
      // global.get sp (5-byte index); i32.const N; i32.sub; local.tee x: a prologue
      const prologue = bytes[i4] === 0x23 && i3 - i4 === 6 && new Reader(bytes.subarray(i4 + 1)).u32() === stackPointer &&
        bytes[i3] === 0x41 && bytes[i2] === 0x6b && i1 - i2 === 1 && bytes[i1] === 0x22;
      if (prologue) {
        const middle = [...bytes.subarray(i3, i1)]; // i32.const N; i32.sub
        const tee = [...bytes.subarray(i1, pos)];
        const check = [0x20, ...tee.slice(1), ...limitGet, 0x4f, 0x6e]; // local.get x; global.get limit; i32.ge_u; i32.div_u
        const spare = pos + 6 - i4 - (middle.length + tee.length + check.length + 2); // for the two stack pointer indexes
        if (spare >= 2 && spare <= 10) {
          const a = Math.min(5, spare - 1);
          const rewritten = [0x23, ...leb(stackPointer, a), ...middle, ...tee, ...check];
          divisions.push(i4 + rewritten.length - 1);
          rewritten.push(0x24, ...leb(stackPointer, spare - a));
          bytes.set(rewritten, i4);
          result.inline++;
          return true;
        }
      }
      bytes.set([0x10, ...leb(setter, 5)], pos); // call, as long as the global.set
      result.calls++;
      return false;
    });
    if (r.pos !== end) throw new Error(`function ${importedFunctions + f}: its code does not end where its size says`);
  }
  const list = divisions.flatMap((d, i) => uleb(d - (i ? divisions[i - 1] : 0)));
  result.bytes = withSection(bytes, STACK_CHECKS_SECTION, [...uleb(divisions.length), ...list]);
  return result;
}

/** `bytes` with a custom section `name` holding `payload` appended (after every other section: nothing moves). */
function withSection(bytes: Uint8Array, name: string, payload: number[]): Uint8Array<ArrayBuffer> {
  const n = new TextEncoder().encode(name);
  const body = [...uleb(n.length), ...n, ...payload];
  const out = new Uint8Array(bytes.length + 1 + uleb(body.length).length + body.length);
  out.set(bytes);
  out.set([0, ...uleb(body.length), ...body], bytes.length);
  return out;
}

/**
 * Whether trap `e` is an inline stack check's (a division by zero at one of the divisions the module's
 * custom section lists), not the program's own: V8 gives the trapping instruction's module offset in
 * the stack's first frame.
 */
export function isStackCheckTrap(e: unknown, module: WebAssembly.Module): boolean {
  if (!(e instanceof WebAssembly.RuntimeError) || !/divide by zero/.test(e.message)) return false;
  const at = /wasm-function\[\d+\]:0x([0-9a-f]+)/.exec(e.stack ?? "");
  const [section] = WebAssembly.Module.customSections(module, STACK_CHECKS_SECTION);
  if (!at || !section) return false;
  const offset = parseInt(at[1], 16);
  const r = new Reader(new Uint8Array(section));
  for (let i = r.u32(), site = 0; i > 0; i--) if ((site += r.u32()) === offset) return true;
  return false;
}
