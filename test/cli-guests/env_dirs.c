/* What `ntwasm run --env/--inherit-env/--dir` give a guest, seen through Win32 calls: environment
   variables, GetTempPath/GetTempFileName, and files in mapped directories (read-only ones refuse
   changes with ERROR_ACCESS_DENIED, ntwasm's documented choice for `:ro`, as a read-only share does).
   Usage: env_dirs <command> <argument>..., one line of output per argument. */
#include <windows.h>
#include <stdio.h>
#include <wchar.h>

static void report(const wchar_t *what, const wchar_t *arg, BOOL ok) {
  if (ok) wprintf(L"%ls %ls: ok\n", what, arg);
  else wprintf(L"%ls %ls: error %lu\n", what, arg, GetLastError());
}

int wmain(int argc, wchar_t **argv) {
  if (argc < 2) return 2;
  const wchar_t *cmd = argv[1];
  if (!wcscmp(cmd, L"temp")) {
    wchar_t dir[MAX_PATH], name[MAX_PATH];
    DWORD n = GetTempPathW(MAX_PATH, dir);
    wprintf(L"GetTempPath: %ls\n", n ? dir : L"(failed)");
    UINT u = GetTempFileNameW(dir, L"ntw", 0, name);
    wprintf(L"GetTempFileName: %ls\n", u ? L"ok" : L"failed");
    if (u) report(L"DeleteFile", L"(the temporary file)", DeleteFileW(name));
    return 0;
  }
  if (!wcscmp(cmd, L"count")) {
    int n = 0;
    wchar_t *block = GetEnvironmentStringsW();
    for (wchar_t *p = block; *p; p += wcslen(p) + 1) if (*p != L'=') n++;
    FreeEnvironmentStringsW(block);
    wprintf(L"%d variables\n", n);
    return 0;
  }
  for (int i = 2; i < argc; i++) {
    const wchar_t *a = argv[i];
    if (!wcscmp(cmd, L"env")) {
      wchar_t v[512];
      DWORD n = GetEnvironmentVariableW(a, v, 512);
      if (n && n < 512) wprintf(L"%ls=%ls\n", a, v);
      else wprintf(L"%ls is not set\n", a);
    } else if (!wcscmp(cmd, L"read")) {
      HANDLE h = CreateFileW(a, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
      if (h == INVALID_HANDLE_VALUE) { report(L"read", a, FALSE); continue; }
      char buf[256]; DWORD got = 0;
      ReadFile(h, buf, sizeof buf - 1, &got, NULL);
      buf[got] = 0;
      CloseHandle(h);
      wprintf(L"read %ls: %hs\n", a, buf);
    } else if (!wcscmp(cmd, L"write")) {
      HANDLE h = CreateFileW(a, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
      if (h == INVALID_HANDLE_VALUE) { report(L"write", a, FALSE); continue; }
      DWORD put = 0;
      BOOL ok = WriteFile(h, "written by the guest", 20, &put, NULL);
      CloseHandle(h);
      report(L"write", a, ok);
    } else if (!wcscmp(cmd, L"open-write")) {
      HANDLE h = CreateFileW(a, GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
      report(L"open for writing", a, h != INVALID_HANDLE_VALUE);
      if (h != INVALID_HANDLE_VALUE) CloseHandle(h);
    } else if (!wcscmp(cmd, L"delete")) {
      report(L"delete", a, DeleteFileW(a));
    } else if (!wcscmp(cmd, L"mkdir")) {
      report(L"mkdir", a, CreateDirectoryW(a, NULL));
    } else if (!wcscmp(cmd, L"attrs")) {
      DWORD at = GetFileAttributesW(a);
      if (at == INVALID_FILE_ATTRIBUTES) report(L"attributes of", a, FALSE);
      else wprintf(L"%ls:%ls%ls\n", a, at & FILE_ATTRIBUTE_DIRECTORY ? L" directory" : L" file", at & FILE_ATTRIBUTE_READONLY ? L" read-only" : L"");
    } else if (!wcscmp(cmd, L"list")) {
      WIN32_FIND_DATAW fd;
      wchar_t pattern[MAX_PATH];
      swprintf(pattern, MAX_PATH, L"%ls\\*", a);
      HANDLE f = FindFirstFileW(pattern, &fd);
      if (f == INVALID_HANDLE_VALUE) { report(L"list", a, FALSE); continue; }
      wprintf(L"list %ls:", a);
      do if (wcscmp(fd.cFileName, L".") && wcscmp(fd.cFileName, L"..")) wprintf(L" %ls", fd.cFileName); while (FindNextFileW(f, &fd));
      wprintf(L"\n");
      FindClose(f);
    } else return 2;
  }
  return 0;
}
