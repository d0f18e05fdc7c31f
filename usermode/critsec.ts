// CRITICAL_SECTION (24 bytes, the 32-bit layout): DebugInfo, LockCount, RecursionCount,
// OwningThread (a thread id), LockSemaphore, SpinCount. LockCount follows the classic NT/Wine
// convention: -1 when free, and each thread that enters or waits adds one. Enter is one atomic add
// when the section is free; Leave is one atomic subtract when nobody waits. Only a thread that finds
// the section owned by another waits in the kernel, on LockSemaphore as a WaitOnAddress word: Leave
// hands the section to the next waiter by setting that word to 1 and waking one thread.
//
// Every function works on `base(cs)`, cs rounded down to 4: the same address for an aligned section.
// For a misaligned one (unaligned.ts) the five atomic fields move 1..3 bytes down to the aligned
// words inside the 24 bytes, DebugInfo (whose bytes they then overlap) is not written, and
// OwningThread and the others are not at their documented offsets (Windows: "logically opaque").
import { threadId } from "./kernel";
import { aligned4 } from "./unaligned";
import { wakeOne, waitWord } from "./address";
import { INFINITE, NTW_LOCK_CRITICAL_SECTION } from "./kernel";

const DEBUG_INFO: usize = 0;
const LOCK_COUNT: usize = 4;
const RECURSION: usize = 8;
const OWNER: usize = 12;
const SEMAPHORE: usize = 16;
const SPIN_COUNT: usize = 20;
/** DebugInfo of a section with none (RTL_CRITICAL_SECTION_FLAG_NO_DEBUG_INFO): what Windows 8+ stores. */
const NO_DEBUG_INFO: u32 = 0xffffffff;
/** SpinCount's high bit is a flag on Windows (RTL_CRITICAL_SECTION_ALL_FLAG_BITS live above 24 bits too). */
const SPIN_MASK: u32 = 0x00ffffff;

/** The address the field offsets apply to: the section itself, or for a misaligned one the 4-byte boundary below it. */
// @ts-ignore: decorator
@inline function base(cs: usize): usize { return cs & ~(<usize>3); }

export function InitializeCriticalSectionEx(section: usize, spin: u32, flags: u32): i32 {
  const cs = base(section);
  if (aligned4(section)) store<u32>(cs + DEBUG_INFO, NO_DEBUG_INFO);
  store<u32>(cs + RECURSION, 0);
  store<u32>(cs + OWNER, 0);
  store<u32>(cs + SEMAPHORE, 0);
  store<u32>(cs + SPIN_COUNT, spin & SPIN_MASK);
  atomic.store<i32>(cs + LOCK_COUNT, -1);
  return 1;
}

export function InitializeCriticalSection(cs: usize): void { InitializeCriticalSectionEx(cs, 0, 0); }

export function InitializeCriticalSectionAndSpinCount(cs: usize, spin: u32): i32 {
  return InitializeCriticalSectionEx(cs, spin, 0);
}

export function SetCriticalSectionSpinCount(section: usize, spin: u32): u32 {
  const cs = base(section);
  const old = load<u32>(cs + SPIN_COUNT);
  store<u32>(cs + SPIN_COUNT, spin & SPIN_MASK);
  return old;
}

/** The section was owned: wait for the owner's Leave to hand it over (the owner is named for wait chains). */
function waitHandOver(cs: usize): void {
  const sem = cs + SEMAPHORE;
  while (atomic.cmpxchg<i32>(sem, 1, 0) != 1) waitWord(sem, 0, INFINITE, NTW_LOCK_CRITICAL_SECTION, cs, atomic.load<u32>(cs + OWNER));
}

function own(cs: usize, tid: u32): void {
  atomic.store<u32>(cs + OWNER, tid);
  store<i32>(cs + RECURSION, 1);
}

export function EnterCriticalSection(section: usize): void {
  const cs = base(section);
  const tid = threadId;
  const spin = load<u32>(cs + SPIN_COUNT);
  if (spin) {
    if (atomic.load<u32>(cs + OWNER) == tid) {
      atomic.add<i32>(cs + LOCK_COUNT, 1);
      store<i32>(cs + RECURSION, load<i32>(cs + RECURSION) + 1);
      return;
    }
    for (let i: u32 = 0; i < spin; i++) {
      const c = atomic.load<i32>(cs + LOCK_COUNT);
      if (c > 0) break; // someone already waits: spinning will not win
      if (c == -1 && atomic.cmpxchg<i32>(cs + LOCK_COUNT, -1, 0) == -1) { own(cs, tid); return; }
    }
  }
  if (atomic.add<i32>(cs + LOCK_COUNT, 1) != -1) {
    if (atomic.load<u32>(cs + OWNER) == tid) {
      store<i32>(cs + RECURSION, load<i32>(cs + RECURSION) + 1);
      return;
    }
    waitHandOver(cs);
  }
  own(cs, tid);
}

export function TryEnterCriticalSection(section: usize): i32 {
  const cs = base(section);
  const tid = threadId;
  if (atomic.cmpxchg<i32>(cs + LOCK_COUNT, -1, 0) == -1) { own(cs, tid); return 1; }
  if (atomic.load<u32>(cs + OWNER) == tid) {
    atomic.add<i32>(cs + LOCK_COUNT, 1);
    store<i32>(cs + RECURSION, load<i32>(cs + RECURSION) + 1);
    return 1;
  }
  return 0;
}

export function LeaveCriticalSection(section: usize): void {
  const cs = base(section);
  const rec = load<i32>(cs + RECURSION) - 1;
  if (rec > 0) {
    store<i32>(cs + RECURSION, rec);
    atomic.sub<i32>(cs + LOCK_COUNT, 1);
    return;
  }
  if (rec < 0) return; // not entered: ignored, as Wine does
  store<i32>(cs + RECURSION, 0);
  atomic.store<u32>(cs + OWNER, 0);
  if (atomic.sub<i32>(cs + LOCK_COUNT, 1) > 0) { // others wait: hand the section to one of them
    atomic.store<i32>(cs + SEMAPHORE, 1);
    wakeOne(cs + SEMAPHORE);
  }
}

export function DeleteCriticalSection(section: usize): void {
  const cs = base(section);
  if (aligned4(section)) store<u32>(cs + DEBUG_INFO, 0);
  store<i32>(cs + RECURSION, 0);
  store<u32>(cs + OWNER, 0);
  store<u32>(cs + SEMAPHORE, 0);
  store<u32>(cs + SPIN_COUNT, 0);
  atomic.store<i32>(cs + LOCK_COUNT, -1);
}
