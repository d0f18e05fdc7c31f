/* OBJECT_ATTRIBUTES rules Wine 8.0 does not check, so this output follows Windows, not Wine:
   - OBJ_PERMANENT needs SeCreatePermanentPrivilege, which a user-mode process does not hold
     (Windows: STATUS_PRIVILEGE_NOT_HELD; Wine gives every process the privilege and returns success);
   - Attributes bits outside OBJ_VALID_ATTRIBUTES are STATUS_INVALID_PARAMETER on Windows (Wine ignores them).
   So the expected output is Windows' rule, not Wine's: under Wine 8.0 the first line is 00000000, which makes
   the next three STATUS_OBJECT_NAME_COLLISION (0xc0000035). */
#include <windows.h>
#include <winternl.h>
#include <stdio.h>

static NTSTATUS (NTAPI *pNtCreateEvent)(PHANDLE, ACCESS_MASK, const POBJECT_ATTRIBUTES, int, BOOLEAN);

int main(void) {
  HANDLE h;
  UNICODE_STRING name;
  OBJECT_ATTRIBUTES attr;
  pNtCreateEvent = (void *)GetProcAddress(GetModuleHandleW(L"ntdll"), "NtCreateEvent");
  RtlInitUnicodeString(&name, L"\\BaseNamedObjects\\nt_permanent_ev");

  InitializeObjectAttributes(&attr, &name, OBJ_PERMANENT, NULL, NULL);
  printf("OBJ_PERMANENT: %08lx\n", (unsigned long)pNtCreateEvent(&h, EVENT_ALL_ACCESS, &attr, 0, FALSE));
  InitializeObjectAttributes(&attr, &name, 0x1, NULL, NULL);
  printf("attribute bit 0x1: %08lx\n", (unsigned long)pNtCreateEvent(&h, EVENT_ALL_ACCESS, &attr, 0, FALSE));
  InitializeObjectAttributes(&attr, &name, 0x10000, NULL, NULL);
  printf("attribute bit 0x10000: %08lx\n", (unsigned long)pNtCreateEvent(&h, EVENT_ALL_ACCESS, &attr, 0, FALSE));
  InitializeObjectAttributes(&attr, &name, 0, NULL, NULL);
  printf("plain: %08lx\n", (unsigned long)pNtCreateEvent(&h, EVENT_ALL_ACCESS, &attr, 0, FALSE));
  CloseHandle(h);
  return 0;
}
