// `npm run build`: checks the generated ABI files, compiles kernel.wasm and the AssemblyScript
// guests with asc, bundles the host with esbuild into dist/, and writes the package's type
// declarations into dist/types/ (tsc, tsconfig.types.json). `npm pack` and `npm publish` run it first
// (the prepack script). Source maps go next to the bundles (dist/*.map) without a sourceMappingURL
// comment in them: the package leaves them out, and nothing then points at a missing file.
import { build } from "esbuild";
import asc from "assemblyscript/asc";
import { execFileSync, spawn } from "node:child_process";
import binaryen from "binaryen";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, basename } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
mkdirSync(join(dist, "guests"), { recursive: true });

function step(what, fn) {
  const t = Date.now();
  return Promise.resolve(fn()).then((r) => { if (process.env.NTWASM_BUILD_VERBOSE) console.log(`${what}: ${Date.now() - t} ms`); return r; });
}

async function ascCompile(args) {
  const out = [];
  const { error } = await asc.main(args, { stdout: { write: (s) => out.push(s) }, stderr: { write: (s) => out.push(s) } });
  if (error) { console.error(out.join("")); throw new Error(`asc failed: ${args[0]}`); }
}

// 1. Generated files must match abi/ (run `npm run gen` after editing abi/).
try {
  execFileSync(process.execPath, [join(root, "scripts", "gen.mjs"), "--check"], { stdio: "inherit" });
} catch {
  process.exit(1);
}

// 1b. The type declarations, in a child process while the rest builds: tsc's declaration emit of
// host/index.ts and host/browser/index.ts (--noCheck: `npm run typecheck` is the type check).
const types = declarations();

// 2. The kernel.
await step("kernel", () => ascCompile(["kernel/index.ts", "--config", "asconfig.json"]));
copyFileSync(join(root, "build", "kernel.wasm"), join(dist, "kernel.wasm"));

// 2b. The user-mode runtime (usermode/): one build for shared guest memory, one for unshared. The host
// bundle embeds both, so it must come after this step.
for (const target of ["shared", "local"]) {
  await step(`usermode (${target})`, () => ascCompile(["usermode/index.ts", "--config", "usermode/asconfig.json", "--target", target]));
}

// 3. AssemblyScript guests: examples, programs other guests start, conformance tests, benchmark workloads.
const guestDirs = ["guests/as/examples", "guests/as/programs", "guests/as/tests", "guests/as/bench"];
for (const dir of guestDirs) {
  if (!existsSync(join(root, dir))) continue;
  for (const f of readdirSync(join(root, dir)).filter((f) => f.endsWith(".ts"))) {
    await step(f, () => ascCompile([`${dir}/${f}`, "--config", "guests/as/asconfig.json", "--outFile", `dist/guests/${basename(f, ".ts")}.wasm`]));
  }
}

// 3b. Hand-written WebAssembly-text guests (guests/wat): shapes AssemblyScript does not produce.
for (const f of readdirSync(join(root, "guests/wat")).filter((f) => f.endsWith(".wat"))) {
  const m = binaryen.parseText(readFileSync(join(root, "guests/wat", f), "utf8"));
  m.setFeatures(binaryen.Features.All);
  if (!m.validate()) throw new Error(`invalid guest: guests/wat/${f}`);
  writeFileSync(join(dist, "guests", `${basename(f, ".wat")}.wasm`), m.emitBinary());
  m.dispose();
}

// 4. The host. Old chunks go first (their names change with their content). The compilers that
// `ntwasm asc` loads on demand stay outside the bundle.
for (const f of readdirSync(dist)) if (/\.mjs(\.map)?$/.test(f)) rmSync(join(dist, f));
await step("host", () => build({
  entryPoints: { index: "host/index.ts", cli: "host/cli.ts", worker: "host/node/worker.ts" },
  outdir: dist, outExtension: { ".js": ".mjs" }, bundle: true, splitting: true, platform: "node", format: "esm",
  target: "node20", sourcemap: "external", logLevel: "error", absWorkingDir: root,
  loader: { ".wasm": "binary" }, external: ["assemblyscript", "assemblyscript/*", "binaryen"],
}));

// 5. The browser host (`ntwasm/browser`): dist/browser.mjs and its thread worker dist/browser-worker.mjs,
// each one self-contained file (no shared chunks); they find kernel.wasm next to them.
await step("browser", () => build({
  entryPoints: { browser: "host/browser/index.ts", "browser-worker": "host/browser/worker.ts" },
  outdir: dist, outExtension: { ".js": ".mjs" }, bundle: true, platform: "browser", format: "esm",
  target: "es2022", sourcemap: "external", logLevel: "error", absWorkingDir: root, loader: { ".wasm": "binary" },
}));

// 6. The demo page (web/) into dist/web/, with the examples web/examples.json lists. It imports
// ntwasm/browser as a page would: from ../browser.mjs.
rmSync(join(dist, "web"), { recursive: true, force: true });
mkdirSync(join(dist, "web", "examples"), { recursive: true });
await step("web demo", () => build({
  entryPoints: { demo: "web/demo.ts" }, outdir: join(dist, "web"), outExtension: { ".js": ".mjs" }, bundle: true,
  platform: "browser", format: "esm", target: "es2022", sourcemap: "external", logLevel: "error", absWorkingDir: root,
  plugins: [{
    name: "ntwasm-browser",
    setup(b) { b.onResolve({ filter: /^ntwasm\/browser$/ }, () => ({ path: "../browser.mjs", external: true })); },
  }],
}));
for (const f of ["index.html", "demo.css", "examples.json"]) copyFileSync(join(root, "web", f), join(dist, "web", f));
for (const ex of JSON.parse(readFileSync(join(root, "web", "examples.json"), "utf8"))) {
  copyFileSync(join(root, ex.from), join(dist, "web", "examples", ex.file));
}

// 7. The declarations (step 1b), with their relative imports' ".ts" made ".js", which every
// moduleResolution maps to the .d.ts next to it.
await step("types", () => types);

function declarations() {
  const out = join(dist, "types");
  rmSync(out, { recursive: true, force: true });
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const child = spawn(process.execPath, [tsc, "-p", join(root, "tsconfig.types.json"), "--noCheck"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout.on("data", (d) => { log += d; });
  child.stderr.on("data", (d) => { log += d; });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) { console.error(log); reject(new Error(`tsc (tsconfig.types.json) failed with code ${code}`)); return; }
      const rewrite = (dir) => {
        for (const e of readdirSync(dir, { withFileTypes: true })) {
          const p = join(dir, e.name);
          if (e.isDirectory()) rewrite(p);
          else if (e.name.endsWith(".d.ts")) {
            const text = readFileSync(p, "utf8");
            const fixed = text.replace(/((?:from|import)\s*\(?\s*["'])(\.{1,2}\/[^"']*?)\.ts(["'])/g, "$1$2.js$3");
            if (fixed !== text) writeFileSync(p, fixed);
          }
        }
      };
      rewrite(out);
      resolve();
    });
  });
}
