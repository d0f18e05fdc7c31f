// WASI files for C guests' libc through the real path: guests/c/wasi-files.c (plain stdio and POSIX
// calls) on a fresh temporary directory as C:\ and on the in-memory file system, then what it left
// on disk; and a parent whose C child's printf arrives through a pipe (and then into a file), because
// fd 1 is whatever the child's standard output handle is.
import { afterAll, describe, expect, it } from "vitest";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Kernel } from "ntwasm";
import { useKernel } from "./harness.ts";

const binary = fileURLToPath(new URL("../guests/c/bin/wasi-files.wasm", import.meta.url));
const bytes = new Uint8Array(readFileSync(binary));

/** What `wasi-files.wasm` prints on a root holding nothing else. */
const FILE_CHECKS = [
  "cwd /",
  "mkdir wf: 0",
  "mkdir wf again: -1 EEXIST",
  "fopen w: ok",
  "ftell after writing: 21",
  "read line: hello 42",
  "read line: second line",
  "fseek 6, fread 2: 42, ftell 8",
  "fseek -5 from the end, fread 5: line",
  "fopen wx existing: NULL EEXIST",
  "fopen r missing: NULL ENOENT",
  "size after append: 30",
  "open O_EXCL new: fd > 3",
  "write: 10",
  "lseek cur: 10",
  "lseek set 2: 2",
  "write ab: 2",
  "close: 0",
  "close again: -1 EBADF",
  "open O_EXCL existing: -1 EEXIST",
  "open missing: -1 ENOENT",
  "open in a missing directory: -1 ENOENT",
  "open a file as a directory: -1 ENOTDIR",
  "open a directory for writing: -1 EISDIR",
  "read 10: 01ab456789",
  "read at the end: 0",
  "lseek end -3: 7",
  "read 3: 789",
  "pread 4 at 2: 4 ab45, position still 10",
  "write to a read-only fd: -1 EBADF",
  "lseek before the start: -1 EINVAL",
  "fstat: regular 1, size 10",
  "write O_APPEND: 2",
  "after append 12: 01ab456789XY",
  "size after O_TRUNC: 0",
  "ftruncate 5: 0",
  "size after ftruncate: 5",
  "read after ftruncate: 5, zeros 1",
  "thread wrote through main's fd: 0, size 24",
  "mkdir wf/sub: 0",
  "mkdir in a missing directory: -1 ENOENT",
  "stat wf: directory 1",
  "stat wf/a.txt: regular 1, size 30",
  "stat missing: -1 ENOENT",
  "stat a file as a directory: -1 ENOTDIR",
  "ls wf: a.txt b.bin sub/ threads.txt",
  "rename a.txt c.txt: 0",
  "stat a.txt: -1 ENOENT",
  "rename over an existing file: 0",
  "size of b.bin: 30",
  "rename missing: -1 ENOENT",
  "ls wf: b.bin sub/ threads.txt",
  "unlink b.bin: 0",
  "unlink b.bin again: -1 ENOENT",
  "unlink a directory: -1 EISDIR",
  "rmdir a non-empty directory: -1 ENOTEMPTY",
  "rmdir a file: -1 ENOTDIR",
  "rmdir wf/sub: 0",
  "remove threads.txt: 0",
  "ls wf:",
  "readdir of 150 files: 150 entries (sum 11175), 2 dot entries",
  "rmdir wf/many: 0",
  "fopen ../../wf/../../escape.txt: ok",
  "it is /escape.txt: yes",
  "unlink /escape.txt: 0",
  "the file holds: printf while stdout is a file",
  "ls /wf: keep.txt redirected.txt",
  "ls /: wf/",
  "done",
  "",
].join("\n");

const run = (k: Kernel, ...args: string[]) => k.run(bytes, { args: ["wasi-files.wasm", ...args] });

describe("WASI files on the host file system", () => {
  const root = mkdtempSync(join(tmpdir(), "ntwasm-wasi-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const kernel = useKernel(() => ({ root }));

  it("stdio, descriptors, directories and errno through plain libc", async () => {
    const r = await run(kernel());
    expect(r.crash, r.stderr).toBeUndefined();
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(FILE_CHECKS);
    expect(r.code).toBe(0);
    // what it left, and nothing outside the root
    expect(readdirSync(root)).toEqual(["wf"]);
    expect(readdirSync(join(root, "wf")).sort()).toEqual(["keep.txt", "redirected.txt"]);
    expect(readFileSync(join(root, "wf", "keep.txt"), "utf8")).toBe("kept for the host\n");
    expect(readFileSync(join(root, "wf", "redirected.txt"), "utf8")).toBe("printf while stdout is a file\n");
    expect(existsSync(join(root, "..", "escape.txt"))).toBe(false);
  }, 60_000);

  it("a C child's printf and stderr arrive through a pipe, its stdin comes from one, and then a file is its stdout", async () => {
    copyFileSync(binary, join(root, "wasi-files.wasm"));
    const r = await run(kernel(), "parent");
    expect(r.crash, r.stderr).toBeUndefined();
    expect(r.stdout).toBe([
      "parent: ReadFile ended with ERROR_BROKEN_PIPE",
      "parent read:",
      // stdout is not a terminal: its first line goes out at the first newline (musl decides then), the rest at exit
      "child: to stdout",
      "child: to stderr",
      "child got: line one",
      "child got: line two",
      "child: end of input",
      "parent: child exit code 3",
      "parent: child with a file for stdout exited with 3",
      "",
    ].join("\n"));
    expect(r.code).toBe(0);
    expect(readFileSync(join(root, "child-out.txt"), "utf8")).toBe("child: to stdout\nchild: to stderr\nchild: end of input\n");
  }, 60_000);
});

describe("WASI files on the in-memory file system", () => {
  const kernel = useKernel(() => ({ fs: "memory" }));

  it("prints the same, and the files are in the memory file system", async () => {
    const r = await run(kernel());
    expect(r.crash, r.stderr).toBeUndefined();
    expect(r.stdout).toBe(FILE_CHECKS);
    expect(r.code).toBe(0);
    const k = kernel();
    expect(k.fs.list("").sort()).toEqual(["wf"]);
    const st = k.fs.stat("wf/keep.txt");
    const text = new Uint8Array(st?.size ?? 0);
    k.fs.read("wf/keep.txt", 0, text);
    expect(new TextDecoder().decode(text)).toBe("kept for the host\n");
  }, 60_000);
});
