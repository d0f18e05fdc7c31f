// What the browser test scripts share: Debian's chromium and its flags, the ok/FAIL checks (their count
// is `failures`, a live binding), and `ntwasm serve --port 0` for the demo page.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

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
