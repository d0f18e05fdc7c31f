// Output shown on a terminal (SpawnOptions.terminal, or the CLI on a TTY): SetConsoleTextAttribute
// becomes ANSI SGR sequences in order with printf's text, GetConsoleScreenBufferInfo reports the
// terminal's size; elsewhere the attributes are only recorded and the buffer is 120 x 30.
import { beforeAll, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ccGuest, cliPath, useKernel } from "./harness.ts";

const kernel = useKernel();
const wasm = join(mkdtempSync(join(tmpdir(), "ntwasm-console-terminal-")), "console_colors.wasm");
let bytes: Uint8Array;
beforeAll(() => { bytes = ccGuest("console_colors.c", wasm); }, 180_000);

it("on a terminal, colours are SGR sequences between the text they colour", async () => {
  const r = await kernel().run(bytes, { terminal: { columns: 100, rows: 40 } });
  // Console bits are blue 1, green 2, red 4, intensity 8; SGR 91 is bright red, 32 green, 44 a blue background.
  expect(r.stdout).toBe("buffer 100x40 window 99-39\nstatus: \x1b[0;91;40mfailed\x1b[0;32;44;4m!\x1b[0;37;40m\n");
  expect(r.code).toBe(0);
});

it("elsewhere, the colours are recorded only", async () => {
  const r = await kernel().run(bytes);
  expect(r.stdout).toBe("buffer 120x30 window 119-29\nstatus: failed!\n");
});

it("ntwasm run on a TTY writes the colours (script gives it one); piped, it does not", () => {
  const piped = spawnSync(process.execPath, [cliPath, "run", wasm], { encoding: "utf8" });
  expect(piped.stdout).toBe("buffer 120x30 window 119-29\nstatus: failed!\n");
  const tty = spawnSync("script", ["-qc", `stty cols 90 rows 20; ${process.execPath} ${cliPath} run ${wasm}`, "/dev/null"],
    { encoding: "utf8", input: "" });
  if (tty.error) return; // no script(1) on this machine
  expect(tty.stdout.replace(/\r\n/g, "\n")).toBe("buffer 90x20 window 89-19\nstatus: \x1b[0;91;40mfailed\x1b[0;32;44;4m!\x1b[0;37;40m\n");
});
