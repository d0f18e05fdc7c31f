/*
 * ntwasm's <strsafe.h>: the Windows SDK's safer string functions, static inline as in Microsoft's
 * header. StringCch* take sizes in characters, StringCb* in bytes; each exists as ...A (char,
 * UTF-8) and ...W (wchar_t, UTF-16), and the generic name is the W form with UNICODE defined, the
 * A form otherwise:
 *
 *   StringCchCopy, StringCchCopyEx, StringCchCopyN, StringCchCopyNEx, StringCchCat, StringCchCatEx,
 *   StringCchCatN, StringCchCatNEx, StringCchPrintf, StringCchPrintfEx, StringCchVPrintf,
 *   StringCchVPrintfEx, StringCchLength, and the same StringCb* set.
 *
 * Results (HRESULT): S_OK; STRSAFE_E_INSUFFICIENT_BUFFER when the result did not fit: the destination
 * then holds as much as fits, always NUL-terminated; STRSAFE_E_INVALID_PARAMETER when the destination
 * size is 0 or more than STRSAFE_MAX_CCH characters (the destination is not written), a count is
 * too large, or (Cat, Length) the string has no NUL within its size. The Printf forms format with
 * msvcrt's rules (_vsnprintf / _vsnwprintf: in a wide format %s is a wide string). The Ex forms take
 * STRSAFE_IGNORE_NULLS, STRSAFE_FILL_BEHIND_NULL, STRSAFE_FILL_ON_FAILURE, STRSAFE_NULL_ON_FAILURE,
 * STRSAFE_NO_TRUNCATION and STRSAFE_FILL_BYTE(x)/STRSAFE_FAILURE_BYTE(x), and return the end of the
 * result and the room left (including the NUL). Not provided: StringCchGets/StringCbGets, and the
 * deprecation of strcpy & co. that Microsoft's header applies.
 */
#ifndef NTWASM_STRSAFE_H
#define NTWASM_STRSAFE_H
#define _STRSAFE_H_INCLUDED_

#include <stddef.h>
#include <stdarg.h>
#include <string.h>
#include <stdio.h>
#include <wchar.h>
#include "ntwasm/hresult.h"

#include "ntwasm/unicode.h"

#ifdef __cplusplus
extern "C" {
#endif

#define STRSAFEAPI static __inline HRESULT
#define STRSAFEWORKERAPI static __inline HRESULT

#define STRSAFE_MAX_CCH 2147483647
#define STRSAFE_MAX_LENGTH (STRSAFE_MAX_CCH - 1)

#define STRSAFE_IGNORE_NULLS 0x00000100
#define STRSAFE_FILL_BEHIND_NULL 0x00000200
#define STRSAFE_FILL_ON_FAILURE 0x00000400
#define STRSAFE_NULL_ON_FAILURE 0x00000800
#define STRSAFE_NO_TRUNCATION 0x00001000
#define STRSAFE_IGNORE_NULL_UNICODE_STRINGS 0x00010000
#define STRSAFE_UNICODE_STRING_DEST_NULL_TERMINATED 0x00020000
#define STRSAFE_VALID_FLAGS (0x000000FF | STRSAFE_IGNORE_NULLS | STRSAFE_FILL_BEHIND_NULL | STRSAFE_FILL_ON_FAILURE | \
                             STRSAFE_NULL_ON_FAILURE | STRSAFE_NO_TRUNCATION)
#define STRSAFE_FILL_BYTE(x) ((unsigned long)(((x) & 0x000000FF) | STRSAFE_FILL_BEHIND_NULL))
#define STRSAFE_FAILURE_BYTE(x) ((unsigned long)(((x) & 0x000000FF) | STRSAFE_FILL_ON_FAILURE))
#define STRSAFE_GET_FILL_PATTERN(flags) ((int)((flags) & 0x000000FF))

#define STRSAFE_E_INSUFFICIENT_BUFFER ((HRESULT)0x8007007AL) /* HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER) */
#define STRSAFE_E_INVALID_PARAMETER ((HRESULT)0x80070057L)   /* HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER) */
#define STRSAFE_E_END_OF_FILE ((HRESULT)0x80070026L)         /* HRESULT_FROM_WIN32(ERROR_HANDLE_EOF) */

typedef char *STRSAFE_LPSTR;
typedef const char *STRSAFE_LPCSTR;
typedef wchar_t *STRSAFE_LPWSTR;
typedef const wchar_t *STRSAFE_LPCWSTR;
typedef const char *STRSAFE_PCNZCH;
typedef const wchar_t *STRSAFE_PCNZWCH;
typedef const unsigned char *STRSAFE_LPCUWSTR;

/* The char forms. */
#define SS_CH char
#define SS_(name) name##A
#define SS_VSNPRINTF _vsnprintf
#include "ntwasm/strsafe_impl.h"
#undef SS_CH
#undef SS_
#undef SS_VSNPRINTF

/* The wchar_t forms. */
#define SS_CH wchar_t
#define SS_(name) name##W
#define SS_VSNPRINTF _vsnwprintf
#include "ntwasm/strsafe_impl.h"
#undef SS_CH
#undef SS_
#undef SS_VSNPRINTF

#ifdef UNICODE
#define STRSAFE_NAME(name) name##W
#else
#define STRSAFE_NAME(name) name##A
#endif
#define StringCchCopy STRSAFE_NAME(StringCchCopy)
#define StringCchCopyEx STRSAFE_NAME(StringCchCopyEx)
#define StringCchCopyN STRSAFE_NAME(StringCchCopyN)
#define StringCchCopyNEx STRSAFE_NAME(StringCchCopyNEx)
#define StringCchCat STRSAFE_NAME(StringCchCat)
#define StringCchCatEx STRSAFE_NAME(StringCchCatEx)
#define StringCchCatN STRSAFE_NAME(StringCchCatN)
#define StringCchCatNEx STRSAFE_NAME(StringCchCatNEx)
#define StringCchPrintf STRSAFE_NAME(StringCchPrintf)
#define StringCchPrintfEx STRSAFE_NAME(StringCchPrintfEx)
#define StringCchVPrintf STRSAFE_NAME(StringCchVPrintf)
#define StringCchVPrintfEx STRSAFE_NAME(StringCchVPrintfEx)
#define StringCchLength STRSAFE_NAME(StringCchLength)
#define StringCbCopy STRSAFE_NAME(StringCbCopy)
#define StringCbCopyEx STRSAFE_NAME(StringCbCopyEx)
#define StringCbCopyN STRSAFE_NAME(StringCbCopyN)
#define StringCbCopyNEx STRSAFE_NAME(StringCbCopyNEx)
#define StringCbCat STRSAFE_NAME(StringCbCat)
#define StringCbCatEx STRSAFE_NAME(StringCbCatEx)
#define StringCbCatN STRSAFE_NAME(StringCbCatN)
#define StringCbCatNEx STRSAFE_NAME(StringCbCatNEx)
#define StringCbPrintf STRSAFE_NAME(StringCbPrintf)
#define StringCbPrintfEx STRSAFE_NAME(StringCbPrintfEx)
#define StringCbVPrintf STRSAFE_NAME(StringCbVPrintf)
#define StringCbVPrintfEx STRSAFE_NAME(StringCbVPrintfEx)
#define StringCbLength STRSAFE_NAME(StringCbLength)

#ifdef __cplusplus
}
#endif

#endif /* NTWASM_STRSAFE_H */
