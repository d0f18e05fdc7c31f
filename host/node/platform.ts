// The Node platform: worker_threads for the pool's workers, kernel.wasm next to this bundle.
import "./v8-flags.ts";
import { Worker } from "node:worker_threads";
import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import type { Platform, ThreadWorker, WorkerEvents } from "../platform.ts";
import type { PoolInit } from "../protocol.ts";
import { nodeFileBackend } from "./file-backend.ts";

let kernel: Promise<WebAssembly.Module> | undefined;

const quiet = new WeakSet<NodeJS.WriteStream>();

/**
 * Writes to process.stdout / stderr; `done` once the text is written out (Platform.stdout). A reader
 * that went away (`ntwasm run x | head -1`: EPIPE) is no error of ours: no stack trace; `done(true)`
 * tells the process, whose later writes then fail.
 */
function write(stream: NodeJS.WriteStream, text: string | Uint8Array, done?: (closed: boolean) => void): void {
  if (!quiet.has(stream)) { quiet.add(stream); stream.on("error", () => {}); }
  if (stream.destroyed || stream.writableEnded) { done?.(true); return; }
  stream.write(text, (e) => done?.(!!e));
}

export const nodePlatform: Platform = {
  kernelModule() {
    kernel ??= readFile(new URL("./kernel.wasm", import.meta.url)).then((b) => WebAssembly.compile(b));
    return kernel;
  },
  startWorker(init: PoolInit, events: WorkerEvents): ThreadWorker {
    // Its stdout and stderr are forwarded by hand: Node's own forwarding pipes each worker's streams into
    // process.stdout / stderr, one more 'error' listener there per worker (a warning past 10 workers).
    const w = new Worker(new URL("./worker.mjs", import.meta.url), { workerData: init, stdout: true, stderr: true });
    w.stdout.on("data", (d: Buffer) => write(process.stdout, d));
    w.stderr.on("data", (d: Buffer) => write(process.stderr, d));
    w.on("message", (m) => events.message(m));
    w.on("error", () => {}); // reported through exit: a thread it ran is treated as crashed
    w.on("exit", () => events.exit());
    return {
      post: (m) => w.postMessage(m),
      terminate: async () => { await w.terminate(); },
      ref: (on) => { if (on) w.ref(); else w.unref(); },
    };
  },
  cpus: () => availableParallelism(),
  defaultRoot: () => process.cwd(),
  fileBackend: (root) => nodeFileBackend(root),
  stdout: (text, done) => write(process.stdout, text, done),
  stderr: (text, done) => write(process.stderr, text, done),
  terminal: () => process.stdout.isTTY ? { columns: process.stdout.columns || 80, rows: process.stdout.rows || 25 } : undefined,
};
