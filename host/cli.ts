#!/usr/bin/env node
// The ntwasm command line.
import { readFile } from "node:fs/promises";
import { boot, GuestError, GuestLinkError } from "./index.ts";

const main = async () => {
  const [cmd, file, ...rest] = process.argv.slice(2);
  if (cmd === "run" && file) {
    const k = await boot();
    const p = await k.spawn(new Uint8Array(await readFile(file)));
    const exit = await p.exited;
    process.exitCode = exit.code;
    return;
  }
  console.log("usage: ntwasm run <guest.wasm>");
};
main();
