// A small wait chain for Kernel.snapshot() views and test/snapshot.test.ts: the main thread waits for
// the mutex "wg-mutex", which an owner thread holds while it waits for the event "wg-go"; a third
// thread sets the event when a line arrives on the console input. So the live picture is
//   main → wg-mutex (owned by owner) , owner → wg-go , reader → console input.
import {
  CloseHandle, CreateEventW, CreateMutexW, CreateThread, GetStdHandle, INFINITE, ReadConsoleW, ReleaseMutex,
  SetEvent, STD_INPUT_HANDLE, WaitForSingleObject,
} from "../ntwasm";
import { println, W } from "../lib/win";

/** [0] mutex, [4] go event, [8] ready event. */
function owner(b: u32): u32 {
  WaitForSingleObject(load<u32>(b), INFINITE);
  SetEvent(load<u32>(b, 8));
  WaitForSingleObject(load<u32>(b, 4), INFINITE);
  ReleaseMutex(load<u32>(b));
  return 0;
}

/** [4] go event; [12] input buffer (64 bytes), [76] count. */
function reader(b: u32): u32 {
  ReadConsoleW(GetStdHandle(STD_INPUT_HANDLE), b + 12, 32, b + 76, 0);
  SetEvent(load<u32>(b, 4));
  return 0;
}

export function main(): i32 {
  const b = heap.alloc(80);
  store<u32>(b, CreateMutexW(0, 0, W("wg-mutex")));
  store<u32>(b, CreateEventW(0, 1, 0, W("wg-go")), 4);
  store<u32>(b, CreateEventW(0, 1, 0, 0), 8);
  const t1 = CreateThread(0, 0, owner.index, b, 0, 0);
  WaitForSingleObject(load<u32>(b, 8), INFINITE); // the owner holds the mutex now
  const t2 = CreateThread(0, 0, reader.index, b, 0, 0);
  println("waiting for wg-mutex; type a line to let its owner go");
  const r = WaitForSingleObject(load<u32>(b), INFINITE);
  println("got wg-mutex: " + r.toString());
  ReleaseMutex(load<u32>(b));
  WaitForSingleObject(t1, INFINITE);
  WaitForSingleObject(t2, INFINITE);
  CloseHandle(t1);
  CloseHandle(t2);
  return r;
}
