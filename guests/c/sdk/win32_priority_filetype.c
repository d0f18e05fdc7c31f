/*
 * Thread priorities and process priority classes (recorded and returned), GetFileType for each kind of
 * handle, and MessageBox in a console program (the text goes to stderr; the answer is the default
 * button). Expected output confirmed with mingw-w64 + Wine 8.0, except the MessageBox answers, which
 * are Microsoft's documented default-button results (Wine shows a dialog).
 */
#include <windows.h>
#include <stdio.h>

int main(void) {
  HANDLE self = GetCurrentThread();
  printf("thread priority at start: %d\n", GetThreadPriority(self));
  BOOL ok = SetThreadPriority(self, THREAD_PRIORITY_HIGHEST);
  printf("set HIGHEST: %d, now %d\n", ok, GetThreadPriority(self));
  SetLastError(0);
  ok = SetThreadPriority(self, 7);
  printf("set 7: %d, error %lu, still %d\n", ok, GetLastError(), GetThreadPriority(self));
  SetThreadPriority(self, THREAD_PRIORITY_NORMAL);

  HANDLE proc = GetCurrentProcess();
  printf("priority class at start: 0x%lx\n", GetPriorityClass(proc));
  ok = SetPriorityClass(proc, BELOW_NORMAL_PRIORITY_CLASS);
  printf("set BELOW_NORMAL: %d, now 0x%lx\n", ok, GetPriorityClass(proc));
  SetLastError(0);
  ok = SetPriorityClass(proc, 0x1234);
  printf("set 0x1234: %d, error %lu\n", ok, GetLastError());
  SetPriorityClass(proc, NORMAL_PRIORITY_CLASS);

  HANDLE file = CreateFile(TEXT("filetype.txt"), GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
  printf("disk file: %lu\n", GetFileType(file));
  CloseHandle(file);
  DeleteFile(TEXT("filetype.txt"));
  HANDLE r, w;
  CreatePipe(&r, &w, NULL, 0);
  printf("pipe: %lu\n", GetFileType(r));
  HANDLE ev = CreateEvent(NULL, FALSE, FALSE, NULL);
  SetLastError(0);
  DWORD t = GetFileType(ev);
  printf("event: %lu, error %lu\n", t, GetLastError());
  SetLastError(0);
  t = GetFileType((HANDLE)(ULONG_PTR)0x1230);
  printf("bad handle: %lu, error %lu\n", t, GetLastError());

  printf("MessageBox MB_OK: %d\n", MessageBox(NULL, TEXT("Hello from a console program"), TEXT("ntwasm"), MB_OK));
  printf("MessageBox MB_YESNO | MB_DEFBUTTON2: %d\n", MessageBoxA(NULL, "Continue?", "Question", MB_YESNO | MB_DEFBUTTON2));
  printf("MessageBox MB_OKCANCEL: %d\n", MessageBoxW(NULL, L"Save?", NULL, MB_OKCANCEL | MB_ICONQUESTION));
  return 0;
}
