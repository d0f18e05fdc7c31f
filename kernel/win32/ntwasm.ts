// ntwasm's own entry points.
import { ntQueryDirectory } from "../nt/directory";
import { ntWaitChain } from "../nt/waitchain";
import { failStatus } from "./result";
import { NTW_WCT_CYCLE, STATUS_SUCCESS } from "../generated/abi";

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
