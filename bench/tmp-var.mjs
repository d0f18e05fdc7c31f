import { boot } from "ntwasm";
import { readFileSync } from "node:fs";
const k = await boot();
const w = new Uint8Array(readFileSync(new URL("../guests/c/bin/bench.wasm", import.meta.url)));
const out = [];
for (let i = 0; i < 12; i++) {
  const r = await k.run(w, { args: ["bench.wasm", process.argv[2] ?? "event_set_reset", "100"] });
  out.push(r.stdout.trim().split("\n")[0].split(" ")[1]);
}
console.log(out.join(" "));
process.exit(0);
