/*
 * UNICODE and _UNICODE select the wide forms: Windows' headers look at UNICODE, the C runtime's
 * (tchar.h) at _UNICODE, and projects define one or both. Here either one defines the other, so
 * TCHAR (windows.h) and _TCHAR (tchar.h) always agree. Included by windows.h, tchar.h and strsafe.h.
 */
#if defined(_UNICODE) && !defined(UNICODE)
#define UNICODE
#endif
#if defined(UNICODE) && !defined(_UNICODE)
#define _UNICODE
#endif
