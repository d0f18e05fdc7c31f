// Console input through the real path: the host types into the kernel's input console, guests read it.
import { expect, it } from "vitest";
import { guestBytes, useKernel } from "./harness.ts";

const kernel = useKernel();

it("guests read typed lines, the input handle is waitable, and reads end with the input", async () => {
  const r = await kernel().run(guestBytes("console"), { entry: "test_read_lines", stdin: "first line\nzweite Zeile ü\nthird\n" });
  expect(r.stdout.split("\n").filter((l) => l.startsWith("FAIL")), r.stdout).toEqual([]);
  expect(r.code).toBe(0);
});

it("a reader waits for input that comes later, a whole line at a time (writeStdin / endStdin)", async () => {
  let out = "";
  const p = await kernel().spawn(guestBytes("cli_guest"), { entry: "echo_lines", stdout: (t) => { out += t; } });
  // A line typed in parts is read as one line: a Windows console hands ReadConsole/ReadFile nothing
  // until Enter. The pause lets the guest's read start between "thr" and "ee\n"; input that ends
  // without a newline is the last, unterminated line.
  p.writeStdin("one\n");
  p.writeStdin("two\nthr");
  await new Promise((r) => setTimeout(r, 50));
  p.writeStdin("ee\nfo");
  await new Promise((r) => setTimeout(r, 50));
  p.writeStdin("ur");
  p.endStdin();
  const exit = await p.exited;
  expect(out).toBe("got: one (CRLF)\ngot: two (CRLF)\ngot: three (CRLF)\ngot: four\nend of input after 4 lines\n");
  expect(exit.code).toBe(4);
});

it("SetStdHandle replaces a standard handle", async () => {
  const r = await kernel().run(guestBytes("console"), { entry: "test_set_std_handle" });
  expect(r.stdout.split("\n").filter((l) => l.startsWith("FAIL")), r.stdout).toEqual([]);
  expect(r.code).toBe(0);
});
