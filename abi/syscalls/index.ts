// THE syscall table: every entry point a guest can import, one file per area. Numbers are stable
// forever; add new entries at the end of their block and never renumber. `npm run gen` turns this
// into the kernel's constants and dispatch, the host's bindings, the guest headers and docs/abi.md.
import type { Syscall } from "../types.ts";
import { CORE } from "./core.ts";
import { FILES } from "./files.ts";
import { IOCOMPLETION } from "./iocompletion.ts";
import { NTDLL } from "./ntdll.ts";
import { NTFILE } from "./ntfile.ts";
import { OVERLAPPED } from "./overlapped.ts";
import { PIPES } from "./pipes.ts";
import { PROCESSES } from "./processes.ts";
import { SERVICES } from "./services.ts";
import { THREADS } from "./threads.ts";
import { TIME } from "./time.ts";
import { USERMODE } from "./usermode.ts";
import { DEBUG } from "./debug.ts";
import type { Entry } from "./params.ts";

const entries: Entry[] = [...CORE, ...THREADS, ...TIME, ...USERMODE, ...PROCESSES, ...PIPES, ...FILES, ...OVERLAPPED, ...NTDLL, ...NTFILE, ...SERVICES, ...IOCOMPLETION, ...DEBUG];

export const SYSCALLS: Syscall[] = entries.map((e) => ({ module: "kernel32", impl: "kernel", ...e }));
