// What the core needs from the environment it runs in. host/node/ implements it with
// worker_threads and fs; a browser implementation uses Web Workers and fetch.
import type { HostMessage, PoolInit, TerminalSize, WorkerMessage } from "./protocol.ts";
import type { FileBackend } from "./files/backend.ts";

/** A pool worker (host/worker-pool.ts): it runs guest threads one after another. */
export interface ThreadWorker {
  /** Sends it a message (its event loop reads it when it next runs). */
  post(m: HostMessage): void;
  /** Stops the worker wherever it is. */
  terminate(): Promise<void>;
  /** Whether the worker keeps the host's process alive (Node: Worker.ref / unref); absent where it means nothing. */
  ref?(on: boolean): void;
}

export interface WorkerEvents {
  message(m: WorkerMessage): void;
  /** The worker is gone (after "retired" or "fatal", or because it failed or was terminated). */
  exit(): void;
}

export interface Platform {
  /** kernel.wasm, compiled. */
  kernelModule(): Promise<WebAssembly.Module>;
  startWorker(init: PoolInit, events: WorkerEvents): ThreadWorker;
  /** CPUs guest threads can run on (Node: os.availableParallelism(), which honours taskset). */
  cpus(): number;
  /** The directory mapped to C:\ when boot() is given none (Node: the current directory). */
  defaultRoot(): string;
  /** The host file system under `root` (C:\ for guests); without it, guests get the in-memory one. */
  fileBackend?(root: string): FileBackend;
  /**
   * Default sinks for a process's standard output and error; `done` is called once the text is out
   * (Node: written to the file or pipe), with `closed` true when the stream can take no more (its
   * reader went away, EPIPE): the guest's later writes then fail as on a broken pipe.
   */
  stdout(text: string, done?: (closed: boolean) => void): void;
  stderr(text: string, done?: (closed: boolean) => void): void;
  /** The terminal `stdout` shows text on, if it is one (Node: process.stdout.isTTY): SpawnOptions.terminal's default. */
  terminal?(): TerminalSize | undefined;
}
