// Deadlock and wait-chain reports (docs/debugging.md): every thread, the call it is blocked in (told from
// its wait: the objects, wait-all, timeout and alertable flag the kernel recorded), what it waits for and
// who owns that, then each cycle drawn out:
//   thread 40 (main) waits for Mutant "lock-B" owned by thread 44, which waits for Mutant "lock-A" owned by thread 40
// The chains are the kernel's (kernel/nt/waitchain.ts, decoded by wait-chain.ts); this file only words them.
import type { KernelSnapshot } from "./snapshot.ts";
import { cycleKey, cycleNodes, cycleThreads, type WaitChain, type WaitObjectNode, type WaitThreadNode } from "./wait-chain.ts";

export interface WaitReport {
  /** Every live thread is blocked for good: no timeout, timer or input can end any wait. */
  deadlocked: boolean;
  /** Each cycle once, as thread ids in chain order (the first is not repeated at the end). */
  cycles: number[][];
  /** The report, one line per thread and per cycle, ending with a newline. */
  text: string;
}

/** What the report needs of a kernel (Kernel implements it). */
export interface WaitSource {
  snapshot(): KernelSnapshot;
  waitChain(tid: number): WaitChain | null;
  deadlocked(): boolean;
  /** The image name of process `pid` ("deadlock.exe"), when the host knows it. */
  processName(pid: number): string | undefined;
}

const KERNEL_TYPE: Partial<Record<WaitObjectNode["type"], string>> = {
  mutex: "Mutant", event: "Event", semaphore: "Semaphore", timer: "Timer", "thread join": "Thread", "process join": "Process",
  pipe: "NamedPipe", console: "Console", "completion port": "IoCompletion", service: "Service", "service call": "ServiceRequest",
  "keyed event": "KeyedEvent", file: "File", unknown: "object",
};

const hex = (v: number) => "0x" + (v >>> 0).toString(16);

/** The thread's label: "thread 40 (main)". */
function threadLabel(tid: number, main: Set<number>): string { return `thread ${tid}${main.has(tid) ? " (main)" : ""}`; }

/** An object as the report names it: Mutant "lock-B", Event 0x14 (unnamed: its handle), critical section 0x10a0. */
function objectLabel(o: WaitObjectNode): string {
  const kind = KERNEL_TYPE[o.type];
  if (!kind) return `${o.type} ${hex(o.address)}`;
  if (o.name) return `${kind} "${o.name}"`;
  return o.handle ? `${kind} ${hex(o.handle)}` : `an unnamed ${kind} with no handle in this process`;
}

/** The call a thread is blocked in, told from its wait. */
function callOf(t: WaitThreadNode, objects: WaitObjectNode[]): string {
  if (t.suspended) return "suspended (SuspendThread or CREATE_SUSPENDED)";
  if (!t.blocked) return "running";
  const ms = t.timeoutMs === Infinity ? "INFINITE" : `${t.timeoutMs} ms left`;
  const alert = t.alertable ? ", TRUE" : "";
  const ex = t.alertable ? "Ex" : "";
  if (objects.length === 0) return t.alertable ? `SleepEx(${ms}, TRUE)` : `Sleep(${ms})`;
  if (objects.length > 1) {
    return `WaitForMultipleObjects${ex}(${objects.length}, {${objects.map((o) => hex(o.handle)).join(", ")}}, ${t.waitAll ? "TRUE" : "FALSE"}, ${ms}${alert})`;
  }
  const o = objects[0], at = hex(o.address);
  switch (o.type) {
    case "critical section": return `EnterCriticalSection(${at})`;
    case "SRW lock": return `AcquireSRWLock*(${at})`;
    case "condition variable": return `SleepConditionVariable*(${at}, ${ms})`;
    case "address": return `WaitOnAddress(${at}, ${ms})`;
    case "init once": return `InitOnceExecuteOnce(${at}) while another thread runs it`;
    case "barrier": return `EnterSynchronizationBarrier(${at})`;
    case "pipe": return `a pipe read, write or connect on ${hex(o.handle)}`;
    case "console": return "a console read (waiting for input)";
    case "service": return `SvcAccept(${hex(o.handle)}, ${ms})`;
    case "service call": return `SvcCall (${ms})`;
    case "completion port": return `GetQueuedCompletionStatus${ex}(${hex(o.handle)}, ${ms})`;
    case "keyed event": return `NtWaitForKeyedEvent(${hex(o.handle)}, ${ms})`;
    default: return `WaitForSingleObject${ex}(${hex(o.handle)}, ${ms}${alert})`;
  }
}

/** What `o` is, for the thread's line: Mutant "lock-B", owned by thread 44. */
function objectDetail(o: WaitObjectNode, main: Set<number>): string {
  const label = objectLabel(o);
  if (o.type === "thread join") return `the end of ${threadLabel(o.ownerTid, main)}${o.name ? ` (${label})` : ""}`;
  if (o.type === "process join") return `the end of process ${o.ownerPid || "?"}`;
  if (o.status === "abandoned") return `${label}, abandoned`;
  if (o.ownerTid) return `${label}, owned by ${threadLabel(o.ownerTid, main)}`;
  return o.signaled ? `${label} (signaled)` : label;
}

/** One link of a cycle: "waits for Mutant "lock-B" owned by thread 44". */
function linkText(o: WaitObjectNode, main: Set<number>): string {
  if (o.type === "thread join") return `waits for ${threadLabel(o.ownerTid, main)} to end`;
  if (o.type === "process join") return `waits for process ${o.ownerPid} to end (its ${threadLabel(o.ownerTid, main)})`;
  return `waits for ${objectLabel(o)} owned by ${threadLabel(o.ownerTid, main)}`;
}

/** The cycle a chain ends in, from its first thread node that the last one repeats. */
function cycleText(chain: WaitChain, main: Set<number>): { tids: number[]; text: string } | null {
  const nodes = cycleNodes(chain);
  if (!nodes) return null;
  const tids = cycleThreads(nodes);
  const parts: string[] = [];
  let link: WaitObjectNode | undefined;
  for (const n of nodes) {
    if (n.type === "thread") {
      if (link) parts.push(linkText(link, main));
      link = undefined;
    } else if (n.next) link = n;
  }
  if (link) parts.push(linkText(link, main));
  return { tids, text: `${threadLabel(tids[0], main)} ${parts.join(", which ")}` };
}

/** The report for every live thread of `k`; `title` starts it (the deadlock's, or SIGQUIT's). */
export function waitReport(k: WaitSource): WaitReport {
  const snap = k.snapshot();
  const deadlocked = k.deadlocked();
  const main = new Set(snap.processes.map((p) => p.mainTid));
  const lines: string[] = [];
  const cycles: number[][] = [];
  const cycleLines: string[] = [];
  const seen = new Set<string>();
  const live = snap.threads.filter((t) => !t.exited);
  const count = `${live.length} thread${live.length === 1 ? "" : "s"}`;
  lines.push(deadlocked
    ? `ntwasm: deadlock: every thread is blocked for good, and no timeout, timer or input can end a wait (${count})`
    : `ntwasm: wait chains (${count})`);
  for (const p of snap.processes.filter((q) => !q.exited)) {
    const threads = live.filter((t) => t.pid === p.pid).sort((a, b) => a.tid - b.tid);
    if (!threads.length) continue;
    const name = k.processName(p.pid);
    lines.push(`  process ${p.pid}${name ? ` (${name})` : ""}:`);
    for (const t of threads) {
      const chain = k.waitChain(t.tid);
      if (!chain) continue;
      const head = chain.nodes[0] as WaitThreadNode;
      const objects: WaitObjectNode[] = [];
      for (const n of chain.nodes.slice(1)) { if (n.type === "thread") break; objects.push(n); }
      if (head.ioWorker && head.blocked && !objects.some((o) => o.ownerTid)) continue; // an idle I/O worker: noise
      const what = objects.length ? `: ${objects.map((o) => objectDetail(o, main)).join("; ")}` : "";
      lines.push(`    ${threadLabel(t.tid, main)}${head.ioWorker ? " [I/O worker]" : ""}: ${callOf(head, objects)}${what}`);
      const c = cycleText(chain, main);
      if (!c) continue;
      const key = cycleKey(c.tids);
      if (seen.has(key)) continue;
      seen.add(key);
      cycles.push(c.tids);
      cycleLines.push(`  cycle: ${c.text}`);
    }
  }
  return { deadlocked, cycles, text: [...lines, ...cycleLines].join("\n") + "\n" };
}

/**
 * Calls `onDeadlock` when the kernel has been deadlocked for two looks `intervalMs` apart with no kernel
 * entry in between (a host action such as a process start would show as one), then again only after the
 * state changed and deadlocked anew. Returns the function that stops watching.
 */
export function watchDeadlocks(k: WaitSource & { lockEntries(): number }, onDeadlock: (report: WaitReport) => void,
  intervalMs = 500): () => void {
  let suspect = -1; // lock entries after the look that found the kernel deadlocked
  let reported = -1;
  const failed = () => (k as { failure?: unknown }).failure !== undefined;
  const timer = setInterval(() => {
    if (failed()) { clearInterval(timer); return; } // a failed kernel: nothing to watch
    let before: number, stuck: boolean;
    try {
      before = k.lockEntries();
      stuck = k.deadlocked();
    } catch (e) {
      // The kernel failed on another thread while this look ran: its process reports the fault.
      if (failed()) { clearInterval(timer); return; }
      throw e;
    }
    if (!stuck) { suspect = -1; reported = -1; return; }
    if (suspect === before && reported !== before) {
      const report = waitReport(k);
      reported = k.lockEntries();
      suspect = reported;
      onDeadlock(report);
      return;
    }
    if (reported !== before) suspect = k.lockEntries();
    else reported = suspect = k.lockEntries(); // still the deadlock already told
  }, intervalMs);
  (timer as { unref?: () => void }).unref?.();
  return () => clearInterval(timer);
}
