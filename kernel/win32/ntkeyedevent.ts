// ntdll's keyed event calls (abi/syscalls/ntdll.ts 487..489, 496): NTSTATUS results.
import { result } from "../lib/tls";
import { ntOpen, OBJ_INHERIT } from "../nt/object";
import { ntSuccess } from "../nt/status";
import { ntCreateKeyedEvent, ntKeyedEvent } from "../nt/keyedevent";
import { timeoutMs } from "../nt/ntobject";
import { STATUS_ACCESS_VIOLATION, STATUS_INVALID_PARAMETER_4, STATUS_THREAD_IS_TERMINATING, TYPE_KEYEDEVENT } from "../generated/abi";

export function NtCreateKeyedEvent(KeyedEventHandle: usize, DesiredAccess: u32, root: u32, name: usize, nameLen: i32, attr: u32, Flags: u32): u32 {
  if (!KeyedEventHandle) return STATUS_ACCESS_VIOLATION;
  if (Flags) return STATUS_INVALID_PARAMETER_4;
  const st = ntCreateKeyedEvent(DesiredAccess, (attr & OBJ_INHERIT) != 0, name, nameLen, root, attr);
  if (ntSuccess(st)) store<u32>(KeyedEventHandle, <u32>result);
  return st;
}

export function NtOpenKeyedEvent(KeyedEventHandle: usize, DesiredAccess: u32, root: u32, name: usize, nameLen: i32, attr: u32): u32 {
  if (!KeyedEventHandle) return STATUS_ACCESS_VIOLATION;
  const st = ntOpen(TYPE_KEYEDEVENT, DesiredAccess, (attr & OBJ_INHERIT) != 0, name, nameLen, root, attr);
  if (ntSuccess(st)) store<u32>(KeyedEventHandle, <u32>result);
  return st;
}

/** A thread being terminated traps here, after the kernel lock is released (as the other waits do). */
// @ts-ignore: decorator
@inline function waitStatus(st: u32): u32 {
  if (st == STATUS_THREAD_IS_TERMINATING) unreachable();
  return st;
}

export function NtWaitForKeyedEvent(KeyedEventHandle: u32, Key: u32, Alertable: i32, Timeout: usize): u32 {
  return waitStatus(ntKeyedEvent(KeyedEventHandle, Key, false, Alertable != 0, timeoutMs(Timeout)));
}

export function NtReleaseKeyedEvent(KeyedEventHandle: u32, Key: u32, Alertable: i32, Timeout: usize): u32 {
  return waitStatus(ntKeyedEvent(KeyedEventHandle, Key, true, Alertable != 0, timeoutMs(Timeout)));
}
