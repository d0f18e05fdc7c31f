/*
 * CommandLineToArgvW (abi/crt/strings.ts; shell32 on Windows), with shell32's rules (checked with
 * Wine 8, whose tests follow Windows):
 * - argv[0], the program name, ends at the first space or tab, or when it starts with a quote, at the
 *   next quote; backslashes and other quotes in it are ordinary characters. A command line that starts
 *   with white space has an empty argv[0]; an empty command line gives the program's path.
 * - The other arguments are separated by spaces and tabs outside quotes. 2n backslashes before a quote
 *   give n backslashes and the quote opens or closes a quoted part; 2n + 1 give n backslashes and a
 *   literal quote; backslashes before anything else are literal. Inside a quoted part, "" gives a literal
 *   quote and ends the quoted part. An unterminated quote runs to the end.
 * The result is one LocalAlloc'd block (free it with LocalFree): the pointers, a NULL, then the strings.
 */
#include <windows.h>

static int space(WCHAR c) { return c == ' ' || c == '\t'; }

/* Parses cmd: counts the arguments and their characters, writing them when argv is not NULL. */
static int parse(LPCWSTR cmd, LPWSTR *argv, WCHAR *text, size_t *chars) {
  int argc = 0;
  size_t n = 0;
  const WCHAR *p = cmd;
  /* argv[0] */
  if (argv) argv[argc] = text + n;
  if (*p == '"') {
    p++;
    while (*p && *p != '"') { if (argv) text[n] = *p; n++; p++; }
    if (*p == '"') p++;
  } else {
    while (*p && !space(*p)) { if (argv) text[n] = *p; n++; p++; }
  }
  if (argv) text[n] = 0;
  n++;
  argc++;
  for (;;) {
    while (space(*p)) p++;
    if (!*p) break;
    if (argv) argv[argc] = text + n;
    int quoted = 0;
    while (*p && (quoted || !space(*p))) {
      if (*p == '\\') {
        size_t k = 0;
        while (*p == '\\') { k++; p++; }
        if (*p == '"') {
          for (size_t i = 0; i < k / 2; i++) { if (argv) text[n] = '\\'; n++; }
          if (k % 2) { if (argv) text[n] = '"'; n++; p++; }
          /* an even count leaves the quote to the code below */
        } else {
          for (size_t i = 0; i < k; i++) { if (argv) text[n] = '\\'; n++; }
        }
        continue;
      }
      if (*p == '"') {
        if (quoted && p[1] == '"') { if (argv) text[n] = '"'; n++; p += 2; quoted = 0; continue; }
        quoted = !quoted;
        p++;
        continue;
      }
      if (argv) text[n] = *p;
      n++;
      p++;
    }
    if (argv) text[n] = 0;
    n++;
    argc++;
  }
  *chars = n;
  return argc;
}

LPWSTR *WINAPI CommandLineToArgvW(LPCWSTR lpCmdLine, int *pNumArgs) {
  if (!pNumArgs || !lpCmdLine) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
  WCHAR path[MAX_PATH + 1];
  if (!*lpCmdLine) {
    DWORD len = GetModuleFileNameW(NULL, path, MAX_PATH);
    if (!len || len >= MAX_PATH) len = 0;
    path[len] = 0;
    LPWSTR *argv = LocalAlloc(LMEM_FIXED, 2 * sizeof(LPWSTR) + (len + 1) * sizeof(WCHAR));
    if (!argv) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    argv[0] = (LPWSTR)(argv + 2);
    argv[1] = NULL;
    memcpy(argv[0], path, (len + 1) * sizeof(WCHAR));
    *pNumArgs = 1;
    return argv;
  }
  size_t chars;
  int argc = parse(lpCmdLine, NULL, NULL, &chars);
  LPWSTR *argv = LocalAlloc(LMEM_FIXED, (size_t)(argc + 1) * sizeof(LPWSTR) + chars * sizeof(WCHAR));
  if (!argv) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
  parse(lpCmdLine, argv, (WCHAR *)(argv + argc + 1), &chars);
  argv[argc] = NULL;
  *pNumArgs = argc;
  return argv;
}
