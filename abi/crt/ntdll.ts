// C-runtime ntdll functions: the Rtl string helpers the NT native calls take their names from.
import { crt, type CrtFunction } from "./types.ts";

export const NTDLL: CrtFunction[] = [
  crt("RtlInitUnicodeString", "VOID", "PUNICODE_STRING DestinationString, PCWSTR SourceString", "ntdll/unicode.c",
    "Points the UNICODE_STRING at a NUL-terminated string (not copied): Length its bytes without the NUL, MaximumLength " +
    "with it; a NULL string gives 0, 0, NULL.", "ntdll"),
];
