/*
 * ntwasm's <intrin.h>: the MSVC intrinsics that make sense on wasm32. The Interlocked family and
 * the barriers come from ntwasm/interlocked.h (also included by <windows.h>). clang provides many
 * MSVC intrinsics as builtins with -fms-extensions (_rotl, _byteswap_ulong, __popcnt, __lzcnt,
 * _bittest, __debugbreak, __assume, __noop, _ReturnAddress...); the ones it lacks on wasm32 are
 * defined here: _BitScanForward/_BitScanReverse (and the 64-bit forms), __emul/__emulu,
 * __ll_lshift/__ll_rshift/__ull_rshift and __nop. Not available: _AddressOfReturnAddress and the
 * x86-only intrinsics (__cpuid, __rdtsc, SSE): Wasm has no such thing.
 */
#ifndef NTWASM_INTRIN_H
#define NTWASM_INTRIN_H
#define _INTRIN_H_

#include <stddef.h>
#include "ntwasm/interlocked.h"

#ifdef __cplusplus
extern "C" {
#endif

#if !__has_builtin(_BitScanForward)
/* The index of the lowest set bit in *Index; 0 (and *Index undefined) when Mask is 0. */
NTWASM_ILK unsigned char _BitScanForward(unsigned long *Index, unsigned long Mask) {
  if (!Mask) return 0;
  *Index = (unsigned long)__builtin_ctzl(Mask);
  return 1;
}
#endif
#if !__has_builtin(_BitScanReverse)
NTWASM_ILK unsigned char _BitScanReverse(unsigned long *Index, unsigned long Mask) {
  if (!Mask) return 0;
  *Index = 31ul - (unsigned long)__builtin_clzl(Mask);
  return 1;
}
#endif
#if !__has_builtin(_BitScanForward64)
NTWASM_ILK unsigned char _BitScanForward64(unsigned long *Index, unsigned long long Mask) {
  if (!Mask) return 0;
  *Index = (unsigned long)__builtin_ctzll(Mask);
  return 1;
}
#endif
#if !__has_builtin(_BitScanReverse64)
NTWASM_ILK unsigned char _BitScanReverse64(unsigned long *Index, unsigned long long Mask) {
  if (!Mask) return 0;
  *Index = 63ul - (unsigned long)__builtin_clzll(Mask);
  return 1;
}
#endif
#if !__has_builtin(__emul)
NTWASM_ILK long long __emul(int a, int b) { return (long long)a * b; }
#endif
#if !__has_builtin(__emulu)
NTWASM_ILK unsigned long long __emulu(unsigned int a, unsigned int b) { return (unsigned long long)a * b; }
#endif
#if !__has_builtin(__ll_lshift)
NTWASM_ILK unsigned long long __ll_lshift(unsigned long long v, int n) { return v << (n & 63); }
#endif
#if !__has_builtin(__ll_rshift)
NTWASM_ILK long long __ll_rshift(long long v, int n) { return v >> (n & 63); }
#endif
#if !__has_builtin(__ull_rshift)
NTWASM_ILK unsigned long long __ull_rshift(unsigned long long v, int n) { return v >> (n & 63); }
#endif
#if !__has_builtin(__nop)
NTWASM_ILK void __nop(void) {}
#endif

#ifdef __cplusplus
}
#endif

#endif /* NTWASM_INTRIN_H */
