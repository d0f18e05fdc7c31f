// A kernel fault (issue 17): a thread that traps inside kernel.wasm while it holds the kernel lock must
// not hang the system. The kernel is marked failed, threads asking for the lock trap instead of spinning,
// every process of the kernel ends with STATUS_INTERNAL_ERROR and the fault's story (the entry point, the
// trap, the thread), later host calls throw KernelFailedError, shutdown() completes, and `ntwasm run` exits
// with 125. The fault comes from NtwInjectKernelFault, which only boot({ faultInjection: true }) enables.
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { boot, KernelFailedError, KernelShutDownError } from "ntwasm";
import { ccGuest, cliPath } from "./harness.ts";

const cli = cliPath;
const tmp = mkdtempSync(join(tmpdir(), "ntwasm-kernel-fault-"));
const guest = join(tmp, "kernel_fault.wasm");
let bytes: Uint8Array;
const STATUS_INTERNAL_ERROR = 0xc00000e5;

beforeAll(() => { bytes = ccGuest("kernel_fault.c", guest); }, 180_000);

describe("a kernel fault", () => {
  it("is refused unless the kernel was booted for it", async () => {
    const k = await boot();
    const r = await k.run(bytes, { args: ["kernel_fault.wasm", "0"] });
    expect(r.stdout).toBe("faulting\nrefused: 50\n"); // ERROR_NOT_SUPPORTED
    expect(r.code).toBe(0);
    await k.shutdown();
  });

  it.each([["0", "divide by zero"], ["1", "unreachable"], ["2", "memory access out of bounds"]])(
    "kind %s: every process ends with the fault's story, the host API throws, shutdown completes", async (kind, trap) => {
      const k = await boot({ faultInjection: true });
      let bystanderOut = "";
      const bystander = await k.spawn(bytes, { args: ["kernel_fault.wasm", "wait"], stdout: (t) => { bystanderOut += t; } });
      while (!bystanderOut) await new Promise((r) => setTimeout(r, 10));
      const faulty = await k.spawn(bytes, { args: ["kernel_fault.wasm", kind], stdout: () => {} });
      const [a, b] = await Promise.all([faulty.exited, bystander.exited]);
      const story = new RegExp(`^kernel fault in NtwInjectKernelFault: ${trap} \\(thread \\d+ of process ${faulty.pid}\\)$`);
      for (const e of [a, b]) {
        expect(e.code).toBe(STATUS_INTERNAL_ERROR);
        expect(e.kernelFault).toMatch(story);
      }
      expect(k.failure).toBeInstanceOf(KernelFailedError);
      expect(() => k.snapshot()).toThrow(KernelFailedError);
      expect(() => k.memoryStats()).toThrow(KernelFailedError);
      await expect(k.spawn(bytes, { args: ["kernel_fault.wasm", "wait"] })).rejects.toBeInstanceOf(KernelFailedError);
      await k.shutdown();
    }, 60_000);

  it("ntwasm run: one line on stderr and exit code 125", () => {
    const r = spawnSync(process.execPath, [cli, "run", guest, "0"], { encoding: "utf8", cwd: tmp, timeout: 60_000,
      env: { ...process.env, NTWASM_FAULT_INJECTION: "1" } });
    expect(r.status, r.stderr).toBe(125);
    expect(r.stdout).toBe("faulting\n");
    expect(r.stderr).toMatch(/^ntwasm: kernel fault in NtwInjectKernelFault: divide by zero \(thread \d+ of process \d+\); every process of the kernel has ended\n$/);
  });
});

// shutdown() stops workers wherever they are, perhaps holding the kernel lock: a host timer that fired
// later (a terminated thread's grace period) then spun for ever on it (seen as `ntwasm run` of
// guests/c/sdk/ntw_wait_chain.c not exiting, 1 run in 20-50). Nothing enters a shut-down kernel.
describe("a kernel after shutdown()", () => {
  it("refuses every call with KernelShutDownError instead of entering it", async () => {
    const k = await boot();
    await k.shutdown();
    expect(() => k.memoryStats()).toThrow(KernelShutDownError);
    expect(() => k.snapshot()).toThrow(KernelShutDownError);
    expect(() => k.checkKernel()).toThrow(KernelShutDownError);
  });
});
