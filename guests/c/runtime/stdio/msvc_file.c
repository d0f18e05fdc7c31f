/*
 * MSVC's stream extras: fopen_s and friends, the _w file-name forms, _fileno, _flushall, gets_s,
 * _getw/_putw, 64-bit seeks. Mode strings may carry MSVC's extra letters (t, N, S, R, T, D, c, n,
 * ", ccs=..."): they are dropped (streams are always UTF-8, without \r\n translation).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include "../internal.h"
#include "stdio_internal.h"

NTWASM_FETCH(fgetc);
#include "wpath.h"

/* The part of an MSVC mode string wasi-libc understands. */
static const char *clean_mode(const char *mode, char out[8]) {
  size_t n = 0;
  for (const char *p = mode; *p && *p != ',' && n < 7; p++)
    if (strchr("rwa+bx", *p)) out[n++] = *p;
  out[n] = 0;
  return out;
}

static FILE *open_clean(const char *name, const char *mode) {
  char m[8];
  if (!name || !mode) { errno = EINVAL; return NULL; }
  return fopen(name, clean_mode(mode, m));
}

FILE *_fsopen(const char *name, const char *mode, int shflag) {
  (void)shflag; /* sharing modes: WASI has no file sharing */
  return open_clean(name, mode);
}

errno_t fopen_s(FILE **pf, const char *name, const char *mode) {
  if (!pf) { errno = EINVAL; return EINVAL; }
  *pf = NULL;
  if (!name || !mode) { errno = EINVAL; return EINVAL; }
  *pf = open_clean(name, mode);
  return *pf ? 0 : errno;
}

errno_t freopen_s(FILE **pf, const char *name, const char *mode, FILE *f) {
  char m[8];
  if (!pf || !mode || !f) { errno = EINVAL; return EINVAL; }
  *pf = freopen(name, clean_mode(mode, m), f);
  return *pf ? 0 : errno;
}

/* Wide mode strings are ASCII. */
static const char *narrow_mode(const wchar_t *w, char out[16]) {
  size_t n = 0;
  for (; w && *w && n < 15; w++) out[n++] = *w < 0x80 ? (char)*w : '?';
  out[n] = 0;
  return out;
}

FILE *_wfopen(const wchar_t *name, const wchar_t *mode) {
  char m[16];
  ntw_path p;
  if (!mode || !__ntwasm_path_utf8(&p, name)) { errno = EINVAL; return NULL; }
  FILE *f = open_clean(p.s, narrow_mode(mode, m));
  __ntwasm_path_free(&p);
  return f;
}

FILE *_wfsopen(const wchar_t *name, const wchar_t *mode, int shflag) {
  (void)shflag;
  return _wfopen(name, mode);
}

errno_t _wfopen_s(FILE **pf, const wchar_t *name, const wchar_t *mode) {
  if (!pf) { errno = EINVAL; return EINVAL; }
  *pf = NULL;
  if (!name || !mode) { errno = EINVAL; return EINVAL; }
  *pf = _wfopen(name, mode);
  return *pf ? 0 : errno;
}

FILE *_wfreopen(const wchar_t *name, const wchar_t *mode, FILE *f) {
  char m[16], c[8];
  ntw_path p = { 0 };
  if (name && !__ntwasm_path_utf8(&p, name)) return NULL;
  FILE *r = freopen(p.s, clean_mode(narrow_mode(mode, m), c), f);
  __ntwasm_path_free(&p);
  return r;
}

FILE *_wfdopen(int fd, const wchar_t *mode) {
  char m[16], c[8];
  return fdopen(fd, clean_mode(narrow_mode(mode, m), c));
}

FILE *_fdopen(int fd, const char *mode) {
  char c[8];
  if (!mode) { errno = EINVAL; return NULL; }
  return fdopen(fd, clean_mode(mode, c));
}

int _wremove(const wchar_t *name) {
  ntw_path p;
  if (!__ntwasm_path_utf8(&p, name)) return -1;
  int r = remove(p.s);
  __ntwasm_path_free(&p);
  return r;
}

int _wunlink(const wchar_t *name) {
  ntw_path p;
  if (!__ntwasm_path_utf8(&p, name)) return -1;
  int r = unlink(p.s);
  __ntwasm_path_free(&p);
  return r;
}

int _unlink(const char *name) { return unlink(name); }

int _wrename(const wchar_t *from, const wchar_t *to) {
  ntw_path a, b;
  if (!__ntwasm_path_utf8(&a, from)) return -1;
  if (!__ntwasm_path_utf8(&b, to)) { __ntwasm_path_free(&a); return -1; }
  int r = rename(a.s, b.s);
  __ntwasm_path_free(&a);
  __ntwasm_path_free(&b);
  return r;
}

void _wperror(const wchar_t *s) {
  ntw_path p = { 0 };
  if (s && !__ntwasm_path_utf8(&p, s)) return;
  perror(p.s);
  __ntwasm_path_free(&p);
}

int _fileno(FILE *f) {
  if (!f) { errno = EINVAL; return -1; }
  return fileno(f);
}

/* msvcrt returns the number of open streams; ntwasm flushes them all and returns 0. */
int _flushall(void) {
  fflush(NULL);
  return 0;
}

int _getw(FILE *f) { return getw(f); }
int _putw(int w, FILE *f) { return putw(w, f); }
int _fgetchar(void) { return getchar(); }
int _fputchar(int c) { return putchar(c); }
long long _ftelli64(FILE *f) { return ftello(f); }
int _fseeki64(FILE *f, long long off, int whence) { return fseeko(f, off, whence); }

/*
 * gets_s (UCRT): a line without its newline. A line too long for the buffer empties it, is read to
 * its end and gives NULL with ERANGE; end of input before any character gives NULL.
 */
char *gets_s(char *buf, rsize_t size) {
  if (!buf || !size) { errno = EINVAL; return NULL; }
  fflush(stdout);
  fflush(stderr);
  __ntwasm_file_lock(stdin);
  size_t n = 0;
  int c, got = 0, too_long = 0;
  while ((c = __real_fgetc(stdin)) != EOF) {
    got = 1;
    if (c == '\n') break;
    if (n + 1 < size) buf[n++] = (char)c;
    else too_long = 1;
  }
  __ntwasm_file_unlock(stdin);
  buf[too_long ? 0 : n] = 0;
  if (too_long) { errno = ERANGE; return NULL; }
  return got ? buf : NULL;
}
