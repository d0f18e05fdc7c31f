// Object directories and symbolic links: the namespace skeleton (\, \BaseNamedObjects,
// \Sessions\1\BaseNamedObjects with its Global and Local links). Entries live in ob/namespace.ts.
import { ObjectHeader } from "../ob/object";

@unmanaged
export class Directory extends ObjectHeader {
  first: usize; // first NameEntry in this directory (newest first)
  count: u32;
}

@unmanaged
export class SymbolicLink extends ObjectHeader {
  target: usize; // the Directory it resolves to
}
