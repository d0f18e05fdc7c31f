// The file layer through the real path, twice: on the host file system (a fresh temporary directory
// as C:\) and on the in-memory one. guests/as/tests/files.ts holds the checks; files_child.wasm is
// put in C:\ for the cross-process ones. The host side then looks at what the guest wrote.
import { afterAll, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Kernel } from "ntwasm";
import { conformance, guestBytes, guestPath } from "./harness.ts";

const FROM_HOST = "put there by the host";

/**
 * Runs the suites that can run again once more and checks that kernel memory is exactly what it was
 * before: file objects, their paths, search handles and current directories are all freed. (The first
 * run warmed the kernel's type-stable pools: thread records stay allocated for reuse.)
 */
const AGAIN = ["test_read_write_seek", "test_share_matrix", "test_share_delete", "test_handles", "test_find",
  "test_current_directory", "test_full_path_name", "test_case_insensitive", "test_bad_pointers"];
const leakCheck = (kernel: () => Kernel) => it("file objects, paths and current directories are freed", async () => {
  const k = kernel(), bytes = guestBytes("files");
  const before = k.memoryStats();
  for (const entry of AGAIN) {
    const r = await k.run(bytes, { entry });
    expect(r.code, entry + "\n" + r.stdout).toBe(0);
  }
  const after = k.memoryStats();
  expect({ bytes: after.bytesInUse, objects: after.liveObjects }).toEqual({ bytes: before.bytesInUse, objects: before.liveObjects });
}, 120_000);

// ---- the host file system ----
const root = mkdtempSync(join(tmpdir(), "ntwasm-files-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

conformance("files", 120_000, {
  title: "files on the host file system",
  boot: () => ({ root }),
  setup: () => {
    copyFileSync(guestPath("files_child"), join(root, "files_child.wasm"));
    writeFileSync(join(root, "from-host.txt"), FROM_HOST);
    writeFileSync(join(root, "readonly.txt"), "read only", { mode: 0o444 });
  },
  after: (kernel) => {
    leakCheck(kernel);
    it("what the guest wrote is on the host's disk", () => {
      expect(readFileSync(join(root, "out.txt"), "utf8")).toBe("written by the guest\r\n");
      expect(readFileSync(join(root, "t_host", "Nested.Txt"), "utf8")).toBe("nested");
      // every test worked in its own directory under the root
      const dirs = readdirSync(root).filter((n) => n.startsWith("t_")).sort();
      expect(dirs).toContain("t_disp");
      expect(dirs).toContain("t_threads");
      expect(readFileSync(join(root, "t_move", "renamed.txt"), "utf8")).toBe("AAA+more");
      expect(existsSync(join(root, "t_move", "B.TXT"))).toBe(false);
      expect(readFileSync(join(root, "t_threads", "one.txt")).length).toBe(16 * 300);
      expect(readFileSync(join(root, "readonly.txt"), "utf8")).toBe("read only");
    });
  },
});

// ---- the in-memory file system ----
const text = (k: Kernel, path: string) => {
  const st = k.fs.stat(path);
  if (!st) return null;
  const bytes = new Uint8Array(st.size);
  k.fs.read(path, 0, bytes);
  return new TextDecoder().decode(bytes);
};

/**
 * A Win32 program of guests/c/sdk (deletion at the last close, with a child process), run from C:\ of
 * the in-memory file system: it must print its .expected, and once it has ended nothing it deleted is
 * left in the store and no kernel object is left queued (the second run is measured: the first
 * warmed the kernel's pools).
 */
const sdkProgram = (kernel: () => Kernel, name: string) => it(`${name}.c on the in-memory file system`, async () => {
  const sdk = (f: string) => fileURLToPath(new URL(`../guests/c/sdk/${f}`, import.meta.url));
  const out = join(mkdtempSync(join(tmpdir(), "ntwasm-files-cc-")), `${name}.wasm`);
  execFileSync(process.execPath, [fileURLToPath(new URL("../dist/cli.mjs", import.meta.url)), "cc", sdk(`${name}.c`), "-o", out]);
  const k = kernel(), bytes = new Uint8Array(readFileSync(out));
  k.fs.create(`${name}.wasm`, false, true);
  k.fs.write(`${name}.wasm`, 0, bytes);
  const expected = readFileSync(sdk(`${name}.expected`), "utf8");
  expect((await k.run(bytes, { args: [`${name}.wasm`] })).stdout).toBe(expected);
  const before = k.memoryStats();
  const r = await k.run(bytes, { args: [`${name}.wasm`] });
  expect(r.stdout).toBe(expected);
  const after = k.memoryStats();
  expect({ bytes: after.bytesInUse, objects: after.liveObjects }).toEqual({ bytes: before.bytesInUse, objects: before.liveObjects });
  expect(k.fs.list("").filter((n) => n === "pending" || n === "doc")).toEqual([]);
}, 120_000);

conformance("files", 120_000, {
  title: "files on the in-memory file system",
  boot: () => ({ fs: "memory" }),
  setup: (k) => {
    const child = readFileSync(guestPath("files_child"));
    k.fs.create("files_child.wasm", true, false);
    k.fs.write("files_child.wasm", 0, child);
    k.fs.create("from-host.txt", true, false);
    k.fs.write("from-host.txt", 0, new TextEncoder().encode(FROM_HOST));
  },
  after: (kernel) => {
    leakCheck(kernel);
    sdkProgram(kernel, "file_delete_pending");
    sdkProgram(kernel, "file_delete_on_close");
    it("what the guest wrote is in the memory file system, not on disk", () => {
      const k = kernel();
      expect(k.memoryFs).not.toBeNull();
      expect(text(k, "out.txt")).toBe("written by the guest\r\n");
      expect(text(k, "t_host/Nested.Txt")).toBe("nested");
      expect(k.fs.list("").sort()).toContain("t_disp");
      expect(text(k, "t_move/renamed.txt")).toBe("AAA+more");
      expect(k.fs.stat("t_threads/one.txt")?.size).toBe(16 * 300);
      expect(existsSync(join(process.cwd(), "out.txt"))).toBe(false);
    });
  },
});
