// Console: a standard stream of a process (0 in, 1 out, 2 err). The host performs the I/O; the
// kernel object gives it a handle, access rights and a lifetime like any other object.
import { ObjectHeader } from "../ob/object";

@unmanaged
export class Console extends ObjectHeader {
  stream: u32;
}
