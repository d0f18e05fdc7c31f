/*
 * MSVC's <io.h> over wasi-libc's POSIX calls. _open takes MSVC's _O_* flags (and POSIX O_* ones:
 * wasi-libc's access bits tell them apart, since MSVC's read-only is 0); _setmode records a mode per
 * descriptor and returns the previous one (as UCRT: _O_WTEXT for any Unicode mode), without changing what is written: ntwasm's streams carry
 * UTF-8 with \n line ends in every mode.
 */
#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>
#include "wpath.h"

#define POSIX_ACCESS_BITS (O_RDONLY | O_WRONLY)
#define MODE_FDS 256

static int fd_modes[MODE_FDS]; /* 0: the default, _O_TEXT */

static void record_mode(int fd, int mode) {
  if (fd >= 0 && fd < MODE_FDS) __atomic_store_n(&fd_modes[fd], mode, __ATOMIC_RELAXED);
}

static int known_fd(int fd) { return fd >= 0 && fcntl(fd, F_GETFL) != -1; }

int _setmode(int fd, int mode) {
  if (!known_fd(fd)) { errno = EBADF; return -1; }
  if (mode == O_BINARY) mode = _O_BINARY;
  else if (mode == O_TEXT) mode = _O_TEXT;
  if (mode != _O_TEXT && mode != _O_BINARY && mode != _O_WTEXT && mode != _O_U16TEXT && mode != _O_U8TEXT) {
    errno = EINVAL;
    return -1;
  }
  if (fd >= MODE_FDS) return _O_TEXT;
  int old = __atomic_exchange_n(&fd_modes[fd], mode, __ATOMIC_RELAXED);
  /* UCRT reports every Unicode text mode as _O_WTEXT. */
  return !old || old == _O_TEXT ? _O_TEXT : old == _O_BINARY ? _O_BINARY : _O_WTEXT;
}

int _isatty(int fd) { return isatty(fd); }

static int access_mode(int mode) {
  switch (mode) {
  case 0: return F_OK;
  case 2: return W_OK;
  case 4: return R_OK;
  case 6: return R_OK | W_OK;
  default: return -1;
  }
}

int _access(const char *path, int mode) {
  int m = access_mode(mode);
  if (!path || m < 0) { errno = EINVAL; return -1; }
  return access(path, m);
}

int _waccess(const wchar_t *path, int mode) {
  ntw_path p;
  if (!__ntwasm_path_utf8(&p, path)) return -1;
  int r = _access(p.s, mode);
  __ntwasm_path_free(&p);
  return r;
}

errno_t _access_s(const char *path, int mode) { return _access(path, mode) ? errno : 0; }
errno_t _waccess_s(const wchar_t *path, int mode) { return _waccess(path, mode) ? errno : 0; }

static int posix_flags(int flags) {
  if (flags & POSIX_ACCESS_BITS) return flags & ~(O_BINARY | O_TEXT);
  int r;
  switch (flags & _O_ACCMODE) {
  case _O_WRONLY: r = O_WRONLY; break;
  case _O_RDWR: r = O_RDWR; break;
  default: r = O_RDONLY; break;
  }
  if (flags & _O_APPEND) r |= O_APPEND;
  if (flags & _O_CREAT) r |= O_CREAT;
  if (flags & _O_TRUNC) r |= O_TRUNC;
  if (flags & _O_EXCL) r |= O_EXCL;
  return r;
}

static int mode_of_flags(int flags) {
  if (flags & POSIX_ACCESS_BITS) return flags & O_BINARY ? _O_BINARY : _O_TEXT;
  if (flags & _O_BINARY) return _O_BINARY;
  if (flags & _O_U16TEXT) return _O_U16TEXT;
  if (flags & _O_U8TEXT) return _O_U8TEXT;
  if (flags & _O_WTEXT) return _O_WTEXT;
  return _O_TEXT;
}

int _open(const char *path, int flags, ...) {
  if (!path) { errno = EINVAL; return -1; }
  int fd = open(path, posix_flags(flags), 0666);
  if (fd >= 0) record_mode(fd, mode_of_flags(flags));
  return fd;
}

int _wopen(const wchar_t *path, int flags, ...) {
  ntw_path p;
  if (!__ntwasm_path_utf8(&p, path)) return -1;
  int r = _open(p.s, flags);
  __ntwasm_path_free(&p);
  return r;
}

int _creat(const char *path, int pmode) {
  (void)pmode;
  return _open(path, _O_WRONLY | _O_CREAT | _O_TRUNC);
}

int _close(int fd) {
  int r = close(fd);
  if (!r) record_mode(fd, 0);
  return r;
}

int _read(int fd, void *buf, unsigned int n) {
  if (!buf && n) { errno = EINVAL; return -1; }
  return (int)read(fd, buf, n);
}
int _write(int fd, const void *buf, unsigned int n) {
  if (!buf && n) { errno = EINVAL; return -1; }
  return (int)write(fd, buf, n);
}

long long _lseeki64(int fd, long long off, int whence) { return lseek(fd, off, whence); }
long _lseek(int fd, long off, int whence) {
  long long r = lseek(fd, off, whence);
  if (r > 0x7fffffff) { errno = EINVAL; return -1; }
  return (long)r;
}
long long _telli64(int fd) { return lseek(fd, 0, SEEK_CUR); }
long _tell(int fd) { return _lseek(fd, 0, SEEK_CUR); }

long long _filelengthi64(int fd) {
  struct stat st;
  if (fstat(fd, &st)) return -1;
  return st.st_size;
}
long _filelength(int fd) {
  long long n = _filelengthi64(fd);
  return n > 0x7fffffff ? -1 : (long)n;
}

int _eof(int fd) {
  long long at = lseek(fd, 0, SEEK_CUR), size = _filelengthi64(fd);
  if (at < 0 || size < 0) return -1;
  return at >= size;
}

int _commit(int fd) { return fsync(fd); }
int _chsize(int fd, long size) { return ftruncate(fd, size); }
