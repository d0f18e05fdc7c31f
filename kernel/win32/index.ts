// Every guest-facing kernel export. The generated dispatch (kernel/generated/abi.ts) calls these by
// the names in abi/syscalls/, so a missing or mis-typed one fails the build.
export * from "./lasterror";
export * from "./handle";
export * from "./event";
export * from "./mutex";
export * from "./semaphore";
export * from "./wait";
export * from "./thread";
export * from "./console";
export * from "./ntdll";
export * from "./ntobject";
export * from "./ntfile";
export * from "./ntsymlink";
export * from "./ntkeyedevent";
export * from "./ntwasm";
export * from "./tls";
export * from "./usermode";
export * from "./time";
export * from "./process";
export * from "./pipe";
export * from "./file";
export * from "./io";
export * from "./iocompletion";
export * from "./service";
