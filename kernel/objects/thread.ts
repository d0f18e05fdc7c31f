// Thread: a guest thread running in its own worker. Its record also holds its wait block (one
// WaitEntry per object it waits on), its deferred-wake list and its syscall scratch buffer.
//
// Thread records are type-stable: a dead thread's record goes on a free list of thread records and
// is never reused as anything else. A waker that still holds a stale pointer after the thread ended
// can therefore only cause a spurious wake-up, which every wait loop tolerates.
import { ObjectHeader } from "../ob/object";
import { kallocKept, kfree } from "../lib/alloc";
import { root } from "../lib/root";
import { apcFreeAll } from "../nt/apc";
import { MAX_PENDING, SCRATCH_SIZE, THREAD_EXITED, TLS_BYTES, WAIT_ENTRY_SIZE } from "../lib/layout";
import { TYPE_THREAD, MAXIMUM_WAIT_OBJECTS } from "../generated/abi";

@unmanaged
export class Thread extends ObjectHeader {
  tid: u32;
  process: usize;
  state: u32; // THREAD_ALIVE or THREAD_EXITED
  exitCode: u32;
  wake: i32; // see ob/wake.ts
  waitStatus: u32; // WAIT_PENDING while a wait is queued, then its result
  waitCount: u32;
  waitAll: u32;
  lastError: u32;
  owned: usize; // first owned Mutex
  scratch: usize; // syscall copy buffer (SCRATCH_SIZE bytes)
  pendingCount: u32; // deferred wakes recorded by this thread
  killed: u32; // termination requested: leave any wait and trap
  suspendCount: i32; // SuspendThread depth: the thread blocks at its next kernel entry while > 0
  tls: usize; // TlsSetValue slots (TLS_SLOTS u32s), allocated on first use
  apcHead: usize; // queued user APCs (FIFO), run in the thread's next alertable wait
  apcTail: usize;
  apcCount: u32; // APCs queued (lib/quota.ts bounds the user ones)
  alertable: u32; // in an alertable wait right now: a queued APC ends it
  alerted: u32; // NtAlertThread came while it was not in an alertable wait: its next one ends with STATUS_ALERTED
  freeNext: usize;
  procNext: usize;
  procPrev: usize;
  allNext: usize; // every thread record with an id, for OpenThread (root().threadList)
  allPrev: usize;
  system: u32; // an I/O worker (nt/io.ts): runs no guest code and does not keep its process alive
  pooled: u32; // promised a host worker: counted in the pool's live threads until it ends (nt/workerpool.ts)
  ioCancel: u32; // the I/O request this I/O worker runs was cancelled: its waits end with this NTSTATUS (STATUS_CANCELLED...)
  stackBase: u32; // the guest stack the host gave this thread (guest address), 0 when none
  stackSize: u32;
  spin: i32; // polls of the wake word before the next sleep (adapted in ob/wait.ts; 0: not set yet)
  sleeps: u32; // waits that went to sleep: every SPIN_PROBE_EVERY-th spins in full again
  spinning: u32; // counted in root().spinners right now
  pipeWriter: u32; // asleep in a pipe call: PIPE_SLEEP_WRITER (a write or flush) or PIPE_SLEEP_OTHER (objects/pipe.ts)
  syncIo: u32; // asleep in a synchronous I/O call (pipe, console read): CancelSynchronousIo ends that wait
  consoleLine: u32; // asleep in a line-mode console read of at most this many bytes: woken by a whole line (objects/console.ts)
  priority: i32; // SetThreadPriority's value (THREAD_PRIORITY_*): recorded and returned, the host OS schedules
  // Services (nt/service.ts): the requests this thread holds (its synchronous calls and output copies, a list
  // through ServiceRequest.callerNext), the Service it waits in SvcAccept on, and the request a call handed it
  // there (a reference) that it has not taken yet.
  svcCalls: usize;
  svcAccepting: usize;
  svcAccepted: usize;
  // I/O completion ports (objects/completionport.ts): the port this thread last removed from (a reference, 0
  // for none), whether it counts among that port's running threads (not blocked in a wait), whether it is in a
  // remove wait on it now, and the packet handed to it there (key, value, status, information).
  iocp: usize;
  iocpCounted: u32;
  iocpRemoving: u32;
  iocpKey: u32;
  iocpValue: u32;
  iocpStatus: u32;
  iocpInfo: u32;
  // Wait chains and deadlock reports (nt/waitchain.ts): what the thread is blocked in now (BLOCKED_*), when its
  // wait times out (Infinity: never), the lock a user-mode wait is for (NTW_LOCK_*, its guest address and the
  // owner the runtime saw: ntw_keyed_prepare) and the mark of the last chain walk that passed it.
  blocked: u32;
  waitDeadline: f64;
  keyedKind: u32;
  keyedLock: u32;
  keyedOwner: u32;
  chainMark: u32;
}

/** Offset of the wait block (MAXIMUM_WAIT_OBJECTS WaitEntry records) in a thread record. */
// @ts-ignore: decorator
@inline export function threadEntries(): usize { return (offsetof<Thread>() + 7) & ~<usize>7; }
/** Offset of the deferred-wake list (MAX_PENDING thread pointers). */
// @ts-ignore: decorator
@inline export function threadPending(): usize { return threadEntries() + <usize>MAXIMUM_WAIT_OBJECTS * WAIT_ENTRY_SIZE; }
// @ts-ignore: decorator
@inline export function threadSize(): usize { return threadPending() + <usize>MAX_PENDING * 4; }

export function threadSignaled(t: Thread): bool { return t.state == THREAD_EXITED; }

/** A fresh thread record (reusing a dead one when possible), or null when memory is exhausted. */
export function threadAlloc(): Thread | null {
  const r = root();
  let p = r.threadFree;
  let scratch: usize = 0;
  if (p) {
    r.threadFree = changetype<Thread>(p).freeNext;
    scratch = changetype<Thread>(p).scratch;
    memory.fill(p, 0, threadSize());
  } else {
    // the record and its scratch in one kept block: records are recycled, never freed
    const record = (threadSize() + 63) & ~(<usize>63);
    p = kallocKept(record + SCRATCH_SIZE);
    if (!p) return null;
    scratch = p + record;
  }
  const t = changetype<Thread>(p);
  t.type = TYPE_THREAD;
  t.scratch = scratch;
  r.liveThreads++;
  r.liveObjects++;
  return t;
}

export function threadDestroy(t: Thread): void {
  const r = root();
  if (t.allPrev) changetype<Thread>(t.allPrev).allNext = t.allNext;
  else if (r.threadList == changetype<usize>(t)) r.threadList = t.allNext;
  if (t.allNext) changetype<Thread>(t.allNext).allPrev = t.allPrev;
  if (t.tls) kfree(t.tls, TLS_BYTES);
  apcFreeAll(t); // APCs queued to it that never ran
  t.freeNext = r.threadFree;
  r.threadFree = changetype<usize>(t);
  r.liveThreads--;
  r.liveObjects--;
}
