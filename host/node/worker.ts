// Node worker entry: one pool worker (host/thread-runtime.ts), which runs guest threads one after
// another until the pool retires it.
import { parentPort, workerData } from "node:worker_threads";
import { runPoolWorker } from "../thread-runtime.ts";
import type { HostMessage, PoolInit, WorkerMessage } from "../protocol.ts";
import { nodeFileBackend } from "./file-backend.ts";
import { mountBackend } from "../files/mounts.ts";

const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const init = workerData as PoolInit;
runPoolWorker(init, post, (handler) => parentPort!.on("message", (m: HostMessage) => handler(m)),
  init.memoryFs ? null : mountBackend(nodeFileBackend(init.root), init.dirs ?? [], nodeFileBackend)).then(
  () => { post({ t: "retired" }); process.exit(0); },
  (e) => { post({ t: "fatal", error: String(e?.stack ?? e) }); process.exit(1); },
);
