// The npm package as a user gets it: `npm pack` of the built checkout (dist/ from `npm run build`, which
// the prepack script runs on a real `npm pack` or `npm publish`), its file list (no source maps, no
// test-only guests; the declarations, the C and AssemblyScript SDKs and examples, and every file the
// packaged docs link), then the tarball installed into an empty project: the consumer's `tsc --noEmit`
// (tsc --init's defaults, strict) has no error in node_modules/ntwasm, the installed `ntwasm` command
// runs the demo, compiles an AssemblyScript guest that imports "ntwasm/guests/as" (and a C one when the
// clang toolchain is there), and `import { boot } from "ntwasm"` runs a guest.
// Nothing is fetched: the package has no dependencies, and the consumer borrows typescript, @types/node
// and assemblyscript from this checkout's node_modules (symlinks).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { findToolchain } from "../host/toolchain.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const tmp = mkdtempSync(join(tmpdir(), "ntwasm-package-"));
const consumer = join(tmp, "consumer");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

interface Ran { status: number | null; stdout: string; stderr: string; error?: Error }

/** Runs a command to its end (asynchronously: a long compile must not block vitest's worker). */
function run(cmd: string, args: string[], cwd: string, timeout = 60_000): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, timeout, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_update_notifier: "false" } });
    let stdout = "", stderr = "", error: Error | undefined;
    child.stdout.setEncoding("utf8").on("data", (d: string) => { stdout += d; });
    child.stderr.setEncoding("utf8").on("data", (d: string) => { stderr += d; });
    child.on("error", (e) => { error = e; });
    child.on("close", (status) => resolve({ status, stdout, stderr, error }));
  });
}
const output = (r: Ran) => `exit ${r.status}${r.error ? ` (${r.error.message})` : ""}\n${r.stdout}\n${r.stderr}`;

let files: string[] = [];
let tarball = "";

beforeAll(async () => {
  for (const f of ["dist/cli.mjs", "dist/index.mjs", "dist/browser.mjs", "dist/types/index.d.ts"]) {
    if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  // --ignore-scripts: the checkout is built already (prepack would build it again).
  const r = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", tmp], root);
  if (r.status !== 0) throw new Error(`npm pack failed: ${output(r)}`);
  const info = JSON.parse(r.stdout.slice(r.stdout.indexOf("[")))[0];
  files = info.files.map((f: { path: string }) => f.path);
  tarball = join(tmp, info.filename);
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("package.json", () => {
  it("builds on npm pack and npm publish (prepack), and never on npm ci or install", () => {
    expect(pkg.scripts.prepack).toMatch(/scripts\/build\.mjs/);
    for (const s of ["prepare", "preinstall", "install", "postinstall"]) expect(pkg.scripts[s], s).toBeUndefined();
    expect(pkg.dependencies ?? {}).toEqual({}); // installing the tarball fetches nothing
  });

  it("points types at the built declarations, not at the TypeScript sources", () => {
    expect(pkg.types).toBe("dist/types/index.d.ts");
    expect(pkg.exports["."].types).toBe("./dist/types/index.d.ts");
    expect(pkg.exports["./browser"].types).toBe("./dist/types/browser/index.d.ts");
    expect(pkg.exports["./guests/as"]).toBe("./guests/as/index.ts");
  });
});

describe("the tarball", () => {
  it("has no source maps and no sourceMappingURL pointing at one", () => {
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    for (const f of files.filter((f) => f.endsWith(".mjs"))) {
      expect(readFileSync(join(root, f), "utf8"), f).not.toContain("sourceMappingURL");
    }
  });

  it("has no test-only guests or sources the package does not run", () => {
    const testGuests = [
      ...readdirSync(join(root, "guests/as/tests")), ...readdirSync(join(root, "guests/as/bench")), ...readdirSync(join(root, "guests/wat")),
      "child.ts", "files_child.ts", "pipe_client.ts",
    ].map((f) => `dist/guests/${f.replace(/\.(ts|wat)$/, ".wasm")}`);
    expect(files.filter((f) => testGuests.includes(f))).toEqual([]);
    expect(files.filter((f) => /^(host|kernel|usermode|abi|test|bench|scripts|guests\/c\/bin|guests\/as\/tests|guests\/as\/bench)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith("dist/usermode"))).toEqual([]); // the bundles embed them
  });

  it("has what the package runs: bin, every exports target, the bundles' chunks, kernel.wasm, the demo", () => {
    expect(files).toContain(pkg.bin.ntwasm);
    for (const [key, target] of Object.entries(pkg.exports as Record<string, string | Record<string, string>>)) {
      if (key.includes("*")) continue;
      for (const t of typeof target === "string" ? [target] : Object.values(target)) expect(files, `${key}: ${t}`).toContain(t.replace(/^\.\//, ""));
    }
    for (const f of files.filter((f) => /^dist\/[^/]+\.mjs$/.test(f))) {
      const text = readFileSync(join(root, f), "utf8");
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.\/[^"']+)["']/g)) {
        expect(files, `${f} imports ${m[1]}`).toContain(posix.join("dist", m[1]));
      }
    }
    for (const f of ["dist/kernel.wasm", "dist/browser-worker.mjs", "dist/worker.mjs", "dist/guests/demo.wasm", "dist/web/index.html",
      "dist/types/browser/index.d.ts"]) expect(files).toContain(f);
    for (const ex of JSON.parse(readFileSync(join(root, "web/examples.json"), "utf8"))) expect(files).toContain(`dist/web/examples/${ex.file}`);
  });

  it("has the C and AssemblyScript SDKs and their examples", () => {
    const c = readdirSync(join(root, "guests/c")).filter((f) => f.endsWith(".c")).map((f) => `guests/c/${f}`);
    const sdk = readdirSync(join(root, "guests/c/sdk")).map((f) => `guests/c/sdk/${f}`);
    expect(c).toContain("guests/c/hello.c");
    expect(sdk).toContain("guests/c/sdk/readme_example.c");
    for (const f of [...c, ...sdk]) expect(files).toContain(f);
    for (const f of ["guests/include/windows.h", "guests/include/ntwasm/abi.h", "guests/c/runtime/ntwasm_crt.c",
      "guests/as/index.ts", "guests/as/ntwasm.ts", "guests/as/lib/win.ts", "guests/as/asconfig.json",
      "guests/as/examples/demo.ts", "guests/as/programs/philosophers.ts"]) expect(files).toContain(f);
  });

  it("has every file its documents link to", () => {
    const docs = files.filter((f) => f.endsWith(".md"));
    expect(docs).toEqual(expect.arrayContaining(["README.md", "docs/embedding.md", "docs/guests.md", "docs/abi.md"]));
    const broken: string[] = [];
    for (const doc of docs) {
      const text = readFileSync(join(root, doc), "utf8");
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1].split("#")[0];
        if (!target || /^[a-z]+:/i.test(target)) continue;
        const path = posix.normalize(posix.join(posix.dirname(doc), decodeURIComponent(target)));
        if (!files.includes(path) && !files.some((f) => f.startsWith(path.replace(/\/?$/, "/")))) broken.push(`${doc}: ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe("installed into an empty project", () => {
  const bin = () => join(consumer, "node_modules", ".bin", "ntwasm");
  const link = (name: string) => {
    mkdirSync(dirname(join(consumer, "node_modules", name)), { recursive: true });
    symlinkSync(join(root, "node_modules", name), join(consumer, "node_modules", name), "dir");
  };

  let toolchain = true;
  try { findToolchain(); } catch { toolchain = false; }
  let cc: Promise<Ran> | undefined;

  beforeAll(async () => {
    mkdirSync(consumer, { recursive: true });
    writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }));
    const r = await run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball], consumer);
    if (r.status !== 0) throw new Error(`npm install of the tarball failed: ${output(r)}`);
    link("@types/node");
    link("assemblyscript");
    const init = await run(process.execPath, [tsc, "--init"], consumer);
    if (init.status !== 0) throw new Error(`tsc --init failed: ${output(init)}`);
    writeFileSync(join(consumer, "index.ts"), CONSUMER_TS);
    // The C runtime's first compile for this install takes a while: it runs alongside the tsc checks.
    if (toolchain) {
      const dir = join(tmp, "c-guest");
      mkdirSync(dir, { recursive: true });
      cc = run(bin(), ["cc", join(consumer, "node_modules/ntwasm/guests/c/sdk/readme_example.c"), "-o", "readme.wasm"], dir, 240_000);
    }
  }, 60_000);

  it("a consumer's tsc --noEmit, with tsc --init's defaults (strict), has no error", async () => {
    const config = readFileSync(join(consumer, "tsconfig.json"), "utf8");
    expect(config).toMatch(/"strict": true/);
    const r = await run(process.execPath, [tsc, "--noEmit", "-p", "."], consumer);
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 60_000);

  it("nor with skipLibCheck off, which checks the declarations themselves", async () => {
    const r = await run(process.execPath, [tsc, "--noEmit", "-p", ".", "--skipLibCheck", "false"], consumer);
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 60_000);

  it("nor with the Node settings tsc --init suggests (lib esnext, types node)", async () => {
    const r = await run(process.execPath, [tsc, "--noEmit", "-p", ".", "--lib", "esnext", "--types", "node"], consumer);
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 60_000);

  it("the declarations resolve for older module resolution too (node10, bundler)", async () => {
    for (const flags of [["--module", "esnext", "--moduleResolution", "node10"], ["--module", "preserve", "--moduleResolution", "bundler"]]) {
      const r = await run(process.execPath, [tsc, "--noEmit", "-p", ".", "--skipLibCheck", "false", ...flags], consumer);
      expect(r.stdout + r.stderr, flags.join(" ")).toBe("");
    }
  }, 60_000);

  it("the ntwasm command: --version and the demo", async () => {
    const v = await run(bin(), ["--version"], consumer);
    expect(v.stdout.trim(), output(v)).toBe(`ntwasm ${pkg.version}`);
    const demo = await run(bin(), ["demo"], consumer);
    expect(demo.status, output(demo)).toBe(0);
    expect(demo.stdout).toContain("the worker process ended with exit code 100");
    expect(demo.stdout.trimEnd().split("\n").at(-1)).toMatch(/^demo: done/);
  }, 60_000);

  it("import { boot } from \"ntwasm\" runs a guest", async () => {
    writeFileSync(join(consumer, "run.mjs"), `
      import { readFileSync } from "node:fs";
      import { boot } from "ntwasm";
      const kernel = await boot();
      const bytes = readFileSync(new URL(import.meta.resolve("ntwasm/dist/guests/hello.wasm")));
      const { code, stdout } = await kernel.run(bytes);
      await kernel.shutdown();
      console.log(code + ": " + stdout.trim());
    `);
    const r = await run(process.execPath, ["run.mjs"], consumer);
    expect(r.stdout.trim(), output(r)).toBe("0: hello from ntwasm: wait returned 0");
  }, 60_000);

  it("ntwasm asc compiles a guest that imports \"ntwasm/guests/as\", and it runs", async () => {
    // A project of its own (the consumer's tsc would take an AssemblyScript file for TypeScript),
    // whose node_modules is the consumer's.
    const dir = join(tmp, "as-guest");
    mkdirSync(dir, { recursive: true });
    symlinkSync(join(consumer, "node_modules"), join(dir, "node_modules"), "dir");
    writeFileSync(join(dir, "prog.ts"), `
      import { CreateEventW, SetEvent, WaitForSingleObject, println } from "ntwasm/guests/as";
      export function main(): i32 {
        const ev = CreateEventW(0, 1, 0, 0);
        SetEvent(ev);
        println("wait returned " + WaitForSingleObject(ev, 0).toString());
        return 0;
      }
    `);
    const c = await run(bin(), ["asc", "prog.ts", "-o", "prog.wasm"], dir, 120_000);
    expect(c.status, output(c)).toBe(0);
    const r = await run(bin(), ["run", "prog.wasm"], dir);
    expect(r.stdout, output(r)).toBe("wait returned 0\n");
  }, 120_000);

  it.skipIf(!toolchain)("ntwasm cc compiles a packaged C example with the packaged SDK (needs clang-19)", async () => {
    const c = await cc!;
    expect(c.status, output(c)).toBe(0);
    const r = await run(bin(), ["run", "readme.wasm"], join(tmp, "c-guest"));
    expect(r.stdout, output(r)).toBe(readFileSync(join(consumer, "node_modules/ntwasm/guests/c/sdk/readme_example.expected"), "utf8"));
  }, 240_000);
});

/** What a consumer writes: the Node API and the browser API, under the consumer's own strict settings. */
const CONSUMER_TS = `
import { boot, Kernel, GuestError, GuestLinkError, FsError, defaultEnvironment, abi,
  type BootOptions, type KernelSnapshot, type ProcessExit, type SpawnOptions } from "ntwasm";
import { boot as bootPage, AssetLoadError, NotIsolatedError, REQUIRED_HEADERS, isIsolated, loadProgram,
  type BrowserBootOptions, type BrowserKernel, type BrowserSpawnOptions, type WaitEdge } from "ntwasm/browser";

export async function onNode(bytes: Uint8Array): Promise<number> {
  const options: BootOptions = { workers: 2, root: "/srv/c", dirs: [{ host: "/data", guest: "C:\\\\data", readonly: true }] };
  const kernel: Kernel = await boot(options);
  const spawnOptions: SpawnOptions = { args: ["guest.wasm", "x"], env: { ...defaultEnvironment(4), TEMP: "C:\\\\" } };
  const { code, stdout, crash } = await kernel.run(bytes, { ...spawnOptions, stdin: "" });
  const p = await kernel.spawn(bytes, { stdout: (text: string) => console.log(text) });
  const exit: ProcessExit = await p.exited;
  const snap: KernelSnapshot = kernel.snapshot();
  for (const [id, o] of snap.objects) console.log(id, o.type, o.name);
  console.log(stdout, crash, exit.code, snap.threads.length, kernel.listDirectory("\\\\Sessions\\\\1\\\\BaseNamedObjects").length);
  console.log(kernel.memoryStats(), kernel.workerPoolStats().parked, typeof abi);
  await kernel.shutdown();
  return code;
}

export async function inPage(): Promise<string> {
  if (!isIsolated()) return Object.entries(REQUIRED_HEADERS).map(([k, v]) => k + ": " + v).join("\\n");
  const options: BrowserBootOptions = { assetsBase: "/static/ntwasm/", workers: 1, files: { "C:\\\\in.txt": "hi" } };
  try {
    const k: BrowserKernel = await bootPage(options);
    k.addFile("C:\\\\data\\\\a.txt", "x");
    const spawnOptions: BrowserSpawnOptions = { args: ["guest.wasm"], stdout: (t: string) => console.log(t) };
    const p = await k.spawn("/guest.wasm", spawnOptions);
    p.writeStdin("line\\n");
    p.endStdin();
    const { code } = await p.exited;
    const waits: WaitEdge[] = k.snapshot().waits;
    const { name } = await loadProgram(new Uint8Array(8));
    return code + " " + waits.length + " " + k.readFile("data/a.txt")?.length + " " + k.listFiles().join(",") + name;
  } catch (e) {
    if (e instanceof AssetLoadError) return e.asset + " " + e.url + " " + e.reason;
    if (e instanceof NotIsolatedError || e instanceof GuestError || e instanceof GuestLinkError || e instanceof FsError) return e.message;
    throw e;
  }
}
`;
