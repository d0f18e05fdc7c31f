// The host's main-thread side of the worker pool (kernel/nt/workerpool.ts). Threads start on workers
// that are already up and parked in the kernel; this class only keeps the pool supplied:
//
// - it starts workers when the kernel's demand word says the pool is short (fewer parked or starting
//   than the target plus the starts waiting for a worker), watched with Atomics.waitAsync, so refilling
//   happens in the background and a busy main thread delays only the refill, never a thread start that
//   finds a parked worker;
// - it retires workers parked longer than the idle time beyond the target (ntw_pool_trim);
// - it tells every worker about each process that starts and ends (ProcessInit: the compiled module,
//   the memory, the arguments), so a worker handed a thread of any live process has what it needs;
// - it stops a worker whose thread was terminated but keeps running guest code (the grace in
//   host/process.ts), and reports the thread of a worker that was lost to its process.
import { unlessFailed } from "./kernel-fault.ts";
import type { Kernel } from "./kernel.ts";
import type { ThreadWorker } from "./platform.ts";
import { SLOT_STARTING, type HostMessage, type ProcessInit, type WorkerMessage } from "./protocol.ts";

/** The kernel's pool exports for the host's main thread (kernel/nt/workerpool.ts). */
export interface PoolExports {
  ntw_pool_setup(target: number, maxStarting: number): number;
  ntw_pool_grow(): number;
  ntw_pool_dispatch(thread: number, kind: number, fn: number, param: number, stack: number): number;
  ntw_pool_kill_thread(tid: number, out: number): number;
  ntw_pool_kill_process(process: number, out: number, max: number): number;
  ntw_pool_gone(slot: number, out: number): number;
  ntw_pool_trim(idleMs: number): number;
  ntw_pool_unqueue(out: number): number;
  ntw_pool_stats(out: number): void;
  ntw_pool_threads(process: number): number;
}

export interface WorkerPoolOptions {
  /** Parked workers kept ready for thread starts (default 2; 0: every start waits for a new worker). */
  workers?: number;
  /** A worker parked this long beyond the target is retired (default 30,000 ms). */
  idleMs?: number;
}

export interface WorkerPoolStats {
  /** Workers alive (parked, starting, or running a thread). */
  workers: number;
  parked: number;
  starting: number;
  /** Running a thread (or about to). */
  running: number;
  /** Thread starts waiting for a worker. */
  waiting: number;
  /** Parked workers the pool keeps ready. */
  target: number;
}

export const DEFAULT_WORKERS = 2;
export const DEFAULT_IDLE_MS = 30_000;

interface PoolWorker {
  slot: number;
  worker: ThreadWorker;
  /** Messages sent to it (PoolInit.mail). */
  mail: Int32Array;
  /** The host stopped it (its thread had been asked to end): losing it is no crash. */
  stopping: boolean;
  /** Its "fatal" message, if it sent one. */
  fatal?: string;
}

/** Atomics.waitAsync (ES2024: Node 16+, Chromium 87+). */
type WaitAsync = (a: Int32Array, index: number, value: number) => { async: boolean; value: Promise<string> | string };

/** Consecutive workers that died before parking once after which the pool stops starting more. */
const MAX_START_FAILURES = 3;

export class WorkerPool {
  private readonly workers = new Map<number, PoolWorker>();
  private readonly k: PoolExports;
  private readonly demand: Int32Array;
  private readonly maxStarting: number;
  private target: number;
  private idleMs: number;
  private refd = false;
  private stopped = false;
  private startFailures = 0;
  private trimTimer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly kernel: Kernel, options: WorkerPoolOptions) {
    this.k = kernel.exports as unknown as PoolExports;
    this.target = Math.max(0, Math.floor(options.workers ?? DEFAULT_WORKERS));
    this.idleMs = Math.max(0, options.idleMs ?? DEFAULT_IDLE_MS);
    this.maxStarting = Math.max(4, 2 * kernel.platform.cpus());
    const at = this.k.ntw_pool_setup(this.target, this.maxStarting) >>> 0;
    if (!at) throw new Error("the kernel is out of memory");
    this.demand = new Int32Array(kernel.memory.buffer, at, 1);
    this.watch();
    this.setTrim();
  }

  /** Starts the workers the kernel asks for (none when it has enough parked or starting). */
  private topUp(): void {
    if (this.stopped) return;
    if (this.startFailures >= MAX_START_FAILURES) { this.failWaiting(); return; }
    for (let slot = this.k.ntw_pool_grow() >>> 0; slot; slot = this.k.ntw_pool_grow() >>> 0) this.start(slot);
  }

  /** Tops up whenever the kernel bumps the demand word. */
  private watch(): void {
    const wait = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;
    const loop = (): void => {
      if (this.stopped) return;
      const seen = Atomics.load(this.demand, 0);
      unlessFailed(() => this.topUp());
      if (typeof wait === "function") {
        const r = wait(this.demand, 0, seen);
        void (r.async ? r.value as Promise<string> : Promise.resolve()).then(loop);
      } else {
        const t = setTimeout(loop, 2); // no waitAsync: look twice a millisecond... or so
        (t as { unref?: () => void }).unref?.();
      }
    };
    loop();
  }

  private setTrim(): void {
    if (this.trimTimer !== undefined) clearInterval(this.trimTimer);
    this.trimTimer = setInterval(() => unlessFailed(() => this.trim()), Math.max(100, Math.min(this.idleMs / 2, 5000)));
    (this.trimTimer as { unref?: () => void }).unref?.();
  }

  /** Retires the workers parked longer than the idle time beyond the target; they end by themselves. */
  private trim(): void {
    if (!this.stopped) while (this.k.ntw_pool_trim(this.idleMs)) { /* the worker wakes, ends, and is gone() */ }
  }

  private start(slot: number): void {
    const mail = new Int32Array(new SharedArrayBuffer(4));
    const entry: PoolWorker = { slot, mail, stopping: false, worker: undefined! };
    this.workers.set(slot, entry);
    const kernel = this.kernel;
    entry.worker = kernel.platform.startWorker({
      kernelModule: kernel.module, kernelMemory: kernel.memory, slot, root: kernel.root, dirs: kernel.dirs, memoryFs: kernel.memoryFs,
      processes: kernel.liveProcesses().map((p) => p.info), mail, faultBox: kernel.faultBox,
    }, {
      message: (m) => this.onMessage(entry, m),
      exit: () => this.gone(entry),
    });
    entry.worker.ref?.(this.refd);
  }

  private onMessage(entry: PoolWorker, m: WorkerMessage): void {
    this.startFailures = 0; // workers come up
    if (m.t === "kernelFault") entry.stopping = true; // it ends by itself: no thread of it was lost
    if (m.t === "fatal") entry.fatal = m.error;
    else if (m.t !== "retired") this.kernel.onWorkerMessage(m);
  }

  private gone(entry: PoolWorker): void {
    if (this.workers.get(entry.slot) !== entry) return;
    this.workers.delete(entry.slot);
    if (!this.stopped) unlessFailed(() => this.lost(entry));
  }

  /** A worker went away while the pool runs: its thread is lost, and another worker may be needed. */
  private lost(entry: PoolWorker): void {
    const out = this.kernel.scratchAddress;
    const state = this.k.ntw_pool_gone(entry.slot, out);
    const v = new DataView(this.kernel.memory.buffer, out, 12);
    const thread = v.getUint32(0, true), tid = v.getUint32(4, true), process = v.getUint32(8, true);
    if (thread) this.kernel.threadLost(process, thread, tid, entry.stopping, entry.fatal ?? "worker failed");
    else if (tid) this.kernel.reportLost(process, tid); // its thread had ended; the report may never come
    if (state === SLOT_STARTING && !entry.stopping) this.startFailures++;
    this.topUp();
  }

  /** Thread starts that no worker will take (the pool's workers fail to start): their processes crash. */
  private failWaiting(): void {
    const out = this.kernel.scratchAddress;
    while (this.k.ntw_pool_unqueue(out)) {
      const v = new DataView(this.kernel.memory.buffer, out, 12);
      this.kernel.threadLost(v.getUint32(8, true), v.getUint32(0, true), v.getUint32(4, true), false, "the pool's workers fail to start");
    }
  }

  /** Tells every worker (all of them, and every one started later) about a process that starts. */
  processStarted(info: ProcessInit): void { this.broadcast({ t: "process", info }); }

  /** Tells every worker a process has ended (they drop what they kept of it). */
  processEnded(process: number): void { this.broadcast({ t: "forget", process }); }

  private broadcast(m: HostMessage): void {
    for (const e of this.workers.values()) {
      Atomics.add(e.mail, 0, 1);
      e.worker.post(m);
    }
  }

  /** Hands a process's first thread (the host's reference on it) to a worker; false when it cannot wait for one. */
  startMain(thread: number, kind: number): boolean {
    return this.k.ntw_pool_dispatch(thread, kind, 0, 0, 0) !== 0;
  }

  /** Threads of `process` handed to workers so far (each one reports its end). */
  threadsOf(process: number): number { return this.k.ntw_pool_threads(process) >>> 0; }

  /** Stops the worker of thread `tid` if it still runs that thread, which has not ended. */
  stopThread(tid: number): void {
    const out = this.kernel.scratchAddress;
    if (this.k.ntw_pool_kill_thread(tid, out)) this.stopSlot(new DataView(this.kernel.memory.buffer, out, 4).getUint32(0, true));
  }

  /** Stops every worker that still runs a thread of `process` that has not ended. */
  stopProcess(process: number): void {
    const out = this.kernel.scratchAddress, max = 4096;
    const n = this.k.ntw_pool_kill_process(process, out, max) >>> 0;
    const v = new DataView(this.kernel.memory.buffer, out, 4 * Math.min(n, max));
    const slots = Array.from({ length: Math.min(n, max) }, (_, i) => v.getUint32(4 * i, true));
    for (const slot of slots) this.stopSlot(slot);
  }

  private stopSlot(slot: number): void {
    const e = this.workers.get(slot);
    if (!e) return;
    e.stopping = true;
    void e.worker.terminate();
  }

  /** Whether the workers keep the host's process alive (Node): while a guest process runs. */
  setRef(on: boolean): void {
    if (on === this.refd) return;
    this.refd = on;
    for (const e of this.workers.values()) e.worker.ref?.(on);
  }

  stats(): WorkerPoolStats {
    const out = this.kernel.scratchAddress;
    this.k.ntw_pool_stats(out);
    const v = new DataView(this.kernel.memory.buffer, out, 20);
    const [workers, parked, starting, waiting, target] = [0, 4, 8, 12, 16].map((o) => v.getUint32(o, true));
    return { workers, parked, starting, running: workers - parked - starting, waiting, target };
  }

  /** A new target (and idle time): more workers start now; those beyond it go after the idle time. */
  resize(options: WorkerPoolOptions): void {
    if (options.idleMs !== undefined) { this.idleMs = Math.max(0, options.idleMs); this.setTrim(); }
    if (options.workers !== undefined) {
      this.target = Math.max(0, Math.floor(options.workers));
      this.k.ntw_pool_setup(this.target, this.maxStarting);
    }
    this.trim();
  }

  /** Resolves once at least the target number of workers are parked. */
  async ready(): Promise<void> {
    while (!this.stopped && this.stats().parked < this.target) await new Promise((r) => setTimeout(r, 5));
  }

  /** Stops every worker (after the processes have ended). */
  async shutdown(): Promise<void> {
    this.stopped = true;
    if (this.trimTimer !== undefined) clearInterval(this.trimTimer);
    Atomics.add(this.demand, 0, 1);
    Atomics.notify(this.demand, 0); // ends the watch
    const all = [...this.workers.values()];
    this.workers.clear();
    await Promise.all(all.map((e) => e.worker.terminate()));
  }
}
