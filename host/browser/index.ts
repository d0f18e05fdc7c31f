// ntwasm in a web page: `import { boot } from "ntwasm/browser"` (dist/browser.mjs, with
// browser-worker.mjs and kernel.wasm next to it, or under boot({ assetsBase })). The page must be
// cross-origin isolated: served with
//   Cross-Origin-Opener-Policy: same-origin
//   Cross-Origin-Embedder-Policy: require-corp
// See docs/embedding.md.
import { Kernel, type BootOptions, type DirectoryEntry, type MemoryStats } from "../kernel.ts";
import type { WorkerPoolStats } from "../worker-pool.ts";
import type { GuestProcess, ProcessExit, SpawnOptions } from "../process.ts";
import type { KernelSnapshot } from "../snapshot.ts";
import type { WaitChain } from "../wait-chain.ts";
import type { WaitReport } from "../deadlock.ts";
import { FsError, type FileBackend, type FsErrorCode } from "../files/backend.ts";
import { parseWinPath } from "../files/path.ts";
import { browserPlatform, type BrowserPlatformOptions } from "./platform.ts";

export { Kernel, GuestError, type DirectoryEntry, type MemoryStats, type ProcessInfo } from "../kernel.ts";
export { GuestProcess, type ProcessExit } from "../process.ts";
export { GuestLinkError } from "../guest-imports.ts";
export { FsError, type FileBackend, type FileStat, type FsErrorCode } from "../files/backend.ts";
export type { KernelSnapshot, ObjectInfo, ProcessSnapshot, ThreadSnapshot, HandleInfo, WaitEdge } from "../snapshot.ts";
export type { WaitChain, WaitNode, WaitNodeType, WaitObjectNode, WaitThreadNode } from "../wait-chain.ts";
export { watchDeadlocks, type WaitReport } from "../deadlock.ts";
export { KernelFailedError } from "../kernel-fault.ts";
export { browserPlatform, AssetLoadError, type BrowserPlatformOptions } from "./platform.ts";
export * as abi from "../generated/abi.ts";

/** The response headers a page needs for SharedArrayBuffer and shared WebAssembly memory. */
export const REQUIRED_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
});

/** boot() on a page that is not cross-origin isolated. */
export class NotIsolatedError extends Error {
  constructor() {
    super("ntwasm needs a cross-origin isolated page (SharedArrayBuffer and shared WebAssembly memory). " +
      "Serve the page with these two HTTP response headers:\n" +
      "  Cross-Origin-Opener-Policy: same-origin\n" +
      "  Cross-Origin-Embedder-Policy: require-corp");
    this.name = "NotIsolatedError";
  }
}

/** Is this page able to run ntwasm (cross-origin isolated, with SharedArrayBuffer)? */
export function isIsolated(): boolean {
  return (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== false && typeof SharedArrayBuffer !== "undefined";
}

export interface BrowserBootOptions extends BrowserPlatformOptions, Pick<BootOptions, "workers" | "workerIdleMs" | "quotas"> {
  /** Files to put in C:\ before anything runs: path (e.g. "data\\in.txt" or "C:\\x.wasm") → contents. */
  files?: Record<string, Uint8Array | ArrayBuffer | string>;
}

/** A program to spawn: its bytes, a Blob or File, a fetch Response, or a URL to fetch it from. */
export type Program = Uint8Array | ArrayBuffer | Blob | Response | URL | string;

/** SpawnOptions as the browser takes them; `args[0]` defaults to the program's file name. */
export type BrowserSpawnOptions = Omit<SpawnOptions, "console">;

/**
 * Boots a kernel in this page. Throws NotIsolatedError when the page lacks the COOP/COEP headers, and
 * AssetLoadError (naming the URL) when kernel.wasm or browser-worker.mjs cannot be loaded.
 */
export async function boot(options: BrowserBootOptions = {}): Promise<BrowserKernel> {
  if (!isIsolated()) throw new NotIsolatedError();
  const kernel = await Kernel.boot(browserPlatform(options), { fs: "memory", workers: options.workers, workerIdleMs: options.workerIdleMs, quotas: options.quotas });
  const k = new BrowserKernel(kernel);
  for (const [path, data] of Object.entries(options.files ?? {})) k.addFile(path, data);
  return k;
}

/** The bytes of `program`, and a file name for it (for argv[0]). */
export async function loadProgram(program: Program): Promise<{ bytes: Uint8Array; name: string }> {
  if (program instanceof Uint8Array) return { bytes: program, name: "guest.wasm" };
  if (program instanceof ArrayBuffer) return { bytes: new Uint8Array(program), name: "guest.wasm" };
  if (typeof Blob !== "undefined" && program instanceof Blob) {
    const name = (program as File).name || "guest.wasm";
    return { bytes: new Uint8Array(await program.arrayBuffer()), name };
  }
  let response: Response;
  let url: URL;
  if (typeof Response !== "undefined" && program instanceof Response) {
    response = program;
    url = new URL(response.url || "guest.wasm", "file:///");
  } else {
    url = new URL(String(program), (globalThis as { location?: { href: string } }).location?.href);
    response = await fetch(url);
  }
  if (!response.ok) throw new Error(`ntwasm: cannot load ${url}: HTTP ${response.status}`);
  const last = url.pathname.split("/").pop() || "";
  let name = last;
  try { name = decodeURIComponent(last); } catch { /* keep it encoded */ }
  name ||= "guest.wasm";
  return { bytes: new Uint8Array(await response.arrayBuffer()), name };
}

function fsError(code: FsErrorCode, message: string): FsError {
  const e = new FsError(code);
  e.message = message;
  return e;
}

/** C:\-relative path ("dir/file") of a Windows or '/' path, for the FileBackend. */
function relPath(path: string): string {
  const r = parseWinPath(path, []);
  if ("error" in r) throw fsError("ENOENT", `not a valid path in C:\\: ${path}`);
  return r.parts.join("/");
}

export class BrowserKernel {
  constructor(
    /** The core kernel: spawn(bytes), run, snapshot, listDirectory, memoryStats, shutdown. */
    readonly kernel: Kernel,
  ) {}

  /**
   * C:\: the in-memory file system every guest thread of this kernel shares (host/files/memory.ts).
   * Paths are '/'-separated and relative to C:\ ("data/in.txt"); its lock never blocks the page.
   */
  get fs(): FileBackend { return this.kernel.fs; }

  /** Writes a file into C:\ (creating its directories), e.g. addFile("data\\in.txt", "hello"). */
  addFile(path: string, data: Uint8Array | ArrayBuffer | string): void {
    const rel = relPath(path);
    if (!rel) throw fsError("EISDIR", "C:\\ is a directory");
    const parts = rel.split("/");
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join("/");
      const st = this.fs.stat(dir);
      if (!st) this.fs.mkdir(dir);
      else if (!st.dir) throw fsError("ENOTDIR", `C:\\${dir.replace(/\//g, "\\")} is a file`);
    }
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data instanceof Uint8Array ? data : new Uint8Array(data);
    this.fs.create(rel, false, true);
    this.fs.write(rel, 0, bytes);
  }

  /** A file's contents, or null when there is no such file. */
  readFile(path: string): Uint8Array | null {
    const rel = relPath(path);
    const st = this.fs.stat(rel);
    if (!st || st.dir) return null;
    const out = new Uint8Array(st.size);
    let at = 0;
    while (at < out.length) {
      const n = this.fs.read(rel, at, out.subarray(at));
      if (n <= 0) break;
      at += n;
    }
    return out.subarray(0, at);
  }

  /** The names in a directory of C:\ (default: C:\ itself). */
  listFiles(dir = "C:\\"): string[] {
    return this.fs.list(relPath(dir));
  }

  /**
   * Starts a program as a new process. Output arrives through options.stdout / stderr as the guest
   * writes it; the returned process has `exited`, `kill()`, `writeStdin()` and `endStdin()`.
   */
  async spawn(program: Program, options: BrowserSpawnOptions = {}): Promise<GuestProcess> {
    const { bytes, name } = await loadProgram(program);
    return this.kernel.spawn(bytes, { ...options, args: options.args ?? [name] });
  }

  /** Runs a program to its end and returns its exit code and everything it wrote. */
  async run(program: Program, options: Omit<BrowserSpawnOptions, "stdout" | "stderr"> = {}): Promise<ProcessExit & { stdout: string; stderr: string }> {
    const { bytes, name } = await loadProgram(program);
    return this.kernel.run(bytes, { ...options, args: options.args ?? [name] });
  }

  /** Processes, threads, objects, handles and who waits on what, in one consistent picture. */
  snapshot(): KernelSnapshot { return this.kernel.snapshot(); }

  /** Kernel.waitChain: what thread `tid` waits for, who owns that, and so on. */
  waitChain(tid: number): WaitChain | null { return this.kernel.waitChain(tid); }

  /** Kernel.waitReport: every live thread's wait chain, worded, with the cycles. */
  waitReport(): WaitReport { return this.kernel.waitReport(); }

  /** Kernel.deadlocked: every live thread is blocked for good. */
  deadlocked(): boolean { return this.kernel.deadlocked(); }

  /** The entries of an object directory, e.g. "\\Sessions\\1\\BaseNamedObjects". */
  listDirectory(path: string): DirectoryEntry[] { return this.kernel.listDirectory(path); }

  memoryStats(): MemoryStats { return this.kernel.memoryStats(); }

  /** The parked workers threads and processes start on: how many are parked, starting and running. */
  workerPoolStats(): WorkerPoolStats { return this.kernel.workerPoolStats(); }

  /** Ends every process still running (their workers are stopped). */
  shutdown(): Promise<void> { return this.kernel.shutdown(); }
}
