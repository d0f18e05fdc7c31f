/*
 * GetSystemInfo, GetVersionEx/GetVersion, GetComputerName/GetUserName buffer rules, IsDebuggerPresent,
 * SetErrorMode/GetErrorMode. Only fields that are the same on every machine are printed.
 * The version is ntwasm's documented fixed answer (Windows 10.0 build 19045, as Windows tells programs
 * manifested for Windows 10); every other line was confirmed with mingw-w64 + Wine 8.0.
 */
#include <windows.h>
#include <stdio.h>

int main(void) {
  SYSTEM_INFO si;
  GetSystemInfo(&si);
  printf("page size %lu, allocation granularity %lu, lowest address 0x%lx, processors >= 1: %d, mask matches: %d\n",
         si.dwPageSize, si.dwAllocationGranularity, (unsigned long)(ULONG_PTR)si.lpMinimumApplicationAddress,
         si.dwNumberOfProcessors >= 1, (si.dwActiveProcessorMask & 1) == 1);
  SYSTEM_INFO native;
  GetNativeSystemInfo(&native);
  printf("GetNativeSystemInfo: same page size %d\n", native.dwPageSize == si.dwPageSize);

  OSVERSIONINFOW vi = { sizeof vi };
  BOOL ok = GetVersionExW(&vi);
  printf("GetVersionExW: %d, Windows %lu.%lu build %lu, platform %lu (VER_PLATFORM_WIN32_NT %d), service pack \"%s\"\n", ok,
         vi.dwMajorVersion, vi.dwMinorVersion, vi.dwBuildNumber, vi.dwPlatformId, vi.dwPlatformId == VER_PLATFORM_WIN32_NT,
         vi.szCSDVersion[0] ? "?" : "");
  OSVERSIONINFOEXA vx = { sizeof vx };
  ok = GetVersionExA((LPOSVERSIONINFOA)&vx);
  printf("GetVersionExA (EX): %d, %lu.%lu, workstation %d, service pack %u.%u\n", ok, vx.dwMajorVersion, vx.dwMinorVersion,
         vx.wProductType == VER_NT_WORKSTATION, vx.wServicePackMajor, vx.wServicePackMinor);
  DWORD v = GetVersion();
  printf("GetVersion: %lu.%lu build %lu, NT %d\n", v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0x7FFF, (v & 0x80000000) == 0);
  OSVERSIONINFOA bad = { sizeof bad - 1 };
  SetLastError(0);
  ok = GetVersionExA(&bad);
  DWORD e = GetLastError();
  printf("wrong size: %d, error %lu\n", ok, e);

  char name[256];
  DWORD size = 1;
  SetLastError(0);
  ok = GetComputerNameA(name, &size);
  e = GetLastError();
  DWORD needed = size;
  printf("GetComputerNameA, 1 byte: %d, error %lu\n", ok, e);
  size = sizeof name;
  ok = GetComputerNameA(name, &size);
  printf("GetComputerNameA: %d, the size asked for counted the NUL: %d, the length returned: %d\n", ok,
         needed == size + 1, size == strlen(name));
  WCHAR wname[256];
  size = 256;
  ok = GetComputerNameW(wname, &size);
  printf("GetComputerNameW: %d, length %d\n", ok, size == wcslen(wname));

  size = 1;
  SetLastError(0);
  ok = GetUserNameA(name, &size);
  e = GetLastError();
  needed = size;
  printf("GetUserNameA, 1 byte: %d, error %lu\n", ok, e);
  size = sizeof name;
  ok = GetUserNameA(name, &size);
  printf("GetUserNameA: %d, size with the NUL: %d, same size asked for: %d\n", ok, size == strlen(name) + 1, needed == size);

  printf("IsDebuggerPresent: %d\n", IsDebuggerPresent());
  UINT old = SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);
  UINT now = GetErrorMode();
  UINT back = SetErrorMode(old);
  printf("SetErrorMode: then GetErrorMode 0x%x, SetErrorMode returns it 0x%x\n", now, back);
  printf("Beep: %d\n", Beep(440, 0));
  return 0;
}
