// The object namespace: directories of named objects, found through one hash table keyed by
// (directory, name). Names are case-sensitive UTF-16 (an OBJ_CASE_INSENSITIVE lookup walks the
// directory). Win32 names resolve from \Sessions\1\BaseNamedObjects, where the links Global and Local
// lead to the global and session directories; every lookup follows symbolic links (walk).
import { kalloc, kfree } from "../lib/alloc";
import { root } from "../lib/root";
import { result, result3, setResults } from "../lib/tls";
import { ObjectHeader, obAlloc, obDeref } from "./object";
import { OBJ_PERMANENT } from "../lib/layout";
import { Directory, SymbolicLink } from "../objects/directory";
import {
  STATUS_NAME_TOO_LONG, STATUS_OBJECT_NAME_EXISTS, STATUS_OBJECT_NAME_INVALID, STATUS_OBJECT_NAME_NOT_FOUND,
  STATUS_OBJECT_PATH_NOT_FOUND, STATUS_OBJECT_PATH_SYNTAX_BAD, STATUS_OBJECT_TYPE_MISMATCH, STATUS_SUCCESS, TYPE_DIRECTORY,
  TYPE_KEYEDEVENT, TYPE_SYMBOLICLINK,
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

/** What a walk must end on (see walk). */
const WALK_OPEN: u32 = 0; // the object named (a final link followed unless the caller wants links)
const WALK_CREATE: u32 = 1; // the place for a new name, or the object already there
const WALK_DIR: u32 = 2; // a directory: more of the name follows (a link's target before the rest)
/** Links one lookup follows; the next is STATUS_OBJECT_NAME_NOT_FOUND (Windows reparses 64 times, the 64th failing). */
const MAX_LINKS: u32 = 63;
/** Longest name a link's target and the rest may make (bytes, as Windows' ObpParseSymbolicLinkEx). */
const MAX_REPARSED: usize = 0xfff0;

/**
 * Resolves the components of `p[0..len)` from `dir` as NT's ObpLookupObjectName does. A symbolic link
 * is followed wherever it is met (but see WALK_OPEN): its target, which must be absolute, replaces it,
 * the rest of the name follows, and the walk restarts at the root (a trailing "\" of the target goes
 * when something follows; an empty target leaves the rest from the root). `tail`: bytes of name after
 * this part (a caller's rest), `links`: links followed so far. A missing component with more after it
 * is STATUS_OBJECT_PATH_NOT_FOUND, a component that is neither a directory nor a link with more after it
 * STATUS_OBJECT_TYPE_MISMATCH, an empty one STATUS_OBJECT_NAME_INVALID.
 * Results: WALK_OPEN `result` the object; WALK_CREATE STATUS_SUCCESS with the parent Directory in
 * `result`, the last component in `result2`/`result3` (it may lie in a link's target), or
 * STATUS_OBJECT_NAME_EXISTS with the object in `result`; WALK_DIR the directory, `result3` the links.
 */
function walk(dir: Directory, p: usize, len: u32, noCase: bool, type: u32, mode: u32, tail: usize, links: u32): u32 {
  let cur = p, end = p + (<usize>len << 1);
  while (true) {
    let ce = cur;
    while (ce < end && load<u16>(ce) != BACKSLASH) ce += 2;
    const clen = <u32>((ce - cur) >> 1);
    const last = ce == end;
    if (!clen) return STATUS_OBJECT_NAME_INVALID;
    const o = nameLookup(dir, cur, clen, noCase);
    if (!o) {
      if (!last || mode == WALK_DIR) return STATUS_OBJECT_PATH_NOT_FOUND;
      if (mode == WALK_OPEN) return STATUS_OBJECT_NAME_NOT_FOUND;
      setResults(changetype<usize>(dir), cur, clen);
      return STATUS_SUCCESS;
    }
    // The last component is the link itself when the caller opens or creates a link.
    if (o.type == TYPE_SYMBOLICLINK && !(last && mode != WALK_DIR && type == TYPE_SYMBOLICLINK)) {
      if (++links > MAX_LINKS) return STATUS_OBJECT_NAME_NOT_FOUND;
      const l = changetype<SymbolicLink>(o);
      const rest: usize = (last ? 0 : end - ce) + tail; // bytes after the link, with their leading "\"
      const t = l.target;
      let tEnd = t + l.length;
      if (rest && tEnd > t && load<u16>(tEnd - 2) == BACKSLASH) tEnd -= 2;
      if (tEnd - t + rest > MAX_REPARSED) return STATUS_NAME_TOO_LONG;
      const top = changetype<Directory>(root().rootDir);
      if (tEnd == t) { // an empty target: what follows starts at the root
        if (!rest) return STATUS_OBJECT_NAME_INVALID;
        if (last) { setResults(changetype<usize>(top), 0, links); return STATUS_SUCCESS; } // WALK_DIR
        dir = top;
        cur = ce + 2;
        continue;
      }
      if (load<u16>(t) != BACKSLASH) return STATUS_OBJECT_NAME_INVALID; // a relative target
      if (last) { dir = top; cur = t + 2; end = tEnd; continue; } // nothing of this part follows: go on in the target
      const st = walk(top, t + 2, <u32>((tEnd - t - 2) >> 1), noCase, type, WALK_DIR, rest, links);
      if (st != STATUS_SUCCESS) return st;
      dir = changetype<Directory>(result);
      links = result3;
      cur = ce + 2;
      continue;
    }
    if (last) {
      if (mode == WALK_DIR) {
        if (o.type != TYPE_DIRECTORY) return STATUS_OBJECT_TYPE_MISMATCH;
        setResults(changetype<usize>(o), 0, links);
        return STATUS_SUCCESS;
      }
      setResults(changetype<usize>(o), 0, 0);
      return mode == WALK_CREATE ? STATUS_OBJECT_NAME_EXISTS : STATUS_SUCCESS;
    }
    if (o.type != TYPE_DIRECTORY) return STATUS_OBJECT_TYPE_MISMATCH;
    dir = changetype<Directory>(o);
    cur = ce + 2;
  }
}

/**
 * Resolves `p[0..len)` from `start` (see walk): an NT name when `start` is null (it must begin with "\",
 * else STATUS_OBJECT_PATH_SYNTAX_BAD), otherwise a name relative to that directory (a "\" first is
 * STATUS_OBJECT_PATH_SYNTAX_BAD). `noCase`: components match in any case (OBJ_CASE_INSENSITIVE). `type`:
 * the type asked for, so that a final symbolic link is opened (or found existing) rather than followed
 * when it is TYPE_SYMBOLICLINK. `create`: the results of WALK_CREATE, else of WALK_OPEN. "\" is the root.
 */
export function nameResolve(start: Directory | null, p: usize, len: u32, noCase: bool, type: u32, create: bool): u32 {
  const absolute = len != 0 && load<u16>(p) == BACKSLASH;
  if (absolute != (start == null)) return STATUS_OBJECT_PATH_SYNTAX_BAD;
  const mode = create ? WALK_CREATE : WALK_OPEN;
  if (!absolute) return walk(changetype<Directory>(start), p, len, noCase, type, mode, 0, 0);
  const top = changetype<Directory>(root().rootDir);
  if (len == 1) { setResults(changetype<usize>(top), 0, 0); return create ? STATUS_OBJECT_NAME_EXISTS : STATUS_SUCCESS; }
  return walk(top, p + 2, len - 1, noCase, type, mode, 0, 0);
}

/** Resolves an absolute path to an object (following a final link); on success `result` is it. */
export function resolveObject(p: usize, len: u32): u32 {
  return nameResolve(null, p, len, false, 0, false);
}

function makeDir(parent: Directory | null, name: string): Directory {
  const d = changetype<Directory>(obAlloc(TYPE_DIRECTORY));
  d.flags = OBJ_PERMANENT;
  d.refs = 1;
  if (parent) nameInsert(parent, d, changetype<usize>(name), <u32>name.length);
  return d;
}

/** A permanent link `name` in `parent` to the path `target` (kept with a NUL, as RtlInitUnicodeString makes it). */
function makeLink(parent: Directory, name: string, target: string): void {
  const l = changetype<SymbolicLink>(obAlloc(TYPE_SYMBOLICLINK));
  l.flags = OBJ_PERMANENT;
  l.refs = 1;
  const n = <u32>target.length << 1;
  l.target = kalloc(n + 2); // zeroed: the NUL
  memory.copy(l.target, changetype<usize>(target), n);
  l.length = n;
  l.maxLength = n + 2;
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
  // As on Windows: Global leads to \BaseNamedObjects, Local to the session's directory, which for
  // \BaseNamedObjects (session 0's) is itself.
  makeLink(global, "Global", "\\BaseNamedObjects");
  makeLink(global, "Local", "\\BaseNamedObjects");
  makeLink(local, "Global", "\\BaseNamedObjects");
  makeLink(local, "Local", "\\Sessions\\1\\BaseNamedObjects");
  // NtWaitForKeyedEvent/NtReleaseKeyedEvent with a NULL handle use this one.
  const kernelObjects = makeDir(top, "KernelObjects");
  const k = obAlloc(TYPE_KEYEDEVENT);
  if (k) {
    k.flags = OBJ_PERMANENT;
    k.refs = 1;
    const name = "CritSecOutOfMemoryEvent";
    nameInsert(kernelObjects, k, changetype<usize>(name), <u32>name.length);
    r.critSecEvent = changetype<usize>(k);
  }
}
