// C-runtime Win32 functions: threads. See abi/crt/types.ts.
import { crt, type CrtFunction } from "./types.ts";

const slist = "kernel32/slist.c";
const entry = "PSLIST_ENTRY";

export const THREADS: CrtFunction[] = [
  // --- interlocked singly linked lists (lock-free: one 64-bit compare-exchange on the header) ---
  crt("InitializeSListHead", "void", "PSLIST_HEADER ListHead", slist, "Empties an 8-byte SLIST_HEADER (zero)."),
  crt("InterlockedPushEntrySList", entry, "PSLIST_HEADER ListHead, PSLIST_ENTRY ListEntry", slist,
    "Pushes an entry; returns the entry that was first before (NULL for an empty list). The header's depth and " +
    "sequence change with it in one 64-bit compare-exchange, as on 32-bit Windows."),
  crt("InterlockedPopEntrySList", entry, "PSLIST_HEADER ListHead", slist,
    "Pops the first entry (NULL when the list is empty); the header's sequence number defeats ABA."),
  crt("InterlockedFlushSList", entry, "PSLIST_HEADER ListHead", slist,
    "Empties the list; returns its first entry (the entries stay linked), NULL when it was empty."),
  crt("QueryDepthSList", "USHORT", "PSLIST_HEADER ListHead", slist, "The number of entries (the low 16 bits of it, as on Windows)."),
  crt("InterlockedPushListSListEx", entry, "PSLIST_HEADER ListHead, PSLIST_ENTRY List, PSLIST_ENTRY ListEnd, ULONG Count", slist,
    "Pushes Count entries already linked from List to ListEnd in one exchange; returns the entry that was first before."),
  crt("RtlFirstEntrySList", entry, "const SLIST_HEADER *ListHead", slist, "The first entry, NULL for an empty list; the list is unchanged.", "ntdll"),
  crt("RtlInitializeSListHead", "void", "PSLIST_HEADER ListHead", slist, "ntdll's InitializeSListHead.", "ntdll"),
  crt("RtlInterlockedPushEntrySList", entry, "PSLIST_HEADER ListHead, PSLIST_ENTRY ListEntry", slist,
    "ntdll's InterlockedPushEntrySList.", "ntdll"),
  crt("RtlInterlockedPopEntrySList", entry, "PSLIST_HEADER ListHead", slist, "ntdll's InterlockedPopEntrySList.", "ntdll"),
  crt("RtlInterlockedFlushSList", entry, "PSLIST_HEADER ListHead", slist, "ntdll's InterlockedFlushSList.", "ntdll"),
  crt("RtlQueryDepthSList", "USHORT", "PSLIST_HEADER ListHead", slist, "ntdll's QueryDepthSList.", "ntdll"),
  crt("RtlInterlockedPushListSListEx", entry, "PSLIST_HEADER ListHead, PSLIST_ENTRY List, PSLIST_ENTRY ListEnd, ULONG Count", slist,
    "ntdll's InterlockedPushListSListEx.", "ntdll"),
];
