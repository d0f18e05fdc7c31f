// `ntwasm cc prog.c -o prog.wasm` and `ntwasm c++ prog.cpp -o prog.wasm`: compile Win32 C and C++ to a
// guest with Debian's clang-19, lld-19 and wasi-libc (docs/guests.md, "C and C++ guests"):
//
// - Windows' C dialect: a 16-bit wchar_t (-fshort-wchar: L"..." is UTF-16, as on Windows),
//   -fms-extensions (__int64, __declspec, anonymous structs), and the diagnostics MSVC accepts with a
//   warning demoted from errors (implicit declarations, `return;` in int main, pointer mismatches);
// - the SDK's headers first (guests/include: windows.h, tchar.h...; guests/include/ntwasm/libc:
//   the overrides of libc headers — a 16-bit <wchar.h>, a per-thread errno, MSVC's extras);
// - the ntwasm C runtime: guests/c/runtime/ntwasm_crt.c (the entry, the locks that make wasi-libc safe
//   from several threads) as an object, everything else under guests/c/runtime/ as libntwasm.a (the
//   wide-character library, MSVC printf, kernel32 functions built in the guest). Both are built once
//   per runtime version and compiler into a cache directory (runtime-cache.ts);
// - -Wl,--wrap=NAME for every __wrap_NAME the runtime defines (libc's own calls reach them too);
// - shared, imported memory, so every thread's instance works on the same bytes; atomics and bulk
//   memory; the function table exported (CreateThread takes table indices); __stack_pointer and the
//   TLS exports (the host gives each thread its stack and _Thread_local block);
// - the entry points the host may call exported (main in all its forms, wmain, WinMain, wWinMain):
//   the host picks the one the program defines and calls it with the arguments its form takes
//   (host/c-entry.ts), so `void main(void)` works as it does with MSVC;
// - -Wl,--no-check-features: Debian's wasi-libc is built without atomics (BRIEF.md §2); the runtime's
//   locks are what make it safe to share;
// - no wasm-opt: clang runs binaryen's wasm-opt after linking when it finds one on PATH, and wasm-opt
//   rewrites the code without updating DWARF, drops the name section and shortens the encodings the
//   stack checks rewrite. clang 19's --no-wasm-opt drops the link step too (it is fixed in clang 20),
//   so a -B directory gives clang a wasm-opt that does nothing;
// - stack checks (unless -fno-stack-check): after linking, every write of __stack_pointer that may move
//   it down refuses a value below the thread's limit (STATUS_STACK_OVERFLOW), rewritten in place
//   (host/stack-check.ts); the host sets the limit of each thread, the main thread's from __stack_low,
//   the bottom of the linker's stack.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { findToolchain, TOOLCHAIN_PACKAGES, ToolchainError, type Toolchain } from "./toolchain.ts";
import { cacheRoot, runtimeLibrary, type RuntimeLibrary } from "./runtime-cache.ts";
import { C_ENTRY_POINTS } from "./c-entry.ts";
import { addStackChecks, STACK_LIMIT, STACK_SET } from "./stack-check.ts";

export const CC_HELP = `Usage: ntwasm cc [clang options] <file.c|file.cpp>... -o <guest.wasm>
       ntwasm c++ [clang options] <file.cpp>... -o <guest.wasm>

Compiles Win32 C (C17) or C++ (C++17, with libc++) to an ntwasm guest with clang-19 for wasm32.
#include <windows.h>, <tchar.h>, <strsafe.h>, <process.h> as on Windows: wchar_t is 16 bits, so
L"..." strings are UTF-16, and the generic names (CreateFile, STARTUPINFO...) follow UNICODE.
main, wmain, WinMain and wWinMain all work; libc (printf, malloc, errno) is safe from several threads.
C++ has no exceptions (libc++ for wasm32 is built without them). Every other option goes to clang as
is (-O0, -DUNICODE, -std=...). With -c, -S or -E only the compile step runs.

-g keeps DWARF debug information in the guest (-gdwarf-5 for DWARF 5; give -g when linking objects
too): a thread that crashes then reports the file, line and column of each frame, inlined calls
included, e.g. "at divide (prog.c:12:9, wasm-function[5]:0x1a3)".

Every function that needs a stack frame checks that it fits: a thread that runs out of its stack
(CreateThread's dwStackSize, 256 KiB by default and for the main thread) ends its process with
STATUS_STACK_OVERFLOW instead of overwriting the memory below; -fno-stack-check builds without the
checks. They are rewritten into the linked code in place, so -g's DWARF stays exact.

Needs Debian's packages: apt-get install ${TOOLCHAIN_PACKAGES.join(" ")}
Environment: NTWASM_CLANG names the clang to run (default: clang-19, or clang when it is version 19+);
NTWASM_CACHE the directory for the built runtime (default: ~/.cache/ntwasm).`;

/** Default memory limit: 256 MiB (override with -Wl,--max-memory=BYTES). */
const MAX_MEMORY = 256 * 1024 * 1024;
/** The main thread's stack, like the default for CreateThread (host/syscalls/thread.ts). */
const STACK_SIZE = 256 * 1024;

/** Where the SDK lives: the package root (this file is host/cc.ts, or bundled into dist/). */
export function sdkRoot(): string {
  return fileURLToPath(new URL("..", import.meta.url));
}

const isCxxSource = (a: string) => /\.(cc|cpp|cxx|c\+\+|C)$/.test(a) && !a.startsWith("-");

/** The flags every guest source and every runtime source is compiled with. */
export function compileFlags(root: string, tc: Toolchain, cxx: boolean): string[] {
  const include = join(root, "guests", "include");
  const flags = [
    "--target=wasm32-wasi", "-O2",
    "-fshort-wchar", "-fms-extensions",
    "-matomics", "-mbulk-memory", "-mmutable-globals", "-ftls-model=local-exec",
    // What MSVC accepts with a warning stays a warning (clang 16+ made these errors).
    "-Wno-error=implicit-function-declaration", "-Wno-error=implicit-int", "-Wno-error=int-conversion",
    "-Wno-error=incompatible-function-pointer-types", "-Wno-error=return-mismatch",
    "-Wno-error=incompatible-pointer-types",
  ];
  // libc++'s headers wrap the C headers with #include_next, so they come first, then the SDK's
  // overrides of libc headers, then wasi-libc's (the driver's own system directory).
  // _WIN32, as Windows compilers predefine it (programs test it before they include windows.h); not in
  // C++, where libc++'s headers would take their Win32 paths. __ntwasm__ in both.
  flags.push("-D__ntwasm__=1");
  if (!cxx) flags.push("-D_WIN32=1");
  if (cxx) flags.push("-nostdinc++", "-isystem", tc.libcxxInclude, "-fno-exceptions");
  flags.push("-isystem", join(include, "ntwasm", "libc"), "-I", include);
  return flags;
}

/**
 * A directory with a `wasm-opt` that leaves the module as it is, for clang's -B (searched before PATH):
 * binaryen's would rewrite the code, leave DWARF stale, drop the names and shorten the encodings the
 * stack checks rewrite. Made once, in the cache directory.
 */
function noWasmOptDir(): string {
  const dir = join(cacheRoot(), "no-wasm-opt");
  const exe = join(dir, "wasm-opt");
  if (!existsSync(exe)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${exe}.${process.pid}`;
    writeFileSync(tmp, "#!/bin/sh\n# ntwasm cc: the module stays as wasm-ld wrote it (host/cc.ts)\nexit 0\n");
    chmodSync(tmp, 0o755);
    renameSync(tmp, exe); // whole, for a clang running it at the same time
  }
  return dir;
}

/** The link flags after the inputs: the runtime, the exports the host needs, the wraps. */
function linkFlags(runtime: RuntimeLibrary, cxx: boolean): string[] {
  return [
    `-B${noWasmOptDir()}`,
    // A reactor: wasm-ld wraps every export of a "command" in constructor and destructor calls, so a
    // thread calling __wasm_init_tls would re-run them. The host calls _initialize once, in the main thread.
    "-mexec-model=reactor",
    "-Wl,--import-memory", "-Wl,--shared-memory", `-Wl,--max-memory=${MAX_MEMORY}`, `-Wl,-z,stack-size=${STACK_SIZE}`,
    // Data from 64 KiB up, as Windows maps nothing below it: GetProcAddress tells an ordinal (a value
    // below 0x10000) from a name pointer, and a NULL-based access never lands in the program's data.
    "-Wl,--global-base=65536",
    "-Wl,--export-table", "-Wl,--export=__stack_pointer",
    // the stack checks: the main thread's limit, and the runtime's setter and limit (host/stack-check.ts)
    "-Wl,--export=__stack_low", `-Wl,--export=${STACK_SET}`, `-Wl,--export=${STACK_LIMIT}`,
    "-Wl,--export=__wasm_init_tls", "-Wl,--export=__tls_size", "-Wl,--export=__tls_align", "-Wl,--export=__tls_base",
    ...C_ENTRY_POINTS.map((e) => `-Wl,--export-if-defined=${e}`),
    "-Wl,--no-check-features",
    ...runtime.wraps.map((f) => `-Wl,--wrap=${f}`),
    runtime.object, runtime.archive,
    ...(cxx ? [runtime.cxxArchive, "-lc++", "-lc++abi"] : []),
  ];
}

export class CcError extends Error {}

const isCompileOnly = (args: string[]) => args.some((a) => a === "-c" || a === "-S" || a === "-E" || a === "-M" || a === "-MM");

/** The clang command line for `ntwasm cc args` (builds the runtime first when it is not cached). */
export function clangArgs(args: string[], cxxDriver = false, root = sdkRoot()): { tool: string; argv: string[] } {
  const tc = findToolchain();
  const cxx = cxxDriver || args.some(isCxxSource);
  const tool = cxx ? tc.clangxx : tc.clang;
  const std = args.some((a) => a.startsWith("-std=")) ? [] : cxx ? ["-std=c++17"] : [];
  const compile = [...compileFlags(root, tc, cxx), ...std];
  if (isCompileOnly(args)) return { tool, argv: [...compile, ...args] };
  const runtime = runtimeLibrary(root, tc, compileFlags(root, tc, false), [...compileFlags(root, tc, true), "-std=c++17"]);
  return { tool, argv: [...compile, ...args, ...linkFlags(runtime, cxx)] };
}

/** Adds the stack checks to the linked guest `wasm`, in place (host/stack-check.ts). */
function checkStack(wasm: string): void {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = addStackChecks(new Uint8Array(readFileSync(wasm))).bytes;
    if (!WebAssembly.validate(bytes)) throw new Error("the result is not a valid module");
  } catch (e) {
    throw new CcError(`cannot add the stack checks to ${wasm} (${(e as Error).message}): build with -fno-stack-check`);
  }
  writeFileSync(wasm, bytes);
}

/** Where clang writes the linked module: the last -o (a.out without one). */
function outputOf(args: string[]): string {
  let out = "a.out";
  args.forEach((a, i) => {
    if (a === "-o" && i + 1 < args.length) out = args[i + 1];
    else if (a.startsWith("-o") && a.length > 2) out = a.slice(2);
  });
  return out;
}

/** Runs `ntwasm cc` (or `ntwasm c++`); returns clang's exit code. Throws CcError for a usage problem (exit code 2). */
export function cc(args: string[], cxxDriver = false): number {
  if (args.includes("-h") || args.includes("--help")) { console.log(CC_HELP); return 0; }
  if (!args.some((a) => /\.(c|cc|cpp|cxx|c\+\+|C|o|a)$/.test(a) && !a.startsWith("-"))) {
    throw new CcError(`no input files (usage: ntwasm ${cxxDriver ? "c++ prog.cpp" : "cc prog.c"} -o prog.wasm)`);
  }
  const root = sdkRoot();
  if (!existsSync(join(root, "guests", "c", "runtime", "ntwasm_crt.c"))) throw new CcError(`the C SDK is missing under ${root}`);
  // -fstack-check / -fno-stack-check are ntwasm cc's (the last one wins), not clang's
  const check = args.filter((a) => a === "-fstack-check" || a === "-fno-stack-check").pop() !== "-fno-stack-check";
  const clangOptions = args.filter((a) => a !== "-fstack-check" && a !== "-fno-stack-check");
  let cmd;
  try { cmd = clangArgs(clangOptions, cxxDriver, root); } catch (e) {
    if (e instanceof ToolchainError) throw new CcError(e.message);
    throw e;
  }
  const r = spawnSync(cmd.tool, cmd.argv, { stdio: "inherit" });
  if (r.error) throw new CcError(`${cmd.tool}: ${r.error.message}`);
  if (r.status === 0 && check && !isCompileOnly(clangOptions)) checkStack(outputOf(clangOptions));
  return r.status ?? 1;
}
