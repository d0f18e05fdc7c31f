/*
 * ntwasm: <ctype.h> for guests built with `ntwasm cc`: wasi-libc's narrow classification ("C" locale,
 * ASCII), plus what MSVC's <ctype.h> declares besides: the wide classification of the SDK's 16-bit
 * wide library (iswalpha, towlower..., ntwasm_wstring.h) and MSVC's macros (_tolower, __isascii...).
 */
#include_next <ctype.h>

#ifndef NTWASM_LIBC_CTYPE_H
#define NTWASM_LIBC_CTYPE_H
#define _INC_CTYPE

#include <ntwasm_wstring.h>

/* MSVC's forms: _tolower/_toupper assume an upper-/lower-case ASCII letter. */
#undef _tolower
#undef _toupper
#define _tolower(c) ((c) - 'A' + 'a')
#define _toupper(c) ((c) - 'a' + 'A')
#define __isascii(c) ((unsigned)(c) < 0x80)
#define __toascii(c) ((c) & 0x7f)
#define __iscsymf(c) (isalpha(c) || ((c) == '_'))
#define __iscsym(c) (isalnum(c) || ((c) == '_'))

#endif
