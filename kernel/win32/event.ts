// kernel32 event calls.
import { ntCreateEvent, ntEventOp, EVENT_PULSE, EVENT_RESET, EVENT_SET } from "../nt/event";
import { ntOpen } from "../nt/object";
import { boolResult, createResult, openResult } from "./result";
import { CREATE_EVENT_INITIAL_SET, CREATE_EVENT_MANUAL_RESET, EVENT_ALL_ACCESS, STATUS_INVALID_PARAMETER, TYPE_EVENT } from "../generated/abi";

export function CreateEventW(inherit: i32, bManualReset: i32, bInitialState: i32, lpName: usize, lpNameLen: i32): u32 {
  return createResult(ntCreateEvent(EVENT_ALL_ACCESS, inherit != 0, lpName, lpNameLen, bManualReset != 0, bInitialState != 0));
}

export function CreateEventExW(inherit: i32, lpName: usize, lpNameLen: i32, dwFlags: u32, dwDesiredAccess: u32): u32 {
  if (dwFlags & ~(CREATE_EVENT_MANUAL_RESET | CREATE_EVENT_INITIAL_SET)) return createResult(STATUS_INVALID_PARAMETER);
  return createResult(ntCreateEvent(dwDesiredAccess, inherit != 0, lpName, lpNameLen,
    (dwFlags & CREATE_EVENT_MANUAL_RESET) != 0, (dwFlags & CREATE_EVENT_INITIAL_SET) != 0));
}

export function OpenEventW(dwDesiredAccess: u32, bInheritHandle: i32, lpName: usize, lpNameLen: i32): u32 {
  return openResult(ntOpen(TYPE_EVENT, dwDesiredAccess, bInheritHandle != 0, lpName, lpNameLen));
}

export function SetEvent(hEvent: u32): i32 { return boolResult(ntEventOp(hEvent, EVENT_SET)); }
export function ResetEvent(hEvent: u32): i32 { return boolResult(ntEventOp(hEvent, EVENT_RESET)); }
export function PulseEvent(hEvent: u32): i32 { return boolResult(ntEventOp(hEvent, EVENT_PULSE)); }
