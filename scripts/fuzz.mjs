// `npm run fuzz`: bundles the model-based fuzzer (test/fuzz/cli.ts, TypeScript) with esbuild into
// node_modules/.cache and runs it with the arguments given (see test/fuzz/cli.ts and docs/reliability.md).
// "ntwasm" stays external: it is this package's own dist/, which `npm run fuzz` builds first (NTWASM_DIST: another
// copy of dist/, e.g. one that a rebuild cannot change under a long run).
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "node_modules", ".cache", "ntwasm-fuzz", "cli.mjs");
mkdirSync(dirname(out), { recursive: true });
await build({
  entryPoints: [join(root, "test", "fuzz", "cli.ts")], outfile: out, bundle: true, platform: "node", format: "esm",
  target: "node20", logLevel: "error",
  plugins: [{ name: "ntwasm", setup(b) { b.onResolve({ filter: /^ntwasm$/ }, () => ({ path: pathToFileURL(join(process.env.NTWASM_DIST ?? join(root, "dist"), "index.mjs")).href, external: true })); } }],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
process.env.NTWASM_FUZZ_DIR = join(root, "test", "fuzz");
await import(pathToFileURL(out).href);
