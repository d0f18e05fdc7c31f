/*
 * MSVC's narrow string and number extras: _stricmp & co., _strdup, _strlwr/_strupr, _strrev,
 * _strset/_strnset, the _s copies (strcpy_s, strncpy_s, strcat_s, strncat_s, strtok_s, memcpy_s...),
 * _itoa & co., _strtoi64/_strtoui64/_atoi64, strtol's msvcrt rules, _countof, __min/__max/min/max,
 * _MAX_PATH.
 * Expected output confirmed with mingw-w64 (x86_64-w64-mingw32-gcc -D__USE_MINGW_ANSI_STDIO=0) + Wine 8.0.
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

static const char *err(void) {
  return errno == 0 ? "0" : errno == ERANGE ? "ERANGE" : errno == EINVAL ? "EINVAL" : "other";
}

static void l(const char *s, int base) {
  char *end;
  errno = 0;
  long v = strtol(s, &end, base);
  const char *e = err();
  printf("strtol(\"%s\", %d) = %ld, used %d, errno %s\n", s, base, v, (int)(end - s), e);
}

int main(void) {
  printf("_stricmp %d %d %d %d\n", _stricmp("Hello", "hELLO"), _stricmp("abc", "ABD"), _stricmp("_", "a"), _stricmp("b", "A"));
  printf("_strnicmp %d %d, _memicmp %d %d\n", _strnicmp("WINDOWS", "window", 6), _strnicmp("abcx", "ABcy", 4),
         _memicmp("AbC", "aBc", 3), _memicmp("abc", "abd", 3));
  printf("stricmp %d strnicmp %d\n", stricmp("MiXeD", "mixed"), strnicmp("ab", "AC", 2));

  char *dup = _strdup("copy me");
  printf("_strdup \"%s\"\n", dup);
  free(dup);

  char buf[64];
  strcpy(buf, "Hello World 123");
  printf("_strupr \"%s\"\n", _strupr(buf));
  printf("_strlwr \"%s\"\n", _strlwr(buf));
  printf("_strrev \"%s\"\n", _strrev(buf));
  strcpy(buf, "password");
  _strnset(buf, '*', 4);
  printf("_strnset \"%s\"\n", buf);
  printf("_strset \"%s\"\n", _strset(buf, 'x'));

  char small[8];
  errno_t e = strcpy_s(small, sizeof small, "1234567");
  printf("strcpy_s fits: %d \"%s\"\n", e, small);
  errno = 0;
  e = strcpy_s(small, sizeof small, "12345678");
  const char *en = err();
  printf("strcpy_s too long: ERANGE %d, emptied %d, errno %s\n", e == ERANGE, small[0] == 0, en);
  e = strcpy_s(small, sizeof small, NULL);
  printf("strcpy_s NULL source: EINVAL %d, emptied %d\n", e == EINVAL, small[0] == 0);
  strcpy_s(small, sizeof small, "abc");
  e = strcat_s(small, sizeof small, "defg");
  printf("strcat_s fits: %d \"%s\"\n", e, small);
  e = strcat_s(small, sizeof small, "h");
  printf("strcat_s too long: ERANGE %d, emptied %d\n", e == ERANGE, small[0] == 0);
  e = strncpy_s(small, sizeof small, "truncate me", _TRUNCATE);
  printf("strncpy_s _TRUNCATE: STRUNCATE %d \"%s\"\n", e == STRUNCATE, small);
  e = strncpy_s(small, sizeof small, "abcdef", 3);
  printf("strncpy_s 3: %d \"%s\"\n", e, small);
  e = strncpy_s(small, sizeof small, "abcdefghij", 9);
  printf("strncpy_s 9 into 8: ERANGE %d, emptied %d\n", e == ERANGE, small[0] == 0);
  strcpy_s(small, sizeof small, "ab");
  e = strncat_s(small, sizeof small, "XYZW", 2);
  printf("strncat_s 2: %d \"%s\"\n", e, small);
  e = strncat_s(small, sizeof small, "0123456789", _TRUNCATE);
  printf("strncat_s _TRUNCATE: STRUNCATE %d \"%s\"\n", e == STRUNCATE, small);
  e = strcat_s(NULL, 4, "x");
  printf("strcat_s(NULL): EINVAL %d\n", e == EINVAL);
  printf("strnlen_s %u %u %u\n", (unsigned)strnlen_s("hello", 10), (unsigned)strnlen_s("hello", 3), (unsigned)strnlen_s(NULL, 5));

  char data[] = "key=value; other = thing ;last";
  char *ctx = NULL;
  printf("strtok_s:");
  for (char *t = strtok_s(data, ";= ", &ctx); t; t = strtok_s(NULL, ";= ", &ctx)) printf(" [%s]", t);
  printf("\n");

  char dst[6] = "-----";
  e = memcpy_s(dst, sizeof dst, "abc", 3);
  printf("memcpy_s: %d \"%s\"\n", e, dst);
  e = memcpy_s(dst, 3, "abcdef", 6);
  printf("memcpy_s too big: ERANGE %d, zeroed %d %d %d\n", e == ERANGE, dst[0] == 0, dst[1] == 0, dst[2] == 0);
  strcpy(dst, "abcde");
  e = memmove_s(dst + 1, 4, dst, 3);
  printf("memmove_s: %d \"%s\"\n", e, dst);
  e = memmove_s(dst, 2, "xyz", 3);
  printf("memmove_s too big: ERANGE %d \"%s\"\n", e == ERANGE, dst);

  printf("_itoa %s %s %s %s\n", _itoa(255, buf, 16), _itoa(-255, buf + 16, 10), _itoa(-1, buf + 32, 16), _itoa(8, buf + 48, 2));
  printf("_ltoa %s _ultoa %s\n", _ltoa(-123456, buf, 10), _ultoa(4294967295UL, buf + 32, 8));
  printf("_i64toa %s\n", _i64toa(-9223372036854775807LL - 1, buf, 10));
  printf("_i64toa %s\n", _i64toa(-2, buf, 16));
  printf("_ui64toa %s\n", _ui64toa(18446744073709551615ULL, buf, 36));
  e = _itoa_s(12345, small, sizeof small, 10);
  printf("_itoa_s %d \"%s\"\n", e, small);
  e = _itoa_s(-1234567, small, sizeof small, 10);
  printf("_itoa_s too long: ERANGE %d, emptied %d\n", e == ERANGE, small[0] == 0);
  e = _i64toa_s(1, small, sizeof small, 37);
  printf("_i64toa_s radix 37: EINVAL %d\n", e == EINVAL);

  l("  -0x1A", 16);
  l("0x", 0);
  l("0777", 0);
  l("12abc", 36);
  l("2147483648", 10);
  l("-2147483649", 10);
  errno = 0;
  unsigned long u = strtoul("-1", NULL, 10);
  printf("strtoul(-1) %lu errno %s\n", u, err());
  errno = 0;
  u = strtoul("-4294967296", NULL, 10);
  en = err();
  printf("strtoul(-4294967296) %lu errno %s\n", u, en);
  errno = 0;
  long long i64 = _strtoi64("-9223372036854775809", NULL, 10);
  en = err();
  printf("_strtoi64 %lld errno %s\n", i64, en);
  errno = 0;
  unsigned long long u64 = _strtoui64("0xffffffffffffffff", NULL, 16);
  en = err();
  printf("_strtoui64 %llu errno %s\n", u64, en);
  errno = 0;
  i64 = _atoi64("  -42abc");
  printf("_atoi64 %lld, atoi %d, atol %ld\n", i64, atoi("  12 34"), atol("-7"));
  printf("strtod %.2f, atof %.3f\n", strtod("  1.25e2x", NULL), atof("  -0.125e1x"));

  int arr[17];
  printf("_countof %u, _MAX_PATH %d, _MAX_FNAME %d, __max %d, __min %d, max %d, min %d\n", (unsigned)_countof(arr),
         _MAX_PATH, _MAX_FNAME, __max(3, 9), __min(3, 9), max(-1, -2), min(-1, -2));
  printf("RAND_MAX %d\n", RAND_MAX);
  return 0;
}
