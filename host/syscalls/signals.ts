// Ways a guest thread leaves guest code early: thrown from a host syscall, they unwind the guest's
// Wasm stack back to the thread runtime, which ends the thread or the process.
export class ExitThreadSignal { constructor(readonly code: number) {} }
export class ExitProcessSignal { constructor(readonly code: number) {} }
