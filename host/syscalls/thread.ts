// CreateThread, TerminateThread, ExitThread, ExitProcess: the calls that start threads (on pooled
// workers, through the kernel: kernel/nt/workerpool.ts) or need the host to stop workers; NtTestAlert,
// which runs guest code (APCs).
import type { CallContext } from "../call-context.ts";
import type { KernelExports } from "../kernel-exports.ts";
import { ERROR_INVALID_PARAMETER, ERROR_NOT_ENOUGH_MEMORY, ERROR_NOT_SUPPORTED, STACK_SIZE_PARAM_IS_A_RESERVATION, STATUS_SUCCESS } from "../generated/abi.ts";
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
  /**
   * How many stacks to carve when no free one fits (the rest go on the process's free list): each grow
   * of a shared memory interrupts every worker that holds it, so a process that makes many threads
   * grows for several at once.
   */
  stackBatch?(): number;
  /**
   * Hands a created kernel thread (and the host's reference on it) to a pooled worker, which runs
   * fn(param) on the stack whose top is `stack`; false when it cannot start (the reference stays the caller's).
   */
  spawn(thread: number, fn: number, param: number, stack: number): boolean;
  /** Stops the worker of terminated thread `tid` if it does not come back to the kernel by itself. */
  terminate(tid: number): void;
}

/** Stack for a new thread when CreateThread asks for none (Windows reserves 1 MiB; guests are smaller). */
const DEFAULT_STACK = 256 * 1024;
const PAGE = 65536;

/** kernel/nt/workerpool.ts: a spare stack for the calling process's free list. */
interface StackExports { ntw_stack_spare(base: number, size: number): void }

export function threadSyscalls(kernel: KernelExports, c: CallContext, host: ThreadHost) {
  const k = kernel as KernelExports & StackExports;
  return {
    CreateThread(lpThreadAttributes: number, dwStackSize: number, lpStartAddress: number, lpParameter: number,
      dwCreationFlags: number, lpThreadId: number): number {
      const inherit = c.inherit(lpThreadAttributes);
      if (inherit < 0 || (lpThreadId && !c.inGuest(lpThreadId, 4))) return c.fault(0);
      if (!host.sharedMemory || !host.table()) return c.fault(0, ERROR_NOT_SUPPORTED);
      const table = host.table()!;
      if (lpStartAddress >>> 0 >= table.length || !table.get(lpStartAddress >>> 0)) return c.fault(0, ERROR_INVALID_PARAMETER);
      const out = c.scratch;
      // Without STACK_SIZE_PARAM_IS_A_RESERVATION dwStackSize is what Windows commits at first: the
      // reserve (all a thread here ever gets) is still the default, or that size when it is larger.
      const asked = dwStackSize >>> 0, reserve = dwCreationFlags & STACK_SIZE_PARAM_IS_A_RESERVATION;
      const bytes = !asked ? DEFAULT_STACK : reserve ? asked : Math.max(asked, DEFAULT_STACK);
      const stackSize = host.usesStack() ? Math.ceil(bytes / PAGE) * PAGE : 0;
      if (!k.ntw_create_thread(inherit, dwCreationFlags >>> 0, stackSize, out)) return 0;
      const handle = c.kernelU32(out), tid = c.kernelU32(out + 4), thread = c.kernelU32(out + 8);
      let stackTop = 0;
      if (stackSize) {
        let base = c.kernelU32(out + 12);
        const size = base ? c.kernelU32(out + 16) : stackSize;
        if (!base) {
          // A fresh stack from new pages: the guest's allocator grows memory itself and skips them.
          const memory = host.guestMemory()!;
          let n = Math.max(1, Math.floor(host.stackBatch?.() ?? 1));
          // The top must stay below 4 GiB: a 32-bit stack pointer of 2^32 would wrap to address 0.
          const grow = (count: number) => {
            if (memory.buffer.byteLength + count * size >= 2 ** 32) throw new RangeError("no 32-bit room");
            return memory.grow((count * size) / PAGE) * PAGE;
          };
          try { base = grow(n); }
          catch {
            try { n = 1; base = grow(1); } // no room for spares: just this one
            catch {
              k.ntw_thread_terminated(thread, 0); // it never ran: end it and drop the host's reference
              k.ntw_object_release(thread);
              k.CloseHandle(handle);
              return c.fault(0, ERROR_NOT_ENOUGH_MEMORY);
            }
          }
          k.ntw_thread_set_stack(thread, base, size);
          for (let i = n - 1; i >= 1; i--) k.ntw_stack_spare(base + i * size, size);
        }
        stackTop = base + size;
      }
      if (lpThreadId) c.guestU32(lpThreadId, tid);
      if (!host.spawn(thread, lpStartAddress >>> 0, lpParameter >>> 0, stackTop)) {
        k.ntw_thread_terminated(thread, 0); // it never ran: end it and drop the host's reference
        k.ntw_object_release(thread);
        k.CloseHandle(handle);
        return c.fault(0, ERROR_NOT_ENOUGH_MEMORY);
      }
      return handle;
    },
    TerminateThread(hThread: number, dwExitCode: number): number {
      const thread = k.ntw_terminate_thread(hThread, dwExitCode >>> 0); // unwinds here when it is this thread
      if (!thread) return 0;
      k.ntw_thread_info(thread, c.scratch); // its id: the record may be recycled before the host looks
      host.terminate(c.kernelU32(c.scratch));
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
