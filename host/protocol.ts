// What the host's main thread and the thread workers tell each other.
import type { MemoryImport } from "./wasm-module.ts";
import type { ChildProcess } from "./syscalls/process.ts";

export type ThreadStart =
  | { kind: "main"; entry?: string }
  | { kind: "thread"; fn: number; param: number; /** Top of the thread's own guest stack, 0 for none. */ stack: number }
  /** An I/O worker: runs overlapped requests of its process, no guest code. */
  | { kind: "io" };

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
  /** The process's command line (GetCommandLineW) and its arguments and environment (WASI). */
  commandLine: string;
  /** The program's full Windows path (GetModuleFileNameW). */
  imagePath: string;
  args: string[];
  env: Record<string, string>;
  /** Host directory mapped to C:\ (where CreateProcessW finds programs). */
  root: string;
  /** The in-memory file system (host/files/memory.ts) when C:\ is not the host's root directory. */
  memoryFs: WebAssembly.Memory | null;
  /** Trace every syscall (ntwasm run --trace): lines go out as stream TRACE_STREAM. */
  trace: boolean;
}

/** Output stream number of --trace lines (they travel in order with stdout and stderr). */
export const TRACE_STREAM = 3;

export type WorkerMessage =
  | { t: "out"; seq: number; stream: number; text: string }
  | { t: "spawn"; thread: number; fn: number; param: number; stack: number }
  /** Start a worker for an I/O worker thread (host/syscalls/overlapped.ts). */
  | { t: "ioWorker"; thread: number }
  | { t: "terminate"; thread: number }
  | { t: "process"; child: ChildProcess }
  | { t: "terminateProcess"; process: number }
  | { t: "exit"; thread: number; code: number; endsProcess: boolean; crash?: string };
