// Resource limits set through boot({ quotas }) (host/quotas.ts, kernel/lib/quota.ts): the program
// guests/c/sdk/k32_quotas.c (which the SDK test runs with the defaults) under a smaller APC quota;
// test/cli-guests/quota_limits.c at each limit per process and per kernel, after which another process of
// the same kernel still runs and the invariant checker is clean; and bad values are refused.
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { boot, type Quotas } from "ntwasm";

const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "ntwasm-quotas-"));
const guest = join(tmp, "k32_quotas.wasm");
let bytes: Uint8Array;

beforeAll(() => {
  const src = fileURLToPath(new URL("../guests/c/sdk/k32_quotas.c", import.meta.url));
  const r = spawnSync(process.execPath, [cli, "cc", src, "-o", guest], { encoding: "utf8", timeout: 120_000 });
  expect(r.stderr).toBe("");
  bytes = readFileSync(guest);
}, 180_000);

describe("boot({ quotas })", () => {
  it("apcs: QueueUserAPC fails past it; the program and its child still run", async () => {
    const k = await boot({ root: tmp, quotas: { apcs: 1000, pipeBuffer: 1 << 20 } });
    const r = await k.run(bytes, { args: ["k32_quotas.wasm"], imagePath: "C:\\k32_quotas.wasm" });
    expect(r.stdout.split("\n").slice(0, 3)).toEqual(["APCs queued 1000, then error 1450", "APCs run 1000", "unread at most 16 MiB: yes"]);
    expect(r.stdout).toContain("child exit 7\n");
    expect(r.code).toBe(0);
    await k.shutdown();
  }, 60_000);

  it("ntwasm run --quota apcs=N, and a bad --quota is one line with exit code 2", () => {
    const r = spawnSync(process.execPath, [cli, "run", "--root", tmp, "--quota", "apcs=500", guest], { encoding: "utf8", cwd: tmp, timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split("\n").slice(0, 2)).toEqual(["APCs queued 500, then error 1450", "APCs run 500"]);
    const bad = spawnSync(process.execPath, [cli, "run", "--quota", "apcs=0", guest], { encoding: "utf8", cwd: tmp, timeout: 60_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("ntwasm: --quota apcs=0: apcs=N, N from 1 to 4294967295\n");
  }, 60_000);

  it("refuses values that are not counts", async () => {
    await expect(boot({ quotas: { apcs: 0 } })).rejects.toThrow(RangeError);
    await expect(boot({ quotas: { pipeBuffer: -1 } })).rejects.toThrow(RangeError);
    await expect(boot({ quotas: { handles: 2 ** 24 + 1 } })).rejects.toThrow(RangeError);
    await expect(boot({ quotas: { workers: 1.5 } })).rejects.toThrow(RangeError);
  });
});

describe("limits per process and per kernel (test/cli-guests/quota_limits.c)", () => {
  const limits = join(tmp, "quota_limits.wasm");
  let limitBytes: Uint8Array;

  beforeAll(() => {
    const src = fileURLToPath(new URL("./cli-guests/quota_limits.c", import.meta.url));
    const r = spawnSync(process.execPath, [cli, "cc", src, "-o", limits], { encoding: "utf8", timeout: 120_000 });
    expect(r.stderr).toBe("");
    limitBytes = readFileSync(limits);
  }, 180_000);

  /**
   * Runs quota_limits.c `what` under `quotas`, then another process of the same kernel up to the same limit
   * (its child `next`, which prints `nextOut`); checks the kernel after.
   */
  async function atLimit(quotas: Quotas, what: string, next: string, nextOut: RegExp) {
    const k = await boot({ root: tmp, quotas });
    const run = (args: string[]) => k.run(limitBytes, { args: ["quota_limits.wasm", ...args], imagePath: "C:\\quota_limits.wasm" });
    const r = await run([what]);
    expect(r.crash, r.stderr).toBeUndefined();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const again = await run(["child", next]);
    expect(again.code, again.stderr).toBe(7);
    expect(again.stdout).toMatch(nextOut);
    expect(k.workerPoolStats().workers).toBeLessThanOrEqual(quotas.workers ?? Infinity); // the host started no more
    expect(k.checkKernel()).toBeNull();
    await k.shutdown();
    return r.stdout.split("\n").slice(0, -1);
  }

  it("handles: past them CreateEvent and DuplicateHandle fail with ERROR_NO_SYSTEM_RESOURCES; a child has its own", async () => {
    expect(await atLimit({ handles: 1000 }, "handles", "events", /^child: 997 events, then error 1450\n$/)).toEqual([
      "handles: 997 events, then CreateEvent error 1450", // and the 3 standard handles
      "DuplicateHandle: error 1450",
      "after one CloseHandle: CreateEvent ok, the next one error 1450",
      "child: 997 events, then error 1450",
      "child exit 7",
    ]);
  }, 60_000);

  it("objects: past them creates fail with ERROR_NOT_ENOUGH_QUOTA, handles still come; a child has its own", async () => {
    expect(await atLimit({ objects: 1000 }, "objects", "events", /^child: 1000 events, then error 1816\n$/)).toEqual([
      "objects: 1000 events, then CreateEvent error 1816",
      "CreateMutex error 1816",
      "CreatePipe error 1816",
      "DuplicateHandle: ok",
      "after one CloseHandle: CreateEvent ok, the next one error 1816",
      "child: 1000 events, then error 1816",
      "child exit 7",
    ]);
  }, 60_000);

  it("kernel memory: past it creates fail with ERROR_NO_SYSTEM_RESOURCES, no call traps; freed, a child runs", async () => {
    const out = await atLimit({ kernelMemory: 4 << 20 }, "memory", "events", /^child: \d+ events, then error 1450\n$/);
    expect(out[0]).toBe("memory: named events until error 1450, then unnamed ones until error 1450");
    expect(out[1]).toBe("a completion while full: queued, key 77, error 995"); // ERROR_OPERATION_ABORTED, CancelIoEx's packet
    expect(out[2]).toMatch(/^every call answered, at \d+ levels of free memory$/);
    expect(out.slice(3)).toEqual([
      "after closing them: CreateEvent ok",
      expect.stringMatching(/^child: \d+ events, then error 1450$/),
      "child exit 7",
    ]);
  }, 120_000);

  it("threads: past them CreateThread fails with ERROR_NOT_ENOUGH_MEMORY; a child has its own", async () => {
    expect(await atLimit({ threads: 16 }, "threads", "threads", /^child: 15 threads, then error 8\n$/)).toEqual([
      "threads: 15 more, then CreateThread error 8",
      "child: 15 threads, then error 8",
      "child exit 7",
      "after they ended: CreateThread ok",
    ]);
  }, 60_000);

  it("workers: past them CreateThread and CreateProcess fail with ERROR_NOT_ENOUGH_MEMORY; no more workers start", async () => {
    expect(await atLimit({ workers: 8 }, "workers", "threads", /^child: 7 threads, then error 8\n$/)).toEqual([
      "workers: 7 threads, then CreateThread error 8",
      "CreateProcess: error 8",
      "overlapped ReadFile: error 1450", // it would need an I/O worker
      "child: 6 threads, then error 8", // the parent's main thread holds a worker
      "child exit 7",
    ]);
  }, 60_000);

  it("ntwasm run --quota handles=N; a value past a quota's range or an unknown name is one line with exit code 2", () => {
    const r = spawnSync(process.execPath, [cli, "run", "--root", tmp, "--quota", "handles=500", limits, "handles"], { encoding: "utf8", cwd: tmp, timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("handles: 497 events, then CreateEvent error 1450");
    const bad = (q: string) => spawnSync(process.execPath, [cli, "run", "--quota", q, limits], { encoding: "utf8", cwd: tmp, timeout: 60_000 });
    expect(bad("handles=16777217")).toMatchObject({ status: 2, stderr: "ntwasm: --quota handles=16777217: handles=N, N from 1 to 16777216\n" });
    expect(bad("nosuch=1")).toMatchObject({
      status: 2,
      stderr: "ntwasm: --quota nosuch=1: NAME=N with NAME one of apcs, pipe-buffer, console-backlog, handles, kernel-memory, objects, threads, workers\n",
    });
  }, 60_000);
});
