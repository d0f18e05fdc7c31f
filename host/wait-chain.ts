// Wait chains as the host reads them (Kernel.waitChain): ntw_wait_chain's NTW_WAIT_NODE records
// (kernel/nt/waitchain.ts, guests/include/ntwasm/waitchain.h) decoded into objects.
import * as abi from "./generated/abi.ts";

export type WaitNodeType =
  | "thread" | "critical section" | "mutex" | "thread join" | "process join" | "event" | "semaphore" | "timer" | "SRW lock"
  | "condition variable" | "address" | "init once" | "barrier" | "pipe" | "console" | "completion port" | "service"
  | "service call" | "keyed event" | "file" | "unknown";

const TYPES: Record<number, WaitNodeType> = {
  [abi.NTW_WCT_THREAD]: "thread", [abi.NTW_WCT_CRITICAL_SECTION]: "critical section", [abi.NTW_WCT_MUTEX]: "mutex",
  [abi.NTW_WCT_THREAD_WAIT]: "thread join", [abi.NTW_WCT_PROCESS_WAIT]: "process join", [abi.NTW_WCT_EVENT]: "event",
  [abi.NTW_WCT_SEMAPHORE]: "semaphore", [abi.NTW_WCT_TIMER]: "timer", [abi.NTW_WCT_SRWLOCK]: "SRW lock",
  [abi.NTW_WCT_CONDITION_VARIABLE]: "condition variable", [abi.NTW_WCT_ADDRESS]: "address", [abi.NTW_WCT_INIT_ONCE]: "init once",
  [abi.NTW_WCT_BARRIER]: "barrier", [abi.NTW_WCT_PIPE]: "pipe", [abi.NTW_WCT_CONSOLE]: "console",
  [abi.NTW_WCT_COMPLETION_PORT]: "completion port", [abi.NTW_WCT_SERVICE]: "service", [abi.NTW_WCT_SERVICE_CALL]: "service call",
  [abi.NTW_WCT_KEYED_EVENT]: "keyed event", [abi.NTW_WCT_FILE]: "file", [abi.NTW_WCT_UNKNOWN]: "unknown",
};

export interface WaitThreadNode {
  type: "thread";
  pid: number;
  tid: number;
  blocked: boolean;
  /** Milliseconds its wait has left; Infinity when it has no end (or the thread is suspended). */
  timeoutMs: number;
  suspended: boolean;
  alertable: boolean;
  waitAll: boolean;
  ioWorker: boolean;
  /** Only another thread can end its wait: no timeout, armed timer or console input. */
  forever: boolean;
}
export interface WaitObjectNode {
  type: Exclude<WaitNodeType, "thread">;
  /** "owned", "not owned" or "abandoned" for mutexes and critical sections, else "unknown". */
  status: "owned" | "not owned" | "abandoned" | "unknown";
  /**
   * The thread whose progress the wait depends on: a mutex's or critical section's owner, the thread a
   * join waits for (a process join: that process's oldest thread); 0 when none.
   */
  ownerPid: number;
  ownerTid: number;
  /** The chain goes on with that thread (the next thread node is it). */
  next: boolean;
  signaled: boolean;
  /** A handle to it in the waiting thread's process (0: none). */
  handle: number;
  /** The guest address of a user-mode lock (critical section, SRW lock...), else 0. */
  address: number;
  name: string;
}
export type WaitNode = WaitThreadNode | WaitObjectNode;
export interface WaitChain {
  nodes: WaitNode[];
  /** The chain came back to a thread already in it (its last node): a deadlock. */
  cycle: boolean;
}

/** The cycle a chain ends in: its nodes from the thread node its last one repeats (that last one left out); null when none. */
export function cycleNodes(chain: WaitChain): WaitNode[] | null {
  if (!chain.cycle) return null;
  const last = chain.nodes[chain.nodes.length - 1];
  if (last?.type !== "thread") return null;
  return chain.nodes.slice(chain.nodes.findIndex((n) => n.type === "thread" && n.tid === last.tid), -1);
}

/** The thread ids of a cycle, in chain order. */
export const cycleThreads = (nodes: WaitNode[]): number[] => nodes.flatMap((n) => (n.type === "thread" ? [n.tid] : []));

/** One key for a cycle whichever of its threads the chain started from. */
export const cycleKey = (tids: number[]): string => [...tids].sort((a, b) => a - b).join(",");

const STATUS: Record<number, WaitObjectNode["status"]> = {
  [abi.NTW_WCT_STATUS_OWNED]: "owned", [abi.NTW_WCT_STATUS_NOT_OWNED]: "not owned", [abi.NTW_WCT_STATUS_ABANDONED]: "abandoned",
};

/** Decodes `count` nodes at `at` in kernel memory. */
export function decodeWaitChain(memory: ArrayBufferLike, at: number, result: number): WaitChain {
  const v = new DataView(memory);
  const count = Math.min(result & ~abi.NTW_WCT_CYCLE, abi.NTW_WCT_MAX_NODES);
  const nodes: WaitNode[] = [];
  for (let i = 0; i < count; i++) {
    const p = at + i * abi.NTW_WCT_NODE_SIZE;
    const u = (o: number) => v.getUint32(p + o, true);
    const type = TYPES[u(0)] ?? "unknown", flags = u(20);
    if (type === "thread") {
      nodes.push({
        type, pid: u(8), tid: u(12), blocked: u(4) === abi.NTW_WCT_STATUS_BLOCKED,
        timeoutMs: u(16) === abi.INFINITE ? Infinity : u(16), suspended: (flags & abi.NTW_WCT_FLAG_SUSPENDED) !== 0,
        alertable: (flags & abi.NTW_WCT_FLAG_ALERTABLE) !== 0, waitAll: (flags & abi.NTW_WCT_FLAG_WAIT_ALL) !== 0,
        ioWorker: (flags & abi.NTW_WCT_FLAG_IO_WORKER) !== 0, forever: (flags & abi.NTW_WCT_FLAG_FOREVER) !== 0,
      });
      continue;
    }
    let name = "";
    for (let c = 0; c < 64; c++) {
      const ch = v.getUint16(p + 32 + 2 * c, true);
      if (!ch) break;
      name += String.fromCharCode(ch);
    }
    nodes.push({
      type, status: STATUS[u(4)] ?? "unknown", ownerPid: u(8), ownerTid: u(12), signaled: (flags & abi.NTW_WCT_FLAG_SIGNALED) !== 0,
      next: (flags & abi.NTW_WCT_FLAG_NEXT) !== 0, handle: u(24), address: u(28), name,
    });
  }
  return { nodes, cycle: (result & abi.NTW_WCT_CYCLE) !== 0 };
}
