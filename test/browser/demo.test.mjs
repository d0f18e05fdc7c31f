// `npm run test:browser`: the demo page in a real Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core). It serves dist/ with `ntwasm serve --port 0`, loads the demo, checks that the
// page is cross-origin isolated, runs the dining philosophers and checks their output and what the
// live view showed (processes, threads, named mutexes, handles, wait edges with owners), feeds a
// line to the wait-chain example's stdin, runs the example that starts a second process from the
// in-memory file system, checks the message boot() gives on a page without the COOP/COEP
// headers, and starts 100 threads at once and 100 one after another in a page of its own. Saves
// test/browser/screenshot.png (taken while the philosophers eat). Exits non-zero on any failure. Not part of `npm test` (vitest only picks up test/**/*.test.ts).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { check, demoState, failures, openDemoPage, startServer } from "./common.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const SCREENSHOT = join(here, "screenshot.png");
const TOTAL_TIMEOUT_MS = 240_000;

async function runExample(page, file, { args = "" } = {}) {
  await page.selectOption("#example", file);
  await page.fill("#args", args);
  const runs = (await demoState(page)).runs;
  await page.click("#run");
  await page.waitForFunction((n) => window.ntwasmDemo.runs > n, runs, { timeout: 10_000 });
}

const waitForExit = (page, timeout = 60_000) =>
  page.waitForFunction(() => !window.ntwasmDemo.running && window.ntwasmDemo.exit, null, { timeout, polling: 100 }).then(() => demoState(page));

async function main() {
  const { child: server, url } = await startServer();
  console.log(`ntwasm serve: ${url}`);
  const site = mkdtempSync(join(tmpdir(), "ntwasm-site-"));
  let opened, siteServer;
  try {
    // ---- the page boots, cross-origin isolated
    opened = await openDemoPage(url);
    const { context, page, pageErrors } = opened;
    check(await page.evaluate(() => crossOriginIsolated), "the page is cross-origin isolated");
    check(await page.evaluate(() => typeof SharedArrayBuffer === "function"), "SharedArrayBuffer is there");

    // The main thread keeps running while guests do (no Atomics.wait there): the largest gap between
    // 20 ms timer ticks, measured during the run.
    await page.evaluate(() => {
      window.__gap = 0;
      let last = performance.now();
      window.__tick = setInterval(() => { const now = performance.now(); window.__gap = Math.max(window.__gap, now - last); last = now; }, 20);
    });

    // ---- dining philosophers
    console.log("philosophers:");
    await runExample(page, "philosophers.wasm");
    await page.waitForFunction(() => document.querySelectorAll("#threads tbody tr.waiting").length >= 1 &&
      document.querySelector("#objects")?.textContent?.includes("fork-"), null, { timeout: 30_000, polling: 50 });
    check(true, "the live view shows waiting threads and the fork mutexes while it runs");
    // A picture with a wait edge that has an owner (philosopher → fork → the neighbour eating).
    const owned = await page.waitForFunction(() => document.querySelector("#graph .owner-edge") &&
      (document.querySelector("#console")?.textContent?.match(/eats with/g)?.length ?? 0) >= 5,
      null, { timeout: 20_000, polling: 50 }).then(() => true, () => false);
    check(owned, "the wait graph drew a thread → mutex → owner edge while it ran");
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    console.log(`  (screenshot: ${SCREENSHOT})`);
    const phil = await waitForExit(page);
    const gap = await page.evaluate(() => { clearInterval(window.__tick); return window.__gap; });
    check(phil.exit?.code === 0, "philosophers exited with code 0", JSON.stringify(phil.exit));
    const out = phil.output;
    check((out.match(/^philosopher \d eats with fork-\d and fork-\d \(meal \d\/3\)$/gm) ?? []).length === 15, "15 meals, one line each", out);
    check([0, 1, 2, 3, 4].every((i) => out.includes(`philosopher ${i} is full`)), "every philosopher is full", out);
    check(out.includes("main: 15 meals eaten (expected 15), 5 of 5 forks free, 0 forks held by two at once"), "main's check line", out);
    check(out.trimEnd().endsWith("dinner is over: everyone ate, no deadlock"), "the last line", out);
    const seen = phil.seen;
    console.log(`  (live view: ${seen.snapshots} snapshots, the longest took ${seen.snapshotMs.toFixed(2)} ms; at most ${seen.processes} processes, ${seen.threads} threads, ${seen.objects} objects, ${seen.handles} handles, ${seen.waits} waits, ${seen.ownedWaits} with an owner; main thread's longest gap ${gap.toFixed(0)} ms)`);
    check(seen.snapshots >= 3, "the live view updated several times during the run", seen.snapshots);
    check(seen.processes >= 1, "the live view showed the process");
    check(seen.threads >= 6, "the live view showed the main thread and 5 philosophers", seen.threads);
    check([0, 1, 2, 3, 4].every((i) => seen.names.includes(`fork-${i}`)), "the live view showed the named mutexes fork-0 … fork-4", seen.names.join(", "));
    check(seen.handles >= 10, "the live view showed the handles", seen.handles);
    check(seen.waits >= 1 && seen.ownedWaits >= 1, "the live view showed wait edges, some with an owner", `${seen.waits} / ${seen.ownedWaits}`);
    check(gap < 2000, "the page's main thread never stalled (timer gap < 2 s)", `${gap} ms`);
    check(await page.locator("#live").textContent().then((t) => t.includes("last picture")), "after the end the view keeps the last live picture");

    // ---- console input: the wait chain lets go when a line arrives on stdin
    console.log("wait chain + stdin:");
    await runExample(page, "waitgraph.wasm");
    await page.waitForFunction(() => document.querySelector("#console")?.textContent?.includes("type a line") &&
      document.querySelector("#edges")?.textContent?.includes('"wg-mutex" — owned by'), null, { timeout: 30_000, polling: 50 });
    check(true, "the wait chain shows main → wg-mutex → its owner");
    await page.fill("#stdin", "go");
    await page.press("#stdin", "Enter");
    const wg = await waitForExit(page);
    check(wg.exit?.code === 0 && wg.output.includes("got wg-mutex: 0"), "a line on stdin let the chain go", JSON.stringify(wg.exit) + "\n" + wg.output);

    // ---- Kill: the wait chain again, ended from the page
    await runExample(page, "waitgraph.wasm");
    await page.waitForFunction(() => document.querySelector("#console")?.textContent?.includes("type a line"), null, { timeout: 30_000, polling: 50 });
    await page.click("#kill");
    const killed = await waitForExit(page);
    check(killed.exit?.code === 1, "Kill ended the process with code 1", JSON.stringify(killed.exit));

    // ---- a guest chosen as a file (as a dropped one is): runs as soon as it is picked
    const dropRuns = (await demoState(page)).runs;
    await page.setInputFiles("#file", join(root, "dist", "guests", "hello.wasm"));
    await page.waitForFunction((n) => window.ntwasmDemo.runs > n, dropRuns, { timeout: 10_000 });
    const hello = await waitForExit(page);
    check(hello.exit?.code === 0 && hello.output.includes("hello from ntwasm: wait returned 0"), "a guest picked as a file ran", JSON.stringify(hello.exit) + "\n" + hello.output);

    // ---- a second process, started by CreateProcessW from the in-memory file system
    console.log("producers/consumers + second process:");
    await runExample(page, "demo.wasm");
    const demo = await waitForExit(page, 120_000);
    check(demo.exit?.code === 0, "demo.wasm exited with code 0", JSON.stringify(demo.exit) + "\n" + demo.output);
    check(demo.output.includes("the worker process ended with exit code 100"), "its child process (C:\\demo.wasm worker) took every job", demo.output);
    check(demo.seen.processes >= 2 || demo.output.includes("started a worker process"), "two processes ran", demo.seen.processes);

    // ---- a C guest: WASI printf from 4 threads
    console.log("C guest:");
    await runExample(page, "threads-c.wasm");
    const cg = await waitForExit(page);
    check(cg.exit?.code === 0 && cg.output.includes("main: total 5005000 (expected 5005000)") &&
      [0, 1, 2, 3].every((i) => cg.output.includes(`main: worker ${i} exited with ${100 + i}`)), "threads-c.wasm ran its 4 threads to the right total", JSON.stringify(cg.exit) + "\n" + cg.output);

    check(pageErrors.length === 0, "no errors in the page", pageErrors.join("\n"));

    // ---- without the headers boot() says which ones to send
    console.log("a page without COOP/COEP:");
    const plain = await context.newPage();
    await plain.route(`${url}web/`, async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers["cross-origin-opener-policy"];
      delete headers["cross-origin-embedder-policy"];
      await route.fulfill({ response, headers });
    });
    await plain.goto(`${url}web/`);
    await plain.waitForFunction(() => window.ntwasmDemo && (window.ntwasmDemo.ready || window.ntwasmDemo.error), null, { timeout: 30_000 });
    const st = await demoState(plain);
    check(await plain.evaluate(() => crossOriginIsolated) === false, "that page is not cross-origin isolated");
    check(!st.ready && st.error?.includes("Cross-Origin-Opener-Policy: same-origin") && st.error.includes("Cross-Origin-Embedder-Policy: require-corp"),
      "boot() fails naming both headers", st.error);
    check(await plain.locator("#error").textContent().then((t) => t.includes("Cross-Origin-Embedder-Policy: require-corp")), "the page shows that message");
    await plain.close();

    // ---- docs/embedding.md's copy-paste page, served as `ntwasm serve DIR` serves a site
    console.log("docs/embedding.md's example page:");
    const docs = readFileSync(join(root, "docs", "embedding.md"), "utf8");
    const html = /```html\n([\s\S]*?)```/.exec(docs)?.[1];
    check(!!html, "docs/embedding.md has an html example");
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, "index.html"), html ?? "");
    siteServer = await startServer(site);
    const ex = await context.newPage();
    const exErrors = [];
    ex.on("pageerror", (e) => exErrors.push(String(e)));
    ex.on("console", (m) => { if (m.type() === "error") exErrors.push(m.text()); });
    await ex.goto(siteServer.url);
    await ex.waitForFunction(() => document.getElementById("out")?.textContent?.includes("exit code"), null, { timeout: 60_000, polling: 100 })
      .catch(() => {});
    const exOut = await ex.locator("#out").textContent();
    check(exOut.includes("dinner is over: everyone ate, no deadlock") && exOut.trimEnd().endsWith("exit code 0"), "the example ran the philosophers to exit code 0", exOut);
    check((await ex.locator("#live").textContent()).includes("threads"), "the example's live line shows the snapshot");
    check(exErrors.length === 0, "no errors in the example page", exErrors.join("\n"));
    await ex.close();

    // ---- threads on the pool of parked workers (issue 15): 100 at once, then 100 one after another
    console.log("100 threads in a page:");
    writeFileSync(join(site, "threads.html"), `<!doctype html><meta charset="utf-8"><pre id="out"></pre><script type="module">
      import { boot } from "/ntwasm/browser.mjs";
      const out = document.getElementById("out");
      const kernel = await boot();
      const r = await kernel.run("/ntwasm/guests/workerpool.wasm", { entry: "hundred" });
      const s = kernel.workerPoolStats();
      out.textContent = r.stdout + r.stderr + "pool " + s.workers + " workers, " + s.parked + " parked\\nexit code " + r.code + "\\n";
    </script>`);
    const th = await context.newPage();
    const thErrors = [];
    th.on("pageerror", (e) => thErrors.push(String(e)));
    th.on("console", (m) => { if (m.type() === "error") thErrors.push(m.text()); });
    await th.goto(`${siteServer.url}threads.html`);
    await th.waitForFunction(() => document.getElementById("out")?.textContent?.includes("exit code"), null, { timeout: 120_000, polling: 100 })
      .catch(() => {});
    const thOut = await th.locator("#out").textContent();
    console.log(`  (${thOut.split("\n").find((l) => l.startsWith("pool")) ?? "no pool line"})`);
    check(thOut.includes("100 threads at once: 100 ran") && thOut.includes("100 threads one after another: 100 ran") &&
      !thOut.includes("FAIL") && thOut.trimEnd().endsWith("exit code 0"), "the page started 100 threads at once and 100 one after another", thOut);
    check(thErrors.length === 0, "no errors in the threads page", thErrors.join("\n"));
    await th.close();
  } finally {
    await opened?.close();
    server.kill("SIGTERM");
    siteServer?.child.kill("SIGTERM");
    rmSync(site, { recursive: true, force: true });
  }
}

const overall = setTimeout(() => { console.error(`test:browser: gave up after ${TOTAL_TIMEOUT_MS / 1000} s`); process.exit(1); }, TOTAL_TIMEOUT_MS);
main().then(
  () => {
    clearTimeout(overall);
    console.log(failures ? `test:browser: ${failures} check(s) failed` : "test:browser: all checks passed");
    process.exit(failures ? 1 : 0);
  },
  (e) => {
    clearTimeout(overall);
    console.error(`test:browser: ${e?.stack ?? e}`);
    process.exit(1);
  },
);
