// Process: a guest program instance with its own handle table and threads. Signaled once its last
// thread has ended.
import { ObjectHeader } from "../ob/object";
import { kfree } from "../lib/alloc";
import { root } from "../lib/root";
import { chargeProcessGone } from "../ob/charge";
import { HANDLE_ENTRY_SIZE, PROCESS_EXITED, STACK_RECORD_SIZE, TLS_SLOTS } from "../lib/layout";

@unmanaged
export class Process extends ObjectHeader {
  pid: u32;
  state: u32; // PROCESS_ALIVE / PROCESS_EXITED
  exitCode: u32;
  exiting: u32; // ExitProcess was called: exitCode is final
  table: usize; // handle entries
  cap: u32; // entries allocated
  top: u32; // entries ever used
  freeHead: u32; // index + 1 of the first free entry, 0 when none
  count: u32; // open handles
  threadCount: u32; // threads not yet exited
  threadHead: usize;
  mainTid: u32; // its first thread's id (wait-chain reports call it "main")
  stdIn: u32;
  stdOut: u32;
  stdErr: u32;
  tlsBits: usize; // allocated TLS indexes (TLS_SLOTS bits), allocated on first TlsAlloc
  stackFree: usize; // stacks of ended threads, for the next CreateThread (STACK_RECORD_SIZE records)
  allNext: usize; // every live process record (root().processList), for OpenProcess
  allPrev: usize;
  env: usize; // environment block: UTF-16 "NAME=VALUE\0" entries (kernel memory)
  envChars: u32; // chars used in env
  envCap: u32; // chars allocated
  cmdlineW: u32; // GetCommandLineW / A: guest addresses the host wrote the command line at
  cmdlineA: u32;
  cwd: usize; // current directory (objects/file.ts strings): a full Windows path, UTF-16; 0 for the default C:\
  cwdLen: u32;
  ioHead: usize; // overlapped I/O requests not finished yet (objects/iorequest.ts), FIFO
  ioTail: usize;
  ioReady: usize; // auto-reset Event the process's I/O workers sleep on while no request is queued
  ioIdle: u32; // I/O workers waiting for a request
  priorityClass: u32; // SetPriorityClass's value, 0 for the default NORMAL_PRIORITY_CLASS: recorded and returned
  svcStaged: u32; // bytes its service calls have staged in kernel memory (objects/servicerequest.ts), at most SVC_PROCESS_QUOTA
  poolThreads: u32; // threads handed to host workers (nt/workerpool.ts): the host waits for each one's end report
  guestThreads: u32; // threadCount less its I/O workers: what the threads quota bounds (lib/quota.ts)
  charge: usize; // the Charge its objects count against (ob/charge.ts), made with its first charged object
}


export function processSignaled(p: Process): bool { return p.state == PROCESS_EXITED; }

export function processDestroy(p: Process): void {
  if (p.table) kfree(p.table, <usize>p.cap * HANDLE_ENTRY_SIZE);
  if (p.tlsBits) kfree(p.tlsBits, TLS_SLOTS >> 3);
  if (p.env) kfree(p.env, <usize>p.envCap << 1);
  if (p.cwd) kfree(p.cwd, <usize>p.cwdLen << 1);
  const r = root();
  if (p.allPrev) changetype<Process>(p.allPrev).allNext = p.allNext;
  else if (r.processList == changetype<usize>(p)) r.processList = p.allNext;
  if (p.allNext) changetype<Process>(p.allNext).allPrev = p.allPrev;
  while (p.stackFree) {
    const s = p.stackFree;
    p.stackFree = load<usize>(s);
    kfree(s, STACK_RECORD_SIZE);
  }
  chargeProcessGone(p);
  root().liveProcesses--;
}
