// CreateThread, TerminateThread, ExitThread, ExitProcess: the calls that need the host to start or
// stop workers; NtTestAlert, which runs guest code (APCs).
import type { CallContext } from "../call-context.ts";
import type { KernelExports } from "../kernel-exports.ts";
import { ERROR_INVALID_PARAMETER, ERROR_NOT_ENOUGH_MEMORY, ERROR_NOT_SUPPORTED, STATUS_SUCCESS } from "../generated/abi.ts";
import { ExitProcessSignal, ExitThreadSignal } from "./signals.ts";

export interface ThreadHost {
  /** The guest's function table, to check a start routine exists. */
  table(): WebAssembly.Table | undefined;
  /** Whether guest memory is shared, i.e. other workers can run this guest. */
  sharedMemory: boolean;
  /** The guest's shared memory, to carve thread stacks from (when the guest has a stack pointer). */
  guestMemory(): WebAssembly.Memory | null;
  /** Whether the guest keeps its stack in memory (exports a mutable `__stack_pointer`). */
  usesStack(): boolean;
  /** Starts the worker for a created kernel thread. */
  spawn(thread: number, fn: number, param: number, stack: number): void;
  /** Stops the worker of a terminated thread if it does not come back to the kernel by itself. */
  terminate(thread: number): void;
}

/** Stack for a new thread when CreateThread asks for none (Windows reserves 1 MiB; guests are smaller). */
const DEFAULT_STACK = 256 * 1024;
const PAGE = 65536;

export function threadSyscalls(k: KernelExports, c: CallContext, host: ThreadHost) {
  return {
    CreateThread(lpThreadAttributes: number, dwStackSize: number, lpStartAddress: number, lpParameter: number,
      dwCreationFlags: number, lpThreadId: number): number {
      const inherit = c.inherit(lpThreadAttributes);
      if (inherit < 0 || (lpThreadId && !c.inGuest(lpThreadId, 4))) return c.fault(0);
      if (!host.sharedMemory || !host.table()) return c.fault(0, ERROR_NOT_SUPPORTED);
      const table = host.table()!;
      if (lpStartAddress >>> 0 >= table.length || !table.get(lpStartAddress >>> 0)) return c.fault(0, ERROR_INVALID_PARAMETER);
      const out = c.scratch;
      const stackSize = host.usesStack() ? Math.ceil(((dwStackSize >>> 0) || DEFAULT_STACK) / PAGE) * PAGE : 0;
      if (!k.ntw_create_thread(inherit, dwCreationFlags >>> 0, stackSize, out)) return 0;
      const handle = c.kernelU32(out), tid = c.kernelU32(out + 4), thread = c.kernelU32(out + 8);
      let stackTop = 0;
      if (stackSize) {
        let base = c.kernelU32(out + 12);
        const size = base ? c.kernelU32(out + 16) : stackSize;
        if (!base) {
          // A fresh stack from new pages: the guest's allocator grows memory itself and skips them.
          try { base = host.guestMemory()!.grow(size / PAGE) * PAGE; }
          catch {
            k.ntw_thread_terminated(thread, 0); // it never ran: end it and drop the host's reference
            k.ntw_object_release(thread);
            k.CloseHandle(handle);
            return c.fault(0, ERROR_NOT_ENOUGH_MEMORY);
          }
          k.ntw_thread_set_stack(thread, base, size);
        }
        stackTop = base + size;
      }
      if (lpThreadId) c.guestU32(lpThreadId, tid);
      host.spawn(thread, lpStartAddress >>> 0, lpParameter >>> 0, stackTop);
      return handle;
    },
    TerminateThread(hThread: number, dwExitCode: number): number {
      const thread = k.ntw_terminate_thread(hThread, dwExitCode >>> 0); // unwinds here when it is this thread
      if (!thread) return 0;
      host.terminate(thread);
      return 1;
    },
    /** NT delivers queued user APCs on the way out of NtTestAlert; here the host runs them. */
    NtTestAlert(): number {
      const st = k.ntw_test_alert() >>> 0;
      if (st === STATUS_SUCCESS) c.deliverApcs();
      return st;
    },
    ExitThread(dwExitCode: number): void { throw new ExitThreadSignal(dwExitCode >>> 0); },
    ExitProcess(uExitCode: number): void { throw new ExitProcessSignal(uExitCode >>> 0); },
  };
}
