// The object namespace: directories of named objects, found through one hash table keyed by
// (directory, name). Names are case-sensitive UTF-16 (an OBJ_CASE_INSENSITIVE lookup walks the
// directory). Win32 names resolve from \Sessions\1\BaseNamedObjects, where the links Global and Local
// lead to the global and session directories.
import { kalloc, kfree } from "../lib/alloc";
import { root } from "../lib/root";
import { result, result2, result3, setResults } from "../lib/tls";
import { ObjectHeader, obAlloc, obDeref } from "./object";
import { OBJ_PERMANENT } from "../lib/layout";
import { Directory, SymbolicLink } from "../objects/directory";
import {
  STATUS_OBJECT_NAME_INVALID, STATUS_OBJECT_NAME_NOT_FOUND, STATUS_OBJECT_PATH_NOT_FOUND,
  STATUS_OBJECT_PATH_SYNTAX_BAD, STATUS_SUCCESS, TYPE_DIRECTORY,
  TYPE_SYMBOLICLINK,
} from "../generated/abi";

@unmanaged
export class NameEntry {
  object: usize;
  dir: usize; // Directory holding the name
  hash: u32;
  hashNext: usize;
  sibNext: usize; // the directory's entries, for listing
  sibPrev: usize;
  len: u32; // UTF-16 code units; the characters follow the entry
}

const BUCKET_BITS: u32 = 16;
const BACKSLASH: u16 = 0x5c;

function hashName(dir: usize, p: usize, len: u32): u32 {
  let h: u32 = 2166136261 ^ <u32>dir;
  for (let i: u32 = 0; i < len; i++) h = (h ^ <u32>load<u16>(p + (<usize>i << 1))) * 16777619;
  return h;
}

function bucket(h: u32): usize {
  return root().nameBuckets + (<usize>(h >> (32 - BUCKET_BITS)) << 2);
}

export function nameChars(e: NameEntry): usize { return changetype<usize>(e) + offsetof<NameEntry>(); }

/** Upper case of a UTF-16 unit for case-insensitive names (ASCII and Latin-1 letters). */
// @ts-ignore: decorator
@inline function upcase(c: u32): u32 {
  if (c >= 0x61 && c <= 0x7a) return c - 0x20;
  if (c >= 0xe0 && c <= 0xfe && c != 0xf7) return c - 0x20;
  return c;
}

/**
 * The object called `p[0..len)` in `dir` ignoring case (OBJ_CASE_INSENSITIVE): the hash is of the exact
 * spelling, so this walks the directory's entries. An exact match wins over another spelling.
 */
function nameLookupNoCase(dir: Directory, p: usize, len: u32): ObjectHeader | null {
  const exact = nameLookup(dir, p, len);
  if (exact) return exact;
  let e = dir.first;
  while (e) {
    const n = changetype<NameEntry>(e);
    if (n.len == len) {
      const q = nameChars(n);
      let i: u32 = 0;
      while (i < len && upcase(load<u16>(q + (<usize>i << 1))) == upcase(load<u16>(p + (<usize>i << 1)))) i++;
      if (i == len) return changetype<ObjectHeader>(n.object);
    }
    e = n.sibNext;
  }
  return null;
}

/** The object called `p[0..len)` in `dir`, or null; `noCase` for OBJ_CASE_INSENSITIVE. */
export function nameLookup(dir: Directory, p: usize, len: u32, noCase: bool = false): ObjectHeader | null {
  if (noCase) return nameLookupNoCase(dir, p, len);
  const h = hashName(changetype<usize>(dir), p, len);
  let e = load<usize>(bucket(h));
  while (e) {
    const n = changetype<NameEntry>(e);
    if (n.hash == h && n.len == len && n.dir == changetype<usize>(dir) && memory.compare(nameChars(n), p, <usize>len << 1) == 0) {
      return changetype<ObjectHeader>(n.object);
    }
    e = n.hashNext;
  }
  return null;
}

/** Gives `o` the name `p[0..len)` in `dir`; false when memory is exhausted. */
export function nameInsert(dir: Directory, o: ObjectHeader, p: usize, len: u32): bool {
  const e = kalloc(offsetof<NameEntry>() + (<usize>len << 1));
  if (!e) return false;
  const n = changetype<NameEntry>(e);
  n.object = changetype<usize>(o);
  n.dir = changetype<usize>(dir);
  n.hash = hashName(n.dir, p, len);
  n.len = len;
  memory.copy(nameChars(n), p, <usize>len << 1);
  const b = bucket(n.hash);
  n.hashNext = load<usize>(b);
  store<usize>(b, e);
  n.sibNext = dir.first;
  if (dir.first) changetype<NameEntry>(dir.first).sibPrev = e;
  dir.first = e;
  dir.count++;
  o.name = e;
  // A temporary directory (NtCreateDirectoryObject) lives while it holds names, as NT's children keep
  // their parent referenced; the permanent skeleton needs no count.
  if (!(dir.flags & OBJ_PERMANENT)) dir.refs++;
  return true;
}

export function nameRemove(o: ObjectHeader): void {
  const n = changetype<NameEntry>(o.name);
  const dir = changetype<Directory>(n.dir);
  let link = bucket(n.hash);
  while (load<usize>(link) != o.name) link = load<usize>(link) + offsetof<NameEntry>("hashNext");
  store<usize>(link, n.hashNext);
  if (n.sibPrev) changetype<NameEntry>(n.sibPrev).sibNext = n.sibNext;
  else dir.first = n.sibNext;
  if (n.sibNext) changetype<NameEntry>(n.sibNext).sibPrev = n.sibPrev;
  dir.count--;
  o.name = 0;
  kfree(changetype<usize>(n), offsetof<NameEntry>() + (<usize>n.len << 1));
  if (!(dir.flags & OBJ_PERMANENT)) obDeref(dir);
}

/**
 * Walks every component but the last of `p[0..len)` from `start`, following symbolic links; a path
 * starting with "\" is absolute when `start` is null and malformed otherwise (a Win32 name is
 * relative to BaseNamedObjects). `noCase`: components match in any case (OBJ_CASE_INSENSITIVE).
 * On success `result` is the parent Directory, `result2` the address of the last component and
 * `result3` its length.
 */
export function resolveParent(start: Directory | null, p: usize, len: u32, noCase: bool = false): u32 {
  let dir = changetype<Directory>(start);
  let i: u32 = 0;
  const absolute = len != 0 && load<u16>(p) == BACKSLASH;
  if (absolute != (start == null)) return STATUS_OBJECT_PATH_SYNTAX_BAD;
  if (absolute) { dir = changetype<Directory>(root().rootDir); i = 1; }
  while (true) {
    let j = i;
    while (j < len && load<u16>(p + (<usize>j << 1)) != BACKSLASH) j++;
    if (j == i) return STATUS_OBJECT_NAME_INVALID; // empty component
    const comp = p + (<usize>i << 1);
    if (j == len) { setResults(changetype<usize>(dir), comp, j - i); return STATUS_SUCCESS; }
    // @ts-ignore: dir is set on every path that reaches here
    let o = nameLookup(dir, comp, j - i, noCase);
    if (o && o.type == TYPE_SYMBOLICLINK) o = changetype<ObjectHeader>(changetype<SymbolicLink>(o).target);
    if (!o || o.type != TYPE_DIRECTORY) return STATUS_OBJECT_PATH_NOT_FOUND;
    dir = changetype<Directory>(o);
    i = j + 1;
  }
}

/** Resolves an absolute path to an object (following a final link); on success `result` is it. */
export function resolveObject(p: usize, len: u32): u32 {
  if (len == 1 && load<u16>(p) == BACKSLASH) { setResults(root().rootDir, 0, 0); return STATUS_SUCCESS; }
  const st = resolveParent(null, p, len);
  if (st != STATUS_SUCCESS) return st;
  const dir = changetype<Directory>(result), comp = result2, clen = result3;
  let o = nameLookup(dir, comp, clen);
  if (o && o.type == TYPE_SYMBOLICLINK) o = changetype<ObjectHeader>(changetype<SymbolicLink>(o).target);
  if (!o) return STATUS_OBJECT_NAME_NOT_FOUND;
  setResults(changetype<usize>(o), 0, 0);
  return STATUS_SUCCESS;
}

function makeDir(parent: Directory | null, name: string): Directory {
  const d = changetype<Directory>(obAlloc(TYPE_DIRECTORY));
  d.flags = OBJ_PERMANENT;
  d.refs = 1;
  if (parent) nameInsert(parent, d, changetype<usize>(name), <u32>name.length);
  return d;
}

function makeLink(parent: Directory, name: string, target: Directory): void {
  const l = changetype<SymbolicLink>(obAlloc(TYPE_SYMBOLICLINK));
  l.flags = OBJ_PERMANENT;
  l.refs = 1;
  l.target = changetype<usize>(target);
  nameInsert(parent, l, changetype<usize>(name), <u32>name.length);
}

/** Builds the namespace skeleton at boot (string literals are read-only data, not allocations). */
export function namespaceBoot(): void {
  const r = root();
  r.nameBuckets = kalloc((<usize>1 << BUCKET_BITS) << 2);
  const top = makeDir(null, "");
  r.rootDir = changetype<usize>(top);
  const global = makeDir(top, "BaseNamedObjects");
  const sessions = makeDir(top, "Sessions");
  makeDir(top, "??"); // DosDevices: NT names of the \??\X form
  const one = makeDir(sessions, "1");
  const local = makeDir(one, "BaseNamedObjects");
  r.sessionDir = changetype<usize>(local);
  for (let i = 0; i < 2; i++) {
    const d = i ? local : global;
    makeLink(d, "Global", global);
    makeLink(d, "Local", local);
  }
}
