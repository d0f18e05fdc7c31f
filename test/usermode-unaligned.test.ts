import { describe, expect, it } from "vitest";
import { conformance, guestBytes, useKernel } from "./harness.ts";

conformance("usermode-unaligned");

describe("usermode-unaligned: the uncontended path", () => {
  const kernel = useKernel();
  const bytes = guestBytes("usermode-unaligned");

  /** Kernel-lock entries taken by a whole process running `entry`. */
  async function lockEntries(entry: string): Promise<number> {
    const before = kernel().memoryStats().lockEntries;
    const r = await kernel().run(bytes, { entry });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    return (kernel().memoryStats().lockEntries - before) >>> 0;
  }

  it("makes no kernel call for misaligned locks: 1,000,000 rounds of critical section, SRW and wakes", async () => {
    await lockEntries("uncontended_0"); // warm up
    const none = await lockEntries("uncontended_0");
    const million = await lockEntries("uncontended_1m");
    expect(million).toBe(none);
  }, 60_000);
});
