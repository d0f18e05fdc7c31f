/* Helpers shared by the C runtime's kernel32 functions (guests/c/runtime/kernel32/). Not for guests. */
#ifndef NTWASM_RUNTIME_K32UTIL_H
#define NTWASM_RUNTIME_K32UTIL_H
#include <windows.h>

/* An environment variable's value as a malloc'd UTF-16 string (free it), NULL when it is not set. */
LPWSTR __ntwasm_getenv_w(LPCWSTR name);

/*
 * The A form's answer for a UTF-16 result w (NUL-terminated): when buf holds size bytes and the UTF-8
 * form fits with its NUL, copies it and returns its length without the NUL; otherwise returns the
 * size needed with the NUL and copies nothing (what GetCurrentDirectoryA, GetTempPathA... do).
 */
DWORD __ntwasm_result_a(LPCWSTR w, LPSTR buf, DWORD size);

/* A malloc'd UTF-8 copy of a UTF-16 string (free it), NULL for NULL or no memory. */
LPSTR __ntwasm_narrow(LPCWSTR w);
#endif
