// The C runtime `ntwasm cc` links into every guest, built once per version of its sources, flags and
// compiler into a cache directory: ntwasm_crt.o (the entry and the libc locks, always linked) and
// libntwasm.a (everything else under guests/c/runtime/: only the members a program uses are linked).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { ToolchainError, type Toolchain } from "./toolchain.ts";

export interface RuntimeLibrary {
  object: string;
  archive: string;
  /** Every NAME the runtime defines a __wrap_NAME for: `ntwasm cc` passes -Wl,--wrap=NAME. */
  wraps: string[];
}

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, ext));
    else if (ext.test(name)) out.push(p);
  }
  return out;
}

/** The functions the runtime wraps: `__wrap_NAME(` definitions, and WRAP(..., NAME, ...) macro lines. */
export function wrappedFunctions(sources: string[]): string[] {
  const names = new Set<string>();
  for (const file of sources) {
    const src = readFileSync(file, "utf8");
    for (const m of src.matchAll(/^[^\n#;]*?\b__wrap_(\w+)\s*\(/gm)) names.add(m[1]);
    for (const m of src.matchAll(/^WRAP\w*\((?:[^,]+, )?(\w+), \(/gm)) names.add(m[1]);
  }
  return [...names].sort();
}

function cacheRoot(): string {
  if (process.env.NTWASM_CACHE) return process.env.NTWASM_CACHE;
  const base = process.env.XDG_CACHE_HOME || (homedir() ? join(homedir(), ".cache") : tmpdir());
  return join(base, "ntwasm");
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  if (r.error) throw new ToolchainError(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new ToolchainError(`building the ntwasm C runtime failed:\n${r.stderr}${r.stdout}`);
}

export function runtimeLibrary(root: string, tc: Toolchain, flags: string[]): RuntimeLibrary {
  const runtimeDir = join(root, "guests", "c", "runtime");
  const crt = join(runtimeDir, "ntwasm_crt.c");
  const sources = filesUnder(runtimeDir, /\.c$/);
  const members = sources.filter((s) => s !== crt);
  const wraps = wrappedFunctions(sources);
  const hash = createHash("sha256");
  hash.update(tc.version + "\0" + flags.join(" ") + "\0");
  for (const f of [...filesUnder(runtimeDir, /\.[ch]$/), ...filesUnder(join(root, "guests", "include"), /\.h$/)]) {
    hash.update(relative(root, f) + "\0").update(readFileSync(f)).update("\0");
  }
  const dir = join(cacheRoot(), `runtime-${hash.digest("hex").slice(0, 16)}`);
  const lib: RuntimeLibrary = { object: join(dir, "ntwasm_crt.o"), archive: join(dir, "libntwasm.a"), wraps };
  if (existsSync(lib.archive) && existsSync(lib.object)) return lib;

  // Build in a directory of our own, then move it in place: concurrent builds cannot see half a library.
  mkdirSync(cacheRoot(), { recursive: true });
  const tmp = mkdtempSync(join(cacheRoot(), "build-"));
  try {
    // No build paths in the objects: the same sources give the same guest wherever they were built.
    const common = [...flags, `-ffile-prefix-map=${root}=ntwasm`, "-Wall", "-Wno-unused-function", "-c"];
    run(tc.clang, [...common, crt, "-o", join(tmp, "ntwasm_crt.o")]);
    const objects = members.map((src) => {
      const obj = join(tmp, relative(runtimeDir, src).replace(/[\\/]/g, "_").replace(/\.c$/, ".o"));
      run(tc.clang, [...common, src, "-o", obj]);
      return obj;
    });
    run(tc.ar, ["rcsD", join(tmp, "libntwasm.a"), ...objects]);
    try { renameSync(tmp, dir); } catch { if (!existsSync(lib.archive)) throw new ToolchainError(`cannot write ${dir}`); }
  } finally {
    if (existsSync(tmp)) rmSync(tmp, { recursive: true, force: true });
  }
  return lib;
}
