// `ntwasm run --trace`, the worker's half: the guest's imports wrapped to report every call. Each
// call becomes one event (or two, for a call that can block: when it starts and when it returns),
// rendered here, where the guest's memory is (strings, handle arrays, flags by name, the values a call
// wrote), and sent as JSON on the trace stream in order with the process's output; host/trace-output.ts
// filters them by area and prints them, as text or JSON lines. How each parameter and result shows, and
// which calls block, comes from abi/trace.ts through SYSCALL_INFO and TRACE_SETS.
// The wrappers go around the guest's imports only when tracing, so normal runs pay nothing: pointer-free
// calls stay direct calls into kernel.wasm.
import { decodeUtf16, decodeUtf8 } from "./call-context.ts";
import * as abi from "./generated/abi.ts";
import type { GuestImports } from "./generated/bindings.ts";

export interface TraceTarget {
  tid: number;
  guest(): Uint8Array;
  lastError(): number;
  emit(line: string): void;
}

/** One traced event, as a worker sends it to the host's main thread (JSON on the trace stream). */
export interface TraceEvent {
  /** "c": a call that returned; "s": a call that can block starts; "e": that call returns. */
  ph: "c" | "s" | "e";
  pid: number;
  tid: number;
  /** When it happened, in ms (performance.timeOrigin + performance.now()): for "c" when the call started. */
  ts: number;
  /** "c": how long the call took, in ms. */
  dur?: number;
  /** The import: a syscall's name, or "module.name" for others (WASI). */
  fn: string;
  /** "c", "s": the arguments as shown. */
  args?: string[];
  /** "c", "e": the result as shown (absent for void calls). */
  r?: string;
  /** "c", "e": the raw result (a string for 64-bit ones). */
  v?: number | string;
  /** The failure: the last error's name (a failed Win32 call), the NTSTATUS's (an NT error), the errno's (WASI). */
  err?: string;
  /** The call did not return: it ended the thread (ExitThread, ExitProcess, a kill). */
  end?: true;
}

/** WASI imports that can wait (console or pipe input, sleeping). */
const WASI_BLOCKING = new Set(["fd_read", "poll_oneoff"]);
/** WASI preview1 errno names, by value. */
const WASI_ERRNO = ("SUCCESS 2BIG ACCES ADDRINUSE ADDRNOTAVAIL AFNOSUPPORT AGAIN ALREADY BADF BADMSG BUSY CANCELED CHILD " +
  "CONNABORTED CONNREFUSED CONNRESET DEADLK DESTADDRREQ DOM DQUOT EXIST FAULT FBIG HOSTUNREACH IDRM ILSEQ INPROGRESS INTR " +
  "INVAL IO ISCONN ISDIR LOOP MFILE MLINK MSGSIZE MULTIHOP NAMETOOLONG NETDOWN NETRESET NETUNREACH NFILE NOBUFS NODEV NOENT " +
  "NOEXEC NOLCK NOLINK NOMEM NOMSG NOPROTOOPT NOSPC NOSYS NOTCONN NOTDIR NOTEMPTY NOTRECOVERABLE NOTSOCK NOTSUP NOTTY NXIO " +
  "OVERFLOW OWNERDEAD PERM PIPE PROTO PROTONOSUPPORT PROTOTYPE RANGE ROFS SPIPE SRCH STALE TIMEDOUT TXTBSY XDEV NOTCAPABLE").split(" ");

const now = () => performance.timeOrigin + performance.now();
const hex = (v: number) => "0x" + (v >>> 0).toString(16);
/** A number where hex is the natural reading (flags, addresses), small ones in decimal. */
const small = (v: unknown): string => typeof v === "number" ? (v >>> 0 < 10 ? String(v >>> 0) : hex(v)) : String(v);
/** Most bytes or characters of data shown (WriteFile's buffer, a string), before "...". */
const DATA_SHOWN = 48, STRING_SHOWN = 256;

const inside = (g: Uint8Array, p: number, n: number) => p > 0 && p + n <= g.length;
const u16 = (g: Uint8Array, p: number) => g[p] | (g[p + 1] << 8);
const u32 = (g: Uint8Array, p: number) => (g[p] | (g[p + 1] << 8) | (g[p + 2] << 16) | (g[p + 3] << 24)) >>> 0;
const i64 = (g: Uint8Array, p: number) => (BigInt(u32(g, p + 4) | 0) << 32n) | BigInt(u32(g, p));

function stringAt(g: Uint8Array, p: number, wide: boolean): string {
  if (!p) return "NULL";
  if (!inside(g, p, 1)) return hex(p);
  let end = p;
  const limit = Math.min(g.length, p + STRING_SHOWN * (wide ? 2 : 1));
  if (wide) {
    while (end + 1 < limit && (g[end] | g[end + 1])) end += 2;
    return `L${JSON.stringify(decodeUtf16(g, p, (end - p) >> 1))}${end + 1 < limit ? "" : "..."}`;
  }
  while (end < limit && g[end]) end++;
  return `${JSON.stringify(decodeUtf8(g, p, end))}${end < limit ? "" : "..."}`;
}

/** A UNICODE_STRING { USHORT Length, MaximumLength; PWSTR Buffer }: its characters. */
function unicodeString(g: Uint8Array, p: number): string {
  if (!p) return "NULL";
  if (!inside(g, p, 8)) return hex(p);
  const chars = Math.min(u16(g, p) >> 1, STRING_SHOWN), buf = u32(g, p + 4);
  if (!buf) return "NULL";
  if (!inside(g, buf, chars * 2)) return hex(p);
  return `L${JSON.stringify(decodeUtf16(g, buf, chars))}`;
}

/** A value of a named set: the one name equal to it, or (flags) the names whose bits it has, and the rest in hex. */
function named(set: string, v: number, flags: boolean, signed: boolean): string {
  const pairs = abi.TRACE_SETS[set] ?? [];
  const u = v >>> 0;
  for (const [x, n] of pairs) if (x === u) return n;
  if (!flags) return signed ? String(v | 0) : small(u);
  if (u === 0) return "0";
  let left = u;
  const names: string[] = [];
  for (const [x, n] of pairs) {
    if (x === 0 || x === 0xffffffff || ((u & x) >>> 0) !== x || !(left & x)) continue;
    names.push(n);
    left = (left & ~x) >>> 0;
  }
  if (left) names.push(hex(left));
  return names.join("|");
}

/** A kernel32 wait's result. */
function waitResult(r: number): string {
  const u = r >>> 0;
  if (u < 64) return u ? `WAIT_OBJECT_0+${u}` : "WAIT_OBJECT_0";
  if (u >= 0x80 && u < 0xc0) return u > 0x80 ? `WAIT_ABANDONED_0+${u - 0x80}` : "WAIT_ABANDONED";
  if (u === 0xc0) return "WAIT_IO_COMPLETION";
  if (u === 0x102) return "WAIT_TIMEOUT";
  if (u === 0xffffffff) return "WAIT_FAILED";
  return hex(u);
}

/** An NT wait's status. */
function ntWaitResult(r: number): string {
  const u = r >>> 0;
  if (u < 64) return u ? `STATUS_WAIT_0+${u}` : "STATUS_WAIT_0";
  if (u >= 0x80 && u < 0xc0) return u > 0x80 ? `STATUS_ABANDONED_WAIT_0+${u - 0x80}` : "STATUS_ABANDONED_WAIT_0";
  return abi.STATUS_NAMES[u] ?? hex(u);
}

/** A scalar shown as `show` says (abi/types.ts Show); `signed` for i32 parameters and LONG/int results. */
function scalar(show: string, v: number, signed: boolean): string {
  switch (show) {
    case "dec": return signed ? String(v | 0) : String(v >>> 0);
    case "bool": return v === 0 ? "FALSE" : v === 1 ? "TRUE" : String(v);
    case "handle": case "ptr": return v ? hex(v) : "NULL";
    case "ms": return v >>> 0 === 0xffffffff ? "INFINITE" : String(v >>> 0);
    case "error": return abi.ERROR_NAMES[v >>> 0] ?? String(v >>> 0);
    case "status": return abi.STATUS_NAMES[v >>> 0] ?? hex(v);
    case "wait": return waitResult(v);
    case "ntwait": return ntWaitResult(v);
  }
  if (show.startsWith("flags:")) return named(show.slice(6), v, true, signed);
  if (show.startsWith("enum:")) return named(show.slice(5), v, false, signed);
  return small(v);
}

/**
 * Parameter `i` of a call, shown. `after`: the call has returned (`ok`: without failing), so what it
 * wrote through an out parameter shows as [value]; before it, and after a failure, the address.
 */
function param(info: abi.SyscallInfo, i: number, args: number[], g: Uint8Array, after: boolean, ok: boolean): string {
  const show = info.show[i], v = args[i] ?? 0, p = v >>> 0;
  const colon = show.indexOf(":");
  const kind = colon < 0 ? show : show.slice(0, colon);
  switch (kind) {
    case "wstr": case "astr": return stringAt(g, p, kind === "wstr");
    case "oa": {
      if (!p) return "NULL";
      if (!inside(g, p, 16)) return hex(p);
      const root = u32(g, p + 4), name = u32(g, p + 8);
      return `{${root ? `${hex(root)}, ` : ""}${unicodeString(g, name)}}`;
    }
    case "ustr": return unicodeString(g, p);
    case "i64": return !p ? "NULL" : inside(g, p, 8) ? `[${i64(g, p)}]` : hex(p);
    case "out": {
      if (!p) return "NULL";
      const what = show.slice(4), n = what === "i64" ? 8 : 4;
      if (!after || !ok || !inside(g, p, n)) return hex(p);
      return `[${what === "i64" ? i64(g, p) : what === "handle" ? hex(u32(g, p)) : u32(g, p)}]`;
    }
    case "handles": case "bytes": case "wchars": {
      if (!p) return "NULL";
      const count = (args[Number(show.slice(colon + 1))] ?? 0) >>> 0;
      const unit = kind === "bytes" ? 1 : kind === "wchars" ? 2 : 4;
      const shown = Math.min(count, kind === "handles" ? 64 : DATA_SHOWN);
      if (!inside(g, p, shown * unit)) return hex(p);
      const more = count > shown ? "..." : "";
      if (kind === "handles") return `[${Array.from({ length: shown }, (_, j) => hex(u32(g, p + 4 * j))).join(", ")}${more ? ", ..." : ""}]`;
      const text = kind === "bytes" ? decodeUtf8(g, p, p + shown) : decodeUtf16(g, p, shown);
      return `${kind === "wchars" ? "L" : ""}${JSON.stringify(text)}${more}`;
    }
  }
  return scalar(show, v, info.kinds[i] === "i32");
}

/** Whether this call can wait: its timeout (or GetOverlappedResult's bWait) is not 0; an NT timeout pointer is NULL or not 0. */
function blocksNow(info: abi.SyscallInfo, args: number[], guest: () => Uint8Array): boolean {
  const b = info.blocks;
  if (typeof b === "boolean") return b;
  const v = (args[b] ?? 0) >>> 0;
  if (info.kinds[b] !== "in") return v !== 0;
  const g = guest();
  return !v || !inside(g, v, 8) || (u32(g, v) | u32(g, v + 4)) !== 0;
}

/** SYSCALL_INFO by "module.name". */
const INFO = new Map(abi.SYSCALL_INFO.map((s) => [`${s.module}.${s.name}`, s]));

/** The guest's imports with every call wrapped to report its arguments and result (`t.emit`, JSON). */
export function traceImports(imports: GuestImports, t: TraceTarget): GuestImports {
  const pid = ((imports.kernel32?.GetCurrentProcessId as (() => number) | undefined)?.() ?? 0) >>> 0;
  const tid = t.tid >>> 0;
  const send = (e: Omit<TraceEvent, "pid" | "tid">) => t.emit(JSON.stringify({ ...e, pid, tid }));
  const traced: GuestImports = {};
  for (const [module, fns] of Object.entries(imports)) {
    traced[module] = { ...fns };
    for (const [name, fn] of Object.entries(fns)) {
      if (typeof fn !== "function") continue;
      const info = INFO.get(`${module}.${name}`);
      traced[module][name] = info ? syscall(info, fn, send, t) : other(`${module}.${name}`, fn, send);
    }
  }
  return traced;
}

type Send = (e: Omit<TraceEvent, "pid" | "tid">) => void;

function syscall(info: abi.SyscallInfo, fn: Function, send: Send, t: TraceTarget): Function {
  const { name } = info;
  const shownArgs = (args: number[], after: boolean, ok: boolean) => {
    const g = t.guest();
    return info.show.map((_, i) => param(info, i, args, g, after, ok));
  };
  return (...args: number[]) => {
    const blocking = blocksNow(info, args, () => t.guest());
    const t0 = now();
    if (blocking) send({ ph: "s", ts: t0, fn: name, args: shownArgs(args, false, false) });
    let r: unknown;
    try { r = fn(...args); }
    catch (e) { // it ended the thread (ExitThread, ExitProcess) or the thread was killed in it
      const t1 = now();
      if (blocking) send({ ph: "e", ts: t1, fn: name, r: "?", end: true });
      else send({ ph: "c", ts: t0, dur: t1 - t0, fn: name, args: shownArgs(args, true, false), r: "?", end: true });
      throw e;
    }
    const t1 = now();
    const failed = info.fails !== null && typeof r === "number" && r >>> 0 === info.fails;
    let err: string | undefined;
    if (failed) { const e = t.lastError() >>> 0; err = abi.ERROR_NAMES[e] ?? String(e); }
    else if (info.result === "NTSTATUS" && typeof r === "number" && r >>> 0 >= 0x80000000) err = abi.STATUS_NAMES[r >>> 0] ?? hex(r);
    const shown = info.result === "void" ? undefined
      : typeof r === "bigint" ? String(r)
      : info.shows === "handle" && failed && info.fails === 0xffffffff ? "INVALID_HANDLE_VALUE"
      : info.shows === "dec" && failed && info.fails === 0xffffffff ? "-1"
      : scalar(info.shows, r as number, info.result === "LONG" || info.result === "int");
    const v = typeof r === "bigint" ? String(r) : typeof r === "number" ? (info.result === "LONG" || info.result === "int" ? r | 0 : r >>> 0) : undefined;
    if (blocking) send({ ph: "e", ts: t1, fn: name, r: shown, v, err });
    else send({ ph: "c", ts: t0, dur: t1 - t0, fn: name, args: shownArgs(args, true, err === undefined), r: shown, v, err });
    return r;
  };
}

/** WASI and any other import: arguments as numbers, the result an errno. */
function other(fn: string, f: Function, send: Send): Function {
  const blocking = WASI_BLOCKING.has(fn.slice(fn.indexOf(".") + 1));
  return (...args: unknown[]) => {
    const shownArgs = args.map(small);
    const t0 = now();
    if (blocking) send({ ph: "s", ts: t0, fn, args: shownArgs });
    let r: unknown;
    try { r = f(...args); }
    catch (e) {
      const t1 = now();
      if (blocking) send({ ph: "e", ts: t1, fn, r: "?", end: true });
      else send({ ph: "c", ts: t0, dur: t1 - t0, fn, args: shownArgs, r: "?", end: true });
      throw e;
    }
    const t1 = now();
    const shown = r === undefined ? undefined : typeof r === "number" ? String(r) : String(r);
    const err = typeof r === "number" && r !== 0 ? `E${WASI_ERRNO[r] ?? r}` : undefined;
    const v = typeof r === "number" ? r : r === undefined ? undefined : String(r);
    if (blocking) send({ ph: "e", ts: t1, fn, r: shown, v, err });
    else send({ ph: "c", ts: t0, dur: t1 - t0, fn, args: shownArgs, r: shown, v, err });
    return r;
  };
}
