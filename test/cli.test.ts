// The `ntwasm` command as a user runs it: the bundled demo, help texts and clean errors for bad input.
import { describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { guestPath } from "./harness.ts";

const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
const ntwasm = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", timeout: 60_000 });
const tmp = mkdtempSync(join(tmpdir(), "ntwasm-cli-"));

/** A valid module whose only import is an entry point ntwasm does not have. */
function moduleImporting(module: string, name: string): Uint8Array {
  const str = (s: string) => [s.length, ...Buffer.from(s)];
  const imports = [1, ...str(module), ...str(name), 0x00, 0x00];
  return new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 2, imports.length, ...imports]);
}

describe("ntwasm", () => {
  it("demo runs threads through events, semaphores and a mutex and reports what happened", () => {
    const r = ntwasm("demo");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("10000 items consumed, sum 25005000 (expected 25005000)");
    expect(r.stdout).toContain("returned WAIT_ABANDONED");
    expect(r.stdout).toMatch(/producer 1 put its items[\s\S]*consumer 2 saw the stop marker/);
    expect(r.stdout).toContain("demo-ring-lock (Mutant)");
    expect(r.stdout).toMatch(/worker process \d+: opened demo-stop/); // the second process
    expect(r.stdout).toContain("the worker process ended with exit code 100");
    expect(r.stdout.trimEnd().split("\n").at(-1)).toMatch(/^demo: done/);
  });

  it("run executes a guest and exits with its exit code", () => {
    const r = ntwasm("run", guestPath("hello"));
    expect(r.stdout).toBe("hello from ntwasm: wait returned 0\n");
    expect(r.status).toBe(0);
    const failing = ntwasm("run", "--entry", "exit_code_3", guestPath("cli_guest"));
    expect(failing.status).toBe(3);
    expect(ntwasm("run", "--entry", "exit_process_5", guestPath("cli_guest")).status).toBe(5);
  });

  it("--workers N sets how many workers wait parked for threads (0: none; a bad count is a usage error)", () => {
    const r = ntwasm("run", "--workers", "0", "--entry", "ordered_threads", guestPath("cli_guest"));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("main before\n" + "thread says hello\n".repeat(3) + "main after\n");
    expect(ntwasm("run", "--workers=5", guestPath("hello")).status).toBe(0);
    const bad = ntwasm("run", "--workers", "many", guestPath("hello"));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--workers many/);
  });

  it("passes the guest its arguments as its command line", () => {
    const r = ntwasm("run", "--entry", "print_command_line", guestPath("cli_guest"), "one", "two words", 'say "hi"');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('cli_guest.wasm one "two words" "say \\"hi\\""\n');
  });

  it("delivers output from every thread in the order it was written, stdout and stderr apart", () => {
    const r = ntwasm("run", "--entry", "ordered_threads", guestPath("cli_guest"));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("main before\n" + "thread says hello\n".repeat(3) + "main after\n");
    expect(r.stderr).toBe("thread writes to stderr\n".repeat(3));
  });

  it("streams output as the guest writes it", async () => {
    const child = spawn(process.execPath, [cli, "run", "--entry", "stream", guestPath("cli_guest")]);
    let out = "";
    let exited = false;
    child.on("exit", () => { exited = true; });
    const firstSeen = await new Promise<boolean>((resolve) => child.stdout.on("data", (d) => {
      out += d;
      if (out.includes("first")) resolve(!exited);
    }));
    expect(firstSeen, "the first line arrived while the guest still ran (it sleeps 3 s before its second)").toBe(true);
    expect(out).not.toContain("second");
    await new Promise((r) => child.on("close", r));
    expect(out).toBe("first\nsecond\n");
  }, 30_000);

  it("--trace prints each syscall with its arguments and result", () => {
    const trace = join(tmp, "trace.txt");
    const r = ntwasm("run", `--trace-file=${trace}`, guestPath("hello"));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("hello from ntwasm: wait returned 0\n");
    const lines = readFileSync(trace, "utf8").trim().split("\n");
    expect(lines[0]).toMatch(/^\[\d+:\d+\] CreateEventW\(NULL, TRUE, FALSE, NULL\) = 0x10$/);
    expect(lines).toContainEqual(expect.stringMatching(/^\[\d+:\d+\] SetEvent\(0x10\) = TRUE$/));
    const toStderr = ntwasm("run", "--trace", "--entry", "exit_code_3", guestPath("cli_guest"));
    expect(toStderr.stderr).toBe(""); // exit_code_3 makes no syscall
    const failing = ntwasm("run", "--trace", "--entry", "test_names", guestPath("events"));
    expect(failing.stderr).toMatch(/OpenEventW\(.*\) = NULL \(ERROR_FILE_NOT_FOUND\)/);
  });

  it("--trace names the NTSTATUS an ntdll call returns (the names come from abi/)", () => {
    const src = join(tmp, "ntstatus.c"), wasm = join(tmp, "ntstatus.wasm");
    writeFileSync(src, [
      "#include <windows.h>", "#include <ntwasm/ntdll.h>",
      "int main(void) {", "  UNICODE_STRING n; OBJECT_ATTRIBUTES oa; HANDLE h;",
      '  RtlInitUnicodeString(&n, L"\\\\BaseNamedObjects\\\\ntwasm-trace-none");',
      "  InitializeObjectAttributes(&oa, &n, 0, NULL, NULL);",
      "  return NtOpenEvent(&h, EVENT_ALL_ACCESS, &oa) == STATUS_OBJECT_NAME_NOT_FOUND ? 0 : 1;", "}", ""].join("\n"));
    expect(ntwasm("cc", src, "-o", wasm).status).toBe(0);
    const r = ntwasm("run", "--trace", wasm);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/\] NtOpenEvent\(0x[0-9a-f]+, EVENT_ALL_ACCESS, \{L"\\\\BaseNamedObjects\\\\ntwasm-trace-none"\}\) = STATUS_OBJECT_NAME_NOT_FOUND\n/);
  }, 60_000);

  it("--root maps C:\\ to a directory: CreateProcessW finds programs there", () => {
    const root = fileURLToPath(new URL("..", import.meta.url));
    const r = spawnSync(process.execPath, [cli, "run", "--root", root, "--entry", "test_create_and_exit_code", guestPath("processes")],
      { encoding: "utf8", cwd: tmp, timeout: 60_000 });
    expect(r.stdout).not.toMatch(/^FAIL/m);
    expect(r.status).toBe(0);
    const elsewhere = spawnSync(process.execPath, [cli, "run", "--entry", "test_create_and_exit_code", guestPath("processes")],
      { encoding: "utf8", cwd: tmp, timeout: 60_000 });
    expect(elsewhere.stdout).toMatch(/^FAIL: CreateProcessW/m); // the default root is the current directory
  });

  it("types stdin into the guest's console input, line by line, as it arrives", async () => {
    const child = spawn(process.execPath, [cli, "run", "--entry", "echo_lines", guestPath("cli_guest")]);
    let out = "";
    child.stdout.on("data", (d) => { out += d; });
    child.stdin.write("hello\n");
    await new Promise<void>((resolve) => { const t = setInterval(() => { if (out.includes("got: hello")) { clearInterval(t); resolve(); } }, 20); });
    expect(out).toBe("got: hello (CRLF)\n"); // answered before the input ended: interactive
    child.stdin.end("world\n");
    const code = await new Promise((r) => child.on("close", r));
    expect(out).toBe("got: hello (CRLF)\ngot: world (CRLF)\nend of input after 2 lines\n");
    expect(code).toBe(2);
  }, 30_000);

  it("--help and run --help describe the commands", () => {
    const top = ntwasm("--help");
    expect(top.status).toBe(0);
    expect(top.stdout).toMatch(/ntwasm run \[options\] <guest\.wasm>/);
    expect(top.stdout).toMatch(/ntwasm demo/);
    const run = ntwasm("run", "--help");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/--entry NAME/);
  });

  it("cc without the clang-19 toolchain says what to install, exit code 2", () => {
    writeFileSync(join(tmp, "prog.c"), "int main(void) { return 0; }\n");
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: tmp }; // no clang anywhere on it
    delete env.NTWASM_CLANG;
    for (const cmd of ["cc", "c++"]) {
      const r = spawnSync(process.execPath, [cli, cmd, join(tmp, "prog.c"), "-o", join(tmp, "prog.wasm")], { encoding: "utf8", env });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/clang 19 not found: .*apt-get install clang-19 lld-19/);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it.each([
    ["cc with no input file", ["cc", "-o", join(tmp, "x.wasm")], /no input files/],
    ["a missing file", ["run", join(tmp, "missing.wasm")], /missing\.wasm: no such file/],
    ["a file that is not Wasm", ["run", join(tmp, "text.wasm")], /text\.wasm: not a WebAssembly module/],
    ["a guest importing what ntwasm lacks", ["run", join(tmp, "needs.wasm")], /lacks:\n\s+kernel32\.CreateFooW/],
    ["an entry the guest does not export", ["run", "--entry", "nope", guestPath("hello")], /exports no function "nope"/],
    ["no guest at all", ["run"], /which guest/],
    ["an unknown command", ["frobnicate"], /unknown command "frobnicate"/],
    ["a --root that is not a directory", ["run", "--root", join(tmp, "nowhere"), guestPath("hello")], /nowhere: not a directory/],
  ])("%s is one clear message and exit code 2", (_, args, message) => {
    writeFileSync(join(tmp, "text.wasm"), "not wasm\n");
    writeFileSync(join(tmp, "needs.wasm"), moduleImporting("kernel32", "CreateFooW"));
    const r = ntwasm(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stderr.trim().split("\n").length).toBeLessThanOrEqual(3);
  });
});
