// KeyedWait: the kernel half of WaitOnAddress, and so of every contended user-mode lock
// (usermode/). Like an NT keyed event or an ntsync object it is waited on through the ordinary wait
// engine, but it is internal: unnamed, never in a handle table, found in a per-kernel hash table by
// (process, guest address). It exists while waits are queued on it: created by the first wait,
// kept alive by the references queued waits hold (ob/wait.ts enqueue), removed from the hash table
// when the last one goes (keyedWaitDestroy).
//
// It is signaled only while it holds wake tokens, and tokens never outlive the wake call that gives
// them: a wake with no waiter is lost, as on Windows.
import { kalloc } from "../lib/alloc";
import { root } from "../lib/root";
import { ObjectHeader, obAlloc } from "../ob/object";
import { TYPE_KEYEDWAIT } from "../generated/abi";

@unmanaged
export class KeyedWait extends ObjectHeader {
  process: usize;
  address: u32; // guest address: a key, never dereferenced (the kernel cannot read guest memory)
  tokens: u32; // wakes being handed out right now; KEYED_WAKE_ALL: every queued waiter
  hashNext: usize;
}

export const KEYED_WAKE_ALL: u32 = 0xffffffff;
const BUCKET_BITS: u32 = 10;

function bucket(process: usize, address: u32): usize {
  const h = ((<u32>process * 0x9e3779b1) ^ (address * 0x85ebca6b)) >> (32 - BUCKET_BITS);
  return root().keyedWaits + (<usize>h << 2);
}

export function keyedWaitSignaled(w: KeyedWait): bool { return w.tokens != 0; }
export function keyedWaitSatisfy(w: KeyedWait): void { if (w.tokens != KEYED_WAKE_ALL) w.tokens--; }

/** The KeyedWait of (process, address), or null; with `create`, a new one (null when out of memory). */
export function keyedWaitFind(process: usize, address: u32, create: bool): KeyedWait | null {
  const r = root();
  if (!r.keyedWaits) {
    if (!create) return null;
    r.keyedWaits = kalloc((<usize>1 << BUCKET_BITS) << 2); // zeroed; kept for the kernel's life
    if (!r.keyedWaits) return null;
  }
  const b = bucket(process, address);
  for (let p = load<usize>(b); p; p = changetype<KeyedWait>(p).hashNext) {
    const w = changetype<KeyedWait>(p);
    if (w.process == process && w.address == address) return w;
  }
  if (!create) return null;
  const o = obAlloc(TYPE_KEYEDWAIT);
  if (!o) return null;
  const w = changetype<KeyedWait>(o);
  w.process = process;
  w.address = address;
  w.hashNext = load<usize>(b);
  store<usize>(b, changetype<usize>(w));
  return w;
}

/** The last queued wait is gone: leave the hash table (the object manager frees the record). */
export function keyedWaitDestroy(w: KeyedWait): void {
  let link = bucket(w.process, w.address);
  while (load<usize>(link) != changetype<usize>(w)) link = load<usize>(link) + offsetof<KeyedWait>("hashNext");
  store<usize>(link, w.hashNext);
}
