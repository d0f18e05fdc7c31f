// kernel32 handle calls.
import { result } from "../lib/tls";
import { ntClose, ntDuplicate, ntGetHandleFlags, ntSetHandleFlags } from "../nt/handle";
import { boolResult } from "./result";
import { STATUS_ACCESS_VIOLATION, STATUS_SUCCESS } from "../generated/abi";

export function CloseHandle(hObject: u32): i32 { return boolResult(ntClose(hObject)); }

export function DuplicateHandle(hSourceProcessHandle: u32, hSourceHandle: u32, hTargetProcessHandle: u32, lpTargetHandle: usize,
  dwDesiredAccess: u32, bInheritHandle: i32, dwOptions: u32): i32 {
  const st = ntDuplicate(hSourceProcessHandle, hSourceHandle, hTargetProcessHandle, dwDesiredAccess, bInheritHandle != 0, dwOptions);
  if (lpTargetHandle) store<u32>(lpTargetHandle, st == STATUS_SUCCESS ? <u32>result : 0);
  return boolResult(st);
}

export function GetHandleInformation(hObject: u32, lpdwFlags: usize): i32 {
  if (!lpdwFlags) return boolResult(STATUS_ACCESS_VIOLATION);
  const st = ntGetHandleFlags(hObject);
  if (st == STATUS_SUCCESS) store<u32>(lpdwFlags, <u32>result);
  return boolResult(st);
}

export function SetHandleInformation(hObject: u32, dwMask: u32, dwFlags: u32): i32 {
  return boolResult(ntSetHandleFlags(hObject, dwMask, dwFlags));
}
