// Console input a guest has not read yet is bounded in the kernel (1 MiB: kernel/objects/console.ts)
// and held by the host beyond that (GuestProcess.writeStdin returns false past 1 MiB more, as a
// stream's write() does, and onInputDrain says when to go on). test/cli-guests/stdin_slow.c reads
// nothing for a while, then everything: kernel memory stays put meanwhile, every byte arrives in order,
// and `ntwasm run` pauses its own stdin instead of holding it all.
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { boot } from "ntwasm";
import { ccGuest, cliPath } from "./harness.ts";

const cli = cliPath;
const tmp = mkdtempSync(join(tmpdir(), "ntwasm-input-backlog-"));
const wasm = join(tmp, "stdin_slow.wasm");
const MiB = 1 << 20;

beforeAll(() => { ccGuest("stdin_slow.c", wasm); }, 180_000);

/** `n` bytes of a pattern with no "\n" (console reads end a line with "\r\n"), and the checksum stdin_slow.c prints for them. */
function input(n: number): { bytes: Uint8Array; sum: string } {
  const bytes = new Uint8Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) { bytes[i] = (i * 7 + (i >> 11)) & 0xff; if (bytes[i] === 10) bytes[i] = 11; sum = (Math.imul(sum, 31) + bytes[i]) >>> 0; }
  return { bytes, sum: sum.toString(16).padStart(8, "0") };
}

describe("console input the guest has not read", () => {
  it("waits in the host, not in kernel memory, and arrives whole and in order", async () => {
    const k = await boot({ root: tmp });
    const { bytes, sum } = input(16 * MiB);
    const before = k.memoryStats().bytesInUse;
    let stdout = "";
    const p = await k.spawn(readFileSync(wasm), { args: ["stdin_slow.wasm", "1500"], stdout: (t) => { stdout += t; } });
    let refused = 0, at = 0, most = 0;
    // as a stream source would: write until it says stop, then wait for the drain
    while (at < bytes.length) {
      const ok = p.writeStdin(bytes.subarray(at, at + 65536));
      at += 65536;
      if (!ok) {
        refused++;
        most = Math.max(most, k.memoryStats().bytesInUse - before); // 2 MiB written, 1 MiB of it in the kernel
        await new Promise<void>((r) => p.onInputDrain(r));
      }
    }
    p.endStdin();
    const e = await p.exited;
    expect(refused).toBeGreaterThan(0); // it asked to pause: the guest did not read for 1.5 s
    expect(most).toBeLessThan(2 * MiB);
    expect(e.code).toBe(0);
    await k.shutdown();
    expect(stdout).toBe(`read ${16 * MiB} bytes, checksum ${sum}\n`);
  }, 120_000);

  it("ntwasm run: a piped stdin of 16 MiB read after a pause arrives whole", () => {
    const { bytes, sum } = input(16 * MiB);
    const r = spawnSync(process.execPath, [cli, "run", "--root", tmp, wasm, "1000"], { input: bytes, encoding: "utf8", timeout: 120_000 });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(`read ${16 * MiB} bytes, checksum ${sum}\n`);
    expect(r.status).toBe(0);
  }, 120_000);
});
