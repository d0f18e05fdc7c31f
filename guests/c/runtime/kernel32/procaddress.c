/*
 * GetProcAddress (abi/crt/modules.ts): a callable pointer to any function ntwasm has, looked up in the
 * table generated from abi/ (procs.gen.c). Taking a function's address puts it in the guest's function
 * table, so a program that calls GetProcAddress links every entry point: programs that do not, do not.
 */
#include <windows.h>
#include <string.h>
#include "procs.h"

FARPROC WINAPI GetProcAddress(HMODULE hModule, LPCSTR lpProcName) {
  int dll = __ntwasm_module_dll(hModule);
  if (dll < 0) { SetLastError(ERROR_INVALID_HANDLE); return NULL; }
  /* The program exports nothing by name; an ordinal (a value below 64 Ki) names nothing here. */
  if (dll == 0 || (uintptr_t)lpProcName < 0x10000) { SetLastError(ERROR_PROC_NOT_FOUND); return NULL; }
  unsigned lo = 0, hi = __ntwasm_proc_count;
  while (lo < hi) {
    unsigned mid = (lo + hi) / 2;
    int c = strcmp(__ntwasm_procs[mid].name, lpProcName);
    if (c == 0) {
      if (__ntwasm_procs[mid].dll == dll) return __ntwasm_procs[mid].fn;
      break;
    }
    if (c < 0) lo = mid + 1; else hi = mid;
  }
  SetLastError(ERROR_PROC_NOT_FOUND);
  return NULL;
}

