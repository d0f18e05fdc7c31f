// usermode.wasm's structural promises (docs/architecture.md, "The user-mode runtime"): it runs in
// the guest's address space, so it must never write there on its own (no data segments: instantiating
// the module once per thread would rewrite them into the guest's memory) and keeps no state of its
// own (no globals: the only per-thread value, the thread id, is an imported mutable global that the
// worker sets at each thread start, so one instance serves every thread of a process on a worker).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { USER_SYSCALLS } from "../host/generated/bindings.ts";
import * as abi from "../host/generated/abi.ts";

const read = (rel: string) => readFileSync(fileURLToPath(new URL(`../${rel}`, import.meta.url)), "utf8");
const KERNEL_IMPORTS = ["kernel.SetLastError", "kernel.ntw_keyed_cancel", "kernel.ntw_keyed_commit", "kernel.ntw_keyed_prepare", "kernel.ntw_keyed_wake",
  "kernel.ntw_release_semaphore", "kernel.ntw_iocp_get", "kernel.ntw_iocp_last"];

for (const [file, shared] of [["build/usermode.wat", true], ["build/usermode-local.wat", false]] as const) {
  describe(file, () => {
    const wat = read(file);

    it("has no data segments", () => {
      expect(wat).not.toMatch(/^\s*\(data\b/m);
    });

    it("declares no globals of its own (the thread id is an imported mutable global)", () => {
      expect([...wat.matchAll(/^\s*\(global \$(\S+)/gm)].map((m) => m[1])).toEqual([]);
      expect(wat).toMatch(/\(import "env" "threadId" \(global \$\S+ \(mut i32\)\)\)/);
    });

    it("never allocates", () => {
      expect(wat).not.toMatch(/~lib\/rt\//);
    });

    it("imports the guest's memory, the thread id, the kernel's keyed waits and semaphore release, and the host's InitOnce callback", () => {
      const imports = [...wat.matchAll(/^\s*\(import "(\w+)" "(\w+)"/gm)].map((m) => `${m[1]}.${m[2]}`);
      expect(imports.sort()).toEqual(["env.memory", "env.threadId", "host.callInitFn", ...KERNEL_IMPORTS].sort());
      // Initial size 0: it accepts any guest memory; a shared one up to 4 GiB.
      expect(wat).toMatch(shared ? /\(import "env" "memory" \(memory \$0 0 65536 shared\)\)/ : /\(import "env" "memory" \(memory \$0 0\)\)/);
    });

    it("exports every user-mode entry of the ABI", () => {
      const exports = [...wat.matchAll(/^\s*\(export "(\w+)" \(func/gm)].map((m) => m[1]);
      expect(exports.sort()).toEqual([...USER_SYSCALLS].sort());
    });
  });
}

describe("usermode/kernel.ts", () => {
  it("uses the ABI's values for the constants it keeps (it cannot import kernel/generated)", () => {
    const src = read("usermode/kernel.ts");
    const consts = [...src.matchAll(/^export const (\w+): u32 = (\w+);/gm)];
    expect(consts.length).toBeGreaterThan(0);
    for (const [, name, value] of consts) {
      expect(Number(value), name).toBe((abi as unknown as Record<string, number>)[name]);
    }
  });

  it("imports only kernel exports that kernel.wasm has", () => {
    const kernel = new WebAssembly.Module(readFileSync(fileURLToPath(new URL("../dist/kernel.wasm", import.meta.url))));
    const names = new Set(WebAssembly.Module.exports(kernel).map((e) => e.name));
    for (const k of KERNEL_IMPORTS) expect(names.has(k.slice(7)), k).toBe(true);
  });
});
