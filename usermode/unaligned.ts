// Objects at addresses Wasm atomics refuse. A C program can put a lock anywhere: in a
// `#pragma pack(1)` struct, or at `(SRWLOCK *)(buf + 1)`. x86 Windows takes that (its locked
// instructions work at any address), but a Wasm atomic access traps unless it is naturally aligned.
// So every entry point looks at the low address bits once and, for a misaligned object, works on
// aligned words that lie wholly inside the object's own bytes, never on the bytes around it:
// - the 24-byte CRITICAL_SECTION and SYNCHRONIZATION_BARRIER contain five aligned 32-bit words,
//   enough for every field they use atomically (critsec.ts, barrier.ts);
// - a 4-byte SRWLOCK, CONDITION_VARIABLE or INIT_ONCE contains one aligned 16-bit halfword,
//   the 4-byte address rounded up to even, and its state lives there (a narrower encoding, said
//   in each file). The aligned path keeps its 32-bit word and pays one test of the address.

/** Whether a 32-bit word at `address` can be used with Wasm atomics. */
// @ts-ignore: decorator
@inline export function aligned4(address: usize): bool { return (address & 3) == 0; }

/** The aligned halfword inside the 4 bytes at a misaligned `address` (address + 1 or address itself). */
// @ts-ignore: decorator
@inline export function halfIn(address: usize): usize { return (address + 1) & ~(<usize>1); }
