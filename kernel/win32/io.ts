// The kernel half of overlapped I/O (nt/io.ts) for host/syscalls/overlapped.ts; not in the syscall
// table, so guests cannot import them. Each returns the NTSTATUS and sets the last-error on failure.
import { result } from "../lib/tls";
import { ntSuccess } from "../nt/status";
import { ntIoCancel, ntIoComplete, ntIoFinish, ntIoSubmit, ntIoTake } from "../nt/io";
import { failStatus } from "./result";

function check(st: u32): u32 {
  if (!ntSuccess(st)) failStatus(st);
  return st;
}

/**
 * Queues a request (status block `ov`, event, completion routine `apc` called as IO_COMPLETE_* `style`
 * says); writes at `out` the new I/O worker thread the host must start (it holds a reference), or 0.
 */
export function ntw_io_submit(h: u32, op: u32, buf: u32, len: u32, ov: u32, hEvent: u32, apc: u32, apcContext: u32, style: u32,
  out: usize): u32 {
  const st = check(ntIoSubmit(h, op, buf, len, ov, hEvent, apc, apcContext, style));
  store<u32>(out, ntSuccess(st) ? <u32>result : 0);
  return st;
}

export function ntw_io_take(out: usize): u32 { return ntIoTake(out); }
/** A worker recorded request `req`'s result (`status`, `count`) in its status block. */
export function ntw_io_finish(req: usize, status: u32, count: u32): u32 { return ntIoFinish(req, status, count); }
/** A call completed at once (status block written): its event or file, and its completion routine. */
export function ntw_io_complete(h: u32, hEvent: u32, apc: u32, apcContext: u32, style: u32, sb: u32, status: u32, count: u32): u32 {
  return ntIoComplete(h, hEvent, apc, apcContext, style, sb, status, count);
}
export function ntw_io_cancel(h: u32, ov: u32, own: i32): u32 { return check(ntIoCancel(h, ov, own != 0)); }
/** Sets the last-error for an NTSTATUS (the host completing an overlapped call). */
export function ntw_set_status_error(st: u32): void { failStatus(st); }
