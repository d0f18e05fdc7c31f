// Overlapped I/O through the real path (guests/as/tests/overlapped.ts), and the kernel memory it
// uses: requests, I/O worker threads and their event are freed when the process ends, also when it
// ends with requests still pending (test/cli-guests/overlapped_exit.c: 200 of them, ended three ways).
import { beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { boot } from "ntwasm";
import { ccGuest, conformance, guestBytes, useKernel } from "./harness.ts";

conformance("overlapped", 60_000);

describe("overlapped I/O memory", () => {
  const kernel = useKernel();
  const run = async (entry: string) => {
    const r = await kernel().run(guestBytes("overlapped"), { entry });
    expect(r.code, r.stdout + r.stderr).toBe(0);
  };
  it("requests and I/O workers are freed, pending ones too", async () => {
    for (const e of ["test_many_pending", "test_cancel", "leak_pending"]) await run(e); // warm up
    const before = kernel().memoryStats();
    for (const e of ["test_many_pending", "test_cancel", "leak_pending"]) await run(e);
    const after = kernel().memoryStats();
    expect(after.bytesInUse).toBe(before.bytesInUse);
    expect(after.liveObjects).toBe(before.liveObjects);
    expect(after.liveThreads).toBe(before.liveThreads);
    expect(after.liveProcesses).toBe(0);
  }, 60_000);
});

describe("a process ending with 200 overlapped reads pending", () => {
  const root = mkdtempSync(join(tmpdir(), "ntwasm-overlapped-exit-"));
  let bytes: Uint8Array;
  beforeAll(() => { bytes = ccGuest("overlapped_exit.c", join(root, "overlapped_exit.wasm")); }, 180_000);

  // Its I/O workers were once left holding the kernel lock at teardown (4 in ~45 loaded runs); each
  // round here ends one while its workers start, run or wait, and the kernel must stay sound.
  it("30 rounds, returning, ExitProcess and TerminateProcess: the kernel stays sound, nothing is left", async () => {
    const k = await boot({ root });
    const round = async (i: number) => {
      const r = await k.run(bytes, { args: ["overlapped_exit.wasm", String(i % 3), String((i * 37) % 97)] });
      expect(r.stdout + r.stderr).toBe("");
      expect(r.code).toBe(3);
    };
    for (let i = 0; i < 3; i++) await round(i); // warm-up: thread records at their working count
    const before = k.memoryStats();
    for (let i = 0; i < 30; i++) {
      await round(i);
      expect(k.checkKernel()).toBeNull();
    }
    const after = k.memoryStats();
    expect(after.liveThreads).toBe(before.liveThreads);
    expect(after.liveObjects).toBe(before.liveObjects);
    expect(after.bytesInUse).toBe(before.bytesInUse);
    await k.shutdown();
  }, 300_000);
});
