/*
 * FormatMessage with FORMAT_MESSAGE_FROM_STRING: %1..%99 inserts, printf-style %n!fmt! forms with *
 * widths, the escapes %0 %n %r %t %% %. and others, FORMAT_MESSAGE_IGNORE_INSERTS, ARGUMENT_ARRAY and
 * va_list arguments, FORMAT_MESSAGE_MAX_WIDTH_MASK and line widths, ALLOCATE_BUFFER, the errors.
 * Expected output confirmed with mingw-w64 + Wine 8.0.
 */
#include <windows.h>
#include <stdio.h>
#include <stdarg.h>

static void show(const char *name, DWORD r, const char *buf) {
  DWORD e = r ? 0 : GetLastError();
  printf("%s: %lu [", name, r);
  if (r)
    for (const char *p = buf; *p; p++) {
      if (*p == '\r') printf("\\r");
      else if (*p == '\n') printf("\\n");
      else if (*p == '\t') printf("\\t");
      else putchar(*p);
    }
  printf("]");
  if (!r) printf(" error %lu", e);
  printf("\n");
}

static void fmt(const char *name, const char *msg, DWORD flags, const DWORD_PTR *args) {
  char buf[512];
  SetLastError(0);
  DWORD r = FormatMessageA(FORMAT_MESSAGE_FROM_STRING | flags, msg, 0, 0, buf, sizeof buf, (va_list *)args);
  show(name, r, buf);
}

static void with_va_list(const char *msg, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, msg);
  DWORD r = FormatMessageA(FORMAT_MESSAGE_FROM_STRING, msg, 0, 0, buf, sizeof buf, &ap);
  va_end(ap);
  show("va_list", r, buf);
}

int main(void) {
  DWORD_PTR words[] = { (DWORD_PTR)"one", (DWORD_PTR)"two", 42, (DWORD_PTR)"four" };
  DWORD_PTR numbers[] = { 42, 7, 255, 3, 12345 };
  fmt("inserts", "x %1 y %2 z", FORMAT_MESSAGE_ARGUMENT_ARRAY, words);
  fmt("reordered", "%2 %1 %2", FORMAT_MESSAGE_ARGUMENT_ARRAY, words);
  fmt("printf forms", "%1!d! %2!04x! %3!X! %4!-5d!| %5!u!", FORMAT_MESSAGE_ARGUMENT_ARRAY, numbers);
  fmt("star width", "[%2!*d!] [%1!5s!] [%1!-5s!] [%1!.2s!]", FORMAT_MESSAGE_ARGUMENT_ARRAY,
      (DWORD_PTR[]){ (DWORD_PTR)"abc", 6, 99 });
  fmt("escapes", "a%%b%nc%rd%te%.f%!g% h%0 not shown", FORMAT_MESSAGE_ARGUMENT_ARRAY, words);
  fmt("other characters", "a%qb%Zc", FORMAT_MESSAGE_ARGUMENT_ARRAY, words);
  fmt("ignore inserts", "x %1 %% %n %r %t %0 y", FORMAT_MESSAGE_IGNORE_INSERTS, NULL);
  fmt("line breaks", "line1\r\nline2\nline3 %n end", 0, NULL);
  fmt("max width", "line1\r\nline2\nline3 %n end", FORMAT_MESSAGE_MAX_WIDTH_MASK, NULL);
  fmt("width 10", "aaaa bbbb cccc dddd eeee ffff", 10, NULL);
  fmt("width 10, long word", "aaaaaaaaaaaaaaa bb", 10, NULL);
  fmt("characters", "%1!c!%2!c!", FORMAT_MESSAGE_ARGUMENT_ARRAY, (DWORD_PTR[]){ 'h', 'i' });
  fmt("wide string", "%1!ls! and %2!S!", FORMAT_MESSAGE_ARGUMENT_ARRAY, (DWORD_PTR[]){ (DWORD_PTR)L"wide", (DWORD_PTR)L"also" });
  fmt("trailing percent", "abc%", 0, NULL);
  fmt("insert without arguments", "abc %1", 0, NULL);
  with_va_list("%1 is %2!d! years old, %3", "Ann", 33, "hello");

  char small[5];
  SetLastError(0);
  DWORD r = FormatMessageA(FORMAT_MESSAGE_FROM_STRING, "hello world", 0, 0, small, sizeof small, NULL);
  show("small buffer", r, small);
  r = FormatMessageA(FORMAT_MESSAGE_FROM_STRING, "hell", 0, 0, small, sizeof small, NULL);
  show("exact fit", r, small);

  LPSTR allocated = NULL;
  r = FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_ARGUMENT_ARRAY,
                     "allocated: %1", 0, 0, (LPSTR)&allocated, 0, (va_list *)words);
  show("allocate", r, allocated);
  printf("LocalSize >= length + 1: %d\n", LocalSize(allocated) >= r + 1);
  printf("LocalFree: %s\n", LocalFree(allocated) == NULL ? "NULL" : "failed");

  WCHAR wbuf[64];
  DWORD_PTR wargs[] = { (DWORD_PTR)L"wide", 7 };
  r = FormatMessageW(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY, L"%1 %2!03d! %1!-6s!|", 0, 0, wbuf, 64, (va_list *)wargs);
  char utf8[64];
  WideCharToMultiByte(CP_UTF8, 0, wbuf, -1, utf8, sizeof utf8, NULL, NULL);
  printf("FormatMessageW: %lu [%s]\n", r, utf8);

  SetLastError(0);
  r = FormatMessageA(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, 2, 0, (LPSTR)&allocated, 0, NULL);
  DWORD e = GetLastError();
  printf("no source: %lu, error %lu\n", r, e);
  SetLastError(0);
  r = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_ALLOCATE_BUFFER, NULL, 99999, 0, (LPSTR)&allocated, 0, NULL);
  e = GetLastError();
  printf("unknown message: %lu, error %lu\n", r, e);
  return 0;
}
