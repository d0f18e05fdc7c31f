// Makes sure Debian's toolchain for C and C++ guests is installed (host/toolchain.ts lists it): the
// SDK tests compile programs with `ntwasm cc`, so `npm test` runs this first, and so does .ci/run.
// Installs the packages with apt-get when one is missing and this user may (root, or sudo without a
// password); otherwise says what to install and fails.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const PACKAGES = JSON.parse(readFileSync(new URL("../host/toolchain-packages.json", import.meta.url), "utf8"));

const runs = (cmd, args = ["--version"]) => !spawnSync(cmd, args, { stdio: "ignore" }).error;
function missing() {
  const gaps = [];
  if (!runs("clang-19")) gaps.push("clang-19");
  if (!runs("wasm-ld-19")) gaps.push("lld-19");
  if (!existsSync("/usr/lib/llvm-19/bin/llvm-ar")) gaps.push("llvm-19");
  if (!existsSync("/usr/lib/wasm32-wasi/libc.a")) gaps.push("wasi-libc");
  if (!existsSync("/usr/lib/llvm-19/lib/clang/19/lib/wasi")) gaps.push("libclang-rt-19-dev-wasm32");
  if (!existsSync("/usr/lib/llvm-19/include/wasm32-wasi/c++/v1/__config_site")) gaps.push("libc++-19-dev-wasm32");
  if (!existsSync("/usr/lib/wasm32-wasi/libc++abi.a")) gaps.push("libc++abi-19-dev-wasm32");
  return gaps;
}

const gaps = missing();
if (gaps.length) {
  const root = process.getuid?.() === 0;
  const sudo = root ? [] : runs("sudo", ["-n", "true"]) ? ["sudo", "-n"] : null;
  if (!sudo || !runs("apt-get", ["--version"])) {
    console.error(`ntwasm: C guests need Debian packages (missing: ${gaps.join(", ")}): apt-get install ${PACKAGES.join(" ")}`);
    process.exit(1);
  }
  console.error(`ntwasm: installing the toolchain for C guests (missing: ${gaps.join(", ")})`);
  const apt = (args) => execFileSync(sudo[0] ?? "apt-get", sudo.length ? [...sudo.slice(1), "apt-get", ...args] : args,
    { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  apt(["update", "-q"]);
  apt(["install", "-y", "-q", ...PACKAGES]);
  const still = missing();
  if (still.length) { console.error(`ntwasm: still missing after apt-get: ${still.join(", ")}`); process.exit(1); }
}
