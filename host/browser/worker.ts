// Browser worker entry (bundled as dist/browser-worker.mjs, started as a module worker): one guest
// thread. The page posts its ThreadInit as the first message; the worker's messages go back to the
// page, and the page ends the worker after the last one ("exit").
import { runThread } from "../thread-runtime.ts";
import type { ThreadInit, WorkerMessage } from "../protocol.ts";

interface WorkerScope {
  onmessage: ((e: MessageEvent<ThreadInit>) => void) | null;
  postMessage(m: WorkerMessage): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (e) => {
  scope.onmessage = null;
  const init = e.data;
  const post = (m: WorkerMessage) => scope.postMessage(m);
  // No platform file system: runThread uses the kernel's in-memory one (init.memoryFs).
  runThread(init, post, null).catch((err) => {
    post({ t: "exit", thread: init.thread, code: 0xc0000005, endsProcess: true, crash: String(err?.stack ?? err) });
  });
};
