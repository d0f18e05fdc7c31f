// The kernel invariant checker (kernel/check.ts, Kernel.checkKernel, `ntwasm run --check-kernel`): clean on a
// live kernel, and each kind of corruption written into kernel memory is reported, by area, until it is undone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { boot, type GuestProcess, type Kernel } from "ntwasm";

const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "ntwasm-check-"));
const hold = join(tmp, "hold.wasm");

// Field offsets of the kernel's @unmanaged records (fields in order, naturally aligned: kernel/ob, kernel/objects).
const ROOT = { inUse: 12, liveThreads: 44, processList: 52, threadList: 56, timerHead: 64 };
const HEADER = { refs: 4, handles: 8, flags: 12, name: 16, waitHead: 20, waitTail: 24, charge: 28 };
const BODY = 32; // each type's own fields follow the header
const MUTEX_OWNER = BODY, MUTEX_COUNT = BODY + 4;
const EVENT_SIGNALED = BODY + 4;
const THREAD_OWNED = BODY + 36;
const TIMER_ARMED = BODY + 8;
const NAME_HASH = 8;

describe("the kernel invariant checker", () => {
  let k: Kernel;
  let p: GuestProcess;
  let out = "";
  const view = () => new DataView(k.memory.buffer);
  const u32 = (a: number) => view().getUint32(a, true);
  const set = (a: number, v: number) => view().setUint32(a, v >>> 0, true);
  /** Writes `v` at `a`, expects the checker to report `area` (and `text`), puts the old value back and expects it clean. */
  const corrupt = (a: number, v: number, area: RegExp) => {
    const old = u32(a);
    set(a, v);
    const r = k.checkKernel();
    set(a, old);
    expect(r).toMatch(area);
    expect(k.checkKernel()).toBeNull();
    return r;
  };

  beforeAll(async () => {
    const r = spawnSync(process.execPath, [cli, "cc", fileURLToPath(new URL("./fuzz/hold.c", import.meta.url)), "-o", hold], { encoding: "utf8", timeout: 120_000 });
    expect(r.stderr).toBe("");
    k = await boot();
    p = await k.spawn(new Uint8Array(readFileSync(hold)), { keepStdinOpen: true, stdout: (t) => { out += t; }, stderr: (t) => { out += t; } });
    for (let i = 0; i < 200 && !out.includes("ready"); i++) await new Promise((res) => setTimeout(res, 50));
    expect(out).toContain("ready");
  }, 180_000);

  afterAll(async () => {
    p?.endStdin();
    await p?.exited;
    expect(k.checkKernel()).toBeNull();
    await k.shutdown();
  });

  /** The live objects of the guest, by type (and name). */
  const find = (type: string, name?: string) => {
    const snap = k.snapshot();
    const all = [...snap.objects.values()].filter((o) => o.type === type && (name === undefined || o.name.endsWith(name)));
    expect(all.length, `${type} ${name ?? ""}`).toBeGreaterThan(0);
    return all;
  };

  it("is clean on a live kernel: handles, waits, an owned mutex, a timer, a pipe with data", () => {
    expect(k.checkKernel()).toBeNull();
    const ev = find("Event", "check-event")[0];
    expect(ev.refs).toBeGreaterThan(ev.handles); // the waiter's queued wait holds a reference
  });

  it("counts: a reference or a handle too many, or too few", () => {
    const ev = find("Event", "check-event")[0].id;
    expect(corrupt(ev + HEADER.refs, u32(ev + HEADER.refs) + 1, /^counts: Event 0x[0-9a-f]+: 1 references more than its handles and queued waits/)).toBeTruthy();
    corrupt(ev + HEADER.refs, u32(ev + HEADER.refs) - 1, /^counts: Event .*fewer references than its handles/);
    corrupt(ev + HEADER.handles, u32(ev + HEADER.handles) + 1, /^counts: Event .*more handles than the handle tables hold/);
    corrupt(ev + HEADER.handles, 0, /counts no handles/);
  });

  it("wait queues: entries linked both ways, each a pending wait of a live thread", () => {
    const ev = find("Event", "check-event")[0].id;
    corrupt(ev + HEADER.waitTail, 0, /^wait: Event .*wait queue tail 0x0 is not its last entry/);
    corrupt(ev + HEADER.waitHead, 0, /^wait: Event .*wait queue tail 0x[0-9a-f]+ is not its last entry 0x0/);
    const entry = u32(ev + HEADER.waitHead);
    corrupt(entry + 16, 5, /^wait: Event .*wait queue entry .* is not in a thread's wait block|^wait: /); // its index
  });

  it("a lost wake-up: a queued wait-all whose objects are all signaled", () => {
    const ev = find("Event", "check-event")[0].id;
    const mu = find("Mutant", "check-mutex")[0].id;
    const oldCount = u32(mu + MUTEX_COUNT), oldOwner = u32(mu + MUTEX_OWNER), oldSig = u32(ev + EVENT_SIGNALED);
    const ownerThread = oldOwner, oldOwned = u32(ownerThread + THREAD_OWNED);
    set(ev + EVENT_SIGNALED, 1); set(mu + MUTEX_COUNT, 0); set(mu + MUTEX_OWNER, 0); set(ownerThread + THREAD_OWNED, 0); // the event set, the mutex free
    const r = k.checkKernel();
    set(ev + EVENT_SIGNALED, oldSig); set(mu + MUTEX_COUNT, oldCount); set(mu + MUTEX_OWNER, oldOwner); set(ownerThread + THREAD_OWNED, oldOwned);
    expect(r).toMatch(/^wait: thread \d+: waits for all of 2 objects, which are all signaled \(a lost wake-up\)/);
    expect(k.checkKernel()).toBeNull();
  });

  it("objects: a charged object's charge record is in the heap", () => {
    const ev = find("Event", "check-event")[0].id;
    expect(u32(ev + HEADER.charge)).not.toBe(0); // the guest's CreateEvent charged its process
    corrupt(ev + HEADER.charge, 0x10, /^object: Event 0x[0-9a-f]+: its charge 0x10 is not in the heap/);
  });

  it("mutexes: owner and recursion count agree, the owner lists it", () => {
    const mu = find("Mutant", "check-mutex")[0].id;
    corrupt(mu + MUTEX_COUNT, 0, /^mutex: Mutant .*recursion count 0 with owner 0x|^mutex: thread \d+: owned Mutant/);
  });

  it("the namespace: each name in the bucket its hash picks, hashing to its hash", () => {
    const ev = find("Event", "check-event")[0].id;
    const entry = u32(ev + HEADER.name);
    corrupt(entry + NAME_HASH, u32(entry + NAME_HASH) ^ 1, /^namespace: .*(has hash|is in bucket|not in the hash table)/);
    corrupt(ev + HEADER.name, 0x10, /^namespace: Event .*name entry 0x10 does not name it|^namespace: entry .* names/);
  });

  it("the timer queue: armed timers, earliest first", () => {
    const head = u32(k.memoryStats().rootAddress + ROOT.timerHead);
    expect(head).not.toBe(0);
    corrupt(head + TIMER_ARMED, 0, /^timers: timer queue: timer 0x[0-9a-f]+ is queued but armed is 0/);
  });

  it("pipes: a queue's byte count is the bytes queued", () => {
    // qBytes follows qHead and qTail, which name the one record queued
    let at = 0;
    for (const e of find("File").map((o) => o.id)) {
      for (let off = 36; off < 256 && !at; off += 4) if (u32(e + off) === 5 && u32(e + off - 4) && u32(e + off - 4) === u32(e + off - 8)) at = e + off;
    }
    expect(at).not.toBe(0);
    corrupt(at, 6, /^pipe: pipe end 0x[0-9a-f]+: 6 bytes counted, 5 queued/);
  });

  it("handle tables, processes, threads, the allocator and the root", () => {
    const root = k.memoryStats().rootAddress;
    const proc = u32(root + ROOT.processList);
    // its handle table: the field whose first three entries are the standard handles (Console objects, type 8)
    let table = 0;
    for (let off = 28; off < 128 && !table; off += 4) {
      const t = u32(proc + off);
      if (t > 0x10000 && t < k.memory.buffer.byteLength - 36 && [0, 12, 24].every((e) => { const o = u32(t + e); return o > 0x10000 && o < k.memory.buffer.byteLength && u32(o) === 8; })) table = t;
    }
    expect(table).not.toBe(0);
    corrupt(table + 8, 0x80, /^handle table: process \d+: handle 0x4 has flags 0x80/);
    corrupt(table, 0x12345670, /^handle table: process \d+: handle 0x4 refers to 0x12345670, not an object/);
    corrupt(root + ROOT.threadList, 0x40, /^thread: thread list: 0x40 after 0x0 is not a thread/);
    corrupt(root + ROOT.liveThreads, u32(root + ROOT.liveThreads) + 1, /^thread: thread list: \d+ threads listed/);
    corrupt(root + 256, 0x10, /^allocator: free block 0x10 of class 16 is outside the heap/); // the first free list's head
    corrupt(root + ROOT.inUse, u32(root + ROOT.inUse) + 8, /^root: bytes in use/);
  });
});

describe("ntwasm run --check-kernel", () => {
  it("runs the checker and exits with the guest's code when it stays clean; bad intervals are usage errors", () => {
    const src = join(tmp, "ok.c");
    writeFileSync(src, "#include <windows.h>\nint main(void) { HANDLE e = CreateEventW(NULL, TRUE, FALSE, L\"x\"); Sleep(150); CloseHandle(e); return 7; }\n");
    const wasm = join(tmp, "ok.wasm");
    expect(spawnSync(process.execPath, [cli, "cc", src, "-o", wasm], { encoding: "utf8", timeout: 120_000 }).status).toBe(0);
    const r = spawnSync(process.execPath, [cli, "run", "--check-kernel=10", wasm], { encoding: "utf8", timeout: 60_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(7);
    expect(spawnSync(process.execPath, [cli, "run", "--check-kernel", wasm], { encoding: "utf8", timeout: 60_000 }).status).toBe(7);
    const bad = spawnSync(process.execPath, [cli, "run", "--check-kernel=0", wasm], { encoding: "utf8", timeout: 60_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--check-kernel=0: a number of milliseconds/);
    const help = spawnSync(process.execPath, [cli, "run", "--help"], { encoding: "utf8" });
    expect(help.stdout).toMatch(/--check-kernel\[=MS\][\s\S]*exit code\s+123/);
  }, 180_000);
});
