// The `ntwasm` command as a user runs it: the bundled demo, help texts and clean errors for bad input.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { guestPath } from "./harness.ts";

const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
const ntwasm = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", timeout: 60_000 });
const tmp = mkdtempSync(join(tmpdir(), "ntwasm-cli-"));

/** A valid module whose only import is an entry point ntwasm does not have. */
function moduleImporting(module: string, name: string): Uint8Array {
  const str = (s: string) => [s.length, ...Buffer.from(s)];
  const imports = [1, ...str(module), ...str(name), 0x00, 0x00];
  return new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 2, imports.length, ...imports]);
}

describe("ntwasm", () => {
  it("demo runs threads through events, semaphores and a mutex and reports what happened", () => {
    const r = ntwasm("demo");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("10000 items consumed, sum 25005000 (expected 25005000)");
    expect(r.stdout).toContain("returned WAIT_ABANDONED");
    expect(r.stdout).toMatch(/producer 1 put its items[\s\S]*consumer 2 saw the stop marker/);
    expect(r.stdout).toContain("demo-ring-lock (Mutant)");
    expect(r.stdout.trimEnd().split("\n").at(-1)).toMatch(/^demo: done/);
  });

  it("run executes a guest and exits with its exit code", () => {
    const r = ntwasm("run", guestPath("hello"));
    expect(r.stdout).toBe("hello from ntwasm: wait returned 0\n");
    expect(r.status).toBe(0);
    const failing = ntwasm("run", "--entry", "exit_code_3", guestPath("cli_guest"));
    expect(failing.status).toBe(3);
    expect(ntwasm("run", "--entry", "exit_process_5", guestPath("cli_guest")).status).toBe(5);
  });

  it("--help and run --help describe the commands", () => {
    const top = ntwasm("--help");
    expect(top.status).toBe(0);
    expect(top.stdout).toMatch(/ntwasm run \[options\] <guest\.wasm>/);
    expect(top.stdout).toMatch(/ntwasm demo/);
    const run = ntwasm("run", "--help");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/--entry NAME/);
  });

  it.each([
    ["a missing file", ["run", join(tmp, "missing.wasm")], /missing\.wasm: no such file/],
    ["a file that is not Wasm", ["run", join(tmp, "text.wasm")], /text\.wasm: not a WebAssembly module/],
    ["a guest importing what ntwasm lacks", ["run", join(tmp, "needs.wasm")], /lacks:\n\s+kernel32\.CreateFooW/],
    ["an entry the guest does not export", ["run", "--entry", "nope", guestPath("hello")], /exports no function "nope"/],
    ["no guest at all", ["run"], /which guest/],
    ["an unknown command", ["frobnicate"], /unknown command "frobnicate"/],
  ])("%s is one clear message and exit code 2", (_, args, message) => {
    writeFileSync(join(tmp, "text.wasm"), "not wasm\n");
    writeFileSync(join(tmp, "needs.wasm"), moduleImporting("kernel32", "CreateFooW"));
    const r = ntwasm(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stderr.trim().split("\n").length).toBeLessThanOrEqual(3);
  });
});
