/*
 * SYSTEMTIME and FILETIME: SystemTimeToFileTime / FileTimeToSystemTime on known dates (with the day of
 * the week), the invalid dates and times that fail with ERROR_INVALID_PARAMETER, CompareFileTime, and
 * the current time's plausibility (GetSystemTime, GetLocalTime, GetSystemTimeAsFileTime).
 * Expected output confirmed with mingw-w64 + Wine 8.0, except three lines where Wine 8 is laxer than
 * Windows: February 29 of 2001 and 1900 (not leap years) and the year 30828 fail here, as SYSTEMTIME's
 * documented range (years 1601 through 30827, real month lengths) says; Wine accepts them.
 */
#include <windows.h>
#include <stdio.h>

static ULONGLONG value(FILETIME ft) { return ((ULONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime; }

static void to_filetime(WORD y, WORD mo, WORD d, WORD h, WORD mi, WORD s, WORD ms) {
  SYSTEMTIME st = { y, mo, 0, d, h, mi, s, ms };
  FILETIME ft = { 0, 0 };
  SetLastError(0);
  BOOL ok = SystemTimeToFileTime(&st, &ft);
  DWORD e = GetLastError();
  printf("%04u-%02u-%02u %02u:%02u:%02u.%03u -> ", y, mo, d, h, mi, s, ms);
  if (!ok) { printf("fails, error %lu\n", e); return; }
  SYSTEMTIME back;
  FileTimeToSystemTime(&ft, &back);
  printf("%llu, back: %04u-%02u-%02u %02u:%02u:%02u.%03u day %u\n", value(ft), back.wYear, back.wMonth, back.wDay,
         back.wHour, back.wMinute, back.wSecond, back.wMilliseconds, back.wDayOfWeek);
}

static void from_filetime(ULONGLONG v) {
  FILETIME ft = { (DWORD)v, (DWORD)(v >> 32) };
  SYSTEMTIME st;
  SetLastError(0);
  BOOL ok = FileTimeToSystemTime(&ft, &st);
  DWORD e = GetLastError();
  printf("%llu -> ", v);
  if (!ok) printf("fails, error %lu\n", e);
  else printf("%04u-%02u-%02u %02u:%02u:%02u.%03u day %u\n", st.wYear, st.wMonth, st.wDay, st.wHour, st.wMinute, st.wSecond,
              st.wMilliseconds, st.wDayOfWeek);
}

int main(void) {
  to_filetime(1601, 1, 1, 0, 0, 0, 0);
  to_filetime(1970, 1, 1, 0, 0, 0, 0);
  to_filetime(2000, 2, 29, 12, 30, 45, 500);
  to_filetime(1900, 3, 1, 0, 0, 0, 0);
  to_filetime(2024, 12, 31, 23, 59, 59, 999);
  to_filetime(2038, 1, 19, 3, 14, 8, 0);
  to_filetime(30827, 12, 31, 23, 59, 59, 999);
  to_filetime(2001, 2, 29, 0, 0, 0, 0);
  to_filetime(1900, 2, 29, 0, 0, 0, 0);
  to_filetime(2023, 13, 1, 0, 0, 0, 0);
  to_filetime(2023, 0, 1, 0, 0, 0, 0);
  to_filetime(2023, 4, 31, 0, 0, 0, 0);
  to_filetime(2023, 1, 0, 0, 0, 0, 0);
  to_filetime(1600, 12, 31, 0, 0, 0, 0);
  to_filetime(30828, 1, 1, 0, 0, 0, 0);
  to_filetime(2023, 1, 1, 24, 0, 0, 0);
  to_filetime(2023, 1, 1, 0, 60, 0, 0);
  to_filetime(2023, 1, 1, 0, 0, 60, 0);
  to_filetime(2023, 1, 1, 0, 0, 0, 1000);

  from_filetime(0);
  from_filetime(1);
  from_filetime(116444736000000000ULL);
  from_filetime(0x7FFFFFFFFFFFFFFFULL);
  from_filetime(0x8000000000000000ULL);

  FILETIME a = { 1, 0 }, b = { 0, 1 };
  printf("CompareFileTime: %ld %ld %ld\n", CompareFileTime(&a, &b), CompareFileTime(&b, &a), CompareFileTime(&a, &a));

  SYSTEMTIME st;
  GetSystemTime(&st);
  FILETIME now, local;
  GetSystemTimeAsFileTime(&now);
  printf("GetSystemTime: plausible %d\n", st.wYear >= 2024 && st.wMonth >= 1 && st.wMonth <= 12 && st.wDay >= 1 && st.wDayOfWeek <= 6);
  GetLocalTime(&st);
  printf("GetLocalTime: plausible %d\n", st.wYear >= 2024 && st.wHour < 24);
  printf("FileTimeToLocalFileTime: %d\n", FileTimeToLocalFileTime(&now, &local));
  FILETIME utc;
  printf("LocalFileTimeToFileTime round trip: %d\n", LocalFileTimeToFileTime(&local, &utc) && CompareFileTime(&utc, &now) == 0);
  return 0;
}
