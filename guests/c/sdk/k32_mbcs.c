/*
 * MultiByteToWideChar / WideCharToMultiByte: UTF-8 round trips with non-ASCII text and a surrogate
 * pair, the size queries, -1 lengths that count the NUL, invalid UTF-8 (U+FFFD or
 * ERROR_NO_UNICODE_TRANSLATION), lone surrogates, small buffers and parameter errors, code page 1252.
 * Expected output confirmed with mingw-w64 + Wine 8.0 (CP_UTF8 calls; Wine's CP_ACP is 1252, ntwasm's is
 * UTF-8, so CP_ACP is only used where both agree: ASCII).
 */
#include <windows.h>
#include <stdio.h>

static void units(const char *what, const WCHAR *w, int n) {
  printf("%s:", what);
  for (int i = 0; i < n; i++) printf(" %04x", w[i]);
  printf("\n");
}

static void bytes(const char *what, const char *s, int n) {
  printf("%s:", what);
  for (int i = 0; i < n; i++) printf(" %02x", (unsigned char)s[i]);
  printf("\n");
}

static void decode(const char *what, const char *s, int n, DWORD flags) {
  WCHAR w[32];
  SetLastError(0);
  int r = MultiByteToWideChar(CP_UTF8, flags, s, n, w, 32);
  DWORD e = GetLastError();
  printf("%s -> %d (error %lu)", what, r, e);
  for (int i = 0; i < r; i++) printf(" %04x", w[i]);
  printf("\n");
}

int main(void) {
  const char *utf8 = "gr\xc3\xbc\xc3\x9f dich, \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80!";
  int need = MultiByteToWideChar(CP_UTF8, 0, utf8, -1, NULL, 0);
  printf("UTF-16 size with NUL: %d\n", need);
  WCHAR wide[64];
  int got = MultiByteToWideChar(CP_UTF8, 0, utf8, -1, wide, 64);
  units("UTF-16", wide, got);
  int back_need = WideCharToMultiByte(CP_UTF8, 0, wide, -1, NULL, 0, NULL, NULL);
  char back[64];
  int back_got = WideCharToMultiByte(CP_UTF8, 0, wide, -1, back, sizeof back, NULL, NULL);
  printf("UTF-8 size %d, converted %d, same as the original: %s\n", back_need, back_got, strcmp(back, utf8) == 0 ? "yes" : "no");
  printf("without the NUL: %d chars, %d bytes\n", MultiByteToWideChar(CP_UTF8, 0, utf8, (int)strlen(utf8), NULL, 0),
         WideCharToMultiByte(CP_UTF8, 0, wide, got - 1, NULL, 0, NULL, NULL));
  printf("CP_ACP, ASCII: %d\n", MultiByteToWideChar(CP_ACP, 0, "plain", -1, NULL, 0));

  decode("overlong c0 80", "a\xc0\x80z", 4, 0);
  decode("overlong e0 80 8f", "a\xe0\x80\x8fz", 5, 0);
  decode("surrogate ed a0 80", "a\xed\xa0\x80z", 5, 0);
  decode("stray continuation 80", "a\x80z", 3, 0);
  decode("cut e2 82 before z", "a\xe2\x82z", 4, 0);
  decode("cut e2 82 at the end", "a\xe2\x82", 3, 0);
  decode("past U+10FFFF f4 90 80 80", "a\xf4\x90\x80\x80z", 6, 0);
  decode("invalid lead ff", "a\xffz", 3, 0);
  decode("f5 80 80 80", "a\xf5\x80\x80\x80z", 6, 0);
  decode("e1 80 then A", "\xe1\x80\x41", 3, 0);
  decode("MB_ERR_INVALID_CHARS, invalid", "a\xc0\x80z", 4, MB_ERR_INVALID_CHARS);
  decode("MB_ERR_INVALID_CHARS, valid", "a\xc3\xa9", 3, MB_ERR_INVALID_CHARS);
  SetLastError(0);
  int r = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, "ab\xff", -1, NULL, 0);
  DWORD e = GetLastError();
  printf("size query of invalid input with MB_ERR_INVALID_CHARS: %d (error %lu)\n", r, e);

  char out[16];
  WCHAR lone[] = { 'a', 0xD800, 'z', 0 };
  r = WideCharToMultiByte(CP_UTF8, 0, lone, 3, out, sizeof out, NULL, NULL);
  bytes("lone high surrogate", out, r);
  WCHAR lone2[] = { 'a', 0xDC00, 0 };
  r = WideCharToMultiByte(CP_UTF8, 0, lone2, 2, out, sizeof out, NULL, NULL);
  bytes("lone low surrogate", out, r);
  SetLastError(0);
  r = WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, lone, 3, out, sizeof out, NULL, NULL);
  e = GetLastError();
  printf("WC_ERR_INVALID_CHARS: %d (error %lu)\n", r, e);

  WCHAR four[4];
  SetLastError(0);
  r = MultiByteToWideChar(CP_UTF8, 0, "abcdef", -1, four, 4);
  e = GetLastError();
  printf("too small for UTF-16: %d (error %lu)\n", r, e);
  SetLastError(0);
  r = WideCharToMultiByte(CP_UTF8, 0, L"ab\x20ac", -1, out, 4, NULL, NULL);
  e = GetLastError();
  printf("too small for UTF-8: %d (error %lu)\n", r, e);
  SetLastError(0);
  r = MultiByteToWideChar(CP_UTF8, 0, "abc", 0, four, 4);
  e = GetLastError();
  printf("length 0: %d (error %lu)\n", r, e);
  SetLastError(0);
  r = MultiByteToWideChar(CP_UTF8, 0, NULL, 3, four, 4);
  e = GetLastError();
  printf("NULL input: %d (error %lu)\n", r, e);
  SetLastError(0);
  r = MultiByteToWideChar(CP_UTF8, 0, "abc", -1, NULL, 4);
  e = GetLastError();
  printf("NULL output with a size: %d (error %lu)\n", r, e);
  SetLastError(0);
  r = MultiByteToWideChar(CP_UTF8, 0x10, "abc", -1, four, 4);
  e = GetLastError();
  printf("unknown flag: %d (error %lu)\n", r, e);
  SetLastError(0);
  r = MultiByteToWideChar(12345, 0, "abc", -1, four, 4);
  e = GetLastError();
  printf("unknown code page: %d (error %lu)\n", r, e);

  WCHAR w1252[8];
  r = MultiByteToWideChar(1252, 0, "a\x80\x81\xe9", 4, w1252, 8);
  units("1252 to UTF-16", w1252, r);
  BOOL used = FALSE;
  r = WideCharToMultiByte(1252, 0, L"\x20ac\x4e00\x00e9", 3, out, sizeof out, NULL, &used);
  bytes("UTF-16 to 1252", out, r);
  printf("default character used: %d\n", used);
  return 0;
}
