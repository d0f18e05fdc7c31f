// ntwasm's own entry points.
import { ntQueryDirectory } from "../nt/directory";

export function QueryObjectDirectory(lpPath: usize, lpPathLen: i32, dwIndex: u32, lpName: usize, nNameChars: u32,
  lpNameLength: usize, lpTypeId: usize): u32 {
  return ntQueryDirectory(lpPath, lpPathLen, dwIndex, lpName, nNameChars, lpNameLength, lpTypeId);
}
