// Debugging (docs/debugging.md), 1200..1219, module ntwasm: wait chains (what a thread is blocked on, who
// owns it, and so on, in the spirit of Windows' GetThreadWaitChain; kernel/nt/waitchain.ts, the node
// layout in guests/include/ntwasm/waitchain.h) and the tests' kernel fault injection.
import { call, opt, out, u32, type Entry } from "./params.ts";

export const DEBUG: Entry[] = [
  call(1200, "NtwGetThreadWaitChain", "BOOL", [u32("ThreadId"), u32("NodeCount"),
    out("NodeInfoArray", "PNTW_WAIT_NODE", "NodeCount * 160", 2560), out("ChainLength", "LPDWORD"), opt(out("IsCycle", "LPBOOL"))],
    "The wait chain of thread ThreadId (any process): the thread (NTW_WCT_THREAD: running or blocked, the ms " +
    "its wait has left, NTW_WCT_FLAG_FOREVER when only another thread can end it), each object it waits for " +
    "(its type, a handle to it in the waiter's process or the address of a user-mode lock, its name, a " +
    "mutex's or critical section's owner), then the owner thread of the first object that has one " +
    "(a mutex's or critical section's owner, the thread or process a join waits for), and so on, at most " +
    "NTW_WCT_MAX_NODES nodes. *ChainLength is the chain's length; only the first NodeCount nodes are " +
    "written. *IsCycle is TRUE when the chain came back to a thread already in it (a deadlock), which is " +
    "then its last node. ERROR_INVALID_PARAMETER when no live thread has that id.",
    { module: "ntwasm" }),
  call(1201, "NtwInjectKernelFault", "BOOL", [u32("dwKind")],
    "Tests only: traps inside the kernel while it holds its lock, as a kernel bug would (dwKind 0: divide by " +
    "zero, 1: unreachable, 2: out-of-bounds memory access), so that a test sees the host catch it: the kernel " +
    "is marked failed, every process ends, shutdown completes. FALSE with ERROR_NOT_SUPPORTED unless the kernel " +
    "was booted with faultInjection (the CLI: NTWASM_FAULT_INJECTION=1).", { module: "ntwasm" }),
];
