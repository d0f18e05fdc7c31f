// Thread-local storage: TlsAlloc/TlsFree hand out process-wide indexes (a bitmap in the process),
// TlsGetValue/TlsSetValue read and write the calling thread's own slot array. Only the thread itself
// touches its slots (TlsFree clears them under the lock), so Get/Set of an existing array need no lock.
import { enter, leave } from "../lib/lock";
import { kalloc } from "../lib/alloc";
import { TLS_BYTES, TLS_SLOTS } from "../lib/layout";
import { currentThread } from "../lib/tls";
import { currentProcess } from "../ob/handle";
import { Thread } from "../objects/thread";
import { SetLastError } from "./lasterror";
import { failStatus } from "./result";
import {
  ERROR_INVALID_PARAMETER, ERROR_NO_MORE_ITEMS, ERROR_SUCCESS, STATUS_NO_MEMORY, TLS_OUT_OF_INDEXES,
} from "../generated/abi";

export function TlsAlloc(): u32 {
  enter();
  const p = currentProcess();
  if (!p.tlsBits) {
    p.tlsBits = kalloc(TLS_SLOTS >> 3);
    if (!p.tlsBits) { leave(); failStatus(STATUS_NO_MEMORY); return TLS_OUT_OF_INDEXES; }
  }
  for (let w: u32 = 0; w < TLS_SLOTS >> 5; w++) {
    const a = p.tlsBits + (<usize>w << 2);
    const bits = load<u32>(a);
    if (bits == 0xffffffff) continue;
    const bit = ctz(~bits);
    store<u32>(a, bits | (1 << bit));
    leave();
    return (w << 5) + bit;
  }
  leave();
  SetLastError(ERROR_NO_MORE_ITEMS);
  return TLS_OUT_OF_INDEXES;
}

/** Frees an index and clears its slot in every thread of the process, as Windows does. */
export function TlsFree(dwTlsIndex: u32): i32 {
  enter();
  const p = currentProcess();
  const a = p.tlsBits + (<usize>(dwTlsIndex >> 5) << 2);
  const bit: u32 = 1 << (dwTlsIndex & 31);
  if (dwTlsIndex >= TLS_SLOTS || !p.tlsBits || !(load<u32>(a) & bit)) {
    leave();
    SetLastError(ERROR_INVALID_PARAMETER);
    return 0;
  }
  store<u32>(a, load<u32>(a) & ~bit);
  for (let t = p.threadHead; t; t = changetype<Thread>(t).procNext) {
    const slots = changetype<Thread>(t).tls;
    if (slots) store<u32>(slots + (<usize>dwTlsIndex << 2), 0);
  }
  leave();
  return 1;
}

/** The calling thread's value at the index (0 when never set); sets last error 0 on success. */
export function TlsGetValue(dwTlsIndex: u32): u32 {
  if (dwTlsIndex >= TLS_SLOTS) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
  const slots = changetype<Thread>(currentThread).tls;
  SetLastError(ERROR_SUCCESS);
  return slots ? load<u32>(slots + (<usize>dwTlsIndex << 2)) : 0;
}

export function TlsSetValue(dwTlsIndex: u32, lpTlsValue: u32): i32 {
  if (dwTlsIndex >= TLS_SLOTS) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
  const t = changetype<Thread>(currentThread);
  if (!t.tls) {
    enter();
    t.tls = kalloc(TLS_BYTES);
    leave();
    if (!t.tls) { failStatus(STATUS_NO_MEMORY); return 0; }
  }
  store<u32>(t.tls + (<usize>dwTlsIndex << 2), lpTlsValue);
  return 1;
}
