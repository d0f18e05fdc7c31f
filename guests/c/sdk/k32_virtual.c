/*
 * VirtualAlloc/VirtualFree/VirtualProtect/VirtualQuery: reserve, commit inside a reservation, query
 * the pages' states, decommit, release, and the parameter errors.
 * Expected output confirmed with mingw-w64 + Wine 8.0.
 */
#include <windows.h>
#include <stdio.h>

static const char *state(DWORD s) {
  return s == MEM_COMMIT ? "MEM_COMMIT" : s == MEM_RESERVE ? "MEM_RESERVE" : s == MEM_FREE ? "MEM_FREE" : "?";
}

static void query(const char *what, char *base, char *p) {
  MEMORY_BASIC_INFORMATION m;
  SIZE_T n = VirtualQuery(p, &m, sizeof m);
  printf("%s: %s, base +%ld, allocation base %s, region 0x%lx, %s, protect 0x%lx, alloc protect 0x%lx, type 0x%lx\n",
         what, n == sizeof m ? "filled" : "failed", (long)((char *)m.BaseAddress - base), m.AllocationBase == base ? "ok" : "other",
         (unsigned long)m.RegionSize, state(m.State), m.Protect, m.AllocationProtect, m.Type);
}

static void alloc_fails(const char *what, SIZE_T size, DWORD type, DWORD protect) {
  SetLastError(0);
  void *p = VirtualAlloc(NULL, size, type, protect);
  DWORD e = GetLastError();
  printf("%s: %s, error %lu\n", what, p ? "allocated" : "failed", e);
}

static void fails(const char *what, BOOL ok) {
  DWORD e = ok ? 0 : GetLastError();
  printf("%s: %s, error %lu\n", what, ok ? "succeeded" : "failed", e);
}

int main(void) {
  SYSTEM_INFO si;
  GetSystemInfo(&si);
  printf("page size %lu, granularity %lu\n", si.dwPageSize, si.dwAllocationGranularity);

  char *p = VirtualAlloc(NULL, 100000, MEM_RESERVE, PAGE_READWRITE);
  printf("reserved: %s, 64 KiB aligned: %d\n", p ? "yes" : "no", ((ULONG_PTR)p & 0xFFFF) == 0);
  query("reserved", p, p);
  char *c = VirtualAlloc(p + 5000, 100, MEM_COMMIT, PAGE_READWRITE);
  printf("commit at +5000 returns +%ld\n", (long)(c - p));
  printf("committed page is zero: %d\n", c[0] == 0 && c[4095] == 0);
  strcpy(c, "data");
  query("before it", p, p);
  query("committed", p, p + 4097);
  query("after it", p, p + 8192);
  query("last page", p, p + 99999);

  DWORD old = 0;
  BOOL ok = VirtualProtect(c, 10, PAGE_READONLY, &old);
  printf("VirtualProtect: %d, old 0x%lx\n", ok, old);
  query("protected", p, c);
  fails("VirtualProtect with no old protection", VirtualProtect(c, 10, PAGE_READWRITE, NULL));
  fails("VirtualProtect of reserved pages", VirtualProtect(p, 10, PAGE_READWRITE, &old));
  fails("VirtualProtect to 0", VirtualProtect(c, 10, 0, &old));

  fails("VirtualFree decommit", VirtualFree(c, 4096, MEM_DECOMMIT));
  MEMORY_BASIC_INFORMATION m;
  VirtualQuery(c, &m, sizeof m);
  printf("decommitted: %s, protect 0x%lx\n", state(m.State), m.Protect);
  c = VirtualAlloc(c, 4096, MEM_COMMIT, PAGE_READWRITE);
  printf("recommitted page is zero again: %d\n", c[0] == 0);
  fails("release inside the region", VirtualFree(p + 4096, 0, MEM_RELEASE));
  fails("release with a size", VirtualFree(p, 100, MEM_RELEASE));
  fails("release and decommit", VirtualFree(p, 0, MEM_RELEASE | MEM_DECOMMIT));
  fails("no free type", VirtualFree(p, 0, 0));
  fails("release", VirtualFree(p, 0, MEM_RELEASE));
  fails("release again", VirtualFree(p, 0, MEM_RELEASE));

  alloc_fails("size 0", 0, MEM_COMMIT, PAGE_READWRITE);
  alloc_fails("no type", 100, 0, PAGE_READWRITE);
  alloc_fails("protect 0", 100, MEM_COMMIT, 0);
  alloc_fails("two protections", 100, MEM_COMMIT, PAGE_READWRITE | PAGE_READONLY);
  alloc_fails("commit and release", 100, MEM_COMMIT | MEM_RELEASE, PAGE_READWRITE);

  char *q = VirtualAlloc(NULL, 100, MEM_COMMIT, PAGE_READWRITE);
  printf("MEM_COMMIT alone: %s, zero %d\n", q ? "yes" : "no", q[50] == 0);
  query("one page", q, q);
  fails("decommit all", VirtualFree(q, 0, MEM_DECOMMIT));
  query("decommitted", q, q);
  fails("release", VirtualFree(q, 0, MEM_RELEASE));

  char *big = VirtualAlloc(NULL, 1 << 20, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
  int zero = 1;
  for (int i = 0; i < (1 << 20); i += 512) if (big[i]) zero = 0;
  printf("1 MiB reserved and committed: zero %d\n", zero);
  query("1 MiB", big, big);
  VirtualFree(big, 0, MEM_RELEASE);
  return 0;
}
