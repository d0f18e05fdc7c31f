// Crash reports: a trapped guest thread names its process and thread, the NTSTATUS Windows would give
// (which is the process's exit code through the API; the shell sees its low byte) and a backtrace
// with the function names of the module's name section and, built with -g, each frame's file:line
// from DWARF (4 and 5; host/dwarf.ts); the crashed process prints nothing after.
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { boot } from "ntwasm";
import { bytesDwarf, DebugInfo, type SourceFrame } from "../host/dwarf.ts";

const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "ntwasm-cli-crash-"));
const guest = join(tmp, "crash.wasm");
const src = fileURLToPath(new URL("./cli-guests/crash.c", import.meta.url));
const runOf = (wasm: string) => (...args: string[]) =>
  spawnSync(process.execPath, [cli, "run", wasm, ...args], { encoding: "utf8", cwd: tmp, timeout: 60_000 });
const run = runOf(guest);
/**
 * crash.c built with -g (DWARF 4, clang 19's default on wasm32) from test/ as cli-guests/crash.c, and
 * with -gdwarf-5 from elsewhere by its absolute path: a report names the file as clang recorded it.
 */
const testDir = fileURLToPath(new URL(".", import.meta.url));
const debugGuests = [
  { flag: "-g", wasm: join(tmp, "crash-g.wasm"), cwd: testDir, source: "cli-guests/crash.c" },
  { flag: "-gdwarf-5", wasm: join(tmp, "crash-g5.wasm"), cwd: tmp, source: src },
];

beforeAll(() => {
  const cc = (args: string[], cwd?: string) => {
    const r = spawnSync(process.execPath, [cli, "cc", ...args], { encoding: "utf8", timeout: 120_000, cwd });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  };
  cc([src, "-o", guest]);
  for (const g of debugGuests) cc([g.source, g.flag, "-o", g.wasm], g.cwd);
}, 180_000);

/** The line of crash.c that holds `text` (once), from 1. */
function lineOf(text: string): number {
  const lines = readFileSync(src, "utf8").split("\n");
  const at = lines.flatMap((l, i) => (l.includes(text) ? [i + 1] : []));
  expect(at, `one line of crash.c holds ${text}`).toHaveLength(1);
  return at[0];
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A backtrace line of a -g build: the function, the source file as compiled, the line, a column. */
const frameAt = (source: string, fn: string, line: number, rest = "wasm-function\\[\\d+\\]:0x[0-9a-f]+") =>
  new RegExp(`^  at ${fn} \\(${escape(source)}:${line}:\\d+, ${rest}\\)$`, "m");

const header = (status: string, code: string, why: string) =>
  new RegExp(`^ntwasm: thread crashed: process \\d+ \\(crash\\.wasm\\), thread \\d+: ${status} \\(${code}\\): ${why}\\n`);

describe("ntwasm run: a thread that traps", () => {
  it.each([
    ["div", "STATUS_INTEGER_DIVIDE_BY_ZERO", "0xc0000094", "divide by zero", ["at divide (wasm-function[", "at main ("]],
    ["stack", "STATUS_STACK_OVERFLOW", "0xc00000fd", "stack overflow: no room for the next frame \\(stack pointer 0x[0-9a-f]{8}, the thread's stack limit 0x[0-9a-f]{8}\\)",
      ["at recurse (wasm-function[", "more frames of it"]],
    ["oob", "STATUS_ACCESS_VIOLATION", "0xc0000005", "memory access out of bounds", ["at poke (wasm-function[", "at main ("]],
    ["trap", "STATUS_ILLEGAL_INSTRUCTION", "0xc000001d", "unreachable", ["at main (wasm-function["]],
  ])("%s: names the NTSTATUS and the guest's functions; the shell gets the low byte", (what, status, code, why, frames) => {
    const r = run(what);
    expect(r.stdout).toBe("before the crash\n");
    expect(r.stderr).toMatch(header(status, code, why));
    for (const f of frames) expect(r.stderr).toContain(f);
    expect(r.stderr).not.toMatch(/file:\/\/|node:/); // host frames are left out
    expect(r.stderr).not.toContain("crash.c"); // no DWARF without -g: names only
    expect(r.status).toBe(Number(code) & 0xff);
  });

  describe.each(debugGuests)("built with $flag ($source)", ({ wasm, source }) => {
    const runG = runOf(wasm);
    const frame = (fn: string, line: number, rest?: string) => frameAt(source, fn, line, rest);
    const reportHeader = (status: string) =>
      new RegExp(`^ntwasm: thread crashed: process \\d+ \\(${escape(basename(wasm))}\\), thread \\d+: ${status} `);

    it("div: file:line of the division and of the call in main", () => {
      const r = runG("div");
      expect(r.stderr).toMatch(reportHeader("STATUS_INTEGER_DIVIDE_BY_ZERO"));
      const lines = r.stderr.split("\n");
      expect(lines[1]).toMatch(frame("divide", lineOf("int divide(")));
      expect(lines[2]).toMatch(frame("main", lineOf("divide(1, zero)")));
      expect(r.status).toBe(0x94);
    });

    it("oob: the inlined load, then poke and main", () => {
      const r = runG("oob");
      expect(r.stderr).toMatch(reportHeader("STATUS_ACCESS_VIOLATION"));
      const lines = r.stderr.split("\n");
      expect(lines[1]).toMatch(frame("load", lineOf("int load("), "inlined into poke"));
      expect(lines[2]).toMatch(frame("poke", lineOf("int poke(")));
      expect(lines[3]).toMatch(frame("main", lineOf("poke()")));
      expect(r.status).toBe(0x05);
    });

    it("stack: the recursion is one line with its position and its count", () => {
      const r = runG("stack");
      expect(r.stderr).toMatch(reportHeader("STATUS_STACK_OVERFLOW"));
      // the stack check in recurse's prologue refused its frame: the function's line, with no column
      expect(r.stderr).toMatch(new RegExp(`^  at recurse \\(${escape(source)}:${lineOf("int recurse(")}, wasm-function\\[\\d+\\]:0x[0-9a-f]+\\)$`, "m"));
      expect(r.stderr).toMatch(/^ {2}at recurse \(\d+ more frames of it\)$/m);
    });

    it("a child process started with CreateProcessW reports its frames' lines too", () => {
      const r = runG("child");
      expect(r.stdout).toBe("before the crash\nbefore the crash\nthe child exited with 0xc0000094\n");
      expect(r.stderr).toMatch(reportHeader("STATUS_INTEGER_DIVIDE_BY_ZERO"));
      expect(r.stderr).toMatch(frame("divide", lineOf("int divide(")));
      expect(r.status).toBe(0);
    });
  });

  const symbolizer = "/usr/lib/llvm-19/bin/llvm-symbolizer"; // Debian's llvm-19, which ntwasm cc needs
  it.skipIf(!existsSync(symbolizer)).each(debugGuests)("host/dwarf.ts agrees with llvm-symbolizer in all of the $flag build", ({ wasm }) => {
    const bytes = new Uint8Array(readFileSync(wasm));
    const { sections, codeSize } = bytesDwarf(bytes);
    const d = new DebugInfo(sections);
    const addrs: number[] = [];
    for (let a = 1; a < codeSize; a += 3) addrs.push(a); // the guest's code and the C runtime's, libc's
    // llvm-symbolizer: "function\nfile:line:column" per frame, innermost first, a blank line after each address
    const out = spawnSync(symbolizer, [`--obj=${wasm}`, "--inlining", "--functions=short", ...addrs.map((a) => `0x${a.toString(16)}`)],
      { encoding: "utf8", maxBuffer: 1 << 28 });
    expect(out.status).toBe(0);
    const blocks = out.stdout.trimEnd().split("\n\n");
    expect(blocks).toHaveLength(addrs.length);
    const pos = (l: string) => /:0:\d+$/.test(l) ? "?" : l.replace(/:(\d+):0$/, ":$1"); // line 0: no source line
    const mine = (f: SourceFrame) => [f.function ?? "?",
      f.position ? `${f.position.file}:${f.position.line}${f.position.column ? `:${f.position.column}` : ""}` : "?"];
    let known = 0;
    addrs.forEach((a, i) => {
      const lines = blocks[i].split("\n");
      const theirs = lines.flatMap((l, j) => (j % 2 ? [] : [[l === "??" ? "?" : l, pos(lines[j + 1])]]));
      const ours = d.lookup(a).map(mine);
      if (!ours.length) ours.push(["?", "?"]);
      expect(ours.length, `0x${a.toString(16)}`).toBe(theirs.length);
      ours.forEach(([fn, at], k) => {
        // llvm-symbolizer puts a relative name under DW_AT_comp_dir; ours stays as compiled
        if (at !== theirs[k][1]) expect(theirs[k][1], `0x${a.toString(16)}`).toMatch(new RegExp(`/${escape(at.replace(/^\.\//, ""))}$`));
        expect(fn, `0x${a.toString(16)}`).toBe(theirs[k][0]);
      });
      if (ours[0][1] !== "?") known++;
    });
    expect(known).toBeGreaterThan(addrs.length / 5); // wasi-libc has DWARF; the ntwasm runtime is built without -g
  });

  it("the exit code is the full NTSTATUS through the API", async () => {
    const k = await boot({ root: tmp });
    try {
      const r = await k.run(new Uint8Array(readFileSync(guest)), { args: ["crash.wasm", "div"], stdin: "" });
      expect(r.code).toBe(0xc0000094);
      expect(r.crash).toBe("divide by zero");
      expect(r.stderr).toMatch(header("STATUS_INTEGER_DIVIDE_BY_ZERO", "0xc0000094", "divide by zero"));
    } finally {
      await k.shutdown();
    }
  });

  it("other threads of the crashed process print nothing after the report", async () => {
    const k = await boot({ root: tmp });
    try {
      for (let round = 0; round < 3; round++) {
        const log: string[] = [];
        const p = await k.spawn(new Uint8Array(readFileSync(guest)), {
          args: ["crash.wasm", "threads"], stdin: "",
          stdout: (t) => log.push(t), stderr: (t) => log.push(`[stderr] ${t}`),
        });
        const exit = await p.exited;
        expect(exit.code).toBe(0xc0000094);
        const text = log.join("");
        const at = text.indexOf("[stderr] ntwasm: thread crashed:");
        expect(at).toBeGreaterThan(0);
        expect(text.slice(0, at)).toContain("chatter 10\n");
        expect(text.slice(at)).not.toContain("chatter");
        expect(text).not.toContain("not reached");
      }
    } finally {
      await k.shutdown();
    }
  });
});
