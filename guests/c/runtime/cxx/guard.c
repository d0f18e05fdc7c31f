/*
 * C++ function-local statics from several threads. libc++abi for wasm32 is built without threads, so
 * its __cxa_guard_acquire does not stop two threads from running a static's constructor at once; these
 * replace it (the runtime library comes before libc++abi.a in the link). The guard is 32 bits on wasm32,
 * as on ARM: its first byte says "initialised" (compiled code tests it without a call), the second is the lock:
 * 0 free, 1 being initialised, 2 being initialised with threads waiting (WaitOnAddress).
 */
#include <windows.h>
#include <stdint.h>

int __cxa_guard_acquire(uint32_t *guard) {
  volatile uint8_t *done = (volatile uint8_t *)guard;
  uint8_t *lock = (uint8_t *)guard + 1;
  for (;;) {
    if (__atomic_load_n(done, __ATOMIC_ACQUIRE)) return 0;
    uint8_t free = 0;
    if (__atomic_compare_exchange_n(lock, &free, 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
      if (__atomic_load_n(done, __ATOMIC_ACQUIRE)) { /* another thread finished in between */
        __atomic_store_n(lock, 0, __ATOMIC_RELEASE);
        return 0;
      }
      return 1; /* the caller runs the constructor, then __cxa_guard_release */
    }
    uint8_t busy = 1;
    __atomic_compare_exchange_n(lock, &busy, 2, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
    uint8_t seen = 2;
    WaitOnAddress(lock, &seen, 1, INFINITE);
  }
}

static void unlock(uint32_t *guard) {
  uint8_t *lock = (uint8_t *)guard + 1;
  if (__atomic_exchange_n(lock, 0, __ATOMIC_ACQ_REL) == 2) WakeByAddressAll(lock);
}

void __cxa_guard_release(uint32_t *guard) {
  __atomic_store_n((uint8_t *)guard, 1, __ATOMIC_RELEASE);
  unlock(guard);
}

/* The constructor threw: the next caller tries again (kept for the ABI; there are no exceptions here). */
void __cxa_guard_abort(uint32_t *guard) { unlock(guard); }
