// Runs AssemblyScript conformance guests through the real path: guest → host → kernel.wasm.
// Each `test_*` export of a guest becomes one vitest case, run as the main thread of a new process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { boot, type BootOptions, type Kernel } from "ntwasm";

export const guestPath = (name: string) => fileURLToPath(new URL(`../dist/guests/${name}.wasm`, import.meta.url));
export const guestBytes = (name: string) => new Uint8Array(readFileSync(guestPath(name)));

/** The built CLI, as users run it. */
export const cliPath = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));

/**
 * Builds C guest `src` (a test/cli-guests/ name, or a path) with plain `ntwasm cc` (and `flags`) into
 * `out`, as a user would; it must build cleanly. Returns the module's bytes.
 */
export function ccGuest(src: string, out: string, flags: string[] = []): Uint8Array {
  const path = src.includes("/") ? src : fileURLToPath(new URL(`./cli-guests/${src}`, import.meta.url));
  const r = spawnSync(process.execPath, [cliPath, "cc", path, ...flags, "-o", out], { encoding: "utf8", timeout: 120_000 });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return new Uint8Array(readFileSync(out));
}

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
