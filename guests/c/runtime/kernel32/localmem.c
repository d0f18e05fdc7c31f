/*
 * Local and global memory (abi/crt/memory.ts): LocalAlloc, LocalFree, LocalReAlloc, LocalSize,
 * LocalLock, LocalUnlock, LocalHandle, LocalFlags and the Global* forms, which are the same on Win32.
 *
 * Blocks come from the process heap (HeapSize(GetProcessHeap(), 0, p) works on them, as on Windows
 * for fixed blocks). A moveable block (LMEM_MOVEABLE, GMEM_MOVEABLE) is a fixed block here: its handle
 * is its address, so LocalLock returns the handle itself and LocalUnlock, which has no lock count to
 * decrement, returns FALSE with ERROR_NOT_LOCKED as Windows does for fixed memory; LocalFlags reports a
 * lock count of 0. LocalFree returns NULL, or the handle with ERROR_INVALID_HANDLE when it is not a block.
 */
#include <windows.h>

/* Flags outside LMEM_VALID_FLAGS are ignored (Wine 8 does; so does this). */
static HLOCAL mem_alloc(UINT flags, SIZE_T bytes) {
  return HeapAlloc(GetProcessHeap(), (flags & LMEM_ZEROINIT) ? HEAP_ZERO_MEMORY : 0, bytes);
}

static HLOCAL mem_free(HLOCAL h) {
  if (!h) return NULL;
  if (!HeapFree(GetProcessHeap(), 0, h)) { SetLastError(ERROR_INVALID_HANDLE); return h; }
  return NULL;
}

static HLOCAL mem_realloc(HLOCAL h, SIZE_T bytes, UINT flags) {
  if (!HeapValidate(GetProcessHeap(), 0, h)) { SetLastError(ERROR_INVALID_HANDLE); return NULL; }
  if (flags & LMEM_MODIFY) return h; /* only changes the flags, and there are none to keep */
  DWORD hf = (flags & LMEM_ZEROINIT) ? HEAP_ZERO_MEMORY : 0;
  /* Without LMEM_MOVEABLE a fixed block may not move. */
  if (!(flags & LMEM_MOVEABLE)) hf |= HEAP_REALLOC_IN_PLACE_ONLY;
  return HeapReAlloc(GetProcessHeap(), hf, h, bytes);
}

static SIZE_T mem_size(HLOCAL h) {
  SIZE_T n = HeapSize(GetProcessHeap(), 0, h);
  if (n == (SIZE_T)-1) { SetLastError(ERROR_INVALID_HANDLE); return 0; }
  return n;
}

static LPVOID mem_lock(HLOCAL h) {
  if (!HeapValidate(GetProcessHeap(), 0, h)) { SetLastError(ERROR_INVALID_HANDLE); return NULL; }
  return h;
}

static BOOL mem_unlock(HLOCAL h) {
  if (!HeapValidate(GetProcessHeap(), 0, h)) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
  SetLastError(ERROR_NOT_LOCKED);
  return FALSE;
}

static HLOCAL mem_handle(LPCVOID p) {
  if (!HeapValidate(GetProcessHeap(), 0, p)) { SetLastError(ERROR_INVALID_HANDLE); return NULL; }
  return (HLOCAL)p;
}

static UINT mem_flags(HLOCAL h, UINT invalid) {
  if (!HeapValidate(GetProcessHeap(), 0, h)) { SetLastError(ERROR_INVALID_HANDLE); return invalid; }
  return 0;
}

HLOCAL WINAPI LocalAlloc(UINT uFlags, SIZE_T uBytes) { return mem_alloc(uFlags, uBytes); }
HLOCAL WINAPI LocalFree(HLOCAL hMem) { return mem_free(hMem); }
HLOCAL WINAPI LocalReAlloc(HLOCAL hMem, SIZE_T uBytes, UINT uFlags) { return mem_realloc(hMem, uBytes, uFlags); }
SIZE_T WINAPI LocalSize(HLOCAL hMem) { return mem_size(hMem); }
LPVOID WINAPI LocalLock(HLOCAL hMem) { return mem_lock(hMem); }
BOOL WINAPI LocalUnlock(HLOCAL hMem) { return mem_unlock(hMem); }
HLOCAL WINAPI LocalHandle(LPCVOID pMem) { return mem_handle(pMem); }
UINT WINAPI LocalFlags(HLOCAL hMem) { return mem_flags(hMem, LMEM_INVALID_HANDLE); }

HGLOBAL WINAPI GlobalAlloc(UINT uFlags, SIZE_T dwBytes) { return mem_alloc(uFlags, dwBytes); }
HGLOBAL WINAPI GlobalFree(HGLOBAL hMem) { return mem_free(hMem); }
HGLOBAL WINAPI GlobalReAlloc(HGLOBAL hMem, SIZE_T dwBytes, UINT uFlags) { return mem_realloc(hMem, dwBytes, uFlags); }
SIZE_T WINAPI GlobalSize(HGLOBAL hMem) { return mem_size(hMem); }
LPVOID WINAPI GlobalLock(HGLOBAL hMem) { return mem_lock(hMem); }
BOOL WINAPI GlobalUnlock(HGLOBAL hMem) { return mem_unlock(hMem); }
HGLOBAL WINAPI GlobalHandle(LPCVOID pMem) { return mem_handle(pMem); }
UINT WINAPI GlobalFlags(HGLOBAL hMem) { return mem_flags(hMem, GMEM_INVALID_HANDLE); }
