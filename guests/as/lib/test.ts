// A tiny conformance-test kit for AssemblyScript guests, in the spirit of Wine's ok(): each check
// that fails prints one "FAIL:" line; a test export returns its number of failures. Main thread only
// (it allocates strings); threads report through shared memory and the main thread checks.
import { println } from "./win";

let failures: i32 = 0;
let checks: i32 = 0;

export function ok(cond: bool, what: string): void {
  checks++;
  if (!cond) { failures++; println("FAIL: " + what); }
}

export function eq<T>(actual: T, expected: T, what: string): void {
  checks++;
  if (actual != expected) {
    failures++;
    println("FAIL: " + what + ": got " + actual.toString() + ", expected " + expected.toString());
  }
}

/** Prints the tally and returns the failure count (the test export's result / exit code). */
export function done(): i32 {
  println(checks.toString() + " checks, " + failures.toString() + " failed");
  return failures;
}

/** Shared zeroed memory for threads, allocated by the main thread before they start. */
export function shared(bytes: usize): usize {
  const p = heap.alloc(bytes);
  memory.fill(p, 0, bytes);
  return p;
}
