// kernel32 GetLastError / SetLastError: the last-error lives in the calling thread's record.
import { currentThread } from "../lib/tls";
import { Thread } from "../objects/thread";

export function GetLastError(): u32 { return changetype<Thread>(currentThread).lastError; }
export function SetLastError(dwErrCode: u32): void { changetype<Thread>(currentThread).lastError = dwErrCode; }
