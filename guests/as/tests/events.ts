// Events: manual and auto reset, Set/Reset/Pulse, names. Expected values follow Windows as Wine's
// kernel32/tests/sync.c and ntdll/tests/sync.c record it.
import {
  CloseHandle, CreateEventA, CreateEventExW, CreateEventW, CreateMutexW, CREATE_EVENT_INITIAL_SET, CREATE_EVENT_MANUAL_RESET,
  ERROR_ALREADY_EXISTS, ERROR_FILE_NOT_FOUND, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, EVENT_ALL_ACCESS, GetLastError,
  NtPulseEvent, NtResetEvent, NtSetEvent, OpenEventW, PulseEvent, ResetEvent, SetEvent, SetLastError, STATUS_SUCCESS,
  WaitForSingleObject, WAIT_OBJECT_0, WAIT_TIMEOUT,
} from "../ntwasm";
import { A, W } from "../lib/win";
import { done, eq, ok, shared } from "../lib/test";

export function test_manual_event_state(): i32 {
  const prev = shared(4);
  const ev = CreateEventW(0, 1, 0, 0);
  ok(ev != 0, "CreateEventW");
  eq(NtSetEvent(ev, prev), STATUS_SUCCESS, "NtSetEvent");
  eq(load<i32>(prev), 0, "set: previous state");
  NtSetEvent(ev, prev);
  eq(load<i32>(prev), 1, "set again: previous state");
  eq(WaitForSingleObject(ev, 0), WAIT_OBJECT_0, "wait on set manual event");
  eq(WaitForSingleObject(ev, 0), WAIT_OBJECT_0, "manual event stays signaled");
  NtResetEvent(ev, prev);
  eq(load<i32>(prev), 1, "reset: previous state");
  NtResetEvent(ev, prev);
  eq(load<i32>(prev), 0, "reset again: previous state");
  eq(WaitForSingleObject(ev, 0), WAIT_TIMEOUT, "wait on reset event times out");
  NtSetEvent(ev, prev);
  NtPulseEvent(ev, prev);
  eq(load<i32>(prev), 1, "pulse: previous state");
  eq(WaitForSingleObject(ev, 0), WAIT_TIMEOUT, "pulse leaves the event unsignaled");
  ok(SetEvent(ev) && ResetEvent(ev) && PulseEvent(ev), "Win32 Set/Reset/Pulse return TRUE");
  CloseHandle(ev);
  return done();
}

export function test_auto_event_state(): i32 {
  const prev = shared(4);
  const ev = CreateEventExW(0, 0, CREATE_EVENT_INITIAL_SET, EVENT_ALL_ACCESS);
  NtSetEvent(ev, prev);
  eq(load<i32>(prev), 1, "initially set");
  eq(WaitForSingleObject(ev, 0), WAIT_OBJECT_0, "wait consumes");
  eq(WaitForSingleObject(ev, 0), WAIT_TIMEOUT, "auto event reset by the wait");
  NtSetEvent(ev, prev);
  NtPulseEvent(ev, prev);
  eq(load<i32>(prev), 1, "pulse: previous state");
  NtPulseEvent(ev, prev);
  eq(load<i32>(prev), 0, "pulse again: previous state");
  CloseHandle(ev);
  const m = CreateEventExW(0, 0, CREATE_EVENT_MANUAL_RESET, EVENT_ALL_ACCESS);
  eq(WaitForSingleObject(m, 0), WAIT_TIMEOUT, "CreateEventEx manual, not set");
  SetEvent(m);
  eq(WaitForSingleObject(m, 0), WAIT_OBJECT_0, "manual set");
  eq(WaitForSingleObject(m, 0), WAIT_OBJECT_0, "manual stays set");
  CloseHandle(m);
  return done();
}

export function test_names(): i32 {
  SetLastError(0xdeadbeef);
  const a = CreateEventW(0, 1, 0, W("ntwasm-test-event"));
  ok(a != 0, "create named");
  eq(GetLastError(), 0, "fresh create sets last error 0");
  const b = CreateEventA(0, 0, 1, A("ntwasm-test-event"));
  ok(b != 0 && b != a, "create existing gives a new handle");
  eq(GetLastError(), ERROR_ALREADY_EXISTS, "existing name");
  SetEvent(a);
  eq(WaitForSingleObject(b, 0), WAIT_OBJECT_0, "both handles are the same manual event");
  const c = CreateEventW(0, 1, 0, W("NTWASM-TEST-EVENT"));
  eq(GetLastError(), 0, "names are case-sensitive");
  const m = CreateMutexW(0, 0, W("ntwasm-test-event"));
  eq(m, 0, "mutex with an event's name fails");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "type mismatch");
  const o = OpenEventW(EVENT_ALL_ACCESS, 0, W("ntwasm-test-event"));
  ok(o != 0, "open by name");
  eq(OpenEventW(EVENT_ALL_ACCESS, 0, 0), 0, "open NULL name");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "open NULL name error");
  CloseHandle(a); CloseHandle(b); CloseHandle(o); CloseHandle(c);
  eq(OpenEventW(EVENT_ALL_ACCESS, 0, W("ntwasm-test-event")), 0, "name gone with its last handle");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "missing name");
  return done();
}
