// ntwasm's own entry points.
import { ntQueryDirectory } from "../nt/directory";
import { ntWaitChain } from "../nt/waitchain";
import { failStatus } from "./result";
import { ERROR_NOT_SUPPORTED, NTW_WCT_CYCLE, STATUS_SUCCESS } from "../generated/abi";
import { enter } from "../lib/lock";
import { root } from "../lib/root";
import { SetLastError } from "./lasterror";

export function QueryObjectDirectory(lpPath: usize, lpPathLen: i32, dwIndex: u32, lpName: usize, nNameChars: u32,
  lpNameLength: usize, lpTypeId: usize): u32 {
  return ntQueryDirectory(lpPath, lpPathLen, dwIndex, lpName, nNameChars, lpNameLength, lpTypeId);
}

/** NtwGetThreadWaitChain (nt/waitchain.ts): the chain's length and cycle flag go to two out words. */
export function NtwGetThreadWaitChain(ThreadId: u32, NodeCount: u32, NodeInfoArray: usize, ChainLength: usize, IsCycle: usize): i32 {
  const st = ntWaitChain(ThreadId, NodeInfoArray, NodeCount, ChainLength);
  if (st != STATUS_SUCCESS) { failStatus(st); return 0; }
  const n = load<u32>(ChainLength);
  store<u32>(ChainLength, n & ~NTW_WCT_CYCLE);
  if (IsCycle) store<u32>(IsCycle, n & NTW_WCT_CYCLE ? 1 : 0);
  return 1;
}

/**
 * NtwInjectKernelFault (tests only): traps inside the kernel with the lock held, as a kernel bug would,
 * so that tests see the host catch it (host/kernel-fault.ts). ERROR_NOT_SUPPORTED unless the host
 * enabled it (boot({ faultInjection: true })).
 */
export function NtwInjectKernelFault(dwKind: u32): i32 {
  const on = root().faultInjection;
  if (!on) { SetLastError(ERROR_NOT_SUPPORTED); return 0; }
  enter();
  const zero = <i32>on - 1; // 0, from memory: the compiler cannot fold the division away
  if (dwKind == 1) unreachable();
  if (dwKind == 2) return load<i32>(<usize>memory.size() << 16); // out of bounds
  return <i32>dwKind / zero; // divide by zero
}
