// ntw_snapshot: the kernel's state for live views and debugging (Kernel.snapshot() in the host):
// every process with its handles, every thread with what it waits on and the mutexes it owns, and
// for each object its type, counts, state and name. One critical section, so the picture is
// consistent. The host decodes the words (host/snapshot.ts); the format lives in these two files.
import { enterHost, leaveHost } from "./lib/lock";
import { root } from "./lib/root";
import { THREAD_EXITED } from "./lib/layout";
import { ObjectHeader, signaled } from "./ob/object";
import { NameEntry } from "./ob/namespace";
import { waitEntry } from "./ob/wait";
import { Event } from "./objects/event";
import { Mutex } from "./objects/mutex";
import { Process } from "./objects/process";
import { Semaphore } from "./objects/semaphore";
import { Thread } from "./objects/thread";
import { Timer } from "./objects/timer";
import { Console } from "./objects/console";
import { HANDLE_ENTRY_SIZE, WAIT_PENDING } from "./lib/layout";
import { TYPE_CONSOLE, TYPE_EVENT, TYPE_IOCOMPLETION, TYPE_MUTANT, TYPE_PROCESS, TYPE_SEMAPHORE, TYPE_THREAD, TYPE_TIMER } from "./generated/abi";
import { CompletionPort } from "./objects/completionport";

const TAG_END: u32 = 0;
const TAG_PROCESS: u32 = 1;
const TAG_THREAD: u32 = 2;

/** Writes the snapshot at `out` (at most `cap` bytes); returns the bytes it needs (retry when larger than cap). */
export function ntw_snapshot(out: usize, cap: u32): u32 {
  enterHost();
  const end = out + cap;
  let p = out; // writes stop at `end`, sizes keep counting
  // Processes and their handles.
  for (let q = root().processList; q; q = changetype<Process>(q).allNext) {
    const proc = changetype<Process>(q);
    p = word(p, end, TAG_PROCESS);
    p = word(p, end, proc.pid);
    p = word(p, end, proc.state);
    p = word(p, end, proc.exitCode);
    p = word(p, end, proc.count);
    p = word(p, end, proc.mainTid);
    for (let i: u32 = 0; i < proc.top; i++) {
      const e = proc.table + <usize>i * HANDLE_ENTRY_SIZE;
      const o = load<usize>(e);
      if (!o) continue;
      p = word(p, end, (i + 1) << 2);
      p = word(p, end, load<u32>(e, 4));
      p = word(p, end, load<u32>(e, 8));
      p = object(p, end, changetype<ObjectHeader>(o), changetype<Thread>(0));
    }
  }
  // Threads: state, waits, owned mutexes.
  for (let q = root().threadList; q; q = changetype<Thread>(q).allNext) {
    const t = changetype<Thread>(q);
    const waiting = t.state != THREAD_EXITED && t.waitStatus == WAIT_PENDING;
    p = word(p, end, TAG_THREAD);
    p = word(p, end, t.tid);
    p = word(p, end, changetype<Process>(t.process).pid);
    p = word(p, end, t.state);
    p = word(p, end, t.exitCode);
    p = word(p, end, <u32>t.suspendCount);
    p = word(p, end, (waiting ? 1 : 0) | (t.system ? 2 : 0)); // flags: waiting, I/O worker
    p = word(p, end, t.waitAll);
    const n = waiting ? t.waitCount : 0;
    p = word(p, end, n);
    for (let i: u32 = 0; i < n; i++) p = object(p, end, changetype<ObjectHeader>(waitEntry(t, i).object), t);
    let owned: u32 = 0;
    for (let m = t.owned; m; m = changetype<Mutex>(m).ownerNext) owned++;
    p = word(p, end, owned);
    for (let m = t.owned; m; m = changetype<Mutex>(m).ownerNext) p = word(p, end, <u32>m);
  }
  p = word(p, end, TAG_END);
  leaveHost();
  return <u32>(p - out);
}

function word(p: usize, end: usize, v: u32): usize {
  if (p + 4 <= end) store<u32>(p, v);
  return p + 4;
}

/** [address, type, refs, handles, signaled, detail1, detail2, nameLength, name (UTF-16, padded to 4)] */
function object(p: usize, end: usize, o: ObjectHeader, t: Thread): usize {
  let d1: u32 = 0, d2: u32 = 0;
  switch (o.type) {
    case TYPE_EVENT: d1 = changetype<Event>(o).manual; d2 = changetype<Event>(o).signaled; break;
    case TYPE_MUTANT: {
      const m = changetype<Mutex>(o);
      d1 = m.owner ? changetype<Thread>(m.owner).tid : 0;
      d2 = m.count;
      break;
    }
    case TYPE_SEMAPHORE: d1 = changetype<Semaphore>(o).count; d2 = changetype<Semaphore>(o).max; break;
    case TYPE_THREAD: d1 = changetype<Thread>(o).tid; d2 = changetype<Thread>(o).state; break;
    case TYPE_PROCESS: d1 = changetype<Process>(o).pid; d2 = changetype<Process>(o).state; break;
    case TYPE_TIMER: d1 = changetype<Timer>(o).manual; d2 = changetype<Timer>(o).armed; break;
    case TYPE_CONSOLE: d1 = changetype<Console>(o).stream; d2 = changetype<Console>(o).count; break;
    case TYPE_IOCOMPLETION: d1 = changetype<CompletionPort>(o).depth; d2 = changetype<CompletionPort>(o).active; break;
  }
  p = word(p, end, <u32>changetype<usize>(o));
  p = word(p, end, o.type);
  p = word(p, end, o.refs);
  p = word(p, end, o.handles);
  p = word(p, end, signaled(o, t) ? 1 : 0);
  p = word(p, end, d1);
  p = word(p, end, d2);
  const name = changetype<NameEntry>(o.name);
  const len: u32 = o.name ? name.len : 0;
  p = word(p, end, len);
  const chars = changetype<usize>(name) + offsetof<NameEntry>();
  for (let i: u32 = 0; i < len; i += 2) {
    const lo = <u32>load<u16>(chars + (<usize>i << 1));
    const hi = i + 1 < len ? <u32>load<u16>(chars + (<usize>(i + 1) << 1)) : 0;
    p = word(p, end, lo | (hi << 16));
  }
  return p;
}
