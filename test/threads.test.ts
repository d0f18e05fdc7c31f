import { conformance } from "./harness.ts";

// 256 threads at once start 256 workers: give the file time on a 2-core machine.
conformance("threads", 180_000);
