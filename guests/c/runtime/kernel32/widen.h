/* UTF-8 → UTF-16 for the A thunks (athunks.gen.c): a malloc'd copy (free it), NULL for NULL or no memory. */
#ifndef NTWASM_RUNTIME_WIDEN_H
#define NTWASM_RUNTIME_WIDEN_H
#include <windows.h>
LPWSTR __ntwasm_widen(LPCSTR s);
#endif
