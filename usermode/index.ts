// usermode.wasm: ntwasm's user-mode runtime, the half of "ntdll" that runs in the guest's address
// space. It imports the guest's memory and works directly on the guest's CRITICAL_SECTIONs, SRW
// locks, condition variables, INIT_ONCEs and synchronization barriers, and ReleaseSemaphore's out parameter; the guest's imports of these entry points (impl "user"
// in abi/syscalls/usermode.ts) are bound to the exports below. The kernel is called only to sleep
// and to wake sleepers (keyed waits, kernel/nt/address.ts).
//
// Rules (checked by test/usermode-invariants.test.ts): no data segments, since instantiating the
// module would write them into the guest's memory; no mutable globals, since an instance serves one
// thread and shared state belongs in guest memory; no allocation.
export {
  InitializeCriticalSection, InitializeCriticalSectionAndSpinCount, InitializeCriticalSectionEx, EnterCriticalSection,
  TryEnterCriticalSection, LeaveCriticalSection, DeleteCriticalSection, SetCriticalSectionSpinCount,
} from "./critsec";
export {
  InitializeSRWLock, AcquireSRWLockExclusive, ReleaseSRWLockExclusive, AcquireSRWLockShared, ReleaseSRWLockShared,
  TryAcquireSRWLockExclusive, TryAcquireSRWLockShared,
} from "./srwlock";
export {
  InitializeConditionVariable, SleepConditionVariableCS, SleepConditionVariableSRW, WakeConditionVariable,
  WakeAllConditionVariable,
} from "./condvar";
export { InitOnceInitialize, InitOnceExecuteOnce, InitOnceBeginInitialize, InitOnceComplete } from "./initonce";
export {
  InitializeSynchronizationBarrier, EnterSynchronizationBarrier, DeleteSynchronizationBarrier,
} from "./barrier";
export { WaitOnAddress, WakeByAddressSingle, WakeByAddressAll } from "./address";
export { ReleaseSemaphore } from "./semaphore";
export { GetQueuedCompletionStatus } from "./iocompletion";
