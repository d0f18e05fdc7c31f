// Node 20's V8 (11.3) baseline Wasm compiler, Liftoff, can clobber a live 64-bit local across an
// `i32.atomic.rmw.cmpxchg` when several threads contend for the same word: a kernel local read back
// as 0 after taking the kernel lock (seen as a service call's size turning into 0, a deadline into
// "already expired", a directory listed twice). The kernel, the user-mode runtime and every C
// guest's libc take locks that way, so the Node host compiles all Wasm with the optimizing tier
// only. The flag is process-wide and must be set before the first module is compiled, which is why
// this module is the Node platform's first import. More in docs/architecture.md ("V8 and Liftoff").
import { setFlagsFromString } from "node:v8";

setFlagsFromString("--no-liftoff");
