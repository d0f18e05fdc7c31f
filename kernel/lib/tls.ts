// The kernel's only mutable Wasm globals. Each worker instantiates kernel.wasm once, so a global is
// per guest thread: these are that thread's registers. Shared state never lives here (see
// docs/architecture.md); test/kernel-invariants.test.ts fails if a mutable global appears elsewhere.

/** The calling thread's record (set by ntw_attach when the worker starts). */
export let currentThread: usize = 0;
/** Extra results of kernel-internal calls that return a status: an object, a component... */
export let result: usize = 0;
export let result2: usize = 0;
export let result3: u32 = 0;

export function setCurrentThread(t: usize): void { currentThread = t; }
export function setResult(v: usize): void { result = v; }
export function setResults(a: usize, b: usize, c: u32): void { result = a; result2 = b; result3 = c; }
