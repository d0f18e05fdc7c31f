// Browser worker entry (bundled as dist/browser-worker.mjs, started as a module worker): one pool
// worker (host/thread-runtime.ts), which runs guest threads one after another until the pool retires
// it. The page posts its PoolInit as the first message and the main thread's HostMessages after it;
// the worker's messages go back to the page, which ends the worker after "retired" or "fatal".
import { runPoolWorker } from "../thread-runtime.ts";
import type { HostMessage, PoolInit, WorkerMessage } from "../protocol.ts";

interface WorkerScope {
  onmessage: ((e: MessageEvent<PoolInit | HostMessage>) => void) | null;
  postMessage(m: WorkerMessage): void;
  close(): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (e) => {
  const init = e.data as PoolInit;
  const post = (m: WorkerMessage) => scope.postMessage(m);
  const early: HostMessage[] = [];
  let handler: ((m: HostMessage) => void) | null = null;
  scope.onmessage = (m) => { const msg = m.data as HostMessage; if (handler) handler(msg); else early.push(msg); };
  // No platform file system: the worker uses the kernel's in-memory one (init.memoryFs).
  runPoolWorker(init, post, (h) => { handler = h; for (const m of early.splice(0)) h(m); }, null).then(
    () => { post({ t: "retired" }); scope.close(); },
    (err) => { post({ t: "fatal", error: String(err?.stack ?? err) }); scope.close(); },
  );
};
