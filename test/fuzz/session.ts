// A fuzzing session: one kernel (booted again after a hang), the interpreter guest, the memory baseline, and
// the counts the fuzzer reports. Used by the short pass in `npm test` (test/fuzz.test.ts) and by `npm run fuzz`.
import fc from "fast-check";
import { boot, type Kernel } from "ntwasm";
import { fuzzGuest, runProgram, type Outcome } from "./driver.ts";
import { arbProgram, describeStep, normalize, type AbsProgram, type Program } from "./program.ts";

export interface Stats {
  programs: number;
  calls: number;
  divergences: number;
  traps: number;
  hangs: number;
  /** Programs after which the kernel kept more objects or bytes than before (Kernel.memoryStats). */
  leaks: number;
  /** Programs after which the kernel invariant checker reported a violation. */
  violations: number;
  /** Calls by result kind seen (e.g. "w1 0x80": a WaitForSingleObject that found an abandoned mutex). */
  seen: Map<string, number>;
  ms: number;
}

const hex = (v: number) => "0x" + (v >>> 0).toString(16);

const WAITS = new Set(["w1", "wn", "soaw"]);
const CREATES = new Set(["ce", "cex", "cm", "cmx", "cs", "csx", "ct", "ctx"]);
const NT = new Set(["ncd", "nod", "nce", "noe"]);

/** What a call's expected result was, in the categories the fuzzer reports (how much of the semantics a run reached). */
export function coverageKey(code: string, ret: number, err: number): string {
  if (WAITS.has(code)) {
    ret >>>= 0;
    return ret < 64 ? "wait satisfied" : ret >= 0x80 && ret < 0xc0 ? "wait abandoned" : ret === 0x102 ? "wait timed out" : `wait failed ${err}`;
  }
  if (CREATES.has(code)) return ret ? (err === 183 ? "create opened existing" : "create made new") : `create failed ${err}`;
  if (code === "join") return "thread exited (its mutexes abandoned)";
  const nt = code === "q" || NT.has(code);
  const ok = nt ? ret >>> 0 < 0x80000000 : ret !== 0;
  return `${code} ${ok ? (nt && ret ? `ok ${hex(ret)}` : "ok") : `failed ${nt ? hex(ret) : err}`}`;
}

/** What went wrong in one program, worded; null when nothing did. */
export function problem(o: Outcome, prog: Program, leak: string | null): string | null {
  if (o.hang) return "hang: the program did not end";
  if (o.fatal) return `the interpreter failed: ${o.fatal}`;
  if (o.trap) return `trap: ${o.trap}`;
  if (o.violation) return `kernel invariant violated: ${o.violation}`;
  if (leak) return `leak: ${leak}`;
  if (o.divergence) {
    const d = o.divergence;
    const lines = prog.steps.slice(0, d.index + 1).map((s, i) => `  ${i}: ${describeStep(s)}${i === d.index ? "   <-- diverges" : ""}`);
    return `divergence at step ${d.index}: ${describeStep(d.step)}\n  model  [ret, err, o1..o4] = [${d.expected.map(hex).join(", ")}]\n` +
      `  kernel [ret, err, o1..o4] = [${d.got ? d.got.map(hex).join(", ") : "no result"}]\n${lines.join("\n")}`;
  }
  return null;
}

export class FuzzSession {
  stats: Stats = { programs: 0, calls: 0, divergences: 0, traps: 0, hangs: 0, leaks: 0, violations: 0, seen: new Map(), ms: 0 };
  private baseline: { objects: number; bytes: number } | null = null;
  private constructor(private kernel: Kernel, private readonly guest: Uint8Array) {}

  static async start(): Promise<FuzzSession> {
    const s = new FuzzSession(await boot({ workers: 10 }), fuzzGuest());
    // Warm up with the largest shape: thread records are recycled, so the kernel's memory is at its working size after it.
    await s.run({ P: 3, T: 3, ops: [] }, false);
    return s;
  }

  /**
   * Runs one program; returns what went wrong (null: nothing). `count`: add it to the statistics ("calls": only its
   * calls, as while shrinking, when the problem was counted already).
   */
  async run(abs: AbsProgram, count: boolean | "calls" = true): Promise<string | null> {
    const prog = normalize(abs);
    const t0 = performance.now();
    const o = await runProgram(this.kernel, this.guest, prog);
    let leak: string | null = null;
    if (!o.hang) {
      const m = this.kernel.memoryStats();
      if (!this.baseline) this.baseline = { objects: m.liveObjects, bytes: m.bytesInUse };
      else if (m.liveObjects > this.baseline.objects || m.bytesInUse > this.baseline.bytes) {
        leak = `${m.liveObjects - this.baseline.objects} objects and ${m.bytesInUse - this.baseline.bytes} bytes more than before`;
        this.baseline = { objects: Math.max(m.liveObjects, this.baseline.objects), bytes: Math.max(m.bytesInUse, this.baseline.bytes) };
      }
    }
    const what = problem(o, prog, leak);
    if (count) {
      const st = this.stats;
      st.programs++;
      st.calls += o.calls;
      st.ms += performance.now() - t0;
    }
    if (count === true) {
      const st = this.stats;
      if (o.divergence && !o.trap) st.divergences++;
      if (o.trap) st.traps++;
      if (o.hang) st.hangs++;
      if (leak) st.leaks++;
      if (o.violation) st.violations++;
      for (const s of prog.steps) if (s.expect) {
        const key = coverageKey(s.code, s.expect.ret, s.expect.err);
        st.seen.set(key, (st.seen.get(key) ?? 0) + 1);
      }
    }
    if (o.hang) { // the kernel may be stuck: start again with a new one
      await this.kernel.shutdown().catch(() => {});
      this.kernel = await boot({ workers: 10 });
      this.baseline = null;
      await this.run({ P: 3, T: 3, ops: [] }, false);
    }
    return what;
  }

  /**
   * fast-check's run of `numRuns` random programs of up to `maxOps` calls from `seed`: on a failure it shrinks the
   * program to a minimal one and returns its report (and the counterexample), else null.
   */
  async check(seed: number, numRuns: number, maxOps: number): Promise<{ report: string; program: AbsProgram } | null> {
    let report = "";
    let failed = false;
    const r = await fc.check(fc.asyncProperty(arbProgram(maxOps), async (abs) => {
      const what = await this.run(abs, failed ? "calls" : true);
      if (what) { report = what; failed = true; }
      return what === null;
    }), { seed, numRuns, endOnFailure: true });
    if (!r.failed || !r.counterexample) return null;
    return { report: `seed ${seed}, shrunk ${r.numShrinks} times: ${report}`, program: r.counterexample[0] };
  }

  async close(): Promise<void> { await this.kernel.shutdown(); }

  get kernelNow(): Kernel { return this.kernel; }
}
