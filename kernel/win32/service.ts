// ntwasm's service calls (docs/services.md): the Win32 face of nt/service.ts. SvcCreate, SvcOpen,
// SvcAccept and SvcReply are guest imports; the ntw_svc_* exports serve the host shims of SvcCall,
// SvcCallEx, SvcCallAsync, SvcFinish, SvcRead and SvcWrite (host/syscalls/service.ts), which copy the
// data between guest memory and the requests' staging blocks. Those are not in the syscall table, so
// guests cannot import them.
import { result, result2 } from "../lib/tls";
import { ntSuccess } from "../nt/status";
import {
  ntSvcAccept, ntSvcBegin, ntSvcCallAsync, ntSvcCallWait, ntSvcCreate, ntSvcFinish, ntSvcOpen, ntSvcRead, ntSvcRelease, ntSvcReply, ntSvcSetPort,
  ntSvcWrite,
} from "../nt/service";
import { ServiceRequest } from "../objects/servicerequest";
import { SetLastError } from "./lasterror";
import {
  ERROR_IO_INCOMPLETE, ERROR_SUCCESS, ERROR_TIMEOUT, STATUS_PENDING, STATUS_SUCCESS, STATUS_TIMEOUT, STATUS_USER_APC, statusToError,
} from "../generated/abi";

/** The last-error of a failed service call: a timeout is ERROR_TIMEOUT, a call still running ERROR_IO_INCOMPLETE. */
function svcFail(st: u32): void {
  SetLastError(st == STATUS_TIMEOUT ? ERROR_TIMEOUT : st == STATUS_PENDING ? ERROR_IO_INCOMPLETE : statusToError(st));
}

/** HANDLE result: the handle in `result`, or NULL with the last-error (STATUS_TIMEOUT is a failure here). */
function handleResult(st: u32, created: bool): u32 {
  if (st != STATUS_SUCCESS) { svcFail(st); return 0; }
  if (created) SetLastError(ERROR_SUCCESS);
  return <u32>result;
}

/** The status, with the last-error set when it is a failure. */
function statusResult(st: u32): u32 {
  if (st != STATUS_SUCCESS && st != STATUS_USER_APC) svcFail(st);
  return st;
}

export function SvcCreateW(lpName: usize, lpNameLen: i32, dwQueueLimit: u32, dwFlags: u32): u32 {
  return handleResult(ntSvcCreate(lpName, <u32>lpNameLen, dwQueueLimit, dwFlags), true);
}

export function SvcOpenW(lpName: usize, lpNameLen: i32, dwMilliseconds: u32): u32 {
  return handleResult(ntSvcOpen(lpName, <u32>lpNameLen, dwMilliseconds), false);
}

export function SvcAccept(hService: u32, lpInfo: usize, dwMilliseconds: u32): u32 {
  return handleResult(ntSvcAccept(hService, lpInfo, dwMilliseconds), false);
}

export function SvcReply(hRequest: u32, dwStatus: u32, Result: u32): i32 {
  const st = ntSvcReply(hRequest, dwStatus, Result);
  if (ntSuccess(st)) return 1;
  svcFail(st);
  return 0;
}

export function SvcSetCompletionPort(hService: u32, hPort: u32, Key: u32): i32 {
  const st = ntSvcSetPort(hService, hPort, Key);
  if (ntSuccess(st)) return 1;
  svcFail(st);
  return 0;
}

/**
 * SvcCall's first step (host/syscalls/service.ts): writes [request, input staging block] at `out`. The
 * host copies the input into the block (its layout: objects/servicerequest.ts) and goes on with
 * ntw_svc_call_wait or ntw_svc_call_async.
 */
export function ntw_svc_begin(h: u32, inSize: u32, outSize: u32, argument: u32, count: u32, handles: usize, outGuest: u32,
  isAsync: i32, out: usize): u32 {
  const st = ntSvcBegin(h, inSize, outSize, argument, count, handles, outGuest, isAsync != 0);
  if (st == STATUS_SUCCESS) {
    store<u32>(out, <u32>result);
    store<u32>(out, <u32>changetype<ServiceRequest>(result).inData, 4);
  }
  return statusResult(st);
}

/**
 * Submits (the first time) and waits; STATUS_USER_APC: run the APCs and call again with the time left.
 * On STATUS_SUCCESS writes [Status, Result, BytesWritten, output staging block (0: nothing to copy)] at
 * `out`; with a block, the host copies it and calls ntw_svc_release.
 */
export function ntw_svc_call_wait(request: usize, ms: u32, alertable: i32, out: usize): u32 {
  const r = changetype<ServiceRequest>(request);
  const st = ntSvcCallWait(r, ms, alertable != 0);
  if (st == STATUS_SUCCESS) {
    store<u32>(out, r.svcStatus);
    store<u32>(out, r.svcResult, 4);
    store<u32>(out, r.written, 8);
    store<u32>(out, r.written ? <u32>r.outData : 0, 12);
  }
  return statusResult(st);
}

export function ntw_svc_release(request: usize): void { ntSvcRelease(changetype<ServiceRequest>(request)); }

/** SvcCallAsync's second step: the call's handle, or 0 with the last-error. */
export function ntw_svc_call_async(request: usize): u32 {
  return handleResult(ntSvcCallAsync(changetype<ServiceRequest>(request)), false);
}

/**
 * SvcFinish: on STATUS_SUCCESS writes [Status, Result, BytesWritten, output staging block (0: nothing to
 * copy), Output address, request, OutputSize] at `out`; with a block, the host copies it and calls ntw_svc_release.
 */
export function ntw_svc_finish(h: u32, out: usize): u32 {
  const st = ntSvcFinish(h);
  if (st == STATUS_SUCCESS) {
    const r = changetype<ServiceRequest>(result);
    store<u32>(out, r.svcStatus);
    store<u32>(out, r.svcResult, 4);
    store<u32>(out, r.written, 8);
    store<u32>(out, result2 ? <u32>r.outData : 0, 12);
    store<u32>(out, r.outGuest, 16);
    store<u32>(out, <u32>result, 20);
    store<u32>(out, r.outSize, 24);
  }
  return statusResult(st);
}

/** SvcRead's kernel half: [off, off + total) must lie in the input; copies its first min(total, n) bytes to `dst`. */
export function ntw_svc_read(h: u32, off: u32, total: u32, dst: usize, n: u32): u32 {
  return statusResult(ntSvcRead(h, off, total, dst, n));
}

/** SvcWrite's kernel half: as ntw_svc_read, into the output from `src`. */
export function ntw_svc_write(h: u32, off: u32, total: u32, src: usize, n: u32): u32 {
  return statusResult(ntSvcWrite(h, off, total, src, n));
}
