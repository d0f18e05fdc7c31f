// Resource limits set through boot({ quotas }) (kernel/lib/quota.ts): the program guests/c/sdk/k32_quotas.c
// (which the SDK test runs with the defaults) under a smaller APC quota; and bad values are refused.
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { boot } from "ntwasm";

const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "ntwasm-quotas-"));
const guest = join(tmp, "k32_quotas.wasm");
let bytes: Uint8Array;

beforeAll(() => {
  const src = fileURLToPath(new URL("../guests/c/sdk/k32_quotas.c", import.meta.url));
  const r = spawnSync(process.execPath, [cli, "cc", src, "-o", guest], { encoding: "utf8", timeout: 120_000 });
  expect(r.stderr).toBe("");
  bytes = readFileSync(guest);
}, 180_000);

describe("boot({ quotas })", () => {
  it("apcs: QueueUserAPC fails past it; the program and its child still run", async () => {
    const k = await boot({ root: tmp, quotas: { apcs: 1000, pipeBuffer: 1 << 20 } });
    const r = await k.run(bytes, { args: ["k32_quotas.wasm"], imagePath: "C:\\k32_quotas.wasm" });
    expect(r.stdout.split("\n").slice(0, 3)).toEqual(["APCs queued 1000, then error 1450", "APCs run 1000", "unread at most 16 MiB: yes"]);
    expect(r.stdout).toContain("child exit 7\n");
    expect(r.code).toBe(0);
    await k.shutdown();
  }, 60_000);

  it("ntwasm run --quota apcs=N, and a bad --quota is one line with exit code 2", () => {
    const r = spawnSync(process.execPath, [cli, "run", "--root", tmp, "--quota", "apcs=500", guest], { encoding: "utf8", cwd: tmp, timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split("\n").slice(0, 2)).toEqual(["APCs queued 500, then error 1450", "APCs run 500"]);
    const bad = spawnSync(process.execPath, [cli, "run", "--quota", "apcs=0", guest], { encoding: "utf8", cwd: tmp, timeout: 60_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("ntwasm: --quota apcs=0: apcs=N or pipe-buffer=BYTES, N from 1 to 4294967295\n");
  }, 60_000);

  it("refuses values that are not counts", async () => {
    await expect(boot({ quotas: { apcs: 0 } })).rejects.toThrow(RangeError);
    await expect(boot({ quotas: { pipeBuffer: -1 } })).rejects.toThrow(RangeError);
  });
});
