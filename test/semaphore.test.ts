import { conformance } from "./harness.ts";
conformance("semaphore");
