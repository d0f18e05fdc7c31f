// The vocabulary of the syscall table. Every generator reads these kinds; nothing else decides
// how a parameter crosses from guest memory into kernel memory.

/** How one parameter travels from the guest to the kernel. */
export type ParamKind =
  | "handle" // HANDLE: passed as is; the kernel validates it
  | "u32" // DWORD / UINT / flags / access masks / timeouts
  | "i32" // LONG / BOOL
  | "ptr" // guest address the kernel never dereferences (thread start routine, parameter)
  | "sa" // LPSECURITY_ATTRIBUTES: the host reads bInheritHandle; the kernel gets 0/1
  | "wstr" // NUL-terminated UTF-16 string in; the kernel gets (ptr, length in chars), ptr 0 for NULL
  | "astr" // NUL-terminated ANSI (UTF-8) string in; converted to UTF-16, then as wstr
  | "in" // buffer read by the kernel: `len` bytes copied into kernel scratch first
  | "out" // buffer written by the kernel: `len` bytes copied back to the guest after the call
  | "outp" // as "out", and the kernel also gets the guest address: for results that point into themselves
  //          (a UNICODE_STRING whose Buffer follows it in the caller's buffer)
  | "oa" // const OBJECT_ATTRIBUTES *: the host checks it and its UNICODE_STRING and copies the name in;
  //        the kernel gets (RootDirectory, name ptr or 0, name length in chars, Attributes: 0x80000000 for NULL)
  | "ustr" // UNICODE_STRING * in: the host copies it with MaximumLength bytes of its Buffer (host/call-context.ts
  //          unicodeString); the kernel gets the copy (0 for NULL), whose Buffer points at the copied bytes
  | "ustrout"; // as "ustr", and afterwards Length and the bytes the kernel wrote go back (NtQuerySymbolicLinkObject)

export interface Param {
  name: string;
  kind: ParamKind;
  /** C type spelled in the guest header. */
  ctype: string;
  /** For in/out: byte length, a JS expression over earlier parameter names (e.g. "nCount * 4"). */
  len?: string;
  /** For in/out: the most bytes ever copied (the kernel validates the real limit). */
  max?: number;
  /**
   * For in/out/outp/ustr/ustrout: NULL is allowed (Windows allows it, or the kernel decides the error
   * itself) and reaches the kernel as 0, which the kernel checks. Without it a NULL with a non-zero length
   * fails in the shim (ERROR_NOACCESS / STATUS_ACCESS_VIOLATION) and the kernel never sees 0 for it.
   */
  optional?: boolean;
}

/** What the call returns, which also fixes the value returned when a guest pointer is bad. */
export type Result = "BOOL" | "BOOLEAN" | "HANDLE" | "DWORD" | "LONG" | "int" | "ULONGLONG" | "NTSTATUS" | "void";

export interface Syscall {
  nr: number;
  name: string;
  /** Import module the guest names: kernel32 (Win32), ntdll (NT native), ntwasm (our own). */
  module: "kernel32" | "ntdll" | "ntwasm" | "user32";
  params: Param[];
  result: Result;
  /**
   * kernel: implemented by a kernel.wasm export of the same name (or `kernel`), fed by a generated
   * copy shim when any parameter is a pointer, bound straight to the export otherwise.
   * host: implemented in host/syscalls/*.ts because it needs the host (workers, output).
   * user: implemented by an export of the same name of usermode.wasm, the user-mode runtime that
   * works on guest memory (usermode/); it calls the kernel only under contention.
   */
  impl: "kernel" | "host" | "user";
  /** The kernel export that implements this entry when it is shared (A forms use the W export). */
  kernel?: string;
  /** Value for WAIT functions etc. that fail with something other than 0. */
  fail?: number;
  /**
   * An alertable wait: when the kernel returns WAIT_IO_COMPLETION, the generated shim runs the
   * thread's queued user APCs (host/syscalls/apc.ts) before returning to the guest.
   */
  alertable?: boolean;
  /**
   * The C runtime gives this W entry its A twin: a generated thunk (guests/c/runtime/kernel32/
   * athunks.gen.c) that converts each UTF-8 string parameter to UTF-16 and calls the W form, as
   * kernel32's A functions do. For entries whose strings only go in.
   */
  athunk?: boolean;
  /** Never returns (ExitProcess, ExitThread): the C header says so, so `return` after it is not needed. */
  noreturn?: boolean;
  doc: string;
}

/**
 * The areas `ntwasm run --trace=AREAS` selects, as WINEDEBUG channels do (abi/trace.ts puts every
 * syscall in one; "wasi" is the WASI imports').
 */
export type Area = "sync" | "thread" | "process" | "env" | "error" | "handle" | "object" | "time" | "console" | "pipe" |
  "file" | "iocp" | "service" | "debug";

/**
 * How --trace shows a parameter or a result (abi/trace.ts; host/trace.ts renders them). Parameters default
 * by kind: handles hex (NULL for 0), u32 hex, BOOL/BOOLEAN TRUE/FALSE, other i32 decimal, pointers hex
 * (NULL for 0), strings quoted. Results by type: BOOL TRUE/FALSE, HANDLE hex, DWORD/LONG/int decimal,
 * NTSTATUS by name.
 */
export type Show =
  | "hex" | "dec" | "bool" | "handle" | "ptr"
  | "ms" // a timeout in milliseconds: decimal, INFINITE for 0xFFFFFFFF
  | "error" // a Win32 error code by name (ERROR_*)
  | "status" // an NTSTATUS by name (STATUS_*)
  | "wait" // a kernel32 wait's result: WAIT_OBJECT_0+i, WAIT_ABANDONED_0+i, WAIT_IO_COMPLETION, WAIT_TIMEOUT, WAIT_FAILED
  | "ntwait" // an NT wait's status: STATUS_WAIT_0+i, STATUS_ABANDONED_WAIT_0+i, then by name
  | "i64" // a pointer to a LARGE_INTEGER (an NT timeout: negative relative, in 100 ns), shown as [value]
  | "wstr" | "astr" // a NUL-terminated UTF-16 / UTF-8 string at a pointer
  | "oa" // an OBJECT_ATTRIBUTES: its name ({L"\\name"}), with the RootDirectory when there is one
  | "ustr" // a UNICODE_STRING: its characters
  | `out:${"handle" | "dec" | "i64"}` // a 4-byte (8: i64) result the call writes: [value] after it returns
  | `flags:${string}` // a set of abi/trace.ts SETS: A|B|0x8 (an exact name first)
  | `enum:${string}` // one name of a set, or the number
  | `handles:${string}` // an array of handles, counted by the parameter named
  | `bytes:${string}` | `wchars:${string}`; // data, counted in bytes / UTF-16 units by the parameter named

/** Kinds that make a call need a host shim: the kernel cannot read guest memory. */
export const POINTER_KINDS: ReadonlySet<ParamKind> = new Set(["sa", "wstr", "astr", "in", "out", "outp", "oa", "ustr", "ustrout"]);
