// The kernel allocator: power-of-two size classes with one free list each, carved from a bump
// pointer that grows the shared memory. Freed blocks are reused by the next allocation of the same
// class, so create/close cycles leave kernel memory where it started. Callers hold the kernel lock.
import { freeLists, heapStart, SIZE_CLASSES, root } from "./root";

const MIN_SHIFT: i32 = 4;

function classOf(size: usize): i32 {
  if (size <= 16) return 0;
  return 32 - clz<u32>(<u32>size - 1) - MIN_SHIFT;
}

export function blockSize(size: usize): usize { return (<usize>1) << (classOf(size) + MIN_SHIFT); }

/** A zeroed block of at least `size` bytes, or 0 when memory is exhausted. */
export function kalloc(size: usize): usize {
  const cls = classOf(size);
  if (cls >= SIZE_CLASSES) return 0;
  const bytes = (<usize>1) << (cls + MIN_SHIFT);
  const head = freeLists() + (<usize>cls << 2);
  let p = load<usize>(head);
  const r = root();
  if (p) {
    store<usize>(head, load<usize>(p));
  } else {
    const align: usize = bytes < 64 ? bytes : 64;
    p = (r.heapTop + align - 1) & ~(align - 1);
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
  }
  memory.fill(p, 0, bytes);
  r.inUse += bytes;
  return p;
}


export function kfree(p: usize, size: usize): void {
  const cls = classOf(size);
  const head = freeLists() + (<usize>cls << 2);
  store<usize>(p, load<usize>(head));
  store<usize>(head, p);
  root().inUse -= (<usize>1) << (cls + MIN_SHIFT);
}
