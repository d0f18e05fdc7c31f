/*
 * ntwasm's <conio.h>: console character I/O (guests/c/runtime/win/conio.c).
 *
 * _getch reads one character from the standard input without echo and without the stdin stream's
 * buffer: on the console Enter gives '\r' as on Windows; when the standard input is a pipe or a file
 * (Windows would still read the keyboard) it gives the next byte as it is, and EOF (-1) at the end
 * of the input. It waits without holding any lock. _getche echoes what it read with _putch. _kbhit
 * never waits: nonzero when a character can be read at once. _ungetch pushes back one character.
 * _putch, _cputs and _cprintf write to the standard output after flushing stdout, so the two keep
 * their order (Windows writes them to the console even when stdout is redirected). Mixing _getch
 * with stdin's own functions (getchar, fgets) reads in the order the buffers allow, as on Windows.
 * The old names (getch, kbhit, putch...) are there too, as MSVC still offers them.
 */
#ifndef _INC_CONIO
#define _INC_CONIO

#include <stdarg.h>
#include <wchar.h>

#include "ntwasm/callconv.h"

#ifdef __cplusplus
extern "C" {
#endif

int __cdecl _getch(void);
int __cdecl _getche(void);
int __cdecl _kbhit(void);
int __cdecl _ungetch(int _Ch);
int __cdecl _putch(int _Ch);
int __cdecl _cputs(const char *_String);
int __cdecl _cprintf(const char *_Format, ...) __attribute__((format(printf, 1, 2)));
int __cdecl _vcprintf(const char *_Format, va_list _ArgList);
wint_t __cdecl _putwch(wchar_t _Ch);
int __cdecl _cputws(const wchar_t *_String);

/* The _nolock forms: the calls take no lock to begin with. */
#define _getch_nolock _getch
#define _getche_nolock _getche
#define _ungetch_nolock _ungetch
#define _putch_nolock _putch
#define _putwch_nolock _putwch

#if !defined(_CRT_DECLARE_NONSTDC_NAMES) || _CRT_DECLARE_NONSTDC_NAMES
int __cdecl getch(void);
int __cdecl getche(void);
int __cdecl kbhit(void);
int __cdecl ungetch(int _Ch);
int __cdecl putch(int _Ch);
int __cdecl cputs(const char *_String);
int __cdecl cprintf(const char *_Format, ...) __attribute__((format(printf, 1, 2)));
#endif

#ifdef __cplusplus
}
#endif

#endif /* _INC_CONIO */
