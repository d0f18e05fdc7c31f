// The browser platform: module Web Workers for the pool that runs guest threads (host/browser/worker.ts,
// bundled as browser-worker.mjs), kernel.wasm fetched once, the in-memory file system (there is no fileBackend,
// so Kernel.boot creates host/files/memory.ts's store and hands it to every worker), and output to
// callbacks. Nothing here blocks the page's main thread: workers do all the waiting, and the kernel's
// control instance, which runs on the main thread, only ever spins on the kernel lock.
import type { Platform, ThreadWorker, WorkerEvents } from "../platform.ts";
import type { PoolInit, WorkerMessage } from "../protocol.ts";

export interface BrowserPlatformOptions {
  /** kernel.wasm: a URL (default: next to this module), its bytes, or the compiled module. */
  kernel?: string | URL | BufferSource | WebAssembly.Module;
  /** The thread worker script (default: browser-worker.mjs next to this module). */
  workerUrl?: string | URL;
  /** Where a process's output goes when it was spawned without stdout / stderr callbacks (default: the console). */
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

/** Where this module is; `new URL(x, import.meta.url)` is also what bundlers look for to copy assets. */
const defaultKernelUrl = () => new URL("./kernel.wasm", import.meta.url);
const defaultWorkerUrl = () => new URL("./browser-worker.mjs", import.meta.url);

async function compileKernel(source: BrowserPlatformOptions["kernel"]): Promise<WebAssembly.Module> {
  if (source instanceof WebAssembly.Module) return source;
  if (source && typeof source !== "string" && !(source instanceof URL)) return WebAssembly.compile(source);
  const url = source ?? defaultKernelUrl();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`ntwasm: cannot load kernel.wasm from ${url}: HTTP ${response.status}`);
  // compileStreaming needs the server to say application/wasm; otherwise compile the bytes.
  if (response.headers.get("content-type")?.split(";")[0].trim() === "application/wasm") {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/** Collects text into lines for console.log / console.error. */
function lineSink(write: (line: string) => void): (text: string) => void {
  let pending = "";
  return (text) => {
    pending += text;
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) write(line);
  };
}

export function browserPlatform(options: BrowserPlatformOptions = {}): Platform {
  let kernel: Promise<WebAssembly.Module> | undefined;
  const workerUrl = options.workerUrl ?? defaultWorkerUrl();
  return {
    kernelModule() {
      kernel ??= compileKernel(options.kernel);
      return kernel;
    },
    cpus: () => navigator.hardwareConcurrency || 1,
    startWorker(init: PoolInit, events: WorkerEvents): ThreadWorker {
      const w = new Worker(workerUrl, { type: "module", name: `ntwasm worker ${init.slot}` });
      // A Web Worker does not say when it ends: the host ends it after its last message ("retired" or
      // "fatal"), or when it failed or was stopped, and reports it gone then.
      let gone = false;
      const finish = () => {
        if (gone) return;
        gone = true;
        w.terminate();
        events.exit();
      };
      w.onmessage = (e: MessageEvent<WorkerMessage>) => {
        if (gone) return;
        events.message(e.data);
        if (e.data.t === "retired" || e.data.t === "fatal") finish();
      };
      w.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        console.error(`ntwasm: worker ${workerUrl} failed: ${e.message || "it could not be loaded"}`);
        finish(); // a thread it ran is reported by its process as crashed
      };
      w.onmessageerror = () => finish();
      w.postMessage(init);
      return { post: (m) => { if (!gone) w.postMessage(m); }, terminate: async () => finish() };
    },
    // C:\ is the in-memory file system; the root only names it.
    defaultRoot: () => "/",
    stdout: options.stdout ?? lineSink((line) => console.log(line)),
    stderr: options.stderr ?? lineSink((line) => console.error(line)),
  };
}
