// Files (issue 5): CreateFileW/A with every creation disposition, share modes (within a process and
// across processes, with guests/as/programs/files_child.ts as C:\files_child.wasm), ReadFile/WriteFile
// and the file pointer (shared by duplicated and inherited handles, and by threads), sizes,
// SetEndOfFile, delete/move/copy, directories, attributes, FindFirstFileW, the current directory,
// GetFullPathNameW, case-insensitive lookup, file handles as kernel objects, bad pointers. Expected
// results follow Windows as Wine's kernel32 tests (file.c, path.c, directory.c) record it.
//
// Each test works in its own directory C:\t_<name>, so the tests of one run do not meet; the suite
// runs once on the host file system and once on the in-memory one (test/files.test.ts).
import {
  CloseHandle, CopyFileW, CreateDirectoryW, CreateEventW, CreateFileA, CreateFileW, CreateProcessW, CreateThread,
  DeleteFileW, DuplicateHandle, DUPLICATE_SAME_ACCESS, ERROR_ACCESS_DENIED, ERROR_ALREADY_EXISTS, ERROR_DIR_NOT_EMPTY,
  ERROR_DIRECTORY, ERROR_FILE_EXISTS, ERROR_FILE_NOT_FOUND, ERROR_INVALID_HANDLE, ERROR_INVALID_NAME,
  ERROR_INVALID_PARAMETER, ERROR_NEGATIVE_SEEK, ERROR_NO_MORE_FILES, ERROR_NOACCESS, ERROR_PATH_NOT_FOUND,
  ERROR_SHARING_VIOLATION, ERROR_SUCCESS, FILE_APPEND_DATA, FILE_ATTRIBUTE_ARCHIVE, FILE_ATTRIBUTE_DIRECTORY, FILE_ATTRIBUTE_READONLY, FILE_BEGIN,
  FILE_CURRENT, FILE_END, FILE_FLAG_BACKUP_SEMANTICS, FILE_READ_ATTRIBUTES, FILE_SHARE_DELETE, FILE_SHARE_READ,
  FILE_SHARE_WRITE, FindClose, FindFirstFileW, FindNextFileW, FlushFileBuffers, GENERIC_READ, GENERIC_WRITE,
  GetCurrentDirectoryW, GetCurrentProcess, GetExitCodeProcess, GetFileAttributesW, GetFileSize, GetFileSizeEx,
  GetFullPathNameW, GetHandleInformation, GetLastError, HANDLE_FLAG_INHERIT, INFINITE, INVALID_FILE_ATTRIBUTES,
  MoveFileExW, MoveFileW, MOVEFILE_REPLACE_EXISTING, CREATE_ALWAYS, CREATE_NEW, DELETE, OPEN_ALWAYS, OPEN_EXISTING,
  ReadFile, RemoveDirectoryW, SetCurrentDirectoryW, SetEndOfFile, SetEvent, SetFilePointer, SetFilePointerEx,
  SetHandleInformation, SetLastError, TRUNCATE_EXISTING, WaitForMultipleObjects, WaitForSingleObject, WriteFile,
  WAIT_OBJECT_0,
} from "../ntwasm";
import { A, W } from "../lib/win";
import { done, eq, ok, shared } from "../lib/test";

const BAD: u32 = 0xffffffff; // INVALID_HANDLE_VALUE, INVALID_FILE_SIZE, INVALID_SET_FILE_POINTER
const SHARE_ALL: u32 = FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE;
const RW: u32 = GENERIC_READ | GENERIC_WRITE;
const FIND_DATA: usize = 592; // WIN32_FIND_DATAW (32-bit); cFileName at 44
const CHILD = "C:\\files_child.wasm";

// ---------- helpers (main thread only: they allocate) ----------

function cf(path: string, access: u32, share: u32, disposition: u32, flags: u32 = 0): u32 {
  return CreateFileW(W(path), access, share, 0, disposition, flags, 0);
}

/** CreateFileW with SetLastError(0xdeadbeef) first: the handle, with the last error in lastErr. */
let lastErr: u32 = 0;
function cfe(path: string, access: u32, share: u32, disposition: u32, flags: u32 = 0): u32 {
  SetLastError(0xdeadbeef);
  const h = cf(path, access, share, disposition, flags);
  lastErr = GetLastError();
  return h;
}

/** WriteFile of a string's UTF-8 bytes: the count written, or -error. */
function put(h: u32, s: string): i32 {
  const n = <u32>String.UTF8.byteLength(s);
  const cnt = shared(4);
  if (!WriteFile(h, A(s), n, cnt, 0)) return -<i32>GetLastError();
  return <i32>load<u32>(cnt);
}

let lastRead: string = "";
/** ReadFile into a `size`-byte buffer: the result (TRUE/FALSE), with the bytes in lastRead. */
function get(h: u32, size: u32): i32 {
  const buf = shared(size + 1), cnt = shared(4);
  store<u32>(cnt, 0xdead);
  const r = ReadFile(h, buf, size, cnt, 0);
  lastRead = r ? String.UTF8.decodeUnsafe(buf, load<u32>(cnt)) : "";
  return r;
}

function writeFile(path: string, text: string): bool {
  const h = cf(path, GENERIC_WRITE, 0, CREATE_ALWAYS);
  if (h == BAD) return false;
  const r = put(h, text) == String.UTF8.byteLength(text);
  CloseHandle(h);
  return r;
}

/** The whole file as UTF-8 text, or "<error N>". */
function readFile(path: string): string {
  const h = cf(path, GENERIC_READ, SHARE_ALL, OPEN_EXISTING);
  if (h == BAD) return "<error " + GetLastError().toString() + ">";
  let all = "";
  while (get(h, 4096) && lastRead.length) all += lastRead;
  CloseHandle(h);
  return all;
}

function attrs(path: string): u32 { return GetFileAttributesW(W(path)); }
function exists(path: string): bool { return attrs(path) != INVALID_FILE_ATTRIBUTES; }
function mkdir(path: string): bool { return CreateDirectoryW(W(path), 0) != 0 || GetLastError() == ERROR_ALREADY_EXISTS; }

/** SetFilePointerEx(h, dist, method): the new position, or -1. */
function seek(h: u32, dist: i64, method: u32): i64 {
  const d = shared(8), out = shared(8);
  store<i64>(d, dist);
  if (!SetFilePointerEx(h, d, out, method)) return -1;
  return load<i64>(out);
}
function tell(h: u32): i64 { return seek(h, 0, FILE_CURRENT); }
function sizeOf(h: u32): i64 {
  const p = shared(8);
  if (!GetFileSizeEx(h, p)) return -1;
  return load<i64>(p);
}

/** Runs files_child.wasm with `args`; its exit code (0xdead when it could not start). */
function child(args: string, inherit: i32 = 0, dir: string = ""): u32 {
  const pi = shared(16), code = shared(4);
  if (!CreateProcessW(0, W(CHILD + " " + args), 0, 0, inherit, 0, 0, dir.length ? W(dir) : 0, 0, pi)) return 0xdead;
  WaitForSingleObject(load<u32>(pi), INFINITE);
  GetExitCodeProcess(load<u32>(pi), code);
  CloseHandle(load<u32>(pi));
  CloseHandle(load<u32>(pi, 4));
  return load<u32>(code);
}

/** Starts files_child.wasm; the process handle (0 on failure). */
function startChild(args: string): u32 {
  const pi = shared(16);
  if (!CreateProcessW(0, W(CHILD + " " + args), 0, 0, 0, 0, 0, 0, 0, pi)) return 0;
  CloseHandle(load<u32>(pi, 4));
  return load<u32>(pi);
}
function exitCode(hProcess: u32): u32 {
  const code = shared(4);
  WaitForSingleObject(hProcess, INFINITE);
  GetExitCodeProcess(hProcess, code);
  return load<u32>(code);
}

function wstr(p: usize): string {
  let n: usize = 0;
  while (load<u16>(p + (n << 1))) n++;
  return String.UTF16.decodeUnsafe(p, n << 1);
}

function cwd(): string {
  const buf = shared(2048);
  const n = GetCurrentDirectoryW(1024, buf);
  return String.UTF16.decodeUnsafe(buf, n << 1);
}

function fullPath(path: string): string {
  const buf = shared(2048);
  const n = GetFullPathNameW(W(path), 1024, buf, 0);
  if (!n) return "<error " + GetLastError().toString() + ">";
  return String.UTF16.decodeUnsafe(buf, n << 1);
}

/** FindFirstFileW/FindNextFileW: every name, joined with '|', or "<error N>". */
function list(pattern: string): string {
  const fd = shared(FIND_DATA);
  const h = FindFirstFileW(W(pattern), fd);
  if (h == BAD) return "<error " + GetLastError().toString() + ">";
  let out = wstr(fd + 44);
  while (FindNextFileW(h, fd)) out += "|" + wstr(fd + 44);
  const end = GetLastError();
  FindClose(h);
  return end == ERROR_NO_MORE_FILES ? out : out + "|<error " + end.toString() + ">";
}

function inheritable(): usize {
  const sa = shared(12);
  store<u32>(sa, 12);
  store<u32>(sa, 1, 8);
  return sa;
}

// ---------- CreateFileW: creation dispositions and their last errors ----------

export function test_dispositions(): i32 {
  const d = "C:\\t_disp";
  ok(mkdir(d), "CreateDirectoryW");
  const f = d + "\\a.txt";

  let h = cfe(f, RW, 0, CREATE_NEW);
  ok(h != BAD && (h & 3) == 0, "CREATE_NEW of a new file: a handle, a multiple of 4");
  eq(lastErr, ERROR_SUCCESS, "CREATE_NEW: the last error is 0");
  eq(put(h, "hello"), 5, "write 5 bytes");
  CloseHandle(h);

  eq(cfe(f, RW, 0, CREATE_NEW), BAD, "CREATE_NEW of an existing file fails");
  eq(lastErr, ERROR_FILE_EXISTS, "ERROR_FILE_EXISTS");

  h = cfe(f, GENERIC_READ, 0, OPEN_EXISTING);
  ok(h != BAD, "OPEN_EXISTING of an existing file");
  eq(lastErr, ERROR_SUCCESS, "OPEN_EXISTING: 0");
  eq(get(h, 16), 1, "ReadFile");
  eq(lastRead, "hello", "the data");
  CloseHandle(h);

  h = cfe(f, GENERIC_READ, 0, OPEN_ALWAYS);
  ok(h != BAD, "OPEN_ALWAYS of an existing file");
  eq(lastErr, ERROR_ALREADY_EXISTS, "OPEN_ALWAYS of an existing file: ERROR_ALREADY_EXISTS");
  eq(sizeOf(h), 5, "OPEN_ALWAYS leaves the data");
  CloseHandle(h);

  h = cfe(d + "\\b.txt", GENERIC_WRITE, 0, OPEN_ALWAYS);
  ok(h != BAD, "OPEN_ALWAYS of a new file");
  eq(lastErr, ERROR_SUCCESS, "OPEN_ALWAYS of a new file: 0");
  CloseHandle(h);
  ok(exists(d + "\\b.txt"), "OPEN_ALWAYS created it");

  h = cfe(f, GENERIC_WRITE, 0, CREATE_ALWAYS);
  ok(h != BAD, "CREATE_ALWAYS of an existing file");
  eq(lastErr, ERROR_ALREADY_EXISTS, "CREATE_ALWAYS of an existing file: ERROR_ALREADY_EXISTS");
  eq(sizeOf(h), 0, "CREATE_ALWAYS truncates");
  eq(put(h, "again"), 5, "write");
  CloseHandle(h);

  h = cfe(d + "\\c.txt", GENERIC_WRITE, 0, CREATE_ALWAYS);
  ok(h != BAD, "CREATE_ALWAYS of a new file");
  eq(lastErr, ERROR_SUCCESS, "CREATE_ALWAYS of a new file: 0");
  CloseHandle(h);

  eq(cfe(d + "\\none.txt", GENERIC_READ, 0, OPEN_EXISTING), BAD, "OPEN_EXISTING of a missing file");
  eq(lastErr, ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND");
  eq(cfe(d + "\\none.txt", GENERIC_WRITE, 0, TRUNCATE_EXISTING), BAD, "TRUNCATE_EXISTING of a missing file");
  eq(lastErr, ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND");
  ok(!exists(d + "\\none.txt"), "neither created it");

  h = cfe(f, GENERIC_WRITE, 0, TRUNCATE_EXISTING);
  ok(h != BAD, "TRUNCATE_EXISTING of an existing file");
  eq(lastErr, ERROR_SUCCESS, "TRUNCATE_EXISTING: 0");
  eq(sizeOf(h), 0, "TRUNCATE_EXISTING truncates");
  CloseHandle(h);
  eq(cfe(f, GENERIC_READ, 0, TRUNCATE_EXISTING), BAD, "TRUNCATE_EXISTING without GENERIC_WRITE");
  eq(lastErr, ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER");

  eq(cfe(f, GENERIC_READ, 0, 0), BAD, "disposition 0");
  eq(lastErr, ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER");
  eq(cfe(f, GENERIC_READ, 0, 6), BAD, "disposition 6");
  eq(lastErr, ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER");

  // a directory on the way is missing, or is a file
  const dispositions: u32[] = [CREATE_NEW, CREATE_ALWAYS, OPEN_EXISTING, OPEN_ALWAYS, TRUNCATE_EXISTING];
  for (let i = 0; i < dispositions.length; i++) {
    eq(cfe(d + "\\nodir\\x.txt", GENERIC_WRITE, 0, dispositions[i]), BAD, "missing directory, disposition " + dispositions[i].toString());
    eq(lastErr, ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND (disposition " + dispositions[i].toString() + ")");
  }
  eq(cfe(d + "\\a.txt\\x.txt", GENERIC_WRITE, 0, CREATE_ALWAYS), BAD, "a file used as a directory");
  eq(lastErr, ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND");
  ok(!exists(d + "\\nodir"), "no directory was made");

  eq(cfe("", GENERIC_READ, 0, CREATE_NEW), BAD, "an empty name");
  eq(lastErr, ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND");
  SetLastError(0xdeadbeef);
  eq(CreateFileW(0, GENERIC_READ, 0, 0, OPEN_EXISTING, 0, 0), BAD, "a NULL name");
  eq(GetLastError(), ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND");
  eq(cfe("C:\\*.*", GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING), BAD, "wildcards in a name");
  eq(lastErr, ERROR_INVALID_NAME, "ERROR_INVALID_NAME");

  // directories
  eq(cfe(d, GENERIC_READ, SHARE_ALL, OPEN_EXISTING), BAD, "a directory without FILE_FLAG_BACKUP_SEMANTICS");
  eq(lastErr, ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED");
  h = cfe(d, GENERIC_READ, SHARE_ALL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS);
  ok(h != BAD, "a directory with FILE_FLAG_BACKUP_SEMANTICS");
  eq(lastErr, ERROR_SUCCESS, "0");
  eq(get(h, 4), 0, "ReadFile on a directory handle fails");
  CloseHandle(h);
  h = cfe("C:\\", GENERIC_READ, SHARE_ALL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS);
  ok(h != BAD, "C:\\ as a directory");
  CloseHandle(h);
  eq(cfe(d, GENERIC_READ, SHARE_ALL, CREATE_NEW, FILE_FLAG_BACKUP_SEMANTICS), BAD, "CREATE_NEW of a directory");
  eq(lastErr, ERROR_FILE_EXISTS, "ERROR_FILE_EXISTS");
  h = cfe(d, RW, 0, OPEN_ALWAYS, FILE_FLAG_BACKUP_SEMANTICS);
  ok(h != BAD, "OPEN_ALWAYS of an existing directory (Wine's test_CreateFileW)");
  CloseHandle(h);

  // access 0: attributes only
  h = cfe(f, 0, 0, OPEN_EXISTING);
  ok(h != BAD, "access 0 opens");
  eq(get(h, 4), 0, "but cannot read");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED");
  CloseHandle(h);
  return done();
}

export function test_create_file_a(): i32 {
  const d = "C:\\t_ansi";
  ok(mkdir(d), "CreateDirectoryW");
  SetLastError(0xdeadbeef);
  let h = CreateFileA(A(d + "\\ansi-\u00e9\u4e2d.txt"), GENERIC_WRITE, 0, 0, CREATE_NEW, 0, 0);
  ok(h != BAD, "CreateFileA with a UTF-8 name");
  eq(GetLastError(), ERROR_SUCCESS, "0");
  eq(put(h, "x"), 1, "write");
  CloseHandle(h);
  ok(exists(d + "\\ansi-\u00e9\u4e2d.txt"), "the W call sees the same name");
  SetLastError(0xdeadbeef);
  h = CreateFileA(A(d + "\\ANSI-\u00c9\u4e2d.TXT"), GENERIC_READ, 0, 0, OPEN_EXISTING, 0, 0);
  ok(h != BAD, "found again with other case (\u00e9 / \u00c9)");
  CloseHandle(h);
  SetLastError(0xdeadbeef);
  eq(CreateFileA(A(d + "\\missing.txt"), GENERIC_READ, 0, 0, OPEN_EXISTING, 0, 0), BAD, "CreateFileA of a missing file");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND");
  h = CreateFileA(A(d + "\\ansi-\u00e9\u4e2d.txt"), GENERIC_WRITE, 0, 0, CREATE_ALWAYS, 0, 0);
  eq(GetLastError(), ERROR_ALREADY_EXISTS, "CreateFileA CREATE_ALWAYS of an existing file: ERROR_ALREADY_EXISTS");
  CloseHandle(h);
  return done();
}

// ---------- ReadFile / WriteFile / the file pointer ----------

export function test_read_write_seek(): i32 {
  const d = "C:\\t_rw";
  ok(mkdir(d), "CreateDirectoryW");
  const h = cf(d + "\\f.bin", RW, 0, CREATE_ALWAYS);
  ok(h != BAD, "CreateFileW");
  eq(put(h, "0123456789"), 10, "write 10 bytes");
  eq(tell(h), 10, "the pointer is after them");
  eq(SetFilePointer(h, 0, 0, FILE_BEGIN), 0, "FILE_BEGIN 0");
  eq(get(h, 4), 1, "read 4");
  eq(lastRead, "0123", "the first 4 bytes");
  eq(SetFilePointer(h, 2, 0, FILE_CURRENT), 6, "FILE_CURRENT +2");
  eq(get(h, 100), 1, "read the rest");
  eq(lastRead, "6789", "a short read returns what is there");
  eq(get(h, 100), 1, "ReadFile at the end succeeds");
  eq(lastRead, "", "with 0 bytes");
  eq(SetFilePointer(h, -3, 0, FILE_END), 7, "FILE_END -3");
  eq(get(h, 100), 1, "read");
  eq(lastRead, "789", "the last 3 bytes");
  eq(SetFilePointer(h, -2, 0, FILE_CURRENT), 8, "FILE_CURRENT -2");

  // before the start
  SetLastError(0xdeadbeef);
  eq(SetFilePointer(h, -20, 0, FILE_CURRENT), BAD, "a negative position");
  eq(GetLastError(), ERROR_NEGATIVE_SEEK, "ERROR_NEGATIVE_SEEK");
  eq(tell(h), 8, "the pointer did not move");
  eq(seek(h, -1, FILE_BEGIN), -1, "SetFilePointerEx to -1");
  eq(GetLastError(), ERROR_NEGATIVE_SEEK, "ERROR_NEGATIVE_SEEK");
  eq(SetFilePointer(h, 0, 0, 3), BAD, "move method 3");
  eq(GetLastError(), ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER");

  // 64-bit positions through the high part
  const high = shared(4);
  store<i32>(high, 1);
  eq(SetFilePointer(h, 5, high, FILE_BEGIN), 5, "FILE_BEGIN 4 GiB + 5: the low part");
  eq(load<i32>(high), 1, "the high part is written back");
  eq(tell(h), 0x100000005, "SetFilePointerEx sees 4 GiB + 5");
  eq(sizeOf(h), 10, "moving the pointer does not grow the file");
  store<i32>(high, -1);
  eq(SetFilePointer(h, -4, high, FILE_END), 6, "FILE_END with the 64-bit distance -4");
  eq(load<i32>(high), 0, "high part 0");
  store<i32>(high, 0);
  SetLastError(0xdeadbeef);
  eq(SetFilePointer(h, -1, high, FILE_BEGIN), BAD, "position 0xffffffff: the low part is INVALID_SET_FILE_POINTER");
  eq(GetLastError(), ERROR_SUCCESS, "and the last error 0 tells it from a failure");
  SetLastError(0xdeadbeef);
  eq(SetFilePointer(h, 3, 0, FILE_BEGIN), 3, "a plain move");
  eq(GetLastError(), 0xdeadbeef, "success leaves the last error alone (as Windows)");
  eq(seek(h, 0x7fffffffffffffff, FILE_BEGIN), 0x7fffffffffffffff, "SetFilePointerEx to 2^63 - 1");
  eq(seek(h, 1, FILE_CURRENT), -1, "beyond 2^63 fails");

  // sizes
  seek(h, 0, FILE_BEGIN);
  eq(GetFileSize(h, 0), 10, "GetFileSize");
  store<u32>(high, 77);
  eq(GetFileSize(h, high), 10, "GetFileSize with the high part");
  eq(load<u32>(high), 0, "high part 0");
  eq(sizeOf(h), 10, "GetFileSizeEx");

  // writing past the end fills the gap with zeros
  eq(SetFilePointer(h, 20, 0, FILE_BEGIN), 20, "past the end");
  eq(put(h, "Z"), 1, "write");
  eq(sizeOf(h), 21, "the file grew to 21");
  SetFilePointer(h, 9, 0, FILE_BEGIN);
  const buf = shared(16), cnt = shared(4);
  ok(ReadFile(h, buf, 12, cnt, 0) != 0, "read across the gap");
  eq(load<u32>(cnt), 12, "12 bytes");
  let zeros = true;
  for (let i = 1; i < 11; i++) if (load<u8>(buf + i) != 0) zeros = false;
  ok(zeros && load<u8>(buf) == 0x39 && load<u8>(buf + 11) == 0x5a, "'9', ten zeros, 'Z'");

  // a write of nothing neither grows nor truncates
  SetFilePointer(h, 100, 0, FILE_BEGIN);
  ok(WriteFile(h, buf, 0, cnt, 0) != 0, "WriteFile of 0 bytes");
  eq(load<u32>(cnt), 0, "0 written");
  eq(sizeOf(h), 21, "the size is unchanged");

  // SetEndOfFile truncates and extends to the pointer
  SetFilePointer(h, 3, 0, FILE_BEGIN);
  ok(SetEndOfFile(h) != 0, "SetEndOfFile at 3");
  eq(sizeOf(h), 3, "size 3");
  eq(tell(h), 3, "the pointer stays");
  SetFilePointer(h, 0, 0, FILE_BEGIN);
  get(h, 100);
  eq(lastRead, "012", "the first 3 bytes stay");
  SetFilePointer(h, 8, 0, FILE_BEGIN);
  ok(SetEndOfFile(h) != 0, "SetEndOfFile at 8 extends");
  eq(sizeOf(h), 8, "size 8");
  SetFilePointer(h, 3, 0, FILE_BEGIN);
  store<u64>(buf, 0xffffffffffffffff);
  ReadFile(h, buf, 5, cnt, 0);
  ok(load<u32>(cnt) == 5 && load<u32>(buf) == 0 && load<u8>(buf + 4) == 0, "the extension reads as zeros");
  ok(FlushFileBuffers(h) != 0, "FlushFileBuffers");
  CloseHandle(h);

  // access rights
  const r = cf(d + "\\f.bin", GENERIC_READ, SHARE_ALL, OPEN_EXISTING);
  eq(put(r, "x"), -(<i32>ERROR_ACCESS_DENIED), "WriteFile on a read-only handle: ERROR_ACCESS_DENIED");
  eq(SetEndOfFile(r), 0, "SetEndOfFile on a read-only handle");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED");
  eq(FlushFileBuffers(r), 0, "FlushFileBuffers on a read-only handle");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED");
  eq(GetFileSize(r, 0), 8, "GetFileSize needs no right");
  const w = cf(d + "\\f.bin", GENERIC_WRITE, SHARE_ALL, OPEN_EXISTING);
  eq(get(w, 4), 0, "ReadFile on a write-only handle");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED");
  CloseHandle(r);
  CloseHandle(w);

  // an append-only handle writes at the end wherever its pointer is
  const a = cf(d + "\\f.bin", FILE_APPEND_DATA, SHARE_ALL, OPEN_EXISTING);
  ok(a != BAD, "FILE_APPEND_DATA only");
  SetFilePointer(a, 0, 0, FILE_BEGIN);
  eq(put(a, "END"), 3, "WriteFile");
  CloseHandle(a);
  const all = readFile(d + "\\f.bin");
  eq(all.length, 11, "appended: 8 + 3 bytes");
  ok(all.endsWith("END") && all.startsWith("012"), "at the end, nothing overwritten");

  // one transfer larger than the syscall scratch and the in-memory store's first pages
  const big: u32 = 700_000;
  const src = shared(big), dst = shared(big);
  for (let i: u32 = 0; i < big; i++) store<u8>(src + i, <u8>(i * 7 + (i >> 11)));
  const b = cf(d + "\\big.bin", RW, 0, CREATE_ALWAYS);
  ok(WriteFile(b, src, big, cnt, 0) != 0 && load<u32>(cnt) == big, "WriteFile of 700,000 bytes");
  SetFilePointer(b, 0, 0, FILE_BEGIN);
  ok(ReadFile(b, dst, big, cnt, 0) != 0 && load<u32>(cnt) == big, "ReadFile of 700,000 bytes");
  eq(memory.compare(src, dst, big), 0, "the same bytes");
  CloseHandle(b);
  return done();
}

// ---------- share modes ----------

/** Wine's is_sharing_compatible (kernel32/tests/file.c): what Windows allows for two opens of one file. */
function compatible(access1: u32, sharing1: u32, access2: u32, sharing2: u32): bool {
  if (!access1) sharing1 = SHARE_ALL;
  if (!access2) sharing2 = SHARE_ALL;
  if ((access1 & GENERIC_READ) && !(sharing2 & FILE_SHARE_READ)) return false;
  if ((access1 & GENERIC_WRITE) && !(sharing2 & FILE_SHARE_WRITE)) return false;
  if ((access2 & GENERIC_READ) && !(sharing1 & FILE_SHARE_READ)) return false;
  if ((access2 & GENERIC_WRITE) && !(sharing1 & FILE_SHARE_WRITE)) return false;
  if ((access1 & DELETE) && !(sharing2 & FILE_SHARE_DELETE)) return false;
  if ((access2 & DELETE) && !(sharing1 & FILE_SHARE_DELETE)) return false;
  return true;
}

export function test_share_matrix(): i32 {
  const d = "C:\\t_share";
  ok(mkdir(d), "CreateDirectoryW");
  const f = d + "\\m.txt";
  ok(writeFile(f, "share"), "the file");
  const accesses: u32[] = [0, GENERIC_READ, GENERIC_WRITE, RW, DELETE, GENERIC_READ | DELETE, GENERIC_WRITE | DELETE, RW | DELETE];
  const name = W(f);
  let wrong = 0, errors = 0;
  for (let a1 = 0; a1 < accesses.length; a1++) {
    for (let s1: u32 = 0; s1 < 8; s1++) {
      const h1 = CreateFileW(name, accesses[a1], s1, 0, OPEN_EXISTING, 0, 0);
      if (h1 == BAD) { wrong++; continue; }
      for (let a2 = 0; a2 < accesses.length; a2++) {
        for (let s2: u32 = 0; s2 < 8; s2++) {
          SetLastError(0xdeadbeef);
          const h2 = CreateFileW(name, accesses[a2], s2, 0, OPEN_EXISTING, 0, 0);
          const want = compatible(accesses[a1], s1, accesses[a2], s2);
          if ((h2 != BAD) != want) {
            if (wrong < 10) eq(h2 != BAD, want, "open 2 (" + accesses[a2].toString(16) + ", share " + s2.toString() +
              ") after open 1 (" + accesses[a1].toString(16) + ", share " + s1.toString() + ")");
            wrong++;
          } else if (h2 == BAD && GetLastError() != ERROR_SHARING_VIOLATION) errors++;
          if (h2 != BAD) CloseHandle(h2);
        }
      }
      CloseHandle(h1);
    }
  }
  eq(wrong, 0, "4096 pairs of opens follow Windows' share rules");
  eq(errors, 0, "every refusal is ERROR_SHARING_VIOLATION");

  // the share check is about the open file, not the handle: a duplicate keeps it; closing the last releases it
  const h = cf(f, GENERIC_READ, 0, OPEN_EXISTING);
  const dup = shared(4);
  ok(DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), dup, 0, 0, DUPLICATE_SAME_ACCESS) != 0, "DuplicateHandle");
  CloseHandle(h);
  eq(cfe(f, GENERIC_READ, SHARE_ALL, OPEN_EXISTING), BAD, "the duplicate still holds the file (share 0)");
  eq(lastErr, ERROR_SHARING_VIOLATION, "ERROR_SHARING_VIOLATION");
  CloseHandle(load<u32>(dup));
  const again = cf(f, GENERIC_READ, SHARE_ALL, OPEN_EXISTING);
  ok(again != BAD, "free once the last handle closed");
  CloseHandle(again);

  // CREATE_ALWAYS / OPEN_ALWAYS meet the share check too, and leave the data alone when refused
  const w = cf(f, GENERIC_WRITE, FILE_SHARE_READ, OPEN_EXISTING);
  eq(cfe(f, GENERIC_WRITE, SHARE_ALL, CREATE_ALWAYS), BAD, "CREATE_ALWAYS while another writer shares no writes");
  eq(lastErr, ERROR_SHARING_VIOLATION, "ERROR_SHARING_VIOLATION");
  CloseHandle(w);
  eq(readFile(f), "share", "nothing was truncated");
  return done();
}

export function test_share_delete(): i32 {
  const d = "C:\\t_sdel";
  ok(mkdir(d), "CreateDirectoryW");
  const f = d + "\\f.txt";
  ok(writeFile(f, "data"), "the file");

  let h = cf(f, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, OPEN_EXISTING);
  SetLastError(0xdeadbeef);
  eq(DeleteFileW(W(f)), 0, "DeleteFileW while open without FILE_SHARE_DELETE");
  eq(GetLastError(), ERROR_SHARING_VIOLATION, "ERROR_SHARING_VIOLATION");
  eq(MoveFileW(W(f), W(d + "\\g.txt")), 0, "MoveFileW of it");
  eq(GetLastError(), ERROR_SHARING_VIOLATION, "ERROR_SHARING_VIOLATION");
  eq(cfe(f, DELETE, SHARE_ALL, OPEN_EXISTING), BAD, "an open for DELETE");
  eq(lastErr, ERROR_SHARING_VIOLATION, "ERROR_SHARING_VIOLATION");
  CloseHandle(h);

  h = cf(f, GENERIC_READ, SHARE_ALL, OPEN_EXISTING);
  ok(DeleteFileW(W(f)) != 0, "DeleteFileW while open with FILE_SHARE_DELETE");
  CloseHandle(h);
  ok(!exists(f), "gone once the handle closed");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND");

  SetLastError(0xdeadbeef);
  eq(DeleteFileW(W(f)), 0, "DeleteFileW of a missing file");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND");
  eq(DeleteFileW(W(d + "\\nodir\\f.txt")), 0, "DeleteFileW in a missing directory");
  eq(GetLastError(), ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND");
  eq(DeleteFileW(W(d)), 0, "DeleteFileW of a directory");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED");
  ok(exists(d), "the directory stays");
  eq(DeleteFileW(0), 0, "DeleteFileW(NULL)");
  eq(GetLastError(), ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND");

  // a directory handle without FILE_SHARE_DELETE keeps RemoveDirectoryW away
  ok(mkdir(d + "\\sub"), "a subdirectory");
  h = cf(d + "\\sub", GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS);
  ok(h != BAD, "opened");
  eq(RemoveDirectoryW(W(d + "\\sub")), 0, "RemoveDirectoryW while it is open without FILE_SHARE_DELETE");
  eq(GetLastError(), ERROR_SHARING_VIOLATION, "ERROR_SHARING_VIOLATION");
  CloseHandle(h);
  ok(RemoveDirectoryW(W(d + "\\sub")) != 0, "then it goes");
  return done();
}

export function test_share_across_processes(): i32 {
  const d = "C:\\t_xshare";
  ok(mkdir(d), "CreateDirectoryW");
  const f = d + "\\f.txt";
  ok(writeFile(f, "shared"), "the file");
  ok(exists(CHILD), "the child program is at " + CHILD);

  // the parent holds the file; the child's opens meet the parent's share mode
  const h = cf(f, GENERIC_WRITE, FILE_SHARE_READ, OPEN_EXISTING);
  ok(h != BAD, "the parent opens for writing, sharing reads");
  eq(child("open " + f + " " + GENERIC_READ.toString() + " 3"), 0, "a child opens it for reading (sharing writes)");
  eq(child("open " + f + " " + GENERIC_READ.toString() + " 1"), ERROR_SHARING_VIOLATION,
    "a child that shares no writes: ERROR_SHARING_VIOLATION");
  eq(child("open " + f + " " + GENERIC_WRITE.toString() + " 3"), ERROR_SHARING_VIOLATION,
    "a child that wants to write: ERROR_SHARING_VIOLATION");
  eq(child("open " + f + " 0 0"), 0, "a child with access 0 always opens");
  CloseHandle(h);
  eq(child("open " + f + " " + GENERIC_WRITE.toString() + " 0"), 0, "after the parent's close the child may write");

  // the child holds the file; the parent's opens meet the child's share mode
  const ready = CreateEventW(0, 1, 0, W("ntw-files-hold-ready")), go = CreateEventW(0, 1, 0, W("ntw-files-hold-go"));
  const p = startChild("hold " + f + " " + GENERIC_READ.toString() + " 1 ntw-files-hold");
  ok(p != 0, "a child holds the file for reading, sharing reads only");
  eq(WaitForSingleObject(ready, INFINITE), WAIT_OBJECT_0, "the child has it open");
  eq(cfe(f, GENERIC_WRITE, SHARE_ALL, OPEN_EXISTING), BAD, "the parent cannot write");
  eq(lastErr, ERROR_SHARING_VIOLATION, "ERROR_SHARING_VIOLATION");
  eq(DeleteFileW(W(f)), 0, "nor delete");
  eq(GetLastError(), ERROR_SHARING_VIOLATION, "ERROR_SHARING_VIOLATION");
  const r = cf(f, GENERIC_READ, SHARE_ALL, OPEN_EXISTING);
  ok(r != BAD, "but may read");
  CloseHandle(r);
  SetEvent(go);
  eq(exitCode(p), 0, "the child opened the file");
  CloseHandle(p);
  const w = cf(f, GENERIC_WRITE, 0, OPEN_EXISTING);
  ok(w != BAD, "the child's exit closed its handle (it never called CloseHandle)");
  CloseHandle(w);
  CloseHandle(ready);
  CloseHandle(go);
  return done();
}

// ---------- handles: duplicates, inheritance, wrong types ----------

export function test_handles(): i32 {
  const d = "C:\\t_handles";
  ok(mkdir(d), "CreateDirectoryW");
  const f = d + "\\f.txt";
  const h = cf(f, RW, SHARE_ALL, CREATE_ALWAYS);
  ok(h != BAD, "CreateFileW");
  const flags = shared(4);
  ok(GetHandleInformation(h, flags) != 0, "GetHandleInformation");
  eq(load<u32>(flags), 0, "not inheritable");
  ok(SetHandleInformation(h, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT) != 0, "SetHandleInformation");
  GetHandleInformation(h, flags);
  eq(load<u32>(flags), HANDLE_FLAG_INHERIT, "now inheritable");

  // a duplicate is the same file object: one position
  const dup = shared(4);
  ok(DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), dup, 0, 0, DUPLICATE_SAME_ACCESS) != 0, "DuplicateHandle");
  const h2 = load<u32>(dup);
  ok(h2 != h && h2 != 0, "a new handle value");
  eq(put(h, "abc"), 3, "write through the first");
  eq(tell(h2), 3, "the duplicate's pointer moved too");
  eq(put(h2, "def"), 3, "write through the duplicate");
  eq(tell(h), 6, "and the first sees it");
  ok(CloseHandle(h) != 0, "CloseHandle");
  SetLastError(0xdeadbeef);
  eq(CloseHandle(h), 0, "a second CloseHandle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  SetFilePointer(h2, 0, 0, FILE_BEGIN);
  eq(get(h2, 16), 1, "the duplicate still reads");
  eq(lastRead, "abcdef", "both writes");
  // a read-only duplicate
  ok(DuplicateHandle(GetCurrentProcess(), h2, GetCurrentProcess(), dup, GENERIC_READ, 0, 0) != 0, "DuplicateHandle for GENERIC_READ");
  const ro = load<u32>(dup);
  eq(put(ro, "x"), -(<i32>ERROR_ACCESS_DENIED), "the read-only duplicate cannot write");
  CloseHandle(ro);
  CloseHandle(h2);

  // wrong types and bogus values
  const ev = CreateEventW(0, 1, 0, 0);
  SetLastError(0xdeadbeef);
  eq(SetFilePointer(ev, 0, 0, FILE_BEGIN), BAD, "SetFilePointer on an event");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  eq(GetFileSize(ev, 0), BAD, "GetFileSize on an event");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  eq(get(ev, 4), 0, "ReadFile on an event");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  eq(put(ev, "x"), -(<i32>ERROR_INVALID_HANDLE), "WriteFile on an event: ERROR_INVALID_HANDLE");
  eq(SetEndOfFile(ev), 0, "SetEndOfFile on an event");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  eq(FindNextFileW(ev, shared(FIND_DATA)), 0, "FindNextFileW on an event");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  CloseHandle(ev);
  eq(SetFilePointer(0x1234, 0, 0, FILE_BEGIN), BAD, "SetFilePointer on a bogus handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  eq(get(0x1234, 4), 0, "ReadFile on a bogus handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  const file = cf(f, RW, SHARE_ALL, OPEN_EXISTING);
  eq(SetEvent(file), 0, "SetEvent on a file");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  eq(FindNextFileW(file, shared(FIND_DATA)), 0, "FindNextFileW on a file handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  eq(FindClose(file), 0, "FindClose on a file handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  const fd = shared(FIND_DATA);
  const search = FindFirstFileW(W(d + "\\*"), fd);
  ok(search != BAD, "FindFirstFileW");
  eq(get(search, 4), 0, "ReadFile on a search handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  eq(SetFilePointer(search, 0, 0, FILE_BEGIN), BAD, "SetFilePointer on a search handle");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  ok(FindClose(search) != 0, "FindClose");
  eq(FindClose(search), 0, "FindClose again");
  eq(GetLastError(), ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE");
  CloseHandle(file);
  return done();
}

export function test_inherit(): i32 {
  const d = "C:\\t_inherit";
  ok(mkdir(d), "CreateDirectoryW");
  const h = CreateFileW(W(d + "\\log.txt"), RW, SHARE_ALL, inheritable(), CREATE_ALWAYS, 0, 0);
  ok(h != BAD, "an inheritable file handle");
  const flags = shared(4);
  GetHandleInformation(h, flags);
  eq(load<u32>(flags), HANDLE_FLAG_INHERIT, "HANDLE_FLAG_INHERIT");
  eq(put(h, "P1"), 2, "the parent writes 2 bytes");
  eq(child("write " + h.toString() + " child", 1), 0, "the child writes through the inherited handle");
  eq(tell(h), 12, "the child's write moved the shared file pointer (2 + 10)");
  eq(put(h, "P2"), 2, "the parent writes after it");
  const all = readFile(d + "\\log.txt");
  eq(all.length, 14, "14 bytes");
  ok(all.startsWith("P1c\0h\0i\0l\0d\0") && all.endsWith("P2"), "in order: P1, the child's UTF-16 text, P2");

  const n = cf(d + "\\private.txt", RW, SHARE_ALL, CREATE_ALWAYS);
  eq(child("write " + n.toString() + " x", 1), ERROR_INVALID_HANDLE, "a handle that is not inheritable is not in the child");
  eq(child("write " + h.toString() + " x", 0), ERROR_INVALID_HANDLE, "nor is any handle with bInheritHandles FALSE");
  eq(sizeOf(n), 0, "nothing was written");
  CloseHandle(n);
  CloseHandle(h);
  return done();
}

// ---------- directories ----------

export function test_directories(): i32 {
  const d = "C:\\t_dirs";
  SetLastError(0xdeadbeef);
  ok(CreateDirectoryW(W(d), 0) != 0, "CreateDirectoryW");
  eq(attrs(d), FILE_ATTRIBUTE_DIRECTORY, "GetFileAttributesW: FILE_ATTRIBUTE_DIRECTORY");
  eq(CreateDirectoryW(W(d), 0), 0, "again");
  eq(GetLastError(), ERROR_ALREADY_EXISTS, "ERROR_ALREADY_EXISTS");
  ok(writeFile(d + "\\file.txt", "x"), "a file");
  eq(attrs(d + "\\file.txt") & (FILE_ATTRIBUTE_DIRECTORY | FILE_ATTRIBUTE_ARCHIVE), FILE_ATTRIBUTE_ARCHIVE, "a file: FILE_ATTRIBUTE_ARCHIVE");
  eq(CreateDirectoryW(W(d + "\\file.txt"), 0), 0, "CreateDirectoryW over a file");
  eq(GetLastError(), ERROR_ALREADY_EXISTS, "ERROR_ALREADY_EXISTS");
  eq(CreateDirectoryW(W(d + "\\no\\sub"), 0), 0, "a missing parent");
  eq(GetLastError(), ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND");
  eq(CreateDirectoryW(W("C:\\"), 0), 0, "CreateDirectoryW(C:\\)");
  ok(GetLastError() == ERROR_ACCESS_DENIED || GetLastError() == ERROR_ALREADY_EXISTS, "ERROR_ACCESS_DENIED or ERROR_ALREADY_EXISTS");
  ok(CreateDirectoryW(W(d + "\\trail."), 0) != 0, "a trailing dot");
  ok(exists(d + "\\trail"), "is stripped, as Windows does");
  ok(CreateDirectoryW(W(d + "/slash/"), 0) != 0, "forward slashes and a trailing separator");
  ok(exists(d + "\\slash"), "made");

  ok(mkdir(d + "\\full"), "a directory");
  ok(writeFile(d + "\\full\\f.txt", "x"), "with a file");
  eq(RemoveDirectoryW(W(d + "\\full")), 0, "RemoveDirectoryW of a non-empty directory");
  eq(GetLastError(), ERROR_DIR_NOT_EMPTY, "ERROR_DIR_NOT_EMPTY");
  eq(RemoveDirectoryW(W(d + "\\file.txt")), 0, "RemoveDirectoryW of a file");
  eq(GetLastError(), ERROR_DIRECTORY, "ERROR_DIRECTORY");
  eq(RemoveDirectoryW(W(d + "\\none")), 0, "RemoveDirectoryW of a missing directory");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND");
  eq(RemoveDirectoryW(W(d + "\\none\\x")), 0, "RemoveDirectoryW below a missing directory");
  eq(GetLastError(), ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND");
  ok(DeleteFileW(W(d + "\\full\\f.txt")) != 0, "empty it");
  ok(RemoveDirectoryW(W(d + "\\full")) != 0, "RemoveDirectoryW");
  ok(!exists(d + "\\full"), "gone");
  eq(RemoveDirectoryW(W("C:\\")), 0, "RemoveDirectoryW(C:\\)");

  SetLastError(0xdeadbeef);
  eq(attrs(d + "\\none"), INVALID_FILE_ATTRIBUTES, "GetFileAttributesW of a missing file");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND");
  eq(attrs(d + "\\none\\x"), INVALID_FILE_ATTRIBUTES, "below a missing directory");
  eq(GetLastError(), ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND");
  eq(attrs("C:\\"), FILE_ATTRIBUTE_DIRECTORY, "C:\\ is a directory");
  eq(attrs("c:/"), FILE_ATTRIBUTE_DIRECTORY, "so is c:/");
  return done();
}

// ---------- MoveFileW / MoveFileExW / CopyFileW ----------

export function test_move_copy(): i32 {
  const d = "C:\\t_move";
  ok(mkdir(d), "CreateDirectoryW");
  ok(writeFile(d + "\\a.txt", "AAA"), "a.txt");
  ok(writeFile(d + "\\b.txt", "BB"), "b.txt");

  ok(MoveFileW(W(d + "\\a.txt"), W(d + "\\c.txt")) != 0, "MoveFileW a → c");
  ok(!exists(d + "\\a.txt"), "a is gone");
  eq(readFile(d + "\\c.txt"), "AAA", "c has a's data");
  SetLastError(0xdeadbeef);
  eq(MoveFileW(W(d + "\\c.txt"), W(d + "\\b.txt")), 0, "MoveFileW onto an existing file");
  eq(GetLastError(), ERROR_ALREADY_EXISTS, "ERROR_ALREADY_EXISTS");
  eq(readFile(d + "\\b.txt"), "BB", "b is unchanged");
  ok(MoveFileExW(W(d + "\\c.txt"), W(d + "\\b.txt"), MOVEFILE_REPLACE_EXISTING) != 0, "MoveFileExW with MOVEFILE_REPLACE_EXISTING");
  eq(readFile(d + "\\b.txt"), "AAA", "b has c's data");
  ok(!exists(d + "\\c.txt"), "c is gone");
  eq(MoveFileW(W(d + "\\none.txt"), W(d + "\\x.txt")), 0, "MoveFileW of a missing file");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND");
  eq(MoveFileW(W(d + "\\b.txt"), W(d + "\\nodir\\x.txt")), 0, "MoveFileW into a missing directory");
  eq(GetLastError(), ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND");

  // a change of case only
  ok(MoveFileW(W(d + "\\b.txt"), W(d + "\\B.TXT")) != 0, "MoveFileW b.txt → B.TXT");
  eq(list(d + "\\b*"), "B.TXT", "the new spelling is listed");

  // directories move with what is in them
  ok(mkdir(d + "\\dir"), "a directory");
  ok(writeFile(d + "\\dir\\in.txt", "inside"), "with a file");
  ok(MoveFileW(W(d + "\\dir"), W(d + "\\dir2")) != 0, "MoveFileW of a directory");
  eq(readFile(d + "\\dir2\\in.txt"), "inside", "its file came along");
  eq(MoveFileW(W(d + "\\dir2"), W(d + "\\dir2\\deeper")), 0, "into itself");

  // an open file (FILE_SHARE_DELETE) is renamed under its handle, which goes on working
  const h = cf(d + "\\B.TXT", RW, SHARE_ALL, OPEN_EXISTING);
  ok(MoveFileW(W(d + "\\B.TXT"), W(d + "\\renamed.txt")) != 0, "MoveFileW of an open file shared for delete");
  SetFilePointer(h, 0, 0, FILE_END);
  eq(put(h, "+more"), 5, "write through the old handle");
  CloseHandle(h);
  eq(readFile(d + "\\renamed.txt"), "AAA+more", "the data went to the renamed file");

  // CopyFileW
  ok(CopyFileW(W(d + "\\renamed.txt"), W(d + "\\copy.txt"), 1) != 0, "CopyFileW to a new file");
  eq(readFile(d + "\\copy.txt"), "AAA+more", "same data");
  ok(writeFile(d + "\\other.txt", "other"), "other.txt");
  SetLastError(0xdeadbeef);
  eq(CopyFileW(W(d + "\\other.txt"), W(d + "\\copy.txt"), 1), 0, "CopyFileW onto an existing file with bFailIfExists");
  eq(GetLastError(), ERROR_FILE_EXISTS, "ERROR_FILE_EXISTS");
  eq(readFile(d + "\\copy.txt"), "AAA+more", "unchanged");
  ok(CopyFileW(W(d + "\\other.txt"), W(d + "\\copy.txt"), 0) != 0, "without bFailIfExists");
  eq(readFile(d + "\\copy.txt"), "other", "overwritten, truncated to the source's size");
  eq(CopyFileW(W(d + "\\none.txt"), W(d + "\\copy2.txt"), 0), 0, "CopyFileW of a missing file");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND");
  eq(CopyFileW(W(d + "\\dir2"), W(d + "\\copy2.txt"), 0), 0, "CopyFileW of a directory");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED");
  eq(CopyFileW(W(d + "\\copy.txt"), W(d + "\\copy.txt"), 0), 0, "CopyFileW onto itself");
  eq(GetLastError(), ERROR_SHARING_VIOLATION, "ERROR_SHARING_VIOLATION");
  eq(CopyFileW(W(d + "\\copy.txt"), W(d + "\\nodir\\x.txt"), 0), 0, "CopyFileW into a missing directory");
  eq(GetLastError(), ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND");

  // CopyFileW's share rules (Wine's test_CopyFileA)
  const src = d + "\\other.txt", dst = d + "\\copy.txt";
  let l = cf(src, GENERIC_READ, FILE_SHARE_WRITE, OPEN_EXISTING);
  eq(CopyFileW(W(src), W(dst), 0), 0, "from a read-locked source");
  eq(GetLastError(), ERROR_SHARING_VIOLATION, "ERROR_SHARING_VIOLATION");
  CloseHandle(l);
  l = cf(src, RW, FILE_SHARE_READ, OPEN_EXISTING);
  ok(CopyFileW(W(src), W(dst), 0) != 0, "from a source open for reading and writing, sharing reads");
  CloseHandle(l);
  l = cf(src, DELETE, FILE_SHARE_READ, OPEN_EXISTING);
  ok(CopyFileW(W(src), W(dst), 0) != 0, "from a delete-locked source");
  CloseHandle(l);
  l = cf(dst, GENERIC_WRITE, FILE_SHARE_READ, OPEN_EXISTING);
  eq(CopyFileW(W(src), W(dst), 0), 0, "to a write-locked target");
  eq(GetLastError(), ERROR_SHARING_VIOLATION, "ERROR_SHARING_VIOLATION");
  CloseHandle(l);
  l = cf(dst, RW, FILE_SHARE_WRITE, OPEN_EXISTING);
  ok(CopyFileW(W(src), W(dst), 0) != 0, "to a target open for reading and writing, sharing writes");
  CloseHandle(l);
  l = cf(dst, DELETE, SHARE_ALL, OPEN_EXISTING);
  eq(CopyFileW(W(src), W(dst), 0), 0, "to a delete-locked target, even shared for delete");
  eq(GetLastError(), ERROR_SHARING_VIOLATION, "ERROR_SHARING_VIOLATION");
  CloseHandle(l);
  return done();
}

// ---------- FindFirstFileW / FindNextFileW / FindClose ----------

export function test_find(): i32 {
  const d = "C:\\t_find";
  ok(mkdir(d), "CreateDirectoryW");
  ok(writeFile(d + "\\alpha.txt", "1"), "alpha.txt");
  ok(writeFile(d + "\\Beta.TXT", "22"), "Beta.TXT");
  ok(writeFile(d + "\\gamma.log", "333"), "gamma.log");
  ok(writeFile(d + "\\a1.txt", "4444"), "a1.txt");
  ok(mkdir(d + "\\sub"), "sub");

  eq(list(d + "\\*"), ".|..|a1.txt|alpha.txt|Beta.TXT|gamma.log|sub", "* lists everything, with . and ..");
  eq(list(d + "\\*.*"), ".|..|a1.txt|alpha.txt|Beta.TXT|gamma.log|sub", "*.* too");
  eq(list(d + "\\*.txt"), "a1.txt|alpha.txt|Beta.TXT", "*.txt (case-insensitive)");
  eq(list(d + "\\*."), ".|..|sub", "*. matches names without an extension");
  eq(list(d + "\\a?.txt"), "a1.txt", "a?.txt");
  eq(list(d + "\\?????.*"), "alpha.txt|gamma.log", "?????.*");
  eq(list(d + "\\*A*"), "a1.txt|alpha.txt|Beta.TXT|gamma.log", "*A* matches a and A");
  eq(list(d + "/BETA.txt"), "Beta.TXT", "an exact name, other case, with '/'");
  eq(list(d + "\\*.none"), "<error " + ERROR_FILE_NOT_FOUND.toString() + ">", "no match: ERROR_FILE_NOT_FOUND");
  eq(list(d + "\\nodir\\*"), "<error " + ERROR_PATH_NOT_FOUND.toString() + ">", "a missing directory: ERROR_PATH_NOT_FOUND");
  eq(list(d + "\\"), "<error " + ERROR_FILE_NOT_FOUND.toString() + ">", "a trailing backslash: ERROR_FILE_NOT_FOUND");
  eq(list(d), "t_find", "the directory itself, without a pattern");

  // what FindFirstFileW fills in
  const fd = shared(FIND_DATA);
  const h = FindFirstFileW(W(d + "\\gamma.log"), fd);
  ok(h != BAD && (h & 3) == 0, "FindFirstFileW: a handle");
  eq(load<u32>(fd), FILE_ATTRIBUTE_ARCHIVE, "dwFileAttributes");
  eq(load<u32>(fd, 28), 0, "nFileSizeHigh");
  eq(load<u32>(fd, 32), 3, "nFileSizeLow");
  ok(load<u32>(fd, 20) != 0, "ftLastWriteTime is set");
  SetLastError(0xdeadbeef);
  eq(FindNextFileW(h, fd), 0, "FindNextFileW after the only match");
  eq(GetLastError(), ERROR_NO_MORE_FILES, "ERROR_NO_MORE_FILES");
  eq(FindNextFileW(h, fd), 0, "and again");
  eq(GetLastError(), ERROR_NO_MORE_FILES, "ERROR_NO_MORE_FILES");
  ok(FindClose(h) != 0, "FindClose");
  const s2 = FindFirstFileW(W(d + "\\sub"), fd);
  eq(load<u32>(fd), FILE_ATTRIBUTE_DIRECTORY, "a directory's attributes");
  FindClose(s2);

  // the root lists no . and ..
  const root = list("C:\\*");
  ok(!root.startsWith(".|"), "C:\\* has no . and ..");
  ok(root.includes("t_find"), "and has t_find");
  return done();
}

// ---------- the current directory and GetFullPathNameW ----------

export function test_current_directory(): i32 {
  eq(cwd(), "C:\\", "a process starts in C:\\");
  const d = "C:\\t_cwd";
  ok(mkdir(d), "CreateDirectoryW");
  ok(mkdir(d + "\\sub"), "sub");
  ok(writeFile(d + "\\sub\\rel.txt", "relative"), "a file");

  // GetCurrentDirectoryW's sizes
  const buf = shared(64);
  eq(GetCurrentDirectoryW(0, 0), 4, "the size needed for C:\\ with its NUL");
  eq(GetCurrentDirectoryW(3, buf), 4, "a buffer of 3 is too small");
  eq(GetCurrentDirectoryW(4, buf), 3, "4 fits: the length");
  eq(wstr(buf), "C:\\", "C:\\");

  ok(SetCurrentDirectoryW(W(d)) != 0, "SetCurrentDirectoryW");
  eq(cwd(), "C:\\t_cwd", "GetCurrentDirectoryW: no trailing backslash");
  eq(readFile("sub\\rel.txt"), "relative", "a relative path resolves against it");
  eq(readFile(".\\sub\\..\\sub\\rel.txt"), "relative", "with . and ..");
  eq(readFile("C:sub\\rel.txt"), "relative", "C:rel is relative to C:'s current directory");
  eq(readFile("\\t_cwd\\sub\\rel.txt"), "relative", "\\path is relative to the drive's root");
  ok(SetCurrentDirectoryW(W("sub")) != 0, "SetCurrentDirectoryW relative");
  eq(cwd(), "C:\\t_cwd\\sub", "C:\\t_cwd\\sub");
  ok(SetCurrentDirectoryW(W("..\\")) != 0, "SetCurrentDirectoryW ..\\");
  eq(cwd(), "C:\\t_cwd", "back up");
  eq(list("sub\\*.txt"), "rel.txt", "FindFirstFileW with a relative pattern");
  ok(writeFile("made-here.txt", "x"), "CreateFileW with a relative name");
  ok(exists("C:\\t_cwd\\made-here.txt"), "lands in the current directory");

  SetLastError(0xdeadbeef);
  eq(SetCurrentDirectoryW(W("C:\\t_cwd\\none")), 0, "a missing directory");
  eq(GetLastError(), ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND");
  eq(SetCurrentDirectoryW(W("C:\\t_cwd\\none\\deeper")), 0, "below a missing directory");
  eq(GetLastError(), ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND");
  eq(SetCurrentDirectoryW(W("C:\\t_cwd\\made-here.txt")), 0, "a file");
  eq(GetLastError(), ERROR_DIRECTORY, "ERROR_DIRECTORY");
  eq(cwd(), "C:\\t_cwd", "unchanged by the failures");

  // a child inherits the current directory, or gets lpCurrentDirectory
  eq(child("cwd C:\\t_cwd"), 0, "a child starts in its parent's current directory");
  eq(child("cwd C:\\t_cwd\\sub", 0, "sub"), 0, "or in lpCurrentDirectory (relative to the parent's)");
  eq(child("cwd C:\\", 0, "C:\\"), 0, "lpCurrentDirectory C:\\");
  eq(child("cwd x", 0, "C:\\t_cwd\\none"), 0xdead, "a missing lpCurrentDirectory: CreateProcessW fails");
  eq(GetLastError(), ERROR_DIRECTORY, "ERROR_DIRECTORY");

  ok(SetCurrentDirectoryW(W("C:\\..\\..")) != 0, "C:\\..\\.. is C:\\");
  eq(cwd(), "C:\\", "C:\\");
  return done();
}

export function test_full_path_name(): i32 {
  ok(mkdir("C:\\t_full"), "CreateDirectoryW");
  ok(SetCurrentDirectoryW(W("C:\\t_full")) != 0, "SetCurrentDirectoryW");
  eq(fullPath("x.txt"), "C:\\t_full\\x.txt", "relative");
  eq(fullPath("."), "C:\\t_full", ".");
  eq(fullPath(".."), "C:\\", "..");
  eq(fullPath("..\\..\\..\\a"), "C:\\a", ".. stops at the root");
  eq(fullPath("C:\\a\\.\\b\\..\\c"), "C:\\a\\c", ". and ..");
  eq(fullPath("c:/a//b/"), "C:\\a\\b\\", "/ and runs of separators; a trailing separator stays");
  eq(fullPath("C:"), "C:\\t_full", "C: alone is the current directory");
  eq(fullPath("C:rel"), "C:\\t_full\\rel", "C:rel");
  eq(fullPath("\\top"), "C:\\top", "\\top");
  eq(fullPath("name. . "), "C:\\t_full\\name", "trailing dots and spaces are stripped");
  eq(fullPath("a*.txt"), "C:\\t_full\\a*.txt", "wildcards in the last component are kept");
  eq(fullPath("\u00c9t\u00e9"), "C:\\t_full\\\u00c9t\u00e9", "non-ASCII names");

  // the buffer and lpFilePart
  const buf = shared(512), part = shared(4);
  const name = W("dir\\file.ext");
  eq(GetFullPathNameW(name, 0, 0, 0), 23, "the size needed, with the NUL (C:\\t_full\\dir\\file.ext)");
  eq(GetFullPathNameW(name, 22, buf, part), 23, "a buffer one short: the size needed");
  eq(GetFullPathNameW(name, 23, buf, part), 22, "it fits: the length");
  eq(wstr(buf), "C:\\t_full\\dir\\file.ext", "the path");
  eq(load<u32>(part), <u32>(buf + 2 * 14), "lpFilePart points at file.ext");
  eq(wstr(load<u32>(part)), "file.ext", "file.ext");
  eq(GetFullPathNameW(W("dir\\"), 256, buf, part), 14, "a trailing backslash");
  eq(load<u32>(part), 0, "no file part");
  eq(GetFullPathNameW(W("C:\\"), 256, buf, part), 3, "C:\\");
  eq(load<u32>(part), 0, "no file part");
  SetLastError(0xdeadbeef);
  eq(GetFullPathNameW(W(""), 256, buf, part), 0, "an empty name");
  eq(GetLastError(), ERROR_INVALID_NAME, "ERROR_INVALID_NAME");
  ok(SetCurrentDirectoryW(W("C:\\")) != 0, "back to C:\\");
  return done();
}

// ---------- case-insensitive lookup ----------

export function test_case_insensitive(): i32 {
  const d = "C:\\t_case";
  ok(mkdir(d), "CreateDirectoryW");
  ok(mkdir(d + "\\SubDir"), "SubDir");
  ok(writeFile(d + "\\SubDir\\Mixed.TXT", "mixed"), "Mixed.TXT");
  eq(readFile(d + "\\subdir\\mixed.txt"), "mixed", "opened as subdir\\mixed.txt");
  eq(readFile("c:\\T_CASE\\SUBDIR\\MIXED.TXT"), "mixed", "and as upper case");
  let h = cfe(d + "\\subdir\\MIXED.txt", GENERIC_WRITE, 0, CREATE_NEW);
  eq(h, BAD, "CREATE_NEW finds the file under another case");
  eq(lastErr, ERROR_FILE_EXISTS, "ERROR_FILE_EXISTS");
  h = cfe(d + "\\SUBDIR\\mixed.TXT", GENERIC_WRITE, 0, OPEN_ALWAYS);
  eq(lastErr, ERROR_ALREADY_EXISTS, "OPEN_ALWAYS: ERROR_ALREADY_EXISTS");
  CloseHandle(h);
  eq(list(d + "\\subdir\\*"), ".|..|Mixed.TXT", "one file, listed with its own spelling");
  eq(attrs(d + "\\SUBDIR"), FILE_ATTRIBUTE_DIRECTORY, "GetFileAttributesW");
  // the share check sees one file whatever the spelling
  h = cf(d + "\\SubDir\\Mixed.TXT", GENERIC_READ, 0, OPEN_EXISTING);
  eq(cfe(d + "\\subdir\\mixed.txt", GENERIC_READ, SHARE_ALL, OPEN_EXISTING), BAD, "another spelling, same file");
  eq(lastErr, ERROR_SHARING_VIOLATION, "ERROR_SHARING_VIOLATION");
  CloseHandle(h);
  ok(DeleteFileW(W(d + "\\subdir\\MIXED.TXT")) != 0, "DeleteFileW in another case");
  ok(!exists(d + "\\SubDir\\Mixed.TXT"), "gone");
  ok(RemoveDirectoryW(W(d + "\\SUBDIR")) != 0, "RemoveDirectoryW in another case");
  return done();
}

// ---------- bad pointers: ERROR_NOACCESS, never a trap ----------

export function test_bad_pointers(): i32 {
  const d = "C:\\t_badptr";
  ok(mkdir(d), "CreateDirectoryW");
  const far: usize = 0x7ffffff0; // beyond guest memory
  const huge: usize = 0xfffffff0; // above 2 GiB: a negative i32 on the way
  const h = cf(d + "\\f.txt", RW, SHARE_ALL, CREATE_ALWAYS);
  put(h, "abc");
  const names: usize[] = [far, huge, 1]; // 1: misaligned for UTF-16
  for (let i = 0; i < names.length; i++) {
    const p = names[i];
    const what = " (pointer " + p.toString(16) + ")";
    SetLastError(0);
    eq(CreateFileW(p, GENERIC_READ, 0, 0, OPEN_EXISTING, 0, 0), BAD, "CreateFileW" + what);
    eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
    eq(DeleteFileW(p), 0, "DeleteFileW" + what);
    eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
    eq(GetFileAttributesW(p), INVALID_FILE_ATTRIBUTES, "GetFileAttributesW" + what);
    eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
    eq(CreateDirectoryW(p, 0), 0, "CreateDirectoryW" + what);
    eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
    eq(RemoveDirectoryW(p), 0, "RemoveDirectoryW" + what);
    eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
    eq(MoveFileW(p, W(d + "\\x")), 0, "MoveFileW" + what);
    eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
    eq(MoveFileW(W(d + "\\f.txt"), p), 0, "MoveFileW to" + what);
    eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
    eq(CopyFileW(p, W(d + "\\x"), 0), 0, "CopyFileW" + what);
    eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
    eq(SetCurrentDirectoryW(p), 0, "SetCurrentDirectoryW" + what);
    eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
    eq(FindFirstFileW(p, shared(FIND_DATA)), BAD, "FindFirstFileW" + what);
    eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
    eq(GetFullPathNameW(p, 100, shared(200), 0), 0, "GetFullPathNameW" + what);
    eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
    if (p != 1) {
      eq(CreateFileA(p, GENERIC_READ, 0, 0, OPEN_EXISTING, 0, 0), BAD, "CreateFileA" + what);
      eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
      eq(ReadFile(h, p, 4, shared(4), 0), 0, "ReadFile into" + what);
      eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
      eq(WriteFile(h, p, 4, shared(4), 0), 0, "WriteFile from" + what);
      eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
      eq(ReadFile(h, shared(4), 4, p, 0), 0, "ReadFile's count at" + what);
      eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
      eq(SetFilePointer(h, 0, p, FILE_BEGIN), BAD, "SetFilePointer's high part at" + what);
      eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
      eq(SetFilePointerEx(h, p, 0, FILE_BEGIN), 0, "SetFilePointerEx's distance at" + what);
      eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
      eq(SetFilePointerEx(h, shared(8), p, FILE_BEGIN), 0, "SetFilePointerEx's result at" + what);
      eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
      eq(GetFileSize(h, p), BAD, "GetFileSize's high part at" + what);
      eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
      eq(GetFileSizeEx(h, p), 0, "GetFileSizeEx at" + what);
      eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
      eq(FindFirstFileW(W(d + "\\*"), p), BAD, "FindFirstFileW's data at" + what);
      eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
      eq(GetCurrentDirectoryW(100, p), 0, "GetCurrentDirectoryW into" + what);
      eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
      eq(GetFullPathNameW(W("x"), 100, p, 0), 0, "GetFullPathNameW into" + what);
      eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
      eq(GetFullPathNameW(W("x"), 100, shared(200), p), 0, "GetFullPathNameW's file part at" + what);
      eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
      eq(CreateFileW(W(d + "\\g.txt"), GENERIC_READ, 0, p, CREATE_ALWAYS, 0, 0), BAD, "CreateFileW's SECURITY_ATTRIBUTES at" + what);
      eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS" + what);
    }
  }
  // NULL out-pointers are refused too, rather than written at address 0
  eq(GetFileSizeEx(h, 0), 0, "GetFileSizeEx(NULL)");
  eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS");
  eq(FindFirstFileW(W(d + "\\*"), 0), BAD, "FindFirstFileW(…, NULL)");
  eq(GetLastError(), ERROR_NOACCESS, "ERROR_NOACCESS");
  eq(tell(h), 3, "the file pointer is where the last write left it");
  eq(sizeOf(h), 3, "the file is unchanged");
  ok(!exists(d + "\\g.txt"), "nothing was created");
  CloseHandle(h);
  return done();
}

// ---------- threads ----------

// Thread blocks: [0] handle (or 0: open [4] itself), [4] UTF-16 path, [8] record byte, [12] count,
// [16] result (0 or the last error), [20] record buffer (8 bytes, filled by the thread)

function writer(b: usize): u32 {
  let h = load<u32>(b);
  const own = h == 0;
  if (own) {
    h = CreateFileW(load<u32>(b, 4), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, 0, OPEN_ALWAYS, 0, 0);
    if (h == BAD) { store<u32>(b, GetLastError(), 16); return 1; }
  }
  const rec = b + 20, cnt = b + 28;
  memory.fill(rec, load<u8>(b + 8), 7);
  store<u8>(rec, 10, 7);
  const n = load<u32>(b, 12);
  for (let i: u32 = 0; i < n; i++) {
    if (!WriteFile(h, rec, 8, cnt, 0) || load<u32>(cnt) != 8) { store<u32>(b, GetLastError() | 0x10000, 16); break; }
  }
  if (own) CloseHandle(h);
  return 0;
}

/** [0] array of UTF-16 names, [4] count, [8] record byte, [12] failed opens, [16] last error, [20] record. */
function creator(b: usize): u32 {
  const names = load<usize>(b), n = load<u32>(b, 4), rec = b + 20, cnt = b + 28;
  memory.fill(rec, load<u8>(b + 8), 7);
  store<u8>(rec, 10, 7);
  for (let i: u32 = 0; i < n; i++) {
    const h = CreateFileW(load<usize>(names + 4 * i), FILE_APPEND_DATA, FILE_SHARE_READ | FILE_SHARE_WRITE, 0, OPEN_ALWAYS, 0, 0);
    if (h == BAD) { atomic.add<u32>(b + 12, 1); store<u32>(b, GetLastError(), 16); continue; }
    WriteFile(h, rec, 8, cnt, 0);
    CloseHandle(h);
  }
  return 0;
}

function block(h: u32, path: string, tag: string, count: u32): usize {
  const b = shared(32);
  store<u32>(b, h);
  store<u32>(b, <u32>W(path), 4);
  store<u8>(b + 8, <u8>tag.charCodeAt(0));
  store<u32>(b, count, 12);
  return b;
}

function runAll(blocks: usize[]): void {
  const hs = shared(4 * blocks.length);
  for (let i = 0; i < blocks.length; i++) store<u32>(hs + 4 * i, CreateThread(0, 0, writer.index, blocks[i], 0, 0));
  WaitForMultipleObjects(blocks.length, hs, 1, INFINITE);
  for (let i = 0; i < blocks.length; i++) CloseHandle(load<u32>(hs + 4 * i));
}

/** Counts the 8-byte records of `text` by tag; -1 when one is torn. */
function records(text: string, tag: string): i32 {
  if (text.length % 8) return -1;
  let n = 0;
  for (let i = 0; i < text.length; i += 8) {
    const r = text.slice(i, i + 8);
    if (r.charAt(7) != "\n" || r.charAt(0) != r.charAt(6)) return -1;
    if (r.charAt(0) == tag) n++;
  }
  return n;
}

export function test_threads(): i32 {
  const d = "C:\\t_threads";
  ok(mkdir(d), "CreateDirectoryW");
  const N: u32 = 300;

  // two threads, two files
  const a = block(0, d + "\\a.txt", "a", N), b = block(0, d + "\\b.txt", "b", N);
  runAll([a, b]);
  eq(load<u32>(a, 16), 0, "thread a's writes succeeded");
  eq(load<u32>(b, 16), 0, "thread b's writes succeeded");
  eq(records(readFile(d + "\\a.txt"), "a"), <i32>N, "a.txt has thread a's records");
  eq(records(readFile(d + "\\b.txt"), "b"), <i32>N, "b.txt has thread b's records");

  // two threads, one handle: the file pointer is shared, and no write lands on another
  const h = cf(d + "\\one.txt", GENERIC_WRITE, 0, CREATE_ALWAYS);
  const x = block(h, "", "x", N), y = block(h, "", "y", N);
  runAll([x, y]);
  eq(load<u32>(x, 16) | load<u32>(y, 16), 0, "both threads' writes succeeded");
  eq(tell(h), 16 * N, "the pointer moved by every write");
  CloseHandle(h);
  const one = readFile(d + "\\one.txt");
  eq(one.length, <i32>(16 * N), "every record is in the file");
  eq(records(one, "x"), <i32>N, "all of x's records, none torn");
  eq(records(one, "y"), <i32>N, "all of y's records");

  // two threads, one file opened twice: appends through append-only handles
  const ap = d + "\\append.txt";
  const h1 = cf(ap, FILE_APPEND_DATA, FILE_SHARE_READ | FILE_SHARE_WRITE, CREATE_ALWAYS);
  const h2 = cf(ap, FILE_APPEND_DATA, FILE_SHARE_READ | FILE_SHARE_WRITE, OPEN_EXISTING);
  const p = block(h1, "", "p", N), q = block(h2, "", "q", N);
  runAll([p, q]);
  CloseHandle(h1);
  CloseHandle(h2);
  const both = readFile(ap);
  eq(both.length, <i32>(16 * N), "appends from two handles all arrive");
  eq(records(both, "p"), <i32>N, "p's records");
  eq(records(both, "q"), <i32>N, "q's records");

  // two threads create the same new files at once with OPEN_ALWAYS: every open succeeds
  const M = 40;
  const names = shared(4 * M);
  for (let i = 0; i < M; i++) store<usize>(names + 4 * i, W(d + "\\race" + i.toString() + ".txt"));
  const cb = [shared(40), shared(40)];
  const ths = shared(8);
  for (let t = 0; t < 2; t++) {
    store<usize>(cb[t], names);
    store<u32>(cb[t], M, 4);
    store<u8>(cb[t] + 8, <u8>(0x30 + t));
    store<u32>(ths + 4 * t, CreateThread(0, 0, creator.index, cb[t], 0, 0));
  }
  WaitForMultipleObjects(2, ths, 1, INFINITE);
  CloseHandle(load<u32>(ths));
  CloseHandle(load<u32>(ths, 4));
  eq(load<u32>(cb[0], 12) + load<u32>(cb[1], 12), 0, "no OPEN_ALWAYS failed (last error " + load<u32>(cb[0], 16).toString() + "/" +
    load<u32>(cb[1], 16).toString() + ")");
  let twice = 0;
  for (let i = 0; i < M; i++) if (readFile(d + "\\race" + i.toString() + ".txt").length == 16) twice++;
  eq(twice, M, "each file got both threads' records");

  // and from two processes at once
  const c1 = startChild("append " + d + "\\procs.txt 200 m"), c2 = startChild("append " + d + "\\procs.txt 200 n");
  eq(exitCode(c1), 0, "child 1 appended");
  eq(exitCode(c2), 0, "child 2 appended");
  CloseHandle(c1);
  CloseHandle(c2);
  const procs = readFile(d + "\\procs.txt");
  eq(records(procs, "m"), 200, "child 1's records");
  eq(records(procs, "n"), 200, "child 2's records");
  return done();
}

// ---------- read-only files (the host made C:\\readonly.txt read-only; the in-memory store has none) ----------

export function test_readonly(): i32 {
  const f = "C:\\readonly.txt";
  const a = attrs(f);
  if (a == INVALID_FILE_ATTRIBUTES) return done(); // not set up on this file system
  eq(a, FILE_ATTRIBUTE_READONLY | FILE_ATTRIBUTE_ARCHIVE, "GetFileAttributesW: FILE_ATTRIBUTE_READONLY (and ARCHIVE)");
  eq(readFile(f), "read only", "it can be read");
  eq(cfe(f, GENERIC_WRITE, SHARE_ALL, OPEN_EXISTING), BAD, "opened for writing");
  eq(lastErr, ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED");
  eq(cfe(f, GENERIC_READ, SHARE_ALL, CREATE_ALWAYS), BAD, "CREATE_ALWAYS over it");
  eq(lastErr, ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED");
  eq(DeleteFileW(W(f)), 0, "DeleteFileW");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED");
  ok(mkdir("C:\\t_ro"), "CreateDirectoryW");
  ok(writeFile("C:\\t_ro\\src.txt", "src"), "a source");
  eq(CopyFileW(W("C:\\t_ro\\src.txt"), W(f), 0), 0, "CopyFileW onto it");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED");
  eq(MoveFileExW(W("C:\\t_ro\\src.txt"), W(f), MOVEFILE_REPLACE_EXISTING), 0, "MoveFileExW onto it");
  eq(GetLastError(), ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED");
  eq(readFile(f), "read only", "unchanged");
  return done();
}

// ---------- for the host side: a file the TypeScript test reads from the root ----------

export function test_host_sees_writes(): i32 {
  ok(writeFile("C:\\out.txt", "written by the guest\r\n"), "C:\\out.txt");
  ok(mkdir("C:\\t_host"), "C:\\t_host");
  ok(writeFile("C:/t_host/Nested.Txt", "nested"), "C:\\t_host\\Nested.Txt");
  eq(readFile("C:\\from-host.txt"), "put there by the host", "a file the host put in the root");
  return done();
}
