// `ntwasm run --check-kernel[=MS]`: the kernel invariant checker (kernel/check.ts, Kernel.checkKernel) every
// MS milliseconds while the guest runs and once more at its end. The first violation is reported on
// stderr and ends the run with CHECK_KERNEL_EXIT.
import type { Kernel } from "./kernel.ts";

/** `ntwasm run --check-kernel`'s exit code when the checker found a broken kernel invariant. */
export const CHECK_KERNEL_EXIT = 123;
/** The default interval of --check-kernel (ms). */
export const CHECK_KERNEL_MS = 100;

/** `--check-kernel=MS`: a whole number of milliseconds from 1 to 3,600,000, or undefined when not valid. */
export function checkInterval(v: string): number | undefined {
  const n = Number(v);
  return /^\d+$/.test(v) && n >= 1 && n <= 3_600_000 ? n : undefined;
}

/**
 * Runs `kernel.checkKernel()` every `ms` milliseconds until stopped; calls `onViolation` once with the first
 * violation. `check()` runs it at once (the run's end): true when clean. A failed kernel (a kernel fault) is
 * not checked: it has ended everything already and is reported on its own.
 */
export function watchKernel(kernel: Kernel, ms: number, onViolation: (message: string) => void): { stop(): void; check(): boolean } {
  let reported = false;
  const check = (): boolean => {
    if (reported) return false;
    if (kernel.failure) return true;
    let v: string | null;
    try { v = kernel.checkKernel(); } catch (e) { if (kernel.failure) return true; throw e; }
    if (v === null) return true;
    reported = true;
    onViolation(v);
    return false;
  };
  const timer = setInterval(check, ms);
  timer.unref?.();
  return { stop: () => clearInterval(timer), check };
}
