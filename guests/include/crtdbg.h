/*
 * ntwasm's <crtdbg.h>: the MSVC debug heap and reports as the release CRT has them. _ASSERT and
 * _ASSERTE check their expression when _DEBUG is defined (a failure prints "Assertion failed: expr,
 * file F, line L" to stderr and ends the program with abort(), exit code 3), and do nothing
 * otherwise, as in MSVC. The report calls (_RPT*, _CrtDbgReport) print nothing; _CrtSetDbgFlag,
 * _CrtSetReportMode, _CrtDumpMemoryLeaks and the other heap checks do nothing and return 0 (the
 * heap checks "valid"); _malloc_dbg & co. are malloc & co.
 */
#ifndef _INC_CRTDBG
#define _INC_CRTDBG

#include <stddef.h>
#include <stdlib.h>
#include <stdint.h>
#include <malloc.h>

#include "ntwasm/callconv.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Report types and modes. */
#define _CRT_WARN 0
#define _CRT_ERROR 1
#define _CRT_ASSERT 2
#define _CRT_ERRCNT 3
#define _CRTDBG_MODE_FILE 0x1
#define _CRTDBG_MODE_DEBUG 0x2
#define _CRTDBG_MODE_WNDW 0x4
#define _CRTDBG_REPORT_MODE (-1)
#define _CRTDBG_INVALID_HFILE ((_HFILE)(intptr_t)-1)
#define _CRTDBG_HFILE_ERROR ((_HFILE)(intptr_t)-2)
#define _CRTDBG_FILE_STDOUT ((_HFILE)(intptr_t)-4)
#define _CRTDBG_FILE_STDERR ((_HFILE)(intptr_t)-5)
#define _CRTDBG_REPORT_FILE ((_HFILE)(intptr_t)-6)
typedef void *_HFILE;

/* Debug heap flags and block types. */
#define _CRTDBG_ALLOC_MEM_DF 0x01
#define _CRTDBG_DELAY_FREE_MEM_DF 0x02
#define _CRTDBG_CHECK_ALWAYS_DF 0x04
#define _CRTDBG_RESERVED_DF 0x08
#define _CRTDBG_CHECK_CRT_DF 0x10
#define _CRTDBG_LEAK_CHECK_DF 0x20
#define _CRTDBG_CHECK_EVERY_16_DF 0x00100000
#define _CRTDBG_CHECK_EVERY_128_DF 0x00800000
#define _CRTDBG_CHECK_EVERY_1024_DF 0x04000000
#define _CRTDBG_CHECK_DEFAULT_DF 0
#define _CRTDBG_REPORT_FLAG (-1)
#define _FREE_BLOCK 0
#define _NORMAL_BLOCK 1
#define _CRT_BLOCK 2
#define _IGNORE_BLOCK 3
#define _CLIENT_BLOCK 4
#define _MAX_BLOCKS 5

typedef struct _CrtMemState {
  struct _CrtMemBlockHeader *pBlockHeader;
  size_t lCounts[_MAX_BLOCKS];
  size_t lSizes[_MAX_BLOCKS];
  size_t lHighWaterCount;
  size_t lTotalCount;
} _CrtMemState;

typedef int(__cdecl *_CRT_REPORT_HOOK)(int, char *, int *);
typedef int(__cdecl *_CRT_ALLOC_HOOK)(int, void *, size_t, int, long, const unsigned char *, int);
typedef void(__cdecl *_CRT_DUMP_CLIENT)(void *, size_t);

void __cdecl __ntwasm_assert_failed(const char *expr, const char *file, int line) __attribute__((noreturn));

#ifdef _DEBUG
#define _ASSERT_EXPR(expr, msg) ((void)(!!(expr) || (__ntwasm_assert_failed(#expr, __FILE__, __LINE__), 0)))
#define _ASSERT(expr) _ASSERT_EXPR((expr), NULL)
#define _ASSERTE(expr) _ASSERT_EXPR((expr), NULL)
#define _ASSERT_BASE _ASSERT_EXPR
#else
#define _ASSERT_EXPR(expr, msg) ((void)0)
#define _ASSERT(expr) ((void)0)
#define _ASSERTE(expr) ((void)0)
#define _ASSERT_BASE _ASSERT_EXPR
#endif

#define _RPT0(t, msg) ((void)0)
#define _RPT1(t, msg, a1) ((void)0)
#define _RPT2(t, msg, a1, a2) ((void)0)
#define _RPT3(t, msg, a1, a2, a3) ((void)0)
#define _RPT4(t, msg, a1, a2, a3, a4) ((void)0)
#define _RPT5(t, msg, a1, a2, a3, a4, a5) ((void)0)
#define _RPTN(t, msg, ...) ((void)0)
#define _RPTF0(t, msg) ((void)0)
#define _RPTF1(t, msg, a1) ((void)0)
#define _RPTF2(t, msg, a1, a2) ((void)0)
#define _RPTF3(t, msg, a1, a2, a3) ((void)0)
#define _RPTF4(t, msg, a1, a2, a3, a4) ((void)0)
#define _RPTF5(t, msg, a1, a2, a3, a4, a5) ((void)0)
#define _RPTFN(t, msg, ...) ((void)0)
#define _RPT_BASE(...) ((void)0)
#define _RPTW0(t, msg) ((void)0)
#define _RPTW1(t, msg, a1) ((void)0)
#define _RPTW2(t, msg, a1, a2) ((void)0)
#define _CrtDbgReport(...) ((int)0)
#define _CrtDbgReportW(...) ((int)0)
#define _CrtDbgBreak() ((void)0)

#define _CrtSetDbgFlag(f) ((int)0)
#define _CrtSetReportMode(t, f) ((int)0)
#define _CrtSetReportFile(t, f) ((_HFILE)0)
#define _CrtSetReportHook(f) ((_CRT_REPORT_HOOK)0)
#define _CrtSetReportHook2(t, f) ((int)0)
#define _CrtSetAllocHook(f) ((_CRT_ALLOC_HOOK)0)
#define _CrtGetAllocHook() ((_CRT_ALLOC_HOOK)0)
#define _CrtSetDumpClient(f) ((_CRT_DUMP_CLIENT)0)
#define _CrtSetBreakAlloc(n) ((long)0)
#define _CrtDumpMemoryLeaks() ((int)0)
#define _CrtCheckMemory() ((int)1)
#define _CrtDoForAllClientObjects(f, c) ((void)0)
#define _CrtIsValidPointer(p, n, rw) ((int)1)
#define _CrtIsValidHeapPointer(p) ((int)1)
#define _CrtIsMemoryBlock(p, t, r, f, l) ((int)1)
#define _CrtReportBlockType(p) ((int)-1)
#define _CrtMemCheckpoint(s) ((void)0)
#define _CrtMemDifference(s1, s2, s3) ((int)0)
#define _CrtMemDumpAllObjectsSince(s) ((void)0)
#define _CrtMemDumpStatistics(s) ((void)0)
#define _CrtSetDebugFillThreshold(n) ((size_t)0)

#define _malloc_dbg(s, t, f, l) malloc(s)
#define _calloc_dbg(c, s, t, f, l) calloc(c, s)
#define _realloc_dbg(p, s, t, f, l) realloc(p, s)
#define _free_dbg(p, t) free(p)
#define _expand_dbg(p, s, t, f, l) ((void *)0)
#define _msize_dbg(p, t) _msize(p)
#define _strdup_dbg(s, t, f, l) _strdup(s)
#define _wcsdup_dbg(s, t, f, l) _wcsdup(s)
#define _aligned_malloc_dbg(s, a, f, l) _aligned_malloc(s, a)
#define _aligned_realloc_dbg(p, s, a, f, l) _aligned_realloc(p, s, a)
#define _aligned_free_dbg(p) _aligned_free(p)

#ifdef __cplusplus
}
#endif

#endif /* _INC_CRTDBG */
