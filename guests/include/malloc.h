/*
 * ntwasm's <malloc.h>: wasi-libc's, plus MSVC's: _alloca/alloca (the compiler's stack allocation),
 * _malloca/_freea (here always the heap), _msize (malloc_usable_size: at least the size asked for,
 * possibly more, where MSVC gives the exact size), _aligned_malloc/_aligned_realloc/_aligned_free/
 * _aligned_msize (guests/c/runtime/win/aligned.c), _expand (NULL: blocks never grow in place),
 * _heapmin (0), _resetstkoflw (1).
 */
#include_next <malloc.h>

#ifndef _INC_MALLOC
#define _INC_MALLOC

#include <stddef.h>
#include <stdlib.h>

#include "ntwasm/callconv.h"

#ifdef __cplusplus
extern "C" {
#endif

#define _alloca(size) __builtin_alloca(size)
#ifndef alloca
#define alloca(size) __builtin_alloca(size)
#endif
#define _ALLOCA_S_THRESHOLD 1024
#define _ALLOCA_S_MARKER_SIZE 8
#define _malloca(size) malloc(size)
#define _freea(p) free(p)

static __inline size_t __cdecl _msize(void *_Block) { return malloc_usable_size(_Block); }
static __inline void *__cdecl _expand(void *_Block, size_t _Size) { (void)_Block; (void)_Size; return NULL; }
static __inline int __cdecl _heapmin(void) { return 0; }
static __inline int __cdecl _resetstkoflw(void) { return 1; }

void *__cdecl _aligned_malloc(size_t _Size, size_t _Alignment);
void *__cdecl _aligned_realloc(void *_Block, size_t _Size, size_t _Alignment);
void *__cdecl _aligned_recalloc(void *_Block, size_t _Count, size_t _Size, size_t _Alignment);
void __cdecl _aligned_free(void *_Block);
size_t __cdecl _aligned_msize(void *_Block, size_t _Alignment, size_t _Offset);

#ifdef __cplusplus
}
#endif

#endif /* _INC_MALLOC */
