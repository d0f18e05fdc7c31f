/*
 * Wide characters on streams. Streams carry UTF-8 (ntwasm's console and pipes are UTF-8, whatever
 * _setmode says): output converts UTF-16 to UTF-8, input decodes UTF-8 to UTF-16, a character outside
 * the BMP being two calls of fgetwc (the low surrogate is pushed back into the FILE as its 3-byte
 * CESU-8 form, which utf8.c decodes to the unit). Invalid input bytes read as U+FFFD.
 * Each call takes the FILE's lock (a stream's, as narrow stdio does); reading stdin first shows what
 * was written to stdout and stderr, and no other lock is held while a read waits.
 * fwide returns its argument, as msvcrt's does: streams have no orientation.
 */
#include <errno.h>
#include <stdio.h>
#include <wchar.h>
#include "../internal.h"
#include "stdio_internal.h"

NTWASM_FETCH(fgetc);
NTWASM_FETCH(ungetc);

/* ---- a high surrogate written last to a stream, waiting for its low half ---- */

#define PENDING_SLOTS 16
static struct { FILE *volatile f; unsigned high; } pending[PENDING_SLOTS];
static volatile int pending_used;

unsigned __ntwasm_wpending_take(FILE *f) {
  if (!__atomic_load_n(&pending_used, __ATOMIC_ACQUIRE)) return 0;
  for (int i = 0; i < PENDING_SLOTS; i++) {
    if (__atomic_load_n(&pending[i].f, __ATOMIC_ACQUIRE) != f) continue;
    unsigned h = pending[i].high;
    __atomic_store_n(&pending[i].f, (FILE *)0, __ATOMIC_RELEASE);
    __atomic_fetch_sub(&pending_used, 1, __ATOMIC_ACQ_REL);
    return h;
  }
  return 0;
}

/* The caller holds f's lock, so f has at most one slot. With every slot taken the half is lost. */
void __ntwasm_wpending_keep(FILE *f, unsigned high) {
  for (int i = 0; i < PENDING_SLOTS; i++) {
    FILE *expected = 0;
    if (__atomic_compare_exchange_n(&pending[i].f, &expected, f, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
      pending[i].high = high;
      __atomic_fetch_add(&pending_used, 1, __ATOMIC_ACQ_REL);
      return;
    }
  }
}

/* ---- locking ---- */

static int lock(FILE *f) {
  int stream = __ntwasm_is_stream(f);
  if (stream) __ntwasm_file_lock(f);
  return stream;
}
static void unlock(FILE *f, int stream) {
  if (stream) __ntwasm_file_unlock(f);
}
/* Before a read of stdin that may wait, the prompt written so far is shown. */
void __ntwasm_before_input(FILE *f) {
  if (f == stdin) { fflush(stdout); fflush(stderr); }
}

/* ---- output ---- */

static int put_units(FILE *f, const wchar_t *s, size_t n, int newline) {
  ntw_file_out o;
  __ntwasm_file_out_init(&o, f, 1);
  int bad = o.base.put(&o.base, s, n) || (newline && o.base.put(&o.base, L"\n", 1));
  return __ntwasm_file_out_flush(&o) || bad ? -1 : 0;
}

wint_t fputwc(wchar_t c, FILE *f) {
  if (!f) { errno = EINVAL; return WEOF; }
  int s = lock(f);
  int r = put_units(f, &c, 1, 0);
  unlock(f, s);
  return r ? WEOF : (wint_t)c;
}
wint_t putwc(wchar_t c, FILE *f) { return fputwc(c, f); }
wint_t putwchar(wchar_t c) { return fputwc(c, stdout); }
wint_t _fputwchar(wchar_t c) { return fputwc(c, stdout); }

int fputws(const wchar_t *restrict str, FILE *restrict f) {
  if (!str || !f) { errno = EINVAL; return WEOF; }
  int s = lock(f);
  int r = put_units(f, str, wcslen(str), 0);
  unlock(f, s);
  return r ? WEOF : 0;
}

int _putws(const wchar_t *str) {
  if (!str) { errno = EINVAL; return WEOF; }
  int s = lock(stdout);
  int r = put_units(stdout, str, wcslen(str), 1);
  unlock(stdout, s);
  return r ? WEOF : 0;
}

/* ---- input ---- */

/* Pushes back the UTF-8 (for a surrogate: CESU-8) of one unit; 0 or -1. */
int __ntwasm_wungetc_locked(FILE *f, unsigned c) {
  char b[4];
  size_t n;
  if (c - 0xd800u < 0x800u) {
    b[0] = (char)0xed; b[1] = (char)(0x80 | (c >> 6 & 0x3f)); b[2] = (char)(0x80 | (c & 0x3f));
    n = 3;
  } else {
    n = __ntwasm_utf8(b, c);
  }
  while (n--) if (__real_ungetc((unsigned char)b[n], f) == EOF) return -1;
  return 0;
}

/* One UTF-16 unit from f (its lock held). */
wint_t __ntwasm_wgetc_locked(FILE *f) {
  int b = __real_fgetc(f);
  if (b == EOF) return WEOF;
  unsigned char s[4] = { (unsigned char)b };
  size_t n = 1;
  if (b >= 0xc2 && b <= 0xf4) {
    size_t len = b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    while (n < len) {
      int c = __real_fgetc(f);
      if (c == EOF) break;
      if ((c & 0xc0) != 0x80) { __real_ungetc(c, f); break; }
      s[n++] = (unsigned char)c;
    }
  }
  unsigned cp;
  size_t used = __ntwasm_utf8_decode(s, n, &cp);
  while (n > used) __real_ungetc(s[--n], f);
  if (cp >= 0x10000) {
    cp -= 0x10000;
    __ntwasm_wungetc_locked(f, 0xdc00 | (cp & 0x3ff));
    return (wint_t)(0xd800 | cp >> 10);
  }
  return (wint_t)cp;
}

wint_t fgetwc(FILE *f) {
  if (!f) { errno = EINVAL; return WEOF; }
  __ntwasm_before_input(f);
  int s = lock(f);
  wint_t r = __ntwasm_wgetc_locked(f);
  unlock(f, s);
  return r;
}
wint_t getwc(FILE *f) { return fgetwc(f); }
wint_t getwchar(void) { return fgetwc(stdin); }
wint_t _fgetwchar(void) { return fgetwc(stdin); }

wchar_t *fgetws(wchar_t *restrict buf, int n, FILE *restrict f) {
  if (!buf || n <= 0 || !f) { errno = EINVAL; return NULL; }
  __ntwasm_before_input(f);
  int s = lock(f);
  int i = 0;
  while (i < n - 1) {
    wint_t c = __ntwasm_wgetc_locked(f);
    if (c == WEOF) break;
    buf[i++] = (wchar_t)c;
    if (c == L'\n') break;
  }
  int failed = i == 0 && n > 1; /* end of input (or an error) before any character */
  unlock(f, s);
  if (failed) return NULL;
  buf[i] = 0;
  return buf;
}

wint_t ungetwc(wint_t c, FILE *f) {
  if (c == WEOF || !f) return WEOF;
  int s = lock(f);
  int r = __ntwasm_wungetc_locked(f, c);
  unlock(f, s);
  return r ? WEOF : c;
}

int fwide(FILE *f, int mode) {
  (void)f;
  return mode;
}
