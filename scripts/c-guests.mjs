// The C example and test guests: guests/c/*.c → guests/c/bin/*.wasm, committed so `npm test` runs on
// a machine with only Node. `node scripts/c-guests.mjs` rebuilds them (needs Debian's clang-19, lld-19,
// wasi-libc: scripts/toolchain.mjs); `--check` rebuilds into a temporary directory and fails when any
// committed binary differs from what its source produces now (CI runs it). oracle.c is a plain
// single-threaded WASI program (clang alone, memory exported) so @wasmer/wasi can run it too; the rest
// are built as a user builds them, with plain `ntwasm cc name.c -o name.wasm` in guests/c.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "guests", "c");
const bin = join(src, "bin");
const check = process.argv.includes("--check");
const out = check ? mkdtempSync(join(tmpdir(), "ntwasm-c-")) : bin;
const PLAIN = new Set(["oracle"]);

let stale = [];
try {
  for (const file of readdirSync(src).filter((f) => f.endsWith(".c")).sort()) {
    const name = basename(file, ".c");
    const wasm = join(out, `${name}.wasm`);
    // Relative source paths keep the build directory out of the binary, so builds are reproducible.
    const opts = { stdio: "inherit", cwd: src };
    if (PLAIN.has(name)) execFileSync("clang-19", ["--target=wasm32-wasi", "-O2", file, "-o", wasm], opts);
    else execFileSync(process.execPath, [join(root, "dist", "cli.mjs"), "cc", file, "-o", wasm], opts);
    if (check && !readFileSync(wasm).equals(readFileSync(join(bin, `${name}.wasm`), { flag: "r" }))) stale.push(name);
  }
} finally {
  if (check) rmSync(out, { recursive: true, force: true });
}
if (stale.length) {
  console.error(`guests/c/bin is stale for: ${stale.join(", ")} (run node scripts/c-guests.mjs and commit)`);
  process.exit(1);
}
console.log(check ? "guests/c/bin matches its sources" : `built ${readdirSync(bin).length} C guests into guests/c/bin`);
