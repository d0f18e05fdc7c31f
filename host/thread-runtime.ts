// The body of every thread worker (Node worker_threads or a Web Worker): instantiate kernel.wasm on
// the shared kernel memory, attach to the kernel thread, instantiate the guest with its syscalls
// bound, run the thread's code, and report how it ended.
import { CallContext } from "./call-context.ts";
import { bindSyscalls } from "./generated/bindings.ts";
import { instantiateKernel } from "./kernel-exports.ts";
import { envImports, GuestAbort } from "./guest-imports.ts";
import { TRACE_STREAM, type ThreadInit, type WorkerMessage } from "./protocol.ts";
import type { FileBackend } from "./files/backend.ts";
import { memoryFileBackend } from "./files/memory.ts";
import { processSyscalls } from "./syscalls/process.ts";
import { traceImports } from "./trace.ts";
import type { KernelExports } from "./kernel-exports.ts";
import { consoleSyscalls } from "./syscalls/console.ts";
import { fileIoSyscalls } from "./syscalls/file-io.ts";
import { childDirectory, fileSyscalls, setProcessDirectory } from "./syscalls/files.ts";
import { ExitProcessSignal, ExitThreadSignal } from "./syscalls/signals.ts";
import { threadSyscalls } from "./syscalls/thread.ts";
import { apcDelivery } from "./syscalls/apc.ts";
import { userRuntime } from "./usermode.ts";
import { isCGuest, runCMain } from "./c-entry.ts";
import { wasiImports } from "./wasi/preview1.ts";

/** Exit codes Windows gives a process killed by an unhandled exception, by kind of Wasm trap. */
function crashCode(e: unknown): number {
  if (e instanceof GuestAbort) return 3; // abort()
  const msg = e instanceof Error ? e.message : String(e);
  if (/out of bounds|null function|table index/.test(msg)) return 0xc0000005; // STATUS_ACCESS_VIOLATION
  if (/stack/i.test(msg)) return 0xc00000fd; // STATUS_STACK_OVERFLOW
  return 0xc000001d; // STATUS_ILLEGAL_INSTRUCTION (unreachable and other traps)
}

/** `hostFs`: the platform's file system under init.root (null: the in-memory one in init.memoryFs). */
export async function runThread(init: ThreadInit, post: (m: WorkerMessage) => void, hostFs: FileBackend | null): Promise<void> {
  const k = await instantiateKernel(init.kernelModule, init.kernelMemory);
  const scratch = k.ntw_attach(init.thread);
  let guestMemory = init.guestMemory;
  const mi = init.memoryImport;
  if (!guestMemory && mi) guestMemory = new WebAssembly.Memory({ initial: mi.initial, maximum: mi.maximum });
  const c = new CallContext(init.kernelMemory, scratch, guestMemory, k);
  let instance: WebAssembly.Instance | undefined;
  const exports = () => instance!.exports as Record<string, unknown>;
  const table = () => (exports().table ?? exports().__indirect_function_table) as WebAssembly.Table | undefined;
  c.deliverApcs = apcDelivery(k, c, table);
  /** A C guest's stack pointer (exported with -Wl,--export=__stack_pointer); AssemblyScript has none. */
  const stackPointer = () => {
    const g = exports().__stack_pointer;
    return g instanceof WebAssembly.Global ? g : undefined;
  };

  /**
   * A C guest's _Thread_local block (it exports __wasm_init_tls and __tls_size, as `ntwasm cc` builds
   * it): carved from the top of the thread's stack, the main thread's included (wasm-ld leaves the
   * main thread's __tls_base at 0). Returns the stack pointer below the block.
   */
  const threadTls = (stackTop: number): number => {
    const e = exports(), size = e.__tls_size, align = e.__tls_align;
    if (typeof e.__wasm_init_tls !== "function" || !(size instanceof WebAssembly.Global)) return stackTop;
    const a = Math.max(16, align instanceof WebAssembly.Global ? Number(align.value) : 16);
    const base = (stackTop - Number(size.value)) & -a;
    // The block may be a recycled stack's: zero it (__wasm_init_tls copies only the initialised part),
    // and move the stack pointer below it first, so nothing runs on another thread's stack.
    const sp = stackPointer();
    if (sp) sp.value = base;
    new Uint8Array((guestMemory ?? (e.memory as WebAssembly.Memory)).buffer).fill(0, base, base + Number(size.value));
    (e.__wasm_init_tls as (p: number) => void)(base);
    return base;
  };

  const user = await userRuntime(k, guestMemory ?? null, table);

  const fs = init.memoryFs ? memoryFileBackend(init.memoryFs) : hostFs;
  if (!fs) throw new Error("no file system: the platform has none and no in-memory one was given");
  const files = fileSyscalls(k, c, fs);
  const write = (stream: number, text: string) => post({ t: "out", seq: Atomics.add(init.outputSeq, 0, 1), stream, text });
  const fileIo = fileIoSyscalls(k, c, write, files.io, init.guestMemory ? (thread) => post({ t: "ioWorker", thread }) : null);
  if (init.start.kind === "io") { // an I/O worker: no guest instance, only its memory
    try { fileIo.ioWorker(); } catch { /* terminated: the process is ending */ }
    k.ntw_thread_exit(0);
    post({ t: "exit", thread: init.thread, code: 0, endsProcess: false });
    return;
  }
  const syscalls = bindSyscalls(k, c, {
    ...threadSyscalls(k, c, {
      table, sharedMemory: init.guestMemory !== null,
      guestMemory: () => init.guestMemory,
      usesStack: () => stackPointer() !== undefined,
      spawn: (thread, fn, param, stack) => post({ t: "spawn", thread, fn, param, stack }),
      terminate: (thread) => post({ t: "terminate", thread }),
    }),
    ...consoleSyscalls(k, c, write),
    ...fileIo.syscalls,
    ...files.syscalls,
    ...processSyscalls(k, c, {
      program: files.program,
      imagePath: init.imagePath,
      directory: { child: (dir) => childDirectory(k, c, fs, dir), set: (p, dir) => setProcessDirectory(k, c, p, dir) },
      start: (child) => post({ t: "process", child }),
      terminate: (process) => post({ t: "terminateProcess", process }),
    }),
  }, user.syscalls);
  syscalls.wasi_snapshot_preview1 = wasiImports(k, c, { args: init.args, env: init.env }, write,
    { host: files.host, io: files.io, ReadFile: fileIo.syscalls.ReadFile, WriteFile: fileIo.syscalls.WriteFile });
  const bound = init.trace ? traceImports(syscalls, {
    tid: k.GetCurrentThreadId(), guest: () => c.guestFresh(), lastError: () => k.GetLastError(),
    emit: (line) => write(TRACE_STREAM, line),
  }) : syscalls;
  const imports: WebAssembly.Imports = { ...bound, env: envImports(() => c.guestFresh()) };
  if (mi && guestMemory) imports[mi.module] = { ...(imports[mi.module] ?? {}), [mi.name]: guestMemory };

  let code = 0;
  let endsProcess = init.start.kind === "main";
  let crash: string | undefined;
  try {
    instance = await WebAssembly.instantiate(init.guestModule, imports);
    if (!guestMemory) c.setGuestMemory(exports().memory as WebAssembly.Memory);
    await user.attach(instance);
    const start = init.start;
    if (start.kind === "thread" && start.stack) stackPointer()!.value = threadTls(start.stack);
    else if (start.kind === "main" && stackPointer() && guestMemory && typeof exports().__wasm_init_tls === "function") {
      threadTls((guestMemory.grow(1) + 1) * 65536); // a page of its own (the main stack is the linker's, below the heap)
    }
    k.ntw_thread_begin(); // waits while suspended (CREATE_SUSPENDED); unwinds if terminated already
    if (start.kind === "main") {
      const memory = guestMemory ?? (exports().memory as WebAssembly.Memory | undefined);
      writeCommandLine(k, memory, init.commandLine);
      if (isCGuest(exports()) && memory) code = runCMain(exports(), memory, start.entry);
      else runStart(exports(), start.entry, (r) => { code = r; });
    } else {
      const r = table()!.get(start.fn)!(start.param);
      code = typeof r === "number" ? r >>> 0 : 0;
    }
  } catch (e) {
    if (e instanceof ExitThreadSignal) { code = e.code; endsProcess = false; }
    else if (e instanceof ExitProcessSignal) { code = e.code; endsProcess = true; }
    else {
      k.ntw_thread_info(init.thread, scratch);
      if (c.kernelU32(scratch + 12)) { endsProcess = false; } // killed: the process is already ending
      else {
        crash = e instanceof Error ? e.message : String(e);
        code = crashCode(e);
        endsProcess = true;
      }
    }
  }
  if (endsProcess) k.ntw_process_exit(0, code);
  k.ntw_thread_exit(code);
  post({ t: "exit", thread: init.thread, code, endsProcess, crash });
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
 * guest runs, and tells the kernel where they are.
 */
function writeCommandLine(k: KernelExports, memory: WebAssembly.Memory | undefined, line: string): void {
  if (!memory) return;
  const utf8 = new TextEncoder().encode(line);
  const bytes = (line.length + 1) * 2 + utf8.length + 1;
  let base: number;
  try { base = memory.grow(Math.ceil(bytes / 65536)) * 65536; } catch { return; } // no room: GetCommandLine gives NULL
  const view = new DataView(memory.buffer);
  for (let i = 0; i < line.length; i++) view.setUint16(base + 2 * i, line.charCodeAt(i), true);
  view.setUint16(base + 2 * line.length, 0, true);
  const a = base + (line.length + 1) * 2;
  new Uint8Array(memory.buffer).set(utf8, a);
  view.setUint8(a + utf8.length, 0);
  k.ntw_set_cmdline(base, a);
}
