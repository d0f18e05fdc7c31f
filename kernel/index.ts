// kernel.wasm: the guest-facing syscalls (named as in abi/syscalls/) and the host's ntw_* calls.
export * from "./win32/index";
export * from "./host";
export * from "./nt/workerpool";
export * from "./snapshot";
export { ntw_check } from "./check";
