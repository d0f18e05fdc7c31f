/*
 * The locale (abi/crt/strings.ts): every locale question has one answer, English (United States),
 * LCID 0x0409, "en-US" — the language of the system message texts — while the code pages are UTF-8
 * (codepage.c). SetThreadLocale records a valid LCID per thread.
 */
#include <windows.h>

#define EN_US 0x0409

static _Thread_local LCID thread_locale;

LCID WINAPI GetUserDefaultLCID(void) { return EN_US; }
LCID WINAPI GetSystemDefaultLCID(void) { return EN_US; }
LANGID WINAPI GetUserDefaultLangID(void) { return EN_US; }
LANGID WINAPI GetSystemDefaultLangID(void) { return EN_US; }
LANGID WINAPI GetUserDefaultUILanguage(void) { return EN_US; }
LANGID WINAPI GetSystemDefaultUILanguage(void) { return EN_US; }
LCID WINAPI GetThreadLocale(void) { return thread_locale ? thread_locale : EN_US; }

BOOL WINAPI IsValidLocale(LCID Locale, DWORD dwFlags) {
  (void)dwFlags;
  LANGID lang = LANGIDFROMLCID(Locale);
  return PRIMARYLANGID(lang) != 0 && PRIMARYLANGID(lang) < 0x100; /* any language, as the tables are shared */
}

BOOL WINAPI SetThreadLocale(LCID Locale) {
  if (!IsValidLocale(Locale, 0)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
  thread_locale = Locale;
  return TRUE;
}

static int locale_name(LPWSTR buf, int size) {
  static const WCHAR name[] = L"en-US";
  if (size < (int)(sizeof name / sizeof name[0])) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
  memcpy(buf, name, sizeof name);
  return (int)(sizeof name / sizeof name[0]);
}

int WINAPI GetUserDefaultLocaleName(LPWSTR lpLocaleName, int cchLocaleName) { return locale_name(lpLocaleName, cchLocaleName); }
int WINAPI GetSystemDefaultLocaleName(LPWSTR lpLocaleName, int cchLocaleName) { return locale_name(lpLocaleName, cchLocaleName); }
