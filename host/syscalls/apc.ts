// APC delivery. The kernel cannot call guest code, so an alertable wait that an APC ended (or found
// pending) returns WAIT_IO_COMPLETION to its generated shim, which calls deliverApcs(): it pops the
// calling thread's APCs one at a time from the kernel (ntw_apc_next, FIFO, including any an APC
// routine queues meanwhile) and calls each routine through the guest's function table. A user APC
// is routine(dwData); a timer's completion routine is routine(arg, lowDateTime, highDateTime): the
// kernel gives three arguments and Wasm ignores those a function does not declare.
import type { KernelExports } from "../kernel-exports.ts";
import type { CallContext } from "../call-context.ts";

export function apcDelivery(k: KernelExports, c: CallContext, table: () => WebAssembly.Table | undefined): () => void {
  return () => {
    const out = c.scratch; // read before the routine runs, whose own syscalls reuse the scratch
    while (k.ntw_apc_next(out)) {
      const fn = c.kernelU32(out), a1 = c.kernelU32(out + 4), a2 = c.kernelU32(out + 8), a3 = c.kernelU32(out + 12);
      const f = table()?.get(fn);
      // A bad routine faults like a call through a bad pointer would on Windows.
      if (typeof f !== "function") throw new WebAssembly.RuntimeError("null function or function signature mismatch (APC routine)");
      f(a1 | 0, a2 | 0, a3 | 0);
    }
  };
}
