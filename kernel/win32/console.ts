// kernel32 standard handles. The text itself is written by the host (host/syscalls/console.ts),
// which asks the kernel which stream a handle is through ntw_console_stream.
import { currentThread } from "../lib/tls";
import { Process } from "../objects/process";
import { Thread } from "../objects/thread";
import { failStatus } from "./result";
import { STATUS_INVALID_HANDLE, STD_ERROR_HANDLE, STD_INPUT_HANDLE, STD_OUTPUT_HANDLE } from "../generated/abi";

export function GetStdHandle(nStdHandle: u32): u32 {
  const p = changetype<Process>(changetype<Thread>(currentThread).process);
  if (nStdHandle == STD_INPUT_HANDLE) return p.stdIn;
  if (nStdHandle == STD_OUTPUT_HANDLE) return p.stdOut;
  if (nStdHandle == STD_ERROR_HANDLE) return p.stdErr;
  failStatus(STATUS_INVALID_HANDLE);
  return 0xffffffff; // INVALID_HANDLE_VALUE
}
