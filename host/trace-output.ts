// `ntwasm run --trace`, the host's half: the events the workers send (host/trace.ts), in the order the
// process's threads made them, filtered by area and printed as strace-style text or as JSON lines.
//
//   [36:40] CreateFileW(L"out.txt", GENERIC_WRITE, FILE_SHARE_READ|FILE_SHARE_WRITE, NULL, CREATE_ALWAYS, 0, NULL) = 0x14
//   [36:40] OpenEventW(EVENT_ALL_ACCESS, FALSE, L"nope") = NULL (ERROR_FILE_NOT_FOUND)
//   [36:40] WaitForSingleObject(0x18, INFINITE) <unfinished ...>
//   [36:44] SetEvent(0x1c) = TRUE
//   [36:40] <... WaitForSingleObject resumed> = WAIT_OBJECT_0
//
// A call that can block (abi/trace.ts BLOCKS) is held back when it starts: if its own return is the next
// line, the two make one line; if another line comes first (another thread's call, the guest's output
// on the console the trace shares, or nothing for HOLD_MS), it is printed with "<unfinished ...>" and
// its return later as "<... Name resumed>", as strace does.
import * as abi from "./generated/abi.ts";
import type { TraceEvent } from "./trace.ts";

export interface TraceOptions {
  /**
   * The areas to trace, as `ntwasm run --trace=AREAS` takes them: a comma-separated list of areas
   * (TRACE_AREAS: sync, thread, process, file, pipe, ..., wasi) or "all", each optionally after "-" to
   * leave it out or "+"; a list that starts with "-" starts from every area. Default: every area.
   */
  areas?: string;
  /** "text" (default): strace-style lines; "json": one JSON object per line. */
  format?: "text" | "json";
  /** Text: start each line with the time since the process started, in ms with µs. */
  time?: boolean;
  /** Where lines go (each ends in "\n"); default: standard error. */
  write?: (line: string) => void;
}

/** The areas there are (abi/trace.ts), "wasi" last. */
export const TRACE_AREA_NAMES: readonly string[] = abi.TRACE_AREAS.map(([a]) => a);

/** A bad TraceOptions: an unknown area, an empty one in the list, a format other than text or json. */
export class TraceAreaError extends Error {}

/** The areas a --trace=AREAS list selects; a TraceAreaError names what is wrong with it. */
export function traceAreas(spec: string | undefined): Set<string> {
  const all = TRACE_AREA_NAMES;
  if (spec === undefined || spec === "") return new Set(all);
  const items = spec.split(",").map((s) => s.trim().toLowerCase());
  const on = new Set<string>(items[0].startsWith("-") ? all : []);
  for (const item of items) {
    const off = item.startsWith("-");
    const name = off || item.startsWith("+") ? item.slice(1) : item;
    if (!name) throw new TraceAreaError(`an empty area in "${spec}"`);
    if (name !== "all" && !all.includes(name)) {
      const hint = /[/\\.]/.test(name) ? "; a file is --trace-file=PATH" : "";
      throw new TraceAreaError(`no area "${name}" (areas: ${all.join(", ")}, all${hint})`);
    }
    for (const a of name === "all" ? all : [name]) { if (off) on.delete(a); else on.add(a); }
  }
  return on;
}

/** Checks TraceOptions before a process starts: a TraceAreaError says what is wrong. */
export function checkTraceOptions(o: TraceOptions): void {
  traceAreas(o.areas);
  if (o.format !== undefined && o.format !== "text" && o.format !== "json") throw new TraceAreaError(`trace format "${o.format}": text or json`);
}

/** How long a blocking call's start is held back for its return to make one line with it. */
export const HOLD_MS = 100;

const AREA_OF = new Map(abi.SYSCALL_INFO.map((s) => [s.name, s.area]));
const MODULE_OF = new Map(abi.SYSCALL_INFO.map((s) => [s.name, s.module]));
const now = () => performance.timeOrigin + performance.now();

interface Started { e: TraceEvent; area: string }

export class TraceOutput {
  private readonly areas: Set<string>;
  private readonly json: boolean;
  private readonly out: (line: string) => void;
  /** Whether the lines go where the guest's console output goes (standard error): its output ends a held line. */
  private readonly sharesConsole: boolean;
  private readonly time: boolean;
  private readonly start = now();
  /** The calls that started and have not returned, by "pid:tid" (a stack: an APC in an alertable wait makes calls too). */
  private readonly open = new Map<string, Started[]>();
  /** The blocking call whose start is held back, not printed yet. */
  private held: Started | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(o: TraceOptions, stderr: (line: string) => void) {
    this.areas = traceAreas(o.areas);
    this.json = o.format === "json";
    this.time = !!o.time;
    this.out = o.write ?? stderr;
    this.sharesConsole = !o.write;
  }

  /** One event from a worker (the JSON of a TraceEvent; anything else is printed as it is). */
  event(text: string): void {
    let e: TraceEvent;
    try { e = JSON.parse(text); } catch { this.flushHeld(); this.out(text.endsWith("\n") ? text : text + "\n"); return; }
    const area = AREA_OF.get(e.fn) ?? "wasi"; // the imports besides the syscalls are WASI's
    if (!this.areas.has(area)) return;
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === "s") {
      this.flushHeld();
      const s = { e, area };
      (this.open.get(key) ?? this.open.set(key, []).get(key)!).push(s);
      this.held = s;
      this.timer = setTimeout(() => this.flushHeld(), HOLD_MS);
      (this.timer as { unref?: () => void }).unref?.();
      return;
    }
    if (e.ph === "e") {
      const stack = this.open.get(key);
      const s = stack?.pop();
      if (stack && !stack.length) this.open.delete(key);
      if (s && s === this.held) { this.unhold(); this.line(area, { ...s.e, ...e, ph: "c", ts: s.e.ts, args: s.e.args, dur: e.ts - s.e.ts }, "call"); }
      else { this.flushHeld(); this.line(area, { ...e, args: s?.e.args, dur: s ? e.ts - s.e.ts : undefined }, "resumed"); }
      return;
    }
    this.flushHeld();
    this.line(area, e, "call");
  }

  /** The guest writes to the console: a held line is printed first (when the trace goes there too). */
  output(): void {
    if (this.sharesConsole) this.flushHeld();
  }

  /** Prints the held line, if any, as unfinished (the process ended, or the run does). */
  flush(): void { this.flushHeld(); }

  private unhold(): void {
    this.held = undefined;
    if (this.timer !== undefined) { clearTimeout(this.timer); this.timer = undefined; }
  }

  private flushHeld(): void {
    const s = this.held;
    if (!s) return;
    this.unhold();
    this.line(s.area, s.e, "unfinished");
  }

  private line(area: string, e: TraceEvent, phase: "call" | "unfinished" | "resumed"): void {
    const ms = Math.round((e.ts - this.start) * 1000) / 1000;
    if (this.json) {
      const dot = e.fn.indexOf(".");
      const o: Record<string, unknown> = {
        ts: ms, pid: e.pid, tid: e.tid, area, module: dot >= 0 ? e.fn.slice(0, dot) : MODULE_OF.get(e.fn),
        call: dot >= 0 ? e.fn.slice(dot + 1) : e.fn, phase, args: e.args ?? [],
      };
      if (phase !== "unfinished") {
        o.result = e.end ? null : e.r ?? null;
        o.value = e.end ? null : e.v ?? null;
        o.error = e.err ?? null;
        if (e.end) o.ended = true;
        if (e.dur !== undefined) o.dur = Math.round(e.dur * 1000) / 1000;
      }
      this.out(JSON.stringify(o) + "\n");
      return;
    }
    const prefix = `${this.time ? `${ms.toFixed(3).padStart(10)} ` : ""}[${e.pid}:${e.tid}] `;
    const result = e.r === undefined ? "" : ` = ${e.r}${e.err && e.err !== e.r ? ` (${e.err})` : ""}`;
    const call = `${e.fn}(${(e.args ?? []).join(", ")})`;
    this.out(prefix + (phase === "unfinished" ? `${call} <unfinished ...>` : phase === "resumed" ? `<... ${e.fn} resumed>${result}` : call + result) + "\n");
  }
}
