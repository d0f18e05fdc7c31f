// Process services beyond creation (nt/thread.ts): lookup by id and termination.
import { root } from "../lib/root";
import { Process } from "../objects/process";
import { Thread } from "../objects/thread";
import { processBeginExit, threadKill } from "./thread";

/** The process with id `pid` while its object exists, or null. */
export function processLookup(pid: u32): Process | null {
  for (let p = root().processList; p; p = changetype<Process>(p).allNext) {
    if (changetype<Process>(p).pid == pid) return changetype<Process>(p);
  }
  return null;
}

/**
 * TerminateProcess: every thread of `p` ends with `code` as TerminateThread would end it (waits
 * aborted, mutexes abandoned when each thread exits); the host stops workers still in guest code.
 */
export function processTerminate(p: Process, code: u32): void {
  processBeginExit(p, code);
  for (let t = p.threadHead; t; t = changetype<Thread>(t).procNext) threadKill(changetype<Thread>(t), code);
}
