// Overlapped I/O through the real path (guests/as/tests/overlapped.ts), and the kernel memory it
// uses: requests, I/O worker threads and their event are freed when the process ends, also when it
// ends with requests still pending.
import { describe, expect, it } from "vitest";
import { conformance, guestBytes, useKernel } from "./harness.ts";

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
