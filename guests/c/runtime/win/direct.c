/*
 * <direct.h>: _getcwd, _getdcwd, _chdir, _mkdir, _rmdir, _chdrive, _getdrive, _getdrives and their
 * wide forms, over the kernel32 directory calls, with errno as MSVC's _dosmaperr sets it.
 */
#include <windows.h>
#include <direct.h>
#include <errno.h>
#include <stdlib.h>

#undef mkdir
int mkdir(const char *path, mode_t mode);
int __ntwasm_mkdir_posix(const char *path, mode_t mode) { return mkdir(path, mode); }

#define DRIVE_C 3

static int fail_errno(void) {
  switch (GetLastError()) {
    case ERROR_FILE_NOT_FOUND: case ERROR_PATH_NOT_FOUND: case ERROR_INVALID_NAME: case ERROR_BAD_PATHNAME: errno = ENOENT; break;
    case ERROR_ALREADY_EXISTS: case ERROR_FILE_EXISTS: errno = EEXIST; break;
    case ERROR_DIR_NOT_EMPTY: errno = ENOTEMPTY; break;
    case ERROR_DIRECTORY: errno = ENOTDIR; break;
    case ERROR_NOT_ENOUGH_MEMORY: case ERROR_OUTOFMEMORY: errno = ENOMEM; break;
    case ERROR_FILENAME_EXCED_RANGE: errno = ENAMETOOLONG; break;
    case ERROR_INVALID_PARAMETER: errno = EINVAL; break;
    default: errno = EACCES; break; /* access denied, sharing violation, the current directory... */
  }
  return -1;
}

int __cdecl _mkdir(const char *path) { return CreateDirectoryA(path, NULL) ? 0 : fail_errno(); }
int __cdecl _wmkdir(const wchar_t *path) { return CreateDirectoryW(path, NULL) ? 0 : fail_errno(); }
int __cdecl _rmdir(const char *path) { return RemoveDirectoryA(path) ? 0 : fail_errno(); }
int __cdecl _wrmdir(const wchar_t *path) { return RemoveDirectoryW(path) ? 0 : fail_errno(); }
int __cdecl _chdir(const char *path) { return SetCurrentDirectoryA(path) ? 0 : fail_errno(); }
int __cdecl _wchdir(const wchar_t *path) { return SetCurrentDirectoryW(path) ? 0 : fail_errno(); }

/* A NULL buffer is allocated: at least `size` units, more if the directory needs them. */
char *__cdecl _getcwd(char *buf, int size) {
  DWORD need = GetCurrentDirectoryA(0, NULL); /* with the NUL */
  if (!need) { fail_errno(); return NULL; }
  if (!buf) {
    DWORD n = size > 0 && (DWORD)size > need ? (DWORD)size : need;
    if (!(buf = malloc(n))) { errno = ENOMEM; return NULL; }
    if (GetCurrentDirectoryA(n, buf) >= n) { free(buf); errno = ERANGE; return NULL; }
    return buf;
  }
  if (size <= 0) { errno = EINVAL; return NULL; }
  DWORD r = GetCurrentDirectoryA((DWORD)size, buf);
  if (!r) { fail_errno(); return NULL; }
  if (r >= (DWORD)size) { errno = ERANGE; return NULL; }
  return buf;
}

wchar_t *__cdecl _wgetcwd(wchar_t *buf, int size) {
  DWORD need = GetCurrentDirectoryW(0, NULL);
  if (!need) { fail_errno(); return NULL; }
  if (!buf) {
    DWORD n = size > 0 && (DWORD)size > need ? (DWORD)size : need;
    if (!(buf = malloc(n * sizeof *buf))) { errno = ENOMEM; return NULL; }
    if (GetCurrentDirectoryW(n, buf) >= n) { free(buf); errno = ERANGE; return NULL; }
    return buf;
  }
  if (size <= 0) { errno = EINVAL; return NULL; }
  DWORD r = GetCurrentDirectoryW((DWORD)size, buf);
  if (!r) { fail_errno(); return NULL; }
  if (r >= (DWORD)size) { errno = ERANGE; return NULL; }
  return buf;
}

char *__cdecl _getdcwd(int drive, char *buf, int size) {
  if (drive != 0 && drive != DRIVE_C) { errno = EACCES; return NULL; }
  return _getcwd(buf, size);
}
wchar_t *__cdecl _wgetdcwd(int drive, wchar_t *buf, int size) {
  if (drive != 0 && drive != DRIVE_C) { errno = EACCES; return NULL; }
  return _wgetcwd(buf, size);
}

int __cdecl _getdrive(void) { return DRIVE_C; }
unsigned long __cdecl _getdrives(void) { return 1ul << (DRIVE_C - 1); }
int __cdecl _chdrive(int drive) {
  if (drive == DRIVE_C) return 0;
  errno = EACCES;
  return -1;
}
