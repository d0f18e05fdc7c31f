#!/usr/bin/env node
// The ntwasm command line: `ntwasm run <guest.wasm>`, `ntwasm demo`. Bad input is one clear message
// and exit code 2, never a stack trace.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { boot, GuestError, GuestLinkError, type Kernel } from "./index.ts";

const HELP = `ntwasm — run WebAssembly guests on a kernel with the Windows NT object model

Usage:
  ntwasm run [options] <guest.wasm>   run a guest program; exits with its exit code
  ntwasm demo                         run the bundled demo guest (threads, events, semaphores, mutexes)
  ntwasm --help                       this text (also: ntwasm run --help)
  ntwasm --version

Guests are Wasm modules that import Win32 entry points (kernel32, ntdll) from ntwasm;
see docs/guests.md for how to write one and docs/abi.md for every entry point.`;

const RUN_HELP = `Usage: ntwasm run [options] <guest.wasm>

Runs <guest.wasm> as a new process: its main thread runs the export "main" (after "_start" when
present), each CreateThread gets its own worker. Output is written as the guest produces it.
The exit code is the guest's (ExitProcess, or main's return value).

Options:
  --entry NAME   run export NAME as the main thread instead of "main"
  -h, --help     this text

Exit codes: the guest's own; 2 when the file is missing, is not WebAssembly, or imports entry
points ntwasm lacks (each is named).`;

class UsageError extends Error {}

async function runGuest(file: string, entry?: string): Promise<number> {
  const bytes = await readGuest(file);
  let kernel: Kernel | undefined;
  try {
    kernel = await boot();
    const p = await kernel.spawn(bytes, { entry }).catch((e) => {
      if (e instanceof GuestError) throw new UsageError(`${file}: ${e.message}`);
      throw e;
    });
    const exit = await p.exited;
    return exit.code;
  } finally {
    await kernel?.shutdown();
  }
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
    case "demo":
      return runGuest(fileURLToPath(new URL("./guests/demo.wasm", import.meta.url)));
    case "run": {
      let entry: string | undefined;
      let file: string | undefined;
      for (let i = 0; i < rest.length; i++) {
        const a = rest[i];
        if (a === "-h" || a === "--help") { console.log(RUN_HELP); return 0; }
        if (a === "--entry") { entry = rest[++i]; if (!entry) throw new UsageError("--entry needs an export name"); continue; }
        if (a.startsWith("--entry=")) { entry = a.slice(8); continue; }
        if (a.startsWith("-") && !file) throw new UsageError(`unknown option ${a} (see ntwasm run --help)`);
        file ??= a;
        break; // the rest are the guest's arguments (issue 4 passes them on)
      }
      if (!file) throw new UsageError("which guest? usage: ntwasm run <guest.wasm>");
      return runGuest(file, entry);
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
