// Creating, opening and handing out objects: the steps every Create*/Open* service shares.
// All functions here run with the kernel lock held.
import { ntSuccess } from "./status";
import { result, setResult } from "../lib/tls";
import { root } from "../lib/root";
import { enter, leave } from "../lib/lock";
import { ObjectHeader, obAllocCharged, obDeref } from "../ob/object";
import { currentProcess, handleInsert, handleObject } from "../ob/handle";
import { nameInsert, nameResolve } from "../ob/namespace";
import { result2, result3 } from "../lib/tls";
import { Directory } from "../objects/directory";
import { OBJ_PERMANENT } from "../lib/layout";
import {
  ACCESS_SYSTEM_SECURITY, DELETE, HANDLE_FLAG_INHERIT, MAXIMUM_ALLOWED, STATUS_PRIVILEGE_NOT_HELD, mapGenericAccess, STATUS_ACCESS_DENIED,
  STATUS_INSUFFICIENT_RESOURCES, STATUS_INVALID_PARAMETER, STATUS_OBJECT_NAME_EXISTS, STATUS_OBJECT_PATH_SYNTAX_BAD,
  STATUS_OBJECT_TYPE_MISMATCH, STATUS_SUCCESS, STATUS_OBJECT_NAME_COLLISION, TYPE_DIRECTORY, validAccessMask, WRITE_DAC, WRITE_OWNER,
} from "../generated/abi";

function sessionDir(): Directory { return changetype<Directory>(root().sessionDir); }

/**
 * `attr` of a Win32 name (kernel32's CreateX and OpenX): relative to the session's BaseNamedObjects,
 * case-sensitive, an existing object opened. Any other value is an NT OBJECT_ATTRIBUTES.Attributes
 * with its RootDirectory handle (0: the name is absolute). No OBJ_* combination has every bit.
 */
export const NAME_WIN32: u32 = 0xffffffff; // the `attr` defaults spell it out: a literal default makes no varargs stub
export const OBJ_INHERIT: u32 = 0x02;
export const OBJ_PERMANENT_ATTR: u32 = 0x10;
export const OBJ_CASE_INSENSITIVE: u32 = 0x40;
export const OBJ_OPENIF: u32 = 0x80;
/** `attr` of a NULL OBJECT_ATTRIBUTES (the host's OA_NULL): no valid Attributes has this bit. */
export const OA_NULL: u32 = 0x80000000;

/**
 * Resolves a Win32 name or an NT RootDirectory + name, following symbolic links (ob/namespace.ts
 * nameResolve, with its results). A RootDirectory that is not a directory (a symbolic link, an event) is
 * STATUS_OBJECT_TYPE_MISMATCH, after a name starting with "\\" was found STATUS_OBJECT_PATH_SYNTAX_BAD.
 */
function nameFind(type: u32, name: usize, nameLen: u32, rootH: u32, attr: u32, create: bool): u32 {
  if (attr == NAME_WIN32) return nameResolve(sessionDir(), name, nameLen, false, type, create);
  let start: Directory | null = null;
  if (rootH) {
    const d = handleObject(rootH, 0, 0);
    if (!d) return <u32>result;
    if (nameLen && load<u16>(name) == 0x5c) return STATUS_OBJECT_PATH_SYNTAX_BAD;
    if (d.type != TYPE_DIRECTORY) return STATUS_OBJECT_TYPE_MISMATCH;
    start = changetype<Directory>(d);
  }
  return nameResolve(start, name, nameLen, (attr & OBJ_CASE_INSENSITIVE) != 0, type, create);
}

/**
 * Creates an object of `type`, named `name[0..nameLen)` when nameLen > 0 (a Win32 name, resolved from
 * the session's BaseNamedObjects, or an NT name: see NAME_WIN32). An existing object of the same type
 * is returned instead, with STATUS_OBJECT_NAME_EXISTS (an NT name without OBJ_OPENIF:
 * STATUS_OBJECT_NAME_COLLISION). On success `result` is the object.
 */
export function obCreate(type: u32, name: usize, nameLen: u32, rootH: u32 = 0, attr: u32 = 0xffffffff): u32 {
  if (!nameLen) {
    const o = obAllocCharged(type);
    if (!o) return <u32>result;
    setResult(changetype<usize>(o));
    return STATUS_SUCCESS;
  }
  const st = nameFind(type, name, nameLen, rootH, attr, true);
  if (st == STATUS_OBJECT_NAME_EXISTS) {
    const existing = changetype<ObjectHeader>(result);
    if (existing.type != type) return STATUS_OBJECT_TYPE_MISMATCH;
    if (attr != NAME_WIN32 && !(attr & OBJ_OPENIF)) return STATUS_OBJECT_NAME_COLLISION;
    setResult(changetype<usize>(existing));
    return STATUS_OBJECT_NAME_EXISTS;
  }
  if (st != STATUS_SUCCESS) return st;
  const dir = changetype<Directory>(result), comp = result2, clen = result3;
  const o = obAllocCharged(type);
  if (!o) return <u32>result;
  if (!nameInsert(dir, o, comp, clen)) { discard(o); return STATUS_INSUFFICIENT_RESOURCES; }
  setResult(changetype<usize>(o));
  return STATUS_SUCCESS;
}

/**
 * Finds the named object of `type`; on success `result` is the object. The name is looked up before
 * access is checked, so access 0 gives "not found" for a missing name and "denied" for an existing
 * one. An empty name is the directory itself, hence a type mismatch.
 */
export function obOpen(type: u32, name: usize, nameLen: u32, access: u32, rootH: u32 = 0, attr: u32 = 0xffffffff): u32 {
  if (!nameLen) return STATUS_OBJECT_TYPE_MISMATCH;
  const st = nameFind(type, name, nameLen, rootH, attr, false);
  if (st != STATUS_SUCCESS) return st;
  const o = changetype<ObjectHeader>(result);
  if (o.type != type) return STATUS_OBJECT_TYPE_MISMATCH;
  if (!access) return STATUS_ACCESS_DENIED;
  setResult(changetype<usize>(o));
  return STATUS_SUCCESS;
}

/** grantedAccess() results that are refusals; no real mask has the top bits (they are GENERIC_*). */
export const ACCESS_REFUSED: u32 = 0xffffffff; // bits the type does not have: STATUS_ACCESS_DENIED
export const ACCESS_NEEDS_PRIVILEGE: u32 = 0xfffffffe; // ACCESS_SYSTEM_SECURITY: STATUS_PRIVILEGE_NOT_HELD

/** The rights `access` asks for on an object of `type`, with GENERIC_* and MAXIMUM_ALLOWED mapped. */
export function grantedAccess(type: u32, access: u32): u32 {
  if (access & ACCESS_SYSTEM_SECURITY) return ACCESS_NEEDS_PRIVILEGE; // guests hold no privileges
  const mapped = mapGenericAccess(type, access);
  return mapped & ~validAccessMask(type) ? ACCESS_REFUSED : mapped;
}

/**
 * Rights no guest holds on the system's own objects (the permanent namespace skeleton), as a standard
 * user's on Windows: their security lets everyone look and create names, not delete or re-secure them.
 */
export const SYSTEM_OBJECT_DENIED: u32 = DELETE | WRITE_DAC | WRITE_OWNER;

/**
 * The rights a handle to `o` gets for `granted` (grantedAccess of `asked`): on a system object, ACCESS_REFUSED
 * when they include SYSTEM_OBJECT_DENIED, or without those rights for MAXIMUM_ALLOWED.
 */
function objectAccess(o: ObjectHeader, granted: u32, asked: u32): u32 {
  if (!(o.flags & OBJ_PERMANENT) || !(granted & SYSTEM_OBJECT_DENIED)) return granted;
  return asked & MAXIMUM_ALLOWED ? granted & ~SYSTEM_OBJECT_DENIED : ACCESS_REFUSED;
}

/** The status for a grantedAccess() result: STATUS_SUCCESS for a real mask. */
export function accessStatus(granted: u32): u32 {
  if (granted == ACCESS_REFUSED) return STATUS_ACCESS_DENIED;
  if (granted == ACCESS_NEEDS_PRIVILEGE) return STATUS_PRIVILEGE_NOT_HELD;
  return STATUS_SUCCESS;
}

/** Opens a named object of `type` for the calling process: the whole Open* service. */
export function ntOpen(type: u32, access: u32, inherit: bool, name: usize, nameLen: u32, rootH: u32 = 0, attr: u32 = 0xffffffff): u32 {
  if (!name) return STATUS_INVALID_PARAMETER;
  const granted = grantedAccess(type, access);
  enter();
  let st = obOpen(type, name, nameLen, access, rootH, attr);
  if (st == STATUS_SUCCESS) {
    const o = changetype<ObjectHeader>(result);
    const g = accessStatus(granted) != STATUS_SUCCESS ? granted : objectAccess(o, granted, access);
    st = accessStatus(g) != STATUS_SUCCESS ? accessStatus(g) : obInsert(o, g, inherit, false);
  }
  leave();
  return st;
}

/**
 * The first half of every NtCreateX: checks `access`, takes the kernel lock and creates the object or
 * finds the existing one of that name. On success `result` is the object and the lock is held: the
 * caller initialises a fresh one (status STATUS_SUCCESS, not STATUS_OBJECT_NAME_EXISTS) and then
 * calls createEnd. On failure the lock is not held.
 */
export function createBegin(type: u32, access: u32, name: usize, nameLen: u32, rootH: u32 = 0, attr: u32 = 0xffffffff): u32 {
  const denied = accessStatus(grantedAccess(type, access));
  if (denied != STATUS_SUCCESS) return denied;
  // OBJ_PERMANENT needs SeCreatePermanentPrivilege, which no guest holds.
  if (attr != NAME_WIN32 && (attr & OBJ_PERMANENT_ATTR)) return STATUS_PRIVILEGE_NOT_HELD;
  enter();
  const st = obCreate(type, name, nameLen, rootH, attr);
  if (!ntSuccess(st)) leave();
  return st;
}

/** The second half: gives the caller a handle to `o` and leaves the lock; on success `result` is the handle. */
export function createEnd(o: ObjectHeader, st: u32, access: u32, inherit: bool): u32 {
  const granted = objectAccess(o, grantedAccess(o.type, access), access);
  if (granted == ACCESS_REFUSED) { leave(); return STATUS_ACCESS_DENIED; } // OBJ_OPENIF on a system object
  const ins = obInsert(o, granted, inherit, st == STATUS_SUCCESS);
  leave();
  return ins == STATUS_SUCCESS ? st : ins;
}

/** Frees an object that never got a handle. */
export function discard(o: ObjectHeader): void {
  o.refs = 1;
  obDeref(o);
}

/**
 * Gives the calling process a handle to `o`; on success `result` is the handle value. A `fresh`
 * object (just created) is discarded when no handle can be made.
 */
export function obInsert(o: ObjectHeader, access: u32, inherit: bool, fresh: bool): u32 {
  const h = handleInsert(currentProcess(), o, access, inherit ? HANDLE_FLAG_INHERIT : 0);
  if (!h) {
    const st = <u32>result;
    if (fresh) discard(o);
    return st;
  }
  setResult(h);
  return STATUS_SUCCESS;
}
