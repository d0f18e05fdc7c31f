// C-runtime Win32 functions: files and processes, the A forms whose strings come out or sit inside
// structures, written over the W syscalls. See abi/crt/types.ts.
import { crt, type CrtFunction } from "./types.ts";

const find = "kernel32/findfile.c";
const dir = "kernel32/dirpath.c";
const attr = "kernel32/fileattr.c";

export const FILES: CrtFunction[] = [
  crt("FindFirstFileA", "HANDLE", "LPCSTR lpFileName, LPWIN32_FIND_DATAA lpFindFileData", find,
    "ANSI (UTF-8) form of FindFirstFileW (names longer than MAX_PATH bytes are cut at a character)."),
  crt("FindNextFileA", "BOOL", "HANDLE hFindFile, LPWIN32_FIND_DATAA lpFindFileData", find, "ANSI (UTF-8) form of FindNextFileW."),
  crt("FindFirstFileExW", "HANDLE", "LPCWSTR lpFileName, FINDEX_INFO_LEVELS fInfoLevelId, LPVOID lpFindFileData, FINDEX_SEARCH_OPS fSearchOp, LPVOID lpSearchFilter, DWORD dwAdditionalFlags", find,
    "FindFirstFileW with FindExInfoStandard/FindExInfoBasic and FindExSearchNameMatch/LimitToDirectories (advisory); " +
    "the flags change nothing; ERROR_INVALID_PARAMETER otherwise."),
  crt("FindFirstFileExA", "HANDLE", "LPCSTR lpFileName, FINDEX_INFO_LEVELS fInfoLevelId, LPVOID lpFindFileData, FINDEX_SEARCH_OPS fSearchOp, LPVOID lpSearchFilter, DWORD dwAdditionalFlags", find,
    "ANSI (UTF-8) form of FindFirstFileExW."),
  crt("GetCurrentDirectoryA", "DWORD", "DWORD nBufferLength, LPSTR lpBuffer", dir,
    "ANSI (UTF-8) form of GetCurrentDirectoryW: the length, or the size needed with the NUL."),
  crt("GetFullPathNameA", "DWORD", "LPCSTR lpFileName, DWORD nBufferLength, LPSTR lpBuffer, LPSTR *lpFilePart", dir,
    "ANSI (UTF-8) form of GetFullPathNameW; *lpFilePart points at the last component (NULL after a trailing backslash)."),
  crt("GetFileAttributesExW", "BOOL", "LPCWSTR lpFileName, GET_FILEEX_INFO_LEVELS fInfoLevelId, LPVOID lpFileInformation", attr,
    "GetFileExInfoStandard: attributes, times and size (WIN32_FILE_ATTRIBUTE_DATA); the errors of GetFileAttributesW, " +
    "ERROR_INVALID_NAME for wildcards."),
  crt("GetFileAttributesExA", "BOOL", "LPCSTR lpFileName, GET_FILEEX_INFO_LEVELS fInfoLevelId, LPVOID lpFileInformation", attr,
    "ANSI (UTF-8) form of GetFileAttributesExW."),
  crt("CreateProcessA", "BOOL", "LPCSTR lpApplicationName, LPSTR lpCommandLine, LPSECURITY_ATTRIBUTES lpProcessAttributes, LPSECURITY_ATTRIBUTES lpThreadAttributes, BOOL bInheritHandles, DWORD dwCreationFlags, LPVOID lpEnvironment, LPCSTR lpCurrentDirectory, LPSTARTUPINFOA lpStartupInfo, LPPROCESS_INFORMATION lpProcessInformation",
    "kernel32/createprocess.c",
    "ANSI (UTF-8) form of CreateProcessW: the strings and STARTUPINFOA become UTF-16; an ANSI environment block passes as it is."),
];
