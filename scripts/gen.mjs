// `npm run gen` writes every file generated from abi/; `npm run gen -- --check` exits 1 if any is stale.
import { build } from "esbuild";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outfile = join(root, "build", "gen.mjs");
await build({ entryPoints: [join(root, "abi", "gen.ts")], bundle: true, platform: "node", format: "esm", outfile, logLevel: "error" });
const { generate } = await import(pathToFileURL(outfile).href + `?t=${Date.now()}`);
const check = process.argv.includes("--check");
const stale = generate(root, check);
if (check && stale.length) {
  console.error(`generated files are stale (run npm run gen): ${stale.join(", ")}`);
  process.exit(1);
}
if (!check) console.log(stale.length ? `wrote ${stale.join(", ")}` : "generated files are up to date");
