// `npm run fuzz -- [--calls N] [--seed S] [--ops M] [--batch B]`: the model-based fuzzer run long. Programs of up
// to M calls (default 400) in fast-check batches of B programs (default 25) from seeds S, S+1, ... until N calls
// (default 1,000,000) have been made; a failure is shrunk to a minimal program, printed (a regression test is
// made from it: test/fuzz.test.ts) and the run goes on with the next batch. Prints calls/s, divergences, traps,
// hangs, leaks and invariant violations; exits 1 when any was found.
import { FuzzSession } from "./session.ts";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0) { console.error(`--${name} ${v}: a whole number`); process.exit(2); }
  return n;
}

const calls = arg("calls", 1_000_000), seed = arg("seed", Date.now() % 1_000_000), maxOps = arg("ops", 400), batch = arg("batch", 25);
console.log(`ntwasm fuzz: ${calls} calls, seed ${seed}, programs of up to ${maxOps} calls, ${batch} per batch`);
const session = await FuzzSession.start();
const failures: string[] = [];
const started = performance.now();
let lastPrint = 0;
const line = () => {
  const st = session.stats, s = (performance.now() - started) / 1000;
  return `${st.calls} calls in ${st.programs} programs, ${s.toFixed(0)} s, ${(st.calls / s).toFixed(0)} calls/s; ` +
    `divergences ${st.divergences}, traps ${st.traps}, hangs ${st.hangs}, leaks ${st.leaks}, violations ${st.violations}`;
};
for (let b = 0; session.stats.calls < calls; b++) {
  const f = await session.check(seed + b, batch, maxOps);
  if (f) {
    failures.push(f.report);
    console.log(`\nFAILURE (batch seed ${seed + b}):\n${f.report}\nprogram: ${JSON.stringify(f.program, (_, v) => (typeof v === "bigint" ? `${v}n` : v))}\n`);
  }
  if (performance.now() - lastPrint > 10_000) { lastPrint = performance.now(); console.log(line()); }
}
await session.close();
console.log(`\nntwasm fuzz: done. ${line()}`);
const seen = [...session.stats.seen.entries()].sort((a, b) => b[1] - a[1]);
console.log(`what the calls did (${seen.length} kinds):\n${seen.map(([k, n]) => `  ${k}: ${n}`).join("\n")}`);
process.exit(failures.length ? 1 : 0);
