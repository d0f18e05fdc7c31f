// Death at any moment leaks nothing (issue 17): test/cli-guests/death.c starts a child that owns a mutex,
// holds a pipe, has threads (one hammering the kernel lock, one on an armed timer), an overlapped read
// pending, and ends it at a random moment (TerminateProcess, a trap of its own, ExitProcess from a
// thread), then checks the mutex is abandoned, the pipe broken and the exit code right. Here: 200 rounds
// (npm test; `NTWASM_DEATH_ROUNDS=10000 npx vitest run test/death-stress.test.ts` for the long one),
// and the same for threads TerminateThread'ed while they hammer a mutex; then the kernel invariant checker is clean and live objects and bytes in use are back to where a
// warm-up of the same shape left them.
import { beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { boot } from "ntwasm";
import { ccGuest } from "./harness.ts";

const root = mkdtempSync(join(tmpdir(), "ntwasm-death-"));
const ROUNDS = Number(process.env.NTWASM_DEATH_ROUNDS ?? 200);
let bytes: Uint8Array;

beforeAll(() => { bytes = ccGuest("death.c", join(root, "death.wasm")); }, 180_000);

describe("death at any moment", () => {
  it(`${ROUNDS} children ended at random moments: mutexes abandoned, pipes broken, exit codes right, nothing left`, async () => {
    const k = await boot({ root, workers: 8 });
    const run = async (rounds: number, seed: number) => {
      const r = await k.run(bytes, { args: ["death.wasm", String(rounds), String(seed)], imagePath: "C:\\death.wasm" });
      expect(r.stdout.split("\n").filter((l) => l.startsWith("round ") || l === "failed"), r.stdout).toEqual([]);
      expect(r.code, r.stdout).toBe(0);
      // a trapped child reports its crash on stderr: only those lines
      expect(r.stderr.split("\n").filter((l) => l && !/^ntwasm: thread crashed: .*STATUS_INTEGER_DIVIDE_BY_ZERO|^  at /.test(l))).toEqual([]);
    };
    await run(6, 1); // warm-up: every kind of end, the kernel's records and lists at their working size
    const before = k.memoryStats();
    await run(ROUNDS, 2);
    expect(k.checkKernel()).toBeNull();
    const after = k.memoryStats();
    expect(after.liveProcesses).toBe(before.liveProcesses);
    expect(after.liveThreads).toBe(before.liveThreads);
    expect(after.liveObjects).toBe(before.liveObjects);
    expect(after.bytesInUse).toBe(before.bytesInUse);
    await k.shutdown();
  }, 600_000);

  it(`${ROUNDS} threads terminated while hammering a mutex: abandoned or free, never stuck; nothing left`, async () => {
    const k = await boot({ root, workers: 4 });
    const run = async (rounds: number, seed: number) => {
      const r = await k.run(bytes, { args: ["death.wasm", "threads", String(rounds), String(seed)] });
      expect(r.stdout, r.stderr).toMatch(new RegExp(`^${rounds} threads terminated: the mutex was abandoned or free each time`));
      expect(r.code).toBe(0);
    };
    await run(4, 1);
    const before = k.memoryStats();
    await run(ROUNDS, 3);
    expect(k.checkKernel()).toBeNull();
    const after = k.memoryStats();
    expect([after.liveObjects, after.liveThreads, after.bytesInUse]).toEqual([before.liveObjects, before.liveThreads, before.bytesInUse]);
    await k.shutdown();
  }, 600_000);
});
