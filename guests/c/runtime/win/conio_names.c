/*
 * <conio.h>'s old names (MSVC's oldnames.lib): getch, getche, kbhit, ungetch, putch, cputs, cprintf.
 * Weak and in a file of their own, so a program that defines one of these names itself links without a clash.
 */
#include <conio.h>
#include <stdarg.h>

#define OLD __attribute__((weak))

OLD int __cdecl getch(void) { return _getch(); }
OLD int __cdecl getche(void) { return _getche(); }
OLD int __cdecl kbhit(void) { return _kbhit(); }
OLD int __cdecl ungetch(int c) { return _ungetch(c); }
OLD int __cdecl putch(int c) { return _putch(c); }
OLD int __cdecl cputs(const char *s) { return _cputs(s); }
OLD int __cdecl cprintf(const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  int n = _vcprintf(format, ap);
  va_end(ap);
  return n;
}
