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
//
// A misaligned INIT_ONCE (unaligned.ts) keeps the state bits in the aligned halfword inside it; when
// done, that halfword holds context bits 2..15 and the object's two other bytes bits 16..31, written
// before the halfword says DONE. In the asynchronous state bit 2 of the halfword says that one
// InitOnceComplete has won and is writing its context, and bit 3 that others wait for it to finish.
import { callInitFn, ERROR_GEN_FAILURE, ERROR_INVALID_PARAMETER, INFINITE, NTW_LOCK_INIT_ONCE, SetLastError } from "./kernel";
import { wakeAll, waitCell } from "./address";
import { aligned4, halfIn } from "./unaligned";

const STATE: u32 = 3;
const RUNNING: u32 = 1;
const DONE: u32 = 2;
const ASYNC: u32 = 3;
const WAITING: u32 = 4;
/** Misaligned, asynchronous: a completer writes its context; threads wait for that to end. */
const CLAIMED: u32 = 4;
const CLAIM_WAITING: u32 = 8;
// The flags of InitOnceBeginInitialize and InitOnceComplete (abi/constants.ts).
const CHECK_ONLY: u32 = 1;
const F_ASYNC: u32 = 2;
const INIT_FAILED: u32 = 4;

/** The two bytes of a misaligned INIT_ONCE outside its halfword: context bits 16..23, then 24..31. */
function highByte(once: usize, i: u32): usize {
  return i == 0 ? (halfIn(once) == once ? once + 2 : once) : once + 3;
}

/** The context of a done word `v`. */
function contextOf<T>(once: usize, v: T): u32 {
  const low = <u32>v & ~STATE;
  if (sizeof<T>() == 4) return low;
  return low | (<u32>load<u8>(highByte(once, 0)) << 16) | (<u32>load<u8>(highByte(once, 1)) << 24);
}

/** The done word for context `ctx` (low 2 bits clear); for a halfword, first writes the context's high bits. */
function doneWord<T>(once: usize, ctx: u32): T {
  if (sizeof<T>() == 2) {
    store<u8>(highByte(once, 0), <u8>(ctx >> 16));
    store<u8>(highByte(once, 1), <u8>(ctx >> 24));
  }
  return <T>(ctx | DONE);
}

export function InitOnceInitialize(once: usize): void {
  if (aligned4(once)) atomic.store<u32>(once, 0);
  else store<u32>(once, 0); // not in use meanwhile; zero is "not started" in both encodings
}

/** Ends the run with word `v`, waking the threads that wait for it. */
function finish<T>(cell: usize, v: T): void {
  if (atomic.xchg<T>(cell, v) & <T>WAITING) wakeAll(cell);
}

function executeOnce<T>(once: usize, cell: usize, fn: u32, param: usize, context: usize): i32 {
  while (true) {
    const v = <T>atomic.load<T>(cell);
    switch (<u32>v & STATE) {
      case 0:
        if (atomic.cmpxchg<T>(cell, 0, <T>RUNNING) == 0) return run<T>(once, cell, fn, param, context);
        break;
      case RUNNING:
        awaitRun<T>(cell, v);
        break;
      case DONE:
        if (context) store<u32>(context, contextOf<T>(once, v));
        return 1;
      case ASYNC:
        SetLastError(ERROR_INVALID_PARAMETER); // begun with INIT_ONCE_ASYNC: not a synchronous init
        return 0;
    }
  }
}

export function InitOnceExecuteOnce(once: usize, fn: u32, param: usize, context: usize): i32 {
  return aligned4(once) ? executeOnce<u32>(once, once, fn, param, context)
    : executeOnce<u16>(once, halfIn(once), fn, param, context);
}

function run<T>(once: usize, cell: usize, fn: u32, param: usize, context: usize): i32 {
  if (!callInitFn(fn, once, param, context)) {
    finish<T>(cell, 0); // failed: a later caller tries again
    return 0;
  }
  const ctx: u32 = context ? load<u32>(context) : 0;
  if (ctx & STATE) { // the context's low bits are reserved (INIT_ONCE_CTX_RESERVED_BITS)
    finish<T>(cell, 0);
    SetLastError(ERROR_INVALID_PARAMETER);
    return 0;
  }
  finish<T>(cell, doneWord<T>(once, ctx));
  return 1;
}

function fail(error: u32): i32 {
  SetLastError(error);
  return 0;
}

/**
 * Sleeps until a synchronous run (word `v`, RUNNING with or without WAITING) ends: sets WAITING so
 * that its end wakes the word's waiters. The caller looks at the word again.
 */
function awaitRun<T>(cell: usize, v: T): void {
  if (v == <T>RUNNING && atomic.cmpxchg<T>(cell, <T>RUNNING, <T>(RUNNING | WAITING)) != <T>RUNNING) return;
  waitCell<T>(cell, <T>(RUNNING | WAITING), INFINITE, NTW_LOCK_INIT_ONCE, cell);
}

function beginInitialize<T>(once: usize, cell: usize, flags: u32, pending: usize, context: usize): i32 {
  while (true) {
    const v = <T>atomic.load<T>(cell);
    switch (<u32>v & STATE) {
      case 0:
        if (flags & CHECK_ONLY) return fail(ERROR_GEN_FAILURE);
        if (atomic.cmpxchg<T>(cell, 0, <T>(flags & F_ASYNC ? ASYNC : RUNNING)) != 0) break;
        store<u32>(pending, 1); // the caller initializes, then calls InitOnceComplete
        return 1;
      case RUNNING:
        if (flags & CHECK_ONLY) return fail(ERROR_GEN_FAILURE);
        if (flags & F_ASYNC) return fail(ERROR_INVALID_PARAMETER);
        awaitRun<T>(cell, v); // the run ends done (its result) or failed (state 0: this caller runs it)
        break;
      case DONE:
        store<u32>(pending, 0);
        if (context) store<u32>(context, contextOf<T>(once, v));
        return 1;
      case ASYNC:
        if (flags & CHECK_ONLY) return fail(ERROR_GEN_FAILURE);
        if (!(flags & F_ASYNC)) return fail(ERROR_INVALID_PARAMETER);
        store<u32>(pending, 1); // asynchronous: every caller may initialize in parallel
        return 1;
    }
  }
}

export function InitOnceBeginInitialize(once: usize, flags: u32, pending: usize, context: usize): i32 {
  if ((flags & ~(CHECK_ONLY | F_ASYNC)) || flags == (CHECK_ONLY | F_ASYNC)) return fail(ERROR_INVALID_PARAMETER);
  if (!pending) return fail(ERROR_INVALID_PARAMETER); // Windows faults writing *fPending
  return aligned4(once) ? beginInitialize<u32>(once, once, flags, pending, context)
    : beginInitialize<u16>(once, halfIn(once), flags, pending, context);
}

/** Completes an asynchronous run of a misaligned INIT_ONCE: claim the halfword, write the context, publish. */
function completeAsyncHalf(once: usize, cell: usize, v: u16, ctx: u32): i32 {
  if (v & <u16>CLAIMED) { // another completer won: wait until its context is there, then fail below
    if (!(v & <u16>CLAIM_WAITING) && atomic.cmpxchg<u16>(cell, v, v | <u16>CLAIM_WAITING) != v) return -1;
    waitCell<u16>(cell, v | <u16>CLAIM_WAITING, INFINITE, NTW_LOCK_INIT_ONCE, once);
    return -1;
  }
  if (atomic.cmpxchg<u16>(cell, v, v | <u16>CLAIMED) != v) return -1;
  const next = doneWord<u16>(once, ctx);
  if (atomic.xchg<u16>(cell, next) & <u16>CLAIM_WAITING) wakeAll(cell);
  return 1;
}

function complete<T>(once: usize, cell: usize, flags: u32, ctx: u32): i32 {
  while (true) {
    const v = <T>atomic.load<T>(cell);
    switch (<u32>v & STATE) {
      case RUNNING: { // with INIT_ONCE_ASYNC too, as Wine has it
        const next: T = flags & INIT_FAILED ? <T>0 : doneWord<T>(once, ctx);
        if (atomic.cmpxchg<T>(cell, v, next) != v) break; // a waiter set WAITING meanwhile
        if (v & <T>WAITING) wakeAll(cell);
        return 1;
      }
      case ASYNC: {
        if (!(flags & F_ASYNC)) return fail(ERROR_INVALID_PARAMETER);
        if (sizeof<T>() == 2) {
          if (completeAsyncHalf(once, cell, <u16>v, ctx) == 1) return 1;
          break;
        }
        if (atomic.cmpxchg<T>(cell, v, <T>(ctx | DONE)) == v) return 1;
        break; // another thread completed first: done now, so ERROR_GEN_FAILURE below
      }
      default: // not started, or done already
        return fail(ERROR_GEN_FAILURE);
    }
  }
}

export function InitOnceComplete(once: usize, flags: u32, context: usize): i32 {
  if ((flags & ~(F_ASYNC | INIT_FAILED)) || flags == (F_ASYNC | INIT_FAILED)) return fail(ERROR_INVALID_PARAMETER);
  if (<u32>context & STATE) return fail(ERROR_INVALID_PARAMETER); // INIT_ONCE_CTX_RESERVED_BITS
  if ((flags & INIT_FAILED) && context) return fail(ERROR_INVALID_PARAMETER);
  return aligned4(once) ? complete<u32>(once, once, flags, <u32>context)
    : complete<u16>(once, halfIn(once), flags, <u32>context);
}
