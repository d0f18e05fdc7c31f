// An in-memory file system that every worker of a kernel shares: the backend when there is no host file
// system (the browser) or when asked for (`boot({ fs: "memory" })`). It lives in a shared, growable
// WebAssembly.Memory created at boot and handed to every worker in PoolInit (`memoryFs`), so a file
// written by one guest thread is there for every other thread and process, synchronously.
//
// Layout (little-endian, 32-bit offsets):
//   header   [0] lock word, [4] bump pointer, [8] node table, [12] node capacity, [16] nodes used,
//            [20] free node list, [64..) free-list heads of the block allocator, one per size class
//   nodes    NODE bytes each: type (0 free, 1 file, 2 dir; | 0x100 read-only), parent, name block, name length (chars),
//            data block, size, capacity, next free, mtime (f64), birth time (f64). Node 0 is the root.
//   blocks   power-of-two blocks (16 B << class), recycled through the free lists.
// One lock (a futex word, Atomics.wait) guards everything; every call holds it from start to end.
// Names are looked up by scanning the node table: fine for the file counts guests and tests use.
import { checkRelative, FsError, type FileBackend, type FileStat } from "./backend.ts";

const NODE = 48;
const HEADER = 256;
const CLASSES = 32;
const FREE_LISTS = 64;
const T_FILE = 1, T_DIR = 2;
const PAGE = 65536;

/** A new, empty store (root directory only) for `memoryFileBackend`. */
export function createMemoryFs(maxBytes = 1 << 30): WebAssembly.Memory {
  const memory = new WebAssembly.Memory({ initial: 4, maximum: Math.ceil(maxBytes / PAGE), shared: true });
  const v = new DataView(memory.buffer);
  const cap = 1024;
  v.setUint32(8, HEADER, true);
  v.setUint32(12, cap, true);
  v.setUint32(16, 1, true);
  v.setUint32(4, HEADER + cap * NODE, true);
  v.setUint32(HEADER, T_DIR, true);
  v.setFloat64(HEADER + 32, Date.now(), true);
  v.setFloat64(HEADER + 40, Date.now(), true);
  return memory;
}

export function memoryFileBackend(memory: WebAssembly.Memory): FileBackend {
  let buf: ArrayBuffer | SharedArrayBuffer | null = null;
  let v!: DataView, u8!: Uint8Array, i32!: Int32Array;
  const view = () => {
    if (memory.buffer !== buf) { buf = memory.buffer; v = new DataView(buf); u8 = new Uint8Array(buf); i32 = new Int32Array(buf); }
  };
  const get = (a: number) => v.getUint32(a, true);
  const set = (a: number, x: number) => v.setUint32(a, x >>> 0, true);

  // A futex mutex: 0 free, 1 held, 2 held with sleepers. A thread that slept takes the lock as 2, so
  // the unlock that follows wakes the next sleeper too.
  function lock(): void {
    view();
    if (Atomics.compareExchange(i32, 0, 0, 1) === 0) return;
    for (let spin = 0; spin < 100; spin++) if (Atomics.compareExchange(i32, 0, 0, 1) === 0) return;
    while (Atomics.exchange(i32, 0, 2) !== 0) {
      try { Atomics.wait(i32, 0, 2); } catch { /* a page's main thread may not block: spin */ }
    }
  }
  function unlock(): void {
    if (Atomics.exchange(i32, 0, 0) === 2) Atomics.notify(i32, 0, 1);
  }
  function locked<T>(f: () => T): T {
    lock();
    try { view(); return f(); } finally { unlock(); }
  }

  // ---- blocks ----
  const classOf = (n: number) => Math.max(0, Math.ceil(Math.log2(Math.max(n, 16))) - 4);
  function alloc(n: number): number {
    if (n === 0) return 0;
    const c = classOf(n);
    if (c >= CLASSES) throw new FsError("ENOSPC");
    const head = get(FREE_LISTS + 4 * c);
    if (head) { set(FREE_LISTS + 4 * c, get(head)); return head; }
    const size = 16 << c;
    const at = get(4);
    const end = at + size;
    if (end > memory.buffer.byteLength) {
      try { memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE)); } catch { throw new FsError("ENOSPC"); }
      view();
    }
    set(4, end);
    return at;
  }
  function free(p: number, n: number): void {
    if (!p || !n) return;
    const c = classOf(n);
    set(p, get(FREE_LISTS + 4 * c));
    set(FREE_LISTS + 4 * c, p);
  }

  // ---- nodes ----
  const node = (i: number) => get(8) + i * NODE;
  const type = (i: number) => get(node(i)) & 0xff;
  /** A node's type word also holds its read-only flag (SetFileAttributesW). */
  const READONLY = 0x100;
  function nameOf(i: number): string {
    const n = node(i), p = get(n + 8), len = get(n + 12);
    let s = "";
    for (let k = 0; k < len; k++) s += String.fromCharCode(v.getUint16(p + 2 * k, true));
    return s;
  }
  function find(parent: number, name: string): number {
    const used = get(16);
    for (let i = 1; i < used; i++) {
      const n = node(i);
      if (get(n) && get(n + 4) === parent && get(n + 12) === name.length && nameOf(i) === name) return i;
    }
    return -1;
  }
  /** The node at `path`, or -1; ENOTDIR when a directory on the way is a file, ENOENT when missing. */
  function walk(path: string, missingOk = true): number {
    checkRelative(path);
    if (!path) return 0;
    let i = 0;
    const parts = path.split("/");
    for (let k = 0; k < parts.length; k++) {
      if (type(i) !== T_DIR) throw new FsError("ENOTDIR");
      const j = find(i, parts[k]);
      if (j < 0) {
        if (k === parts.length - 1 && missingOk) return -1;
        throw new FsError("ENOENT");
      }
      i = j;
    }
    return i;
  }
  function parentOf(path: string): { parent: number; name: string } {
    checkRelative(path);
    if (!path) throw new FsError("EEXIST"); // the root
    const cut = path.lastIndexOf("/");
    const parent = walk(cut < 0 ? "" : path.slice(0, cut), false);
    if (type(parent) !== T_DIR) throw new FsError("ENOTDIR");
    return { parent, name: path.slice(cut + 1) };
  }
  function newNode(t: number, parent: number, name: string): number {
    let i = get(20);
    if (i) set(20, get(node(i) + 28));
    else {
      i = get(16);
      if (i === get(12)) { // grow the table
        const cap = get(12) * 2, table = alloc(cap * NODE);
        u8.copyWithin(table, get(8), get(8) + get(12) * NODE);
        u8.fill(0, table + get(12) * NODE, table + cap * NODE);
        free(get(8) === HEADER ? 0 : get(8), get(12) * NODE);
        set(8, table); set(12, cap);
      }
      set(16, i + 1);
    }
    const n = node(i), p = alloc(name.length * 2);
    u8.fill(0, n, n + NODE);
    for (let k = 0; k < name.length; k++) v.setUint16(p + 2 * k, name.charCodeAt(k), true);
    set(n, t); set(n + 4, parent); set(n + 8, p); set(n + 12, name.length);
    v.setFloat64(n + 32, Date.now(), true);
    v.setFloat64(n + 40, Date.now(), true);
    return i;
  }
  function freeNode(i: number): void {
    const n = node(i);
    free(get(n + 8), get(n + 12) * 2);
    free(get(n + 16), get(n + 24));
    set(n, 0);
    set(n + 28, get(20));
    set(20, i);
  }
  function file(path: string): number {
    const i = walk(path, false);
    if (type(i) !== T_FILE) throw new FsError("EISDIR");
    return i;
  }
  function resize(i: number, size: number): void {
    const n = node(i), cap = get(n + 24), old = get(n + 20);
    if (size > 0xffffffff) throw new FsError("ENOSPC");
    if (size > cap) {
      const ncap = Math.max(size, cap * 2, 64), p = alloc(ncap);
      u8.copyWithin(p, get(n + 16), get(n + 16) + old);
      free(get(n + 16), cap);
      set(n + 16, p); set(n + 24, 16 << classOf(ncap));
    }
    if (size > old) u8.fill(0, get(n + 16) + old, get(n + 16) + size);
    set(n + 20, size);
    v.setFloat64(n + 32, Date.now(), true);
  }
  const isEmpty = (i: number) => {
    const used = get(16);
    for (let j = 1; j < used; j++) if (get(node(j)) && get(node(j) + 4) === i) return false;
    return true;
  };

  return {
    stat: (path) => locked(() => {
      let i: number;
      try { i = walk(path); } catch { return null; }
      if (i < 0) return null;
      const n = node(i), t = v.getFloat64(n + 32, true);
      const s: FileStat = { dir: type(i) === T_DIR, size: type(i) === T_DIR ? 0 : get(n + 20), readonly: (get(n) & READONLY) !== 0,
        mtimeMs: t, atimeMs: t, birthtimeMs: v.getFloat64(n + 40, true) };
      return s;
    }),
    list: (path) => locked(() => {
      const d = walk(path, false);
      if (type(d) !== T_DIR) throw new FsError("ENOTDIR");
      const names: string[] = [];
      const used = get(16);
      for (let i = 1; i < used; i++) if (get(node(i)) && get(node(i) + 4) === d) names.push(nameOf(i));
      return names;
    }),
    create: (path, exclusive, truncate) => locked(() => {
      const { parent, name } = parentOf(path);
      const i = find(parent, name);
      if (i >= 0) {
        if (exclusive) throw new FsError("EEXIST");
        if (type(i) !== T_FILE) throw new FsError("EISDIR");
        if (truncate) resize(i, 0);
        return;
      }
      newNode(T_FILE, parent, name);
    }),
    read: (path, position, dst) => locked(() => {
      const i = file(path), n = node(i), size = get(n + 20);
      if (position >= size) return 0;
      const count = Math.min(dst.length, size - position);
      dst.set(u8.subarray(get(n + 16) + position, get(n + 16) + position + count));
      return count;
    }),
    write: (path, position, src) => locked(() => {
      const i = file(path), n = node(i);
      if (!src.length) return; // a write of nothing neither extends nor truncates
      if (position + src.length > get(n + 20)) resize(i, position + src.length);
      u8.set(src, get(node(i) + 16) + position);
      v.setFloat64(node(i) + 32, Date.now(), true);
    }),
    append: (path, src) => locked(() => {
      const i = file(path), at = get(node(i) + 20);
      if (!src.length) return at;
      resize(i, at + src.length);
      u8.set(src, get(node(i) + 16) + at);
      return at;
    }),
    truncate: (path, size) => locked(() => resize(file(path), size)),
    mkdir: (path) => locked(() => {
      const { parent, name } = parentOf(path);
      if (find(parent, name) >= 0) throw new FsError("EEXIST");
      newNode(T_DIR, parent, name);
    }),
    rmdir: (path) => locked(() => {
      const i = walk(path, false);
      if (type(i) !== T_DIR) throw new FsError("ENOTDIR");
      if (i === 0) throw new FsError("EACCES");
      if (!isEmpty(i)) throw new FsError("ENOTEMPTY");
      freeNode(i);
    }),
    unlink: (path) => locked(() => freeNode(file(path))),
    rename: (from, to) => locked(() => {
      const i = walk(from, false);
      if (i === 0) throw new FsError("EACCES");
      const { parent, name } = parentOf(to);
      for (let p = parent; p; p = get(node(p) + 4)) if (p === i) throw new FsError("EACCES"); // into itself
      const j = find(parent, name);
      if (j === i) return;
      if (j >= 0) {
        if (type(j) === T_DIR || type(i) === T_DIR) throw new FsError(type(j) === T_DIR ? "EISDIR" : "EEXIST");
        freeNode(j);
      }
      const n = node(i), p = alloc(name.length * 2);
      free(get(n + 8), get(n + 12) * 2);
      for (let k = 0; k < name.length; k++) v.setUint16(p + 2 * k, name.charCodeAt(k), true);
      set(n + 4, parent); set(n + 8, p); set(n + 12, name.length);
    }),
    setReadonly: (path, readonly) => locked(() => {
      const n = node(walk(path, false));
      set(n, (get(n) & ~READONLY) | (readonly ? READONLY : 0));
    }),
  };
}
