// kernel32 mutex calls.
import { ntCreateMutant, ntReleaseMutant } from "../nt/mutex";
import { ntOpen } from "../nt/object";
import { boolResult, createResult, openResult } from "./result";
import { CREATE_MUTEX_INITIAL_OWNER, MUTEX_ALL_ACCESS, STATUS_INVALID_PARAMETER, TYPE_MUTANT } from "../generated/abi";

export function CreateMutexW(inherit: i32, bInitialOwner: i32, lpName: usize, lpNameLen: i32): u32 {
  return createResult(ntCreateMutant(MUTEX_ALL_ACCESS, inherit != 0, lpName, lpNameLen, bInitialOwner != 0));
}

export function CreateMutexExW(inherit: i32, lpName: usize, lpNameLen: i32, dwFlags: u32, dwDesiredAccess: u32): u32 {
  if (dwFlags & ~CREATE_MUTEX_INITIAL_OWNER) return createResult(STATUS_INVALID_PARAMETER);
  return createResult(ntCreateMutant(dwDesiredAccess, inherit != 0, lpName, lpNameLen, (dwFlags & CREATE_MUTEX_INITIAL_OWNER) != 0));
}

export function OpenMutexW(dwDesiredAccess: u32, bInheritHandle: i32, lpName: usize, lpNameLen: i32): u32 {
  return openResult(ntOpen(TYPE_MUTANT, dwDesiredAccess, bInheritHandle != 0, lpName, lpNameLen));
}

export function ReleaseMutex(hMutex: u32): i32 { return boolResult(ntReleaseMutant(hMutex)); }
