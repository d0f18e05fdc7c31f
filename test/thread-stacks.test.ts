// Guests that keep their stack in memory (C compiled with clang exports __stack_pointer) get a stack
// of their own for every thread, carved from their memory and reused after the thread ends.
import { expect, it } from "vitest";
import { guestBytes, useKernel } from "./harness.ts";

const kernel = useKernel();

it("each thread starts on its own page-aligned stack; ended threads' stacks are reused", async () => {
  const r = await kernel().run(guestBytes("stacks"));
  expect(r.crash, r.stderr).toBeUndefined();
  expect(r.code, "bitmask of failed checks in guests/wat/stacks.wat").toBe(0);
});
