// The browser platform: module Web Workers for the pool that runs guest threads (host/browser/worker.ts,
// bundled as browser-worker.mjs), kernel.wasm fetched once, the in-memory file system (there is no fileBackend,
// so Kernel.boot creates host/files/memory.ts's store and hands it to every worker), and output to
// callbacks. Nothing here blocks the page's main thread: workers do all the waiting, and the kernel's
// control instance, which runs on the main thread, only ever spins on the kernel lock.
//
// Where the two files are: next to this module by default, through `new URL("./…", import.meta.url)`,
// the pattern Vite (and webpack 5, Parcel) recognise to copy them into a build; or under `assetsBase`;
// or wherever `kernel` / `workerUrl` say. A file that does not load (a 404, an HTML page instead of it,
// the wrong MIME type for the worker) makes boot() throw an AssetLoadError that names the URL.
import type { Platform, ThreadWorker, WorkerEvents } from "../platform.ts";
import type { PoolInit, WorkerMessage } from "../protocol.ts";
import { handOver } from "../console-output.ts";

export interface BrowserPlatformOptions {
  /**
   * Where kernel.wasm and browser-worker.mjs are, as a directory URL (resolved against the page), e.g.
   * "/static/ntwasm/". Default: next to this module (import.meta.url). `kernel` and `workerUrl` override it.
   */
  assetsBase?: string | URL;
  /** kernel.wasm: a URL (default: next to this module, or under assetsBase), its bytes, or the compiled module. */
  kernel?: string | URL | BufferSource | WebAssembly.Module;
  /** The thread worker script (default: browser-worker.mjs next to this module, or under assetsBase). */
  workerUrl?: string | URL;
  /**
   * Where a process's output goes when it was spawned without stdout / stderr callbacks (default: the
   * console). A returned promise holds the guest's writes back, past the consoleBacklog quota, until it settles.
   */
  stdout?: (text: string) => unknown;
  stderr?: (text: string) => unknown;
}

/** One of ntwasm's own files (kernel.wasm, browser-worker.mjs) could not be loaded from `url`. */
export class AssetLoadError extends Error {
  constructor(
    /** "kernel.wasm" or "browser-worker.mjs". */
    readonly asset: string,
    /** Where it was looked for. */
    readonly url: string,
    /** What went wrong, e.g. "HTTP 404 Not Found". */
    readonly reason: string,
  ) {
    super(`ntwasm: cannot load ${asset} from ${url}: ${reason}. ${hint(url)}`);
    this.name = "AssetLoadError";
  }
}

function hint(url: string): string {
  if (/\/\.vite\/deps\//.test(url)) {
    return "Vite pre-bundled ntwasm, which moves it away from its files: add optimizeDeps: { exclude: [\"ntwasm\"] } to vite.config.";
  }
  return "Serve kernel.wasm and browser-worker.mjs from the ntwasm package's dist/ at that place (next to the " +
    "bundle that holds ntwasm/browser), or tell boot() where they are: boot({ assetsBase: \"/url/of/their/directory/\" }). " +
    "See \"Files\" in ntwasm's docs/embedding.md.";
}

type Asset = "kernel.wasm" | "browser-worker.mjs";

/** The page's URL, which relative URLs are resolved against. */
function pageUrl(): string | undefined {
  const g = globalThis as { document?: { baseURI?: string }; location?: { href: string } };
  return g.document?.baseURI ?? g.location?.href;
}

/**
 * Where an asset is by default. Each `new URL("./…", import.meta.url)` is written out in full: that
 * exact pattern is what bundlers look for to copy the file and rewrite the URL.
 */
function defaultUrl(asset: Asset, assetsBase: string | URL | undefined): URL {
  if (assetsBase !== undefined) {
    let base = String(assetsBase);
    if (!base.endsWith("/")) base += "/";
    return new URL(asset, new URL(base, pageUrl()));
  }
  try {
    return asset === "kernel.wasm"
      ? new URL("./kernel.wasm", import.meta.url)
      : new URL("./browser-worker.mjs", import.meta.url);
  } catch {
    throw new AssetLoadError(asset, "(unknown)", "ntwasm/browser cannot tell where it was loaded from (import.meta.url " +
      "is not there: was it bundled into a classic script rather than an ES module?)");
  }
}

const mimeType = (r: Response) => r.headers.get("content-type")?.split(";")[0].trim().toLowerCase() ?? "";

async function get(asset: Asset, url: URL | string): Promise<Response> {
  let response: Response;
  try { response = await fetch(url); }
  catch (e) { throw new AssetLoadError(asset, String(url), `the request failed (${(e as Error).message})`); }
  if (!response.ok) {
    void response.body?.cancel().catch(() => {});
    throw new AssetLoadError(asset, String(url), `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
  }
  return response;
}

const notWasm = (type: string) => type === "text/html"
  ? "the server answered with an HTML page, not WebAssembly (a 404 page, or a single-page app's index.html?)"
  : `the server answered with ${type || "something"} that is not WebAssembly`;

async function compileKernel(source: BrowserPlatformOptions["kernel"], assetsBase: BrowserPlatformOptions["assetsBase"]): Promise<WebAssembly.Module> {
  if (source instanceof WebAssembly.Module) return source;
  if (source && typeof source !== "string" && !(source instanceof URL)) return WebAssembly.compile(source);
  const url = source === undefined ? defaultUrl("kernel.wasm", assetsBase) : new URL(String(source), pageUrl());
  const response = await get("kernel.wasm", url);
  const type = mimeType(response);
  if (type === "text/html") {
    void response.body?.cancel().catch(() => {});
    throw new AssetLoadError("kernel.wasm", String(url), notWasm(type));
  }
  // compileStreaming needs the server to say application/wasm; otherwise compile the bytes.
  if (type === "application/wasm") {
    try { return await WebAssembly.compileStreaming(response); }
    catch (e) { throw new AssetLoadError("kernel.wasm", String(url), `it is not a valid kernel.wasm (${(e as Error).message})`); }
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new AssetLoadError("kernel.wasm", String(url), notWasm(type));
  }
  try { return await WebAssembly.compile(bytes); }
  catch (e) { throw new AssetLoadError("kernel.wasm", String(url), `it is not a valid kernel.wasm (${(e as Error).message})`); }
}

/**
 * Fetches the worker script once before the first worker starts: a Worker that cannot load its script
 * only fires an `error` event without a reason, so a 404 or a wrong MIME type is found here instead,
 * with the URL and the status. (The browser's cache usually serves the Worker's own request.)
 */
async function checkWorker(url: URL | string): Promise<void> {
  const response = await get("browser-worker.mjs", url);
  const type = mimeType(response);
  void response.body?.cancel().catch(() => {});
  if (type && !/^(text|application)\/(x-)?(javascript|ecmascript)$/.test(type)) {
    throw new AssetLoadError("browser-worker.mjs", String(url), type === "text/html"
      ? "the server answered with an HTML page, not the script (a 404 page, or a single-page app's index.html?)"
      : `the server sent it as ${type}, and a module worker needs a JavaScript MIME type (text/javascript)`);
  }
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
  const workerUrl = options.workerUrl === undefined
    ? defaultUrl("browser-worker.mjs", options.assetsBase)
    : new URL(String(options.workerUrl), pageUrl());
  let reported = false;
  const stdout = options.stdout ?? lineSink((line) => console.log(line));
  const stderr = options.stderr ?? lineSink((line) => console.error(line));
  return {
    kernelModule() {
      // Both files are checked before boot() returns, so a missing one fails there, by name.
      kernel ??= Promise.all([compileKernel(options.kernel, options.assetsBase), checkWorker(workerUrl)]).then(([m]) => m);
      return kernel;
    },
    cpus: () => navigator.hardwareConcurrency || 1,
    startWorker(init: PoolInit, events: WorkerEvents): ThreadWorker {
      const w = new Worker(workerUrl, { type: "module", name: `ntwasm worker ${init.slot}` });
      // A Web Worker does not say when it ends: the host ends it after its last message ("retired" or
      // "fatal"), or when it failed or was stopped, and reports it gone then.
      let gone = false, heard = false;
      const finish = () => {
        if (gone) return;
        gone = true;
        w.terminate();
        events.exit();
      };
      w.onmessage = (e: MessageEvent<WorkerMessage>) => {
        heard = true;
        if (gone) return;
        events.message(e.data);
        if (e.data.t === "retired" || e.data.t === "fatal") finish();
      };
      w.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        if (!heard) {
          // It never ran: its script did not load or failed at once (the pool gives up after a few).
          if (!reported) {
            reported = true;
            console.error(`ntwasm: the worker script ${workerUrl} did not start${e.message ? ` (${e.message})` : ""}. ` +
              "Guest threads cannot run until it does. Check that it is served as text/javascript from the same " +
              "origin, or tell boot() where it is (assetsBase, workerUrl); see docs/embedding.md.");
          }
        } else {
          console.error(`ntwasm: worker ${workerUrl} failed: ${e.message || "no reason given"}`);
        }
        finish(); // a thread it ran is reported by its process as crashed
      };
      w.onmessageerror = () => finish();
      w.postMessage(init);
      return { post: (m) => { if (!gone) w.postMessage(m); }, terminate: async () => finish() };
    },
    // C:\ is the in-memory file system; the root only names it.
    defaultRoot: () => "/",
    stdout: (text, done) => handOver(stdout, text, () => done?.(false)),
    stderr: (text, done) => handOver(stderr, text, () => done?.(false)),
  };
}
