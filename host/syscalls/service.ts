// Service calls' host shims (docs/services.md; kernel half in kernel/nt/service.ts): SvcCall, SvcCallEx,
// SvcCallAsync, SvcFinish, SvcRead and SvcWrite. The guest memories of two processes are different Wasm
// memories and a server's worker does not hold the caller's, so the data goes through kernel memory:
//
// - the caller's shim asks the kernel for the request and its input staging block (ntw_svc_begin),
//   copies the input from its guest memory into the block, then submits and waits (ntw_svc_call_wait)
//   or gets the asynchronous call's handle (ntw_svc_call_async);
// - the server's SvcRead/SvcWrite copy through the thread's scratch, the kernel moving the bytes between
//   the scratch and the staging block under its lock (a request may end, and its blocks go, at any time);
// - when the call has ended, the caller's shim (SvcCall, or SvcFinish for an asynchronous call) copies
//   the output block's first BytesWritten bytes into its guest memory and lets the block go
//   (ntw_svc_release). The thread holds the request across that copy, so nothing frees it meanwhile.
//
// Every guest pointer is checked before the kernel sees the call (ERROR_NOACCESS); the kernel checks
// handles, sizes, quotas and states and sets the last-error.
import { SCRATCH_SIZE, type CallContext } from "../call-context.ts";
import type { KernelExports } from "../kernel-exports.ts";
import { ERROR_INVALID_PARAMETER, INFINITE, STATUS_USER_APC, SVC_MAX_HANDLES } from "../generated/abi.ts";

/** The kernel's exports for these shims (kernel/win32/service.ts). */
interface ServiceExports {
  ntw_svc_begin(h: number, inSize: number, outSize: number, argument: number, count: number, handles: number, outGuest: number,
    isAsync: number, out: number): number;
  ntw_svc_call_wait(request: number, ms: number, alertable: number, out: number): number;
  ntw_svc_release(request: number): void;
  ntw_svc_call_async(request: number): number;
  ntw_svc_finish(h: number, out: number): number;
  ntw_svc_read(h: number, off: number, total: number, dst: number, n: number): number;
  ntw_svc_write(h: number, off: number, total: number, src: number, n: number): number;
}

/** sizeof(SVC_CALL) and sizeof(SVC_RESULT) on wasm32 (guests/include/ntwasm/services.h). */
const SVC_CALL_SIZE = 56;
const SVC_RESULT_SIZE = 12;
/** A staging block larger than this is a table of u32 chunk pointers (kernel/objects/servicerequest.ts). */
const STAGE_CHUNK = 0x10000;
/** Scratch layout of a call: the passed handles, then the kernel's results. */
const HANDLES_AT = 0, OUT_AT = 64;
/** Bytes per SvcRead/SvcWrite kernel call, through the scratch. */
const CHUNK = SCRATCH_SIZE - 64;

interface Call { input: number; inSize: number; output: number; outSize: number; argument: number; count: number }

export function serviceSyscalls(kernel: KernelExports, c: CallContext) {
  const k = kernel as KernelExports & ServiceExports;

  const ku32 = (a: number) => { const b = c.kernelFor(a, 4); return (b[a] | (b[a + 1] << 8) | (b[a + 2] << 16) | (b[a + 3] << 24)) >>> 0; };
  const out = (i: number) => c.kernelU32(c.scratch + OUT_AT + 4 * i);

  /** Copies n bytes between guest memory at g and staging block `block` of `size` bytes, from its start. */
  function stage(block: number, size: number, g: number, n: number, toKernel: boolean): void {
    for (let off = 0; off < n;) {
      let at: number, run: number;
      if (size <= STAGE_CHUNK) { at = block + off; run = n - off; }
      else { const i = Math.floor(off / STAGE_CHUNK), o = off % STAGE_CHUNK; at = ku32(block + 4 * i) + o; run = Math.min(n - off, STAGE_CHUNK - o); }
      const kb = c.kernelFor(at, run), gb = c.guestFor(g + off, run);
      if (toKernel) kb.set(gb.subarray(g + off, g + off + run), at);
      else gb.set(kb.subarray(at, at + run), g + off);
      off += run;
    }
  }

  /** Reads and checks an SVC_CALL, and puts its handles in the scratch; null after failing the call. */
  function readCall(lpCall: number): Call | null {
    if (!lpCall || !c.inGuest(lpCall, SVC_CALL_SIZE)) { c.fault(0); return null; }
    const v = c.guestView();
    const call: Call = {
      input: v.getUint32(lpCall, true), inSize: v.getUint32(lpCall + 4, true), output: v.getUint32(lpCall + 8, true),
      outSize: v.getUint32(lpCall + 12, true), argument: v.getUint32(lpCall + 16, true), count: v.getUint32(lpCall + 20, true),
    };
    if (call.count > SVC_MAX_HANDLES) { c.fault(0, ERROR_INVALID_PARAMETER); return null; }
    if ((call.inSize && (!call.input || !c.inGuest(call.input, call.inSize))) ||
      (call.outSize && (!call.output || !c.inGuest(call.output, call.outSize)))) { c.fault(0); return null; }
    const kb = c.kernel();
    const g = c.guest();
    const at = c.scratch + HANDLES_AT;
    for (let i = 0; i < 4 * call.count; i++) kb[at + i] = g[lpCall + 24 + i];
    return call;
  }

  /** ntw_svc_begin plus the input's copy: the request, or 0 (last-error set). */
  function begin(h: number, call: Call, isAsync: boolean): number {
    const st = k.ntw_svc_begin(h, call.inSize, call.outSize, call.argument, call.count, c.scratch + HANDLES_AT,
      isAsync ? call.output : 0, isAsync ? 1 : 0, c.scratch + OUT_AT);
    if (st !== 0) return 0;
    const request = out(0), inData = out(1);
    if (call.inSize) stage(inData, call.inSize, call.input, call.inSize, true);
    return request;
  }

  function writeResult(lpResult: number, status: number, value: number, written: number): void {
    if (!lpResult) return;
    c.guestU32(lpResult, status);
    c.guestU32(lpResult + 4, value);
    c.guestU32(lpResult + 8, written);
  }

  function call(h: number, lpCall: number, lpResult: number, ms: number, alertable: boolean): number {
    ms >>>= 0;
    if (lpResult && !c.inGuest(lpResult, SVC_RESULT_SIZE)) return c.fault(0);
    const call = readCall(lpCall);
    const request = call ? begin(h, call, false) : 0;
    if (!call || !request) { writeResult(lpResult, 0, 0, 0); return 0; } // a failed call leaves no stale result
    const start = ms !== INFINITE && ms !== 0 ? performance.now() : 0;
    let st: number;
    for (;;) {
      const left = ms === INFINITE || ms === 0 ? ms : Math.max(0, Math.ceil(ms - (performance.now() - start)));
      st = k.ntw_svc_call_wait(request, left, alertable ? 1 : 0, c.scratch + OUT_AT) >>> 0;
      if (st !== STATUS_USER_APC) break;
      c.deliverApcs(); // the APCs run inside the call, which then waits on for the same request
    }
    if (st !== 0) { writeResult(lpResult, 0, 0, 0); return 0; }
    const status = out(0), value = out(1), written = out(2), outData = out(3);
    if (outData) {
      stage(outData, call.outSize, call.output, written, false);
      k.ntw_svc_release(request);
    }
    writeResult(lpResult, status, value, written);
    return 1;
  }

  /** SvcRead/SvcWrite: [off, off + n) through the scratch in CHUNK-sized kernel calls. */
  function transfer(h: number, off: number, buf: number, n: number, lpRead: number, write: boolean): number {
    off >>>= 0; n >>>= 0;
    if ((lpRead && !c.inGuest(lpRead, 4)) || (n && (!buf || !c.inGuest(buf, n)))) return c.fault(0);
    if (lpRead) c.guestU32(lpRead, 0);
    let done = 0;
    do {
      const run = Math.min(n - done, CHUNK);
      if (write) c.kernel().set(c.guestFor(buf + done, run).subarray(buf + done, buf + done + run), c.scratch);
      const st = write ? k.ntw_svc_write(h, off + done, n - done, c.scratch, run) : k.ntw_svc_read(h, off + done, n - done, c.scratch, run);
      if (st !== 0) return 0;
      if (!write) c.guestFor(buf + done, run).set(c.kernel().subarray(c.scratch, c.scratch + run), buf + done);
      done += run;
    } while (done < n);
    if (lpRead) c.guestU32(lpRead, n);
    return 1;
  }

  return {
    SvcCall: (h: number, lpCall: number, lpResult: number, ms: number) => call(h, lpCall, lpResult, ms, false),
    SvcCallEx: (h: number, lpCall: number, lpResult: number, ms: number, bAlertable: number) => call(h, lpCall, lpResult, ms, bAlertable !== 0),
    SvcCallAsync(h: number, lpCall: number): number {
      const call = readCall(lpCall);
      if (!call) return 0;
      const request = begin(h, call, true);
      return request ? k.ntw_svc_call_async(request) >>> 0 : 0;
    },
    SvcFinish(hCall: number, lpResult: number): number {
      if (lpResult && !c.inGuest(lpResult, SVC_RESULT_SIZE)) return c.fault(0);
      const st = k.ntw_svc_finish(hCall, c.scratch + OUT_AT) >>> 0;
      if (st !== 0) { writeResult(lpResult, 0, 0, 0); return 0; }
      const status = out(0), value = out(1), written = out(2), outData = out(3), output = out(4), request = out(5), outSize = out(6);
      if (outData) {
        if (c.inGuest(output, written)) stage(outData, outSize, output, written, false);
        k.ntw_svc_release(request);
      }
      writeResult(lpResult, status, value, written);
      return 1;
    },
    SvcRead: (h: number, off: number, buf: number, n: number, lpRead: number) => transfer(h, off, buf, n, lpRead, false),
    SvcWrite: (h: number, off: number, buf: number, n: number) => transfer(h, off, buf, n, 0, true),
  };
}
