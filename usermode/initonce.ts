// INIT_ONCE: one 32-bit word in guest memory, encoded as Wine does: low two bits 0 = not started,
// 1 = running, 2 = done (the other bits are the context), 3 = running asynchronously (every
// InitOnceBeginInitialize with INIT_ONCE_ASYNC may run it; the first InitOnceComplete wins). While
// running synchronously, bit 2 says that threads wait for the result (WaitOnAddress on the word).
//
// The errors follow Windows (Wine's dlls/kernel32/tests/sync.c, test_initonce, checks them): a flag
// that does not fit the state (an asynchronous begin on a synchronous run, a synchronous begin or
// complete on an asynchronous one), an unknown flag, CHECK_ONLY with ASYNC, a context with its low
// two bits set or a context with INIT_ONCE_INIT_FAILED is ERROR_INVALID_PARAMETER; INIT_ONCE_CHECK_ONLY
// before the end, or completing what is not running, is ERROR_GEN_FAILURE. (Wine ignores unknown
// flags; rejecting them is what the documented flag sets call for.)
import { callInitFn, ERROR_GEN_FAILURE, ERROR_INVALID_PARAMETER, INFINITE, SetLastError } from "./kernel";
import { wakeAll, waitWord } from "./address";

const STATE: u32 = 3;
const RUNNING: u32 = 1;
const DONE: u32 = 2;
const ASYNC: u32 = 3;
const WAITING: u32 = 4;
// The flags of InitOnceBeginInitialize and InitOnceComplete (abi/constants.ts).
const CHECK_ONLY: u32 = 1;
const F_ASYNC: u32 = 2;
const INIT_FAILED: u32 = 4;

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

function fail(error: u32): i32 {
  SetLastError(error);
  return 0;
}

/**
 * Sleeps until a synchronous run of `once` (word `v`, RUNNING with or without WAITING) ends: sets
 * WAITING so that its end wakes the word's waiters. The caller looks at the word again.
 */
function awaitRun(once: usize, v: u32): void {
  if (v == RUNNING && atomic.cmpxchg<u32>(once, RUNNING, RUNNING | WAITING) != RUNNING) return;
  waitWord(once, <i32>(RUNNING | WAITING), INFINITE);
}

export function InitOnceBeginInitialize(once: usize, flags: u32, pending: usize, context: usize): i32 {
  if ((flags & ~(CHECK_ONLY | F_ASYNC)) || flags == (CHECK_ONLY | F_ASYNC)) return fail(ERROR_INVALID_PARAMETER);
  if (!pending) return fail(ERROR_INVALID_PARAMETER); // Windows faults writing *fPending
  while (true) {
    const v = atomic.load<u32>(once);
    switch (v & STATE) {
      case 0:
        if (flags & CHECK_ONLY) return fail(ERROR_GEN_FAILURE);
        if (atomic.cmpxchg<u32>(once, 0, flags & F_ASYNC ? ASYNC : RUNNING) != 0) break;
        store<u32>(pending, 1); // the caller initializes, then calls InitOnceComplete
        return 1;
      case RUNNING:
        if (flags & CHECK_ONLY) return fail(ERROR_GEN_FAILURE);
        if (flags & F_ASYNC) return fail(ERROR_INVALID_PARAMETER);
        awaitRun(once, v); // the run ends done (its result) or failed (state 0: this caller runs it)
        break;
      case DONE:
        store<u32>(pending, 0);
        if (context) store<u32>(context, v & ~STATE);
        return 1;
      case ASYNC:
        if (flags & CHECK_ONLY) return fail(ERROR_GEN_FAILURE);
        if (!(flags & F_ASYNC)) return fail(ERROR_INVALID_PARAMETER);
        store<u32>(pending, 1); // asynchronous: every caller may initialize in parallel
        return 1;
    }
  }
}

export function InitOnceComplete(once: usize, flags: u32, context: usize): i32 {
  if ((flags & ~(F_ASYNC | INIT_FAILED)) || flags == (F_ASYNC | INIT_FAILED)) return fail(ERROR_INVALID_PARAMETER);
  if (<u32>context & STATE) return fail(ERROR_INVALID_PARAMETER); // INIT_ONCE_CTX_RESERVED_BITS
  if ((flags & INIT_FAILED) && context) return fail(ERROR_INVALID_PARAMETER);
  const next: u32 = flags & INIT_FAILED ? 0 : <u32>context | DONE;
  while (true) {
    const v = atomic.load<u32>(once);
    switch (v & STATE) {
      case RUNNING: // with INIT_ONCE_ASYNC too, as Wine has it
        if (atomic.cmpxchg<u32>(once, v, next) != v) break; // a waiter set WAITING meanwhile
        if (v & WAITING) wakeAll(once);
        return 1;
      case ASYNC:
        if (!(flags & F_ASYNC)) return fail(ERROR_INVALID_PARAMETER);
        if (atomic.cmpxchg<u32>(once, v, next) == v) return 1;
        break; // another thread completed first: done now, so ERROR_GEN_FAILURE below
      default: // not started, or done already
        return fail(ERROR_GEN_FAILURE);
    }
  }
}
