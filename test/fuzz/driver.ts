// Runs fuzz programs through real guests: one kernel, the interpreter guest (guest.c, built with `ntwasm cc`
// on first use and kept by content hash) as every process of a program, their results compared with the
// model's. After each program: the kernel invariant checker, and the kernel's memory against its baseline.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GuestProcess, Kernel } from "ntwasm";
import { compare, encodeProgram, type Divergence, type Got, type Program } from "./program.ts";

/** test/fuzz/ (scripts/fuzz.mjs says where when it runs a bundle of this from elsewhere). */
const here = process.env.NTWASM_FUZZ_DIR ?? dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");

/** The interpreter guest, compiled once per source (node_modules/.cache/ntwasm-fuzz). */
export function fuzzGuest(): Uint8Array {
  const src = join(here, "guest.c");
  const hash = createHash("sha256").update(readFileSync(src)).digest("hex").slice(0, 16);
  const dir = join(root, "node_modules", ".cache", "ntwasm-fuzz");
  const wasm = join(dir, `guest-${hash}.wasm`);
  if (!existsSync(wasm)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${wasm}.${process.pid}.tmp`;
    execFileSync(process.execPath, [join(root, "dist", "cli.mjs"), "cc", src, "-o", tmp], { stdio: "pipe", timeout: 120_000 });
    renameSync(tmp, wasm);
  }
  return new Uint8Array(readFileSync(wasm));
}

export interface Outcome {
  /** The first step whose result differs from the model's. */
  divergence: Divergence | null;
  /** A process that crashed (a trap in the guest or the kernel). */
  trap?: string;
  /** The program did not end within the time limit. */
  hang?: boolean;
  /** The interpreter could not run it (its setup failed). */
  fatal?: string;
  /** The kernel invariant checker's report after the program, null when clean. */
  violation: string | null;
  /** Calls the program made (steps with results). */
  calls: number;
}

let runs = 0;

/** Runs `prog` (see program.ts normalize) on `kernel`; every process is the interpreter. */
export async function runProgram(kernel: Kernel, guest: Uint8Array, prog: Program, hangMs = 30_000): Promise<Outcome> {
  const tag = `${process.pid.toString(36)}${(runs++).toString(36)}`;
  const outs: string[] = Array.from({ length: prog.P }, () => "");
  const procs: GuestProcess[] = [];
  for (let p = 0; p < prog.P; p++) {
    procs.push(await kernel.spawn(guest, {
      args: ["fuzz.wasm", tag, String(p)], keepStdinOpen: true, stdout: (t) => { outs[p] += t; }, stderr: (t) => { outs[p] += t; },
    }));
  }
  const input = encodeProgram(prog, procs.map((x) => x.pid));
  for (const x of procs) { x.writeStdin(input); x.endStdin(); }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<"hang">((done) => { timer = setTimeout(() => done("hang"), hangMs); });
  const exits = await Promise.race([Promise.all(procs.map((x) => x.exited)), hung]);
  clearTimeout(timer);
  const calls = prog.steps.filter((s) => s.expect).length;
  if (exits === "hang") {
    for (const x of procs) x.kill(1);
    await Promise.all(procs.map((x) => x.exited));
    return { divergence: null, hang: true, violation: kernel.checkKernel(), calls };
  }
  const got = new Map<number, Got>();
  let fatal: string | undefined;
  for (const text of outs) {
    for (const line of text.split("\n")) {
      if (line.startsWith("FATAL")) fatal ??= line;
      const f = line.split(" ");
      if (f.length === 7 && /^[0-9a-f]+$/.test(f[0])) got.set(parseInt(f[0], 16), f.slice(1).map((v) => parseInt(v, 16) >>> 0));
    }
  }
  const crashed = exits.find((e) => e.crash || e.kernelFault);
  const trap = crashed ? (crashed.crash ?? crashed.kernelFault) : exits.find((e) => e.code !== 0 && !fatal) ? `exit codes ${exits.map((e) => e.code).join(",")}` : undefined;
  const violation = kernel.checkKernel();
  if (fatal) return { divergence: null, fatal, trap, violation, calls };
  return { divergence: trap ? null : compare(prog, got), trap, violation, calls };
}
