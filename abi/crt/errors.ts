// C-runtime Win32 functions: how a program ends abnormally (guests/c/runtime/kernel32/exception.c).
import { crt, type CrtFunction } from "./types.ts";

export const ERRORS: CrtFunction[] = [
  crt("RaiseException", "void", "DWORD dwExceptionCode, DWORD dwExceptionFlags, DWORD nNumberOfArguments, const ULONG_PTR *lpArguments",
    "kernel32/exception.c",
    "Nothing can catch it (Wasm has no structured exception handling): the process ends with the exception code as its " +
    "exit code, as an unhandled exception ends it on Windows."),
];
