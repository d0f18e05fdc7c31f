// Finding the compiler `ntwasm cc` runs: Debian's clang-19 (clang 14 ignores -fshort-wchar for wasm32,
// so L"..." would be 32-bit), its lld, llvm-ar, wasi-libc and, for C++, libc++ for wasm32.
import { spawnSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { basename, dirname, join } from "node:path";

import packages from "./toolchain-packages.json" with { type: "json" };

/** The Debian packages `ntwasm cc` and `ntwasm c++` need (scripts/toolchain.mjs installs them). */
export const TOOLCHAIN_PACKAGES: string[] = packages;
const INSTALL = `apt-get install ${TOOLCHAIN_PACKAGES.join(" ")}`;
const MIN_MAJOR = 19;

export class ToolchainError extends Error {}

export interface Toolchain {
  clang: string;
  clangxx: string;
  ar: string;
  /** `clang --version`'s first line: part of the runtime cache key. */
  version: string;
  /** libc++'s headers for wasm32 (may not exist when libc++ is not installed). */
  libcxxInclude: string;
}

let found: Toolchain | undefined;

function versionOf(clang: string): string | null {
  const r = spawnSync(clang, ["--version"], { encoding: "utf8" });
  if (r.error || r.status !== 0) return null;
  return r.stdout.split("\n")[0].trim();
}

const major = (version: string) => Number(/version (\d+)/.exec(version)?.[1] ?? 0);

/** Resolves a command name through PATH to its real file. */
function which(cmd: string): string | null {
  if (cmd.includes("/")) return existsSync(cmd) ? realpathSync(cmd) : null;
  for (const dir of (process.env.PATH ?? "").split(":")) {
    const p = join(dir || ".", cmd);
    if (existsSync(p)) return realpathSync(p);
  }
  return null;
}

/** The clang to use: NTWASM_CLANG, else clang-19, else clang when it is version 19 or later. */
export function findToolchain(): Toolchain {
  if (found) return found;
  const wanted = process.env.NTWASM_CLANG;
  const candidates = wanted ? [wanted] : ["clang-19", "clang"];
  let clang: string | undefined, version: string | undefined;
  for (const c of candidates) {
    const v = versionOf(c);
    if (v && (wanted || major(v) >= MIN_MAJOR)) { clang = c; version = v; break; }
  }
  if (!clang || !version) {
    throw new ToolchainError(wanted ? `${wanted} (NTWASM_CLANG) does not run` :
      `clang ${MIN_MAJOR} not found: install Debian's toolchain for wasm32 guests (${INSTALL})`);
  }
  if (!wanted && !existsSync("/usr/lib/wasm32-wasi/libc.a")) {
    throw new ToolchainError(`wasi-libc not found (/usr/lib/wasm32-wasi): ${INSTALL}`);
  }
  // clang++ and llvm-ar live next to the real clang binary (/usr/lib/llvm-19/bin on Debian).
  const real = which(clang) ?? clang;
  const bin = dirname(real);
  const clangxx = wanted ? join(dirname(wanted), basename(wanted).replace(/clang/, "clang++")) : join(bin, "clang++");
  const ar = [join(bin, "llvm-ar"), "llvm-ar-19", "llvm-ar"].find((a) => which(a)) ?? "llvm-ar";
  found = { clang, clangxx: wanted && !which(clangxx) ? wanted : clangxx, ar, version,
    libcxxInclude: join(bin, "..", "include", "wasm32-wasi", "c++", "v1") };
  return found;
}
