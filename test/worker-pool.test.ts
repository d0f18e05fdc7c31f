// Threads and processes start on parked workers (issue 15; host/worker-pool.ts, kernel/nt/workerpool.ts),
// through guests/as/tests/workerpool.ts: many threads one after another and at once leave kernel memory
// and the pool where they started, a thread starts while the host's main thread is busy, a crash or a
// termination in a pooled thread ends what it should and the pool goes on, the pool's size is the boot
// option.
import { describe, expect, it } from "vitest";
import { boot, type Kernel } from "ntwasm";
import { guestBytes, useKernel } from "./harness.ts";

const guest = guestBytes("workerpool");
const IDLE_MS = 300;

async function run(k: Kernel, entry: string) {
  const r = await k.run(guest, { entry });
  expect(r.stdout.split("\n").filter((l) => l.startsWith("FAIL")), r.stdout + r.stderr).toEqual([]);
  expect(r.crash, r.stderr).toBeUndefined();
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r;
}

/** Waits until the pool is back to its target, all parked (extra workers go after IDLE_MS). */
async function settled(k: Kernel, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = k.workerPoolStats();
    if (s.workers === s.target && s.parked === s.target) return s;
    if (Date.now() > until) throw new Error(`the pool did not settle: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const memory = (k: Kernel) => {
  const m = k.memoryStats();
  return { heapTop: m.heapTop, bytesInUse: m.bytesInUse, liveObjects: m.liveObjects, liveThreads: m.liveThreads, liveProcesses: m.liveProcesses };
};

describe("worker pool", () => {
  const kernel = useKernel(() => ({ workers: 2, workerIdleMs: IDLE_MS }));

  for (const [entry, what] of [["sequential", "10,000 threads one after another"], ["burst", "1,000 threads at once"]] as const) {
    it(`${what}: kernel memory and the parked workers are back where they started`, async () => {
      const k = kernel();
      await run(k, entry); // warm up: thread records and their scratch buffers are made once and reused
      const pool = await settled(k);
      const before = memory(k);
      await run(k, entry);
      expect(await settled(k)).toEqual(pool);
      const after = memory(k);
      expect({ ...after, heapTop: 0 }).toEqual({ ...before, heapTop: 0 }); // nothing left allocated
      expect(before.liveProcesses).toBe(0);
      // One after another, the allocator's top does not move either. In a burst, which free block of a
      // size goes to which request depends on how the threads interleave (the process's handle table
      // grows while thread records are made), so the top may end a block or two higher: not a leak.
      if (entry === "sequential") expect(after.heapTop).toBe(before.heapTop);
      else expect(after.heapTop - before.heapTop).toBeLessThanOrEqual(64 * 1024);
    }, 240_000);
  }

  it("CreateThread starts a thread while the host's main thread is busy", async () => {
    const k = kernel();
    await settled(k);
    let out = "";
    let busyFor = 0;
    const p = await k.spawn(guest, {
      entry: "busy_host",
      stdout: (t) => {
        out += t;
        if (!busyFor && out.includes("ready")) { // no message from any worker is handled for 3 s
          const t0 = Date.now();
          while (Date.now() - t0 < 3000) { /* busy */ }
          busyFor = Date.now() - t0;
        }
      },
    });
    const exit = await p.exited;
    expect(busyFor).toBeGreaterThanOrEqual(3000);
    expect(out.split("\n").filter((l) => l.startsWith("FAIL")), out).toEqual([]);
    expect(exit.code, out).toBe(0);
  }, 60_000);

  it("a crash in a pooled thread ends its process; the worker serves the next one", async () => {
    const k = kernel();
    await settled(k);
    const r = await k.run(guest, { entry: "crash_in_thread" });
    expect(r.code).toBe(0xc000001d); // STATUS_ILLEGAL_INSTRUCTION: unreachable
    expect(r.crash).toMatch(/unreachable/);
    expect(r.stderr).toMatch(/thread crashed/);
    const s = await settled(k);
    expect(s.workers).toBe(2);
    await run(k, "sequential");
  }, 120_000);

  it("a child program started 100 times, each waited for", async () => {
    await run(kernel(), "child_100");
  }, 120_000);

  it("TerminateThread of a pooled thread busy in guest code stops its worker; the pool refills", async () => {
    const k = kernel();
    await settled(k);
    const r = await k.run(guestBytes("threads"), { entry: "test_terminate_busy_thread" });
    expect(r.stdout.split("\n").filter((l) => l.startsWith("FAIL")), r.stdout + r.stderr).toEqual([]);
    expect(r.code).toBe(0);
    expect((await settled(k)).workers).toBe(2);
    await run(k, "sequential");
  }, 120_000);
});

describe("worker pool size", () => {
  it("boot({ workers }) keeps that many parked; with none, each start waits for a new worker", async () => {
    const k = await boot({ workers: 5, workerIdleMs: IDLE_MS });
    try {
      await k.workerPoolReady();
      expect(k.workerPoolStats()).toMatchObject({ workers: 5, parked: 5, target: 5, waiting: 0 });
      k.resizeWorkerPool({ workers: 0 });
      const s = await settled(k);
      expect(s).toMatchObject({ workers: 0, parked: 0, target: 0 });
      const r = await k.run(guestBytes("threads"), { entry: "test_create_and_exit_codes" });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect((await settled(k)).workers).toBe(0);
    } finally { await k.shutdown(); }
  }, 120_000);
});
