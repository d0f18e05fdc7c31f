// Every Win32 function the C SDK implements in the guest, one file per area (abi/crt/types.ts).
import type { CrtFunction } from "./types.ts";
import { CONSOLE } from "./console.ts";
import { ERRORS } from "./errors.ts";
import { FILES } from "./files.ts";
import { IOCOMPLETION } from "./iocompletion.ts";
import { MEMORY } from "./memory.ts";
import { MODULES } from "./modules.ts";
import { NTDLL } from "./ntdll.ts";
import { STRINGS } from "./strings.ts";
import { SYSTEM } from "./system.ts";
import { THREADS } from "./threads.ts";
import { THREADPOOL } from "./threadpool.ts";

export const CRT: CrtFunction[] = [...MODULES, ...MEMORY, ...STRINGS, ...SYSTEM, ...FILES, ...THREADS, ...ERRORS, ...NTDLL, ...IOCOMPLETION, ...THREADPOOL, ...CONSOLE];
