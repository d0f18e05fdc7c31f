// Resource limits that keep one process from starving the others (issue 17): each answers with an error
// or makes the caller wait, as Windows does when a quota or the nonpaged pool runs out, instead of
// growing kernel memory without bound. The host may set them (ntw_set_quota: BootOptions.quotas); 0
// keeps the default.
import { root } from "./root";
import { MAX_HANDLES } from "./layout";
import {
  NTW_QUOTA_APCS, NTW_QUOTA_HANDLES, NTW_QUOTA_KERNEL_MEMORY, NTW_QUOTA_OBJECTS, NTW_QUOTA_PIPE_BUFFER, NTW_QUOTA_THREADS, NTW_QUOTA_WORKERS,
} from "../generated/abi";

/** User APCs queued to one thread and not yet run: QueueUserAPC past it fails with ERROR_NO_SYSTEM_RESOURCES. */
export const DEFAULT_APC_QUOTA: u32 = 1 << 16;
/**
 * Bytes one pipe end's queue holds before writers wait (a pipe created with a larger buffer size keeps
 * that size in GetNamedPipeInfo, but its queue is bounded by this). A write into an empty queue is
 * always taken whole, so a message larger than this still goes through.
 */
export const DEFAULT_PIPE_BUFFER_QUOTA: u32 = 16 << 20;
/** Handles one process has open: Windows' own limit, 2^24 (MAX_HANDLES, past which the table never grows). */
export const DEFAULT_HANDLE_QUOTA: u32 = MAX_HANDLES;
/**
 * Bytes the kernel allocator hands out in all: half of kernel.wasm's 2 GiB maximum, because a size
 * class's free blocks serve only that class and the heap's top can pass the bytes in use by that much.
 * Per kernel, not per process: blocks carry no owner (a tag would double the 16- to 64-byte classes)
 * and many change hands (a pipe record written by one process is freed by another's read, a named
 * object outlives its creator); the per-process limits bound how many things one process holds, not
 * their sizes (a name may take 64 KiB).
 */
export const DEFAULT_KERNEL_MEMORY_QUOTA: u32 = 1 << 30;
/**
 * Live objects one process's calls created (ob/charge.ts): 2^20, about 100 MiB of kernel memory with a
 * handle each, so several processes at their limit still fit the kernel's.
 */
export const DEFAULT_OBJECT_QUOTA: u32 = 1 << 20;
/**
 * Threads of one process that run guest code and have not ended: 2,048, what 32-bit Windows allowed in
 * practice (2 GiB of address space over 1 MiB stacks), half the workers of a kernel so that one process
 * leaves room for others.
 */
export const DEFAULT_THREAD_QUOTA: u32 = 2048;
/**
 * Threads of all processes that hold a host worker (or were promised one) and have not ended: each costs
 * a worker (a Node worker thread or Web Worker, about 0.4 MiB of host memory with V8), and the pool never
 * starts more (nt/workerpool.ts). Twice a process's threads; the pool's slots and queue for them take
 * 384 KiB of kernel memory, made at boot.
 */
export const DEFAULT_WORKER_QUOTA: u32 = 4096;


export function apcQuota(): u32 { const q = root().quotaApcs; return q ? q : DEFAULT_APC_QUOTA; }
export function pipeBufferQuota(): u32 { const q = root().quotaPipeBuffer; return q ? q : DEFAULT_PIPE_BUFFER_QUOTA; }
export function handleQuota(): u32 { const q = root().quotaHandles; return q ? q : DEFAULT_HANDLE_QUOTA; }
export function kernelMemoryQuota(): u32 { const q = root().quotaKernelMemory; return q ? q : DEFAULT_KERNEL_MEMORY_QUOTA; }
export function objectQuota(): u32 { const q = root().quotaObjects; return q ? q : DEFAULT_OBJECT_QUOTA; }
export function threadQuota(): u32 { const q = root().quotaThreads; return q ? q : DEFAULT_THREAD_QUOTA; }
export function workerQuota(): u32 { const q = root().quotaWorkers; return q ? q : DEFAULT_WORKER_QUOTA; }

/** Sets quota `kind` (NTW_QUOTA_*) to `value` (0: the default); false for an unknown kind. */
export function quotaSet(kind: u32, value: u32): bool {
  const r = root();
  if (kind == NTW_QUOTA_APCS) r.quotaApcs = value;
  else if (kind == NTW_QUOTA_PIPE_BUFFER) r.quotaPipeBuffer = value;
  else if (kind == NTW_QUOTA_HANDLES) r.quotaHandles = value;
  else if (kind == NTW_QUOTA_KERNEL_MEMORY) r.quotaKernelMemory = value;
  else if (kind == NTW_QUOTA_OBJECTS) r.quotaObjects = value;
  else if (kind == NTW_QUOTA_THREADS) r.quotaThreads = value;
  else if (kind == NTW_QUOTA_WORKERS) r.quotaWorkers = value;
  else return false;
  return true;
}
