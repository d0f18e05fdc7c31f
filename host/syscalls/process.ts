// CreateProcessW and TerminateProcess: the calls that need the host to load a guest program or stop
// another process's workers. The kernel creates and ends the objects; the host's main thread starts
// the child on a pooled worker (protocol.ts "process" / "terminateProcess"). A program is compiled
// once per worker and content (host/module-cache.ts).
import { decodeUtf16, decodeUtf8, type CallContext } from "../call-context.ts";
import { commandLineToArgv } from "../command-line.ts";
import type { KernelExports } from "../kernel-exports.ts";
import type { CompiledGuest } from "../module-cache.ts";
import { entryProblem } from "../guest-imports.ts";
import { isWasm, type MemoryImport } from "../wasm-module.ts";
import {
  CREATE_UNICODE_ENVIRONMENT, ERROR_BAD_EXE_FORMAT, ERROR_FILE_NOT_FOUND, ERROR_INSUFFICIENT_BUFFER, ERROR_INVALID_PARAMETER,
  ERROR_PROC_NOT_FOUND, STARTF_USESTDHANDLES,
} from "../generated/abi.ts";

export interface ProcessHost {
  /** The bytes and full path of a program at a Windows path (host/syscalls/files.ts), or a Win32 error. */
  program(path: string): { bytes: Uint8Array; path: string } | number;
  /** Compiles a program (host/module-cache.ts: once per content); throws when it is not a valid module. */
  compile(bytes: Uint8Array): CompiledGuest;
  /** The calling process's own program path (GetProcessImagePathW). */
  imagePath: string;
  /** Hands a created child to the host's main thread, which starts its first thread. */
  start(child: ChildProcess): void;
  /** Asks the main thread to stop the workers of a terminated process. */
  terminate(process: number): void;
  /** The child's current directory (host/syscalls/files.ts): checked before, set after creation. */
  directory?: { child(dir: string | null): string | number; set(process: number, dir: string): void };
}

export interface ChildProcess {
  module: WebAssembly.Module;
  memory: MemoryImport | undefined;
  /** Where the module's code section contents start (CompiledGuest.codeOffset). */
  codeOffset: number | undefined;
  process: number;
  thread: number;
  commandLine: string;
  args: string[];
  /** The program's full Windows path (GetModuleFileNameW in the child). */
  imagePath: string;
  /** lpEnvironment: replaces the environment copied from the parent. */
  env: Record<string, string> | undefined;
}

/** STARTUPINFOW offsets (32-bit guests). */
const SI_FLAGS = 44, SI_STDIN = 56, SI_STDOUT = 60, SI_STDERR = 64, SI_SIZE = 68;

/** A NUL-terminated guest string, or null for NULL; undefined when it is not readable. */
function guestString(c: CallContext, p: number, wide: boolean): string | null | undefined {
  if (!p) return null;
  const g = c.guestFresh();
  let end = p;
  if (wide) { while (end + 1 < g.length && (g[end] | g[end + 1])) end += 2; }
  else { while (end < g.length && g[end]) end++; }
  if (end >= g.length - (wide ? 1 : 0)) return undefined;
  return wide ? decodeUtf16(g, p, (end - p) >> 1) : decodeUtf8(g, p, end);
}

/** A double-NUL-terminated environment block as variables. */
function environmentBlock(c: CallContext, p: number, wide: boolean): Record<string, string> | undefined {
  const env: Record<string, string> = {};
  for (;;) {
    const entry = guestString(c, p, wide);
    if (entry === undefined) return undefined;
    if (!entry) return env;
    const eq = entry.indexOf("=", 1);
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
    p += wide ? (entry.length + 1) * 2 : new TextEncoder().encode(entry).length + 1;
  }
}

export function processSyscalls(k: KernelExports, c: CallContext, host: ProcessHost) {
  return {
    CreateProcessW(lpApplicationName: number, lpCommandLine: number, lpProcessAttributes: number, lpThreadAttributes: number,
      bInheritHandles: number, dwCreationFlags: number, lpEnvironment: number, lpCurrentDirectory: number,
      lpStartupInfo: number, lpProcessInformation: number): number {
      const app = guestString(c, lpApplicationName, true);
      const line = guestString(c, lpCommandLine, true);
      const cd = guestString(c, lpCurrentDirectory, true);
      if (app === undefined || line === undefined || cd === undefined) return c.fault(0);
      if (c.inherit(lpProcessAttributes) < 0 || c.inherit(lpThreadAttributes) < 0) return c.fault(0);
      if (!lpProcessInformation || !c.inGuest(lpProcessInformation, 16)) return c.fault(0);
      if (lpStartupInfo && !c.inGuest(lpStartupInfo, SI_SIZE)) return c.fault(0);
      if (!app && !line) return c.fault(0, ERROR_INVALID_PARAMETER);
      const commandLine = line ?? `"${app}"`;
      const args = commandLineToArgv(commandLine);
      // The program: lpApplicationName as given, else the command line's first token. Programs name their
      // helpers as on Windows: "child.exe" runs child.wasm when there is no child.exe, and the command
      // line's token may leave the extension off (Windows adds .exe; here .exe, then .wasm).
      const name = app ?? args[0];
      const tries = [name];
      if (/\.exe$/i.test(name)) tries.push(name.slice(0, -4) + ".wasm");
      else if (!app && !/\.[^\\/.]*$/.test(name)) tries.push(name + ".exe", name + ".wasm");
      let found: { bytes: Uint8Array; path: string } | number = ERROR_FILE_NOT_FOUND;
      for (const t of tries) {
        found = host.program(t);
        if (found !== ERROR_FILE_NOT_FOUND) break;
      }
      if (typeof found === "number") return c.fault(0, found);
      const bytes = found.bytes;
      if (!isWasm(bytes)) return c.fault(0, ERROR_BAD_EXE_FORMAT);
      let compiled: CompiledGuest;
      try { compiled = host.compile(bytes); } catch { return c.fault(0, ERROR_BAD_EXE_FORMAT); }
      const { module, memory } = compiled;
      if (compiled.missing.length) return c.fault(0, ERROR_PROC_NOT_FOUND);
      if (compiled.badImport || entryProblem(module, undefined)) return c.fault(0, ERROR_BAD_EXE_FORMAT);
      let env: Record<string, string> | undefined;
      if (lpEnvironment) {
        env = environmentBlock(c, lpEnvironment, (dwCreationFlags & CREATE_UNICODE_ENVIRONMENT) !== 0);
        if (!env) return c.fault(0);
      }
      const si = c.guestView();
      const std = lpStartupInfo && (si.getUint32(lpStartupInfo + SI_FLAGS, true) & STARTF_USESTDHANDLES)
        ? [SI_STDIN, SI_STDOUT, SI_STDERR].map((o) => si.getUint32(lpStartupInfo + o, true)) : [0, 0, 0];
      const dir = host.directory?.child(cd);
      if (typeof dir === "number") return c.fault(0, dir);
      const out = c.scratch;
      if (!k.ntw_create_process(bInheritHandles ? 1 : 0, dwCreationFlags >>> 0, std[0], std[1], std[2], out)) return 0;
      const [hProcess, hThread, pid, tid, process, thread] = [0, 4, 8, 12, 16, 20].map((o) => c.kernelU32(out + o));
      if (dir !== undefined) host.directory!.set(process, dir);
      host.start({ module, memory, codeOffset: compiled.codeOffset, process, thread, commandLine, args, env, imagePath: found.path });
      const pi = c.guestView();
      pi.setUint32(lpProcessInformation, hProcess, true);
      pi.setUint32(lpProcessInformation + 4, hThread, true);
      pi.setUint32(lpProcessInformation + 8, pid, true);
      pi.setUint32(lpProcessInformation + 12, tid, true);
      return 1;
    },
    GetProcessImagePathW(lpBuffer: number, nSize: number): number {
      const path = host.imagePath, size = nSize >>> 0;
      if (size <= path.length) { k.SetLastError(ERROR_INSUFFICIENT_BUFFER); return path.length + 1; }
      if (!c.inGuest(lpBuffer, (path.length + 1) * 2)) return c.fault(0);
      const v = c.guestView();
      for (let i = 0; i < path.length; i++) v.setUint16(lpBuffer + 2 * i, path.charCodeAt(i), true);
      v.setUint16(lpBuffer + 2 * path.length, 0, true);
      k.SetLastError(0);
      return path.length;
    },
    TerminateProcess(hProcess: number, uExitCode: number): number {
      const process = k.ntw_terminate_process(hProcess, uExitCode >>> 0);
      if (!process) return 0;
      host.terminate(process);
      k.ntw_thread_begin(); // when it was this process, the calling thread unwinds here
      return 1;
    },
  };
}
