// Console input through the real path: the host types into the kernel's input console, guests read it.
import { expect, it } from "vitest";
import { guestBytes, useKernel } from "./harness.ts";

const kernel = useKernel();

it("guests read typed lines, the input handle is waitable, and reads end with the input", async () => {
  const r = await kernel().run(guestBytes("console"), { entry: "test_read_lines", stdin: "first line\nzweite Zeile ü\nthird\n" });
  expect(r.stdout.split("\n").filter((l) => l.startsWith("FAIL")), r.stdout).toEqual([]);
  expect(r.code).toBe(0);
});

it("a reader waits for input that comes later (writeStdin / endStdin)", async () => {
  let out = "";
  const p = await kernel().spawn(guestBytes("cli_guest"), { entry: "echo_lines", stdout: (t) => { out += t; } });
  // Whole lines only: a read that comes between "three" and its "\n" gets the part line (the
  // console does not yet hold a line back until Enter, as Windows does; see the stop note).
  p.writeStdin("one\n");
  p.writeStdin("two\nthree\n");
  p.endStdin();
  const exit = await p.exited;
  expect(out).toBe("got: one (CRLF)\ngot: two (CRLF)\ngot: three (CRLF)\nend of input after 3 lines\n");
  expect(exit.code).toBe(3);
});

it("SetStdHandle replaces a standard handle", async () => {
  const r = await kernel().run(guestBytes("console"), { entry: "test_set_std_handle" });
  expect(r.stdout.split("\n").filter((l) => l.startsWith("FAIL")), r.stdout).toEqual([]);
  expect(r.code).toBe(0);
});
