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
  doc: string;
}

/** Kinds that make a call need a host shim: the kernel cannot read guest memory. */
export const POINTER_KINDS: ReadonlySet<ParamKind> = new Set(["sa", "wstr", "astr", "in", "out", "outp", "oa", "ustr", "ustrout"]);
