// `npm run bench`: times the workloads in guests/as/bench/sync.ts through the real path (guest →
// host → kernel.wasm) and, in the same run, a raw JavaScript Atomics.wait/notify ping-pong between
// two workers (the platform limit for waking a thread). Prints a table of medians, writes
// bench/results.json. Timing lives here, never in `npm test`.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { boot } from "ntwasm";

const REPEAT = Number(process.env.NTWASM_BENCH_REPEAT ?? 5);
const guest = new Uint8Array(readFileSync(fileURLToPath(new URL("../dist/guests/sync.wasm", import.meta.url))));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** ns per operation of one guest export: its wall time minus an empty process's, over its op count. */
async function measure(kernel, entry, emptyNs) {
  const t = process.hrtime.bigint();
  const r = await kernel.run(guest, { entry });
  const ns = Number(process.hrtime.bigint() - t);
  if (r.crash || r.code === 0) throw new Error(`${entry} failed: ${r.crash ?? r.stderr}`);
  return Math.max(0, ns - emptyNs) / r.code;
}

async function emptyProcessNs(kernel) {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    await kernel.run(guest, { entry: "empty" });
    runs.push(Number(process.hrtime.bigint() - t));
  }
  return median(runs);
}

/** Round-trip ns of a ping-pong on two Int32 words between two workers: Atomics.wait/notify only. */
function atomicsPingPong(rounds) {
  const words = new Int32Array(new SharedArrayBuffer(8));
  const body = `
    const { workerData: { words, rounds, me } } = require("node:worker_threads");
    const other = 1 - me;
    for (let i = 0; i < rounds; i++) {
      if (me === 1 || i > 0) { while (Atomics.load(words, me) === 0) Atomics.wait(words, me, 0); Atomics.store(words, me, 0); }
      Atomics.store(words, other, 1); Atomics.notify(words, other);
    }
    if (me === 0) { while (Atomics.load(words, 0) === 0) Atomics.wait(words, 0, 0); }`;
  return new Promise((resolve, reject) => {
    const t = process.hrtime.bigint();
    let left = 2;
    for (const me of [0, 1]) {
      const w = new Worker(body, { eval: true, workerData: { words, rounds, me } });
      w.on("error", reject);
      w.on("exit", () => { if (--left === 0) resolve(Number(process.hrtime.bigint() - t) / rounds); });
    }
  });
}

const ROWS = ["mutex_uncontended", "event_set_reset", "sem_release_wait", "create_close_event", "wait_any_64", "pingpong", "critical_section"];

const kernel = await boot();
const results = {};
try {
  const emptyNs = await emptyProcessNs(kernel);
  for (const row of ROWS) {
    const runs = [];
    for (let i = 0; i < REPEAT; i++) runs.push(await measure(kernel, row, emptyNs));
    results[row] = { ns: median(runs), runs };
  }
  const raw = [];
  for (let i = 0; i < REPEAT; i++) raw.push(await atomicsPingPong(100_000));
  results.raw_atomics_pingpong = { ns: median(raw), runs: raw };
} finally {
  await kernel.shutdown();
}

console.log(`ntwasm bench (median of ${REPEAT}; ns per operation)`);
console.log("benchmark".padEnd(24) + "ns/op".padStart(10) + "   note");
for (const [name, r] of Object.entries(results)) {
  const note = name === "pingpong" ? `${(r.ns / results.raw_atomics_pingpong.ns).toFixed(2)}× raw Atomics ping-pong` : "";
  console.log(name.padEnd(24) + r.ns.toFixed(1).padStart(10) + "   " + note);
}
writeFileSync(new URL("./results.json", import.meta.url), JSON.stringify({ date: new Date().toISOString(), repeat: REPEAT, results }, null, 2) + "\n");
