// ntwasm for Node: boot a kernel, run guests. `import { boot } from "ntwasm"`.
import { Kernel, type BootOptions } from "./kernel.ts";
import { nodePlatform } from "./node/platform.ts";

export { Kernel, GuestError, type BootOptions, type MemoryStats, type ProcessInfo, type DirectoryEntry } from "./kernel.ts";
export { GuestProcess, type SpawnOptions, type ProcessExit } from "./process.ts";
export { GuestLinkError } from "./guest-imports.ts";
export { TraceAreaError, type TraceOptions } from "./trace-output.ts";
export { FsError, type FileBackend, type FileStat, type FsErrorCode } from "./files/backend.ts";
export type { DirMount } from "./files/mounts.ts";
export type { Quotas } from "./quotas.ts";
export type { TerminalSize } from "./protocol.ts";
export { defaultEnvironment } from "./environment.ts";
export type { KernelSnapshot, ObjectInfo, ProcessSnapshot, ThreadSnapshot, HandleInfo, WaitEdge } from "./snapshot.ts";
export type { WaitChain, WaitNode, WaitNodeType, WaitObjectNode, WaitThreadNode } from "./wait-chain.ts";
export { watchDeadlocks, type WaitReport } from "./deadlock.ts";
export { KernelFailedError, KernelShutDownError } from "./kernel-fault.ts";
export * as abi from "./generated/abi.ts";

/** Boots a kernel on this Node process. */
export function boot(options: BootOptions = {}): Promise<Kernel> {
  return Kernel.boot(nodePlatform, options);
}
