// INIT_ONCE: one 32-bit word in guest memory, encoded as Wine does: low two bits 0 = not started,
// 1 = running, 2 = done (the other bits are the context), 3 = running asynchronously (not offered
// here). While running, bit 2 says that threads wait for the result (WaitOnAddress on the word).
import { callInitFn, ERROR_INVALID_PARAMETER, INFINITE, SetLastError } from "./kernel";
import { wakeAll, waitWord } from "./address";

const STATE: u32 = 3;
const RUNNING: u32 = 1;
const DONE: u32 = 2;
const ASYNC: u32 = 3;
const WAITING: u32 = 4;

export function InitOnceInitialize(once: usize): void { atomic.store<u32>(once, 0); }

/** Ends the run with word `v`, waking the threads that wait for it. */
function finish(once: usize, v: u32): void {
  if (atomic.xchg<u32>(once, v) & WAITING) wakeAll(once);
}

export function InitOnceExecuteOnce(once: usize, fn: u32, param: usize, context: usize): i32 {
  while (true) {
    const v = atomic.load<u32>(once);
    switch (v & STATE) {
      case 0:
        if (atomic.cmpxchg<u32>(once, 0, RUNNING) == 0) return run(once, fn, param, context);
        break;
      case RUNNING:
        if (v == RUNNING && atomic.cmpxchg<u32>(once, RUNNING, RUNNING | WAITING) != RUNNING) break;
        waitWord(once, <i32>(RUNNING | WAITING), INFINITE);
        break;
      case DONE:
        if (context) store<u32>(context, v & ~STATE);
        return 1;
      case ASYNC:
        SetLastError(ERROR_INVALID_PARAMETER); // begun with INIT_ONCE_ASYNC: not a synchronous init
        return 0;
    }
  }
}

function run(once: usize, fn: u32, param: usize, context: usize): i32 {
  if (!callInitFn(fn, once, param, context)) {
    finish(once, 0); // failed: a later caller tries again
    return 0;
  }
  const ctx: u32 = context ? load<u32>(context) : 0;
  if (ctx & STATE) { // the context's low bits are reserved (INIT_ONCE_CTX_RESERVED_BITS)
    finish(once, 0);
    SetLastError(ERROR_INVALID_PARAMETER);
    return 0;
  }
  finish(once, ctx | DONE);
  return 1;
}
