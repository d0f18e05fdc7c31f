/*
 * winnt.h's lock-free part: the Interlocked* functions, memory barriers, the SList types and the
 * synchronization barrier type. <windows.h> includes this file (before the generated ntwasm/abi.h,
 * whose SList and barrier prototypes use these types); <intrin.h> includes it too.
 *
 * The Interlocked functions are static inline functions over the compiler's __atomic builtins: each
 * one is a single Wasm atomic instruction (or a compare-exchange loop), sequentially consistent like
 * the full barriers Windows' versions imply. LONG is 32 bits (long), LONG64 64 bits; the 8-, 16-,
 * 32- and 64-bit and pointer forms are all lock-free on wasm32. The ...Acquire, ...Release and
 * ...NoFence variants are the same full-barrier operations (stronger than asked, never weaker). In
 * C++, as in the Windows SDK, the common ones also take unsigned operands.
 *
 * The _Interlocked* intrinsic spellings: clang provides most of them as builtins when it compiles
 * with -fms-extensions (as `ntwasm cc` does); the ones it lacks on wasm32 (the 64-bit forms,
 * _ReadWriteBarrier...) are defined here.
 */
#ifndef NTWASM_INTERLOCKED_H
#define NTWASM_INTERLOCKED_H

#ifdef __cplusplus
extern "C" {
#endif

typedef long long LONG64, *PLONG64;
typedef unsigned long long ULONG64, *PULONG64;

#define NTWASM_ILK static __inline __attribute__((always_inline, unused))
#define NTWASM_SEQ __ATOMIC_SEQ_CST

/* ---- 32-bit (LONG) ---- */
NTWASM_ILK long InterlockedIncrement(long volatile *Addend) { return __atomic_add_fetch(Addend, 1, NTWASM_SEQ); }
NTWASM_ILK long InterlockedDecrement(long volatile *Addend) { return __atomic_sub_fetch(Addend, 1, NTWASM_SEQ); }
NTWASM_ILK long InterlockedExchange(long volatile *Target, long Value) { return __atomic_exchange_n(Target, Value, NTWASM_SEQ); }
NTWASM_ILK long InterlockedExchangeAdd(long volatile *Addend, long Value) { return __atomic_fetch_add(Addend, Value, NTWASM_SEQ); }
NTWASM_ILK long InterlockedAdd(long volatile *Addend, long Value) { return __atomic_add_fetch(Addend, Value, NTWASM_SEQ); }
NTWASM_ILK long InterlockedCompareExchange(long volatile *Destination, long ExChange, long Comperand) {
  __atomic_compare_exchange_n(Destination, &Comperand, ExChange, 0, NTWASM_SEQ, NTWASM_SEQ);
  return Comperand; /* the initial value, whether or not the exchange happened */
}
NTWASM_ILK long InterlockedAnd(long volatile *Destination, long Value) { return __atomic_fetch_and(Destination, Value, NTWASM_SEQ); }
NTWASM_ILK long InterlockedOr(long volatile *Destination, long Value) { return __atomic_fetch_or(Destination, Value, NTWASM_SEQ); }
NTWASM_ILK long InterlockedXor(long volatile *Destination, long Value) { return __atomic_fetch_xor(Destination, Value, NTWASM_SEQ); }
NTWASM_ILK unsigned long InterlockedExchangeSubtract(unsigned long volatile *Addend, unsigned long Value) {
  return __atomic_fetch_sub(Addend, Value, NTWASM_SEQ);
}

/* Bit tests: the bit's previous value (0 or 1). */
NTWASM_ILK unsigned char InterlockedBitTestAndSet(long volatile *Base, long Bit) {
  return (unsigned char)((__atomic_fetch_or(Base + (Bit >> 5), 1L << (Bit & 31), NTWASM_SEQ) >> (Bit & 31)) & 1);
}
NTWASM_ILK unsigned char InterlockedBitTestAndReset(long volatile *Base, long Bit) {
  return (unsigned char)((__atomic_fetch_and(Base + (Bit >> 5), ~(1L << (Bit & 31)), NTWASM_SEQ) >> (Bit & 31)) & 1);
}
NTWASM_ILK unsigned char InterlockedBitTestAndComplement(long volatile *Base, long Bit) {
  return (unsigned char)((__atomic_fetch_xor(Base + (Bit >> 5), 1L << (Bit & 31), NTWASM_SEQ) >> (Bit & 31)) & 1);
}

/* ---- 8- and 16-bit ---- */
NTWASM_ILK char InterlockedExchange8(char volatile *Target, char Value) { return __atomic_exchange_n(Target, Value, NTWASM_SEQ); }
NTWASM_ILK char InterlockedExchangeAdd8(char volatile *Addend, char Value) { return __atomic_fetch_add(Addend, Value, NTWASM_SEQ); }
NTWASM_ILK char InterlockedCompareExchange8(char volatile *Destination, char ExChange, char Comperand) {
  __atomic_compare_exchange_n(Destination, &Comperand, ExChange, 0, NTWASM_SEQ, NTWASM_SEQ);
  return Comperand;
}
NTWASM_ILK char InterlockedAnd8(char volatile *Destination, char Value) { return __atomic_fetch_and(Destination, Value, NTWASM_SEQ); }
NTWASM_ILK char InterlockedOr8(char volatile *Destination, char Value) { return __atomic_fetch_or(Destination, Value, NTWASM_SEQ); }
NTWASM_ILK char InterlockedXor8(char volatile *Destination, char Value) { return __atomic_fetch_xor(Destination, Value, NTWASM_SEQ); }
NTWASM_ILK short InterlockedIncrement16(short volatile *Addend) { return __atomic_add_fetch(Addend, 1, NTWASM_SEQ); }
NTWASM_ILK short InterlockedDecrement16(short volatile *Addend) { return __atomic_sub_fetch(Addend, 1, NTWASM_SEQ); }
NTWASM_ILK short InterlockedExchange16(short volatile *Target, short Value) { return __atomic_exchange_n(Target, Value, NTWASM_SEQ); }
NTWASM_ILK short InterlockedExchangeAdd16(short volatile *Addend, short Value) { return __atomic_fetch_add(Addend, Value, NTWASM_SEQ); }
NTWASM_ILK short InterlockedCompareExchange16(short volatile *Destination, short ExChange, short Comperand) {
  __atomic_compare_exchange_n(Destination, &Comperand, ExChange, 0, NTWASM_SEQ, NTWASM_SEQ);
  return Comperand;
}
NTWASM_ILK short InterlockedAnd16(short volatile *Destination, short Value) { return __atomic_fetch_and(Destination, Value, NTWASM_SEQ); }
NTWASM_ILK short InterlockedOr16(short volatile *Destination, short Value) { return __atomic_fetch_or(Destination, Value, NTWASM_SEQ); }
NTWASM_ILK short InterlockedXor16(short volatile *Destination, short Value) { return __atomic_fetch_xor(Destination, Value, NTWASM_SEQ); }

/* ---- 64-bit (LONG64) ---- */
NTWASM_ILK long long InterlockedIncrement64(long long volatile *Addend) { return __atomic_add_fetch(Addend, 1, NTWASM_SEQ); }
NTWASM_ILK long long InterlockedDecrement64(long long volatile *Addend) { return __atomic_sub_fetch(Addend, 1, NTWASM_SEQ); }
NTWASM_ILK long long InterlockedExchange64(long long volatile *Target, long long Value) {
  return __atomic_exchange_n(Target, Value, NTWASM_SEQ);
}
NTWASM_ILK long long InterlockedExchangeAdd64(long long volatile *Addend, long long Value) {
  return __atomic_fetch_add(Addend, Value, NTWASM_SEQ);
}
NTWASM_ILK long long InterlockedAdd64(long long volatile *Addend, long long Value) { return __atomic_add_fetch(Addend, Value, NTWASM_SEQ); }
NTWASM_ILK long long InterlockedCompareExchange64(long long volatile *Destination, long long ExChange, long long Comperand) {
  __atomic_compare_exchange_n(Destination, &Comperand, ExChange, 0, NTWASM_SEQ, NTWASM_SEQ);
  return Comperand;
}
NTWASM_ILK long long InterlockedAnd64(long long volatile *Destination, long long Value) {
  return __atomic_fetch_and(Destination, Value, NTWASM_SEQ);
}
NTWASM_ILK long long InterlockedOr64(long long volatile *Destination, long long Value) {
  return __atomic_fetch_or(Destination, Value, NTWASM_SEQ);
}
NTWASM_ILK long long InterlockedXor64(long long volatile *Destination, long long Value) {
  return __atomic_fetch_xor(Destination, Value, NTWASM_SEQ);
}
NTWASM_ILK unsigned char InterlockedBitTestAndSet64(long long volatile *Base, long long Bit) {
  return (unsigned char)((__atomic_fetch_or(Base + (Bit >> 6), 1LL << (Bit & 63), NTWASM_SEQ) >> (Bit & 63)) & 1);
}
NTWASM_ILK unsigned char InterlockedBitTestAndReset64(long long volatile *Base, long long Bit) {
  return (unsigned char)((__atomic_fetch_and(Base + (Bit >> 6), ~(1LL << (Bit & 63)), NTWASM_SEQ) >> (Bit & 63)) & 1);
}

/* ---- pointers ---- */
NTWASM_ILK void *InterlockedExchangePointer(void *volatile *Target, void *Value) {
  return __atomic_exchange_n(Target, Value, NTWASM_SEQ);
}
NTWASM_ILK void *InterlockedCompareExchangePointer(void *volatile *Destination, void *ExChange, void *Comperand) {
  __atomic_compare_exchange_n(Destination, &Comperand, ExChange, 0, NTWASM_SEQ, NTWASM_SEQ);
  return Comperand;
}

/* ---- the same operations with weaker names (all full barriers here) ---- */
#define InterlockedIncrementAcquire InterlockedIncrement
#define InterlockedIncrementRelease InterlockedIncrement
#define InterlockedIncrementNoFence InterlockedIncrement
#define InterlockedDecrementAcquire InterlockedDecrement
#define InterlockedDecrementRelease InterlockedDecrement
#define InterlockedDecrementNoFence InterlockedDecrement
#define InterlockedExchangeAcquire InterlockedExchange
#define InterlockedExchangeNoFence InterlockedExchange
#define InterlockedExchangeAddAcquire InterlockedExchangeAdd
#define InterlockedExchangeAddRelease InterlockedExchangeAdd
#define InterlockedExchangeAddNoFence InterlockedExchangeAdd
#define InterlockedAddAcquire InterlockedAdd
#define InterlockedAddRelease InterlockedAdd
#define InterlockedAddNoFence InterlockedAdd
#define InterlockedCompareExchangeAcquire InterlockedCompareExchange
#define InterlockedCompareExchangeRelease InterlockedCompareExchange
#define InterlockedCompareExchangeNoFence InterlockedCompareExchange
#define InterlockedAndAcquire InterlockedAnd
#define InterlockedAndRelease InterlockedAnd
#define InterlockedAndNoFence InterlockedAnd
#define InterlockedOrAcquire InterlockedOr
#define InterlockedOrRelease InterlockedOr
#define InterlockedOrNoFence InterlockedOr
#define InterlockedXorAcquire InterlockedXor
#define InterlockedXorRelease InterlockedXor
#define InterlockedXorNoFence InterlockedXor
#define InterlockedExchangeSubtractNoFence InterlockedExchangeSubtract
#define InterlockedIncrementAcquire64 InterlockedIncrement64
#define InterlockedIncrementRelease64 InterlockedIncrement64
#define InterlockedIncrementNoFence64 InterlockedIncrement64
#define InterlockedDecrementAcquire64 InterlockedDecrement64
#define InterlockedDecrementRelease64 InterlockedDecrement64
#define InterlockedDecrementNoFence64 InterlockedDecrement64
#define InterlockedExchangeAcquire64 InterlockedExchange64
#define InterlockedExchangeNoFence64 InterlockedExchange64
#define InterlockedExchangeAddAcquire64 InterlockedExchangeAdd64
#define InterlockedExchangeAddRelease64 InterlockedExchangeAdd64
#define InterlockedExchangeAddNoFence64 InterlockedExchangeAdd64
#define InterlockedAddAcquire64 InterlockedAdd64
#define InterlockedAddRelease64 InterlockedAdd64
#define InterlockedAddNoFence64 InterlockedAdd64
#define InterlockedCompareExchangeAcquire64 InterlockedCompareExchange64
#define InterlockedCompareExchangeRelease64 InterlockedCompareExchange64
#define InterlockedCompareExchangeNoFence64 InterlockedCompareExchange64
#define InterlockedAnd64Acquire InterlockedAnd64
#define InterlockedAnd64Release InterlockedAnd64
#define InterlockedAndNoFence64 InterlockedAnd64
#define InterlockedOr64Acquire InterlockedOr64
#define InterlockedOr64Release InterlockedOr64
#define InterlockedOrNoFence64 InterlockedOr64
#define InterlockedXor64Acquire InterlockedXor64
#define InterlockedXor64Release InterlockedXor64
#define InterlockedXorNoFence64 InterlockedXor64
#define InterlockedIncrementSizeT(a) ((size_t)InterlockedIncrement((long volatile *)(a)))
#define InterlockedDecrementSizeT(a) ((size_t)InterlockedDecrement((long volatile *)(a)))
#define InterlockedExchangeAddSizeT(a, b) ((size_t)InterlockedExchangeAdd((long volatile *)(a), (long)(b)))
#define InterlockedAnd8Acquire InterlockedAnd8
#define InterlockedAnd8Release InterlockedAnd8
#define InterlockedAnd8NoFence InterlockedAnd8
#define InterlockedOr8Acquire InterlockedOr8
#define InterlockedOr8Release InterlockedOr8
#define InterlockedOr8NoFence InterlockedOr8
#define InterlockedXor8Acquire InterlockedXor8
#define InterlockedXor8Release InterlockedXor8
#define InterlockedXor8NoFence InterlockedXor8
#define InterlockedAnd16Acquire InterlockedAnd16
#define InterlockedAnd16Release InterlockedAnd16
#define InterlockedAnd16NoFence InterlockedAnd16
#define InterlockedOr16Acquire InterlockedOr16
#define InterlockedOr16Release InterlockedOr16
#define InterlockedOr16NoFence InterlockedOr16
#define InterlockedXor16Acquire InterlockedXor16
#define InterlockedXor16Release InterlockedXor16
#define InterlockedXor16NoFence InterlockedXor16
#define InterlockedIncrementAcquire16 InterlockedIncrement16
#define InterlockedIncrementRelease16 InterlockedIncrement16
#define InterlockedIncrementNoFence16 InterlockedIncrement16
#define InterlockedDecrementAcquire16 InterlockedDecrement16
#define InterlockedDecrementRelease16 InterlockedDecrement16
#define InterlockedDecrementNoFence16 InterlockedDecrement16
#define InterlockedCompareExchangeAcquire16 InterlockedCompareExchange16
#define InterlockedCompareExchangeRelease16 InterlockedCompareExchange16
#define InterlockedCompareExchangeNoFence16 InterlockedCompareExchange16
#define InterlockedExchangePointerAcquire InterlockedExchangePointer
#define InterlockedExchangePointerNoFence InterlockedExchangePointer
#define InterlockedCompareExchangePointerAcquire InterlockedCompareExchangePointer
#define InterlockedCompareExchangePointerRelease InterlockedCompareExchangePointer
#define InterlockedCompareExchangePointerNoFence InterlockedCompareExchangePointer
#define InterlockedBitTestAndSetAcquire InterlockedBitTestAndSet
#define InterlockedBitTestAndSetRelease InterlockedBitTestAndSet
#define InterlockedBitTestAndResetAcquire InterlockedBitTestAndReset
#define InterlockedBitTestAndResetRelease InterlockedBitTestAndReset

/* ---- barriers and plain accesses ---- */
/* A full hardware barrier (Wasm: atomic.fence). */
NTWASM_ILK void MemoryBarrier(void) { __atomic_thread_fence(NTWASM_SEQ); }
#define __faststorefence MemoryBarrier
/* Spin-wait hint: Wasm has no pause instruction, so it does nothing. */
NTWASM_ILK void YieldProcessor(void) {}
#define PreFetchCacheLine(level, address) ((void)(address))
#define PrefetchForWrite(address) ((void)(address))
#define ReadForWriteAccess(p) (*(p))

NTWASM_ILK char ReadAcquire8(char const volatile *Source) { return __atomic_load_n(Source, __ATOMIC_ACQUIRE); }
NTWASM_ILK short ReadAcquire16(short const volatile *Source) { return __atomic_load_n(Source, __ATOMIC_ACQUIRE); }
NTWASM_ILK long ReadAcquire(long const volatile *Source) { return __atomic_load_n(Source, __ATOMIC_ACQUIRE); }
NTWASM_ILK long long ReadAcquire64(long long const volatile *Source) { return __atomic_load_n(Source, __ATOMIC_ACQUIRE); }
NTWASM_ILK void *ReadPointerAcquire(void *const volatile *Source) { return __atomic_load_n(Source, __ATOMIC_ACQUIRE); }
NTWASM_ILK char ReadNoFence8(char const volatile *Source) { return __atomic_load_n(Source, __ATOMIC_RELAXED); }
NTWASM_ILK short ReadNoFence16(short const volatile *Source) { return __atomic_load_n(Source, __ATOMIC_RELAXED); }
NTWASM_ILK long ReadNoFence(long const volatile *Source) { return __atomic_load_n(Source, __ATOMIC_RELAXED); }
NTWASM_ILK long long ReadNoFence64(long long const volatile *Source) { return __atomic_load_n(Source, __ATOMIC_RELAXED); }
NTWASM_ILK void *ReadPointerNoFence(void *const volatile *Source) { return __atomic_load_n(Source, __ATOMIC_RELAXED); }
NTWASM_ILK void WriteRelease8(char volatile *Destination, char Value) { __atomic_store_n(Destination, Value, __ATOMIC_RELEASE); }
NTWASM_ILK void WriteRelease16(short volatile *Destination, short Value) { __atomic_store_n(Destination, Value, __ATOMIC_RELEASE); }
NTWASM_ILK void WriteRelease(long volatile *Destination, long Value) { __atomic_store_n(Destination, Value, __ATOMIC_RELEASE); }
NTWASM_ILK void WriteRelease64(long long volatile *Destination, long long Value) { __atomic_store_n(Destination, Value, __ATOMIC_RELEASE); }
NTWASM_ILK void WritePointerRelease(void *volatile *Destination, void *Value) { __atomic_store_n(Destination, Value, __ATOMIC_RELEASE); }
NTWASM_ILK void WriteNoFence8(char volatile *Destination, char Value) { __atomic_store_n(Destination, Value, __ATOMIC_RELAXED); }
NTWASM_ILK void WriteNoFence16(short volatile *Destination, short Value) { __atomic_store_n(Destination, Value, __ATOMIC_RELAXED); }
NTWASM_ILK void WriteNoFence(long volatile *Destination, long Value) { __atomic_store_n(Destination, Value, __ATOMIC_RELAXED); }
NTWASM_ILK void WriteNoFence64(long long volatile *Destination, long long Value) { __atomic_store_n(Destination, Value, __ATOMIC_RELAXED); }
NTWASM_ILK void WritePointerNoFence(void *volatile *Destination, void *Value) { __atomic_store_n(Destination, Value, __ATOMIC_RELAXED); }
#define ReadULongAcquire(p) ((unsigned long)ReadAcquire((long const volatile *)(p)))
#define ReadULongNoFence(p) ((unsigned long)ReadNoFence((long const volatile *)(p)))
#define WriteULongRelease(p, v) WriteRelease((long volatile *)(p), (long)(v))
#define WriteULongNoFence(p, v) WriteNoFence((long volatile *)(p), (long)(v))

/* ---- the _Interlocked* intrinsic spellings clang lacks on this target ---- */
#if !__has_builtin(_ReadWriteBarrier)
NTWASM_ILK void _ReadWriteBarrier(void) { __atomic_signal_fence(NTWASM_SEQ); }
#endif
#if !__has_builtin(_ReadBarrier)
NTWASM_ILK void _ReadBarrier(void) { __atomic_signal_fence(NTWASM_SEQ); }
#endif
#if !__has_builtin(_WriteBarrier)
NTWASM_ILK void _WriteBarrier(void) { __atomic_signal_fence(NTWASM_SEQ); }
#endif
#if !__has_builtin(_mm_pause)
NTWASM_ILK void _mm_pause(void) {}
#endif
#if !__has_builtin(_mm_mfence)
NTWASM_ILK void _mm_mfence(void) { __atomic_thread_fence(NTWASM_SEQ); }
#endif

#define NTWASM_ILK_ALIAS(builtin, impl, result, params, args) \
  NTWASM_ILK result builtin params { return impl args; }
#if !__has_builtin(_InterlockedIncrement)
NTWASM_ILK_ALIAS(_InterlockedIncrement, InterlockedIncrement, long, (long volatile *p), (p))
#endif
#if !__has_builtin(_InterlockedDecrement)
NTWASM_ILK_ALIAS(_InterlockedDecrement, InterlockedDecrement, long, (long volatile *p), (p))
#endif
#if !__has_builtin(_InterlockedExchange)
NTWASM_ILK_ALIAS(_InterlockedExchange, InterlockedExchange, long, (long volatile *p, long v), (p, v))
#endif
#if !__has_builtin(_InterlockedExchangeAdd)
NTWASM_ILK_ALIAS(_InterlockedExchangeAdd, InterlockedExchangeAdd, long, (long volatile *p, long v), (p, v))
#endif
#if !__has_builtin(_InterlockedCompareExchange)
NTWASM_ILK_ALIAS(_InterlockedCompareExchange, InterlockedCompareExchange, long, (long volatile *p, long x, long c), (p, x, c))
#endif
#if !__has_builtin(_InterlockedAnd)
NTWASM_ILK_ALIAS(_InterlockedAnd, InterlockedAnd, long, (long volatile *p, long v), (p, v))
#endif
#if !__has_builtin(_InterlockedOr)
NTWASM_ILK_ALIAS(_InterlockedOr, InterlockedOr, long, (long volatile *p, long v), (p, v))
#endif
#if !__has_builtin(_InterlockedXor)
NTWASM_ILK_ALIAS(_InterlockedXor, InterlockedXor, long, (long volatile *p, long v), (p, v))
#endif
#if !__has_builtin(_InterlockedExchange8)
NTWASM_ILK_ALIAS(_InterlockedExchange8, InterlockedExchange8, char, (char volatile *p, char v), (p, v))
#endif
#if !__has_builtin(_InterlockedExchangeAdd8)
NTWASM_ILK_ALIAS(_InterlockedExchangeAdd8, InterlockedExchangeAdd8, char, (char volatile *p, char v), (p, v))
#endif
#if !__has_builtin(_InterlockedCompareExchange8)
NTWASM_ILK_ALIAS(_InterlockedCompareExchange8, InterlockedCompareExchange8, char, (char volatile *p, char x, char c), (p, x, c))
#endif
#if !__has_builtin(_InterlockedAnd8)
NTWASM_ILK_ALIAS(_InterlockedAnd8, InterlockedAnd8, char, (char volatile *p, char v), (p, v))
#endif
#if !__has_builtin(_InterlockedOr8)
NTWASM_ILK_ALIAS(_InterlockedOr8, InterlockedOr8, char, (char volatile *p, char v), (p, v))
#endif
#if !__has_builtin(_InterlockedXor8)
NTWASM_ILK_ALIAS(_InterlockedXor8, InterlockedXor8, char, (char volatile *p, char v), (p, v))
#endif
#if !__has_builtin(_InterlockedIncrement16)
NTWASM_ILK_ALIAS(_InterlockedIncrement16, InterlockedIncrement16, short, (short volatile *p), (p))
#endif
#if !__has_builtin(_InterlockedDecrement16)
NTWASM_ILK_ALIAS(_InterlockedDecrement16, InterlockedDecrement16, short, (short volatile *p), (p))
#endif
#if !__has_builtin(_InterlockedExchange16)
NTWASM_ILK_ALIAS(_InterlockedExchange16, InterlockedExchange16, short, (short volatile *p, short v), (p, v))
#endif
#if !__has_builtin(_InterlockedExchangeAdd16)
NTWASM_ILK_ALIAS(_InterlockedExchangeAdd16, InterlockedExchangeAdd16, short, (short volatile *p, short v), (p, v))
#endif
#if !__has_builtin(_InterlockedCompareExchange16)
NTWASM_ILK_ALIAS(_InterlockedCompareExchange16, InterlockedCompareExchange16, short, (short volatile *p, short x, short c), (p, x, c))
#endif
#if !__has_builtin(_InterlockedAnd16)
NTWASM_ILK_ALIAS(_InterlockedAnd16, InterlockedAnd16, short, (short volatile *p, short v), (p, v))
#endif
#if !__has_builtin(_InterlockedOr16)
NTWASM_ILK_ALIAS(_InterlockedOr16, InterlockedOr16, short, (short volatile *p, short v), (p, v))
#endif
#if !__has_builtin(_InterlockedXor16)
NTWASM_ILK_ALIAS(_InterlockedXor16, InterlockedXor16, short, (short volatile *p, short v), (p, v))
#endif
#if !__has_builtin(_InterlockedIncrement64)
NTWASM_ILK_ALIAS(_InterlockedIncrement64, InterlockedIncrement64, long long, (long long volatile *p), (p))
#endif
#if !__has_builtin(_InterlockedDecrement64)
NTWASM_ILK_ALIAS(_InterlockedDecrement64, InterlockedDecrement64, long long, (long long volatile *p), (p))
#endif
#if !__has_builtin(_InterlockedExchange64)
NTWASM_ILK_ALIAS(_InterlockedExchange64, InterlockedExchange64, long long, (long long volatile *p, long long v), (p, v))
#endif
#if !__has_builtin(_InterlockedExchangeAdd64)
NTWASM_ILK_ALIAS(_InterlockedExchangeAdd64, InterlockedExchangeAdd64, long long, (long long volatile *p, long long v), (p, v))
#endif
#if !__has_builtin(_InterlockedCompareExchange64)
NTWASM_ILK_ALIAS(_InterlockedCompareExchange64, InterlockedCompareExchange64, long long,
                 (long long volatile *p, long long x, long long c), (p, x, c))
#endif
#if !__has_builtin(_InterlockedAnd64)
NTWASM_ILK_ALIAS(_InterlockedAnd64, InterlockedAnd64, long long, (long long volatile *p, long long v), (p, v))
#endif
#if !__has_builtin(_InterlockedOr64)
NTWASM_ILK_ALIAS(_InterlockedOr64, InterlockedOr64, long long, (long long volatile *p, long long v), (p, v))
#endif
#if !__has_builtin(_InterlockedXor64)
NTWASM_ILK_ALIAS(_InterlockedXor64, InterlockedXor64, long long, (long long volatile *p, long long v), (p, v))
#endif
#if !__has_builtin(_InterlockedExchangePointer)
NTWASM_ILK_ALIAS(_InterlockedExchangePointer, InterlockedExchangePointer, void *, (void *volatile *p, void *v), (p, v))
#endif
#if !__has_builtin(_InterlockedCompareExchangePointer)
NTWASM_ILK_ALIAS(_InterlockedCompareExchangePointer, InterlockedCompareExchangePointer, void *,
                 (void *volatile *p, void *x, void *c), (p, x, c))
#endif
#if !__has_builtin(_interlockedbittestandset)
NTWASM_ILK_ALIAS(_interlockedbittestandset, InterlockedBitTestAndSet, unsigned char, (long volatile *p, long b), (p, b))
#endif
#if !__has_builtin(_interlockedbittestandreset)
NTWASM_ILK_ALIAS(_interlockedbittestandreset, InterlockedBitTestAndReset, unsigned char, (long volatile *p, long b), (p, b))
#endif
#undef NTWASM_ILK_ALIAS

/* ---- interlocked singly linked lists (InterlockedPushEntrySList & co.: guests/c/runtime/kernel32/slist.c) ---- */
typedef struct _SINGLE_LIST_ENTRY {
  struct _SINGLE_LIST_ENTRY *Next;
} SINGLE_LIST_ENTRY, *PSINGLE_LIST_ENTRY;
/* As on 32-bit Windows, an SList entry is a SINGLE_LIST_ENTRY. */
#define _SLIST_ENTRY _SINGLE_LIST_ENTRY
typedef SINGLE_LIST_ENTRY SLIST_ENTRY, *PSLIST_ENTRY;
/* 8 bytes, 8-aligned as on 32-bit Windows: the first entry, the depth and a sequence number that
 * changes with every push and pop, updated together with one 64-bit compare-exchange. */
typedef union __attribute__((aligned(8))) _SLIST_HEADER {
  unsigned long long Alignment;
  struct {
    SLIST_ENTRY Next;
    unsigned short Depth;
    unsigned short Sequence;
  };
} SLIST_HEADER, *PSLIST_HEADER;
_Static_assert(sizeof(SLIST_HEADER) == 8, "SLIST_HEADER is 8 bytes on 32-bit Windows");
/* The alignment SList entries need (and HeapAlloc/malloc give), as on 32-bit Windows. */
#ifndef MEMORY_ALLOCATION_ALIGNMENT
#define MEMORY_ALLOCATION_ALIGNMENT 8
#endif

/* ---- synchronization barriers (EnterSynchronizationBarrier & co., usermode.wasm) ---- */
/* 24 bytes as on 32-bit Windows; opaque. */
typedef struct _RTL_BARRIER {
  unsigned long Reserved1;
  unsigned long Reserved2;
  unsigned long Reserved3[2];
  unsigned long Reserved4;
  unsigned long Reserved5;
} RTL_BARRIER, *PRTL_BARRIER, SYNCHRONIZATION_BARRIER, *PSYNCHRONIZATION_BARRIER, *LPSYNCHRONIZATION_BARRIER;
_Static_assert(sizeof(RTL_BARRIER) == 24, "SYNCHRONIZATION_BARRIER is 24 bytes on 32-bit Windows");
#ifndef SYNCHRONIZATION_BARRIER_FLAGS_SPIN_ONLY
#define SYNCHRONIZATION_BARRIER_FLAGS_SPIN_ONLY ((DWORD)0x00000001)
#define SYNCHRONIZATION_BARRIER_FLAGS_BLOCK_ONLY ((DWORD)0x00000002)
#define SYNCHRONIZATION_BARRIER_FLAGS_NO_DELETE ((DWORD)0x00000004)
#endif

#ifdef __cplusplus
} /* extern "C" */

/* The Windows SDK's C++ overloads for unsigned operands (COM reference counts are ULONG). */
extern "C++" {
NTWASM_ILK unsigned InterlockedIncrement(unsigned volatile *a) { return (unsigned)InterlockedIncrement((long volatile *)a); }
NTWASM_ILK unsigned long InterlockedIncrement(unsigned long volatile *a) { return (unsigned long)InterlockedIncrement((long volatile *)a); }
NTWASM_ILK unsigned long long InterlockedIncrement(unsigned long long volatile *a) {
  return (unsigned long long)InterlockedIncrement64((long long volatile *)a);
}
NTWASM_ILK unsigned InterlockedDecrement(unsigned volatile *a) { return (unsigned)InterlockedDecrement((long volatile *)a); }
NTWASM_ILK unsigned long InterlockedDecrement(unsigned long volatile *a) { return (unsigned long)InterlockedDecrement((long volatile *)a); }
NTWASM_ILK unsigned long long InterlockedDecrement(unsigned long long volatile *a) {
  return (unsigned long long)InterlockedDecrement64((long long volatile *)a);
}
NTWASM_ILK unsigned InterlockedExchange(unsigned volatile *t, unsigned v) { return (unsigned)InterlockedExchange((long volatile *)t, (long)v); }
NTWASM_ILK unsigned long InterlockedExchange(unsigned long volatile *t, unsigned long v) {
  return (unsigned long)InterlockedExchange((long volatile *)t, (long)v);
}
NTWASM_ILK unsigned long long InterlockedExchange(unsigned long long volatile *t, unsigned long long v) {
  return (unsigned long long)InterlockedExchange64((long long volatile *)t, (long long)v);
}
NTWASM_ILK unsigned InterlockedExchangeAdd(unsigned volatile *a, unsigned v) {
  return (unsigned)InterlockedExchangeAdd((long volatile *)a, (long)v);
}
NTWASM_ILK unsigned long InterlockedExchangeAdd(unsigned long volatile *a, unsigned long v) {
  return (unsigned long)InterlockedExchangeAdd((long volatile *)a, (long)v);
}
NTWASM_ILK unsigned long long InterlockedExchangeAdd(unsigned long long volatile *a, unsigned long long v) {
  return (unsigned long long)InterlockedExchangeAdd64((long long volatile *)a, (long long)v);
}
NTWASM_ILK unsigned InterlockedExchangeSubtract(unsigned volatile *a, unsigned v) {
  return (unsigned)InterlockedExchangeAdd((long volatile *)a, -(long)v);
}
NTWASM_ILK unsigned long long InterlockedExchangeSubtract(unsigned long long volatile *a, unsigned long long v) {
  return (unsigned long long)InterlockedExchangeAdd64((long long volatile *)a, -(long long)v);
}
NTWASM_ILK unsigned InterlockedCompareExchange(unsigned volatile *d, unsigned x, unsigned c) {
  return (unsigned)InterlockedCompareExchange((long volatile *)d, (long)x, (long)c);
}
NTWASM_ILK unsigned long InterlockedCompareExchange(unsigned long volatile *d, unsigned long x, unsigned long c) {
  return (unsigned long)InterlockedCompareExchange((long volatile *)d, (long)x, (long)c);
}
NTWASM_ILK unsigned long long InterlockedCompareExchange(unsigned long long volatile *d, unsigned long long x, unsigned long long c) {
  return (unsigned long long)InterlockedCompareExchange64((long long volatile *)d, (long long)x, (long long)c);
}
NTWASM_ILK unsigned long long InterlockedAnd(unsigned long long volatile *d, unsigned long long v) {
  return (unsigned long long)InterlockedAnd64((long long volatile *)d, (long long)v);
}
NTWASM_ILK unsigned long long InterlockedOr(unsigned long long volatile *d, unsigned long long v) {
  return (unsigned long long)InterlockedOr64((long long volatile *)d, (long long)v);
}
NTWASM_ILK unsigned long long InterlockedXor(unsigned long long volatile *d, unsigned long long v) {
  return (unsigned long long)InterlockedXor64((long long volatile *)d, (long long)v);
}
}
#endif /* __cplusplus */

#undef NTWASM_SEQ

#endif /* NTWASM_INTERLOCKED_H */
