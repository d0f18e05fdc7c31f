/*
 * DeleteFile of a file that is open, shared for delete: the file becomes "delete pending" and goes
 * when the last handle to it closes, in whichever process that is. Until then the handles keep
 * reading and writing it, the name stays in its directory (FindFirstFile lists it, RemoveDirectory of
 * the directory fails with ERROR_DIR_NOT_EMPTY), and every new open fails with ERROR_ACCESS_DENIED
 * (STATUS_DELETE_PENDING), as DeleteFile, MoveFile, CopyFile and GetFileAttributes do. Then the name
 * is free again. Also: DeleteFile with an open that does not share delete (ERROR_SHARING_VIOLATION),
 * two opens of the file, a duplicated handle, and an inherited handle held by a child process that
 * ends without closing it.
 *
 * Expected values: Microsoft's DeleteFile documentation ("marks a file for deletion on close ...
 * Subsequent calls to CreateFile to open the file fail with ERROR_ACCESS_DENIED"), the FastFAT sample
 * driver's create path (STATUS_DELETE_PENDING for any open of a delete-pending file, before the
 * disposition is looked at) and Wine's kernel32 tests (DeleteFile of an open file shared for delete
 * succeeds; once the handle closes a second DeleteFile fails); confirmed with mingw-w64 + Wine 8.0
 * except where Wine differs from Windows: Wine lets new opens, GetFileAttributes, DeleteFile, MoveFile
 * and CopyFile of a delete-pending file succeed. (Windows 10 1903 and later delete with POSIX
 * semantics on NTFS instead: the name goes at once. This is the documented behaviour, which FAT and
 * ReFS keep.)
 */
#ifndef UNICODE
#define UNICODE
#endif
#ifndef _UNICODE
#define _UNICODE
#endif
#include <windows.h>
#include <tchar.h>
#include <stdio.h>

static const TCHAR *kFile = TEXT("pending\\data.txt");

static HANDLE open_shared(DWORD disposition) {
  return CreateFile(kFile, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                    NULL, disposition, FILE_ATTRIBUTE_NORMAL, NULL);
}

static void write_text(HANDLE h, const char *text) {
  DWORD n = 0;
  WriteFile(h, text, (DWORD)strlen(text), &n, NULL);
}

static void read_all(const char *who, HANDLE h) {
  char buf[64];
  DWORD n = 0;
  SetFilePointer(h, 0, NULL, FILE_BEGIN);
  BOOL ok = ReadFile(h, buf, sizeof buf - 1, &n, NULL);
  buf[ok ? n : 0] = 0;
  printf("%s: ReadFile %d, \"%s\"\n", who, ok, buf);
}

static void try_open(const char *what, DWORD access, DWORD share, DWORD disposition) {
  SetLastError(0);
  HANDLE h = CreateFile(kFile, access, share, NULL, disposition, FILE_ATTRIBUTE_NORMAL, NULL);
  printf("  %s: %s, error %lu\n", what, h == INVALID_HANDLE_VALUE ? "fails" : "opens", GetLastError());
  if (h != INVALID_HANDLE_VALUE) CloseHandle(h);
}

static void show_state(const char *when) {
  WIN32_FIND_DATA fd;
  printf("%s:\n", when);
  SetLastError(0);
  DWORD attrs = GetFileAttributes(kFile);
  printf("  GetFileAttributes: %s, error %lu\n", attrs == INVALID_FILE_ATTRIBUTES ? "fails" : "succeeds", GetLastError());
  HANDLE find = FindFirstFile(kFile, &fd);
  if (find != INVALID_HANDLE_VALUE) {
    printf("  FindFirstFile: lists %ls\n", fd.cFileName);
    FindClose(find);
  } else {
    printf("  FindFirstFile: error %lu\n", GetLastError());
  }
}

static void pending_checks(void) {
  try_open("OPEN_EXISTING for reading, sharing all", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, OPEN_EXISTING);
  try_open("OPEN_EXISTING with no access", 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, OPEN_EXISTING);
  try_open("OPEN_ALWAYS", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, OPEN_ALWAYS);
  try_open("CREATE_ALWAYS", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, CREATE_ALWAYS);
  try_open("CREATE_NEW", GENERIC_WRITE, 0, CREATE_NEW);
  SetLastError(0);
  BOOL ok = DeleteFile(kFile);
  printf("  DeleteFile again: %d, error %lu\n", ok, GetLastError());
  SetLastError(0);
  ok = MoveFile(kFile, TEXT("pending\\moved.txt"));
  printf("  MoveFile: %d, error %lu\n", ok, GetLastError());
  SetLastError(0);
  ok = CopyFile(kFile, TEXT("pending\\copy.txt"), FALSE);
  printf("  CopyFile: %d, error %lu\n", ok, GetLastError());
  SetLastError(0);
  ok = RemoveDirectory(TEXT("pending"));
  printf("  RemoveDirectory of its directory: %d, error %lu\n", ok, GetLastError());
}

static int child(HANDLE h) {
  /* the parent has closed its handles: this inherited one keeps the file */
  read_all("child", h);
  write_text(h, "+child");
  try_open("child: OPEN_EXISTING", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, OPEN_EXISTING);
  fflush(stdout);
  return 3; /* ends without closing it */
}

int _tmain(int argc, TCHAR *argv[]) {
  if (argc == 3 && _tcscmp(argv[1], TEXT("child")) == 0) return child((HANDLE)(INT_PTR)_ttoi(argv[2]));

  CreateDirectory(TEXT("pending"), NULL);
  HANDLE h = open_shared(CREATE_ALWAYS);
  write_text(h, "hello");

  /* an open that does not share delete keeps DeleteFile away */
  HANDLE locker = CreateFile(kFile, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
  SetLastError(0);
  BOOL ok = DeleteFile(kFile);
  printf("DeleteFile while an open does not share delete: %d, error %lu\n", ok, GetLastError());
  CloseHandle(locker);

  /* a second open, shared for delete too */
  HANDLE second = open_shared(OPEN_EXISTING);
  SetLastError(0);
  ok = DeleteFile(kFile);
  printf("DeleteFile while open, shared for delete: %d, error %lu\n", ok, GetLastError());
  show_state("delete pending");
  pending_checks();

  /* the handles still work */
  SetFilePointer(h, 0, NULL, FILE_END);
  write_text(h, " world");
  read_all("first handle", h);
  read_all("second handle", second);
  printf("GetFileSize: %lu\n", GetFileSize(second, NULL));

  CloseHandle(second);
  show_state("after closing the second open");

  /* a duplicate of the first, then an inheritable duplicate for a child */
  HANDLE dup = NULL, inheritable = NULL;
  DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &dup, 0, FALSE, DUPLICATE_SAME_ACCESS);
  DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &inheritable, 0, TRUE, DUPLICATE_SAME_ACCESS);
  CloseHandle(h);
  read_all("duplicate", dup);
  CloseHandle(dup);

  TCHAR self[MAX_PATH], cmd[MAX_PATH + 32];
  GetModuleFileName(NULL, self, MAX_PATH);
  wsprintf(cmd, TEXT("\"%s\" child %d"), self, (int)(INT_PTR)inheritable);
  STARTUPINFO si;
  PROCESS_INFORMATION pi;
  ZeroMemory(&si, sizeof si);
  si.cb = sizeof si;
  fflush(stdout);
  if (!CreateProcess(NULL, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
    printf("CreateProcess failed (%lu)\n", GetLastError());
    return 1;
  }
  CloseHandle(inheritable); /* the child's copy is the last handle now */
  WaitForSingleObject(pi.hProcess, INFINITE);
  DWORD code = 0;
  GetExitCodeProcess(pi.hProcess, &code);
  printf("child exit code %lu\n", code);
  CloseHandle(pi.hThread);
  CloseHandle(pi.hProcess);

  show_state("after the child ended");
  SetLastError(0);
  ok = DeleteFile(kFile);
  printf("DeleteFile: %d, error %lu\n", ok, GetLastError());
  h = CreateFile(kFile, GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
  printf("CREATE_NEW of the name: %s\n", h != INVALID_HANDLE_VALUE ? "creates it" : "fails");
  CloseHandle(h);
  /* with no handle open, DeleteFile deletes at once */
  ok = DeleteFile(kFile);
  printf("DeleteFile with no open handle: %d, then GetFileAttributes %s\n", ok,
         GetFileAttributes(kFile) == INVALID_FILE_ATTRIBUTES ? "fails" : "succeeds");
  printf("RemoveDirectory: %d\n", RemoveDirectory(TEXT("pending")));
  return 0;
}
