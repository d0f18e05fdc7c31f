/*
 * Modules and GetProcAddress: how programs probe for optional functions. Expected output confirmed
 * with mingw-w64 + Wine 8.0 (kernel32 and ntdll export these names; the program exports none), but for
 * the drive: Wine runs programs from Z:, Windows (and ntwasm) from C:.
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

typedef BOOL (WINAPI *SET_EVENT)(HANDLE);
typedef void (WINAPI *INIT_SRW)(PSRWLOCK);
typedef LONG (NTAPI *NT_CLOSE)(HANDLE);

static const char *base_name(const char *path) {
  const char *b = path;
  for (const char *p = path; *p; p++) if (*p == '\\' || *p == '/') b = p + 1;
  return b;
}

int main(int argc, char **argv) {
  HMODULE k32 = GetModuleHandle(TEXT("kernel32.dll"));
  printf("kernel32: %s\n", k32 ? "loaded" : "missing");
  printf("KERNEL32 by LoadLibrary is the same module: %s\n", LoadLibraryA("KERNEL32") == k32 ? "yes" : "no");

  SET_EVENT set = (SET_EVENT)GetProcAddress(k32, "SetEvent");
  HANDLE ev = CreateEvent(NULL, TRUE, FALSE, NULL);
  BOOL ok = set && set(ev);
  printf("SetEvent through its address: %d, then the event is %s\n", ok,
         WaitForSingleObject(ev, 0) == WAIT_OBJECT_0 ? "signaled" : "not signaled");

  INIT_SRW init = (INIT_SRW)GetProcAddress(k32, "InitializeSRWLock");
  SRWLOCK lock;
  if (init) { init(&lock); AcquireSRWLockExclusive(&lock); ReleaseSRWLockExclusive(&lock); }
  printf("InitializeSRWLock: %s\n", init ? "present" : "absent");

  SetLastError(0);
  FARPROC none = GetProcAddress(k32, "NoSuchFunctionAnywhere");
  printf("NoSuchFunctionAnywhere: %s, error %lu\n", none ? "present" : "absent", GetLastError());

  NT_CLOSE nt_close = (NT_CLOSE)GetProcAddress(GetModuleHandleA("ntdll"), "NtClose");
  printf("NtClose: %s, closing the event returns %ld\n", nt_close ? "present" : "absent", nt_close ? nt_close(ev) : -1L);

  SetLastError(0);
  FARPROC own = GetProcAddress(GetModuleHandle(NULL), "SetEvent");
  printf("the program exports SetEvent: %s, error %lu\n", own ? "yes" : "no", GetLastError());

  SetLastError(0);
  HMODULE nosuch = GetModuleHandleA("nosuch.dll");
  printf("nosuch.dll: %s, error %lu\n", nosuch ? "loaded" : "not loaded", GetLastError());

  char path[MAX_PATH];
  DWORD n = GetModuleFileNameA(NULL, path, MAX_PATH);
  printf("module file name: %s, has a drive: %s, names argv[0]: %s\n", n == strlen(path) ? "length ok" : "bad length",
         path[1] == ':' && path[2] == '\\' ? "yes" : "no", _stricmp(base_name(path), base_name(argv[0])) == 0 ? "yes" : "no");
  char tiny[4];
  SetLastError(0);
  n = GetModuleFileNameA(NULL, tiny, sizeof tiny);
  DWORD error = GetLastError();
  /* Windows 7 and later end the truncated name with a NUL (XP did not, nor does Wine 8): not printed. */
  printf("in 4 chars: returns %lu, error %lu, starts \"%.3s\"\n", n, error, tiny);
  (void)argc;
  return 0;
}
