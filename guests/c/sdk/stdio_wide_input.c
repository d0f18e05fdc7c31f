/*
 * Wide input from stdin (stdio_wide_input.stdin, UTF-8): fgetws, fgetwc, ungetwc, getwc, getwchar,
 * wscanf; the end of input.
 * Expected output confirmed with mingw-w64 + Wine 8.0 (x86_64-w64-mingw32-gcc -D__USE_MINGW_ANSI_STDIO=0)
 * for the ASCII lines. By design the second line differs: ntwasm decodes stdin as UTF-8 (a character
 * outside the BMP is a surrogate pair), where msvcrt's "C" locale turns each byte into one wchar_t.
 */
#include <stdio.h>
#include <wchar.h>

static void units(const wchar_t *s) {
  printf("%d units:", (int)wcslen(s));
  for (; *s; s++) printf(" %04X", (unsigned)*s);
  printf("\n");
}

int main(void) {
  wchar_t line[64];
  if (!fgetws(line, 64, stdin)) return 1;
  units(line);
  wprintf(L"line 1: %s", line);
  if (!fgetws(line, 64, stdin)) return 2;
  units(line);
  wprintf(L"line 2: %s", line);

  int n = 0;
  wchar_t word[16];
  int r = wscanf(L"%d %s", &n, word);
  printf("wscanf %d: %d %ls\n", r, n, word);

  wint_t c = fgetwc(stdin);          /* the newline after "words" */
  printf("fgetwc %04X\n", (unsigned)c);
  c = getwc(stdin);
  printf("getwc %c\n", (char)c);
  printf("ungetwc %c\n", (char)ungetwc(c, stdin));
  c = getwchar();
  printf("again %c\n", (char)c);
  c = getwchar();
  printf("then %c\n", (char)c);
  c = getwchar();
  printf("end %d\n", c == WEOF);
  printf("fgetws at end %s\n", fgetws(line, 64, stdin) ? "text" : "NULL");
  return 0;
}
