#!/usr/bin/env node
// The ntwasm command line: `ntwasm run <guest.wasm>`, `ntwasm demo`. Bad input is one clear message
// and exit code 2, never a stack trace.
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { readFile, stat } from "node:fs/promises";
import { basename, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { boot, GuestError, GuestLinkError, type Kernel } from "./index.ts";
import { watchDeadlocks } from "./deadlock.ts";
import { CHECK_KERNEL_EXIT, CHECK_KERNEL_MS, checkInterval, watchKernel } from "./check-kernel.ts";

/** `ntwasm run`'s exit code when every thread of the run is blocked for good (as timeout(1)'s for a command that would not end). */
const DEADLOCK_EXIT = 124;
/** `ntwasm run`'s exit code when the kernel failed: a thread trapped inside it (host/kernel-fault.ts). */
const KERNEL_FAULT_EXIT = 125;
import { TRACE_AREA_NAMES, TraceAreaError, traceAreas, type TraceOptions } from "./trace-output.ts";
import { AscError, compileAssemblyScript } from "./asc.ts";
import { cc, CcError } from "./cc.ts";
import { serveCommand, ServeUsageError } from "./serve.ts";
import { guestEnvironment } from "./environment.ts";
import { mountPoint, parseDirOption, type DirMount } from "./files/mounts.ts";
import { QUOTAS, type Quotas } from "./quotas.ts";

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
  ntwasm help [COMMAND]               this text, or a command's (also: ntwasm COMMAND --help)
  ntwasm -h, --help                   this text
  ntwasm -V, --version                ntwasm's version

Guests are Wasm modules that import Win32 entry points (kernel32, ntdll) from ntwasm;
see docs/guests.md for how to write one and docs/abi.md for every entry point.
Exit codes: a command's own; 2 for a usage error (bad option, missing file).`;

/** `text` in lines of at most `width` characters, each indented by `indent` spaces. */
function wrap(text: string, indent: number, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && indent + line.length + 1 + word.length > width) { lines.push(line); line = word; }
    else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => " ".repeat(indent) + l).join("\n");
}

/** --quota's names, one paragraph each under the option. */
const QUOTA_HELP = QUOTAS.map((q) => `${" ".repeat(19)}- ${wrap(`${q.cli}=${q.unit}: ${q.help}`, 21, 96).slice(21)}`).join("\n");

const RUN_HELP = `Usage: ntwasm run [options] [--] <guest.wasm> [args...]

Runs <guest.wasm> as a new process: its main thread runs the export "main" (after "_start" when
present). Threads run on workers kept parked in advance (the pool refills itself in the
background). Output is written as the guest produces it. A terminal's stdin is the guest's console
input; stdin from a pipe or file is a pipe to the guest, as on Windows (GetFileType says
FILE_TYPE_PIPE and ReadFile returns the bytes as they are; console calls read it too). An empty or
closed stdin is end of file at once. When stdout's reader goes away
(ntwasm run x | head -1) the guest's later writes fail with ERROR_NO_DATA, as on a closed pipe.
Arguments after the guest are its own (command line and argv); "--" ends ntwasm's options.

Options:
  --root DIR       map C:\\ to host directory DIR (default: the current directory); guests start
                   other guests (CreateProcessW) from there
  --dir HOST[::GUEST][:ro]
                   also map host directory HOST to GUEST in the drive (C:\\data, \\data or data;
                   default C:\\<HOST's name>); with :ro every change there fails with
                   ERROR_ACCESS_DENIED and its files show FILE_ATTRIBUTE_READONLY (repeatable)
  --env NAME=VALUE set a variable in the guest's environment; --env NAME takes the host's value
                   (repeatable)
  --inherit-env    start from the host's environment (over the defaults below) instead of the
                   defaults alone
  --trace[=AREAS]  print the guest's calls, one line each, to stderr:
                     [pid:tid] CreateFileW(L"a.txt", GENERIC_READ, FILE_SHARE_READ, NULL,
                       OPEN_EXISTING, 0, NULL) = INVALID_HANDLE_VALUE (ERROR_FILE_NOT_FOUND)
                   failures with their ERROR_*, STATUS_* or WASI errno name; flags, access masks
                   and wait results by name (WAIT_OBJECT_0+1, WAIT_TIMEOUT); timeouts (INFINITE),
                   counts and sizes in decimal, handles and other flags in hex. A call that can
                   block is one line when nothing comes between its start and its return, else
                   "Name(args) <unfinished ...>" when it starts and "<... Name resumed> = result"
                   when it returns.
${wrap(`AREAS, comma-separated as WINEDEBUG channels: ${TRACE_AREA_NAMES.join(", ")} or all; -AREA leaves one out (a list that starts with - starts from all): --trace=sync,pipe  --trace=-wasi`, 19, 96)}
  --trace-file PATH
                   write the trace to PATH (created or truncated) instead of stderr; implies --trace
  --trace-format text|json
                   json: one object per line, {ts, pid, tid, area, module, call, phase ("call",
                   "unfinished" or "resumed"), args, result, value, error, dur}; implies --trace
  --trace-time     start each text line with the time since the guest started (ms, to the µs);
                   implies --trace
  --quota NAME=N   a resource limit (repeatable; docs/reliability.md), one of:
${QUOTA_HELP}
  --console-input  stdin types into the guest's console even when it is a pipe or file, as keys
                   typed at a terminal would (ReadFile gets a line at a time, "\n" as "\r\n")
  --no-deadlock-exit
                   when every thread is blocked for good (a deadlock: see below), print the
                   report and keep waiting instead of ending the run with exit code 124
  --check-kernel[=MS]
                   run the kernel invariant checker (handle tables, reference counts, wait queues,
                   names, timers, pipes, the allocator) every MS ms (default 100) and when the
                   guest ends; the first violation goes to stderr and ends the run with exit code
                   123 (docs/reliability.md)
  --entry NAME     run export NAME as the main thread instead of "main"
  --workers N      keep N workers parked, ready for thread and process starts (default 2; a
                   start that finds none waits for a new one; 0: every start does)
  -h, --help       this text

Environment: by default a small Windows-like one, not the host's: SystemRoot and windir
(C:\\Windows), TEMP and TMP (C:\\Windows\\Temp: a fresh host directory for the run, removed after it,
unless --root has one or a --dir maps one), USERPROFILE (C:\\Users\\User), HOMEDRIVE, HOMEPATH,
APPDATA, LOCALAPPDATA, ProgramData, ProgramFiles, PATH (C:\\), PATHEXT, COMPUTERNAME (NTWASM),
USERNAME (User), NUMBER_OF_PROCESSORS, OS (Windows_NT), ComSpec.

Deadlocks: when every thread of the run is blocked and no timeout, timer or console input can
wake any of them, stderr gets a wait-chain report (each thread, the call it is blocked in, the
object, its name and owner, and each cycle: thread 40 (main) waits for Mutant "lock-B" owned by
thread 44, which waits for Mutant "lock-A" owned by thread 40) and the run ends with exit code
124. SIGQUIT (Ctrl-\\) prints the same report at any time and the run goes on. docs/debugging.md.

Exit codes: the guest's own; 2 when the file is missing, is not WebAssembly, or imports entry
points ntwasm lacks (each is named), or for a bad option; 123 when --check-kernel found a broken
kernel invariant; 124 after a deadlock report; 125 when the kernel failed (a kernel bug: a thread
trapped inside it; stderr names the call). A thread that traps ends its process
with the NTSTATUS Windows would give: STATUS_INTEGER_DIVIDE_BY_ZERO (0xc0000094),
STATUS_ACCESS_VIOLATION (0xc0000005, out-of-bounds memory or a bad function pointer),
STATUS_STACK_OVERFLOW (0xc00000fd), STATUS_ILLEGAL_INSTRUCTION (0xc000001d, unreachable/abort
paths), STATUS_INTEGER_OVERFLOW (0xc0000095, INT_MIN / -1); stderr gets one line naming the
process, thread and status, and the guest's backtrace (with file:line:column when it was built
with ntwasm cc -g). The shell sees the code's low byte (0xc0000094: 148); the embedding API's exit
code is the full NTSTATUS.`;

const ASC_HELP = `Usage: ntwasm asc <prog.ts> [-o prog.wasm] [asc options]

Compiles an AssemblyScript guest with the flags ntwasm guests need (guests/as/asconfig.json).
Import the SDK with:  import { CreateEventW, W, println } from "ntwasm/guests/as";
See docs/guests.md for what AssemblyScript threads can and cannot do.`;

const DEMO_HELP = `Usage: ntwasm demo

Runs the bundled demo guest: producer and consumer threads through events, semaphores and a
mutex (one abandoned on purpose), named objects, and a second process it starts with
CreateProcessW. Its output tells what happened; it exits with 0.

Options:
  -h, --help    this text`;

const HELP_HELP = `Usage: ntwasm help [COMMAND]

Prints ntwasm's usage, or the help of COMMAND (run, cc, c++, asc, demo, serve, help).`;

class UsageError extends Error {}

interface RunOptions {
  entry?: string; root?: string; args?: string[]; workers?: number;
  /** --no-deadlock-exit: report a deadlock and keep waiting. */
  noDeadlockExit?: boolean;
  /** --console-input: piped stdin still types into the console (SpawnOptions.stdinPipe off). */
  consoleInput?: boolean;
  /** --quota NAME=N (BootOptions.quotas). */
  quotas?: Quotas;
  /** --check-kernel[=MS]: run the kernel invariant checker every MS ms and at the end. */
  checkKernel?: number;
  /** --trace, --trace=AREAS, --trace-file, --trace-format, --trace-time. */
  trace?: { areas?: string; file?: string; format?: "text" | "json"; time?: boolean };
  /** --env NAME=VALUE / NAME, in order. */
  env?: string[];
  inheritEnv?: boolean;
  dirs?: DirMount[];
}

/**
 * C:\Windows\Temp for a run whose TEMP or TMP names it (the default) when neither --root nor a --dir
 * provides it: a fresh host directory, removed after the run.
 */
function tempMount(root: string, env: Record<string, string>, dirs: DirMount[]): DirMount | undefined {
  const isTemp = (v: string | undefined) => v !== undefined && /^C:\\Windows\\Temp\\?$/i.test(v);
  const temp = Object.entries(env).filter(([n]) => /^(TEMP|TMP)$/i.test(n)).some(([, v]) => isTemp(v));
  if (!temp || existsSync(join(root, "Windows", "Temp"))) return undefined;
  if (dirs.some((d) => { const p = mountPoint(d.guest); return typeof p === "string" && /^windows(\/temp)?$/i.test(p); })) return undefined;
  return { host: mkdtempSync(join(tmpdir(), "ntwasm-temp-")), guest: "C:\\Windows\\Temp" };
}

async function runGuest(file: string, o: RunOptions = {}): Promise<number> {
  const bytes = await readGuest(file);
  if (o.root !== undefined) {
    const st = await stat(o.root).catch(() => undefined);
    if (!st?.isDirectory()) throw new UsageError(`--root ${o.root}: not a directory`);
  }
  const dirs: DirMount[] = [];
  for (const d of o.dirs ?? []) {
    const st = await stat(d.host).catch(() => undefined);
    if (!st?.isDirectory()) throw new UsageError(`--dir ${d.host}: not a directory`);
    dirs.push({ ...d, host: resolve(d.host) });
  }
  const env = guestEnvironment(availableParallelism(), !!o.inheritEnv, o.env ?? [], process.env);
  const root = resolve(o.root ?? ".");
  const temp = tempMount(root, env, dirs);
  if (temp) dirs.push(temp);
  let kernel: Kernel | undefined;
  let traceFile: number | undefined;
  try {
    const t = o.trace;
    if (t?.file !== undefined) {
      try { traceFile = openSync(t.file, "w"); }
      catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const why = code === "ENOENT" ? "no such directory" : code === "EISDIR" ? "is a directory"
          : code === "EACCES" || code === "EPERM" ? "permission denied" : code === "ENOTDIR" ? "not a directory on the way" : (e as Error).message;
        throw new UsageError(`--trace-file=${t.file}: ${why}`);
      }
    }
    // NTWASM_FAULT_INJECTION=1 lets guests call NtwInjectKernelFault: for the tests of a failing kernel only
    kernel = await boot({ root, workers: o.workers, dirs, quotas: o.quotas, faultInjection: process.env.NTWASM_FAULT_INJECTION === "1" });
    const trace: TraceOptions | undefined = t && { areas: t.areas, format: t.format, time: t.time,
      write: traceFile !== undefined ? (line: string) => { if (traceFile !== undefined) writeSync(traceFile, line); } : undefined };
    const args = [basename(file), ...(o.args ?? [])];
    // GetModuleFileNameW: the guest's path under C:\ when it is inside the root, else C:\<name>.
    const rel = relative(resolve(o.root ?? "."), resolve(file));
    const imagePath = "C:\\" + (rel.startsWith("..") || isAbsolute(rel) ? basename(file) : rel.split(sep).join("\\"));
    // Input from a pipe or file is a pipe to the guest, as on Windows; a terminal is its console.
    const stdinPipe = !process.stdin.isTTY && !o.consoleInput;
    const p = await kernel.spawn(bytes, { entry: o.entry, args, trace, imagePath, env, stdinPipe }).catch((e) => {
      if (e instanceof GuestError) throw new UsageError(`${file}: ${e.message}`);
      throw e;
    });
    // The terminal (or whatever stdin is) types into the guest's input.
    // A guest that reads slower than stdin comes (or never) pauses it: its input waits in the pipe.
    const onData = (d: Buffer) => {
      if (!p.writeStdin(new Uint8Array(d))) { process.stdin.pause(); p.onInputDrain(() => process.stdin.resume()); }
    };
    const onEnd = () => p.endStdin();
    process.stdin.on("data", onData).on("end", onEnd);
    // A deadlock ends the run with DEADLOCK_EXIT after its report (docs/debugging.md); SIGQUIT (Ctrl-\)
    // prints the same report and the run goes on.
    const k = kernel;
    let stopWatch = () => {};
    const deadlock = new Promise<number>((done) => {
      stopWatch = watchDeadlocks(k, (report) => {
        process.stderr.write(report.text);
        if (!o.noDeadlockExit) done(DEADLOCK_EXIT);
        else process.stderr.write("ntwasm: --no-deadlock-exit: waiting on (Ctrl-C ends the run)\n");
      });
    });
    const onQuit = () => { if (!k.failure) process.stderr.write(k.waitReport().text); };
    process.on("SIGQUIT", onQuit);
    // --check-kernel: the invariant checker every N ms and at the end; a violation ends the run with CHECK_KERNEL_EXIT
    let checker: ReturnType<typeof watchKernel> | undefined;
    const violation = new Promise<number>((done) => {
      if (o.checkKernel) checker = watchKernel(k, o.checkKernel, (v) => { process.stderr.write(`ntwasm: kernel invariant violated: ${v}\n`); done(CHECK_KERNEL_EXIT); });
    });
    let code = await Promise.race([p.exited.then((e) => {
      if (e.kernelFault === undefined) return e.code;
      process.stderr.write(`ntwasm: ${e.kernelFault}; every process of the kernel has ended\n`);
      return KERNEL_FAULT_EXIT;
    }), deadlock, violation]);
    checker?.stop();
    if (checker && !checker.check()) code = CHECK_KERNEL_EXIT;
    stopWatch();
    process.off("SIGQUIT", onQuit);
    process.stdin.off("data", onData).off("end", onEnd).destroy();
    return code;
  } finally {
    await kernel?.shutdown();
    if (traceFile !== undefined) { closeSync(traceFile); traceFile = undefined; } // a line printed later (a held one) is dropped
    if (temp) rmSync(temp.host, { recursive: true, force: true });
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

const wantsHelp = (args: string[]) => args.includes("-h") || args.includes("--help");

/** `ntwasm help CMD` / `CMD --help`: the command's help on stdout. */
async function help(cmd: string | undefined): Promise<number> {
  switch (cmd) {
    case undefined: console.log(HELP); return 0;
    case "run": console.log(RUN_HELP); return 0;
    case "cc": case "c++": return cc(["--help"], cmd === "c++");
    case "asc": console.log(ASC_HELP); return 0;
    case "demo": console.log(DEMO_HELP); return 0;
    case "serve": return serveCommand(["--help"]);
    case "help": console.log(HELP_HELP); return 0;
    default: throw new UsageError(`no command "${cmd}" (see ntwasm --help)`);
  }
}

/** `ntwasm run`'s options, up to the guest file (or "--"); the rest are the guest's. */
function parseRun(rest: string[]): { file: string; o: RunOptions } | "help" {
  const o: RunOptions = { env: [], dirs: [] };
  let file: string | undefined;
  let i = 0;
  const value = (flag: string) => {
    const v = rest[++i];
    if (v === undefined) throw new UsageError(`${flag} needs a value (see ntwasm run --help)`);
    return v;
  };
  /** `--flag V` or `--flag=V`. */
  const opt = (a: string, flag: string) => (a === flag ? value(a) : a.startsWith(flag + "=") ? a.slice(flag.length + 1) : undefined);
  for (; i < rest.length && !file; i++) {
    const a = rest[i];
    let v: string | undefined;
    if (a === "--") { file = rest[++i]; if (file === undefined) break; continue; }
    if (a === "-h" || a === "--help") return "help";
    else if ((v = opt(a, "--entry")) !== undefined) o.entry = v;
    else if ((v = opt(a, "--root")) !== undefined) o.root = v;
    else if (a === "--trace") o.trace ??= {};
    else if (a.startsWith("--trace=")) {
      const areas = a.slice(8);
      if (!areas) throw new UsageError("--trace=AREAS: which areas? (see ntwasm run --help)");
      try { traceAreas(areas); } catch (e) { if (e instanceof TraceAreaError) throw new UsageError(`--trace=${areas}: ${e.message}`); throw e; }
      (o.trace ??= {}).areas = areas;
    }
    else if ((v = opt(a, "--trace-file")) !== undefined) {
      if (!v) throw new UsageError("--trace-file: which file? (see ntwasm run --help)");
      (o.trace ??= {}).file = v;
    }
    else if ((v = opt(a, "--trace-format")) !== undefined) {
      if (v !== "text" && v !== "json") throw new UsageError(`--trace-format ${v}: text or json`);
      (o.trace ??= {}).format = v;
    }
    else if (a === "--trace-time") (o.trace ??= {}).time = true;
    else if ((v = opt(a, "--workers")) !== undefined) o.workers = workerCount(v);
    else if ((v = opt(a, "--env")) !== undefined) {
      if (v === "" || v.startsWith("=") && v.indexOf("=", 1) < 0) throw new UsageError(`--env ${v}: NAME=VALUE or NAME (see ntwasm run --help)`);
      o.env!.push(v);
    }
    else if (a === "--inherit-env") o.inheritEnv = true;
    else if (a === "--no-deadlock-exit") o.noDeadlockExit = true;
    else if (a === "--console-input") o.consoleInput = true;
    else if ((v = opt(a, "--quota")) !== undefined) {
      const eq = v.indexOf("="), name = eq < 0 ? v : v.slice(0, eq);
      const q = QUOTAS.find((r) => r.cli === name);
      if (!q) throw new UsageError(`--quota ${v}: NAME=N with NAME one of ${QUOTAS.map((r) => r.cli).join(", ")}`);
      const n = /^\d+$/.test(v.slice(eq + 1)) ? Number(v.slice(eq + 1)) : NaN;
      if (!(n >= 1 && n <= q.max)) throw new UsageError(`--quota ${v}: ${q.cli}=${q.unit}, ${q.unit} from 1 to ${q.max}`);
      (o.quotas ??= {})[q.key] = n;
    }
    else if (a === "--check-kernel") o.checkKernel = CHECK_KERNEL_MS;
    else if (a.startsWith("--check-kernel=")) {
      o.checkKernel = checkInterval(a.slice(15));
      if (o.checkKernel === undefined) throw new UsageError(`${a}: a number of milliseconds from 1 to 3600000`);
    }
    else if ((v = opt(a, "--dir")) !== undefined) {
      const d = parseDirOption(v);
      if ("error" in d) throw new UsageError(d.error);
      o.dirs!.push(d);
    }
    else if (a.startsWith("-")) throw new UsageError(`unknown option ${a} (see ntwasm run --help)`);
    else file = a;
  }
  if (!file) throw new UsageError("which guest? usage: ntwasm run [options] <guest.wasm> [args...]");
  o.args = rest.slice(i); // the rest are the guest's own arguments
  return { file, o };
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case undefined:
      process.stderr.write(`${HELP}\n`);
      return 2;
    case "-h":
    case "--help":
      return help(undefined);
    case "help":
      if (rest.length > 1) throw new UsageError("usage: ntwasm help [COMMAND]");
      return help(rest[0] === "-h" || rest[0] === "--help" ? "help" : rest[0]);
    case "-V":
    case "--version": {
      if (rest.length) throw new UsageError(`${cmd} takes no arguments`);
      const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
      console.log(`ntwasm ${pkg.version}`);
      return 0;
    }
    case "cc":
    case "c++":
      try { return cc(rest, cmd === "c++"); } catch (e) { if (e instanceof CcError) throw new UsageError(e.message); throw e; }
    case "asc":
      if (wantsHelp(rest)) return help("asc");
      try { console.log(`wrote ${await compileAssemblyScript(rest)}`); }
      catch (e) { if (e instanceof AscError) throw new UsageError(e.message); throw e; }
      return 0;
    case "demo":
      if (wantsHelp(rest)) return help("demo");
      if (rest.length) throw new UsageError(`demo takes no arguments: ${rest[0]} (see ntwasm demo --help)`);
      // The demo starts itself again as a second process: its directory is C:\.
      return runGuest(fileURLToPath(new URL("./guests/demo.wasm", import.meta.url)), { root: fileURLToPath(new URL("./guests", import.meta.url)) });
    case "serve":
      try { return await serveCommand(rest); } catch (e) { if (e instanceof ServeUsageError) throw new UsageError(e.message); throw e; }
    case "run": {
      const parsed = parseRun(rest);
      if (parsed === "help") return help("run");
      return runGuest(parsed.file, parsed.o);
    }
    default:
      throw new UsageError(cmd.startsWith("-") ? `unknown option ${cmd} (see ntwasm --help)` : `unknown command "${cmd}" (see ntwasm --help)`);
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
