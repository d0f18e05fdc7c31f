// Resource limits that keep one process from starving the others (issue 17): each answers with an error
// or makes the caller wait, as Windows does when a quota or the nonpaged pool runs out, instead of
// growing kernel memory without bound. The host may set them (ntw_set_quota: BootOptions.quotas); 0
// keeps the default.
import { root } from "./root";

/** User APCs queued to one thread and not yet run: QueueUserAPC past it fails with ERROR_NO_SYSTEM_RESOURCES. */
export const DEFAULT_APC_QUOTA: u32 = 1 << 16;
/**
 * Bytes one pipe end's queue holds before writers wait (a pipe created with a larger buffer size keeps
 * that size in GetNamedPipeInfo, but its queue is bounded by this). A write into an empty queue is
 * always taken whole, so a message larger than this still goes through.
 */
export const DEFAULT_PIPE_BUFFER_QUOTA: u32 = 16 << 20;

export const QUOTA_APCS: u32 = 1;
export const QUOTA_PIPE_BUFFER: u32 = 2;

export function apcQuota(): u32 { const q = root().quotaApcs; return q ? q : DEFAULT_APC_QUOTA; }
export function pipeBufferQuota(): u32 { const q = root().quotaPipeBuffer; return q ? q : DEFAULT_PIPE_BUFFER_QUOTA; }

/** Sets quota `kind` (QUOTA_*) to `value` (0: the default); false for an unknown kind. */
export function quotaSet(kind: u32, value: u32): bool {
  if (kind == QUOTA_APCS) root().quotaApcs = value;
  else if (kind == QUOTA_PIPE_BUFFER) root().quotaPipeBuffer = value;
  else return false;
  return true;
}
