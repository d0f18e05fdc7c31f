// ntdll's symbolic link calls and NtMakeTemporaryObject (abi/syscalls/ntdll.ts 483..486): NTSTATUS results.
// Names arrive as (RootDirectory, name, length, Attributes) from the host's OBJECT_ATTRIBUTES check, link
// targets as the host's copy of the UNICODE_STRING (kinds "ustr", "ustrout").
import { result } from "../lib/tls";
import { ntOpen, OA_NULL, OBJ_INHERIT } from "../nt/object";
import { ntSuccess } from "../nt/status";
import { ntCreateSymbolicLink, ntMakeTemporary, ntQuerySymbolicLink } from "../nt/symlink";
import { STATUS_ACCESS_VIOLATION, TYPE_SYMBOLICLINK } from "../generated/abi";

export function NtCreateSymbolicLinkObject(LinkHandle: usize, DesiredAccess: u32, root: u32, name: usize, nameLen: i32, attr: u32,
  LinkTarget: usize): u32 {
  if (!LinkTarget) return STATUS_ACCESS_VIOLATION; // read before the handle pointer is, as NT does
  if (!LinkHandle) return STATUS_ACCESS_VIOLATION;
  if (attr == OA_NULL) return STATUS_ACCESS_VIOLATION; // Vista and later refuse a NULL OBJECT_ATTRIBUTES here (om.c)
  const st = ntCreateSymbolicLink(DesiredAccess, (attr & OBJ_INHERIT) != 0, name, nameLen, root, attr, LinkTarget);
  if (ntSuccess(st)) store<u32>(LinkHandle, <u32>result);
  return st;
}

export function NtOpenSymbolicLinkObject(LinkHandle: usize, DesiredAccess: u32, root: u32, name: usize, nameLen: i32, attr: u32): u32 {
  if (!LinkHandle) return STATUS_ACCESS_VIOLATION;
  const st = ntOpen(TYPE_SYMBOLICLINK, DesiredAccess, (attr & OBJ_INHERIT) != 0, name, nameLen, root, attr);
  if (ntSuccess(st)) store<u32>(LinkHandle, <u32>result);
  return st;
}

export function NtQuerySymbolicLinkObject(LinkHandle: u32, LinkTarget: usize, ReturnedLength: usize): u32 {
  return ntQuerySymbolicLink(LinkHandle, LinkTarget, ReturnedLength);
}

export function NtMakeTemporaryObject(Handle: u32): u32 { return ntMakeTemporary(Handle); }
