// A booted kernel: one shared kernel memory, kernel.wasm instantiated here (the host's control
// instance, running as the kernel's system thread) and once in every thread worker.
import { entryProblem, GuestLinkError } from "./guest-imports.ts";
import { instantiateKernel, type KernelExports } from "./kernel-exports.ts";
import { OBJECT_TYPE_NAMES, STATUS_BUFFER_TOO_SMALL, STATUS_SUCCESS } from "./generated/abi.ts";
import type { Platform } from "./platform.ts";
import { GuestProcess, KILL_GRACE_MS, type ProcessExit, type SpawnOptions } from "./process.ts";
import { isWasm, type MemoryImport } from "./wasm-module.ts";
import { checkTraceOptions } from "./trace-output.ts";
import { ModuleCache } from "./module-cache.ts";
import { START_MAIN, type WorkerMessage } from "./protocol.ts";
import { WorkerPool, type WorkerPoolOptions, type WorkerPoolStats } from "./worker-pool.ts";
import type { ChildProcess } from "./syscalls/process.ts";
import type { FileBackend } from "./files/backend.ts";
import { createMemoryFs, memoryFileBackend } from "./files/memory.ts";
import { mountBackend, mountPoint, type DirMount } from "./files/mounts.ts";
import { fileReaper, type FileReaper, type ReapExports } from "./files/reaper.ts";
import { decodeSnapshot, type KernelSnapshot } from "./snapshot.ts";
import { cycleKey, cycleNodes, cycleThreads, decodeWaitChain, type WaitChain } from "./wait-chain.ts";
import { FAULT_BOX_BYTES, guardExports, KernelFailedError, readFault, unlessFailed } from "./kernel-fault.ts";
import { waitReport, type WaitReport } from "./deadlock.ts";
import { CONSOLE_BACKLOG } from "./console-output.ts";
import { QUOTAS, type Quotas } from "./quotas.ts";

/** ntw_check's violation codes (kernel/check.ts CHECK_*): the area each names. */
const CHECK_AREAS: Record<number, string> = {
  1: "root", 2: "allocator", 3: "process", 4: "handle table", 5: "counts", 6: "thread", 7: "wait", 8: "mutex", 9: "namespace",
  10: "timers", 11: "pipe", 12: "keyed wait", 13: "object",
};

/** kernel.wasm's memory limits (asconfig.json): 1 MiB to start, up to 2 GiB. */
const KERNEL_PAGES = { initial: 16, maximum: 32768 };

export interface ProcessInfo { pid: number; exited: boolean; exitCode: number; threadCount: number; handleCount: number }
export interface MemoryStats {
  /** End of the kernel heap: memory the allocator has carved so far. */
  heapTop: number;
  /** Bytes allocated and not freed. */
  bytesInUse: number;
  liveObjects: number;
  liveThreads: number;
  liveProcesses: number;
  /** Where kernel state starts: everything below is kernel.wasm's read-only data. */
  rootAddress: number;
  /** How many times the kernel lock has been taken (wraps at 2^32): a path that stays out of the kernel leaves it alone. */
  lockEntries: number;
}
export interface DirectoryEntry { name: string; type: string }
export interface BootOptions {
  /** Host directory mapped to C:\ (default: the platform's, e.g. the current directory). */
  root?: string;
  /**
   * More host directories in the guest's drive, each at its own path under C:\ (`ntwasm run --dir`);
   * a read-only one refuses changes with ERROR_ACCESS_DENIED. Needs the host file system.
   */
  dirs?: DirMount[];
  /**
   * Where guests' files live: "host" (default where the platform has a file system) is `root` on the
   * host; "memory" is an in-memory file system shared by every thread of this kernel (host/files/memory.ts).
   */
  fs?: "host" | "memory";
  /**
   * Workers kept parked, with kernel.wasm instantiated, for thread and process starts (default 2).
   * A start that finds none waits for the next worker that comes up or frees up; the pool refills in
   * the background. 0 keeps none parked: every start then waits for a new worker.
   */
  workers?: number;
  /** A worker parked this long beyond `workers` is retired (default 30,000 ms). */
  workerIdleMs?: number;
  /**
   * Tests only: guests may call NtwInjectKernelFault, which traps inside the kernel with its lock held,
   * to see the kernel fail safely (host/kernel-fault.ts). Default false.
   */
  faultInjection?: boolean;
  /**
   * Resource limits (host/quotas.ts; docs/reliability.md), so that one process cannot starve the others:
   * past one, calls fail with the error Windows gives when its quota or pool runs out, or wait.
   */
  quotas?: Quotas;
}

/** How long the host waits, after a kernel fault, for the output of the thread that caused it. */
const FAIL_GRACE_MS = 500;

export class GuestError extends Error {
  constructor(message: string) { super(message); this.name = "GuestError"; }
}

export class Kernel {
  /** Live processes by kernel record. */
  private readonly processes = new Map<number, GuestProcess>();
  /** Programs spawned from the host, compiled once each. */
  private readonly modules = new ModuleCache();
  /** @internal The parked workers threads start on. */
  pool!: WorkerPool;
  /** @internal BootOptions.dirs: every worker mounts them too. */
  dirs: DirMount[] = [];
  /** @internal BootOptions.quotas.consoleBacklog: each console's (host/console-output.ts). */
  consoleBacklog!: number;

  private constructor(
    readonly platform: Platform,
    readonly module: WebAssembly.Module,
    readonly memory: WebAssembly.Memory,
    /** The control instance's exports (host side; it runs as the kernel's system thread). */
    readonly exports: KernelExports,
    private readonly scratch: number,
    /** Host directory mapped to C:\ for guests (where CreateProcessW finds programs). */
    readonly root: string,
    /** The in-memory file system's store, or null when C:\ is `root` on the host. */
    readonly memoryFs: WebAssembly.Memory | null,
    /** C:\ as the host sees it (to put files in place for guests, or look at what they wrote). */
    readonly fs: FileBackend,
    /** Removes the files whose deletion waited for a last handle (host/files/reaper.ts). */
    private readonly reaper: FileReaper,
    private readonly stopReaper: () => void,
    /** @internal Where the thread that fails the kernel says what happened (host/kernel-fault.ts). */
    readonly faultBox: SharedArrayBuffer,
  ) {}

  static async boot(platform: Platform, options: BootOptions = {}): Promise<Kernel> {
    if (typeof SharedArrayBuffer === "undefined") {
      throw new Error("ntwasm needs SharedArrayBuffer: serve the page with the headers " +
        "Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp");
    }
    const module = await platform.kernelModule();
    const memory = new WebAssembly.Memory({ ...KERNEL_PAGES, shared: true });
    const raw = await instantiateKernel(module, memory);
    // every host call goes through the guard: after a kernel fault it throws instead of trapping or spinning
    let kernel: Kernel | undefined;
    const faultBox = new SharedArrayBuffer(FAULT_BOX_BYTES);
    const exports = guardExports(raw, faultBox, () => kernel?.failure, () => kernel?.kernelFailed(), () => kernel?.down === true);
    exports.ntw_boot();
    if (options.faultInjection) exports.ntw_fault_injection(1);
    for (const q of QUOTAS) {
      const value = options.quotas?.[q.key];
      if (value === undefined) continue;
      if (!Number.isInteger(value) || value < 1 || value > q.max) throw new RangeError(`quotas.${q.key}: ${value} is not a count from 1 to ${q.max}`);
      if (q.kind !== undefined) exports.ntw_set_quota(q.kind, value);
    }
    exports.ntw_set_cpus(platform.cpus());
    const scratch = exports.ntw_attach(0);
    const root = options.root ?? platform.defaultRoot();
    const memoryFs = options.fs === "memory" || !platform.fileBackend ? createMemoryFs() : null;
    const dirs = options.dirs ?? [];
    for (const d of dirs) {
      const point = mountPoint(d.guest);
      if (typeof point !== "string") throw new Error(`dirs: ${d.guest}: ${point.error}`);
    }
    if (dirs.length && memoryFs) throw new Error("dirs: mapping host directories needs the host file system (not fs: \"memory\")");
    const fs = memoryFs ? memoryFileBackend(memoryFs) : mountBackend(platform.fileBackend!(root), dirs, (host) => platform.fileBackend!(host));
    // a file deleted while open goes at its last close, which the kernel only queues: this thread
    // removes it when the queue changes, when a process ends and before each call through `fs`
    const reaper = fileReaper(exports as KernelExports & ReapExports, () => new Uint8Array(memory.buffer), scratch, fs, false);
    kernel = new Kernel(platform, module, memory, exports, scratch, root, memoryFs, reaper.fs, reaper, reaper.watch(), faultBox);
    kernel.dirs = dirs;
    kernel.consoleBacklog = options.quotas?.consoleBacklog ?? CONSOLE_BACKLOG;
    kernel.pool = new WorkerPool(kernel, { workers: options.workers, idleMs: options.workerIdleMs });
    return kernel;
  }

  /** @internal The host's kernel scratch buffer (main thread only). */
  get scratchAddress(): number { return this.scratch; }

  /** Starts a guest program as a new process; its main thread runs `options.entry` or `main`. */
  async spawn(guest: Uint8Array, options: SpawnOptions = {}): Promise<GuestProcess> {
    if (options.trace && typeof options.trace === "object") checkTraceOptions(options.trace); // a bad area fails here, before anything starts
    if (!isWasm(guest)) throw new GuestError("not a WebAssembly module");
    let compiled;
    try { compiled = await this.modules.compile(guest); }
    catch (e) { throw new GuestError(`invalid WebAssembly module: ${(e as Error).message}`); }
    const { module, memory: mi, missing } = compiled;
    if (missing.length) throw new GuestLinkError(missing);
    if (compiled.badImport) throw new GuestError(compiled.badImport);
    const noEntry = entryProblem(module, options.entry);
    if (noEntry) throw new GuestError(noEntry);
    const record = this.exports.ntw_process_create();
    if (!record) throw new GuestError("the kernel is out of memory");
    const thread = this.exports.ntw_thread_create(record);
    if (!thread) {
      this.exports.ntw_object_release(record);
      throw new GuestError("no thread can start: the workers quota is reached, or the kernel is out of memory");
    }
    this.setEnvironment(record, options.env ?? {});
    return this.start(module, mi, record, thread, options, compiled.codeOffset);
  }

  /** Starts the first thread of a process whose kernel records exist. */
  private start(module: WebAssembly.Module, mi: MemoryImport | undefined, record: number, thread: number,
    options: SpawnOptions, codeOffset: number | undefined): GuestProcess {
    const shared = mi?.shared ? new WebAssembly.Memory({ initial: mi.initial, maximum: mi.maximum, shared: true }) : null;
    const p = new GuestProcess(this, record, module, shared, mi, options, codeOffset);
    this.processes.set(record, p);
    this.pool.setRef(true);
    this.pool.processStarted(p.info); // before its first thread can run anywhere
    if (!this.pool.startMain(thread, START_MAIN)) this.threadLost(record, thread, 0, false, "no worker for its main thread");
    return p;
  }

  /** @internal A guest's CreateProcessW: the child shares its parent's output and trace. */
  startChild(parent: SpawnOptions, child: ChildProcess): GuestProcess {
    if (child.env) {
      this.exports.ntw_process_env_clear(child.process);
      this.setEnvironment(child.process, child.env);
    }
    const env = child.env ?? parent.env;
    return this.start(child.module, child.memory, child.process, child.thread,
      { stdout: parent.stdout, stderr: parent.stderr, trace: parent.trace, console: parent.console, terminal: parent.terminal, args: child.args, env,
        commandLine: child.commandLine, imagePath: child.imagePath }, child.codeOffset);
  }

  /** @internal A guest's TerminateProcess: stops the workers of the process with kernel record `record`. */
  stopProcess(record: number): void {
    this.processes.get(record)?.stop();
  }

  /**
   * Set once the kernel has failed: a thread trapped inside it holding its lock (host/kernel-fault.ts).
   * Every process of the kernel has ended then, with STATUS_INTERNAL_ERROR, and every call throws this.
   */
  failure: KernelFailedError | undefined;
  /** shutdown() has stopped the workers: no call may enter the kernel again (KernelShutDownError). */
  private down = false;

  private failTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @internal The kernel failed: from now on every host call throws. The processes end, and the workers go,
   * once the worker of the thread that failed it has said so (its output before the fault comes first) or
   * after FAIL_GRACE_MS; meanwhile output still arrives. No kernel call is made.
   */
  kernelFailed(): void {
    if (this.failure) return;
    const f = readFault(this.faultBox);
    const where = !f ? "" : f.tid ? ` (thread ${f.tid} of process ${this.processes.get(f.process)?.pid ?? "?"})` : " (a host call)";
    this.failure = new KernelFailedError((f?.message ?? "the kernel failed") + where);
    this.stopReaper();
    if (!f?.tid) this.finishFailure();
    else this.failTimer = setTimeout(() => this.finishFailure(), FAIL_GRACE_MS);
  }

  private finishFailure(): void {
    if (this.failTimer !== undefined) clearTimeout(this.failTimer);
    this.failTimer = undefined;
    void this.pool.shutdown();
    const all = [...this.processes.values()];
    this.processes.clear();
    for (const p of all) p.kernelFailed(this.failure!);
  }

  /** @internal A message from a pool worker. */
  onWorkerMessage(m: WorkerMessage): void {
    if (!this.failure) { unlessFailed(() => this.handleWorkerMessage(m)); return; }
    // a failed kernel: output still arrives until the thread that failed it says so (kernelFailed)
    if (m.t === "out") unlessFailed(() => this.processes.get(m.process)?.onMessage(m));
    else if (m.t === "kernelFault" && m.tid === readFault(this.faultBox)?.tid) this.finishFailure();
  }

  private handleWorkerMessage(m: WorkerMessage): void {
    switch (m.t) {
      case "kernelFault":
        this.kernelFailed();
        if (m.tid === readFault(this.faultBox)?.tid) this.finishFailure();
        break;
      case "terminate": // TerminateThread: the kernel ended the thread; its worker goes if it keeps running guest code
        setTimeout(() => unlessFailed(() => this.pool.stopThread(m.tid)), KILL_GRACE_MS);
        break;
      case "terminateProcess":
        this.stopProcess(m.process);
        break;
      case "out": case "exit": case "process":
        this.processes.get(m.process)?.onMessage(m);
        break;
    }
  }

  /** @internal The worker of thread `thread` of process `process` was lost (host/worker-pool.ts). */
  threadLost(process: number, thread: number, tid: number, stopped: boolean, why: string): void {
    if (this.failure) return;
    const p = this.processes.get(process);
    if (p) { p.threadLost(thread, tid, stopped, why); return; }
    this.exports.ntw_thread_terminated(thread, 0);
    this.exports.ntw_object_release(thread);
  }

  /** @internal The worker that owed the end report of thread `tid` of `process` is gone. */
  reportLost(process: number, tid: number): void {
    this.processes.get(process)?.reportLost(tid);
  }

  /** @internal The processes alive now. */
  liveProcesses(): GuestProcess[] { return [...this.processes.values()]; }

  /** The worker pool: how many workers are parked, starting and running threads. */
  workerPoolStats(): WorkerPoolStats { return this.pool.stats(); }

  /** Changes how many workers the pool keeps parked (and their idle time); `ready` waits until they are. */
  resizeWorkerPool(options: WorkerPoolOptions): void { this.pool.resize(options); }

  /** Resolves once the pool has its target number of workers parked. */
  workerPoolReady(): Promise<void> { return this.pool.ready(); }

  /**
   * @internal Feeds bytes to input console `console` (kernel record), or ends its input (null). Returns
   * how many it took: the rest waits while the console's ring is full (or kernel memory short).
   */
  feedConsole(console: number, bytes: Uint8Array | null): number {
    if (!bytes) { this.exports.ntw_console_feed(console, 0, -1); return 0; }
    const chunk = 0x10000;
    let at = 0;
    for (; at < bytes.length; at += chunk) {
      const part = bytes.subarray(at, at + chunk);
      new Uint8Array(this.memory.buffer).set(part, this.scratch);
      if (!this.exports.ntw_console_feed(console, this.scratch, part.length)) break;
    }
    return Math.min(at, bytes.length);
  }

  /** Sets environment variables of process `record` in the kernel. */
  private setEnvironment(record: number, env: Record<string, string>): void {
    const s = this.scratch;
    for (const [name, value] of Object.entries(env)) {
      const view = new DataView(this.memory.buffer);
      const text = name + value;
      if (text.length * 2 > 0x10000) continue; // longer than a Windows environment variable may be
      for (let i = 0; i < text.length; i++) view.setUint16(s + 2 * i, text.charCodeAt(i), true);
      this.exports.ntw_process_env_set(record, s, name.length, s + 2 * name.length, value.length);
    }
  }

  /** Runs a guest to its end, collecting its output. */
  async run(guest: Uint8Array, options: Omit<SpawnOptions, "stdout" | "stderr"> = {}): Promise<ProcessExit & { stdout: string; stderr: string }> {
    let stdout = "", stderr = "";
    const p = await this.spawn(guest, { ...options, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
    const exit = await p.exited;
    return { ...exit, stdout, stderr };
  }

  /** @internal */
  processEnded(p: GuestProcess): void {
    this.processes.delete(p.record);
    this.pool.processEnded(p.record);
    if (!this.processes.size) this.pool.setRef(false);
    this.reaper.drain(); // its last handles may have been the last of a file deleted while open
  }

  private u32(k: number): number { return new DataView(this.memory.buffer).getUint32(k, true); }

  processInfo(record: number): ProcessInfo {
    this.exports.ntw_process_info(record, this.scratch);
    const s = this.scratch;
    return { pid: this.u32(s), exited: this.u32(s + 4) !== 0, exitCode: this.u32(s + 8), threadCount: this.u32(s + 12), handleCount: this.u32(s + 16) };
  }

  memoryStats(): MemoryStats {
    this.exports.ntw_memory_stats(this.scratch);
    const s = this.scratch;
    return { heapTop: this.u32(s), bytesInUse: this.u32(s + 4), liveObjects: this.u32(s + 8), liveThreads: this.u32(s + 12), liveProcesses: this.u32(s + 16), rootAddress: this.u32(s + 24), lockEntries: this.u32(s + 28) };
  }

  /**
   * Runs the kernel invariant checker (kernel/check.ts, one critical section): null when every rule holds,
   * else the first violation, e.g. "wait: thread 40: wait entry 0 for object 0x12340 is not linked ...".
   */
  checkKernel(): string | null {
    const cap = 512;
    const code = this.exports.ntw_check(this.scratch, cap) >>> 0;
    if (!code) return null;
    const bytes = new Uint8Array(this.memory.buffer, this.scratch, cap);
    const end = bytes.indexOf(0);
    const text = String.fromCharCode(...bytes.subarray(0, end < 0 ? cap : end));
    return `${CHECK_AREAS[code] ?? `violation ${code}`}: ${text}`;
  }

  /** Processes, threads, objects, handles and who waits on what, in one consistent picture; then the cycles of waits. */
  snapshot(): KernelSnapshot {
    const snap = this.snapshotOnly();
    const seen = new Set<string>();
    for (const t of snap.threads) {
      if (t.exited || !t.waitingOn.length) continue;
      const chain = this.waitChain(t.tid);
      const nodes = chain && cycleNodes(chain);
      if (!nodes) continue;
      const tids = cycleThreads(nodes), key = cycleKey(tids);
      if (!seen.has(key)) { seen.add(key); snap.cycles.push(tids); }
    }
    return snap;
  }

  /**
   * The wait chain of thread `tid` (NtwGetThreadWaitChain's, from the host): the thread, what it waits
   * for, the owner of that, and so on; null when no live thread has that id.
   */
  waitChain(tid: number): WaitChain | null {
    const r = this.exports.ntw_wait_chain(tid, this.scratch, 16);
    return r ? decodeWaitChain(this.memory.buffer, this.scratch, r) : null;
  }

  /** Every live thread is blocked for good (no timeout, timer or console input can end a wait): nothing will run again. */
  deadlocked(): boolean { return this.exports.ntw_deadlocked() !== 0; }

  /** @internal Kernel lock entries so far: unchanged between two looks, no thread entered the kernel. */
  lockEntries(): number { return this.exports.ntw_lock_entries() >>> 0; }

  /** The image name of live process `pid`, when this host started it. */
  processName(pid: number): string | undefined {
    for (const p of this.processes.values()) if (p.pid === pid) return p.info.imagePath.replace(/^.*\\/, "");
    return undefined;
  }

  /** Every live thread's wait chain, worded (docs/debugging.md): what `ntwasm run` prints on a deadlock and on SIGQUIT. */
  waitReport(): WaitReport { return waitReport(this); }

  private snapshotOnly(): KernelSnapshot {
    let size = 0x10000;
    for (;;) {
      const buf = this.exports.ntw_alloc(size);
      if (!buf) throw new Error("the kernel is out of memory");
      const need = this.exports.ntw_snapshot(buf, size);
      const bytes = need <= size ? new Uint8Array(this.memory.buffer).slice(buf, buf + need) : undefined;
      this.exports.ntw_free(buf, size);
      if (bytes) return decodeSnapshot(bytes);
      size = need + 0x1000; // it grew meanwhile? try again with room to spare
    }
  }

  /** The entries of an object directory, e.g. "\\Sessions\\1\\BaseNamedObjects". */
  listDirectory(path: string): DirectoryEntry[] {
    const k = this.exports;
    const s = this.scratch;
    const view = () => new DataView(this.memory.buffer);
    for (let i = 0; i < path.length; i++) view().setUint16(s + 32 + 2 * i, path.charCodeAt(i), true);
    const nameAt = s + 32 + 2 * path.length + 8, cap = 32767;
    const entries: DirectoryEntry[] = [];
    for (let index = 0; ; index++) {
      const st = k.QueryObjectDirectory(s + 32, path.length, index, nameAt, cap, s, s + 4) >>> 0;
      if (st !== STATUS_SUCCESS && st !== STATUS_BUFFER_TOO_SMALL) break;
      const len = this.u32(s);
      let name = "";
      for (let j = 0; j < len; j++) name += String.fromCharCode(view().getUint16(nameAt + 2 * j, true));
      entries.push({ name, type: OBJECT_TYPE_NAMES[this.u32(s + 4)] ?? "?" });
    }
    return entries;
  }

  /** Ends every process still running. */
  async shutdown(): Promise<void> {
    if (this.failure) { await this.pool.shutdown(); return; } // everything has ended already, with no kernel call
    const running = [...this.processes.values()];
    for (const p of running) p.kill(1);
    await Promise.all(running.map((p) => p.exited));
    this.stopReaper();
    this.down = true; // before the workers stop: one may hold the lock when it is stopped
    await this.pool.shutdown();
  }
}
