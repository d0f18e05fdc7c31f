// Issue 17: a module that cannot run is refused at load with one line saying why, never run to a
// silent exit 0 or a crash in a worker: no entry point, `main` exported as a global, a syscall imported
// with another signature than ntwasm's (direct-bound or shim-bound). `ntwasm run` exits 2 for each;
// Kernel.spawn rejects with a GuestError; CreateProcessW fails with ERROR_BAD_EXE_FORMAT.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import binaryen from "binaryen";
import { GuestError } from "ntwasm";
import { useKernel } from "./harness.ts";

const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "ntwasm-load-"));

function wat(text: string): Uint8Array {
  const m = binaryen.parseText(text);
  const bytes = m.emitBinary();
  m.dispose();
  return bytes;
}

function run(name: string, bytes: Uint8Array, ...args: string[]) {
  const file = join(tmp, `${name}.wasm`);
  writeFileSync(file, bytes);
  return spawnSync(process.execPath, [cli, "run", ...args, file], { encoding: "utf8", timeout: 60_000 });
}

const MODULES = {
  /** Valid, but exports nothing to run. */
  noEntry: wat(`(module (func $f (result i32) (i32.const 0)))`),
  /** Exports its memory and a helper only. */
  onlyHelpers: wat(`(module (memory (export "memory") 1) (func (export "helper") (result i32) (i32.const 1)))`),
  /** `main` is a global. */
  mainGlobal: wat(`(module (global (export "main") i32 (i32.const 7)))`),
  /** SetEvent (pointer-free: bound straight to the kernel export) imported with no parameter. */
  directWrong: wat(`(module (import "kernel32" "SetEvent" (func $s (result i32)))
    (func (export "main") (result i32) (call $s)))`),
  /** CreateEventW (a generated shim) imported with one parameter of four. */
  shimWrong: wat(`(module (import "kernel32" "CreateEventW" (func $c (param i32) (result i32)))
    (func (export "main") (result i32) (call $c (i32.const 0))))`),
  /** GetTickCount64 (ULONGLONG) imported as returning i32. */
  resultWrong: wat(`(module (import "kernel32" "GetTickCount64" (func $t (result i32)))
    (func (export "main") (result i32) (call $t)))`),
  /** CreateProcessW("noEntry.wasm"): exits with the last error (or 1000 if the child started). */
  parent: wat(`(module
    (import "kernel32" "CreateProcessW" (func $cp (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
    (import "kernel32" "GetLastError" (func $gle (result i32)))
    (memory (export "memory") 1)
    (data (i32.const 16) "n\\00o\\00E\\00n\\00t\\00r\\00y\\00.\\00w\\00a\\00s\\00m\\00\\00\\00")
    (data (i32.const 256) "\\44")
    (func (export "main") (result i32)
      (if (call $cp (i32.const 16) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)
        (i32.const 0) (i32.const 256) (i32.const 512)) (then (return (i32.const 1000))))
      (call $gle)))`),
  /** Right signatures: runs and exits with main's result. */
  good: wat(`(module (import "kernel32" "SetEvent" (func $s (param i32) (result i32)))
    (import "kernel32" "GetTickCount64" (func $t (result i64)))
    (func (export "main") (result i32) (drop (call $t)) (i32.add (call $s (i32.const 0)) (i32.const 7))))`),
};

describe("ntwasm run refuses a module that cannot run, with exit code 2 and one line", () => {
  it("no entry point", () => {
    for (const name of ["noEntry", "onlyHelpers"] as const) {
      const r = run(name, MODULES[name]);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/exports no entry point: no function "_start" or "main"/);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(r.stdout).toBe("");
    }
  });

  it("main exported as a global", () => {
    const r = run("mainGlobal", MODULES.mainGlobal);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain(`exports "main" as a global, not a function`);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("--entry naming a global or nothing", () => {
    const g = run("mainGlobal", MODULES.mainGlobal, "--entry", "main");
    expect(g.status).toBe(2);
    expect(g.stderr).toContain(`exports "main" as a global, not a function`);
    const n = run("noEntry", MODULES.noEntry, "--entry", "start");
    expect(n.status).toBe(2);
    expect(n.stderr).toContain(`exports no function "start"`);
  });

  it("a syscall imported with the wrong signature is named, direct-bound or shim-bound", () => {
    const cases = [
      ["directWrong", "kernel32.SetEvent as () -> i32, but it is (i32) -> i32"],
      ["shimWrong", "kernel32.CreateEventW as (i32) -> i32, but it is (i32, i32, i32, i32) -> i32"],
      ["resultWrong", "kernel32.GetTickCount64 as () -> i32, but it is () -> i64"],
    ] as const;
    for (const [name, text] of cases) {
      const r = run(name, MODULES[name]);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(`the guest imports ${text}`);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    }
  });

  it("a module with the right signatures runs", () => {
    const r = run("good", MODULES.good);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(7); // SetEvent(NULL) fails: 0 + 7
  });
});

describe("CreateProcessW refuses them too", () => {
  it("with ERROR_BAD_EXE_FORMAT", () => {
    writeFileSync(join(tmp, "noEntry.wasm"), MODULES.noEntry);
    const r = run("parent", MODULES.parent, "--root", tmp);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(193); // ERROR_BAD_EXE_FORMAT
  });
});

describe("Kernel.spawn refuses the same modules", () => {
  const kernel = useKernel();
  it("with a GuestError saying why", async () => {
    await expect(kernel().spawn(MODULES.noEntry)).rejects.toThrow(GuestError);
    await expect(kernel().spawn(MODULES.mainGlobal)).rejects.toThrow(/"main" as a global/);
    await expect(kernel().spawn(MODULES.shimWrong)).rejects.toThrow(/kernel32\.CreateEventW as \(i32\) -> i32/);
    const r = await kernel().run(MODULES.good);
    expect(r.code).toBe(7);
  });
});
