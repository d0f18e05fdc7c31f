// `ntwasm cc prog.c -o prog.wasm [clang flags]`: compiles C to a guest with Debian's clang, lld and
// wasi-libc, with what a threaded guest needs (docs/guests.md, "C guests"):
//
// - shared, imported memory, so every thread's instance works on the same bytes;
// - atomics and bulk memory; the function table exported (CreateThread takes table indices);
// - __stack_pointer exported (the host gives each thread its own stack) and the TLS exports (the host
//   gives each thread its own _Thread_local block: __wasm_init_tls);
// - passing L"..." (32-bit wchar_t on wasm32) where a WCHAR string (16-bit, u"...") is expected is
//   an error (-Werror=incompatible-pointer-types): clang 14 ignores -fshort-wchar for wasm32;
// - the ntwasm C runtime (guests/c/runtime/ntwasm_crt.c) with -Wl,--wrap for each libc function it
//   serializes, and <errno.h> replaced by a per-thread errno (guests/include/ntwasm/libc);
// - -Wl,--no-check-features: Debian's wasi-libc is built without atomics (BRIEF.md §2); the runtime
//   above is what makes it safe to share.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const CC_HELP = `Usage: ntwasm cc [clang options] <file.c>... -o <guest.wasm>

Compiles C to an ntwasm guest with clang --target=wasm32-wasi (Debian: apt-get install clang lld
wasi-libc libclang-rt-dev-wasm32). #include <windows.h> for the Win32 API; libc (printf, malloc,
errno) is safe to use from several threads. Every other option goes to clang as is (-O0, -g, -D...).
With -c, -S or -E only the compile step runs.

Environment: NTWASM_CLANG names the clang to run (default: clang).`;

/** Default memory limit: 256 MiB (override with -Wl,--max-memory=BYTES). */
const MAX_MEMORY = 256 * 1024 * 1024;
/** The main thread's stack, like the default for CreateThread (host/syscalls/thread.ts). */
const STACK_SIZE = 256 * 1024;

/** Where the SDK lives: the package root (this file is host/cc.ts, or bundled into dist/). */
export function sdkRoot(): string {
  return fileURLToPath(new URL("..", import.meta.url));
}

/** The libc functions the runtime wraps, read from its WRAP(...) lines (one source of truth). */
export function wrappedFunctions(runtime: string): string[] {
  const src = readFileSync(runtime, "utf8");
  const names: string[] = [];
  for (const m of src.matchAll(/^WRAP(?:_IO)?\(.+?, (\w+), \(/gm)) names.push(m[1]);
  for (const m of src.matchAll(/^WRAP_VOID\((\w+), \(/gm)) names.push(m[1]);
  return names;
}

/** The clang command line for `ntwasm cc args`. */
export function clangArgs(args: string[], root = sdkRoot()): string[] {
  const include = join(root, "guests", "include");
  const runtime = join(root, "guests", "c", "runtime", "ntwasm_crt.c");
  const compile = [
    "--target=wasm32-wasi", "-O2",
    "-matomics", "-mbulk-memory", "-mmutable-globals",
    "-ftls-model=local-exec", "-Werror=incompatible-pointer-types",
    "-I", join(include, "ntwasm", "libc"), "-I", include,
  ];
  const compileOnly = args.some((a) => a === "-c" || a === "-S" || a === "-E" || a === "-M" || a === "-MM");
  if (compileOnly) return [...compile, ...args];
  const link = [
    // A reactor: wasm-ld wraps every export of a "command" in constructor and destructor calls, so a
    // thread calling __wasm_init_tls would re-run them (malloc start-up, stdio flushes). The runtime's
    // _start plays the command's part for the main thread.
    "-mexec-model=reactor",
    "-Wl,--import-memory", "-Wl,--shared-memory", `-Wl,--max-memory=${MAX_MEMORY}`, `-Wl,-z,stack-size=${STACK_SIZE}`,
    "-Wl,--export-table", "-Wl,--export=__stack_pointer",
    "-Wl,--export=__wasm_init_tls", "-Wl,--export=__tls_size", "-Wl,--export=__tls_align", "-Wl,--export=__tls_base",
    "-Wl,--no-check-features",
    "-Wl,--wrap=sbrk", ...wrappedFunctions(runtime).map((f) => `-Wl,--wrap=${f}`),
  ];
  return [...compile, ...link, ...args, runtime];
}

export class CcError extends Error {}

/** Runs `ntwasm cc`; returns clang's exit code. Throws CcError for a usage problem (exit code 2). */
export function cc(args: string[]): number {
  if (args.includes("-h") || args.includes("--help")) { console.log(CC_HELP); return 0; }
  if (!args.some((a) => /\.(c|cc|cpp|cxx|o|a)$/.test(a) && !a.startsWith("-"))) throw new CcError("no input files (usage: ntwasm cc prog.c -o prog.wasm)");
  const root = sdkRoot();
  if (!existsSync(join(root, "guests", "c", "runtime", "ntwasm_crt.c"))) throw new CcError(`the C SDK is missing under ${root}`);
  const clang = process.env.NTWASM_CLANG ?? "clang";
  const r = spawnSync(clang, clangArgs(args, root), { stdio: "inherit" });
  if (r.error) {
    if ((r.error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new CcError(`${clang} not found: install Debian's clang, lld, wasi-libc and libclang-rt-dev-wasm32`);
    }
    throw new CcError(`${clang}: ${r.error.message}`);
  }
  return r.status ?? 1;
}
