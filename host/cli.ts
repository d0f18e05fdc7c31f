#!/usr/bin/env node
// The ntwasm command line: `ntwasm run <guest.wasm>`, `ntwasm demo`. Bad input is one clear message
// and exit code 2, never a stack trace.
import { closeSync, openSync, writeSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { basename, isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { boot, GuestError, GuestLinkError, type Kernel } from "./index.ts";
import { AscError, compileAssemblyScript } from "./asc.ts";
import { cc, CcError } from "./cc.ts";
import { serveCommand, ServeUsageError } from "./serve.ts";

const HELP = `ntwasm — run WebAssembly guests on a kernel with the Windows NT object model

Usage:
  ntwasm run [options] <guest.wasm> [args...]
                                      run a guest program; exits with its exit code
  ntwasm cc <prog.c> -o <prog.wasm>   compile Win32 C to a guest (clang-19; see ntwasm cc --help)
  ntwasm c++ <prog.cpp> -o <prog.wasm> compile Win32 C++17 to a guest (clang++-19, libc++)
  ntwasm asc <prog.ts> [-o prog.wasm]  compile AssemblyScript to a guest (see ntwasm asc --help)
  ntwasm demo                         run the bundled demo guest (two processes, threads, named objects)
  ntwasm serve [--port N] [--host ADDR] [DIR]
                                      serve the browser demo page with the COOP/COEP headers (see
                                      ntwasm serve --help; docs/embedding.md)
  ntwasm --help                       this text (also: ntwasm run --help)
  ntwasm --version

Guests are Wasm modules that import Win32 entry points (kernel32, ntdll) from ntwasm;
see docs/guests.md for how to write one and docs/abi.md for every entry point.`;

const RUN_HELP = `Usage: ntwasm run [options] <guest.wasm> [args...]

Runs <guest.wasm> as a new process: its main thread runs the export "main" (after "_start" when
present). Threads run on workers kept parked in advance (the pool refills itself in the
background). Output is written as the guest produces it.
The exit code is the guest's (ExitProcess, or main's return value). Arguments after the guest
are its own (command line and argv).

Options:
  --root DIR       map C:\\ to host directory DIR (default: the current directory); guests start
                   other guests (CreateProcessW) from there
  --trace[=FILE]   print every syscall with its arguments and result (failures with their
                   ERROR_* or STATUS_* name), one line each, to stderr (or FILE)
  --entry NAME     run export NAME as the main thread instead of "main"
  --workers N      keep N workers parked, ready for thread and process starts (default 2; a
                   start that finds none waits for a new one; 0: every start does)
  -h, --help       this text

Exit codes: the guest's own; 2 when the file is missing, is not WebAssembly, or imports entry
points ntwasm lacks (each is named).`;

const ASC_HELP = `Usage: ntwasm asc <prog.ts> [-o prog.wasm] [asc options]

Compiles an AssemblyScript guest with the flags ntwasm guests need (guests/as/asconfig.json).
Import the SDK with:  import { CreateEventW, W, println } from "ntwasm/guests/as";
See docs/guests.md for what AssemblyScript threads can and cannot do.`;

class UsageError extends Error {}

interface RunOptions { entry?: string; root?: string; trace?: string | true; args?: string[]; workers?: number }

async function runGuest(file: string, o: RunOptions = {}): Promise<number> {
  const bytes = await readGuest(file);
  if (o.root !== undefined) {
    const st = await stat(o.root).catch(() => undefined);
    if (!st?.isDirectory()) throw new UsageError(`--root ${o.root}: not a directory`);
  }
  let kernel: Kernel | undefined;
  let traceFile: number | undefined;
  try {
    kernel = await boot({ root: o.root ? resolve(o.root) : undefined, workers: o.workers });
    if (typeof o.trace === "string") traceFile = openSync(o.trace, "w");
    const trace = o.trace === undefined ? undefined
      : traceFile !== undefined ? (line: string) => writeSync(traceFile!, line) : true;
    const args = [basename(file), ...(o.args ?? [])];
    // GetModuleFileNameW: the guest's path under C:\ when it is inside the root, else C:\<name>.
    const rel = relative(resolve(o.root ?? "."), resolve(file));
    const imagePath = "C:\\" + (rel.startsWith("..") || isAbsolute(rel) ? basename(file) : rel.split(sep).join("\\"));
    const p = await kernel.spawn(bytes, { entry: o.entry, args, trace, imagePath, env: { ...process.env } as Record<string, string> }).catch((e) => {
      if (e instanceof GuestError) throw new UsageError(`${file}: ${e.message}`);
      throw e;
    });
    // The terminal (or whatever stdin is) types into the guest's console input.
    const onData = (d: Buffer) => p.writeStdin(new Uint8Array(d));
    const onEnd = () => p.endStdin();
    process.stdin.on("data", onData).on("end", onEnd);
    const exit = await p.exited;
    process.stdin.off("data", onData).off("end", onEnd).destroy();
    return exit.code;
  } finally {
    await kernel?.shutdown();
    if (traceFile !== undefined) closeSync(traceFile);
  }
}

/** --workers N: a whole number of workers, 0 to 1024. */
function workerCount(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 1024) throw new UsageError(`--workers ${v}: a number of workers from 0 to 1024`);
  return n;
}

async function readGuest(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === "ENOENT" ? `${file}: no such file` : code === "EISDIR" ? `${file}: is a directory` : `${file}: ${(e as Error).message}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case undefined:
    case "-h":
    case "--help":
    case "help":
      console.log(HELP);
      return cmd === undefined ? 2 : 0;
    case "-v":
    case "--version": {
      const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
      console.log(pkg.version);
      return 0;
    }
    case "cc":
    case "c++":
      try { return cc(rest, cmd === "c++"); } catch (e) { if (e instanceof CcError) throw new UsageError(e.message); throw e; }
    case "asc":
      if (rest.includes("-h") || rest.includes("--help")) { console.log(ASC_HELP); return 0; }
      try { console.log(`wrote ${await compileAssemblyScript(rest)}`); }
      catch (e) { if (e instanceof AscError) throw new UsageError(e.message); throw e; }
      return 0;
    case "demo":
      // The demo starts itself again as a second process: its directory is C:\.
      return runGuest(fileURLToPath(new URL("./guests/demo.wasm", import.meta.url)), { root: fileURLToPath(new URL("./guests", import.meta.url)) });
    case "serve":
      try { return await serveCommand(rest); } catch (e) { if (e instanceof ServeUsageError) throw new UsageError(e.message); throw e; }
    case "run": {
      const o: RunOptions = {};
      let file: string | undefined;
      let i = 0;
      const value = (flag: string) => {
        const v = rest[++i];
        if (v === undefined) throw new UsageError(`${flag} needs a value (see ntwasm run --help)`);
        return v;
      };
      for (; i < rest.length && !file; i++) {
        const a = rest[i];
        if (a === "-h" || a === "--help") { console.log(RUN_HELP); return 0; }
        else if (a === "--entry") o.entry = value(a);
        else if (a.startsWith("--entry=")) o.entry = a.slice(8);
        else if (a === "--root") o.root = value(a);
        else if (a.startsWith("--root=")) o.root = a.slice(7);
        else if (a === "--trace") o.trace = true;
        else if (a === "--workers" || a.startsWith("--workers=")) o.workers = workerCount(a === "--workers" ? value(a) : a.slice(10));
        else if (a.startsWith("--trace=")) o.trace = a.slice(8);
        else if (a.startsWith("-")) throw new UsageError(`unknown option ${a} (see ntwasm run --help)`);
        else file = a;
      }
      if (!file) throw new UsageError("which guest? usage: ntwasm run <guest.wasm>");
      o.args = rest.slice(i); // the rest are the guest's own arguments
      return runGuest(file, o);
    }
    default:
      throw new UsageError(`unknown command "${cmd}" (see ntwasm --help)`);
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => {
    if (e instanceof GuestLinkError) console.error(`ntwasm: the guest imports entry points ntwasm lacks:\n  ${e.missing.join("\n  ")}`);
    else if (e instanceof UsageError || e instanceof GuestError) console.error(`ntwasm: ${e.message}`);
    else { console.error(`ntwasm: internal error: ${(e as Error)?.stack ?? e}`); process.exitCode = 70; return; }
    process.exitCode = 2;
  },
);
