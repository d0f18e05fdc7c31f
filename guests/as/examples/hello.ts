// The smallest guest: create an event, start a thread that sets it, wait for it.
import { CloseHandle, CreateEventW, CreateThread, INFINITE, SetEvent, WaitForSingleObject } from "../ntwasm";
import { println } from "../lib/win";

function worker(event: u32): u32 {
  SetEvent(event);
  return 7;
}

export function main(): i32 {
  const ev = CreateEventW(0, 1, 0, 0);
  const th = CreateThread(0, 0, worker.index, ev, 0, 0);
  const r = WaitForSingleObject(ev, INFINITE);
  WaitForSingleObject(th, INFINITE);
  println("hello from ntwasm: wait returned " + r.toString());
  CloseHandle(th);
  CloseHandle(ev);
  return 0;
}
