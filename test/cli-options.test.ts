// `ntwasm run`'s options as users of wasmtime and Wine expect them: --env / --inherit-env over a small
// Windows-like default environment, --dir HOST[::GUEST][:ro], "--", -V / --version, help for every
// command, and one-line usage errors with exit code 2.
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "ntwasm-cli-options-"));
const guest = join(tmp, "env_dirs.wasm");
const ntwasm = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: tmp, timeout: 60_000, env });
/** Runs the test guest (test/cli-guests/env_dirs.c) with `options` before it and `args` after. */
const run = (options: string[], ...args: string[]) => ntwasm(["run", ...options, guest, ...args]);

beforeAll(() => {
  const src = fileURLToPath(new URL("./cli-guests/env_dirs.c", import.meta.url));
  const r = spawnSync(process.execPath, [cli, "cc", src, "-o", guest], { encoding: "utf8", timeout: 120_000 });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
}, 180_000);

describe("ntwasm run: the guest's environment", () => {
  it("is a small Windows-like one by default, not the host's", () => {
    const r = ntwasm(["run", guest, "env", "SystemRoot", "windir", "TEMP", "TMP", "USERPROFILE", "PATH", "COMPUTERNAME",
      "USERNAME", "HOMEDRIVE", "HOMEPATH", "ProgramData", "PATHEXT", "OS", "NTWASM_SECRET"], { ...process.env, NTWASM_SECRET: "hunter2" });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe([
      "SystemRoot=C:\\Windows", "windir=C:\\Windows", "TEMP=C:\\Windows\\Temp", "TMP=C:\\Windows\\Temp",
      "USERPROFILE=C:\\Users\\User", "PATH=C:\\", "COMPUTERNAME=NTWASM", "USERNAME=User", "HOMEDRIVE=C:",
      "HOMEPATH=\\Users\\User", "ProgramData=C:\\ProgramData", "PATHEXT=.COM;.EXE;.BAT;.CMD", "OS=Windows_NT",
      "NTWASM_SECRET is not set", "",
    ].join("\n"));
    const count = run([], "count");
    expect(Number(count.stdout.split(" ")[0])).toBeLessThan(30);
  });

  it("--env NAME=VALUE sets (repeatable, names case-insensitive), --env NAME takes the host's value", () => {
    const r = ntwasm(["run", "--env", "A=1", "--env=B=x=y", "--env", "FROM_HOST", "--env", "path=C:\\bin", "--env", "MISSING",
      guest, "env", "A", "B", "FROM_HOST", "PATH", "MISSING"], { ...process.env, FROM_HOST: "host value" });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("A=1\nB=x=y\nFROM_HOST=host value\nPATH=C:\\bin\nMISSING is not set\n");
  });

  it("--inherit-env adds the host's environment over the defaults", () => {
    const r = ntwasm(["run", "--inherit-env", guest, "env", "NTWASM_SECRET", "SystemRoot"], { ...process.env, NTWASM_SECRET: "hunter2" });
    expect(r.stdout).toBe("NTWASM_SECRET=hunter2\nSystemRoot=C:\\Windows\n");
  });

  it("TEMP is a real directory for the run (GetTempFileName works), removed after it", () => {
    const hostTmp = join(tmp, "host-tmp"); // the run's host temporary directory is made in TMPDIR
    mkdirSync(hostTmp);
    const r = ntwasm(["run", guest, "temp"], { ...process.env, TMPDIR: hostTmp });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("GetTempPath: C:\\Windows\\Temp\\\nGetTempFileName: ok\nDeleteFile (the temporary file): ok\n");
    expect(readdirSync(hostTmp)).toEqual([]);
    expect(existsSync(join(tmp, "Windows"))).toBe(false); // nothing was made in --root
  });
});

describe("ntwasm run --dir", () => {
  const data = join(tmp, "host-data"), ro = join(tmp, "host-ro");
  beforeAll(() => {
    mkdirSync(data, { recursive: true });
    mkdirSync(ro, { recursive: true });
    writeFileSync(join(data, "in.txt"), "data file");
    writeFileSync(join(ro, "keep.txt"), "read-only file");
  });

  it("maps a host directory at GUEST (or C:\\<its name>): reads, writes and listings go there", () => {
    const r = run(["--dir", `${data}::C:\\mnt\\data`], "read", "C:\\mnt\\data\\in.txt", "C:\\MNT\\DATA\\IN.TXT");
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("read C:\\mnt\\data\\in.txt: data file\nread C:\\MNT\\DATA\\IN.TXT: data file\n");
    const w = run(["--dir", `${data}::\\mnt\\data`], "write", "C:\\mnt\\data\\out.txt");
    expect(w.stdout).toBe("write C:\\mnt\\data\\out.txt: ok\n");
    expect(readFileSync(join(data, "out.txt"), "utf8")).toBe("written by the guest");
    const l = run(["--dir", data], "list", "C:\\host-data");
    expect(l.stdout.trim().split(" ").slice(2).sort()).toEqual(["in.txt", "out.txt"]);
    const parent = run(["--dir", `${data}::C:\\mnt\\data`], "list", "C:\\mnt");
    expect(parent.stdout).toBe("list C:\\mnt: data\n"); // a mount point's parents need not exist
    expect(existsSync(join(tmp, "mnt"))).toBe(false);
  });

  it(":ro refuses every change with ERROR_ACCESS_DENIED (5); reading works", () => {
    const r = run(["--dir", `${ro}::C:\\ro:ro`], "read", "C:\\ro\\keep.txt");
    expect(r.stdout).toBe("read C:\\ro\\keep.txt: read-only file\n");
    expect(run(["--dir", `${ro}::C:\\ro:ro`], "write", "C:\\ro\\new.txt", "C:\\ro\\keep.txt").stdout)
      .toBe("write C:\\ro\\new.txt: error 5\nwrite C:\\ro\\keep.txt: error 5\n");
    expect(run(["--dir", `${ro}::C:\\ro:ro`], "open-write", "C:\\ro\\keep.txt").stdout).toBe("open for writing C:\\ro\\keep.txt: error 5\n");
    expect(run(["--dir", `${ro}::C:\\ro:ro`], "delete", "C:\\ro\\keep.txt").stdout).toBe("delete C:\\ro\\keep.txt: error 5\n");
    expect(run(["--dir", `${ro}::C:\\ro:ro`], "mkdir", "C:\\ro\\sub").stdout).toBe("mkdir C:\\ro\\sub: error 5\n");
    expect(run(["--dir", `${ro}::C:\\ro:ro`], "attrs", "C:\\ro\\keep.txt").stdout).toBe("C:\\ro\\keep.txt: file read-only\n");
    expect(readdirSync(ro)).toEqual(["keep.txt"]);
    expect(readFileSync(join(ro, "keep.txt"), "utf8")).toBe("read-only file");
  });

  it.each([
    ["a missing host directory", ["--dir", join(tmp, "nowhere")], /--dir .*nowhere: not a directory/],
    ["a guest path off C:", ["--dir", `${data}::D:\\x`], /not a path on C:/],
    ["C:\\ itself", ["--dir", `${data}::C:\\`], /C:\\ itself is the root/],
  ])("%s is a usage error", (_, options, message) => {
    const r = run(options, "count");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("ntwasm's command line", () => {
  it("-- ends ntwasm's options: what follows is the guest and its arguments", () => {
    const r = ntwasm(["run", "--env", "X=1", "--", guest, "env", "--help", "X"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("--help is not set\nX=1\n");
  });

  it("-V and --version print the version", () => {
    const version = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version;
    for (const flag of ["-V", "--version"]) {
      const r = ntwasm([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`ntwasm ${version}\n`);
    }
  });

  it.each(["run", "cc", "c++", "asc", "demo", "serve", "help"])("help CMD and CMD --help print the command's help to stdout, exit 0: %s", (cmd) => {
    const viaHelp = ntwasm(["help", cmd]);
    expect(viaHelp.status).toBe(0);
    expect(viaHelp.stderr).toBe("");
    expect(viaHelp.stdout).toMatch(/^Usage: ntwasm /);
    const viaFlag = ntwasm([cmd, "--help"]);
    expect(viaFlag.status).toBe(0);
    expect(viaFlag.stdout).toBe(viaHelp.stdout); // demo --help prints help; it does not run the demo
  });

  it("bare ntwasm prints the usage to stderr only, exit 2; --help prints it to stdout, exit 0", () => {
    const bare = ntwasm([]);
    expect(bare.status).toBe(2);
    expect(bare.stdout).toBe("");
    expect(bare.stderr).toMatch(/^ntwasm — [\s\S]*ntwasm run \[options\]/);
    const top = ntwasm(["--help"]);
    expect(top.status).toBe(0);
    expect(top.stderr).toBe("");
    expect(top.stdout).toBe(bare.stderr);
  });

  it("--help describes every run option", () => {
    const help = ntwasm(["run", "--help"]).stdout;
    for (const o of ["--root", "--dir HOST[::GUEST][:ro]", "--env NAME=VALUE", "--inherit-env", "--trace", "--entry", "--workers", "-h, --help"]) {
      expect(help).toContain(o);
    }
  });

  it.each([
    ["an unknown run option", ["run", "--frob", "x.wasm"], /^ntwasm: unknown option --frob/],
    ["an unknown top-level option", ["--frob"], /^ntwasm: unknown option --frob/],
    ["--env without a value", ["run", "--env"], /^ntwasm: --env needs a value/],
    ["options after the guest (they are its own)", ["run", "x.wasm", "--dir"], /^ntwasm: x\.wasm: no such file/],
    ["help for no such command", ["help", "frob"], /^ntwasm: no command "frob"/],
    ["demo with an argument", ["demo", "extra"], /^ntwasm: demo takes no arguments/],
    ["a trace file in a missing directory", ["run", `--trace-file=${join(tmp, "no", "such", "t.txt")}`, guest, "count"], /^ntwasm: --trace-file=.*: no such directory/],
  ])("%s: one line on stderr, exit 2", (_, args, message) => {
    const r = ntwasm(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
