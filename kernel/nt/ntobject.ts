// What the NT native object calls add to the services kernel32 shares: the basic information classes
// of NtQueryEvent/NtQueryMutant/NtQuerySemaphore, LARGE_INTEGER timeouts, and RtlNtStatusToDosError.
import { enter, leave } from "../lib/lock";
import { now } from "../lib/clock";
import { currentThread, result } from "../lib/tls";
import { currentProcess, handleAccess, handleEntry, handleObject } from "../ob/handle";
import { ObjectHeader } from "../ob/object";
import { NameEntry, nameChars } from "../ob/namespace";
import { Directory } from "../objects/directory";
import { Event } from "../objects/event";
import { Mutex } from "../objects/mutex";
import { Semaphore } from "../objects/semaphore";
import { FILETIME_EPOCH_MS, Timer, timersExpire } from "../objects/timer";
import {
  ERROR_GEN_FAILURE, ERROR_MR_MID_NOT_FOUND, EVENT_QUERY_STATE, INFINITE, MUTANT_QUERY_STATE, SEMAPHORE_QUERY_STATE,
  STATUS_ACCESS_VIOLATION, STATUS_INFO_LENGTH_MISMATCH, STATUS_INVALID_INFO_CLASS, STATUS_SUCCESS, STATUS_UNSUCCESSFUL,
  TYPE_EVENT, TYPE_MUTANT, TYPE_SEMAPHORE, TYPE_TIMER, TIMER_QUERY_STATE, statusToError, typeName, mapGenericAccess, GENERIC_READ, GENERIC_WRITE,
  GENERIC_EXECUTE, GENERIC_ALL, HANDLE_FLAG_INHERIT, HANDLE_FLAG_PROTECT_FROM_CLOSE, DIRECTORY_QUERY, TYPE_DIRECTORY,
  STATUS_BUFFER_TOO_SMALL, STATUS_MORE_ENTRIES, STATUS_NO_MORE_ENTRIES, validAccessMask,
} from "../generated/abi";
import { OBJ_PERMANENT } from "../lib/layout";
import { OBJ_PERMANENT_ATTR } from "./object";

/** The basic information structures are 8 bytes (two LONGs, or a LONG and two BOOLEANs); a timer's 16. */
const BASIC_INFO_SIZE: u32 = 8;
const TIMER_INFO_SIZE: u32 = 16;

/** A timer's signaled state, after firing whatever is due (`o` a Timer, the lock held). */
export function timerStateLocked(o: ObjectHeader): bool {
  timersExpire();
  return changetype<Timer>(o).signaled != 0;
}

/**
 * Class 0 (Event/Mutant/SemaphoreBasicInformation) of the object `h` of `type` into `out` (kernel
 * scratch holding `len` bytes); `retLen` (may be 0) gets the size written. The class is checked
 * first, then the length, then the handle, as NT does.
 */
export function ntQueryBasic(h: u32, type: u32, cls: u32, out: usize, len: u32, retLen: usize): u32 {
  if (cls != 0) return STATUS_INVALID_INFO_CLASS;
  const size = type == TYPE_TIMER ? TIMER_INFO_SIZE : BASIC_INFO_SIZE;
  if (len != size) return STATUS_INFO_LENGTH_MISMATCH;
  if (!out) return STATUS_ACCESS_VIOLATION;
  const access = type == TYPE_EVENT ? EVENT_QUERY_STATE : type == TYPE_MUTANT ? MUTANT_QUERY_STATE
    : type == TYPE_TIMER ? TIMER_QUERY_STATE : SEMAPHORE_QUERY_STATE;
  enter();
  const o = handleObject(h, access, type);
  if (!o) { const st = <u32>result; leave(); return st; }
  if (type == TYPE_EVENT) {
    const e = changetype<Event>(o);
    store<u32>(out, e.manual ? 0 : 1); // EVENT_TYPE: NotificationEvent 0, SynchronizationEvent 1
    store<i32>(out, e.signaled, 4);
  } else if (type == TYPE_MUTANT) {
    const m = changetype<Mutex>(o);
    store<i32>(out, 1 - <i32>m.count); // 1 free, 0 held once, negative when held recursively
    store<u8>(out, m.count != 0 && m.owner == currentThread ? 1 : 0, 4);
    store<u8>(out, m.abandoned ? 1 : 0, 5);
    store<u16>(out, 0, 6);
  } else if (type == TYPE_TIMER) {
    const state = timerStateLocked(o);
    const t = changetype<Timer>(o);
    const left = t.armed ? (t.due - now()) * 10000 : 0;
    store<i64>(out, left > 0 ? <i64>left : 0);
    store<u64>(out, state ? 1 : 0, 8);
  } else {
    const s = changetype<Semaphore>(o);
    store<i32>(out, s.count);
    store<i32>(out, s.max, 4);
  }
  leave();
  if (retLen) store<u32>(retLen, size);
  return STATUS_SUCCESS;
}

/**
 * A LARGE_INTEGER timeout (kernel copy at `p`, 0 for NULL) in the wait engine's milliseconds: NULL is
 * INFINITE, a negative value a delay in 100-ns units (rounded up), a positive one an absolute FILETIME.
 */
export function timeoutMs(p: usize): u32 {
  if (!p) return INFINITE;
  const v = load<i64>(p);
  let ms: f64;
  if (v <= 0) ms = Math.ceil(-<f64>v / 10000);
  else ms = Math.ceil(<f64>v / 10000 - FILETIME_EPOCH_MS - now());
  if (ms <= 0) return 0;
  return ms >= <f64>INFINITE ? INFINITE - 1 : <u32>ms;
}

/** RtlNtStatusToDosError: the NTSTATUS table; FACILITY_NTWIN32 codes carry the Win32 error itself. */
export function statusToDosError(status: u32): u32 {
  if ((status & 0xffff0000) == 0xc0070000 || (status & 0xffff0000) == 0x80070000) return status & 0xffff;
  const e = statusToError(status);
  return e == ERROR_GEN_FAILURE && status != STATUS_UNSUCCESSFUL ? ERROR_MR_MID_NOT_FOUND : e;
}

// ---------- NtQueryObject ----------

/** The most bytes of an NtQueryObject buffer the host copies (abi/syscalls/ntdll.ts: its max). */
const QUERY_OBJECT_MAX: u32 = 0x10100;
const BASIC_SIZE: u32 = 56; // OBJECT_BASIC_INFORMATION on wasm32
const TYPE_INFO_SIZE: u32 = 96; // OBJECT_TYPE_INFORMATION on wasm32
const USTR_SIZE: u32 = 8; // UNICODE_STRING on wasm32

/** Length in chars of the full path of a named object ("\" and each component from the root). */
function pathChars(o: ObjectHeader): u32 {
  let n: u32 = 0;
  for (let e = o.name; e; e = changetype<ObjectHeader>(changetype<NameEntry>(e).dir).name) n += 1 + changetype<NameEntry>(e).len;
  return n;
}

/** Writes the path of `o` (`n` chars from pathChars) at `at`, from its last component back. */
function pathWrite(o: ObjectHeader, at: usize, n: u32): void {
  let end = at + (<usize>n << 1);
  for (let e = o.name; e; e = changetype<ObjectHeader>(changetype<NameEntry>(e).dir).name) {
    const ne = changetype<NameEntry>(e);
    end -= <usize>ne.len << 1;
    memory.copy(end, nameChars(ne), <usize>ne.len << 1);
    end -= 2;
    store<u16>(end, 0x5c);
  }
}

/** A UNICODE_STRING at kernel `at` whose characters follow it, in the guest at `guestAt`. */
function unicodeAt(at: usize, guestAt: u32, chars: u32): void {
  store<u16>(at, <u16>(chars << 1));
  store<u16>(at, <u16>((chars + 1) << 1), 2);
  store<u32>(at, guestAt + USTR_SIZE, 4);
  store<u16>(at + USTR_SIZE + (<usize>chars << 1), 0);
}

/**
 * NtQueryObject for ObjectBasicInformation (0), ObjectNameInformation (1), ObjectTypeInformation (2):
 * `out` is the kernel copy of the caller's buffer, which is at `guest` in the guest (the strings'
 * Buffer pointers point into it). A buffer too small gives STATUS_INFO_LENGTH_MISMATCH with the size
 * needed in `retLen`.
 */
export function ntQueryObject(h: u32, cls: u32, out: usize, guest: u32, len: u32, retLen: usize): u32 {
  if (cls > 2) return STATUS_INVALID_INFO_CLASS;
  const cap = len < QUERY_OBJECT_MAX ? len : QUERY_OBJECT_MAX;
  enter();
  const o = handleObject(h, 0, 0);
  if (!o) { const st = <u32>result; leave(); return st; }
  let need: u32;
  if (cls == 0) need = BASIC_SIZE;
  else if (cls == 1) { const n = o.name ? pathChars(o) : 0; need = n ? USTR_SIZE + ((n + 1) << 1) : USTR_SIZE; }
  else need = TYPE_INFO_SIZE + ((<u32>typeName(o.type).length + 1) << 1);
  if (retLen) store<u32>(retLen, need);
  if (need > cap || !out) { leave(); return need > cap ? STATUS_INFO_LENGTH_MISMATCH : STATUS_ACCESS_VIOLATION; }
  memory.fill(out, 0, need);
  if (cls == 0) {
    const e = handleEntry(currentProcess(), h);
    const flags = e ? e.flags : 0;
    // The handle's OBJ_INHERIT and protection, and OBJ_PERMANENT for the system's namespace objects, as NT does.
    store<u32>(out, (flags & HANDLE_FLAG_INHERIT ? 2 : 0) | (flags & HANDLE_FLAG_PROTECT_FROM_CLOSE ? 1 : 0)
      | (o.flags & OBJ_PERMANENT ? OBJ_PERMANENT_ATTR : 0));
    store<u32>(out, handleAccess(h), 4);
    store<u32>(out, o.handles, 8);
    store<u32>(out, o.refs, 12);
  } else if (cls == 1) {
    const n = need > USTR_SIZE ? (need - USTR_SIZE - 2) >> 1 : 0;
    if (n) { unicodeAt(out, guest, n); pathWrite(o, out + USTR_SIZE, n); }
  } else {
    const name = typeName(o.type);
    const n = <u32>name.length;
    store<u16>(out, <u16>(n << 1)); // TypeName, its characters after the whole structure
    store<u16>(out, <u16>((n + 1) << 1), 2);
    store<u32>(out, guest + TYPE_INFO_SIZE, 4);
    memory.copy(out + TYPE_INFO_SIZE, changetype<usize>(name), <usize>n << 1);
    store<u16>(out + TYPE_INFO_SIZE + (<usize>n << 1), 0);
    store<u32>(out, mapGenericAccess(o.type, GENERIC_READ), 60); // GenericMapping
    store<u32>(out, mapGenericAccess(o.type, GENERIC_WRITE), 64);
    store<u32>(out, mapGenericAccess(o.type, GENERIC_EXECUTE), 68);
    store<u32>(out, mapGenericAccess(o.type, GENERIC_ALL), 72);
    store<u32>(out, validAccessMask(o.type), 76); // ValidAccessMask
  }
  leave();
  return STATUS_SUCCESS;
}

// ---------- NtQueryDirectoryObject ----------

const DIR_INFO_SIZE: u32 = 16; // OBJECT_DIRECTORY_INFORMATION on wasm32: two UNICODE_STRINGs

/** Bytes of the two strings (with their NULs) an entry adds after the array. */
function entryStrings(n: NameEntry): u32 {
  return ((n.len + 1) << 1) + ((<u32>typeName(changetype<ObjectHeader>(n.object).type).length + 1) << 1);
}

/** A UNICODE_STRING at kernel `at` for `chars` characters copied from `src` to kernel `to` (guest `toGuest`). */
function stringAt(at: usize, src: usize, chars: u32, to: usize, toGuest: u32): void {
  store<u16>(at, <u16>(chars << 1));
  store<u16>(at, <u16>((chars + 1) << 1), 2);
  store<u32>(at, toGuest, 4);
  memory.copy(to, src, <usize>chars << 1);
  store<u16>(to + (<usize>chars << 1), 0);
}

/**
 * NtQueryDirectoryObject: entries of directory `h` from *ctx (0 when `restart`), one or as many as fit
 * in `out` (kernel copy of the guest buffer at `guest`, `len` bytes): an array of { Name, TypeName }
 * ended by a zeroed entry, then the strings. *ctx moves past what was returned.
 */
export function ntQueryDirectoryObject(h: u32, out: usize, guest: u32, len: u32, single: bool, restart: bool,
  ctx: usize, retLen: usize): u32 {
  if (!ctx) return STATUS_ACCESS_VIOLATION;
  const cap = len < QUERY_OBJECT_MAX ? len : QUERY_OBJECT_MAX;
  enter();
  const o = handleObject(h, DIRECTORY_QUERY, TYPE_DIRECTORY);
  if (!o) { const st = <u32>result; leave(); return st; }
  const start: u32 = restart ? 0 : load<u32>(ctx);
  let e = changetype<Directory>(o).first;
  for (let i: u32 = 0; e && i < start; i++) e = changetype<NameEntry>(e).sibNext;
  if (!e) { leave(); return STATUS_NO_MORE_ENTRIES; }
  let k: u32 = 0, strBytes: u32 = 0, f = e;
  while (f && !(single && k == 1)) {
    const add = entryStrings(changetype<NameEntry>(f));
    if ((k + 2) * DIR_INFO_SIZE + strBytes + add > cap) break;
    strBytes += add;
    k++;
    f = changetype<NameEntry>(f).sibNext;
  }
  if (!k) {
    if (retLen) store<u32>(retLen, 2 * DIR_INFO_SIZE + entryStrings(changetype<NameEntry>(e)));
    leave();
    return STATUS_BUFFER_TOO_SMALL;
  }
  if (!out) { leave(); return STATUS_ACCESS_VIOLATION; }
  const array = (k + 1) * DIR_INFO_SIZE;
  memory.fill(out, 0, array);
  let str = array;
  f = e;
  for (let i: u32 = 0; i < k; i++) {
    const n = changetype<NameEntry>(f);
    const at = out + i * DIR_INFO_SIZE;
    stringAt(at, nameChars(n), n.len, out + str, guest + str);
    str += (n.len + 1) << 1;
    const tn = typeName(changetype<ObjectHeader>(n.object).type);
    stringAt(at + 8, changetype<usize>(tn), <u32>tn.length, out + str, guest + str);
    str += (<u32>tn.length + 1) << 1;
    f = n.sibNext;
  }
  leave();
  store<u32>(ctx, start + k);
  if (retLen) store<u32>(retLen, str);
  return f && !single ? STATUS_MORE_ENTRIES : STATUS_SUCCESS;
}
