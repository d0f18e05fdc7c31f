// `ntwasm run --trace`: every syscall a guest makes, one strace-style line each, e.g.
//   [36] CreateEventW(0, 1, 0, L"ready") = 0x10
//   [36] OpenEventW(0x1f0003, 0, L"nope") = 0 (ERROR_FILE_NOT_FOUND)
//   [36] NtOpenEvent(0x1000, 0x1f0003, 0x2000) = 0xc0000034 (STATUS_OBJECT_NAME_NOT_FOUND)
// Names come from the tables generated from abi/ (STATUS_NAMES, ERROR_NAMES).
// The wrappers go around the guest's imports only when tracing, so normal runs pay nothing.
import { decodeUtf16, decodeUtf8 } from "./call-context.ts";
import * as abi from "./generated/abi.ts";
import type { GuestImports } from "./generated/bindings.ts";


export interface TraceTarget {
  tid: number;
  guest(): Uint8Array;
  lastError(): number;
  emit(line: string): void;
}

function hex(v: number): string { return v >>> 0 < 10 ? String(v >>> 0) : "0x" + (v >>> 0).toString(16); }

function show(v: unknown): string { return typeof v === "number" ? hex(v) : String(v); }

function stringAt(g: Uint8Array, p: number, wide: boolean): string {
  if (!p) return "NULL";
  let end = p;
  const limit = Math.min(g.length, p + 512);
  if (wide) { while (end + 1 < limit && (g[end] | g[end + 1])) end += 2; return `L${JSON.stringify(decodeUtf16(g, p, (end - p) >> 1))}`; }
  while (end < limit && g[end]) end++;
  return JSON.stringify(decodeUtf8(g, p, end));
}

/** The guest's imports with every syscall wrapped to report its arguments and result. */
export function traceImports(imports: GuestImports, t: TraceTarget): GuestImports {
  const traced: GuestImports = {};
  for (const [module, fns] of Object.entries(imports)) {
    traced[module] = { ...fns };
    for (const [name, fn] of Object.entries(fns)) {
      if (typeof fn !== "function") continue;
      const info = abi.SYSCALL_INFO.find((s) => s.name === name && s.module === module);
      if (!info) { // WASI and other imports: raw arguments and result (a WASI errno)
        traced[module][name] = (...args: unknown[]) => {
          let r: unknown;
          try { r = fn(...args); }
          catch (e) { t.emit(`[${t.tid}] ${module}.${name}(${args.map(show).join(", ")}) ends the thread\n`); throw e; }
          t.emit(`[${t.tid}] ${module}.${name}(${args.map(show).join(", ")})${r === undefined ? "" : ` = ${show(r)}`}\n`);
          return r;
        };
        continue;
      }
      traced[module][name] = (...args: number[]) => {
        const g = t.guest();
        const shown = info.kinds.map((kind, i) => kind === "wstr" || kind === "astr"
          ? stringAt(g, args[i], kind === "wstr") : hex(args[i] ?? 0)).join(", ");
        let r: unknown;
        try { r = fn(...args); }
        catch (e) { t.emit(`[${t.tid}] ${name}(${shown}) ends the thread\n`); throw e; }
        const failed = ((info.result === "BOOL" || info.result === "HANDLE") && r === 0) ||
          (info.result === "DWORD" && r === 0xffffffff);
        const error = failed ? ` (${abi.ERROR_NAMES[t.lastError()] ?? t.lastError()})`
          : info.result === "NTSTATUS" && r !== 0 ? ` (${abi.STATUS_NAMES[(r as number) >>> 0] ?? "unknown NTSTATUS"})` : "";
        t.emit(`[${t.tid}] ${name}(${shown})${info.result === "void" ? "" : ` = ${typeof r === "bigint" ? r : hex(r as number)}`}${error}\n`);
        return r;
      };
    }
  }
  return traced;
}
