// The C runtime `ntwasm cc` links into every guest, built once per version of its sources, flags and
// compiler into a cache directory: ntwasm_crt.o (the entry and the libc locks, always linked),
// libntwasm.a (every other C file under guests/c/runtime/: only the members a program uses are linked)
// and libntwasm++.a (the C++ files there, linked before libc++ by `ntwasm c++`).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { ToolchainError, type Toolchain } from "./toolchain.ts";

export interface RuntimeLibrary {
  object: string;
  archive: string;
  cxxArchive: string;
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

/**
 * The functions the runtime wraps: `__wrap_NAME(` definitions, WRAP(..., NAME, ...) macro lines, and
 * C++ functions named `__asm__("__wrap_NAME")` (NAME a mangled name).
 */
export function wrappedFunctions(sources: string[]): string[] {
  const names = new Set<string>();
  for (const file of sources) {
    const src = readFileSync(file, "utf8");
    for (const m of src.matchAll(/^[^\n#;]*?\b__wrap_(\w+)\s*\(/gm)) names.add(m[1]);
    for (const m of src.matchAll(/^WRAP\w*\((?:[^,]+, )?(\w+), \(/gm)) names.add(m[1]);
    for (const m of src.matchAll(/\bWRAP\("(\w+)"\)/g)) names.add(m[1]);
  }
  return [...names].sort();
}

export function cacheRoot(): string {
  if (process.env.NTWASM_CACHE) return process.env.NTWASM_CACHE;
  const base = process.env.XDG_CACHE_HOME || (homedir() ? join(homedir(), ".cache") : tmpdir());
  return join(base, "ntwasm");
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  if (r.error) throw new ToolchainError(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new ToolchainError(`building the ntwasm C runtime failed:\n${r.stderr}${r.stdout}`);
}

/** `flags`: what guest C sources are compiled with; `cxxFlags`: guest C++ sources. */
export function runtimeLibrary(root: string, tc: Toolchain, flags: string[], cxxFlags: string[]): RuntimeLibrary {
  const runtimeDir = join(root, "guests", "c", "runtime");
  const crt = join(runtimeDir, "ntwasm_crt.c");
  const sources = filesUnder(runtimeDir, /\.c$/);
  const cxxSources = filesUnder(runtimeDir, /\.cpp$/);
  const members = sources.filter((s) => s !== crt);
  const wraps = wrappedFunctions([...sources, ...cxxSources]);
  const hash = createHash("sha256");
  hash.update(tc.version + "\0" + flags.join(" ") + "\0" + cxxFlags.join(" ") + "\0");
  for (const f of [...filesUnder(runtimeDir, /\.(c|h|cpp)$/), ...filesUnder(join(root, "guests", "include"), /\.h$/)]) {
    hash.update(relative(root, f) + "\0").update(readFileSync(f)).update("\0");
  }
  const dir = join(cacheRoot(), `runtime-${hash.digest("hex").slice(0, 16)}`);
  const lib: RuntimeLibrary = {
    object: join(dir, "ntwasm_crt.o"), archive: join(dir, "libntwasm.a"), cxxArchive: join(dir, "libntwasm++.a"), wraps,
  };
  if (existsSync(lib.archive) && existsSync(lib.object) && existsSync(lib.cxxArchive)) return lib;

  // Build in a directory of our own, then move it in place: concurrent builds cannot see half a library.
  mkdirSync(cacheRoot(), { recursive: true });
  const tmp = mkdtempSync(join(cacheRoot(), "build-"));
  try {
    // No build paths in the objects: the same sources give the same guest wherever they were built.
    const extra = [`-ffile-prefix-map=${root}=ntwasm`, "-Wall", "-Wno-unused-function", "-c"];
    const compile = (compiler: string, compilerFlags: string[], src: string) => {
      const obj = join(tmp, relative(runtimeDir, src).replace(/[\\/]/g, "_").replace(/\.(c|cpp)$/, ".o"));
      run(compiler, [...compilerFlags, ...extra, src, "-o", obj]);
      return obj;
    };
    renameSync(compile(tc.clang, flags, crt), join(tmp, "ntwasm_crt.o"));
    run(tc.ar, ["rcsD", join(tmp, "libntwasm.a"), ...members.map((src) => compile(tc.clang, flags, src))]);
    run(tc.ar, ["rcsD", join(tmp, "libntwasm++.a"), ...cxxSources.map((src) => compile(tc.clangxx, cxxFlags, src))]);
    try { renameSync(tmp, dir); } catch { if (!existsSync(lib.archive)) throw new ToolchainError(`cannot write ${dir}`); }
  } finally {
    if (existsSync(tmp)) rmSync(tmp, { recursive: true, force: true });
  }
  return lib;
}
