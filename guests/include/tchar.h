/*
 * ntwasm's <tchar.h>: Microsoft's generic-text mappings. With _UNICODE (or UNICODE) defined before
 * the include, _TCHAR is wchar_t, _T("x") is L"x" and the _t names are the wide functions
 * (_tprintf is wprintf, _tcslen wcslen, _tmain wmain...); otherwise _TCHAR is char and they are the
 * narrow ones (printf, strlen, main). The mapping is Microsoft's table ("Generic-text routine
 * mappings"), with _stprintf/_vstprintf as UCRT's tchar.h has them: _swprintf/_vswprintf, the
 * legacy forms without a count, so `_stprintf(buf, _T("%d"), n)` compiles in both modes.
 *
 * UNICODE and _UNICODE: Windows' headers look at UNICODE, the C runtime's at _UNICODE, and projects
 * define one or both. Here either one defines the other (as <windows.h> also does), so TCHAR
 * (windows.h) and _TCHAR (this file) always agree. _MBCS is accepted and gives the narrow mapping:
 * the "ANSI" code page is UTF-8 and the _mbs* functions are not provided, so MBCS builds behave as
 * single-byte builds.
 *
 * Functions the mapping names must exist for the names used: the wide C library is the SDK's
 * (<wchar.h>, <stdio.h>); a mapping to something ntwasm lacks (_tpopen, _tspawnl...) fails only when
 * a program uses it.
 */
#ifndef NTWASM_TCHAR_H
#define NTWASM_TCHAR_H
#define _INC_TCHAR

#include "ntwasm/unicode.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <wchar.h>
#include <wctype.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

#define _ftcscat _tcscat
#define _ftcschr _tcschr
#define _ftcscpy _tcscpy
#define _ftcscspn _tcscspn
#define _ftcslen _tcslen
#define _ftcsncat _tcsncat
#define _ftcsncpy _tcsncpy
#define _ftcspbrk _tcspbrk
#define _ftcsrchr _tcsrchr
#define _ftcsspn _tcsspn
#define _ftcsstr _tcsstr
#define _ftcstok _tcstok
#define _ftcsdup _tcsdup
#define _ftcsnset _tcsnset
#define _ftcsrev _tcsrev
#define _ftcsset _tcsset
#define _ftcscmp _tcscmp
#define _ftcsicmp _tcsicmp
#define _ftcsnccmp _tcsnccmp
#define _ftcsncmp _tcsncmp
#define _ftcsncicmp _tcsncicmp
#define _ftcsnicmp _tcsnicmp
#define _ftcscoll _tcscoll
#define _ftcsicoll _tcsicoll
#define _ftcsnccoll _tcsnccoll
#define _ftcsncoll _tcsncoll
#define _ftcsncicoll _tcsncicoll
#define _ftcsnicoll _tcsnicoll
#define _ftcsclen _tcsclen
#define _ftcsnccat _tcsnccat
#define _ftcsnccpy _tcsnccpy
#define _ftcsncset _tcsncset
#define _ftcsdec _tcsdec
#define _ftcsinc _tcsinc
#define _ftcsnbcnt _tcsnbcnt
#define _ftcsnccnt _tcsnccnt
#define _ftcsnextc _tcsnextc
#define _ftcsninc _tcsninc
#define _ftcsspnp _tcsspnp
#define _ftcslwr _tcslwr
#define _ftcsupr _tcsupr
#define _ftclen _tclen
#define _ftccpy _tccpy
#define _ftccmp _tccmp

#ifdef _UNICODE
/* ======================================================================================= wide */

#ifndef _TCHAR_DEFINED
#define _TCHAR_DEFINED
typedef wchar_t _TCHAR;
typedef wchar_t _TSCHAR;
typedef wchar_t _TUCHAR;
typedef wchar_t _TXCHAR;
typedef wint_t _TINT;
#endif

#define __T(x) L##x
#define _TEOF WEOF

#define _tmain wmain
#define _tWinMain wWinMain
#define _tenviron _wenviron
#define __targv __wargv

/* formatted I/O */
#define _tprintf wprintf
#define _tprintf_s wprintf_s
#define _ftprintf fwprintf
#define _ftprintf_s fwprintf_s
#define _stprintf _swprintf
#define _stprintf_s swprintf_s
#define _sntprintf _snwprintf
#define _sntprintf_s _snwprintf_s
#define _sctprintf _scwprintf
#define _vtprintf vwprintf
#define _vtprintf_s vwprintf_s
#define _vftprintf vfwprintf
#define _vftprintf_s vfwprintf_s
#define _vstprintf _vswprintf
#define _vstprintf_s vswprintf_s
#define _vsntprintf _vsnwprintf
#define _vsntprintf_s _vsnwprintf_s
#define _vsctprintf _vscwprintf
#define _tscanf wscanf
#define _tscanf_s wscanf_s
#define _ftscanf fwscanf
#define _ftscanf_s fwscanf_s
#define _stscanf swscanf
#define _stscanf_s swscanf_s
#define _sntscanf _snwscanf
#define _sntscanf_s _snwscanf_s
#define _vtscanf vwscanf
#define _vftscanf vfwscanf
#define _vstscanf vswscanf

/* unformatted I/O */
#define _fgettc fgetwc
#define _fgettc_nolock _fgetwc_nolock
#define _fgettchar _fgetwchar
#define _fgetts fgetws
#define _fputtc fputwc
#define _fputtc_nolock _fputwc_nolock
#define _fputtchar _fputwchar
#define _fputts fputws
#define _gettc getwc
#define _gettc_nolock _getwc_nolock
#define _gettchar getwchar
#define _gettchar_nolock _getwchar_nolock
#define _getts _getws
#define _getts_s _getws_s
#define _puttc putwc
#define _puttc_nolock _putwc_nolock
#define _puttchar putwchar
#define _puttchar_nolock _putwchar_nolock
#define _putts _putws
#define _ungettc ungetwc
#define _ungettc_nolock _ungetwc_nolock

/* console (conio.h) */
#define _cgetts _cgetws
#define _cgetts_s _cgetws_s
#define _cputts _cputws
#define _tcprintf _cwprintf
#define _tcprintf_s _cwprintf_s
#define _tcscanf _cwscanf
#define _gettch _getwch
#define _gettch_nolock _getwch_nolock
#define _gettche _getwche
#define _gettche_nolock _getwche_nolock
#define _puttch _putwch
#define _puttch_nolock _putwch_nolock
#define _ungettch _ungetwch
#define _ungettch_nolock _ungetwch_nolock

/* streams and files */
#define _tfopen _wfopen
#define _tfopen_s _wfopen_s
#define _tfreopen _wfreopen
#define _tfreopen_s _wfreopen_s
#define _tfdopen _wfdopen
#define _tfsopen _wfsopen
#define _tpopen _wpopen
#define _tremove _wremove
#define _trename _wrename
#define _tunlink _wunlink
#define _ttmpnam _wtmpnam
#define _ttmpnam_s _wtmpnam_s
#define _ttempnam _wtempnam
#define _tmktemp _wmktemp
#define _tmktemp_s _wmktemp_s
#define _tperror _wperror
#define _taccess _waccess
#define _taccess_s _waccess_s
#define _tchmod _wchmod
#define _tcreat _wcreat
#define _topen _wopen
#define _tsopen _wsopen
#define _tsopen_s _wsopen_s
#define _tstat _wstat
#define _tstat32 _wstat32
#define _tstati64 _wstati64
#define _tstat64 _wstat64
#define _tutime _wutime
#define _tfinddata_t _wfinddata_t
#define _tfinddata32_t _wfinddata32_t
#define _tfinddatai64_t _wfinddatai64_t
#define _tfinddata64_t _wfinddata64_t
#define _tfindfirst _wfindfirst
#define _tfindnext _wfindnext
#define _tfindfirst32 _wfindfirst32
#define _tfindnext32 _wfindnext32
#define _tfindfirst64 _wfindfirst64
#define _tfindnext64 _wfindnext64
#define _tfindfirsti64 _wfindfirsti64
#define _tfindnexti64 _wfindnexti64
#define _tchdir _wchdir
#define _tgetcwd _wgetcwd
#define _tgetdcwd _wgetdcwd
#define _tmkdir _wmkdir
#define _trmdir _wrmdir
#define _tfullpath _wfullpath
#define _tmakepath _wmakepath
#define _tmakepath_s _wmakepath_s
#define _tsplitpath _wsplitpath
#define _tsplitpath_s _wsplitpath_s
#define _tsearchenv _wsearchenv
#define _tsearchenv_s _wsearchenv_s

/* processes and environment */
#define _texecl _wexecl
#define _texecle _wexecle
#define _texeclp _wexeclp
#define _texeclpe _wexeclpe
#define _texecv _wexecv
#define _texecve _wexecve
#define _texecvp _wexecvp
#define _texecvpe _wexecvpe
#define _tspawnl _wspawnl
#define _tspawnle _wspawnle
#define _tspawnlp _wspawnlp
#define _tspawnlpe _wspawnlpe
#define _tspawnv _wspawnv
#define _tspawnve _wspawnve
#define _tspawnvp _wspawnvp
#define _tspawnvpe _wspawnvpe
#define _tsystem _wsystem
#define _tgetenv _wgetenv
#define _tgetenv_s _wgetenv_s
#define _tdupenv_s _wdupenv_s
#define _tputenv _wputenv
#define _tputenv_s _wputenv_s
#define _tsetlocale _wsetlocale

/* conversions */
#define _tcstod wcstod
#define _tcstof wcstof
#define _tcstold wcstold
#define _tcstol wcstol
#define _tcstoul wcstoul
#define _tcstoll wcstoll
#define _tcstoull wcstoull
#define _tcstoi64 _wcstoi64
#define _tcstoui64 _wcstoui64
#define _tcstoimax wcstoimax
#define _tcstoumax wcstoumax
#define _ttof _wtof
#define _tstof _wtof
#define _ttoi _wtoi
#define _tstoi _wtoi
#define _ttol _wtol
#define _tstol _wtol
#define _ttoll _wtoll
#define _tstoll _wtoll
#define _ttoi64 _wtoi64
#define _tstoi64 _wtoi64
#define _itot _itow
#define _itot_s _itow_s
#define _ltot _ltow
#define _ltot_s _ltow_s
#define _ultot _ultow
#define _ultot_s _ultow_s
#define _i64tot _i64tow
#define _i64tot_s _i64tow_s
#define _ui64tot _ui64tow
#define _ui64tot_s _ui64tow_s

/* time */
#define _tasctime _wasctime
#define _tasctime_s _wasctime_s
#define _tctime _wctime
#define _tctime_s _wctime_s
#define _tctime32 _wctime32
#define _tctime64 _wctime64
#define _tcsftime wcsftime
#define _tstrdate _wstrdate
#define _tstrdate_s _wstrdate_s
#define _tstrtime _wstrtime
#define _tstrtime_s _wstrtime_s

/* strings */
#define _tcscat wcscat
#define _tcscat_s wcscat_s
#define _tcschr wcschr
#define _tcscpy wcscpy
#define _tcscpy_s wcscpy_s
#define _tcscspn wcscspn
#define _tcslen wcslen
#define _tcsnlen wcsnlen
#define _tcsncat wcsncat
#define _tcsncat_s wcsncat_s
#define _tcsncpy wcsncpy
#define _tcsncpy_s wcsncpy_s
#define _tcspbrk wcspbrk
#define _tcsrchr wcsrchr
#define _tcsspn wcsspn
#define _tcsstr wcsstr
#define _tcstok _wcstok
#define _tcstok_s wcstok_s
#define _tcsdup _wcsdup
#define _tcserror _wcserror
#define _tcserror_s _wcserror_s
#define __tcserror __wcserror
#define __tcserror_s __wcserror_s
#define _tcsnset _wcsnset
#define _tcsnset_s _wcsnset_s
#define _tcsrev _wcsrev
#define _tcsset _wcsset
#define _tcsset_s _wcsset_s
#define _tcscmp wcscmp
#define _tcsicmp _wcsicmp
#define _tcsnccmp wcsncmp
#define _tcsncmp wcsncmp
#define _tcsncicmp _wcsnicmp
#define _tcsnicmp _wcsnicmp
#define _tcscoll wcscoll
#define _tcsicoll _wcsicoll
#define _tcsnccoll _wcsncoll
#define _tcsncoll _wcsncoll
#define _tcsncicoll _wcsnicoll
#define _tcsnicoll _wcsnicoll
#define _tcsxfrm wcsxfrm
#define _tcsclen wcslen
#define _tcscnlen wcsnlen
#define _tcsclen_s wcsnlen_s
#define _tcsnccat wcsncat
#define _tcsnccat_s wcsncat_s
#define _tcsnccpy wcsncpy
#define _tcsnccpy_s wcsncpy_s
#define _tcsncset _wcsnset
#define _tcsncset_s _wcsnset_s
#define _tcslwr _wcslwr
#define _tcslwr_s _wcslwr_s
#define _tcsupr _wcsupr
#define _tcsupr_s _wcsupr_s
#define _tcsdec _wcsdec
#define _tcsinc _wcsinc
#define _tcsnbcnt _wcsncnt
#define _tcsnccnt _wcsncnt
#define _tcsnextc _wcsnextc
#define _tcsninc _wcsninc
#define _tcsspnp _wcsspnp
#define _tclen(p) 1
#define _tccpy(d, s) (*(d) = *(s))
#define _tccmp(a, b) ((int)*(a) - (int)*(b))
#define _tccpy_s(d, size, copied, s) (*(copied) = 1, (size) < 1 ? 22 /* EINVAL */ : ((*(d) = *(s)), 0))

/* character classes */
#define _istalnum iswalnum
#define _istalpha iswalpha
#define _istascii iswascii
#define _istblank iswblank
#define _istcntrl iswcntrl
#define _istdigit iswdigit
#define _istgraph iswgraph
#define _istlower iswlower
#define _istprint iswprint
#define _istpunct iswpunct
#define _istspace iswspace
#define _istupper iswupper
#define _istxdigit iswxdigit
#define _istlead(c) 0
#define _istleadbyte(c) 0
#define _istlegal(c) 1
#define _totlower towlower
#define _totupper towupper

static __inline wchar_t *_wcsdec(const wchar_t *start, const wchar_t *cur) {
  return (wchar_t *)(start >= cur ? NULL : cur - 1);
}
static __inline wchar_t *_wcsinc(const wchar_t *p) { return (wchar_t *)(p + 1); }
static __inline unsigned int _wcsnextc(const wchar_t *p) { return (unsigned int)*p; }
static __inline wchar_t *_wcsninc(const wchar_t *p, size_t n) { return (wchar_t *)(p + wcsnlen(p, n)); }
static __inline size_t _wcsncnt(const wchar_t *p, size_t n) { return wcsnlen(p, n); }
static __inline wchar_t *_wcsspnp(const wchar_t *s, const wchar_t *set) {
  s += wcsspn(s, set);
  return *s ? (wchar_t *)s : NULL;
}

#else /* !_UNICODE */
/* ===================================================================================== narrow */

#ifndef _TCHAR_DEFINED
#define _TCHAR_DEFINED
typedef char _TCHAR;
typedef signed char _TSCHAR;
typedef unsigned char _TUCHAR;
typedef unsigned char _TXCHAR;
typedef int _TINT;
#endif

#define __T(x) x
#define _TEOF EOF

#define _tmain main
#define _tWinMain WinMain
#define _tenviron _environ
#define __targv __argv

/* formatted I/O */
#define _tprintf printf
#define _tprintf_s printf_s
#define _ftprintf fprintf
#define _ftprintf_s fprintf_s
#define _stprintf sprintf
#define _stprintf_s sprintf_s
#define _sntprintf _snprintf
#define _sntprintf_s _snprintf_s
#define _sctprintf _scprintf
#define _vtprintf vprintf
#define _vtprintf_s vprintf_s
#define _vftprintf vfprintf
#define _vftprintf_s vfprintf_s
#define _vstprintf vsprintf
#define _vstprintf_s vsprintf_s
#define _vsntprintf _vsnprintf
#define _vsntprintf_s _vsnprintf_s
#define _vsctprintf _vscprintf
#define _tscanf scanf
#define _tscanf_s scanf_s
#define _ftscanf fscanf
#define _ftscanf_s fscanf_s
#define _stscanf sscanf
#define _stscanf_s sscanf_s
#define _sntscanf _snscanf
#define _sntscanf_s _snscanf_s
#define _vtscanf vscanf
#define _vftscanf vfscanf
#define _vstscanf vsscanf

/* unformatted I/O */
#define _fgettc fgetc
#define _fgettc_nolock _fgetc_nolock
#define _fgettchar _fgetchar
#define _fgetts fgets
#define _fputtc fputc
#define _fputtc_nolock _fputc_nolock
#define _fputtchar _fputchar
#define _fputts fputs
#define _gettc getc
#define _gettc_nolock _getc_nolock
#define _gettchar getchar
#define _gettchar_nolock _getchar_nolock
#define _getts gets
#define _getts_s gets_s
#define _puttc putc
#define _puttc_nolock _putc_nolock
#define _puttchar putchar
#define _puttchar_nolock _putchar_nolock
#define _putts puts
#define _ungettc ungetc
#define _ungettc_nolock _ungetc_nolock

/* console (conio.h) */
#define _cgetts _cgets
#define _cgetts_s _cgets_s
#define _cputts _cputs
#define _tcprintf _cprintf
#define _tcprintf_s _cprintf_s
#define _tcscanf _cscanf
#define _gettch _getch
#define _gettch_nolock _getch_nolock
#define _gettche _getche
#define _gettche_nolock _getche_nolock
#define _puttch _putch
#define _puttch_nolock _putch_nolock
#define _ungettch _ungetch
#define _ungettch_nolock _ungetch_nolock

/* streams and files */
#define _tfopen fopen
#define _tfopen_s fopen_s
#define _tfreopen freopen
#define _tfreopen_s freopen_s
#define _tfdopen _fdopen
#define _tfsopen _fsopen
#define _tpopen _popen
#define _tremove remove
#define _trename rename
#define _tunlink _unlink
#define _ttmpnam tmpnam
#define _ttmpnam_s tmpnam_s
#define _ttempnam _tempnam
#define _tmktemp _mktemp
#define _tmktemp_s _mktemp_s
#define _tperror perror
#define _taccess _access
#define _taccess_s _access_s
#define _tchmod _chmod
#define _tcreat _creat
#define _topen _open
#define _tsopen _sopen
#define _tsopen_s _sopen_s
#define _tstat _stat
#define _tstat32 _stat32
#define _tstati64 _stati64
#define _tstat64 _stat64
#define _tutime _utime
#define _tfinddata_t _finddata_t
#define _tfinddata32_t _finddata32_t
#define _tfinddatai64_t _finddatai64_t
#define _tfinddata64_t __finddata64_t
#define _tfindfirst _findfirst
#define _tfindnext _findnext
#define _tfindfirst32 _findfirst32
#define _tfindnext32 _findnext32
#define _tfindfirst64 _findfirst64
#define _tfindnext64 _findnext64
#define _tfindfirsti64 _findfirsti64
#define _tfindnexti64 _findnexti64
#define _tchdir _chdir
#define _tgetcwd _getcwd
#define _tgetdcwd _getdcwd
#define _tmkdir _mkdir
#define _trmdir _rmdir
#define _tfullpath _fullpath
#define _tmakepath _makepath
#define _tmakepath_s _makepath_s
#define _tsplitpath _splitpath
#define _tsplitpath_s _splitpath_s
#define _tsearchenv _searchenv
#define _tsearchenv_s _searchenv_s

/* processes and environment */
#define _texecl _execl
#define _texecle _execle
#define _texeclp _execlp
#define _texeclpe _execlpe
#define _texecv _execv
#define _texecve _execve
#define _texecvp _execvp
#define _texecvpe _execvpe
#define _tspawnl _spawnl
#define _tspawnle _spawnle
#define _tspawnlp _spawnlp
#define _tspawnlpe _spawnlpe
#define _tspawnv _spawnv
#define _tspawnve _spawnve
#define _tspawnvp _spawnvp
#define _tspawnvpe _spawnvpe
#define _tsystem system
#define _tgetenv getenv
#define _tgetenv_s getenv_s
#define _tdupenv_s _dupenv_s
#define _tputenv _putenv
#define _tputenv_s _putenv_s
#define _tsetlocale setlocale

/* conversions */
#define _tcstod strtod
#define _tcstof strtof
#define _tcstold strtold
#define _tcstol strtol
#define _tcstoul strtoul
#define _tcstoll strtoll
#define _tcstoull strtoull
#define _tcstoi64 _strtoi64
#define _tcstoui64 _strtoui64
#define _tcstoimax strtoimax
#define _tcstoumax strtoumax
#define _ttof atof
#define _tstof atof
#define _ttoi atoi
#define _tstoi atoi
#define _ttol atol
#define _tstol atol
#define _ttoll atoll
#define _tstoll atoll
#define _ttoi64 _atoi64
#define _tstoi64 _atoi64
#define _itot _itoa
#define _itot_s _itoa_s
#define _ltot _ltoa
#define _ltot_s _ltoa_s
#define _ultot _ultoa
#define _ultot_s _ultoa_s
#define _i64tot _i64toa
#define _i64tot_s _i64toa_s
#define _ui64tot _ui64toa
#define _ui64tot_s _ui64toa_s

/* time */
#define _tasctime asctime
#define _tasctime_s asctime_s
#define _tctime ctime
#define _tctime_s ctime_s
#define _tctime32 _ctime32
#define _tctime64 _ctime64
#define _tcsftime strftime
#define _tstrdate _strdate
#define _tstrdate_s _strdate_s
#define _tstrtime _strtime
#define _tstrtime_s _strtime_s

/* strings */
#define _tcscat strcat
#define _tcscat_s strcat_s
#define _tcschr strchr
#define _tcscpy strcpy
#define _tcscpy_s strcpy_s
#define _tcscspn strcspn
#define _tcslen strlen
#define _tcsnlen strnlen
#define _tcsncat strncat
#define _tcsncat_s strncat_s
#define _tcsncpy strncpy
#define _tcsncpy_s strncpy_s
#define _tcspbrk strpbrk
#define _tcsrchr strrchr
#define _tcsspn strspn
#define _tcsstr strstr
#define _tcstok strtok
#define _tcstok_s strtok_s
#define _tcsdup _strdup
#define _tcserror strerror
#define _tcserror_s strerror_s
#define __tcserror _strerror
#define __tcserror_s _strerror_s
#define _tcsnset _strnset
#define _tcsnset_s _strnset_s
#define _tcsrev _strrev
#define _tcsset _strset
#define _tcsset_s _strset_s
#define _tcscmp strcmp
#define _tcsicmp _stricmp
#define _tcsnccmp strncmp
#define _tcsncmp strncmp
#define _tcsncicmp _strnicmp
#define _tcsnicmp _strnicmp
#define _tcscoll strcoll
#define _tcsicoll _stricoll
#define _tcsnccoll _strncoll
#define _tcsncoll _strncoll
#define _tcsncicoll _strnicoll
#define _tcsnicoll _strnicoll
#define _tcsxfrm strxfrm
#define _tcsclen strlen
#define _tcscnlen strnlen
#define _tcsclen_s strnlen_s
#define _tcsnccat strncat
#define _tcsnccat_s strncat_s
#define _tcsnccpy strncpy
#define _tcsnccpy_s strncpy_s
#define _tcsncset _strnset
#define _tcsncset_s _strnset_s
#define _tcslwr _strlwr
#define _tcslwr_s _strlwr_s
#define _tcsupr _strupr
#define _tcsupr_s _strupr_s
#define _tcsdec _strdec
#define _tcsinc _strinc
#define _tcsnbcnt _strncnt
#define _tcsnccnt _strncnt
#define _tcsnextc _strnextc
#define _tcsninc _strninc
#define _tcsspnp _strspnp
#define _tclen(p) 1
#define _tccpy(d, s) (*(d) = *(s))
#define _tccmp(a, b) ((int)*(const unsigned char *)(a) - (int)*(const unsigned char *)(b))
#define _tccpy_s(d, size, copied, s) (*(copied) = 1, (size) < 1 ? 22 /* EINVAL */ : ((*(d) = *(s)), 0))

/* character classes */
#define _istalnum isalnum
#define _istalpha isalpha
#define _istascii __isascii
#define _istblank isblank
#define _istcntrl iscntrl
#define _istdigit isdigit
#define _istgraph isgraph
#define _istlower islower
#define _istprint isprint
#define _istpunct ispunct
#define _istspace isspace
#define _istupper isupper
#define _istxdigit isxdigit
#define _istlead(c) 0
#define _istleadbyte(c) 0
#define _istlegal(c) 1
#define _totlower tolower
#define _totupper toupper
#ifndef __isascii
#define __isascii(c) ((unsigned)(c) < 0x80)
#endif

static __inline char *_strdec(const char *start, const char *cur) { return (char *)(start >= cur ? NULL : cur - 1); }
static __inline char *_strinc(const char *p) { return (char *)(p + 1); }
static __inline unsigned int _strnextc(const char *p) { return (unsigned int)*(const unsigned char *)p; }
static __inline char *_strninc(const char *p, size_t n) { return (char *)(p + strnlen(p, n)); }
static __inline size_t _strncnt(const char *p, size_t n) { return strnlen(p, n); }
static __inline char *_strspnp(const char *s, const char *set) {
  s += strspn(s, set);
  return *s ? (char *)s : NULL;
}

#endif /* _UNICODE */

#define _T(x) __T(x)
#define _TEXT(x) __T(x)

#ifdef __cplusplus
}
#endif

#endif /* NTWASM_TCHAR_H */
