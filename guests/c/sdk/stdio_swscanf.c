/*
 * swscanf with msvcrt's rules: %d %u %x %i %f %lf, %s/%c/%[ storing wide characters in a wide
 * format, %S/%hs storing narrow ones, %ls, widths, %*d, %n, the count of assignments and EOF;
 * swscanf_s with buffer sizes; sscanf_s.
 * Expected output confirmed with mingw-w64 + Wine 8.0 (x86_64-w64-mingw32-gcc -D__USE_MINGW_ANSI_STDIO=0).
 */
#include <stdio.h>
#include <wchar.h>

int main(void) {
  int a = 0, b = 0, n = 0;
  unsigned u = 0, x = 0;
  float f = 0;
  double d = 0;
  wchar_t ws[32] = L"", ws2[32] = L"";
  char ns[32] = "";
  wchar_t wc[4] = L"";
  long long ll = 0;

  int r = swscanf(L"42 -17 3000000000 ff", L"%d %d %u %x", &a, &b, &u, &x);
  printf("r=%d a=%d b=%d u=%u x=%x\n", r, a, b, u, x);
  r = swscanf(L"  3.5 2.25e2", L"%f %lf", &f, &d);
  printf("r=%d f=%.2f d=%.2f\n", r, f, d);
  r = swscanf(L"hello world", L"%s %s", ws, ws2);
  printf("r=%d ws=%ls ws2=%ls\n", r, ws, ws2);
  r = swscanf(L"narrow wide", L"%S %ls", ns, ws);
  printf("r=%d ns=%s ws=%ls\n", r, ns, ws);
  r = swscanf(L"abc", L"%hs", ns);
  printf("r=%d ns=%s\n", r, ns);
  r = swscanf(L"xyz", L"%2c", wc);
  printf("r=%d wc=%c%c\n", r, (char)wc[0], (char)wc[1]);
  r = swscanf(L"key=value;rest", L"%[^=]=%[^;]", ws, ws2);
  printf("r=%d key=%ls value=%ls\n", r, ws, ws2);
  r = swscanf(L"12345678", L"%3d%2d", &a, &b);
  printf("r=%d a=%d b=%d\n", r, a, b);
  r = swscanf(L"1 2 3", L"%d %*d %d%n", &a, &b, &n);
  printf("r=%d a=%d b=%d n=%d\n", r, a, b, n);
  r = swscanf(L"0x1A 017 99", L"%i %i %i", &a, &b, &n);
  printf("r=%d a=%d b=%d n=%d\n", r, a, b, n);
  r = swscanf(L"-9000000000", L"%I64d", &ll);
  printf("r=%d ll=%lld\n", r, ll);
  r = swscanf(L"12 abc", L"%d %d", &a, &b);
  printf("r=%d a=%d\n", r, a);
  r = swscanf(L"", L"%d", &a);
  printf("empty r=%d\n", r);
  r = swscanf(L"10,20", L"%d,%d", &a, &b);
  printf("r=%d a=%d b=%d\n", r, a, b);
  r = swscanf(L"Gr\u00fc\u00dfe 5", L"%s %d", ws, &a);
  printf("r=%d len=%d first=%04x third=%04x a=%d\n", r, (int)wcslen(ws), ws[0], ws[2], a);

  r = swscanf_s(L"token 7", L"%s %d", ws, (unsigned)(sizeof ws / sizeof ws[0]), &a);
  printf("swscanf_s r=%d ws=%ls a=%d\n", r, ws, a);
  r = sscanf_s("name 12", "%s %d", ns, (unsigned)sizeof ns, &a);
  printf("sscanf_s r=%d ns=%s a=%d\n", r, ns, a);
  return 0;
}
