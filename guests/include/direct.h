/*
 * ntwasm's <direct.h>: MSVC's directory calls over kernel32 (guests/c/runtime/win/direct.c), so
 * they take Windows paths ("C:\\dir", "sub\\dir") and set errno as MSVC's do (EEXIST, ENOENT,
 * ENOTEMPTY, EACCES, ERANGE). There is one drive, C: (_getdrive is 3).
 * The old names: getcwd, chdir and rmdir are libc's (<unistd.h>); mkdir takes one argument as in
 * MSVC (_mkdir) and two as in POSIX.
 */
#ifndef _INC_DIRECT
#define _INC_DIRECT

#include <stddef.h>
#include <wchar.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ntwasm/callconv.h"

#ifdef __cplusplus
extern "C" {
#endif

char *__cdecl _getcwd(char *_DstBuf, int _SizeInBytes);
char *__cdecl _getdcwd(int _Drive, char *_DstBuf, int _SizeInBytes);
int __cdecl _chdir(const char *_Path);
int __cdecl _mkdir(const char *_Path);
int __cdecl _rmdir(const char *_Path);
int __cdecl _chdrive(int _Drive);
int __cdecl _getdrive(void);
unsigned long __cdecl _getdrives(void);
wchar_t *__cdecl _wgetcwd(wchar_t *_DstBuf, int _SizeInWords);
wchar_t *__cdecl _wgetdcwd(int _Drive, wchar_t *_DstBuf, int _SizeInWords);
int __cdecl _wchdir(const wchar_t *_Path);
int __cdecl _wmkdir(const wchar_t *_Path);
int __cdecl _wrmdir(const wchar_t *_Path);

#if !defined(_CRT_DECLARE_NONSTDC_NAMES) || _CRT_DECLARE_NONSTDC_NAMES
/* mkdir(path) is MSVC's _mkdir, mkdir(path, mode) POSIX's (declared above by <sys/stat.h>). */
int __ntwasm_mkdir_posix(const char *_Path, mode_t _Mode);
#define __NTWASM_MKDIR_PICK(_1, _2, name, ...) name
#define mkdir(...) __NTWASM_MKDIR_PICK(__VA_ARGS__, __ntwasm_mkdir_posix, _mkdir, _)(__VA_ARGS__)
#endif

#ifdef __cplusplus
}
#endif

#endif /* _INC_DIRECT */
