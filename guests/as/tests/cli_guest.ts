// Guest for test/cli.test.ts: exports whose exit codes and output the CLI must pass through.
import {
  CreateEventW, CreateThread, ExitProcess, GetStdHandle, INFINITE, SetEvent, Sleep,
  ReadConsoleW, STD_ERROR_HANDLE, STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, WaitForSingleObject, WriteConsoleW,
} from "../ntwasm";
import { commandLine, println } from "../lib/win";

export function exit_code_3(): i32 { return 3; }

export function exit_process_5(): i32 { ExitProcess(5); return 0; }

/** Prints its command line. */
export function print_command_line(): i32 {
  println(commandLine());
  return 0;
}

/** One line, then a pause, then another: the first must reach the terminal before the guest ends. */
export function stream(): i32 {
  println("first");
  Sleep(3000);
  println("second");
  return 0;
}

function say(text: string, stream: u32): void {
  WriteConsoleW(GetStdHandle(stream), changetype<usize>(text), text.length, 0, 0);
}

/** Thread `n` (1..3) waits for event n-1, prints, sets event n: output order is fixed by the waits. */
function relay(events: u32): u32 {
  WaitForSingleObject(load<u32>(events), INFINITE);
  say("thread says hello\n", STD_OUTPUT_HANDLE);
  say("thread writes to stderr\n", STD_ERROR_HANDLE);
  SetEvent(load<u32>(events, 4));
  return 0;
}

export function ordered_threads(): i32 {
  const events = heap.alloc(16);
  for (let i = 0; i < 4; i++) store<u32>(events + 4 * i, CreateEventW(0, 1, 0, 0));
  for (let i = 0; i < 3; i++) CreateThread(0, 0, relay.index, events + 4 * i, 0, 0);
  println("main before");
  SetEvent(load<u32>(events));
  WaitForSingleObject(load<u32>(events, 12), INFINITE);
  println("main after");
  return 0;
}

/** Echoes each line typed at the console (ReadConsoleW) until the input ends. */
export function echo_lines(): i32 {
  const input = GetStdHandle(STD_INPUT_HANDLE);
  const buf = heap.alloc(512), count = heap.alloc(4);
  let lines = 0;
  while (ReadConsoleW(input, buf, 256, count, 0) && load<u32>(count) > 0) {
    const line = String.UTF16.decodeUnsafe(buf, load<u32>(count) << 1);
    println("got: " + line.replace("\r\n", "") + (line.endsWith("\r\n") ? " (CRLF)" : ""));
    lines++;
  }
  println("end of input after " + lines.toString() + " lines");
  return lines;
}
