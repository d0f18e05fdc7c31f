// Runs AssemblyScript conformance guests through the real path: guest → host → kernel.wasm.
// Each `test_*` export of a guest becomes one vitest case, run as the main thread of a new process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { boot, type Kernel } from "ntwasm";

export const guestPath = (name: string) => fileURLToPath(new URL(`../dist/guests/${name}.wasm`, import.meta.url));
export const guestBytes = (name: string) => new Uint8Array(readFileSync(guestPath(name)));

/** One shared kernel per test file, booted before its tests and shut down after. */
export function useKernel(): () => Kernel {
  let k: Kernel;
  beforeAll(async () => { k = await boot(); });
  afterAll(async () => { await k.shutdown(); });
  return () => k;
}

/** Declares one test per `test_*` export of guest `name`; each must print no FAIL line and return 0. */
export function conformance(name: string, timeout = 30_000): void {
  const bytes = guestBytes(name);
  const tests = WebAssembly.Module.exports(new WebAssembly.Module(bytes))
    .filter((e) => e.kind === "function" && e.name.startsWith("test_")).map((e) => e.name);
  describe(name, () => {
    const kernel = useKernel();
    it("has tests", () => expect(tests.length).toBeGreaterThan(0));
    for (const entry of tests) {
      it(entry.slice(5), async () => {
        const r = await kernel().run(bytes, { entry });
        const failures = r.stdout.split("\n").filter((l) => l.startsWith("FAIL"));
        expect(failures, r.stdout + r.stderr).toEqual([]);
        expect(r.crash, r.stderr).toBeUndefined();
        expect(r.code).toBe(0);
      }, timeout);
    }
  });
}
