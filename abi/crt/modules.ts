// C-runtime Win32 functions: modules (the program itself and the DLLs whose functions ntwasm has).
// There is one image per process and no DLL loading: kernel32, kernelbase, ntdll and user32 exist as
// module handles so that programs can probe for optional functions with GetProcAddress.
import { crt, type CrtFunction } from "./types.ts";

const file = "kernel32/module.c";

export const MODULES: CrtFunction[] = [
  crt("GetModuleHandleW", "HMODULE", "LPCWSTR lpModuleName", file,
    "NULL: the program's own module; kernel32, kernelbase, ntdll, user32 (with or without .dll, any case, any " +
    "directory); otherwise NULL with ERROR_MOD_NOT_FOUND."),
  crt("GetModuleHandleA", "HMODULE", "LPCSTR lpModuleName", file, "ANSI (UTF-8) form of GetModuleHandleW."),
  crt("GetModuleHandleExW", "BOOL", "DWORD dwFlags, LPCWSTR lpModuleName, HMODULE *phModule", file,
    "GetModuleHandleW with flags (GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS gives the program's module)."),
  crt("GetModuleHandleExA", "BOOL", "DWORD dwFlags, LPCSTR lpModuleName, HMODULE *phModule", file,
    "ANSI (UTF-8) form of GetModuleHandleExW."),
  crt("LoadLibraryW", "HMODULE", "LPCWSTR lpLibFileName", file,
    "The module handle of a DLL ntwasm provides (as GetModuleHandleW); others fail with ERROR_MOD_NOT_FOUND."),
  crt("LoadLibraryA", "HMODULE", "LPCSTR lpLibFileName", file, "ANSI (UTF-8) form of LoadLibraryW."),
  crt("LoadLibraryExW", "HMODULE", "LPCWSTR lpLibFileName, HANDLE hFile, DWORD dwFlags", file, "LoadLibraryW; hFile must be NULL."),
  crt("LoadLibraryExA", "HMODULE", "LPCSTR lpLibFileName, HANDLE hFile, DWORD dwFlags", file, "ANSI (UTF-8) form of LoadLibraryExW."),
  crt("FreeLibrary", "BOOL", "HMODULE hLibModule", file, "TRUE for a module handle (modules are never unloaded)."),
  crt("GetProcAddress", "FARPROC", "HMODULE hModule, LPCSTR lpProcName", file,
    "A callable pointer to a function of kernel32 (also kernelbase), ntdll or user32 that ntwasm has; NULL with " +
    "ERROR_PROC_NOT_FOUND for any other name or an ordinal, ERROR_INVALID_HANDLE for a bad module handle."),
  crt("GetModuleFileNameW", "DWORD", "HMODULE hModule, LPWSTR lpFilename, DWORD nSize", file,
    "The program's path under C:\\ (NULL or its own module), C:\\Windows\\System32\\<dll> for the DLLs. " +
    "Truncated to nSize with ERROR_INSUFFICIENT_BUFFER, returning nSize."),
  crt("GetModuleFileNameA", "DWORD", "HMODULE hModule, LPSTR lpFilename, DWORD nSize", file, "ANSI (UTF-8) form of GetModuleFileNameW."),
];
