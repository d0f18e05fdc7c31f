// kernel.wasm's exports for the host (kernel/host.ts), next to the generated guest-facing ones.
import type { KernelSyscalls } from "./generated/bindings.ts";

export interface KernelHostExports {
  ntw_boot(): void;
  ntw_set_cpus(n: number): void;
  ntw_attach(thread: number): number;
  ntw_process_create(): number;
  ntw_thread_create(process: number): number;
  ntw_create_thread(inherit: number, flags: number, stackSize: number, out: number): number;
  ntw_thread_set_stack(thread: number, base: number, size: number): void;
  ntw_thread_begin(): void;
  ntw_terminate_thread(handle: number, code: number): number;
  ntw_create_process(inherit: number, flags: number, stdIn: number, stdOut: number, stdErr: number, out: number): number;
  ntw_terminate_process(handle: number, code: number): number;
  ntw_set_cmdline(w: number, a: number): void;
  ntw_process_env_clear(process: number): void;
  ntw_process_env_set(process: number, name: number, nameLen: number, value: number, valueLen: number): number;
  ntw_thread_exit(code: number): void;
  ntw_thread_terminated(thread: number, code: number): void;
  ntw_process_exit(process: number, code: number): void;
  ntw_thread_kill(thread: number): void;
  ntw_process_threads(process: number, out: number, max: number): number;
  ntw_process_info(process: number, out: number): void;
  ntw_thread_info(thread: number, out: number): void;
  ntw_object_release(object: number): void;
  ntw_console_stream(handle: number): number;
  ntw_console_read(handle: number, dst: number, max: number, line: number): number;
  ntw_console_input(process: number): number;
  ntw_console_feed(console: number, src: number, n: number): number;
  ntw_console_set_piped(console: number): void;
  ntw_console_piped(handle: number): number;
  ntw_console_attributes(handle: number, attr: number): number;
  ntw_memory_stats(out: number): void;
  ntw_snapshot(out: number, cap: number): number;
  ntw_check(out: number, cap: number): number;
  ntw_wait_chain(tid: number, out: number, max: number): number;
  ntw_deadlocked(): number;
  ntw_lock_entries(): number;
  ntw_lock_word(): number;
  ntw_fail(): void;
  ntw_fault_injection(on: number): void;
  ntw_set_quota(kind: number, value: number): number;
  ntw_alloc(size: number): number;
  ntw_free(p: number, size: number): void;
  ntw_dispatch(nr: number, args: number): bigint;
  ntw_apc_next(out: number): number;
  ntw_test_alert(): number;
}

export type KernelExports = KernelSyscalls & KernelHostExports;

/** Imports kernel.wasm needs: its shared memory and a clock. */
export function kernelImports(memory: WebAssembly.Memory): WebAssembly.Imports {
  return {
    env: { memory },
    host: { now: () => performance.timeOrigin + performance.now() },
  };
}

export async function instantiateKernel(module: WebAssembly.Module, memory: WebAssembly.Memory): Promise<KernelExports> {
  const instance = await WebAssembly.instantiate(module, kernelImports(memory));
  return instance.exports as unknown as KernelExports;
}
