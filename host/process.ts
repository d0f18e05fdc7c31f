// A guest process as the host's main thread sees it: the workers running its threads, its output
// delivered in the order the threads wrote it, and its end.
import type { Kernel } from "./kernel.ts";
import type { ThreadWorker } from "./platform.ts";
import { TRACE_STREAM, type ThreadStart, type WorkerMessage } from "./protocol.ts";
import { argvToCommandLine } from "./command-line.ts";
import { ConsoleOutput } from "./console-output.ts";
import type { MemoryImport } from "./wasm-module.ts";

export interface SpawnOptions {
  /** Guest export to run as the main thread after `_start` (default: `main` when exported). */
  entry?: string;
  /** argv, program name first (default: ["guest.wasm"]); the command line is made from it. */
  args?: string[];
  /** The process's environment variables (default: none). */
  env?: Record<string, string>;
  /** Print every syscall, strace-style, to `trace` (or stderr). */
  trace?: boolean | ((line: string) => void);
  /** The command line as given to CreateProcessW (default: made from `args`). */
  commandLine?: string;
  /** The program's Windows path, as GetModuleFileNameW reports it (default: C:\ and args[0]). */
  imagePath?: string;
  /** @internal The console a child process shares with its parent. */
  console?: ConsoleOutput;
  /** Console input to type into the process before it starts (ends its input unless `keepStdinOpen`). */
  stdin?: string | Uint8Array;
  /** Leave the input open after `stdin` (the caller goes on with writeStdin / endStdin). */
  keepStdinOpen?: boolean;
  /** Receive standard output / error text (default: the platform's, e.g. process.stdout). */
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

export interface ProcessExit {
  code: number;
  /** Set when a thread crashed (a trap or an abort) and took the process down. */
  crash?: string;
}

/** How long a thread asked to end may keep running guest code before its worker is stopped. */
const KILL_GRACE_MS = 100;

interface ThreadState { worker: ThreadWorker; reported: boolean; gone: boolean; /** Asked to end (terminated or its process ending): not a crash when its worker goes. */ stopping: boolean }

export class GuestProcess {
  readonly pid: number;
  /** Resolves when the process has ended. */
  readonly exited: Promise<ProcessExit>;
  private resolveExit!: (e: ProcessExit) => void;
  private readonly threads = new Map<number, ThreadState>();
  /** Where its output goes, in order: its own console, or its parent's (SpawnOptions.console). */
  private readonly console: ConsoleOutput;
  /** Its input console (kernel record, referenced until the process has ended), 0 when none. */
  private readonly input: number;
  private crash: string | undefined;
  private ending = false;
  private done = false;

  constructor(
    private readonly kernel: Kernel,
    /** Kernel process record (the host holds a reference until the process has ended). */
    readonly record: number,
    private readonly guestModule: WebAssembly.Module,
    private readonly guestMemory: WebAssembly.Memory | null,
    private readonly memoryImport: MemoryImport | undefined,
    private readonly options: SpawnOptions,
  ) {
    this.pid = kernel.processInfo(record).pid;
    this.console = options.console ?? new ConsoleOutput((stream, text) => this.write(stream, text));
    this.console.attach();
    this.input = kernel.exports.ntw_console_input(record);
    if (options.stdin !== undefined) this.writeStdin(options.stdin);
    if (options.stdin !== undefined && !options.keepStdinOpen) this.endStdin();
    this.exited = new Promise((r) => { this.resolveExit = r; });
  }

  /** Starts a worker for kernel thread `thread` (the host holds a reference on it). */
  startThread(thread: number, start: ThreadStart): void {
    const state: ThreadState = { reported: false, gone: false, stopping: false, worker: undefined! };
    this.threads.set(thread, state);
    const o = this.options;
    const args = o.args ?? ["guest.wasm"];
    state.worker = this.kernel.platform.startWorker({
      kernelModule: this.kernel.module, kernelMemory: this.kernel.memory, guestModule: this.guestModule,
      guestMemory: this.guestMemory, memoryImport: this.memoryImport, thread, outputSeq: this.console.seq, start,
      commandLine: o.commandLine ?? argvToCommandLine(args), args, env: o.env ?? {}, root: this.kernel.root,
      imagePath: o.imagePath ?? `C:\\${args[0].replace(/^.*[\\/]/, "")}`,
      memoryFs: this.kernel.memoryFs,
      trace: !!o.trace,
    }, {
      message: (m) => this.onMessage(m),
      exit: () => this.onWorkerGone(thread),
    });
    if (this.ending) this.stopThread(thread, state);
  }

  /** Ends the process with `code` (TerminateProcess from the host). */
  kill(code = 1): void {
    if (this.done) return;
    this.kernel.exports.ntw_process_exit(this.record, code);
    this.endAll();
  }

  private onMessage(m: WorkerMessage): void {
    switch (m.t) {
      case "out":
        this.console.deliver(m.seq, m.stream, m.text);
        break;
      case "spawn":
        this.startThread(m.thread, { kind: "thread", fn: m.fn, param: m.param, stack: m.stack });
        break;
      case "ioWorker":
        this.startThread(m.thread, { kind: "io" });
        break;
      case "process":
        this.kernel.startChild({ ...this.options, console: this.console }, m.child);
        break;
      case "terminateProcess":
        this.kernel.stopProcess(m.process);
        break;
      case "terminate": {
        const s = this.threads.get(m.thread);
        if (s) this.stopThread(m.thread, s);
        break;
      }
      case "exit": {
        const s = this.threads.get(m.thread);
        if (s) s.reported = true;
        if (m.crash && !this.crash) {
          this.crash = m.crash;
          this.write(2, `ntwasm: process ${this.pid}: thread crashed: ${m.crash}\n`);
        }
        if (m.endsProcess) this.endAll();
        break;
      }
    }
  }

  /** Asks every remaining thread to end; stops the ones still running guest code after a grace. */
  private endAll(): void {
    this.ending = true;
    for (const [thread, s] of this.threads) this.stopThread(thread, s);
  }

  private stopThread(thread: number, s: ThreadState): void {
    if (s.reported || s.gone) return;
    s.stopping = true;
    this.kernel.exports.ntw_thread_kill(thread);
    setTimeout(() => { if (!s.gone) void s.worker.terminate(); }, KILL_GRACE_MS);
  }

  private onWorkerGone(thread: number): void {
    const s = this.threads.get(thread);
    if (!s || s.gone) return;
    s.gone = true;
    if (!s.reported) this.console.skipGaps(); // it may have taken an output number and never written
    const info = this.kernel.processInfo(this.record);
    // Ends the kernel thread if the worker did not (it was stopped, or failed to start).
    this.kernel.exports.ntw_thread_terminated(thread, info.exitCode);
    this.kernel.exports.ntw_object_release(thread);
    if (!s.reported && !s.stopping && !this.ending) {
      this.crash ??= "worker failed";
      this.kernel.exports.ntw_process_exit(this.record, 0xc0000005);
      this.endAll();
    }
    this.finishIfEnded();
  }

  private finishIfEnded(): void {
    if (this.done) return;
    const info = this.kernel.processInfo(this.record);
    if (!info.exited || [...this.threads.values()].some((s) => !s.gone)) return;
    this.done = true;
    this.console.detach();
    if (this.input) this.kernel.exports.ntw_object_release(this.input);
    this.kernel.exports.ntw_object_release(this.record);
    this.kernel.processEnded(this);
    this.resolveExit({ code: info.exitCode, crash: this.crash });
  }

  private write(stream: number, text: string): void {
    const o = this.options, platform = this.kernel.platform;
    if (stream === TRACE_STREAM) (typeof o.trace === "function" ? o.trace : platform.stderr)(text);
    else (stream === 2 ? o.stderr ?? platform.stderr : o.stdout ?? platform.stdout)(text);
  }

  /** Types into the process's console input (which a child shares with its parent). */
  writeStdin(data: string | Uint8Array): void {
    if (this.input && !this.done) this.kernel.feedConsole(this.input, typeof data === "string" ? new TextEncoder().encode(data) : data);
  }

  /** Ends the console input: reads return 0 bytes once what was written has been read. */
  endStdin(): void {
    if (this.input && !this.done) this.kernel.feedConsole(this.input, null);
  }

  /** Stops every thread (TerminateProcess by a guest: the kernel has already ended them). */
  stop(): void {
    if (!this.done) this.endAll();
  }
}
