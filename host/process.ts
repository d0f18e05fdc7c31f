// A guest process as the host's main thread sees it: its output delivered in the order its threads
// wrote it, the end reports of its threads (which run on pooled workers, host/worker-pool.ts), and its end.
import type { Kernel } from "./kernel.ts";
import { TRACE_STREAM, type ProcessInit, type TerminalSize, type WorkerMessage } from "./protocol.ts";
import { argvToCommandLine } from "./command-line.ts";
import { ConsoleOutput, handOver } from "./console-output.ts";
import { TraceOutput, type TraceOptions } from "./trace-output.ts";
import type { MemoryImport } from "./wasm-module.ts";
import { STATUS_INTERNAL_ERROR, unlessFailed } from "./kernel-fault.ts";

export interface SpawnOptions {
  /** Guest export to run as the main thread after `_start` (default: `main` when exported). */
  entry?: string;
  /** argv, program name first (default: ["guest.wasm"]); the command line is made from it. */
  args?: string[];
  /** The process's environment variables (default: none). */
  env?: Record<string, string>;
  /**
   * Print every syscall, strace-style, to standard error (true), to a function (each line ends in "\n"), or
   * as TraceOptions say: which areas, text or JSON lines, timestamps, where (host/trace-output.ts).
   */
  trace?: boolean | ((line: string) => void) | TraceOptions;
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
  /**
   * The input comes from no terminal (a pipe or a file, as with `ntwasm run < file`), so the program
   * sees a pipe, as on Windows: ReadFile returns the bytes as they come ("\n" stays "\n"),
   * GetFileType says FILE_TYPE_PIPE, PeekNamedPipe tells what is waiting and _isatty(0) is 0. Console
   * calls (ReadConsoleW, _getch) still read it. Default: a console's keyboard (false).
   */
  stdinPipe?: boolean;
  /**
   * Receive standard output / error text (default: the platform's, e.g. process.stdout). A callback that
   * returns a promise holds the guest's writes back, past the consoleBacklog quota, until it settles.
   */
  stdout?: (text: string) => unknown;
  stderr?: (text: string) => unknown;
  /**
   * The output is shown on a terminal of this size (e.g. xterm.js in a page): SetConsoleTextAttribute
   * writes ANSI colour sequences and GetConsoleScreenBufferInfo reports the size. Default: the
   * platform's terminal when the output goes to the platform's stdout (Node: a TTY), else none.
   */
  terminal?: TerminalSize;
}

/** SpawnOptions.trace as TraceOptions. */
export function traceOptions(trace: true | ((line: string) => void) | TraceOptions): TraceOptions {
  return trace === true ? {} : typeof trace === "function" ? { write: trace } : trace;
}

export interface ProcessExit {
  code: number;
  /** Set when a thread crashed (a trap or an abort) and took the process down. */
  crash?: string;
  /** Set when the kernel failed (Kernel.failure's message): the process ended with STATUS_INTERNAL_ERROR. */
  kernelFault?: string;
}

/** How long a thread asked to end may keep running guest code before its worker is stopped. */
export const KILL_GRACE_MS = 100;
/** Input held in the host beyond the kernel's ring (1 MiB) before writeStdin asks its caller to pause. */
const INPUT_BACKLOG = 1 << 20;
/** How often held input is offered again while the guest has not read. */
const INPUT_RETRY_MS = 10;

export class GuestProcess {
  readonly pid: number;
  /** Resolves when the process has ended. */
  readonly exited: Promise<ProcessExit>;
  /** @internal What every pool worker is told about this process (host/worker-pool.ts). */
  readonly info: ProcessInit;
  private resolveExit!: (e: ProcessExit) => void;
  /** Thread ids whose end was reported (by their worker, or by the host when a worker was lost). */
  private readonly reported = new Set<number>();
  /** Where its output goes, in order: its own console, or its parent's (SpawnOptions.console). */
  private readonly console: ConsoleOutput;
  /** Its trace's printer, when it traces and owns its console (a child's trace goes through its parent's). */
  private readonly tracer: TraceOutput | undefined;
  /** Its input console (kernel record, referenced until the process has ended), 0 when none. */
  private readonly input: number;
  /** Input writeStdin took that the console's ring had no room for yet (pumpInput), and its size. */
  private pendingIn: Uint8Array[] = [];
  private pendingBytes = 0;
  private inputEnding = false;
  private pumpTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly drained: (() => void)[] = [];
  private crash: string | undefined;
  private ending = false;
  private done = false;
  /** @internal The process that started this one with CreateProcessW, while it is alive. */
  parent: GuestProcess | undefined;
  /** Its children not done yet: its end is reported after theirs when they ended first. */
  private readonly children = new Set<GuestProcess>();

  constructor(
    private readonly kernel: Kernel,
    /** Kernel process record (the host holds a reference until the process has ended). */
    readonly record: number,
    guestModule: WebAssembly.Module,
    guestMemory: WebAssembly.Memory | null,
    memoryImport: MemoryImport | undefined,
    /** @internal */
    readonly options: SpawnOptions,
    codeOffset?: number,
  ) {
    this.pid = kernel.processInfo(record).pid;
    this.console = options.console ?? new ConsoleOutput((stream, text, done) => this.write(stream, text, done), kernel.consoleBacklog);
    this.tracer = options.console || !options.trace ? undefined
      : new TraceOutput(traceOptions(options.trace), (line) => kernel.platform.stderr(line));
    this.console.attach();
    this.input = kernel.exports.ntw_console_input(record);
    if (options.stdinPipe && this.input && !options.console) kernel.exports.ntw_console_set_piped(this.input);
    if (options.stdin !== undefined) this.writeStdin(options.stdin);
    if (options.stdin !== undefined && !options.keepStdinOpen) this.endStdin();
    this.exited = new Promise((r) => { this.resolveExit = r; });
    const args = options.args ?? ["guest.wasm"];
    this.info = {
      process: record, guestModule, guestMemory, memoryImport, codeOffset, outputSeq: this.console.seq, entry: options.entry,
      commandLine: options.commandLine ?? argvToCommandLine(args), args, env: options.env ?? {},
      imagePath: options.imagePath ?? `C:\\${args[0].replace(/^.*[\\/]/, "")}`,
      trace: !!options.trace,
      terminal: options.terminal ?? (options.stdout || options.console ? undefined : kernel.platform.terminal?.()),
    };
  }

  /** Ends the process with `code` (TerminateProcess from the host). */
  kill(code = 1): void {
    if (this.done) return;
    this.kernel.exports.ntw_process_exit(this.record, code);
    this.endAll();
  }

  /** @internal A message from a worker running one of its threads. */
  onMessage(m: WorkerMessage): void {
    switch (m.t) {
      case "out":
        this.console.deliver(m.seq, m.stream, m.text, this.record, m.last);
        break;
      case "process": {
        const child = this.kernel.startChild({ ...this.options, console: this.console, terminal: this.info.terminal }, m.child);
        child.parent = this;
        this.children.add(child);
        break;
      }
      case "exit":
        if (m.crash && !this.crash) {
          this.crash = m.crash;
          if (!m.reported) this.write(2, `ntwasm: thread crashed: process ${this.pid}, thread ${m.tid}: ${m.crash}\n`);
        }
        if (m.endsProcess) this.endAll();
        this.reported.add(m.tid);
        this.finishIfEnded();
        break;
    }
  }

  /**
   * @internal The worker running thread `thread` (id `tid`; the host holds its reference now) is gone
   * without reporting its end: it was stopped (`stopped`: the thread had been asked to end), or it failed.
   */
  threadLost(thread: number, tid: number, stopped: boolean, why: string): void {
    const k = this.kernel.exports;
    this.console.skipGaps(); // it may have taken an output number and never written
    const failed = !stopped && !this.ending && !this.reported.has(tid);
    // Ends the kernel thread if the worker did not (it was stopped, or failed to start it). First of all
    // kernel calls: it also frees the kernel lock if the worker died holding it. A stopped thread's code is
    // the one it was terminated with (or its process's, when that is exiting); a failed one ends its
    // process with STATUS_ACCESS_VIOLATION, also when it was the last thread.
    k.ntw_thread_terminated(thread, failed ? 0xc0000005 : 0);
    k.ntw_object_release(thread);
    if (failed) {
      this.crash ??= why;
      k.ntw_process_exit(this.record, 0xc0000005);
      this.endAll();
    }
    this.reported.add(tid);
    this.finishIfEnded();
  }

  /** @internal The end report of thread `tid`, which had ended, was lost with its worker. */
  reportLost(tid: number): void {
    this.console.skipGaps();
    this.reported.add(tid);
    this.finishIfEnded();
  }

  /** Every thread has been asked to end (by the kernel): stops the workers still running guest code after a grace. */
  private endAll(): void {
    if (this.ending) return;
    this.ending = true;
    // once it is done its record may be another process's: nothing of it is left to stop then
    setTimeout(() => { if (!this.done) unlessFailed(() => this.kernel.pool.stopProcess(this.record)); }, KILL_GRACE_MS);
  }

  private finishIfEnded(): void {
    if (this.done) return;
    const info = this.kernel.processInfo(this.record);
    // every thread handed to a worker has reported its end: all its messages are in
    if (!info.exited || this.reported.size < this.kernel.pool.threadsOf(this.record)) return;
    // A child that ended before this process (it waited for it, say) is reported first: its last
    // messages may come from another worker and arrive later.
    for (const c of this.children) if (this.kernel.processInfo(c.record).exited) return;
    this.done = true;
    this.console.detach();
    this.tracer?.flush(); // a call still blocked (a thread left waiting) shows as unfinished
    this.console.forget(this.record);
    if (this.input) this.kernel.exports.ntw_object_release(this.input);
    this.kernel.exports.ntw_object_release(this.record);
    this.kernel.processEnded(this);
    for (const c of this.children) c.parent = undefined;
    const parent = this.parent;
    parent?.children.delete(this);
    this.resolveExit({ code: info.exitCode, crash: this.crash });
    parent?.finishIfEnded();
  }

  /** `done` once the text is out of the host's hands (ConsoleOutput's backlog). */
  private write(stream: number, text: string, done = () => {}): void {
    const o = this.options, platform = this.kernel.platform;
    if (stream === TRACE_STREAM) { this.tracer?.event(text); done(); return; }
    this.tracer?.output();
    if (this.console.closed(stream)) { done(); return; }
    const own = stream === 2 ? o.stderr : o.stdout;
    if (own) handOver(own, text, done);
    else (stream === 2 ? platform.stderr : platform.stdout)(text, (closed) => { if (closed) this.console.close(stream); done(); });
  }

  /**
   * Types into the process's console input (which a child shares with its parent). False when the input
   * the guest has not read yet passes INPUT_BACKLOG: the caller should stop (pause its source) until
   * `onInputDrain`, as with a stream's write(). Nothing is dropped either way.
   */
  writeStdin(data: string | Uint8Array): boolean {
    if (!this.input || this.done) return true;
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    if (bytes.length) { this.pendingIn.push(bytes.slice()); this.pendingBytes += bytes.length; }
    this.pumpInput();
    return this.pendingBytes < INPUT_BACKLOG;
  }

  /** Ends the console input: reads return 0 bytes once what was written has been read. */
  endStdin(): void {
    this.inputEnding = true;
    this.pumpInput();
  }

  /** Calls `f` once the input held back by writeStdin's false has gone into the kernel. */
  onInputDrain(f: () => void): void {
    if (this.pendingBytes < INPUT_BACKLOG || this.done) f();
    else this.drained.push(f);
  }

  /** Moves held input into the console's ring as the guest reads it, then ends the input if asked. */
  private pumpInput(): void {
    this.pumpTimer = undefined;
    if (!this.input || this.done) { this.pendingIn = []; this.pendingBytes = 0; this.flushDrained(); return; }
    while (this.pendingIn.length) {
      const first = this.pendingIn[0];
      const took = this.kernel.feedConsole(this.input, first);
      this.pendingBytes -= took;
      if (took < first.length) {
        this.pendingIn[0] = first.subarray(took);
        this.pumpTimer ??= setTimeout(() => unlessFailed(() => this.pumpInput()), INPUT_RETRY_MS);
        break;
      }
      this.pendingIn.shift();
    }
    if (this.pendingBytes < INPUT_BACKLOG) this.flushDrained();
    if (!this.pendingIn.length && this.inputEnding) { this.inputEnding = false; this.kernel.feedConsole(this.input, null); }
  }

  private flushDrained(): void {
    for (const f of this.drained.splice(0)) f();
  }

  /** @internal The kernel failed: the process is over, its workers stopped; no kernel call may follow. */
  kernelFailed(failure: Error): void {
    if (this.done) return;
    this.done = true;
    this.console.detach();
    this.tracer?.flush();
    this.resolveExit({ code: STATUS_INTERNAL_ERROR, crash: this.crash, kernelFault: failure.message });
  }

  /** @internal Stops every thread (TerminateProcess by a guest: the kernel has already ended them). */
  stop(): void {
    if (!this.done) this.endAll();
  }
}
