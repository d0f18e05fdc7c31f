// The sandbox's escape corpus (test/file-sandbox.test.ts): every path below tries to name something
// outside the directory mapped to C:\ — "..", NT and device paths, UNC, other drives, drive-relative
// paths, the host's own absolute path of the outside directory (environment OUTSIDE, in '/' form; the
// corpus makes the '\' form), trailing dots and spaces, streams, DOS devices, over-long and
// NUL-embedded names, and the symbolic links the test put in the root. Each path goes through every
// file call. A call may fail or may stay inside the root; the guest checks that nothing it can read
// or list is the outside's (secret.txt's text; a marker file whose random name the guest never
// creates), and the host checks the outside directory byte for byte afterwards. Files the corpus
// creates inside the root may well be called secret.txt: only the outside's text and marker count.
import {
  CloseHandle, CopyFileW, CreateDirectoryW, CreateFileA, CreateFileW, DeleteFileW, FindClose, FindFirstFileW,
  FindNextFileW, GENERIC_READ, GENERIC_WRITE, GetCurrentDirectoryW, GetEnvironmentVariableW, GetFileAttributesW,
  GetFullPathNameW, INVALID_FILE_ATTRIBUTES, MoveFileExW, MoveFileW, MOVEFILE_REPLACE_EXISTING, CREATE_ALWAYS, CREATE_NEW,
  OPEN_ALWAYS, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, FILE_SHARE_DELETE, FILE_SHARE_READ, FILE_SHARE_WRITE, ReadFile,
  RemoveDirectoryW, SetCurrentDirectoryW, CreateProcessW, WaitForSingleObject, INFINITE, SetEndOfFile, WriteFile, DELETE, TRUNCATE_EXISTING,
} from "../ntwasm";
import { A, println, W } from "../lib/win";
import { done, eq, ok, shared } from "../lib/test";

const BAD: u32 = 0xffffffff;
const SHARE_ALL: u32 = FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE;

function env(name: string): string {
  const buf = shared(4096);
  const n = GetEnvironmentVariableW(W(name), buf, 2048);
  return String.UTF16.decodeUnsafe(buf, n << 1);
}

let secret = "", marker = "";
let opened = 0, listed = 0, made = 0;

/** Reads what `h` gives and checks that it is not the secret. */
function checkRead(h: u32, what: string): void {
  const buf = shared(4096), cnt = shared(4);
  if (ReadFile(h, buf, 4096, cnt, 0)) {
    const text = String.UTF8.decodeUnsafe(buf, load<u32>(cnt));
    ok(!text.includes(secret), "read the outside's secret through " + what);
  }
}

function tryOpen(path: string, access: u32, disposition: u32, flags: u32 = 0): void {
  const h = CreateFileW(W(path), access, SHARE_ALL, 0, disposition, flags, 0);
  if (h == BAD) return;
  opened++;
  if (access & GENERIC_READ) checkRead(h, "CreateFileW(" + path + ")");
  if (access & GENERIC_WRITE) {
    const cnt = shared(4);
    WriteFile(h, A("PWNED"), 5, cnt, 0);
    SetEndOfFile(h);
  }
  CloseHandle(h);
}

function tryList(pattern: string): void {
  const fd = shared(592);
  const h = FindFirstFileW(W(pattern), fd);
  if (h == BAD) return;
  listed++;
  do {
    let n: usize = 0;
    while (load<u16>(fd + 44 + (n << 1))) n++;
    const name = String.UTF16.decodeUnsafe(fd + 44, n << 1);
    ok(name != marker, "listed the outside's marker through " + pattern);
  } while (FindNextFileW(h, fd));
  FindClose(h);
}

function attempt(p: string): void {
  const sep = p.endsWith("\\") || p.endsWith("/") ? "" : "\\";
  // reading and listing: nothing of the outside may come back
  tryOpen(p, GENERIC_READ, OPEN_EXISTING);
  tryOpen(p + sep + "secret.txt", GENERIC_READ, OPEN_EXISTING);
  tryOpen(p, GENERIC_READ, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS);
  const ah = CreateFileA(A(p + sep + "secret.txt"), GENERIC_READ, SHARE_ALL, 0, OPEN_EXISTING, 0, 0);
  if (ah != BAD) { checkRead(ah, "CreateFileA(" + p + ")"); CloseHandle(ah); }
  eq(GetFileAttributesW(W(p + sep + marker)), INVALID_FILE_ATTRIBUTES, "GetFileAttributesW(" + p + sep + marker + ")");
  tryList(p + sep + "*");
  tryList(p + sep + marker);
  tryList(p + sep + "marker-*");
  tryList(p);
  // writing, creating, deleting, renaming, copying: the host checks the outside afterwards
  tryOpen(p, GENERIC_READ | GENERIC_WRITE, OPEN_EXISTING);
  tryOpen(p + sep + "secret.txt", GENERIC_READ | GENERIC_WRITE, OPEN_EXISTING);
  tryOpen(p + sep + "secret.txt", GENERIC_WRITE, TRUNCATE_EXISTING);
  tryOpen(p + sep + "secret.txt", GENERIC_WRITE, CREATE_ALWAYS);
  tryOpen(p + sep + "new.txt", GENERIC_WRITE, CREATE_NEW);
  tryOpen(p + sep + "new2.txt", GENERIC_WRITE, OPEN_ALWAYS);
  tryOpen(p, GENERIC_WRITE, CREATE_ALWAYS);
  tryOpen(p + sep + "secret.txt", DELETE, OPEN_EXISTING);
  DeleteFileW(W(p + sep + "secret.txt"));
  DeleteFileW(W(p));
  RemoveDirectoryW(W(p + sep + "sub"));
  RemoveDirectoryW(W(p));
  if (CreateDirectoryW(W(p + sep + "newdir"), 0)) made++;
  if (CreateDirectoryW(W(p), 0)) made++;
  MoveFileW(W(p + sep + "secret.txt"), W("C:\\moved.txt"));
  MoveFileW(W(p + sep + "sub"), W("C:\\moved-dir"));
  MoveFileExW(W("C:\\bait.txt"), W(p + sep + "secret.txt"), MOVEFILE_REPLACE_EXISTING);
  MoveFileW(W("C:\\bait.txt"), W(p + sep + "bait.txt"));
  MoveFileW(W("C:\\bait.txt"), W(p));
  if (GetFileAttributesW(W("C:\\bait.txt")) == INVALID_FILE_ATTRIBUTES) { // it moved (inside the root): put it back
    const h = CreateFileW(W("C:\\bait.txt"), GENERIC_WRITE, 0, 0, CREATE_ALWAYS, 0, 0);
    WriteFile(h, A("bait"), 4, shared(4), 0);
    CloseHandle(h);
  }
  CopyFileW(W(p + sep + "secret.txt"), W("C:\\copied.txt"), 0);
  CopyFileW(W(p), W("C:\\copied2.txt"), 0);
  CopyFileW(W("C:\\bait.txt"), W(p + sep + "copied.txt"), 0);
  CopyFileW(W("C:\\bait.txt"), W(p + sep + "secret.txt"), 0);
  CopyFileW(W("C:\\bait.txt"), W(p), 0);
  tryOpen("C:\\copied.txt", GENERIC_READ, OPEN_EXISTING);
  tryOpen("C:\\copied2.txt", GENERIC_READ, OPEN_EXISTING);
  tryOpen("C:\\moved.txt", GENERIC_READ, OPEN_EXISTING);
  // the current directory: wherever it lands, relative names stay inside
  if (SetCurrentDirectoryW(W(p))) {
    const buf = shared(1024);
    GetCurrentDirectoryW(512, buf);
    tryOpen("secret.txt", GENERIC_READ, OPEN_EXISTING);
    tryOpen("..\\secret.txt", GENERIC_READ, OPEN_EXISTING);
    tryOpen("..\\outside\\secret.txt", GENERIC_READ, OPEN_EXISTING);
    eq(GetFileAttributesW(W(marker)), INVALID_FILE_ATTRIBUTES, "the marker relative to " + p);
    eq(GetFileAttributesW(W("..\\outside\\" + marker)), INVALID_FILE_ATTRIBUTES, "..\\outside\\marker relative to " + p);
    tryList("*");
    tryOpen("cwd-file.txt", GENERIC_WRITE, CREATE_ALWAYS);
  }
  ok(SetCurrentDirectoryW(W("C:\\")) != 0, "back to C:\\");
  // a child started in that directory (its program prints nothing and exits)
  const pi = shared(16);
  if (CreateProcessW(0, W("C:\\files_child.wasm cwd C:\\"), 0, 0, 0, 0, 0, W(p), 0, pi)) {
    WaitForSingleObject(load<u32>(pi), INFINITE);
    CloseHandle(load<u32>(pi));
    CloseHandle(load<u32>(pi, 4));
  }
  GetFullPathNameW(W(p), 512, shared(1024), shared(4));
}

export function test_escape(): i32 {
  secret = env("SECRET");
  marker = env("MARKER");
  const out = env("OUTSIDE"); // the outside directory's host path, '/'-separated
  ok(secret.length > 8 && marker.length > 8 && out.startsWith("/"), "the host passed SECRET, MARKER and OUTSIDE");
  const outB = out.replaceAll("/", "\\");
  let long = "C:\\";
  for (let i = 0; i < 300; i++) long += "a";
  const corpus: string[] = [
    "..", "..\\outside", "..\\..\\outside", "..\\..\\..\\..\\..\\..\\..\\..\\outside", "../outside", "..\\../outside",
    "C:\\..\\outside", "C:\\..\\..\\..\\outside", "C:/../outside", "C:\\../..\\/outside", "\\..\\outside", "/../outside",
    "//..//outside", "C:..\\outside", "C:..\\..\\outside", "C:.\\..\\outside",
    "\\\\?\\C:\\..\\outside", "\\\\?\\C:\\", "\\\\?\\" + outB, "\\\\?\\UNC\\localhost\\c$\\..\\outside",
    "\\\\.\\C:\\outside", "\\\\.\\C:\\..\\outside", "\\\\.\\GLOBALROOT\\..\\outside", "\\??\\C:\\..\\outside",
    "\\\\localhost\\c$\\..\\outside", "\\\\127.0.0.1\\C$\\..\\..\\outside", "//localhost/c$/../outside", "\\\\server\\share",
    "D:\\outside", "d:..\\outside", "Z:\\", "1:\\outside",
    out, outB, "C:" + out, "C:" + outB, out + "/", "\\\\?\\UNC" + outB, out + "/../outside", "C:\\realdir" + outB,
    "...\\outside", "..." , ".. \\outside", "..  .\\outside", ". .\\..\\outside", "..\t\\outside", "C:\\outlink.", "C:\\outlink ",
    "C:\\outlink. . .", "C:\\outlink::$DATA", "C:\\outlink:stream", "C:\\secretlink:x", "C:\\..:\\outside",
    "CON", "NUL", "AUX", "COM1", "LPT1.txt", "C:\\realdir\\nul.txt", "CONIN$", "C:\\con .txt",
    long + "\\..\\..\\outside", "C:\\ok\u0000..\\..\\outside", "C:\\\uff0e\uff0e\\outside", "C:\\%2e%2e\\outside",
    "C:\\outlink", "C:\\OUTLINK", "C:\\outabs", "C:\\secretlink", "C:\\SecretLink", "C:\\dangling", "C:\\rootlink",
    "C:\\rootlink" + outB, "C:\\chain1", "C:\\chain1\\..\\outlink", "C:\\loop1", "C:\\realdir\\up", "C:\\realdir\\..\\outlink",
    "C:\\realdir\\..\\..\\outside", "C:\\inner\\..\\..\\outside", "C:\\inner\\uplink", "outlink", "realdir\\..\\..\\outside",
  ];
  for (let i = 0; i < corpus.length; i++) attempt(corpus[i]);
  // the links inside the root still work
  eq(GetFileAttributesW(W("C:\\inner\\ok.txt")), 0x20, "a link to a directory inside the root works");
  println(corpus.length.toString() + " paths; opened " + opened.toString() + ", listed " + listed.toString() + ", made " + made.toString());
  return done();
}
