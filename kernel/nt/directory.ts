// Listing an object directory (the "object list" the tools and tests use to see the namespace).
import { enter, leave } from "../lib/lock";
import { result } from "../lib/tls";
import { ObjectHeader } from "../ob/object";
import { NameEntry, nameChars, resolveObject } from "../ob/namespace";
import { Directory } from "../objects/directory";
import {
  STATUS_BUFFER_TOO_SMALL, STATUS_NO_MORE_ENTRIES, STATUS_OBJECT_TYPE_MISMATCH, STATUS_SUCCESS, TYPE_DIRECTORY,
} from "../generated/abi";

/**
 * Entry `index` of the directory at absolute path `path[0..pathLen)`: copies its name to `nameOut`
 * (room for `nameCap` chars) and writes its length and type id. Entries are listed newest first.
 */
export function ntQueryDirectory(path: usize, pathLen: u32, index: u32, nameOut: usize, nameCap: u32, lenOut: usize, typeOut: usize): u32 {
  enter();
  let st = resolveObject(path, pathLen);
  if (st != STATUS_SUCCESS) { leave(); return st; }
  const o = changetype<ObjectHeader>(result);
  if (o.type != TYPE_DIRECTORY) { leave(); return STATUS_OBJECT_TYPE_MISMATCH; }
  let e = changetype<Directory>(o).first;
  for (let i: u32 = 0; e && i < index; i++) e = changetype<NameEntry>(e).sibNext;
  if (!e) { leave(); return STATUS_NO_MORE_ENTRIES; }
  const n = changetype<NameEntry>(e);
  if (lenOut) store<u32>(lenOut, n.len);
  if (typeOut) store<u32>(typeOut, changetype<ObjectHeader>(n.object).type);
  if (n.len > nameCap || !nameOut) st = STATUS_BUFFER_TOO_SMALL;
  else memory.copy(nameOut, nameChars(n), <usize>n.len << 1);
  leave();
  return st;
}
