/*
 * The C example in README.md, kept identical to it (test/sdk-programs.test.ts checks): L"" strings,
 * tchar.h with UNICODE, strsafe.h, _beginthreadex and Interlocked*. Expected output confirmed with
 * mingw-w64 (-municode) + Wine 8.0 up to the non-ASCII text: msvcrt's wprintf converts to the
 * console's ANSI code page (Latin-1 under Wine here, so it stops at 世), while ntwasm's code page is
 * UTF-8 and wide output reaches the console as UTF-8 (as with Windows' UTF-8 code page setting).
 */
#define UNICODE
#define _UNICODE
#include <windows.h>
#include <tchar.h>
#include <strsafe.h>
#include <process.h>
#include <stdio.h>

static LONG total;

static unsigned __stdcall worker(void *param) {
  InterlockedAdd(&total, (LONG)(INT_PTR)param);
  return 0;
}

int _tmain(int argc, TCHAR **argv) {
  HANDLE threads[3];
  for (int i = 0; i < 3; i++)
    threads[i] = (HANDLE)_beginthreadex(NULL, 0, worker, (void *)(INT_PTR)(i + 1), 0, NULL);
  WaitForMultipleObjects(3, threads, TRUE, INFINITE);
  TCHAR line[64];
  StringCchPrintf(line, _countof(line), _T("%d threads added up to %ld"), 3, total);
  _tprintf(_T("%s, in %d characters: %s\n"), line, (int)_tcslen(line), L"Grüße, 世界");
  for (int i = 0; i < 3; i++) CloseHandle(threads[i]);
  return 0;
}
