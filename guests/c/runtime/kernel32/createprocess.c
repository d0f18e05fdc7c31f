/*
 * CreateProcessA (abi/crt/files.ts): its strings and STARTUPINFOA converted to UTF-16 (lpDesktop and
 * lpTitle included), then CreateProcessW. lpCommandLine is copied, as CreateProcessW may write to it.
 * An ANSI environment block (no CREATE_UNICODE_ENVIRONMENT) is passed on as it is: CreateProcessW
 * reads both kinds.
 */
#include <windows.h>
#include <stdlib.h>
#include "widen.h"

BOOL WINAPI CreateProcessA(LPCSTR lpApplicationName, LPSTR lpCommandLine, LPSECURITY_ATTRIBUTES lpProcessAttributes,
                           LPSECURITY_ATTRIBUTES lpThreadAttributes, BOOL bInheritHandles, DWORD dwCreationFlags,
                           LPVOID lpEnvironment, LPCSTR lpCurrentDirectory, LPSTARTUPINFOA lpStartupInfo,
                           LPPROCESS_INFORMATION lpProcessInformation) {
  if (!lpStartupInfo || !lpProcessInformation) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
  LPWSTR app = __ntwasm_widen(lpApplicationName), cmd = __ntwasm_widen(lpCommandLine);
  LPWSTR dir = __ntwasm_widen(lpCurrentDirectory);
  STARTUPINFOW si;
  memcpy(&si, lpStartupInfo, sizeof si); /* the same layout, with wide string pointers */
  si.cb = sizeof si;
  si.lpReserved = NULL;
  si.lpDesktop = __ntwasm_widen(lpStartupInfo->lpDesktop);
  si.lpTitle = __ntwasm_widen(lpStartupInfo->lpTitle);
  BOOL ok;
  if ((lpApplicationName && !app) || (lpCommandLine && !cmd) || (lpCurrentDirectory && !dir) ||
      (lpStartupInfo->lpDesktop && !si.lpDesktop) || (lpStartupInfo->lpTitle && !si.lpTitle)) {
    SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    ok = FALSE;
  } else {
    ok = CreateProcessW(app, cmd, lpProcessAttributes, lpThreadAttributes, bInheritHandles, dwCreationFlags, lpEnvironment,
                        dir, &si, lpProcessInformation);
  }
  free(app);
  free(cmd);
  free(dir);
  free(si.lpDesktop);
  free(si.lpTitle);
  return ok;
}
