// The user-mode runtime (usermode.wasm, built from usermode/): the guest-side half of ntwasm, like
// ntdll's user-mode synchronization. It works directly on the guest's memory, so critical sections,
// SRW locks and condition variables take and release without a kernel call; it calls the kernel's
// keyed waits (kernel/win32/usermode.ts) only when a thread must sleep or wake one. A worker keeps one
// instance per process whose threads it runs, next to each thread's own guest instance.
//
// Two builds of the same source, because a Wasm memory import must match the memory's sharing:
// usermode.wasm imports a shared memory (threaded guests), usermode-local.wasm an unshared one. Both
// are embedded in the host bundle (esbuild's binary loader), so every platform has them.
import sharedWasm from "../dist/usermode.wasm";
import localWasm from "../dist/usermode-local.wasm";
import { USER_SYSCALLS, type UserSyscalls } from "./generated/bindings.ts";

/** The kernel exports the runtime imports: pointer-free, bound straight to the kernel instance. */
export interface UsermodeKernelExports {
  ntw_keyed_prepare(address: number, kind: number, lock: number, owner: number): number;
  ntw_keyed_commit(timeoutMs: number): number;
  ntw_keyed_cancel(address: number): void;
  ntw_keyed_wake(address: number, all: number): void;
  ntw_release_semaphore(h: number, n: number): bigint;
  ntw_iocp_get(port: number, ms: number): bigint;
  ntw_iocp_last(): bigint;
  SetLastError(error: number): void;
}

let sharedModuleSync: WebAssembly.Module | undefined;
let localModuleSync: WebAssembly.Module | undefined;

/** The runtime compiled synchronously (workers only: a page's main thread may not compile more than 4 KiB so). */
function runtimeModuleSync(shared: boolean): WebAssembly.Module {
  if (shared) return (sharedModuleSync ??= new WebAssembly.Module(sharedWasm as Uint8Array<ArrayBuffer>));
  return (localModuleSync ??= new WebAssembly.Module(localWasm as Uint8Array<ArrayBuffer>));
}

const isShared = (memory: WebAssembly.Memory) => typeof SharedArrayBuffer !== "undefined" && memory.buffer instanceof SharedArrayBuffer;

function instantiateSync(k: UsermodeKernelExports, memory: WebAssembly.Memory, threadId: WebAssembly.Global,
  table: () => WebAssembly.Table | undefined): UserSyscalls {
  return new WebAssembly.Instance(runtimeModuleSync(isShared(memory)), runtimeImports(k, memory, threadId, table)).exports as unknown as UserSyscalls;
}

function runtimeImports(k: UsermodeKernelExports, memory: WebAssembly.Memory, threadId: WebAssembly.Global,
  table: () => WebAssembly.Table | undefined): WebAssembly.Imports {
  return {
    env: { memory, threadId },
    kernel: {
      ntw_keyed_prepare: k.ntw_keyed_prepare, ntw_keyed_commit: k.ntw_keyed_commit,
      ntw_keyed_cancel: k.ntw_keyed_cancel, ntw_keyed_wake: k.ntw_keyed_wake, SetLastError: k.SetLastError,
      ntw_release_semaphore: k.ntw_release_semaphore,
      ntw_iocp_get: k.ntw_iocp_get, ntw_iocp_last: k.ntw_iocp_last,
    },
    host: {
      /** InitOnceExecuteOnce's callback: a guest function-table entry the runtime cannot reach itself. */
      callInitFn(fn: number, once: number, param: number, context: number): number {
        const f = table()?.get(fn);
        if (typeof f !== "function") throw new WebAssembly.RuntimeError("InitOnceExecuteOnce: table index out of bounds");
        return Number(f(once, param, context)) | 0;
      },
    },
  };
}

/**
 * The runtime for the threads of one process that run on one worker (host/thread-runtime.ts), one at a
 * time. It keeps no state between calls, so a thread's start only sets `begin(tid, table)`: the thread
 * id global (CRITICAL_SECTION.OwningThread) and the guest instance whose function table InitOnce calls.
 *
 * `memory` is the guest's memory when the guest imports it: the runtime is instantiated at once and
 * the guest's imports are its exports (Wasm → Wasm, no JavaScript on the path). A guest that exports
 * its memory (single-threaded) only has one after its own instantiation, which needs the imports
 * already: those guests get small JavaScript trampolines that call the runtime instantiated by
 * attach() right after the guest.
 */
export interface UserRuntime {
  /** What the guest's user-mode imports are bound to. */
  syscalls: UserSyscalls;
  /** Makes the runtime serve thread `tid`, whose guest instance's function table `table` gives. */
  begin(tid: number, table: () => WebAssembly.Table | undefined): void;
  /** Call once the guest is instantiated: starts the runtime now if the guest exports its memory. */
  attach(guest: WebAssembly.Instance): void;
}

/** A user-mode runtime, instantiated synchronously (workers only: a page's main thread may not compile more than 4 KiB so). */
export function userRuntimeSync(kernel: object, memory: WebAssembly.Memory | null): UserRuntime {
  const k = kernel as UsermodeKernelExports; // kernel.wasm's exports (kernel/win32/usermode.ts has the ntw_keyed_* ones)
  const threadId = new WebAssembly.Global({ value: "i32", mutable: true }, 0);
  let table: () => WebAssembly.Table | undefined = () => undefined;
  const begin = (tid: number, t: () => WebAssembly.Table | undefined) => { threadId.value = tid; table = t; };
  if (memory) return { syscalls: instantiateSync(k, memory, threadId, () => table()), begin, attach: () => {} };
  let late: UserSyscalls | undefined;
  const syscalls = {} as Record<string, Function>;
  for (const name of USER_SYSCALLS) {
    syscalls[name] = (...args: number[]) => {
      if (!late) throw new WebAssembly.RuntimeError(`${name}: the guest has no memory`);
      return (late[name] as (...a: number[]) => number)(...args);
    };
  }
  return {
    syscalls: syscalls as unknown as UserSyscalls,
    begin,
    attach: (guest) => {
      const m = guest.exports.memory;
      if (m instanceof WebAssembly.Memory) late = instantiateSync(k, m, threadId, () => table());
    },
  };
}
