// Standard input and output of `ntwasm run` as a shell user meets them: an empty or closed stdin is
// the end of input at once (also through the embedding API), and a reader that goes away
// (`ntwasm run x | head -1`) ends the guest's output like a broken pipe, quietly.
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { boot } from "ntwasm";

const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
const sdk = (f: string) => fileURLToPath(new URL(`../guests/c/sdk/${f}`, import.meta.url));
const own = (f: string) => fileURLToPath(new URL(`./cli-guests/${f}`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "ntwasm-cli-stdio-"));
const eofWasm = join(tmp, "stdio_eof.wasm"), brokenWasm = join(tmp, "stdout_broken.wasm");
const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
/** A shell line, as a user types it: `ntwasm` stands for node dist/cli.mjs. */
const sh = (line: string) => spawnSync("bash", ["-c", line.replace(/(^|\| )ntwasm /g, (_, pre: string) => `${pre}${q(process.execPath)} ${q(cli)} `)],
  { encoding: "utf8", cwd: tmp, timeout: 60_000 });

beforeAll(() => {
  for (const [src, out] of [[sdk("stdio_eof.c"), eofWasm], [own("stdout_broken.c"), brokenWasm]]) {
    const r = spawnSync(process.execPath, [cli, "cc", src, "-o", out], { encoding: "utf8", timeout: 120_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  }
}, 240_000);

describe("ntwasm run: standard input at its end", () => {
  const expected = readFileSync(sdk("stdio_eof.expected"), "utf8");
  for (const [what, line] of [
    ["< /dev/null", "ntwasm run stdio_eof.wasm < /dev/null"],
    ["true |", "true | ntwasm run stdio_eof.wasm"],
    ["a closed stdin (<&-)", "ntwasm run stdio_eof.wasm <&-"],
  ]) {
    it(`${what}: ReadFile, getchar, fgets, fread, scanf and _read see end of file at once`, () => {
      const r = sh(line);
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe(expected);
      expect(r.status).toBe(0);
    });
  }

  it("kernel.run(bytes, { stdin: \"\" }) returns with the guest's output", async () => {
    const k = await boot({ root: tmp });
    try {
      const r = await k.run(new Uint8Array(readFileSync(eofWasm)), { stdin: "" });
      expect(r.stdout).toBe(expected);
      expect(r.code).toBe(0);
    } finally {
      await k.shutdown();
    }
  });
});

describe("ntwasm run: standard output whose reader went away", () => {
  it("| head -1: WriteFile fails with ERROR_NO_DATA, no Node stack trace", () => {
    const r = sh("ntwasm run stdout_broken.wasm | head -1; echo \"ntwasm exit ${PIPESTATUS[0]}\" >&2");
    expect(r.stdout).toBe("a line of output\n");
    // the guest's own report of what WriteFile did, and its exit code 3
    expect(r.stderr).toBe("WriteFile failed: error 232, 0 written\nntwasm exit 3\n");
  });

  it("a program that never checks its printf just ends: exit 0, nothing on stderr", () => {
    const r = sh("ntwasm run stdout_broken.wasm printf | head -1; exit ${PIPESTATUS[0]}");
    expect(r.stdout).toBe("line 0\n");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
