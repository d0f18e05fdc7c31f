/*
 * The Windows SDK's split headers (synchapi.h, fileapi.h, winerror.h...) and the MSVC runtime's
 * crtdbg.h, malloc.h, direct.h, process.h and conio.h, each included on its own before windows.h,
 * and one thing used from each. Expected output confirmed with mingw-w64 + Wine 8.0 (mingw-w64 has no
 * consoleapi.h: a one-line stand-in that includes windows.h served there).
 */
#include <basetsd.h>
#include <consoleapi.h>
#include <conio.h>
#include <crtdbg.h>
#include <debugapi.h>
#include <direct.h>
#include <errhandlingapi.h>
#include <fileapi.h>
#include <handleapi.h>
#include <heapapi.h>
#include <interlockedapi.h>
#include <ioapiset.h>
#include <libloaderapi.h>
#include <malloc.h>
#include <memoryapi.h>
#include <minwindef.h>
#include <namedpipeapi.h>
#include <process.h>
#include <processenv.h>
#include <processthreadsapi.h>
#include <profileapi.h>
#include <stringapiset.h>
#include <synchapi.h>
#include <sysinfoapi.h>
#include <timezoneapi.h>
#include <utilapiset.h>
#include <winbase.h>
#include <wincon.h>
#include <windef.h>
#include <winerror.h>
#include <winnls.h>
#include <winnt.h>
#include <winuser.h>
#include <windows.h>
#include <stdio.h>
#include <errno.h>

int main(void) {
  /* basetsd.h */
  ULONG_PTR up = (ULONG_PTR)-1;
  printf("basetsd: ULONG_PTR all ones: %s\n", up + 1 == 0 ? "wraps to 0" : "no");
  /* consoleapi.h, wincon.h */
  DWORD n = 0;
  WCHAR wbuf[8];
  SetLastError(0);
  BOOL ok = ReadConsoleW(NULL, wbuf, 8, &n, NULL);
  printf("consoleapi: ReadConsoleW(NULL) %d, error %lu\n", ok, GetLastError());
  /* conio.h */
  int (*kb)(void) = _kbhit;
  printf("conio: _kbhit is %s\n", kb ? "there" : "missing");
  /* crtdbg.h (release: no checks, no reports) */
  _ASSERTE(sizeof(int) == 4);
  printf("crtdbg: _CrtSetDbgFlag -> %d, _CrtDumpMemoryLeaks -> %d\n", _CrtSetDbgFlag(_CRTDBG_ALLOC_MEM_DF | _CRTDBG_LEAK_CHECK_DF),
         _CrtDumpMemoryLeaks());
  /* debugapi.h */
  printf("debugapi: IsDebuggerPresent %d\n", IsDebuggerPresent());
  OutputDebugStringW(L"thr_headers\n");
  /* direct.h */
  char cwd[MAX_PATH];
  int made = _mkdir("thr_headers_dir");
  int again = _mkdir("thr_headers_dir");
  int again_errno = errno;
  int removed = _rmdir("thr_headers_dir");
  printf("direct: _getcwd %s, _mkdir %d then %d (%s), _rmdir %d\n", _getcwd(cwd, sizeof cwd) ? "ok" : "failed", made, again,
         again_errno == EEXIST ? "EEXIST" : "other", removed);
  /* errhandlingapi.h */
  SetLastError(ERROR_ACCESS_DENIED);
  printf("errhandlingapi: GetLastError %lu\n", GetLastError());
  /* fileapi.h */
  DWORD attrs = GetFileAttributesW(L"thr_headers_missing.txt");
  printf("fileapi: GetFileAttributesW %s, error %lu\n", attrs == INVALID_FILE_ATTRIBUTES ? "INVALID_FILE_ATTRIBUTES" : "found",
         GetLastError());
  /* handleapi.h, synchapi.h */
  HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
  DWORD flags = 0;
  ok = GetHandleInformation(ev, &flags);
  printf("handleapi: GetHandleInformation %d, inheritable %d\n", ok, (flags & HANDLE_FLAG_INHERIT) != 0);
  SetEvent(ev);
  printf("synchapi: WaitForSingleObject %lu\n", WaitForSingleObject(ev, 0));
  CloseHandle(ev);
  /* heapapi.h */
  BYTE *block = (BYTE *)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, 32);
  printf("heapapi: HeapAlloc zeroed %d, HeapSize %lu\n", block[31] == 0, (DWORD)HeapSize(GetProcessHeap(), 0, block));
  HeapFree(GetProcessHeap(), 0, block);
  /* interlockedapi.h */
  SLIST_HEADER head;
  SLIST_ENTRY entry;
  InitializeSListHead(&head);
  InterlockedPushEntrySList(&head, &entry);
  printf("interlockedapi: QueryDepthSList %u\n", QueryDepthSList(&head));
  /* ioapiset.h, namedpipeapi.h */
  HANDLE rd, wr;
  ok = CreatePipe(&rd, &wr, NULL, 0);
  DWORD written = 0, avail = 0;
  WriteFile(wr, "pipe", 4, &written, NULL);
  PeekNamedPipe(rd, NULL, 0, NULL, &avail, NULL);
  printf("namedpipeapi: CreatePipe %d, %lu bytes waiting\n", ok, avail);
  printf("ioapiset: CancelIo %d\n", CancelIo(rd));
  CloseHandle(rd);
  CloseHandle(wr);
  /* libloaderapi.h */
  HMODULE k32 = GetModuleHandleW(L"kernel32.dll");
  FARPROC present = GetProcAddress(k32, "Sleep");
  FARPROC absent = GetProcAddress(k32, "NoSuchFunction");
  DWORD error = GetLastError();
  printf("libloaderapi: GetProcAddress(Sleep) %s, (NoSuchFunction) %s, error %lu\n", present ? "found" : "NULL",
         absent ? "found" : "NULL", error);
  /* malloc.h */
  char *p = (char *)_alloca(16);
  p[15] = 1;
  void *m = malloc(10);
  printf("malloc: _alloca ok, _msize >= 10: %s\n", _msize(m) >= 10 ? "yes" : "no");
  free(m);
  /* memoryapi.h */
  void *v = VirtualAlloc(NULL, 65536, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
  printf("memoryapi: VirtualAlloc %s, VirtualFree %d\n", v ? "ok" : "failed", VirtualFree(v, 0, MEM_RELEASE));
  /* minwindef.h, windef.h */
  DWORD l = MAKELONG(0x1234, 0x5678);
  printf("minwindef: MAKELONG %#lx, LOWORD %#x, HIWORD %#x, MAKEWORD %#x\n", l, LOWORD(l), HIWORD(l), MAKEWORD(1, 2));
  printf("windef: MAX_PATH %d, TRUE %d\n", MAX_PATH, TRUE);
  /* process.h, processthreadsapi.h */
  printf("process: _getpid matches GetCurrentProcessId: %s\n", _getpid() == (int)GetCurrentProcessId() ? "yes" : "no");
  DWORD code = 0;
  GetExitCodeThread(GetCurrentThread(), &code);
  printf("processthreadsapi: GetExitCodeThread(self) %lu\n", code);
  /* processenv.h */
  SetEnvironmentVariableW(L"THR_HEADERS", L"value");
  printf("processenv: GetEnvironmentVariableW %lu\n", GetEnvironmentVariableW(L"THR_HEADERS", wbuf, 8));
  /* profileapi.h */
  LARGE_INTEGER f;
  ok = QueryPerformanceFrequency(&f);
  printf("profileapi: QueryPerformanceFrequency %d, positive %d\n", ok, f.QuadPart > 0);
  /* stringapiset.h, winnls.h */
  WCHAR w[16];
  int wn = MultiByteToWideChar(CP_UTF8, 0, "h\xc3\xa9", -1, w, 16);
  printf("stringapiset: MultiByteToWideChar %d units, w[1] %#x\n", wn, w[1]);
  char back[16];
  printf("winnls: WideCharToMultiByte %d bytes\n", WideCharToMultiByte(CP_UTF8, 0, w, -1, back, 16, NULL, NULL));
  /* sysinfoapi.h */
  SYSTEM_INFO si;
  GetSystemInfo(&si);
  printf("sysinfoapi: page size %lu\n", si.dwPageSize);
  /* timezoneapi.h */
  FILETIME ft = { 0, 0 };
  SYSTEMTIME st;
  FileTimeToSystemTime(&ft, &st);
  printf("timezoneapi: FileTimeToSystemTime(0) %u-%02u-%02u\n", st.wYear, st.wMonth, st.wDay);
  /* utilapiset.h */
  printf("utilapiset: Beep %d\n", Beep(440, 0) != 0);
  /* winbase.h */
  printf("winbase: lstrlenW %d\n", lstrlenW(L"winbase"));
  /* winerror.h */
  printf("winerror: ERROR_FILE_NOT_FOUND %d, HRESULT_FROM_WIN32 %#lx, SUCCEEDED(S_OK) %d\n", (int)ERROR_FILE_NOT_FOUND,
         (unsigned long)HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND), SUCCEEDED(S_OK));
  /* winnt.h */
  printf("winnt: MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US) %#x\n", MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US));
  /* winuser.h */
  printf("winuser: MessageBeep %d\n", MessageBeep(MB_OK) != 0);
  return 0;
}
