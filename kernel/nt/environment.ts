// Process environment blocks: UTF-16 "NAME=VALUE\0" entries in kernel memory, one block per process,
// copied from the parent at CreateProcess. Names compare case-insensitively (ASCII), as on Windows.
import { kalloc, kfree } from "../lib/alloc";
import { setResult } from "../lib/tls";
import { Process } from "../objects/process";
import {
  STATUS_BUFFER_TOO_SMALL, STATUS_INVALID_PARAMETER, STATUS_NO_MEMORY, STATUS_SUCCESS, STATUS_VARIABLE_NOT_FOUND,
} from "../generated/abi";

function lower(c: u32): u32 { return c >= 65 && c <= 90 ? c + 32 : c; }

/** Char offset of the entry named name[0..len) in p's block, or -1. */
function find(p: Process, name: usize, len: u32): i32 {
  let i: u32 = 0;
  while (i < p.envChars) {
    const e = p.env + (<usize>i << 1);
    let j: u32 = 0;
    while (j < len && lower(load<u16>(e + (<usize>j << 1))) == lower(load<u16>(name + (<usize>j << 1)))) j++;
    if (j == len && load<u16>(e + (<usize>j << 1)) == 61 /* = */) return <i32>i;
    while (load<u16>(p.env + (<usize>i << 1))) i++; // to the entry's NUL
    i++;
  }
  return -1;
}

function entryChars(p: Process, at: u32): u32 {
  let n: u32 = 0;
  while (load<u16>(p.env + (<usize>(at + n) << 1))) n++;
  return n + 1;
}

function reserve(p: Process, chars: u32): bool {
  if (p.envChars + chars <= p.envCap) return true;
  let cap = p.envCap ? p.envCap : 256;
  while (cap < p.envChars + chars) cap <<= 1;
  const block = kalloc(<usize>cap << 1);
  if (!block) return false;
  if (p.env) {
    memory.copy(block, p.env, <usize>p.envChars << 1);
    kfree(p.env, <usize>p.envCap << 1);
  }
  p.env = block;
  p.envCap = cap;
  return true;
}

/** Gives new process `to` a copy of `from`'s environment; false when memory is exhausted. */
export function envCopy(from: Process, to: Process): bool {
  if (!from.envChars) return true;
  if (!reserve(to, from.envChars)) return false;
  memory.copy(to.env, from.env, <usize>from.envChars << 1);
  to.envChars = from.envChars;
  return true;
}

/**
 * Copies the value of `name` into buf (cap chars, NUL-terminated); `result` is the value's length.
 * STATUS_BUFFER_TOO_SMALL (nothing copied) when it does not fit with its NUL.
 */
export function envGet(p: Process, name: usize, len: u32, buf: usize, cap: u32): u32 {
  const at = find(p, name, len);
  if (at < 0) return STATUS_VARIABLE_NOT_FOUND;
  const value = p.env + (<usize>(<u32>at + len + 1) << 1);
  const n = entryChars(p, <u32>at + len + 1) - 1;
  setResult(n);
  if (n + 1 > cap) return STATUS_BUFFER_TOO_SMALL;
  memory.copy(buf, value, <usize>(n + 1) << 1);
  return STATUS_SUCCESS;
}

/** Sets (or with value 0, removes) `name`. Names are non-empty and contain no '=' after the first char. */
export function envSet(p: Process, name: usize, len: u32, value: usize, valueLen: u32): u32 {
  if (!len) return STATUS_INVALID_PARAMETER;
  for (let j: u32 = 1; j < len; j++) if (load<u16>(name + (<usize>j << 1)) == 61) return STATUS_INVALID_PARAMETER;
  const at = find(p, name, len);
  if (at >= 0) {
    const n = entryChars(p, <u32>at);
    memory.copy(p.env + (<usize>at << 1), p.env + (<usize>(<u32>at + n) << 1), <usize>(p.envChars - <u32>at - n) << 1);
    p.envChars -= n;
  }
  if (!value) return STATUS_SUCCESS;
  const n = len + 1 + valueLen + 1;
  if (!reserve(p, n)) return STATUS_NO_MEMORY;
  const e = p.env + (<usize>p.envChars << 1);
  memory.copy(e, name, <usize>len << 1);
  store<u16>(e + (<usize>len << 1), 61);
  memory.copy(e + (<usize>(len + 1) << 1), value, <usize>valueLen << 1);
  store<u16>(e + (<usize>(n - 1) << 1), 0);
  p.envChars += n;
  return STATUS_SUCCESS;
}
