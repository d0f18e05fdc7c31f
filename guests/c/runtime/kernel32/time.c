/*
 * Dates and times (abi/crt/system.ts): GetSystemTime, GetLocalTime, SystemTimeToFileTime,
 * FileTimeToSystemTime, FileTimeToLocalFileTime, LocalFileTimeToFileTime, CompareFileTime,
 * GetTimeZoneInformation, GetSystemTimePreciseAsFileTime, SystemTimeToTzSpecificLocalTime.
 *
 * The time zone is UTC: local time is the system time (the host's time zone is not looked at), and
 * GetTimeZoneInformation reports "Coordinated Universal Time" with no daylight saving time.
 * Conversions follow Windows: FILETIME counts 100 ns since 1601-01-01 UTC; a SYSTEMTIME must be a real
 * date from 1601 to 30827 with a valid time (wDayOfWeek is ignored), and a FILETIME must be below 2^63,
 * otherwise ERROR_INVALID_PARAMETER.
 */
#include <windows.h>

#define TICKS_PER_MS 10000ULL
#define TICKS_PER_DAY (86400ULL * 1000 * TICKS_PER_MS)

static int leap(unsigned y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static unsigned days_in_month(unsigned y, unsigned m) {
  static const unsigned char d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Days from 1601-01-01 to y-m-d (proleptic Gregorian). */
static ULONGLONG days_from_1601(unsigned y, unsigned m, unsigned d) {
  ULONGLONG yy = y - 1601;
  ULONGLONG days = yy * 365 + yy / 4 - yy / 100 + yy / 400;
  for (unsigned i = 1; i < m; i++) days += days_in_month(y, i);
  return days + d - 1;
}

static ULONGLONG ft_value(const FILETIME *ft) { return ((ULONGLONG)ft->dwHighDateTime << 32) | ft->dwLowDateTime; }

static void ft_set(FILETIME *ft, ULONGLONG v) {
  ft->dwLowDateTime = (DWORD)v;
  ft->dwHighDateTime = (DWORD)(v >> 32);
}

BOOL WINAPI SystemTimeToFileTime(const SYSTEMTIME *lpSystemTime, LPFILETIME lpFileTime) {
  const SYSTEMTIME *st = lpSystemTime;
  if (!st || !lpFileTime || st->wYear < 1601 || st->wYear > 30827 || st->wMonth < 1 || st->wMonth > 12 ||
      st->wDay < 1 || st->wDay > days_in_month(st->wYear, st->wMonth) || st->wHour > 23 || st->wMinute > 59 ||
      st->wSecond > 59 || st->wMilliseconds > 999) {
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
  }
  ULONGLONG ms = days_from_1601(st->wYear, st->wMonth, st->wDay) * 86400000ULL +
                 ((ULONGLONG)st->wHour * 3600 + st->wMinute * 60 + st->wSecond) * 1000 + st->wMilliseconds;
  ft_set(lpFileTime, ms * TICKS_PER_MS);
  return TRUE;
}

BOOL WINAPI FileTimeToSystemTime(const FILETIME *lpFileTime, LPSYSTEMTIME lpSystemTime) {
  if (!lpFileTime || !lpSystemTime) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
  ULONGLONG v = ft_value(lpFileTime);
  if (v >> 63) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
  ULONGLONG days = v / TICKS_PER_DAY, rest = v % TICKS_PER_DAY / TICKS_PER_MS; /* ms in the day */
  SYSTEMTIME st;
  st.wDayOfWeek = (WORD)((days + 1) % 7); /* 1601-01-01 was a Monday */
  /* Whole 400-year cycles (146097 days), then years one by one. */
  unsigned y = 1601 + (unsigned)(days / 146097) * 400;
  days %= 146097;
  while (days >= (ULONGLONG)(leap(y) ? 366 : 365)) { days -= leap(y) ? 366 : 365; y++; }
  unsigned m = 1;
  while (days >= days_in_month(y, m)) { days -= days_in_month(y, m); m++; }
  st.wYear = (WORD)y;
  st.wMonth = (WORD)m;
  st.wDay = (WORD)(days + 1);
  st.wHour = (WORD)(rest / 3600000);
  st.wMinute = (WORD)(rest / 60000 % 60);
  st.wSecond = (WORD)(rest / 1000 % 60);
  st.wMilliseconds = (WORD)(rest % 1000);
  *lpSystemTime = st;
  return TRUE;
}

void WINAPI GetSystemTime(LPSYSTEMTIME lpSystemTime) {
  FILETIME ft;
  GetSystemTimeAsFileTime(&ft);
  FileTimeToSystemTime(&ft, lpSystemTime);
}

void WINAPI GetLocalTime(LPSYSTEMTIME lpSystemTime) { GetSystemTime(lpSystemTime); }

void WINAPI GetSystemTimePreciseAsFileTime(LPFILETIME lpSystemTimeAsFileTime) { GetSystemTimeAsFileTime(lpSystemTimeAsFileTime); }

BOOL WINAPI FileTimeToLocalFileTime(const FILETIME *lpFileTime, LPFILETIME lpLocalFileTime) {
  if (!lpFileTime || !lpLocalFileTime) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
  *lpLocalFileTime = *lpFileTime;
  return TRUE;
}

BOOL WINAPI LocalFileTimeToFileTime(const FILETIME *lpLocalFileTime, LPFILETIME lpFileTime) {
  if (!lpFileTime || !lpLocalFileTime) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
  *lpFileTime = *lpLocalFileTime;
  return TRUE;
}

LONG WINAPI CompareFileTime(const FILETIME *lpFileTime1, const FILETIME *lpFileTime2) {
  ULONGLONG a = ft_value(lpFileTime1), b = ft_value(lpFileTime2);
  return a < b ? -1 : a > b ? 1 : 0;
}

DWORD WINAPI GetTimeZoneInformation(LPTIME_ZONE_INFORMATION lpTimeZoneInformation) {
  static const WCHAR utc[] = L"Coordinated Universal Time";
  if (!lpTimeZoneInformation) { SetLastError(ERROR_INVALID_PARAMETER); return TIME_ZONE_ID_INVALID; }
  memset(lpTimeZoneInformation, 0, sizeof *lpTimeZoneInformation);
  memcpy(lpTimeZoneInformation->StandardName, utc, sizeof utc);
  memcpy(lpTimeZoneInformation->DaylightName, utc, sizeof utc);
  return TIME_ZONE_ID_UNKNOWN;
}

/* The zone's bias applies (no daylight saving rules); NULL is the current zone, UTC. */
BOOL WINAPI SystemTimeToTzSpecificLocalTime(const TIME_ZONE_INFORMATION *lpTimeZoneInformation,
                                            const SYSTEMTIME *lpUniversalTime, LPSYSTEMTIME lpLocalTime) {
  FILETIME ft;
  if (!lpLocalTime || !SystemTimeToFileTime(lpUniversalTime, &ft)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
  LONGLONG bias = lpTimeZoneInformation ? (LONGLONG)lpTimeZoneInformation->Bias * 60 * 1000 * (LONGLONG)TICKS_PER_MS : 0;
  ft_set(&ft, ft_value(&ft) - (ULONGLONG)bias);
  return FileTimeToSystemTime(&ft, lpLocalTime);
}
