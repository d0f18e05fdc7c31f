// Monotonic time from the host, in milliseconds (fractional). Only timed waits ask for it.
// @ts-ignore: decorator
@external("host", "now")
export declare function now(): f64;
