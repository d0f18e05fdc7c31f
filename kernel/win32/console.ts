// kernel32 standard handles. The text itself is written by the host (host/syscalls/console.ts),
// which asks the kernel which stream a handle is through ntw_console_stream.
import { currentThread } from "../lib/tls";
import { Process } from "../objects/process";
import { Thread } from "../objects/thread";
import { boolResult, failStatus } from "./result";
import { ntConsoleAttributes, ntConsolePiped, ntFlushConsoleInput, ntGetConsoleMode, ntReadConsole, ntSetConsoleMode } from "../nt/console";
import { ntSuccess } from "../nt/status";
import { result } from "../lib/tls";
import { STATUS_INVALID_HANDLE, STD_ERROR_HANDLE, STD_INPUT_HANDLE, STD_OUTPUT_HANDLE } from "../generated/abi";

export function GetStdHandle(nStdHandle: u32): u32 {
  const p = changetype<Process>(changetype<Thread>(currentThread).process);
  if (nStdHandle == STD_INPUT_HANDLE) return p.stdIn;
  if (nStdHandle == STD_OUTPUT_HANDLE) return p.stdOut;
  if (nStdHandle == STD_ERROR_HANDLE) return p.stdErr;
  failStatus(STATUS_INVALID_HANDLE);
  return 0xffffffff; // INVALID_HANDLE_VALUE
}

export function SetStdHandle(nStdHandle: u32, hHandle: u32): i32 {
  const p = changetype<Process>(changetype<Thread>(currentThread).process);
  if (nStdHandle == STD_INPUT_HANDLE) p.stdIn = hHandle;
  else if (nStdHandle == STD_OUTPUT_HANDLE) p.stdOut = hHandle;
  else if (nStdHandle == STD_ERROR_HANDLE) p.stdErr = hHandle;
  else { failStatus(STATUS_INVALID_HANDLE); return 0; }
  return 1;
}

/**
 * The host's ReadConsoleW/A and ReadFile on the console input: up to `max` bytes of input (UTF-8) into
 * `dst` (kernel memory), one line at most when `line`; the count (0 at the end of input), or -1 with
 * the last error set.
 */
export function ntw_console_read(h: u32, dst: usize, max: u32, line: i32): i32 {
  const st = ntReadConsole(h, dst, max, line != 0);
  if (!ntSuccess(st)) { failStatus(st); return -1; }
  return <i32>result;
}

/** 1 when `h` is an input console fed by no terminal: the host's ReadFile then takes input as it comes, without "\r\n". */
export function ntw_console_piped(h: u32): i32 {
  return ntConsolePiped(h) ? 1 : 0;
}

export function GetConsoleMode(hConsoleHandle: u32, lpMode: usize): i32 { return boolResult(ntGetConsoleMode(hConsoleHandle, lpMode)); }

export function SetConsoleMode(hConsoleHandle: u32, dwMode: u32): i32 { return boolResult(ntSetConsoleMode(hConsoleHandle, dwMode)); }

export function FlushConsoleInputBuffer(hConsoleInput: u32): i32 { return boolResult(ntFlushConsoleInput(hConsoleInput)); }

/**
 * The host's SetConsoleTextAttribute and GetConsoleScreenBufferInfo: the text attributes of output
 * console `h`, set to `attr` first when it is 0..0xFFFF; -1 with the last error set.
 */
export function ntw_console_attributes(h: u32, attr: i32): i32 {
  const r = ntConsoleAttributes(h, attr);
  if (r < 0) failStatus(<u32>result);
  return r;
}
