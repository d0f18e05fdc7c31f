// The kernel allocator: power-of-two size classes with one free list each, carved from a bump
// pointer that grows the shared memory. Freed blocks are reused by the next allocation of the same
// class, so create/close cycles leave kernel memory where it started. Callers hold the kernel lock.
//
// Past the kernel-memory quota (lib/quota.ts) kalloc fails as it does when memory cannot grow, and every
// caller answers with an error and keeps nothing half-made. Object creation then fails with
// STATUS_INSUFFICIENT_RESOURCES (ERROR_NO_SYSTEM_RESOURCES), as Windows' ObCreateObject does when the
// pool runs out; what Windows keeps in user-mode heaps (the environment, TLS slots, WaitOnAddress) fails
// with STATUS_NO_MEMORY (ERROR_NOT_ENOUGH_MEMORY), as RtlAllocateHeap does there.
import { freeLists, heapStart, SIZE_CLASSES, root } from "./root";
import { kernelMemoryQuota } from "./quota";

const MIN_SHIFT: i32 = 4;

function classOf(size: usize): i32 {
  if (size <= 16) return 0;
  return 32 - clz<u32>(<u32>size - 1) - MIN_SHIFT;
}

export function blockSize(size: usize): usize { return (<usize>1) << (classOf(size) + MIN_SHIFT); }

/**
 * A zeroed block of at least `size` bytes, or 0 when memory is exhausted or the quota reached (`quota`
 * false: the host's own buffers, such as a snapshot's, which must work after guests used the quota up).
 */
export function kalloc(size: usize, quota: bool = true): usize {
  const cls = classOf(size);
  if (cls >= SIZE_CLASSES) return 0;
  const bytes = (<usize>1) << (cls + MIN_SHIFT);
  const r = root();
  if (quota && <u64>r.inUse + <u64>bytes > <u64>kernelMemoryQuota()) return 0;
  const head = freeLists() + (<usize>cls << 2);
  let p = load<usize>(head);
  if (p) store<usize>(head, load<usize>(p));
  else if (!(p = carve(bytes, bytes < 64 ? bytes : 64))) return 0;
  memory.fill(p, 0, bytes);
  r.inUse += bytes;
  return p;
}

/**
 * A zeroed block of `size` bytes (rounded up to 64) that is never freed: for records the kernel keeps
 * for reuse (thread records with their scratch), which a power-of-two class would round up by as much
 * as half again. 0 when memory is exhausted or the quota reached.
 */
export function kallocKept(size: usize): usize {
  const bytes = (size + 63) & ~(<usize>63);
  const r = root();
  if (bytes < size || <u64>r.inUse + <u64>bytes > <u64>kernelMemoryQuota()) return 0;
  const p = carve(bytes, 64);
  if (!p) return 0;
  memory.fill(p, 0, bytes);
  r.inUse += bytes;
  return p;
}

/** `bytes` from the bump pointer at `align`, growing the memory; 0 when it cannot grow. */
function carve(bytes: usize, align: usize): usize {
  const r = root();
  const p = (r.heapTop + align - 1) & ~(align - 1);
  const end = p + bytes;
  if (end < p) return 0;
  const have = <usize>memory.size() << 16;
  if (end > have) {
    // In steps of at least an eighth of the memory (and 1 MiB): each grow of this shared memory
    // interrupts every worker that holds it, hundreds with many threads, so it must be rare.
    const pages = <i32>((end - have + 0xffff) >> 16);
    const step = max(pages, max(16, memory.size() >> 3));
    if (memory.grow(step) < 0 && memory.grow(pages) < 0) return 0;
  }
  r.heapTop = end;
  return p;
}

export function kfree(p: usize, size: usize): void {
  const cls = classOf(size);
  const head = freeLists() + (<usize>cls << 2);
  store<usize>(p, load<usize>(head));
  store<usize>(head, p);
  root().inUse -= (<usize>1) << (cls + MIN_SHIFT);
}
