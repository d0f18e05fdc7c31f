// Files over the host file system (or the in-memory one), confined to the root mapped to C:\ (issue 5).
// 600..659. All are host shims (host/syscalls/files.ts): the host resolves Windows paths and does the
// I/O; the kernel keeps the file objects (kernel/objects/file.ts): path, access, share mode, position.
// CreateFileW/A, ReadFile and WriteFile are in pipes.ts (515/516, 513/514) and route by path/handle.
import { call, handle, i32, inBuf, out, ptr, sa, u32, wstr, type Entry } from "./params.ts";

const INVALID = 0xffffffff;
const host = { impl: "host" as const };

export const FILES: Entry[] = [
  call(600, "SetFilePointer", "DWORD", [handle("hFile"), i32("lDistanceToMove", "LONG"), ptr("lpDistanceToMoveHigh", "PLONG"),
    u32("dwMoveMethod")],
    "Moves the file pointer (FILE_BEGIN / FILE_CURRENT / FILE_END); with lpDistanceToMoveHigh the distance is 64-bit " +
    "and the high half of the new position is written back. INVALID_SET_FILE_POINTER on failure " +
    "(ERROR_NEGATIVE_SEEK before the start); a valid position may also be that value: check GetLastError.",
    { ...host, fail: INVALID }),
  call(601, "SetFilePointerEx", "BOOL", [handle("hFile"), inBuf("liDistanceToMove", "LARGE_INTEGER", "8", 8),
    out("lpNewFilePointer", "PLARGE_INTEGER", "8", 8), u32("dwMoveMethod")],
    "64-bit SetFilePointer (a LARGE_INTEGER argument is passed by address on wasm32, as clang does).", host),
  call(602, "GetFileSize", "DWORD", [handle("hFile"), out("lpFileSizeHigh", "LPDWORD")],
    "Low 32 bits of the size (high half through lpFileSizeHigh); INVALID_FILE_SIZE on failure.", { ...host, fail: INVALID }),
  call(603, "GetFileSizeEx", "BOOL", [handle("hFile"), out("lpFileSize", "PLARGE_INTEGER", "8", 8)], "64-bit file size.", host),
  call(604, "SetEndOfFile", "BOOL", [handle("hFile")],
    "Truncates or extends the file to the current position (needs GENERIC_WRITE).", host),
  call(605, "FlushFileBuffers", "BOOL", [handle("hFile")],
    "Disk files: writes are synchronous, so it checks the handle (write access). Pipe ends: waits until the peer has " +
    "read everything this end wrote (empty messages and writes still waiting for room too); ERROR_BROKEN_PIPE when " +
    "the peer closes meanwhile, ERROR_PIPE_NOT_CONNECTED when the server disconnects (or on a disconnected client " +
    "end); with nothing unread it succeeds at once, also on a listening or closing end. ERROR_ACCESS_DENIED without " +
    "write access (the read end of an anonymous pipe).", host),
  call(606, "DeleteFileW", "BOOL", [wstr("lpFileName")],
    "Deletes a file; one that is open (every open sharing delete) becomes delete pending and goes when its last " +
    "handle closes. ERROR_ACCESS_DENIED for a directory, a read-only or a delete-pending file, " +
    "ERROR_SHARING_VIOLATION while it is open without FILE_SHARE_DELETE.", { ...host, athunk: true }),
  call(607, "MoveFileW", "BOOL", [wstr("lpExistingFileName"), wstr("lpNewFileName")],
    "Renames a file or directory (ERROR_ALREADY_EXISTS when the target exists).", { ...host, athunk: true }),
  call(608, "MoveFileExW", "BOOL", [wstr("lpExistingFileName"), wstr("lpNewFileName"), u32("dwFlags")],
    "MoveFileW with MOVEFILE_REPLACE_EXISTING (files only).", { ...host, athunk: true }),
  call(609, "CopyFileW", "BOOL", [wstr("lpExistingFileName"), wstr("lpNewFileName"), i32("bFailIfExists")],
    "Copies a file (ERROR_FILE_EXISTS with bFailIfExists when the target exists).", { ...host, athunk: true }),
  call(610, "CreateDirectoryW", "BOOL", [wstr("lpPathName"), sa("lpSecurityAttributes")],
    "Creates a directory (ERROR_ALREADY_EXISTS, ERROR_PATH_NOT_FOUND when the parent is missing).", { ...host, athunk: true }),
  call(611, "RemoveDirectoryW", "BOOL", [wstr("lpPathName")],
    "Removes an empty directory (ERROR_DIR_NOT_EMPTY, ERROR_DIRECTORY for a file); one that is open (sharing " +
    "delete) goes when its last handle closes.", { ...host, athunk: true }),
  call(612, "GetFileAttributesW", "DWORD", [wstr("lpFileName")],
    "FILE_ATTRIBUTE_DIRECTORY / ARCHIVE / READONLY; INVALID_FILE_ATTRIBUTES with ERROR_FILE_NOT_FOUND or " +
    "ERROR_PATH_NOT_FOUND, ERROR_ACCESS_DENIED for a delete-pending file.", { ...host, fail: INVALID, athunk: true }),
  call(613, "FindFirstFileW", "HANDLE", [wstr("lpFileName"), out("lpFindFileData", "LPWIN32_FIND_DATAW", "592", 592)],
    "Starts a directory search: `dir\\pattern` with * and ? (case-insensitive). Lists . and .. except in the root. " +
    "INVALID_HANDLE_VALUE with ERROR_FILE_NOT_FOUND when nothing matches. WIN32_FIND_DATAW is 592 bytes.",
    { ...host, fail: INVALID }),
  call(614, "FindNextFileW", "BOOL", [handle("hFindFile"), out("lpFindFileData", "LPWIN32_FIND_DATAW", "592", 592)],
    "The next match (ERROR_NO_MORE_FILES at the end).", host),
  call(615, "FindClose", "BOOL", [handle("hFindFile")], "Closes a search handle.", host),
  call(616, "GetCurrentDirectoryW", "DWORD", [u32("nBufferLength"), out("lpBuffer", "LPWSTR", "nBufferLength * 2", 65536)],
    "The process's current directory (default C:\\): its length, or the size needed with the NUL when the buffer is " +
    "too small.", host),
  call(617, "SetCurrentDirectoryW", "BOOL", [wstr("lpPathName")],
    "Sets the process's current directory (inherited by child processes).", { ...host, athunk: true }),
  call(618, "GetFullPathNameW", "DWORD", [wstr("lpFileName"), u32("nBufferLength"), out("lpBuffer", "LPWSTR", "nBufferLength * 2", 65536),
    ptr("lpFilePart", "LPWSTR*")],
    "Joins a path with the current directory and normalizes it (no file system access). Length, or the size needed.", host),
  call(619, "GetFileType", "DWORD", [handle("hFile")],
    "FILE_TYPE_DISK (a file or directory), FILE_TYPE_PIPE (also standard input fed by a pipe or file, " +
    "SpawnOptions.stdinPipe), FILE_TYPE_CHAR (a console); FILE_TYPE_UNKNOWN with " +
    "ERROR_INVALID_HANDLE for other handles.", { impl: "kernel" }),
  call(620, "SetFileAttributesW", "BOOL", [wstr("lpFileName"), u32("dwFileAttributes")],
    "Sets or clears FILE_ATTRIBUTE_READONLY (a read-only file cannot be opened for writing or deleted); the other " +
    "attributes (HIDDEN, SYSTEM, ARCHIVE, NORMAL...) are accepted and not kept. ERROR_FILE_NOT_FOUND / " +
    "ERROR_PATH_NOT_FOUND as GetFileAttributesW.", { ...host, athunk: true }),
  call(621, "GetFileInformationByHandle", "BOOL", [handle("hFile"),
    out("lpFileInformation", "LPBY_HANDLE_FILE_INFORMATION", "52", 52)],
    "Attributes, times, size, one link and a file index (stable per path) of the file or directory behind the handle; " +
    "ERROR_INVALID_HANDLE for pipes, consoles and search handles.", host),
];
