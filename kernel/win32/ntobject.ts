// ntdll's native object calls (abi/syscalls/ntdll.ts): NTSTATUS results, no last-error. Names arrive as
// (RootDirectory, name, length, OBJECT_ATTRIBUTES.Attributes) from the host's OBJECT_ATTRIBUTES check;
// the services are the ones kernel32's calls use.
import { result } from "../lib/tls";
import { ntCreateEvent, ntEventOp, EVENT_RESET } from "../nt/event";
import { ntCreateMutant, ntReleaseMutant } from "../nt/mutex";
import { ntCreateSemaphore, ntReleaseSemaphore } from "../nt/semaphore";
import { createBegin, createEnd, ntOpen, OBJ_INHERIT } from "../nt/object";
import { ntDuplicate, ntGetHandleFlags } from "../nt/handle";
import { ntDelay, ntSignalAndWait, ntWaitMultiple, ntWaitSingle } from "../nt/wait";
import { ntQueryBasic, ntQueryDirectoryObject, ntQueryObject, statusToDosError, timeoutMs, timerStateLocked } from "../nt/ntobject";
import { ntCancelTimer, ntCreateTimer, ntSetTimer } from "../nt/timer";
import { enter, leave } from "../lib/lock";
import { setResult } from "../lib/tls";
import { handleObject } from "../ob/handle";
import { ObjectHeader } from "../ob/object";
import { ntSuccess } from "../nt/status";
import {
  DUPLICATE_CLOSE_SOURCE, DUPLICATE_SAME_ACCESS, HANDLE_FLAG_INHERIT, MAXIMUM_WAIT_OBJECTS, STATUS_INVALID_PARAMETER_1,
  STATUS_ACCESS_VIOLATION, STATUS_INVALID_PARAMETER, STATUS_SUCCESS,
  STATUS_THREAD_IS_TERMINATING, TIMER_MODIFY_STATE, STATUS_TIMER_RESUME_IGNORED, TYPE_TIMER, TYPE_DIRECTORY, TYPE_EVENT, TYPE_MUTANT, TYPE_SEMAPHORE,
} from "../generated/abi";

/** NT's DUPLICATE_SAME_ATTRIBUTES: the new handle keeps the source's OBJ_INHERIT. */
const DUPLICATE_SAME_ATTRIBUTES: u32 = 4;

/** Stores the handle a create/open left in `result`, when it succeeded (NTSTATUS success codes too). */
function handleOut(st: u32, out: usize): u32 {
  if (ntSuccess(st)) store<u32>(out, <u32>result);
  return st;
}

// @ts-ignore: decorator
@inline function inherit(attr: u32): bool { return (attr & OBJ_INHERIT) != 0; }

// --- events ---
export function NtCreateEvent(EventHandle: usize, DesiredAccess: u32, root: u32, name: usize, nameLen: i32, attr: u32,
  EventType: u32, InitialState: i32): u32 {
  if (!EventHandle) return STATUS_ACCESS_VIOLATION;
  if (EventType > 1) return STATUS_INVALID_PARAMETER; // NotificationEvent 0, SynchronizationEvent 1
  return handleOut(ntCreateEvent(DesiredAccess, inherit(attr), name, nameLen, EventType == 0, InitialState != 0, root, attr), EventHandle);
}

export function NtOpenEvent(EventHandle: usize, DesiredAccess: u32, root: u32, name: usize, nameLen: i32, attr: u32): u32 {
  if (!EventHandle) return STATUS_ACCESS_VIOLATION;
  return handleOut(ntOpen(TYPE_EVENT, DesiredAccess, inherit(attr), name, nameLen, root, attr), EventHandle);
}

export function NtClearEvent(EventHandle: u32): u32 { return ntEventOp(EventHandle, EVENT_RESET); }

export function NtQueryEvent(EventHandle: u32, cls: u32, info: usize, len: u32, retLen: usize): u32 {
  return ntQueryBasic(EventHandle, TYPE_EVENT, cls, info, len, retLen);
}

// --- mutants ---
export function NtCreateMutant(MutantHandle: usize, DesiredAccess: u32, root: u32, name: usize, nameLen: i32, attr: u32,
  InitialOwner: i32): u32 {
  if (!MutantHandle) return STATUS_ACCESS_VIOLATION;
  return handleOut(ntCreateMutant(DesiredAccess, inherit(attr), name, nameLen, InitialOwner != 0, root, attr), MutantHandle);
}

export function NtOpenMutant(MutantHandle: usize, DesiredAccess: u32, root: u32, name: usize, nameLen: i32, attr: u32): u32 {
  if (!MutantHandle) return STATUS_ACCESS_VIOLATION;
  return handleOut(ntOpen(TYPE_MUTANT, DesiredAccess, inherit(attr), name, nameLen, root, attr), MutantHandle);
}

export function NtReleaseMutant(MutantHandle: u32, PreviousCount: usize): u32 {
  const st = ntReleaseMutant(MutantHandle);
  if (st == STATUS_SUCCESS && PreviousCount) store<i32>(PreviousCount, <i32>result);
  return st;
}

export function NtQueryMutant(MutantHandle: u32, cls: u32, info: usize, len: u32, retLen: usize): u32 {
  return ntQueryBasic(MutantHandle, TYPE_MUTANT, cls, info, len, retLen);
}

// --- semaphores ---
export function NtCreateSemaphore(SemaphoreHandle: usize, DesiredAccess: u32, root: u32, name: usize, nameLen: i32, attr: u32,
  InitialCount: i32, MaximumCount: i32): u32 {
  if (!SemaphoreHandle) return STATUS_ACCESS_VIOLATION;
  return handleOut(ntCreateSemaphore(DesiredAccess, inherit(attr), name, nameLen, InitialCount, MaximumCount, root, attr), SemaphoreHandle);
}

export function NtOpenSemaphore(SemaphoreHandle: usize, DesiredAccess: u32, root: u32, name: usize, nameLen: i32, attr: u32): u32 {
  if (!SemaphoreHandle) return STATUS_ACCESS_VIOLATION;
  return handleOut(ntOpen(TYPE_SEMAPHORE, DesiredAccess, inherit(attr), name, nameLen, root, attr), SemaphoreHandle);
}

export function NtReleaseSemaphore(SemaphoreHandle: u32, ReleaseCount: i32, PreviousCount: usize): u32 {
  const st = ntReleaseSemaphore(SemaphoreHandle, ReleaseCount);
  if (st == STATUS_SUCCESS && PreviousCount) store<i32>(PreviousCount, <i32>result);
  return st;
}

export function NtQuerySemaphore(SemaphoreHandle: u32, cls: u32, info: usize, len: u32, retLen: usize): u32 {
  return ntQueryBasic(SemaphoreHandle, TYPE_SEMAPHORE, cls, info, len, retLen);
}

// --- timers ---
export function NtCreateTimer(TimerHandle: usize, DesiredAccess: u32, root: u32, name: usize, nameLen: i32, attr: u32, TimerType: u32): u32 {
  if (!TimerHandle) return STATUS_ACCESS_VIOLATION;
  if (TimerType > 1) return STATUS_INVALID_PARAMETER; // NotificationTimer 0, SynchronizationTimer 1
  return handleOut(ntCreateTimer(DesiredAccess, inherit(attr), name, nameLen, TimerType == 0, root, attr), TimerHandle);
}

export function NtOpenTimer(TimerHandle: usize, DesiredAccess: u32, root: u32, name: usize, nameLen: i32, attr: u32): u32 {
  if (!TimerHandle) return STATUS_ACCESS_VIOLATION;
  return handleOut(ntOpen(TYPE_TIMER, DesiredAccess, inherit(attr), name, nameLen, root, attr), TimerHandle);
}

/** The signaled state of timer `h` (for NtSetTimer's PreviousState and NtCancelTimer's CurrentState). */
function timerState(h: u32, access: u32): u32 {
  enter();
  const o = handleObject(h, access, TYPE_TIMER);
  const st = o ? STATUS_SUCCESS : <u32>result;
  const state = o ? timerStateLocked(changetype<ObjectHeader>(o)) : false;
  leave();
  setResult(state ? 1 : 0);
  return st;
}

export function NtSetTimer(TimerHandle: u32, DueTime: usize, TimerApcRoutine: u32, TimerContext: u32, ResumeTimer: i32,
  Period: i32, PreviousState: usize): u32 {
  let st = timerState(TimerHandle, TIMER_MODIFY_STATE);
  const prev = <u8>result;
  if (st == STATUS_SUCCESS) st = ntSetTimer(TimerHandle, DueTime, Period, TimerApcRoutine, TimerContext);
  if (st != STATUS_SUCCESS) return st;
  if (PreviousState) store<u8>(PreviousState, prev);
  return ResumeTimer ? STATUS_TIMER_RESUME_IGNORED : STATUS_SUCCESS;
}

export function NtCancelTimer(TimerHandle: u32, CurrentState: usize): u32 {
  let st = ntCancelTimer(TimerHandle);
  if (st == STATUS_SUCCESS) st = timerState(TimerHandle, 0);
  if (st == STATUS_SUCCESS && CurrentState) store<u8>(CurrentState, <u8>result);
  return st;
}

export function NtQueryTimer(TimerHandle: u32, cls: u32, info: usize, len: u32, retLen: usize): u32 {
  return ntQueryBasic(TimerHandle, TYPE_TIMER, cls, info, len, retLen);
}

// --- waits ---
/** A thread being terminated traps here, after the kernel lock is released (as kernel32's waits do). */
// @ts-ignore: decorator
@inline function waitStatus(st: u32): u32 {
  if (st == STATUS_THREAD_IS_TERMINATING) unreachable();
  return st;
}

export function NtWaitForSingleObject(Handle: u32, Alertable: i32, Timeout: usize): u32 {
  return waitStatus(ntWaitSingle(Handle, timeoutMs(Timeout), Alertable != 0));
}

export function NtWaitForMultipleObjects(Count: u32, Handles: usize, WaitType: u32, Alertable: i32, Timeout: usize): u32 {
  if (Count == 0 || Count > MAXIMUM_WAIT_OBJECTS) return STATUS_INVALID_PARAMETER_1;
  if (WaitType > 1) return STATUS_INVALID_PARAMETER; // WaitAll 0, WaitAny 1
  return waitStatus(ntWaitMultiple(Count, Handles, WaitType == 0, timeoutMs(Timeout), Alertable != 0));
}

export function NtSignalAndWaitForSingleObject(SignalHandle: u32, WaitHandle: u32, Alertable: i32, Timeout: usize): u32 {
  return waitStatus(ntSignalAndWait(SignalHandle, WaitHandle, timeoutMs(Timeout), Alertable != 0));
}

export function NtDelayExecution(Alertable: i32, DelayInterval: usize): u32 {
  if (!DelayInterval) return STATUS_ACCESS_VIOLATION;
  return waitStatus(ntDelay(timeoutMs(DelayInterval), Alertable != 0));
}

// --- directories ---
export function NtOpenDirectoryObject(DirectoryHandle: usize, DesiredAccess: u32, root: u32, name: usize, nameLen: i32, attr: u32): u32 {
  if (!DirectoryHandle) return STATUS_ACCESS_VIOLATION;
  return handleOut(ntOpen(TYPE_DIRECTORY, DesiredAccess, inherit(attr), name, nameLen, root, attr), DirectoryHandle);
}

export function NtCreateDirectoryObject(DirectoryHandle: usize, DesiredAccess: u32, root: u32, name: usize, nameLen: i32, attr: u32): u32 {
  if (!DirectoryHandle) return STATUS_ACCESS_VIOLATION;
  const st = createBegin(TYPE_DIRECTORY, DesiredAccess, name, nameLen, root, attr);
  if (!ntSuccess(st)) return st;
  return handleOut(createEnd(changetype<ObjectHeader>(result), st, DesiredAccess, inherit(attr)), DirectoryHandle);
}

export function NtQueryDirectoryObject(DirectoryHandle: u32, Buffer: usize, BufferGuest: u32, Length: u32, ReturnSingleEntry: i32,
  RestartScan: i32, Context: usize, ReturnLength: usize): u32 {
  return ntQueryDirectoryObject(DirectoryHandle, Buffer, BufferGuest, Length, ReturnSingleEntry != 0, RestartScan != 0, Context, ReturnLength);
}

// --- handles, status codes ---
export function NtDuplicateObject(SourceProcessHandle: u32, SourceHandle: u32, TargetProcessHandle: u32, TargetHandle: usize,
  DesiredAccess: u32, HandleAttributes: u32, Options: u32): u32 {
  let inheritNew = (HandleAttributes & OBJ_INHERIT) != 0;
  if (Options & DUPLICATE_SAME_ATTRIBUTES) { // the source handle's attributes instead of HandleAttributes
    const fst = ntGetHandleFlags(SourceHandle);
    inheritNew = fst == STATUS_SUCCESS && (<u32>result & HANDLE_FLAG_INHERIT) != 0;
  }
  const st = ntDuplicate(SourceProcessHandle, SourceHandle, TargetProcessHandle, DesiredAccess, inheritNew,
    Options & (DUPLICATE_CLOSE_SOURCE | DUPLICATE_SAME_ACCESS));
  if (TargetHandle) store<u32>(TargetHandle, st == STATUS_SUCCESS ? <u32>result : 0);
  return st;
}

export function NtQueryObject(Handle: u32, cls: u32, info: usize, infoGuest: u32, len: u32, retLen: usize): u32 {
  return ntQueryObject(Handle, cls, info, infoGuest, len, retLen);
}

export function RtlNtStatusToDosError(Status: u32): u32 { return statusToDosError(Status); }
