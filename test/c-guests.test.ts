// C guests built with `ntwasm cc` (the committed binaries in guests/c/bin; CI checks they match their
// sources): Win32 threads and waits from C, libc from several threads, WASI served over kernel handles,
// and a plain WASI program that must print the same under ntwasm and under @wasmer/wasi.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { init, WASI } from "@wasmer/wasi";
import { useKernel } from "./harness.ts";

const cGuest = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../guests/c/bin/${name}.wasm`, import.meta.url))));

describe("C guests", () => {
  const kernel = useKernel();
  const run = (name: string, args: string[] = [], env: Record<string, string> = {}) =>
    kernel().run(cGuest(name), { args: [`${name}.wasm`, ...args], env });

  it("hello.c: printf and WriteConsoleW reach one console", async () => {
    const r = await run("hello");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^hello from C, process \d+\nhello from WriteConsoleW\nwrote 25 wide characters\n$/);
  });

  it("threads.c: CreateThread, CreateEventW and WaitForMultipleObjects from C", async () => {
    const r = await run("threads");
    expect(r.crash, r.stderr).toBeUndefined();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("main: total 5005000 (expected 5005000)");
    for (let i = 0; i < 4; i++) expect(r.stdout).toContain(`main: worker ${i} exited with ${100 + i}`);
  });

  it("libc-threads.c: malloc, printf and errno from 8 threads at once", async () => {
    const r = await run("libc-threads");
    expect(r.crash, r.stderr).toBeUndefined();
    expect(r.code, "threads that saw corruption or a foreign errno").toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    const payload = "abcdefghijklmnopqrstuvwxyz0123456789";
    const bad = lines.filter((l) => !new RegExp(`^thread [0-7] line \\d+: ${payload} ${payload}$|^thread [0-7] done: ok$|^main: 8 threads, 0 failed, main errno 42$`).test(l));
    expect(bad, "every line whole").toEqual([]);
    expect(lines.filter((l) => l.endsWith("done: ok"))).toHaveLength(8);
    expect(lines.length).toBeGreaterThan(100);
  });

  it("wasi.c: arguments, environment, clocks, random bytes, a missing file, exit codes", async () => {
    const r = await run("wasi", ["a", "b c"], { NTWASM_TEST: "hi" });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      "argc 3", "argv[0] wasi.wasm", "argv[1] a", "argv[2] b c", "env NTWASM_TEST hi",
      "nanosleep 0, monotonic advanced at least 20 ms", "realtime after 2024: yes", "getentropy 0, random",
      "fopen failed, errno set", "",
    ].join("\n"));
    expect((await run("wasi", ["exit", "7"])).code).toBe(7);
  });

  it("oracle.c prints the same under ntwasm and under @wasmer/wasi", async () => {
    const args = ["oracle.wasm", "one", "two words"], env = { GREETING: "hello" };
    const ours = await run("oracle", args.slice(1), env);
    expect(ours.code).toBe(0);
    await init();
    const wasi = new WASI({ args, env });
    const module = await WebAssembly.compile(cGuest("oracle"));
    await wasi.instantiate(module, {});
    expect(wasi.start()).toBe(0);
    const theirs = wasi.getStdoutString();
    expect(theirs.length).toBeGreaterThan(1000);
    expect(ours.stdout).toBe(theirs);
  });
});
