/*
 * ntwasm: <wctype.h> for guests built with `ntwasm cc` (replaces wasi-libc's, which assumes a 32-bit
 * wchar_t). Classification follows msvcrt's table for every UTF-16 code unit and the isw* functions
 * return the class bits (_ALPHA, _UPPER... from ntwasm_wstring.h) as msvcrt does; case mapping is the
 * "C" locale's, ASCII letters only.
 */
#ifndef _WCTYPE_H
#define _WCTYPE_H
#define _INC_WCTYPE

#include <ntwasm_wstring.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef wchar_t wctrans_t;

/* wctrans("toupper") is 1, wctrans("tolower") 2, anything else 0 (as in msvcrt). */
wctrans_t wctrans(const char *name) __NTWASM_LINK(wctrans);
wint_t towctrans(wint_t c, wctrans_t trans) __NTWASM_LINK(towctrans);

#ifdef __cplusplus
}
#endif

#endif
