// Node worker entry: one guest thread.
import { parentPort, workerData } from "node:worker_threads";
import { runThread } from "../thread-runtime.ts";
import type { ThreadInit, WorkerMessage } from "../protocol.ts";
import { nodeFileBackend } from "./file-backend.ts";

const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const init = workerData as ThreadInit;
runThread(init, post, init.memoryFs ? null : nodeFileBackend(init.root)).catch((e) => {
  post({ t: "exit", thread: (workerData as ThreadInit).thread, code: 0xc0000005, endsProcess: true, crash: String(e?.stack ?? e) });
});
