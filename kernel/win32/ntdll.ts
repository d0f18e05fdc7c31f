// ntdll entry points: NT services with NTSTATUS results and no last-error.
import { result } from "../lib/tls";
import { ntEventOp, EVENT_PULSE, EVENT_RESET, EVENT_SET } from "../nt/event";
import { ntClose } from "../nt/handle";
import { ntAlertThread, ntQueueApcThread } from "../nt/apc";
import { STATUS_SUCCESS } from "../generated/abi";

function eventOp(h: u32, op: i32, prevOut: usize): u32 {
  const st = ntEventOp(h, op);
  if (st == STATUS_SUCCESS && prevOut) store<i32>(prevOut, <i32>result);
  return st;
}

export function NtSetEvent(EventHandle: u32, PreviousState: usize): u32 { return eventOp(EventHandle, EVENT_SET, PreviousState); }
export function NtResetEvent(EventHandle: u32, PreviousState: usize): u32 { return eventOp(EventHandle, EVENT_RESET, PreviousState); }
export function NtPulseEvent(EventHandle: u32, PreviousState: usize): u32 { return eventOp(EventHandle, EVENT_PULSE, PreviousState); }
export function NtClose(Handle: u32): u32 { return ntClose(Handle); }
export function NtQueueApcThread(ThreadHandle: u32, ApcRoutine: u32, ApcArgument1: u32, ApcArgument2: u32, ApcArgument3: u32): u32 {
  return ntQueueApcThread(ThreadHandle, ApcRoutine, ApcArgument1, ApcArgument2, ApcArgument3);
}
export function NtAlertThread(ThreadHandle: u32): u32 { return ntAlertThread(ThreadHandle); }
