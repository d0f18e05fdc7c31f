/*
 * The wide-string functions on 16-bit wchar_t: lengths, copies, compares, searches, tokens, case
 * changes in the "C" locale (ASCII only), the MSVC extras and the _s forms.
 * Expected output confirmed with mingw-w64 (x86_64-w64-mingw32-gcc -D__USE_MINGW_ANSI_STDIO=0) + Wine 8.0.
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <errno.h>

/* Prints a wide string: ASCII as is, anything else as \uXXXX. */
static void show(const char *label, const wchar_t *s) {
  printf("%s: ", label);
  if (!s) { printf("(null)\n"); return; }
  printf("\"");
  for (; *s; s++) {
    if (*s >= 0x20 && *s < 0x7f) putchar((char)*s);
    else printf("\\u%04X", (unsigned)*s);
  }
  printf("\"\n");
}

static int sign(int v) { return v < 0 ? -1 : v > 0; }

int main(void) {
  wchar_t buf[64];
  const wchar_t *hello = L"hello, world";

  printf("wcslen %u %u %u\n", (unsigned)wcslen(hello), (unsigned)wcslen(L""), (unsigned)wcslen(L"\u00e9t\u00e9"));
  printf("wcsnlen %u %u\n", (unsigned)wcsnlen(hello, 5), (unsigned)wcsnlen(L"hi", 10));
  printf("sizeof(wchar_t) %u, sizeof(L\"ab\") %u\n", (unsigned)sizeof(wchar_t), (unsigned)sizeof(L"ab"));

  wcscpy(buf, L"Hello");
  wcscat(buf, L", ");
  wcsncat(buf, L"Windows NT", 7);
  show("wcscpy+wcscat+wcsncat", buf);
  wmemset(buf, L'#', 10);
  wcsncpy(buf, L"abc", 6);
  printf("wcsncpy pads: %d %d %d %d %d %d %c\n", buf[0], buf[2], buf[3], buf[4], buf[5], buf[6] == L'#', (char)buf[6]);
  wmemset(buf, L'#', 10);
  wcsncpy(buf, L"abcdef", 3);
  printf("wcsncpy short: %c%c%c then %c\n", (char)buf[0], (char)buf[1], (char)buf[2], (char)buf[3]);

  printf("wcscmp %d %d %d %d %d\n", wcscmp(L"abc", L"abd"), wcscmp(L"abd", L"abc"), wcscmp(L"abc", L"abc"),
         wcscmp(L"a", L"ab"), wcscmp(L"\u00e9", L"z"));
  printf("wcsncmp %d %d %d\n", sign(wcsncmp(L"abcx", L"abcy", 3)), sign(wcsncmp(L"abcx", L"abcy", 4)), sign(wcsncmp(L"b", L"a", 0)));
  printf("wcscoll %d, wcsxfrm %u\n", sign(wcscoll(L"apple", L"banana")), (unsigned)wcsxfrm(buf, L"xyz", 64));

  printf("wcschr %d %d %d\n", (int)(wcschr(hello, L'o') - hello), (int)(wcschr(hello, 0) - hello), wcschr(hello, L'z') == NULL);
  printf("wcsrchr %d\n", (int)(wcsrchr(hello, L'o') - hello));
  printf("wcsstr %d %d %d\n", (int)(wcsstr(hello, L"o, w") - hello), wcsstr(hello, L"") == hello, wcsstr(hello, L"worlds") == NULL);
  printf("wcsspn %u wcscspn %u wcspbrk %d\n", (unsigned)wcsspn(L"aabbcd", L"ab"), (unsigned)wcscspn(hello, L" ,"),
         (int)(wcspbrk(hello, L"wr") - hello));

  wchar_t line[] = L"  alpha, beta;;gamma ,delta";
  wchar_t *ctx = NULL;
  printf("wcstok_s:");
  for (wchar_t *tok = wcstok_s(line, L" ,;", &ctx); tok; tok = wcstok_s(NULL, L" ,;", &ctx)) {
    printf(" [");
    for (const wchar_t *p = tok; *p; p++) putchar((char)*p);
    printf("]");
  }
  printf("\n");
  printf("wcstok_s after the end: %d\n", wcstok_s(NULL, L",", &ctx) == NULL);
  ctx = NULL;
  errno = 0;
  wchar_t *none = wcstok_s(NULL, L",", &ctx);
  printf("wcstok_s(NULL) with no context: NULL %d, EINVAL %d\n", none == NULL, errno == EINVAL);

  wchar_t *dup = _wcsdup(L"duplicate");
  show("_wcsdup", dup);
  free(dup);

  printf("_wcsicmp %d %d %d %d\n", _wcsicmp(L"Hello", L"hELLO"), _wcsicmp(L"abc", L"ABE"), _wcsicmp(L"_", L"a"),
         _wcsicmp(L"\u00c9", L"\u00e9"));
  printf("_wcsnicmp %d %d %d\n", _wcsnicmp(L"WINDOWS", L"window", 6), _wcsnicmp(L"Z", L"a", 1), _wcsnicmp(L"abc", L"xyz", 0));

  wcscpy(buf, L"Mixed Case \u00c9t\u00e9 123");
  show("_wcsupr", _wcsupr(buf));
  show("_wcslwr", _wcslwr(buf));
  wcscpy(buf, L"stressed");
  show("_wcsrev", _wcsrev(buf));
  wcscpy(buf, L"secret");
  show("_wcsnset", _wcsnset(buf, L'*', 3));
  show("_wcsset", _wcsset(buf, L'-'));

  wchar_t small[8];
  errno_t e = wcscpy_s(small, _countof(small), L"1234567");
  show("wcscpy_s fits", small);
  printf("  returned %d\n", e);
  e = wcscpy_s(small, _countof(small), L"12345678");
  printf("wcscpy_s too long: ERANGE %d, emptied %d\n", e == ERANGE, small[0] == 0);
  wcscpy_s(small, _countof(small), L"abc");
  e = wcscat_s(small, _countof(small), L"defg");
  show("wcscat_s fits", small);
  e = wcscat_s(small, _countof(small), L"h");
  printf("wcscat_s too long: ERANGE %d, emptied %d\n", e == ERANGE, small[0] == 0);
  e = wcsncpy_s(small, _countof(small), L"truncate me", _TRUNCATE);
  show("wcsncpy_s _TRUNCATE", small);
  printf("  STRUNCATE %d\n", e == STRUNCATE);
  e = wcsncpy_s(small, _countof(small), L"abcdef", 3);
  show("wcsncpy_s 3", small);
  e = wcsncat_s(small, _countof(small), L"XYZW", 2);
  show("wcsncat_s 2", small);
  e = wcscpy_s(NULL, 5, L"x");
  printf("wcscpy_s(NULL): EINVAL %d\n", e == EINVAL);
  e = _wcslwr_s(small, _countof(small));
  show("_wcslwr_s", small);
  printf("  returned %d\n", e);

  wchar_t mem[10] = L"0123456789";
  wmemmove(mem + 2, mem, 5);
  printf("wmemmove:");
  for (int i = 0; i < 10; i++) putchar((char)mem[i]);
  printf("\n");
  wmemcpy(mem, L"ABCD", 4);
  printf("wmemcpy:");
  for (int i = 0; i < 10; i++) putchar((char)mem[i]);
  printf("\n");
  printf("wmemcmp %d %d %d, wmemchr %d %d\n", wmemcmp(L"ab", L"b", 1), wmemcmp(L"abc", L"abc", 3), wmemcmp(L"b", L"a", 1),
         (int)(wmemchr(mem, L'C', 10) - mem), wmemchr(mem, L'z', 10) == NULL);
  return 0;
}
