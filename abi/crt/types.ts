// Win32 functions the C SDK implements inside the guest (guests/c/runtime/): they are not imports and
// have no syscall number, but they are part of the Win32 surface like the syscalls. The generator
// declares them in the C header (ntwasm/abi.h), gives every W/A pair its generic name, lists them
// for GetProcAddress and in docs/abi.md.

export interface CrtFunction {
  name: string;
  /** The DLL a Windows program finds it in (GetProcAddress(GetModuleHandle("kernel32"), name)). */
  module: "kernel32" | "user32" | "ntdll";
  /** C result type as spelled in the prototype ("LPVOID", "BOOL", "int"). */
  result: string;
  /** C parameter list as spelled in the prototype ("HANDLE hHeap, DWORD dwFlags, SIZE_T dwBytes"), "" for none. */
  params: string;
  /** Where it lives: the runtime source file, relative to guests/c/runtime/. */
  file: string;
  doc: string;
}

/** One entry: crt("HeapAlloc", "LPVOID", "HANDLE hHeap, DWORD dwFlags, SIZE_T dwBytes", "kernel32/heap.c", "...") */
export const crt = (name: string, result: string, params: string, file: string, doc: string,
  module: CrtFunction["module"] = "kernel32"): CrtFunction => ({ name, module, result, params, file, doc });
