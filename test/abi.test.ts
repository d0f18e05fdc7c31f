// The ABI has one source of truth: every generated file must be what abi/gen.ts writes now.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { abi } from "ntwasm";

const root = fileURLToPath(new URL("..", import.meta.url));

describe("abi", () => {
  it("generated files are up to date (npm run gen -- --check)", () => {
    expect(() => execFileSync(process.execPath, ["scripts/gen.mjs", "--check"], { cwd: root, stdio: "pipe" })).not.toThrow();
  });

  it("docs/abi.md lists every syscall", () => {
    const doc = readFileSync(`${root}/docs/abi.md`, "utf8");
    for (const s of abi.SYSCALL_INFO) expect(doc).toContain(` ${s.name}(`);
  });

  it("the C header declares every syscall with its import module", () => {
    const h = readFileSync(`${root}/guests/include/ntwasm/abi.h`, "utf8");
    for (const s of abi.SYSCALL_INFO) expect(h).toContain(`NTWASM_IMPORT(${s.module}, ${s.name})`);
  });

  it("syscall numbers are unique", () => {
    const nrs = abi.SYSCALL_INFO.map((s) => s.nr);
    expect(new Set(nrs).size).toBe(nrs.length);
  });
});
