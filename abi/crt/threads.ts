// C-runtime Win32 functions: threads. See abi/crt/types.ts.
import { crt, type CrtFunction } from "./types.ts";

export const THREADS: CrtFunction[] = [
];
