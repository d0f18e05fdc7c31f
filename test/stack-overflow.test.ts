// Stack overflow: ntwasm cc makes every write of a C guest's stack pointer check it against the
// thread's stack (host/stack-check.ts), so runaway recursion ends the process with
// STATUS_STACK_OVERFLOW (0xc00000fd, the shell sees 253), as on Windows, before a frame lands on the
// memory below: the heap or another thread's stack. A thread may use nearly all of its stack.
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { boot } from "ntwasm";
import { addStackChecks } from "../host/stack-check.ts";

const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
const src = fileURLToPath(new URL("./cli-guests/stack_overflow.c", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "ntwasm-stack-"));
// one name in two directories: the module's name (its name section) is the output file's
const checked = join(tmp, "checked", "stack_overflow.wasm");
const unchecked = join(tmp, "unchecked", "stack_overflow.wasm");
const run = (wasm: string, ...args: string[]) =>
  spawnSync(process.execPath, [cli, "run", wasm, ...args], { encoding: "utf8", cwd: tmp, timeout: 60_000 });

beforeAll(() => {
  for (const [out, flags] of [[checked, []], [unchecked, ["-fno-stack-check"]]] as const) {
    mkdirSync(join(out, ".."));
    const r = spawnSync(process.execPath, [cli, "cc", src, ...flags, "-o", out], { encoding: "utf8", timeout: 120_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  }
}, 240_000);

/** [id, offset, size] of each section of a module. */
function sections(b: Uint8Array): number[][] {
  const out: number[][] = [];
  for (let p = 8; p < b.length;) {
    const id = b[p++];
    let size = 0, shift = 0, x: number;
    do { x = b[p++]; size |= (x & 0x7f) << shift; shift += 7; } while (x & 0x80);
    out.push([id, p, size]);
    p += size;
  }
  return out;
}

/** The crash report, with the frame that had no room (`frame`: the first line after the header). */
const report = (frame: string) => new RegExp("^ntwasm: thread crashed: process \\d+ \\(stack_overflow\\.wasm\\), thread \\d+: " +
  "STATUS_STACK_OVERFLOW \\(0xc00000fd\\): stack overflow: no room for the next frame \\(stack pointer 0x[0-9a-f]{8}, " +
  `the thread's stack limit 0x[0-9a-f]{8}\\)\\n  at ${frame} \\(wasm-function\\[\\d+\\]:0x[0-9a-f]+\\)\\n`);

describe("a C guest that recurses past its stack", () => {
  // the prologue's inline check refuses recurse's frame; grab's _alloca calls __ntwasm_stack_set
  it.each([["thread", "recurse"], ["main", "recurse"], ["alloca", "__ntwasm_stack_set"]])(
    "%s: ends the process with STATUS_STACK_OVERFLOW, the shell gets 253", (what, top) => {
      const r = run(checked, what);
      expect(r.stdout).toBe("before the overflow\n");
      expect(r.stderr).toMatch(report(top));
      const frames = top === "recurse" ? "recurse" : "grab";
      expect(r.stderr).toMatch(new RegExp(`\\n  at ${frames} \\(\\d+ more frames of it\\)\\n`));
      expect(r.status).toBe(0xfd);
    });

  it("the exit code is the whole NTSTATUS through the API", async () => {
    const k = await boot({ root: tmp });
    try {
      const r = await k.run(new Uint8Array(readFileSync(checked)), { args: ["stack_overflow.wasm", "thread"], stdin: "" });
      expect(r.code).toBe(0xc00000fd);
      expect(r.crash).toMatch(/^stack overflow: no room for the next frame \(stack pointer 0x[0-9a-f]{8}, the thread's stack limit 0x[0-9a-f]{8}\)$/);
    } finally {
      await k.shutdown();
    }
  });

  it("200 KiB of a 256 KiB stack is fine, in a thread and on the main thread; nothing else is touched", () => {
    for (const wasm of [checked, unchecked]) {
      const r = run(wasm, "deep");
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe("before the overflow\nthread: 200 KiB of its stack used, exit code 0\n" +
        "main thread: 200 KiB of its stack used\nthe waiting thread's locals: intact\nthe heap block: intact\n");
      expect(r.status).toBe(0);
    }
  });
});

describe("ntwasm cc's stack checks", () => {
  it("check every write that may move the stack pointer down, in place: the -fno-stack-check build, checked, is the default build", () => {
    const plain = new Uint8Array(readFileSync(unchecked));
    const result = addStackChecks(plain);
    expect(result.inline).toBeGreaterThan(10); // prologues
    expect(result.up).toBeGreaterThan(10); // epilogues
    expect(result.unchecked).toBe(0);
    // what is left calls __ntwasm_stack_set: writes that are not a prologue's (an alloca), if any
    expect(result.calls).toBeLessThan(result.inline / 4);
    const checkedBytes = readFileSync(checked);
    expect(Buffer.from(result.bytes).equals(checkedBytes)).toBe(true);
    // no code moved: every section is where it was, as long, and the list of the inline checks follows
    expect(sections(result.bytes).slice(0, -1)).toEqual(sections(plain));
    expect(sections(result.bytes).at(-1)?.[0]).toBe(0);
  });

  it("-fno-stack-check builds without them: the overflow runs over all memory below, to address 0", () => {
    const r = run(unchecked, "main");
    expect(r.stdout).toBe("before the overflow\n");
    expect(r.stderr).toMatch(/STATUS_STACK_OVERFLOW \(0xc00000fd\): memory access out of bounds\n  at recurse /);
  });
});
