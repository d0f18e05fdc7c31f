// `ntwasm run --trace`: lines people can read (pid:tid on each, decimal timeouts and sizes, names for
// flags and wait results, failures with their error names, blocking calls shown when they start and
// when they return), areas as WINEDEBUG channels, --trace-file, --trace-format=json, --trace-time and
// one-line usage errors. The guest is test/cli-guests/trace.c; the test looks only at orders the guest
// fixes (see there), never at timing: a blocking call may be one line or an unfinished/resumed pair
// depending on what else comes meanwhile, so `calls` reads both alike.
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "ntwasm-cli-trace-"));
const guest = join(tmp, "trace.wasm");
const ntwasm = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: tmp, timeout: 60_000 });
/** Runs the test guest with `options`; its own output is checked every time. */
const run = (...options: string[]) => {
  const r = ntwasm(["run", ...options, guest]);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toBe("signaled 0, any 1, timeout 258, nt 0x102, none 1, closed 0, attributes 0xffffffff, wrote 13\n");
  return r;
};

const LINE = /^(?:\s*(\d+\.\d{3}) )?\[(\d+):(\d+)\] (.*)$/;

interface Call { pid: number; tid: number; name: string; args: string; result?: string; split: boolean }

/** The trace's calls, each whole: an unfinished line and its resumed line make one (split: true). */
function calls(trace: string): Call[] {
  const out: Call[] = [];
  const open = new Map<string, Call[]>();
  for (const line of trace.split("\n").filter(Boolean)) {
    const m = LINE.exec(line);
    if (!m) throw new Error(`not a trace line: ${line}`);
    const [, , pid, tid, body] = m;
    const key = `${pid}:${tid}`;
    const resumed = /^<\.\.\. (\S+) resumed>(?: = (.*))?$/.exec(body);
    if (resumed) {
      const c = open.get(key)?.pop();
      if (!c || c.name !== resumed[1]) throw new Error(`resumed without its start: ${line}`);
      c.result = resumed[2];
      continue;
    }
    const call = /^([\w.]+)\((.*?)\)( <unfinished \.\.\.>)?(?: = (.*))?$/.exec(body);
    if (!call) throw new Error(`not a call: ${line}`);
    const c: Call = { pid: Number(pid), tid: Number(tid), name: call[1], args: call[2], result: call[4], split: !!call[3] };
    out.push(c);
    if (c.split) (open.get(key) ?? open.set(key, []).get(key)!).push(c);
  }
  return out;
}

const find = (cs: Call[], name: string, args?: RegExp) => cs.filter((c) => c.name === name && (!args || args.test(c.args)));

beforeAll(() => {
  const src = fileURLToPath(new URL("./cli-guests/trace.c", import.meta.url));
  const r = spawnSync(process.execPath, [cli, "cc", src, "-o", guest], { encoding: "utf8", timeout: 120_000 });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
}, 180_000);

describe("ntwasm run --trace", () => {
  let trace = "";
  beforeAll(() => { trace = run("--trace").stderr; }, 60_000);

  it("starts every line with [pid:tid]: one process, two threads", () => {
    const lines = trace.trim().split("\n");
    for (const l of lines) expect(l).toMatch(/^\[\d+:\d+\] \S/);
    const ids = lines.map((l) => LINE.exec(l)!.slice(2, 4).map(Number));
    expect(new Set(ids.map(([p]) => p)).size).toBe(1);
    expect(new Set(ids.map(([, t]) => t)).size).toBe(2);
  });

  it("shows a blocking wait when it starts and when it returns, with the other thread's lines between", () => {
    const lines = trace.trim().split("\n");
    const start = lines.findIndex((l) => /^\[\d+:\d+\] SignalObjectAndWait\(0x[0-9a-f]+, 0x[0-9a-f]+, INFINITE, FALSE\) <unfinished \.\.\.>$/.test(l));
    expect(start, trace).toBeGreaterThanOrEqual(0);
    const who = LINE.exec(lines[start])![2] + ":" + LINE.exec(lines[start])![3];
    const end = lines.findIndex((l, i) => i > start && l === `[${who}] <... SignalObjectAndWait resumed> = WAIT_OBJECT_0`);
    expect(end, trace).toBeGreaterThan(start);
    const between = lines.slice(start + 1, end);
    // the worker's wait for `ready` returned in between (it was set by this very call)
    expect(between.some((l) => !l.startsWith(`[${who}]`) && /WaitForSingleObject/.test(l)), trace).toBe(true);
    const worker = find(calls(trace), "WaitForSingleObject", /^0x[0-9a-f]+, INFINITE$/).filter((c) => `${c.pid}:${c.tid}` !== who);
    expect(worker.map((c) => c.result)).toEqual(["WAIT_OBJECT_0"]);
  });

  it("shows timeouts, counts and sizes in decimal, INFINITE, and wait results by name", () => {
    const cs = calls(trace);
    expect(find(cs, "WaitForMultipleObjects").map((c) => `${c.args} = ${c.result}`))
      .toEqual([expect.stringMatching(/^2, \[0x[0-9a-f]+, 0x[0-9a-f]+\], FALSE, 0 = WAIT_OBJECT_0\+1$/)]);
    expect(find(cs, "WaitForSingleObject", /, 10$/).map((c) => c.result)).toEqual(["WAIT_TIMEOUT"]);
    expect(find(cs, "WaitForSingleObject", /, INFINITE$/).map((c) => c.result)).toEqual(["WAIT_OBJECT_0", "WAIT_OBJECT_0"]);
    expect(find(cs, "Sleep").map((c) => c.args)).toEqual(["25"]);
    expect(find(cs, "NtWaitForSingleObject").map((c) => `${c.args} = ${c.result}`)).toEqual([expect.stringMatching(/^0x[0-9a-f]+, FALSE, \[0\] = STATUS_TIMEOUT$/)]);
    expect(find(cs, "WriteFile").map((c) => `${c.args} = ${c.result}`))
      .toEqual([expect.stringMatching(/^0x[0-9a-f]+, "hello, trace\\n", 13, 0x[0-9a-f]+, NULL = TRUE$/)]);
  });

  it("names flags: CreateFileW's access, share mode, disposition and attributes", () => {
    expect(trace).toMatch(/\] CreateFileW\(L"trace-test\.txt", GENERIC_READ\|GENERIC_WRITE, FILE_SHARE_READ\|FILE_SHARE_WRITE, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL\) = 0x[0-9a-f]+\n/);
    expect(trace).toMatch(/\] CreateEventW\(NULL, FALSE, FALSE, NULL\) = 0x[0-9a-f]+\n/);
  });

  it("names every failure's error", () => {
    expect(trace).toContain('] OpenEventW(EVENT_ALL_ACCESS, FALSE, L"ntwasm-trace-no-such-event") = NULL (ERROR_FILE_NOT_FOUND)\n');
    expect(trace).toContain("] CloseHandle(0x1234) = FALSE (ERROR_INVALID_HANDLE)\n");
    expect(trace).toContain('] GetFileAttributesW(L"no-such-file.txt") = INVALID_FILE_ATTRIBUTES (ERROR_FILE_NOT_FOUND)\n');
  });

  it("includes the WASI calls of the C runtime's stdio", () => {
    expect(trace).toMatch(/\] wasi_snapshot_preview1\.fd_write\(1, 0x[0-9a-f]+, \d+, 0x[0-9a-f]+\) = 0\n/);
  });
});

describe("ntwasm run --trace=AREAS", () => {
  it("-wasi leaves the WASI calls out, and only them", () => {
    const cs = calls(run("--trace=-wasi").stderr);
    expect(cs.filter((c) => c.name.startsWith("wasi_"))).toEqual([]);
    for (const n of ["CreateFileW", "SignalObjectAndWait", "CreateThread", "OpenEventW", "Sleep"]) expect(find(cs, n).length, n).toBeGreaterThan(0);
  });

  it("sync,file keeps those areas only; areas add up and take - in order", () => {
    const names = new Set(calls(run("--trace=sync,file").stderr).map((c) => c.name));
    for (const n of ["SignalObjectAndWait", "WaitForMultipleObjects", "OpenEventW", "CreateFileW", "WriteFile", "GetFileAttributesW"]) expect(names).toContain(n);
    for (const n of ["CreateThread", "Sleep", "CloseHandle", "wasi_snapshot_preview1.fd_write"]) expect(names).not.toContain(n);
    const some = new Set(calls(run("--trace=all,-sync,-wasi,-handle").stderr).map((c) => c.name));
    expect([...some].sort()).toEqual(["CreateFileW", "CreateThread", "DeleteFileW", "GetCurrentThreadId", "GetFileAttributesW", "Sleep", "WriteFile"].sort());
  });

  it("--trace-time starts each line with the ms since the start, to the µs", () => {
    const lines = run("--trace=thread", "--trace-time").stderr.trim().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^ *\d+\.\d{3} \[\d+:\d+\] /);
  });
});

describe("ntwasm run --trace-file, --trace-format=json", () => {
  it("--trace-file writes the trace there, not to stderr", () => {
    const file = join(tmp, "trace.txt");
    const r = run("--trace-file", file);
    expect(r.stderr).toBe("");
    const cs = calls(readFileSync(file, "utf8"));
    expect(find(cs, "CreateFileW")).toHaveLength(1);
    expect(find(cs, "SignalObjectAndWait").map((c) => [c.split, c.result])).toEqual([[true, "WAIT_OBJECT_0"]]);
  });

  it("--trace-format=json: one object per line, the blocking wait as unfinished and resumed", () => {
    const file = join(tmp, "trace.jsonl");
    run("--trace-format=json", `--trace-file=${file}`, "--trace=-wasi");
    const events = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    for (const e of events) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(["ts", "pid", "tid", "area", "module", "call", "phase", "args"]));
      expect(typeof e.ts).toBe("number");
      expect(["call", "unfinished", "resumed"]).toContain(e.phase);
      expect(e.area).not.toBe("wasi");
    }
    const soaw = events.filter((e) => e.call === "SignalObjectAndWait");
    expect(soaw.map((e) => [e.phase, e.area, e.module, e.args, e.result])).toEqual([
      ["unfinished", "sync", "kernel32", [expect.stringMatching(/^0x/), expect.stringMatching(/^0x/), "INFINITE", "FALSE"], undefined],
      ["resumed", "sync", "kernel32", [expect.stringMatching(/^0x/), expect.stringMatching(/^0x/), "INFINITE", "FALSE"], "WAIT_OBJECT_0"],
    ]);
    expect(soaw[1].ts).toBeGreaterThanOrEqual(soaw[0].ts);
    const open = events.find((e) => e.call === "OpenEventW");
    expect(open).toMatchObject({ phase: "call", area: "sync", result: "NULL", value: 0, error: "ERROR_FILE_NOT_FOUND",
      args: ["EVENT_ALL_ACCESS", "FALSE", 'L"ntwasm-trace-no-such-event"'] });
    expect(events.find((e) => e.call === "CreateFileW")).toMatchObject({ area: "file", error: null,
      args: ['L"trace-test.txt"', "GENERIC_READ|GENERIC_WRITE", "FILE_SHARE_READ|FILE_SHARE_WRITE", "NULL", "CREATE_ALWAYS", "FILE_ATTRIBUTE_NORMAL", "NULL"] });
    expect(events.find((e) => e.call === "WaitForMultipleObjects")).toMatchObject({ phase: "call", result: "WAIT_OBJECT_0+1", value: 1 });
  });
});

describe("ntwasm run --trace: usage errors are one line, exit 2", () => {
  const dir = join(tmp, "a-directory");
  mkdirSync(dir, { recursive: true });
  it.each([
    ["a trace file in a missing directory", [`--trace-file=${join(tmp, "no", "such", "t.txt")}`], /^ntwasm: --trace-file=.*: no such directory\n$/],
    ["a trace file that is a directory", ["--trace-file", dir], /^ntwasm: --trace-file=.*: is a directory\n$/],
    ["an unknown area", ["--trace=sync,frob"], /^ntwasm: --trace=sync,frob: no area "frob" \(areas: sync, .*wasi, all\)\n$/],
    ["a file given as areas", ["--trace=out.txt"], /^ntwasm: --trace=out\.txt: no area "out\.txt" .*a file is --trace-file=PATH\)\n$/],
    ["an empty area list", ["--trace="], /^ntwasm: --trace=AREAS: which areas\?/],
    ["an unknown format", ["--trace-format=xml"], /^ntwasm: --trace-format xml: text or json\n$/],
  ])("%s", (_, options, message) => {
    const r = ntwasm(["run", ...options, guest]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("--help describes the trace options and names every area", () => {
    const help = ntwasm(["run", "--help"]).stdout;
    for (const o of ["--trace[=AREAS]", "--trace-file PATH", "--trace-format text|json", "--trace-time", "<unfinished ...>", "<... Name resumed>"]) expect(help).toContain(o);
    for (const a of ["sync", "thread", "process", "env", "error", "handle", "object", "time", "console", "pipe", "file", "iocp", "service", "wasi"]) {
      expect(help).toMatch(new RegExp(`\\b${a}\\b`));
    }
  });
});
