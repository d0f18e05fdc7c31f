// The per-thread copy engine behind the generated shims (host/generated/bindings.ts). A guest
// pointer is bounds-checked against guest memory, copied into the thread's scratch buffer in kernel
// memory, and the kernel gets the kernel address. The guest never sees kernel memory and the kernel
// never sees guest memory.
import {
  ERROR_FILENAME_EXCED_RANGE, ERROR_NOACCESS, STATUS_ACCESS_VIOLATION, STATUS_INVALID_PARAMETER, STATUS_OBJECT_NAME_INVALID,
} from "./generated/abi.ts";

/** sizeof(OBJECT_ATTRIBUTES) on wasm32: Length, RootDirectory, ObjectName, Attributes, two pointers. */
const OBJECT_ATTRIBUTES_SIZE = 24;
/** The OBJ_* attribute bits NT defines (OBJ_INHERIT .. OBJ_DONT_REPARSE); any other bit is invalid. */
const OBJ_VALID_ATTRIBUTES = 0x1ff2;
/** The Attributes the kernel gets for a NULL OBJECT_ATTRIBUTES (kernel/nt/object.ts OA_NULL). */
const OA_NULL = 0x80000000;

/** Longest string a guest may pass (NT names are counted in 16-bit lengths: 32,767 chars). */
export const MAX_STRING_CHARS = 32767;
/** Bytes of scratch per thread; kernel/lib/layout.ts SCRATCH_SIZE. */
export const SCRATCH_SIZE = 0x14000;

export interface LastErrorSink { SetLastError(code: number): void }

export class CallContext {
  private cursor = 0;
  /** Length in chars of the last string copied in. */
  strLen = 0;
  /** Win32 error of the last failed copy (ERROR_NOACCESS unless said otherwise). */
  error = ERROR_NOACCESS;
  /** Runs the thread's queued APCs after an alertable wait returned WAIT_IO_COMPLETION (syscalls/apc.ts). */
  deliverApcs: () => void = () => {};
  private gbuf: ArrayBuffer | SharedArrayBuffer | null = null;
  private k8: Uint8Array | null = null;
  private k16!: Uint16Array;
  private g8: Uint8Array | null = null;
  private gview!: DataView;

  constructor(
    private readonly kernelMemory: WebAssembly.Memory,
    /** The running thread's scratch buffer (a pool worker retargets its context per thread). */
    public scratch: number,
    private guestMemory: WebAssembly.Memory | null,
    private readonly errors: LastErrorSink,
  ) {}

  setGuestMemory(m: WebAssembly.Memory): void { this.guestMemory = m; this.gbuf = null; this.g8 = null; }

  /** Serves another thread of the same process (host/thread-runtime.ts): its scratch, no APCs until it sets its own. */
  retarget(scratch: number): void {
    this.scratch = this.cursor = scratch;
    // That thread's scratch may have been allocated after the kernel memory grew past this view.
    if (this.k8 !== null && scratch + SCRATCH_SIZE > this.k8.length) this.kernelFresh();
    this.strLen = 0;
    this.error = ERROR_NOACCESS;
    this.deliverApcs = () => {};
  }

  // The views are kept between calls: reading Memory.buffer costs a call into V8's runtime on shared
  // memory. A view may be stale after memory.grow: on shared memory it stays valid for its old
  // length, on non-shared memory it is detached (length 0). So a range outside the view makes
  // inGuest() look again, and string scans look again before they fail.

  /** Guest memory bytes, as of the last look (see inGuest; guestFresh() looks again). */
  guest(): Uint8Array {
    const g = this.g8;
    return g !== null && g.length !== 0 ? g : this.guestFresh();
  }

  /** Guest memory bytes after looking at the memory again (it may have grown). */
  guestFresh(): Uint8Array {
    const b = this.guestMemory!.buffer;
    if (b !== this.gbuf || this.g8 === null) { this.gbuf = b; this.g8 = new Uint8Array(b); this.gview = new DataView(b); }
    return this.g8;
  }

  /** Guest memory bytes that cover [p, p + n), which the caller checked (maybe on another thread). */
  guestFor(p: number, n: number): Uint8Array {
    const g = this.guest();
    return p + n <= g.length ? g : this.guestFresh();
  }

  /** Guest memory as a DataView (little-endian reads and writes of checked addresses). */
  guestView(): DataView {
    this.guest();
    return this.gview;
  }

  /** Kernel memory bytes. Host code only touches the thread's scratch, which the view covers (retarget). */
  kernel(): Uint8Array {
    return this.k8 ?? this.kernelFresh();
  }

  /**
   * Kernel memory bytes that cover [k, k + n): for kernel blocks outside the scratch that the kernel
   * handed a shim (a service call's staging, host/syscalls/service.ts), which may lie past an old view.
   */
  kernelFor(k: number, n: number): Uint8Array {
    const b = this.kernel();
    return k + n <= b.length ? b : this.kernelFresh();
  }

  private kernelFresh(): Uint8Array {
    const b = this.kernelMemory.buffer;
    this.k16 = new Uint16Array(b);
    return (this.k8 = new Uint8Array(b));
  }

  reset(): void { this.cursor = this.scratch; }

  /** Reserves `bytes` of scratch (8-aligned); -1 when the call brings more than scratch holds. */
  private reserve(bytes: number): number {
    const at = this.cursor;
    const end = at + ((bytes + 7) & ~7);
    if (end > this.scratch + SCRATCH_SIZE) return -1;
    this.cursor = end;
    return at;
  }

  /**
   * Is [p, p + n) a guest buffer: inside guest memory and not NULL? A NULL pointer is a buffer only
   * with n = 0 (guest address 0 is memory in Wasm, but NULL in Win32: Windows faults there).
   */
  inGuest(p: number, n: number): boolean {
    return (p !== 0 || n === 0) && this.inMemory(p, n);
  }

  /** Is [p, p + n) inside guest memory (address 0 included: for WASI, which has no NULL)? */
  inMemory(p: number, n: number): boolean {
    return p >>> 0 === p && n >= 0 && (p + n <= this.guest().length || p + n <= this.guestFresh().length);
  }

  /**
   * Fails the call: sets the last-error and returns the entry's failure value. An ntdll call's failure is its
   * NTSTATUS alone (no Win32 entry fails with STATUS_ACCESS_VIOLATION's value): NT calls leave the last error
   * alone, as on Windows.
   */
  fault<T>(value: T, error: number = ERROR_NOACCESS): T {
    if ((value as unknown) !== STATUS_ACCESS_VIOLATION) this.errors.SetLastError(error);
    this.error = ERROR_NOACCESS;
    return value;
  }

  /** SECURITY_ATTRIBUTES* → bInheritHandle (0 for NULL), -1 when unreadable. */
  inherit(sa: number): number {
    if (!sa) return 0;
    if (!this.inGuest(sa, 12)) return -1;
    const g = this.guest();
    return g[sa + 8] | g[sa + 9] | g[sa + 10] | g[sa + 11] ? 1 : 0;
  }

  /**
   * A buffer parameter (kinds in/out/outp): copies `min(len, max)` guest bytes at `p` into scratch and
   * returns the kernel address, or -1 on fault. `len` is the exact byte length, computed by the shim
   * from unsigned counts (never wrapped: 0x80000000 chars is 2^32 bytes, not 0). A guest NULL never
   * becomes a kernel address: it is 0 for an `optional` parameter (the kernel checks), a fault for a
   * required one with a non-zero length, and an empty scratch slot for a required one with length 0 (or,
   * for an `input` buffer, a length past `max`: the kernel refuses that count before it reads, as Windows
   * checks a wait's count before its handle array).
   */
  copyIn(p: number, len: number, max: number, optional: boolean, input = false): number {
    if (!(len >= 0)) return -1; // NaN or negative: a length expression gone wrong is a fault, never a size
    // An input the call refuses by its count (none, or more than it may hold: WaitForMultipleObjects' nCount 0 or
    // past 64) is refused before the pointer is looked at, as Windows never reads lpHandles then.
    if (input && p && (len === 0 || len > max)) return this.reserve(8);
    if (!p) {
      if (optional) return 0;
      return len === 0 || (input && len > max) ? this.reserve(8) : -1;
    }
    const n = Math.min(len, max);
    if (!this.inGuest(p, n)) return -1;
    const k = this.reserve(n);
    if (k < 0) return -1;
    this.kernelFor(k, n).set(this.guestFor(p, n).subarray(p, p + n), k);
    return k;
  }

  /** Copies `min(len, max)` scratch bytes at `k` back to guest `p` (no-op for NULL). */
  copyOut(p: number, k: number, len: number, max: number): void {
    if (!p || k <= 0) return;
    const n = Math.min(len, max);
    if (n > 0) this.guestFor(p, n).set(this.kernel().subarray(k, k + n), p);
  }

  /** NUL-terminated UTF-16 string in: kernel address (0 for NULL) with strLen set, or -1 with `error`. */
  wstr(p: number): number {
    this.strLen = 0;
    if (!p) return 0;
    const g = this.guest();
    if (p & 1 || !this.inGuest(p, 2)) return -1;
    let end = p;
    const limit = Math.min(g.length - 1, p + 2 * (MAX_STRING_CHARS + 1));
    while (end < limit && (g[end] | g[end + 1])) end += 2;
    if (end >= limit) {
      if (end >= g.length - 1) return this.guestFresh().length > g.length ? this.wstr(p) : -1;
      this.error = ERROR_FILENAME_EXCED_RANGE;
      return -1;
    }
    const bytes = end - p;
    const k = this.reserve(bytes);
    if (k < 0) return -1;
    this.kernel().set(g.subarray(p, end), k);
    this.strLen = bytes >> 1;
    return k;
  }

  /** NUL-terminated UTF-8 string in, converted to UTF-16: as wstr. */
  astr(p: number): number {
    this.strLen = 0;
    if (!p) return 0;
    if (!this.inGuest(p, 1)) return -1; // also a pointer above 2 GiB, which arrives as a negative i32
    const g = this.guest();
    let end = p;
    while (end < g.length && g[end]) end++;
    if (end >= g.length) return this.guestFresh().length > g.length ? this.astr(p) : -1;
    const text = decodeUtf8(g, p, end);
    if (text.length > MAX_STRING_CHARS) { this.error = ERROR_FILENAME_EXCED_RANGE; return -1; }
    const k = this.reserve(text.length * 2);
    if (k < 0) return -1;
    this.kernel();
    const k16 = this.k16;
    for (let i = 0; i < text.length; i++) k16[(k >> 1) + i] = text.charCodeAt(i);
    this.strLen = text.length;
    return k;
  }

  /** RootDirectory and Attributes of the last OBJECT_ATTRIBUTES read, and the status when it was bad. */
  oaRoot = 0;
  oaAttr = 0;
  oaStatus = STATUS_ACCESS_VIOLATION;

  /**
   * OBJECT_ATTRIBUTES* in: reads the structure and its UNICODE_STRING, copies the name (Length bytes,
   * not NUL-terminated) into scratch. Returns the name's kernel address with strLen, oaRoot and
   * oaAttr set (0 for a NULL pointer, NULL ObjectName or empty name), or -1 with oaStatus. A NULL pointer
   * gives oaAttr OA_NULL, a bit no valid Attributes has, for the calls where Windows refuses one.
   */
  objectAttributes(p: number): number {
    this.strLen = 0; this.oaRoot = 0; this.oaAttr = 0;
    if (!p) { this.oaAttr = OA_NULL; return 0; }
    const bad = (st: number) => { this.oaStatus = st; return -1; };
    if (!this.inGuest(p, OBJECT_ATTRIBUTES_SIZE)) return bad(STATUS_ACCESS_VIOLATION);
    const v = this.guestView();
    if (v.getUint32(p, true) !== OBJECT_ATTRIBUTES_SIZE) return bad(STATUS_INVALID_PARAMETER);
    const root = v.getUint32(p + 4, true), us = v.getUint32(p + 8, true), attr = v.getUint32(p + 12, true);
    if (attr & ~OBJ_VALID_ATTRIBUTES) return bad(STATUS_INVALID_PARAMETER);
    this.oaRoot = root; this.oaAttr = attr;
    if (!us) return 0;
    if (!this.inGuest(us, 8)) return bad(STATUS_ACCESS_VIOLATION);
    const v2 = this.guestView();
    const len = v2.getUint16(us, true), buf = v2.getUint32(us + 4, true);
    if (len & 1) return bad(STATUS_OBJECT_NAME_INVALID);
    if (!len) return 0;
    if (!this.inGuest(buf, len)) return bad(STATUS_ACCESS_VIOLATION);
    const k = this.reserve(len);
    if (k < 0) return bad(STATUS_INVALID_PARAMETER);
    this.kernel().set(this.guestFor(buf, len).subarray(buf, buf + len), k);
    this.strLen = len >> 1;
    return k;
  }

  /**
   * UNICODE_STRING* (kinds ustr, ustrout): copies the structure and MaximumLength bytes of its Buffer into
   * scratch as [Length, MaximumLength, Buffer → the copied bytes] [guest Buffer] [bytes the kernel wrote,
   * 0 until it says] [the bytes]. Returns the copy's kernel address, 0 for an `optional` NULL, -1 for any other NULL or when the structure or
   * its buffer lies outside guest memory (a NULL Buffer with a MaximumLength is a fault, as on Windows).
   */
  unicodeString(p: number, optional: boolean): number {
    if (!p) return optional ? 0 : -1;
    if (!this.inGuest(p, 8)) return -1;
    const v = this.guestView();
    const max = v.getUint16(p + 2, true), buf = v.getUint32(p + 4, true);
    if (max && (!buf || !this.inGuest(buf, max))) return -1;
    const k = this.reserve(16 + max);
    if (k < 0) return -1;
    const kb = this.kernel();
    kb.set(this.guestFor(p, 8).subarray(p, p + 8), k);
    if (max) kb.set(this.guestFor(buf, max).subarray(buf, buf + max), k + 16);
    const kv = new DataView(kb.buffer, kb.byteOffset);
    kv.setUint32(k + 4, buf ? k + 16 : 0, true);
    kv.setUint32(k + 8, buf, true);
    kv.setUint32(k + 12, 0, true);
    return k;
  }

  /** After a ustrout call: Length and the bytes the kernel wrote (at most MaximumLength) go back to the guest. */
  unicodeStringOut(p: number, k: number): void {
    if (!p || k <= 0) return;
    const kb = this.kernel();
    const kv = new DataView(kb.buffer, kb.byteOffset);
    const buf = kv.getUint32(k + 8, true), n = Math.min(kv.getUint32(k + 12, true), kv.getUint16(k + 2, true));
    const g = this.guest();
    g[p] = kb[k]; g[p + 1] = kb[k + 1];
    if (n && buf) this.guestFor(buf, n).set(kb.subarray(k + 16, k + 16 + n), buf);
  }

  /** Reads a u32 the kernel wrote at kernel address `k`. */
  kernelU32(k: number): number {
    const b = this.kernel();
    return (b[k] | (b[k + 1] << 8) | (b[k + 2] << 16) | (b[k + 3] << 24)) >>> 0;
  }

  /** Writes a u32 to guest memory (the caller checked the range). */
  guestU32(p: number, v: number): void {
    const g = this.guest();
    g[p] = v; g[p + 1] = v >>> 8; g[p + 2] = v >>> 16; g[p + 3] = v >>> 24;
  }
}

/**
 * UTF-8 → JS string without TextDecoder, which refuses views of shared memory in browsers.
 * Invalid sequences become U+FFFD.
 */
export function decodeUtf8(b: Uint8Array, start: number, end: number): string {
  let out = "";
  const codes: number[] = [];
  for (let i = start; i < end;) {
    const c = b[i++];
    let cp = 0xfffd;
    if (c < 0x80) cp = c;
    else if (c >= 0xc2 && c < 0xe0 && i < end && (b[i] & 0xc0) === 0x80) cp = ((c & 0x1f) << 6) | (b[i++] & 0x3f);
    else if (c >= 0xe0 && c < 0xf0 && i + 1 < end && (b[i] & 0xc0) === 0x80 && (b[i + 1] & 0xc0) === 0x80) {
      cp = ((c & 0x0f) << 12) | ((b[i] & 0x3f) << 6) | (b[i + 1] & 0x3f);
      i += 2;
    } else if (c >= 0xf0 && c < 0xf5 && i + 2 < end && (b[i] & 0xc0) === 0x80 && (b[i + 1] & 0xc0) === 0x80 && (b[i + 2] & 0xc0) === 0x80) {
      cp = ((c & 0x07) << 18) | ((b[i] & 0x3f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
      i += 3;
    }
    if (cp > 0xffff) { cp -= 0x10000; codes.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff)); }
    else codes.push(cp);
    if (codes.length > 4096) { out += String.fromCharCode(...codes); codes.length = 0; }
  }
  return out + String.fromCharCode(...codes);
}

/** UTF-16 code units from guest memory → JS string. */
export function decodeUtf16(b: Uint8Array, start: number, chars: number): string {
  let out = "";
  for (let i = 0; i < chars; i += 4096) {
    const n = Math.min(4096, chars - i);
    const codes = new Array<number>(n);
    for (let j = 0; j < n; j++) { const at = start + 2 * (i + j); codes[j] = b[at] | (b[at + 1] << 8); }
    out += String.fromCharCode(...codes);
  }
  return out;
}
