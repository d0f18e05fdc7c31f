// `npm run bench`: guests/c/bench.c on ntwasm side by side with the baselines, in one run (docs/performance.md).
//
//   node bench/run.mjs [--quick] [--pin] [--wine] [--repeat N] [--min-ms MS] [--rows a,b] [--no-scale] [--out FILE]
//
// - ntwasm: guests/c/bin/bench.wasm (every row calibrated to run >= MIN_MS), REPEAT times, medians;
// - platform: a raw JavaScript Atomics.wait/notify ping-pong between two workers (the limit for waking
//   a thread: pingpong, and pipe_msg_roundtrip, which also wakes a thread each way), a worker start +
//   exit (what each CreateThread cost before threads started on parked workers, issue 15) and an
//   Atomics compareExchange/store lock (critical_section);
// - server-style: bench/server-style.mjs, Wine's design in JavaScript (each call served by one server
//   worker, the caller asleep until the reply), for the same rows but critical_section (no server call
//   in that design either); plus one postMessage round trip;
// - native: bench/native.c (pthread mutex, futex event, sem_t, eventfd, poll, pipes, fork+exec+wait) when cc/gcc exists;
// - wine: bench.c built with x86_64-w64-mingw32-gcc and run under wine, with --wine, when both exist;
// - scale: 1,000,000 handles (time per op, kernel memory before/after), the host memory of a parked
//   worker, 256 threads in a ring (started with the default pool, and on a pool sized for them),
//   WaitForMultipleObjects any/all for 1..64 handles with a least-squares line (and a parabola: is it linear?).
// Prints a table, checks issue 6's targets, writes bench/results.json. --pin re-runs itself under
// `taskset -c 0` (one CPU: no cross-CPU wake-ups, see docs/performance.md). Timing lives here, never in `npm test`.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { boot } from "ntwasm";
import { serverStyle } from "./server-style.mjs";

// ------------------------------------------------------------------------------------------ options
const argv = process.argv.slice(2);
const flag = (f) => argv.includes(f);
const opt = (f, d) => { const i = argv.indexOf(f); return i >= 0 && i + 1 < argv.length ? argv[i + 1] : d; };
const QUICK = flag("--quick");
const REPEAT = Number(opt("--repeat", process.env.NTWASM_BENCH_REPEAT ?? (QUICK ? 1 : 5)));
const MIN_MS = Number(opt("--min-ms", QUICK ? 20 : 200));
const ONLY = opt("--rows", null)?.split(",");
const SCALE = !flag("--no-scale");
const OUT = opt("--out", fileURLToPath(new URL("./results.json", import.meta.url)));
const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;

if (flag("--pin") && !process.env.NTWASM_BENCH_PINNED) {
  if (has("taskset")) {
    const r = spawnSync("taskset", ["-c", "0", process.execPath, ...process.execArgv, fileURLToPath(import.meta.url), ...argv],
      { stdio: "inherit", env: { ...process.env, NTWASM_BENCH_PINNED: "taskset -c 0" } });
    process.exit(r.status ?? 1);
  }
  console.warn("--pin: taskset not found, running unpinned");
}
const PINNED = process.env.NTWASM_BENCH_PINNED ?? null;

const ROWS = ["mutex_uncontended", "event_set_reset", "sem_release_wait", "create_close_event", "wait_any_64", "wait_all_64",
  "pingpong", "iocp_post_get", "iocp_pingpong", "named_open", "pipe_msg_roundtrip", "pipe_transact_4k", "service_null_call", "service_call_4k", "critical_section", "thread_create_join", "process_create_exit", "threadpool_work"].filter((r) => !ONLY || ONLY.includes(r));
/**
 * Issue 6 item 3: ns per op, or a ratio to a baseline of the same run (`of`: a column) or to another
 * ntwasm row of the same run (`row`: its name). Issue 14: the completion port rows.
 */
const TARGETS = {
  mutex_uncontended: { ns: 50 }, event_set_reset: { ns: 40 }, sem_release_wait: { ns: 50 }, create_close_event: { ns: 300 },
  wait_any_64: { ns: 1000 }, wait_all_64: { ns: 1000 }, named_open: { ns: 500 }, critical_section: { ns: 20 },
  pingpong: { ratio: 1.1, of: "platform" }, pipe_msg_roundtrip: { ns: 5000 },
  iocp_post_get: { ns: 100 }, iocp_pingpong: { ratio: 1.2, row: "pingpong" },
  // Issue 14: a service call next to the pipe transaction of the same sizes (≥ 3× faster: ≤ 1/3 of it).
  service_null_call: { ratio: 1.2, row: "pingpong" }, service_call_4k: { ratio: 1 / 3, row: "pipe_transact_4k" },
  // Issue 15: threads and processes start on parked workers (`pinnedNs`: the limit under --pin).
  thread_create_join: { ns: 250_000, pinnedNs: 1_000_000 }, process_create_exit: { ns: 5_000_000 },
  threadpool_work: { ns: 2000 }, // SubmitThreadpoolWork + the callback + WaitForThreadpoolWorkCallbacks
};

const median = (xs) => { const s = xs.filter((x) => x != null).sort((a, b) => a - b); return s.length ? s[s.length >> 1] : null; };
const log = (...a) => console.error(...a);
const benchWasm = new Uint8Array(readFileSync(fileURLToPath(new URL("../guests/c/bin/bench.wasm", import.meta.url))));
/** C:\ for bench.wasm: its own directory, where process_create_exit finds it again (GetModuleFileNameW). */
const benchRoot = fileURLToPath(new URL("../guests/c/bin/", import.meta.url));
const benchC = fileURLToPath(new URL("../guests/c/bench.c", import.meta.url));

/**
 * Runs bench.wasm with `args` on `kernel`; fails on a non-zero exit. A run that outlasts the watchdog
 * prints what every live thread waits on (Kernel.snapshot) and ends the bench: a hang must not pass.
 */
const WATCHDOG_MS = Number(process.env.NTWASM_BENCH_WATCHDOG_MS ?? 300_000);
async function runBench(kernel, ...args) {
  const timer = setTimeout(() => {
    const s = kernel.snapshot();
    log(`bench.wasm ${args.join(" ")}: no end after ${WATCHDOG_MS / 1000} s; live threads:`);
    for (const t of s.threads.filter((t) => !t.exited)) {
      log(`  thread ${t.tid} waits ${t.waitAll ? "for all of" : "on"} ` +
        (t.waitingOn.map((id) => { const o = s.objects.get(id); return `${o.type} ${id}${o.signaled ? " (signaled)" : ""}`; }).join(", ") || "nothing (running)"));
    }
    process.exit(1);
  }, WATCHDOG_MS);
  try {
    const r = await kernel.run(benchWasm, { args: ["bench.wasm", ...args] });
    if (r.crash || r.code !== 0) throw new Error(`bench.wasm ${args.join(" ")} failed (${r.code}): ${r.crash ?? ""}${r.stderr}`);
    return parse(r.stdout);
  } finally { clearTimeout(timer); }
}

/** `name value` lines → { name: number | null } (null for "n/a"). */
function parse(text) {
  const out = {};
  for (const line of text.split("\n")) {
    const m = /^(\w+) (n\/a|[0-9.]+)$/.exec(line.trim());
    if (m) out[m[1]] = m[2] === "n/a" ? null : Number(m[2]);
  }
  return out;
}

/** Runs a program REPEAT times (each returns { row: ns }); → { row: { ns: median, best: fastest, runs } }. */
async function repeated(label, once) {
  const runs = {};
  for (let i = 0; i < REPEAT; i++) {
    log(`  ${label} ${i + 1}/${REPEAT}`);
    for (const [k, v] of Object.entries(await once())) (runs[k] ??= []).push(v);
  }
  const best = (xs) => { const s = xs.filter((x) => x != null); return s.length ? Math.min(...s) : null; };
  return Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, { ns: median(v), best: best(v), runs: v }]));
}

// ------------------------------------------------------------------------------------------ ntwasm
async function ntwasmRows(kernel) {
  const rowArg = ONLY ? null : "all";
  // One unmeasured pass first: V8 runs new Wasm code in its baseline compiler until it tiers up.
  log("  ntwasm warm-up");
  for (const row of rowArg ? [rowArg] : ROWS) await runBench(kernel, row, "5");
  return repeated("ntwasm", async () => {
    const out = {};
    for (const row of rowArg ? [rowArg] : ROWS) {
      Object.assign(out, await runBench(kernel, row, String(MIN_MS)));
    }
    return out;
  });
}

// ------------------------------------------------------------------------------------------ platform (JavaScript)
/** Round-trip ns of a ping-pong on two Int32 words between two workers: Atomics.wait/notify only. */
function atomicsPingPong(minMs) {
  const body = `
    const { workerData: { words, me }, parentPort } = require("node:worker_threads");
    const other = 1 - me;
    const round = () => { Atomics.store(words, other, 1); Atomics.notify(words, other);
      while (Atomics.load(words, me) === 0) Atomics.wait(words, me, 0); Atomics.store(words, me, 0); };
    const answer = () => { while (Atomics.load(words, me) === 0) Atomics.wait(words, me, 0); Atomics.store(words, me, 0);
      Atomics.store(words, other, 1); Atomics.notify(words, other); };
    if (me === 1) { for (;;) { answer(); if (Atomics.load(words, 2)) break; } }
    else {
      round();
      let n = 1, ns;
      for (;;) {
        const t = performance.now();
        for (let i = 0; i < n; i++) round();
        const d = performance.now() - t;
        if (d >= ${minMs} || n >= 2 ** 30) { ns = d * 1e6 / n; break; }
        n *= d < ${minMs} / 16 ? 8 : 2;
      }
      Atomics.store(words, 2, 1); Atomics.store(words, 1, 1); Atomics.notify(words, 1);
      parentPort.postMessage(ns);
    }`;
  const words = new Int32Array(new SharedArrayBuffer(12));
  return new Promise((resolve, reject) => {
    let ns, left = 2;
    for (const me of [0, 1]) {
      const w = new Worker(body, { eval: true, workerData: { words, me } });
      w.on("error", reject);
      w.on("message", (v) => { ns = v; });
      w.on("exit", () => { if (--left === 0) resolve(ns); });
    }
  });
}

/** ns of an uncontended JavaScript lock in a worker: Atomics.compareExchange 0→1, Atomics.store 0. */
function atomicsLock(minMs) {
  const body = `
    const { parentPort } = require("node:worker_threads");
    const w = new Int32Array(new SharedArrayBuffer(4));
    let n = 1, ns;
    for (;;) {
      const t = performance.now();
      for (let i = 0; i < n; i++) { while (Atomics.compareExchange(w, 0, 0, 1) !== 0); Atomics.store(w, 0, 0); }
      const d = performance.now() - t;
      if (d >= ${minMs} || n >= 2 ** 30) { ns = d * 1e6 / n; break; }
      n *= d < ${minMs} / 16 ? 8 : 2;
    }
    parentPort.postMessage(ns);`;
  return new Promise((resolve, reject) => {
    const w = new Worker(body, { eval: true });
    w.on("error", reject);
    w.on("message", resolve);
  });
}

/**
 * Kernel lock entries per EnterCriticalSection + LeaveCriticalSection: the row run alone, against the
 * kernel's count of entries (process start and exit included). 0 means no kernel call.
 */
async function csKernelEntries(kernel) {
  const before = kernel.memoryStats().lockEntries;
  const { ops } = await runBench(kernel, "critical_section", String(MIN_MS));
  const entries = kernel.memoryStats().lockEntries - before;
  return ops ? { ops, entries, perOp: entries / ops } : null;
}

/** ns to start a worker and see it exit (the platform's part of CreateThread + wait). */
async function workerStartExit(minMs) {
  let n = 0;
  const t = performance.now();
  while (performance.now() - t < minMs || n < 4) {
    await new Promise((resolve, reject) => { const w = new Worker("", { eval: true }); w.on("error", reject); w.on("exit", resolve); });
    n++;
  }
  return (performance.now() - t) * 1e6 / n;
}

/** ns of one call round trip to a worker by postMessage (main thread → worker → main thread). */
async function postMessageCall(minMs) {
  const w = new Worker(`const { parentPort } = require("node:worker_threads"); parentPort.on("message", (m) => parentPort.postMessage(m));`, { eval: true });
  const call = (m) => new Promise((resolve) => { w.once("message", resolve); w.postMessage(m); });
  await call(0);
  let n = 0;
  const t = performance.now();
  while (performance.now() - t < minMs) { await call(n); n++; }
  const ns = (performance.now() - t) * 1e6 / n;
  await w.terminate();
  return ns;
}

// ------------------------------------------------------------------------------------------ native and Wine
function nativeRows(dir) {
  const cc = ["cc", "gcc", "clang"].find(has);
  if (!cc) return { note: "no C compiler (cc, gcc or clang)" };
  const exe = join(dir, "native");
  try {
    execFileSync(cc, ["-O2", "-pthread", fileURLToPath(new URL("./native.c", import.meta.url)), "-o", exe, "-lrt"], { stdio: "pipe" });
  } catch (e) { return { note: `${cc} failed: ${e.stderr}` }; }
  return { cc, run: async () => parse(execFileSync(exe, [ONLY?.length === 1 ? ONLY[0] : "all", String(MIN_MS)], { encoding: "utf8" })) };
}

function wineRows(dir) {
  if (!flag("--wine")) return { note: "not run (pass --wine)" };
  const missing = ["wine", "x86_64-w64-mingw32-gcc"].filter((c) => !has(c));
  if (missing.length) return { note: `not available: ${missing.join(", ")} not installed` };
  const exe = join(dir, "bench.exe");
  try {
    execFileSync("x86_64-w64-mingw32-gcc", ["-O2", benchC, "-o", exe], { stdio: "pipe" });
  } catch (e) { return { note: `mingw build failed: ${e.stderr}` }; }
  const wine = has("wine64") ? "wine64" : "wine";
  // A prefix of our own, whose wineserver we may stop: the next one starts from this process and so
  // inherits its CPU placement (--pin), as a server left running from elsewhere would not.
  const env = { ...process.env, WINEDEBUG: "-all", WINEPREFIX: process.env.NTWASM_BENCH_WINEPREFIX ?? join(homedir(), ".cache", "ntwasm-bench-wine") };
  spawnSync("wineserver", ["-k"], { env, stdio: "ignore" });
  return { cc: "x86_64-w64-mingw32-gcc", prefix: env.WINEPREFIX, run: async () => parse(execFileSync(wine, [exe, ONLY?.length === 1 ? ONLY[0] : "all", String(MIN_MS)], { encoding: "utf8", env, stdio: ["ignore", "pipe", "ignore"] })) };
}

// ------------------------------------------------------------------------------------------ scale
async function scale() {
  const out = {};
  // Handles: a fresh kernel, after one small process (the first process leaves a recycled thread
  // record and scratch area behind), so before/after compare like with like.
  {
    const kernel = await boot();
    try {
      await runBench(kernel, "critical_section", "1");
      const before = kernel.memoryStats();
      log("  scale: 1,000,000 events");
      const v = await runBench(kernel, "scale_handles");
      const after = kernel.memoryStats();
      out.handles = {
        count: 1_000_000, create_ns: v.handles_1m_create ?? null, close_ns: v.handles_1m_close ?? null,
        before: { bytesInUse: before.bytesInUse, heapTop: before.heapTop, liveObjects: before.liveObjects },
        after: { bytesInUse: after.bytesInUse, heapTop: after.heapTop, liveObjects: after.liveObjects },
        peakBytes: after.heapTop - before.heapTop,
        bytesPerHandle: (after.heapTop - before.heapTop) / 1_000_000,
        kernelMemoryBytes: kernel.memory.buffer.byteLength,
      };
    } finally { await kernel.shutdown(); }
  }
  // Parked workers: the host's memory (RSS) per worker, from the default pool to 16 more.
  {
    const kernel = await boot({ workers: 0 });
    try {
      await kernel.workerPoolReady();
      await new Promise((r) => setTimeout(r, 500));
      const before = process.memoryUsage().rss, n = 16;
      log(`  scale: ${n} parked workers`);
      kernel.resizeWorkerPool({ workers: n });
      await kernel.workerPoolReady();
      await new Promise((r) => setTimeout(r, 500));
      const after = process.memoryUsage().rss;
      out.parkedWorkers = { count: n, rssBytesPerWorker: (after - before) / n, kernelBytes: kernel.memoryStats().bytesInUse };
    } finally { await kernel.shutdown(); }
  }
  // 256 threads in a ring: first with the default pool (each thread past it waits for a new worker:
  // the cost of starting one), then with the pool sized for them beforehand (the start itself).
  let cold = null;
  {
    const kernel = await boot();
    try {
      log("  scale: 256 threads (default pool)");
      cold = (await runBench(kernel, "scale_threads", "1")).threads_256_start ?? null;
    } finally { await kernel.shutdown(); }
  }
  const kernel = await boot({ workers: 260 });
  try {
    log("  scale: 256 threads (pool of 260 parked workers)");
    await kernel.workerPoolReady();
    const v = await runBench(kernel, "scale_threads", String(MIN_MS));
    out.threads = { count: 256, start_ns_per_thread: v.threads_256_start ?? null, ring_hop_ns: v.threads_256_ring_hop ?? null,
      cold_start_ns_per_thread: cold, pool: 260 };
    log("  scale: WaitForMultipleObjects 1..64");
    const pts = { any: [], all: [] };
    for (const [k, ns] of Object.entries(await runBench(kernel, "wfmo_scale", String(MIN_MS)))) {
      const m = /^wfmo_(any|all)_(\d+)$/.exec(k);
      if (m && ns != null) pts[m[1]].push([Number(m[2]), ns]);
    }
    out.wfmo = Object.fromEntries(Object.entries(pts).map(([k, p]) => [k, { points: p, fit: fit(p) }]));
  } finally { await kernel.shutdown(); }
  return out;
}

/**
 * Least-squares line ns = a + b·count, with R²; and a parabola a + b·count + c·count², whose c shows
 * a cost per pair of handles (linear means c ≈ 0).
 */
function fit(p) {
  const sum = (f) => p.reduce((s, [x, y]) => s + f(x, y), 0);
  const n = p.length, sx = sum((x) => x), sy = sum((x, y) => y), sxx = sum((x) => x * x), sxy = sum((x, y) => x * y);
  const b = (n * sxy - sx * sy) / (n * sxx - sx * sx), a = (sy - b * sx) / n;
  const my = sy / n, ssTot = sum((x, y) => (y - my) ** 2), ssRes = sum((x, y) => (y - a - b * x) ** 2);
  // Normal equations of the parabola, by Cramer's rule.
  const s3 = sum((x) => x ** 3), s4 = sum((x) => x ** 4), sxxy = sum((x, y) => x * x * y);
  const det3 = (m) => m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
    + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  const M = [[n, sx, sxx], [sx, sxx, s3], [sxx, s3, s4]], v = [sy, sxy, sxxy];
  const col = (k) => M.map((row, i) => row.map((e, j) => j === k ? v[i] : e));
  const d = det3(M);
  return { interceptNs: a, nsPerHandle: b, r2: 1 - ssRes / ssTot,
    quadratic: { a: det3(col(0)) / d, b: det3(col(1)) / d, c: det3(col(2)) / d } };
}

// ------------------------------------------------------------------------------------------ run
const started = Date.now();
const dir = mkdtempSync(join(tmpdir(), "ntwasm-bench-"));
const results = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, usableCpus: availableParallelism(), cpu: cpus()[0]?.model, pinned: PINNED,
  repeat: REPEAT, minMs: MIN_MS, rows: {}, platform: {}, notes: {} };
try {
  log(`ntwasm bench: ${REPEAT} repetition(s), rows run >= ${MIN_MS} ms, ${PINNED ? `pinned (${PINNED})` : "unpinned"}`);
  const kernel = await boot({ root: benchRoot });
  let ntwasm;
  try {
    ntwasm = await ntwasmRows(kernel);
    if (ROWS.includes("critical_section")) results.csKernelEntries = await csKernelEntries(kernel);
  } finally { await kernel.shutdown(); }

  log("  platform: Atomics ping-pong, worker start, Atomics lock, postMessage");
  const platform = {
    atomics_pingpong: await repeated("atomics ping-pong", async () => ({ v: await atomicsPingPong(MIN_MS) })),
    worker_start_exit: await repeated("worker start+exit", async () => ({ v: await workerStartExit(MIN_MS) })),
    atomics_lock: await repeated("atomics lock", async () => ({ v: await atomicsLock(MIN_MS) })),
    postmessage_call: await repeated("postMessage call", async () => ({ v: await postMessageCall(MIN_MS) })),
  };
  for (const [k, v] of Object.entries(platform)) results.platform[k] = v.v;

  const server = await repeated("server-style", () => serverStyle(MIN_MS, ONLY));

  const native = nativeRows(dir);
  results.notes.native = native.note ?? `built with ${native.cc}`;
  const nat = native.run ? await repeated("native", native.run) : {};

  const wine = wineRows(dir);
  results.notes.wine = wine.note ?? `built with ${wine.cc}, WINEPREFIX ${wine.prefix}`;
  const win = wine.run ? await repeated("wine", wine.run) : {};

  const platformOf = { pingpong: results.platform.atomics_pingpong?.ns, pipe_msg_roundtrip: results.platform.atomics_pingpong?.ns,
    thread_create_join: results.platform.worker_start_exit?.ns, critical_section: results.platform.atomics_lock?.ns };
  const ratioOf = (a, b) => a != null && b ? a / b : null;
  for (const row of ROWS) {
    const nt = ntwasm[row]?.ns ?? null;
    const ratio = (b) => nt != null && b ? nt / b : null;
    const r = {
      ntwasm: ntwasm[row] ?? null, server: server[row] ?? null, native: nat[row] ?? null, wine: win[row] ?? null,
      platform: platformOf[row] ?? null,
    };
    r.vs = { server: ratio(r.server?.ns), native: ratio(r.native?.ns), wine: ratio(r.wine?.ns), platform: ratio(r.platform) };
    const target = TARGETS[row];
    if (target) {
      const base = target.row ? ntwasm[target.row] : null;
      const value = target.row ? ratioOf(nt, base?.ns) : target.ratio ? r.vs[target.of] : nt;
      const bestValue = target.row ? ratioOf(ntwasm[row]?.best, base?.best)
        : target.ratio ? ratioOf(ntwasm[row]?.best, r[target.of]) : ntwasm[row]?.best;
      const limit = target.ratio ?? (PINNED && target.pinnedNs ? target.pinnedNs : target.ns);
      r.target = { ...target, met: value != null ? value <= limit : null, bestMet: bestValue != null ? bestValue <= limit : null };
    }
    results.rows[row] = r;
  }
  if (SCALE && !ONLY) results.scale = await scale();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
results.seconds = (Date.now() - started) / 1000;

// ------------------------------------------------------------------------------------------ report
const ns = (v) => v == null ? "n/a" : v >= 1e6 ? `${(v / 1e6).toFixed(1)} ms` : v >= 1e4 ? `${(v / 1e3).toFixed(1)} µs` : `${v.toFixed(0)} ns`;
const fmt = (v) => v == null ? "n/a" : v >= 100_000 ? `${(v / 1000).toFixed(0)}µs` : v >= 10 ? v.toFixed(0) : v.toFixed(1);
// Ratios under 0.1 as 1/N: ntwasm takes 1/N of the baseline's time.
const x = (v) => v == null ? "" : v >= 100 ? `${v.toFixed(0)}×` : v >= 10 ? `${v.toFixed(1)}×` : v >= 0.1 ? `${v.toFixed(2)}×` : `1/${(1 / v).toFixed(0)}`;
const cols = [["row", 20], ["ntwasm", 9], ["best", 9], ["server", 9], ["×srv", 7], ["native", 9], ["×nat", 7], ["platform", 9], ["×plat", 7],
  ["wine", 8], ["×wine", 7], ["target", 24]];
const line = (cells) => cells.map((c, i) => i === 0 ? String(c).padEnd(cols[i][1]) : String(c).padStart(cols[i][1])).join(" ");
console.log(`\nntwasm bench: ns per operation, median of ${REPEAT} (best: the fastest repetition); ${results.cpus} CPUs (${results.usableCpus} usable); ${PINNED ? `pinned (${PINNED})` : "unpinned"}; ratios = ntwasm / baseline (1/N: N times faster)`);
console.log(line(cols.map((c) => c[0])));
for (const [row, r] of Object.entries(results.rows)) {
  const t = r.target;
  const target = !t ? "" : `${t.row ? `≤${+t.ratio.toFixed(2)}×${t.row}` : t.ratio ? `≤${t.ratio}×plat` : `≤${PINNED && t.pinnedNs ? t.pinnedNs : t.ns}`} ${t.met == null ? "?" : t.met ? "met" : "MISS"}` +
    (t.met === false && t.bestMet ? " (best met)" : "");
  console.log(line([row, fmt(r.ntwasm?.ns), fmt(r.ntwasm?.best), fmt(r.server?.ns), x(r.vs.server), fmt(r.native?.ns), x(r.vs.native), fmt(r.platform),
    x(r.vs.platform), fmt(r.wine?.ns), x(r.vs.wine), target]));
}
console.log("platform: pingpong, pipe_msg_roundtrip = raw Atomics.wait/notify ping-pong between two workers; thread_create_join =");
console.log(`          worker start + exit; critical_section = Atomics lock; one postMessage round trip = ${fmt(results.platform.postmessage_call?.ns)} ns`);
console.log("server: none for critical_section (no server call in that design either)");
const cs = results.csKernelEntries;
if (cs) console.log(`critical_section: ${cs.entries} kernel lock entries for ${cs.ops.toExponential(2)} Enter+Leave (process start/exit included): ` +
  `${cs.perOp.toExponential(1)} per op`);
console.log(`native: ${results.notes.native}; wine: ${results.notes.wine}`);
const s = results.scale;
if (s) {
  const mb = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;
  console.log(`\nscale: 1,000,000 events: create ${fmt(s.handles.create_ns)} ns/op, close ${fmt(s.handles.close_ns)} ns/op; kernel bytes in use ` +
    `${mb(s.handles.before.bytesInUse)} before → ${mb(s.handles.after.bytesInUse)} after closing; peak ${mb(s.handles.peakBytes)} ` +
    `(${s.handles.bytesPerHandle.toFixed(0)} bytes per event + handle); live objects ${s.handles.before.liveObjects} → ${s.handles.after.liveObjects}`);
  console.log(`scale: 256 threads: start ${ns(s.threads.start_ns_per_thread)} per thread on a pool of ${s.threads.pool} parked workers ` +
    `(target ≤1 ms ${s.threads.start_ns_per_thread != null && s.threads.start_ns_per_thread <= 1e6 ? "met" : "MISS"}), ` +
    `${ns(s.threads.cold_start_ns_per_thread)} with the default pool (new workers); token ring ${ns(s.threads.ring_hop_ns)} per hop (wait + SetEvent + wake)`);
  if (s.parkedWorkers) console.log(`scale: a parked worker costs ${(s.parkedWorkers.rssBytesPerWorker / 2 ** 20).toFixed(1)} MiB of host memory (RSS, ${s.parkedWorkers.count} more parked)`);
  for (const [k, w] of Object.entries(s.wfmo)) {
    const q = w.fit.quadratic;
    console.log(`scale: WaitForMultipleObjects ${k}: ${fmt(w.fit.interceptNs)} ns + ${w.fit.nsPerHandle.toFixed(1)} ns × count (R² ${w.fit.r2.toFixed(3)}); ` +
      `as a parabola ${(Math.abs(q.c) < 0.005 ? 0 : q.c).toFixed(2)} ns × count²; ` + w.points.map(([c, ns]) => `${c}:${fmt(ns)}`).join(" "));
  }
}
console.log(`\n${results.seconds.toFixed(0)} s; results in ${OUT}`);
writeFileSync(OUT, JSON.stringify(results, null, 2) + "\n");
