// Issue 17: a guest NULL never becomes a kernel address and no length wraps. Walks EVERY pointer
// parameter of every kernel- and host-implemented entry point in abi/ (read from the table, so a new row
// is walked the day it is added) with NULL, a wild pointer (0xFFFFFFF0, beyond memory) and a pointer
// that straddles the end of guest memory, and every count that sizes a buffer with lengths that wrap
// when multiplied (0x80000000, 0x40000001, 0x7FFFFFFF, 0xFFFFFFFF), against a pool of real handles.
// Through the real path: a C guest generated from the table imports each entry by module and name
// (guest → host shim → kernel.wasm). Asserted: no trap (the guest finishes), no hang (the test's
// timeout), an error result where the call must fail, and the kernel intact afterwards (lock free,
// read-only data below the root block byte-identical, no memory kept, another process runs).
//
// Not walked: user-mode entries (impl "user": critical sections, SRW locks... work on guest memory in
// usermode.wasm, whose faults are the guest's own, issue 17 item 6); code pointers (a thread start, an
// APC or completion routine: Windows calls them, they are no buffers); and a NULL Timeout where NULL
// means "wait forever" (a hang by design).
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SYSCALLS } from "../abi/syscalls/index.ts";
import { POINTER_KINDS, type Param, type Syscall } from "../abi/types.ts";
import { useKernel } from "./harness.ts";

const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));

// ---- what to walk ----
const isCode = (p: Param) => p.kind === "ptr" && /ROUTINE|APCFUNC|PAPC|FARPROC|_FN\b|PINIT_ONCE_FN/.test(p.ctype + " ")
  || /Routine$|StartAddress$|^pfn|^InitFn$/.test(p.name);
const walkable = (p: Param) => (POINTER_KINDS.has(p.kind) || p.kind === "ptr") && !isCode(p);
/** A NULL here is an infinite wait: a legitimate hang, not walked. */
const nullWaitsForever = (s: Syscall, p: Param) => p.optional === true && /LARGE_INTEGER/.test(p.ctype) && /Timeout$/.test(p.name);
const ENTRIES = SYSCALLS.filter((s) => s.impl !== "user" && s.params.some(walkable));
/** Counts a length expression uses, or (host entries, whose buffers are kind "ptr") that look like one. */
const countNames = (s: Syscall) => {
  const named = new Set<string>();
  for (const p of s.params) for (const w of p.len?.match(/[A-Za-z_]\w*/g) ?? []) named.add(w);
  return new Set(s.params.filter((p) => (p.kind === "u32" || p.kind === "i32") &&
    (named.has(p.name) || (s.impl === "host" && /^n[A-Z]|Length$|Size$|^Count$|ToRead$|ToWrite$/.test(p.name)))).map((p) => p.name));
};

// ---- the cases, as data for the guest ----
// An argument is (tag, value): 0 a literal, 1 a handle from the pool, 2 the address of buffer `value`,
// 3 a code pointer (the guest's thread routine for a thread start, else 0), 4 the last 2 bytes of memory.
const POOL = ["NULL", "event", "pipe write end", "current process", "current thread", "directory", "symbolic link",
  "completion port", "timer", "mutex", "semaphore"];
const WILD = 0xfffffff0 | 0;
type Arg = [number, number];
/** fill: the buffers start zeroed (empty strings) or with L"X", a variable and a name that exist. */
interface Case { s: Syscall; what: string; args: Arg[]; expectError: boolean; fill: number }
/** Entries that ignore a pointer the table declares (so cannot fail on it), and why. */
const IGNORES: Record<string, string> = {
  OutputDebugStringW: "there is no debugger: host/syscalls/console.ts drops the string unread",
};

function defaults(s: Syscall, handle: number): Arg[] {
  const counts = countNames(s);
  let buf = 0;
  return s.params.map((p): Arg => {
    if (p.kind === "handle") return /Process/.test(p.name) ? [0, -1] : [1, handle];
    if (p.kind === "u32" || p.kind === "i32") return [0, counts.has(p.name) ? 16 : 0];
    if (isCode(p)) return [3, /THREAD_START/.test(p.ctype) ? 1 : 0];
    return [2, buf++];
  });
}

/** A call that fails: the entry's failure value (NTSTATUS: any error or warning severity). */
function failed(s: Syscall, r: bigint, lastError: number): boolean {
  const v = Number(BigInt.asUintN(32, r));
  switch (s.result) {
    case "NTSTATUS": return v >= 0x80000000;
    case "HANDLE": return v === 0 || v === 0xffffffff;
    case "void": return lastError !== 0;
    default: return v === (s.fail ?? 0) >>> 0;
  }
}

function buildCases(): Case[] {
  const cases: Case[] = [];
  for (const s of ENTRIES) for (const fill of [0, 1]) {
    for (let h = 0; h < POOL.length; h++) {
      if (!s.params.some((p) => p.kind === "handle") && h > 0) break; // no handle: one pass is enough
      const base = defaults(s, h);
      s.params.forEach((p, i) => {
        if (!walkable(p)) return;
        const values: [string, Arg][] = [["wild", [0, WILD]], ["end of memory", [4, 0]]];
        if (!nullWaitsForever(s, p)) values.unshift(["NULL", [0, 0]]);
        for (const [name, v] of values) {
          const args = base.slice();
          args[i] = v;
          // NULL must fail where the table says the pointer is required and something would cross;
          // a wild pointer wherever the shim or host reads it (kind "ptr" may be a plain value).
          const required = ["in", "out", "outp", "ustr", "ustrout"].includes(p.kind) && !p.optional;
          const expectError = !IGNORES[s.name] && (name === "wild" ? p.kind !== "ptr" : name === "NULL" && required);
          cases.push({ s, what: `${s.name}(${p.name} = ${name}, handles = ${POOL[h]}${fill ? ", strings X" : ""})`, args, expectError, fill });
        }
      });
      for (const c of countNames(s)) {
        const i = s.params.findIndex((p) => p.name === c);
        for (const n of [0x80000000, 0x40000001, 0x7fffffff, 0xffffffff]) {
          const args = base.slice();
          args[i] = [0, n | 0];
          cases.push({ s, what: `${s.name}(${c} = 0x${n.toString(16)}, handles = ${POOL[h]}${fill ? ", strings X" : ""})`, args, expectError: false, fill });
        }
      }
    }
  }
  return cases;
}

function guestSource(cases: Case[]): string {
  const maxArgs = Math.max(...ENTRIES.map((s) => s.params.length));
  const nbuf = Math.max(...ENTRIES.map((s) => s.params.filter((p) => !["handle", "u32", "i32"].includes(p.kind)).length));
  const L: string[] = [
    "/* GENERATED by test/abi-pointers.test.ts: every pointer parameter of abi/ with NULL, wild and wrapping values. */",
    "#include <windows.h>", "#include <winternl.h>", "#include <stdio.h>", "#include <string.h>", "",
    "typedef int i32; typedef long long i64;",
  ];
  ENTRIES.forEach((s, e) => {
    const ret = s.result === "void" ? "void" : s.result === "ULONGLONG" ? "i64" : "i32";
    L.push(`__attribute__((import_module("${s.module}"), import_name("${s.name}"))) ${ret} imp_${e}(${s.params.map(() => "i32").join(", ") || "void"});`);
  });
  L.push(`#define MAXARGS ${maxArgs}`, `#define NBUF ${nbuf}`, "#define BUFSIZE 0x12000",
    "static unsigned char bufs[NBUF][BUFSIZE] __attribute__((aligned(16)));",
    "static i32 pool[16];",
    "static DWORD WINAPI thread_routine(LPVOID p) { (void)p; return 0; }",
    "static i64 dispatch(int e, const i32 *a) {", "  switch (e) {");
  ENTRIES.forEach((s, e) => {
    const call = `imp_${e}(${s.params.map((_, i) => `a[${i}]`).join(", ")})`;
    L.push(s.result === "void" ? `    case ${e}: ${call}; return 0;` : `    case ${e}: return (i64)${call};`);
  });
  L.push("  }", "  return -1;", "}", "",
    `static const i32 cases[][3 + 2 * MAXARGS] = {`);
  for (const c of cases) {
    const e = ENTRIES.indexOf(c.s);
    const flat = c.args.flatMap(([t, v]) => [t, v]);
    while (flat.length < 2 * maxArgs) flat.push(0);
    L.push(`  { ${e}, ${c.args.length}, ${c.fill}, ${flat.join(", ")} },`);
  }
  L.push("};", "",
    "static void make_pool(void) {",
    "  HANDLE r, w;",
    "  pool[0] = 0;",
    "  pool[1] = (i32)CreateEventW(NULL, FALSE, FALSE, NULL);",
    "  CreatePipe(&r, &w, NULL, 1 << 20); pool[2] = (i32)w;",
    "  pool[3] = (i32)GetCurrentProcess();",
    "  pool[4] = (i32)GetCurrentThread();",
    "  UNICODE_STRING us; OBJECT_ATTRIBUTES oa; HANDLE h = NULL;",
    "  RtlInitUnicodeString(&us, L\"\\\\Sessions\\\\1\\\\BaseNamedObjects\");",
    "  InitializeObjectAttributes(&oa, &us, 0, NULL, NULL);",
    "  NtOpenDirectoryObject(&h, DIRECTORY_QUERY | DIRECTORY_TRAVERSE, &oa); pool[5] = (i32)h;",
    "  RtlInitUnicodeString(&us, L\"\\\\Sessions\\\\1\\\\BaseNamedObjects\\\\Global\"); h = NULL;",
    "  NtOpenSymbolicLinkObject(&h, SYMBOLIC_LINK_QUERY, &oa); pool[6] = (i32)h;",
    "  pool[7] = (i32)CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);",
    "  pool[8] = (i32)CreateWaitableTimerW(NULL, FALSE, NULL);",
    "  pool[9] = (i32)CreateMutexW(NULL, TRUE, NULL);",
    "  pool[10] = (i32)CreateSemaphoreW(NULL, 1, 100, NULL);",
    "  for (int i = 1; i < 11; i++) if (!pool[i]) printf(\"pool %d: failed (%lu)\\n\", i, GetLastError());",
    "}", "",
    "int main(int argc, char **argv) {",
    "  if (argc > 1) { printf(\"quick\\n\"); return 0; }",
    "  setvbuf(stdout, NULL, _IOLBF, 0);",
    "  make_pool();",
    "  SetEnvironmentVariableW(L\"X\", L\"the value of X\");",
    "  i32 end = (i32)(__builtin_wasm_memory_size(0) * 65536u - 2);",
    "  int ncases = (int)(sizeof cases / sizeof cases[0]);",
    "  for (int c = 0; c < ncases; c++) {",
    "    i32 a[MAXARGS];",
    "    for (int b = 0; b < NBUF; b++) { memset(bufs[b], 0, 512); if (cases[c][2]) memcpy(bufs[b], L\"X\", 4); }",
    "    for (int i = 0; i < cases[c][1]; i++) {",
    "      i32 t = cases[c][3 + 2 * i], v = cases[c][4 + 2 * i];",
    "      a[i] = t == 0 ? v : t == 1 ? pool[v] : t == 2 ? (i32)(UINT_PTR)bufs[v] : t == 3 ? (v ? (i32)(UINT_PTR)thread_routine : 0) : end;",
    "    }",
    "    printf(\"> %d\\n\", c);",
    "    SetLastError(0);",
    "    i64 r = dispatch(cases[c][0], a);",
    "    printf(\"= %d %lld %lu\\n\", c, r, GetLastError());",
    "  }",
    "  printf(\"done\\n\");",
    "  return 0;",
    "}");
  return L.join("\n") + "\n";
}

describe("every pointer parameter of abi/ with NULL, wild and wrapping values", () => {
  const root = mkdtempSync(join(tmpdir(), "ntwasm-ptrs-"));
  const kernel = useKernel(() => ({ root }));
  const cases = buildCases();
  let wasm: Uint8Array;

  it("walks every kernel and host entry point with a pointer parameter", () => {
    expect(ENTRIES.length).toBeGreaterThan(100);
    expect(ENTRIES.map((s) => s.name)).toEqual(expect.arrayContaining(["GetEnvironmentVariableW", "ReadFile", "WriteFile", "NtQueryObject"]));
    const src = join(root, "walk.c");
    writeFileSync(src, guestSource(cases));
    execFileSync(process.execPath, [cli, "cc", src, "-o", join(root, "walk.wasm")], { stdio: "pipe" });
    wasm = new Uint8Array(readFileSync(join(root, "walk.wasm")));
  }, 120_000);

  async function walk() {
    const r = await kernel().run(wasm, { args: ["walk.wasm"] });
    expect(r.crash, r.stderr + r.stdout.slice(-400)).toBeUndefined();
    const lines = r.stdout.split("\n");
    const last = [...lines].reverse().find((l) => l.startsWith("> "));
    expect(lines, `stopped in ${last && cases[Number(last.slice(2))]?.what}`).toContain("done");
    expect(r.code).toBe(0);
    expect(lines.filter((l) => l.startsWith("pool"))).toEqual([]);
    const wrong: string[] = [];
    for (const l of lines) {
      const m = /^= (\d+) (-?\d+) (\d+)$/.exec(l);
      if (!m) continue;
      const c = cases[Number(m[1])];
      if (c.expectError && !failed(c.s, BigInt(m[2]), Number(m[3]))) wrong.push(`${c.what}: succeeded (${m[2]})`);
    }
    expect(wrong).toEqual([]);
    expect(lines.filter((l) => l.startsWith("= ")).length).toBe(cases.length);
  }

  it(`${cases.length} calls: no trap, no hang, an error where one is due`, async () => {
    await walk();
  }, 300_000);

  it("the kernel is intact afterwards: lock free, read-only data unchanged, nothing kept, another process runs", async () => {
    const k = kernel();
    const before = k.memoryStats();
    await walk(); // a second walk: everything the first left behind is back
    const after = k.memoryStats();
    expect(after.bytesInUse).toBe(before.bytesInUse);
    expect(after.liveObjects).toBe(before.liveObjects);
    expect(after.liveProcesses).toBe(0);
    expect(new DataView(k.memory.buffer).getInt32(after.rootAddress, true), "the kernel lock word").toBe(0);
    const pristine = new WebAssembly.Memory({ initial: 16, maximum: 32768, shared: true });
    await WebAssembly.instantiate(k.module, { env: { memory: pristine }, host: { now: () => 0 } });
    const live = new Uint8Array(k.memory.buffer, 0, after.rootAddress);
    const fresh = new Uint8Array(pristine.buffer, 0, after.rootAddress);
    expect(Buffer.compare(Buffer.from(live), Buffer.from(fresh)), "read-only data below the root block").toBe(0);
    const q = await k.run(wasm, { args: ["walk.wasm", "quick"] });
    expect(q.stdout).toBe("quick\n");
    expect(q.code).toBe(0);
  }, 300_000);
});
