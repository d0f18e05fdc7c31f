// `ntwasm asc prog.ts [-o prog.wasm] [asc options]`: compiles an AssemblyScript guest with the flags
// ntwasm guests need (guests/as/asconfig.json: stub runtime, imported shared memory, an exported
// table for CreateThread, _start exported rather than run at instantiation).
import { fileURLToPath } from "node:url";

export class AscError extends Error {}

/** Compiles; resolves to the output path. asc's diagnostics go to stderr. */
export async function compileAssemblyScript(args: string[]): Promise<string> {
  let asc: typeof import("assemblyscript/asc");
  try { asc = await import("assemblyscript/asc"); }
  catch { throw new AscError("the AssemblyScript compiler is not installed: npm install --save-dev assemblyscript"); }
  const sources = args.filter((a, i) => a.endsWith(".ts") && args[i - 1] !== "-o" && args[i - 1] !== "--outFile");
  if (sources.length === 0) throw new AscError("which source? usage: ntwasm asc prog.ts [-o prog.wasm]");
  const rest = [...args];
  if (!rest.includes("-o") && !rest.includes("--outFile")) rest.push("-o", sources[0].replace(/\.ts$/, ".wasm"));
  const out = rest[rest.indexOf(rest.includes("-o") ? "-o" : "--outFile") + 1];
  const config = fileURLToPath(new URL("../guests/as/asconfig.json", import.meta.url));
  const { error } = await asc.main([...rest, "--config", config], { stdout: process.stdout, stderr: process.stderr });
  if (error) throw new AscError(`${sources.join(", ")}: compilation failed`);
  return out;
}
