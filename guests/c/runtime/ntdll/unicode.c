/* RtlInitUnicodeString: ntdll's user-mode string helper; the string stays the caller's. */
#include <winternl.h>

VOID WINAPI RtlInitUnicodeString(PUNICODE_STRING DestinationString, PCWSTR SourceString) {
  SIZE_T n = 0;
  if (SourceString) while (SourceString[n]) n++;
  /* Counted in 16-bit byte lengths: as on Windows, a longer string is cut to the most that fits. */
  if (n > 0x7ffe) n = 0x7ffe;
  DestinationString->Length = (USHORT)(n * sizeof(WCHAR));
  DestinationString->MaximumLength = SourceString ? (USHORT)((n + 1) * sizeof(WCHAR)) : 0;
  DestinationString->Buffer = (PWSTR)SourceString;
}
