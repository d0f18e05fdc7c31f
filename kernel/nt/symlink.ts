// Symbolic link services (NtCreateSymbolicLinkObject, NtQuerySymbolicLinkObject) and NtMakeTemporaryObject.
// Following links while resolving names is ob/namespace.ts's walk.
import { enter, leave } from "../lib/lock";
import { result } from "../lib/tls";
import { OBJ_PERMANENT } from "../lib/layout";
import { handleObject } from "../ob/handle";
import { discard } from "./object";
import { createBegin, createEnd } from "./object";
import { ntSuccess } from "./status";
import { SymbolicLink, symlinkSetTarget } from "../objects/directory";
import {
  DELETE, STATUS_ACCESS_DENIED, STATUS_ACCESS_VIOLATION, STATUS_BUFFER_TOO_SMALL, STATUS_INSUFFICIENT_RESOURCES, STATUS_INVALID_PARAMETER,
  STATUS_SUCCESS, SYMBOLIC_LINK_QUERY, TYPE_SYMBOLICLINK,
} from "../generated/abi";

/**
 * The kernel copy of a UNICODE_STRING the host made (host/call-context.ts unicodeString): Length,
 * MaximumLength, Buffer (the kernel copy of its bytes), then the guest's Buffer and the number of bytes
 * written back to it.
 */
// @ts-ignore: decorator
@inline function usLength(us: usize): u32 { return load<u16>(us); }
// @ts-ignore: decorator
@inline function usMax(us: usize): u32 { return load<u16>(us, 2); }
// @ts-ignore: decorator
@inline function usBuffer(us: usize): usize { return load<u32>(us, 4); }
const US_WRITTEN: usize = 12;

/**
 * A link to the path in `target` (a UNICODE_STRING copy, see above; 0 for NULL): its MaximumLength
 * (rounded down to even) bytes are kept, as Windows does. On success `result` is the handle.
 */
export function ntCreateSymbolicLink(access: u32, inherit: bool, name: usize, nameLen: u32, rootH: u32, attr: u32, target: usize): u32 {
  if (!target) return STATUS_ACCESS_VIOLATION;
  const len = usLength(target), max = usMax(target) & ~1;
  if (!max || len > max || (len & 1)) return STATUS_INVALID_PARAMETER;
  const st = createBegin(TYPE_SYMBOLICLINK, access, name, nameLen, rootH, attr);
  if (!ntSuccess(st)) return st;
  const l = changetype<SymbolicLink>(result);
  if (st == STATUS_SUCCESS && !symlinkSetTarget(l, usBuffer(target), len, max)) { // an existing link keeps its target
    discard(l);
    leave();
    return STATUS_INSUFFICIENT_RESOURCES;
  }
  return createEnd(l, st, access, inherit);
}

/**
 * NtQuerySymbolicLinkObject into `us` (a UNICODE_STRING copy, see above): with `retLen` the stored
 * MaximumLength bytes, which must fit in the caller's MaximumLength, else the Length bytes; on success
 * Length is set. `retLen` gets the stored MaximumLength, also when the buffer is too small.
 */
export function ntQuerySymbolicLink(h: u32, us: usize, retLen: usize): u32 {
  if (!us) return STATUS_ACCESS_VIOLATION;
  enter();
  const o = handleObject(h, SYMBOLIC_LINK_QUERY, TYPE_SYMBOLICLINK);
  if (!o) { const st = <u32>result; leave(); return st; }
  const l = changetype<SymbolicLink>(o);
  const used = retLen ? l.maxLength : l.length;
  let st = STATUS_SUCCESS;
  if (used <= usMax(us)) {
    if (used) memory.copy(usBuffer(us), l.target, used);
    store<u16>(us, <u16>l.length);
    store<u32>(us + US_WRITTEN, used);
  } else {
    st = STATUS_BUFFER_TOO_SMALL;
  }
  if (retLen) store<u32>(retLen, l.maxLength);
  leave();
  return st;
}

/**
 * NtMakeTemporaryObject: needs DELETE access. Clearing OBJ_PERMANENT would let the name go with the last
 * handle, but no guest object is permanent (OBJ_PERMANENT needs SeCreatePermanentPrivilege, which no
 * guest holds), and the permanent ones, the system's namespace skeleton, refuse DELETE to guests (also
 * through a handle duplicated with more access): so this succeeds on temporary objects and changes nothing.
 */
export function ntMakeTemporary(h: u32): u32 {
  enter();
  const o = handleObject(h, DELETE, 0);
  const st = !o ? <u32>result : o.flags & OBJ_PERMANENT ? STATUS_ACCESS_DENIED : STATUS_SUCCESS;
  leave();
  return st;
}
