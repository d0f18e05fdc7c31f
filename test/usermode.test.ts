import { describe, expect, it } from "vitest";
import { conformance, guestBytes, useKernel } from "./harness.ts";

conformance("usermode");

describe("usermode: the uncontended path", () => {
  const kernel = useKernel();
  const bytes = guestBytes("usermode");

  /** Kernel-lock entries taken by a whole process running `entry`. */
  async function lockEntries(entry: string): Promise<number> {
    const before = kernel().memoryStats().lockEntries;
    const r = await kernel().run(bytes, { entry });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    return (kernel().memoryStats().lockEntries - before) >>> 0;
  }

  it("makes no kernel call: 1,000,000 rounds of Enter/TryEnter/Leave, SRW acquire/release and wakes with no sleeper", async () => {
    await lockEntries("uncontended_0"); // warm up
    const none = await lockEntries("uncontended_0");
    const million = await lockEntries("uncontended_1m");
    expect(million).toBe(none);
  }, 60_000);
});

describe("usermode: a guest that exports its memory", () => {
  const kernel = useKernel();

  it("reaches the runtime through trampolines (the runtime starts after the guest)", async () => {
    const { default: binaryen } = await import("binaryen");
    const m = binaryen.parseText(`(module
      (import "kernel32" "InitializeCriticalSection" (func $init (param i32)))
      (import "kernel32" "EnterCriticalSection" (func $enter (param i32)))
      (import "kernel32" "TryEnterCriticalSection" (func $try (param i32) (result i32)))
      (import "kernel32" "LeaveCriticalSection" (func $leave (param i32)))
      (import "kernel32" "GetCurrentThreadId" (func $tid (result i32)))
      (memory (export "memory") 1)
      (func (export "main") (result i32)
        (call $init (i32.const 64))
        (call $enter (i32.const 64))
        (call $enter (i32.const 64))
        (drop (call $try (i32.const 64)))
        (if (i32.ne (i32.load (i32.const 76)) (call $tid)) (then (return (i32.const 100))))
        (if (i32.ne (i32.load (i32.const 68)) (i32.const 2)) (then (return (i32.const 101))))
        (call $leave (i32.const 64))
        (call $leave (i32.const 64))
        (call $leave (i32.const 64))
        (if (i32.ne (i32.load (i32.const 68)) (i32.const -1)) (then (return (i32.const 102))))
        (i32.load (i32.const 72))))`);
    const bytes = m.emitBinary();
    m.dispose();
    const r = await kernel().run(bytes);
    expect(r.crash, r.stderr).toBeUndefined();
    expect(r.code).toBe(0); // RecursionCount back to 0
  });
});
