// The console backlog quota (host/console-output.ts): a guest printing faster than its reader reads is
// slowed down, not buffered in the host. test/cli-guests/console_flood.c prints 136 MiB with WriteFile
// into a pipe the test leaves unread for a while, then reads slowly: the guest waits, ntwasm's memory
// stays put, every byte arrives in order, and a child process started after the flood runs normally.
import { beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { boot } from "ntwasm";
import { ccGuest, cliPath } from "./harness.ts";

const cli = cliPath;
const tmp = mkdtempSync(join(tmpdir(), "ntwasm-console-backlog-"));
const wasm = join(tmp, "console_flood.wasm");
const MiB = 1 << 20;

beforeAll(() => { ccGuest("console_flood.c", wasm); }, 180_000);

/** Bytes the flood has written so far (its console_flood.progress file). */
const progress = () => { try { return Number(readFileSync(join(tmp, "console_flood.progress"), "latin1")) || 0; } catch { return 0; } };

/** Resident memory of process `pid` (Linux /proc), 0 once it has gone. */
function rss(pid: number): number {
  try { return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024; } catch { return 0; }
}

/**
 * Checks the flood's output as it streams in: `mib` MiB of numbered 64-byte lines, the child's two
 * lines, then 8 MiB more lines; result() is "complete" or what was wrong.
 */
function floodChecker(mib: number) {
  const first = mib * 16 * 1024, all = first + (8 * MiB) / 64;
  const child = Buffer.from("child runs\nchild exit 7\n");
  const line = Buffer.alloc(64, ".");
  line.write("0000000000");
  line[63] = 10;
  let n = 0, childSeen = false, carry: Buffer = Buffer.alloc(0), bad: string | undefined;
  const advance = () => { for (let i = 9; i >= 0 && ++line[i] > 0x39; i--) line[i] = 0x30; n++; };
  return {
    push(chunk: Buffer): void {
      if (bad) return;
      const b = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      let at = 0;
      for (;;) {
        if (n === first && !childSeen) {
          if (b.length - at < child.length) break;
          if (!b.subarray(at, at + child.length).equals(child)) { bad = `after line ${n}: ${JSON.stringify(b.toString("latin1", at, at + 30))}`; return; }
          at += child.length;
          childSeen = true;
        }
        if (b.length - at < 64) break;
        if (n >= all || b.compare(line, 0, 64, at, at + 64) !== 0) { bad = `line ${n}: ${JSON.stringify(b.toString("latin1", at, at + 64))}`; return; }
        at += 64;
        advance();
      }
      carry = b.subarray(at);
    },
    result: () => bad ?? (n === all && !carry.length ? "complete" : `ended at line ${n} of ${all}, ${carry.length} bytes over`),
  };
}

describe("console backlog quota", () => {
  it("ntwasm run | a reader that stalls, then reads slowly: the guest waits, the host holds little, nothing is lost", async () => {
    const p = spawn(process.execPath, [cli, "run", wasm, "128"], { cwd: tmp, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    p.stderr.setEncoding("utf8").on("data", (d: string) => { stderr += d; });
    const closed = new Promise<number | null>((r) => p.on("close", (code) => r(code)));
    const pid = p.pid!;
    while (progress() < MiB) await sleep(20); // the guest is under way; stdout is not read yet
    const start = rss(pid);
    let stallPeak = start;
    for (let i = 0; i < 30; i++) { await sleep(50); stallPeak = Math.max(stallPeak, rss(pid)); }
    // the backlog quota (1 MiB), the pipe and one write at most: not the 136 MiB it has to print
    expect(progress()).toBeLessThan(8 * MiB);
    expect(stallPeak - start).toBeLessThan(48 * MiB);

    const check = floodChecker(128);
    let peak = stallPeak, read = 0;
    p.stdout.on("data", (d: Buffer) => {
      check.push(d);
      if (Math.floor((read + d.length) / (8 * MiB)) > Math.floor(read / (8 * MiB))) { // every 8 MiB: a look, and a pause
        peak = Math.max(peak, rss(pid));
        p.stdout.pause();
        setTimeout(() => p.stdout.resume(), 20);
      }
      read += d.length;
    });
    const code = await closed;
    expect(check.result()).toBe("complete");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(peak - start).toBeLessThan(136 * MiB); // what it printed
  }, 60_000);

  it("ntwasm run > file: all of it, also the big write the guest ends with", () => {
    const out = join(tmp, "flood.out");
    const r = spawnSync("bash", ["-c", `'${process.execPath}' '${cli}' run console_flood.wasm 2 > flood.out`], { cwd: tmp, encoding: "utf8", timeout: 60_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const check = floodChecker(2);
    check.push(readFileSync(out));
    expect(check.result()).toBe("complete");
  }, 60_000);

  it("boot({ quotas: { consoleBacklog } }): a stdout callback's promise holds the guest back; the kernel runs on", async () => {
    const k = await boot({ root: tmp, quotas: { consoleBacklog: 64 << 10 } });
    try {
      const check = floodChecker(4);
      let received = 0, holding = true;
      const held: (() => void)[] = [];
      const p = await k.spawn(new Uint8Array(readFileSync(wasm)), {
        args: ["console_flood.wasm", "4"], imagePath: "C:\\console_flood.wasm",
        stdout: (text) => {
          received += text.length;
          check.push(Buffer.from(text, "latin1"));
          return holding ? new Promise<void>((r) => held.push(r)) : undefined;
        },
      });
      await sleep(300);
      expect(received).toBeLessThanOrEqual(128 << 10); // the quota and one 64 KiB write, of 12 MiB
      holding = false;
      for (const r of held) r();
      const exit = await p.exited;
      expect(check.result()).toBe("complete");
      expect(exit.code).toBe(0);
      const again = await k.run(new Uint8Array(readFileSync(wasm)), { args: ["console_flood.wasm", "child"] });
      expect(again).toMatchObject({ code: 7, stdout: "child runs\n" });
    } finally {
      await k.shutdown();
    }
  }, 60_000);
});
