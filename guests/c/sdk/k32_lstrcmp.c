/*
 * lstrcmp/lstrcmpi/CompareString order strings linguistically (word sort), not as strcmp does;
 * CompareStringOrdinal; CharUpper/CharLower; lstrcpyn and lstrlen.
 * Expected output confirmed with mingw-w64 + Wine 8.0 (whose sort tables are Windows').
 */
#include <windows.h>
#include <stdio.h>

static const char *sign(int r) { return r < 0 ? "<" : r > 0 ? ">" : "="; }
static const char *cstr(int r) { return r == CSTR_LESS_THAN ? "<" : r == CSTR_EQUAL ? "=" : r == CSTR_GREATER_THAN ? ">" : "error"; }

int main(void) {
  static const char *pairs[][2] = {
    { "a", "B" }, { "B", "a" }, { "a", "A" }, { "A", "b" }, { "abc", "ABC" }, { "aB", "Ab" },
    { "coop", "co-op" }, { "co-op", "cop" }, { "it's", "its" }, { "a-b", "ab" }, { "-ab", "a-b" },
    { "_x", "x" }, { "1", "a" }, { "9", "10" }, { " a", "a" }, { "a b", "ab" }, { "a.b", "a_b" },
    { "[", "a" }, { "~", "!" }, { "+", "=" }, { "Z", "a" }, { "", "a" }, { "abc", "ab" },
  };
  for (unsigned i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
    const char *a = pairs[i][0], *b = pairs[i][1];
    int s = strcmp(a, b);
    printf("\"%s\" vs \"%s\": strcmp %s, lstrcmpA %s, lstrcmpiA %s\n", a, b, sign(s), sign(lstrcmpA(a, b)), sign(lstrcmpiA(a, b)));
  }

  static const wchar_t *wide[][2] = {
    { L"r\u00e9sum\u00e9", L"resume" }, { L"r\u00e9sum\u00e9", L"resumf" }, { L"\u00c9cole", L"ecole" },
    { L"\u00e6on", L"aeon" }, { L"stra\u00dfe", L"strasse" }, { L"\u00e4", L"az" }, { L"\u00f1", L"n" },
    { L"\u00d8", L"O" }, { L"caf\u00e9", L"CAF\u00c9" },
  };
  for (unsigned i = 0; i < sizeof wide / sizeof wide[0]; i++) {
    const wchar_t *a = wide[i][0], *b = wide[i][1];
    printf("wide pair %u: lstrcmpW %s, lstrcmpiW %s, NORM_IGNORENONSPACE %s, both %s\n", i, sign(lstrcmpW(a, b)),
           sign(lstrcmpiW(a, b)), cstr(CompareStringW(LOCALE_USER_DEFAULT, NORM_IGNORENONSPACE, a, -1, b, -1)),
           cstr(CompareStringW(LOCALE_USER_DEFAULT, NORM_IGNORENONSPACE | NORM_IGNORECASE, a, -1, b, -1)));
  }

  printf("IGNORESYMBOLS \"a-b.c\" vs \"abc\": %s\n", cstr(CompareStringW(LOCALE_USER_DEFAULT, NORM_IGNORESYMBOLS, L"a-b.c", -1, L"abc", -1)));
  printf("STRINGSORT \"co-op\" vs \"coop\": %s, \"co-op\" vs \"co_op\": %s\n",
         cstr(CompareStringW(LOCALE_USER_DEFAULT, SORT_STRINGSORT, L"co-op", -1, L"coop", -1)),
         cstr(CompareStringW(LOCALE_USER_DEFAULT, SORT_STRINGSORT, L"co-op", -1, L"co_op", -1)));
  printf("counted lengths \"abcdef\"(3) vs \"abcxyz\"(3): %s\n", cstr(CompareStringW(LOCALE_USER_DEFAULT, 0, L"abcdef", 3, L"abcxyz", 3)));
  printf("CompareStringA \"Hello\" vs \"hello\", NORM_IGNORECASE: %s\n", cstr(CompareStringA(LOCALE_USER_DEFAULT, NORM_IGNORECASE, "Hello", -1, "hello", -1)));
  printf("CompareStringEx \"a\" vs \"B\": %s\n", cstr(CompareStringEx(LOCALE_NAME_USER_DEFAULT, 0, L"a", -1, L"B", -1, NULL, NULL, 0)));
  SetLastError(0);
  int bad = CompareStringW(LOCALE_USER_DEFAULT, 0x80000000, L"a", -1, L"b", -1);
  DWORD e = GetLastError();
  printf("bad flags: %d, error %lu\n", bad, e);
  SetLastError(0);
  bad = CompareStringW(LOCALE_USER_DEFAULT, 0, NULL, -1, L"b", -1);
  e = GetLastError();
  printf("NULL string: %d, error %lu\n", bad, e);

  printf("ordinal \"a\" vs \"B\": %s, ignoring case %s\n", cstr(CompareStringOrdinal(L"a", -1, L"B", -1, FALSE)),
         cstr(CompareStringOrdinal(L"a", -1, L"B", -1, TRUE)));
  printf("ordinal \"\u00e9\" vs \"\u00c9\" ignoring case: %s\n", cstr(CompareStringOrdinal(L"\u00e9", -1, L"\u00c9", -1, TRUE)));
  printf("ordinal \"abc\" vs \"abcd\": %s\n", cstr(CompareStringOrdinal(L"abc", -1, L"abcd", -1, FALSE)));

  WCHAR w[32];
  lstrcpyW(w, L"Stra\u00dfe \u00e9t\u00e9 \u0101\u0107 \u03b1\u03b2\u03b3 \u0434\u0430");
  CharUpperW(w);
  printf("CharUpperW:");
  for (int i = 0; w[i]; i++) printf(" %04x", w[i]);
  printf("\n");
  CharLowerW(w);
  printf("CharLowerW:");
  for (int i = 0; w[i]; i++) printf(" %04x", w[i]);
  printf("\n");
  printf("CharUpperW(char 0x%04x) = 0x%04x\n", 0xe9, (unsigned)(ULONG_PTR)CharUpperW((LPWSTR)(ULONG_PTR)0xe9));
  char s[32] = "Hello, World";
  CharUpperA(s);
  printf("CharUpperA: %s; ", s);
  CharLowerBuffA(s, 5);
  printf("CharLowerBuffA(5): %s\n", s);
  printf("IsCharAlphaW: a %d, 1 %d, \u00e9 %d; IsCharUpperW: A %d, a %d; IsCharAlphaNumericW: 7 %d, _ %d\n",
         IsCharAlphaW(L'a'), IsCharAlphaW(L'1'), IsCharAlphaW(0xe9), IsCharUpperW(L'A'), IsCharUpperW(L'a'),
         IsCharAlphaNumericW(L'7'), IsCharAlphaNumericW(L'_'));

  char buf[8];
  lstrcpynA(buf, "truncate me", sizeof buf);
  printf("lstrcpynA: \"%s\" (%d)\n", buf, lstrlenA(buf));
  lstrcpynW(w, L"wide", 3);
  printf("lstrcpynW(3): %d chars\n", lstrlenW(w));
  printf("lstrlenA(NULL): %d, lstrcmpA(NULL, \"a\"): %s\n", lstrlenA(NULL), sign(lstrcmpA(NULL, "a")));
  lstrcpyA(buf, "ab");
  lstrcatA(buf, "cd");
  printf("lstrcatA: %s\n", buf);
  return 0;
}
