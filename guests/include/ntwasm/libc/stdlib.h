/*
 * ntwasm: <stdlib.h> for guests built with `ntwasm cc`: wasi-libc's, plus what MSVC's <stdlib.h>
 * declares besides: the wide conversions of the SDK's 16-bit wide library (wcstol, _wtoi, _itow,
 * mbstowcs..., ntwasm_wstring.h), MSVC's number extras (_itoa, _i64toa, _strtoi64, _atoi64...),
 * _countof, _MAX_PATH and friends, __min/__max (and min/max in C, as MSVC's header has them).
 *
 * Differences from wasi-libc, as on Windows: RAND_MAX is 0x7FFF and rand() is msvcrt's generator
 * with a seed per thread (every thread starts at srand(1)); MB_CUR_MAX is 4 (UTF-8). strtol and the
 * other number parsers take no lock and set the calling thread's errno; the integer ones parse as
 * msvcrt does ("0x" alone is no number; atoi and _wtoi saturate with ERANGE as UCRT's do).
 */
#include_next <stdlib.h>

#ifndef NTWASM_LIBC_STDLIB_H
#define NTWASM_LIBC_STDLIB_H
#define _INC_STDLIB

#include <ntwasm_wstring.h>

#undef RAND_MAX
#define RAND_MAX 0x7fff
#undef MB_CUR_MAX
#define MB_CUR_MAX 4

#define _MAX_PATH 260
#define _MAX_DRIVE 3
#define _MAX_DIR 256
#define _MAX_FNAME 256
#define _MAX_EXT 256
#define _MAX_ENV 32767
#define _CVTBUFSIZE (309 + 40)

#define _MAX_ITOSTR_BASE16_COUNT (8 + 1)
#define _MAX_ITOSTR_BASE10_COUNT (1 + 10 + 1)
#define _MAX_ITOSTR_BASE8_COUNT (11 + 1)
#define _MAX_ITOSTR_BASE2_COUNT (32 + 1)
#define _MAX_LTOSTR_BASE16_COUNT (8 + 1)
#define _MAX_LTOSTR_BASE10_COUNT (1 + 10 + 1)
#define _MAX_LTOSTR_BASE8_COUNT (11 + 1)
#define _MAX_LTOSTR_BASE2_COUNT (32 + 1)
#define _MAX_ULTOSTR_BASE16_COUNT (8 + 1)
#define _MAX_ULTOSTR_BASE10_COUNT (10 + 1)
#define _MAX_ULTOSTR_BASE8_COUNT (11 + 1)
#define _MAX_ULTOSTR_BASE2_COUNT (32 + 1)
#define _MAX_I64TOSTR_BASE16_COUNT (16 + 1)
#define _MAX_I64TOSTR_BASE10_COUNT (1 + 19 + 1)
#define _MAX_I64TOSTR_BASE8_COUNT (22 + 1)
#define _MAX_I64TOSTR_BASE2_COUNT (64 + 1)
#define _MAX_U64TOSTR_BASE16_COUNT (16 + 1)
#define _MAX_U64TOSTR_BASE10_COUNT (20 + 1)
#define _MAX_U64TOSTR_BASE8_COUNT (22 + 1)
#define _MAX_U64TOSTR_BASE2_COUNT (64 + 1)

#define __max(a, b) (((a) > (b)) ? (a) : (b))
#define __min(a, b) (((a) < (b)) ? (a) : (b))
#ifndef __cplusplus
#ifndef max
#define max(a, b) (((a) > (b)) ? (a) : (b))
#endif
#ifndef min
#define min(a, b) (((a) < (b)) ? (a) : (b))
#endif
#endif

#ifdef __cplusplus
extern "C++" template <typename T, size_t N> char (*__ntwasm_countof_helper(T (&)[N]))[N];
#define _countof(a) (sizeof(*__ntwasm_countof_helper(a)))
#else
#define _countof(a) (sizeof(a) / sizeof((a)[0]))
#endif

#ifdef __cplusplus
extern "C" {
#endif

char *_itoa(int value, char *buf, int radix);
char *_ltoa(long value, char *buf, int radix);
char *_ultoa(unsigned long value, char *buf, int radix);
char *_i64toa(long long value, char *buf, int radix);
char *_ui64toa(unsigned long long value, char *buf, int radix);
char *itoa(int value, char *buf, int radix);
char *ltoa(long value, char *buf, int radix);
char *ultoa(unsigned long value, char *buf, int radix);
errno_t _itoa_s(int value, char *buf, size_t size, int radix);
errno_t _ltoa_s(long value, char *buf, size_t size, int radix);
errno_t _ultoa_s(unsigned long value, char *buf, size_t size, int radix);
errno_t _i64toa_s(long long value, char *buf, size_t size, int radix);
errno_t _ui64toa_s(unsigned long long value, char *buf, size_t size, int radix);
long long _atoi64(const char *s);
long long _strtoi64(const char *s, char **end, int base);
unsigned long long _strtoui64(const char *s, char **end, int base);

#ifdef _CRT_RAND_S
errno_t rand_s(unsigned int *value);
#endif

errno_t _get_errno(int *value);
errno_t _set_errno(int value);

unsigned short _byteswap_ushort(unsigned short v);
unsigned long _byteswap_ulong(unsigned long v);
unsigned long long _byteswap_uint64(unsigned long long v);
long long _abs64(long long v);

#ifdef __cplusplus
}

extern "C++" {
template <size_t N> inline errno_t _itoa_s(int v, char (&buf)[N], int radix) { return ::_itoa_s(v, buf, N, radix); }
template <size_t N> inline errno_t _ltoa_s(long v, char (&buf)[N], int radix) { return ::_ltoa_s(v, buf, N, radix); }
template <size_t N> inline errno_t _ultoa_s(unsigned long v, char (&buf)[N], int radix) { return ::_ultoa_s(v, buf, N, radix); }
}
#endif

#endif
