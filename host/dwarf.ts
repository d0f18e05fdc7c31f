// Source positions of a guest built with -g (`ntwasm cc -g`), for crash reports: the DWARF sections a
// Wasm module keeps as custom sections (.debug_line, .debug_info, .debug_abbrev and the string, address
// and range sections they point into), versions 2 to 5 as clang and wasi-libc emit them (clang 19
// gives DWARF 4 on wasm32 by default, 5 with -gdwarf-5).
//
// - .debug_line, run as its state machine, maps a code address to a file, line and column;
// - .debug_info gives the function (DW_TAG_subprogram) at an address and the calls inlined into it
//   (DW_TAG_inlined_subroutine, with the call site's file, line and column), so one Wasm frame can be
//   several source frames, innermost first;
// - addresses are offsets from the start of the code section's contents (the function count's LEB):
//   a V8 stack frame's `wasm-function[N]:0xOFFSET` is an offset from the module's start, less the code
//   section's start (host/wasm-module.ts codeSectionOffset) it is a DWARF address.
//
// Nothing here runs at a normal start: a module's sections are read and parsed the first time a crash
// is reported (debugInfo), the line tables at once, a compile unit's functions when an address in it
// is looked up; the result is kept per module.

/** A source position: the file as the compiler recorded it, a line from 1, a column (0: not known). */
export interface SourcePosition { file: string; line: number; column: number }

/** One source frame at a code address; innermost first: the calls inlined there, then the function. */
export interface SourceFrame {
  /** The function's name in DWARF (DW_AT_name), when it has one. */
  function: string | undefined;
  position: SourcePosition | undefined;
  /** An inlined call: the next frame is the function it was inlined into. */
  inlined: boolean;
}

/** The DWARF sections of a module, by name without the ".debug_" (info, abbrev, line, str...). */
export type DwarfSections = Partial<Record<"info" | "abbrev" | "line" | "str" | "line_str" | "str_offsets" | "addr" | "ranges" | "rnglists", Uint8Array>>;

const SECTIONS = ["info", "abbrev", "line", "str", "line_str", "str_offsets", "addr", "ranges", "rnglists"] as const;

/** A dead function's address after wasm-ld (-1, -2 in .debug_ranges; 0 from older linkers): never real code. */
const isTombstone = (a: number) => a === 0 || a >= 0xfffffff0;

class Reader {
  readonly view: DataView;
  constructor(readonly b: Uint8Array, public pos = 0) {
    this.view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  need(n: number): void { if (this.pos + n > this.b.length) throw new RangeError("DWARF: truncated section"); }
  u8(): number { this.need(1); return this.b[this.pos++]; }
  i8(): number { this.need(1); return this.view.getInt8(this.pos++); }
  u16(): number { this.need(2); const v = this.view.getUint16(this.pos, true); this.pos += 2; return v; }
  u24(): number { return this.u16() + this.u8() * 0x10000; }
  u32(): number { this.need(4); const v = this.view.getUint32(this.pos, true); this.pos += 4; return v; }
  /** A 64-bit value as a number (exact up to 2^53: more is no address of a 32-bit module anyway). */
  u64(): number { const lo = this.u32(); return lo + this.u32() * 0x100000000; }
  uleb(): number {
    let result = 0, scale = 1, b: number;
    do { b = this.u8(); result += (b & 0x7f) * scale; scale *= 128; } while (b & 0x80);
    return result;
  }
  sleb(): number {
    let result = 0, scale = 1, b: number;
    do { b = this.u8(); result += (b & 0x7f) * scale; scale *= 128; } while (b & 0x80);
    return b & 0x40 ? result - scale : result;
  }
  cstr(): string {
    const end = this.b.indexOf(0, this.pos);
    if (end < 0) throw new RangeError("DWARF: unterminated string");
    const s = utf8.decode(this.b.subarray(this.pos, end));
    this.pos = end + 1;
    return s;
  }
  sized(n: number): number { return n === 1 ? this.u8() : n === 2 ? this.u16() : n === 4 ? this.u32() : n === 8 ? this.u64() : this.skip(n); }
  skip(n: number): number { this.need(n); this.pos += n; return 0; }
  /** A unit's length; returns [length, offsetSize] (64-bit DWARF: 8). */
  unitLength(): [number, number] {
    const l = this.u32();
    return l === 0xffffffff ? [this.u64(), 8] : [l, 4];
  }
}

const utf8 = new TextDecoder();

/** A string at `offset` of a string section. */
function strAt(sec: Uint8Array | undefined, offset: number): string | undefined {
  if (!sec || offset >= sec.length) return undefined;
  const r = new Reader(sec, offset);
  try { return r.cstr(); } catch { return undefined; }
}

// Attribute forms (DWARF 5 §7.5.6 and the GNU extensions).
const F = {
  addr: 0x01, block2: 0x03, block4: 0x04, data2: 0x05, data4: 0x06, data8: 0x07, string: 0x08, block: 0x09,
  block1: 0x0a, data1: 0x0b, flag: 0x0c, sdata: 0x0d, strp: 0x0e, udata: 0x0f, ref_addr: 0x10, ref1: 0x11,
  ref2: 0x12, ref4: 0x13, ref8: 0x14, ref_udata: 0x15, indirect: 0x16, sec_offset: 0x17, exprloc: 0x18,
  flag_present: 0x19, strx: 0x1a, addrx: 0x1b, ref_sup4: 0x1c, strp_sup: 0x1d, data16: 0x1e, line_strp: 0x1f,
  ref_sig8: 0x20, implicit_const: 0x21, loclistx: 0x22, rnglistx: 0x23, ref_sup8: 0x24, strx1: 0x25,
  strx2: 0x26, strx3: 0x27, strx4: 0x28, addrx1: 0x29, addrx2: 0x2a, addrx3: 0x2b, addrx4: 0x2c,
  GNU_addr_index: 0x1f01, GNU_str_index: 0x1f02, GNU_ref_alt: 0x1f20, GNU_strp_alt: 0x1f21,
} as const;

const STRX = new Set<number>([F.strx, F.strx1, F.strx2, F.strx3, F.strx4, F.GNU_str_index]);
const ADDRX = new Set<number>([F.addrx, F.addrx1, F.addrx2, F.addrx3, F.addrx4, F.GNU_addr_index]);
const UNIT_REF = new Set<number>([F.ref1, F.ref2, F.ref4, F.ref8, F.ref_udata]);

/** How a unit's values are read: its address and offset sizes and its version. */
interface Format { version: number; addrSize: number; offsetSize: number }

/** A raw attribute value: a number (an offset, an index, a constant), or an inline string. */
type Raw = number | string | undefined;

/** Reads one value of `form`; blocks and other values nothing here uses are skipped (undefined). */
function readForm(r: Reader, form: number, f: Format, implicit = 0): Raw {
  switch (form) {
    case F.addr: return r.sized(f.addrSize);
    case F.data1: case F.ref1: case F.flag: case F.strx1: case F.addrx1: return r.u8();
    case F.data2: case F.ref2: case F.strx2: case F.addrx2: return r.u16();
    case F.strx3: case F.addrx3: return r.u24();
    case F.data4: case F.ref4: case F.ref_sup4: case F.strx4: case F.addrx4: return r.u32();
    case F.data8: case F.ref8: case F.ref_sig8: case F.ref_sup8: return r.u64();
    case F.data16: r.skip(16); return undefined;
    case F.sdata: return r.sleb();
    case F.udata: case F.ref_udata: case F.strx: case F.addrx: case F.loclistx: case F.rnglistx:
    case F.GNU_addr_index: case F.GNU_str_index: return r.uleb();
    case F.string: return r.cstr();
    case F.strp: case F.line_strp: case F.sec_offset: case F.strp_sup: case F.GNU_ref_alt: case F.GNU_strp_alt:
      return r.sized(f.offsetSize);
    case F.ref_addr: return r.sized(f.version <= 2 ? f.addrSize : f.offsetSize);
    case F.block1: r.skip(r.u8()); return undefined;
    case F.block2: r.skip(r.u16()); return undefined;
    case F.block4: r.skip(r.u32()); return undefined;
    case F.block: case F.exprloc: r.skip(r.uleb()); return undefined;
    case F.flag_present: return 1;
    case F.implicit_const: return implicit;
    case F.indirect: return readForm(r, r.uleb(), f, implicit);
    default: throw new Error(`DWARF: unknown form 0x${form.toString(16)}`);
  }
}

// ---- .debug_line -------------------------------------------------------------------------------

/** One sequence of the line table: rows at increasing addresses, up to `end` (not included). */
interface Sequence {
  start: number;
  end: number;
  addr: number[];
  file: number[];
  line: number[];
  column: number[];
  program: LineProgram;
}

/** One line program (a compile unit's): its file names, as paths to print, by DWARF file index. */
interface LineProgram { files: (string | undefined)[] }

const isAbsolute = (p: string) => p.startsWith("/") || p.startsWith("\\") || /^[A-Za-z]:[\\/]/.test(p);

/**
 * The file as compiled: an absolute name as it is; a relative one under its include directory unless
 * that is the compilation directory (DWARF 4: directory 0; DWARF 5: the same as directory 0), so
 * `clang sub/x.c` gives "sub/x.c" and a header found with -I/abs "/abs/windows.h".
 */
function filePath(name: string, dir: number, dirs: (string | undefined)[], version: number): string {
  if (isAbsolute(name) || dir === 0) return name;
  const d = dirs[dir];
  if (!d || (version >= 5 && d === dirs[0])) return name;
  return d.endsWith("/") || d.endsWith("\\") ? d + name : `${d}/${name}`;
}

const LNCT_path = 1, LNCT_directory_index = 2;

/** Parses the line program at `offset` of .debug_line; pushes its sequences to `out`. */
function parseLineProgram(s: DwarfSections, offset: number, out: Sequence[]): LineProgram {
  const r = new Reader(s.line!, offset);
  const [length, offsetSize] = r.unitLength();
  const end = r.pos + length;
  const version = r.u16();
  if (version < 2 || version > 5) throw new Error(`DWARF: line table version ${version}`);
  let addrSize = 4;
  if (version >= 5) { addrSize = r.u8(); r.u8(); /* segment selector size */ }
  const f: Format = { version, addrSize, offsetSize };
  const headerLength = r.sized(offsetSize);
  const programStart = r.pos + headerLength;
  const minInst = r.u8();
  if (version >= 4) r.u8(); // maximum_operations_per_instruction: 1 but on VLIW machines
  r.u8(); // default_is_stmt: every row counts here
  const lineBase = r.i8();
  const lineRange = r.u8();
  const opcodeBase = r.u8();
  const opLengths: number[] = [];
  for (let i = 1; i < opcodeBase; i++) opLengths[i] = r.u8();

  const dirs: (string | undefined)[] = [];
  const files: (string | undefined)[] = [];
  if (version >= 5) {
    const strOf = (form: number, v: Raw): string | undefined =>
      typeof v === "string" ? v : v === undefined ? undefined
        : form === F.line_strp ? strAt(s.line_str, v) : form === F.strp ? strAt(s.str, v) : undefined;
    const entries = (each: (fields: Map<number, FormValue>) => void) => {
      const formats: [number, number][] = [];
      for (let n = r.u8(); n > 0; n--) formats.push([r.uleb(), r.uleb()]);
      for (let n = r.uleb(); n > 0; n--) {
        const fields = new Map<number, FormValue>();
        for (const [type, form] of formats) fields.set(type, { form, v: readForm(r, form, f) });
        each(fields);
      }
    };
    entries((e) => { const p = e.get(LNCT_path); dirs.push(p && strOf(p.form, p.v)); });
    entries((e) => {
      const p = e.get(LNCT_path), d = e.get(LNCT_directory_index);
      const name = p && strOf(p.form, p.v);
      files.push(name === undefined ? undefined : filePath(name, typeof d?.v === "number" ? d.v : 0, dirs, version));
    });
  } else {
    dirs.push(undefined); // 0: the compilation directory
    for (let d = r.cstr(); d !== ""; d = r.cstr()) dirs.push(d);
    files.push(undefined); // file numbers count from 1
    for (let name = r.cstr(); name !== ""; name = r.cstr()) {
      const dir = r.uleb();
      r.uleb(); r.uleb(); // modification time, length
      files.push(filePath(name, dir, dirs, version));
    }
  }
  const program: LineProgram = { files };

  r.pos = programStart;
  let address = 0, file = 1, line = 1, column = 0;
  let seq: Sequence | undefined;
  const row = () => {
    seq ??= { start: address, end: address, addr: [], file: [], line: [], column: [], program };
    seq.addr.push(address); seq.file.push(file); seq.line.push(line); seq.column.push(column);
  };
  const reset = () => { address = 0; file = 1; line = 1; column = 0; };
  while (r.pos < end) {
    const op = r.u8();
    if (op >= opcodeBase) { // a special opcode: advance address and line, append a row
      const adjusted = op - opcodeBase;
      address += Math.floor(adjusted / lineRange) * minInst;
      line += lineBase + (adjusted % lineRange);
      row();
    } else if (op === 0) { // extended
      const len = r.uleb();
      const next = r.pos + len;
      const sub = len ? r.u8() : 0;
      if (sub === 1) { // DW_LNE_end_sequence
        if (seq) {
          seq.end = address;
          if (!isTombstone(seq.start) && seq.end > seq.start) out.push(seq);
        }
        seq = undefined;
        reset();
      } else if (sub === 2) address = r.sized(len - 1); // DW_LNE_set_address
      // 3 DW_LNE_define_file (DWARF 2-4, unused by clang), 4 DW_LNE_set_discriminator: nothing to keep
      r.pos = next;
    } else {
      switch (op) {
        case 1: row(); break; // DW_LNS_copy
        case 2: address += r.uleb() * minInst; break; // advance_pc
        case 3: line += r.sleb(); break; // advance_line
        case 4: file = r.uleb(); break; // set_file
        case 5: column = r.uleb(); break; // set_column
        case 6: case 7: case 10: case 11: break; // negate_stmt, set_basic_block, prologue_end, epilogue_begin
        case 8: address += Math.floor((255 - opcodeBase) / lineRange) * minInst; break; // const_add_pc
        case 9: address += r.u16(); break; // fixed_advance_pc
        case 12: r.uleb(); break; // set_isa
        default: for (let i = 0; i < (opLengths[op] ?? 0); i++) r.uleb(); // an opcode from a later version
      }
    }
  }
  return program;
}

// ---- .debug_info -------------------------------------------------------------------------------

interface Abbrev { tag: number; children: boolean; attrs: { name: number; form: number; implicit: number }[] }

const TAG_compile_unit = 0x11, TAG_partial_unit = 0x3c, TAG_skeleton_unit = 0x4a;
const TAG_subprogram = 0x2e, TAG_inlined_subroutine = 0x1d;
const AT = {
  name: 0x03, stmt_list: 0x10, low_pc: 0x11, high_pc: 0x12, abstract_origin: 0x31,
  specification: 0x47, ranges: 0x55, call_column: 0x57, call_file: 0x58, call_line: 0x59, linkage_name: 0x6e,
  str_offsets_base: 0x72, addr_base: 0x73, rnglists_base: 0x74, MIPS_linkage_name: 0x2007,
  GNU_addr_base: 0x2133, GNU_ranges_base: 0x2132,
} as const;

type Range = [number, number];

/** A function or an inlined call with code: its address ranges, and the calls inlined into it. */
interface Scope {
  die: number;
  ranges: Range[];
  inlined: boolean;
  callFile: number;
  callLine: number;
  callColumn: number;
  children: Scope[];
}

/** What names a DIE: its own name, or the DIE it takes it from (absolute .debug_info offsets). */
interface Naming { unit: Unit; name?: FormValue; linkage?: FormValue; origin?: number; spec?: number }

/** An attribute's form and raw value. */
interface FormValue { form: number; v: Raw }

/** A compile unit: its header and root DIE, read up front; its functions, read when first needed. */
interface Unit extends Format {
  offset: number;
  end: number;
  /** Where its first DIE starts. */
  dies: number;
  abbrevOffset: number;
  lowPc: number;
  ranges: Range[] | undefined;
  stmtList: number | undefined;
  strOffsetsBase: number;
  addrBase: number;
  rnglistsBase: number;
  scopes?: Scope[];
}

const inRanges = (ranges: Range[], a: number) => ranges.some(([lo, hi]) => a >= lo && a < hi);

export class DebugInfo {
  private sequences: Sequence[] | undefined;
  private programs = new Map<number, LineProgram>();
  private units: Unit[] | undefined;
  private abbrevs = new Map<number, Map<number, Abbrev>>();
  private naming = new Map<number, Naming>();
  private memo = new Map<number, SourceFrame[]>();

  constructor(private readonly s: DwarfSections) {}

  /**
   * The source frames at code address `address` (an offset from the code section's contents),
   * innermost first: the inlined calls, then the function. Empty when DWARF does not cover it.
   */
  lookup(address: number): SourceFrame[] {
    let frames = this.memo.get(address);
    if (!frames) {
      try { frames = this.frames(address); } catch { frames = []; } // malformed DWARF: no positions, still a report
      this.memo.set(address, frames);
    }
    return frames;
  }

  /** The line table's position at `address`. */
  position(address: number): SourcePosition | undefined {
    const seqs = this.lines();
    for (const q of seqs) {
      if (address < q.start || address >= q.end) continue;
      let lo = 0, hi = q.addr.length - 1;
      while (lo < hi) { // the last row at or before the address
        const mid = (lo + hi + 1) >> 1;
        if (q.addr[mid] <= address) lo = mid; else hi = mid - 1;
      }
      const file = q.program.files[q.file[lo]];
      if (!q.line[lo] || file === undefined) return undefined; // line 0: code of no source line
      return { file, line: q.line[lo], column: q.column[lo] };
    }
    return undefined;
  }

  private frames(address: number): SourceFrame[] {
    const at = this.position(address);
    const chain = this.scopesAt(address);
    if (!chain) return at ? [{ function: undefined, position: at, inlined: false }] : [];
    const { unit, scopes } = chain;
    const files = unit.stmtList !== undefined ? this.programs.get(unit.stmtList)?.files : undefined;
    const out: SourceFrame[] = [];
    let pos = at;
    for (let i = scopes.length - 1; i >= 0; i--) {
      const sc = scopes[i];
      out.push({ function: this.nameOf(sc.die), position: pos, inlined: i > 0 });
      const file = files?.[sc.callFile];
      pos = sc.inlined && sc.callLine && file !== undefined ? { file, line: sc.callLine, column: sc.callColumn } : undefined;
    }
    return out;
  }

  private lines(): Sequence[] {
    if (this.sequences) return this.sequences;
    const out: Sequence[] = [];
    const line = this.s.line;
    if (line) {
      const r = new Reader(line);
      while (r.pos + 4 <= line.length) {
        const offset = r.pos;
        const [length] = r.unitLength();
        const next = r.pos + length;
        try { this.programs.set(offset, parseLineProgram(this.s, offset, out)); } catch { /* skip a unit it cannot read */ }
        r.pos = next;
      }
    }
    out.sort((a, b) => a.start - b.start);
    return this.sequences = out;
  }

  private abbrevTable(offset: number): Map<number, Abbrev> {
    let t = this.abbrevs.get(offset);
    if (t) return t;
    t = new Map();
    const r = new Reader(this.s.abbrev!, offset);
    for (let code = r.uleb(); code !== 0; code = r.uleb()) {
      const tag = r.uleb(), children = r.u8() !== 0;
      const attrs: Abbrev["attrs"] = [];
      for (;;) {
        const name = r.uleb(), form = r.uleb();
        const implicit = form === F.implicit_const ? r.sleb() : 0;
        if (!name && !form) break;
        attrs.push({ name, form, implicit });
      }
      t.set(code, { tag, children, attrs });
    }
    this.abbrevs.set(offset, t);
    return t;
  }

  /** Every unit's header and root DIE (its address ranges, line program and bases). */
  private allUnits(): Unit[] {
    if (this.units) return this.units;
    const units: Unit[] = [];
    const info = this.s.info;
    if (info && this.s.abbrev) {
      const r = new Reader(info);
      while (r.pos + 4 <= info.length) {
        const offset = r.pos;
        const [length, offsetSize] = r.unitLength();
        const end = r.pos + length;
        try {
          const version = r.u16();
          let addrSize: number, abbrevOffset: number, unitType = 1;
          if (version >= 5) {
            unitType = r.u8(); addrSize = r.u8(); abbrevOffset = r.sized(offsetSize);
            if (unitType === 4 || unitType === 5) r.u64(); // skeleton, split compile: dwo id
            else if (unitType === 2 || unitType === 6) { r.u64(); r.sized(offsetSize); } // type units
          } else { abbrevOffset = r.sized(offsetSize); addrSize = r.u8(); }
          if (unitType === 1 || unitType === 3 || unitType === 4) units.push(this.unitRoot(r, { version, addrSize, offsetSize }, offset, end, abbrevOffset));
        } catch { /* a unit it cannot read */ }
        r.pos = end;
      }
    }
    return this.units = units;
  }

  private unitRoot(r: Reader, f: Format, offset: number, end: number, abbrevOffset: number): Unit {
    const dies = r.pos;
    const u: Unit = { ...f, offset, end, dies, abbrevOffset, lowPc: 0, ranges: undefined, stmtList: undefined,
      strOffsetsBase: f.version >= 5 ? 8 : 0, addrBase: 8, rnglistsBase: 0 };
    const ab = this.abbrevTable(abbrevOffset).get(r.uleb());
    if (!ab || (ab.tag !== TAG_compile_unit && ab.tag !== TAG_partial_unit && ab.tag !== TAG_skeleton_unit)) return u;
    const vals = new Map<number, FormValue>();
    for (const a of ab.attrs) vals.set(a.name, { form: a.form, v: readForm(r, a.form, f, a.implicit) });
    const num = (n: number) => { const v = vals.get(n)?.v; return typeof v === "number" ? v : undefined; };
    u.strOffsetsBase = num(AT.str_offsets_base) ?? u.strOffsetsBase;
    u.addrBase = num(AT.addr_base) ?? num(AT.GNU_addr_base) ?? u.addrBase;
    u.rnglistsBase = num(AT.rnglists_base) ?? num(AT.GNU_ranges_base) ?? 0;
    u.stmtList = num(AT.stmt_list);
    const low = vals.get(AT.low_pc);
    u.lowPc = low ? this.address(u, low.form, low.v) ?? 0 : 0;
    u.ranges = this.rangesOf(u, vals);
    return u;
  }

  private address(u: Unit, form: number, v: Raw): number | undefined {
    if (typeof v !== "number") return undefined;
    if (!ADDRX.has(form)) return v;
    const a = this.s.addr;
    if (!a) return undefined;
    const r = new Reader(a, u.addrBase + v * u.addrSize);
    return r.sized(u.addrSize);
  }

  private string(u: Unit, form: number, v: Raw): string | undefined {
    if (typeof v === "string") return v;
    if (typeof v !== "number") return undefined;
    if (form === F.strp) return strAt(this.s.str, v);
    if (form === F.line_strp) return strAt(this.s.line_str, v);
    if (STRX.has(form)) {
      const so = this.s.str_offsets;
      if (!so) return undefined;
      return strAt(this.s.str, new Reader(so, u.strOffsetsBase + v * u.offsetSize).sized(u.offsetSize));
    }
    return undefined;
  }

  /** A DIE's address ranges from DW_AT_low_pc/high_pc or DW_AT_ranges; undefined when it has none. */
  private rangesOf(u: Unit, vals: Map<number, FormValue>): Range[] | undefined {
    const low = vals.get(AT.low_pc), high = vals.get(AT.high_pc), ranges = vals.get(AT.ranges);
    if (low && high) {
      const lo = this.address(u, low.form, low.v);
      if (lo === undefined) return undefined;
      const hiRaw = high.form === F.addr || ADDRX.has(high.form) ? this.address(u, high.form, high.v) : typeof high.v === "number" ? lo + high.v : undefined;
      if (hiRaw === undefined || isTombstone(lo)) return [];
      return [[lo, hiRaw]];
    }
    if (ranges && typeof ranges.v === "number") {
      return u.version >= 5 ? this.rnglist(u, ranges.form, ranges.v) : this.debugRanges(u, ranges.v);
    }
    return undefined;
  }

  /** DWARF 2-4 .debug_ranges: address pairs from the unit's base, to a (0, 0). */
  private debugRanges(u: Unit, offset: number): Range[] {
    const sec = this.s.ranges;
    if (!sec) return [];
    const r = new Reader(sec, offset);
    const max = u.addrSize === 8 ? 2 ** 64 - 1 : 0xffffffff;
    let base = u.lowPc;
    const out: Range[] = [];
    for (;;) {
      const a = r.sized(u.addrSize), b = r.sized(u.addrSize);
      if (a === 0 && b === 0) break;
      if (a === max || (u.addrSize === 8 && a >= 2 ** 64 - 2048)) { base = b; continue; }
      const lo = base + a, hi = base + b;
      if (a < 0xfffffff0 && !isTombstone(lo) && hi > lo) out.push([lo, hi]);
    }
    return out;
  }

  /** DWARF 5 .debug_rnglists: a list by offset (DW_FORM_sec_offset) or index (DW_FORM_rnglistx). */
  private rnglist(u: Unit, form: number, v: number): Range[] {
    const sec = this.s.rnglists;
    if (!sec) return [];
    let offset = v;
    if (form === F.rnglistx) offset = u.rnglistsBase + new Reader(sec, u.rnglistsBase + v * u.offsetSize).sized(u.offsetSize);
    const r = new Reader(sec, offset);
    const addrx = (i: number) => this.address(u, F.addrx, i) ?? 0;
    let base = u.lowPc;
    const out: Range[] = [];
    const push = (lo: number, hi: number) => { if (!isTombstone(lo) && hi > lo) out.push([lo, hi]); };
    for (;;) {
      const kind = r.u8();
      if (kind === 0) break; // end_of_list
      switch (kind) {
        case 1: base = addrx(r.uleb()); break; // base_addressx
        case 2: { const lo = addrx(r.uleb()); push(lo, addrx(r.uleb())); break; } // startx_endx
        case 3: { const lo = addrx(r.uleb()); push(lo, lo + r.uleb()); break; } // startx_length
        case 4: { const a = r.uleb(), b = r.uleb(); if (!isTombstone(base)) push(base + a, base + b); break; } // offset_pair
        case 5: base = r.sized(u.addrSize); break; // base_address
        case 6: { const lo = r.sized(u.addrSize); push(lo, r.sized(u.addrSize)); break; } // start_end
        case 7: { const lo = r.sized(u.addrSize); push(lo, lo + r.uleb()); break; } // start_length
        default: return out;
      }
    }
    return out;
  }

  /** A unit's functions and their inlined calls, as scopes (read once). */
  private unitScopes(u: Unit): Scope[] {
    if (u.scopes) return u.scopes;
    const top: Scope[] = [];
    u.scopes = top;
    const abbrevs = this.abbrevTable(u.abbrevOffset);
    const r = new Reader(this.s.info!, u.dies);
    /** The scope each open DIE's children belong to (undefined: none yet). */
    const open: (Scope | undefined)[] = [];
    let first = true;
    try {
      while (r.pos < u.end) {
        const die = r.pos;
        const code = r.uleb();
        if (code === 0) { open.pop(); if (!open.length && !first) break; continue; }
        const ab = abbrevs.get(code);
        if (!ab) break;
        const parent = open.length ? open[open.length - 1] : undefined;
        let scope: Scope | undefined;
        if (ab.tag === TAG_subprogram || ab.tag === TAG_inlined_subroutine) {
          const vals = new Map<number, FormValue>();
          for (const a of ab.attrs) vals.set(a.name, { form: a.form, v: readForm(r, a.form, u, a.implicit) });
          const ref = (n: number) => {
            const a = vals.get(n);
            if (!a || typeof a.v !== "number") return undefined;
            return UNIT_REF.has(a.form) ? u.offset + a.v : a.form === F.ref_addr ? a.v : undefined;
          };
          const num = (n: number) => { const v = vals.get(n)?.v; return typeof v === "number" ? v : 0; };
          this.naming.set(die, {
            unit: u, name: vals.get(AT.name), linkage: vals.get(AT.linkage_name) ?? vals.get(AT.MIPS_linkage_name),
            origin: ref(AT.abstract_origin), spec: ref(AT.specification),
          });
          const ranges = this.rangesOf(u, vals);
          if (ranges?.length) {
            scope = { die, ranges, inlined: ab.tag === TAG_inlined_subroutine, callFile: num(AT.call_file),
              callLine: num(AT.call_line), callColumn: num(AT.call_column), children: [] };
            if (!scope.inlined) top.push(scope);
            else if (parent) parent.children.push(scope);
          }
        } else {
          for (const a of ab.attrs) readForm(r, a.form, u, a.implicit);
        }
        first = false;
        if (ab.children) open.push(scope ?? parent);
        else if (!open.length) break; // a root without children
      }
    } catch { /* malformed DWARF: the functions read before the fault */ }
    return top;
  }

  /** The unit and the chain of scopes (function first, innermost inlined call last) at `address`. */
  private scopesAt(address: number): { unit: Unit; scopes: Scope[] } | undefined {
    const units = this.allUnits();
    // the units whose ranges hold the address first, then those that give no ranges
    const candidates = [...units.filter((u) => u.ranges && inRanges(u.ranges, address)), ...units.filter((u) => !u.ranges)];
    for (const unit of candidates) {
      const fn = this.unitScopes(unit).find((s) => inRanges(s.ranges, address));
      if (!fn) continue;
      const scopes = [fn];
      for (let s: Scope | undefined = fn; s;) {
        s = s.children.find((c) => inRanges(c.ranges, address));
        if (s) scopes.push(s);
      }
      return { unit, scopes };
    }
    return undefined;
  }

  /** A function's name: its DW_AT_name, or that of its abstract origin or declaration. */
  private nameOf(die: number, depth = 0): string | undefined {
    const n = this.naming.get(die) ?? this.namingElsewhere(die);
    if (!n || depth > 8) return undefined;
    const str = (a: FormValue | undefined) => a && this.string(n.unit, a.form, a.v);
    return str(n.name) ?? (n.origin !== undefined ? this.nameOf(n.origin, depth + 1) : undefined)
      ?? (n.spec !== undefined ? this.nameOf(n.spec, depth + 1) : undefined) ?? str(n.linkage);
  }

  /** The naming of a DIE in a unit not read yet (a reference across units, as LTO makes). */
  private namingElsewhere(die: number): Naming | undefined {
    const u = this.allUnits().find((u) => die >= u.offset && die < u.end);
    if (!u || u.scopes) return undefined;
    this.unitScopes(u);
    return this.naming.get(die);
  }
}

/** The DWARF custom sections of a module, or undefined when it has no line table. */
export function moduleDwarf(module: WebAssembly.Module): DwarfSections | undefined {
  const s: DwarfSections = {};
  for (const name of SECTIONS) {
    const [sec] = WebAssembly.Module.customSections(module, `.debug_${name}`);
    if (sec) s[name] = new Uint8Array(sec);
  }
  return s.line ? s : undefined;
}

/** The DWARF sections of a module's bytes, and where its code section's contents start and their size (tools and tests). */
export function bytesDwarf(bytes: Uint8Array): { sections: DwarfSections; codeOffset: number | undefined; codeSize: number } {
  const sections: DwarfSections = {};
  let codeOffset: number | undefined, codeSize = 0;
  const r = new Reader(bytes, 8);
  while (r.pos < bytes.length) {
    const id = r.u8();
    const size = r.uleb();
    const end = r.pos + size;
    if (id === 10) { codeOffset = r.pos; codeSize = size; }
    else if (id === 0) {
      const n = r.uleb();
      const name = utf8.decode(bytes.subarray(r.pos, r.pos + n));
      r.pos += n;
      const key = name.startsWith(".debug_") ? name.slice(7) : "";
      if ((SECTIONS as readonly string[]).includes(key)) sections[key as keyof DwarfSections] ??= bytes.subarray(r.pos, end);
    }
    r.pos = end;
  }
  return { sections, codeOffset, codeSize };
}

const cache = new WeakMap<WebAssembly.Module, DebugInfo | null>();

/** The debug information of `module`, read the first time it is asked for (null: none). */
export function debugInfo(module: WebAssembly.Module): DebugInfo | null {
  let d = cache.get(module);
  if (d === undefined) {
    let s: DwarfSections | undefined;
    try { s = moduleDwarf(module); } catch { s = undefined; }
    d = s ? new DebugInfo(s) : null;
    cache.set(module, d);
  }
  return d;
}
