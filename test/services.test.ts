// Services (docs/services.md; issue 14) beyond what the SDK programs print: each death case of
// guests/c/sdk/svc_death.c and the whole of svc_basic.c leave no kernel object or memory behind, and the
// complete example in docs/services.md is guests/c/sdk/svc_example.c. The programs are built as users
// build them (`ntwasm cc`) and run through the real path on one kernel.
import { beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Kernel } from "ntwasm";
import { useKernel } from "./harness.ts";

const sdk = fileURLToPath(new URL("../guests/c/sdk/", import.meta.url));
const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
const root = mkdtempSync(join(tmpdir(), "ntwasm-svc-"));
const PROGRAMS = ["svc_death", "svc_basic"];

beforeAll(() => {
  for (const p of PROGRAMS) {
    execFileSync(process.execPath, [cli, "cc", `${p}.c`, "-o", join(root, `${p}.wasm`)], { cwd: sdk, stdio: "pipe" });
  }
}, 300_000);

const memory = (k: Kernel) => {
  const m = k.memoryStats();
  return { bytesInUse: m.bytesInUse, liveObjects: m.liveObjects, liveThreads: m.liveThreads, liveProcesses: m.liveProcesses };
};

describe("services", () => {
  const kernel = useKernel(() => ({ root, workers: 2 }));

  for (const p of PROGRAMS) {
    it(`${p}: prints its .expected and leaves no kernel object or memory behind`, async () => {
      const k = kernel();
      const bytes = new Uint8Array(readFileSync(join(root, `${p}.wasm`)));
      const run = async () => {
        const r = await k.run(bytes, { args: [`${p}.wasm`], imagePath: `C:\\${p}.wasm` });
        expect(r.stdout, r.stderr).toBe(readFileSync(join(sdk, `${p}.expected`), "utf8"));
        expect(r.code, r.stderr).toBe(0);
      };
      await run(); // warm up: thread records, handle tables and the namespace's buckets are made once
      await new Promise((r) => setTimeout(r, 500)); // children's workers report their ends
      const before = memory(k);
      await run();
      await new Promise((r) => setTimeout(r, 500));
      expect(memory(k)).toEqual(before);
    }, 240_000);
  }

  it("the complete example in docs/services.md is guests/c/sdk/svc_example.c", () => {
    const doc = readFileSync(new URL("../docs/services.md", import.meta.url), "utf8");
    const example = doc.match(/## A complete example[\s\S]*?```c\n([\s\S]*?)```/)?.[1];
    const source = readFileSync(join(sdk, "svc_example.c"), "utf8").replace(/^\/\*[\s\S]*?\*\/\n/, "");
    expect(example).toBe(source);
    const printed = doc.match(/It prints:\n\n```\n([\s\S]*?)```/)?.[1];
    expect(printed).toBe(readFileSync(join(sdk, "svc_example.expected"), "utf8"));
  });
});
