/*
 * <tchar.h> without UNICODE: _tmain is main, _T("") is "", TCHAR is char and the
 * _t functions are the narrow ones. tchar_unicode.c is the same program with UNICODE.
 * Expected output confirmed with mingw-w64 + Wine 8.0 (x86_64-w64-mingw32-gcc
 * -D__USE_MINGW_ANSI_STDIO=0).
 */

#include <windows.h>
#include <tchar.h>
#include <stdio.h>
#include <string.h>

int _tmain(int argc, TCHAR *argv[]) {
  TCHAR buf[64];
  _TCHAR copy[32];
  (void)argv;
  _tprintf(_T("sizeof(TCHAR) = %d, argc = %d\n"), (int)sizeof(TCHAR), argc);
  _tcscpy(copy, _T("Hello"));
  _tcscat(copy, _T(", tchar"));
  _tprintf(_T("%s (length %d, _countof %d)\n"), copy, (int)_tcslen(copy), (int)_countof(copy));
  _stprintf(buf, _T("%d-%s"), 42, _T("x"));
  _tprintf(_T("_stprintf: %s\n"), buf);
  _stprintf_s(buf, _countof(buf), _T("%05d|%-4s|"), 7, _T("ab"));
  _tprintf(_T("_stprintf_s: %s\n"), buf);
  _sntprintf(buf, _countof(buf), _T("%s"), _T("snt"));
  _tprintf(_T("_sntprintf: %s\n"), buf);
  _tprintf(_T("_tcscmp %d %d, _tcsicmp %d, _tcsncmp %d\n"), _tcscmp(_T("abc"), _T("abd")) < 0,
           _tcscmp(_T("abc"), _T("abc")), _tcsicmp(_T("HeLLo"), _T("hello")), _tcsncmp(_T("abcx"), _T("abcy"), 3));
  _tprintf(_T("_tcschr %s, _tcsrchr %s, _tcsstr %s\n"), _tcschr(copy, _T('l')), _tcsrchr(copy, _T('l')), _tcsstr(copy, _T("tch")));
  TCHAR list[] = _T("one,two;three");
  TCHAR *context = NULL;
  for (TCHAR *tok = _tcstok_s(list, _T(",;"), &context); tok; tok = _tcstok_s(NULL, _T(",;"), &context))
    _tprintf(_T("token: %s\n"), tok);
  _tprintf(_T("_ttoi %d, _tcstol %ld, _totupper %c\n"), _ttoi(_T("123")), _tcstol(_T("-ff"), NULL, 16), (int)_totupper(_T('q')));
  _tcsncpy(buf, _T("abcdef"), 3);
  buf[3] = 0;
  _tprintf(_T("_tcsncpy: %s, _tcsdup: "), buf);
  TCHAR *dup = _tcsdup(_T("dup"));
  _putts(dup);
  free(dup);
  _tcscpy(buf, _T("MiXeD"));
  _tcslwr(buf);
  _tprintf(_T("_tcslwr %s, "), buf);
  _tcsupr(buf);
  _tprintf(_T("_tcsupr %s\n"), buf);
  _tprintf(_T("_istdigit %d, _istalpha %d, _istspace %d\n"), _istdigit(_T('5')) != 0, _istalpha(_T('5')) != 0, _istspace(_T(' ')) != 0);
  _tprintf(_T("TEXT() %s, generic lstrlen %d\n"), TEXT("text"), lstrlen(TEXT("four")));
  return 0;
}
