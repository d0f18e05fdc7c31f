// The kernel's structural promises (docs/architecture.md): no mutable state outside the memory it
// allocates, read-only data left intact, and memory returned on close.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { guestBytes, useKernel } from "./harness.ts";

const wat = readFileSync(fileURLToPath(new URL("../build/kernel.wat", import.meta.url)), "utf8");

describe("kernel.wasm", () => {
  it("has no mutable globals outside kernel/lib/tls.ts (the per-thread registers)", () => {
    const mutable = [...wat.matchAll(/^\s*\(global \$(\S+) \(mut /gm)].map((m) => m[1]);
    expect(mutable.length).toBeGreaterThan(0);
    expect(mutable.filter((g) => !g.startsWith("kernel/lib/tls/"))).toEqual([]);
  });

  it("never allocates through the AssemblyScript runtime", () => {
    expect(wat).not.toMatch(/~lib\/rt\/(stub|tlsf|itcms)\/__(alloc|new|renew)/);
  });

  it("imports only its shared memory and the host clock", () => {
    const imports = [...wat.matchAll(/^\s*\(import "(\w+)" "(\w+)"/gm)].map((m) => `${m[1]}.${m[2]}`);
    expect(imports.sort()).toEqual(["env.memory", "host.now"]);
    expect(wat).toMatch(/\(import "env" "memory" \(memory \$0 \d+ \d+ shared\)\)/);
  });
});

describe("kernel memory", () => {
  const kernel = useKernel();
  const cycles = guestBytes("cycles");

  async function run(entry: string) {
    const r = await kernel().run(cycles, { entry });
    expect(r.code, r.stdout + r.stderr).toBe(0);
  }

  it("1,000,000 event create/close cycles leave kernel memory where it started", async () => {
    await run("cycle_events"); // warm up: the first process sizes its handle table and scratch
    const before = kernel().memoryStats();
    await run("cycle_events");
    const after = kernel().memoryStats();
    expect(after.heapTop).toBe(before.heapTop);
    expect(after.bytesInUse).toBe(before.bytesInUse);
    expect(after.liveObjects).toBe(before.liveObjects);
  }, 120_000);

  it("named objects, threads, processes, timers, APCs and TLS are freed too", async () => {
    await run("cycle_named"); // warm up, as above
    await run("cycle_threads");
    await run("cycle_timers_apcs_tls");
    await run("leak_handles");
    const before = kernel().memoryStats();
    await run("cycle_named");
    await run("cycle_threads");
    await run("cycle_timers_apcs_tls");
    await run("leak_handles");
    const after = kernel().memoryStats();
    expect(after.heapTop).toBe(before.heapTop);
    expect(after.bytesInUse).toBe(before.bytesInUse);
    expect(after.liveObjects).toBe(before.liveObjects);
    expect(after.liveProcesses).toBe(0);
    expect(kernel().listDirectory("\\Sessions\\1\\BaseNamedObjects").map((e) => e.name).sort()).toEqual(["Global", "Local"]);
  }, 120_000);

  it("read-only data below the root block is byte-identical after all that work", async () => {
    const k = kernel();
    const { rootAddress } = k.memoryStats();
    const pristine = new WebAssembly.Memory({ initial: 16, maximum: 32768, shared: true });
    await WebAssembly.instantiate(k.module, { env: { memory: pristine }, host: { now: () => 0 } });
    const live = new Uint8Array(k.memory.buffer, 0, rootAddress);
    const fresh = new Uint8Array(pristine.buffer, 0, rootAddress);
    expect(Buffer.compare(Buffer.from(live), Buffer.from(fresh))).toBe(0);
  });
});
