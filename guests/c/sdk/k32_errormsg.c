/*
 * FormatMessage(FORMAT_MESSAGE_FROM_SYSTEM) of a failing call's error, the way Windows programs report
 * errors. The texts are Windows' English system messages as Microsoft documents them ("System Error
 * Codes"); Wine's own texts differ, so only the structure (lengths, flags, errors) was checked with
 * mingw-w64 + Wine 8.0.
 */
#include <windows.h>
#include <stdio.h>

static void print_error(const char *what, DWORD code) {
  LPSTR text = NULL;
  DWORD n = FormatMessageA(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
                           NULL, code, MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT), (LPSTR)&text, 0, NULL);
  if (!n) { printf("%s: FormatMessage failed, error %lu\n", what, GetLastError()); return; }
  /* Windows' texts end with CRLF: show it. */
  int crlf = n >= 2 && text[n - 2] == '\r' && text[n - 1] == '\n';
  if (crlf) text[n - 2] = 0;
  printf("%s: error %lu: %s%s (%lu chars)\n", what, code, text, crlf ? "\\r\\n" : "", n);
  LocalFree(text);
}

int main(void) {
  HANDLE h = CreateFileW(L"no-such-file.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
  if (h == INVALID_HANDLE_VALUE) print_error("CreateFileW", GetLastError());
  h = CreateFileW(L"no-such-dir\\file.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
  if (h == INVALID_HANDLE_VALUE) print_error("CreateFileW in a missing directory", GetLastError());
  if (!CloseHandle(NULL)) print_error("CloseHandle(NULL)", GetLastError());
  if (!SetEvent(NULL)) print_error("SetEvent(NULL)", GetLastError());
  print_error("ERROR_SUCCESS", ERROR_SUCCESS);
  print_error("ERROR_ALREADY_EXISTS", ERROR_ALREADY_EXISTS);
  print_error("ERROR_INSUFFICIENT_BUFFER", ERROR_INSUFFICIENT_BUFFER);
  print_error("ERROR_BROKEN_PIPE", ERROR_BROKEN_PIPE);
  print_error("HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED)", 0x80070005);

  WCHAR wide[128];
  DWORD n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS | FORMAT_MESSAGE_MAX_WIDTH_MASK,
                           NULL, ERROR_INVALID_PARAMETER, 0, wide, 128, NULL);
  char utf8[256];
  WideCharToMultiByte(CP_UTF8, 0, wide, -1, utf8, sizeof utf8, NULL, NULL);
  printf("FormatMessageW, MAX_WIDTH_MASK: [%s] (%lu chars)\n", utf8, n);

  char buf[128];
  DWORD_PTR args[] = { (DWORD_PTR)"child.exe" };
  n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_ARGUMENT_ARRAY, NULL, ERROR_BAD_EXE_FORMAT, 0, buf, sizeof buf, (va_list *)args);
  printf("with an insert: %s", n ? buf : "failed\n");
  n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, ERROR_BAD_EXE_FORMAT, 0, buf, sizeof buf, NULL);
  printf("insert ignored: %s", n ? buf : "failed\n");

  SetLastError(0);
  n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, ERROR_FILE_NOT_FOUND, 0, buf, 10, NULL);
  DWORD e = GetLastError();
  printf("buffer of 10: %lu, error %lu\n", n, e);
  SetLastError(0);
  n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, 0x12345, 0, buf, sizeof buf, NULL);
  e = GetLastError();
  printf("unknown code: %lu, error %lu\n", n, e);
  print_error("ERROR_MR_MID_NOT_FOUND", e);
  return 0;
}
