// C-runtime Win32 functions: strings (code pages, lstr*, comparisons, case, FormatMessage,
// CommandLineToArgvW). See abi/crt/types.ts.
import { crt, type CrtFunction } from "./types.ts";

const cp = "kernel32/codepage.c";
const lstr = "kernel32/lstr.c";
const cmp = "kernel32/compare.c";
const chr = "kernel32/charcase.c";
const fmt = "kernel32/format.c";

export const STRINGS: CrtFunction[] = [
  // --- code pages ---
  crt("MultiByteToWideChar", "int", "UINT CodePage, DWORD dwFlags, LPCSTR lpMultiByteStr, int cbMultiByte, LPWSTR lpWideCharStr, int cchWideChar", cp,
    "CP_UTF8, and CP_ACP/CP_OEMCP/CP_THREAD_ACP as UTF-8; also 1252, 28591, 20127. cbMultiByte -1 includes the NUL; " +
    "cchWideChar 0 asks for the size. Invalid UTF-8 becomes U+FFFD (ERROR_NO_UNICODE_TRANSLATION with " +
    "MB_ERR_INVALID_CHARS); ERROR_INSUFFICIENT_BUFFER, ERROR_INVALID_PARAMETER, ERROR_INVALID_FLAGS."),
  crt("WideCharToMultiByte", "int", "UINT CodePage, DWORD dwFlags, LPCWSTR lpWideCharStr, int cchWideChar, LPSTR lpMultiByteStr, int cbMultiByte, LPCSTR lpDefaultChar, LPBOOL lpUsedDefaultChar", cp,
    "UTF-16 to UTF-8 (CP_UTF8, CP_ACP...) or a single-byte code page. A lone surrogate becomes U+FFFD " +
    "(ERROR_NO_UNICODE_TRANSLATION with WC_ERR_INVALID_CHARS). lpDefaultChar and lpUsedDefaultChar must be NULL " +
    "for CP_UTF8 (ERROR_INVALID_PARAMETER); CP_ACP accepts them."),
  crt("GetACP", "UINT", "", cp, "65001: the ANSI code page is UTF-8."),
  crt("GetOEMCP", "UINT", "", cp, "65001: the OEM code page is UTF-8."),
  crt("IsValidCodePage", "BOOL", "UINT CodePage", cp, "TRUE for 65001, 1252, 28591 and 20127."),
  crt("GetCPInfo", "BOOL", "UINT CodePage, LPCPINFO lpCPInfo", cp, "MaxCharSize 4 for UTF-8 (1 for the single-byte pages), default character '?', no lead bytes."),
  crt("IsDBCSLeadByte", "BOOL", "BYTE TestChar", cp, "FALSE: no double-byte code page."),
  crt("IsDBCSLeadByteEx", "BOOL", "UINT CodePage, BYTE TestChar", cp, "FALSE: no double-byte code page."),

  // --- lstr* ---
  crt("lstrlenW", "int", "LPCWSTR lpString", lstr, "wcslen; 0 for NULL."),
  crt("lstrlenA", "int", "LPCSTR lpString", lstr, "strlen; 0 for NULL."),
  crt("lstrcpyW", "LPWSTR", "LPWSTR lpString1, LPCWSTR lpString2", lstr, "wcscpy; NULL when either is NULL."),
  crt("lstrcpyA", "LPSTR", "LPSTR lpString1, LPCSTR lpString2", lstr, "strcpy; NULL when either is NULL."),
  crt("lstrcpynW", "LPWSTR", "LPWSTR lpString1, LPCWSTR lpString2, int iMaxLength", lstr,
    "Copies at most iMaxLength - 1 characters and a NUL (none when iMaxLength is 0)."),
  crt("lstrcpynA", "LPSTR", "LPSTR lpString1, LPCSTR lpString2, int iMaxLength", lstr, "ANSI form of lstrcpynW."),
  crt("lstrcatW", "LPWSTR", "LPWSTR lpString1, LPCWSTR lpString2", lstr, "wcscat; NULL when either is NULL."),
  crt("lstrcatA", "LPSTR", "LPSTR lpString1, LPCSTR lpString2", lstr, "strcat; NULL when either is NULL."),
  crt("lstrcmpW", "int", "LPCWSTR lpString1, LPCWSTR lpString2", cmp,
    "CompareStringW(LOCALE_USER_DEFAULT, 0) - 2: the linguistic order (\"a\" < \"B\" < \"b\", \"co-op\" after \"coop\"), not strcmp's; NULL first."),
  crt("lstrcmpA", "int", "LPCSTR lpString1, LPCSTR lpString2", cmp, "ANSI (UTF-8) form of lstrcmpW."),
  crt("lstrcmpiW", "int", "LPCWSTR lpString1, LPCWSTR lpString2", cmp, "lstrcmpW with NORM_IGNORECASE."),
  crt("lstrcmpiA", "int", "LPCSTR lpString1, LPCSTR lpString2", cmp, "ANSI (UTF-8) form of lstrcmpiW."),

  // --- comparison ---
  crt("CompareStringW", "int", "LCID Locale, DWORD dwCmpFlags, LPCWSTR lpString1, int cchCount1, LPCWSTR lpString2, int cchCount2", cmp,
    "Windows' word sort with its default table for U+0000..U+024F (letters by base letter, then accents, then case; " +
    "apostrophe, hyphen and controls weigh last), code point order beyond. NORM_IGNORECASE, NORM_IGNORENONSPACE, " +
    "NORM_IGNORESYMBOLS, SORT_STRINGSORT; every locale alike. CSTR_LESS_THAN/EQUAL/GREATER_THAN; 0 with " +
    "ERROR_INVALID_PARAMETER or ERROR_INVALID_FLAGS."),
  crt("CompareStringA", "int", "LCID Locale, DWORD dwCmpFlags, LPCSTR lpString1, int cchCount1, LPCSTR lpString2, int cchCount2", cmp,
    "ANSI (UTF-8) form of CompareStringW."),
  crt("CompareStringEx", "int", "LPCWSTR lpLocaleName, DWORD dwCmpFlags, LPCWCH lpString1, int cchCount1, LPCWCH lpString2, int cchCount2, LPVOID lpVersionInformation, LPVOID lpReserved, LPARAM lParam", cmp,
    "CompareStringW by locale name."),
  crt("CompareStringOrdinal", "int", "LPCWCH lpString1, int cchCount1, LPCWCH lpString2, int cchCount2, BOOL bIgnoreCase", cmp,
    "Code unit order; bIgnoreCase compares the upper-case forms. CSTR_* results."),

  // --- characters (user32) ---
  crt("CharUpperW", "LPWSTR", "LPWSTR lpsz", chr, "Upper-cases a string in place, or one character given in the low word.", "user32"),
  crt("CharUpperA", "LPSTR", "LPSTR lpsz", chr, "ANSI (UTF-8) form of CharUpperW.", "user32"),
  crt("CharLowerW", "LPWSTR", "LPWSTR lpsz", chr, "Lower-cases a string in place, or one character given in the low word.", "user32"),
  crt("CharLowerA", "LPSTR", "LPSTR lpsz", chr, "ANSI (UTF-8) form of CharLowerW.", "user32"),
  crt("CharUpperBuffW", "DWORD", "LPWSTR lpsz, DWORD cchLength", chr, "Upper-cases cchLength characters; returns cchLength.", "user32"),
  crt("CharUpperBuffA", "DWORD", "LPSTR lpsz, DWORD cchLength", chr, "ANSI (UTF-8) form of CharUpperBuffW.", "user32"),
  crt("CharLowerBuffW", "DWORD", "LPWSTR lpsz, DWORD cchLength", chr, "Lower-cases cchLength characters; returns cchLength.", "user32"),
  crt("CharLowerBuffA", "DWORD", "LPSTR lpsz, DWORD cchLength", chr, "ANSI (UTF-8) form of CharLowerBuffW.", "user32"),
  crt("CharNextW", "LPWSTR", "LPCWSTR lpsz", chr, "The next character (not past the NUL).", "user32"),
  crt("CharNextA", "LPSTR", "LPCSTR lpsz", chr, "The next UTF-8 character (not past the NUL).", "user32"),
  crt("CharPrevW", "LPWSTR", "LPCWSTR lpszStart, LPCWSTR lpszCurrent", chr, "The previous character (not before lpszStart).", "user32"),
  crt("CharPrevA", "LPSTR", "LPCSTR lpszStart, LPCSTR lpszCurrent", chr, "The previous UTF-8 character (not before lpszStart).", "user32"),
  crt("IsCharAlphaW", "BOOL", "WCHAR ch", chr, "Whether the character is a letter (C1_ALPHA).", "user32"),
  crt("IsCharAlphaA", "BOOL", "CHAR ch", chr, "IsCharAlphaW of an ASCII byte; FALSE from 0x80 (not a UTF-8 character alone).", "user32"),
  crt("IsCharAlphaNumericW", "BOOL", "WCHAR ch", chr, "Whether the character is a letter or a digit.", "user32"),
  crt("IsCharAlphaNumericA", "BOOL", "CHAR ch", chr, "IsCharAlphaNumericW of an ASCII byte.", "user32"),
  crt("IsCharUpperW", "BOOL", "WCHAR ch", chr, "Whether the character is upper case (C1_UPPER).", "user32"),
  crt("IsCharUpperA", "BOOL", "CHAR ch", chr, "IsCharUpperW of an ASCII byte.", "user32"),
  crt("IsCharLowerW", "BOOL", "WCHAR ch", chr, "Whether the character is lower case (C1_LOWER).", "user32"),
  crt("IsCharLowerA", "BOOL", "CHAR ch", chr, "IsCharLowerW of an ASCII byte.", "user32"),

  // --- messages and command lines ---
  crt("FormatMessageW", "DWORD", "DWORD dwFlags, LPCVOID lpSource, DWORD dwMessageId, DWORD dwLanguageId, LPWSTR lpBuffer, DWORD nSize, va_list *Arguments", fmt,
    "FORMAT_MESSAGE_FROM_STRING, or FROM_SYSTEM with Windows' English texts for the errors ntwasm has (an HRESULT " +
    "0x8007xxxx too; ERROR_MR_MID_NOT_FOUND otherwise, ERROR_RESOURCE_LANG_NOT_FOUND for a language other than " +
    "neutral or English). Inserts %1..%99 with !printf! formats, %0 %n %r %t %% as on Windows, IGNORE_INSERTS, " +
    "ARGUMENT_ARRAY or a va_list*, the MAX_WIDTH_MASK width. ALLOCATE_BUFFER stores a LocalAlloc'd buffer at " +
    "*(LPWSTR *)lpBuffer; otherwise ERROR_INSUFFICIENT_BUFFER when nSize is too small."),
  crt("FormatMessageA", "DWORD", "DWORD dwFlags, LPCVOID lpSource, DWORD dwMessageId, DWORD dwLanguageId, LPSTR lpBuffer, DWORD nSize, va_list *Arguments", fmt,
    "ANSI (UTF-8) form of FormatMessageW: %s inserts are narrow strings, sizes in bytes."),
  crt("CommandLineToArgvW", "LPWSTR *", "LPCWSTR lpCmdLine, int *pNumArgs", "kernel32/cmdline.c",
    "Splits a command line with shell32's rules (argv[0] ends at white space or its closing quote; then " +
    "backslash-quote rules, \"\" inside quotes); one LocalAlloc'd block to free with LocalFree. An empty command " +
    "line gives the program's path. (shell32 on Windows.)"),

  // --- the locale ---
  crt("GetUserDefaultLCID", "LCID", "", "kernel32/locale.c", "0x0409 (English, United States)."),
  crt("GetSystemDefaultLCID", "LCID", "", "kernel32/locale.c", "0x0409."),
  crt("GetUserDefaultLangID", "LANGID", "", "kernel32/locale.c", "0x0409."),
  crt("GetSystemDefaultLangID", "LANGID", "", "kernel32/locale.c", "0x0409."),
  crt("GetUserDefaultUILanguage", "LANGID", "", "kernel32/locale.c", "0x0409."),
  crt("GetSystemDefaultUILanguage", "LANGID", "", "kernel32/locale.c", "0x0409."),
  crt("GetThreadLocale", "LCID", "", "kernel32/locale.c", "The thread's SetThreadLocale value, 0x0409 at first."),
  crt("SetThreadLocale", "BOOL", "LCID Locale", "kernel32/locale.c", "Records the thread's locale (comparisons are the same in every locale)."),
  crt("IsValidLocale", "BOOL", "LCID Locale, DWORD dwFlags", "kernel32/locale.c", "TRUE for any LCID with a language."),
  crt("GetUserDefaultLocaleName", "int", "LPWSTR lpLocaleName, int cchLocaleName", "kernel32/locale.c",
    "\"en-US\": 6 with the NUL; 0 with ERROR_INSUFFICIENT_BUFFER."),
  crt("GetSystemDefaultLocaleName", "int", "LPWSTR lpLocaleName, int cchLocaleName", "kernel32/locale.c", "As GetUserDefaultLocaleName."),

  // --- wsprintf (user32) ---
  crt("wsprintfW", "int", "LPWSTR lpOut, LPCWSTR lpFmt, ...", "kernel32/wsprintf.c",
    "Windows' small printf: c C d i u x X s S p with flags, width, precision, h l I64; no floating point; at most " +
    "1024 characters with the NUL. %s is wide here, %S narrow.", "user32"),
  crt("wsprintfA", "int", "LPSTR lpOut, LPCSTR lpFmt, ...", "kernel32/wsprintf.c", "ANSI (UTF-8) form of wsprintfW: %s narrow, %S wide.", "user32"),
  crt("wvsprintfW", "int", "LPWSTR lpOutput, LPCWSTR lpFmt, va_list arglist", "kernel32/wsprintf.c", "wsprintfW with a va_list.", "user32"),
  crt("wvsprintfA", "int", "LPSTR lpOutput, LPCSTR lpFmt, va_list arglist", "kernel32/wsprintf.c", "wsprintfA with a va_list.", "user32"),
];
