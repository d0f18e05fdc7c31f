/* GetProcAddress's table (procs.gen.c, generated from abi/) and the DLLs it knows. */
#ifndef NTWASM_RUNTIME_PROCS_H
#define NTWASM_RUNTIME_PROCS_H
#include <windows.h>

enum { NTWASM_DLL_KERNEL32 = 1, NTWASM_DLL_NTDLL, NTWASM_DLL_USER32, NTWASM_DLL_NTWASM };

struct ntwasm_proc { const char *name; int dll; FARPROC fn; };
extern const struct ntwasm_proc __ntwasm_procs[];
extern const unsigned __ntwasm_proc_count;

/* The DLL a module handle stands for (module.c): 0 the program, NTWASM_DLL_*, -1 not a module handle. */
int __ntwasm_module_dll(HMODULE h);
#endif
