/*
 * <strsafe.h>: StringCchCopy/Cat/Printf/Length and the StringCb forms, A and W, with their HRESULTs:
 * S_OK, STRSAFE_E_INSUFFICIENT_BUFFER (the result cut and terminated), STRSAFE_E_INVALID_PARAMETER.
 * Expected output confirmed with mingw-w64 + Wine 8.0 (x86_64-w64-mingw32-gcc -D__USE_MINGW_ANSI_STDIO=0).
 */
#include <windows.h>
#include <strsafe.h>
#include <stdio.h>

int main(void) {
  char a[8];
  wchar_t w[8];
  size_t len = 99;
  HRESULT hr;

  hr = StringCchCopyA(a, 8, "abc");
  printf("CchCopyA 0x%08lX [%s]\n", hr, a);
  hr = StringCchCatA(a, 8, "defgh");
  printf("CchCatA cut 0x%08lX [%s]\n", hr, a);
  hr = StringCchCopyA(a, 8, "0123456789");
  printf("CchCopyA cut 0x%08lX [%s]\n", hr, a);
  hr = StringCchPrintfA(a, 8, "%d-%s", 42, "x");
  printf("CchPrintfA 0x%08lX [%s]\n", hr, a);
  hr = StringCchPrintfA(a, 8, "%s", "too long text");
  printf("CchPrintfA cut 0x%08lX [%s]\n", hr, a);
  hr = StringCchLengthA("hello", 100, &len);
  printf("CchLengthA 0x%08lX %d\n", hr, (int)len);
  hr = StringCchLengthA("hello", 3, &len);
  printf("CchLengthA short 0x%08lX %d\n", hr, (int)len);
  hr = StringCchCopyA(a, 0, "x");
  printf("CchCopyA size 0 0x%08lX\n", hr);
  hr = StringCchLengthA(NULL, 10, &len);
  printf("CchLengthA NULL 0x%08lX\n", hr);

  hr = StringCchCopyW(w, 8, L"wide");
  wprintf(L"CchCopyW 0x%08lX [%s]\n", hr, w);
  hr = StringCchCatW(w, 8, L"-cat");
  wprintf(L"CchCatW cut 0x%08lX [%s]\n", hr, w);
  hr = StringCchPrintfW(w, 8, L"%s=%d", L"n", 5);
  wprintf(L"CchPrintfW 0x%08lX [%s]\n", hr, w);
  hr = StringCchPrintfW(w, 8, L"%d", 123456789);
  wprintf(L"CchPrintfW cut 0x%08lX [%s]\n", hr, w);
  hr = StringCchLengthW(L"four", 8, &len);
  wprintf(L"CchLengthW 0x%08lX %d\n", hr, (int)len);

  hr = StringCbCopyA(a, sizeof a, "bytes");
  printf("CbCopyA 0x%08lX [%s]\n", hr, a);
  hr = StringCbCatA(a, sizeof a, "++++");
  printf("CbCatA cut 0x%08lX [%s]\n", hr, a);
  hr = StringCbPrintfA(a, sizeof a, "%03d", 7);
  printf("CbPrintfA 0x%08lX [%s]\n", hr, a);
  hr = StringCbLengthA("abc", 10, &len);
  printf("CbLengthA 0x%08lX %d\n", hr, (int)len);
  hr = StringCbCopyW(w, sizeof w, L"wbytes");
  wprintf(L"CbCopyW 0x%08lX [%s]\n", hr, w);
  hr = StringCbCatW(w, sizeof w, L"12");
  wprintf(L"CbCatW cut 0x%08lX [%s]\n", hr, w);
  hr = StringCbPrintfW(w, sizeof w, L"%S", "narrow");
  wprintf(L"CbPrintfW 0x%08lX [%s]\n", hr, w);
  hr = StringCbLengthW(L"abc", 16, &len);
  wprintf(L"CbLengthW 0x%08lX %d\n", hr, (int)len);
  printf("SUCCEEDED %d FAILED %d\n", SUCCEEDED(S_OK), FAILED(STRSAFE_E_INSUFFICIENT_BUFFER));
  return 0;
}
