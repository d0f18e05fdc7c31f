// Runs AssemblyScript conformance guests through the real path: guest → host → kernel.wasm.
// Each `test_*` export of a guest becomes one vitest case, run as the main thread of a new process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { boot, type BootOptions, type Kernel } from "ntwasm";

export const guestPath = (name: string) => fileURLToPath(new URL(`../dist/guests/${name}.wasm`, import.meta.url));
export const guestBytes = (name: string) => new Uint8Array(readFileSync(guestPath(name)));

/** One shared kernel per test file (or describe block), booted before its tests and shut down after. */
export function useKernel(options?: () => BootOptions): () => Kernel {
  let k: Kernel;
  beforeAll(async () => { k = await boot(options?.()); });
  afterAll(async () => { await k.shutdown(); });
  return () => k;
}

/** What a suite needs besides the defaults: its own kernel and files, and checks after the guest's tests. */
export interface ConformanceOptions {
  /** The describe block's title (default: the guest's name). */
  title?: string;
  /** Boot options for the suite's kernel, asked for when it boots. */
  boot?: () => BootOptions;
  /** Runs once the kernel is up, before the tests (e.g. puts files in C:\). */
  setup?: (kernel: Kernel) => void | Promise<void>;
  /** Declares more tests after the guest's, in the same describe block and on the same kernel. */
  after?: (kernel: () => Kernel) => void;
}

/** Declares one test per `test_*` export of guest `name`; each must print no FAIL line and return 0. */
export function conformance(name: string, timeout = 30_000, options: ConformanceOptions = {}): void {
  const bytes = guestBytes(name);
  const tests = WebAssembly.Module.exports(new WebAssembly.Module(bytes))
    .filter((e) => e.kind === "function" && e.name.startsWith("test_")).map((e) => e.name);
  describe(options.title ?? name, () => {
    const kernel = useKernel(options.boot);
    if (options.setup) beforeAll(() => options.setup!(kernel()));
    it("has tests", () => expect(tests.length).toBeGreaterThan(0));
    for (const entry of tests) {
      it(entry.slice(5), async () => {
        const r = await kernel().run(bytes, { entry });
        const failures = r.stdout.split("\n").filter((l) => l.startsWith("FAIL"));
        expect(failures, r.stdout + r.stderr).toEqual([]);
        expect(r.crash, r.stderr).toBeUndefined();
        expect(r.code).toBe(0);
        expect(kernel().checkKernel(), "the kernel invariant checker after the test").toBeNull();
      }, timeout);
    }
    options.after?.(kernel);
  });
}
