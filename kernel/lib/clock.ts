// Monotonic time in milliseconds (fractional), shared by every instance. Each worker reads the host's
// clock (timeOrigin + performance.now()), but workers sample the wall clock when they start, so two
// workers' readings can disagree by a millisecond or more. The kernel keeps the largest reading any
// thread has seen and never returns less: tick counts and the performance counter never go back,
// even between threads on different workers.
import { root, Root } from "./root";

// @ts-ignore: decorator
@external("host", "now")
declare function hostNow(): f64;

export function now(): f64 {
  const t = hostNow();
  const bits = reinterpret<i64>(t); // positive doubles order like their bit patterns
  const p = changetype<usize>(root()) + offsetof<Root>("clockMax");
  let last = atomic.load<i64>(p);
  while (bits > last) {
    const seen = atomic.cmpxchg<i64>(p, last, bits);
    if (seen == last) return t;
    last = seen;
  }
  return reinterpret<f64>(last);
}
