// Kernel.snapshot(): the kernel's processes, threads, objects, handles and who waits on what, decoded
// from ntw_snapshot's words (kernel/snapshot.ts holds the format). One kernel critical section, so it
// is a consistent picture; objects are keyed by their kernel address.
import { OBJECT_TYPE_NAMES } from "./generated/abi.ts";

export interface ObjectInfo {
  id: number;
  type: string;
  name: string;
  refs: number;
  handles: number;
  /** Would a wait be satisfied now (for a mutex: by a thread that does not own it)? */
  signaled: boolean;
  /** Event: manual, set; Mutant: owner thread id (0 free), recursion; Semaphore: count, max; Thread: tid, state;
   * Process: pid, state; Timer: manual, armed; Console: stream, input bytes waiting. */
  detail: [number, number];
}
export interface HandleInfo { value: number; access: number; flags: number; object: number }
export interface ProcessSnapshot { pid: number; exited: boolean; exitCode: number; handles: HandleInfo[]; mainTid: number }
export interface ThreadSnapshot {
  tid: number;
  pid: number;
  exited: boolean;
  exitCode: number;
  suspendCount: number;
  /** Objects it is blocked on (empty when running), and whether it waits for all of them. */
  waitingOn: number[];
  waitAll: boolean;
  ownedMutexes: number[];
  /** A hidden I/O worker that runs the process's overlapped requests (no guest code). */
  ioWorker: boolean;
}
export interface WaitEdge { thread: number; object: number; owner?: number }
export interface KernelSnapshot {
  processes: ProcessSnapshot[];
  threads: ThreadSnapshot[];
  objects: Map<number, ObjectInfo>;
  /** thread → object it waits on → the thread that owns that object (mutexes), for a wait graph. */
  waits: WaitEdge[];
  /** Cycles of waits (deadlocks), each as thread ids in chain order, from the kernel's wait chains (Kernel.waitChain). */
  cycles: number[][];
}

export function decodeSnapshot(bytes: Uint8Array): KernelSnapshot {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const next = () => { const w = v.getUint32(at, true); at += 4; return w; };
  const objects = new Map<number, ObjectInfo>();
  const object = (): number => {
    const id = next(), type = next(), refs = next(), handles = next(), signaled = next() !== 0;
    const detail: [number, number] = [next(), next()];
    const len = next();
    let name = "";
    for (let i = 0; i < len; i += 2) {
      const w = next();
      name += String.fromCharCode(w & 0xffff);
      if (i + 1 < len) name += String.fromCharCode(w >>> 16);
    }
    objects.set(id, { id, type: OBJECT_TYPE_NAMES[type] ?? `type ${type}`, name, refs, handles, signaled, detail });
    return id;
  };
  const processes: ProcessSnapshot[] = [], threads: ThreadSnapshot[] = [];
  for (let tag = next(); tag !== 0; tag = next()) {
    if (tag === 1) {
      const pid = next(), exited = next() !== 0, exitCode = next(), n = next(), mainTid = next();
      const handles: HandleInfo[] = [];
      for (let i = 0; i < n; i++) {
        const value = next(), access = next(), flags = next();
        handles.push({ value, access, flags, object: object() });
      }
      processes.push({ pid, exited, exitCode, handles, mainTid });
    } else {
      const tid = next(), pid = next(), exited = next() !== 0, exitCode = next(), suspendCount = next();
      const ioWorker = (next() & 2) !== 0; // bit 0 (waiting) is implied by waitingOn
      const waitAll = next() !== 0, n = next();
      const waitingOn: number[] = [];
      for (let i = 0; i < n; i++) waitingOn.push(object());
      const owned = next(), ownedMutexes: number[] = [];
      for (let i = 0; i < owned; i++) ownedMutexes.push(next());
      threads.push({ tid, pid, exited, exitCode, suspendCount, waitingOn, waitAll, ownedMutexes, ioWorker });
    }
  }
  const waits: WaitEdge[] = [];
  for (const t of threads) {
    for (const id of t.waitingOn) {
      const o = objects.get(id)!;
      const owner = o.type === "Mutant" && o.detail[0] ? o.detail[0] : undefined;
      waits.push({ thread: t.tid, object: id, owner });
    }
  }
  return { processes, threads, objects, waits, cycles: [] };
}
