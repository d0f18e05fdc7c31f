// The little language the syscall table is written in: parameter kinds and entry builders.
import type { Param, Result, Syscall } from "../types.ts";

export const handle = (name: string, ctype = "HANDLE"): Param => ({ name, kind: "handle", ctype });
export const u32 = (name: string, ctype = "DWORD"): Param => ({ name, kind: "u32", ctype });
export const i32 = (name: string, ctype = "BOOL"): Param => ({ name, kind: "i32", ctype });
export const ptr = (name: string, ctype: string): Param => ({ name, kind: "ptr", ctype });
export const sa = (name = "lpAttributes"): Param => ({ name, kind: "sa", ctype: "LPSECURITY_ATTRIBUTES" });
export const wstr = (name = "lpName"): Param => ({ name, kind: "wstr", ctype: "LPCWSTR" });
export const astr = (name = "lpName"): Param => ({ name, kind: "astr", ctype: "LPCSTR" });
export const out = (name: string, ctype: string, len = "4", max = 4): Param => ({ name, kind: "out", ctype, len, max });
/** POBJECT_ATTRIBUTES (NT native calls): validated and copied in by the host, see ParamKind "oa". */
export const oa = (name = "ObjectAttributes"): Param => ({ name, kind: "oa", ctype: "POBJECT_ATTRIBUTES" });
/** A UNICODE_STRING in (kind "ustr") or in and out (kind "ustrout"). */
export const ustr = (name: string, ctype = "PUNICODE_STRING"): Param => ({ name, kind: "ustr", ctype });
export const ustrOut = (name: string, ctype = "PUNICODE_STRING"): Param => ({ name, kind: "ustrout", ctype });
/** An out buffer whose guest address the kernel also gets (kind "outp"). */
export const outAt = (name: string, ctype: string, len: string, max: number): Param => ({ name, kind: "outp", ctype, len, max });
export const inBuf = (name: string, ctype: string, len: string, max: number): Param => ({ name, kind: "in", ctype, len, max });

/**
 * Marks a pointer parameter that may be NULL (see Param.optional): the kernel gets 0 for it and checks.
 * Every other in/out pointer is required: a NULL one with a non-zero length fails before the kernel.
 */
export const opt = (p: Param): Param => ({ ...p, optional: true });

export type Entry = Omit<Syscall, "module" | "impl"> & Partial<Pick<Syscall, "module" | "impl">>;
export const call = (nr: number, name: string, result: Result, params: Param[], doc: string, extra: Partial<Syscall> = {}): Entry =>
  ({ nr, name, result, params, doc, ...extra });

/** W and A forms of a named-object call: same kernel export, the A form converts its string. */
export function wa(nrW: number, base: string, result: Result, params: (str: Param) => Param[], doc: string): Entry[] {
  return [
    call(nrW, `${base}W`, result, params(wstr()), doc),
    call(nrW + 1, `${base}A`, result, params(astr()), `ANSI (UTF-8) form of ${base}W.`, { kernel: `${base}W` }),
  ];
}

export const WAIT_FAILED = 0xffffffff;
