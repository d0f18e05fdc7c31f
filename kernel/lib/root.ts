// The root block: the first bytes above __heap_base, at the same address in every instance. It
// anchors all shared kernel state; everything else is reached from here.

@unmanaged
export class Root {
  lock: i32; // kernel lock word: 0 free, 1 held, 2 held with sleepers
  booted: i32;
  heapTop: usize; // bump pointer of the allocator
  inUse: usize; // bytes handed out and not yet freed
  threadFree: usize; // recycled thread records (type-stable, see objects/thread.ts)
  nextId: u32; // next process/thread id (multiples of 4)
  nameBuckets: usize; // namespace hash table
  rootDir: usize; // "\"
  sessionDir: usize; // "\Sessions\1\BaseNamedObjects": where Win32 names live
  systemThread: usize; // thread record the host's control instance runs as
  liveObjects: u32;
  liveThreads: u32;
  liveProcesses: u32;
  processList: usize; // every process (Process.allNext), for OpenProcess
  threadList: usize; // every thread with an id (Thread.allNext), for OpenThread
  lockEntries: u32; // times the kernel lock was taken (wraps): shows which paths stay out of the kernel
  timerHead: usize; // armed waitable timers, earliest due first (objects/timer.ts); 0: none, nothing to expire
  clockMax: i64; // the latest clock reading any instance returned, as f64 bits (lib/clock.ts): time never goes back
  tickBase: i64; // GetTickCount's zero: now() in whole ms when time was first asked for (0 until then)
  keyedWaits: usize; // hash table of KeyedWait objects by (process, guest address) (objects/keyedwait.ts); 0 until first used
  openFiles: usize; // every open disk file (objects/file.ts DiskFile list): where share modes are checked
  fileReaps: usize; // disk files whose last handle closed while delete pending: their paths wait for the host to remove them (objects/file.ts)
  cpus: i32; // CPUs the host's workers can use (ntw_set_cpus); 0 until said, taken as 1
  spinners: i32; // threads spinning on their wake word right now (ob/wait.ts)
  svcAnchor: usize; // the Service SvcOpen sleeps on until a service is created (objects/service.ts); 0 until first used
  svcStaged: u32; // bytes all service calls have staged in kernel memory, at most SVC_KERNEL_QUOTA
  critSecEvent: usize; // \KernelObjects\CritSecOutOfMemoryEvent: the keyed event of a NULL handle (nt/keyedevent.ts)
  chainStamp: u32; // the last wait-chain walk's mark (nt/waitchain.ts)
  faultInjection: u32; // NtwInjectKernelFault works (tests only: ntw_fault_injection)
  // Quotas (lib/quota.ts): 0 until the host sets one, which means the default there.
  quotaApcs: u32; // user APCs queued to one thread and not yet run
  quotaPipeBuffer: u32; // bytes one pipe end's queue holds before writers wait, whatever size the pipe was created with
  quotaHandles: u32; // handles one process has open
  quotaKernelMemory: u32; // bytes the kernel allocator hands out in all
  quotaObjects: u32; // objects one process's calls created that are still alive
  quotaThreads: u32; // threads of one process that run guest code and have not ended
  quotaWorkers: u32; // threads of all processes on host workers (or promised one) that have not ended
  workerPool: usize; // the parked host workers threads start on (nt/workerpool.ts); 0 until the host sets it up
}

/** Number of allocator size classes (16 B << class). */
export const SIZE_CLASSES: i32 = 28;

/** Address of the root block (functions, not globals: a computed global would be a mutable one). */
// @ts-ignore: decorator
@inline export function rootAddr(): usize { return (__heap_base + 63) & ~<usize>63; }
/** Free-list heads, one per size class, right after the root. */
// @ts-ignore: decorator
@inline export function freeLists(): usize { return rootAddr() + 256; }
/** First byte the allocator hands out. */
// @ts-ignore: decorator
@inline export function heapStart(): usize { return (freeLists() + (<usize>SIZE_CLASSES << 2) + 63) & ~<usize>63; }

// @ts-ignore: decorator
@inline export function root(): Root { return changetype<Root>(rootAddr()); }

// The root must fit below the free lists, and clockMax/tickBase are 64-bit atomics (8-byte aligned).
// @ts-ignore: compile-time check
if (offsetof<Root>() > 256 || (offsetof<Root>("clockMax") & 7) != 0) ERROR("Root layout");
