// The sandbox against a racing host process (issue 17): a child process swaps directory "dir" of the root
// for a link to a directory outside it, and back, as fast as it can, while the guest
// (test/cli-guests/sandbox_race.c) opens, reads and creates files under dir. Nothing it reads comes from
// outside, and nothing it creates stays there (host/node/file-backend.ts checks the opened descriptor).
import { beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { boot } from "ntwasm";

const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
const base = mkdtempSync(join(tmpdir(), "ntwasm-race-"));
const root = join(base, "root"), outside = join(base, "outside");
let bytes: Uint8Array;

// Swaps root/dir (a real directory) with a link to ../outside, and back, until killed.
const SWAPPER = `
const fs = require("fs"), path = require("path");
const [root, outside] = process.argv.slice(1);
const dir = path.join(root, "dir"), real = path.join(root, "dir.real");
for (;;) {
  try { fs.renameSync(dir, real); fs.symlinkSync(outside, dir); } catch {}
  try { fs.unlinkSync(dir); fs.renameSync(real, dir); } catch {}
}`;

beforeAll(() => {
  mkdirSync(join(root, "dir"), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, "dir", "a.txt"), "inside");
  writeFileSync(join(outside, "a.txt"), "SECRET");
  const r = spawnSync(process.execPath, [cli, "cc", fileURLToPath(new URL("./cli-guests/sandbox_race.c", import.meta.url)), "-o", join(base, "race.wasm")],
    { encoding: "utf8", timeout: 120_000 });
  expect(r.stderr).toBe("");
  bytes = readFileSync(join(base, "race.wasm"));
}, 180_000);

describe("the host file sandbox with a racing swapper", () => {
  it("reads nothing from outside and leaves nothing created there", async () => {
    const swapper = spawn(process.execPath, ["-e", SWAPPER, root, outside], { stdio: "ignore" });
    try {
      const k = await boot({ root });
      const r = await k.run(bytes, { args: ["race.wasm", "3000"] });
      await k.shutdown();
      expect(r.stdout, r.stderr).toBe("escaped 0\n");
    } finally {
      swapper.kill("SIGKILL");
    }
    expect(readdirSync(outside)).toEqual(["a.txt"]);
    expect(readFileSync(join(outside, "a.txt"), "utf8")).toBe("SECRET");
  }, 120_000);
});
