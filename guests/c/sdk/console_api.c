/* The console calls a Windows program makes to set itself up: modes (ENABLE_VIRTUAL_TERMINAL_PROCESSING,
   line input), code pages, the screen buffer and colours, the title, control handlers. Run with
   standard input on the console (.console-input) and output captured, which ntwasm still treats as the
   console (no terminal: a 120 x 30 buffer, colours recorded, no escape codes written).
   Expected values: Wine 8.0 run on a terminal (the default modes 0x1F7 and 3, ERROR_INVALID_HANDLE for
   handles that are no console or the wrong kind, ERROR_INVALID_PARAMETER for bad code pages and for
   removing a handler twice, the title cut to fit with its whole length returned, the handler on a new
   thread), and conhost's source (microsoft/terminal src/host/getset.cpp) where Wine takes anything:
   output modes above 0x1F, input bits above 0x3FF, ENABLE_ECHO_INPUT without ENABLE_LINE_INPUT and the
   attribute bit 0x2000 are ERROR_INVALID_PARAMETER. GetConsoleWindow is NULL here (no window). */
#include <windows.h>
#include <tchar.h>
#include <stdio.h>

/* The handlers run on their own thread, maybe before GenerateConsoleCtrlEvent returns: they only note
   what they saw (the order they ran in, the event), and main prints it once the last one has run. */
static HANDLE handled;
static DWORD handler_thread;
static TCHAR seen[64];

static BOOL WINAPI first_handler(DWORD type) {
  _stprintf_s(seen + _tcslen(seen), 64 - _tcslen(seen), _T("first(%lu) "), type);
  return FALSE; /* pass it on */
}

static BOOL WINAPI last_handler(DWORD type) {
  _stprintf_s(seen + _tcslen(seen), 64 - _tcslen(seen), _T("last(%lu)"), type);
  handler_thread = GetCurrentThreadId();
  SetEvent(handled);
  return TRUE;
}

static void show_mode(LPCTSTR what, HANDLE h) {
  DWORD mode = 0xdeadbeef;
  if (GetConsoleMode(h, &mode)) _tprintf(_T("%s mode: 0x%lX\n"), what, mode);
  else _tprintf(_T("%s mode: error %lu\n"), what, GetLastError());
}

static void try_mode(LPCTSTR what, HANDLE h, DWORD mode) {
  BOOL ok = SetConsoleMode(h, mode);
  _tprintf(_T("SetConsoleMode(%s, 0x%lX): %d"), what, mode, ok);
  if (!ok) _tprintf(_T(" error %lu"), GetLastError());
  _tprintf(_T("\n"));
}

int _tmain(void) {
  HANDLE in = GetStdHandle(STD_INPUT_HANDLE), out = GetStdHandle(STD_OUTPUT_HANDLE), err = GetStdHandle(STD_ERROR_HANDLE);
  HANDLE event = CreateEvent(NULL, FALSE, FALSE, NULL);
  CONSOLE_SCREEN_BUFFER_INFO info;
  TCHAR title[64];
  TCHAR line[64];
  DWORD n, mode;

  /* --- modes --- */
  show_mode(_T("input"), in);
  show_mode(_T("output"), out);
  show_mode(_T("error"), err);
  show_mode(_T("event"), event);
  show_mode(_T("NULL"), NULL);
  GetConsoleMode(out, &mode);
  try_mode(_T("output"), out, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING);
  show_mode(_T("output"), out);
  try_mode(_T("output"), out, 0x20);
  try_mode(_T("input"), in, ENABLE_ECHO_INPUT);
  try_mode(_T("input"), in, 0x400);
  try_mode(_T("event"), event, 0);
  /* conhost keeps an input mode it refuses (ENABLE_ECHO_INPUT alone is now the mode): set it right. */
  show_mode(_T("input"), in);
  try_mode(_T("input"), in, 0x1F7);

  /* A line comes whole in line mode; with ENABLE_LINE_INPUT off a read returns what is there. */
  if (ReadConsole(in, line, 63, &n, NULL)) { line[n] = 0; _tprintf(_T("line mode read %lu: %.*s\\r\\n\n"), n, (int)n - 2, line); }
  try_mode(_T("input"), in, ENABLE_PROCESSED_INPUT);
  if (ReadConsole(in, line, 63, &n, NULL)) _tprintf(_T("raw mode read: %s\n"), n ? _T("some") : _T("none")); /* as much as has come */
  _tprintf(_T("FlushConsoleInputBuffer: %d\n"), FlushConsoleInputBuffer(in));
  if (!FlushConsoleInputBuffer(out)) _tprintf(_T("FlushConsoleInputBuffer(output): error %lu\n"), GetLastError());

  /* --- code pages --- */
  _tprintf(_T("code pages: in %u out %u\n"), GetConsoleCP(), GetConsoleOutputCP());
  _tprintf(_T("SetConsoleOutputCP(CP_UTF8): %d\n"), SetConsoleOutputCP(CP_UTF8));
  if (!SetConsoleCP(12345)) _tprintf(_T("SetConsoleCP(12345): error %lu\n"), GetLastError());

  /* --- screen buffer and colours --- */
  if (GetConsoleScreenBufferInfo(out, &info))
    _tprintf(_T("buffer %dx%d cursor %d,%d window %d,%d-%d,%d attributes 0x%X\n"), info.dwSize.X, info.dwSize.Y,
      info.dwCursorPosition.X, info.dwCursorPosition.Y, info.srWindow.Left, info.srWindow.Top, info.srWindow.Right,
      info.srWindow.Bottom, info.wAttributes);
  if (!GetConsoleScreenBufferInfo(in, &info)) _tprintf(_T("buffer of the input: error %lu\n"), GetLastError());
  _tprintf(_T("SetConsoleTextAttribute: %d\n"), SetConsoleTextAttribute(out, FOREGROUND_RED | FOREGROUND_INTENSITY));
  GetConsoleScreenBufferInfo(out, &info);
  _tprintf(_T("attributes now 0x%X\n"), info.wAttributes);
  SetConsoleTextAttribute(out, FOREGROUND_RED | FOREGROUND_GREEN | FOREGROUND_BLUE);
  if (!SetConsoleTextAttribute(out, 0x2000)) _tprintf(_T("SetConsoleTextAttribute(0x2000): error %lu\n"), GetLastError());
  if (!SetConsoleTextAttribute(event, 7)) _tprintf(_T("SetConsoleTextAttribute(event): error %lu\n"), GetLastError());

  /* --- title --- */
  _tprintf(_T("SetConsoleTitle: %d\n"), SetConsoleTitle(_T("ntwasm console")));
  n = GetConsoleTitle(title, 64);
  _tprintf(_T("title %lu: %s\n"), n, title);
  n = GetConsoleTitle(title, 5); /* cut, and the whole length returned (Wine's test_GetConsoleTitleW) */
  _tprintf(_T("title in 5: %lu %s\n"), n, title);

  /* --- control handlers --- */
  handled = CreateEvent(NULL, FALSE, FALSE, NULL);
  SetConsoleCtrlHandler(last_handler, TRUE);
  SetConsoleCtrlHandler(first_handler, TRUE);
  _tprintf(_T("GenerateConsoleCtrlEvent: %d\n"), GenerateConsoleCtrlEvent(CTRL_C_EVENT, 0));
  WaitForSingleObject(handled, 5000);
  _tprintf(_T("handlers ran: %s\n"), seen);
  _tprintf(_T("handled on another thread: %s\n"), handler_thread && handler_thread != GetCurrentThreadId() ? _T("yes") : _T("no"));
  _tprintf(_T("remove: %d\n"), SetConsoleCtrlHandler(first_handler, FALSE));
  if (!SetConsoleCtrlHandler(first_handler, FALSE)) _tprintf(_T("remove again: error %lu\n"), GetLastError());
  _tprintf(_T("GetConsoleWindow: %s\n"), GetConsoleWindow() ? _T("a window") : _T("NULL"));
  return 0;
}
