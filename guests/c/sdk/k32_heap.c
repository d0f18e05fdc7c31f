/*
 * Heaps and local/global memory: HeapCreate/HeapAlloc/HeapReAlloc/HeapSize/HeapFree/HeapDestroy,
 * HEAP_ZERO_MEMORY, a fixed-size heap's limit, LocalAlloc/LocalReAlloc/LocalFree, GlobalAlloc.
 * Expected output confirmed with mingw-w64 + Wine 8.0 (x86_64-w64-mingw32-gcc -D__USE_MINGW_ANSI_STDIO=0).
 */
#include <windows.h>
#include <stdio.h>

static int all_zero(const unsigned char *p, SIZE_T n) {
  for (SIZE_T i = 0; i < n; i++) if (p[i]) return 0;
  return 1;
}

int main(void) {
  HANDLE ph = GetProcessHeap();
  printf("process heap: %s\n", ph ? "yes" : "no");

  unsigned char *z = HeapAlloc(ph, HEAP_ZERO_MEMORY, 1000);
  printf("zeroed 1000: %d, size %lu\n", all_zero(z, 1000), (unsigned long)HeapSize(ph, 0, z));
  memset(z, 0xAB, 1000);
  z = HeapReAlloc(ph, HEAP_ZERO_MEMORY, z, 5000);
  printf("grown to %lu: old bytes kept %d, new bytes zero %d\n", (unsigned long)HeapSize(ph, 0, z),
         z[0] == 0xAB && z[999] == 0xAB, all_zero(z + 1000, 4000));
  unsigned char *s = HeapReAlloc(ph, HEAP_REALLOC_IN_PLACE_ONLY, z, 10);
  printf("shrunk in place: %s, size %lu\n", s == z ? "same block" : "moved", (unsigned long)HeapSize(ph, 0, s));
  printf("HeapValidate: %d\n", HeapValidate(ph, 0, s));
  printf("HeapFree: %d\n", HeapFree(ph, 0, s));
  printf("HeapFree(NULL): %d\n", HeapFree(ph, 0, NULL));

  void *empty = HeapAlloc(ph, 0, 0);
  printf("0-byte block: %s, size %lu\n", empty ? "yes" : "no", (unsigned long)HeapSize(ph, 0, empty));
  HeapFree(ph, 0, empty);

  HANDLE h = HeapCreate(0, 0, 0);
  printf("HeapCreate: %s\n", h ? "yes" : "no");
  int ok = 1;
  for (int i = 0; i < 100; i++) {
    char *p = HeapAlloc(h, 0, 100 + i);
    if (!p) ok = 0;
    else sprintf(p, "block %d", i);
  }
  printf("100 blocks: %s\n", ok ? "ok" : "failed");
  printf("HeapValidate(heap): %d\n", HeapValidate(h, 0, NULL));
  printf("HeapDestroy: %d\n", HeapDestroy(h));

  HANDLE fixed = HeapCreate(0, 0, 65536);
  SetLastError(0);
  void *big = HeapAlloc(fixed, 0, 100000);
  printf("fixed heap, 100000 bytes: %s, error %lu\n", big ? "yes" : "no", GetLastError());
  void *a = HeapAlloc(fixed, 0, 60000);
  printf("fixed heap, 60000 bytes: %s\n", a ? "yes" : "no");
  SetLastError(0);
  void *b = HeapAlloc(fixed, 0, 60000);
  printf("fixed heap, 60000 more: %s, error %lu\n", b ? "yes" : "no", GetLastError());
  HeapFree(fixed, 0, a);
  b = HeapAlloc(fixed, 0, 60000);
  printf("after freeing: %s\n", b ? "yes" : "no");
  HeapDestroy(fixed);

  HLOCAL l = LocalAlloc(LPTR, 64);
  printf("LocalAlloc(LPTR): zero %d, LocalSize %lu, HeapSize %lu\n", all_zero(l, 64), (unsigned long)LocalSize(l),
         (unsigned long)HeapSize(GetProcessHeap(), 0, l));
  printf("LocalLock is the block: %d\n", LocalLock(l) == (LPVOID)l);
  SetLastError(0);
  BOOL u = LocalUnlock(l);
  printf("LocalUnlock of fixed memory: %d, error %lu\n", u, GetLastError());
  printf("LocalHandle: %d\n", LocalHandle(l) == l);
  strcpy((char *)l, "kept");
  SetLastError(0);
  HLOCAL l2 = LocalReAlloc(l, 1 << 20, 0);
  printf("LocalReAlloc to 1 MiB without LMEM_MOVEABLE: %s, error %lu\n", l2 ? "yes" : "no", GetLastError());
  l2 = LocalReAlloc(l, 1 << 20, LMEM_MOVEABLE | LMEM_ZEROINIT);
  printf("with LMEM_MOVEABLE: %s, \"%s\", size %lu, tail zero %d\n", l2 ? "yes" : "no", (char *)l2,
         (unsigned long)LocalSize(l2), all_zero((unsigned char *)l2 + 64, (1 << 20) - 64));
  printf("LocalFree: %s\n", LocalFree(l2) == NULL ? "NULL" : "failed");

  HGLOBAL g = GlobalAlloc(GHND, 32);
  char *gp = GlobalLock(g);
  printf("GlobalAlloc(GHND): locked %s, zero %d, size %lu\n", gp ? "yes" : "no", all_zero((unsigned char *)gp, 32),
         (unsigned long)GlobalSize(g));
  GlobalUnlock(g);
  printf("GlobalFree: %s\n", GlobalFree(g) == NULL ? "NULL" : "failed");
  return 0;
}
