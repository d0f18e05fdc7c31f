/*
 * <conio.h>: console character I/O without the stdio streams (conio.h says what it does).
 *
 * Input is the standard input handle, read one byte at a time with read(0) (the runtime's read holds
 * no lock while it waits, so other threads go on). On the console a key press is a byte: Enter
 * arrives as "\n" or "\r\n" and _getch returns '\r' for it, as a Windows console's Enter key gives;
 * from a pipe or a file _getch returns the next byte as it is. _ungetch keeps one character, and
 * _kbhit keeps the byte it had to read to answer (a waiting console or file byte) until _getch takes it.
 * Output goes to the standard output handle after what stdout holds (it is flushed first, so the
 * two appear in the order they were written).
 */
#include <windows.h>
#include <conio.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NONE (-1)
static int pushed = NONE;     /* _ungetch's character */
static int ahead = NONE;      /* the character _kbhit read */
static int after_cr;          /* console: '\r' was the last byte, so a '\n' right after it is the same Enter */
static SRWLOCK kbhit_lock = SRWLOCK_INIT;

#define SEQ __ATOMIC_SEQ_CST

static int is_console(HANDLE h) { return GetFileType(h) == FILE_TYPE_CHAR; }

/* The next character of the input: EOF at its end, -2 for a console's "\n" right after "\r". */
static int next_byte(int console) {
  unsigned char b;
  if (read(0, &b, 1) != 1) return EOF;
  if (!console) return b;
  int lf_after_cr = __atomic_exchange_n(&after_cr, b == '\r', SEQ) && b == '\n';
  if (lf_after_cr) return -2;
  return b == '\n' ? '\r' : b;
}

int __cdecl _getch(void) {
  int c = __atomic_exchange_n(&pushed, NONE, SEQ);
  if (c != NONE) return c;
  c = __atomic_exchange_n(&ahead, NONE, SEQ);
  if (c != NONE) return c;
  int console = is_console(GetStdHandle(STD_INPUT_HANDLE));
  do c = next_byte(console); while (c == -2);
  return c;
}

int __cdecl _getche(void) {
  int c = _getch();
  if (c != EOF) _putch(c);
  return c;
}

int __cdecl _ungetch(int c) {
  if (c == EOF) return EOF;
  int none = NONE;
  return __atomic_compare_exchange_n(&pushed, &none, c & 0xff, 0, SEQ, SEQ) ? (c & 0xff) : EOF;
}

int __cdecl _kbhit(void) {
  if (__atomic_load_n(&pushed, SEQ) != NONE || __atomic_load_n(&ahead, SEQ) != NONE) return 1;
  HANDLE h = GetStdHandle(STD_INPUT_HANDLE);
  DWORD type = GetFileType(h), avail = 0;
  if (type == FILE_TYPE_PIPE) return PeekNamedPipe(h, NULL, 0, NULL, &avail, NULL) && avail > 0;
  if (type != FILE_TYPE_CHAR && type != FILE_TYPE_DISK) return 0;
  /* one _kbhit reads ahead at a time; another thread's call meanwhile sees no key yet (it never waits) */
  if (!TryAcquireSRWLockExclusive(&kbhit_lock)) return 0;
  int hit = __atomic_load_n(&ahead, SEQ) != NONE;
  while (!hit) {
    /* the console is signaled while input waits (or has ended): then the read below does not wait */
    if (type == FILE_TYPE_CHAR && WaitForSingleObject(h, 0) != WAIT_OBJECT_0) break;
    int c = next_byte(type == FILE_TYPE_CHAR);
    if (c == EOF) break; /* the input has ended: no key will come */
    if (c == -2) continue;
    __atomic_store_n(&ahead, c, SEQ); /* only _kbhit sets it, under the lock; _getch takes it */
    hit = 1;
  }
  ReleaseSRWLockExclusive(&kbhit_lock);
  return hit;
}

/* ---------- output ---------- */

static int put_bytes(const char *s, size_t n) {
  fflush(stdout);
  while (n) {
    ssize_t k = write(1, s, n);
    if (k <= 0) return -1;
    s += k;
    n -= (size_t)k;
  }
  return 0;
}

int __cdecl _putch(int c) {
  char b = (char)c;
  return put_bytes(&b, 1) ? EOF : (c & 0xff);
}

int __cdecl _cputs(const char *s) {
  if (!s) return -1;
  return put_bytes(s, strlen(s));
}

int __cdecl _vcprintf(const char *format, va_list ap) {
  char small[512];
  va_list copy;
  va_copy(copy, ap);
  int n = vsnprintf(small, sizeof small, format, copy);
  va_end(copy);
  if (n < 0) return -1;
  if ((size_t)n < sizeof small) return put_bytes(small, (size_t)n) ? -1 : n;
  char *big = malloc((size_t)n + 1);
  if (!big) return -1;
  vsnprintf(big, (size_t)n + 1, format, ap);
  int r = put_bytes(big, (size_t)n) ? -1 : n;
  free(big);
  return r;
}

int __cdecl _cprintf(const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  int n = _vcprintf(format, ap);
  va_end(ap);
  return n;
}

wint_t __cdecl _putwch(wchar_t c) {
  char utf8[4];
  int n = WideCharToMultiByte(CP_UTF8, 0, &c, 1, utf8, sizeof utf8, NULL, NULL);
  return n > 0 && !put_bytes(utf8, (size_t)n) ? c : WEOF;
}

int __cdecl _cputws(const wchar_t *s) {
  if (!s) return -1;
  int n = WideCharToMultiByte(CP_UTF8, 0, s, (int)wcslen(s), NULL, 0, NULL, NULL);
  if (n <= 0) return *s ? -1 : 0;
  char *utf8 = malloc((size_t)n);
  if (!utf8) return -1;
  WideCharToMultiByte(CP_UTF8, 0, s, (int)wcslen(s), utf8, n, NULL, NULL);
  int r = put_bytes(utf8, (size_t)n);
  free(utf8);
  return r;
}
