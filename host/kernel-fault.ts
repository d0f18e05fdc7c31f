// A kernel fault: a guest thread (or the host's own calls) trapped inside kernel.wasm while holding the
// kernel lock, so the kernel's state may be half changed and nobody may take the lock again. The thread
// marks the kernel failed (ntw_fail: the lock word becomes LOCK_FAILED, and every thread that waits for
// the lock, or asks for it later, traps too instead of spinning for ever), its worker reports the fault
// ("kernel fault in ReadFile: remainder by zero") and ends; the host then ends every worker and process
// of that kernel without another kernel call (Kernel.failure), and every later call of the host API
// throws the KernelFailedError. docs/debugging.md.

/** kernel/lib/lock.ts LOCK_FAILED. */
export const LOCK_FAILED = -1;
/** The exit code of every process of a failed kernel. */
export const STATUS_INTERNAL_ERROR = 0xc00000e5;

export class KernelFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KernelFailedError";
  }
}

interface LockExports { ntw_lock_word(): number; ntw_fail(): void }

/**
 * Where the thread that failed the kernel leaves what happened, before it marks the kernel failed, so
 * that whoever notices the failure first (another worker, the host) tells the same story:
 * [written, tid, process record, byte length, UTF-8 message...]. One per kernel, shared by its workers.
 */
export const FAULT_BOX_BYTES = 2048;

function writeFault(box: SharedArrayBuffer, tid: number, process: number, message: string): void {
  const head = new Int32Array(box, 0, 4);
  if (Atomics.load(head, 0)) return;
  const bytes = new TextEncoder().encode(message).subarray(0, FAULT_BOX_BYTES - 16);
  new Uint8Array(box, 16).set(bytes);
  head[1] = tid; head[2] = process; head[3] = bytes.length;
  Atomics.store(head, 0, 1);
}

/** What the thread that failed the kernel wrote, if it did. */
export function readFault(box: SharedArrayBuffer): { tid: number; process: number; message: string } | undefined {
  const head = new Int32Array(box, 0, 4);
  if (!Atomics.load(head, 0)) return undefined;
  const message = new TextDecoder().decode(new Uint8Array(box, 16, head[3]).slice());
  return { tid: head[1], process: head[2], message };
}

/**
 * The kernel function a trap came from, by its stack (kernel.wasm keeps its name section, whose names are
 * the AssemblyScript paths, kernel/...): the outermost kernel frame, the entry point the caller called.
 */
export function kernelEntryOf(e: unknown): string | undefined {
  const stack = e instanceof Error ? e.stack ?? "" : "";
  let outer: string | undefined;
  for (const m of stack.matchAll(/^\s*at (kernel\/\S+) \(wasm:/gm)) outer = m[1];
  return outer?.replace(/^.*\//, "");
}

/**
 * After thread `tid` of process record `process` (both 0: the host's control instance) trapped with `e`:
 * true when the kernel has failed. When this trap was inside the kernel with the lock held, this thread
 * writes what happened into `box` and marks the kernel failed; when another thread's fault came first,
 * this thread trapped asking for the failed lock. False: the lock is not this thread's, a guest fault.
 */
export function kernelFaulted(k: LockExports, box: SharedArrayBuffer, tid: number, process: number, e: unknown): boolean {
  const word = k.ntw_lock_word() | 0;
  if (word === LOCK_FAILED) return true;
  if ((word & ~1) !== ((tid | 2) | 0)) return false;
  const why = e instanceof Error ? e.message : String(e);
  writeFault(box, tid, process, `kernel fault in ${kernelEntryOf(e) ?? "a kernel call"}: ${why}`);
  k.ntw_fail();
  return true;
}

/**
 * The control instance's exports, guarded: once the kernel has failed every call throws `failure()`; a
 * call that traps inside the kernel with the lock held, or finds it failed, fails the kernel
 * (`onFault`) and throws too.
 */
export function guardExports<T extends object>(raw: T, box: SharedArrayBuffer, failure: () => KernelFailedError | undefined,
  onFault: () => void, down: () => boolean): T {
  const k = raw as unknown as LockExports;
  const guarded: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(raw)) {
    if (typeof v !== "function") { guarded[name] = v; continue; }
    const fn = v as (...a: unknown[]) => unknown;
    guarded[name] = (...args: unknown[]) => {
      const failed = failure();
      if (failed) throw failed;
      if (down()) throw new KernelShutDownError();
      try { return fn(...args); }
      catch (e) {
        if (!kernelFaulted(k, box, 0, 0, e)) throw e;
        onFault();
        throw failure() ?? e;
      }
    };
  }
  return guarded as T;
}

/**
 * A call into a kernel after its shutdown(): its workers were stopped wherever they were, maybe holding
 * the kernel lock, so nothing may enter it again (a late timer of the host's would spin for ever).
 */
export class KernelShutDownError extends Error {
  constructor() {
    super("the kernel has been shut down");
    this.name = "KernelShutDownError";
  }
}

/** Runs `f`, swallowing what a failed or shut-down kernel throws (host event handlers: nothing is left to do). */
export function unlessFailed(f: () => void): void {
  try { f(); } catch (e) { if (!(e instanceof KernelFailedError) && !(e instanceof KernelShutDownError)) throw e; }
}
