// What the host's main thread and the pool's workers tell each other (host/worker-pool.ts,
// host/thread-runtime.ts). Thread starts themselves never travel here: the kernel hands them to parked
// workers through shared memory (kernel/nt/workerpool.ts).
import type { MemoryImport } from "./wasm-module.ts";
import type { ChildProcess } from "./syscalls/process.ts";
import type { DirMount } from "./files/mounts.ts";

/** What a start runs (kernel/nt/workerpool.ts START_*). */
export const START_MAIN = 1;
export const START_THREAD = 2;
export const START_IO = 3;

/** The pool slot states a worker sees (kernel/nt/workerpool.ts SLOT_*). */
export const SLOT_STARTING = 1;
export const SLOT_ASSIGNED = 3;
export const SLOT_RETIRED = 7;

/**
 * The words of ProcessInit.outputSeq: the output sequence number, so output from all threads arrives in
 * order; words 1 and 2 (the stream numbers) are set once standard output / error is closed (its reader
 * went away: EPIPE); the characters posted and not yet taken by the host's sink, and the limit at which
 * writers wait (BootOptions.quotas.consoleBacklog).
 */
export const OUT_SEQ = 0, OUT_BACKLOG = 3, OUT_LIMIT = 4, OUT_WORDS = 5;

/** Everything a worker needs to run threads of one process; sent to every worker when the process starts. */
export interface ProcessInit {
  /** Kernel process record: the key of this process in messages. */
  process: number;
  guestModule: WebAssembly.Module;
  /** Shared guest memory; null when the guest's memory is its own (single-threaded guests). */
  guestMemory: WebAssembly.Memory | null;
  memoryImport: MemoryImport | undefined;
  /** Where the module's code section contents start (crash reports: DWARF file:line, host/dwarf.ts). */
  codeOffset?: number;
  /** Shared by a console's writers (host/console-output.ts): the words OUT_* names. */
  outputSeq: Int32Array;
  /** The guest export the main thread runs (default: main). */
  entry?: string;
  /** The process's command line (GetCommandLineW) and its arguments and environment (WASI). */
  commandLine: string;
  /** The program's full Windows path (GetModuleFileNameW). */
  imagePath: string;
  args: string[];
  env: Record<string, string>;
  /** Trace every syscall (ntwasm run --trace): lines go out as stream TRACE_STREAM. */
  trace: boolean;
  /** The terminal its output is shown on (SpawnOptions.terminal), when it is one. */
  terminal?: TerminalSize;
}

/** A terminal's size in character cells. */
export interface TerminalSize {
  columns: number;
  rows: number;
}

/** What a pool worker starts with. */
export interface PoolInit {
  kernelModule: WebAssembly.Module;
  kernelMemory: WebAssembly.Memory;
  /** Its slot in the kernel's worker pool. */
  slot: number;
  /** Host directory mapped to C:\ (where CreateProcessW finds programs). */
  root: string;
  /** More host directories in the drive (BootOptions.dirs). */
  dirs: DirMount[];
  /** The in-memory file system (host/files/memory.ts) when C:\ is not the host's root directory. */
  memoryFs: WebAssembly.Memory | null;
  /** The processes alive when it was started (later ones arrive as "process" messages). */
  processes: ProcessInit[];
  /**
   * How many messages the main thread has sent it (Int32 0, raised before each post): a worker that
   * has received fewer lets its event loop run before it parks or looks a process up.
   */
  mail: Int32Array;
  /** Where the thread that fails the kernel says what happened (host/kernel-fault.ts), one per kernel. */
  faultBox: SharedArrayBuffer;
}

/** Main thread → worker. */
export type HostMessage =
  | { t: "process"; info: ProcessInit }
  | { t: "forget"; process: number };

/** Output stream number of --trace lines (they travel in order with stdout and stderr). */
export const TRACE_STREAM = 3;

/** Worker → main thread. `process` is the kernel record of the process the message is about. */
export type WorkerMessage =
  /** `last`: a crash report, the process's last output (what its other threads write after is dropped). */
  | { t: "out"; process: number; seq: number; stream: number; text: string; last?: boolean }
  /** TerminateThread of thread `tid`: stop its worker if it keeps running guest code. */
  | { t: "terminate"; tid: number }
  /** CreateProcessW by a thread of `process`. */
  | { t: "process"; process: number; child: ChildProcess }
  | { t: "terminateProcess"; process: number }
  /** Thread `tid` of `process` ended (its kernel thread has exited). */
  /** `reported`: the worker has already printed the crash (an "out" message with `last`). */
  | { t: "exit"; process: number; tid: number; code: number; endsProcess: boolean; crash?: string; reported?: boolean }
  /** The worker failed outside any thread (host bug): `error` says how; it ends next. */
  | { t: "fatal"; error: string }
  /** The kernel failed (host/kernel-fault.ts; what happened is in PoolInit.faultBox). The worker ends. */
  | { t: "kernelFault"; tid: number }
  /** Trimmed: the worker ends. */
  | { t: "retired" };
