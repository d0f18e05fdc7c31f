// C-runtime Win32 functions: memory (heaps, local/global memory, virtual memory), all on the guest's
// own linear memory through the C runtime's thread-safe malloc. See abi/crt/types.ts.
import { crt, type CrtFunction } from "./types.ts";

const heap = "kernel32/heap.c";
const local = "kernel32/localmem.c";
const virt = "kernel32/virtual.c";

export const MEMORY: CrtFunction[] = [
  // --- heaps ---
  crt("GetProcessHeap", "HANDLE", "", heap, "The process heap."),
  crt("GetProcessHeaps", "DWORD", "DWORD NumberOfHeaps, PHANDLE ProcessHeaps", heap,
    "The number of heaps (the process heap first); fills up to NumberOfHeaps handles."),
  crt("HeapCreate", "HANDLE", "DWORD flOptions, SIZE_T dwInitialSize, SIZE_T dwMaximumSize", heap,
    "A private heap; a non-zero dwMaximumSize caps its total (and each block at 0x7FFF8 bytes, as on 32-bit Windows). " +
    "Every heap is serialised (HEAP_NO_SERIALIZE is ignored)."),
  crt("HeapDestroy", "BOOL", "HANDLE hHeap", heap, "Frees every block of the heap, then the heap; ERROR_INVALID_HANDLE for the process heap."),
  crt("HeapAlloc", "LPVOID", "HANDLE hHeap, DWORD dwFlags, SIZE_T dwBytes", heap,
    "A 16-byte-aligned block (a 0-byte request gets a block too); HEAP_ZERO_MEMORY zero-fills; NULL with " +
    "ERROR_NOT_ENOUGH_MEMORY when it cannot (HEAP_GENERATE_EXCEPTIONS raises nothing)."),
  crt("HeapReAlloc", "LPVOID", "HANDLE hHeap, DWORD dwFlags, LPVOID lpMem, SIZE_T dwBytes", heap,
    "Resizes a block, moving it unless HEAP_REALLOC_IN_PLACE_ONLY; HEAP_ZERO_MEMORY zero-fills the growth."),
  crt("HeapFree", "BOOL", "HANDLE hHeap, DWORD dwFlags, LPVOID lpMem", heap,
    "Frees a block (NULL succeeds); FALSE with ERROR_INVALID_PARAMETER for a pointer that is not a block of the heap."),
  crt("HeapSize", "SIZE_T", "HANDLE hHeap, DWORD dwFlags, LPCVOID lpMem", heap, "The size asked for, or (SIZE_T)-1 when lpMem is not a block of the heap."),
  crt("HeapValidate", "BOOL", "HANDLE hHeap, DWORD dwFlags, LPCVOID lpMem", heap, "Whether lpMem is a block of the heap (NULL: the whole heap is sound)."),
  crt("HeapCompact", "SIZE_T", "HANDLE hHeap, DWORD dwFlags", heap, "The largest block the heap could still give."),
  crt("HeapLock", "BOOL", "HANDLE hHeap", heap, "Holds the heap's lock (recursive): other threads' calls on it wait until HeapUnlock."),
  crt("HeapUnlock", "BOOL", "HANDLE hHeap", heap, "Releases HeapLock (ERROR_NOT_OWNER from another thread)."),

  // --- local and global memory ---
  crt("LocalAlloc", "HLOCAL", "UINT uFlags, SIZE_T uBytes", local,
    "A process-heap block; LMEM_ZEROINIT zero-fills. LMEM_MOVEABLE gives a fixed block whose handle is its address."),
  crt("LocalFree", "HLOCAL", "HLOCAL hMem", local, "NULL once freed; the handle itself with ERROR_INVALID_HANDLE when it is not a block."),
  crt("LocalReAlloc", "HLOCAL", "HLOCAL hMem, SIZE_T uBytes, UINT uFlags", local,
    "Resizes; without LMEM_MOVEABLE the block may not move (ERROR_NOT_ENOUGH_MEMORY). LMEM_MODIFY changes nothing."),
  crt("LocalSize", "SIZE_T", "HLOCAL hMem", local, "The block's size; 0 with ERROR_INVALID_HANDLE."),
  crt("LocalLock", "LPVOID", "HLOCAL hMem", local, "The block's address (its handle)."),
  crt("LocalUnlock", "BOOL", "HLOCAL hMem", local, "FALSE with ERROR_NOT_LOCKED, as for fixed memory on Windows."),
  crt("LocalHandle", "HLOCAL", "LPCVOID pMem", local, "The handle of a block's address (the address itself)."),
  crt("LocalFlags", "UINT", "HLOCAL hMem", local, "0 (fixed, lock count 0); LMEM_INVALID_HANDLE for something else."),
  crt("GlobalAlloc", "HGLOBAL", "UINT uFlags, SIZE_T dwBytes", local, "LocalAlloc with GMEM_* flags (GMEM_ZEROINIT, GMEM_MOVEABLE...)."),
  crt("GlobalFree", "HGLOBAL", "HGLOBAL hMem", local, "As LocalFree."),
  crt("GlobalReAlloc", "HGLOBAL", "HGLOBAL hMem, SIZE_T dwBytes, UINT uFlags", local, "As LocalReAlloc."),
  crt("GlobalSize", "SIZE_T", "HGLOBAL hMem", local, "As LocalSize."),
  crt("GlobalLock", "LPVOID", "HGLOBAL hMem", local, "As LocalLock."),
  crt("GlobalUnlock", "BOOL", "HGLOBAL hMem", local, "As LocalUnlock."),
  crt("GlobalHandle", "HGLOBAL", "LPCVOID pMem", local, "As LocalHandle."),
  crt("GlobalFlags", "UINT", "HGLOBAL hMem", local, "As LocalFlags (GMEM_INVALID_HANDLE)."),

  // --- virtual memory ---
  crt("VirtualAlloc", "LPVOID", "LPVOID lpAddress, SIZE_T dwSize, DWORD flAllocationType, DWORD flProtect", virt,
    "MEM_RESERVE (with or without MEM_COMMIT) takes a 64 KiB-aligned region of 4 KiB pages from guest memory; " +
    "MEM_COMMIT inside it zero-fills pages. A caller-chosen reservation address fails (ERROR_INVALID_ADDRESS); " +
    "bad flag or protection combinations give ERROR_INVALID_PARAMETER. Protections are recorded, not enforced."),
  crt("VirtualFree", "BOOL", "LPVOID lpAddress, SIZE_T dwSize, DWORD dwFreeType", virt,
    "MEM_RELEASE (size 0, the region's base) or MEM_DECOMMIT of pages (size 0: the whole region)."),
  crt("VirtualProtect", "BOOL", "LPVOID lpAddress, SIZE_T dwSize, DWORD flNewProtect, PDWORD lpflOldProtect", virt,
    "Records a protection on committed pages and returns the old one (not enforced: Wasm memory is all read-write)."),
  crt("VirtualQuery", "SIZE_T", "LPCVOID lpAddress, PMEMORY_BASIC_INFORMATION lpBuffer, SIZE_T dwLength", virt,
    "The state of the pages at an address: reservations as recorded, other guest memory committed " +
    "PAGE_READWRITE, past its end MEM_FREE; ERROR_BAD_LENGTH for a short buffer."),
  crt("VirtualLock", "BOOL", "LPVOID lpAddress, SIZE_T dwSize", virt, "TRUE for committed pages (nothing is paged out)."),
  crt("VirtualUnlock", "BOOL", "LPVOID lpAddress, SIZE_T dwSize", virt, "TRUE for committed pages."),
];
