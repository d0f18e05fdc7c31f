/*
 * <conio.h> on console input typed from thr_conio.stdin (ntwasm run --console-input): _kbhit polls
 * without waiting, _getch takes one character at a time without the stdin stream, Enter ("\r\n" or
 * "\n") reads as '\r', _ungetch pushes one character back, _getche echoes with _putch, the old names
 * work, and at the end of the input _kbhit says no and _getch returns EOF. _putch, _cputs and _cprintf keep their order with
 * printf. On Windows _getch reads the keyboard even when stdin is redirected, so neither Windows nor
 * Wine can confirm this output: it is ntwasm's documented behaviour (docs/guests.md).
 */
#include <windows.h>
#include <conio.h>
#include <stdio.h>

static void show(const char *what, int c) {
  if (c >= 32 && c < 127) printf("%s '%c'\n", what, c);
  else printf("%s %d\n", what, c);
}

int main(void) {
  int waits = 0;
  while (!_kbhit() && waits < 500) { Sleep(10); waits++; }
  printf("key waiting: %s\n", waits < 500 ? "yes" : "no");
  show("_getch:", _getch());
  show("_getch:", _getch());
  show("_getch (Enter, \\r\\n):", _getch());
  show("_getch:", _getch());
  show("_getch (Enter, \\n):", _getch());
  show("_ungetch('Q'):", _ungetch('Q'));
  show("_ungetch('R') with one pushed back:", _ungetch('R'));
  printf("_kbhit with one pushed back: %d\n", _kbhit() != 0);
  show("_getch:", _getch());
  printf("_getche: ");
  int c = _getche();
  printf(" (returned %d)\n", c);
  show("getch:", getch());
  printf("kbhit: %d\n", kbhit() != 0);
  show("_getch:", _getch());
  printf("_kbhit at the end of the input: %d\n", _kbhit());
  show("_getch at the end of the input:", _getch());

  printf("printf, ");
  _cputs("_cputs, ");
  _putch('_');
  putch('p');
  _cprintf("utch, _cprintf %d", 42);
  printf(", printf again\n");
  return 0;
}
