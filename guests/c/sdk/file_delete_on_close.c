/*
 * CreateFile with FILE_FLAG_DELETE_ON_CLOSE: the file goes when the last handle to that open closes,
 * its duplicates and inherited copies included. kernel32 asks for DELETE access with the flag, so the
 * open takes part in share checks as a deleter: a later open must share delete
 * (ERROR_SHARING_VIOLATION otherwise). A later open that shares delete works and keeps the file when
 * it closes first; when the delete-on-close open closes first, the file is delete pending until the
 * other closes: new opens fail with ERROR_ACCESS_DENIED. A read-only file cannot be opened so
 * (ERROR_ACCESS_DENIED) and stays. Also an existing file opened with OPEN_EXISTING, and a handle
 * inherited by a child process that holds the file after the parent closed its own.
 *
 * Expected values: Microsoft's CreateFile documentation for FILE_FLAG_DELETE_ON_CLOSE ("deleted
 * immediately after all of its handles are closed, which includes the specified handle and any other
 * open or duplicated handles ... Subsequent open requests for the file fail, unless the
 * FILE_SHARE_DELETE share mode is specified"), Wine's kernelbase (the flag adds DELETE to the access)
 * and Wine's ntdll tests (a duplicated handle keeps the file; STATUS_CANNOT_DELETE for a read-only
 * file); confirmed with mingw-w64 + Wine 8.0, except GetFileAttributes and the open of the
 * delete-pending file, which Wine lets succeed and Windows refuses with ERROR_ACCESS_DENIED
 * (STATUS_DELETE_PENDING, as the FastFAT sample driver returns for any open of such a file).
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

#define SHARE_ALL (FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE)

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
  printf("  %s: ReadFile %d, \"%s\"\n", who, ok, buf);
}

static void exists(const TCHAR *name) {
  SetLastError(0);
  DWORD attrs = GetFileAttributes(name);
  if (attrs == INVALID_FILE_ATTRIBUTES) printf("  GetFileAttributes: fails, error %lu\n", GetLastError());
  else printf("  GetFileAttributes: 0x%lx\n", attrs);
}

static HANDLE try_open(const char *what, const TCHAR *name, DWORD access, DWORD share) {
  SetLastError(0);
  HANDLE h = CreateFile(name, access, share, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
  printf("  %s: %s, error %lu\n", what, h == INVALID_HANDLE_VALUE ? "fails" : "opens", GetLastError());
  return h;
}

static int child(HANDLE h, HANDLE ready, HANDLE go) {
  read_all("child, inherited handle", h);
  fflush(stdout);
  SetEvent(ready);
  WaitForSingleObject(go, INFINITE);
  return 0; /* ends holding it */
}

int _tmain(int argc, TCHAR *argv[]) {
  if (argc == 5 && _tcscmp(argv[1], TEXT("child")) == 0)
    return child((HANDLE)(INT_PTR)_ttoi(argv[2]), (HANDLE)(INT_PTR)_ttoi(argv[3]), (HANDLE)(INT_PTR)_ttoi(argv[4]));
  const TCHAR *name = TEXT("doc.tmp");
  CreateDirectory(TEXT("doc"), NULL);
  SetCurrentDirectory(TEXT("doc"));

  printf("a new file, deleted on close:\n");
  HANDLE h = CreateFile(name, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ, NULL, CREATE_NEW,
                        FILE_ATTRIBUTE_NORMAL | FILE_FLAG_DELETE_ON_CLOSE, NULL);
  printf("  CreateFile: %s, error %lu\n", h == INVALID_HANDLE_VALUE ? "fails" : "opens", GetLastError());
  write_text(h, "scratch");
  exists(name);
  HANDLE h2 = try_open("an open without FILE_SHARE_DELETE", name, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE);
  if (h2 != INVALID_HANDLE_VALUE) CloseHandle(h2);
  h2 = try_open("an open that shares delete", name, GENERIC_READ, SHARE_ALL);
  read_all("second open", h2);
  CloseHandle(h2);
  printf("  the second open closed:\n");
  exists(name);
  HANDLE dup = NULL;
  DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &dup, 0, FALSE, DUPLICATE_SAME_ACCESS);
  CloseHandle(h);
  printf("  the first handle closed, a duplicate open:\n");
  exists(name);
  read_all("duplicate", dup);
  CloseHandle(dup);
  printf("  the duplicate closed:\n");
  exists(name);

  printf("the delete-on-close open closes first:\n");
  h = CreateFile(name, GENERIC_WRITE, SHARE_ALL, NULL, CREATE_ALWAYS, FILE_FLAG_DELETE_ON_CLOSE, NULL);
  write_text(h, "pending");
  h2 = try_open("an open that shares delete", name, GENERIC_READ, SHARE_ALL);
  CloseHandle(h);
  printf("  the delete-on-close handle closed:\n");
  exists(name);
  HANDLE h3 = try_open("an open", name, GENERIC_READ, SHARE_ALL);
  if (h3 != INVALID_HANDLE_VALUE) CloseHandle(h3);
  read_all("the other open", h2);
  CloseHandle(h2);
  printf("  the other open closed:\n");
  exists(name);

  printf("FILE_FLAG_DELETE_ON_CLOSE without asking for DELETE:\n");
  h = CreateFile(name, GENERIC_READ, SHARE_ALL, NULL, CREATE_NEW, FILE_FLAG_DELETE_ON_CLOSE, NULL);
  printf("  CreateFile: %s\n", h == INVALID_HANDLE_VALUE ? "fails" : "opens");
  h2 = try_open("an open without FILE_SHARE_DELETE", name, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE);
  if (h2 != INVALID_HANDLE_VALUE) CloseHandle(h2);
  CloseHandle(h);
  exists(name);

  printf("an existing file:\n");
  h = CreateFile(name, GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
  write_text(h, "kept?");
  CloseHandle(h);
  h = CreateFile(name, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_FLAG_DELETE_ON_CLOSE, NULL);
  printf("  OPEN_EXISTING with the flag: %s\n", h == INVALID_HANDLE_VALUE ? "fails" : "opens");
  read_all("it", h);
  CloseHandle(h);
  exists(name);

  printf("a read-only file:\n");
  h = CreateFile(name, GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
  CloseHandle(h);
  SetFileAttributes(name, FILE_ATTRIBUTE_READONLY);
  SetLastError(0);
  h = CreateFile(name, GENERIC_READ, SHARE_ALL, NULL, OPEN_EXISTING, FILE_FLAG_DELETE_ON_CLOSE, NULL);
  printf("  CreateFile with the flag: %s, error %lu\n", h == INVALID_HANDLE_VALUE ? "fails" : "opens", GetLastError());
  if (h != INVALID_HANDLE_VALUE) CloseHandle(h);
  exists(name);
  SetFileAttributes(name, FILE_ATTRIBUTE_NORMAL);
  printf("  DeleteFile: %d\n", DeleteFile(name));

  printf("a handle inherited by a child:\n");
  SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, TRUE };
  h = CreateFile(name, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ, &sa, CREATE_NEW, FILE_FLAG_DELETE_ON_CLOSE, NULL);
  write_text(h, "for the child");
  HANDLE ready = CreateEvent(&sa, TRUE, FALSE, NULL), go = CreateEvent(&sa, TRUE, FALSE, NULL);
  TCHAR self[MAX_PATH], cmd[MAX_PATH + 64];
  GetModuleFileName(NULL, self, MAX_PATH);
  wsprintf(cmd, TEXT("\"%s\" child %d %d %d"), self, (int)(INT_PTR)h, (int)(INT_PTR)ready, (int)(INT_PTR)go);
  STARTUPINFO si;
  PROCESS_INFORMATION pi;
  ZeroMemory(&si, sizeof si);
  si.cb = sizeof si;
  fflush(stdout);
  if (!CreateProcess(NULL, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
    printf("CreateProcess failed (%lu)\n", GetLastError());
    return 1;
  }
  WaitForSingleObject(ready, INFINITE);
  CloseHandle(h);
  printf("  the parent closed its handle, the child holds its copy:\n");
  exists(name);
  SetEvent(go);
  WaitForSingleObject(pi.hProcess, INFINITE);
  CloseHandle(pi.hThread);
  CloseHandle(pi.hProcess);
  CloseHandle(ready);
  CloseHandle(go);
  printf("  the child ended:\n");
  exists(name);

  SetCurrentDirectory(TEXT(".."));
  printf("RemoveDirectory: %d\n", RemoveDirectory(TEXT("doc")));
  return 0;
}
