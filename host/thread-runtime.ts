// The body of every pool worker (Node worker_threads or a Web Worker): instantiate kernel.wasm once on
// the shared kernel memory, then, again and again, sleep in the kernel until a thread is handed to this
// worker (kernel/nt/workerpool.ts), attach to it, instantiate the guest on its process's memory with
// its syscalls bound, run the thread's code, report how it ended and drop everything of it: the next
// thread gets a fresh guest instance, user-mode runtime, call context and syscall closures, on a stack
// and TLS block of its own.
import { CallContext } from "./call-context.ts";
import { bindSyscalls } from "./generated/bindings.ts";
import { kernelImports, type KernelExports } from "./kernel-exports.ts";
import { envImports, GuestStackOverflow } from "./guest-imports.ts";
import { isStackCheckTrap, STACK_LIMIT } from "./stack-check.ts";
import { CRASH_STACK_FRAMES, crashCode, crashReport } from "./crash.ts";
import { kernelFaulted } from "./kernel-fault.ts";
import {
  OUT_BACKLOG, OUT_LIMIT, OUT_SEQ, OUT_WORDS, SLOT_RETIRED, START_IO, START_MAIN, START_THREAD, TRACE_STREAM,
  type HostMessage, type PoolInit, type ProcessInit, type WorkerMessage,
} from "./protocol.ts";
import type { FileBackend } from "./files/backend.ts";
import { memoryFileBackend } from "./files/memory.ts";
import { ModuleCache } from "./module-cache.ts";
import { processSyscalls } from "./syscalls/process.ts";
import { traceImports } from "./trace.ts";
import { consoleSyscalls } from "./syscalls/console.ts";
import { fileIoSyscalls } from "./syscalls/file-io.ts";
import { ntFileSyscalls } from "./syscalls/ntfile.ts";
import { childDirectory, fileSyscalls, setProcessDirectory } from "./syscalls/files.ts";
import { ExitProcessSignal, ExitThreadSignal } from "./syscalls/signals.ts";
import { threadSyscalls } from "./syscalls/thread.ts";
import { apcDelivery } from "./syscalls/apc.ts";
import { serviceSyscalls } from "./syscalls/service.ts";
import { userRuntimeSync, type UserRuntime } from "./usermode.ts";
import { isCGuest, runCMain } from "./c-entry.ts";
import { wasiImports } from "./wasi/preview1.ts";

/** The kernel's worker pool exports a worker uses (kernel/nt/workerpool.ts). */
interface PoolWorkerExports {
  ntw_pool_park(slot: number): number;
  ntw_pool_take(slot: number): number;
  ntw_pool_exit(slot: number, code: number): void;
  ntw_pool_dispatch(thread: number, kind: number, fn: number, param: number, stack: number): number;
}


/** How long a writer waiting for console backlog room sleeps between looks at its thread: under KILL_GRACE_MS. */
const BACKLOG_SLICE_MS = 50;

/** Posts console text, its length counted in the console's backlog until the host's sink has taken it. */
function postOutput(post: (m: WorkerMessage) => void, info: ProcessInit, stream: number, text: string, last?: boolean): void {
  Atomics.add(info.outputSeq, OUT_BACKLOG, text.length);
  post({ t: "out", process: info.process, seq: Atomics.add(info.outputSeq, OUT_SEQ, 1), stream, text, last });
}

/** Thrown out of runOne when the kernel failed: the worker reports it and ends (host/kernel-fault.ts). */
class KernelFault extends Error {}

/** One thread start, as the kernel handed it over (ntw_pool_take); stackBase: the bottom of a CreateThread stack. */
interface Start { kind: number; fn: number; param: number; stack: number; process: number; tid: number; thread: number; stackBase: number }

/**
 * A pool worker's life. `post` sends to the host's main thread; `listen` installs the handler of the
 * main thread's messages; `hostFs` is the platform's file system under init.root (null: the in-memory
 * one in init.memoryFs). Returns when the pool retires the worker.
 */
/**
 * Waits (at most a second) until this worker sees shared `memory` reach `end`. The stack of a new
 * thread may come from pages another worker has just added with memory.grow; V8 tells each isolate
 * of the new size by an interrupt, taken at its next loop or call check, and until then this worker's
 * instance may bounds-check against the old size (a trap on the first touch of the new stack).
 */
function seeGrownMemory(memory: WebAssembly.Memory, end: number): void {
  if (memory.buffer.byteLength >= end) return;
  const deadline = Date.now() + 1000;
  while (memory.buffer.byteLength < end && Date.now() < deadline) { /* the loop's check takes the interrupt */ }
}

export async function runPoolWorker(init: PoolInit, post: (m: WorkerMessage) => void,
  listen: (handler: (m: HostMessage) => void) => void, hostFs: FileBackend | null): Promise<void> {
  const k = new WebAssembly.Instance(init.kernelModule, kernelImports(init.kernelMemory)).exports as unknown as KernelExports & PoolWorkerExports;
  const fs = init.memoryFs ? memoryFileBackend(init.memoryFs) : hostFs;
  if (!fs) throw new Error("no file system: the platform has none and no in-memory one was given");
  const modules = new ModuleCache();
  const processes = new Map<number, ProcessInit>();
  for (const p of init.processes) processes.set(p.process, p);
  let received = 0;
  let caughtUp: (() => void) | null = null;
  listen((m) => {
    received++;
    if (m.t === "process") processes.set(m.info.process, m.info);
    else if (m.t === "forget") processes.delete(m.process);
    if (caughtUp && received >= Atomics.load(init.mail, 0)) { const r = caughtUp; caughtUp = null; r(); }
  });
  /** Lets the event loop deliver what the main thread has sent (it counts its posts in init.mail). */
  const catchUp = (): Promise<void> | undefined =>
    received >= Atomics.load(init.mail, 0) ? undefined : new Promise<void>((r) => { caughtUp = r; });

  warmUp(k, init, fs, modules);
  for (;;) {
    await catchUp(); // a process that ended is forgotten before this worker sleeps
    if (k.ntw_pool_park(init.slot) === SLOT_RETIRED) return;
    const out = k.ntw_pool_take(init.slot) >>> 0;
    const v = new DataView(init.kernelMemory.buffer, out, 32);
    const start: Start = {
      kind: v.getUint32(0, true), fn: v.getUint32(4, true), param: v.getUint32(8, true), stack: v.getUint32(12, true),
      process: v.getUint32(16, true), tid: v.getUint32(20, true), thread: v.getUint32(24, true), stackBase: v.getUint32(28, true),
    };
    await catchUp(); // what the main thread sent before this start (a record may be a new process's now)
    const info = processes.get(start.process);
    let report: WorkerMessage;
    try {
      if (!info) throw new Error(`no process ${start.process} known to this worker`);
      report = runOne(k, out, init, info, start, fs, modules, post);
    } catch (e) {
      // the kernel failed (this thread's trap inside it, or another's before): report it, and this worker ends
      if (e instanceof KernelFault || kernelFaulted(k, init.faultBox, start.tid, start.process, e)) {
        current = undefined;
        post({ t: "kernelFault", tid: start.tid });
        return;
      }
      // a host failure, not the guest's: the thread crashes, the worker goes on
      const crash = String((e as Error)?.stack ?? e);
      try { k.ntw_process_exit(0, 0xc0000005); k.ntw_pool_exit(init.slot, 0xc0000005); } catch { /* already ended */ }
      report = { t: "exit", process: start.process, tid: start.tid, code: 0xc0000005, endsProcess: true, crash };
    }
    current = undefined; // nothing of the thread stays reachable from the worker
    post(report);
  }
}

/**
 * The host-implemented calls of the running thread, group by group, each built the first time the
 * thread makes one of its calls (most threads make few: building them all was most of a thread start).
 */
type Calls = Record<string, Function>;
const GROUPS = ["thread", "console", "service", "process", "fileIo", "nt", "files", "wasi"] as const;
type GroupName = typeof GROUPS[number];
type ThreadCalls = (g: GroupName) => Calls;

/** Per worker: the names in each group (learnt from its first thread: they never change). */
let groupNames: Record<GroupName, string[]> | undefined;
/** Per worker: the running thread's calls, for the stubs (a worker runs one thread at a time). */
let current: ThreadCalls | undefined;
/** Per worker: stubs that forward each host call to the running thread's (host, and WASI's). */
let stubs: { host: Calls; wasi: Calls } | undefined;

function makeStubs(names: Record<GroupName, string[]>): { host: Calls; wasi: Calls } {
  const host: Calls = {}, wasi: Calls = {};
  for (const g of GROUPS) {
    for (const n of names[g]) (g === "wasi" ? wasi : host)[n] = (...a: unknown[]) => current!(g)[n](...a);
  }
  return { host, wasi };
}

/**
 * What a worker keeps of a process between the process's threads: plumbing only, no guest state. The
 * call context is retargeted to each thread's scratch; the import object is the generated bindings
 * (bound to the context and the stubs) with the process's user-mode runtime on this worker put in,
 * which holds no state of a thread either (host/usermode.ts): each thread start sets its thread id.
 */
interface Plumbing {
  c: CallContext;
  syscalls: Record<string, Calls>;
  imports: WebAssembly.Imports;
  user: UserRuntime;
  /** Stack grows by CreateThread in this process on this worker: each grows for twice as many (up to 32). */
  stackGrows: number;
}
const plumbing = new WeakMap<ProcessInit, Plumbing>();

function plumb(k: KernelExports, c: CallContext, info: ProcessInit, guestMemory: WebAssembly.Memory | null): Plumbing {
  const user = userRuntimeSync(k, guestMemory);
  const syscalls = bindSyscalls(k, c, stubs!.host as unknown as Parameters<typeof bindSyscalls>[2],
    user.syscalls as unknown as Parameters<typeof bindSyscalls>[3]);
  syscalls.wasi_snapshot_preview1 = stubs!.wasi;
  const imports: WebAssembly.Imports = { ...syscalls, env: envImports(() => c.guestFresh()) };
  const mi = info.memoryImport;
  if (mi && guestMemory) imports[mi.module] = { ...(imports[mi.module] ?? {}), [mi.name]: guestMemory };
  return { c, syscalls, imports, user, stackGrows: 0 };
}

/** The builders of a thread's host call groups (and its file calls, which several groups share). */
function builders(k: KernelExports & PoolWorkerExports, c: CallContext, info: ProcessInit, fs: FileBackend, modules: ModuleCache,
  post: (m: WorkerMessage) => void, table: () => WebAssembly.Table | undefined, stackPointer: () => WebAssembly.Global | undefined,
  stackBatch: () => number) {
  const proc = info.process;
  const out = info.outputSeq;
  const closed = (stream: number) => (stream === 1 || stream === 2) && Atomics.load(out, stream) !== 0;
  /**
   * False (text dropped) once the stream's reader went away (ConsoleOutput.close): a broken pipe. While
   * the console's backlog is at its limit, waits for the host to take text off; every slice it enters
   * the kernel (SleepEx), where a thread terminated meanwhile unwinds before its worker would be stopped.
   */
  const write = (stream: number, text: string): boolean => {
    for (let b = Atomics.load(out, OUT_BACKLOG); b >= out[OUT_LIMIT] && !closed(stream); b = Atomics.load(out, OUT_BACKLOG)) {
      if (Atomics.wait(out, OUT_BACKLOG, b, BACKLOG_SLICE_MS) === "timed-out") k.SleepEx(1, 0);
    }
    if (closed(stream)) return false;
    postOutput(post, info, stream, text);
    return true;
  };
  /** A thread start handed to a pooled worker through the kernel: no message to the host's main thread. */
  const dispatch = (thread: number, kind: number, fn: number, param: number, stack: number) =>
    k.ntw_pool_dispatch(thread, kind, fn, param, stack) !== 0;

  // This thread's host calls, each group built on first use.
  let files: ReturnType<typeof fileSyscalls> | undefined;
  let fileIo: ReturnType<typeof fileIoSyscalls> | undefined;
  const fileGroup = () => {
    files ??= fileSyscalls(k, c, fs);
    fileIo ??= fileIoSyscalls(k, c, write, files.io, info.guestMemory ? (thread) => {
      if (!dispatch(thread, START_IO, 0, 0, 0)) { k.ntw_thread_terminated(thread, 0); k.ntw_object_release(thread); }
    } : null);
    return { files, fileIo };
  };
  const build: Record<GroupName, () => Calls> = {
    thread: () => threadSyscalls(k, c, {
      table, sharedMemory: info.guestMemory !== null,
      guestMemory: () => info.guestMemory,
      usesStack: () => stackPointer() !== undefined,
      stackBatch,
      spawn: (thread, fn, param, stack) => dispatch(thread, START_THREAD, fn, param, stack),
      terminate: (tid) => post({ t: "terminate", tid }),
    }),
    console: () => consoleSyscalls(k, c, write, info.terminal),
    service: () => serviceSyscalls(k, c),
    process: () => processSyscalls(k, c, {
      program: (path) => fileGroup().files.program(path),
      compile: (bytes) => modules.compileSync(bytes),
      imagePath: info.imagePath,
      directory: { child: (dir) => childDirectory(k, c, fs, dir), set: (p, dir) => setProcessDirectory(k, c, p, dir) },
      start: (child) => post({ t: "process", process: proc, child }),
      terminate: (process) => post({ t: "terminateProcess", process }),
    }),
    fileIo: () => fileGroup().fileIo.syscalls as unknown as Calls,
    nt: () => ntFileSyscalls(k, c, fs, fileGroup().fileIo) as unknown as Calls,
    files: () => fileGroup().files.syscalls as unknown as Calls,
    wasi: () => {
      const f = fileGroup();
      return wasiImports(k, c, { args: info.args, env: info.env }, write,
        { host: f.files.host, io: f.files.io, ReadFile: f.fileIo.syscalls.ReadFile, WriteFile: f.fileIo.syscalls.WriteFile });
    },
  };
  return { build, fileGroup, write };
}

/**
 * Runs every builder once, and the plumbing, on throwaway objects, before the worker first parks: the
 * first thread a worker runs then finds this JavaScript compiled, and the group names known.
 */
function warmUp(k: KernelExports & PoolWorkerExports, init: PoolInit, fs: FileBackend, modules: ModuleCache): void {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
  const info: ProcessInit = {
    process: 0, guestModule: undefined!, guestMemory: memory, memoryImport: { module: "env", name: "memory", initial: 1, maximum: 1, shared: true },
    outputSeq: new Int32Array(OUT_WORDS), commandLine: "", imagePath: "C:\\", args: [], env: {}, trace: false,
  };
  const c = new CallContext(init.kernelMemory, 0, memory, k);
  const { build } = builders(k, c, info, fs, modules, () => {}, () => undefined, () => undefined, () => 1);
  const names = {} as Record<GroupName, string[]>;
  for (const g of GROUPS) names[g] = Object.keys(build[g]());
  groupNames = names;
  stubs = makeStubs(names);
  plumb(k, c, info, memory);
}

/** Runs one thread start to its end on this worker; returns its end report. */
function runOne(k: KernelExports & PoolWorkerExports, scratch: number, init: PoolInit, info: ProcessInit, start: Start,
  fs: FileBackend, modules: ModuleCache, post: (m: WorkerMessage) => void): WorkerMessage {
  const proc = info.process;
  let guestMemory = info.guestMemory;
  const mi = info.memoryImport;
  if (!guestMemory && mi) guestMemory = new WebAssembly.Memory({ initial: mi.initial, maximum: mi.maximum });
  let instance: WebAssembly.Instance | undefined;
  const exports = () => instance!.exports as Record<string, unknown>;
  const table = () => (exports().table ?? exports().__indirect_function_table) as WebAssembly.Table | undefined;
  /** A C guest's stack pointer (exported with -Wl,--export=__stack_pointer); AssemblyScript has none. */
  const stackPointer = () => {
    const g = exports().__stack_pointer;
    return g instanceof WebAssembly.Global ? g : undefined;
  };

  /**
   * A C guest's _Thread_local block (it exports __wasm_init_tls and __tls_size, as `ntwasm cc` builds
   * it): carved from the top of the thread's stack, the main thread's (the linker's) included: wasm-ld
   * leaves the main thread's __tls_base at 0. Returns the stack pointer below the block.
   */
  const threadTls = (stackTop: number): number => {
    const e = exports(), size = e.__tls_size, align = e.__tls_align;
    if (typeof e.__wasm_init_tls !== "function" || !(size instanceof WebAssembly.Global)) return stackTop;
    const a = Math.max(16, align instanceof WebAssembly.Global ? Number(align.value) : 16);
    const base = (stackTop - Number(size.value)) & -a;
    seeGrownMemory(guestMemory ?? (e.memory as WebAssembly.Memory), stackTop);
    // The block may be a recycled stack's: zero it (__wasm_init_tls copies only the initialised part),
    // and move the stack pointer below it first, so nothing runs on another thread's stack.
    const sp = stackPointer();
    if (sp) sp.value = base;
    new Uint8Array((guestMemory ?? (e.memory as WebAssembly.Memory)).buffer).fill(0, base, base + Number(size.value));
    (e.__wasm_init_tls as (p: number) => void)(base);
    return base;
  };

  // The process's plumbing, when its memory is shared (threads); a guest with its own memory runs one thread.
  let pl = info.guestMemory ? plumbing.get(info) : undefined;
  pl?.c.retarget(scratch);
  const c: CallContext = pl ? pl.c : new CallContext(init.kernelMemory, scratch, guestMemory, k);
  const { build, fileGroup, write } = builders(k, c, info, fs, modules, post, table, stackPointer,
    () => (pl ? Math.min(32, 2 ** pl.stackGrows++) : 1));
  const groups: Partial<Record<GroupName, Calls>> = {};
  current = (g) => groups[g] ??= build[g]();
  if (start.kind === START_IO) { // an I/O worker: no guest instance, only its memory
    try { fileGroup().fileIo.ioWorker(); } catch { /* terminated: the process is ending */ }
    k.ntw_pool_exit(init.slot, 0);
    return { t: "exit", process: proc, tid: start.tid, code: 0, endsProcess: false };
  }
  if (!stubs) throw new Error("the worker was not warmed up");
  if (!pl) {
    pl = plumb(k, c, info, guestMemory);
    if (info.guestMemory) plumbing.set(info, pl);
  }
  const user = pl.user;
  user.begin(k.GetCurrentThreadId(), table);
  c.deliverApcs = apcDelivery(k, c, table);
  let imports = pl.imports;
  if (info.trace) {
    const traced = traceImports(pl.syscalls, {
      tid: k.GetCurrentThreadId(), guest: () => c.guestFresh(), lastError: () => k.GetLastError(),
      emit: (line) => write(TRACE_STREAM, line),
    });
    imports = { ...traced, env: pl.imports.env };
    if (mi && guestMemory && mi.module !== "env") imports[mi.module] = { ...(traced[mi.module] ?? {}), [mi.name]: guestMemory };
  }

  let code = 0;
  let endsProcess = start.kind === START_MAIN;
  let crash: string | undefined;
  let reported = false;
  Error.stackTraceLimit = CRASH_STACK_FRAMES;
  try {
    instance = new WebAssembly.Instance(info.guestModule, imports);
    if (!guestMemory) c.setGuestMemory(exports().memory as WebAssembly.Memory);
    user.attach(instance);
    const sp = stackPointer();
    if (start.kind === START_THREAD && start.stack) sp!.value = threadTls(start.stack);
    // the main thread runs on the linker's stack, whose top is where the stack pointer starts
    if (start.kind === START_MAIN && sp && guestMemory) sp.value = threadTls(sp.value as number);
    setStackLimit(exports(), start);
    const memory = guestMemory ?? (exports().memory as WebAssembly.Memory | undefined);
    if (start.kind === START_MAIN) writeCommandLine(k, memory, info.commandLine);
    k.ntw_thread_begin(); // waits while suspended (CREATE_SUSPENDED); unwinds if terminated already
    if (start.kind === START_MAIN) {
      if (isCGuest(exports()) && memory) code = runCMain(exports(), memory, info.entry);
      else runStart(exports(), info.entry, (r) => { code = r; });
    } else {
      const r = table()!.get(start.fn)!(start.param);
      code = typeof r === "number" ? r >>> 0 : 0;
    }
  } catch (e) {
    if (e instanceof ExitThreadSignal) { code = e.code; endsProcess = false; }
    else if (e instanceof ExitProcessSignal) { code = e.code; endsProcess = true; }
    else {
      // a trap inside the kernel, or the kernel failed before
      if (kernelFaulted(k, init.faultBox, start.tid, proc, e)) throw new KernelFault();
      k.ntw_thread_info(start.thread, scratch);
      if (c.kernelU32(scratch + 12)) { endsProcess = false; } // killed: the process is already ending
      else {
        // the exit code and report Windows would give (host/crash.ts); the report goes out in order
        // with the process's output, which ends with it: other threads print nothing more
        const sp = stackPointer()?.value as number | undefined, mem = guestMemory ?? (exports().memory as WebAssembly.Memory | undefined);
        // an inline stack check's division by zero is a stack overflow (host/stack-check.ts)
        const limit = instance?.exports[STACK_LIMIT];
        const err = limit instanceof WebAssembly.Global && isStackCheckTrap(e, info.guestModule)
          ? new GuestStackOverflow(sp ?? 0, limit.value, e as Error) : e;
        crash = err instanceof Error ? err.message : String(err);
        code = crashCode(err, sp, mem?.buffer.byteLength);
        const pid = k.GetCurrentProcessId();
        k.ntw_process_exit(0, code); // the other threads stop while the report is made (DWARF is read now)
        const text = crashReport(pid, info.imagePath.replace(/^.*\\/, ""), start.tid, code, err, (err as Error)?.stack,
          info.guestModule, info.codeOffset);
        postOutput(post, info, 2, text, true); // past the backlog limit too: it is the process's last
        reported = true;
        endsProcess = true;
      }
    }
  }
  if (endsProcess) k.ntw_process_exit(0, code);
  k.ntw_pool_exit(init.slot, code); // the thread record is recycled now: the report below comes after
  return { t: "exit", process: proc, tid: start.tid, code, endsProcess, crash, reported };
}

/**
 * Keeps the red zone clear of the limit: LLVM's leaf functions use up to 128 bytes below the stack
 * pointer without moving it, so no check sees those writes.
 */
const RED_ZONE = 128;

/**
 * Sets the stack checks' limit of a guest built by `ntwasm cc` (host/stack-check.ts) to the bottom of
 * this thread's stack: a CreateThread stack's, or the linker's for the main thread (__stack_low).
 * Guests without the checks' global are left as they are.
 */
function setStackLimit(e: Record<string, unknown>, start: Start): void {
  const limit = e[STACK_LIMIT];
  if (!(limit instanceof WebAssembly.Global)) return;
  const low = start.kind === START_THREAD ? start.stackBase : e.__stack_low instanceof WebAssembly.Global ? Number(e.__stack_low.value) : 0;
  if (low) limit.value = low + RED_ZONE;
}

/** Any other guest's main thread: `_start` when it has one, then `main` or the export named by --entry. */
function runStart(e: Record<string, unknown>, entryName: string | undefined, done: (code: number) => void): void {
  if (typeof e._start === "function") (e._start as () => void)();
  const entry = entryName ?? (typeof e.main === "function" ? "main" : undefined);
  if (!entry) return;
  const fn = e[entry];
  if (typeof fn !== "function") throw new Error(`the guest exports no function "${entry}"`);
  const r = (fn as () => unknown)();
  done(typeof r === "number" ? r >>> 0 : 0);
}

/**
 * GetCommandLineW/A return addresses in guest memory: the process's main thread writes both forms on
 * fresh pages at the end of guest memory (the guest's allocator grows memory past them) before the
 * guest runs, and tells the kernel where they are. When memory cannot grow, GetCommandLine gives NULL.
 */
function writeCommandLine(k: KernelExports, memory: WebAssembly.Memory | undefined, line: string): void {
  if (!memory) return;
  const utf8 = new TextEncoder().encode(line);
  const bytes = (line.length + 1) * 2 + utf8.length + 1;
  let base: number;
  try { base = memory.grow(Math.ceil(bytes / 65536)) * 65536; } catch { return; }
  const view = new DataView(memory.buffer);
  for (let i = 0; i < line.length; i++) view.setUint16(base + 2 * i, line.charCodeAt(i), true);
  view.setUint16(base + 2 * line.length, 0, true);
  const a = base + (line.length + 1) * 2;
  new Uint8Array(memory.buffer).set(utf8, a);
  view.setUint8(a + utf8.length, 0);
  k.ntw_set_cmdline(base, a);
}
