// SYNCHRONIZATION_BARRIER: 24 bytes of guest memory (opaque to programs, as on Windows), six words:
//   +0  left: threads still to arrive in the current phase
//   +4  total: threads per phase
//   +8  phase: phases completed (31 bits); bit 31 says that threads sleep on this word
//   +12 spin count: how long an arriving thread spins before it sleeps
//   +16 inside: threads in EnterSynchronizationBarrier (without the NO_DELETE flag); bit 31 says
//       that DeleteSynchronizationBarrier waits for them to leave
//   +20 unused
// The last thread to arrive resets `left`, then advances `phase`, which releases the others: a
// released thread that enters again counts down the next phase, never the one it left.
//
// The offsets apply to `base(barrier)`, the barrier rounded up to 4: itself when aligned; for a
// misaligned one (unaligned.ts), the five aligned words inside its 24 bytes (+20 is not used).
import { ERROR_INVALID_PARAMETER, INFINITE, NTW_LOCK_BARRIER, SetLastError } from "./kernel";
import { wakeAll, waitWord } from "./address";

const LEFT = 0;
const TOTAL = 4;
const PHASE = 8;
const SPIN = 12;
const INSIDE = 16;
const SLEEPERS: u32 = 0x80000000;
const PHASE_MASK: u32 = 0x7fffffff;
const DELETING: u32 = 0x80000000;
// dwFlags of EnterSynchronizationBarrier (winbase.h)
const SPIN_ONLY: u32 = 1;
const BLOCK_ONLY: u32 = 2;
const NO_DELETE: u32 = 4;
/** lSpinCount -1: Windows' default. */
const DEFAULT_SPIN: u32 = 2000;

// @ts-ignore: decorator
@inline function base(barrier: usize): usize { return (barrier + 3) & ~(<usize>3); }

export function InitializeSynchronizationBarrier(lpBarrier: usize, total: i32, spin: i32): i32 {
  if (total < 1) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
  const barrier = base(lpBarrier);
  atomic.store<u32>(barrier + LEFT, <u32>total);
  atomic.store<u32>(barrier + TOTAL, <u32>total);
  atomic.store<u32>(barrier + PHASE, 0);
  atomic.store<u32>(barrier + SPIN, spin < 0 ? DEFAULT_SPIN : <u32>spin);
  atomic.store<u32>(barrier + INSIDE, 0);
  if (barrier == lpBarrier) atomic.store<u32>(barrier + 20, 0);
  return 1;
}

/** Ends phase `phase`: the next one expects every thread again; wakes the sleepers. */
function release(barrier: usize): void {
  atomic.store<u32>(barrier + LEFT, atomic.load<u32>(barrier + TOTAL));
  while (true) {
    const v = atomic.load<u32>(barrier + PHASE);
    if (atomic.cmpxchg<u32>(barrier + PHASE, v, ((v & PHASE_MASK) + 1) & PHASE_MASK) != v) continue;
    if (v & SLEEPERS) wakeAll(barrier + PHASE);
    return;
  }
}

/** Waits until phase `phase` has ended: spins `spins` times (forever with SPIN_ONLY), then sleeps. */
function waitPhase(barrier: usize, phase: u32, flags: u32): void {
  const spins: u32 = flags & BLOCK_ONLY ? 0 : atomic.load<u32>(barrier + SPIN);
  for (let i: u32 = 0; (flags & SPIN_ONLY) != 0 || i < spins; i++) {
    if ((atomic.load<u32>(barrier + PHASE) & PHASE_MASK) != phase) return;
  }
  while (true) {
    const v = atomic.load<u32>(barrier + PHASE);
    if ((v & PHASE_MASK) != phase) return;
    if (!(v & SLEEPERS) && atomic.cmpxchg<u32>(barrier + PHASE, v, v | SLEEPERS) != v) continue;
    waitWord(barrier + PHASE, <i32>(phase | SLEEPERS), INFINITE, NTW_LOCK_BARRIER, barrier);
  }
}

export function EnterSynchronizationBarrier(lpBarrier: usize, flags: u32): i32 {
  const barrier = base(lpBarrier);
  // SPIN_ONLY and BLOCK_ONLY together contradict each other: the default (spin, then sleep)
  if ((flags & (SPIN_ONLY | BLOCK_ONLY)) == (SPIN_ONLY | BLOCK_ONLY)) flags &= ~(SPIN_ONLY | BLOCK_ONLY);
  const tracked = !(flags & NO_DELETE);
  if (tracked) atomic.add<u32>(barrier + INSIDE, 1);
  const phase = atomic.load<u32>(barrier + PHASE) & PHASE_MASK;
  let last: i32 = 0;
  if (atomic.sub<u32>(barrier + LEFT, 1) == 1) { // atomic.sub returns the value before
    release(barrier);
    last = 1;
  } else {
    waitPhase(barrier, phase, flags);
  }
  if (tracked && atomic.sub<u32>(barrier + INSIDE, 1) == (DELETING | 1)) wakeAll(barrier + INSIDE);
  return last;
}

/** Waits until every thread has left the barrier (those that entered with NO_DELETE are not counted). */
export function DeleteSynchronizationBarrier(lpBarrier: usize): i32 {
  const barrier = base(lpBarrier);
  while (true) {
    const v = atomic.load<u32>(barrier + INSIDE);
    if (!(v & ~DELETING)) break;
    if (!(v & DELETING) && atomic.cmpxchg<u32>(barrier + INSIDE, v, v | DELETING) != v) continue;
    waitWord(barrier + INSIDE, <i32>(v | DELETING), INFINITE, NTW_LOCK_BARRIER, barrier);
  }
  atomic.store<u32>(barrier + INSIDE, 0);
  return 1;
}
