// Object directories and symbolic links: the namespace skeleton (\, \BaseNamedObjects,
// \Sessions\1\BaseNamedObjects with its Global and Local links) and the links NtCreateSymbolicLinkObject
// makes. Entries live in ob/namespace.ts, which also follows links when it resolves a name.
import { kalloc, kfree } from "../lib/alloc";
import { ObjectHeader } from "../ob/object";

@unmanaged
export class Directory extends ObjectHeader {
  first: usize; // first NameEntry in this directory (newest first)
  count: u32;
}

@unmanaged
export class SymbolicLink extends ObjectHeader {
  target: usize; // the target path: maxLength bytes, of which the first `length` are the path
  length: u32; // bytes (the UNICODE_STRING's Length)
  maxLength: u32; // bytes kept (its MaximumLength, even, >= 2): a query with a ReturnedLength copies them all
}

/** Gives link `l` a copy of `maxLength` bytes at `p` (kernel memory) as its target; false when out of memory. */
export function symlinkSetTarget(l: SymbolicLink, p: usize, length: u32, maxLength: u32): bool {
  const t = kalloc(maxLength);
  if (!t) return false;
  memory.copy(t, p, maxLength);
  l.target = t;
  l.length = length;
  l.maxLength = maxLength;
  return true;
}

export function symlinkDestroy(l: SymbolicLink): void {
  if (l.target) kfree(l.target, l.maxLength);
}
