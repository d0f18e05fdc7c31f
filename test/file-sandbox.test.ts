// The sandbox rule: no path a guest gives may reach outside the directory mapped to C:\. The escape
// corpus (guests/as/tests/escape.ts) runs against <tmp>/root, next to <tmp>/outside/secret.txt, with
// symbolic links in the root pointing out (a directory link, a file link, a dangling link, a link to
// /, a chain, a loop). Afterwards everything outside the root must be byte for byte what it was, no
// file may have appeared outside, and no file in the root may hold the secret. The same corpus then
// runs on the in-memory file system, and the backends are asked directly for ".." paths.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash, randomBytes } from "node:crypto";
import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { boot, FsError, type Kernel } from "ntwasm";
import { guestBytes, guestPath } from "./harness.ts";

const escape = guestBytes("escape");
const secret = "TOP SECRET " + randomBytes(8).toString("hex");
/** A file in the outside directory whose name the guest never creates: seeing it is an escape. */
const marker = "marker-" + randomBytes(6).toString("hex");

/** Every entry under `dir` (not following links): path → kind and content hash / link target. */
function snapshot(dir: string, skip?: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (p === skip) continue;
      const st = lstatSync(p);
      if (st.isSymbolicLink()) out.set(p, "link " + readlinkSync(p));
      else if (st.isDirectory()) { out.set(p, "dir " + st.mode.toString(8)); walk(p); }
      else out.set(p, `file ${st.size} ${st.mode.toString(8)} ${createHash("sha256").update(readFileSync(p)).digest("hex")} ${st.mtimeMs}`);
    }
  };
  walk(dir);
  return out;
}

/** The files under `dir` (not following links) whose bytes contain `text`. */
function holding(dir: string, text: string): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && readFileSync(p).includes(text)) hits.push(p);
    }
  };
  walk(dir);
  return hits;
}

async function runEscape(k: Kernel, outside: string) {
  const r = await k.run(escape, { entry: "test_escape", env: { OUTSIDE: outside, SECRET: secret, MARKER: marker } });
  const failures = r.stdout.split("\n").filter((l) => l.startsWith("FAIL"));
  expect(failures, r.stdout + r.stderr).toEqual([]);
  expect(r.crash, r.stderr).toBeUndefined();
  expect(r.code).toBe(0);
  return r.stdout;
}

describe("file sandbox on the host file system", () => {
  const tmp = mkdtempSync(join(tmpdir(), "ntwasm-sandbox-"));
  const root = join(tmp, "root"), outside = join(tmp, "outside");
  let k: Kernel;
  let before: Map<string, string>;

  beforeAll(async () => {
    mkdirSync(root);
    mkdirSync(join(outside, "sub"), { recursive: true });
    writeFileSync(join(outside, "secret.txt"), secret);
    writeFileSync(join(outside, marker), "marker");
    writeFileSync(join(tmp, "sibling.txt"), "next to the root");
    mkdirSync(join(root, "realdir"));
    writeFileSync(join(root, "realdir", "ok.txt"), "inside");
    writeFileSync(join(root, "bait.txt"), "bait");
    copyFileSync(guestPath("files_child"), join(root, "files_child.wasm"));
    symlinkSync("../outside", join(root, "outlink")); // a relative directory link
    symlinkSync(outside, join(root, "outabs")); // an absolute one
    symlinkSync(join(outside, "secret.txt"), join(root, "secretlink")); // a file link
    symlinkSync(join(outside, "nothing.txt"), join(root, "dangling")); // a dangling link: creating through it would land outside
    symlinkSync("/", join(root, "rootlink"));
    symlinkSync("chain2", join(root, "chain1")); // chain1 → chain2 → outlink → ../outside
    symlinkSync("outlink", join(root, "chain2"));
    symlinkSync("loop2", join(root, "loop1"));
    symlinkSync("loop1", join(root, "loop2"));
    symlinkSync("../..", join(root, "realdir", "up"));
    symlinkSync("../../outside", join(root, "realdir", "uplink"));
    symlinkSync("realdir", join(root, "inner")); // a link that stays inside: allowed
    before = snapshot(tmp, root);
    k = await boot({ root });
  });
  afterAll(async () => {
    await k?.shutdown();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("the corpus reaches nothing outside the root", async () => {
    const out = await runEscape(k, outside);
    expect(out).toMatch(/^\d+ paths; /m);
    expect(Number(/^(\d+) paths/m.exec(out)![1])).toBeGreaterThanOrEqual(40);
    // outside the root: byte for byte as before, nothing new
    expect(snapshot(tmp, root)).toEqual(before);
    expect(readFileSync(join(outside, "secret.txt"), "utf8")).toBe(secret);
    // inside the root: no copy of the secret, and the links are untouched
    expect(holding(root, secret)).toEqual([]);
    expect(readlinkSync(join(root, "outlink"))).toBe("../outside");
    expect(readlinkSync(join(root, "dangling"))).toBe(join(outside, "nothing.txt"));
  }, 120_000);

  it("the backend refuses paths that did not come through the parser", () => {
    for (const p of ["..", "../outside/secret.txt", "a/../..", "./x", "realdir/../../outside", "", "a//b", "x\u0000"]) {
      if (p === "") continue; // "" is the root itself
      expect(() => k.fs.list(p), p).toThrow(FsError);
      expect(() => { if (k.fs.stat(p) !== null) throw new Error("found"); }, p).toThrow(FsError); // ESCAPE, not "missing"
      expect(() => k.fs.create(p + "/new", false, false), p).toThrow(FsError);
      expect(() => k.fs.mkdir(p + "/newdir"), p).toThrow(FsError);
    }
    expect(() => k.fs.read("secretlink", 0, new Uint8Array(64))).toThrow(FsError);
    expect(() => k.fs.list("outlink")).toThrow(FsError);
    expect(k.fs.stat("inner/ok.txt")?.size).toBe(6);
    expect(snapshot(tmp, root)).toEqual(before);
  });
});

describe("file sandbox on the in-memory file system", () => {
  let k: Kernel;
  beforeAll(async () => {
    k = await boot({ fs: "memory" });
    k.fs.mkdir("realdir");
    k.fs.create("realdir/ok.txt", true, false);
    k.fs.write("realdir/ok.txt", 0, new TextEncoder().encode("inside"));
    k.fs.mkdir("inner"); // no links here: a plain directory with the same file
    k.fs.create("inner/ok.txt", true, false);
    k.fs.create("bait.txt", true, false);
    k.fs.write("bait.txt", 0, new TextEncoder().encode("bait"));
    k.fs.create("files_child.wasm", true, false);
    k.fs.write("files_child.wasm", 0, readFileSync(guestPath("files_child")));
  });
  afterAll(async () => { await k?.shutdown(); });

  it("the corpus stays inside: '..' stops at C:\\", async () => {
    await runEscape(k, "/tmp/ntwasm-memory/outside");
    const names: string[] = [];
    const walk = (d: string) => {
      for (const n of k.fs.list(d)) {
        expect(n === "" || n === "." || n === ".." || n.includes("/") || n.includes("\\") || n.includes("\u0000"), `${d}/${n}`).toBe(false);
        const p = d ? `${d}/${n}` : n;
        names.push(p);
        if (k.fs.stat(p)?.dir) walk(p);
      }
    };
    walk("");
    // whatever the corpus made, it made under C:\ with ordinary names
    expect(names).toContain("realdir/ok.txt");
  }, 120_000);

  it("the store refuses '..', '.' and empty components", () => {
    for (const p of ["..", "../x", "a/..", "./x", "a//b", "x\u0000"]) {
      expect(() => k.fs.list(p), p).toThrow(FsError);
      expect(k.fs.stat(p), p).toBeNull();
      expect(() => k.fs.create(p, false, false), p).toThrow(FsError);
      expect(() => k.fs.mkdir(p), p).toThrow(FsError);
      expect(() => k.fs.rename("bait.txt", p), p).toThrow(FsError);
    }
    expect(k.fs.list("").sort()).toEqual(expect.arrayContaining(["bait.txt", "inner", "realdir"]));
  });
});
