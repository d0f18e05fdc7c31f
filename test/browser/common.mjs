// What the browser test scripts share: Debian's chromium and its flags, the ok/FAIL checks (their count
// is `failures`, a live binding), `ntwasm serve --port 0` for the demo page, and the demo page opened
// in a Chromium of its own.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

export let failures = 0;
export function check(ok, what, detail) {
  if (ok) console.log(`  ok   ${what}`);
  else { failures++; console.log(`  FAIL ${what}${detail === undefined ? "" : `\n       ${String(detail).replace(/\n/g, "\n       ")}`}`); }
}

/** `ntwasm serve --port 0` (and `extra` arguments); resolves with its URL once it listens. */
export function startServer(...extra) {
  const child = spawn(process.execPath, [join(root, "dist", "cli.mjs"), "serve", "--port", "0", ...extra], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`ntwasm serve did not start:\n${out}`)), 20_000);
    const onData = (d) => {
      out += d;
      const m = /(http:\/\/[^\s,]+?\/)(web\/|,)/.exec(out);
      if (m) { clearTimeout(timer); resolve({ child, url: m[1] }); }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (d) => { out += d; });
    child.on("exit", (code) => { clearTimeout(timer); reject(new Error(`ntwasm serve exited (${code}):\n${out}`)); });
  });
}

/** The demo page's state for tests (window.ntwasmDemo, web/demo.ts). */
export const demoState = (page) => page.evaluate(() => window.ntwasmDemo);

/**
 * Chromium on a fresh profile with the demo page of `url` (startServer's) open, once it has booted a
 * kernel (a check). `pageErrors` collects the page's errors; `close()` ends Chromium and removes the profile.
 */
export async function openDemoPage(url) {
  const profile = mkdtempSync(join(tmpdir(), "ntwasm-chromium-"));
  let context;
  const close = async () => {
    await context?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1440, height: 1000 },
    });
    const page = context.pages()[0] ?? await context.newPage();
    const pageErrors = [];
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") pageErrors.push(m.text()); });
    await page.goto(`${url}web/`);
    await page.waitForFunction(() => window.ntwasmDemo && (window.ntwasmDemo.ready || window.ntwasmDemo.error), null, { timeout: 30_000 });
    const boot = await demoState(page);
    check(boot.ready && !boot.error, "the demo page booted a kernel", boot.error);
    return { context, page, pageErrors, close };
  } catch (e) {
    await close();
    throw e;
  }
}
