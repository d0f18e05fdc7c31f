// Crash reports: a trapped guest thread names its process and thread, the NTSTATUS Windows would give
// (which is the process's exit code through the API; the shell sees its low byte) and a backtrace
// with the function names of the module's name section; the crashed process prints nothing after.
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { boot } from "ntwasm";

const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "ntwasm-cli-crash-"));
const guest = join(tmp, "crash.wasm");
const run = (...args: string[]) => spawnSync(process.execPath, [cli, "run", guest, ...args], { encoding: "utf8", cwd: tmp, timeout: 60_000 });

beforeAll(() => {
  const src = fileURLToPath(new URL("./cli-guests/crash.c", import.meta.url));
  // clang runs wasm-opt after linking when it finds one on PATH (vitest puts binaryen's node_modules/.bin
  // there), and wasm-opt drops the name section: build as from a shell, without it
  const PATH = (process.env.PATH ?? "").split(":").filter((d) => !d.includes("node_modules")).join(":");
  const r = spawnSync(process.execPath, [cli, "cc", src, "-o", guest], { encoding: "utf8", timeout: 120_000, env: { ...process.env, PATH } });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
}, 180_000);

const header = (status: string, code: string, why: string) =>
  new RegExp(`^ntwasm: thread crashed: process \\d+ \\(crash\\.wasm\\), thread \\d+: ${status} \\(${code}\\): ${why}\\n`);

describe("ntwasm run: a thread that traps", () => {
  it.each([
    ["div", "STATUS_INTEGER_DIVIDE_BY_ZERO", "0xc0000094", "divide by zero", ["at divide (wasm-function[", "at main ("]],
    ["stack", "STATUS_STACK_OVERFLOW", "0xc00000fd", "memory access out of bounds", ["at recurse (wasm-function[", "more frames of it"]],
    ["oob", "STATUS_ACCESS_VIOLATION", "0xc0000005", "memory access out of bounds", ["at poke (wasm-function[", "at main ("]],
    ["trap", "STATUS_ILLEGAL_INSTRUCTION", "0xc000001d", "unreachable", ["at main (wasm-function["]],
  ])("%s: names the NTSTATUS and the guest's functions; the shell gets the low byte", (what, status, code, why, frames) => {
    const r = run(what);
    expect(r.stdout).toBe("before the crash\n");
    expect(r.stderr).toMatch(header(status, code, why));
    for (const f of frames) expect(r.stderr).toContain(f);
    expect(r.stderr).not.toMatch(/file:\/\/|node:/); // host frames are left out
    expect(r.status).toBe(Number(code) & 0xff);
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
