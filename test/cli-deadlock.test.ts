// `ntwasm run` on a deadlock (docs/debugging.md): the wait-chain report on stderr (each thread, the call it
// is blocked in, the object with its name and owner, the cycle drawn out) and exit code 124;
// --no-deadlock-exit reports and waits on; SIGQUIT prints the report of a running guest without stopping
// it; waits that a timeout or console input can end are no deadlock. The guests are test/cli-guests/.
import { beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "ntwasm-cli-deadlock-"));
const GUESTS = ["deadlock_mutex", "deadlock_cs", "deadlock_join", "hang"];
const wasm = (name: string) => join(tmp, `${name}.wasm`);
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [cli, "run", ...args], { encoding: "utf8", cwd: tmp, timeout: 60_000, input });

/** Runs `args` and waits for `ready` on stderr (or stdout), then calls `then(child)`; resolves with everything. */
function runUntil(args: string[], ready: RegExp, then: (pid: number) => void): Promise<{ stdout: string; stderr: string; code: number | null; signal: string | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, "run", ...args], { cwd: tmp, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "", stderr = "", fired = false;
    const look = () => { if (!fired && ready.test(stdout + stderr)) { fired = true; then(child.pid!); } };
    child.stdout.on("data", (d) => { stdout += d; look(); });
    child.stderr.on("data", (d) => { stderr += d; look(); });
    const guard = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("close", (code, signal) => { clearTimeout(guard); resolve({ stdout, stderr, code, signal }); });
  });
}

beforeAll(() => {
  for (const g of GUESTS) {
    const src = fileURLToPath(new URL(`./cli-guests/${g}.c`, import.meta.url));
    const r = spawnSync(process.execPath, [cli, "cc", src, "-o", wasm(g)], { encoding: "utf8", timeout: 120_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  }
}, 300_000);

describe("ntwasm run: deadlocks", () => {
  it("two mutexes: the threads, their calls, the named objects and owners, the cycle; exit code 124", () => {
    const r = run([wasm("deadlock_mutex")]);
    expect(r.status, r.stderr).toBe(124);
    expect(r.stdout).toBe("both locks taken\n");
    const lines = r.stderr.split("\n");
    expect(lines[0]).toMatch(/^ntwasm: deadlock: every thread is blocked for good.*\(2 threads\)$/);
    expect(lines[1]).toMatch(/^  process \d+ \(deadlock_mutex\.wasm\):$/);
    const main = /thread (\d+) \(main\): WaitForSingleObject\((0x[0-9a-f]+), INFINITE\): Mutant "lock-B", owned by thread (\d+)$/m.exec(r.stderr);
    expect(main, r.stderr).not.toBeNull();
    const [, mainTid, , worker] = main!;
    expect(r.stderr).toContain(`    thread ${worker}: WaitForSingleObject(`);
    expect(r.stderr).toMatch(new RegExp(`thread ${worker}: WaitForSingleObject\\(0x[0-9a-f]+, INFINITE\\): Mutant "lock-A", owned by thread ${mainTid} \\(main\\)`));
    expect(r.stderr).toContain(`  cycle: thread ${mainTid} (main) waits for Mutant "lock-B" owned by thread ${worker}, ` +
      `which waits for Mutant "lock-A" owned by thread ${mainTid} (main)\n`);
  });

  it("two critical sections: their addresses and owners", () => {
    const r = run([wasm("deadlock_cs")]);
    expect(r.status, r.stderr).toBe(124);
    const [, a, b] = /^a=([0-9A-F]+) b=([0-9A-F]+)$/m.exec(r.stdout)!.map((x) => "0x" + parseInt(x, 16).toString(16));
    const main = new RegExp(`thread (\\d+) \\(main\\): EnterCriticalSection\\(${b}\\): critical section ${b}, owned by thread (\\d+)`).exec(r.stderr);
    expect(main, r.stderr).not.toBeNull();
    expect(r.stderr).toContain(`    thread ${main![2]}: EnterCriticalSection(${a}): critical section ${a}, owned by thread ${main![1]} (main)`);
    expect(r.stderr).toContain(`  cycle: thread ${main![1]} (main) waits for critical section ${b} owned by thread ${main![2]}, which waits for critical section ${a} owned by thread ${main![1]} (main)`);
  });

  it("a join: WaitForMultipleObjects with its handles, the thread it waits to end", () => {
    const r = run([wasm("deadlock_join")]);
    expect(r.status, r.stderr).toBe(124);
    const m = /thread (\d+) \(main\): WaitForMultipleObjects\(2, \{0x[0-9a-f]+, 0x[0-9a-f]+\}, TRUE, INFINITE\): the end of thread (\d+); Event "never"/.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    expect(r.stderr).toMatch(new RegExp(`thread ${m![2]}: WaitForSingleObject\\(0x[0-9a-f]+, INFINITE\\): Mutant 0x[0-9a-f]+, owned by thread ${m![1]} \\(main\\)`));
    expect(r.stderr).toMatch(new RegExp(`cycle: thread ${m![1]} \\(main\\) waits for thread ${m![2]} to end, which waits for Mutant 0x[0-9a-f]+ owned by thread ${m![1]} \\(main\\)`));
  });

  it("50 threads (guests/as/programs/waitgraph50.ts): all in the report, the cycle, and no warning from Node", () => {
    const r = run([fileURLToPath(new URL("../dist/guests/waitgraph50.wasm", import.meta.url))]);
    expect(r.status, r.stderr).toBe(124);
    expect(r.stderr).toContain("(50 threads)\n");
    expect(r.stderr.match(/^    thread \d+/gm)).toHaveLength(50);
    expect(r.stderr).toMatch(/cycle: thread \d+ waits for Mutant "lock-B" owned by thread \d+, which waits for Mutant "lock-A" owned by thread \d+\n/);
    expect(r.stderr).not.toContain("Warning"); // each worker's stdout piped into ours added an 'error' listener once
  });

  it("one thread asleep for ever (SleepEx INFINITE, alertable) is reported too", () => {
    const r = run([wasm("hang")]);
    expect(r.status, r.stderr).toBe(124);
    expect(r.stderr).toMatch(/thread \d+ \(main\): SleepEx\(INFINITE, TRUE\)\n/);
    expect(r.stderr).not.toContain("cycle:");
  });

  it("waits that a timeout or console input can end are not a deadlock", () => {
    const slept = run([wasm("hang"), "t"]);
    expect(slept.status, slept.stderr).toBe(0);
    expect(slept.stdout).toBe("sleeping\nslept\n");
    expect(slept.stderr).toBe("");
  });

  it("a console read waits for the user, however long", async () => {
    // stdin stays open (a pipe nobody writes to yet) for 2.5 s, longer than the deadlock watch needs
    const r = await new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve) => {
      const child = spawn(process.execPath, [cli, "run", wasm("hang"), "r"], { cwd: tmp });
      let stdout = "", stderr = "";
      child.stdout.on("data", (d) => { stdout += d; });
      child.stderr.on("data", (d) => { stderr += d; });
      setTimeout(() => child.stdin.end("hi\n"), 2500);
      child.on("close", (code) => resolve({ stdout, stderr, code }));
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("read 3\n"); // "hi\n": stdin from a pipe is a pipe to the guest, read as it is (Windows too)
    expect(r.stderr).toBe("");
  });

  it("--no-deadlock-exit reports once and waits on", async () => {
    const r = await runUntil(["--no-deadlock-exit", wasm("deadlock_mutex")], /waiting on/, (pid) => setTimeout(() => process.kill(pid, "SIGTERM"), 1500));
    expect(r.signal ?? r.code).toBe("SIGTERM");
    expect(r.stderr.match(/ntwasm: deadlock:/g)).toHaveLength(1);
    expect(r.stderr).toContain("ntwasm: --no-deadlock-exit: waiting on (Ctrl-C ends the run)\n");
  });

  it("SIGQUIT prints the wait chains of a running guest, which goes on", async () => {
    if (process.platform === "win32") return;
    // `t` says "sleeping" and sleeps 2.5 s: the report comes meanwhile, with the time left (or "running"
    // on a machine so loaded that the thread has not reached its Sleep 300 ms after printing)
    const r = await runUntil([wasm("hang"), "t"], /sleeping/, (pid) => setTimeout(() => process.kill(pid, "SIGQUIT"), 300));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("sleeping\nslept\n");
    expect(r.stderr).toMatch(/^ntwasm: wait chains \(1 thread\)\n  process \d+ \(hang\.wasm\):\n    thread \d+ \(main\): (Sleep\(\d+ ms left\)|running)\n$/);
  });
});
