// CreateThread, ExitThread, ExitProcess: the calls that need the host to start or stop workers.
import type { CallContext } from "../call-context.ts";
import type { KernelExports } from "../kernel-exports.ts";
import { ERROR_INVALID_PARAMETER, ERROR_NOT_SUPPORTED } from "../generated/abi.ts";
import { ExitProcessSignal, ExitThreadSignal } from "./signals.ts";

export interface ThreadHost {
  /** The guest's function table, to check a start routine exists. */
  table(): WebAssembly.Table | undefined;
  /** Whether guest memory is shared, i.e. other workers can run this guest. */
  sharedMemory: boolean;
  /** Starts the worker for a created kernel thread. */
  spawn(thread: number, fn: number, param: number): void;
}

export function threadSyscalls(k: KernelExports, c: CallContext, host: ThreadHost) {
  return {
    CreateThread(lpThreadAttributes: number, _dwStackSize: number, lpStartAddress: number, lpParameter: number,
      dwCreationFlags: number, lpThreadId: number): number {
      const inherit = c.inherit(lpThreadAttributes);
      if (inherit < 0 || (lpThreadId && !c.inGuest(lpThreadId, 4))) return c.fault(0);
      if (!host.sharedMemory || !host.table()) return c.fault(0, ERROR_NOT_SUPPORTED);
      const table = host.table()!;
      if (lpStartAddress >>> 0 >= table.length || !table.get(lpStartAddress >>> 0)) return c.fault(0, ERROR_INVALID_PARAMETER);
      const out = c.scratch;
      if (!k.ntw_create_thread(inherit, dwCreationFlags, out)) return 0;
      const handle = c.kernelU32(out), tid = c.kernelU32(out + 4), thread = c.kernelU32(out + 8);
      host.spawn(thread, lpStartAddress >>> 0, lpParameter >>> 0);
      if (lpThreadId) c.guestU32(lpThreadId, tid);
      return handle;
    },
    ExitThread(dwExitCode: number): void { throw new ExitThreadSignal(dwExitCode >>> 0); },
    ExitProcess(uExitCode: number): void { throw new ExitProcessSignal(uExitCode >>> 0); },
  };
}
