// The model-based fuzzer's short pass (docs/reliability.md): random multi-thread, multi-process programs of
// Win32 calls, bad arguments included, run through the interpreter guest (test/fuzz/guest.c) and the model
// (test/fuzz/model.ts), every result and last error compared, the kernel invariant checker and the kernel's
// memory checked after each program. A fixed seed, so the pass is the same every time; `npm run fuzz` runs long.
// Below it, the sequences the fuzzer found, each a regression test of the kernel's fix.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FuzzSession } from "./fuzz/session.ts";
import { normalize, type AbsProgram, type HRef } from "./fuzz/program.ts";
import { ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, SENTINEL, STATUS_ACCESS_VIOLATION } from "./fuzz/model.ts";

let session: FuzzSession;
beforeAll(async () => { session = await FuzzSession.start(); }, 180_000);
afterAll(async () => { await session?.close(); });

const live = (i = 0): HRef => ({ t: "live", i, bits: 0 });
const self: HRef = { t: "pseudo", v: 0xffffffff };
const unnamedEvent = { c: "ce" as const, sa: 0, manual: 1, initial: 0, name: { i: null, mode: 0 } };

describe("the model-based fuzzer", () => {
  it("a fixed-seed pass: 150 programs of up to 200 calls agree with the model, no trap, hang, leak or violation", async () => {
    const f = await session.check(20260, 150, 200);
    expect(f?.report ?? null).toBeNull();
    expect(session.stats.calls).toBeGreaterThan(2000);
    expect(session.stats.leaks + session.stats.violations + session.stats.traps + session.stats.hangs).toBe(0);
  }, 120_000);
});

describe("found by the fuzzer", () => {
  const run = async (prog: AbsProgram) => expect(await session.run(prog)).toBeNull();

  it("DuplicateHandle with DUPLICATE_CLOSE_SOURCE closes the source even when the target process is invalid", async () => {
    // DuplicateHandle(GetCurrentProcess(), h, NULL, NULL, 0, FALSE, DUPLICATE_CLOSE_SOURCE): FALSE, ERROR_INVALID_HANDLE, h closed
    const prog: AbsProgram = { P: 1, T: 1, ops: [
      { p: 0, k: 0, s: unnamedEvent },
      { p: 0, k: 0, s: { c: "dup", sp: self, h: live(), dp: { t: "raw", v: 0 }, ptr: 0, access: 0, inherit: 0, options: 1 } },
      { p: 0, k: 0, s: { c: "w1", h: { t: "closed", i: 0 } } },
    ] };
    const steps = normalize(prog).steps;
    expect(steps[1].expect).toMatchObject({ ret: 0, err: ERROR_INVALID_HANDLE });
    expect(steps[2].expect).toMatchObject({ ret: 0xffffffff, err: ERROR_INVALID_HANDLE }); // the event's handle is gone
    await run(prog);
    // and across processes: process 1 closes a handle of process 0 that way
    await run({ P: 2, T: 1, ops: [
      { p: 0, k: 0, s: unnamedEvent },
      { p: 1, k: 0, s: { c: "dup", sp: { t: "proc", j: 0, bits: 0 }, h: live(), dp: { t: "raw", v: 0 }, ptr: 1, access: 0, inherit: 0, options: 1 } },
      { p: 0, k: 0, s: { c: "w1", h: { t: "closed", i: 0 } } },
    ] });
  });

  it("an ntdll call with a bad pointer returns STATUS_ACCESS_VIOLATION and leaves the last error alone", async () => {
    const prog: AbsProgram = { P: 1, T: 1, ops: [
      { p: 0, k: 0, s: unnamedEvent },
      { p: 0, k: 0, s: { c: "q", which: 0, h: live(), len: 8, buf: 3, ret: 0 } },
    ] };
    expect(normalize(prog).steps[1].expect).toMatchObject({ ret: STATUS_ACCESS_VIOLATION, err: SENTINEL });
    await run(prog);
  });

  it("WaitForMultipleObjects with nCount 0 or past 64 is ERROR_INVALID_PARAMETER whatever lpHandles is", async () => {
    const prog: AbsProgram = { P: 1, T: 1, ops: [0, 65, 0x80000000].flatMap((count) => [3, 4].map((ptr) => (
      { p: 0, k: 0, s: { c: "wn" as const, count, hs: [], all: 0, ptr } }))) };
    for (const s of normalize(prog).steps.slice(0, -1)) expect(s.expect).toMatchObject({ ret: 0xffffffff, err: ERROR_INVALID_PARAMETER });
    await run(prog);
  });
});
