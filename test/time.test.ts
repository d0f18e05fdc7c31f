import { beforeAll, describe, expect, it } from "vitest";
import { conformance, guestBytes, useKernel } from "./harness.ts";

conformance("time");

// "Timeouts and timers are driven by the kernel without polling: a thread that sleeps or waits for a
// long time uses no CPU." Measured as this process's CPU time (every guest worker is a thread of it).
describe("time: long sleeps and waits use no CPU", () => {
  const kernel = useKernel();
  // a fresh kernel's first runs start and warm its workers (tenths of a second of CPU each on a slow VM):
  // not what is measured here
  beforeAll(async () => {
    for (const entry of ["test_sleep_zero", "test_completion_routine_other_thread"]) await kernel().run(guestBytes("time"), { entry });
  });
  for (const entry of ["sleep_in_thread", "wait_for_timer"]) {
    it(entry, async () => {
      const bytes = guestBytes("time");
      const t0 = performance.now();
      const before = process.cpuUsage();
      const r = await kernel().run(bytes, { entry });
      const used = process.cpuUsage(before);
      const wall = performance.now() - t0;
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(wall).toBeGreaterThanOrEqual(9900);
      const cpuSeconds = (used.user + used.system) / 1e6;
      expect(cpuSeconds, `${cpuSeconds} s of CPU over ${wall} ms`).toBeLessThan(0.5);
    }, 30_000);
  }
});
