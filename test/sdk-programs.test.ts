// Win32 programs written the way Windows programmers write them (guests/c/sdk/*.c, *.cpp: L"..."
// strings, generic names, tchar.h, strsafe.h, _beginthreadex, wprintf...), compiled with plain
// `ntwasm cc prog.c -o prog.wasm` (`ntwasm c++` for .cpp) — no flags — and run with `ntwasm run`, as a
// user would. Each must print exactly its .expected file (the output Windows gives; each source says
// where its expected values came from: mingw-w64 + Wine 8.0 for most) and exit with its .exit code
// (default 0). Optional: .args (the command-line arguments, one line, split as Windows does), .stdin
// (its input, a pipe to the program as on Windows), .hold-stdin (an empty file: stdin stays open, empty
// after .stdin, until the program ends), .console-input (an empty file: the input is typed into the
// console instead, ntwasm run --console-input).
import { describe, expect, it, beforeAll } from "vitest";
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { commandLineToArgv } from "../host/command-line.ts";

const sdkDir = fileURLToPath(new URL("../guests/c/sdk/", import.meta.url));
const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
const programs = readdirSync(sdkDir).filter((f) => /\.(c|cpp)$/.test(f)).sort();
const out = mkdtempSync(join(tmpdir(), "ntwasm-sdk-"));

interface Result { code: number; stdout: string; stderr: string }

function node(args: string[], options: { cwd?: string; input?: string; holdStdin?: boolean } = {}): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [cli, ...args], { cwd: options.cwd, timeout: 60_000, maxBuffer: 1 << 24 },
      (error, stdout, stderr) => resolve({ code: child.exitCode ?? (error ? 1 : 0), stdout, stderr }));
    if (options.holdStdin) child.stdin!.write(options.input ?? ""); // open until the program ends
    else child.stdin!.end(options.input ?? "");
  });
}

const sibling = (program: string, ext: string) => join(sdkDir, program.replace(/\.(c|cpp)$/, ext));
const optional = (program: string, ext: string) => (existsSync(sibling(program, ext)) ? readFileSync(sibling(program, ext), "utf8") : undefined);

/** Builds every program once, two at a time (a 2-core machine). */
const built = new Map<string, Promise<Result>>();
beforeAll(async () => {
  const queue = [...programs];
  const worker = async () => {
    for (let p = queue.shift(); p; p = queue.shift()) {
      const wasm = join(out, p.replace(/\.(c|cpp)$/, ".wasm"));
      const r = node([p.endsWith(".cpp") ? "c++" : "cc", p, "-o", wasm], { cwd: sdkDir });
      built.set(p, r);
      await r;
    }
  };
  await Promise.all([worker(), worker()]);
}, 600_000);

describe("Win32 programs built with plain ntwasm cc", () => {
  it("has programs", () => expect(programs.length).toBeGreaterThan(0));
  it("README's C example is readme_example.c", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const example = readme.match(/```c\n([\s\S]*?)```/)?.[1];
    const source = readFileSync(join(sdkDir, "readme_example.c"), "utf8").replace(/^\/\*[\s\S]*?\*\/\n/, "");
    expect(example).toBe(source);
  });
  for (const program of programs) {
    it(program, async () => {
      const build = await built.get(program)!;
      expect(build.code, `ntwasm cc ${program}:\n${build.stderr}`).toBe(0);
      // A clean Windows program compiles without a warning; a few test what MSVC only warns about.
      const source = readFileSync(join(sdkDir, program), "utf8");
      if (!source.includes("ntwasm-test: warnings expected")) expect(build.stderr, "no warnings").toBe("");
      const expected = optional(program, ".expected");
      expect(expected, `${program} needs a .expected file`).toBeDefined();
      const args = optional(program, ".args");
      // Each program runs in a C:\ of its own that holds only itself (it may start itself as a child).
      const root = mkdtempSync(join(out, "root-"));
      const name = program.replace(/\.(c|cpp)$/, ".wasm");
      copyFileSync(join(out, name), join(root, name));
      const consoleInput = existsSync(sibling(program, ".console-input")) ? ["--console-input"] : [];
      const r = await node(["run", "--root", root, ...consoleInput, join(root, name), ...(args ? commandLineToArgv(`x ${args.trim()}`).slice(1) : [])],
        { cwd: root, input: optional(program, ".stdin"), holdStdin: existsSync(sibling(program, ".hold-stdin")) });
      expect(r.stdout).toBe(expected);
      expect(r.code, r.stderr).toBe(Number(optional(program, ".exit") ?? 0));
    }, 60_000);
  }
});
