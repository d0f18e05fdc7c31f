/*
 * The console calls that need no kernel (abi/crt/console.ts): code pages, the title, control
 * handlers and GenerateConsoleCtrlEvent, GetConsoleWindow, SetConsoleTextAttribute (printf's text first). The modes and the text attributes are
 * the kernel's and the host's (SetConsoleMode, SetConsoleTextAttribute in abi/syscalls/core.ts).
 *
 * Each process keeps its own code pages and title here (on Windows they belong to the console the
 * processes attached to it share). Text is UTF-8 whatever the code pages say: they are recorded and
 * reported, as a program that sets CP_UTF8 and prints UTF-8 expects.
 */
#include <windows.h>
#include <stdio.h>
#include "k32util.h"

static UINT input_cp = CP_UTF8, output_cp = CP_UTF8;

UINT WINAPI GetConsoleCP(void) { return __atomic_load_n(&input_cp, __ATOMIC_SEQ_CST); }
UINT WINAPI GetConsoleOutputCP(void) { return __atomic_load_n(&output_cp, __ATOMIC_SEQ_CST); }

static BOOL set_cp(UINT *cp, UINT wCodePageID) {
  if (!IsValidCodePage(wCodePageID)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
  __atomic_store_n(cp, wCodePageID, __ATOMIC_SEQ_CST);
  return TRUE;
}
BOOL WINAPI SetConsoleCP(UINT wCodePageID) { return set_cp(&input_cp, wCodePageID); }
BOOL WINAPI SetConsoleOutputCP(UINT wCodePageID) { return set_cp(&output_cp, wCodePageID); }

/* --- the title: the program's path until SetConsoleTitle --- */
#define TITLE_MAX 1024 /* characters kept; a longer title is cut */
static WCHAR title[TITLE_MAX + 1];
static BOOL title_set;
static SRWLOCK title_lock = SRWLOCK_INIT;

static void title_default(void) {
  if (title_set) return;
  DWORD n = GetModuleFileNameW(NULL, title, TITLE_MAX + 1);
  title[n <= TITLE_MAX ? n : TITLE_MAX] = 0;
  title_set = TRUE;
}

DWORD WINAPI GetConsoleTitleW(LPWSTR lpConsoleTitle, DWORD nSize) {
  if (!nSize) return 0; /* Wine's test_GetConsoleTitleW: no buffer, no answer */
  if (!lpConsoleTitle) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
  AcquireSRWLockExclusive(&title_lock);
  title_default();
  DWORD len = (DWORD)wcslen(title);
  DWORD n = len < nSize ? len : nSize - 1; /* cut to fit, always terminated; the whole length is returned */
  memcpy(lpConsoleTitle, title, n * sizeof(WCHAR));
  lpConsoleTitle[n] = 0;
  ReleaseSRWLockExclusive(&title_lock);
  return len;
}

DWORD WINAPI GetConsoleTitleA(LPSTR lpConsoleTitle, DWORD nSize) {
  if (!nSize) return 0;
  if (!lpConsoleTitle) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
  WCHAR w[TITLE_MAX + 1];
  GetConsoleTitleW(w, TITLE_MAX + 1);
  char *a = __ntwasm_narrow(w);
  DWORD len = a ? (DWORD)strlen(a) : 0;
  DWORD n = len < nSize ? len : nSize - 1; /* a cut may split a UTF-8 sequence, as a cut DBCS title would */
  if (a) memcpy(lpConsoleTitle, a, n);
  lpConsoleTitle[n] = 0;
  free(a);
  return len;
}

BOOL WINAPI SetConsoleTitleW(LPCWSTR lpConsoleTitle) {
  if (!lpConsoleTitle) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
  AcquireSRWLockExclusive(&title_lock);
  size_t n = wcslen(lpConsoleTitle);
  if (n > TITLE_MAX) n = TITLE_MAX;
  memcpy(title, lpConsoleTitle, n * sizeof(WCHAR));
  title[n] = 0;
  title_set = TRUE;
  ReleaseSRWLockExclusive(&title_lock);
  return TRUE;
}

BOOL WINAPI SetConsoleTitleA(LPCSTR lpConsoleTitle) {
  if (!lpConsoleTitle) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
  WCHAR w[TITLE_MAX + 1];
  int n = MultiByteToWideChar(CP_UTF8, 0, lpConsoleTitle, -1, w, TITLE_MAX + 1);
  if (!n) { w[TITLE_MAX] = 0; } /* longer than the title keeps: cut */
  return SetConsoleTitleW(w);
}

/* Text printf still holds would otherwise come out in the new colours. */
BOOL WINAPI SetConsoleTextAttribute(HANDLE hConsoleOutput, WORD wAttributes) {
  fflush(stdout);
  return NtwSetConsoleTextAttribute(hConsoleOutput, wAttributes);
}

/* There is no console window. */
HWND WINAPI GetConsoleWindow(void) { return NULL; }

/* --- control handlers --- */
#define HANDLERS_MAX 64
static PHANDLER_ROUTINE handlers[HANDLERS_MAX];
static int handler_count;
static BOOL ignore_ctrl_c;
static SRWLOCK handler_lock = SRWLOCK_INIT;

BOOL WINAPI SetConsoleCtrlHandler(PHANDLER_ROUTINE HandlerRoutine, BOOL Add) {
  BOOL ok = TRUE;
  AcquireSRWLockExclusive(&handler_lock);
  if (!HandlerRoutine) ignore_ctrl_c = Add != FALSE;
  else if (Add) {
    if (handler_count < HANDLERS_MAX) handlers[handler_count++] = HandlerRoutine;
    else { ok = FALSE; SetLastError(ERROR_NOT_ENOUGH_MEMORY); }
  } else {
    int i = handler_count - 1; /* the most recent registration goes first, as on Windows */
    while (i >= 0 && handlers[i] != HandlerRoutine) i--;
    if (i < 0) { ok = FALSE; SetLastError(ERROR_INVALID_PARAMETER); }
    else {
      for (; i + 1 < handler_count; i++) handlers[i] = handlers[i + 1];
      handler_count--;
    }
  }
  ReleaseSRWLockExclusive(&handler_lock);
  return ok;
}

/*
 * Runs on a new thread, as Windows runs a control event: the handlers, the most recently added
 * first, until one returns TRUE; when none does, the default handler ends the process with
 * STATUS_CONTROL_C_EXIT.
 */
static DWORD WINAPI ctrl_routine(LPVOID param) {
  DWORD type = (DWORD)(ULONG_PTR)param;
  AcquireSRWLockShared(&handler_lock);
  int n = handler_count;
  PHANDLER_ROUTINE copy[HANDLERS_MAX];
  memcpy(copy, handlers, sizeof(PHANDLER_ROUTINE) * (size_t)n);
  BOOL ignored = type == CTRL_C_EVENT && ignore_ctrl_c;
  ReleaseSRWLockShared(&handler_lock);
  if (ignored) return 0;
  while (n-- > 0) if (copy[n](type)) return 0;
  ExitProcess(0xC000013A); /* STATUS_CONTROL_C_EXIT */
}

BOOL WINAPI GenerateConsoleCtrlEvent(DWORD dwCtrlEvent, DWORD dwProcessGroupId) {
  if (dwCtrlEvent != CTRL_C_EVENT && dwCtrlEvent != CTRL_BREAK_EVENT) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
  /*
   * Only this process is reached: group 0 (every process of the console) or its own id. CTRL+C with a
   * group succeeds and reaches nobody, as Microsoft documents.
   */
  if (dwProcessGroupId && (dwCtrlEvent == CTRL_C_EVENT || dwProcessGroupId != GetCurrentProcessId())) return TRUE;
  HANDLE t = CreateThread(NULL, 0, ctrl_routine, (LPVOID)(ULONG_PTR)dwCtrlEvent, 0, NULL);
  if (!t) return FALSE;
  CloseHandle(t);
  return TRUE;
}
