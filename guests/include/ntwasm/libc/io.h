/*
 * ntwasm: MSVC's <io.h> (low-level file calls on descriptors) over wasi-libc's POSIX calls.
 * - _open takes MSVC's _O_* flags (<fcntl.h>) and also POSIX O_* ones (wasi-libc's values);
 *   permissions are accepted and ignored (WASI has none).
 * - _setmode(fd, _O_TEXT / _O_BINARY / _O_WTEXT / _O_U16TEXT / _O_U8TEXT) records the mode and returns
 *   the previous one (a new descriptor is _O_TEXT). Output stays UTF-8 and text mode does not turn
 *   \n into \r\n: ntwasm's console and pipes carry UTF-8 in every mode.
 * - _access modes: 0 (exists), 2 (write), 4 (read), 6 (both).
 */
#ifndef NTWASM_LIBC_IO_H
#define NTWASM_LIBC_IO_H
#define _INC_IO

#include <stddef.h>
#include <fcntl.h>
#include <ntwasm_wstring.h>

#ifdef __cplusplus
extern "C" {
#endif

int _setmode(int fd, int mode);
int _isatty(int fd);
int _access(const char *path, int mode);
int _waccess(const wchar_t *path, int mode);
errno_t _access_s(const char *path, int mode);
errno_t _waccess_s(const wchar_t *path, int mode);
int _open(const char *path, int flags, ...);
int _wopen(const wchar_t *path, int flags, ...);
int _creat(const char *path, int pmode);
int _close(int fd);
int _read(int fd, void *buf, unsigned int n);
int _write(int fd, const void *buf, unsigned int n);
long _lseek(int fd, long off, int whence);
long long _lseeki64(int fd, long long off, int whence);
long _tell(int fd);
long long _telli64(int fd);
long _filelength(int fd);
long long _filelengthi64(int fd);
int _eof(int fd);
int _commit(int fd);
int _chsize(int fd, long size);
int _unlink(const char *path);
int _wunlink(const wchar_t *path);

#ifdef __cplusplus
}
#endif

#endif
