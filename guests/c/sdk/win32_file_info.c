/*
 * File attributes and per-handle information as Windows programs use them: SetFileAttributes with
 * FILE_ATTRIBUTE_READONLY makes a file refuse writers and DeleteFile (ERROR_ACCESS_DENIED) until it is
 * cleared; GetFileAttributesEx and GetFileInformationByHandle report the size and attributes; two
 * handles to one file share its volume serial number and file index, another file's index differs;
 * FindFirstFile reports a directory's size as 0. Expected output confirmed with mingw-w64 + Wine 8.0,
 * except "open for writing": Wine run as root (as here) lets root open a read-only file for writing;
 * the line follows Microsoft's CreateFile documentation (ERROR_ACCESS_DENIED for a read-only file).
 */
#include <windows.h>
#include <stdio.h>

static void attrs(const char *label, LPCTSTR path) {
  DWORD a = GetFileAttributes(path);
  printf("%s: readonly %d, directory %d\n", label, (a & FILE_ATTRIBUTE_READONLY) != 0, (a & FILE_ATTRIBUTE_DIRECTORY) != 0);
}

int main(void) {
  HANDLE h = CreateFile(TEXT("info.txt"), GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
  DWORD n;
  WriteFile(h, "0123456789", 10, &n, NULL);
  CloseHandle(h);
  CreateDirectory(TEXT("infodir"), NULL);

  attrs("info.txt", TEXT("info.txt"));
  printf("SetFileAttributes(READONLY): %d\n", SetFileAttributes(TEXT("info.txt"), FILE_ATTRIBUTE_READONLY));
  attrs("info.txt", TEXT("info.txt"));
  h = CreateFile(TEXT("info.txt"), GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
  DWORD error = GetLastError();
  printf("open for writing: %s, error %lu\n", h == INVALID_HANDLE_VALUE ? "fails" : "works", error);
  if (h != INVALID_HANDLE_VALUE) CloseHandle(h);
  BOOL ok = DeleteFile(TEXT("info.txt"));
  error = GetLastError();
  printf("DeleteFile: %d, error %lu\n", ok, error);
  ok = SetFileAttributes(TEXT("missing.txt"), FILE_ATTRIBUTE_NORMAL);
  error = GetLastError();
  printf("SetFileAttributes(missing): %d, error %lu\n", ok, error);

  WIN32_FILE_ATTRIBUTE_DATA data;
  GetFileAttributesEx(TEXT("info.txt"), GetFileExInfoStandard, &data);
  printf("GetFileAttributesEx: size %lu, readonly %d\n", data.nFileSizeLow, (data.dwFileAttributes & FILE_ATTRIBUTE_READONLY) != 0);

  HANDLE a = CreateFile(TEXT("info.txt"), GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
  HANDLE b = CreateFile(TEXT("info.txt"), GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
  HANDLE other = CreateFile(TEXT("other.txt"), GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
  BY_HANDLE_FILE_INFORMATION ia, ib, io;
  printf("GetFileInformationByHandle: %d %d %d\n", GetFileInformationByHandle(a, &ia), GetFileInformationByHandle(b, &ib),
         GetFileInformationByHandle(other, &io));
  printf("size %lu, links %lu, readonly %d\n", ia.nFileSizeLow, ia.nNumberOfLinks, (ia.dwFileAttributes & FILE_ATTRIBUTE_READONLY) != 0);
  printf("same file: %d, other file differs: %d\n",
         ia.dwVolumeSerialNumber == ib.dwVolumeSerialNumber && ia.nFileIndexLow == ib.nFileIndexLow && ia.nFileIndexHigh == ib.nFileIndexHigh,
         ia.nFileIndexLow != io.nFileIndexLow || ia.nFileIndexHigh != io.nFileIndexHigh);
  printf("write time matches GetFileAttributesEx: %d\n",
         CompareFileTime(&ia.ftLastWriteTime, &data.ftLastWriteTime) == 0);
  CloseHandle(a);
  CloseHandle(b);
  CloseHandle(other);

  WIN32_FIND_DATA fd;
  HANDLE f = FindFirstFile(TEXT("infodir"), &fd);
  printf("FindFirstFile(infodir): directory %d, size %lu\n", (fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0, fd.nFileSizeLow);
  FindClose(f);

  printf("clear READONLY: %d\n", SetFileAttributes(TEXT("info.txt"), FILE_ATTRIBUTE_NORMAL));
  attrs("info.txt", TEXT("info.txt"));
  printf("DeleteFile: %d\n", DeleteFile(TEXT("info.txt")));
  DeleteFile(TEXT("other.txt"));
  RemoveDirectory(TEXT("infodir"));
  return 0;
}
