// The resource limits a kernel boots with (BootOptions.quotas, `ntwasm run --quota NAME=N`), one row
// each: boot checks and sets them from here, and the CLI parses --quota and words its help from here,
// so a new limit is a new row. Kernel limits carry their NTW_QUOTA_* kind (abi/constants.ts); the others
// the host keeps itself. docs/reliability.md has the defaults and what each does when reached.
import * as abi from "./generated/abi.ts";

/** BootOptions.quotas: each a count from 1 to its row's `max`; left out, the default. */
export interface Quotas {
  /** User APCs queued to one thread and not yet run (default 65,536; QueueUserAPC past it: ERROR_NO_SYSTEM_RESOURCES). */
  apcs?: number;
  /** Bytes one pipe end holds unread before writers wait, whatever buffer size the pipe was created with (default 16 MiB). */
  pipeBuffer?: number;
  /** Characters of a console's output the host holds, not yet written out, before the guest's writes wait (default 1 MiB). */
  consoleBacklog?: number;
  /** Handles one process has open (default 16,777,216, Windows' limit; past it: ERROR_NO_SYSTEM_RESOURCES). */
  handles?: number;
  /**
   * Bytes of kernel memory in use, all processes together (default 1 GiB; past it calls fail, creates with
   * ERROR_NO_SYSTEM_RESOURCES).
   */
  kernelMemory?: number;
  /** Objects one process's calls created that are still alive (default 1,048,576; past it: ERROR_NOT_ENOUGH_QUOTA). */
  objects?: number;
  /** Threads of one process (default 2,048; CreateThread past it: ERROR_NOT_ENOUGH_MEMORY). */
  threads?: number;
  /**
   * Threads of all processes, each on a host worker (default 4,096; CreateThread and CreateProcess past it:
   * ERROR_NOT_ENOUGH_MEMORY): the host never starts more workers.
   */
  workers?: number;
}

export interface QuotaRow {
  key: keyof Quotas;
  /** Its name in `--quota NAME=N`. */
  cli: string;
  /** What N is, in --quota's help and errors. */
  unit: "N" | "BYTES";
  /** kernel/lib/quota.ts QUOTA_* for ntw_set_quota; none for a limit the host keeps. */
  kind?: number;
  max: number;
  /** `ntwasm run --help`: what it bounds, its default, what happens past it. */
  help: string;
}

const U32_MAX = 0xffffffff;

export const QUOTAS: readonly QuotaRow[] = [
  { key: "apcs", cli: "apcs", unit: "N", kind: abi.NTW_QUOTA_APCS, max: U32_MAX,
    help: "user APCs queued to one thread and not yet run (default 65536; QueueUserAPC then fails with ERROR_NO_SYSTEM_RESOURCES)" },
  { key: "pipeBuffer", cli: "pipe-buffer", unit: "BYTES", kind: abi.NTW_QUOTA_PIPE_BUFFER, max: U32_MAX,
    help: "unread bytes one pipe end holds before writers wait (default 16 MiB, whatever buffer size the pipe was created with)" },
  { key: "consoleBacklog", cli: "console-backlog", unit: "BYTES", max: U32_MAX,
    help: "output (in characters) not yet written to stdout / stderr before the guest's writes wait for its reader (default 1 MiB)" },
  { key: "handles", cli: "handles", unit: "N", kind: abi.NTW_QUOTA_HANDLES, max: 1 << 24,
    help: "handles one process has open (default and most 16777216, as on Windows; then ERROR_NO_SYSTEM_RESOURCES)" },
  { key: "kernelMemory", cli: "kernel-memory", unit: "BYTES", kind: abi.NTW_QUOTA_KERNEL_MEMORY, max: 2 ** 31,
    help: "kernel memory in use by all processes (default 1 GiB, at most 2 GiB; creates then fail with ERROR_NO_SYSTEM_RESOURCES)" },
  { key: "objects", cli: "objects", unit: "N", kind: abi.NTW_QUOTA_OBJECTS, max: U32_MAX,
    help: "live objects one process created (default 1048576; creates then fail with ERROR_NOT_ENOUGH_QUOTA)" },
  { key: "threads", cli: "threads", unit: "N", kind: abi.NTW_QUOTA_THREADS, max: U32_MAX,
    help: "threads of one process (default 2048; CreateThread then fails with ERROR_NOT_ENOUGH_MEMORY)" },
  { key: "workers", cli: "workers", unit: "N", kind: abi.NTW_QUOTA_WORKERS, max: 1 << 16, // the kernel makes a slot for each at boot
    help: "threads of all processes, each on a host worker (default 4096, at most 65536; CreateThread and CreateProcess then fail " +
      "with ERROR_NOT_ENOUGH_MEMORY, and no more workers start)" },
];

