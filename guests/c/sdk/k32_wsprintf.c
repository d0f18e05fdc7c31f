/*
 * user32's wsprintf: integer, character and string conversions with flags, widths and precisions,
 * %S/%hs/%ls string kinds, no floating point, "(null)", the 1024-character limit; wsprintfW.
 * Expected output confirmed with mingw-w64 + Wine 8.0.
 */
#include <windows.h>
#include <stdio.h>

int main(void) {
  char b[2048];
  int r = wsprintfA(b, "[%d] [%5d] [%-5d|] [%05d] [%u] [%x] [%X] [%#x] [%ld] [%lu] [%i] [%05d]", 42, 42, 42, 42, -1, 255, 255, 255,
                    -7L, 7UL, 3, -42);
  printf("%d %s\n", r, b);
  r = wsprintfA(b, "[%s] [%10s] [%-10s|] [%.2s] [%c] [%ls] [%S] [%hs]", "abc", "abc", "abc", "abc", 'z', L"wide", L"cap", "h");
  printf("%d %s\n", r, b);
  r = wsprintfA(b, "[%%] [%q] [%5.3d] [%I64d] [%I64x] [%hd] [%lc]", 5, (__int64)1 << 40, (__int64)0xABCDEF12345, 70000, L'W');
  printf("%d %s\n", r, b);
  r = wsprintfA(b, "[%f] [%e]", 1.5);
  printf("no floating point: %d %s\n", r, b);
  r = wsprintfA(b, "[%s]", (char *)NULL);
  printf("%d %s\n", r, b);
  char big[3000];
  memset(big, 'x', sizeof big - 1);
  big[sizeof big - 1] = 0;
  wsprintfA(b, "%s", big);
  printf("a 2999-character string is cut to %d characters\n", (int)strlen(b));
  WCHAR w[64];
  r = wsprintfW(w, L"[%s] [%S] [%d] [%c] [%hs] [%-4s|]", L"wide", "narrow", -5, L'Q', "h", L"ab");
  WideCharToMultiByte(CP_UTF8, 0, w, -1, b, sizeof b, NULL, NULL);
  printf("%d %s\n", r, b);
  TCHAR t[64];
  wsprintf(t, TEXT("%s=%d"), TEXT("generic"), 1);
  printf("wsprintf: %s\n", t);
  return 0;
}
