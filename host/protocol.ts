// What the host's main thread and the thread workers tell each other.
import type { MemoryImport } from "./wasm-module.ts";

export type ThreadStart =
  | { kind: "main"; entry?: string }
  | { kind: "thread"; fn: number; param: number; /** Top of the thread's own guest stack, 0 for none. */ stack: number };

/** Everything a worker needs to become one guest thread. */
export interface ThreadInit {
  kernelModule: WebAssembly.Module;
  kernelMemory: WebAssembly.Memory;
  guestModule: WebAssembly.Module;
  /** Shared guest memory; null when the guest's memory is its own (single-threaded guests). */
  guestMemory: WebAssembly.Memory | null;
  memoryImport: MemoryImport | undefined;
  /** Kernel thread record this worker runs as. */
  thread: number;
  /** One Int32 per process: output sequence numbers, so output from all threads arrives in order. */
  outputSeq: Int32Array;
  start: ThreadStart;
}

export type WorkerMessage =
  | { t: "out"; seq: number; stream: number; text: string }
  | { t: "spawn"; thread: number; fn: number; param: number; stack: number }
  | { t: "terminate"; thread: number }
  | { t: "exit"; thread: number; code: number; endsProcess: boolean; crash?: string };
