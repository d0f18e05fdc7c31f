// Kernel.snapshot(): a consistent picture of processes, threads, objects, handles and the wait graph,
// taken while a guest is blocked in a wait chain (guests/as/programs/waitgraph.ts).
import { expect, it } from "vitest";
import { guestBytes, useKernel } from "./harness.ts";
import type { KernelSnapshot } from "ntwasm";

const kernel = useKernel();

it("shows who waits on what and who owns it, with names and handles", async () => {
  let out = "";
  const p = await kernel().spawn(guestBytes("waitgraph"), { stdout: (t) => { out += t; } });
  let snap: KernelSnapshot | undefined;
  for (let i = 0; i < 500; i++) { // until all three threads are blocked
    snap = kernel().snapshot();
    if (snap.threads.filter((t) => t.pid === p.pid && t.waitingOn.length).length === 3) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const s = snap!;
  const proc = s.processes.find((q) => q.pid === p.pid)!;
  const named = (name: string) => [...s.objects.values()].find((o) => o.name === name)!;
  const mutex = named("wg-mutex"), go = named("wg-go");
  expect(mutex.type).toBe("Mutant");
  expect(go.type).toBe("Event");
  expect(go.signaled).toBe(false);
  expect(proc.handles.map((h) => h.object)).toEqual(expect.arrayContaining([mutex.id, go.id]));
  expect(proc.handles.every((h) => h.value % 4 === 0)).toBe(true);
  const threads = s.threads.filter((t) => t.pid === p.pid);
  const ownerThread = threads.find((t) => t.ownedMutexes.includes(mutex.id))!;
  expect(ownerThread.waitingOn).toEqual([go.id]);
  expect(mutex.detail[0]).toBe(ownerThread.tid); // owner tid
  const edge = s.waits.find((w) => w.object === mutex.id)!;
  expect(edge.owner).toBe(ownerThread.tid);
  expect(threads.some((t) => t.waitingOn.some((id) => s.objects.get(id)!.type === "Console"))).toBe(true);

  p.writeStdin("go\n");
  expect((await p.exited).code).toBe(0);
  expect(out).toContain("got wg-mutex: 0");
  const after = kernel().snapshot();
  expect(after.processes.find((q) => q.pid === p.pid)).toBeUndefined(); // gone with its last reference
});
