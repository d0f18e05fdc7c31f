// `npm run test:browser`, part 2: docs/embedding.md's "With a bundler" recipes, as a user follows them,
// in a real Chromium (Debian's /usr/bin/chromium, driven by playwright-core). The package is `npm pack`ed
// from the built checkout and installed into two empty projects; every file the docs mark with
// `<!-- vite: path -->` or `<!-- esbuild: path -->` is written into them as it stands in the docs, and
// the docs' shell steps are done. Then:
// - esbuild: `node build.mjs`, served with the installed `ntwasm serve site`; the page runs the dining
//   philosophers to exit code 0;
// - Vite: `vite build` (which must have copied kernel.wasm and browser-worker.mjs into assets/), served
//   by `vite preview`, and the dev server; both pages run the philosophers to exit code 0;
// - the errors a user meets instead of a blank page: Vite's dev server without the docs'
//   optimizeDeps.exclude, boot({ assetsBase }) at a missing directory (404), kernel.wasm answered with
//   an HTML page, the worker served as text/plain, a bundle without import.meta.url; and assetsBase at
//   the right directory works. Exits non-zero on any failure.
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { ARGS, CHROMIUM, check, failures } from "./common.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const TOTAL_TIMEOUT_MS = 180_000;
const PHILOSOPHERS_END = "dinner is over: everyone ate, no deadlock";


const children = [];

/** Runs a command to its end; rejects with its output when it fails. */
function run(cmd, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_update_notifier: "false" } });
    let out = "";
    child.stdout.on("data", (d) => { out += d; });
    child.stderr.on("data", (d) => { out += d; });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(" ")} (in ${cwd}) exited with ${code}:\n${out}`))));
  });
}

/** Starts a server and resolves with its URL once its output shows `pattern` (group 1: the URL). */
function startServer(cmd, args, cwd, pattern) {
  const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`${args.join(" ")} did not start:\n${out}`)), 30_000);
    const onData = (d) => {
      out += d;
      const m = pattern.exec(out.replace(/\x1b\[[0-9;]*m/g, ""));
      if (m) { clearTimeout(timer); resolve({ child, url: m[1], output: () => out }); }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (d) => { out += d; });
    child.on("exit", (code) => { clearTimeout(timer); reject(new Error(`${args.join(" ")} exited (${code}):\n${out}`)); });
  });
}

function stop(server) {
  if (!server) return;
  server.child.removeAllListeners("exit");
  server.child.kill("SIGTERM");
}

const freePort = () => new Promise((resolve, reject) => {
  const s = createServer();
  s.once("error", reject);
  s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

const ntwasmServe = (project, dir) => startServer(join(project, "node_modules", ".bin", "ntwasm"), ["serve", "--port", "0", dir], project,
  /serving .* at (http:\/\/\S+?\/),/);
const vite = (project, ...args) => freePort().then((port) => startServer(process.execPath,
  [join(project, "node_modules", "vite", "bin", "vite.js"), ...args, "--host", "127.0.0.1", "--port", String(port), "--strictPort"], project,
  /Local:\s+(http:\/\/\S+?\/)/));

/** Loads `url` and waits for the page's #out to show an exit code or an error; resolves with it. */
async function pageOutput(context, url, routes = {}) {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    // the favicon that none of these pages has; the 404s the error cases are about
    if (m.type() === "error" && !/Failed to load resource: the server responded with a status of 404/.test(m.text())) errors.push(m.text());
  });
  for (const [pattern, handler] of Object.entries(routes)) await page.route(pattern, handler);
  await page.goto(url);
  await page.waitForFunction(() => /exit code \d+|Error: /.test(document.getElementById("out")?.textContent ?? ""), null, { timeout: 60_000, polling: 100 })
    .catch(() => {});
  const text = (await page.locator("#out").textContent()) ?? "";
  await page.close();
  return { text, errors };
}

const ranPhilosophers = (text) => text.includes(PHILOSOPHERS_END) && text.trimEnd().endsWith("exit code 0");

/** The files docs/embedding.md marks for `project`: `<!-- vite, esbuild: src/main.js -->` then a code block. */
function docFiles(docs, project) {
  const files = new Map();
  for (const m of docs.matchAll(/<!-- ([a-z, ]+): (\S+) -->\n```[a-z]*\n([\s\S]*?)```/g)) {
    if (m[1].split(/,\s*/).includes(project)) files.set(m[2], m[3]);
  }
  return files;
}

async function project(dir, tarball, files, tool) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: basename(dir), private: true, type: "module" }));
  await run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball], dir);
  // The bundler itself comes from this checkout (no registry needed).
  symlinkSync(join(root, "node_modules", tool), join(dir, "node_modules", tool), "dir");
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}
const basename = (p) => p.split("/").pop();

async function main() {
  const tmp = mkdtempSync(join(tmpdir(), "ntwasm-bundlers-"));
  let browser;
  try {
    const docs = readFileSync(join(root, "docs", "embedding.md"), "utf8");
    const packed = JSON.parse((await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", tmp], root)).replace(/^[^[]*/, ""));
    const tarball = join(tmp, packed[0].filename);
    const viteFiles = docFiles(docs, "vite"), esbuildFiles = docFiles(docs, "esbuild");
    check(["src/main.js", "vite.config.js", "index.html"].every((f) => viteFiles.has(f)), "docs/embedding.md has the Vite recipe's files", [...viteFiles.keys()].join(", "));
    check(["src/main.js", "build.mjs", "site/index.html"].every((f) => esbuildFiles.has(f)), "docs/embedding.md has the esbuild recipe's files", [...esbuildFiles.keys()].join(", "));
    const viteDir = join(tmp, "vite-app"), esbuildDir = join(tmp, "esbuild-app");
    await Promise.all([project(viteDir, tarball, viteFiles, "vite"), project(esbuildDir, tarball, esbuildFiles, "esbuild")]);

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    const context = await browser.newContext();

    // ---- esbuild: node build.mjs; npx ntwasm serve site
    console.log("esbuild recipe:");
    await run(process.execPath, ["build.mjs"], esbuildDir);
    const site = join(esbuildDir, "site");
    check(["main.js", "kernel.wasm", "browser-worker.mjs", "philosophers.wasm"].every((f) => existsSync(join(site, f))), "build.mjs wrote the bundle and copied the files next to it", readdirSync(site).join(", "));
    const esServer = await ntwasmServe(esbuildDir, "site");
    const es = await pageOutput(context, esServer.url);
    check(ranPhilosophers(es.text), "the esbuild page ran the philosophers to exit code 0", es.text);
    check(es.errors.length === 0, "no errors in the esbuild page", es.errors.join("\n"));

    // ---- the errors, on the esbuild page: what the page shows instead of nothing
    console.log("errors instead of a blank page:");
    const html = await pageOutput(context, esServer.url, {
      "**/kernel.wasm": (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>app</title>" }),
    });
    check(/AssetLoadError: ntwasm: cannot load kernel\.wasm from http:\/\/\S+\/kernel\.wasm: the server answered with an HTML page/.test(html.text),
      "kernel.wasm answered with an HTML page (an SPA fallback): AssetLoadError naming the URL", html.text);
    const bytes = await pageOutput(context, esServer.url, {
      "**/kernel.wasm": (route) => route.fulfill({ status: 200, contentType: "application/octet-stream", body: "not wasm at all" }),
    });
    check(/cannot load kernel\.wasm from \S+: the server answered with application\/octet-stream that is not WebAssembly/.test(bytes.text),
      "kernel.wasm that is not WebAssembly: AssetLoadError", bytes.text);
    const mime = await pageOutput(context, esServer.url, {
      "**/browser-worker.mjs": (route) => route.fulfill({ status: 200, contentType: "text/plain", body: "export {}" }),
    });
    check(/cannot load browser-worker\.mjs from http:\/\/\S+\/browser-worker\.mjs: the server sent it as text\/plain, and a module worker needs a JavaScript MIME type/.test(mime.text),
      "the worker served as text/plain: AssetLoadError about the MIME type", mime.text);
    // A worker script that passes that check but cannot run (a syntax error): the console names it,
    // and the guest's process ends rather than waiting for a worker that never comes.
    const broken = await pageOutput(context, esServer.url, {
      "**/browser-worker.mjs": (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "export {" }),
    });
    check(/^exit code \d+$/m.test(broken.text) && !broken.text.includes(PHILOSOPHERS_END), "a worker that cannot start: the guest ends (not a hang)", broken.text);
    check(broken.errors.some((e) => /ntwasm: the worker script http:\/\/\S+\/browser-worker\.mjs did not start/.test(e)),
      "and the console says the worker script did not start, with its URL", broken.errors.join("\n"));
    stop(esServer);

    // boot({ assetsBase }): a bundle with the files elsewhere, then a directory that is not there.
    const other = join(esbuildDir, "other");
    mkdirSync(join(other, "static", "ntwasm"), { recursive: true });
    writeFileSync(join(esbuildDir, "src", "assets.js"), `
      import { boot } from "ntwasm/browser";
      const out = document.getElementById("out");
      try {
        const kernel = await boot({ assetsBase: new URLSearchParams(location.search).get("base") });
        const r = await kernel.run("philosophers.wasm");
        out.textContent = r.stdout + r.stderr + "exit code " + r.code + "\\n";
      } catch (e) {
        out.textContent = e.name + ": " + e.message + "\\n";
      }
    `);
    writeFileSync(join(esbuildDir, "src", "classic.js"), `
      import { boot } from "ntwasm/browser";
      boot().then(() => { document.getElementById("out").textContent = "exit code 0 (booted)"; },
        (e) => { document.getElementById("out").textContent = e.name + ": " + e.message; });
    `);
    await build({ entryPoints: [join(esbuildDir, "src", "assets.js")], bundle: true, format: "esm", outdir: other, absWorkingDir: esbuildDir, logLevel: "error" });
    await build({ entryPoints: [join(esbuildDir, "src", "classic.js")], bundle: true, format: "iife", outdir: other, absWorkingDir: esbuildDir, logLevel: "silent" });
    for (const f of ["kernel.wasm", "browser-worker.mjs"]) copyFileSync(join(site, f), join(other, "static", "ntwasm", f));
    copyFileSync(join(site, "philosophers.wasm"), join(other, "philosophers.wasm"));
    writeFileSync(join(other, "index.html"), `<!doctype html><meta charset="utf-8"><pre id="out"></pre><script type="module" src="assets.js"></script>`);
    writeFileSync(join(other, "classic.html"), `<!doctype html><meta charset="utf-8"><pre id="out"></pre><script src="classic.js"></script>`);
    const otherServer = await ntwasmServe(esbuildDir, "other");
    const based = await pageOutput(context, `${otherServer.url}?base=/static/ntwasm/`);
    check(ranPhilosophers(based.text), "boot({ assetsBase: \"/static/ntwasm/\" }) finds the files there", based.text);
    const missing = await pageOutput(context, `${otherServer.url}?base=/missing/`);
    check(/AssetLoadError: ntwasm: cannot load (kernel\.wasm|browser-worker\.mjs) from http:\/\/127\.0\.0\.1:\d+\/missing\/\1: HTTP 404 Not Found\. .*assetsBase/s.test(missing.text),
      "boot({ assetsBase: \"/missing/\" }): the page shows an AssetLoadError naming the URL and the 404", missing.text);
    const classic = await pageOutput(context, `${otherServer.url}classic.html`);
    check(/AssetLoadError: .*import\.meta\.url is not there/.test(classic.text), "a classic-script bundle (no import.meta.url): AssetLoadError that says so", classic.text);
    stop(otherServer);

    // ---- Vite: public/philosophers.wasm; vite build && vite preview; vite (dev)
    console.log("Vite recipe:");
    mkdirSync(join(viteDir, "public"), { recursive: true });
    copyFileSync(join(viteDir, "node_modules", "ntwasm", "dist", "web", "examples", "philosophers.wasm"), join(viteDir, "public", "philosophers.wasm"));
    await run(process.execPath, [join(viteDir, "node_modules", "vite", "bin", "vite.js"), "build", "--logLevel", "warn"], viteDir);
    const assets = readdirSync(join(viteDir, "dist", "assets"));
    check(assets.some((f) => /^kernel-.*\.wasm$/.test(f)) && assets.some((f) => /^browser-worker-.*\.mjs$/.test(f)),
      "vite build copied kernel.wasm and browser-worker.mjs into dist/assets/", assets.join(", "));
    const preview = await vite(viteDir, "preview");
    const built = await pageOutput(context, preview.url);
    check(ranPhilosophers(built.text), "the Vite build (vite preview) ran the philosophers to exit code 0", built.text);
    check(built.errors.length === 0, "no errors in the Vite build's page", built.errors.join("\n"));
    stop(preview);

    const dev = await vite(viteDir);
    const devPage = await pageOutput(context, dev.url);
    check(ranPhilosophers(devPage.text), "Vite's dev server ran the philosophers to exit code 0", devPage.text);
    check(devPage.errors.length === 0, "no errors in the Vite dev page", devPage.errors.join("\n"));
    stop(dev);

    // Without the docs' optimizeDeps.exclude, the dev server pre-bundles ntwasm: the error says what to add.
    const config = viteFiles.get("vite.config.js") ?? "";
    check(config.includes('optimizeDeps: { exclude: ["ntwasm"] },'), "the docs' vite.config.js excludes ntwasm from pre-bundling");
    writeFileSync(join(viteDir, "vite.prebundled.config.js"), config.replace('optimizeDeps: { exclude: ["ntwasm"] },', ""));
    const pre = await vite(viteDir, "--config", "vite.prebundled.config.js", "--force");
    const prePage = await pageOutput(context, pre.url);
    check(/AssetLoadError: ntwasm: cannot load \S+ from http:\/\/\S+\/\.vite\/deps\/\S+: .*optimizeDeps: \{ exclude: \["ntwasm"\] \}/s.test(prePage.text),
      "pre-bundled by Vite's dev server: AssetLoadError naming optimizeDeps.exclude", prePage.text);
    stop(pre);
  } finally {
    await browser?.close().catch(() => {});
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    rmSync(tmp, { recursive: true, force: true });
  }
}

const overall = setTimeout(() => { console.error(`test:browser (bundlers): gave up after ${TOTAL_TIMEOUT_MS / 1000} s`); process.exit(1); }, TOTAL_TIMEOUT_MS);
const started = Date.now();
main().then(
  () => {
    clearTimeout(overall);
    console.log(failures ? `test:browser (bundlers): ${failures} check(s) failed` : `test:browser (bundlers): all checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    process.exit(failures ? 1 : 0);
  },
  (e) => {
    clearTimeout(overall);
    console.error(`test:browser (bundlers): ${e?.stack ?? e}`);
    process.exit(1);
  },
);
