// Removing files whose deletion waited for their last handle (DeleteFileW of an open file,
// FILE_FLAG_DELETE_ON_CLOSE). That last close may be a CloseHandle bound straight to the kernel, or a
// process ending, with no JavaScript on the path, so the kernel only queues the path
// (Root.fileReaps, kernel/objects/file.ts) and still counts it as delete pending; the host removes it:
//
//   - every host thread drains the queue before each call it makes to the backend (`fs` below), and
//     waits for entries another thread is removing, so an operation that comes after a close (in
//     program order, or through any synchronisation) never sees the file;
//   - the host's main thread drains it whenever the kernel notifies the queue's head (`watch`, with
//     Atomics.waitAsync), so the backend catches up while no guest touches a file, and once more when
//     a process ends.
//
// Removing an entry: claim it (ntw_file_reap_take), unlink (rmdir for a directory) its path, hand it
// back (ntw_file_reap_done). Only the claimer touches the path, so a file made again at that name
// later is never removed by mistake. The kernel's calls for this use the host's lock, so a thread
// being terminated still hands back what it claimed.
import { KernelFailedError } from "../kernel-fault.ts";
import type { FileBackend } from "./backend.ts";

/** The kernel's queue exports (kernel/win32/file.ts). */
export interface ReapExports {
  ntw_file_reaps(): number;
  ntw_file_reap_take(force: number): number;
  ntw_file_reap_name(e: number, out: number): void;
  ntw_file_reap_len(e: number): number;
  ntw_file_reap_done(e: number): void;
}

export interface FileReaper {
  /** Removes every queued path; with `canBlock`, also waits for the ones other threads are removing. */
  drain(): void;
  /** Removes the path of claimed entry `e` and hands the entry back; then throws the backend's error, if any. */
  remove(e: number): void;
  /** The backend with a drain before every call. */
  readonly fs: FileBackend;
  /** Drains whenever the queue changes (Atomics.waitAsync, where there is one) until the returned function is called. */
  watch(): () => void;
}

/** Atomics.waitAsync (ES2024: Node 16+, Chromium 87+). */
type WaitAsync = (a: Int32Array, index: number, value: number) => { async: boolean; value: Promise<string> | string };

const METHODS = ["stat", "list", "create", "read", "write", "append", "truncate", "mkdir", "rmdir", "unlink", "rename",
  "setReadonly"] as const satisfies readonly (keyof FileBackend)[];

/** How long a thread waits for another one's claimed entry before taking it over (a claimer that died). */
const STALE_MS = 2000;

/**
 * `kernel`: the calling thread's kernel exports; `bytes`: kernel memory, a view that covers the
 * thread's `scratch`, where a path is copied (and put back as it was: a drain runs in the middle of a
 * call); `raw`: the backend; `canBlock`: the thread may sleep (a worker: true; the host's main thread,
 * which may be a page's: false).
 */
export function fileReaper(kernel: ReapExports, bytes: () => Uint8Array, scratch: number, raw: FileBackend,
  canBlock: boolean): FileReaper {
  let headWord: Int32Array | undefined;
  /** Root.fileReaps: low in kernel memory, so a view made once stays valid when the memory grows. */
  const head = () => (headWord ??= new Int32Array(bytes().buffer, kernel.ntw_file_reaps() >>> 0, 1));

  function remove(e: number): void {
    const n = kernel.ntw_file_reap_len(e) >>> 0, len = n & 0x7fffffff;
    const b = bytes(), saved = b.slice(scratch, scratch + 2 * len);
    kernel.ntw_file_reap_name(e, scratch);
    let path = "";
    for (let i = 0; i < len; i++) path += String.fromCharCode(b[scratch + 2 * i] | (b[scratch + 2 * i + 1] << 8));
    b.set(saved, scratch);
    let error: unknown;
    try {
      if (n >>> 31) raw.rmdir(path); else raw.unlink(path);
    } catch (err) { error = err; } finally { kernel.ntw_file_reap_done(e); }
    if (error !== undefined) throw error;
  }

  function drain(): void {
    if (Atomics.load(head(), 0) === 0) return;
    let since = 0;
    for (;;) {
      const stale = since !== 0 && Date.now() - since > STALE_MS;
      const e = kernel.ntw_file_reap_take(stale ? 1 : 0) >>> 0;
      if (e === 0) return;
      if (e === 1) { // all claimed by other threads: wait until they hand them back
        if (!canBlock) return;
        since ||= Date.now();
        const v = Atomics.load(head(), 0);
        if (v) Atomics.wait(head(), 0, v, 1);
        continue;
      }
      try { remove(e); } catch { /* removed already, or not removable (a directory that is not empty): nothing to do */ }
    }
  }

  const fs = {} as Record<string, unknown>;
  for (const m of METHODS) {
    const f = raw[m] as (...a: unknown[]) => unknown;
    fs[m] = (...a: unknown[]) => { drain(); return f.apply(raw, a); };
  }

  function watch(): () => void {
    let stopped = false;
    const wait = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;
    if (typeof wait !== "function") return () => {};
    const loop = (): void => {
      if (stopped) return;
      try { drain(); } catch (e) { if (e instanceof KernelFailedError) return; throw e; } // a failed kernel: over
      const r = wait(head(), 0, Atomics.load(head(), 0));
      void (r.async ? r.value as Promise<string> : Promise.resolve()).then(loop);
    };
    loop();
    return () => { stopped = true; Atomics.notify(head(), 0); };
  }

  return { drain, remove, fs: fs as unknown as FileBackend, watch };
}
